#pragma once

// A process that a test or the benchmark starts ends with it: SIGTERM when the process that
// started it dies, however it dies (a crash, a failed test's abort, SIGKILL). A dcs-sim so
// ended stops its redis-server processes in turn, so nothing is left running.

#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace dcs::testing {

// Call before start(), on the thread that lives as long as the test (the signal follows the
// thread that forked).
inline void endWithThisProcess(QProcess &process) {
#ifdef Q_OS_LINUX
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127); // it died between fork and here
    });
#else
    Q_UNUSED(process);
#endif
}

} // namespace dcs::testing
