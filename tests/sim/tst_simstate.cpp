// SimState and SimApi alone: rules, timing and persistence with a fake clock, no HTTP.

#include "DemoData.h"
#include "SimApi.h"
#include "SimState.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;
using namespace dcs::sim;

namespace {

const QDateTime Origin(QDate(2024, 5, 10), QTime(8, 30, 0), Qt::UTC);

QByteArray restoreBody(const QString &backupId, const QString &remark = QString()) {
    QJsonObject body{{QStringLiteral("backup_id"), backupId}};
    if (!remark.isNull())
        body.insert(QStringLiteral("remark"), remark);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Instance makeInstance(const QString &id, const QString &mode, const QString &status) {
    Instance instance;
    instance.instanceId = id;
    instance.name = id;
    instance.engine = QStringLiteral("Redis");
    instance.engineVersion = QStringLiteral("5.0");
    instance.status = status;
    instance.cacheMode = mode;
    instance.specCode = QStringLiteral("redis.%1.xu1.large.2").arg(mode);
    instance.resourceSpecCode = mode == QLatin1String("single")
                                    ? QStringLiteral("dcs.single_node")
                                    : QStringLiteral("dcs.master_standby");
    instance.usedMemoryMb = 100;
    instance.maxMemoryMb = 2048;
    instance.createdAt = Origin.addDays(-10);
    instance.hasShowFields = true;
    return instance;
}

Backup makeBackup(const QString &id, const QString &instanceId, const QString &status,
                  bool supportRestore = true) {
    Backup backup;
    backup.backupId = id;
    backup.instanceId = instanceId;
    backup.backupName = QStringLiteral("backup_") + id;
    backup.backupType = QStringLiteral("manual");
    backup.backupFormat = QStringLiteral("rdb");
    backup.status = status;
    backup.progress = 100.0;
    backup.supportRestore = supportRestore;
    backup.createdAt = Origin.addDays(-1);
    return backup;
}

// A backup that runs from the origin for an hour.
JobTimeline runningJob() {
    JobTimeline job;
    job.live = true;
    job.startAt = Origin.addSecs(-60);
    job.endAt = Origin.addSecs(3600);
    job.finalStatus = QStringLiteral("succeed");
    return job;
}

QJsonObject parse(const ApiAnswer &answer) {
    return QJsonDocument::fromJson(answer.body).object();
}

QString errorCode(const ApiAnswer &answer) {
    return parse(answer)
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

} // namespace

class TestSimState : public QObject {
    Q_OBJECT

private:
    QDateTime m_now = Origin;
    Clock clock() {
        return [this] {
            return m_now;
        };
    }
    // The rules fixture: one instance for each situation the refusal order must tell apart.
    void buildRulesState(SimState &state) {
        state.addInstance(makeInstance(QStringLiteral("single-error"), QStringLiteral("single"),
                                       QStringLiteral("ERROR")));
        state.addInstance(
            makeInstance(QStringLiteral("ha-ok"), QStringLiteral("ha"), QStringLiteral("RUNNING")));
        state.addInstance(makeInstance(QStringLiteral("ha-error"), QStringLiteral("ha"),
                                       QStringLiteral("ERROR")));
        state.addInstance(makeInstance(QStringLiteral("ha-busy"), QStringLiteral("ha"),
                                       QStringLiteral("RUNNING")));
        state.addInstance(makeInstance(QStringLiteral("ha-other"), QStringLiteral("ha"),
                                       QStringLiteral("RUNNING")));
        state.addBackup(
            makeBackup(QStringLiteral("b-ok"), QStringLiteral("ha-ok"), QStringLiteral("succeed")));
        state.addBackup(makeBackup(QStringLiteral("b-failed"), QStringLiteral("ha-ok"),
                                   QStringLiteral("failed")));
        state.addBackup(makeBackup(QStringLiteral("b-expired"), QStringLiteral("ha-ok"),
                                   QStringLiteral("expired")));
        state.addBackup(makeBackup(QStringLiteral("b-nosupport"), QStringLiteral("ha-ok"),
                                   QStringLiteral("succeed"), false));
        state.addBackup(makeBackup(QStringLiteral("b-other"), QStringLiteral("ha-other"),
                                   QStringLiteral("succeed")));
        state.addBackup(makeBackup(QStringLiteral("b-error"), QStringLiteral("ha-error"),
                                   QStringLiteral("succeed")));
        // ha-error also has a backup running: its status must still answer first (4049).
        state.addBackup(makeBackup(QStringLiteral("b-error-run"), QStringLiteral("ha-error"),
                                   QStringLiteral("waiting")),
                        runningJob());
        state.addBackup(makeBackup(QStringLiteral("b-busy"), QStringLiteral("ha-busy"),
                                   QStringLiteral("succeed")));
        state.addBackup(makeBackup(QStringLiteral("b-busy-run"), QStringLiteral("ha-busy"),
                                   QStringLiteral("waiting")),
                        runningJob());
    }

private Q_SLOTS:
    void init() { m_now = Origin; }

    void restoreRefusalOrder_data();
    void restoreRefusalOrder();
    void restoreWhileRestoringIs4097();
    void remarkCountsCharacters();
    void restoreTimeline();
    void restoreFailsWhenAsked();
    void backupTimeline();
    void backupFailsWhenAsked();
    void createBackupRefusals_data();
    void createBackupRefusals();
    void deleteBackup();
    void persistenceRoundTrip();
    void savedAfterEveryChange();
    void damagedFileRefused_data();
    void damagedFileRefused();
    void demoDataInvariants();
    void demoDataIsDeterministic();
    void instanceFilters();
    void generatedInstancesPageFast();
    void apiRoutes_data();
    void apiRoutes();
    void apiShapesAndQueryChecks();
};

void TestSimState::restoreRefusalOrder_data() {
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString longRemark(129, QLatin1Char('x'));
    // Each row is built so that every later rule would also refuse: only the order decides.
    QTest::newRow("1 unknown instance before empty body")
        << "nope" << QByteArray() << 404 << "DCS.3022";
    QTest::newRow("2 empty body before single-node")
        << "single-error" << QByteArray("  ") << 400 << "DCS.4004";
    QTest::newRow("2 non-JSON before single-node")
        << "single-error" << QByteArray("{backup_id:") << 400 << "DCS.4005";
    QTest::newRow("2 JSON array is not a body") << "ha-ok" << QByteArray("[]") << 400 << "DCS.4005";
    QTest::newRow("3 single-node before not running")
        << "single-error" << restoreBody(QStringLiteral("x"), longRemark) << 400 << "DCS.4086";
    QTest::newRow("4 not running before backup running")
        << "ha-error" << restoreBody(QStringLiteral("x"), longRemark) << 400 << "DCS.4049";
    QTest::newRow("5 backup running before bad backup_id")
        << "ha-busy" << restoreBody(QStringLiteral("x"), longRemark) << 400 << "DCS.4096";
    QTest::newRow("6 missing backup_id")
        << "ha-ok" << QByteArray(R"({"remark":"r"})") << 400 << "DCS.4800";
    QTest::newRow("6 backup_id not a string")
        << "ha-ok" << QByteArray(R"({"backup_id":42})") << 400 << "DCS.4800";
    QTest::newRow("6 unknown backup_id before remark")
        << "ha-ok" << restoreBody(QStringLiteral("nope"), longRemark) << 400 << "DCS.4800";
    QTest::newRow("6 another instance's backup")
        << "ha-ok" << restoreBody(QStringLiteral("b-other")) << 400 << "DCS.4800";
    QTest::newRow("7 failed backup before remark")
        << "ha-ok" << restoreBody(QStringLiteral("b-failed"), longRemark) << 400 << "DCS.4087";
    QTest::newRow("7 expired backup")
        << "ha-ok" << restoreBody(QStringLiteral("b-expired")) << 400 << "DCS.4087";
    QTest::newRow("7 is_support_restore FALSE")
        << "ha-ok" << restoreBody(QStringLiteral("b-nosupport")) << 400 << "DCS.4087";
    QTest::newRow("8 remark of 129 characters")
        << "ha-ok" << restoreBody(QStringLiteral("b-ok"), longRemark) << 400 << "DCS.4098";
    QTest::newRow("accepted") << "ha-ok" << restoreBody(QStringLiteral("b-ok"), QStringLiteral("r"))
                              << 200 << "";
}

void TestSimState::restoreRefusalOrder() {
    QFETCH(QString, instance);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    SimState state(clock());
    buildRulesState(state);
    const SimResult<QString> result = state.restore(instance, body);
    if (status == 200) {
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->code : QString()));
        QVERIFY(!result.value.isEmpty());
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error->code, code);
    QCOMPARE(result.error->httpStatus, status);
    QVERIFY(!result.error->message.isEmpty());
}

