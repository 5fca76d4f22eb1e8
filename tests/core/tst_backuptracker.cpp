// BackupTracker on a real dcs-sim: a manual backup followed to succeed, one that fails, the time
// limit, and a client closed under it.

#include "ClientTestSupport.h"
#include "restore/BackupTracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

class TestBackupTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsANewBackupToSucceed();
    void reportsAFailedBackup();
    void givesUpAfterTheTimeout();
    void stopsWhenTheClientIsGone();

private:
    // Creates a manual backup of a restorable instance; gives instance and backup id.
    QPair<QString, QString> createBackup(DcsClient &client) {
        const Target target = restorableTarget(client, this);
        if (!target.isValid())
            return {};
        const auto created = await<QString>([&](auto cb) {
            client.createBackup(target.instance.instanceId, QStringLiteral("tracked backup"),
                                QStringLiteral("aof"), this, cb);
        });
        return {target.instance.instanceId, created.value};
    }
};

void TestBackupTracker::followsANewBackupToSucceed() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const auto [instanceId, backupId] = createBackup(client);
    QVERIFY(!backupId.isEmpty());
    BackupTracker tracker(&client, instanceId, backupId, 100, 60000);
    QSignalSpy updated(&tracker, &BackupTracker::updated);
    QSignalSpy finished(&tracker, &BackupTracker::finished);
    tracker.start();
    QVERIFY(tracker.isActive());
    QVERIFY(finished.wait(15000));
    const auto backup = finished.first().first().value<Backup>();
    QCOMPARE(backup.backupId, backupId);
    QCOMPARE(backup.status, QStringLiteral("succeed"));
    QCOMPARE(backup.normalizedFormat(), QStringLiteral("aof"));
    QCOMPARE(backup.remark, QStringLiteral("tracked backup"));
    QVERIFY(backup.isManual());
    QVERIFY(updated.size() >= 2); // seen running before its end
    QVERIFY(updated.first().first().value<Backup>().isRunning());
    QVERIFY(!tracker.isActive());
}

void TestBackupTracker::reportsAFailedBackup() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "1", "--fault", "backup-fails"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const auto [instanceId, backupId] = createBackup(client);
    QVERIFY(!backupId.isEmpty());
    BackupTracker tracker(&client, instanceId, backupId, 100, 60000);
    QSignalSpy finished(&tracker, &BackupTracker::finished);
    tracker.start();
    QVERIFY(finished.wait(15000));
    const auto backup = finished.first().first().value<Backup>();
    QCOMPARE(backup.status, QStringLiteral("failed"));
    QCOMPARE(backup.errorCode, QStringLiteral("dcs.08.0001"));
}

void TestBackupTracker::givesUpAfterTheTimeout() {
    SimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    // A backup id that never appears: read, read, then give up.
    BackupTracker tracker(&client, target.instance.instanceId, QStringLiteral("no-such-backup"), 50,
                          400);
    QSignalSpy timedOut(&tracker, &BackupTracker::timedOut);
    QSignalSpy finished(&tracker, &BackupTracker::finished);
    tracker.start();
    QVERIFY(timedOut.wait(5000));
    QVERIFY(finished.isEmpty());
    QVERIFY(!tracker.isActive());
    QTest::qWait(200);
    QCOMPARE(timedOut.size(), 1);
}

void TestBackupTracker::stopsWhenTheClientIsGone() {
    SimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    auto client = std::make_unique<DcsClient>(configFor(sim));
    BackupTracker tracker(client.get(), QStringLiteral("i"), QStringLiteral("b"), 50, 60000);
    QSignalSpy failed(&tracker, &BackupTracker::readFailed);
    tracker.start();
    client.reset();
    QVERIFY(failed.wait(5000));
    QVERIFY(!tracker.isActive());

    // A read error (unknown instance: 404) is reported and the tracker reads on.
    DcsClient second(configFor(sim));
    BackupTracker reading(&second, QStringLiteral("no-instance"), QStringLiteral("b"), 50, 60000);
    QSignalSpy readFailed(&reading, &BackupTracker::readFailed);
    reading.start();
    QVERIFY(readFailed.wait(5000));
    QCOMPARE(readFailed.first().first().value<ApiError>().httpStatus, 404);
    QVERIFY(readFailed.wait(5000));
    QVERIFY(reading.isActive());
    reading.stop();
    QVERIFY(!reading.isActive());
}

QTEST_GUILESS_MAIN(TestBackupTracker)
#include "tst_backuptracker.moc"
