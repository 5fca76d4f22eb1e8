#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace dcs::sim {

// The faults dcs-sim injects on request (--fault, repeatable), for tests of the console's
// behaviour when the service misbehaves.
struct FaultPlan {
    // Which calls an injected status applies to.
    enum class Target { Restore, List, All };
    struct InjectedStatus {
        int status = 500; // 5xx -> DCS.5000, 429 -> APIGW.0308
        Target target = Target::All;
    };

    bool dropAfterRestore = false; // accept the restore, then close without answering
    bool dropAfterBackup = false;  // the same for a manual backup's creation
    bool dropAfterDelete = false;  // the same for a backup's deletion
    int latencyMs = 0;             // every answer this much later
    bool restoreFails = false;     // restore records end failed (dcs.08.0007)
    bool backupFails = false;      // backups end failed (dcs.08.0001)
    int expireTokensAfter = -1;    // every IAM token expires after this many DCS calls; -1 off
    qint64 cutDownloadsAfter = -1; // a backup download stops after this many bytes; -1 off
    // Restores of instances backed by a real redis-server put a damaged copy of the backup's
    // file in place: the server refuses to load it, and the restore ends failed.
    bool damagedRestoreFile = false;
    // The gateway's throttling: more DCS calls than this in one second are answered 429
    // APIGW.0308 with Retry-After; 0 off.
    int rateLimitPerSecond = 0;
    int retryAfterSeconds = 1; // what every 429 says in Retry-After
    QList<InjectedStatus> statuses;

    // Adds one --fault value; false with *error set when it is not understood.
    bool add(const QString &spec, QString *error);
    static std::optional<FaultPlan> parse(const QStringList &specs, QString *error);

    // The status to answer instead of serving, if any applies to a call of this kind.
    std::optional<int> injectedStatusFor(bool isRestore, bool isList) const;

    static QString syntax();
};

} // namespace dcs::sim
