// The console from the keyboard alone, against a real dcs-sim:
// - a whole restore with key events only: select the instance with the arrows, open Restore by
//   its shortcut, choose a backup with the arrows, type a remark and the name, confirm;
// - the confirmation belongs to the backup it was typed for: choosing another clears it;
// - every dialog's tab order, tabbed through with the Tab key, without changing a selection;
// - Tab leaves the tables of the window (the arrows move within them).

#include "GuiTestSupport.h"
#include "audit/AuditDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/CreateBackupDialog.h"
#include "backups/DeleteBackupDialog.h"
#include "instances/InstanceTableModel.h"
#include "profiles/ProfileDialog.h"
#include "restore/RestoreDialog.h"
#include "settings/LanguageManager.h"
#include "settings/SettingsDialog.h"
#include "shell/AboutDialog.h"
#include "widgets/ModelRoles.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace guitest;

namespace {

QString nameOf(const QWidget *widget) {
    if (!widget)
        return QStringLiteral("<none>");
    return widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                          : widget->objectName();
}

// Every item view's selection under root, by row and column.
QMap<QString, QList<QPair<int, int>>> selections(QWidget *root) {
    QMap<QString, QList<QPair<int, int>>> result;
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->selectionModel())
            continue;
        QList<QPair<int, int>> cells;
        for (const QModelIndex &index : view->selectionModel()->selectedIndexes())
            cells.append({index.row(), index.column()});
        std::sort(cells.begin(), cells.end());
        result.insert(nameOf(view) + QLatin1Char('@') + nameOf(view->parentWidget()), cells);
    }
    return result;
}

// Presses Tab from the focused widget until the focus comes back to it: the names of the
// widgets it went through, in order. Key events only.
QStringList tabCycle(QWidget *window) {
    QStringList names;
    QWidget *first = QApplication::focusWidget();
    if (!first || first->window() != window)
        return {QStringLiteral("<focus is not in the window>")};
    QWidget *current = first;
    for (int i = 0; i < 80; ++i) {
        names << nameOf(current);
        QTest::keyClick(current, Qt::Key_Tab);
        current = QApplication::focusWidget();
        if (!current || current == first)
            break;
    }
    return names;
}

} // namespace

