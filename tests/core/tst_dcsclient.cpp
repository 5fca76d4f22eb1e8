// DcsClient against a real dcs-sim on loopback: paging, the show/list/backup/restore calls, every
// restore refusal the client can provoke, authentication failures, timeouts, a restart of the
// simulator that keeps its state, and a restore whose answer is lost.

#include "ClientTestSupport.h"
#include "api/DcsClient.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
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
    void streamsPageByPage();
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
    void speaksOnlyTheVersionUnderTest();
    void v2OnlyCallsAnswerOrSayTheyNeedV2();
    void missingApiIsReadFromEveryShape();
    void automaticFallsBackWhenV2IsMissing();
    void automaticStaysOnV2WhenV1IsMissing();
    void automaticNeverFallsBackOnAuthOrServerErrors();

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

// The streamed list is the list: the same records in the same order, page by page as they are
// read, and an empty value with the outcome at the end. Backups alike.
void TestDcsClient::streamsPageByPage() {
    SimFixture big;
    QVERIFY2(big.start({"--instances", "1200", "--backups", "2300"}), qPrintable(big.error()));
    ClientConfig config = configFor(big);
    config.pageSize = 500;
    DcsClient client(config);
    const auto whole =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }, 60000);
    QVERIFY2(whole.ok(), qPrintable(whole.error.summary()));

    QList<QList<Instance>> batches;
    const auto done = await<QList<Instance>>(
        [&](auto cb) {
            client.streamInstances(
                {}, this, [&](const QList<Instance> &batch) { batches.append(batch); }, cb);
        },
        60000);
    QVERIFY2(done.ok(), qPrintable(done.error.summary()));
    QVERIFY(done.value.isEmpty());
    QVERIFY(!done.incomplete);
    QCOMPARE(batches.size(), int((whole.value.size() + 499) / 500));
    QList<Instance> streamed;
    for (const QList<Instance> &batch : std::as_const(batches)) {
        QVERIFY(batch.size() <= 500);
        streamed += batch;
    }
    QVERIFY(streamed == whole.value);

    QString id;
    for (const Instance &i : whole.value) {
        if (i.name == QLatin1String("gen-many-backups"))
            id = i.instanceId;
    }
    QVERIFY(!id.isEmpty());
    const auto backups =
        await<QList<Backup>>([&](auto cb) { client.listBackups(id, {}, this, cb); }, 60000);
    QVERIFY2(backups.ok(), qPrintable(backups.error.summary()));
    QCOMPARE(backups.value.size(), 2300);
    QList<Backup> streamedBackups;
    int backupBatches = 0;
    const auto backupsDone = await<QList<Backup>>(
        [&](auto cb) {
            client.streamBackups(
                id, {}, this,
                [&](const QList<Backup> &batch) {
                    ++backupBatches;
                    streamedBackups += batch;
                },
                cb);
        },
        60000);
    QVERIFY2(backupsDone.ok(), qPrintable(backupsDone.error.summary()));
    QCOMPARE(backupBatches, 5);
    QVERIFY(streamedBackups == backups.value);

    // A context that goes away between two batches gets nothing more.
    auto *context = new QObject(this);
    int after = 0;
    bool finished = false;
    client.streamBackups(
        id, {}, context,
        [&](const QList<Backup> &) {
            ++after;
            delete context;
        },
        [&](const ApiResult<QList<Backup>> &) { finished = true; });
    QTRY_COMPARE_WITH_TIMEOUT(after, 1, 20000);
    QTest::qWait(1500);
    QCOMPARE(after, 1);
    QVERIFY(!finished);
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
    // An empty backup id is never posted: refused by the console, without a request.
    const auto empty = await<QString>(
        [&](auto cb) { m_client->restore(ha.instanceId, QString(), QString(), this, cb); });
    QCOMPARE(empty.error.kind, ApiError::Kind::InvalidRequest);
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

