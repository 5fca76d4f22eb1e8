// DcsClient against a real dcs-sim on loopback: paging, the show/list/backup/restore calls, every
// restore refusal the client can provoke, authentication failures, timeouts, a restart of the
// simulator that keeps its state, and a restore whose answer is lost.

#include "ClientTestSupport.h"
#include "api/DcsClient.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

class TestDcsClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsTheDemoData();
    void pagesThroughThousandsOfInstances();
    void showsOneInstanceWithItsShowFields();
    void unknownInstanceIs404();
    void listsBackupsWithinATimeRange();
    void restoresAndTheRecordReachesSucceed();
    void everyRefusalComesBackWithItsCode();
    void wrongSecretKeyIsRejected();
    void staleDateIsRejected();
    void transferTimeoutEndsASlowCall();
    void goneContextGetsNoCallback();
    void restartOfTheSimulatorKeepsTheState();
    void lostRestoreAnswerIsNotSentTwice();

private:
    QList<Instance> instances();
    Instance find(std::function<bool(const Instance &)> predicate);
    Instance restorableHaInstance();

    SimFixture m_sim;
    std::unique_ptr<DcsClient> m_client;
};

void TestDcsClient::initTestCase() {
    QVERIFY2(m_sim.start({"--restore-seconds", "2", "--backup-seconds", "1"}),
             qPrintable(m_sim.error()));
    m_client = std::make_unique<DcsClient>(configFor(m_sim));
}

void TestDcsClient::cleanupTestCase() {
    m_client.reset();
    m_sim.stop();
}

QList<Instance> TestDcsClient::instances() {
    const auto result =
        await<QList<Instance>>([&](auto cb) { m_client->listInstances({}, this, cb); });
    if (!result.ok())
        qWarning() << result.error.summary();
    return result.value;
}

Instance TestDcsClient::find(std::function<bool(const Instance &)> predicate) {
    for (const Instance &i : instances())
        if (predicate(i))
            return i;
    return {};
}

Instance TestDcsClient::restorableHaInstance() {
    return restorableTarget(*m_client, this).instance;
}

void TestDcsClient::listsTheDemoData() {
    const QList<Instance> all = instances();
    QVERIFY(all.size() >= 8);
    QSet<InstanceType> types;
    QSet<QString> statuses;
    bool memcached = false;
    for (const Instance &i : all) {
        types.insert(i.type());
        statuses.insert(i.status);
        memcached |= i.engine == QLatin1String("Memcached");
        QVERIFY(!i.instanceId.isEmpty());
        QVERIFY(!i.name.isEmpty());
        QVERIFY(i.createdAt.isValid());
        QVERIFY(i.cacheMode.isEmpty()); // the v1 list carries no cache_mode
    }
    for (InstanceType t : {InstanceType::Single, InstanceType::MasterStandby, InstanceType::Cluster,
                           InstanceType::Proxy})
        QVERIFY2(types.contains(t), qPrintable(instanceTypeApiName(t)));
    for (const char *s : {"RUNNING", "RESTORING", "ERROR", "CREATING"})
        QVERIFY2(statuses.contains(QString::fromLatin1(s)), s);
    QVERIFY(memcached);
    QVERIFY(restorableHaInstance().isRunning());
}

void TestDcsClient::pagesThroughThousandsOfInstances() {
    SimFixture big;
    QVERIFY2(big.start({"--instances", "2500"}), qPrintable(big.error()));
    for (int pageSize : {1000, 300}) {
        ClientConfig config = configFor(big);
        config.pageSize = pageSize;
        DcsClient client(config);
        int requests = 0;
        connect(&client, &DcsClient::requestFinished, this, [&] { ++requests; });
        const auto result =
            await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }, 60000);
        QVERIFY2(result.ok(), qPrintable(result.error.summary()));
        QVERIFY(result.value.size() >= 2508);
        QSet<QString> ids;
        for (const Instance &i : result.value)
            ids.insert(i.instanceId);
        QCOMPARE(ids.size(), result.value.size()); // no page read twice, none skipped
        QCOMPARE(requests, int((result.value.size() + pageSize - 1) / pageSize));
    }
    // A connection test reads one page and no more.
    ClientConfig config = configFor(big);
    config.pageSize = 300;
    DcsClient client(config);
    int requests = 0;
    connect(&client, &DcsClient::requestFinished, this, [&] { ++requests; });
    InstanceQuery firstPage;
    firstPage.maxPages = 1;
    const auto one =
        await<QList<Instance>>([&](auto cb) { client.listInstances(firstPage, this, cb); });
    QVERIFY2(one.ok(), qPrintable(one.error.summary()));
    QCOMPARE(one.value.size(), 300);
    QCOMPARE(requests, 1);
}

