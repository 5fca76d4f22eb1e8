#include "restore/RestorePreflight.h"

#include "model/DisplayText.h"

#include <QCoreApplication>
#include <algorithm>

namespace dcs {

namespace {

PreflightFinding block(const char *code, const QString &reason) {
    return {PreflightFinding::Severity::Block, QString::fromLatin1(code), reason};
}

} // namespace

QList<PreflightFinding> RestorePreflight::checkInstance(const PreflightInput &input) {
    QList<PreflightFinding> findings;
    const Instance &instance = input.instance;
    // First whether the record can be acted on at all: without a valid id, or of a type the
    // console cannot tell, nothing else it says is a reason to restore it.
    if (!instance.isTrusted()) {
        findings.append(block("record-untrusted", describeRecordProblems(instance.problems())));
        return findings;
    }
    // The server's own order (dcs-api.md §6): type, then status, then running jobs.
    if (!instance.supportsBackup()) {
        findings.append(block("DCS.4086", QCoreApplication::translate(
                                              "dcs::RestorePreflight",
                                              "Single-node instances cannot be backed up or "
                                              "restored. Only master/standby and cluster instances "
                                              "support restore.")));
        return findings;
    }
    const bool restoreRunning = instance.status == QLatin1String("RESTORING") ||
                                std::any_of(input.restores.cbegin(), input.restores.cend(),
                                            [](const RestoreRecord &r) { return r.isRunning(); });
    if (restoreRunning) {
        findings.append(block("DCS.4097", QCoreApplication::translate(
                                              "dcs::RestorePreflight",
                                              "A restore of this instance is already running. "
                                              "Wait until it has finished.")));
    } else if (!instance.isRunning()) {
        findings.append(
            block("DCS.4049", QCoreApplication::translate(
                                  "dcs::RestorePreflight",
                                  "The instance is %1; only a running instance can be restored.")
                                  .arg(DisplayText::instanceStatus(instance.status))));
    }
    const bool backupRunning = std::any_of(input.backups.cbegin(), input.backups.cend(),
                                           [](const Backup &b) { return b.isRunning(); });
    if (backupRunning) {
        findings.append(block("DCS.4096", QCoreApplication::translate(
                                              "dcs::RestorePreflight",
                                              "A backup of this instance is running. Wait until "
                                              "it has finished.")));
    }
    // v2's background tasks (dcs-api-v2.md §9): each running one is named; those that change
    // the instance under a restore block it, the rest are worth knowing.
    for (const BackgroundTask &task : input.tasks) {
        if (!task.isRunning())
            continue;
        const QString since = DisplayText::dateTimeMinutes(task.createdAt);
        if (taskCollidesWithRestore(task.name))
            findings.append(block("DCS.4017", QCoreApplication::translate(
                                                  "dcs::RestorePreflight",
                                                  "A background task would collide with the "
                                                  "restore: %1, running since %2. Wait until it "
                                                  "has finished.")
                                                  .arg(DisplayText::taskName(task.name), since)));
        else
            findings.append({PreflightFinding::Severity::Warning, QStringLiteral("task-running"),
                             QCoreApplication::translate("dcs::RestorePreflight",
                                                         "A background task is running: %1, "
                                                         "since %2.")
                                 .arg(DisplayText::taskName(task.name), since)});
    }
    // ShowInstance's task (v2 §2, shape unconfirmed): Terraform calls an instance busy while
    // it is not null. Named unless a finding above already says what runs.
    const QString busy = instance.task.trimmed();
    if (!busy.isEmpty() && !restoreRunning && !backupRunning &&
        busy.compare(QLatin1String("null"), Qt::CaseInsensitive) != 0) {
        findings.append(block(
            "DCS.4017", QCoreApplication::translate("dcs::RestorePreflight",
                                                    "The service reports a job under way on this "
                                                    "instance: %1. Wait until it has finished.")
                            .arg(DisplayText::taskName(busy))));
    }
    return findings;
}

bool RestorePreflight::taskCollidesWithRestore(const QString &taskName) {
    static const char *const exact[] = {"EXTEND", "ChangeInstanceSpec", "AddReplica", "DelReplica",
                                        "masterStandbySwapJob"};
    for (const char *name : exact) {
        if (taskName.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    static const char *const parts[] = {"restart", "backup", "restore", "upgrade",
                                        "flush",   "migrat", "resize",  "rollback"};
    for (const char *part : parts) {
        if (taskName.contains(QLatin1String(part), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString RestorePreflight::backupRefusal(const Backup &backup) {
    // A backup whose identity is in doubt is never restored from, whatever its status says.
    if (!backup.isTrusted())
        return describeRecordProblems(backup.problems());
    if (!backup.isSucceeded())
        return QCoreApplication::translate(
                   "dcs::RestorePreflight",
                   "This backup's status is %1; only a backup that succeeded can be restored.")
            .arg(DisplayText::backupStatus(backup.status));
    if (!backup.supportRestore)
        return QCoreApplication::translate("dcs::RestorePreflight",
                                           "The service marks this backup as not restorable.");
    return {};
}

QString RestorePreflight::backupRefusalBrief(const Backup &backup) {
    if (!backup.isSucceeded())
        return QCoreApplication::translate("dcs::RestorePreflight", "status %1")
            .arg(DisplayText::backupStatus(backup.status));
    if (!backup.supportRestore)
        return QCoreApplication::translate("dcs::RestorePreflight",
                                           "the service marks it not restorable");
    return {};
}

QList<PreflightFinding> RestorePreflight::check(const PreflightInput &input) {
    QList<PreflightFinding> findings = checkInstance(input);
    if (!input.backup) {
        findings.append(block("backup-missing",
                              QCoreApplication::translate("dcs::RestorePreflight",
                                                          "Choose the backup to restore from.")));
        return findings;
    }
    const QString refusal = backupRefusal(*input.backup);
    if (!refusal.isEmpty()) {
        findings.append(block("DCS.4087", refusal));
        return findings;
    }
    const QDateTime taken =
        input.backup->executionAt.isValid() ? input.backup->executionAt : input.backup->createdAt;
    if (taken.isValid() && input.now.isValid() && input.oldBackupWarningSeconds > 0 &&
        taken.secsTo(input.now) > input.oldBackupWarningSeconds) {
        const qint64 hours = taken.secsTo(input.now) / 3600;
        findings.append({PreflightFinding::Severity::Warning, QStringLiteral("backup-old"),
                         QCoreApplication::translate("dcs::RestorePreflight",
                                                     "This backup is %n hour(s) old: every write "
                                                     "since then will be lost.",
                                                     nullptr, int(hours))});
    }
    return findings;
}

bool RestorePreflight::blocks(const QList<PreflightFinding> &findings) {
    return std::any_of(findings.cbegin(), findings.cend(), [](const PreflightFinding &f) {
        return f.severity == PreflightFinding::Severity::Block;
    });
}

} // namespace dcs