void TestSimState::restoreWhileRestoringIs4097() {
    SimState state(clock());
    buildRulesState(state);
    QVERIFY(state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).ok());
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->status, QStringLiteral("RESTORING"));
    // Even with a bad backup id: RESTORING answers before the backup checks.
    const SimResult<QString> again =
        state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("nope")));
    QVERIFY(!again.ok());
    QCOMPARE(again.error->code, QStringLiteral("DCS.4097"));
}

void TestSimState::remarkCountsCharacters() {
    SimState state(clock());
    buildRulesState(state);
    // 128 Chinese characters are 384 UTF-8 bytes, and allowed; 129 characters are not.
    const QString chinese128 = QString(128, QChar(0x6062));
    QCOMPARE(chinese128.toUtf8().size(), 384);
    const SimResult<QString> tooLong = state.restore(
        QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"), chinese128 + QChar(0x590D)));
    QCOMPARE(tooLong.error->code, QStringLiteral("DCS.4098"));
    // Characters outside the BMP count once, not as two UTF-16 units.
    QString emoji;
    for (int i = 0; i < 100; ++i)
        emoji += QString::fromUcs4(U"\U0001F600");
    QCOMPARE(characterCount(emoji), 100);
    QVERIFY(
        state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"), emoji)).ok());
    m_now = m_now.addSecs(60);
    QVERIFY(state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"), chinese128))
                .ok());
}

void TestSimState::restoreTimeline() {
    SimTiming timing;
    timing.restoreSeconds = 20;
    SimState state(clock(), timing);
    buildRulesState(state);
    const SimResult<QString> started = state.restore(
        QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"), QStringLiteral("why")));
    QVERIFY(started.ok());

    auto record = [&] {
        const QList<RestoreRecord> records = *state.restores(QStringLiteral("ha-ok"));
        for (const RestoreRecord &r : records) {
            if (r.restoreId == started.value)
                return r;
        }
        return RestoreRecord{};
    };
    auto instanceStatus = [&] {
        return state.instance(QStringLiteral("ha-ok"))->status;
    };

    QCOMPARE(record().status, QStringLiteral("waiting"));
    QCOMPARE(record().progress, 0.0);
    QCOMPARE(record().restoreRemark, QStringLiteral("why"));
    QCOMPARE(record().backupId, QStringLiteral("b-ok"));
    QCOMPARE(record().backupName, QStringLiteral("backup_b-ok"));
    QCOMPARE(record().restoreName, QStringLiteral("restore_20240510083000"));
    QCOMPARE(record().createdAt, Origin);
    QCOMPARE(instanceStatus(), QStringLiteral("RESTORING"));

    m_now = Origin.addSecs(2); // a tenth of the time waiting
    QCOMPARE(record().status, QStringLiteral("restoring"));
    QCOMPARE(record().progress, 0.0);
    m_now = Origin.addSecs(11);
    QCOMPARE(record().status, QStringLiteral("restoring"));
    QCOMPARE(record().progress, 50.0);
    QCOMPARE(instanceStatus(), QStringLiteral("RESTORING"));
    QVERIFY(record().isRunning());

    m_now = Origin.addMSecs(19999);
    QCOMPARE(record().status, QStringLiteral("restoring"));
    QVERIFY(record().progress < 100.0);
    m_now = Origin.addSecs(20);
    QCOMPARE(record().status, QStringLiteral("succeed"));
    QCOMPARE(record().progress, 100.0);
    QCOMPARE(record().updatedAt, Origin.addSecs(20));
    QVERIFY(record().errorCode.isEmpty());
    QCOMPARE(instanceStatus(), QStringLiteral("RUNNING"));
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->updateAt, Origin.addSecs(20));

    // Freezing the finished job changes nothing that can be seen.
    const RestoreRecord before = record();
    QVERIFY(state.advance());
    QVERIFY(!state.advance());
    QCOMPARE(record(), before);

    // The instance is free again.
    QVERIFY(state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).ok());
}

void TestSimState::restoreFailsWhenAsked() {
    SimTiming timing;
    timing.restoreSeconds = 20;
    timing.restoresFail = true;
    SimState state(clock(), timing);
    buildRulesState(state);
    QVERIFY(state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).ok());
    m_now = Origin.addSecs(5);
    QCOMPARE(state.restores(QStringLiteral("ha-ok"))->constFirst().status,
             QStringLiteral("restoring"));
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->status, QStringLiteral("RESTORING"));
    m_now = Origin.addSecs(20);
    const RestoreRecord record = state.restores(QStringLiteral("ha-ok"))->constFirst();
    QCOMPARE(record.status, QStringLiteral("failed"));
    QCOMPARE(record.errorCode, QStringLiteral("dcs.08.0007"));
    QVERIFY(record.progress < 100.0);
    QVERIFY(record.updatedAt <= Origin.addSecs(20));
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->status, QStringLiteral("RUNNING"));
}

