// What only DCS API v2 offers, in the window against a real dcs-sim: Download… of a backup (the
// expiry offered, progress, the files), the Background tasks tab, the status bar's counts by
// status, and the backup policy in words in the details, changed after a side-by-side review.
// And a v1.0 profile: counted locally, the rest says it needs v2 and sends nothing.

#include "GuiTestSupport.h"
#include "SimStateFiles.h"
#include "backups/BackupDownloadDialog.h"
#include "backups/BackupPolicyDialog.h"
#include "backups/BackupTableModel.h"
#include "instances/InstanceDetailsModel.h"
#include "instances/TaskTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace guitest;

class TestV2Console : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // English plural forms come from its catalogue, as in the console.
        QVERIFY(m_english.load(QStringLiteral(":/i18n/dcs-console_en.qm")));
        QCoreApplication::installTranslator(&m_english);
        const QString state = m_dir.filePath(QStringLiteral("state.json"));
        QVERIFY(dcs::testing::writeDemoStateWithSmallInstance(state, Sharded, 6));
        QVERIFY2(m_sim.start({QStringLiteral("--backup-seconds"), QStringLiteral("0")}, state),
                 qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    void downloadFromTheBackupsTab() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        const QString id = select(window, Sharded);
        QVERIFY(!id.isEmpty());
        const auto created = dcs::testing::await<QString>([&](auto cb) {
            m_client->createBackup(id, QStringLiteral("to download"), {}, this, cb);
        });
        QVERIFY2(created.ok(), qPrintable(created.error.summary()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                window.browser()->refresh();
                QTest::qWait(200);
                const auto backups = window.browser()->backupModel()->backups();
                return std::any_of(backups.cbegin(), backups.cend(), [&](const dcs::Backup &b) {
                    return b.backupId == created.value && b.isSucceeded();
                });
            }(),
            LoadTimeoutMs);

        BackupDownloadDialog *dialog = window.browser()->openDownloadDialog(created.value);
        QVERIFY(dialog);
        auto *expiry = dialog->findChild<QComboBox *>(QStringLiteral("expiryCombo"));
        QCOMPARE(expiry->currentData().toInt(), 3600); // one hour unless chosen
        QCOMPARE(expiry->currentText(), QStringLiteral("1 hour"));
        QTemporaryDir folder;
        dialog->findChild<QLineEdit *>(QStringLiteral("folderEdit"))->setText(folder.path());
        auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startDownloadButton"));
        start->setFocus();
        QTest::keyClick(start, Qt::Key_Space);
        auto *state = dialog->findChild<QLabel *>(QStringLiteral("downloadStateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Saved 3 files")),
                                 LoadTimeoutMs);
        QCOMPARE(dialog->findChild<QProgressBar *>(QStringLiteral("downloadProgress"))->value(),
                 1000);
        const QStringList files = QDir(folder.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 3);
        for (const QString &file : files)
            QVERIFY2(state->text().contains(file), qPrintable(state->text()));
        shot(dialog, "download-dialog");
        // Close.
        // Closed and deleted (WA_DeleteOnClose): watched through a guard.
        const QPointer<BackupDownloadDialog> guard(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!guard || !guard->isVisible());
    }

    // The Instance menu's Download Backup… (Ctrl+Shift+D) and Change Backup Policy…
    // (Ctrl+Shift+B) from the keyboard, enabled by the same rules as the context menus.
    void downloadAndPolicyFromTheKeyboard() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        auto *download = window.findChild<QAction *>(QStringLiteral("downloadBackupAction"));
        auto *policy = window.findChild<QAction *>(QStringLiteral("changeBackupPolicyAction"));
        QVERIFY(download && policy);
        QCOMPARE(download->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
        QCOMPARE(policy->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        QVERIFY(!select(window, Sharded).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(window.browser()->backupModel()->rowCount() > 0, LoadTimeoutMs);
        const auto backups = window.browser()->backupModel()->backups();
        const auto succeeded = std::find_if(backups.cbegin(), backups.cend(),
                                            [](const dcs::Backup &b) { return b.isSucceeded(); });
        QVERIFY(succeeded != backups.cend());
        QVERIFY(window.browser()->selectBackup(succeeded->backupId));
        QTRY_VERIFY(download->isEnabled());
        QCOMPARE(download->toolTip(),
                 QStringLiteral("Download the file(s) of the selected backup"));

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<BackupDownloadDialog> dialog;
        QTRY_VERIFY((dialog = window.findChild<BackupDownloadDialog *>()) && dialog->isVisible());
        QVERIFY(
            !dialog->findChild<QPushButton *>(QStringLiteral("startDownloadButton"))->isHidden());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible());

        // The policy once the instance's details are in.
        QTRY_VERIFY_WITH_TIMEOUT(policy->isEnabled(), LoadTimeoutMs);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<BackupPolicyDialog> policyDialog;
        QTRY_VERIFY((policyDialog = window.findChild<BackupPolicyDialog *>()) &&
                    policyDialog->isVisible());
        QTest::keyClick(policyDialog, Qt::Key_Escape);
        QTRY_VERIFY(!policyDialog || !policyDialog->isVisible());
    }

    void tasksTabListsTheInstancesTasks() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(!select(window, QStringLiteral("legacy-page-cache")).isEmpty());
        auto *table = window.findChild<QTableView *>(QStringLiteral("taskTable"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("tasksStateLabel"));
        QVERIFY(table && label);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, LoadTimeoutMs);
        // In words; the service's name for it in the tooltip.
        QCOMPARE(table->model()->index(0, TaskTableModel::Name).data().toString(),
                 QStringLiteral("Master/standby switchover"));
        QCOMPARE(table->model()->index(0, TaskTableModel::Name).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("masterStandbySwapJob"));
        QCOMPARE(table->model()->index(0, TaskTableModel::Status).data().toString(),
                 QStringLiteral("Running"));
        QVERIFY2(label->text().contains(QStringLiteral("1 running")), qPrintable(label->text()));
        window.resize(1300, 800);
        window.findChild<QTabWidget *>(QStringLiteral("detailTabs"))
            ->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("tasksTab")));
        QTest::qWait(200);
        shot(&window, "tasks-tab");
        QVERIFY(!select(window, QStringLiteral("session-store")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, LoadTimeoutMs);
    }

    void statusBarShowsCountsByStatus() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        auto *counts = window.findChild<QLabel *>(QStringLiteral("statusCountsLabel"));
        QVERIFY(counts);
        QTRY_VERIFY_WITH_TIMEOUT(counts->text().contains(QStringLiteral("Running")), LoadTimeoutMs);
        QVERIFY2(counts->text().contains(QStringLiteral("Restoring 1")),
                 qPrintable(counts->text()));
        QVERIFY2(counts->text().contains(QStringLiteral("Abnormal 1")), qPrintable(counts->text()));
        QVERIFY(m_sim.log().contains("GET /v2/" + SimFixture::projectId().toLatin1() +
                                     "/instances/status"));
    }

    void policyInWordsAndChangedAfterReview() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(!select(window, QStringLiteral("user-profile-cache")).isEmpty());
        InstanceDetailsModel *details = window.browser()->detailsModel();
        QTRY_VERIFY_WITH_TIMEOUT(details->valueText(InstanceDetailsModel::BackupPolicy)
                                     .startsWith(QStringLiteral("Automatic: every day")),
                                 LoadTimeoutMs);
        BackupPolicyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.browser()->openBackupPolicyDialog()) != nullptr,
                                 LoadTimeoutMs);
        for (int day = 2; day <= 7; ++day) {
            auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("policyDay%1").arg(day));
            check->setFocus();
            QTest::keyClick(check, Qt::Key_Space); // off: Monday only
        }
        auto *keep = dialog->findChild<QSpinBox *>(QStringLiteral("policyKeepSpin"));
        keep->setFocus();
        keep->selectAll();
        QTest::keyClicks(keep, QStringLiteral("3"));
        QCOMPARE(keep->value(), 3);
        auto *review = dialog->findChild<QPushButton *>(QStringLiteral("reviewPolicyButton"));
        QTest::mouseClick(review, Qt::LeftButton);
        QVERIFY(dialog->isReviewing());
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("policyReviewTable"));
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("every day"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("Mon"));
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("7 days"));
        QCOMPARE(table->item(3, 2)->text(), QStringLiteral("3 days"));
        QVERIFY(!m_sim.log().contains("PUT "));
        shot(dialog, "policy-review");
        auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("applyPolicyButton"));
        const QPointer<BackupPolicyDialog> guard(dialog); // deleted once closed
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(details->valueText(InstanceDetailsModel::BackupPolicy)
                                     .startsWith(QStringLiteral("Automatic: Monday")),
                                 LoadTimeoutMs);
        QVERIFY(details->valueText(InstanceDetailsModel::BackupPolicy)
                    .endsWith(QStringLiteral("kept for 3 days")));
        int puts = 0;
        for (const QByteArray &line : m_sim.log().split('\n'))
            puts += line.startsWith("PUT ");
        QCOMPARE(puts, 1);
    }

    void v1ProfileSaysWhatNeedsV2() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        dcs::ClientConfig config = dcs::testing::configFor(m_sim);
        config.apiVersion = dcs::ApiVersion::V1;
        window.showSession(console.openSession(Console::info(m_sim), config));
        window.show();
        const int before = int(m_sim.log().count('\n'));
        auto *counts = window.findChild<QLabel *>(QStringLiteral("statusCountsLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(counts->text().contains(QStringLiteral("Running")), LoadTimeoutMs);
        QVERIFY(!select(window, QStringLiteral("legacy-page-cache")).isEmpty());
        auto *label = window.findChild<QLabel *>(QStringLiteral("tasksStateLabel"));
        QTRY_VERIFY(label->text().contains(QStringLiteral("need DCS API v2")));
        QTRY_VERIFY_WITH_TIMEOUT(window.browser()->backupModel()->rowCount() > 0, LoadTimeoutMs);
        const auto backups = window.browser()->backupModel()->backups();
        const auto succeeded = std::find_if(backups.cbegin(), backups.cend(),
                                            [](const dcs::Backup &b) { return b.isSucceeded(); });
        QVERIFY(succeeded != backups.cend());
        QVERIFY(!window.browser()->openDownloadDialog(succeeded->backupId));
        QVERIFY(!window.browser()->openBackupPolicyDialog());
        // The window's actions say so too, and do nothing from the keyboard.
        QVERIFY(window.browser()->selectBackup(succeeded->backupId));
        auto *download = window.findChild<QAction *>(QStringLiteral("downloadBackupAction"));
        auto *policy = window.findChild<QAction *>(QStringLiteral("changeBackupPolicyAction"));
        QTRY_VERIFY(!download->isEnabled() &&
                    download->toolTip().contains(QStringLiteral("Download links need DCS API v2")));
        QTRY_VERIFY(!policy->isEnabled() && policy->toolTip().contains(QStringLiteral(
                                                "Changing the backup policy needs DCS API v2")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(&window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!window.findChild<BackupDownloadDialog *>());
        QVERIFY(!window.findChild<BackupPolicyDialog *>());
        const QByteArray log = m_sim.log();
        const QList<QByteArray> lines = log.split('\n').mid(before);
        for (const QByteArray &line : lines)
            QVERIFY2(!line.contains("/v2/"), line.constData());
    }

private:
    // With DCS_TEST_SHOTS set, pictures of what the test drives (scripts/screenshots.sh).
    static void shot(QWidget *widget, const char *name) {
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            widget->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") + QLatin1Char('/') +
                                QLatin1String(name) + QStringLiteral(".png"));
    }

    QString select(MainWindow &window, const QString &name) {
        if (!waitForInstances(window))
            return {};
        if (!window.browser()->selectInstance(name))
            return {};
        return window.browser()->currentInstanceId();
    }

    const QString Sharded = QStringLiteral("user-profile-cache");
    QTranslator m_english;
    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
};

QTEST_MAIN(TestV2Console)
#include "tst_v2console.moc"
