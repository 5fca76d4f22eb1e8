// RestoreRecordFollower following a real restore on dcs-sim, its back-off and its time limit.

#include "SimFixture.h"
#include "api/DcsClient.h"
#include "restore/RestoreRecordFollower.h"

#include <QSignalSpy>
#include <QTest>

using namespace dcs;

class TestRestoreRecordFollower : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void followsARestoreToSucceed();
    void reportsAFailedRestore();
    void backsOffUpToTheMaximum();
    void givesUpAfterTheTimeout();

private:
    struct Started {
        QString instanceId;
        QString restoreId;
    };
    Started startRestore(SimFixture &sim, DcsClient &client);
    static ClientConfig configFor(const SimFixture &sim);

    SimFixture m_sim;
};

ClientConfig TestRestoreRecordFollower::configFor(const SimFixture &sim) {
    ClientConfig config;
    config.endpoint = sim.url();
    config.projectId = SimFixture::projectId();
    config.accessKey = SimFixture::accessKey();
    config.secretKey = SimFixture::secretKey();
    return config;
}

void TestRestoreRecordFollower::initTestCase() {
    QVERIFY2(m_sim.start({"--restore-seconds", "2"}), qPrintable(m_sim.error()));
}

TestRestoreRecordFollower::Started TestRestoreRecordFollower::startRestore(SimFixture &,
                                                                           DcsClient &client) {
    Started started;
    bool done = false;
    QList<Instance> instances;
    client.listInstances({}, this, [&](const ApiResult<QList<Instance>> &r) {
        instances = r.value;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    for (const Instance &i : instances) {
        if (i.type() != InstanceType::MasterStandby || !i.isRunning())
            continue;
        done = false;
        QList<Backup> backups;
        client.listBackups(i.instanceId, {}, this, [&](const ApiResult<QList<Backup>> &r) {
            backups = r.value;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 10000);
        if (std::any_of(backups.cbegin(), backups.cend(),
                        [](const Backup &b) { return b.isRunning(); }))
            continue;
        for (const Backup &b : backups) {
            if (!b.isRestorable())
                continue;
            done = false;
            client.restore(i.instanceId, b.backupId, QStringLiteral("tracked"), this,
                           [&](const ApiResult<QString> &r) {
                               started.restoreId = r.value;
                               done = true;
                           });
            (void)QTest::qWaitFor([&] { return done; }, 10000);
            started.instanceId = i.instanceId;
            return started;
        }
    }
    return started;
}

void TestRestoreRecordFollower::followsARestoreToSucceed() {
    DcsClient client(configFor(m_sim));
    const Started started = startRestore(m_sim, client);
    QVERIFY(!started.restoreId.isEmpty());
    RestoreRecordFollower tracker(&client, started.instanceId, started.restoreId,
                                  {100, 400, 2.0, 60000});
    QSignalSpy updated(&tracker, &RestoreRecordFollower::updated);
    QSignalSpy finished(&tracker, &RestoreRecordFollower::finished);
    QSignalSpy recordsRead(&tracker, &RestoreRecordFollower::recordsRead);
    tracker.start();
    QVERIFY(finished.wait(15000));
    const auto record = finished.first().first().value<RestoreRecord>();
    QCOMPARE(record.status, QStringLiteral("succeed"));
    QCOMPARE(record.restoreId, started.restoreId);
    QVERIFY(updated.size() >= 2); // it saw the restore before the end, too
    QVERIFY(!tracker.isActive());
    // Every read's records, whole, for whoever would read them too: the last one is what the
    // service lists for the instance now.
    QVERIFY(recordsRead.size() >= updated.size());
    const auto lastRead = recordsRead.last().first().value<QList<RestoreRecord>>();
    bool done = false;
    QList<RestoreRecord> listed;
    client.listRestores(started.instanceId, {}, this,
                        [&](const ApiResult<QList<RestoreRecord>> &r) {
                            listed = r.value;
                            done = true;
                        });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
    QCOMPARE(lastRead.size(), listed.size());
    for (qsizetype i = 0; i < listed.size(); ++i) {
        QCOMPARE(lastRead.at(i).restoreId, listed.at(i).restoreId);
        QCOMPARE(lastRead.at(i).status, listed.at(i).status);
    }
}

void TestRestoreRecordFollower::reportsAFailedRestore() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "1", "--fault", "restore-fails"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Started started = startRestore(sim, client);
    QVERIFY(!started.restoreId.isEmpty());
    RestoreRecordFollower tracker(&client, started.instanceId, started.restoreId,
                                  {100, 300, 2.0, 60000});
    QSignalSpy finished(&tracker, &RestoreRecordFollower::finished);
    tracker.start();
    QVERIFY(finished.wait(15000));
    const auto record = finished.first().first().value<RestoreRecord>();
    QCOMPARE(record.status, QStringLiteral("failed"));
    QVERIFY(!record.errorCode.isEmpty());
}

void TestRestoreRecordFollower::backsOffUpToTheMaximum() {
    DcsClient client(configFor(m_sim));
    // An id that never appears: the tracker keeps reading, ever more slowly.
    RestoreRecordFollower tracker(&client, QStringLiteral("no-instance"),
                                  QStringLiteral("no-restore"), {50, 200, 2.0, 60000});
    QSignalSpy failed(&tracker, &RestoreRecordFollower::readFailed);
    tracker.start();
    QCOMPARE(tracker.nextIntervalMs(), 50);
    QList<int> intervals;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(failed.wait(5000)); // the unknown instance answers 404, reported, not fatal
        QTest::qWait(10);
        intervals.append(tracker.nextIntervalMs());
    }
    QCOMPARE(intervals, (QList<int>{100, 200, 200, 200}));
    QVERIFY(tracker.isActive());
    tracker.stop();
}

void TestRestoreRecordFollower::givesUpAfterTheTimeout() {
    DcsClient client(configFor(m_sim));
    RestoreRecordFollower tracker(&client, QStringLiteral("no-instance"),
                                  QStringLiteral("no-restore"), {50, 100, 2.0, 400});
    QSignalSpy timedOut(&tracker, &RestoreRecordFollower::timedOut);
    tracker.start();
    QVERIFY(timedOut.wait(5000));
    QVERIFY(!tracker.isActive());
}

QTEST_GUILESS_MAIN(TestRestoreRecordFollower)
#include "tst_restorerecordfollower.moc"