void TestDcsClient::showsOneInstanceWithItsShowFields() {
    const Instance listed = restorableHaInstance();
    const auto shown =
        await<Instance>([&](auto cb) { m_client->showInstance(listed.instanceId, this, cb); });
    QVERIFY2(shown.ok(), qPrintable(shown.error.summary()));
    QCOMPARE(shown.value.instanceId, listed.instanceId);
    QCOMPARE(shown.value.name, listed.name);
    QCOMPARE(shown.value.cacheMode, QStringLiteral("ha"));
    QCOMPARE(shown.value.type(), InstanceType::MasterStandby);
    QVERIFY(!shown.requestId.isEmpty());
}

void TestDcsClient::unknownInstanceIs404() {
    const auto shown = await<Instance>([&](auto cb) {
        m_client->showInstance(QStringLiteral("00000000-0000-0000-0000-000000000000"), this, cb);
    });
    QVERIFY(!shown.ok());
    QCOMPARE(shown.error.kind, ApiError::Kind::Http);
    QCOMPARE(shown.error.httpStatus, 404);
    QCOMPARE(shown.error.code, QStringLiteral("DCS.3022"));
    QVERIFY(!shown.error.requestId.isEmpty());
    QVERIFY(!shown.error.explanation().isEmpty());
}

void TestDcsClient::listsBackupsWithinATimeRange() {
    const Instance ha = restorableHaInstance();
    const auto all =
        await<QList<Backup>>([&](auto cb) { m_client->listBackups(ha.instanceId, {}, this, cb); });
    QVERIFY2(all.ok(), qPrintable(all.error.summary()));
    QVERIFY(all.value.size() >= 5);
    // Newest first, as the service lists them.
    for (int i = 1; i < all.value.size(); ++i)
        QVERIFY(all.value[i - 1].createdAt >= all.value[i].createdAt);
    // A range that holds only the newest backup's second.
    const QDateTime newest = all.value.first().createdAt;
    TimeRange range{newest.addSecs(-1), newest.addSecs(1)};
    const auto some = await<QList<Backup>>(
        [&](auto cb) { m_client->listBackups(ha.instanceId, range, this, cb); });
    QVERIFY2(some.ok(), qPrintable(some.error.summary()));
    QVERIFY(!some.value.isEmpty());
    QVERIFY(some.value.size() < all.value.size());
    for (const Backup &b : some.value)
        QVERIFY(b.createdAt >= range.begin && b.createdAt <= range.end);
}

void TestDcsClient::restoresAndTheRecordReachesSucceed() {
    const Instance ha = restorableHaInstance();
    QVERIFY(!ha.instanceId.isEmpty());
    const auto backups =
        await<QList<Backup>>([&](auto cb) { m_client->listBackups(ha.instanceId, {}, this, cb); });
    const auto chosen = std::find_if(backups.value.cbegin(), backups.value.cend(),
                                     [](const Backup &b) { return b.isRestorable(); });
    QVERIFY(chosen != backups.value.cend());
    const QString remark = QStringLiteral("恢复 before release 1.2");
    const auto restored = await<QString>(
        [&](auto cb) { m_client->restore(ha.instanceId, chosen->backupId, remark, this, cb); });
    QVERIFY2(restored.ok(), qPrintable(restored.error.summary()));
    QVERIFY(!restored.value.isEmpty());

    const auto during =
        await<Instance>([&](auto cb) { m_client->showInstance(ha.instanceId, this, cb); });
    QCOMPARE(during.value.status, QStringLiteral("RESTORING"));

    RestoreRecord last;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto records = await<QList<RestoreRecord>>(
                [&](auto cb) { m_client->listRestores(ha.instanceId, {}, this, cb); });
            for (const RestoreRecord &r : records.value)
                if (r.restoreId == restored.value)
                    last = r;
            return last.isFinished();
        }(),
        15000);
    QCOMPARE(last.status, QStringLiteral("succeed"));
    QCOMPARE(last.progress, 100.0);
    QCOMPARE(last.backupId, chosen->backupId);
    QCOMPARE(last.restoreRemark, remark);
    QVERIFY(last.updatedAt >= last.createdAt);
    const auto after =
        await<Instance>([&](auto cb) { m_client->showInstance(ha.instanceId, this, cb); });
    QCOMPARE(after.value.status, QStringLiteral("RUNNING"));
}

