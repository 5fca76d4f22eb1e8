// The fleet window, driven as a user would: the Demo fleet with its regions and projects and the
// health its data tells; "needs attention" showing exactly the instances at risk or that cannot
// be restored; a backup started from the fleet turning an instance healthy; one region's
// simulator stopped giving an error row for that region only; opening an instance in the main
// window's browser; the CSV export; the tray notification once per change; the cache at the next
// start; all of it from the keyboard, and in Chinese.

#include "GuiTestSupport.h"
#include "fleet/Fleet.h"
#include "fleet/FleetBackupDialog.h"
#include "fleet/FleetCache.h"
#include "fleet/FleetSortFilterProxyModel.h"
#include "fleet/FleetSourceModel.h"
#include "fleet/FleetSourcesDialog.h"
#include "fleet/FleetTableModel.h"
#include "fleet/FleetWindow.h"
#include "profiles/DemoSimulator.h"
#include "settings/LanguageManager.h"
#include "settings/SettingsDialog.h"
#include "settings/ThemeManager.h"
#include "widgets/ConsolePalette.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace guitest;

namespace {

// A backup on the Demo simulator takes ten seconds, and its end is read after that.
constexpr int BackupTimeoutMs = 90000;

const QSet<QString> DemoAttention{
    "analytics-buffer-test", "leaderboard-cluster", "legacy-page-cache",
    "rate-limiter",          "feature-flags-dev",   "report-cache",
    "ml-feature-store",      "ab-test-flags",       "geo-lookup",
    "search-suggest"};
const QSet<QString> DemoHealthy{"order-cache-prod",      "session-store",   "user-profile-cache",
                                "payment-gateway-cache", "clickstream-agg", "cdn-token-cache",
                                "inventory-cache-prod"};

bool loaded(FleetWindow *fleet) {
    return QTest::qWaitFor(
        [fleet] {
            if (fleet->fleet()->isBusy() || !fleet->queue()->isIdle() ||
                fleet->fleet()->sources().isEmpty())
                return false;
            for (const dcs::FleetSource &source : fleet->fleet()->sources()) {
                const auto phase = fleet->fleet()->sourceState(source.key()).phase;
                if (phase != dcs::FleetSourceState::Phase::Done &&
                    phase != dcs::FleetSourceState::Phase::Failed)
                    return false;
            }
            return true;
        },
        60000);
}

// The instance names the view shows now, in view order.
QStringList shownNames(FleetWindow *fleet) {
    QStringList names;
    const FleetSortFilterProxyModel *proxy = fleet->proxy();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const FleetRow &row = fleet->model()->rowAt(proxy->mapToSource(proxy->index(r, 0)).row());
        if (row.kind == FleetRow::Kind::Instance)
            names.append(row.instance.instance.name);
    }
    return names;
}

QSet<QString> shownSet(FleetWindow *fleet) {
    const QStringList names = shownNames(fleet);
    return QSet<QString>(names.cbegin(), names.cend());
}

QString keyOf(FleetWindow *fleet, const QString &name) {
    for (const dcs::FleetInstance &row : fleet->fleet()->instances()) {
        if (row.instance.name == name)
            return row.key();
    }
    return {};
}

// The backup POSTs the Demo's north simulator has logged.
int backupPosts(const QString &logFile) {
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    int count = 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("POST ") && line.split(' ').value(1).endsWith("/backups"))
            ++count;
    }
    return count;
}

