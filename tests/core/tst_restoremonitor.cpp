// RestoreMonitor on a real dcs-sim: a restore followed to its end, the time limit, a console
// closed midway whose successor resumes from the pending file, a closed client, and restores of
// unknown outcome resolved at the next start. Also the pending file itself.

#include "ClientTestSupport.h"
#include "restore/PendingRestores.h"
#include "restore/RestoreMonitor.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

class TestRestoreMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pendingFileRoundTrip();
    void damagedPendingFileIsAnEmptyList();
    void followsARestoreToSucceed();
    void givesUpAfterTheTimeout();
    void resumesAfterARestart();
    void closedClientIsResumedOnANewOne();
    void unknownOutcomeIsResolvedOnResume();
    void unknownOutcomeWithoutRecordIsDropped();

private:
    static RestoreTracker::Timing fast() { return {100, 300, 2.0, 60000}; }
    // Posts a restore directly and gives the pending entry for it.
    PendingRestore startRestore(DcsClient &client, const QString &profileId);
    QString newPendingPath() {
        return m_dir.filePath(QStringLiteral("pending-%1.json").arg(++m_files));
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

PendingRestore TestRestoreMonitor::startRestore(DcsClient &client, const QString &profileId) {
    const Target target = restorableTarget(client, this);
    if (!target.isValid())
        return {};
    PendingRestore pending;
    pending.profileId = profileId;
    pending.instanceId = target.instance.instanceId;
    pending.instanceName = target.instance.name;
    pending.backupId = target.backup.backupId;
    pending.backupName = target.backup.backupName;
    pending.startedAt = QDateTime::currentDateTimeUtc();
    const auto posted = await<QString>([&](auto cb) {
        client.restore(target.instance.instanceId, target.backup.backupId,
                       QStringLiteral("monitored"), this, cb);
    });
    pending.restoreId = posted.value;
    return pending;
}

void TestRestoreMonitor::pendingFileRoundTrip() {
    const QString path = newPendingPath();
    PendingRestores store(path);
    QVERIFY(store.load().isEmpty()); // missing file
    PendingRestore a{QStringLiteral("p1"),
                     QStringLiteral("i1"),
                     QStringLiteral("订单缓存"),
                     QStringLiteral("r1"),
                     QStringLiteral("b1"),
                     QStringLiteral("backup_1"),
                     QDateTime(QDate(2026, 11, 28), QTime(3, 10, 0, 123), Qt::UTC)};
    PendingRestore b = a;
    b.profileId = QStringLiteral("p2");
    QVERIFY(store.add(a));
    QVERIFY(store.add(b));
    QVERIFY(store.add(a)); // the same restore again replaces, not duplicates
    QCOMPARE(PendingRestores(path).load(), (QList<PendingRestore>{b, a}));

    // An unknown-outcome entry is replaced by the restore that resolves it.
    PendingRestore unknown = a;
    unknown.restoreId.clear();
    unknown.profileId = QStringLiteral("p3");
    QVERIFY(store.add(unknown));
    QCOMPARE(store.load().size(), 3);
    PendingRestore resolved = unknown;
    resolved.restoreId = QStringLiteral("r3");
    QVERIFY(store.add(resolved));
    QCOMPARE(store.load(), (QList<PendingRestore>{b, a, resolved}));

    QVERIFY(store.remove(QStringLiteral("p1"), QStringLiteral("r1")));
    QVERIFY(store.remove(resolved));
    QCOMPARE(store.load(), (QList<PendingRestore>{b}));
    QVERIFY(store.remove(QStringLiteral("p9"), QStringLiteral("nothing")));
    QCOMPARE(store.load().size(), 1);
}

void TestRestoreMonitor::damagedPendingFileIsAnEmptyList() {
    const QString path = newPendingPath();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[{\"profile_id\": \"p1\", trunc");
    file.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged")));
    QVERIFY(PendingRestores(path).load().isEmpty());
    // Writing again starts a sound file.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged")));
    PendingRestore entry{QStringLiteral("p1"),           QStringLiteral("i1"), QStringLiteral("n"),
                         QStringLiteral("r1"),           QStringLiteral("b1"), QStringLiteral("bn"),
                         QDateTime::currentDateTimeUtc()};
    QVERIFY(PendingRestores(path).add(entry));
    QCOMPARE(PendingRestores(path).load().size(), 1);
}

void TestRestoreMonitor::followsARestoreToSucceed() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const PendingRestore restore = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!restore.restoreId.isEmpty());

    const QString path = newPendingPath();
    RestoreMonitor monitor(PendingRestores(path), fast());
    QSignalSpy progress(&monitor, &RestoreMonitor::progress);
    QSignalSpy finished(&monitor, &RestoreMonitor::finished);
    monitor.follow(&client, restore);
    QVERIFY(monitor.isFollowing(restore.restoreId));
    QCOMPARE(PendingRestores(path).load(), QList<PendingRestore>{restore});
    QCOMPARE(monitor.pending(), QList<PendingRestore>{restore});

    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<PendingRestore>(), restore);
    const auto record = finished.first().at(1).value<RestoreRecord>();
    QCOMPARE(record.restoreId, restore.restoreId);
    QCOMPARE(record.status, QStringLiteral("succeed"));
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.first().at(0).value<PendingRestore>(), restore);
    QVERIFY(!monitor.isFollowing(restore.restoreId));
    QVERIFY(PendingRestores(path).load().isEmpty());
}

