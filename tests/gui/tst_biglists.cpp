// Long lists in the window: rows appear as pages are read (before the last page), the window
// paints before the list is asked for, a refresh updates the rows in place (no reset, the
// selection stays on its instance), a backup list of many pages arrives whole, the automatic
// refresh reads what changed, not the whole list, and no refresh reads again the restore records
// a follower reads. Behaviour only: how fast is dcs-bench's business.

#include "GuiTestSupport.h"
#include "backups/BackupTableModel.h"
#include "restore/RestoreTableModel.h"

#include <QSignalSpy>
#include <QTableView>

using namespace guitest;

class TestBigLists : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // Each answer waits, so the pages of one listing arrive far apart.
        QVERIFY2(m_sim.start({QStringLiteral("--instances"), QStringLiteral("2500"),
                              QStringLiteral("--backups"), QStringLiteral("2300"),
                              QStringLiteral("--restore-seconds"), QStringLiteral("120"),
                              QStringLiteral("--fault"), QStringLiteral("latency=400")}),
                 qPrintable(m_sim.error()));
        QObject context;
        m_total = int(dcs::testing::instances(*makeClient(m_sim), &context).size());
        QVERIFY(m_total > 2500);
    }

    void rowsComeAsPagesAreRead() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        InstanceBrowser *browser = showPageByPage(console, window);
        QVERIFY(browser);
        QTRY_VERIFY_WITH_TIMEOUT(browser->instanceCount() > 0, LoadTimeoutMs);
        QVERIFY(browser->isLoadingInstances());
        QVERIFY(browser->instanceCount() < m_total);
        QTRY_VERIFY_WITH_TIMEOUT(!browser->isLoadingInstances(), LoadTimeoutMs);
        QCOMPARE(browser->instanceCount(), m_total);
        QCOMPARE(browser->shownInstanceCount(), m_total);
    }

    // The window paints before the list is asked for: a session shown with the window not yet
    // painted sends nothing until it has been.
    void firstFrameBeforeTheList() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.show(); // no event handled yet: not painted
        window.showSession(console.openSession(m_sim));
        InstanceBrowser *browser = window.browser();
        QVERIFY(browser);
        QVERIFY(!browser->isLoadingInstances());
        QCOMPARE(browser->instanceCount(), 0);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(browser->isLoadingInstances() || browser->instanceCount() > 0,
                                 LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            !browser->isLoadingInstances() && browser->instanceCount() == m_total, LoadTimeoutMs);
    }

    void refreshKeepsRowsAndSelection() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.show();
        dcs::ClientConfig config = dcs::testing::configFor(m_sim);
        config.pageSize = 1000;
        window.showSession(console.openSession(Console::info(m_sim), config));
        InstanceBrowser *browser = browserOf(window);
        QVERIFY(browser);
        QTRY_VERIFY_WITH_TIMEOUT(
            browser->instanceCount() == m_total && !browser->isLoadingInstances(), LoadTimeoutMs);
        QVERIFY(browser->selectInstance(QStringLiteral("gen-many-backups")));
        const QString id = browser->currentInstanceId();
        QVERIFY(!id.isEmpty());
        // All the backups, over three pages.
        QTRY_VERIFY_WITH_TIMEOUT(
            browser->backupModel()->rowCount() == 2300 && !browser->isLoading(), LoadTimeoutMs);

        auto *table = window.findChild<QTableView *>(QStringLiteral("instanceTable"));
        QVERIFY(table);
        QSignalSpy reset(browser->instanceModel(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(browser->instanceModel(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(browser->instanceModel(), &QAbstractItemModel::rowsInserted);
        QSignalSpy backupsReset(browser->backupModel(), &QAbstractItemModel::modelReset);
        browser->refresh();
        QVERIFY(browser->isLoadingInstances());
        QTRY_VERIFY_WITH_TIMEOUT(!browser->isLoadingInstances() && !browser->isLoading(),
                                 LoadTimeoutMs);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(backupsReset.count(), 0);
        QCOMPARE(browser->instanceCount(), m_total);
        QCOMPARE(browser->backupModel()->rowCount(), 2300);
        QCOMPARE(browser->currentInstanceId(), id);
        const QModelIndexList selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().siblingAtColumn(InstanceTableModel::Id).data().toString(),
                 id);
    }

    // Another period asked for while a list of many pages is still being read: the first
    // reading's pages that come after it are not shown as the new period's backups.
    void anotherPeriodDropsTheEarlierReading() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        InstanceBrowser *browser = showPageByPage(console, window);
        QVERIFY(browser);
        QTRY_VERIFY_WITH_TIMEOUT(
            browser->instanceCount() == m_total && !browser->isLoadingInstances(), LoadTimeoutMs);
        QVERIFY(browser->selectInstance(QStringLiteral("gen-many-backups")));
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowCount() > 0, LoadTimeoutMs);
        QVERIFY(browser->backupModel()->rowCount() < 2300); // the other pages are on their way

        const QDateTime from = QDateTime::currentDateTimeUtc().addYears(-30);
        browser->setBackupRange(from, from.addYears(1));
        auto *state = window.findChild<QLabel *>(QStringLiteral("backupsStateLabel"));
        QVERIFY(state);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("No backups in this period."),
                                  LoadTimeoutMs);
        // The first reading's last pages come within the next second.
        QTest::qWait(1500);
        QCOMPARE(browser->backupModel()->rowCount(), 0);
        QCOMPARE(state->text(), QStringLiteral("No backups in this period."));
    }

    // The automatic refresh reads the counts by status and the instances whose state may have
    // changed, not the whole list, and still shows a restore that began meanwhile.
    void automaticRefreshReadsWhatChanged() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.show();
        const dcs::SessionInfo info = Console::info(m_sim);
        InstanceBrowser *browser = showWholeList(console, window, info);
        QVERIFY(browser);

        const auto client = makeClient(m_sim);
        QObject context;
        const dcs::testing::Target target = dcs::testing::restorableTarget(*client, &context);
        QVERIFY(!target.instance.instanceId.isEmpty());
        const auto restored = dcs::testing::await<QString>([&](auto cb) {
            client->restore(target.instance.instanceId, target.backup.backupId,
                            QStringLiteral("bench of the refresh"), &context, cb);
        });
        QVERIFY(restored.ok());

        const qsizetype logStart = m_sim.log().size();
        browser->refreshChanges();
        QVERIFY(browser->isCheckingChanges());
        QTRY_VERIFY_WITH_TIMEOUT(!browser->isCheckingChanges() && !browser->isLoadingInstances() &&
                                     !browser->isLoading(),
                                 LoadTimeoutMs);
        const int row = browser->instanceModel()->rowOf(target.instance.instanceId);
        QVERIFY(row >= 0);
        QCOMPARE(browser->instanceModel()->instanceAt(row).status, QStringLiteral("RESTORING"));
        QCOMPARE(browser->instanceCount(), m_total);

        int wholeLists = 0, counts = 0;
        for (const QByteArray &line : m_sim.log().mid(logStart).split('\n')) {
            if (!line.startsWith("GET "))
                continue;
            const QByteArray target = line.mid(4, line.indexOf(' ', 4) - 4);
            const QByteArray path = target.split('?').first();
            if (path.endsWith("/instances") && !target.contains("status="))
                ++wholeLists;
            if (path.endsWith("/instances/status"))
                ++counts;
        }
        QCOMPARE(wholeLists, 0);
        QCOMPARE(counts, 1);
    }

    // A restore followed on the selected instance: its follower reads the instance's restore
    // records, so neither the automatic refresh nor F5 reads them again.
    void refreshLeavesFollowedRecordsToTheFollower() {
        Console console;
        MainWindow window(console.contextWithoutProfiles());
        window.show();
        // The follower's first read comes long after this test (the window has set its own
        // timing by now): every reading of the records seen below would be the refresh's.
        dcs::RestoreRecordFollower::Timing slow = fastTiming();
        slow.initialDelayMs = 10 * 60 * 1000;
        slow.timeoutMs = 20 * 60 * 1000;
        console.followed()->setTiming(slow);
        const dcs::SessionInfo info = Console::info(m_sim);
        InstanceBrowser *browser = showWholeList(console, window, info);
        QVERIFY(browser);

        const auto client = makeClient(m_sim);
        QObject context;
        const dcs::testing::Target target = dcs::testing::restorableTarget(*client, &context);
        const QString id = target.instance.instanceId;
        QVERIFY(!id.isEmpty());
        QVERIFY(browser->selectInstance(id));
        QTRY_VERIFY_WITH_TIMEOUT(!browser->isLoading(), LoadTimeoutMs);
        // Restored from elsewhere: the next reading of its records finds it running and
        // follows it.
        QVERIFY(!console.followed()->isFollowingInstance(info.profileId, id));
        const auto restored = dcs::testing::await<QString>([&](auto cb) {
            client->restore(id, target.backup.backupId, QStringLiteral("followed, not re-read"),
                            &context, cb);
        });
        QVERIFY(restored.ok());
        browser->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(console.followed()->isFollowingInstance(info.profileId, id) &&
                                     !browser->isLoadingInstances() && !browser->isLoading(),
                                 LoadTimeoutMs);
        QVERIFY(browser->restoreModel()->rowOf(restored.value) >= 0);

        const QByteArray records = "/instances/" + id.toLatin1() + "/restores";
        const QByteArray details = "/instances/" + id.toLatin1();
        const auto count = [&](qsizetype from, const QByteArray &path) {
            int reads = 0;
            for (const QByteArray &line : m_sim.log().mid(from).split('\n')) {
                if (!line.startsWith("GET "))
                    continue;
                const QByteArray target = line.mid(4, line.indexOf(' ', 4) - 4);
                if (target.split('?').first().endsWith(path))
                    ++reads;
            }
            return reads;
        };
        // The automatic refresh: the instance's details again, its records not.
        qsizetype logStart = m_sim.log().size();
        browser->refreshChanges();
        QTRY_VERIFY_WITH_TIMEOUT(!browser->isCheckingChanges() && !browser->isLoadingInstances() &&
                                     !browser->isLoading(),
                                 LoadTimeoutMs);
        QCOMPARE(browser->currentInstanceId(), id);
        QVERIFY(count(logStart, details) >= 1);
        QCOMPARE(count(logStart, records), 0);
        // F5 reads the whole list, the details and the backups, and still not the records.
        logStart = m_sim.log().size();
        browser->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!browser->isLoadingInstances() && !browser->isLoading(),
                                 LoadTimeoutMs);
        QVERIFY(count(logStart, details) >= 1);
        QCOMPARE(count(logStart, records), 0);
        QVERIFY(browser->restoreModel()->rowOf(restored.value) >= 0);
    }