namespace {

// GET/POST/… lines of the simulator's log, the method and path only.
QList<QByteArray> requestLines(SimFixture &sim) {
    QList<QByteArray> lines;
    for (const QByteArray &line : sim.log().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() >= 3 && !line.contains("/v3/auth/tokens"))
            lines.append(parts.at(0) + ' ' + parts.at(1).split('?').first() + ' ' + parts.at(2));
    }
    return lines;
}

int countLines(const QList<QByteArray> &lines, const QByteArray &part) {
    return int(std::count_if(lines.cbegin(), lines.cend(),
                             [&](const QByteArray &line) { return line.contains(part); }));
}

} // namespace

void TestDcsClient::speaksOnlyTheVersionUnderTest() {
    // Everything the tests above sent went out in one family, with its own query names.
    const QList<QByteArray> lines = requestLines(m_sim);
    QVERIFY(lines.size() > 20);
    const bool v2 = apiVersionUnderTest() == ApiVersion::V2;
    const QByteArray mine = v2 ? " /v2/" : " /v1.0/";
    const QByteArray other = v2 ? " /v1.0/" : " /v2/";
    QCOMPARE(countLines(lines, other), 0);
    QCOMPARE(countLines(lines, mine), int(lines.size()));
    const QByteArray log = m_sim.log();
    QCOMPARE(log.contains("offset="), v2);
    QCOMPARE(log.contains("start="), !v2);
    QCOMPARE(log.contains("begin_time="), v2);
    QCOMPARE(log.contains("beginTime="), !v2);
}

void TestDcsClient::v2OnlyCallsAnswerOrSayTheyNeedV2() {
    const bool v2 = apiVersionUnderTest() == ApiVersion::V2;
    const int before = int(requestLines(m_sim).size());
    const QString legacy = find([](const Instance &i) {
                               return i.name == QLatin1String("legacy-page-cache");
                           }).instanceId;
    const Instance ha = restorableHaInstance();
    const auto backups =
        await<QList<Backup>>([&](auto cb) { m_client->listBackups(ha.instanceId, {}, this, cb); });
    const auto succeeded = std::find_if(backups.value.cbegin(), backups.value.cend(),
                                        [](const Backup &b) { return b.isSucceeded(); });
    QVERIFY(succeeded != backups.value.cend());
    const int afterReads = int(requestLines(m_sim).size());

    const auto tasks =
        await<QList<BackgroundTask>>([&](auto cb) { m_client->listTasks(legacy, {}, this, cb); });
    const auto links = await<BackupLinks>([&](auto cb) {
        m_client->listBackupLinks(ha.instanceId, succeeded->backupId, 3600, this, cb);
    });
    BackupPolicy policy =
        *BackupPolicy::fromJson(await<Instance>([&](auto cb) {
                                    m_client->showInstance(ha.instanceId, this, cb);
                                }).value.instanceBackupPolicy);
    policy.saveDays = 5;
    const auto updated = await<bool>(
        [&](auto cb) { m_client->updateBackupPolicy(ha.instanceId, policy, this, cb); });
    const auto counts =
        await<StatusCounts>([&](auto cb) { m_client->instanceStatusCounts(false, this, cb); });
    QVERIFY2(counts.ok(), qPrintable(counts.error.summary()));
    QCOMPARE(counts.value.countedLocally, !v2);
    QCOMPARE(counts.value.byStatus,
             StatusCounts::fromInstances(instances()).byStatus); // the same either way
    if (v2) {
        QVERIFY2(tasks.ok(), qPrintable(tasks.error.summary()));
        QCOMPARE(tasks.value.size(), 1);
        QVERIFY(tasks.value.first().isRunning());
        QVERIFY2(links.ok(), qPrintable(links.error.summary()));
        QCOMPARE(links.value.links.size(), 1);
        QVERIFY(links.value.links.first().fileName.endsWith(QLatin1String(".rdb")));
        QVERIFY2(updated.ok(), qPrintable(updated.error.summary()));
        const auto shown =
            await<Instance>([&](auto cb) { m_client->showInstance(ha.instanceId, this, cb); });
        QCOMPARE(BackupPolicy::fromJson(shown.value.instanceBackupPolicy)->saveDays, 5);
        QCOMPARE(postLines(m_sim, "/links").size(), 1);
    } else {
        // Nothing is sent for them: they answer at once that they need v2.
        for (const ApiError &error : {tasks.error, links.error, updated.error}) {
            QCOMPARE(error.kind, ApiError::Kind::Unsupported);
            QVERIFY(!error.explanation().isEmpty());
        }
        const QList<QByteArray> lines = requestLines(m_sim);
        QCOMPARE(countLines(lines.mid(afterReads), "/tasks"), 0);
        QCOMPARE(countLines(lines.mid(afterReads), "/links"), 0);
        QCOMPARE(countLines(lines.mid(afterReads), "PUT "), 0);
    }
    QVERIFY(before <= afterReads);
}