void TestRestoreMonitor::givesUpAfterTheTimeout() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "60"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const PendingRestore restore = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!restore.restoreId.isEmpty());

    const QString path = newPendingPath();
    RestoreMonitor monitor(PendingRestores(path), {50, 100, 2.0, 400});
    QSignalSpy timedOut(&monitor, &RestoreMonitor::timedOut);
    QSignalSpy finished(&monitor, &RestoreMonitor::finished);
    monitor.follow(&client, restore);
    QVERIFY(timedOut.wait(5000));
    QCOMPARE(timedOut.first().first().value<PendingRestore>(), restore);
    QVERIFY(finished.isEmpty());
    QVERIFY(!monitor.isFollowing(restore.restoreId));
    QVERIFY(PendingRestores(path).load().isEmpty());
}

void TestRestoreMonitor::resumesAfterARestart() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "4"}), qPrintable(sim.error()));
    const QString path = newPendingPath();
    PendingRestore restore;
    {
        // The first console: follows, sees the restore running, and is closed midway.
        DcsClient client(configFor(sim));
        restore = startRestore(client, QStringLiteral("p1"));
        QVERIFY(!restore.restoreId.isEmpty());
        RestoreMonitor monitor(PendingRestores(path), fast());
        QSignalSpy progress(&monitor, &RestoreMonitor::progress);
        QSignalSpy finished(&monitor, &RestoreMonitor::finished);
        monitor.follow(&client, restore);
        QVERIFY(progress.wait(5000));
        QVERIFY(progress.last().at(1).value<RestoreRecord>().isRunning());
        QVERIFY(finished.isEmpty());
    }
    QCOMPARE(PendingRestores(path).load(), QList<PendingRestore>{restore});

    // The next start: another profile's entry is left alone, this one is followed to its end.
    PendingRestore other = restore;
    other.profileId = QStringLiteral("p2");
    other.restoreId = QStringLiteral("other-restore");
    QVERIFY(PendingRestores(path).add(other));

    DcsClient client(configFor(sim));
    RestoreMonitor monitor(PendingRestores(path), fast());
    QSignalSpy finished(&monitor, &RestoreMonitor::finished);
    monitor.resume(QStringLiteral("p1"), &client);
    QVERIFY(monitor.isFollowing(restore.restoreId));
    QVERIFY(!monitor.isFollowing(other.restoreId));
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(0).value<PendingRestore>(), restore);
    QCOMPARE(finished.first().at(1).value<RestoreRecord>().status, QStringLiteral("succeed"));
    QCOMPARE(PendingRestores(path).load(), QList<PendingRestore>{other});
    QVERIFY(PendingRestores(path).remove(other));
    QVERIFY(PendingRestores(path).load().isEmpty());
}

