// A restore through the real window and dialog against a real dcs-sim: back up first (the
// safety backup appears in the backups list), the restore followed by the window's monitor to
// succeed with progress in the status bar, the audit trail and its viewer with CSV export, and
// a restore followed again by a new window after the first one was closed midway.

#include "GuiTestSupport.h"
#include "audit/AuditDialog.h"
#include "audit/AuditTableModel.h"
#include "backups/BackupTableModel.h"
#include "restore/AuditLog.h"
#include "restore/FollowedRestores.h"
#include "restore/PendingRestoreFile.h"
#include "restore/RestoreDialog.h"
#include "restore/RestoreTableModel.h"
#include "settings/LanguageManager.h"
#include "widgets/ModelRoles.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace guitest;

class TestSafeRestore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_data.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("4"),
                              QStringLiteral("--backup-seconds"), QStringLiteral("2")}),
                 qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    void backUpFirstThenRestoreFollowedToSucceed() {
        Console console(&m_languages, m_data.filePath(QStringLiteral("one")));
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        const QString instanceId = selectOrderCache(window);
        QVERIFY(!instanceId.isEmpty());
        const int backupsBefore = window.browser()->backupModel()->rowCount();

        RestoreDialog *dialog = window.browser()->openRestoreDialog();
        QVERIFY(dialog);
        auto *backUpFirst = dialog->findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"));
        QVERIFY(backUpFirst->isChecked()); // ha: on by default
        const QString backupId = dialog->selectedBackupId();
        QVERIFY(!backupId.isEmpty());
        dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))
            ->setText(QStringLiteral("order-cache-prod"));
        QPushButton *ok = okButton(*dialog);
        QVERIFY(ok->isEnabled());
        QSignalSpy finished(&window, &MainWindow::restoreFinished);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isPosting());
        QVERIFY(!ok->isEnabled());

        // The safety backup is created first and shows up in the window's backups list.
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->workflow() && !dialog->workflow()->safetyBackupId().isEmpty(), LoadTimeoutMs);
        const QString safetyId = dialog->workflow()->safetyBackupId();
        QTRY_VERIFY_WITH_TIMEOUT(window.browser()->backupModel()->rowOf(safetyId) >= 0,
                                 LoadTimeoutMs);
        QVERIFY(window.browser()->backupModel()->rowCount() > backupsBefore);
        const dcs::Backup safety = window.browser()->backupModel()->backupAt(
            window.browser()->backupModel()->rowOf(safetyId));
        QVERIFY(safety.isManual());
        QVERIFY2(!safety.remark.isEmpty(), "the safety backup's remark names the restore");
        // The restore was not sent before the safety backup succeeded.
        auto *idEdit = dialog->findChild<QLineEdit *>(QStringLiteral("restoreIdEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(!idEdit->text().isEmpty(), 20000);
        const QString restoreId = idEdit->text();
        QCOMPARE(countRestorePosts(m_sim), 1);
        const QList<dcs::Backup> backups = backupsOf(m_client.get(), instanceId);
        const auto onServer =
            std::find_if(backups.cbegin(), backups.cend(),
                         [&](const dcs::Backup &backup) { return backup.backupId == safetyId; });
        QVERIFY2(onServer != backups.cend(), "the service lists the safety backup");
        QCOMPARE(onServer->status, QStringLiteral("succeed"));

        // The window's monitor follows it: a progress bar with the instance's name, RESTORING,
        // then succeed with a notification, and RUNNING again.
        auto *bar = window.findChild<QProgressBar *>(QStringLiteral("restoreProgressBar"));
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
        QVERIFY2(bar->text().contains(QStringLiteral("order-cache-prod")), qPrintable(bar->text()));
        QTRY_COMPARE_WITH_TIMEOUT(rowStatus(window, instanceId), QStringLiteral("RESTORING"), 5000);
        QVERIFY(window.followedRestores()->isFollowing(restoreId));
        QCOMPARE(window.followedRestores()->pending().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
        QCOMPARE(finished.first().first().value<dcs::RestoreRecord>().status,
                 QStringLiteral("succeed"));
        const int row = window.browser()->restoreModel()->rowOf(restoreId);
        QVERIFY(row >= 0);
        QCOMPARE(window.browser()->restoreModel()->recordAt(row).status, QStringLiteral("succeed"));
        QVERIFY2(window.lastNotification().contains(QStringLiteral("succeeded")),
                 qPrintable(window.lastNotification()));
        auto *notice = window.findChild<QLabel *>(QStringLiteral("restoreNoticeLabel"));
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("order-cache-prod")));
        QTRY_VERIFY(!bar->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(rowStatus(window, instanceId), QStringLiteral("RUNNING"), 5000);
        QVERIFY(window.followedRestores()->pending().isEmpty());
        QCOMPARE(countRestorePosts(m_sim), 1);

        // The audit trail: the attempt with its safety backup, then how it ended.
        const dcs::AuditLog::Contents audit = dcs::AuditLog(window.auditFile()).read();
        QVERIFY(audit.problems.isEmpty());
        QCOMPARE(audit.records.size(), 2);
        const dcs::AuditRecord &attempt = audit.records.at(0);
        QCOMPARE(attempt.event, QStringLiteral("attempt"));
        QCOMPARE(attempt.outcome, QStringLiteral("accepted"));
        QCOMPARE(attempt.restoreId, restoreId);
        QCOMPARE(attempt.safetyBackupId, safetyId);
        QCOMPARE(attempt.instanceName, QStringLiteral("order-cache-prod"));
        QCOMPARE(attempt.backupId, backupId);
        QCOMPARE(attempt.profile, QStringLiteral("Test account"));
        QCOMPARE(attempt.region, QStringLiteral("cn-north-4"));
        QCOMPARE(attempt.projectId, SimFixture::projectId());
        QVERIFY(!attempt.requestId.isEmpty());
        const dcs::AuditRecord &end = audit.records.at(1);
        QCOMPARE(end.event, QStringLiteral("finished"));
        QCOMPARE(end.restoreId, restoreId);
        QCOMPARE(end.finalStatus, QStringLiteral("succeed"));
        dialog->close();
    }

    void auditDialogListsAttemptsAndExportsCsv() {
        Console console(&m_languages, m_data.filePath(QStringLiteral("one")));
        MainWindow window(console.contextWithoutProfiles());
        AuditDialog *dialog = window.openAuditDialog();
        QVERIFY(dialog);
        // Read on a worker: the dialog says when it is done.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 20000);
        QCOMPARE(dialog->model()->rowCount(), 2);
        // Newest first: the finished line on top.
        QCOMPARE(dialog->model()->index(0, AuditTableModel::Event).data(ModelRoles::Raw).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(dialog->model()->index(1, AuditTableModel::Instance).data().toString(),
                 QStringLiteral("order-cache-prod"));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("auditProblemsLabel"))->isVisible());

        const QString csv = m_data.filePath(QStringLiteral("audit-en.csv"));
        QVERIFY(dialog->exportCsv(csv));
        QStringList lines = readLines(csv);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.first().startsWith(dcs::AuditLog::csvHeaders().first()),
                 qPrintable(lines.first()));
        QVERIFY(lines.at(1).contains(QStringLiteral("order-cache-prod")));

        // In Chinese the headers are translated.
        const QStringList english = dcs::AuditLog::csvHeaders();
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        const QStringList chinese = dcs::AuditLog::csvHeaders();
        QVERIFY(chinese != english);
        const QString csvZh = m_data.filePath(QStringLiteral("audit-zh.csv"));
        QVERIFY(dialog->exportCsv(csvZh));
        lines = readLines(csvZh);
        QVERIFY2(lines.first().contains(chinese.first()), qPrintable(lines.first()));
        QTRY_VERIFY(dialog->model()->headerData(AuditTableModel::Time, Qt::Horizontal).toString() !=
                    QStringLiteral("Time"));
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            dialog->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                                QStringLiteral("/audit-zh.png"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));

        // A damaged line is listed above the table and skipped.
        QFile file(window.auditFile());
        QVERIFY(file.open(QIODevice::Append));
        file.write("{ not json\n");
        file.close();
        dialog->reload();
        QVERIFY(dialog->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 20000);
        QCOMPARE(dialog->model()->rowCount(), 2);
        QCOMPARE(dialog->problems().size(), 1);
        auto *problems = dialog->findChild<QLabel *>(QStringLiteral("auditProblemsLabel"));
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QStringLiteral("Line 3")), qPrintable(problems->text()));
        dialog->close();
    }

    void restoreFollowedAgainAfterTheWindowClosed() {
        const QString folder = m_data.filePath(QStringLiteral("two"));
        QString instanceId;
        QString restoreId;
        {
            // The first run of the console, closed while the restore runs.
            Console console(nullptr, folder);
            MainWindow window(console.contextWithoutProfiles());
            window.showSession(console.openSession(m_sim));
            window.show();
            instanceId = selectOrderCache(window);
            QVERIFY(!instanceId.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(
                window.findChild<QAction *>(QStringLiteral("restoreAction"))->isEnabled(),
                LoadTimeoutMs);
            RestoreDialog *dialog = window.browser()->openRestoreDialog();
            QVERIFY(dialog);
            dialog->findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
            dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))
                ->setText(QStringLiteral("order-cache-prod"));
            QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
            auto *idEdit = dialog->findChild<QLineEdit *>(QStringLiteral("restoreIdEdit"));
            QTRY_VERIFY_WITH_TIMEOUT(!idEdit->text().isEmpty(), LoadTimeoutMs);
            restoreId = idEdit->text();
            QTRY_VERIFY_WITH_TIMEOUT(window.followedRestores()->isFollowing(restoreId), 5000);
            // Closed midway: the restore runs on in the service.
        }
        QCOMPARE(instanceStatus(m_client.get(), instanceId), QStringLiteral("RESTORING"));
        const QList<dcs::PendingRestore> pending =
            dcs::PendingRestoreFile(QDir(folder).filePath(QStringLiteral("pending-restores.json")))
                .load();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().restoreId, restoreId);
        QCOMPARE(pending.first().instanceName, QStringLiteral("order-cache-prod"));

        // The next start: the restore is followed again from the pending file.
        Console next(nullptr, folder);
        MainWindow again(next.contextWithoutProfiles());
        QSignalSpy finished(&again, &MainWindow::restoreFinished);
        again.showSession(next.openSession(m_sim));
        again.show();
        QVERIFY(again.followedRestores()->isFollowing(restoreId));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 20000);
        QCOMPARE(finished.first().first().value<dcs::RestoreRecord>().restoreId, restoreId);
        QCOMPARE(finished.first().first().value<dcs::RestoreRecord>().status,
                 QStringLiteral("succeed"));
        QVERIFY(again.lastNotification().contains(QStringLiteral("succeeded")));
        QVERIFY(again.followedRestores()->pending().isEmpty());
        const dcs::AuditLog::Contents audit = dcs::AuditLog(again.auditFile()).read();
        QCOMPARE(audit.records.size(), 2);
        QCOMPARE(audit.records.last().event, QStringLiteral("finished"));
        QCOMPARE(audit.records.last().restoreId, restoreId);
        QCOMPARE(countRestorePosts(m_sim), 2); // one per test, never more
    }

