// The real main window against a real dcs-sim: load, select, restore with a remark, follow the
// restore to its end; the refusal on a single-node instance; errors in the window; the language.

#include "GuiTestSupport.h"
#include "backups/BackupTableModel.h"
#include "instances/InstanceBrowser.h"
#include "instances/InstanceDetailsModel.h"
#include "instances/InstanceTableModel.h"
#include "profiles/DemoSimulator.h"
#include "profiles/SessionOpener.h"
#include "requestlog/RequestLogDock.h"
#include "requestlog/RequestLogModel.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreDialog.h"
#include "restore/RestoreTableModel.h"
#include "settings/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/StartPage.h"
#include "widgets/ErrorPanel.h"
#include "widgets/ModelRoles.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace guitest;

namespace {

int rowOfRestore(const RestoreTableModel *model, const QString &restoreId) {
    return model->rowOf(restoreId);
}

QString restoreStatus(const RestoreTableModel *model, const QString &restoreId) {
    const int row = rowOfRestore(model, restoreId);
    return row < 0 ? QString() : model->recordAt(row).status;
}

QString instanceStatus(const InstanceTableModel *model, const QString &instanceId) {
    const int row = model->rowOf(instanceId);
    return row < 0 ? QString() : model->instanceAt(row).status;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // Nothing of the user's own data folder is read or written.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("3"),
                              QStringLiteral("--backup-seconds"), QStringLiteral("2")}),
                 qPrintable(m_sim.error()));
        m_client = guitest::makeClient(m_sim);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    void restoreFromBackupWithRemark() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        InstanceBrowser *browser = window.browser();
        QVERIFY(browser);

        QVERIFY(waitForInstances(window));
        const QString instanceId = restorableInstance(browser->instanceModel());
        QVERIFY2(!instanceId.isEmpty(), "no RUNNING master/standby instance in the demo data");
        QVERIFY(browser->selectInstance(instanceId));
        QCOMPARE(browser->currentInstanceId(), instanceId);

        auto *restoreAction = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        QVERIFY(restoreAction);
        QTRY_VERIFY_WITH_TIMEOUT(window.browser()->backupModel()->rowCount() > 0, LoadTimeoutMs);
        QTRY_VERIFY(restoreAction->isEnabled());
        auto *blocked = window.findChild<QLabel *>(QStringLiteral("restoreBlockedLabel"));
        QVERIFY(blocked && !blocked->isVisible());

        // The details pane shows the show call's own fields (cache_mode is only there).
        QTRY_VERIFY_WITH_TIMEOUT(window.browser()->detailsModel()->instance().hasShowFields,
                                 LoadTimeoutMs);

        restoreAction->trigger();
        auto *dialog = window.findChild<RestoreDialog *>(QStringLiteral("restoreDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());

        auto *chooser = dialog->findChild<QTableView *>(QStringLiteral("backupChooser"));
        QVERIFY(chooser);
        QTRY_VERIFY_WITH_TIMEOUT(chooser->model()->rowCount() > 0, LoadTimeoutMs);
        // Non-restorable backups are listed but cannot be chosen.
        int restorableRow = -1;
        int refusedRow = -1;
        for (int row = 0; row < chooser->model()->rowCount(); ++row) {
            const QModelIndex index = chooser->model()->index(row, 0);
            if (index.data(ModelRoles::Restorable).toBool()) {
                if (restorableRow < 0)
                    restorableRow = row;
            } else if (refusedRow < 0) {
                refusedRow = row;
            }
        }
        QVERIFY(restorableRow >= 0);
        QVERIFY2(refusedRow >= 0, "the demo data lists backups that cannot be restored from");
        QCOMPARE(chooser->model()->flags(chooser->model()->index(refusedRow, 0)), Qt::NoItemFlags);
        QVERIFY(!chooser->model()
                     ->index(refusedRow, BackupTableModel::Restorable)
                     .data()
                     .toString()
                     .isEmpty());
        const QModelIndex pick = chooser->model()->index(restorableRow, BackupTableModel::Name);
        chooser->scrollTo(pick);
        QTest::mouseClick(chooser->viewport(), Qt::LeftButton, {},
                          chooser->visualRect(pick).center());
        const QString backupId = pick.data(ModelRoles::Raw).toString();
        QCOMPARE(dialog->selectedBackupId(), backupId);

        auto *remarkEdit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("remarkEdit"));
        auto *counter = dialog->findChild<QLabel *>(QStringLiteral("remarkCounter"));
        QVERIFY(remarkEdit && counter);
        const QString remark = QStringLiteral("restore from gui test");
        QTest::keyClicks(remarkEdit, remark);
        QCOMPARE(remarkEdit->toPlainText(), remark);
        QCOMPARE(counter->text(), QStringLiteral("%1 / 128").arg(remark.size()));
        auto *preflight = dialog->findChild<QLabel *>(QStringLiteral("preflightLabel"));
        QVERIFY(preflight && !preflight->text().isEmpty());

        auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        QVERIFY(ok);
        // Nothing happens before the instance name is typed.
        QVERIFY(!ok->isEnabled());
        auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
        QVERIFY(confirm);
        QTest::keyClicks(confirm, instanceName(window.browser()->instanceModel(), instanceId));
        QTRY_VERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        // Posting: a second click cannot send a second restore.
        QVERIFY(dialog->isPosting() || !dialog->restoreId().isEmpty());
        QVERIFY(!ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);

        auto *idEdit = dialog->findChild<QLineEdit *>(QStringLiteral("restoreIdEdit"));
        QVERIFY(idEdit);
        QTRY_VERIFY_WITH_TIMEOUT(!idEdit->text().isEmpty(), LoadTimeoutMs);
        QVERIFY(idEdit->isReadOnly());
        QVERIFY(idEdit->isVisible());
        QVERIFY(
            dialog->findChild<QPushButton *>(QStringLiteral("copyRestoreIdButton"))->isVisible());
        const QString restoreId = idEdit->text();
        QCOMPARE(dialog->restoreId(), restoreId);
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)); // replaced by Close

        // Exactly one POST reached the simulator.
        QCOMPARE(countRestorePosts(), 1);

        // The record appears in Restore records and moves to succeed; the instance is RESTORING
        // meanwhile and RUNNING after.
        RestoreTableModel *restores = window.browser()->restoreModel();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfRestore(restores, restoreId) >= 0, LoadTimeoutMs);
        QCOMPARE(restores->recordAt(rowOfRestore(restores, restoreId)).restoreRemark, remark);
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(window.browser()->instanceModel(), instanceId),
                                  QStringLiteral("RESTORING"), 5000);
        QVERIFY(!restoreAction->isEnabled()); // one restore at a time

        // The dialog stays open and follows the restore itself.
        auto *stageProgress = dialog->findChild<QProgressBar *>(QStringLiteral("stageProgress"));
        QList<int> dialogProgress;
        connect(stageProgress, &QProgressBar::valueChanged, this, [&](int value) {
            if (dialog->outcome() == RestoreDialog::Outcome::Following)
                dialogProgress << value;
        });
        QList<double> progress;
        connect(restores, &QAbstractItemModel::dataChanged, this, [&] {
            const int row = rowOfRestore(restores, restoreId);
            if (row >= 0)
                progress << restores->recordAt(row).progress;
        });
        // Somewhere in the middle, the window as it looks (for people checking the layout).
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS")) {
            QTRY_VERIFY_WITH_TIMEOUT(
                restoreStatus(restores, restoreId) == QLatin1String("restoring"), 10000);
            QTest::qWait(800);
            window.grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                               QStringLiteral("/restoring.png"));
            dialog->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                                QStringLiteral("/restore-dialog-following.png"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(restoreStatus(restores, restoreId), QStringLiteral("succeed"),
                                  30000);
        // The dialog says how it ended, without being closed first.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->outcome(), RestoreDialog::Outcome::Succeeded, 10000);
        QCOMPARE(dialog->record().status, QStringLiteral("succeed"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("stageLabel"))
                    ->text()
                    .startsWith(QStringLiteral("The restore succeeded.")));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("resultLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Restore succeeded.")));
        QVERIFY(!stageProgress->isVisible());
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            dialog->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                                QStringLiteral("/restore-dialog-succeeded.png"));
        QVERIFY2(std::any_of(dialogProgress.cbegin(), dialogProgress.cend(),
                             [](int p) { return p > 0 && p < 100; }),
                 "the dialog showed no intermediate progress");
        const int row = rowOfRestore(restores, restoreId);
        QCOMPARE(restores->recordAt(row).progress, 100.0);
        QCOMPARE(restores->recordAt(row).backupId, backupId);
        QVERIFY2(std::any_of(progress.cbegin(), progress.cend(),
                             [](double p) { return p > 0 && p < 100; }),
                 "no intermediate progress was shown");
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(window.browser()->instanceModel(), instanceId),
                                  QStringLiteral("RUNNING"), 10000);
        QTRY_VERIFY(restoreAction->isEnabled());

        // The progress column is drawn by the delegate (it paints without asserting).
        auto *restoreTable = window.findChild<QTableView *>(QStringLiteral("restoreTable"));
        QVERIFY(restoreTable->itemDelegateForColumn(RestoreTableModel::Progress));
        restoreTable->grab();

        dialog->close();
        QCOMPARE(countRestorePosts(), 1);
    }

    void refusedRestoreShowsErrorInDialog() {
        // A dialog opened on stale data: the instance was restored meanwhile by someone else.
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        QVERIFY(waitForInstances(window));
        const QString instanceId = restorableInstance(window.browser()->instanceModel());
        QVERIFY(!instanceId.isEmpty());
        const dcs::Instance instance = window.browser()->instanceModel()->instanceAt(
            window.browser()->instanceModel()->rowOf(instanceId));

        // Start a restore behind the dialog's back.
        QList<dcs::Backup> backups;
        bool listed = false;
        m_client->listBackups(instanceId, {}, this, [&](const auto &result) {
            backups = result.value;
            listed = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(listed, LoadTimeoutMs);
        QString backupId;
        for (const dcs::Backup &backup : backups) {
            if (backup.isRestorable()) {
                backupId = backup.backupId;
                break;
            }
        }
        QVERIFY(!backupId.isEmpty());

        RestoreDialog dialog(m_client.get(), instance, backups, {},
                             options(window.followedRestores()), &window);
        QVERIFY(dialog.selectBackup(backupId));
        // No safety backup: the instance is restoring by now, so it would be refused first.
        dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(instance.name);
        dialog.show();

        bool posted = false;
        m_client->restore(instanceId, backupId, QStringLiteral("behind the back"), this,
                          [&](const auto &result) { posted = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(posted, LoadTimeoutMs);

        auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                       ->button(QDialogButtonBox::Ok);
        QTRY_VERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        auto *panel = dialog.findChild<ErrorPanel *>(QStringLiteral("restoreErrorPanel"));
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasError(), LoadTimeoutMs);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->error().code, QStringLiteral("DCS.4097"));
        QVERIFY(panel->text().contains(QStringLiteral("DCS.4097")));
        QVERIFY(!panel->error().requestId.isEmpty());
        QVERIFY(panel->text().contains(panel->error().requestId));
        QVERIFY(dialog.restoreId().isEmpty());
        auto *idEdit = dialog.findChild<QLineEdit *>(QStringLiteral("restoreIdEdit"));
        QVERIFY(!idEdit->isVisible());

        // Let that restore end so the next test starts from RUNNING.
        QTRY_COMPARE_WITH_TIMEOUT(fetchStatus(instanceId), QStringLiteral("RUNNING"), 20000);
    }

    void singleNodeInstanceCannotBeRestored() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(waitForInstances(window));
        QString singleId;
        for (const dcs::Instance &instance : window.browser()->instanceModel()->instances()) {
            if (instance.type() == dcs::InstanceType::Single) {
                singleId = instance.instanceId;
                break;
            }
        }
        QVERIFY2(!singleId.isEmpty(), "no single-node instance in the demo data");
        QVERIFY(window.browser()->selectInstance(singleId));

        auto *restoreAction = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        auto *reason = window.findChild<QLabel *>(QStringLiteral("restoreBlockedLabel"));
        QVERIFY(restoreAction && reason);
        QTRY_VERIFY(!restoreAction->isEnabled());
        // The window says why, with the service's code for the same refusal.
        QTRY_VERIFY(reason->isVisible());
        QVERIFY2(reason->text().contains(QStringLiteral("DCS.4086")), qPrintable(reason->text()));
        QVERIFY(restoreAction->toolTip().contains(QStringLiteral("DCS.4086")));
        QVERIFY(!window.browser()->openRestoreDialog());
        QVERIFY(!window.findChild<RestoreDialog *>());
    }

    void remarkIsLimitedTo128Characters() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        QVERIFY(waitForInstances(window));
        const QString instanceId = restorableInstance(window.browser()->instanceModel());
        const dcs::Instance instance = window.browser()->instanceModel()->instanceAt(
            window.browser()->instanceModel()->rowOf(instanceId));
        RestoreDialog dialog(m_client.get(), instance, {}, {}, options(window.followedRestores()),
                             &window);
        dialog.show();
        auto *remarkEdit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("remarkEdit"));
        auto *counter = dialog.findChild<QLabel *>(QStringLiteral("remarkCounter"));
        QCOMPARE(counter->text(), QStringLiteral("0 / 128"));
        QTest::keyClicks(remarkEdit, QString(130, QLatin1Char('x')));
        QCOMPARE(remarkEdit->toPlainText().size(), 128);
        QCOMPARE(counter->text(), QStringLiteral("128 / 128"));
        QCOMPARE(dialog.remark().size(), 128);
        // Bytes of UTF-8, cut between characters: an emoji past the limit is left out whole.
        remarkEdit->setPlainText(QString(127, QLatin1Char('x')));
        remarkEdit->moveCursor(QTextCursor::End);
        remarkEdit->insertPlainText(QStringLiteral("😀"));
        QCOMPARE(dialog.remark(), QString(127, QLatin1Char('x')));
        remarkEdit->setPlainText(QString(50, QChar(0x56DE)));
        QCOMPARE(dialog.remark(), QString(42, QChar(0x56DE)));
        QCOMPARE(counter->text(), QStringLiteral("126 / 128"));
    }

    void errorsAppearInTheWindow() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        dcs::ClientConfig wrong = dcs::testing::configFor(m_sim);
        wrong.secretKey = QByteArrayLiteral("wrong-secret");
        window.showSession(console.openSession(Console::info(m_sim), wrong));
        window.show();
        auto *panel = window.findChild<ErrorPanel *>(QStringLiteral("errorPanel"));
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasError(), LoadTimeoutMs);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->error().code, QStringLiteral("APIGW.0301"));
        const QString text = panel->text();
        QVERIFY2(text.contains(QStringLiteral("APIGW.0301")), qPrintable(text));
        QVERIFY2(text.contains(panel->error().requestId), qPrintable(text));
        QVERIFY(!panel->error().explanation().isEmpty());
        QVERIFY(text.contains(panel->error().explanation()));
        QCOMPARE(window.browser()->instanceModel()->rowCount(), 0);
        // The secret is never shown.
        QVERIFY(!text.contains(QStringLiteral("wrong-secret")));
    }

    // The window's first frame comes before the profile starts: shown but not yet painted, the
    // window says that the Demo is starting and has started no simulator, and asked the keychain
    // nothing; once painted, the simulator starts and its list comes.
    void profileStartsAfterTheFirstFrame() {
        Console console;
        MainWindow window(console.context());
        window.resize(1280, 800);
        window.show(); // no event handled yet: not painted
        bool probed = false;
        window.afterFirstFrame([&] { probed = true; });
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        dcs::DemoSimulator *demo = console.opener()->demo();
        QVERIFY(!demo->isStarting() && !demo->isRunning());
        QVERIFY(!probed);
        auto *startPage = window.findChild<StartPage *>();
        QVERIFY(startPage);
        QCOMPARE(startPage->state(), StartPage::State::Starting);
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("simulatorBanner"))->isVisibleTo(&window));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(probed);
        QTRY_VERIFY_WITH_TIMEOUT(demo->isStarting() || demo->isRunning(), LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.browser() && window.browser()->instanceCount() > 0,
                                 LoadTimeoutMs);
        QVERIFY(window.session()->info().isSimulator);
        // Painted: what is asked from now on runs at once.
        bool atOnce = false;
        window.afterFirstFrame([&] { atOnce = true; });
        QVERIFY(atOnce);
    }

    // The program's order: the window expects its first frame, is set up (the start page says
    // the Demo is starting), then shown; the simulator starts once it has painted.
    void profileSetUpBeforeShowStartsAfterTheFirstFrame() {
        Console console;
        MainWindow window(console.context());
        window.resize(1280, 800);
        window.expectFirstFrame();
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        dcs::DemoSimulator *demo = console.opener()->demo();
        auto *startPage = window.findChild<StartPage *>();
        QCOMPARE(startPage->state(), StartPage::State::Starting);
        window.show();
        QVERIFY(!demo->isStarting() && !demo->isRunning());
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(demo->isStarting() || demo->isRunning(), LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.browser() && window.browser()->instanceCount() > 0,
                                 LoadTimeoutMs);
    }

    // A window that is not shown has no frame to wait for: the profile starts at once.
    void hiddenWindowStartsTheProfileAtOnce() {
        Console console;
        MainWindow window(console.context());
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        dcs::DemoSimulator *demo = console.opener()->demo();
        QVERIFY(demo->isStarting() || demo->isRunning());
    }

    // The request log's dock is built the first time it is shown (Ctrl+L, the View menu): not
    // before the first frame. The entry follows the dock however it is closed, and the dock shows
    // the requests sent before it was built.
    void requestLogDockIsBuiltOnFirstUse() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.findChild<RequestLogDock *>());
        window.showSession(console.openSession(m_sim));
        QTRY_VERIFY_WITH_TIMEOUT(window.requestLog()->rowCount() > 0, LoadTimeoutMs);
        auto *action = window.findChild<QAction *>(QStringLiteral("requestLogAction"));
        QVERIFY(action && action->isCheckable() && !action->isChecked());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        auto *dock = window.findChild<RequestLogDock *>();
        QVERIFY(dock);
        QTRY_VERIFY(dock->isVisible());
        QVERIFY(action->isChecked());
        QVERIFY(dock->proxy()->rowCount() > 0);
        dock->close();
        QTRY_VERIFY(!action->isChecked());
        action->trigger();
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(window.findChildren<RequestLogDock *>().size(), 1);
    }

    void simulatorBannerIsShown() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showStarting();
        window.show();
        auto *banner = window.findChild<QLabel *>(QStringLiteral("simulatorBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("No profile is configured")),
                 qPrintable(banner->text()));
        window.showSession(console.openSession(m_sim));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(m_sim.url().toDisplayString()));

        dcs::SessionInfo real =
            Console::info(m_sim, QStringLiteral("prod"), QStringLiteral("prod"));
        real.isSimulator = false;
        window.showSession(console.openSession(m_sim, real));
        QVERIFY(!banner->isVisible());

        window.showStartFailure(QStringLiteral("dcs-sim was not found"));
        auto *state = window.findChild<QLabel *>(QStringLiteral("startStateLabel"));
        QVERIFY(state->isVisible());
        QVERIFY(state->text().contains(QStringLiteral("dcs-sim was not found")));
    }

    // The names tests and assistive technology find widgets by stay what they were.
    void widgetsKeepTheirNames() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(waitForInstances(window));
        for (const char *name :
             {"instanceBrowser", "instanceTable", "instanceFilterEdit", "statusFilterCombo",
              "detailTabs", "backupsTab", "backupTable", "restoreTable", "backupsStateLabel",
              "restoresStateLabel", "errorPanel", "errorTitleLabel", "errorDetailsLabel"})
            QVERIFY2(window.findChild<QWidget *>(QLatin1String(name)), name);
        for (const char *name :
             {"refreshAction", "restoreAction", "createBackupAction", "deleteBackupAction"})
            QVERIFY2(window.findChild<QAction *>(QLatin1String(name)), name);

        const QString instanceId = restorableInstance(window.browser()->instanceModel());
        QVERIFY(window.browser()->selectInstance(instanceId));
        auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), LoadTimeoutMs);
        RestoreDialog *dialog = window.browser()->openRestoreDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("restoreDialog"));
        QCOMPARE(window.findChild<RestoreDialog *>(QStringLiteral("restoreDialog")), dialog);
        for (const char *name : {"remarkEdit", "confirmNameEdit", "instanceNameLabel",
                                 "backUpFirstCheck", "preflightLabel", "stageLabel", "okButton"})
            QVERIFY2(dialog->findChild<QWidget *>(QLatin1String(name)), name);
        dialog->close();
    }

    void languageSwitchesAtRuntime() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(waitForInstances(window));
        auto *table = window.findChild<QTableView *>(QStringLiteral("instanceTable"));
        auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
        const auto header = [table] {
            return table->model()->headerData(InstanceTableModel::Name, Qt::Horizontal).toString();
        };
        QCOMPARE(header(), QStringLiteral("Name"));
        QCOMPARE(refresh->text(), QStringLiteral("&Refresh"));

        QSignalSpy headers(window.browser()->instanceModel(),
                           &QAbstractItemModel::headerDataChanged);
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(header(), QStringLiteral("名称"));
        // The view learns it through headerDataChanged, sent when the window gets LanguageChange.
        QTRY_VERIFY(headers.count() >= 1);
        auto *view = table->horizontalHeader();
        QCOMPARE(view->model()->headerData(InstanceTableModel::Name, Qt::Horizontal).toString(),
                 QStringLiteral("名称"));
        QTRY_VERIFY(refresh->text().contains(QStringLiteral("刷新")));
        // The window system adds the program's name (in the language) to the title: the title
        // itself names the profile only, never the program twice.
        QTRY_VERIFY(QGuiApplication::applicationDisplayName().contains(QStringLiteral("控制台")));
        QVERIFY2(!window.windowTitle().contains(QStringLiteral("控制台")) &&
                     !window.windowTitle().contains(QStringLiteral("DCS Console")),
                 qPrintable(window.windowTitle()));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("chineseAction"))->isChecked());

        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QCOMPARE(header(), QStringLiteral("Name"));
        QTRY_COMPARE(refresh->text(), QStringLiteral("&Refresh"));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("englishAction"))->isChecked());
        QVERIFY(!m_languages.setLanguage(QStringLiteral("xx")));
    }

