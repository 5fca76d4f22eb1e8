#include "fleet/BackupHealth.h"

#include "api/ApiError.h"
#include "model/DisplayText.h"
#include "model/JsonRead.h"
#include "restore/RestoreImpact.h"

#include <QJsonArray>

namespace dcs {

namespace {

using L1 = QLatin1String;

QString duration(qint64 seconds) {
    return RestoreImpact::durationText(qMax<qint64>(0, seconds));
}

bool finished(const Backup &backup) {
    return backup.status == L1("succeed") || backup.status == L1("failed");
}

QJsonValue time(const QDateTime &at) {
    return at.isValid() ? QJsonValue(json::formatDateTime(at)) : QJsonValue();
}

QDateTime readTime(const QJsonObject &o, const char *key) {
    return json::dateTime(o.value(QLatin1String(key)));
}

} // namespace

QDateTime HealthFacts::newestRestorableExpiresAt() const {
    // Only automatic backups are removed by the service, save_days after they were made.
    if (restorableCount == 0 || !newestRestorableIsAutomatic || !policy ||
        policy->retentionSeconds() <= 0)
        return {};
    return newestRestorableAt.addSecs(policy->retentionSeconds());
}

bool HealthFacts::operator==(const HealthFacts &o) const {
    return readAt == o.readAt && supportsBackup == o.supportsBackup &&
           policyKnown == o.policyKnown && policy == o.policy && backupCount == o.backupCount &&
           lastStatus == o.lastStatus && lastAt == o.lastAt &&
           lastFinishedFailed == o.lastFinishedFailed && lastFailedAt == o.lastFailedAt &&
           lastErrorCode == o.lastErrorCode && lastSuccessAt == o.lastSuccessAt &&
           restorableCount == o.restorableCount && oldestRestorableAt == o.oldestRestorableAt &&
           newestRestorableAt == o.newestRestorableAt &&
           newestRestorableIsAutomatic == o.newestRestorableIsAutomatic &&
           tasksKnown == o.tasksKnown && runningTask == o.runningTask &&
           runningTaskSince == o.runningTaskSince;
}

QJsonObject HealthFacts::toJson() const {
    QJsonObject o;
    o.insert(L1("read_at"), time(readAt));
    o.insert(L1("supports_backup"), supportsBackup);
    o.insert(L1("policy_known"), policyKnown);
    if (policy) {
        QJsonObject p = policy->toJson();
        p.insert(L1("updated_at"), time(policy->updatedAt));
        o.insert(L1("policy"), p);
    }
    o.insert(L1("backup_count"), backupCount);
    o.insert(L1("last_status"), lastStatus);
    o.insert(L1("last_at"), time(lastAt));
    o.insert(L1("last_finished_failed"), lastFinishedFailed);
    o.insert(L1("last_failed_at"), time(lastFailedAt));
    o.insert(L1("last_error_code"), lastErrorCode);
    o.insert(L1("last_success_at"), time(lastSuccessAt));
    o.insert(L1("restorable_count"), restorableCount);
    o.insert(L1("oldest_restorable_at"), time(oldestRestorableAt));
    o.insert(L1("newest_restorable_at"), time(newestRestorableAt));
    o.insert(L1("newest_restorable_automatic"), newestRestorableIsAutomatic);
    o.insert(L1("tasks_known"), tasksKnown);
    o.insert(L1("running_task"), runningTask);
    o.insert(L1("running_task_since"), time(runningTaskSince));
    return o;
}

std::optional<HealthFacts> HealthFacts::fromJson(const QJsonObject &o) {
    HealthFacts f;
    f.readAt = readTime(o, "read_at");
    if (!f.readAt.isValid())
        return std::nullopt;
    f.supportsBackup = o.value(L1("supports_backup")).toBool(true);
    f.policyKnown = o.value(L1("policy_known")).toBool();
    if (o.value(L1("policy")).isObject()) {
        const QJsonObject p = o.value(L1("policy")).toObject();
        f.policy = BackupPolicy::fromJson(p);
        if (f.policy)
            f.policy->updatedAt = readTime(p, "updated_at");
    }
    f.backupCount = int(json::integer(o.value(L1("backup_count")), 0));
    f.lastStatus = o.value(L1("last_status")).toString();
    f.lastAt = readTime(o, "last_at");
    f.lastFinishedFailed = o.value(L1("last_finished_failed")).toBool();
    f.lastFailedAt = readTime(o, "last_failed_at");
    f.lastErrorCode = o.value(L1("last_error_code")).toString();
    f.lastSuccessAt = readTime(o, "last_success_at");
    f.restorableCount = int(json::integer(o.value(L1("restorable_count")), 0));
    f.oldestRestorableAt = readTime(o, "oldest_restorable_at");
    f.newestRestorableAt = readTime(o, "newest_restorable_at");
    f.newestRestorableIsAutomatic = o.value(L1("newest_restorable_automatic")).toBool();
    f.tasksKnown = o.value(L1("tasks_known")).toBool();
    f.runningTask = o.value(L1("running_task")).toString();
    f.runningTaskSince = readTime(o, "running_task_since");
    // Counts that cannot be: a damaged entry is read again rather than believed.
    if (f.backupCount < 0 || f.restorableCount < 0 || f.restorableCount > f.backupCount)
        return std::nullopt;
    return f;
}

HealthFacts summarizeHealth(const Instance &instance, bool policyKnown,
                            const std::optional<BackupPolicy> &policy, const QList<Backup> &backups,
                            const std::optional<QList<BackgroundTask>> &tasks,
                            const QDateTime &readAt) {
    HealthFacts f;
    f.readAt = readAt.toUTC();
    f.supportsBackup = instance.supportsBackup();
    f.policyKnown = policyKnown;
    f.policy = policy;
    f.backupCount = int(backups.size());
    QDateTime newestFinished;
    // The list's order is not promised (v2 §3): every record is looked at.
    for (const Backup &backup : backups) {
        const QDateTime at = backup.createdAt;
        if (!f.lastAt.isValid() || at > f.lastAt) {
            f.lastAt = at;
            f.lastStatus = backup.status;
        }
        if (finished(backup) && (!newestFinished.isValid() || at > newestFinished)) {
            newestFinished = at;
            f.lastFinishedFailed = backup.status == L1("failed");
            f.lastFailedAt = f.lastFinishedFailed ? at : QDateTime();
            f.lastErrorCode = f.lastFinishedFailed ? backup.errorCode : QString();
        }
        if (backup.isSucceeded() && (!f.lastSuccessAt.isValid() || at > f.lastSuccessAt))
            f.lastSuccessAt = at;
        if (backup.isRestorable()) {
            ++f.restorableCount;
            if (!f.oldestRestorableAt.isValid() || at < f.oldestRestorableAt)
                f.oldestRestorableAt = at;
            if (!f.newestRestorableAt.isValid() || at > f.newestRestorableAt) {
                f.newestRestorableAt = at;
                f.newestRestorableIsAutomatic = !backup.isManual();
            }
        }
    }
    if (tasks) {
        f.tasksKnown = true;
        for (const BackgroundTask &task : *tasks) {
            if (task.isRunning() &&
                (!f.runningTaskSince.isValid() || task.createdAt < f.runningTaskSince)) {
                f.runningTask = task.name;
                f.runningTaskSince = task.createdAt;
            }
        }
    }
    return f;
}

QString HealthReason::text() const {
    switch (kind) {
    case Kind::SingleNode:
        return QCoreApplication::translate(
            "dcs::BackupHealth",
            "Single-node instances cannot be backed up, so there is nothing to restore "
            "from.");
    case Kind::NoBackup:
        return QCoreApplication::translate("dcs::BackupHealth", "It has no backup at all.");
    case Kind::NothingRestorable:
        return QCoreApplication::translate("dcs::BackupHealth",
                                           "None of its %n backup(s) can be restored from.",
                                           nullptr, int(seconds));
    case Kind::NoRecentSuccess:
        return seconds < 0 ? QCoreApplication::translate("dcs::BackupHealth",
                                                         "No backup has ever succeeded.")
                           : QCoreApplication::translate("dcs::BackupHealth",
                                                         "No successful backup for %1.")
                                 .arg(duration(seconds));
    case Kind::LastFailed: {
        QString line = QCoreApplication::translate("dcs::BackupHealth", "The last backup failed.");
        if (!detail.isEmpty()) {
            const QString why = explainRecordErrorCode(detail);
            line = why.isEmpty() ? QCoreApplication::translate("dcs::BackupHealth",
                                                               "The last backup failed (%1).")
                                       .arg(detail)
                                 : QCoreApplication::translate("dcs::BackupHealth",
                                                               "The last backup failed (%1): %2")
                                       .arg(detail, why);
        }
        return line;
    }
    case Kind::ExpiresSoon:
        return seconds <= 0
                   ? QCoreApplication::translate("dcs::BackupHealth",
                                                 "The newest restorable backup is about to expire.")
                   : QCoreApplication::translate("dcs::BackupHealth",
                                                 "The newest restorable backup expires in %1.")
                         .arg(duration(seconds));
    case Kind::TaskRunning:
        return QCoreApplication::translate(
                   "dcs::BackupHealth",
                   "A background task is running (%1): backups and restores wait for it.")
            .arg(DisplayText::taskName(detail));
    case Kind::PolicyOff:
        return QCoreApplication::translate("dcs::BackupHealth", "Automatic backups are off.");
    case Kind::Recent:
        return QCoreApplication::translate("dcs::BackupHealth", "Last successful backup %1 ago.")
            .arg(duration(seconds));
    }
    return {};
}

QString BackupHealth::reasonText() const {
    QStringList lines;
    for (const HealthReason &reason : reasons)
        lines.append(reason.text());
    return lines.join(QLatin1Char(' '));
}

BackupHealth judgeHealth(const HealthFacts &f, const HealthThresholds &thresholds,
                         const QDateTime &now) {
    using K = HealthReason::Kind;
    BackupHealth health;
    if (!f.readAt.isValid())
        return health;
    health.policyOff = f.policyKnown && f.policy && !f.policy->isAuto();
    if (f.policy && f.policy->isAuto())
        health.nextAutomaticBackupAt = f.policy->nextWindowAfter(now);
    if (f.lastSuccessAt.isValid())
        health.lastSuccessAgeSeconds = qMax<qint64>(0, f.lastSuccessAt.secsTo(now));
    health.newestRestorableExpiresAt = f.newestRestorableExpiresAt();

    if (!f.supportsBackup) {
        health.verdict = HealthVerdict::CannotRestore;
        health.reasons.append({K::SingleNode, 0, {}});
        return health;
    }
    if (f.restorableCount == 0) {
        health.verdict = HealthVerdict::CannotRestore;
        if (f.backupCount == 0)
            health.reasons.append({K::NoBackup, 0, {}});
        else
            health.reasons.append({K::NothingRestorable, f.backupCount, {}});
        if (f.lastFinishedFailed)
            health.reasons.append({K::LastFailed, 0, f.lastErrorCode});
        if (health.policyOff)
            health.reasons.append({K::PolicyOff, 0, {}});
        return health;
    }

    if (health.lastSuccessAgeSeconds < 0 ||
        health.lastSuccessAgeSeconds > thresholds.maxBackupAgeSeconds)
        health.reasons.append({K::NoRecentSuccess, health.lastSuccessAgeSeconds, {}});
    if (f.lastFinishedFailed)
        health.reasons.append({K::LastFailed, 0, f.lastErrorCode});
    if (health.newestRestorableExpiresAt.isValid()) {
        const qint64 left = now.secsTo(health.newestRestorableExpiresAt);
        if (left < thresholds.expiryWarningSeconds)
            health.reasons.append({K::ExpiresSoon, qMax<qint64>(0, left), {}});
    }
    if (!f.runningTask.isEmpty())
        health.reasons.append({K::TaskRunning, 0, f.runningTask});
    if (!health.reasons.isEmpty()) {
        health.verdict = HealthVerdict::AtRisk;
        if (health.policyOff)
            health.reasons.append({K::PolicyOff, 0, {}});
        return health;
    }
    health.verdict = HealthVerdict::Healthy;
    health.reasons.append({K::Recent, health.lastSuccessAgeSeconds, {}});
    if (health.policyOff)
        health.reasons.append({K::PolicyOff, 0, {}});
    return health;
}

int verdictSeverity(HealthVerdict verdict) {
    switch (verdict) {
    case HealthVerdict::Unknown:
        return 0;
    case HealthVerdict::Healthy:
        return 1;
    case HealthVerdict::AtRisk:
        return 2;
    case HealthVerdict::CannotRestore:
        return 3;
    }
    return 0;
}

QString verdictText(HealthVerdict verdict) {
    switch (verdict) {
    case HealthVerdict::Unknown:
        return QCoreApplication::translate("dcs::BackupHealth", "Not read yet");
    case HealthVerdict::Healthy:
        return QCoreApplication::translate("dcs::BackupHealth", "Healthy");
    case HealthVerdict::AtRisk:
        return QCoreApplication::translate("dcs::BackupHealth", "At risk");
    case HealthVerdict::CannotRestore:
        return QCoreApplication::translate("dcs::BackupHealth", "Cannot be restored");
    }
    return {};
}

QString verdictKey(HealthVerdict verdict) {
    switch (verdict) {
    case HealthVerdict::Unknown:
        return QStringLiteral("unknown");
    case HealthVerdict::Healthy:
        return QStringLiteral("healthy");
    case HealthVerdict::AtRisk:
        return QStringLiteral("at_risk");
    case HealthVerdict::CannotRestore:
        return QStringLiteral("cannot_restore");
    }
    return QStringLiteral("unknown");
}

HealthVerdict verdictFromKey(const QString &key) {
    if (key == L1("healthy"))
        return HealthVerdict::Healthy;
    if (key == L1("at_risk"))
        return HealthVerdict::AtRisk;
    if (key == L1("cannot_restore"))
        return HealthVerdict::CannotRestore;
    return HealthVerdict::Unknown;
}

HealthAnnouncement announceHealth(std::optional<HealthVerdict> announced, HealthVerdict now) {
    HealthAnnouncement result;
    if (now == HealthVerdict::Unknown) {
        // A failed read says nothing new: what was told stays told.
        result.remember = announced;
        return result;
    }
    result.remember = now;
    result.tell = announced && *announced != HealthVerdict::Unknown && needsAttention(now) &&
                  verdictSeverity(now) > verdictSeverity(*announced);
    return result;
}

} // namespace dcs