void TestSimState::backupTimeline() {
    SimTiming timing;
    timing.backupSeconds = 10;
    SimState state(clock(), timing);
    buildRulesState(state);
    const SimResult<QString> created = state.createBackup(
        QStringLiteral("ha-ok"), R"({"remark":"nightly","backup_format":"AOF"})");
    QVERIFY(created.ok());
    auto backup = [&] {
        const QList<Backup> backups = *state.backups(QStringLiteral("ha-ok"));
        return backups.constFirst(); // newest first
    };
    QCOMPARE(backup().backupId, created.value);
    QCOMPARE(backup().status, QStringLiteral("waiting"));
    QCOMPARE(backup().backupFormat, QStringLiteral("aof"));
    QCOMPARE(backup().backupType, QStringLiteral("manual"));
    QCOMPARE(backup().remark, QStringLiteral("nightly"));
    QCOMPARE(backup().backupName, QStringLiteral("backup_20240510083000"));
    QVERIFY(!backup().executionAt.isValid());

    // A running backup blocks restores and other backups.
    QCOMPARE(
        state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).error->code,
        QStringLiteral("DCS.4096"));
    QCOMPARE(state.createBackup(QStringLiteral("ha-ok"), {}).error->code,
             QStringLiteral("DCS.4096"));

    m_now = Origin.addSecs(1);
    QCOMPARE(backup().status, QStringLiteral("backuping"));
    QCOMPARE(backup().executionAt, Origin.addSecs(1));
    m_now = Origin.addMSecs(5500);
    QCOMPARE(backup().progress, 50.0);
    m_now = Origin.addSecs(10);
    QCOMPARE(backup().status, QStringLiteral("succeed"));
    QCOMPARE(backup().progress, 100.0);
    QCOMPARE(backup().updatedAt, Origin.addSecs(10));
    QVERIFY(backup().size > 0);
    QVERIFY(backup().supportRestore);

    // And the new backup can be restored from.
    QVERIFY(state.restore(QStringLiteral("ha-ok"), restoreBody(created.value)).ok());
}