void TestDcsClient::everyRefusalComesBackWithItsCode() {
    const QList<Instance> all = instances();
    auto firstWhere = [&](auto predicate) {
        const auto it = std::find_if(all.cbegin(), all.cend(), predicate);
        return it == all.cend() ? Instance() : *it;
    };
    auto restoreCode = [&](const QString &instanceId, const QString &backupId,
                           const QString &remark = {}) {
        const auto r = await<QString>(
            [&](auto cb) { m_client->restore(instanceId, backupId, remark, this, cb); });
        if (r.ok())
            return QStringLiteral("accepted");
        [&] {
            QVERIFY(!r.error.requestId.isEmpty());
        }();
        return r.error.code;
    };
    auto backupsOf = [&](const QString &id) {
        return await<QList<Backup>>([&](auto cb) { m_client->listBackups(id, {}, this, cb); })
            .value;
    };

    QCOMPARE(restoreCode(QStringLiteral("11111111-2222-3333-4444-555555555555"), "x"),
             QStringLiteral("DCS.3022"));
    const Instance single =
        firstWhere([](const Instance &i) { return i.type() == InstanceType::Single; });
    QCOMPARE(restoreCode(single.instanceId, "x"), QStringLiteral("DCS.4086"));
    const Instance restoring =
        firstWhere([](const Instance &i) { return i.status == QLatin1String("RESTORING"); });
    QCOMPARE(restoreCode(restoring.instanceId, "x"), QStringLiteral("DCS.4097"));
    const Instance broken = firstWhere([](const Instance &i) {
        return !i.isRunning() && i.status != QLatin1String("RESTORING") &&
               i.type() != InstanceType::Single;
    });
    QVERIFY(!broken.instanceId.isEmpty());
    QCOMPARE(restoreCode(broken.instanceId, "x"), QStringLiteral("DCS.4049"));

    const Instance ha = restorableHaInstance();
    QCOMPARE(restoreCode(ha.instanceId, "no-such-backup"), QStringLiteral("DCS.4800"));
    QCOMPARE(restoreCode(ha.instanceId, QString()), QStringLiteral("DCS.4800"));
    // A backup of another instance is as unknown as a made-up one.
    const Instance other = firstWhere([&](const Instance &i) {
        return i.instanceId != ha.instanceId && i.type() != InstanceType::Single &&
               !backupsOf(i.instanceId).isEmpty();
    });
    QCOMPARE(restoreCode(ha.instanceId, backupsOf(other.instanceId).first().backupId),
             QStringLiteral("DCS.4800"));

    const QList<Backup> backups = backupsOf(ha.instanceId);
    const auto unrestorable = std::find_if(backups.cbegin(), backups.cend(),
                                           [](const Backup &b) { return !b.isRestorable(); });
    QVERIFY(unrestorable != backups.cend());
    QCOMPARE(restoreCode(ha.instanceId, unrestorable->backupId), QStringLiteral("DCS.4087"));
    const auto good = std::find_if(backups.cbegin(), backups.cend(),
                                   [](const Backup &b) { return b.isRestorable(); });
    QCOMPARE(restoreCode(ha.instanceId, good->backupId, QString(129, QLatin1Char('r'))),
             QStringLiteral("DCS.4098"));
    // 128 characters of Chinese are 384 bytes and still allowed: the limit counts characters.
    // (Checked last: it is accepted and starts a restore.)

    // A running backup blocks the restore.
    const auto created = await<QString>([&](auto cb) {
        m_client->createBackup(ha.instanceId, QStringLiteral("before test"), QStringLiteral("rdb"),
                               this, cb);
    });
    QVERIFY2(created.ok(), qPrintable(created.error.summary()));
    QCOMPARE(restoreCode(ha.instanceId, good->backupId), QStringLiteral("DCS.4096"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Backup &b : backupsOf(ha.instanceId))
                if (b.backupId == created.value)
                    return b.isSucceeded();
            return false;
        }(),
        15000);
    QCOMPARE(restoreCode(ha.instanceId, good->backupId, QString(128, QChar(0x6062))),
             QStringLiteral("accepted"));
    // And now a restore is running.
    QCOMPARE(restoreCode(ha.instanceId, good->backupId), QStringLiteral("DCS.4097"));
    QTRY_COMPARE_WITH_TIMEOUT(
        find([&](const Instance &i) { return i.instanceId == ha.instanceId; }).status,
        QStringLiteral("RUNNING"), 15000);
}

void TestDcsClient::wrongSecretKeyIsRejected() {
    ClientConfig config = configFor(m_sim);
    config.secretKey = "not-the-secret";
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.httpStatus, 401);
    QCOMPARE(result.error.code, QStringLiteral("APIGW.0301"));
    QVERIFY(!result.error.requestId.isEmpty());

    config = configFor(m_sim);
    config.accessKey = "UNKNOWNAK";
    DcsClient unknown(config);
    const auto other =
        await<QList<Instance>>([&](auto cb) { unknown.listInstances({}, this, cb); });
    QCOMPARE(other.error.code, QStringLiteral("APIGW.0301"));
}