void TestDcsClient::missingApiIsReadFromEveryShape() {
    auto missing = [](int status, const char *body) {
        return DcsClient::meansApiMissing(ApiError::fromHttpResponse(status, body, "rid"));
    };
    QVERIFY(missing(404, R"({"error":{"code":"DCS.4001","message":"no such URL"}})"));
    QVERIFY(missing(404, R"({"error_code":"DCS.4001","error_msg":"no such URL"})"));
    QVERIFY(missing(404, R"({"error_code":"APIGW.0101","error_msg":"The API does not exist",
                             "request_id":"x"})"));
    QVERIFY(!missing(404, R"({"error_code":"DCS.3022","error_msg":"no instance"})"));
    QVERIFY(!missing(400, R"({"error_code":"DCS.4001","error_msg":"odd"})"));
    QVERIFY(!missing(401, R"({"error_code":"APIGW.0301","error_msg":"bad signature"})"));
    QVERIFY(!missing(401, R"({"error":{"code":"DCS.1001","message":"bad token"}})"));
    QVERIFY(!missing(500, R"({"error_code":"DCS.5000","error_msg":"internal"})"));
    QVERIFY(!missing(404, "<html>Not Found</html>"));
}

void TestDcsClient::automaticFallsBackWhenV2IsMissing() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("Automatic is tested in the v2 entry");
    SimFixture sim;
    QVERIFY2(sim.start({"--api", "v1.0", "--backup-seconds", "1"}), qPrintable(sim.error()));
    ClientConfig config = configFor(sim);
    config.apiVersion = ApiVersion::Automatic;
    // A write first: it waits for a read that settles the version, and goes out once.
    {
        DcsClient fresh(config);
        QSignalSpy resolved(&fresh, &DcsClient::apiVersionResolved);
        const QString ha = find([](const Instance &i) {
                               return i.name == QLatin1String("order-cache-prod");
                           }).instanceId;
        const int linesBefore = int(requestLines(sim).size());
        const auto created = await<QString>(
            [&](auto cb) { fresh.createBackup(ha, QStringLiteral("automatic"), {}, this, cb); });
        QVERIFY2(created.ok(), qPrintable(created.error.summary()));
        QCOMPARE(fresh.apiVersion(), ApiVersion::V1);
        const QList<QByteArray> lines = requestLines(sim).mid(linesBefore);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith("GET /v2/") && lines.at(0).endsWith(" 404"),
                 lines.at(0).constData());
        QVERIFY2(lines.at(1).startsWith("GET /v1.0/") && lines.at(1).endsWith(" 200"),
                 lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith("POST /v1.0/") && lines.at(2).endsWith(" 200"),
                 lines.at(2).constData());
        QCOMPARE(postLines(sim, "/backups").size(), 1);
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(resolved.first().first().value<ApiVersion>(), ApiVersion::V1);
    }
    // Reads: the first one asks v2 once, then everything is v1.0, restore included.
    DcsClient client(config);
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const int linesBefore = int(requestLines(sim).size());
    const auto restored = await<QString>([&](auto cb) {
        client.restore(target.instance.instanceId, target.backup.backupId, QStringLiteral("回退"),
                       this, cb);
    });
    QVERIFY2(restored.ok(), qPrintable(restored.error.summary()));
    const QList<QByteArray> after = requestLines(sim).mid(linesBefore);
    QCOMPARE(after.size(), 1);
    QVERIFY(after.first().startsWith("POST /v1.0/"));
    QCOMPARE(countLines(requestLines(sim), " /v2/"), 2); // one per client, never more
    // Counts on the fallen-back client are counted locally.
    const auto counts =
        await<StatusCounts>([&](auto cb) { client.instanceStatusCounts(false, this, cb); });
    QVERIFY(counts.ok());
    QVERIFY(counts.value.countedLocally);
}