void TestSimState::backupFailsWhenAsked() {
    SimTiming timing;
    timing.backupSeconds = 10;
    timing.backupsFail = true;
    SimState state(clock(), timing);
    buildRulesState(state);
    const SimResult<QString> created = state.createBackup(QStringLiteral("ha-ok"), {});
    QVERIFY(created.ok());
    m_now = Origin.addSecs(10);
    const Backup backup = state.backups(QStringLiteral("ha-ok"))->constFirst();
    QCOMPARE(backup.status, QStringLiteral("failed"));
    QCOMPARE(backup.errorCode, QStringLiteral("dcs.08.0001"));
    QCOMPARE(state.restore(QStringLiteral("ha-ok"), restoreBody(created.value)).error->code,
             QStringLiteral("DCS.4087"));
}

void TestSimState::createBackupRefusals_data() {
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown instance") << "nope" << QByteArray("{}") << "DCS.3022";
    QTest::newRow("not JSON") << "ha-ok" << QByteArray("remark=x") << "DCS.4005";
    QTest::newRow("single-node") << "single-error" << QByteArray("{}") << "DCS.4086";
    QTest::newRow("not running") << "ha-error" << QByteArray("{}") << "DCS.4049";
    QTest::newRow("backup running") << "ha-busy" << QByteArray("{}") << "DCS.4096";
    QTest::newRow("remark too long")
        << "ha-ok" << QByteArray(R"({"remark":")" + QByteArray(129, 'r') + R"("})") << "DCS.4098";
    QTest::newRow("bad format") << "ha-ok" << QByteArray(R"({"backup_format":"zip"})")
                                << "DCS.4800";
    QTest::newRow("empty body is fine") << "ha-ok" << QByteArray() << "";
}

void TestSimState::createBackupRefusals() {
    QFETCH(QString, instance);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    SimState state(clock());
    buildRulesState(state);
    const SimResult<QString> result = state.createBackup(instance, body);
    if (code.isEmpty()) {
        QVERIFY(result.ok());
        QCOMPARE(state.backups(instance)->constFirst().backupFormat, QStringLiteral("rdb"));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error->code, code);
}

void TestSimState::deleteBackup() {
    SimState state(clock());
    buildRulesState(state);
    QCOMPARE(state.deleteBackup(QStringLiteral("nope"), QStringLiteral("b-ok")).error->code,
             QStringLiteral("DCS.3022"));
    QCOMPARE(state.deleteBackup(QStringLiteral("ha-ok"), QStringLiteral("b-other")).error->code,
             QStringLiteral("DCS.4800"));
    QCOMPARE(
        state.deleteBackup(QStringLiteral("ha-busy"), QStringLiteral("b-busy-run")).error->code,
        QStringLiteral("DCS.4096"));
    // The backup a restore is reading cannot go.
    QVERIFY(state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).ok());
    QCOMPARE(state.deleteBackup(QStringLiteral("ha-ok"), QStringLiteral("b-ok")).error->code,
             QStringLiteral("DCS.4097"));
    m_now = Origin.addSecs(60);
    QVERIFY(state.deleteBackup(QStringLiteral("ha-ok"), QStringLiteral("b-ok")).ok());
    Backup deleted;
    const QList<Backup> afterDelete = *state.backups(QStringLiteral("ha-ok"));
    for (const Backup &backup : afterDelete) {
        if (backup.backupId == QLatin1String("b-ok"))
            deleted = backup;
    }
    QCOMPARE(deleted.status, QStringLiteral("deleted"));
    QVERIFY(!deleted.supportRestore);
    QCOMPARE(state.deleteBackup(QStringLiteral("ha-ok"), QStringLiteral("b-ok")).error->code,
             QStringLiteral("DCS.4800"));
    QCOMPARE(
        state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).error->code,
        QStringLiteral("DCS.4087"));
}