private:
    static RestoreDialog::Options options(dcs::FollowedRestores *followed) {
        RestoreDialog::Options o;
        o.context.profileName = QStringLiteral("Demo");
        o.context.projectId = SimFixture::projectId();
        o.backupPollMs = 200;
        o.followed = followed;
        return o;
    }

    static QString instanceName(const InstanceTableModel *model, const QString &id) {
        const int row = model->rowOf(id);
        return row < 0 ? QString() : model->instanceAt(row).name;
    }

    // order-cache-prod by name, else the first RUNNING master/standby instance.
    static QString restorableInstance(const InstanceTableModel *model) {
        for (const dcs::Instance &instance : model->instances()) {
            if (instance.name == QLatin1String("order-cache-prod") && instance.isRunning())
                return instance.instanceId;
        }
        for (const dcs::Instance &instance : model->instances()) {
            if (instance.type() == dcs::InstanceType::MasterStandby && instance.isRunning())
                return instance.instanceId;
        }
        return {};
    }

    QString fetchStatus(const QString &instanceId) {
        QString status;
        bool done = false;
        m_client->showInstance(instanceId, this, [&](const dcs::ApiResult<dcs::Instance> &result) {
            status = result.value.status;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return {};
        return status;
    }

    int countRestorePosts() {
        int posts = 0;
        const QList<QByteArray> lines = m_sim.log().split('\n');
        for (const QByteArray &line : lines) {
            if (line.contains("POST") && line.contains("/restores"))
                ++posts;
        }
        return posts;
    }

    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    LanguageManager m_languages;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
