#pragma once

// The console holds secrets in memory (SK, security token, IAM password and token, proxy
// password): a core dump would write them to disk, and another process of the same user could
// read them through /proc or a debugger. Marks the process non-dumpable, which forbids both.
// Returns whether the process is now non-dumpable (false where the system has no such switch).
bool makeProcessNonDumpable();