void TestSimState::persistenceRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("state.json"));
    SimTiming timing;
    timing.restoreSeconds = 20;
    QString restoreId;
    QByteArray savedJson;
    {
        SimState state(clock(), timing);
        demo::seed(state, Origin);
        state.setStateFile(file);
        QVERIFY(state.save());
        const SimResult<QString> started = state.restore(
            demo::instanceId(demo::restorableInstanceName()),
            restoreBody(demo::backupId(demo::restorableInstanceName(), 1), QStringLiteral("rt")));
        QVERIFY2(started.ok(), qPrintable(started.error ? started.error->code : QString()));
        restoreId = started.value;
        savedJson = state.toJson();
    }
    // A new process: the same file, the clock moved on; the restore kept running meanwhile.
    m_now = Origin.addSecs(11);
    SimState reloaded(clock(), timing);
    QString error;
    QCOMPARE(reloaded.load(file, &error), SimState::LoadResult::Loaded);
    QVERIFY(error.isEmpty());
    m_now = Origin;
    QCOMPARE(reloaded.toJson(), savedJson);
    m_now = Origin.addSecs(11);
    const QString id = demo::instanceId(demo::restorableInstanceName());
    QCOMPARE(reloaded.instance(id)->status, QStringLiteral("RESTORING"));
    RestoreRecord record = reloaded.restores(id)->constFirst();
    QCOMPARE(record.restoreId, restoreId);
    QCOMPARE(record.status, QStringLiteral("restoring"));
    QCOMPARE(record.progress, 50.0);
    QCOMPARE(record.restoreRemark, QStringLiteral("rt"));
    m_now = Origin.addSecs(25);
    QCOMPARE(reloaded.restores(id)->constFirst().status, QStringLiteral("succeed"));
    QCOMPARE(reloaded.instance(id)->status, QStringLiteral("RUNNING"));

    // Every instance, backup and record survives the trip unchanged.
    SimState original(clock(), timing);
    demo::seed(original, Origin);
    SimState copy(clock(), timing);
    QVERIFY(copy.fromJson(original.toJson(), &error));
    QCOMPARE(copy.allInstances(), original.allInstances());
    for (const Instance &instance : original.allInstances()) {
        QCOMPARE(*copy.backups(instance.instanceId), *original.backups(instance.instanceId));
        QCOMPARE(*copy.restores(instance.instanceId), *original.restores(instance.instanceId));
    }
}

void TestSimState::savedAfterEveryChange() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    SimState state(clock());
    buildRulesState(state);
    state.setStateFile(file);
    const SimResult<QString> backup = state.createBackup(QStringLiteral("ha-ok"), {});
    QVERIFY(backup.ok());
    auto fileText = [&] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QVERIFY(fileText().contains(backup.value.toUtf8()));
    m_now = Origin.addSecs(30);
    const SimResult<QString> restore =
        state.restore(QStringLiteral("ha-ok"), restoreBody(backup.value));
    QVERIFY(restore.ok());
    QVERIFY(fileText().contains(restore.value.toUtf8()));
    // A refused call changes nothing and writes nothing.
    QFile::remove(file);
    QVERIFY(!state.restore(QStringLiteral("ha-ok"), restoreBody(backup.value)).ok());
    QVERIFY(!QFile::exists(file));
}

void TestSimState::damagedFileRefused_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"dcs-sim-state\", ");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("other format") << QByteArray(R"({"format":"x","version":1,"instances":[],)"
                                                R"("backups":[],"restores":[]})");
    QTest::newRow("no instances") << QByteArray(R"({"format":"dcs-sim-state","version":1})");
    QTest::newRow("instance without id")
        << QByteArray(R"({"format":"dcs-sim-state","version":1,"instances":[{"name":"a"}],)"
                      R"("backups":[],"restores":[]})");
    QTest::newRow("backup of unknown instance")
        << QByteArray(R"({"format":"dcs-sim-state","version":1,"instances":[],)"
                      R"("backups":[{"record":{"backup_id":"b","instance_id":"i"}}],)"
                      R"("restores":[]})");
}

void TestSimState::damagedFileRefused() {
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    SimState state(clock());
    demo::seed(state, Origin);
    const QByteArray before = state.toJson();
    QString error;
    QCOMPARE(state.load(file, &error), SimState::LoadResult::Damaged);
    QVERIFY(!error.isEmpty());
    QCOMPARE(state.toJson(), before); // nothing half-loaded
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content); // and the user's file untouched

    QCOMPARE(state.load(dir.filePath(QStringLiteral("missing.json")), &error),
             SimState::LoadResult::Missing);
}

