// The restore dialog on its own against a real dcs-sim: when OK may be pressed (a restorable
// backup AND the instance name typed exactly; blocks keep it off, warnings do not), the impact
// preview's figures for the chosen backup, the header, and Back up first's default.

#include "GuiTestSupport.h"
#include "backups/BackupTableModel.h"
#include "model/DisplayText.h"
#include "restore/RestoreDialog.h"
#include "restore/RestoreImpact.h"
#include "widgets/ModelRoles.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace guitest;

class TestRestoreDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start(), qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
        m_order = instanceNamed(m_client.get(), QStringLiteral("order-cache-prod"));
        QVERIFY(!m_order.instanceId.isEmpty());
        m_orderBackups = backupsOf(m_client.get(), m_order.instanceId);
        QVERIFY(firstRestorable(m_orderBackups));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    void okNeedsARestorableBackupAndTheExactName() {
        RestoreDialog dialog(m_client.get(), m_order, m_orderBackups, {}, options(), nullptr);
        dialog.show();
        QPushButton *ok = okButton(dialog);
        auto *confirm = dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
        auto *chooser = dialog.findChild<QTableView *>(QStringLiteral("backupChooser"));
        QVERIFY(confirm && chooser);
        waitForReload(dialog);
        // A backup is preselected, but nothing is typed yet.
        QVERIFY(!dialog.selectedBackupId().isEmpty());
        QVERIFY(!ok->isEnabled());
        QVERIFY(ok->toolTip().contains(QStringLiteral("Type the instance name")));

        const QString name = m_order.name;
        for (const QString &wrong :
             {name.toUpper(), name + QLatin1Char(' '), QLatin1Char(' ') + name,
              name.left(name.size() - 1), name + QLatin1Char('x')}) {
            confirm->setText(wrong);
            QVERIFY2(!ok->isEnabled(), qPrintable(wrong));
        }
        confirm->clear();
        QTest::keyClicks(confirm, name);
        QVERIFY(ok->isEnabled());
        QVERIFY(ok->toolTip().isEmpty());

        // No backup chosen: off again, and the name, which confirmed the backup chosen before,
        // must be typed again for the next one.
        chooser->clearSelection();
        QVERIFY(dialog.selectedBackupId().isEmpty());
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.selectBackup(firstRestorable(m_orderBackups)->backupId));
        QVERIFY(confirm->text().isEmpty());
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(confirm, name);
        QVERIFY(ok->isEnabled());

        // A backup that cannot be restored from cannot be chosen at all.
        const auto refused =
            std::find_if(m_orderBackups.cbegin(), m_orderBackups.cend(),
                         [](const dcs::Backup &backup) { return !backup.isRestorable(); });
        QVERIFY2(refused != m_orderBackups.cend(),
                 "the demo data has a backup of order-cache-prod that cannot be restored from");
        QVERIFY(!dialog.selectBackup(refused->backupId));
    }

    void blocksKeepOkOffWarningsDoNot() {
        // An instance that is not RUNNING: a block with the server's own code.
        dcs::Instance stopped = m_order;
        stopped.status = QStringLiteral("ERROR");
        {
            RestoreDialog dialog(m_client.get(), stopped, m_orderBackups, {}, options(), nullptr);
            dialog.show();
            waitForReload(dialog);
            dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(stopped.name);
            QVERIFY(dcs::RestorePreflight::blocks(dialog.findings()));
            QVERIFY(!okButton(dialog)->isEnabled());
            const QString checks =
                dialog.findChild<QLabel *>(QStringLiteral("preflightLabel"))->text();
            QVERIFY2(checks.contains(QStringLiteral("DCS.4049")), qPrintable(checks));
        }
        // A backup older than the threshold: a warning in words (the console's own code for it is
        // not for people); OK stays possible.
        {
            RestoreDialog::Options o = options();
            o.oldBackupWarningSeconds = 60;
            RestoreDialog dialog(m_client.get(), m_order, m_orderBackups, {}, o, nullptr);
            dialog.show();
            waitForReload(dialog);
            dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(m_order.name);
            const QList<dcs::PreflightFinding> findings = dialog.findings();
            QVERIFY(!findings.isEmpty());
            QVERIFY(!dcs::RestorePreflight::blocks(findings));
            const QString checks =
                dialog.findChild<QLabel *>(QStringLiteral("preflightLabel"))->text();
            QVERIFY2(!checks.contains(findings.first().code), qPrintable(checks));
            QVERIFY2(checks.contains(findings.first().reason.toHtmlEscaped()), qPrintable(checks));
            QVERIFY(okButton(dialog)->isEnabled());
        }
        // A single-node instance is blocked with DCS.4086 and offers no safety backup.
        const dcs::Instance single = instanceNamed(m_client.get(), QStringLiteral("rate-limiter"));
        QVERIFY(!single.instanceId.isEmpty());
        {
            RestoreDialog dialog(m_client.get(), single, {}, {}, options(), nullptr);
            dialog.show();
            dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(single.name);
            QVERIFY(!okButton(dialog)->isEnabled());
            QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("preflightLabel"))
                        ->text()
                        .contains(QStringLiteral("DCS.4086")));
            QVERIFY(
                !dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->isChecked());
        }
    }

    void previewShowsTheChosenBackupsFigures() {
        RestoreDialog::Options o = options();
        o.production = true;
        RestoreDialog dialog(m_client.get(), m_order, m_orderBackups, {}, o, nullptr);
        dialog.show();
        waitForReload(dialog);
        // The oldest restorable backup, so the window spans days.
        const dcs::Backup *chosen = nullptr;
        for (const dcs::Backup &backup : m_orderBackups) {
            if (backup.isRestorable())
                chosen = &backup;
        }
        QVERIFY(chosen);
        QVERIFY(dialog.selectBackup(chosen->backupId));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const dcs::RestoreImpact impact = dcs::RestoreImpact::compute(m_order, *chosen, now);
        const QDateTime taken =
            chosen->executionAt.isValid() ? chosen->executionAt : chosen->createdAt;
        QCOMPARE(impact.backupTakenAt, taken);
        const QString loss = dialog.findChild<QLabel *>(QStringLiteral("lossWindowLabel"))->text();
        // Local time, in the language's own pattern (DisplayText).
        const QString localTime = DisplayText::dateTimeMinutes(taken);
        QVERIFY2(loss.contains(localTime), qPrintable(loss + QStringLiteral(" / ") + localTime));
        const qint64 seconds = taken.secsTo(now);
        const QStringList durations{dcs::RestoreImpact::durationText(seconds),
                                    dcs::RestoreImpact::durationText(seconds - 60),
                                    dcs::RestoreImpact::durationText(seconds + 60)};
        QVERIFY2(std::any_of(durations.cbegin(), durations.cend(),
                             [&](const QString &d) { return loss.contains(d.toHtmlEscaped()); }),
                 qPrintable(loss + QStringLiteral(" / ") + durations.first()));
        QVERIFY(loss.contains(QStringLiteral("will be lost")));

        const QString size = dialog.findChild<QLabel *>(QStringLiteral("sizeLabel"))->text();
        QVERIFY2(size.contains(DisplayText::dataSize(chosen->size)), qPrintable(size));
        QVERIFY2(size.contains(DisplayText::dataSize(m_order.usedMemoryMb * 1024 * 1024)),
                 qPrintable(size));
        QVERIFY2(size.contains(DisplayText::dataSize(m_order.maxMemoryMb * 1024 * 1024)),
                 qPrintable(size));
        const QString details =
            dialog.findChild<QLabel *>(QStringLiteral("backupDetailsLabel"))->text();
        QVERIFY2(details.contains(chosen->normalizedFormat().toUpper()), qPrintable(details));
        QVERIFY2(details.contains(DisplayText::backupType(chosen->backupType)),
                 qPrintable(details));
        QVERIFY2(details.contains(m_order.engineVersion), qPrintable(details));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("outageLabel"))
                    ->text()
                    .contains(QStringLiteral("will not serve reads or writes")));

        // Who and where, prominently; the production badge.
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("instanceNameLabel"))->text(),
                 m_order.name);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("profileNameLabel"))->text(),
                 QStringLiteral("Test account"));
        // The region with its name.
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("regionLabel"))->text(),
                 QStringLiteral("cn-north-4 — CN North-Beijing4"));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("projectIdLabel"))->text(),
                 SimFixture::projectId());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("productionBadge"))->isVisible());
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS")) {
            dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(m_order.name);
            dialog.grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                               QStringLiteral("/restore-dialog.png"));
        }
    }

    void backUpFirstIsOnForTypesThatCanBeBackedUp() {
        for (const char *name : {"order-cache-prod", "session-store", "user-profile-cache"}) {
            const dcs::Instance instance = instanceNamed(m_client.get(), QLatin1String(name));
            QVERIFY2(!instance.instanceId.isEmpty(), name);
            QVERIFY2(RestoreDialog::backUpFirstByDefault(instance), name);
            RestoreDialog dialog(m_client.get(), instance, {}, {}, options(), nullptr);
            QVERIFY2(dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->isChecked(),
                     name);
        }
        dcs::Instance single = m_order;
        single.cacheMode = QStringLiteral("single");
        QVERIFY(!RestoreDialog::backUpFirstByDefault(single));
        dcs::Instance split = m_order;
        split.cacheMode = QStringLiteral("ha_rw_split");
        QVERIFY(RestoreDialog::backUpFirstByDefault(split));
    }

    // v2: a background task that would collide is named in words, with the service's code, and
    // keeps OK off (legacy-page-cache runs a master/standby switchover in the demo data).
    void runningBackgroundTaskBlocksWithItsName() {
        const dcs::Instance legacy =
            instanceNamed(m_client.get(), QStringLiteral("legacy-page-cache"));
        QVERIFY(!legacy.instanceId.isEmpty());
        RestoreDialog dialog(m_client.get(), legacy, {}, {}, options(), nullptr);
        dialog.show();
        waitForReload(dialog);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(legacy.name);
        auto *checks = dialog.findChild<QLabel *>(QStringLiteral("preflightLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(checks->text().contains(QStringLiteral("switchover")),
                                 LoadTimeoutMs);
        QVERIFY2(checks->text().contains(QStringLiteral("DCS.4017")), qPrintable(checks->text()));
        QVERIFY2(checks->text().contains(QStringLiteral("restore: Master/standby switchover, "
                                                        "running since")),
                 qPrintable(checks->text()));
        QVERIFY2(!checks->text().contains(QStringLiteral("masterStandbySwapJob")),
                 qPrintable(checks->text()));
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    // The Demo's instances without a real server have made-up LAN addresses (192.168.…) that
    // may belong to an unrelated Redis on the user's network: in a session on the console's own
    // simulator the dialog never connects to them, and says why. Its loopback addresses (where
    // the simulator's real servers are) are still looked at.
    void simulatedAddressesAreNeverProbed() {
        SimFixture demo;
        demo.setOfflineAddresses(false); // the Demo's own look
        QVERIFY2(demo.start(), qPrintable(demo.error()));
        auto client = makeClient(demo);
        const dcs::Instance order = instanceNamed(client.get(), QStringLiteral("order-cache-prod"));
        QCOMPARE(order.ip, QStringLiteral("192.168.0.21"));
        const auto simulatedMessage = [](const RestoreDialog &dialog) {
            return dialog.findChild<QLabel *>(QStringLiteral("verifyStateLabel"))
                ->text()
                .contains(QStringLiteral("This instance is simulated"));
        };

        // Opened from the window of a session on the simulator: the flag comes from the session.
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        dcs::Session *session = console.openSession(demo);
        QVERIFY(session->info().isSimulator);
        window.showSession(session);
        window.show();
        QVERIFY(waitForInstances(window));
        QVERIFY(window.browser()->selectInstance(order.instanceId));
        auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), LoadTimeoutMs);
        RestoreDialog *fromWindow = window.browser()->openRestoreDialog();
        QVERIFY(fromWindow);
        // A probe would have begun at once (Probing): it never does.
        QCOMPARE(fromWindow->verifyAccess(), RestoreDialog::VerifyAccess::Unavailable);
        QVERIFY2(simulatedMessage(*fromWindow),
                 qPrintable(
                     fromWindow->findChild<QLabel *>(QStringLiteral("verifyStateLabel"))->text()));
        QVERIFY(!fromWindow->findChild<QCheckBox *>(QStringLiteral("verifyCheck"))->isVisible());
        QTest::qWait(300);
        QCOMPARE(fromWindow->verifyAccess(), RestoreDialog::VerifyAccess::Unavailable);
        fromWindow->close();

        // The dialog on its own: a made-up address, or a host name (which would be looked up on
        // the network), is not connected to ...
        RestoreDialog::Options simulator = options();
        simulator.simulator = true;
        RestoreDialog lan(client.get(), order, {}, {}, simulator, nullptr);
        QCOMPARE(lan.verifyAccess(), RestoreDialog::VerifyAccess::Unavailable);
        QVERIFY(simulatedMessage(lan));
        dcs::Instance named = order;
        named.ip.clear();
        named.domainName = QStringLiteral("redis-0a1b2c3d.dcs.huaweicloud.com");
        RestoreDialog byName(client.get(), named, {}, {}, simulator, nullptr);
        QCOMPARE(byName.verifyAccess(), RestoreDialog::VerifyAccess::Unavailable);
        QVERIFY(simulatedMessage(byName));

        // ... while a loopback address is (here the test simulator's port where nothing
        // answers, refused at once), and so is any address outside a simulator session.
        RestoreDialog loopback(m_client.get(), m_order, {}, {}, simulator, nullptr);
        QCOMPARE(m_order.ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(loopback.verifyAccess(), RestoreDialog::VerifyAccess::Probing);
        QTRY_COMPARE_WITH_TIMEOUT(loopback.verifyAccess(), RestoreDialog::VerifyAccess::Unreachable,
                                  LoadTimeoutMs);
        RestoreDialog real(m_client.get(), m_order, {}, {}, options(), nullptr);
        QCOMPARE(real.verifyAccess(), RestoreDialog::VerifyAccess::Probing);
        QTRY_COMPARE_WITH_TIMEOUT(real.verifyAccess(), RestoreDialog::VerifyAccess::Unreachable,
                                  LoadTimeoutMs);
    }

private:
    RestoreDialog::Options options() const {
        return guitest::restoreDialogOptions(m_console.followed());
    }

    // The dialog reads the backups again when it opens; wait for that answer.
    static void waitForReload(RestoreDialog &dialog) {
        auto *state = dialog.findChild<QLabel *>(QStringLiteral("backupsStateLabel"));
        (void)QTest::qWaitFor([&] { return !state->text().contains(QStringLiteral("Loading")); },
                              LoadTimeoutMs);
        QTest::qWait(300);
    }

    // Where the dialogs' restores go: followed, audited in the console's data folder.
    guitest::Console m_console;
    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    dcs::Instance m_order;
    QList<dcs::Backup> m_orderBackups;
};

QTEST_MAIN(TestRestoreDialog)
#include "tst_restoredialog.moc"