void TestRestoreMonitor::closedClientIsResumedOnANewOne() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "3"}), qPrintable(sim.error()));
    const QString path = newPendingPath();
    RestoreMonitor monitor(PendingRestores(path), fast());
    QSignalSpy finished(&monitor, &RestoreMonitor::finished);
    auto first = std::make_unique<DcsClient>(configFor(sim));
    const PendingRestore restore = startRestore(*first, QStringLiteral("p1"));
    QVERIFY(!restore.restoreId.isEmpty());
    monitor.follow(first.get(), restore);
    QVERIFY(monitor.isFollowing(restore.restoreId));

    first.reset(); // profile closed: its trackers go with its client
    QVERIFY(!monitor.isFollowing(restore.restoreId));
    QCOMPARE(monitor.pending(), QList<PendingRestore>{restore});

    DcsClient second(configFor(sim));
    monitor.resume(QStringLiteral("p1"), &second);
    QVERIFY(monitor.isFollowing(restore.restoreId));
    monitor.resume(QStringLiteral("p1"), &second); // twice: still one tracker
    QVERIFY(finished.wait(15000));
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QVERIFY(monitor.pending().isEmpty());
}

void TestRestoreMonitor::unknownOutcomeIsResolvedOnResume() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    PendingRestore posted = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!posted.restoreId.isEmpty());
    // What the console wrote down when the answer was lost: no restore_id.
    PendingRestore unknown = posted;
    unknown.restoreId.clear();

    const QString path = newPendingPath();
    {
        RestoreMonitor monitor(PendingRestores(path), fast());
        monitor.follow(&client, unknown); // written down, nothing to follow yet
        QVERIFY(!monitor.isFollowing(QString()));
    }
    QCOMPARE(PendingRestores(path).load(), QList<PendingRestore>{unknown});

    RestoreMonitor monitor(PendingRestores(path), fast());
    QSignalSpy found(&monitor, &RestoreMonitor::lostRestoreFound);
    QSignalSpy finished(&monitor, &RestoreMonitor::finished);
    monitor.resume(QStringLiteral("p1"), &client);
    QVERIFY(found.wait(10000));
    const auto resolved = found.first().first().value<PendingRestore>();
    QCOMPARE(resolved.restoreId, posted.restoreId);
    QCOMPARE(PendingRestores(path).load(), QList<PendingRestore>{resolved});
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(1).value<RestoreRecord>().restoreId, posted.restoreId);
    QVERIFY(PendingRestores(path).load().isEmpty());
}

void TestRestoreMonitor::unknownOutcomeWithoutRecordIsDropped() {
    SimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    PendingRestore unknown{QStringLiteral("p1"),           target.instance.instanceId,
                           target.instance.name,           QString(),
                           target.backup.backupId,         target.backup.backupName,
                           QDateTime::currentDateTimeUtc()};
    const QString path = newPendingPath();
    QVERIFY(PendingRestores(path).add(unknown));

    RestoreMonitor monitor(PendingRestores(path), fast());
    QSignalSpy notFound(&monitor, &RestoreMonitor::lostRestoreNotFound);
    QSignalSpy found(&monitor, &RestoreMonitor::lostRestoreFound);
    monitor.resume(QStringLiteral("p1"), &client);
    QVERIFY(notFound.wait(10000));
    QCOMPARE(notFound.first().first().value<PendingRestore>(), unknown);
    QVERIFY(found.isEmpty());
    QVERIFY(PendingRestores(path).load().isEmpty());
    QCOMPARE(postLines(sim, "/restores").size(), 0); // resolving only reads
}

QTEST_GUILESS_MAIN(TestRestoreMonitor)
#include "tst_restoremonitor.moc"