private:
    // The window shown on a session that reads 1,000 rows a page, one page after another (each
    // answer waits 400 ms): the first page is shown before the next is asked for.
    InstanceBrowser *showPageByPage(Console &console, MainWindow &window) {
        window.show();
        dcs::ClientConfig config = dcs::testing::configFor(m_sim);
        config.pageSize = 1000;
        config.parallelPages = 1;
        window.showSession(console.openSession(Console::info(m_sim), config));
        return browserOf(window);
    }

    // The window on a v2 session read 1,000 instances a page, once the whole list is in; null
    // when it did not come.
    InstanceBrowser *showWholeList(Console &console, MainWindow &window,
                                   const dcs::SessionInfo &info) {
        dcs::ClientConfig config = dcs::testing::configFor(m_sim);
        config.pageSize = 1000;
        config.apiVersion = dcs::ApiVersion::V2;
        window.showSession(console.openSession(info, config));
        InstanceBrowser *browser = browserOf(window);
        const bool whole = browser && QTest::qWaitFor(
                                          [&] {
                                              return browser->instanceCount() == m_total &&
                                                     !browser->isLoading() &&
                                                     !browser->isLoadingInstances();
                                          },
                                          LoadTimeoutMs);
        return whole ? browser : nullptr;
    }

    SimFixture m_sim;
    int m_total = 0;
};

QTEST_MAIN(TestBigLists)
#include "tst_biglists.moc"