const FleetRow *rowNamed(FleetWindow *fleet, const QString &name) {
    for (const FleetRow &row : fleet->model()->rows()) {
        if (row.kind == FleetRow::Kind::Instance && row.instance.instance.name == name)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestFleetWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_console = std::make_unique<Console>(&m_languages);
        m_languages.setPreference(QStringLiteral("en"));
    }

    void cleanupTestCase() { m_console.reset(); }

    void demoFleetTellsItsStory() {
        MainWindow window(m_console->context());
        window.show();
        window.switchToProfile(QStringLiteral("demo"));
        QVERIFY(waitForInstances(window));
        // Opened from the View menu's shortcut.
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        FleetWindow *fleet = window.fleetWindow();
        QVERIFY(fleet);
        QVERIFY(QTest::qWaitForWindowExposed(fleet));
        QVERIFY(loaded(fleet));

        // Two regions, three projects, each a source of its own.
        QCOMPARE(fleet->sourceModel()->rowCount(), 3);
        QSet<QString> regions, projects;
        for (const FleetSourceRow &source : fleet->sourceModel()->rows()) {
            regions.insert(source.region);
            projects.insert(source.projectLabel);
            QVERIFY2(source.state.phase == dcs::FleetSourceState::Phase::Done,
                     qPrintable(source.region + QLatin1Char(' ') + source.projectLabel +
                                QLatin1String(": ") + source.state.error));
        }
        QCOMPARE(regions, (QSet<QString>{"cn-north-4", "cn-east-3"}));
        QCOMPARE(projects, (QSet<QString>{"cn-north-4", "cn-north-4_analytics", "cn-east-3"}));
        const FleetRow *report = rowNamed(fleet, QStringLiteral("report-cache"));
        QVERIFY(report);
        QCOMPARE(report->profileName, QStringLiteral("Demo (local simulator)"));
        QCOMPARE(report->region, QStringLiteral("cn-north-4"));
        QCOMPARE(report->projectLabel, QStringLiteral("cn-north-4_analytics"));

        // The header counts each verdict.
        QTRY_COMPARE(fleet->countsText(),
                     QStringLiteral("Healthy: 7 · At risk: 5 · Cannot be restored: 5"));
        QCOMPARE(shownSet(fleet), DemoAttention + DemoHealthy);
        // The worst first: sorted by health, descending.
        const QStringList names = shownNames(fleet);
        QCOMPARE(rowNamed(fleet, names.first())->verdict(), dcs::HealthVerdict::CannotRestore);
        QCOMPARE(rowNamed(fleet, names.last())->verdict(), dcs::HealthVerdict::Healthy);

        // "Needs attention", from the keyboard: exactly the story's instances.
        fleet->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(fleet));
        QCheckBox *attention = fleet->findChild<QCheckBox *>(QStringLiteral("needsAttentionCheck"));
        QTest::keyClick(fleet, Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(attention->isChecked()); // a mnemonic clicks after a short animation
        QCOMPARE(shownSet(fleet), DemoAttention);
        QTest::keyClick(fleet, Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(!attention->isChecked());

        // Filtered like the instance list: words in any column.
        QTest::keyClick(fleet, Qt::Key_F, Qt::ControlModifier);
        QLineEdit *filter = fleet->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("cn-east-3 risk"));
        QCOMPARE(shownNames(fleet), QStringList{QStringLiteral("geo-lookup")});
        filter->clear();

        // The verdict's colour is the palette's.
        const int at = fleet->model()->rowOf(keyOf(fleet, QStringLiteral("order-cache-prod")));
        QCOMPARE(fleet->model()
                     ->index(at, FleetTableModel::Verdict)
                     .data(Qt::ForegroundRole)
                     .value<QColor>(),
                 ConsolePalette::color(ConsolePalette::Role::SuccessText));
    }

    void backupFromTheFleetTurnsHealthy() {
        MainWindow window(m_console->context());
        window.show();
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        const QString key = keyOf(fleet, QStringLiteral("report-cache"));
        QVERIFY(fleet->fleet()->instance(key));
        QCOMPARE(fleet->fleet()->instance(key)->health.verdict, dcs::HealthVerdict::AtRisk);
        // A healthy and a single-node instance selected too: left out, and said why.
        QVERIFY(fleet->selectInstance(key));
        QTableView *table = fleet->findChild<QTableView *>(QStringLiteral("fleetTable"));
        for (const QString &other :
             {QStringLiteral("ab-test-flags"), QStringLiteral("clickstream-agg")}) {
            const int row = fleet->model()->rowOf(keyOf(fleet, other));
            table->selectionModel()->select(
                fleet->proxy()->mapFromSource(fleet->model()->index(row, 0)),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QCOMPARE(fleet->selectedInstanceKeys().size(), 3);

        const QString log = m_console->opener()->demo()->process()->logFile();
        const int postsBefore = backupPosts(log);
        fleet->activateWindow();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_B, Qt::ControlModifier);
        FleetBackupDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = fleet->findChild<FleetBackupDialog *>()) && dialog->isVisible());
        // One confirmation listing them all.
        QCOMPARE(dialog->keysToBackUp(), QStringList{key});
        auto *entries = dialog->findChild<QTableWidget *>(QStringLiteral("entriesTable"));
        QCOMPARE(entries->rowCount(), 3);
        QStringList outcomes;
        for (int r = 0; r < 3; ++r)
            outcomes.append(entries->item(r, 3)->text());
        QVERIFY(outcomes.contains(QStringLiteral("Will be backed up")));
        QVERIFY(std::any_of(outcomes.cbegin(), outcomes.cend(), [](const QString &o) {
            return o.startsWith(QStringLiteral("Left out")) && o.contains(QStringLiteral("Single"));
        }));
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("&Back Up 1 Instance"));
        auto *remark = dialog->findChild<QLineEdit *>(QStringLiteral("remarkEdit"));
        QTest::keyClicks(remark, QStringLiteral("from the fleet"));
        const QPointer<FleetBackupDialog> guard(dialog); // deleted once closed
        QVERIFY2(dialog->okButton()->isDefault(), "Return confirms");
        // As a window manager does: the dialog is the active window, the remark has the focus.
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTRY_VERIFY(remark->hasFocus());
        QTest::keyClick(remark, Qt::Key_Return);
        QTRY_VERIFY(!guard || !guard->isVisible());

        // Followed to its end, read again: healthy.
        QTRY_VERIFY_WITH_TIMEOUT(!fleet->fleet()->instance(key)->backupId.isEmpty(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(fleet->fleet()->instance(key)->health.verdict,
                                  dcs::HealthVerdict::Healthy, BackupTimeoutMs);
        QVERIFY(fleet->fleet()->instance(key)->backupStatus.isEmpty());
        // One backup, sent once.
        QCOMPARE(backupPosts(log), postsBefore + 1);
    }

    void oneStoppedRegionShowsItsErrorRowOnly() {
        MainWindow window(m_console->context());
        window.show();
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        const int northRows = int(shownNames(fleet).size());
        m_console->opener()->demo()->stop(QStringLiteral("cn-east-3"));
        QTest::keyClick(fleet, Qt::Key_F5);
        QVERIFY(loaded(fleet));

        QList<const FleetRow *> errors;
        for (const FleetRow &row : fleet->model()->rows()) {
            if (row.isError())
                errors.append(&row);
        }
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first()->region, QStringLiteral("cn-east-3"));
        QVERIFY(!errors.first()->source.error.isEmpty());
        for (const FleetSourceRow &source : fleet->sourceModel()->rows()) {
            QCOMPARE(source.state.phase, source.region == QLatin1String("cn-east-3")
                                             ? dcs::FleetSourceState::Phase::Failed
                                             : dcs::FleetSourceState::Phase::Done);
        }
        // The other regions are whole; the error row stays with "needs attention" on.
        QCOMPARE(int(shownNames(fleet).size()), northRows);
        QVERIFY(fleet->countsText().contains(QStringLiteral("1 source could not be read")));
        fleet->findChild<QCheckBox *>(QStringLiteral("needsAttentionCheck"))->setChecked(true);
        bool errorShown = false;
        for (int r = 0; r < fleet->proxy()->rowCount(); ++r) {
            const QModelIndex region = fleet->proxy()->index(r, FleetTableModel::Region);
            const QModelIndex verdict = fleet->proxy()->index(r, FleetTableModel::Verdict);
            errorShown =
                errorShown || (region.data().toString() == QLatin1String("cn-east-3") &&
                               verdict.data().toString() == QLatin1String("Could not be read"));
        }
        QVERIFY(errorShown);
        fleet->findChild<QCheckBox *>(QStringLiteral("needsAttentionCheck"))->setChecked(false);

        // Back again (on another port): the next refresh opens the region afresh, and its error
        // row goes.
        m_console->opener()->demo()->start(QStringLiteral("cn-east-3"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_console->opener()->demo()->isRunning(QStringLiteral("cn-east-3")), LoadTimeoutMs);
        QTest::keyClick(fleet, Qt::Key_F5);
        QVERIFY(loaded(fleet));
        for (const FleetRow &row : fleet->model()->rows())
            QVERIFY(!row.isError());
    }

    void openInTheBrowserFromTheKeyboard() {
        MainWindow window(m_console->context());
        window.show();
        window.switchToProfile(QStringLiteral("demo"));
        QVERIFY(waitForInstances(window));
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        QVERIFY(QTest::qWaitForWindowExposed(fleet));
        fleet->activateWindow();
        // Filter, Tab into the table, Return.
        QTest::keyClick(fleet, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(fleet->findChild<QLineEdit *>(QStringLiteral("filterEdit")),
                         QStringLiteral("geo-lookup"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the check box
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // the table
        QTableView *table = fleet->findChild<QTableView *>(QStringLiteral("fleetTable"));
        QTRY_VERIFY(table->hasFocus());
        // Tabbed into, the table has a current row but nothing selected: Return opens that row.
        QCOMPARE(fleet->proxy()->rowCount(), 1);
        QTest::keyClick(table, Qt::Key_Return);

        // The main window shows the Demo profile at cn-east-3 with the instance selected.
        QTRY_VERIFY_WITH_TIMEOUT(window.session() &&
                                     window.session()->info().region == QLatin1String("cn-east-3"),
                                 LoadTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.browser()->currentInstanceId(),
            fleet->fleet()->instance(keyOf(fleet, "geo-lookup"))->instance.instanceId,
            LoadTimeoutMs);
        QCOMPARE(window.currentScopeKey(),
                 QStringLiteral("cn-east-3/2c3d4e5f60714829ab0c1d2e3f4a5b6c"));
        auto *scopes = window.findChild<QComboBox *>(QStringLiteral("scopeCombo"));
        QVERIFY(scopes->isVisible());
        QCOMPARE(scopes->count(), 3);
        QCOMPARE(scopes->currentText(), QStringLiteral("cn-east-3 / cn-east-3"));
    }

    void exportWritesWhatIsShown() {
        MainWindow window(m_console->context());
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        fleet->findChild<QCheckBox *>(QStringLiteral("needsAttentionCheck"))->setChecked(true);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fleet.csv"));
        QString error;
        QVERIFY2(fleet->exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QByteArray> lines = bytes.mid(3).split('\n');
        QVERIFY(lines.first().startsWith("Profile,Region,Project,Project ID,Instance"));
        // The header, one line per row shown, and the final line end.
        QCOMPARE(lines.size(), fleet->proxy()->rowCount() + 2);
        QVERIFY(bytes.contains("geo-lookup"));
        QVERIFY(bytes.contains(",at_risk,"));
        QVERIFY(bytes.contains(",cannot_restore,"));
        QVERIFY(!bytes.contains(",healthy,"));
        fleet->findChild<QCheckBox *>(QStringLiteral("needsAttentionCheck"))->setChecked(false);
        // A folder that cannot be written: a clear error, nothing saved.
        QVERIFY(!fleet->exportCsv(dir.filePath(QStringLiteral("missing/fleet.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    void trayNotificationOncePerChange() {
        MainWindow window(m_console->context());
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        const QString before = window.lastNotification();
        // Stricter settings: the healthy instances turn at risk — told once, in one message.
        dcs::ConsoleSettings strict = window.consoleSettings();
        strict.healthMaxBackupAgeHours = 1;
        window.applySettings(strict);
        QTRY_VERIFY_WITH_TIMEOUT(window.lastNotification() != before, 10000);
        const QString told = window.lastNotification();
        QVERIFY2(told.contains(QStringLiteral("need attention")), qPrintable(told));
        // The message names up to five of those that turned (which five depends on the order of
        // the reads): each one of the healthy ones.
        int named = 0;
        for (const QString &name : DemoHealthy)
            named += told.contains(name) ? 1 : 0;
        QVERIFY2(named >= 1 && named <= 5, qPrintable(told));
        QCOMPARE(fleet->lastNotification(), told);
        // Read again: nothing new is told.
        fleet->refresh(true);
        QVERIFY(loaded(fleet));
        QTest::qWait(2000);
        QCOMPARE(window.lastNotification(), told);
        window.applySettings(dcs::ConsoleSettings{});
    }

    void restartShowsTheLastKnownHealthAtOnce() {
        {
            MainWindow window(m_console->context());
            FleetWindow *fleet = window.openFleetWindow();
            QVERIFY(loaded(fleet));
        }
        MainWindow next(m_console->context());
        FleetWindow *fleet = next.openFleetWindow();
        // Before anything is listed again, the cache is in.
        QTRY_VERIFY_WITH_TIMEOUT(fleet->fleet()->isCacheLoaded(), LoadTimeoutMs);
        QVERIFY(fleet->model()->rowCount() >= 17);
        bool remembered = false;
        for (const FleetSourceRow &source : fleet->sourceModel()->rows())
            remembered = remembered || source.state.fromCache || source.state.listedAt.isValid();
        QVERIFY(remembered);
        QVERIFY(loaded(fleet));
        QCOMPARE(fleet->fleet()->verdictCounts().value(dcs::HealthVerdict::Unknown), 0);
    }

    // A source longer than one step goes into the table a chunk per turn of the event loop,
    // in the fleet's order, each chunk made from what the fleet knows when it goes in (the reads
    // started meanwhile show); nothing is lost, and closing the window writes the cache on the
    // cache's thread without waiting for it, which the next window reads.
    void aLongSourceArrivesAChunkAtATime() {
        constexpr int Instances = 3 * FleetWindow::RowsPerStep + 50;
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--demo-set"), QStringLiteral("empty"),
                            QStringLiteral("--instances"), QString::number(Instances)}),
                 qPrintable(sim.error()));
        // A profile of this window's own (the console's saved ones are left alone).
        dcs::Profile profile;
        profile.id = QStringLiteral("long-source");
        profile.name = QStringLiteral("Long");
        profile.region = QStringLiteral("cn-north-4");
        profile.dcsEndpoint = sim.url();
        profile.projectId = SimFixture::projectId();
        profile.accessKey = QString::fromLatin1(SimFixture::accessKey());
        profile.proxy.mode = dcs::ProxySettings::Mode::None;
        profile.timeoutSeconds = 30;
        m_console->secrets()->write(profile.id, dcs::SecretStore::Kind::SecretKey,
                                    QString::fromLatin1(SimFixture::secretKey()), nullptr);
        QTemporaryDir dir;
        FleetWindow::Options options;
        options.opener = m_console->opener();
        options.profiles = [profile] {
            return QList<dcs::Profile>{profile};
        };
        options.cacheFile = dir.filePath(QStringLiteral("fleet-health.json"));
        auto window = std::make_unique<FleetWindow>(options);
        FleetTableModel *model = window->model();
        dcs::Fleet *fleet = window->fleet();

        // Every insertion: at most one step's rows, each as the fleet knows it right then.
        QList<int> inserted;
        QStringList stale;
        connect(model, &QAbstractItemModel::rowsInserted, window.get(),
                [&](const QModelIndex &, int first, int last) {
                    inserted.append(last - first + 1);
                    for (int r = first; r <= last; ++r) {
                        const FleetRow &row = model->rowAt(r);
                        const dcs::FleetInstance *now = fleet->instance(row.key());
                        if (row.kind == FleetRow::Kind::Instance &&
                            (!now || !(*now == row.instance)))
                            stale.append(row.key());
                    }
                });
        window->show();
        window->start();
        QVERIFY(loaded(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(!window->isShowingRows(), 30000);
        const QString source = fleet->sources().constFirst().key();
        const QStringList keys = fleet->instanceKeys(source);
        QCOMPARE(keys.size(), Instances);
        QCOMPARE(model->rowCount(), Instances);
        QVERIFY2(inserted.size() >= Instances / FleetWindow::RowsPerStep,
                 qPrintable(QString::number(inserted.size())));
        for (const int rows : std::as_const(inserted))
            QVERIFY(rows <= FleetWindow::RowsPerStep);
        QVERIFY2(stale.isEmpty(), qPrintable(stale.mid(0, 5).join(QLatin1Char(' '))));
        // In the fleet's order, and every read's result shown (updates are shown in batches).
        for (int r = 0; r < Instances; ++r)
            QCOMPARE(model->rowAt(r).key(), keys.at(r));
        const auto allShown = [&] {
            for (int r = 0; r < Instances; ++r) {
                const dcs::FleetInstance *now = fleet->instance(keys.at(r));
                if (!now || !now->facts || !(model->rowAt(r).instance == *now))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allShown(), 10000);

        // Thresholds that turn most rows: the changes are shown at once (the settings are
        // applied), in pieces of at most RowsPerStep rows, each signalled on its own, and none
        // is lost.
        QSignalSpy told(fleet, &dcs::Fleet::instanceChanged);
        int signalled = 0;
        const QMetaObject::Connection counting =
            connect(model, &QAbstractItemModel::dataChanged, window.get(), [&] { ++signalled; });
        dcs::ConsoleSettings strict;
        strict.healthMaxBackupAgeHours = 1;
        strict.healthExpiryWarningHours = 24 * 365;
        window->applySettings(strict);
        QTRY_VERIFY_WITH_TIMEOUT(allShown(), 10000);
        disconnect(counting);
        const int turned = int(told.size());
        QVERIFY2(turned > 2 * FleetWindow::RowsPerStep, qPrintable(QString::number(turned)));
        QVERIFY2(signalled >= turned / FleetWindow::RowsPerStep,
                 qPrintable(QStringLiteral("%1 rows, %2 signals").arg(turned).arg(signalled)));
        window->applySettings(dcs::ConsoleSettings{});
        QTRY_VERIFY_WITH_TIMEOUT(allShown(), 10000);

        // Held, the cache's thread has not written when the window is gone: the window did not
        // write on its own thread nor wait. Let go, it writes every row.
        QVERIFY(dcs::FleetCache::waitForWrites(60000));
        QVERIFY(QFile::remove(options.cacheFile)); // what was written while the fleet was read
        QSemaphore hold;
        QSemaphore holding;
        dcs::FleetCache::thread()->start([&] {
            holding.release();
            hold.tryAcquire(1, 60000);
        });
        holding.acquire();
        window.reset();
        QVERIFY(!QFile::exists(options.cacheFile));
        hold.release();
        QVERIFY(dcs::FleetCache::waitForWrites(60000));
        const dcs::FleetSnapshot saved = dcs::FleetCache::load(options.cacheFile);
        QVERIFY(saved.source(source));
        QCOMPARE(saved.source(source)->instances.size(), Instances);

        // The next window shows them from the cache, a chunk per turn too, with their health.
        inserted.clear();
        window = std::make_unique<FleetWindow>(options);
        model = window->model();
        fleet = window->fleet();
        connect(
            model, &QAbstractItemModel::rowsInserted, window.get(),
            [&](const QModelIndex &, int first, int last) { inserted.append(last - first + 1); });
        window->start();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == Instances && !window->isShowingRows(), 30000);
        QVERIFY(inserted.size() >= Instances / FleetWindow::RowsPerStep);
        for (int r = 0; r < Instances; ++r) {
            QCOMPARE(model->rowAt(r).key(), keys.at(r));
            QVERIFY(model->rowAt(r).instance.facts.has_value());
        }
        QVERIFY(loaded(window.get()));
        window.reset();
        QVERIFY(dcs::FleetCache::waitForWrites(60000));
    }

    void choosingSources() {
        MainWindow window(m_console->context());
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        FleetSourcesDialog *dialog = fleet->openSourcesDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->checkedKeys().size(), 3);
        const QString east = fleet->fleet()->sources().at(2).key();
        QVERIFY(dialog->setChecked(east, false));
        dialog->accept();
        QCOMPARE(fleet->fleet()->sources().size(), 2);
        QCOMPARE(fleet->sourceModel()->rowCount(), 2);
        for (const FleetRow &row : fleet->model()->rows())
            QVERIFY(row.region != QLatin1String("cn-east-3"));
        // Remembered for the next time.
        MainWindow next(m_console->context());
        QCOMPARE(next.openFleetWindow()->fleet()->sources().size(), 2);
        m_console->settings()->remove(QStringLiteral("fleet"));
    }

    // Settings → Fleet, typed from the keyboard: the open fleet judges again at once with the new
    // maximum backup age, and the value is saved; put back, the verdicts are the story's again.
    void fleetSettingsReachTheOpenFleet() {
        MainWindow window(m_console->context());
        window.show();
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        const QString healthy = keyOf(fleet, QStringLiteral("order-cache-prod"));
        QCOMPARE(fleet->fleet()->instance(healthy)->health.verdict, dcs::HealthVerdict::Healthy);
        const int atRiskBefore = fleet->fleet()->verdictCounts().value(dcs::HealthVerdict::AtRisk);

        const auto setMaxAge = [&](int hours) {
            SettingsDialog *dialog = window.openSettingsDialog();
            QVERIFY(dialog);
            auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("healthMaxAgeSpin"));
            QVERIFY(spin);
            spin->setFocus();
            QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(spin, QString::number(hours));
            QCOMPARE(spin->value(), hours);
            QTest::keyClick(spin, Qt::Key_Return); // the dialog's default button: OK
            QTRY_VERIFY(!dialog->isVisible());
        };

        // No backup in the Demo is younger than an hour: every instance with backups is late.
        setMaxAge(1);
        QCOMPARE(m_console->settings()->value(QStringLiteral("fleet/maxBackupAgeHours")).toInt(),
                 1);
        QTRY_VERIFY(fleet->fleet()->instance(healthy)->health.verdict !=
                    dcs::HealthVerdict::Healthy);
        QVERIFY(fleet->fleet()->verdictCounts().value(dcs::HealthVerdict::AtRisk) > atRiskBefore);

        setMaxAge(dcs::ConsoleSettings{}.healthMaxBackupAgeHours);
        QTRY_COMPARE(fleet->fleet()->instance(healthy)->health.verdict,
                     dcs::HealthVerdict::Healthy);
        QCOMPARE(fleet->fleet()->verdictCounts().value(dcs::HealthVerdict::AtRisk), atRiskBefore);
        m_console->settings()->remove(QStringLiteral("fleet"));
    }

    void inChinese() {
        MainWindow window(m_console->context());
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        m_languages.setPreference(QStringLiteral("zh_CN"));
        QCOMPARE(fleet->model()->headerData(FleetTableModel::Verdict, Qt::Horizontal).toString(),
                 QStringLiteral("备份健康"));
        QVERIFY(fleet->countsText().contains(QStringLiteral("健康")));
        QTRY_VERIFY(fleet->windowTitle().contains(QStringLiteral("实例总览")));
        const int at = fleet->model()->rowOf(keyOf(fleet, QStringLiteral("geo-lookup")));
        QCOMPARE(fleet->model()->index(at, FleetTableModel::Verdict).data().toString(),
                 QStringLiteral("有风险"));
        m_languages.setPreference(QStringLiteral("en"));
        QCOMPARE(fleet->model()->index(at, FleetTableModel::Verdict).data().toString(),
                 QStringLiteral("At risk"));
    }

    // A dark palette: the verdicts take the palette's dark colours, readable on a dark base;
    // with DCS_TEST_SHOTS set, pictures of the fleet light and dark, in English and Chinese.
    void darkThemeAndPictures() {
        const QPalette light = QApplication::palette();
        struct PaletteBack {
            QPalette palette;
            ~PaletteBack() { QApplication::setPalette(palette); }
        } back{light};
        const QString shots = qEnvironmentVariable("DCS_TEST_SHOTS");
        MainWindow window(m_console->context());
        FleetWindow *fleet = window.openFleetWindow();
        QVERIFY(loaded(fleet));
        fleet->resize(1360, 760);
        QVERIFY(fleet->selectInstance(keyOf(fleet, QStringLiteral("legacy-page-cache"))));
        const auto picture = [&](const QString &name) {
            if (shots.isEmpty())
                return;
            QTest::qWait(300);
            fleet->grab().save(shots + QStringLiteral("/fleet-") + name + QStringLiteral(".png"));
        };
        // The types, the last successful backup with its age and the sources' projects are whole.
        const auto expectWhole = [fleet](const QString &language) {
            auto *table = fleet->findChild<QTableView *>(QStringLiteral("fleetTable"));
            auto *sources = fleet->findChild<QTableView *>(QStringLiteral("sourcesTable"));
            QVERIFY(table && sources);
            const auto check = [&language](QTableView *view, int column) {
                const int shown = view->horizontalHeader()->sectionSize(column);
                for (int row = 0; row < view->model()->rowCount(); ++row) {
                    const QString text = view->model()->index(row, column).data().toString();
                    QVERIFY2(view->fontMetrics().horizontalAdvance(text) < shown,
                             qPrintable(QStringLiteral("%1: \"%2\" in %3 pixels")
                                            .arg(language, text)
                                            .arg(shown)));
                }
            };
            check(table, FleetTableModel::Type);
            check(table, FleetTableModel::LastSuccess);
            check(sources, FleetSourceModel::Project);
        };
        expectWhole(QStringLiteral("en"));
        if (QTest::currentTestFailed())
            return;
        picture(QStringLiteral("en"));
        const int at = fleet->model()->rowOf(keyOf(fleet, QStringLiteral("order-cache-prod")));
        const QColor lightHealthy = fleet->model()
                                        ->index(at, FleetTableModel::Verdict)
                                        .data(Qt::ForegroundRole)
                                        .value<QColor>();

        QApplication::setStyle(QStringLiteral("Fusion"));
        // The console's own dark theme (Settings → Appearance → Dark), as the pictures show it.
        const QPalette dark = ThemeManager::darkPalette();
        QApplication::setPalette(dark);
        QTRY_VERIFY(ConsolePalette::isDark(fleet->palette()));
        const QColor darkHealthy = fleet->model()
                                       ->index(at, FleetTableModel::Verdict)
                                       .data(Qt::ForegroundRole)
                                       .value<QColor>();
        QCOMPARE(darkHealthy, ConsolePalette::color(ConsolePalette::Role::SuccessText));
        QVERIFY(darkHealthy != lightHealthy);
        // Light text on the dark base.
        QVERIFY(darkHealthy.lightness() > dark.color(QPalette::Base).lightness() + 80);
        auto *attention = fleet->findChild<QCheckBox *>(QStringLiteral("needsAttentionCheck"));
        attention->setChecked(true);
        QVERIFY(fleet->selectInstance(keyOf(fleet, QStringLiteral("legacy-page-cache"))));
        picture(QStringLiteral("attention-en-dark"));
        m_languages.setPreference(QStringLiteral("zh_CN"));
        expectWhole(QStringLiteral("zh_CN"));
        if (QTest::currentTestFailed())
            return;
        picture(QStringLiteral("attention-zh_CN-dark"));
        attention->setChecked(false);
        QApplication::setPalette(light);
        QVERIFY(fleet->selectInstance(keyOf(fleet, QStringLiteral("legacy-page-cache"))));
        picture(QStringLiteral("zh_CN"));
        m_languages.setPreference(QStringLiteral("en"));
    }

private:
    LanguageManager m_languages;
    std::unique_ptr<Console> m_console;
};

QTEST_MAIN(TestFleetWindow)
#include "tst_fleetwindow.moc"