private:
    QString selectOrderCache(MainWindow &window) {
        if (!waitForInstances(window))
            return {};
        const dcs::Instance order =
            instanceNamed(m_client.get(), QStringLiteral("order-cache-prod"));
        if (!window.browser()->selectInstance(order.instanceId))
            return {};
        auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        (void)QTest::qWaitFor(
            [&] { return window.browser()->backupModel()->rowCount() > 0 && restore->isEnabled(); },
            LoadTimeoutMs);
        return order.instanceId;
    }

    static QString rowStatus(MainWindow &window, const QString &instanceId) {
        const int row = window.browser()->instanceModel()->rowOf(instanceId);
        return row < 0 ? QString() : window.browser()->instanceModel()->instanceAt(row).status;
    }

    static QStringList readLines(const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        // Every CSV file the console writes starts with the UTF-8 byte-order mark.
        const QByteArray bytes = file.readAll();
        if (!bytes.startsWith("\xEF\xBB\xBF"))
            return {};
        QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        if (lines.size() == 1)
            lines = lines.first().split(QLatin1Char('\n'));
        lines.removeAll(QString());
        return lines;
    }

    QTemporaryDir m_data;
    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    LanguageManager m_languages;
};

QTEST_MAIN(TestSafeRestore)
#include "tst_saferestore.moc"
