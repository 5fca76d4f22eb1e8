// Which of the console's actions are enabled and why, as plain rules without a window: every
// refusal has its reason (with the service's code where it has one), and the tooltip says what
// the action does or why it cannot.

#include "restore/ActionRules.h"

#include <QTest>

using namespace dcs;

namespace {

Instance instanceOf(const QString &spec, const QString &status) {
    Instance i;
    i.instanceId = QStringLiteral("i-1");
    i.name = QStringLiteral("order-cache");
    i.specCode = spec;
    i.status = status;
    return i;
}

Backup backupOf(const QString &type, const QString &status, bool restorable = true) {
    Backup b;
    b.backupId = QStringLiteral("b-1");
    b.backupName = QStringLiteral("backup_1");
    b.backupType = type;
    b.status = status;
    b.supportRestore = restorable;
    b.createdAt = QDateTime(QDate(2026, 11, 28), QTime(1, 0), Qt::UTC);
    return b;
}

// An open, writable profile with a running master/standby instance selected.
ActionFacts selected() {
    ActionFacts facts;
    facts.connected = true;
    facts.instanceSelected = true;
    facts.instance = instanceOf(QStringLiteral("redis.ha.xu1.large.r2.2"), "RUNNING");
    facts.backups = {backupOf(QStringLiteral("manual"), QStringLiteral("succeed"))};
    facts.now = QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC);
    return facts;
}

} // namespace

class TestActionRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }

    void nothingWithoutAProfile() {
        const ActionFacts none;
        for (const ActionState &state :
             {ActionRules::refresh(none), ActionRules::copyInstanceId(none),
              ActionRules::restore(none), ActionRules::createBackup(none),
              ActionRules::deleteBackup(none)}) {
            QVERIFY(!state.enabled);
            QCOMPARE(state.reason, QStringLiteral("Not connected."));
        }
    }

    void untrustedRecordsAreNeverActedOn() {
        // An instance without a valid id, or of a type that cannot be told, and a backup listed
        // under another instance: shown, but no action may use them, and the reason says why.
        ActionFacts facts = selected();
        facts.instance.instanceId.clear();
        for (const ActionState &state :
             {ActionRules::restore(facts), ActionRules::createBackup(facts)}) {
            QVERIFY(!state.enabled);
            QVERIFY2(state.reason.contains(QStringLiteral("ID")), qPrintable(state.reason));
            QVERIFY2(!state.reason.contains(QStringLiteral("Single-node")),
                     qPrintable(state.reason));
        }
        facts = selected();
        facts.instance.cacheMode = QStringLiteral("quantum");
        QVERIFY(!ActionRules::createBackup(facts).enabled);
        QVERIFY(ActionRules::createBackup(facts).reason.contains(QStringLiteral("type")));
        facts = selected();
        Backup foreign = backupOf(QStringLiteral("manual"), QStringLiteral("succeed"));
        foreign.foreignInstance = true;
        facts.selectedBackup = foreign;
        QVERIFY(!ActionRules::deleteBackup(facts).enabled);
        QVERIFY(!ActionRules::restoreFrom(facts, foreign).enabled);
        QVERIFY(
            ActionRules::deleteBackup(facts).reason.contains(QStringLiteral("another instance")));
    }

    void refreshWaitsForTheListBeingRead() {
        ActionFacts facts = selected();
        QVERIFY(ActionRules::refresh(facts).enabled);
        facts.loadingInstances = true;
        QVERIFY(!ActionRules::refresh(facts).enabled);
        QVERIFY(ActionRules::refresh(facts).toolTip.contains(QStringLiteral("F5")));
    }

    void restoreNeedsASelection() {
        ActionFacts facts = selected();
        facts.instanceSelected = false;
        const ActionState state = ActionRules::restore(facts);
        QVERIFY(!state.enabled);
        QCOMPARE(state.reason, QStringLiteral("Select an instance to restore it."));
        QCOMPARE(state.toolTip, state.reason);
        QVERIFY(!ActionRules::copyInstanceId(facts).enabled);
    }

    void restoreIsAllowedOnARunningHaInstance() {
        const ActionState state = ActionRules::restore(selected());
        QVERIFY(state.enabled);
        QVERIFY(state.reason.isEmpty());
        QCOMPARE(state.toolTip,
                 QStringLiteral("Restore the selected instance from one of its backups"));
        QVERIFY(ActionRules::copyInstanceId(selected()).enabled);
    }

    void restoreRefusalsNameTheirCode_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("runningBackup");
        QTest::addColumn<bool>("runningRestore");
        QTest::addColumn<QStringList>("codes");
        const QString ha = QStringLiteral("redis.ha.xu1.large.r2.2");
        QTest::newRow("single-node") << QStringLiteral("redis.single.xu1.tiny.256") << "RUNNING"
                                     << false << false << QStringList{"DCS.4086"};
        QTest::newRow("not running") << ha << "ERROR" << false << false << QStringList{"DCS.4049"};
        QTest::newRow("restoring")
            << ha << "RESTORING" << false << false << QStringList{"DCS.4097"};
        QTest::newRow("restore record running")
            << ha << "RUNNING" << false << true << QStringList{"DCS.4097"};
        QTest::newRow("backup running")
            << ha << "RUNNING" << true << false << QStringList{"DCS.4096"};
        QTest::newRow("both jobs")
            << ha << "RUNNING" << true << true << QStringList{"DCS.4097", "DCS.4096"};
    }

    void restoreRefusalsNameTheirCode() {
        QFETCH(QString, spec);
        QFETCH(QString, status);
        QFETCH(bool, runningBackup);
        QFETCH(bool, runningRestore);
        QFETCH(QStringList, codes);
        ActionFacts facts = selected();
        facts.instance = instanceOf(spec, status);
        if (runningBackup)
            facts.backups.append(backupOf(QStringLiteral("manual"), QStringLiteral("backuping")));
        if (runningRestore) {
            RestoreRecord record;
            record.restoreId = QStringLiteral("r-1");
            record.status = QStringLiteral("restoring");
            facts.restores.append(record);
        }
        const ActionState state = ActionRules::restore(facts);
        QVERIFY(!state.enabled);
        const QStringList lines = state.reason.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), codes.size());
        for (int i = 0; i < codes.size(); ++i)
            QVERIFY2(lines.at(i).contains(codes.at(i)), qPrintable(lines.at(i)));
        QCOMPARE(state.toolTip, QStringLiteral("Restore is not available: %1").arg(state.reason));
    }

    void readOnlyProfileRefusesEveryWrite() {
        ActionFacts facts = selected();
        facts.readOnly = true;
        facts.selectedBackup = facts.backups.first();
        for (const ActionState &state :
             {ActionRules::restore(facts), ActionRules::createBackup(facts),
              ActionRules::deleteBackup(facts)}) {
            QVERIFY(!state.enabled);
            QCOMPARE(state.reason, QStringLiteral("This is a read-only profile."));
        }
        // Reading stays possible.
        QVERIFY(ActionRules::refresh(facts).enabled);
        QVERIFY(ActionRules::copyInstanceId(facts).enabled);
    }

    void restoreFromABackupSaysWhyNot() {
        const ActionFacts facts = selected();
        const Backup good = backupOf(QStringLiteral("auto"), QStringLiteral("succeed"));
        QVERIFY(ActionRules::restoreFrom(facts, good).enabled);
        const Backup failed = backupOf(QStringLiteral("auto"), QStringLiteral("failed"));
        const ActionState refusedBackup = ActionRules::restoreFrom(facts, failed);
        QVERIFY(!refusedBackup.enabled);
        QVERIFY2(refusedBackup.reason.contains(QStringLiteral("only a backup that succeeded")),
                 qPrintable(refusedBackup.reason));
        const Backup notRestorable = backupOf(QStringLiteral("auto"), "succeed", false);
        // The refusal says it in words: the field's name (is_support_restore) is not user text.
        const QString notRestorableReason = ActionRules::restoreFrom(facts, notRestorable).reason;
        QVERIFY2(notRestorableReason.contains(QStringLiteral("not restorable")),
                 qPrintable(notRestorableReason));
        QVERIFY(!notRestorableReason.contains(QStringLiteral("is_support_restore")));
        // A good backup of an instance that cannot be restored: the instance's reason.
        ActionFacts busy = facts;
        busy.instance.status = QStringLiteral("RESTORING");
        QVERIFY(ActionRules::restoreFrom(busy, good).reason.contains(QStringLiteral("DCS.4097")));
    }

    void createBackupRules() {
        ActionFacts facts = selected();
        QVERIFY(ActionRules::createBackup(facts).enabled);
        QCOMPARE(ActionRules::createBackup(facts).toolTip,
                 QStringLiteral("Create a manual backup of the selected instance"));
        facts.instanceSelected = false;
        QCOMPARE(ActionRules::createBackup(facts).reason,
                 QStringLiteral("Select an instance first."));
        facts = selected();
        facts.instance = instanceOf(QStringLiteral("redis.single.xu1.tiny.256"), "RUNNING");
        const ActionState single = ActionRules::createBackup(facts);
        QVERIFY(!single.enabled);
        QVERIFY(single.reason.contains(QStringLiteral("DCS.4086")));
        QCOMPARE(single.toolTip, QStringLiteral("Cannot create a backup: %1").arg(single.reason));
    }

    void deleteBackupRules_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("manual, ended") << "manual"
                                       << "succeed" << QString();
        QTest::newRow("manual, failed") << "manual"
                                        << "failed" << QString();
        QTest::newRow("automatic") << "auto"
                                   << "succeed"
                                   << "Automatic backups are managed by the backup policy";
        QTest::newRow("running") << "manual"
                                 << "backuping"
                                 << "still running";
        QTest::newRow("deleted") << "manual"
                                 << "deleted"
                                 << "already been deleted";
    }

    void deleteBackupRules() {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        ActionFacts facts = selected();
        facts.selectedBackup = backupOf(type, status);
        const ActionState state = ActionRules::deleteBackup(facts);
        QCOMPARE(state.enabled, reason.isEmpty());
        QCOMPARE(ActionRules::deleteRefusal(*facts.selectedBackup).isEmpty(), reason.isEmpty());
        if (reason.isEmpty()) {
            QCOMPARE(state.toolTip, QStringLiteral("Delete the selected manual backup"));
        } else {
            QVERIFY2(state.reason.contains(reason), qPrintable(state.reason));
            QCOMPARE(state.toolTip, QStringLiteral("Cannot delete: %1").arg(state.reason));
        }
    }

    void deleteNeedsASelectedBackup() {
        const ActionState state = ActionRules::deleteBackup(selected());
        QVERIFY(!state.enabled);
        QCOMPARE(state.reason, QStringLiteral("Select a manual backup in the Backups tab."));
    }

    // Download… reads only: a read-only profile may; it needs v2's links and a backup that
    // succeeded, the one selected in the Backups tab for the window's action.
    void downloadNeedsV2AndASucceededBackup() {
        QCOMPARE(ActionRules::downloadBackup(ActionFacts{}).reason,
                 QStringLiteral("Not connected."));
        ActionFacts facts = selected();
        facts.apiV2 = true;
        ActionState state = ActionRules::downloadBackup(facts);
        QVERIFY(!state.enabled);
        QCOMPARE(state.reason, QStringLiteral("Select a backup in the Backups tab."));
        QCOMPARE(state.toolTip,
                 QStringLiteral("Cannot download: Select a backup in the Backups tab."));
        facts.selectedBackup = backupOf(QStringLiteral("auto"), QStringLiteral("succeed"));
        QVERIFY(ActionRules::downloadBackup(facts).enabled);
        QCOMPARE(ActionRules::downloadBackup(facts).toolTip,
                 QStringLiteral("Download the file(s) of the selected backup"));
        facts.readOnly = true;
        QVERIFY(ActionRules::downloadBackup(facts).enabled);

        state = ActionRules::downloadBackup(
            facts, backupOf(QStringLiteral("manual"), QStringLiteral("backuping")));
        QVERIFY(!state.enabled);
        QCOMPARE(state.reason,
                 QStringLiteral("Only a backup that succeeded has a file to download."));
        facts.apiV2 = false;
        state = ActionRules::downloadBackup(facts);
        QVERIFY(!state.enabled);
        QCOMPARE(state.reason,
                 QStringLiteral("Download links need DCS API v2; this profile speaks v1.0."));
    }

    // Change Backup Policy…: a writable v2 profile, an instance with backups whose details
    // (where the policy is) have been read.
    void backupPolicyNeedsV2AndTheDetails() {
        QCOMPARE(ActionRules::changeBackupPolicy(ActionFacts{}).reason,
                 QStringLiteral("Not connected."));
        ActionFacts facts = selected();
        facts.apiV2 = true;
        QCOMPARE(ActionRules::changeBackupPolicy(facts).reason,
                 QStringLiteral("The instance details are still loading."));
        facts.instance.hasShowFields = true;
        ActionState state = ActionRules::changeBackupPolicy(facts);
        QVERIFY(state.enabled);
        QVERIFY(state.reason.isEmpty());

        facts.readOnly = true;
        state = ActionRules::changeBackupPolicy(facts);
        QVERIFY(!state.enabled);
        QCOMPARE(state.toolTip, QStringLiteral("Cannot change the backup policy: This is a "
                                               "read-only profile."));
        facts.readOnly = false;
        facts.apiV2 = false;
        QCOMPARE(ActionRules::changeBackupPolicy(facts).reason,
                 QStringLiteral("Changing the backup policy needs DCS API v2; this profile "
                                "speaks v1.0."));
        facts.apiV2 = true;
        facts.instance = instanceOf(QStringLiteral("redis.single.xu1.tiny.256"), "RUNNING");
        facts.instance.hasShowFields = true;
        QCOMPARE(ActionRules::changeBackupPolicy(facts).reason,
                 QStringLiteral("Single-node instances have no backup policy."));
        facts.instanceSelected = false;
        QCOMPARE(ActionRules::changeBackupPolicy(facts).reason,
                 QStringLiteral("Select an instance first."));
    }
};

QTEST_GUILESS_MAIN(TestActionRules)
#include "tst_actionrules.moc"