void TestDcsClient::automaticStaysOnV2WhenV1IsMissing() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("Automatic is tested in the v2 entry");
    SimFixture sim;
    QVERIFY2(sim.start({"--api", "v2"}), qPrintable(sim.error()));
    ClientConfig config = configFor(sim);
    config.apiVersion = ApiVersion::Automatic;
    DcsClient client(config);
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    QCOMPARE(client.apiVersion(), ApiVersion::V2);
    const auto restored = await<QString>([&](auto cb) {
        client.restore(target.instance.instanceId, target.backup.backupId, {}, this, cb);
    });
    QVERIFY2(restored.ok(), qPrintable(restored.error.summary()));
    QCOMPARE(countLines(requestLines(sim), " /v1.0/"), 0);
    // A profile set to v1.0 against it is told so, and nothing falls back.
    config.apiVersion = ApiVersion::V1;
    DcsClient old(config);
    const auto refused = await<QList<Instance>>([&](auto cb) { old.listInstances({}, this, cb); });
    QCOMPARE(refused.error.httpStatus, 404);
    QCOMPARE(refused.error.code, QStringLiteral("APIGW.0101"));
    QVERIFY(!refused.error.explanation().isEmpty());
    QCOMPARE(old.apiVersion(), ApiVersion::V1);
}

void TestDcsClient::automaticNeverFallsBackOnAuthOrServerErrors() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("Automatic is tested in the v2 entry");
    SimFixture sim;
    QVERIFY2(sim.start({"--api", "v1.0", "--fault", "http503=list"}), qPrintable(sim.error()));
    ClientConfig config = configFor(sim);
    config.apiVersion = ApiVersion::Automatic;
    config.secretKey = "not-the-secret";
    DcsClient wrongKey(config);
    const auto denied =
        await<QList<Instance>>([&](auto cb) { wrongKey.listInstances({}, this, cb); });
    QCOMPARE(denied.error.code, QStringLiteral("APIGW.0301"));
    // A write on Automatic with the version unknown: nothing of it is sent.
    const auto write = await<QString>(
        [&](auto cb) { wrongKey.restore(QStringLiteral("i"), QStringLiteral("b"), {}, this, cb); });
    QCOMPARE(write.error.kind, ApiError::Kind::Network);
    QCOMPARE(write.error.code, QStringLiteral("APIGW.0301"));
    QCOMPARE(postLines(sim, "/restores").size(), 0);
    QCOMPARE(wrongKey.apiVersion(), ApiVersion::Automatic);
    // Without v2 the service says so only after authentication: so the 401 is all there is.
    QCOMPARE(countLines(requestLines(sim), " /v1.0/"), 0);

    SimFixture failing;
    QVERIFY2(failing.start({"--fault", "http503=list"}), qPrintable(failing.error()));
    ClientConfig good = configFor(failing);
    good.apiVersion = ApiVersion::Automatic;
    DcsClient client(good);
    const auto broken =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QCOMPARE(broken.error.httpStatus, 503);
    QCOMPARE(countLines(requestLines(failing), " /v1.0/"), 0);
    QCOMPARE(client.apiVersion(), ApiVersion::Automatic);
}

QTEST_GUILESS_MAIN(TestDcsClient)
#include "tst_dcsclient.moc"
