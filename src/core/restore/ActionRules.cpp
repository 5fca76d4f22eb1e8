#include "restore/ActionRules.h"

#include "restore/RestorePreflight.h"

namespace dcs {

namespace {

ActionState enabled(const QString &toolTip) {
    return {true, {}, toolTip};
}

ActionState refused(const QString &reason, const QString &toolTip) {
    return {false, reason, toolTip};
}

// The service's refusal code is quoted (DCS.4097); the console's own codes are never shown.
QString withCode(const PreflightFinding &finding) {
    if (!finding.code.startsWith(QLatin1String("DCS.")) || finding.reason.contains(finding.code))
        return finding.reason;
    return QStringLiteral("%1 (%2)").arg(finding.reason, finding.code);
}

// The reasons every action on the selected instance shares; empty when none applies.
QString sessionReason(const ActionFacts &facts) {
    if (!facts.connected)
        return ActionRules::tr("Not connected.");
    if (facts.readOnly)
        return ActionRules::tr("This is a read-only profile.");
    return {};
}

} // namespace

ActionState ActionRules::refresh(const ActionFacts &facts) {
    const QString toolTip =
        tr("Reload the instances and the selected instance's backups and restore records (F5)");
    if (!facts.connected)
        return refused(tr("Not connected."), toolTip);
    if (facts.loadingInstances)
        return refused(tr("The instances are being read."), toolTip);
    return enabled(toolTip);
}

ActionState ActionRules::copyInstanceId(const ActionFacts &facts) {
    const QString toolTip = tr("Copy the selected instance's ID to the clipboard");
    if (!facts.connected || !facts.instanceSelected)
        return refused(facts.connected ? tr("Select an instance first.") : tr("Not connected."),
                       toolTip);
    return enabled(toolTip);
}

ActionState ActionRules::restore(const ActionFacts &facts) {
    if (!facts.connected)
        return refused(tr("Not connected."), tr("Not connected."));
    if (!facts.instanceSelected) {
        const QString select = tr("Select an instance to restore it.");
        return refused(select, select);
    }
    QString reason = sessionReason(facts);
    if (reason.isEmpty()) {
        PreflightInput input;
        input.instance = facts.instance;
        input.backups = facts.backups;
        input.restores = facts.restores;
        input.now = facts.now;
        QStringList reasons;
        for (const PreflightFinding &finding : RestorePreflight::checkInstance(input)) {
            if (finding.severity == PreflightFinding::Severity::Block)
                reasons << withCode(finding);
        }
        reason = reasons.join(QLatin1Char('\n'));
    }
    if (!reason.isEmpty())
        return refused(reason, tr("Restore is not available: %1").arg(reason));
    return enabled(tr("Restore the selected instance from one of its backups"));
}

ActionState ActionRules::restoreFrom(const ActionFacts &facts, const Backup &backup) {
    const QString refusal = RestorePreflight::backupRefusal(backup);
    if (!refusal.isEmpty())
        return refused(refusal, refusal);
    const ActionState instance = restore(facts);
    if (!instance.enabled)
        return refused(instance.reason, instance.reason);
    return enabled(tr("Restore the selected instance from this backup"));
}

ActionState ActionRules::createBackup(const ActionFacts &facts) {
    QString reason = sessionReason(facts);
    if (reason.isEmpty() && !facts.instanceSelected)
        reason = tr("Select an instance first.");
    if (reason.isEmpty() && !facts.instance.isTrusted())
        reason = describeRecordProblems(facts.instance.problems());
    if (reason.isEmpty() && !facts.instance.supportsBackup())
        reason = tr("Single-node instances cannot be backed up (DCS.4086).");
    if (!reason.isEmpty())
        return refused(reason, tr("Cannot create a backup: %1").arg(reason));
    return enabled(tr("Create a manual backup of the selected instance"));
}

ActionState ActionRules::deleteBackup(const ActionFacts &facts) {
    ActionState create = createBackup(facts);
    QString reason = create.reason;
    if (reason.isEmpty() && !facts.selectedBackup)
        reason = tr("Select a manual backup in the Backups tab.");
    if (reason.isEmpty())
        reason = deleteRefusal(*facts.selectedBackup);
    if (!reason.isEmpty())
        return refused(reason, tr("Cannot delete: %1").arg(reason));
    return enabled(tr("Delete the selected manual backup"));
}

QString ActionRules::deleteRefusal(const Backup &backup) {
    if (!backup.isTrusted())
        return describeRecordProblems(backup.problems());
    if (!backup.isManual())
        return tr("Automatic backups are managed by the backup policy and cannot be deleted "
                  "here.");
    if (backup.isRunning())
        return tr("The backup is still running; wait until it has ended.");
    if (backup.status == QLatin1String("deleted"))
        return tr("This backup has already been deleted.");
    return {};
}

ActionState ActionRules::downloadBackup(const ActionFacts &facts, const Backup &backup) {
    QString reason;
    if (!facts.connected)
        reason = tr("Not connected.");
    else if (!facts.apiV2)
        reason = tr("Download links need DCS API v2; this profile speaks v1.0.");
    else if (!backup.isSucceeded())
        reason = tr("Only a backup that succeeded has a file to download.");
    if (!reason.isEmpty())
        return refused(reason, tr("Cannot download: %1").arg(reason));
    return enabled(tr("Download the file(s) of the selected backup"));
}

ActionState ActionRules::downloadBackup(const ActionFacts &facts) {
    if (facts.connected && !facts.selectedBackup) {
        const QString reason = tr("Select a backup in the Backups tab.");
        return refused(reason, tr("Cannot download: %1").arg(reason));
    }
    return downloadBackup(facts, facts.selectedBackup.value_or(Backup{}));
}

ActionState ActionRules::changeBackupPolicy(const ActionFacts &facts) {
    QString reason = facts.connected ? QString() : tr("Not connected.");
    if (reason.isEmpty() && !facts.instanceSelected)
        reason = tr("Select an instance first.");
    if (reason.isEmpty() && facts.readOnly)
        reason = tr("This is a read-only profile.");
    if (reason.isEmpty() && !facts.apiV2)
        reason = tr("Changing the backup policy needs DCS API v2; this profile speaks v1.0.");
    if (reason.isEmpty() && !facts.instance.supportsBackup())
        reason = tr("Single-node instances have no backup policy.");
    if (reason.isEmpty() && !facts.instance.hasShowFields)
        reason = tr("The instance details are still loading.");
    if (!reason.isEmpty())
        return refused(reason, tr("Cannot change the backup policy: %1").arg(reason));
    return enabled(tr("Change when the selected instance is backed up and how long its "
                      "automatic backups are kept"));
}

} // namespace dcs