void TestSimState::demoDataInvariants() {
    SimState state(clock());
    demo::seed(state, Origin);
    const QList<Instance> instances = state.allInstances();
    QVERIFY(instances.size() >= 8);

    QSet<QString> modes, versions, statuses, engines, backupStatuses;
    bool upperCaseRdb = false, unsupported = false, manual = false, automatic = false;
    bool succeededRestore = false, failedRestore = false;
    for (const Instance &instance : instances) {
        modes.insert(instance.cacheMode);
        versions.insert(instance.engineVersion);
        statuses.insert(instance.status);
        engines.insert(instance.engine);
        QVERIFY(!instance.name.isEmpty());
        QVERIFY(instance.ip.startsWith(QLatin1String("192.168.")));
        if (instance.engine == QLatin1String("Redis"))
            QCOMPARE(instance.port, 6379);
        QVERIFY(instance.usedMemoryMb <= instance.maxMemoryMb);
        QVERIFY(!instance.domainName.isEmpty());
        QVERIFY(!instance.vpcId.isEmpty());
        // The type is in spec_code's second segment (§1) and agrees with the legacy code.
        if (instance.engine == QLatin1String("Redis")) {
            const QString second = instance.specCode.section(QLatin1Char('.'), 1, 1);
            QCOMPARE(second, instance.cacheMode);
            QCOMPARE(instanceTypeFromSpecCode(instance.specCode),
                     instanceTypeFromCacheMode(instance.cacheMode));
        }
        const InstanceType legacy = instanceTypeFromResourceSpecCode(instance.resourceSpecCode);
        if (instance.cacheMode == QLatin1String("proxy"))
            QCOMPARE(legacy, InstanceType::Cluster); // the legacy codes know no proxy
        else
            QCOMPARE(legacy, instanceTypeFromCacheMode(instance.cacheMode));

        const QList<Backup> backups = *state.backups(instance.instanceId);
        const bool restorable = instance.supportsBackup() &&
                                instance.status != QLatin1String("CREATING") &&
                                instance.status != QLatin1String("CREATEFAILED");
        if (restorable) {
            QVERIFY2(backups.size() >= 5, qPrintable(instance.name));
            QSet<QString> types, formats;
            for (const Backup &backup : backups) {
                types.insert(backup.backupType);
                formats.insert(backup.normalizedFormat());
                QCOMPARE(backup.instanceId, instance.instanceId);
            }
            QVERIFY(types.contains(QStringLiteral("manual")) &&
                    types.contains(QStringLiteral("auto")));
            QVERIFY(formats.contains(QStringLiteral("rdb")) &&
                    formats.contains(QStringLiteral("aof")));
        } else if (!instance.supportsBackup()) {
            QVERIFY(backups.isEmpty());
        }
        for (const Backup &backup : backups) {
            backupStatuses.insert(backup.status);
            upperCaseRdb |= backup.backupFormat == QLatin1String("RDB");
            unsupported |= !backup.supportRestore;
            manual |= backup.isManual();
            automatic |= !backup.isManual();
        }
        const QList<RestoreRecord> records = *state.restores(instance.instanceId);
        for (const RestoreRecord &record : records) {
            succeededRestore |= record.status == QLatin1String("succeed");
            failedRestore |= record.status == QLatin1String("failed") &&
                             record.errorCode == QLatin1String("dcs.08.0007");
        }
        // A RESTORING instance has the running record to show for it.
        if (instance.status == QLatin1String("RESTORING")) {
            QVERIFY(std::any_of(records.cbegin(), records.cend(),
                                [](const RestoreRecord &r) { return r.isRunning(); }));
        }
    }
    for (const char *mode : {"single", "ha", "cluster", "proxy"})
        QVERIFY2(modes.contains(QString::fromLatin1(mode)), mode);
    for (const char *version : {"4.0", "5.0", "6.0"})
        QVERIFY2(versions.contains(QString::fromLatin1(version)), version);
    QVERIFY(engines.contains(QStringLiteral("Memcached")));
    for (const char *status : {"RUNNING", "RESTORING", "ERROR", "CREATING"})
        QVERIFY2(statuses.contains(QString::fromLatin1(status)), status);
    for (const char *status : {"waiting", "backuping", "succeed", "failed", "expired", "deleted"})
        QVERIFY2(backupStatuses.contains(QString::fromLatin1(status)), status);
    QVERIFY(upperCaseRdb);
    QVERIFY(unsupported);
    QVERIFY(manual && automatic);
    QVERIFY(succeededRestore);
    QVERIFY(failedRestore);

    // The first ha instance of the list can be restored right away.
    const SimState::InstancePage page = state.listInstances({}, 1, 1000);
    const auto firstHa =
        std::find_if(page.items.cbegin(), page.items.cend(),
                     [](const Instance &i) { return i.type() == InstanceType::MasterStandby; });
    QVERIFY(firstHa != page.items.cend());
    QCOMPARE(firstHa->name, demo::restorableInstanceName());
    QCOMPARE(firstHa->status, QStringLiteral("RUNNING"));
    const QList<Backup> firstHaBackups = *state.backups(firstHa->instanceId);
    for (const Backup &backup : firstHaBackups)
        QVERIFY(!backup.isRunning());
    QVERIFY(state
                .restore(firstHa->instanceId,
                         restoreBody(demo::backupId(demo::restorableInstanceName(), 1)))
                .ok());

    // CREATEFAILED only with include_failure.
    InstanceFilter withFailures;
    withFailures.includeFailure = true;
    QCOMPARE(state.listInstances(withFailures, 1, 1000).total, page.total + 1);
}

void TestSimState::demoDataIsDeterministic() {
    SimState a(clock());
    demo::seed(a, Origin);
    demo::addGeneratedInstances(a, 20, Origin);
    SimState b(clock());
    demo::seed(b, Origin);
    demo::addGeneratedInstances(b, 20, Origin);
    QCOMPARE(a.toJson(), b.toJson());
    // Adding the same generated instances again adds nothing.
    demo::addGeneratedInstances(b, 20, Origin);
    QCOMPARE(b.instanceCount(), a.instanceCount());
}

