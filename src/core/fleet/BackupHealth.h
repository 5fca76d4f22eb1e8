#pragma once

#include "model/BackgroundTask.h"
#include "model/Backup.h"
#include "model/BackupPolicy.h"
#include "model/Instance.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace dcs {

// When an instance's backups stop being good enough (Settings → Fleet).
struct HealthThresholds {
    // At risk without a successful backup at least this recent: a day of daily backups and two
    // hours to spare.
    qint64 maxBackupAgeSeconds = 26 * 3600;
    // At risk when the newest backup that can be restored from expires sooner than this.
    qint64 expiryWarningSeconds = 24 * 3600;

    bool operator==(const HealthThresholds &o) const {
        return maxBackupAgeSeconds == o.maxBackupAgeSeconds &&
               expiryWarningSeconds == o.expiryWarningSeconds;
    }
    bool operator!=(const HealthThresholds &o) const { return !(*this == o); }
};

// What was read about one instance's backups, boiled down to what the verdict needs. The fleet
// keeps these (and caches them): the verdict is worked out again from them whenever the
// thresholds change or time passes, without reading anything again.
struct HealthFacts {
    QDateTime readAt;                   // UTC, when these were read
    bool supportsBackup = true;         // false: a single-node instance, which DCS cannot back up
    bool policyKnown = false;           // the instance's details (with the policy) were read
    std::optional<BackupPolicy> policy; // null: the instance has none (or none was sent)

    int backupCount = 0; // every record, whatever its status
    QString lastStatus;  // of the newest record (waiting, backuping, succeed, failed …)
    QDateTime lastAt;    // its creation time
    // The newest backup that has ended (succeed or failed), when it failed: its error code.
    bool lastFinishedFailed = false;
    QDateTime lastFailedAt;
    QString lastErrorCode;
    QDateTime lastSuccessAt; // the newest succeeded backup (restorable or not)

    int restorableCount = 0; // succeeded and marked restorable now
    QDateTime oldestRestorableAt;
    QDateTime newestRestorableAt;
    bool newestRestorableIsAutomatic = false; // only automatic backups expire

    bool tasksKnown = false; // the background tasks were read (API v2 only)
    QString runningTask;     // the name of a background task still running, if any
    QDateTime runningTaskSince;

    // When the newest restorable backup expires (automatic backups are kept for the policy's
    // save_days); invalid when it does not expire or that is not known.
    QDateTime newestRestorableExpiresAt() const;

    bool operator==(const HealthFacts &o) const;
    bool operator!=(const HealthFacts &o) const { return !(*this == o); }

    QJsonObject toJson() const;
    static std::optional<HealthFacts> fromJson(const QJsonObject &object);
};

// Boils down what was read about an instance. policy: from its details (nullopt when the
// details were not read, or carried no policy: then policyKnown says which); tasks: its v2
// background tasks, nullopt when they were not read.
HealthFacts summarizeHealth(const Instance &instance, bool policyKnown,
                            const std::optional<BackupPolicy> &policy, const QList<Backup> &backups,
                            const std::optional<QList<BackgroundTask>> &tasks,
                            const QDateTime &readAt);

enum class HealthVerdict {
    Unknown,       // not read yet, or the read failed
    Healthy,       // a recent successful backup that can be restored from, and nothing wrong
    AtRisk,        // restorable now, but something needs looking at
    CannotRestore, // nothing to restore from: no restorable backup, or a single-node instance
};

// One reason behind a verdict, with what it needs to be said again in another language.
struct HealthReason {
    enum class Kind {
        SingleNode,        // DCS cannot back up single-node instances
        NoBackup,          // no backup at all
        NothingRestorable, // backups, but none can be restored from
        NoRecentSuccess,   // the newest successful backup is older than the threshold
        LastFailed,        // the newest backup that ended failed
        ExpiresSoon,       // the newest restorable backup expires within the warning time
        TaskRunning,       // a background task is running (v2)
        PolicyOff,         // automatic backups are off (said beside another reason)
        Recent,            // healthy: the newest successful backup and its age
    };
    Kind kind = Kind::Recent;
    qint64 seconds = 0; // an age or the time left, as the kind says
    QString detail;     // an error code or a task name

    // Translated, one sentence.
    QString text() const;
    bool operator==(const HealthReason &o) const {
        return kind == o.kind && seconds == o.seconds && detail == o.detail;
    }
};

// The verdict on one instance's backups now, with everything the fleet shows about them.
struct BackupHealth {
    HealthVerdict verdict = HealthVerdict::Unknown;
    QList<HealthReason> reasons;       // the first one decides the verdict
    qint64 lastSuccessAgeSeconds = -1; // -1: never succeeded (or not known)
    QDateTime newestRestorableExpiresAt;
    QDateTime nextAutomaticBackupAt; // invalid: none due (policy off, or not known)
    bool policyOff = false;          // the policy is known and is not automatic

    // Every reason, translated, joined into one line.
    QString reasonText() const;

    bool operator==(const BackupHealth &o) const {
        return verdict == o.verdict && reasons == o.reasons &&
               lastSuccessAgeSeconds == o.lastSuccessAgeSeconds &&
               newestRestorableExpiresAt == o.newestRestorableExpiresAt &&
               nextAutomaticBackupAt == o.nextAutomaticBackupAt && policyOff == o.policyOff;
    }
    bool operator!=(const BackupHealth &o) const { return !(*this == o); }
};

// The verdict from what was read, the thresholds and the time now (UTC). Pure: the same input
// always gives the same verdict.
BackupHealth judgeHealth(const HealthFacts &facts, const HealthThresholds &thresholds,
                         const QDateTime &now);

// At risk or cannot be restored: what the "needs attention" filter keeps.
inline bool needsAttention(HealthVerdict verdict) {
    return verdict == HealthVerdict::AtRisk || verdict == HealthVerdict::CannotRestore;
}
// How bad a verdict is, for sorting: unknown 0, healthy 1, at risk 2, cannot be restored 3.
int verdictSeverity(HealthVerdict verdict);
// Translated: "Healthy", "At risk", "Cannot be restored", "Not read yet".
QString verdictText(HealthVerdict verdict);
// "healthy", "at_risk", "cannot_restore", "unknown": for files (the cache, CSV exports).
QString verdictKey(HealthVerdict verdict);
HealthVerdict verdictFromKey(const QString &key);

// Whether a change of verdict is worth telling the user about: once per instance and change,
// when it turns at risk or cannot-be-restored (worse than what was last told). announced is the
// verdict last told about or accepted silently; nullopt: the instance was never judged, and a
// first look is a baseline, never told. Gives the verdict to remember from now on.
struct HealthAnnouncement {
    bool tell = false;
    std::optional<HealthVerdict> remember;
};
HealthAnnouncement announceHealth(std::optional<HealthVerdict> announced, HealthVerdict now);

} // namespace dcs