class TestKeyboard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("2"),
                              QStringLiteral("--backup-seconds"), QStringLiteral("1")}),
                 qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_target = instanceNamed(m_client.get(), QStringLiteral("order-cache-prod"));
        QVERIFY2(m_target.isRunning(), "order-cache-prod is not running in the demo data");
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    // The whole restore with the keyboard: no mouse, no call into the widgets.
    void restoreWithTheKeyboardOnly() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        auto *table = browser->findChild<QTableView *>(QStringLiteral("instanceTable"));
        QVERIFY(table);
        // The list has the focus once it is loaded: the arrows work at once.
        QTRY_COMPARE(QApplication::focusWidget(), table);

        // Select the instance with the arrows.
        QTest::keyClick(table, Qt::Key_Home);
        for (int i = 0;
             i < table->model()->rowCount() && browser->currentInstanceId() != m_target.instanceId;
             ++i)
            QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(browser->currentInstanceId(), m_target.instanceId);
        auto *restoreAction = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        QTRY_VERIFY_WITH_TIMEOUT(restoreAction->isEnabled(), LoadTimeoutMs);

        // Open Restore by its shortcut.
        QCOMPARE(restoreAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
        RestoreDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<RestoreDialog *>(QStringLiteral("restoreDialog"))) &&
                    dialog->isVisible());
        auto *chooser = dialog->findChild<QTableView *>(QStringLiteral("backupChooser"));
        QTRY_COMPARE(QApplication::focusWidget(), chooser);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->selectedBackupId().isEmpty(), LoadTimeoutMs);
        // Wait for the dialog's own reading of the backups.
        auto *state = dialog->findChild<QLabel *>(QStringLiteral("backupsStateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!state->text().startsWith(QStringLiteral("Loading")),
                                 LoadTimeoutMs);

        // Choose the next restorable backup with the arrows (rows that cannot be chosen are
        // passed over).
        const QString newest = dialog->selectedBackupId();
        QTest::keyClick(chooser, Qt::Key_Down);
        const QString chosen = dialog->selectedBackupId();
        QVERIFY2(!chosen.isEmpty() && chosen != newest, qPrintable(chosen));

        // Tab to the remark and type it; Tab on to the name and type it.
        QTest::keyClick(chooser, Qt::Key_Tab);
        auto *remark = dialog->findChild<QPlainTextEdit *>(QStringLiteral("remarkEdit"));
        QCOMPARE(QApplication::focusWidget(), remark);
        QTest::keyClicks(remark, QStringLiteral("from the keyboard"));
        QTest::keyClick(remark, Qt::Key_Tab);
        auto *backUpFirst = dialog->findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"));
        QCOMPARE(QApplication::focusWidget(), backUpFirst);
        QTest::keyClick(backUpFirst, Qt::Key_Tab);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
        QCOMPARE(QApplication::focusWidget(), name);
        QTest::keyClicks(name, m_target.name);
        QVERIFY(okButton(*dialog)->isEnabled());
        // Enter alone does not restore: typing the name is no confirmation by itself.
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->workflow() == nullptr);

        // Confirm with the button's mnemonic.
        const int postsBefore = countRestorePosts(m_sim);
        QTest::keyClick(name, Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->restoreId().isEmpty(), 60000);
        QCOMPARE(countRestorePosts(m_sim), postsBefore + 1);
        const QList<dcs::RestoreRecord> records = restoresOf(m_client.get(), m_target.instanceId);
        bool found = false;
        for (const dcs::RestoreRecord &record : records)
            found |= record.restoreId == dialog->restoreId() && record.backupId == chosen &&
                     record.restoreRemark == QLatin1String("from the keyboard");
        QVERIFY2(found, "the restore of the chosen backup with the typed remark");
        // Escape closes the dialog; the restore goes on being followed.
        QTRY_VERIFY(dialog->outcome() != RestoreDialog::Outcome::None);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible() || dialog->isPosting());
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(m_client.get(), m_target.instanceId),
                                  QStringLiteral("RUNNING"), 60000);
    }

    // The name confirms the backup it was typed for: another choice clears it.
    void confirmationIsBoundToTheBackup() {
        const QList<dcs::Backup> backups = backupsOf(m_client.get(), m_target.instanceId);
        Console console(&m_languages);
        RestoreDialog dialog(m_client.get(), instanceNamed(m_client.get(), m_target.name), backups,
                             {}, restoreDialogOptions(console.followed()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *state = dialog.findChild<QLabel *>(QStringLiteral("backupsStateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!state->text().startsWith(QStringLiteral("Loading")),
                                 LoadTimeoutMs);
        auto *chooser = dialog.findChild<QTableView *>(QStringLiteral("backupChooser"));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
        auto *target = dialog.findChild<QLabel *>(QStringLiteral("confirmTargetLabel"));
        auto *hint = dialog.findChild<QLabel *>(QStringLiteral("confirmHintLabel"));
        const QString first = dialog.selectedBackupId();
        QVERIFY(!first.isEmpty());
        // The confirmation names the backup: its name, when it was taken and how long ago.
        const dcs::Backup *backup = nullptr;
        for (const dcs::Backup &b : backups)
            backup = b.backupId == first ? &b : backup;
        QVERIFY(backup);
        QVERIFY2(target->text().contains(backup->backupName.toHtmlEscaped()) &&
                     target->text().contains(m_target.name.toHtmlEscaped()) &&
                     target->text().contains(QStringLiteral(" ago")),
                 qPrintable(target->text()));

        QTest::keyClicks(name, m_target.name);
        QVERIFY(okButton(dialog)->isEnabled());

        // Another backup after the name was typed: the name is cleared, Restore is off.
        QTest::keyClick(chooser, Qt::Key_Down);
        const QString second = dialog.selectedBackupId();
        QVERIFY(!second.isEmpty() && second != first);
        QVERIFY(name->text().isEmpty());
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(hint->text().contains(QStringLiteral("type the instance name again")),
                 qPrintable(hint->text()));
        QVERIFY(!target->text().contains(backup->backupName.toHtmlEscaped()));

        // Typed again for this one, it confirms this one.
        QTest::keyClicks(name, m_target.name);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(hint->text().isEmpty());
    }

    void restoreDialogTabOrder() {
        const QList<dcs::Backup> backups = backupsOf(m_client.get(), m_target.instanceId);
        Console console(&m_languages);
        RestoreDialog dialog(m_client.get(), instanceNamed(m_client.get(), m_target.name), backups,
                             {}, restoreDialogOptions(console.followed()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *state = dialog.findChild<QLabel *>(QStringLiteral("backupsStateLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!state->text().startsWith(QStringLiteral("Loading")),
                                 LoadTimeoutMs);
        // The first stop has the focus when the dialog opens.
        auto *chooser = dialog.findChild<QTableView *>(QStringLiteral("backupChooser"));
        QTRY_COMPARE(QApplication::focusWidget(), chooser);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit")),
                         m_target.name);
        const auto before = selections(&dialog);
        QVERIFY(!before.value(QStringLiteral("backupChooser@backupGroup")).isEmpty());
        QCOMPARE(tabCycle(&dialog), (QStringList{"backupChooser", "remarkEdit", "backUpFirstCheck",
                                                 "confirmNameEdit", "okButton", "cancelButton"}));
        // Ctrl+Tab and Shift+Tab in the list leave the choice alone too.
        chooser->setFocus(Qt::TabFocusReason);
        QTest::keyClick(chooser, Qt::Key_Tab, Qt::ControlModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(selections(&dialog), before);
    }

    void otherDialogsTabOrder() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        QVERIFY(browser->selectInstance(m_target.instanceId));
        QString manual;
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowCount() > 0, LoadTimeoutMs);
        for (const dcs::Backup &backup : browser->backupModel()->backups()) {
            if (backup.backupType == QLatin1String("manual") &&
                backup.status == QLatin1String("succeed"))
                manual = backup.backupId;
        }
        QVERIFY2(!manual.isEmpty(), "no manual backup in the demo data");

        const auto check = [](QDialog *dialog, const QStringList &expected) {
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowActive(dialog));
            QTRY_VERIFY(QApplication::focusWidget() &&
                        QApplication::focusWidget()->window() == dialog);
            const auto before = selections(dialog);
            const QStringList cycle = tabCycle(dialog);
            QVERIFY2(cycle == expected, qPrintable(cycle.join(QStringLiteral(", "))));
            QCOMPARE(selections(dialog), before);
            dialog->close();
        };

        check(browser->openCreateBackupDialog(),
              {"backupRemarkEdit", "backupFormatCombo", "okButton", "cancelButton"});
        DeleteBackupDialog *remove = browser->openDeleteBackupDialog(manual);
        QVERIFY(remove);
        QTest::keyClicks(
            remove->findChild<QLineEdit *>(QStringLiteral("confirmBackupNameEdit")),
            browser->backupModel()->backupAt(browser->backupModel()->rowOf(manual)).backupName);
        // Enter in the name field deletes nothing: typing the name is no confirmation by itself.
        QTest::keyClick(remove->findChild<QLineEdit *>(QStringLiteral("confirmBackupNameEdit")),
                        Qt::Key_Return);
        QVERIFY(remove->isVisible());
        check(remove, {"confirmBackupNameEdit", "okButton", "cancelButton"});
        check(window.openSettingsDialog(),
              {"themeCombo", "refreshIntervalSpin", "trackerFirstDelaySpin",
               "trackerMaxIntervalSpin", "trackerGiveUpSpin", "oldBackupHoursSpin",
               "healthMaxAgeSpin", "healthExpirySpin", "fleetMaxAgeSpin", "fleetConcurrencySpin",
               "defaultsButton", "okButton", "cancelButton"});
        AuditDialog *audit = window.openAuditDialog();
        // Reload is disabled while the file is read: on a loaded machine Tab would skip it.
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isLoading(), LoadTimeoutMs);
        check(audit, {"auditTable", "reloadButton", "openFolderButton", "closeButton"});
        check(window.openAboutDialog(), {"okButton"});

        ProfileDialog profile(console.profiles(), console.secrets(), &window);
        profile.show();
        check(
            &profile,
            {"nameEdit",          "regionCombo",          "dcsEndpointEdit",      "projectIdEdit",
             "authMethodCombo",   "accessKeyEdit",        "secretKeyEdit",        "proxyModeCombo",
             "caBundleEdit",      "caBundleBrowseButton", "timeoutSpin",          "apiVersionCombo",
             "productionCheck",   "readOnlyCheck",        "scopesTable",          "addScopeButton",
             "removeScopeButton", "readProjectsButton",   "testConnectionButton", "saveButton",
             "cancelButton"});
    }

    // In the window, Tab goes from part to part and never moves a selection; the arrows do.
    void tabLeavesTheWindowsTables() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        auto *table = browser->findChild<QTableView *>(QStringLiteral("instanceTable"));
        QTRY_COMPARE(QApplication::focusWidget(), table);
        QTRY_VERIFY_WITH_TIMEOUT(!browser->currentInstanceId().isEmpty(), LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowCount() > 0, LoadTimeoutMs);
        auto *backups = browser->findChild<QTableView *>(QStringLiteral("backupTable"));
        backups->selectRow(0);
        const QString selected = browser->currentInstanceId();
        const auto before = selections(&window);
        const QStringList cycle = tabCycle(&window);
        QVERIFY2(cycle.size() > 3 && cycle.size() < 20,
                 qPrintable(cycle.join(QStringLiteral(", "))));
        QCOMPARE(cycle.first(), QStringLiteral("instanceTable"));
        QCOMPARE(cycle.value(1), QStringLiteral("qt_tabwidget_tabbar"));
        QVERIFY(cycle.contains(QStringLiteral("instanceFilterEdit")));
        QVERIFY(cycle.contains(QStringLiteral("detailsTree")));
        QCOMPARE(selections(&window), before);
        QCOMPARE(browser->currentInstanceId(), selected);
        // The arrows move within the list.
        QTest::keyClick(table, Qt::Key_Down);
        QVERIFY(browser->currentInstanceId() != selected);
    }

private:
    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    LanguageManager m_languages;
    dcs::Instance m_target;
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