void TestSimState::instanceFilters() {
    SimState state(clock());
    demo::seed(state, Origin);
    InstanceFilter filter;
    const int all = state.listInstances(filter, 1, 1000).total;

    filter.name = QStringLiteral("CACHE"); // fuzzy, any case
    const SimState::InstancePage fuzzy = state.listInstances(filter, 1, 1000);
    QVERIFY(fuzzy.total >= 3);
    for (const Instance &instance : fuzzy.items)
        QVERIFY(instance.name.contains(QLatin1String("cache"), Qt::CaseInsensitive));
    filter.exactName = true;
    QCOMPARE(state.listInstances(filter, 1, 1000).total, 0);
    filter.name = demo::restorableInstanceName();
    QCOMPARE(state.listInstances(filter, 1, 1000).total, 1);

    filter = {};
    filter.status = QStringLiteral("RESTORING");
    const SimState::InstancePage restoring = state.listInstances(filter, 1, 1000);
    QCOMPARE(restoring.total, 1);
    QCOMPARE(restoring.items.constFirst().name, demo::restoringInstanceName());

    filter = {};
    filter.ip = QStringLiteral("192.168.1.12"); // one node of a cluster
    QCOMPARE(state.listInstances(filter, 1, 1000).items.constFirst().name,
             QStringLiteral("session-store"));
    filter = {};
    filter.tags = {{QStringLiteral("team"), QStringLiteral("payments")}};
    QCOMPARE(state.listInstances(filter, 1, 1000).total, 1);
    filter.tags = {{QStringLiteral("env"), QString()}};
    QCOMPARE(state.listInstances(filter, 1, 1000).total, all);

    // Paging: 1-based start, the total stays the whole count.
    const SimState::InstancePage first = state.listInstances({}, 1, 3);
    const SimState::InstancePage second = state.listInstances({}, 4, 3);
    QCOMPARE(first.total, all);
    QCOMPARE(first.items.size(), 3);
    QCOMPARE(second.items.size(), 3);
    QVERIFY(first.items.constLast().createdAt > second.items.constFirst().createdAt);
    QCOMPARE(state.listInstances({}, all + 1, 3).items.size(), 0);
}

void TestSimState::generatedInstancesPageFast() {
    SimState state(clock());
    demo::seed(state, Origin);
    demo::addGeneratedInstances(state, 2500, Origin);
    QCOMPARE(state.instanceCount(), 2510);
    SimApi api(&state, QStringLiteral("p"));
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    int total = 0;
    for (int start = 1; start == 1 || start <= total; start += 1000) {
        const ApiAnswer answer =
            api.handle(SimApi::route("GET", QStringLiteral("/v1.0/p/instances")),
                       {{QStringLiteral("start"), QString::number(start)},
                        {QStringLiteral("limit"), QStringLiteral("1000")}},
                       {});
        QCOMPARE(answer.status, 200);
        const QJsonObject object = parse(answer);
        total = object.value(QLatin1String("instance_num")).toInt();
        seen += object.value(QLatin1String("instances")).toArray().size();
    }
    QCOMPARE(seen, total);
    QCOMPARE(total, 2509); // the CREATEFAILED one is hidden
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    // The demo set stays on the first page, ahead of the generated ones.
    const SimState::InstancePage page = state.listInstances({}, 1, 9);
    for (const Instance &instance : page.items)
        QVERIFY2(!instance.name.startsWith(QLatin1String("gen-")), qPrintable(instance.name));
}

void TestSimState::apiRoutes_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    using K = Route::Kind;
    QTest::newRow("list") << QByteArray("GET") << "/v1.0/p/instances" << int(K::ListInstances);
    QTest::newRow("list /") << QByteArray("GET") << "/v1.0/p/instances/" << int(K::ListInstances);
    QTest::newRow("show") << QByteArray("GET") << "/v1.0/p/instances/i" << int(K::ShowInstance);
    QTest::newRow("backups") << QByteArray("GET") << "/v1.0/p/instances/i/backups"
                             << int(K::ListBackups);
    QTest::newRow("backup") << QByteArray("POST") << "/v1.0/p/instances/i/backups/"
                            << int(K::CreateBackup);
    QTest::newRow("delete") << QByteArray("DELETE") << "/v1.0/p/instances/i/backups/b"
                            << int(K::DeleteBackup);
    QTest::newRow("restore") << QByteArray("POST") << "/v1.0/p/instances/i/restores"
                             << int(K::Restore);
    QTest::newRow("restores") << QByteArray("GET") << "/v1.0/p/instances/i/restores"
                              << int(K::ListRestores);
    QTest::newRow("405") << QByteArray("DELETE") << "/v1.0/p/instances/i/restores"
                         << int(K::MethodNotAllowed);
    QTest::newRow("405 list") << QByteArray("PUT") << "/v1.0/p/instances"
                              << int(K::MethodNotAllowed);
    QTest::newRow("404 v2") << QByteArray("GET") << "/v2/p/instances" << int(K::NotFound);
    QTest::newRow("404 deep") << QByteArray("GET") << "/v1.0/p/instances/i/backups/b/x"
                              << int(K::NotFound);
    QTest::newRow("404 root") << QByteArray("GET") << "/" << int(K::NotFound);
}

void TestSimState::apiRoutes() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QCOMPARE(int(SimApi::route(method, path).kind), kind);
}

