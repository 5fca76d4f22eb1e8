// Manual backups from the Backups tab against a real dcs-sim: create one (remark, format) and
// follow it to succeed in the table; delete a manual one only after typing its name; automatic
// backups, single-node instances and read-only profiles are refused with the reason. And the
// Settings dialog, which applies at once.

#include "GuiTestSupport.h"
#include "backups/BackupTableModel.h"
#include "backups/CreateBackupDialog.h"
#include "backups/DeleteBackupDialog.h"
#include "restore/ActionRules.h"
#include "settings/SettingsDialog.h"
#include "widgets/ModelRoles.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace guitest;

class TestManualBackups : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start({QStringLiteral("--backup-seconds"), QStringLiteral("2")}),
                 qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    void createdBackupIsFollowedToSucceed() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        prepare(window, console);
        const QString instanceId = select(window, QStringLiteral("order-cache-prod"));
        QVERIFY(!instanceId.isEmpty());
        auto *create = window.findChild<QAction *>(QStringLiteral("createBackupAction"));
        QTRY_VERIFY(create->isEnabled());

        CreateBackupDialog *dialog = window.browser()->openCreateBackupDialog();
        QVERIFY(dialog);
        auto *remark = dialog->findChild<QLineEdit *>(QStringLiteral("backupRemarkEdit"));
        auto *counter = dialog->findChild<QLabel *>(QStringLiteral("backupRemarkCounter"));
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("backupFormatCombo"));
        QVERIFY(remark && counter && format);
        QTest::keyClicks(remark, QString(140, QLatin1Char('r')));
        QCOMPARE(remark->text().size(), 128);
        QCOMPARE(counter->text(), QStringLiteral("128 / 128"));
        remark->setText(QStringLiteral("before the price import"));
        format->setCurrentIndex(format->findData(QStringLiteral("aof")));
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            dialog->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                                QStringLiteral("/create-backup.png"));
        QSignalSpy finished(&window, &MainWindow::backupFinished);
        QSignalSpy created(dialog, &CreateBackupDialog::created);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, LoadTimeoutMs);
        const QString backupId = created.first().at(1).toString();
        QVERIFY(!backupId.isEmpty());

        // In the table at once, then followed to its end.
        BackupTableModel *model = window.browser()->backupModel();
        QVERIFY(model->rowOf(backupId) >= 0);
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS")) {
            window.resize(1280, 800);
            QTest::qWait(1500);
            window.grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                               QStringLiteral("/backup-running.png"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
        const dcs::Backup backup = model->backupAt(model->rowOf(backupId));
        QCOMPARE(backup.status, QStringLiteral("succeed"));
        QCOMPARE(backup.remark, QStringLiteral("before the price import"));
        QCOMPARE(backup.normalizedFormat(), QStringLiteral("aof"));
        QVERIFY(backup.isManual());
        QCOMPARE(backup.progress, 100.0);
        QCOMPARE(model->index(model->rowOf(backupId), BackupTableModel::Progress)
                     .data(ModelRoles::Raw)
                     .toDouble(),
                 100.0);
        QCOMPARE(countBackupPosts(m_sim), 1);
        m_manualId = backupId;
        m_manualName = backup.backupName;
        QVERIFY(!m_manualName.isEmpty());
    }

    void manualBackupIsDeletedAfterTypingItsName() {
        QVERIFY(!m_manualId.isEmpty());
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        prepare(window, console);
        const QString instanceId = select(window, QStringLiteral("order-cache-prod"));
        QTRY_VERIFY(window.browser()->backupModel()->rowOf(m_manualId) >= 0);
        QVERIFY(window.browser()->selectBackup(m_manualId));
        auto *remove = window.findChild<QAction *>(QStringLiteral("deleteBackupAction"));
        QVERIFY(remove->isEnabled());

        DeleteBackupDialog *dialog = window.browser()->openDeleteBackupDialog();
        QVERIFY(dialog);
        QPushButton *ok = okButton(dialog);
        auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmBackupNameEdit"));
        QVERIFY(!ok->isEnabled());
        for (const QString &wrong :
             {m_manualName.toUpper(), m_manualName + QLatin1Char(' '), m_manualName.left(5)}) {
            confirm->setText(wrong);
            QVERIFY2(!ok->isEnabled(), qPrintable(wrong));
        }
        confirm->clear();
        QTest::keyClicks(confirm, m_manualName);
        QVERIFY(ok->isEnabled());
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            dialog->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                                QStringLiteral("/delete-backup.png"));
        QTest::mouseClick(ok, Qt::LeftButton);
        // The service keeps listing it, as deleted (as DCS does); it cannot be deleted twice.
        const auto status = [&] {
            const int row = window.browser()->backupModel()->rowOf(m_manualId);
            return row < 0 ? QString() : window.browser()->backupModel()->backupAt(row).status;
        };
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("deleted"), LoadTimeoutMs);
        const QList<dcs::Backup> onServer = backupsOf(m_client.get(), instanceId);
        const auto deleted =
            std::find_if(onServer.cbegin(), onServer.cend(),
                         [&](const dcs::Backup &backup) { return backup.backupId == m_manualId; });
        QVERIFY2(deleted != onServer.cend(), "the service still lists the deleted backup");
        QCOMPARE(deleted->status, QStringLiteral("deleted"));
        QVERIFY(window.browser()->selectBackup(m_manualId));
        QVERIFY(!remove->isEnabled());
        QVERIFY(!window.browser()->openDeleteBackupDialog(m_manualId));
    }

    void automaticBackupsCannotBeDeleted() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        prepare(window, console);
        select(window, QStringLiteral("order-cache-prod"));
        QString autoId;
        for (const dcs::Backup &backup : window.browser()->backupModel()->backups()) {
            if (!backup.isManual()) {
                autoId = backup.backupId;
                break;
            }
        }
        QVERIFY2(!autoId.isEmpty(), "no automatic backup in the demo data");
        QVERIFY(window.browser()->selectBackup(autoId));
        auto *remove = window.findChild<QAction *>(QStringLiteral("deleteBackupAction"));
        QVERIFY(!remove->isEnabled());
        QVERIFY2(remove->toolTip().contains(QStringLiteral("Automatic")),
                 qPrintable(remove->toolTip()));
        QCOMPARE(remove->statusTip(), remove->toolTip());
        QVERIFY(!window.browser()->openDeleteBackupDialog(autoId));
        QVERIFY(!window.findChild<DeleteBackupDialog *>());
        // The dialog itself refuses one as well.
        const dcs::Backup autoBackup = window.browser()->backupModel()->backupAt(
            window.browser()->backupModel()->rowOf(autoId));
        QVERIFY(!dcs::ActionRules::deleteRefusal(autoBackup).isEmpty());
    }

    void singleNodeAndReadOnlyAreRefusedWithTheReason() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        prepare(window, console);
        select(window, QStringLiteral("rate-limiter"));
        auto *create = window.findChild<QAction *>(QStringLiteral("createBackupAction"));
        auto *remove = window.findChild<QAction *>(QStringLiteral("deleteBackupAction"));
        QTRY_VERIFY(!create->isEnabled());
        QVERIFY2(create->toolTip().contains(QStringLiteral("DCS.4086")),
                 qPrintable(create->toolTip()));
        QVERIFY(!remove->isEnabled());
        QVERIFY(!window.browser()->openCreateBackupDialog());

        dcs::SessionInfo readOnly = Console::info(m_sim);
        readOnly.readOnly = true;
        MainWindow viewer(console.contextWithoutProfiles());
        viewer.showSession(console.openSession(m_sim, readOnly));
        QVERIFY(waitForInstances(viewer));
        QVERIFY(viewer.browser()->selectInstance(QStringLiteral("order-cache-prod")));
        auto *viewerCreate = viewer.findChild<QAction *>(QStringLiteral("createBackupAction"));
        QVERIFY(!viewerCreate->isEnabled());
        QVERIFY(viewerCreate->toolTip().contains(QStringLiteral("read-only")));
    }

    void remarkIsCutInUtf8BytesWithoutSplittingACharacter() {
        // 127 bytes of ASCII and an emoji of four pasted after them: the emoji does not fit, and
        // it is not cut in half (the simulator once stored a lone surrogate).
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        prepare(window, console);
        QVERIFY(!select(window, QStringLiteral("order-cache-prod")).isEmpty());
        CreateBackupDialog *dialog = window.browser()->openCreateBackupDialog();
        QVERIFY(dialog);
        auto *remark = dialog->findChild<QLineEdit *>(QStringLiteral("backupRemarkEdit"));
        auto *counter = dialog->findChild<QLabel *>(QStringLiteral("backupRemarkCounter"));
        remark->setFocus();
        QTest::keyClicks(remark, QString(127, QLatin1Char('a')));
        remark->insert(QStringLiteral("😀"));
        QCOMPARE(dialog->remark(), QString(127, QLatin1Char('a')));
        QCOMPARE(counter->text(), QStringLiteral("127 / 128"));
        // Chinese counts three bytes a character: 42 fit, the 43rd does not.
        remark->clear();
        remark->insert(QString(50, QChar(0x5907)));
        QCOMPARE(dialog->remark(), QString(42, QChar(0x5907)));
        QCOMPARE(dialog->remark().toUtf8().size(), 126);
        for (const QChar c : dialog->remark())
            QVERIFY(!c.isSurrogate());
        dialog->close();
    }

    void lostAnswersAreResolvedByReadingAgain() {
        // The service does the write, then the connection closes before its answer: the
        // dialogs say what happened after reading the backups, never "not created"/"not deleted"
        // for a backup that was created or deleted, and never send the write twice.
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--backup-seconds"), QStringLiteral("0"),
                            QStringLiteral("--fault"), QStringLiteral("drop-after-backup"),
                            QStringLiteral("--fault"), QStringLiteral("drop-after-delete")}),
                 qPrintable(sim.error()));
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(sim));
        window.show();
        QVERIFY(waitForInstances(window));
        QVERIFY(window.browser()->selectInstance(QStringLiteral("order-cache-prod")));
        CreateBackupDialog *create = window.browser()->openCreateBackupDialog();
        QVERIFY(create);
        create->findChild<QLineEdit *>(QStringLiteral("backupRemarkEdit"))
            ->setText(QStringLiteral("answer will be lost"));
        QSignalSpy created(create, &CreateBackupDialog::created);
        QTest::mouseClick(okButton(create), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, LoadTimeoutMs);
        const QString backupId = created.first().at(1).toString();
        QVERIFY(dcs::isValidId(backupId));
        QCOMPARE(dcs::testing::postLines(sim, "/backups").size(), 1);

        QTRY_VERIFY_WITH_TIMEOUT(
            window.browser()->backupModel()->rowOf(backupId) >= 0 &&
                window.browser()
                    ->backupModel()
                    ->backupAt(window.browser()->backupModel()->rowOf(backupId))
                    .isSucceeded(),
            LoadTimeoutMs);
        QVERIFY(window.browser()->selectBackup(backupId));
        DeleteBackupDialog *remove = window.browser()->openDeleteBackupDialog();
        QVERIFY(remove);
        const QString name = window.browser()
                                 ->backupModel()
                                 ->backupAt(window.browser()->backupModel()->rowOf(backupId))
                                 .backupName;
        QTest::keyClicks(remove->findChild<QLineEdit *>(QStringLiteral("confirmBackupNameEdit")),
                         name);
        QSignalSpy deleted(remove, &DeleteBackupDialog::deleted);
        QTest::mouseClick(okButton(remove), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, LoadTimeoutMs);
        int deletes = 0;
        for (const QByteArray &line : sim.log().split('\n'))
            deletes += line.startsWith("DELETE ");
        QCOMPARE(deletes, 1);
    }

    void settingsApplyAtOnce() {
        Console console;
        QSettings &settings = *console.settings();
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        QCOMPARE(window.autoRefreshIntervalMs(), 30000); // the default

        SettingsDialog *dialog = window.openSettingsDialog();
        QVERIFY(dialog);
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            dialog->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                                QStringLiteral("/settings.png"));
        dialog->findChild<QSpinBox *>(QStringLiteral("refreshIntervalSpin"))->setValue(1);
        dialog->findChild<QSpinBox *>(QStringLiteral("oldBackupHoursSpin"))->setValue(6);
        dialog->findChild<QSpinBox *>(QStringLiteral("trackerGiveUpSpin"))->setValue(45);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                              ->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QCOMPARE(window.autoRefreshIntervalMs(), 1000);
        QCOMPARE(window.consoleSettings().oldBackupWarningHours, 6);
        QCOMPARE(settings.value(QStringLiteral("console/refreshIntervalSeconds")).toInt(), 1);
        QCOMPARE(settings.value(QStringLiteral("console/trackerGiveUpMinutes")).toInt(), 45);
        QCOMPARE(dcs::ConsoleSettings::load(settings).trackerTiming().timeoutMs, 45LL * 60 * 1000);

        // Statuses refresh on their own, and the time shown is the time of the last refresh.
        auto *last = window.findChild<QLabel *>(QStringLiteral("lastRefreshLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!last->text().isEmpty(), LoadTimeoutMs);
        const QString first = last->text();
        QTRY_VERIFY_WITH_TIMEOUT(last->text() != first, 5000);
        QVERIFY(last->toolTip().contains(QStringLiteral("1 second")));

        dcs::ConsoleSettings off = window.consoleSettings();
        off.refreshIntervalSeconds = 0;
        window.applySettings(off);
        QCOMPARE(window.autoRefreshIntervalMs(), 0);
        QVERIFY(last->toolTip().contains(QStringLiteral("off")));
        // A fresh window reads what was saved.
        MainWindow next(console.contextWithoutProfiles());
        QCOMPARE(next.consoleSettings().oldBackupWarningHours, 6);
        QCOMPARE(next.consoleSettings().refreshIntervalSeconds, 0);
    }

private:
    void prepare(MainWindow &window, Console &console) {
        window.showSession(console.openSession(m_sim));
        window.show();
    }

    QString select(MainWindow &window, const QString &name) {
        if (!waitForInstances(window))
            return {};
        if (!window.browser()->selectInstance(name))
            return {};
        const QString id = window.browser()->currentInstanceId();
        (void)QTest::qWaitFor([&] { return window.browser()->backupModel()->rowCount() > 0; },
                              5000);
        return id;
    }

    template <typename Dialog> static QPushButton *okButton(Dialog *dialog) {
        return dialog->template findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
            ->button(QDialogButtonBox::Ok);
    }

    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    QString m_manualId;
    QString m_manualName;
};

QTEST_MAIN(TestManualBackups)
#include "tst_manualbackups.moc"