void TestDcsClient::staleDateIsRejected() {
    ClientConfig config = configFor(m_sim);
    config.clock = [] {
        return QDateTime::currentDateTimeUtc().addSecs(-16 * 60);
    };
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QCOMPARE(result.error.httpStatus, 401);
    QCOMPARE(result.error.code, QStringLiteral("APIGW.0303"));
    // Fourteen minutes off is still within the window.
    config.clock = [] {
        return QDateTime::currentDateTimeUtc().addSecs(14 * 60);
    };
    DcsClient close(config);
    QVERIFY(await<QList<Instance>>([&](auto cb) { close.listInstances({}, this, cb); }).ok());
}

void TestDcsClient::transferTimeoutEndsASlowCall() {
    SimFixture slow;
    QVERIFY2(slow.start({"--fault", "latency=3000"}), qPrintable(slow.error()));
    ClientConfig config = configFor(slow);
    config.transferTimeoutMs = 300;
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
    QVERIFY(!result.error.explanation().isEmpty());
}

void TestDcsClient::goneContextGetsNoCallback() {
    bool called = false;
    auto *context = new QObject;
    int finished = 0;
    connect(m_client.get(), &DcsClient::requestFinished, this, [&] { ++finished; });
    m_client->listInstances({}, context, [&](const auto &) { called = true; });
    delete context;
    QTRY_COMPARE(finished, 1);
    QTest::qWait(50);
    QVERIFY(!called);
    disconnect(m_client.get(), &DcsClient::requestFinished, this, nullptr);
}

void TestDcsClient::restartOfTheSimulatorKeepsTheState() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "1"}), qPrintable(sim.error()));
    QString instanceId;
    QString backupId;
    {
        DcsClient client(configFor(sim));
        const auto list =
            await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
        // The first instance that takes a backup now (some are busy backing up).
        ApiResult<QString> created;
        for (const Instance &i : list.value) {
            if (i.type() == InstanceType::Single || !i.isRunning() || !created.value.isEmpty())
                continue;
            created = await<QString>([&](auto cb) {
                client.createBackup(i.instanceId, QStringLiteral("kept across restart"),
                                    QStringLiteral("aof"), this, cb);
            });
            instanceId = i.instanceId;
        }
        QVERIFY(!instanceId.isEmpty());
        QVERIFY2(created.ok(), qPrintable(created.error.summary()));
        backupId = created.value;
    }
    const QString stateFile = sim.stateFile();
    sim.stop();
    QVERIFY(QFile::exists(stateFile));

    SimFixture again;
    QVERIFY2(again.start({"--backup-seconds", "1"}, stateFile), qPrintable(again.error()));
    DcsClient client(configFor(again));
    Backup found;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto backups = await<QList<Backup>>(
                [&](auto cb) { client.listBackups(instanceId, {}, this, cb); });
            for (const Backup &b : backups.value)
                if (b.backupId == backupId)
                    found = b;
            return found.isSucceeded();
        }(),
        15000);
    QCOMPARE(found.remark, QStringLiteral("kept across restart"));
    QCOMPARE(found.normalizedFormat(), QStringLiteral("aof"));
    QCOMPARE(found.backupType, QStringLiteral("manual"));
}

void TestDcsClient::lostRestoreAnswerIsNotSentTwice() {
    SimFixture sim;
    QVERIFY2(sim.start({"--fault", "drop-after-restore"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    Instance ha;
    QString backupId;
    const auto list = await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    for (const Instance &i : list.value) {
        if (i.type() != InstanceType::MasterStandby || !i.isRunning() || !backupId.isEmpty())
            continue;
        const auto backups =
            await<QList<Backup>>([&](auto cb) { client.listBackups(i.instanceId, {}, this, cb); });
        if (std::any_of(backups.value.cbegin(), backups.value.cend(),
                        [](const Backup &b) { return b.isRunning(); }))
            continue;
        for (const Backup &b : backups.value)
            if (b.isRestorable() && backupId.isEmpty()) {
                ha = i;
                backupId = b.backupId;
            }
    }
    QVERIFY(!backupId.isEmpty());
    const auto restored = await<QString>([&](auto cb) {
        client.restore(ha.instanceId, backupId, QStringLiteral("drop"), this, cb);
    });
    QVERIFY(!restored.ok());
    QCOMPARE(restored.error.kind, ApiError::Kind::AnswerLost);
    QTest::qWait(300); // give a stray re-send the time to arrive
    const auto records = await<QList<RestoreRecord>>(
        [&](auto cb) { client.listRestores(ha.instanceId, {}, this, cb); });
    int fromThisBackup = 0;
    for (const RestoreRecord &r : records.value)
        fromThisBackup += r.backupId == backupId && r.restoreRemark == QLatin1String("drop");
    QCOMPARE(fromThisBackup, 1);
    QCOMPARE(postLines(sim, "/restores").size(), 1);
}

QTEST_GUILESS_MAIN(TestDcsClient)
#include "tst_dcsclient.moc"
