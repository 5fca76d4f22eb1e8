// The restore dialog when things go wrong, against dcs-sim's fault injection: an answer dropped
// after the restore was accepted (the record is found, exactly one POST), a 5xx after sending
// (outcome unknown; Look Again only reads), a safety backup that fails (nothing restored), a
// restore that fails on the service (the dialog says so, the error explained), and a dialog
// closed while the restore runs (it is still followed to its end).

#include "GuiTestSupport.h"
#include "restore/AuditLog.h"
#include "restore/RestoreDialog.h"
#include "widgets/ErrorPanel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace guitest;
using Stage = dcs::RestoreWorkflow::Stage;

class TestRestoreFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_dropSim.start({QStringLiteral("--fault"), QStringLiteral("drop-after-restore"),
                                  QStringLiteral("--restore-seconds"), QStringLiteral("3")}),
                 qPrintable(m_dropSim.error()));
        QVERIFY2(m_failSim.start({QStringLiteral("--fault"), QStringLiteral("http500=restore"),
                                  QStringLiteral("--fault"), QStringLiteral("backup-fails"),
                                  QStringLiteral("--backup-seconds"), QStringLiteral("2")}),
                 qPrintable(m_failSim.error()));
        m_dropClient = makeClient(m_dropSim);
        m_failClient = makeClient(m_failSim);
    }

    void cleanupTestCase() {
        m_dropClient.reset();
        m_failClient.reset();
        m_dropSim.stop();
        m_failSim.stop();
    }

    void droppedAnswerShowsTheFoundRestoreAndPostsOnce() {
        const dcs::Instance order =
            instanceNamed(m_dropClient.get(), QStringLiteral("order-cache-prod"));
        QVERIFY(!order.instanceId.isEmpty());
        const QList<dcs::Backup> backups = backupsOf(m_dropClient.get(), order.instanceId);
        const QList<dcs::RestoreRecord> before = restoresOf(m_dropClient.get(), order.instanceId);
        RestoreDialog dialog(m_dropClient.get(), order, backups, before, options(), nullptr);
        dialog.show();
        const QString backupId = dialog.selectedBackupId();
        QVERIFY(!backupId.isEmpty());
        dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(order.name);
        QSignalSpy started(&dialog, &RestoreDialog::restoreAccepted);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        auto *idEdit = dialog.findChild<QLineEdit *>(QStringLiteral("restoreIdEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(!idEdit->text().isEmpty(), 20000);
        QVERIFY(idEdit->isVisible());
        QVERIFY(dialog.workflow()->recoveredAfterLostAnswer());
        QVERIFY2(dialog.findChild<QLabel *>(QStringLiteral("resultLabel"))
                     ->text()
                     .contains(QStringLiteral("answer was lost")),
                 "the dialog says the restore was found after a lost answer");
        QCOMPARE(started.count(), 1);
        // Followed from the moment it was found, whatever becomes of the dialog.
        QVERIFY(m_console.followed()->isFollowing(idEdit->text()));
        QCOMPARE(dialog.workflow()->restorePostsSent(), 1);
        // On the server's side: one POST, one new record of that backup.
        QCOMPARE(countRestorePosts(m_dropSim), 1);
        int fresh = 0;
        for (const dcs::RestoreRecord &record : restoresOf(m_dropClient.get(), order.instanceId)) {
            bool known = false;
            for (const dcs::RestoreRecord &old : before)
                known = known || old.restoreId == record.restoreId;
            if (!known) {
                ++fresh;
                QCOMPARE(record.restoreId, idEdit->text());
                QCOMPARE(record.backupId, backupId);
            }
        }
        QCOMPARE(fresh, 1);
        const QList<dcs::AuditRecord> audit = m_console.followed()->auditLog().read().records;
        const auto attempt = std::find_if(audit.cbegin(), audit.cend(), [&](const auto &line) {
            return line.event == QLatin1String("attempt") && line.restoreId == idEdit->text();
        });
        QVERIFY(attempt != audit.cend());
        QCOMPARE(attempt->outcome, QStringLiteral("recovered"));
        // Nothing more is sent while the dialog stays open.
        QTest::qWait(500);
        QCOMPARE(countRestorePosts(m_dropSim), 1);
    }

    void serverErrorAfterSendingOffersLookAgainWhichNeverPosts() {
        const dcs::Instance order =
            instanceNamed(m_failClient.get(), QStringLiteral("order-cache-prod"));
        const QList<dcs::Backup> backups = backupsOf(m_failClient.get(), order.instanceId);
        RestoreDialog dialog(m_failClient.get(), order, backups, {}, options(), nullptr);
        dialog.show();
        dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(order.name);
        QSignalSpy ended(&dialog, &RestoreDialog::workflowFinished);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        auto *lookAgain = dialog.findChild<QPushButton *>(QStringLiteral("lookAgainButton"));
        QTRY_VERIFY_WITH_TIMEOUT(lookAgain->isVisible() && lookAgain->isEnabled(), 20000);
        QCOMPARE(dialog.workflow()->stage(), Stage::OutcomeUnknown);
        // Written down with no restore id: looked for again at the next start.
        const QList<dcs::PendingRestore> pending = m_console.followed()->pending();
        QVERIFY(std::any_of(pending.cbegin(), pending.cend(), [&](const dcs::PendingRestore &p) {
            return p.restoreId.isEmpty() && p.backupId == dialog.selectedBackupId() &&
                   p.instanceId == order.instanceId;
        }));
        auto *panel = dialog.findChild<ErrorPanel *>(QStringLiteral("restoreErrorPanel"));
        QVERIFY(panel->isVisible());
        QVERIFY2(panel->text().contains(QStringLiteral("unknown")), qPrintable(panel->text()));
        QVERIFY(!okButton(dialog)->isEnabled()); // no second restore from here
        QCOMPARE(countRestorePosts(m_failSim), 1);

        const int endedBefore = int(ended.count());
        QTest::mouseClick(lookAgain, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() > endedBefore, LoadTimeoutMs);
        QCOMPARE(dialog.workflow()->stage(), Stage::OutcomeUnknown);
        QTRY_VERIFY(lookAgain->isEnabled());
        QCOMPARE(countRestorePosts(m_failSim), 1);
        QCOMPARE(dialog.workflow()->restorePostsSent(), 1);
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void failedSafetyBackupRestoresNothing() {
        const dcs::Instance order =
            instanceNamed(m_failClient.get(), QStringLiteral("order-cache-prod"));
        const QList<dcs::Backup> backups = backupsOf(m_failClient.get(), order.instanceId);
        const int postsBefore = countRestorePosts(m_failSim);
        RestoreDialog dialog(m_failClient.get(), order, backups, {}, options(), nullptr);
        dialog.show();
        auto *backUpFirst = dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"));
        QVERIFY(backUpFirst->isChecked());
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(order.name);
        QSignalSpy safety(&dialog, &RestoreDialog::safetyBackupCreated);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.workflow() && dialog.workflow()->stage() == Stage::SafetyBackupFailed, 20000);
        QCOMPARE(safety.count(), 1);
        auto *panel = dialog.findChild<ErrorPanel *>(QStringLiteral("restoreErrorPanel"));
        QTRY_VERIFY(panel->isVisible());
        QVERIFY2(panel->text().contains(QStringLiteral("nothing was restored")),
                 qPrintable(panel->text()));
        QVERIFY2(panel->text().contains(QStringLiteral("dcs.08.0001")), qPrintable(panel->text()));
        QCOMPARE(countRestorePosts(m_failSim), postsBefore);
        QCOMPARE(dialog.workflow()->restorePostsSent(), 0);
        QVERIFY(dialog.restoreId().isEmpty());
        const dcs::AuditLog::Contents audit = m_console.followed()->auditLog().read();
        QCOMPARE(audit.records.last().outcome, QStringLiteral("safety-backup-failed"));
        QCOMPARE(audit.records.last().safetyBackupId, safety.first().at(1).toString());
    }

    void failedRestoreIsExplainedInTheDialog() {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--fault"), QStringLiteral("restore-fails"),
                            QStringLiteral("--restore-seconds"), QStringLiteral("2")}),
                 qPrintable(sim.error()));
        auto client = makeClient(sim);
        const dcs::Instance order = instanceNamed(client.get(), QStringLiteral("order-cache-prod"));
        RestoreDialog dialog(client.get(), order, backupsOf(client.get(), order.instanceId), {},
                             options(), nullptr);
        dialog.show();
        dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(order.name);
        QTRY_VERIFY_WITH_TIMEOUT(okButton(dialog)->isEnabled(), LoadTimeoutMs);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        // Accepted first, then followed in the dialog to its failure.
        QTRY_COMPARE_WITH_TIMEOUT(dialog.outcome(), RestoreDialog::Outcome::Following,
                                  LoadTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.outcome(), RestoreDialog::Outcome::Failed, 20000);
        QCOMPARE(dialog.record().errorCode, QStringLiteral("dcs.08.0007"));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("stageLabel"))->text(),
                 QStringLiteral("The restore failed."));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("resultLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Restore failed.")));
        auto *panel = dialog.findChild<ErrorPanel *>(QStringLiteral("restoreErrorPanel"));
        QVERIFY(panel->isVisible());
        QVERIFY2(panel->text().contains(dialog.restoreId()), qPrintable(panel->text()));
        QVERIFY2(panel->text().contains(QStringLiteral("dcs.08.0007")), qPrintable(panel->text()));
        QVERIFY2(panel->text().contains(dcs::explainRecordErrorCode(QStringLiteral("dcs.08.0007"))),
                 qPrintable(panel->text()));
        QCOMPARE(countRestorePosts(sim), 1);
    }

    void closingTheDialogKeepsFollowing() {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("3")}),
                 qPrintable(sim.error()));
        auto client = makeClient(sim);
        const dcs::Instance order = instanceNamed(client.get(), QStringLiteral("order-cache-prod"));
        QString restoreId;
        {
            RestoreDialog dialog(client.get(), order, backupsOf(client.get(), order.instanceId), {},
                                 options(), nullptr);
            dialog.show();
            dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
            dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(order.name);
            QTRY_VERIFY_WITH_TIMEOUT(okButton(dialog)->isEnabled(), LoadTimeoutMs);
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.restoreId().isEmpty(), LoadTimeoutMs);
            restoreId = dialog.restoreId();
            dialog.close();
        }
        // The dialog is gone; the restore is not.
        QVERIFY(m_console.followed()->isFollowing(restoreId));
        QSignalSpy ended(m_console.followed(), &dcs::FollowedRestores::finished);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(ended.cbegin(), ended.cend(),
                        [&](const QList<QVariant> &args) {
                            return args.at(1).value<dcs::RestoreRecord>().restoreId == restoreId;
                        }),
            20000);
        QVERIFY(!m_console.followed()->isFollowing(restoreId));
        const QList<dcs::AuditRecord> audit = m_console.followed()->auditLog().read().records;
        QVERIFY(std::any_of(audit.cbegin(), audit.cend(), [&](const dcs::AuditRecord &line) {
            return line.event == QLatin1String("finished") && line.restoreId == restoreId &&
                   line.finalStatus == QLatin1String("succeed");
        }));
    }

private:
    RestoreDialog::Options options() const {
        return guitest::restoreDialogOptions(m_console.followed());
    }

    // Where the dialogs' restores go: followed, audited in the console's data folder.
    guitest::Console m_console;
    SimFixture m_dropSim;
    SimFixture m_failSim;
    std::unique_ptr<dcs::DcsClient> m_dropClient;
    std::unique_ptr<dcs::DcsClient> m_failClient;
};

QTEST_MAIN(TestRestoreFaults)
#include "tst_restorefaults.moc"