void TestSimState::apiShapesAndQueryChecks() {
    SimState state(clock());
    demo::seed(state, Origin);
    SimApi api(&state, QStringLiteral("p"));
    auto get = [&](const QString &path, const QueryItems &query = {}) {
        return api.handle(SimApi::route("GET", path), query, {});
    };

    const ApiAnswer list = get(QStringLiteral("/v1.0/p/instances"));
    QCOMPARE(list.status, 200);
    const QJsonObject listObject = parse(list);
    QVERIFY(listObject.value(QLatin1String("instance_num")).isDouble());
    const QJsonObject first =
        listObject.value(QLatin1String("instances")).toArray().first().toObject();
    QVERIFY(!first.contains(QLatin1String("cache_mode"))); // v1 list: none
    QVERIFY(first.value(QLatin1String("no_password_access")).isString());
    QVERIFY(first.value(QLatin1String("max_memory")).isDouble());

    const QString id = demo::instanceId(demo::restorableInstanceName());
    const QJsonObject show = parse(get(QStringLiteral("/v1.0/p/instances/") + id));
    QCOMPARE(show.value(QLatin1String("cache_mode")).toString(), QStringLiteral("ha"));
    QCOMPARE(errorCode(get(QStringLiteral("/v1.0/p/instances/nope"))), QStringLiteral("DCS.3022"));
    QCOMPARE(errorCode(get(QStringLiteral("/v1.0/other/instances"))), QStringLiteral("DCS.1004"));

    const QJsonObject backups = parse(get(QStringLiteral("/v1.0/p/instances/%1/backups").arg(id)));
    const QJsonArray records = backups.value(QLatin1String("backup_record_response")).toArray();
    QCOMPARE(records.size(), 8); // default limit 10, eight backups
    QCOMPARE(backups.value(QLatin1String("total_num")).toInt(), 8);
    const QJsonObject backup = records.first().toObject();
    QVERIFY(backup.value(QLatin1String("is_support_restore")).isString());
    QVERIFY(backup.value(QLatin1String("progress")).isString());
    QVERIFY(backup.value(QLatin1String("size")).isDouble());
    // Newest first.
    QVERIFY(records.at(0).toObject().value(QLatin1String("created_at")).toString() >
            records.at(1).toObject().value(QLatin1String("created_at")).toString());

    // The time range: only the backups of the last two days (20.5 h, 27.25 h, 44.5 h ago).
    const QString begin = Origin.addDays(-2).toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString end = Origin.toString(QStringLiteral("yyyyMMddHHmmss"));
    const QJsonObject ranged =
        parse(get(QStringLiteral("/v1.0/p/instances/%1/backups").arg(id),
                  {{QStringLiteral("beginTime"), begin}, {QStringLiteral("endTime"), end}}));
    QCOMPARE(ranged.value(QLatin1String("total_num")).toInt(), 3);

    const QJsonObject restores =
        parse(get(QStringLiteral("/v1.0/p/instances/%1/restores").arg(id)));
    const QJsonObject restore =
        restores.value(QLatin1String("restore_record_response")).toArray().first().toObject();
    QVERIFY(restore.contains(QLatin1String("restore_remark")));
    QVERIFY(!restore.contains(QLatin1String("remark")));

    const QString backupsPath = QStringLiteral("/v1.0/p/instances/%1/backups").arg(id);
    for (const QueryItems &bad : QList<QueryItems>{
             {{QStringLiteral("start"), QStringLiteral("0")}},
             {{QStringLiteral("start"), QStringLiteral("x")}},
             {{QStringLiteral("limit"), QStringLiteral("1001")}},
             {{QStringLiteral("limit"), QStringLiteral("0")}},
             {{QStringLiteral("beginTime"), QStringLiteral("2024-05-10")}},
             {{QStringLiteral("endTime"), QStringLiteral("20241310000000")}},
             {{QStringLiteral("beginTime"), end}, {QStringLiteral("endTime"), begin}},
         }) {
        const ApiAnswer answer = get(backupsPath, bad);
        QCOMPARE(answer.status, 400);
        QCOMPARE(errorCode(answer), QStringLiteral("DCS.4800"));
    }
    for (const QueryItems &bad : QList<QueryItems>{
             {{QStringLiteral("include_failure"), QStringLiteral("yes")}},
             {{QStringLiteral("status"), QStringLiteral("SLEEPING")}},
             {{QStringLiteral("isExactMatchName"), QStringLiteral("1")}},
             {{QStringLiteral("tags"), QStringLiteral("=x")}},
         }) {
        QCOMPARE(errorCode(get(QStringLiteral("/v1.0/p/instances"), bad)),
                 QStringLiteral("DCS.4800"));
    }

    // The v1 error shape, exactly.
    const QJsonObject error = parse(SimApi::dcsError(QStringLiteral("DCS.4097")));
    QCOMPARE(error.keys(), QStringList{QStringLiteral("error")});
    const QJsonObject inner = error.value(QLatin1String("error")).toObject();
    QCOMPARE(inner.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("ext_message"),
                                        QStringLiteral("message")}));
    QVERIFY(inner.value(QLatin1String("ext_message")).isNull());
}

QTEST_GUILESS_MAIN(TestSimState)
#include "tst_simstate.moc"
