// "Verify the restore" in core: fingerprints and their comparison, the password probe, and — on
// dcs-sim with real servers — a restore through RestoreWorkflow that moves data back, checked
// with a Redis client and reported by the verification (skipped without redis-server).

#include "ChildProcess.h"
#include "ClientTestSupport.h"
#include "RedisTestSupport.h"
#include "profiles/SimulatorProcess.h"
#include "redis/RedisWork.h"
#include "restore/AuditLog.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreWorkflow.h"
#include "verify/InstanceFingerprint.h"
#include "verify/RestoreVerification.h"
#include "verify/VerificationReport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <memory>

using namespace dcs;
using namespace dcs::testing;

namespace {

KeyFingerprint print(int db, const char *key, const char *type, const char *digest,
                     bool named = false) {
    KeyFingerprint k;
    k.db = db;
    k.key = key;
    k.type = type;
    k.digest = digest;
    k.named = named;
    return k;
}

int freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Runs a blocking call on the Redis pool and waits for it here, as the console would not.
template <typename Work> auto inBackground(Work work) {
    using Result = std::invoke_result_t<Work>;
    QObject context;
    std::optional<Result> result;
    runRedisWork(&context, std::move(work), [&](const Result &value) { result = value; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
    return result.value_or(Result{});
}

} // namespace

class TestRestoreVerification : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // English plurals come from the English catalogue, as in the program.
        QVERIFY(m_english.load(QStringLiteral(":/i18n/dcs-console_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }
    void reportComparesKeyByKey();
    void loopbackAddressesAreRecognised_data();
    void loopbackAddressesAreRecognised();
    void reportInChinese();
    void reportRoundTripsThroughTheAuditTrail();
    void probeTellsWhatThePasswordDoes();
    void restoreMovesDataBackAndTheVerificationSaysSo();
    void refusedFileKeepsTheDataAndTheVerificationSaysSo();
    void unreachableInstanceDoesNotHoldUpTheRestore();
    void demoSimulatorRunsRealServersAndStopsThem();

private:
    struct Run {
        std::unique_ptr<SimFixture> sim;
        std::unique_ptr<DcsClient> client;
        std::unique_ptr<FollowedRestores> followed;
        QString auditPath;
        Instance instance;
    };
    bool startRun(Run &run, const QStringList &extra = {});
    Backup makeBackup(Run &run);

    QTemporaryDir m_dir;
    int m_runs = 0;
    QTranslator m_english;
};

bool TestRestoreVerification::startRun(Run &run, const QStringList &extra) {
    run.sim = std::make_unique<SimFixture>();
    QStringList arguments{QStringLiteral("--redis-server"),    redisServerProgram(),
                          QStringLiteral("--backup-seconds"),  QStringLiteral("0.3"),
                          QStringLiteral("--restore-seconds"), QStringLiteral("0.3")};
    if (!run.sim->start(arguments + extra)) {
        qWarning("%s", qPrintable(run.sim->error()));
        return false;
    }
    run.client = std::make_unique<DcsClient>(configFor(*run.sim));
    run.auditPath = m_dir.filePath(QStringLiteral("audit-%1.jsonl").arg(++m_runs));
    run.followed = std::make_unique<FollowedRestores>(
        PendingRestoreFile(run.auditPath + QStringLiteral(".pending")), AuditLog(run.auditPath),
        RestoreRecordFollower::Timing{100, 300, 2.0, 60000});
    QObject context;
    for (const Instance &instance : instances(*run.client, &context)) {
        if (instance.name == QLatin1String("order-cache-prod"))
            run.instance = instance;
    }
    return run.instance.port > 0;
}

Backup TestRestoreVerification::makeBackup(Run &run) {
    QObject context;
    const ApiResult<QString> created = await<QString>([&](auto cb) {
        run.client->createBackup(run.instance.instanceId, QStringLiteral("before the test"),
                                 QStringLiteral("rdb"), &context, cb);
    });
    Backup made;
    (void)QTest::qWaitFor(
        [&] {
            for (const Backup &backup : backups(*run.client, run.instance.instanceId, &context)) {
                if (backup.backupId == created.value)
                    made = backup;
            }
            return made.isSucceeded() || made.status == QLatin1String("failed");
        },
        20000);
    return made;
}

void TestRestoreVerification::reportComparesKeyByKey() {
    InstanceFingerprint before;
    before.keysPerDatabase = {{0, 10234}, {1, 40}};
    before.keys = {print(0, "a", "string", "d1"),
                   print(0, "b", "hash", "d2"),
                   print(0, "c", "list", "d3"),
                   print(1, "d", "zset", "d4"),
                   print(0, "marker", "string", "d5", true),
                   print(0, "absent", "none", "", true)};
    InstanceFingerprint after;
    after.keysPerDatabase = {{0, 9836}, {1, 40}};
    after.keys = {print(0, "a", "string", "d1"),
                  print(0, "b", "hash", "d2-changed"),
                  print(0, "c", "none", ""),
                  print(1, "d", "set", "d4"),
                  print(0, "marker", "none", "", true),
                  print(0, "absent", "string", "x", true)};
    after.checkedWrites = true;
    after.writable = true;

    const VerificationReport report = VerificationReport::compare(before, after);
    QVERIFY(report.complete);
    QCOMPARE(report.keysBefore, 10274);
    QCOMPARE(report.keysAfter, 9876);
    QCOMPARE(report.sampled, 4);
    QCOMPARE(report.unchanged, 1);
    QCOMPARE(report.changed, 2); // another value, another type
    QCOMPARE(report.gone, 1);
    QCOMPARE(report.perDatabase.value(0), (std::pair<qint64, qint64>(10234, 9836)));
    QVERIFY(report.writable);
    QCOMPARE(report.summary(),
             QStringLiteral("Keys 10,274 → 9,876; of 4 sampled keys 1 unchanged, 2 changed, 1 "
                            "gone; the instance answers and accepts writes. Named keys: marker "
                            "gone, absent there again."));
    const QStringList details = report.details();
    QVERIFY(details.contains(QStringLiteral("Database 0: 10,234 → 9,836 keys")));
    QVERIFY(details.contains(QStringLiteral("db1 d: changed (was zset, now set)")));
    QVERIFY(details.contains(QStringLiteral("db0 marker: gone (named)")));

    after.writable = false;
    after.writeError = QStringLiteral("READONLY You can't write against a read only replica.");
    QVERIFY(VerificationReport::compare(before, after)
                .summary()
                .contains(QStringLiteral("refuses writes: READONLY")));
    QCOMPARE(VerificationReport::incomplete(QStringLiteral("no route")).summary(),
             QStringLiteral("Not verified: no route"));
}

void TestRestoreVerification::reportInChinese() {
    InstanceFingerprint before;
    before.keysPerDatabase = {{0, 1200}};
    before.keys = {print(0, "a", "string", "d1"), print(0, "m", "string", "d2", true)};
    InstanceFingerprint after = before;
    after.keysPerDatabase = {{0, 1199}};
    after.keys[1].type = "none";
    after.checkedWrites = true;
    after.writable = true;
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/dcs-console_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const QString summary = VerificationReport::compare(before, after).summary();
    QLocale::setDefault(QLocale::c());
    QCoreApplication::removeTranslator(&chinese);
    QCOMPARE(summary, QStringLiteral("键数 1,200 → 1,199；抽样的 1 个键中 1 个未变、0 个已变、0 "
                                     "个已消失；实例可访问且可写入。指定的键：m（已消失）。"));
}

void TestRestoreVerification::reportRoundTripsThroughTheAuditTrail() {
    InstanceFingerprint before;
    before.keysPerDatabase = {{0, 3}};
    before.keys = {print(0, "k1", "string", "x"), print(0, "m", "string", "y", true)};
    InstanceFingerprint after = before;
    after.keys[1].type = "none";
    after.keys[1].digest.clear();
    after.checkedWrites = true;
    after.writable = true;
    const VerificationReport report = VerificationReport::compare(before, after);
    const VerificationReport back = VerificationReport::fromJson(report.toJson());
    QCOMPARE(back.summary(), report.summary());
    QCOMPARE(back.details(), report.details());

    QTemporaryDir dir;
    AuditLog log(dir.filePath(QStringLiteral("audit.jsonl")));
    AuditRecord line;
    line.time = QDateTime::currentDateTimeUtc();
    line.event = QStringLiteral("verification");
    line.outcome = QStringLiteral("verified");
    line.verification = report.toJson();
    QVERIFY(log.append(line));
    const AuditLog::Contents contents = log.read();
    QCOMPARE(contents.records.size(), 1);
    QVERIFY(contents.records.first() == line);
    QVERIFY(
        QString::fromUtf8(AuditLog::toCsv(contents.records).toUtf8()).contains(report.summary()));

    // Fingerprints keep any key byte through JSON.
    InstanceFingerprint binary;
    binary.keys = {print(2, "bin\0ary\xff", "string", "d")};
    binary.keys[0].key = QByteArray("bin\0ary\xff", 8);
    QCOMPARE(InstanceFingerprint::fromJson(binary.toJson()).keys.first().key, binary.keys[0].key);
}

void TestRestoreVerification::probeTellsWhatThePasswordDoes() {
    if (redisServerProgram().isEmpty())
        QSKIP(qPrintable(noRedisMessage()));
    QTemporaryDir dir;
    const int port = freePort();
    const QString password = QStringLiteral("s3cret-Verify:pass");
    QProcess server;
    endWithThisProcess(server);
    server.setProgram(redisServerProgram());
    server.setArguments({QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), dir.path(),
                         QStringLiteral("--save"), QString(QLatin1String("")),
                         QStringLiteral("--requirepass"), password});
    server.start();
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(redisCommand(port, {"PING"}).isError(), 5000);

    RedisTarget target;
    target.host = QStringLiteral("127.0.0.1");
    target.port = port;
    RedisProbe probe = inBackground([target] { return probeRedis(target); });
    QCOMPARE(probe.outcome, RedisProbe::Outcome::NeedsPassword);
    target.password = QStringLiteral("wrong-one");
    probe = inBackground([target] { return probeRedis(target); });
    QCOMPARE(probe.outcome, RedisProbe::Outcome::WrongPassword);
    QVERIFY(!probe.message.contains(QLatin1String("wrong-one")));
    target.password = password;
    probe = inBackground([target] { return probeRedis(target); });
    QCOMPARE(probe.outcome, RedisProbe::Outcome::Answers);

    // With the password, a fingerprint; without, a message that never holds the password.
    auto connection = redisAt(port);
    QCOMPARE(connection->command({"AUTH", password.toUtf8()}).text, QByteArray("OK"));
    connection->command({"SET", "k", "v"});
    connection->command({"HSET", "h", "f", "1", "g", "2"});
    FingerprintRequest request;
    request.checkWrites = true;
    QString error;
    const auto fingerprint = inBackground([&] { return takeFingerprint(target, request, &error); });
    QVERIFY2(fingerprint.has_value(), qPrintable(error));
    QCOMPARE(fingerprint->totalKeys(), 2);
    QCOMPARE(fingerprint->keys.size(), 2);
    QVERIFY(fingerprint->writable);
    QVERIFY(!QJsonDocument(fingerprint->toJson()).toJson().contains(password.toUtf8()));
    QCOMPARE(redisAt(port)->command({"AUTH", password.toUtf8()}).text, QByteArray("OK"));
    target.password = QStringLiteral("not-it");
    const auto refused = inBackground([&] { return takeFingerprint(target, request, &error); });
    QVERIFY(!refused.has_value());
    QVERIFY(error.contains(QLatin1String("refused the password")));
    QVERIFY(!error.contains(QLatin1String("not-it")));
    server.terminate();
    QVERIFY(server.waitForFinished(5000));
}

void TestRestoreVerification::restoreMovesDataBackAndTheVerificationSaysSo() {
    if (redisServerProgram().isEmpty())
        QSKIP(qPrintable(noRedisMessage()));
    Run run;
    QVERIFY(startRun(run));
    const int port = run.instance.port;
    QCOMPARE(run.instance.ip, QStringLiteral("127.0.0.1"));

    // A key of the backup, then the backup.
    const QByteArray kept = "order:kept-for-the-test";
    auto redis = redisAt(port);
    QCOMPARE(redis->command({"HSET", kept, "status", "paid", "total", "12.50"}).integer, 2);
    const Backup backup = makeBackup(run);
    QVERIFY(backup.isSucceeded());

    // After it: a marker written, the kept key deleted.
    const QByteArray marker = "marker:written-after-the-backup";
    QCOMPARE(redis->command({"SET", marker, "1"}).text, QByteArray("OK"));
    QCOMPARE(redis->command({"DEL", kept}).integer, 1);
    // Every database's keys (order-cache-prod keeps its settings in database 1).
    auto allKeys = [port] {
        auto connection = redisAt(port);
        qint64 total = 0;
        for (const char *db : {"0", "1"}) {
            connection->command({"SELECT", db});
            total += connection->command({"DBSIZE"}).integer;
        }
        return total;
    };
    const qint64 keysBefore = allKeys();

    RestoreVerification::Options options;
    options.sampleSize = 300;
    options.namedKeys = {marker, kept};
    auto *verification = new RestoreVerification(RedisTarget::forInstance(run.instance), options,
                                                 run.followed.get());
    RestoreWorkflow workflow(run.client.get(),
                             {QStringLiteral("p"), QStringLiteral("Test"),
                              QStringLiteral("cn-north-4"), SimFixture::projectId()},
                             run.instance, backup, QStringLiteral("verify it"), {},
                             run.followed.get());
    verification->attach(&workflow, run.followed.get());
    QSignalSpy stages(&workflow, &RestoreWorkflow::stageChanged);
    QSignalSpy finished(verification, &RestoreVerification::finished);
    workflow.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
    QCOMPARE(workflow.restorePostsSent(), 1);
    QCOMPARE(stages.at(1).at(0).value<RestoreWorkflow::Stage>(),
             RestoreWorkflow::Stage::RecordingFingerprint);

    // The data moved: the marker is gone, the kept key is back as it was.
    redis = redisAt(port);
    QCOMPARE(redis->command({"EXISTS", marker}).integer, 0);
    QCOMPARE(redis->command({"HGET", kept, "total"}).text, QByteArray("12.50"));

    // And the verification says so.
    const VerificationReport report = finished.at(0).at(0).value<VerificationReport>();
    QVERIFY2(report.complete, qPrintable(report.error));
    QCOMPARE(report.keysBefore, keysBefore);
    QCOMPARE(report.keysAfter, allKeys());
    QCOMPARE(report.perDatabase.size(), 2);
    QVERIFY(report.sampled > 200);
    QCOMPARE(report.unchanged + report.changed + report.gone, report.sampled);
    QVERIFY(report.writable);
    bool markerGone = false;
    bool keptBack = false;
    for (const VerificationReport::Key &key : report.keys) {
        if (key.key == marker)
            markerGone = key.named && key.outcome == VerificationReport::KeyOutcome::Gone;
        if (key.key == kept)
            keptBack = key.named && key.outcome == VerificationReport::KeyOutcome::Back;
    }
    QVERIFY(markerGone);
    QVERIFY(keptBack);
    QVERIFY(report.summary().contains(QStringLiteral(
        "marker:written-after-the-backup gone, order:kept-for-the-test there again")));

    // In the audit trail: a verification line of that restore, after its finished line.
    const QList<AuditRecord> lines = AuditLog(run.auditPath).read().records;
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(1).event, QStringLiteral("finished"));
    QCOMPARE(lines.at(2).event, QStringLiteral("verification"));
    QCOMPARE(lines.at(2).outcome, QStringLiteral("verified"));
    QCOMPARE(lines.at(2).restoreId, workflow.restoreId());
    QCOMPARE(lines.at(2).finalStatus, QStringLiteral("succeed"));
    QCOMPARE(VerificationReport::fromJson(lines.at(2).verification).summary(), report.summary());
}

void TestRestoreVerification::refusedFileKeepsTheDataAndTheVerificationSaysSo() {
    if (redisServerProgram().isEmpty())
        QSKIP(qPrintable(noRedisMessage()));
    Run run;
    QVERIFY(startRun(run, {QStringLiteral("--fault"), QStringLiteral("damaged-restore-file")}));
    const Backup backup = makeBackup(run);
    QVERIFY(backup.isSucceeded());
    const QByteArray marker = "marker:written-after-the-backup";
    QCOMPARE(redisCommand(run.instance.port, {"SET", marker, "1"}).text, QByteArray("OK"));

    RestoreVerification::Options options;
    options.namedKeys = {marker};
    auto *verification = new RestoreVerification(RedisTarget::forInstance(run.instance), options,
                                                 run.followed.get());
    RestoreWorkflow workflow(run.client.get(), {}, run.instance, backup, {}, {},
                             run.followed.get());
    verification->attach(&workflow, run.followed.get());
    QSignalSpy finished(verification, &RestoreVerification::finished);
    workflow.start();
    QVERIFY(finished.wait(60000));
    const VerificationReport report = finished.at(0).at(0).value<VerificationReport>();
    QVERIFY(report.complete);
    QCOMPARE(report.keysAfter, report.keysBefore);
    QCOMPARE(report.unchanged, report.sampled);
    QCOMPARE(report.keys.size(), 1);
    QCOMPARE(report.keys.first().outcome, VerificationReport::KeyOutcome::Unchanged);
    QCOMPARE(AuditLog(run.auditPath).read().records.last().finalStatus, QStringLiteral("failed"));
}

void TestRestoreVerification::unreachableInstanceDoesNotHoldUpTheRestore() {
    // Simulated instances: nothing listens at their address. The restore goes on; the
    // verification says why it could not verify.
    SimFixture sim;
    QVERIFY2(sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("0.3")}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    QObject context;
    const Target target = restorableTarget(client, &context);
    QVERIFY(target.isValid());
    const QString auditPath = m_dir.filePath(QStringLiteral("unreachable.jsonl"));
    FollowedRestores followed(PendingRestoreFile(auditPath + QStringLiteral(".pending")),
                              AuditLog(auditPath), {100, 300, 2.0, 60000});
    RedisTarget nowhere;
    nowhere.host = QStringLiteral("127.0.0.1");
    nowhere.port = freePort();
    nowhere.timeoutMs = 1000;
    auto *verification = new RestoreVerification(nowhere, {}, &followed);
    RestoreWorkflow workflow(&client, {}, target.instance, target.backup, {}, {}, &followed);
    verification->attach(&workflow, &followed);
    QSignalSpy finished(verification, &RestoreVerification::finished);
    workflow.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(workflow.restorePostsSent(), 1);
    const VerificationReport report = finished.at(0).at(0).value<VerificationReport>();
    QVERIFY(!report.complete);
    QVERIFY2(report.summary().startsWith(QStringLiteral("Not verified: No fingerprint could be "
                                                        "taken before the restore: Cannot reach")),
             qPrintable(report.summary()));
    QCOMPARE(AuditLog(auditPath).read().records.last().outcome, QStringLiteral("not-verified"));
}

void TestRestoreVerification::demoSimulatorRunsRealServersAndStopsThem() {
    if (SimulatorProcess::installedRedisServer().isEmpty())
        QSKIP("Debian's /usr/bin/redis-server is not installed");
    QTemporaryDir dir;
    SimulatorProcess::Options options;
    options.program = QStringLiteral(DCS_SIM_PROGRAM);
    options.stateFile = dir.filePath(QStringLiteral("demo-state.json"));
    options.accessKey = SimFixture::accessKey();
    options.secretKey = SimFixture::secretKey();
    options.projectId = SimFixture::projectId();
    SimulatorProcess simulator(options);
    QCOMPARE(simulator.redisServer(), QStringLiteral("/usr/bin/redis-server"));
    QSignalSpy ready(&simulator, &SimulatorProcess::ready);
    simulator.start();
    QVERIFY(ready.wait(15000));
    ClientConfig config;
    config.endpoint = simulator.baseUrl();
    config.projectId = options.projectId;
    config.accessKey = options.accessKey;
    config.secretKey = options.secretKey;
    DcsClient client(config);
    QObject context;
    for (const Instance &instance : instances(client, &context)) {
        if (instance.name == QLatin1String("order-cache-prod")) {
            QCOMPARE(instance.ip, QStringLiteral("127.0.0.1"));
            QVERIFY(redisCommand(instance.port, {"DBSIZE"}).integer > 1000);
        }
    }
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("demo-state.redis/instances"))));
    simulator.stop();
    // Every server saved and went with it.
    const QStringList folders = QDir(dir.filePath(QStringLiteral("demo-state.redis/instances")))
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(folders.size(), 7);
    for (const QString &folder : folders) {
        QFile log(
            dir.filePath(QStringLiteral("demo-state.redis/instances/%1/redis.log").arg(folder)));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("Redis is now ready to exit"));
    }

    // Without real data the simulator is asked for none.
    options.realData = false;
    QVERIFY(SimulatorProcess(options).redisServer().isEmpty());
}

void TestRestoreVerification::loopbackAddressesAreRecognised_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("IPv4") << "127.0.0.1" << true;
    QTest::newRow("IPv4, elsewhere in 127/8") << "127.45.3.9" << true;
    QTest::newRow("IPv6") << "::1" << true;
    QTest::newRow("IPv6, written out") << "0:0:0:0:0:0:0:1" << true;
    QTest::newRow("IPv4 mapped into IPv6") << "::ffff:127.0.0.1" << true;
    QTest::newRow("private network") << "192.168.0.5" << false;
    QTest::newRow("IPv6 elsewhere") << "fe80::1" << false;
    QTest::newRow("a name, even this one") << "localhost" << false;
    QTest::newRow("a name that starts like it") << "127.0.0.1.example.com" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("not an address") << "127.0.0.256" << false;
}

void TestRestoreVerification::loopbackAddressesAreRecognised() {
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    RedisTarget target;
    target.host = host;
    target.port = 6379;
    QCOMPARE(target.isLoopback(), loopback);
}

QTEST_GUILESS_MAIN(TestRestoreVerification)
#include "tst_restoreverification.moc"
