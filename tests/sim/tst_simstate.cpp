// SimState and SimApi alone: rules, timing and persistence with a fake clock, no HTTP.

#include "BackupFileDevice.h"
#include "DemoData.h"
#include "RowJson.h"
#include "SimApi.h"
#include "SimState.h"
#include "model/BackupLinks.h"
#include "model/BackupPolicy.h"
#include "model/StatusCounts.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtEndian>

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
    void changeThatCannotBeSavedIsUndone();
    void damagedFileRefused_data();
    void damagedFileRefused();
    void demoDataInvariants();
    void demoSetsTellTheirHealthStory();
    void automaticBackupsRunInTheirWindow();
    void automaticBackupsOfARealServerAreReal();
    void automaticBackupsCatchUpWithinSaveDays();
    void automaticBackupsFailWhenTold();
    void automaticBackupsOnlyWhereThePolicySays();
    void demoDataIsDeterministic();
    void instanceFilters();
    void generatedInstancesPageFast();
    void pagesAreWhatTheRecordsRenderTo();
    void rowsAreWhatQJsonDocumentWrites();
    void manyBackupsServedNewestFirstInWindows();
    void stateFileInCreationOrderIsServedNewestFirst();
    void apiRoutes_data();
    void apiRoutes();
    void apiShapesAndQueryChecks();
    void v2ShapesFromTheSameState();
    void v2EmptyListsAndDeleteAre204();
    void v2TasksCountsAndPolicy();
    void v2LinksPointAtFilesThatExpire();
    void realJobsFollowTheWork();
    void realServersPersistAndShowTheirAddress();
    void offlineAddressesHideTheMadeUpOnes();
    void backupFilesAreRdbOrAofOfTheAnnouncedSize_data();
    void backupFilesAreRdbOrAofOfTheAnnouncedSize();
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

void TestSimState::realJobsFollowTheWork() {
    SimTiming timing;
    timing.restoreSeconds = 20;
    timing.backupSeconds = 10;
    SimState state(clock(), timing);
    buildRulesState(state);
    state.setRedisServer(QStringLiteral("ha-ok"), 40000);
    // No real work ever comes for an instance without a server: its jobs stay timed.
    QVERIFY(state.dueRealJobs().isEmpty());

    // A backup: waits for a worker, then runs until the work says how it ended.
    const SimResult<QString> backup = state.createBackup(QStringLiteral("ha-ok"), {});
    QVERIFY(backup.ok());
    auto backupRecord = [&] {
        const QList<Backup> all = *state.backups(QStringLiteral("ha-ok"));
        for (const Backup &b : all) {
            if (b.backupId == backup.value)
                return b;
        }
        return Backup{};
    };
    QCOMPARE(backupRecord().status, QStringLiteral("waiting"));
    QVERIFY(state.dueRealJobs().isEmpty());
    m_now = Origin.addSecs(1);
    QCOMPARE(state.dueRealJobs().size(), 1);
    const RealJob job = state.dueRealJobs().constFirst();
    QCOMPARE(job.kind, RealJob::Kind::Backup);
    QCOMPARE(job.backupId, backup.value);
    QCOMPARE(job.format, QStringLiteral("rdb"));
    QVERIFY(!job.resumed);
    m_now = Origin.addSecs(3600); // long past any timed end
    state.advance();
    QCOMPARE(backupRecord().status, QStringLiteral("backuping"));
    state.startRealJob(job);
    state.setRealJobProgress(job, 40.0);
    QCOMPARE(backupRecord().progress, 40.0);
    QVERIFY(state.dueRealJobs().constFirst().resumed);
    // A restore waits for the backup (DCS.4096) like any other.
    QCOMPARE(
        state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok"))).error->code,
        QStringLiteral("DCS.4096"));
    state.finishRealJob(job, true, 12345);
    QCOMPARE(backupRecord().status, QStringLiteral("succeed"));
    QCOMPARE(backupRecord().size, qint64(12345));
    QCOMPARE(backupRecord().progress, 100.0);
    QVERIFY(state.dueRealJobs().isEmpty());

    // A restore: RESTORING until the server answers again; a refused file ends failed.
    const SimResult<QString> restore =
        state.restore(QStringLiteral("ha-ok"), restoreBody(backup.value));
    QVERIFY(restore.ok());
    m_now = m_now.addSecs(600);
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->status, QStringLiteral("RESTORING"));
    const RealJob load = state.dueRealJobs().constFirst();
    QCOMPARE(load.kind, RealJob::Kind::Restore);
    QCOMPARE(load.backupId, backup.value);
    state.startRealJob(load);
    state.finishRealJob(load, false);
    const RestoreRecord record = state.restores(QStringLiteral("ha-ok"))->constFirst();
    QCOMPARE(record.restoreId, restore.value);
    QCOMPARE(record.status, QStringLiteral("failed"));
    QCOMPARE(record.errorCode, QStringLiteral("dcs.08.0007"));
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->status, QStringLiteral("RUNNING"));

    // --fault backup-fails keeps failing the timed way, with no real work.
    SimTiming failing = timing;
    failing.backupsFail = true;
    SimState other(clock(), failing);
    buildRulesState(other);
    other.setRedisServer(QStringLiteral("ha-ok"), 40000);
    QVERIFY(other.createBackup(QStringLiteral("ha-ok"), {}).ok());
    m_now = m_now.addSecs(3600);
    QVERIFY(other.dueRealJobs().isEmpty());
}

void TestSimState::realServersPersistAndShowTheirAddress() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    SimState state(clock());
    buildRulesState(state);
    state.addBackup(
        makeBackup(QStringLiteral("b-live"), QStringLiteral("ha-other"), QStringLiteral("waiting")),
        runningJob());
    state.setStateFile(file);
    const Instance simulated = *state.instance(QStringLiteral("ha-other"));
    state.setRedisServer(QStringLiteral("ha-other"), 41234);
    state.makeLiveJobsReal(QStringLiteral("ha-other"));
    const Instance real = *state.instance(QStringLiteral("ha-other"));
    QCOMPARE(real.ip, QStringLiteral("127.0.0.1"));
    QCOMPARE(real.port, 41234);
    QVERIFY(real.noPasswordAccess);
    InstanceFilter byIp;
    byIp.ip = QStringLiteral("127.0.0.1");
    QCOMPARE(state.listInstances(byIp, 1, 10).total, 1);
    QVERIFY(state.save());

    // The port is kept; the address shows only while a server runs.
    SimState loaded(clock());
    QString error;
    QCOMPARE(loaded.load(file, &error), SimState::LoadResult::Loaded);
    QCOMPARE(loaded.redisPort(QStringLiteral("ha-other")), std::optional<quint16>(41234));
    QCOMPARE(loaded.instance(QStringLiteral("ha-other"))->ip, simulated.ip);
    loaded.setRedisServer(QStringLiteral("ha-other"), 41234);
    QCOMPARE(loaded.instance(QStringLiteral("ha-other"))->port, 41234);
    // The demo's running job finishes with real work: due once its time is up.
    m_now = Origin.addSecs(3600);
    QCOMPARE(loaded.dueRealJobs().size(), 1);
    QCOMPARE(loaded.dueRealJobs().constFirst().jobId, QStringLiteral("b-live"));
    // Time alone never ends it, as it ends the simulated ones.
    loaded.advance();
    QCOMPARE(loaded.dueRealJobs().size(), 1);
}

void TestSimState::offlineAddressesHideTheMadeUpOnes() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    SimState state(clock());
    buildRulesState(state);
    Instance lan = *state.instance(QStringLiteral("ha-ok"));
    lan.ip = QStringLiteral("192.168.0.21");
    lan.port = 6379;
    state.addInstance(lan);
    state.setStateFile(file);
    const QString madeUp = lan.ip;
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->ip, madeUp);
    state.setOfflinePort(40999);
    state.setRedisServer(QStringLiteral("ha-other"), 41234);

    // Every instance without a server shows 127.0.0.1 and the offline port; a real server's
    // address stays its own.
    for (const Instance &instance : state.allInstances()) {
        QCOMPARE(instance.ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(instance.port, instance.instanceId == QLatin1String("ha-other") ? 41234 : 40999);
    }
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->port, 40999);
    const SimState::InstancePage page = state.listInstances({}, 1, 100);
    QCOMPARE(page.total, 5);
    for (const Instance &instance : page.items)
        QCOMPARE(instance.ip, QStringLiteral("127.0.0.1"));
    // The ip filter finds what is shown, never the hidden address.
    InstanceFilter byIp;
    byIp.ip = QStringLiteral("127.0.0.1");
    QCOMPARE(state.listInstances(byIp, 1, 100).total, 5);
    byIp.ip = madeUp;
    QCOMPARE(state.listInstances(byIp, 1, 100).total, 0);

    // Not saved: the state file keeps the made-up addresses.
    QVERIFY(state.save());
    SimState loaded(clock());
    QString error;
    QCOMPARE(loaded.load(file, &error), SimState::LoadResult::Loaded);
    QCOMPARE(loaded.offlinePort(), quint16(0));
    QCOMPARE(loaded.instance(QStringLiteral("ha-ok"))->ip, madeUp);
    QCOMPARE(loaded.instance(QStringLiteral("ha-ok"))->port, 6379);
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

void TestSimState::changeThatCannotBeSavedIsUndone() {
    // The state's folder is gone (a full disk, a read-only folder: any reason a write fails):
    // nothing may be acknowledged that the file does not hold.
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("state"));
    QVERIFY(QDir().mkpath(folder));
    const QString file = QDir(folder).filePath(QStringLiteral("state.json"));
    SimState state(clock());
    buildRulesState(state);
    state.setStateFile(file);
    QVERIFY(state.save());
    const QList<Backup> backupsBefore = *state.backups(QStringLiteral("ha-ok"));
    const QList<RestoreRecord> restoresBefore = *state.restores(QStringLiteral("ha-ok"));
    const Instance instanceBefore = *state.instance(QStringLiteral("ha-ok"));
    // A regular file where the folder was: even root cannot write into it.
    QVERIFY(QDir(folder).removeRecursively());
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    const SimResult<QString> backup = state.createBackup(QStringLiteral("ha-ok"), {});
    QVERIFY(!backup.ok());
    QCOMPARE(backup.error->code, QStringLiteral("DCS.5000"));
    QCOMPARE(backup.error->httpStatus, 500);
    QCOMPARE(*state.backups(QStringLiteral("ha-ok")), backupsBefore);

    const SimResult<QString> restore =
        state.restore(QStringLiteral("ha-ok"), restoreBody(QStringLiteral("b-ok")));
    QVERIFY(!restore.ok());
    QCOMPARE(restore.error->code, QStringLiteral("DCS.5000"));
    QCOMPARE(*state.restores(QStringLiteral("ha-ok")), restoresBefore);
    QCOMPARE(state.instance(QStringLiteral("ha-ok"))->status, instanceBefore.status);

    const SimResult<bool> removal =
        state.deleteBackup(QStringLiteral("ha-ok"), QStringLiteral("b-ok"));
    QVERIFY(!removal.ok());
    QCOMPARE(removal.error->code, QStringLiteral("DCS.5000"));
    QCOMPARE(*state.backups(QStringLiteral("ha-ok")), backupsBefore);
    // The real cause is kept for the log, not "Writing canceled by application".
    QVERIFY(!state.lastSaveError().isEmpty());
    QVERIFY2(!state.lastSaveError().contains(QStringLiteral("canceled")),
             qPrintable(state.lastSaveError()));

    // Once the folder is back, the same call is acknowledged and saved.
    QVERIFY(QFile::remove(folder));
    QVERIFY(QDir().mkpath(folder));
    const SimResult<QString> again = state.createBackup(QStringLiteral("ha-ok"), {});
    QVERIFY(again.ok());
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().contains(again.value.toUtf8()));
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

// A page is assembled from rows rendered earlier: it must be byte for byte what QJsonDocument
// makes of the same records, also after a record changed.
void TestSimState::pagesAreWhatTheRecordsRenderTo() {
    SimState state(clock());
    demo::seed(state, Origin);
    demo::addGeneratedInstances(state, 30, Origin);
    SimApi api(&state, QStringLiteral("p"));
    auto compact = [](const QJsonObject &object) {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    const QString id = demo::instanceId(demo::restorableInstanceName());
    auto check = [&] {
        for (const bool v2 : {false, true}) {
            const QString prefix = v2 ? QStringLiteral("/v2/p") : QStringLiteral("/v1.0/p");
            const QueryItems paging =
                v2 ? QueryItems{{QStringLiteral("offset"), QStringLiteral("3")},
                                {QStringLiteral("limit"), QStringLiteral("20")}}
                   : QueryItems{{QStringLiteral("start"), QStringLiteral("4")},
                                {QStringLiteral("limit"), QStringLiteral("20")}};
            const SimState::InstancePage page = state.listInstances({}, 4, 20);
            QJsonArray rows;
            for (const Instance &instance : page.items)
                rows.append(v2 ? instanceListJsonV2(instance) : instance.toJson(false));
            const ApiAnswer list =
                api.handle(SimApi::route("GET", prefix + QStringLiteral("/instances")), paging, {});
            QCOMPARE(list.status, 200);
            QCOMPARE(list.body, compact({{QStringLiteral("instance_num"), page.total},
                                         {QStringLiteral("instances"), rows}}));

            const QList<Backup> all = *state.backups(id);
            QJsonArray backups;
            for (const Backup &backup : all.mid(3, 20))
                backups.append(backup.toJson());
            const ApiAnswer backupList =
                api.handle(SimApi::route("GET", prefix + QStringLiteral("/instances/") + id +
                                                    QStringLiteral("/backups")),
                           paging, {});
            QCOMPARE(backupList.status, 200);
            QCOMPARE(backupList.body, compact({{QStringLiteral("backup_record_response"), backups},
                                               {QStringLiteral("total_num"), int(all.size())}}));

            const QList<RestoreRecord> restores = *state.restores(id);
            QJsonArray records;
            for (const RestoreRecord &record : restores)
                records.append(record.toJson());
            const ApiAnswer restoreList =
                api.handle(SimApi::route("GET", prefix + QStringLiteral("/instances/") + id +
                                                    QStringLiteral("/restores")),
                           {{QStringLiteral("limit"), QStringLiteral("1000")}}, {});
            if (restores.isEmpty() && v2) {
                QCOMPARE(restoreList.status, 204);
            } else {
                QCOMPARE(restoreList.status, 200);
                QCOMPARE(restoreList.body,
                         compact({{QStringLiteral("restore_record_response"), records},
                                  {QStringLiteral("total_num"), int(restores.size())}}));
            }
        }
    };
    check();
    // The same pages again, from what was rendered the first time.
    check();
    // A restore makes the instance RESTORING and adds a record; a deleted backup says so.
    const QList<Backup> backups = *state.backups(id);
    QString restorable;
    for (const Backup &backup : backups) {
        if (backup.isRestorable()) {
            restorable = backup.backupId;
            break;
        }
    }
    QVERIFY(state.restore(id, restoreBody(restorable, QStringLiteral("cache check"))).ok());
    QCOMPARE(state.instance(id)->status, QStringLiteral("RESTORING"));
    check();
    qsizetype other = -1;
    for (qsizetype i = 0; other < 0 && i < backups.size(); ++i) {
        if (backups.at(i).isSucceeded() && backups.at(i).backupId != restorable)
            other = i;
    }
    QVERIFY(other >= 0);
    QVERIFY(state.deleteBackup(id, backups.at(other).backupId).ok());
    QCOMPARE(state.backupPage(id, {}, {}, int(other), 1)->items.constFirst().status,
             QStringLiteral("deleted"));
    check();
    QVERIFY(state.createBackup(demo::instanceId(QStringLiteral("gen-instance-00001")), {}).ok());
    check();
}

// The rows written straight to bytes, on text and times that need QJsonDocument's escapes.
void TestSimState::rowsAreWhatQJsonDocumentWrites() {
    const QStringList texts{
        QString(),
        QStringLiteral(""),
        QStringLiteral("plain"),
        QStringLiteral("quote \" and backslash \\ and slash /"),
        QStringLiteral("line\nbreak\ttab\r\b\f"),
        QString(QChar(0x01)) + QChar(0x1f) + QChar(0x7f),
        QStringLiteral("迁移前备份 (before migration)"),
        QStringLiteral("emoji \U0001F600 and \u2028 separator"),
        QString(QChar(0xd800)) + QStringLiteral(" lone surrogate"),
    };
    const QList<QDateTime> times{
        QDateTime(),
        QDateTime(QDate(2024, 5, 10), QTime(8, 30, 0, 7), Qt::UTC),
        QDateTime(QDate(2024, 5, 10), QTime(8, 30, 0), Qt::OffsetFromUTC, 8 * 3600),
        QDateTime(QDate(999, 1, 2), QTime(3, 4, 5), Qt::UTC),
        QDateTime(QDate(12345, 1, 2), QTime(3, 4, 5), Qt::UTC),
    };
    auto compact = [](const QJsonObject &object) {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    for (qsizetype n = 0; n < texts.size() * 2; ++n) {
        const QString &text = texts.at(n % texts.size());
        const QDateTime &time = times.at(n % times.size());
        Instance instance = makeInstance(QStringLiteral("i-%1").arg(n), QStringLiteral("ha"),
                                         QStringLiteral("RUNNING"));
        instance.name = text;
        instance.domainName = text;
        instance.readonlyDomainName = texts.at((n + 1) % texts.size());
        instance.internalVersion = texts.at((n + 2) % texts.size());
        instance.vpcName = text;
        instance.userName = text;
        instance.createdAt = time;
        instance.updateAt = times.at((n + 1) % times.size());
        instance.usedMemoryMb = n % 3 == 0 ? -1 : n;
        instance.capacity = n % 4 == 0 ? -1 : n;
        instance.maxMemoryMb = qint64(1) << (n + 20);
        instance.noPasswordAccess = n % 2;
        instance.enableSsl = n % 3;
        instance.engineVersion = n % 2 ? QStringLiteral("6.0") : QStringLiteral("4.0");
        instance.availableZones = QStringList{text, QStringLiteral("az1")}.mid(n % 3);
        if (n % 2)
            instance.tags = {{text, QStringLiteral("v")}, {QStringLiteral("k"), text}};
        QCOMPARE(rowjson::instanceListV1(instance), compact(instance.toJson(false)));
        const QByteArray v2 = rowjson::instanceListV2(instance);
        QCOMPARE(v2, compact(QJsonDocument::fromJson(v2).object()));
        QCOMPARE(QJsonDocument::fromJson(v2).object().value(QLatin1String("name")).toString(),
                 text.isNull() ? QStringLiteral("") : QJsonValue(text).toString());

        Backup backup = makeBackup(QStringLiteral("b-%1").arg(n), QStringLiteral("i"),
                                   QStringLiteral("succeed"), n % 2);
        backup.remark = text;
        backup.period = texts.at((n + 3) % texts.size());
        backup.createdAt = time;
        backup.executionAt = times.at((n + 2) % times.size());
        backup.progress = n % 5 == 0 ? -1.0 : n * 12.345;
        backup.size = n % 4 == 0 ? -1 : n * 1000;
        QCOMPARE(rowjson::backup(backup), compact(backup.toJson()));

        RestoreRecord record;
        record.restoreId = QStringLiteral("r-%1").arg(n);
        record.restoreRemark = text;
        record.backupRemark = texts.at((n + 4) % texts.size());
        record.status = QStringLiteral("restoring");
        record.progress = n % 6 == 0 ? -1.0 : 99.995 - n;
        record.createdAt = time;
        QCOMPARE(rowjson::restore(record), compact(record.toJson()));
    }
}

// The backups of one instance, kept in serving order: every page of every window is the slice
// of the full newest-first list that the window selects.
void TestSimState::manyBackupsServedNewestFirstInWindows() {
    SimState state(clock());
    demo::seed(state, Origin);
    demo::addManyBackups(state, 3000, Origin);
    const QString id = demo::instanceId(demo::manyBackupsInstanceName());
    QVERIFY(state.hasInstance(id));
    const QList<Backup> all = *state.backups(id);
    QCOMPARE(all.size(), 3000);
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).createdAt > all.at(i).createdAt ||
                (all.at(i - 1).createdAt == all.at(i).createdAt &&
                 all.at(i - 1).backupId < all.at(i).backupId));
    // Idempotent, like the generated instances.
    demo::addManyBackups(state, 3000, Origin);
    QCOMPARE(state.backups(id)->size(), 3000);

    struct Window {
        QDateTime begin;
        QDateTime end;
    };
    const QList<Window> windows{
        {},
        {Origin.addDays(-7), {}},
        {{}, Origin.addDays(-20)},
        {Origin.addDays(-20), Origin.addDays(-3)},
        {all.at(100).createdAt, all.at(100).createdAt}, // one instant, both ends included
        {Origin.addDays(1), {}},                        // nothing
    };
    for (const Window &window : windows) {
        QList<Backup> expected;
        for (const Backup &backup : all) {
            if ((!window.begin.isValid() || backup.createdAt >= window.begin) &&
                (!window.end.isValid() || backup.createdAt <= window.end))
                expected.append(backup);
        }
        QList<Backup> paged;
        for (int first = 0;; first += 700) {
            const auto page = state.backupPage(id, window.begin, window.end, first, 700);
            QVERIFY(page);
            QCOMPARE(page->total, int(expected.size()));
            if (page->items.isEmpty())
                break;
            paged += page->items;
        }
        QCOMPARE(paged.size(), expected.size());
        QVERIFY(paged == expected);
    }
    QVERIFY(!state.backupPage(QStringLiteral("nope"), {}, {}, 0, 10));

    // A backup made now is served first.
    QVERIFY(state.createBackup(id, QByteArray("{\"remark\":\"now\"}")).ok());
    QCOMPARE(state.backupPage(id, {}, {}, 0, 1)->items.constFirst().remark, QStringLiteral("now"));
}

// A state file written when records were kept in creation order is read into serving order.
void TestSimState::stateFileInCreationOrderIsServedNewestFirst() {
    SimState state(clock());
    demo::seed(state, Origin);
    const QString id = demo::instanceId(demo::restorableInstanceName());
    const QList<Backup> served = *state.backups(id);
    QJsonObject root = QJsonDocument::fromJson(state.toJson()).object();
    QJsonArray backups = root.value(QLatin1String("backups")).toArray();
    // Oldest first, as creation order had it.
    QJsonArray reversed;
    for (qsizetype i = backups.size() - 1; i >= 0; --i)
        reversed.append(backups.at(i));
    root.insert(QStringLiteral("backups"), reversed);
    SimState loaded(clock());
    QString error;
    QVERIFY2(loaded.fromJson(QJsonDocument(root).toJson(), &error), qPrintable(error));
    QVERIFY(*loaded.backups(id) == served);
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
    QTest::newRow("v2 list") << QByteArray("GET") << "/v2/p/instances" << int(K::ListInstances);
    QTest::newRow("v2 counts") << QByteArray("GET") << "/v2/p/instances/status"
                               << int(K::StatusCounts);
    QTest::newRow("v1 has no counts")
        << QByteArray("GET") << "/v1.0/p/instances/status" << int(K::ShowInstance);
    QTest::newRow("v2 update") << QByteArray("PUT") << "/v2/p/instances/i"
                               << int(K::UpdateInstance);
    QTest::newRow("v1 no update") << QByteArray("PUT") << "/v1.0/p/instances/i"
                                  << int(K::MethodNotAllowed);
    QTest::newRow("v2 links") << QByteArray("POST") << "/v2/p/instances/i/backups/b/links"
                              << int(K::BackupLinks);
    QTest::newRow("v1 no links") << QByteArray("POST") << "/v1.0/p/instances/i/backups/b/links"
                                 << int(K::NotFound);
    QTest::newRow("v2 tasks") << QByteArray("GET") << "/v2/p/instances/i/tasks"
                              << int(K::ListTasks);
    QTest::newRow("v1 no tasks") << QByteArray("GET") << "/v1.0/p/instances/i/tasks"
                                 << int(K::NotFound);
    QTest::newRow("v2 restore") << QByteArray("POST") << "/v2/p/instances/i/restores"
                                << int(K::Restore);
    QTest::newRow("404 v3") << QByteArray("GET") << "/v3/p/instances" << int(K::NotFound);
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

namespace {

QString v2Code(const ApiAnswer &answer) {
    return parse(answer).value(QLatin1String("error_code")).toString();
}

// Walks an RDB file the way Redis loads it; returns the number of keys, -1 when malformed.
qint64 rdbKeys(const QByteArray &file) {
    if (!file.startsWith("REDIS0009") || file.size() < 18)
        return -1;
    const quint64 stored = qFromLittleEndian<quint64>(file.constData() + file.size() - 8);
    if (BackupFileDevice::crc64(0, file.constData(), file.size() - 8) != stored)
        return -1;
    qint64 pos = 9;
    auto length = [&](qint64 *value) {
        if (pos >= file.size())
            return false;
        const quint8 first = quint8(file.at(pos));
        if ((first >> 6) == 0) {
            *value = first & 0x3f;
            pos += 1;
        } else if ((first >> 6) == 1) {
            *value = ((first & 0x3f) << 8) | quint8(file.at(pos + 1));
            pos += 2;
        } else if (first == 0x80) {
            *value = qFromBigEndian<quint32>(file.constData() + pos + 1);
            pos += 5;
        } else {
            return false;
        }
        return true;
    };
    auto string = [&]() {
        qint64 n = 0;
        if (!length(&n) || pos + n > file.size())
            return false;
        pos += n;
        return true;
    };
    qint64 keys = 0;
    qint64 announced = -1;
    while (pos < file.size()) {
        const quint8 op = quint8(file.at(pos++));
        if (op == 0xFF)
            return pos + 8 == file.size() && keys == announced ? keys : -1;
        if (op == 0xFA) {
            if (!string() || !string())
                return -1;
        } else if (op == 0xFE) {
            qint64 db = 0;
            if (!length(&db))
                return -1;
        } else if (op == 0xFB) {
            qint64 expires = 0;
            if (!length(&announced) || !length(&expires))
                return -1;
        } else if (op == 0x00) {
            if (!string() || !string())
                return -1;
            ++keys;
        } else {
            return -1;
        }
    }
    return -1;
}

// Counts the SET commands of an AOF file; -1 when it is not a clean sequence of RESP arrays.
qint64 aofSets(const QByteArray &file) {
    qint64 pos = 0;
    qint64 sets = 0;
    auto line = [&](char kind, qint64 *number) {
        if (pos >= file.size() || file.at(pos) != kind)
            return false;
        const qint64 end = file.indexOf("\r\n", pos);
        if (end < 0)
            return false;
        bool ok = false;
        *number = file.mid(pos + 1, end - pos - 1).toLongLong(&ok);
        pos = end + 2;
        return ok;
    };
    while (pos < file.size()) {
        qint64 parts = 0;
        if (!line('*', &parts))
            return -1;
        QByteArray command;
        for (qint64 i = 0; i < parts; ++i) {
            qint64 n = 0;
            if (!line('$', &n) || pos + n + 2 > file.size() || file.mid(pos + n, 2) != "\r\n")
                return -1;
            if (i == 0)
                command = file.mid(pos, n);
            pos += n + 2;
        }
        if (command == "SET")
            ++sets;
    }
    return sets;
}

} // namespace

void TestSimState::v2ShapesFromTheSameState() {
    SimState state(clock());
    demo::seed(state, Origin);
    demo::addGeneratedInstances(state, 5, Origin); // more than one default page
    SimApi api(&state, QStringLiteral("p"));
    auto get = [&](const QString &path, const QueryItems &query = {}) {
        return api.handle(SimApi::route("GET", path), query, {});
    };
    // The same first instance on both families: v1.0 from start=1, v2 from offset=0.
    const QJsonObject v1 = parse(
        get(QStringLiteral("/v1.0/p/instances"), {{QStringLiteral("start"), QStringLiteral("2")},
                                                  {QStringLiteral("limit"), QStringLiteral("3")}}));
    const QJsonObject v2 = parse(
        get(QStringLiteral("/v2/p/instances"), {{QStringLiteral("offset"), QStringLiteral("1")},
                                                {QStringLiteral("limit"), QStringLiteral("3")}}));
    QCOMPARE(v2.value(QLatin1String("instance_num")), v1.value(QLatin1String("instance_num")));
    const QJsonArray rows1 = v1.value(QLatin1String("instances")).toArray();
    const QJsonArray rows2 = v2.value(QLatin1String("instances")).toArray();
    QCOMPARE(rows2.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rows2.at(i).toObject().value(QLatin1String("instance_id")),
                 rows1.at(i).toObject().value(QLatin1String("instance_id")));
    // v2 list spellings (§1): updated_at, snake_case domain names only, no v1-only fields.
    const QJsonObject row = rows2.first().toObject();
    QVERIFY(row.contains(QLatin1String("updated_at")));
    QVERIFY(!row.contains(QLatin1String("update_at")));
    for (const char *absent : {"domainName", "readonlyDomainName", "cache_mode",
                               "resource_spec_code", "internal_version", "error_code"})
        QVERIFY2(!row.contains(QLatin1String(absent)), absent);
    QVERIFY(row.value(QLatin1String("no_password_access")).isString());
    QVERIFY(row.value(QLatin1String("az_codes")).isArray());
    QCOMPARE(Instance::fromJson(row).updateAt,
             Instance::fromJson(rows1.first().toObject()).updateAt);
    // Default limit 10 on v2 too; offset must be ≥ 0 and names v1.0's start nowhere.
    QCOMPARE(parse(get(QStringLiteral("/v2/p/instances")))
                 .value(QLatin1String("instances"))
                 .toArray()
                 .size(),
             10);
    QCOMPARE(v2Code(get(QStringLiteral("/v2/p/instances"),
                        {{QStringLiteral("offset"), QStringLiteral("-1")}})),
             QStringLiteral("DCS.4800"));
    // Filters by their v2 names.
    const QString id = demo::instanceId(demo::restorableInstanceName());
    const QJsonObject byId =
        parse(get(QStringLiteral("/v2/p/instances"), {{QStringLiteral("instance_id"), id}}));
    QCOMPARE(byId.value(QLatin1String("instance_num")).toInt(), 1);
    const QJsonObject byExactName =
        parse(get(QStringLiteral("/v2/p/instances"),
                  {{QStringLiteral("name_equal"), demo::restorableInstanceName()}}));
    QCOMPARE(byExactName.value(QLatin1String("instance_num")).toInt(), 1);
    const QJsonObject byFlag = parse(get(QStringLiteral("/v2/p/instances"),
                                         {{QStringLiteral("name"), QStringLiteral("order-cache")},
                                          {QStringLiteral("name_equal"), QStringLiteral("true")}}));
    QCOMPARE(byFlag.value(QLatin1String("instance_num")).toInt(), 0);

    // Show (§2): update_at, cache_mode, the policy; "task" null while idle.
    const QJsonObject show = parse(get(QStringLiteral("/v2/p/instances/") + id));
    QVERIFY(show.contains(QLatin1String("update_at")));
    QVERIFY(!show.contains(QLatin1String("updated_at")));
    QCOMPARE(show.value(QLatin1String("cache_mode")).toString(), QStringLiteral("ha"));
    QVERIFY(show.value(QLatin1String("task")).isNull());
    QVERIFY(BackupPolicy::fromJson(show.value(QLatin1String("instance_backup_policy"))));
    const QJsonObject restoring = parse(
        get(QStringLiteral("/v2/p/instances/") + demo::instanceId(demo::restoringInstanceName())));
    QCOMPARE(restoring.value(QLatin1String("task")).toString(), QStringLiteral("RESTORING"));

    // The flat v2 error shape (§12), with the same codes as v1.0.
    const ApiAnswer unknown = get(QStringLiteral("/v2/p/instances/nope"));
    QCOMPARE(unknown.status, 404);
    const QJsonObject flat = parse(unknown);
    QCOMPARE(flat.keys(),
             (QStringList{QStringLiteral("error_code"), QStringLiteral("error_ext_msg"),
                          QStringLiteral("error_msg")}));
    QCOMPARE(v2Code(unknown), QStringLiteral("DCS.3022"));
    QCOMPARE(v2Code(get(QStringLiteral("/v2/p/nothing"))), QStringLiteral("DCS.4001"));

    // The time window by v2's names; v1.0's camelCase names do not filter here.
    const QString begin = Origin.addDays(-2).toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString backupsPath = QStringLiteral("/v2/p/instances/%1/backups").arg(id);
    QCOMPARE(parse(get(backupsPath, {{QStringLiteral("begin_time"), begin}}))
                 .value(QLatin1String("total_num"))
                 .toInt(),
             3);
    QCOMPARE(parse(get(backupsPath, {{QStringLiteral("beginTime"), begin}}))
                 .value(QLatin1String("total_num"))
                 .toInt(),
             8);

    // A restore through v2 is the same restore, seen from v1.0, refused alike (v1.0's order).
    const QString backupId = demo::backupId(demo::restorableInstanceName(), 1);
    const Route restore =
        SimApi::route("POST", QStringLiteral("/v2/p/instances/%1/restores").arg(id));
    const ApiAnswer accepted =
        api.handle(restore, {}, restoreBody(backupId, QStringLiteral("经 v2")));
    QCOMPARE(accepted.status, 200);
    const QString restoreId = parse(accepted).value(QLatin1String("restore_id")).toString();
    const QJsonObject seen = parse(get(QStringLiteral("/v1.0/p/instances/%1/restores").arg(id)));
    QCOMPARE(seen.value(QLatin1String("restore_record_response"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("restore_id"))
                 .toString(),
             restoreId);
    const ApiAnswer again = api.handle(restore, {}, restoreBody(backupId));
    QCOMPARE(again.status, 400);
    QCOMPARE(v2Code(again), QStringLiteral("DCS.4097"));
    QCOMPARE(v2Code(api.handle(restore, {}, {})), QStringLiteral("DCS.4004"));
}

void TestSimState::v2EmptyListsAndDeleteAre204() {
    SimState state(clock());
    demo::seed(state, Origin);
    SimApi api(&state, QStringLiteral("p"));
    // rate-limiter is single-node: no backups, no restores.
    const QString single = demo::instanceId(demo::singleNodeInstanceName());
    for (const char *list : {"backups", "restores"}) {
        const ApiAnswer v2 = api.handle(
            SimApi::route("GET",
                          QStringLiteral("/v2/p/instances/%1/%2").arg(single, QLatin1String(list))),
            {}, {});
        QCOMPARE(v2.status, 204);
        QVERIFY(v2.body.isEmpty());
        const ApiAnswer v1 = api.handle(
            SimApi::route(
                "GET", QStringLiteral("/v1.0/p/instances/%1/%2").arg(single, QLatin1String(list))),
            {}, {});
        QCOMPARE(v1.status, 200);
        QCOMPARE(parse(v1).value(QLatin1String("total_num")).toInt(), 0);
    }
    // An offset past the end of a non-empty list is a 200 with no records, not a 204.
    const QString id = demo::instanceId(demo::restorableInstanceName());
    const ApiAnswer past =
        api.handle(SimApi::route("GET", QStringLiteral("/v2/p/instances/%1/backups").arg(id)),
                   {{QStringLiteral("offset"), QStringLiteral("100")}}, {});
    QCOMPARE(past.status, 200);
    QCOMPARE(parse(past).value(QLatin1String("total_num")).toInt(), 8);

    const QString b1 = demo::backupId(demo::restorableInstanceName(), 1);
    const QString b2 = demo::backupId(demo::restorableInstanceName(), 2);
    const ApiAnswer v2Delete = api.handle(
        SimApi::route("DELETE", QStringLiteral("/v2/p/instances/%1/backups/%2").arg(id, b1)), {},
        {});
    QCOMPARE(v2Delete.status, 204);
    QVERIFY(v2Delete.body.isEmpty());
    const ApiAnswer v1Delete = api.handle(
        SimApi::route("DELETE", QStringLiteral("/v1.0/p/instances/%1/backups/%2").arg(id, b2)), {},
        {});
    QCOMPARE(v1Delete.status, 200);
    QCOMPARE(parse(v1Delete), QJsonObject({{QStringLiteral("message"), QString()}}));
    // Deleting it again: refused in each family's shape.
    const ApiAnswer twice = api.handle(
        SimApi::route("DELETE", QStringLiteral("/v2/p/instances/%1/backups/%2").arg(id, b2)), {},
        {});
    QCOMPARE(twice.status, 400);
    QCOMPARE(v2Code(twice), QStringLiteral("DCS.4800"));
}

void TestSimState::v2TasksCountsAndPolicy() {
    SimState state(clock());
    demo::seed(state, Origin);
    SimApi api(&state, QStringLiteral("p"));
    auto get = [&](const QString &path, const QueryItems &query = {}) {
        return api.handle(SimApi::route("GET", path), query, {});
    };
    // Tasks (§9): task_count is a string; the running switchover is EXECUTING.
    const QString legacy = demo::instanceId(QStringLiteral("legacy-page-cache"));
    const QJsonObject tasks = parse(get(QStringLiteral("/v2/p/instances/%1/tasks").arg(legacy)));
    QCOMPARE(tasks.value(QLatin1String("task_count")).toString(), QStringLiteral("1"));
    const BackgroundTask swap =
        BackgroundTask::fromJson(tasks.value(QLatin1String("tasks")).toArray().first().toObject());
    QCOMPARE(swap.name, QStringLiteral("masterStandbySwapJob"));
    QCOMPARE(swap.status, QStringLiteral("EXECUTING"));
    QVERIFY(swap.isRunning());
    const QString session = demo::instanceId(QStringLiteral("session-store"));
    const QJsonObject old =
        parse(get(QStringLiteral("/v2/p/instances/%1/tasks").arg(session),
                  {{QStringLiteral("start_time"),
                    Origin.addDays(-10).toString(QStringLiteral("yyyyMMddHHmmss"))}}));
    QCOMPARE(old.value(QLatin1String("task_count")).toString(), QStringLiteral("1")); // BindEip
    // After the switchover's twenty minutes it has succeeded.
    m_now = Origin.addSecs(21 * 60);
    const QJsonObject later = parse(get(QStringLiteral("/v2/p/instances/%1/tasks").arg(legacy)));
    QCOMPARE(later.value(QLatin1String("tasks"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("status")),
             QJsonValue(QStringLiteral("SUCCESS")));
    m_now = Origin;

    // Counts (§10) agree with the list, per engine too.
    const QJsonObject counts = parse(get(QStringLiteral("/v2/p/instances/status")));
    const StatusCounts read = StatusCounts::fromJson(counts);
    const StatusCounts listed = StatusCounts::fromInstances(state.listInstances({}, 1, 1000).items);
    QCOMPARE(read.byStatus, listed.byStatus);
    QCOMPARE(read.count(QStringLiteral("RESTORING")), 1);
    QCOMPARE(counts.value(QLatin1String("memcached"))
                 .toObject()
                 .value(QLatin1String("running_count"))
                 .toInt(),
             1);
    QCOMPARE(StatusCounts::fromJson(
                 parse(get(QStringLiteral("/v2/p/instances/status"),
                           {{QStringLiteral("include_failure"), QStringLiteral("true")}})))
                 .count(QStringLiteral("CREATEFAILED")),
             1);

    // The backup policy (§11): PUT answers 204, ShowInstance shows the change.
    const QString id = demo::instanceId(demo::restorableInstanceName());
    const Route put = SimApi::route("PUT", QStringLiteral("/v2/p/instances/") + id);
    BackupPolicy policy;
    policy.saveDays = 3;
    policy.backupAt = {1, 3, 5};
    policy.beginAt = QStringLiteral("23:00-00:00");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("instance_backup_policy"), policy.toJson()}})
            .toJson(QJsonDocument::Compact);
    const ApiAnswer updated = api.handle(put, {}, body);
    QCOMPARE(updated.status, 204);
    QVERIFY(updated.body.isEmpty());
    const QJsonObject show = parse(get(QStringLiteral("/v2/p/instances/") + id));
    const std::optional<BackupPolicy> shown =
        BackupPolicy::fromJson(show.value(QLatin1String("instance_backup_policy")));
    QVERIFY(shown);
    QCOMPARE(*shown, policy);
    // Manual keeps the stored plan.
    BackupPolicy manual = policy;
    manual.backupType = QStringLiteral("manual");
    QCOMPARE(api.handle(put, {},
                        QJsonDocument(QJsonObject{{QStringLiteral("instance_backup_policy"),
                                                   QJsonObject{{QStringLiteral("backup_type"),
                                                                QStringLiteral("manual")}}}})
                            .toJson())
                 .status,
             204);
    const std::optional<BackupPolicy> kept =
        BackupPolicy::fromJson(parse(get(QStringLiteral("/v2/p/instances/") + id))
                                   .value(QLatin1String("instance_backup_policy")));
    QCOMPARE(*kept, manual);
    // One refusal per field (DCS.4072–4076), flat shape.
    auto refused = [&](const QJsonObject &p) {
        return v2Code(api.handle(
            put, {},
            QJsonDocument(QJsonObject{{QStringLiteral("instance_backup_policy"), p}}).toJson()));
    };
    QJsonObject bad = policy.toJson();
    bad.insert(QStringLiteral("save_days"), 8);
    QCOMPARE(refused(bad), QStringLiteral("DCS.4072"));
    bad = policy.toJson();
    bad.insert(QStringLiteral("backup_type"), QStringLiteral("hourly"));
    QCOMPARE(refused(bad), QStringLiteral("DCS.4073"));
    QJsonObject plan = policy.toJson().value(QLatin1String("periodical_backup_plan")).toObject();
    plan.insert(QStringLiteral("period_type"), QStringLiteral("daily"));
    bad = policy.toJson();
    bad.insert(QStringLiteral("periodical_backup_plan"), plan);
    QCOMPARE(refused(bad), QStringLiteral("DCS.4074"));
    plan = policy.toJson().value(QLatin1String("periodical_backup_plan")).toObject();
    plan.insert(QStringLiteral("backup_at"), QJsonArray{0, 3});
    bad.insert(QStringLiteral("periodical_backup_plan"), plan);
    QCOMPARE(refused(bad), QStringLiteral("DCS.4075"));
    plan = policy.toJson().value(QLatin1String("periodical_backup_plan")).toObject();
    plan.insert(QStringLiteral("begin_at"), QStringLiteral("02:30-03:30"));
    bad.insert(QStringLiteral("periodical_backup_plan"), plan);
    QCOMPARE(refused(bad), QStringLiteral("DCS.4076"));
    // Single-node instances have no policy to change.
    QCOMPARE(v2Code(api.handle(
                 SimApi::route("PUT", QStringLiteral("/v2/p/instances/") +
                                          demo::instanceId(demo::singleNodeInstanceName())),
                 {}, body)),
             QStringLiteral("DCS.4086"));
    // The change survives a save and a load.
    const QByteArray saved = state.toJson();
    SimState reloaded(clock());
    QString error;
    QVERIFY2(reloaded.fromJson(saved, &error), qPrintable(error));
    QCOMPARE(*BackupPolicy::fromJson(reloaded.instance(id)->instanceBackupPolicy), manual);
    QCOMPARE(reloaded.tasks(legacy)->size(), 1);
}

void TestSimState::v2LinksPointAtFilesThatExpire() {
    SimState state(clock());
    demo::seed(state, Origin);
    SimApi api(&state, QStringLiteral("p"));
    const QString id = demo::instanceId(QStringLiteral("session-store")); // a cluster of 3 shards
    const QString backupId = demo::backupId(QStringLiteral("session-store"), 1);
    const Route links = SimApi::route(
        "POST", QStringLiteral("/v2/p/instances/%1/backups/%2/links").arg(id, backupId));
    auto ask = [&](const QByteArray &body) {
        return api.handle(links, {}, body, QStringLiteral("http://127.0.0.1:9"));
    };
    QCOMPARE(v2Code(ask({})), QStringLiteral("DCS.4004"));
    QCOMPARE(v2Code(ask("{")), QStringLiteral("DCS.4005"));
    for (const QByteArray &bad :
         {QByteArray(R"({"expiration":299})"), QByteArray(R"({"expiration":86401})"),
          QByteArray(R"({"expiration":"3600"})"), QByteArray("{}")})
        QCOMPARE(v2Code(ask(bad)), QStringLiteral("DCS.4800"));
    const ApiAnswer answer = ask(R"({"expiration":3600})");
    QCOMPARE(answer.status, 200);
    const BackupLinks parsed = BackupLinks::fromJson(parse(answer));
    QCOMPARE(parsed.links.size(), 3);
    QCOMPARE(parsed.bucketName, api.bucketName());
    qint64 total = 0;
    for (const BackupFileLink &link : parsed.links) {
        QVERIFY(link.fileName.endsWith(QLatin1String(".rdb")));
        QCOMPARE(link.url.host(), QStringLiteral("127.0.0.1"));
        const SimApi::Download download = api.download(
            link.url.path(QUrl::FullyDecoded), QUrlQuery(link.url).queryItems(QUrl::FullyDecoded));
        QVERIFY(download.file);
        QCOMPARE(download.file->fileName, link.fileName);
        total += download.file->size;
    }
    const QList<Backup> all = *state.backups(id);
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [&](const Backup &b) { return b.backupId == backupId; });
    QCOMPARE(total, it->size);

    // A changed signature, an expired link, a deleted backup.
    const QUrl url = parsed.links.first().url;
    QueryItems query = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    QueryItems tampered = query;
    for (auto &item : tampered)
        if (item.first == QLatin1String("Expires"))
            item.second = QString::number(item.second.toLongLong() + 3600);
    QCOMPARE(api.download(url.path(QUrl::FullyDecoded), tampered).refusal.status, 403);
    m_now = Origin.addSecs(3601);
    const SimApi::Download expired = api.download(url.path(QUrl::FullyDecoded), query);
    QVERIFY(!expired.file);
    QCOMPARE(expired.refusal.status, 403);
    QVERIFY(expired.refusal.body.contains("expired"));
    m_now = Origin;
    QVERIFY(state.deleteBackup(id, backupId).ok());
    QCOMPARE(api.download(url.path(QUrl::FullyDecoded), query).refusal.status, 404);
    // No links for a backup that has no file.
    QCOMPARE(v2Code(ask(R"({"expiration":3600})")), QStringLiteral("DCS.4800"));
}

void TestSimState::backupFilesAreRdbOrAofOfTheAnnouncedSize_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("size");
    for (const char *format : {"rdb", "aof"}) {
        for (qint64 size :
             {4096LL, 4097LL, 16000LL, 16060LL, 16100LL, 32100LL, 100000LL, 1048576LL, 3000001LL})
            QTest::addRow("%s %lld", format, size) << QString::fromLatin1(format) << size;
    }
}

void TestSimState::backupFilesAreRdbOrAofOfTheAnnouncedSize() {
    QFETCH(QString, format);
    QFETCH(qint64, size);
    QCOMPARE(BackupFileDevice::crc64(0, "123456789", 9), 0xe9c6d914c4b8d9caULL);
    BackupFile file;
    file.backupId = QStringLiteral("b-%1").arg(size);
    file.format = format;
    file.size = size;
    const QByteArray contents = BackupFileDevice::contents(file);
    QCOMPARE(qint64(contents.size()), size);
    QCOMPARE(BackupFileDevice::contents(file), contents); // the same bytes every time
    if (format == QLatin1String("rdb"))
        QVERIFY(rdbKeys(contents) > 0);
    else
        QVERIFY(aofSets(contents) > 0);
    // Read in odd pieces, and after a seek back, the bytes are the same.
    BackupFileDevice device(file);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QByteArray pieces;
    while (!device.atEnd())
        pieces += device.read(7777);
    QCOMPARE(pieces, contents);
    QVERIFY(device.seek(size / 3));
    QCOMPARE(device.readAll(), contents.mid(size / 3));
}

namespace {

// An instance whose policy backs it up every day at 02:00 UTC, keeping backups saveDays.
Instance dailyInstance(const QString &id, int saveDays, const QString &status = "RUNNING",
                       const QString &type = "auto", const QString &mode = "ha") {
    Instance instance = makeInstance(id, mode, status);
    const QJsonObject plan{{QStringLiteral("begin_at"), QStringLiteral("02:00-03:00")},
                           {QStringLiteral("period_type"), QStringLiteral("weekly")},
                           {QStringLiteral("backup_at"), QJsonArray{1, 2, 3, 4, 5, 6, 7}}};
    instance.instanceBackupPolicy = QJsonObject{
        {QStringLiteral("policy"), QJsonObject{{QStringLiteral("backup_type"), type},
                                               {QStringLiteral("save_days"), saveDays},
                                               {QStringLiteral("periodical_backup_plan"), plan}}}};
    return instance;
}

QList<Backup> automatic(const SimState &state, const QString &id) {
    QList<Backup> result;
    const QList<Backup> all = *state.backups(id);
    for (const Backup &backup : all) {
        if (!backup.isManual())
            result.append(backup);
    }
    return result;
}

} // namespace

void TestSimState::demoSetsTellTheirHealthStory() {
    for (const QString &name : demo::dataSets()) {
        SimState state(clock());
        QVERIFY(demo::seedSet(state, Origin, name));
        QCOMPARE(state.instanceCount() == 0, name == QLatin1String("empty"));
    }
    SimState unknown(clock());
    QVERIFY(!demo::seedSet(unknown, Origin, QStringLiteral("nonsense")));

    SimState standard(clock());
    demo::seed(standard, Origin);
    const QString legacy = demo::instanceId(QStringLiteral("legacy-page-cache"));
    const Backup newest = standard.backups(legacy)->first();
    QCOMPARE(newest.status, QStringLiteral("failed"));
    QCOMPARE(newest.errorCode, QStringLiteral("dcs.08.0005"));
    const Instance policyOff = *standard.instance(demo::instanceId("analytics-buffer-test"));
    QVERIFY(!BackupPolicy::fromJson(QJsonValue(policyOff.instanceBackupPolicy))->isAuto());

    SimState analytics(clock());
    demo::seedAnalytics(analytics, Origin);
    const Instance report = *analytics.instance(demo::instanceId("report-cache"));
    QCOMPARE(BackupPolicy::fromJson(QJsonValue(report.instanceBackupPolicy))->saveDays, 1);
    SimState east(clock());
    demo::seedEast(east, Origin);
    QCOMPARE(east.instance(demo::instanceId("geo-lookup"))->status, QStringLiteral("FROZEN"));
    const QList<Backup> suggest = *east.backups(demo::instanceId("search-suggest"));
    for (const Backup &backup : suggest)
        QVERIFY(!backup.isRestorable());
}

void TestSimState::automaticBackupsRunInTheirWindow() {
    SimTiming timing;
    timing.automaticBackups = true;
    SimState state(clock(), timing);
    state.addInstance(dailyInstance(QStringLiteral("ha-auto"), 7));
    Backup last = makeBackup(QStringLiteral("b-last"), QStringLiteral("ha-auto"), "succeed");
    last.backupType = QStringLiteral("auto");
    last.createdAt = QDateTime(QDate(2024, 5, 9), QTime(2, 10), Qt::UTC);
    state.addBackup(last);

    // 2024-05-10 08:30: today's 02:00 window has passed since the last one.
    QVERIFY(state.advance());
    QList<Backup> backups = automatic(state, QStringLiteral("ha-auto"));
    QCOMPARE(backups.size(), 2);
    const Backup made = backups.first();
    QCOMPARE(made.createdAt.date(), QDate(2024, 5, 10));
    QCOMPARE(made.createdAt.time().hour(), 2);
    QCOMPARE(made.status, QStringLiteral("succeed"));
    QVERIFY(made.isRestorable());
    QCOMPARE(made.backupName,
             QStringLiteral("backup_") + made.createdAt.toString(QStringLiteral("yyyyMMddHHmmss")));
    QVERIFY(!state.advance()); // once per window

    // The next window: running for a minute, then succeeded.
    m_now = made.createdAt.addDays(1).addSecs(30);
    QVERIFY(state.advance());
    QCOMPARE(automatic(state, QStringLiteral("ha-auto")).first().status,
             QStringLiteral("backuping"));
    m_now = m_now.addSecs(60);
    QCOMPARE(automatic(state, QStringLiteral("ha-auto")).first().status, QStringLiteral("succeed"));
    // The same ids every time: deterministic from the instance and the window.
    SimState again(clock(), timing);
    again.addInstance(dailyInstance(QStringLiteral("ha-auto"), 7));
    again.addBackup(last);
    m_now = Origin;
    again.advance();
    QCOMPARE(automatic(again, QStringLiteral("ha-auto")).first().backupId, made.backupId);
}

// With --redis-server, an automatic backup is real work like a manual one: it is not
// "succeed" until the server's file is saved, and a scripted failure stays simulated.
void TestSimState::automaticBackupsOfARealServerAreReal() {
    SimTiming timing;
    timing.automaticBackups = true;
    SimState state(clock(), timing);
    state.addInstance(dailyInstance(QStringLiteral("ha-auto"), 7));
    state.setRedisServer(QStringLiteral("ha-auto"), 40000);
    Backup last = makeBackup(QStringLiteral("b-last"), QStringLiteral("ha-auto"), "succeed");
    last.backupType = QStringLiteral("auto");
    last.createdAt = QDateTime(QDate(2024, 5, 9), QTime(2, 10), Qt::UTC);
    state.addBackup(last);

    QVERIFY(state.advance());
    const Backup made = automatic(state, QStringLiteral("ha-auto")).first();
    QVERIFY(made.backupId != last.backupId);
    QVERIFY2(made.status != QLatin1String("succeed"), "no file was saved yet");
    QVERIFY(!made.isRestorable());
    const QList<RealJob> due = state.dueRealJobs();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().kind, RealJob::Kind::Backup);
    QCOMPARE(due.first().backupId, made.backupId);
    m_now = m_now.addSecs(3600); // long past the simulated end: still the server's to finish
    state.advance();
    QVERIFY(automatic(state, QStringLiteral("ha-auto")).first().status != QLatin1String("succeed"));
    state.startRealJob(due.first());
    state.finishRealJob(due.first(), true, 4242);
    const Backup saved = automatic(state, QStringLiteral("ha-auto")).first();
    QCOMPARE(saved.status, QStringLiteral("succeed"));
    QCOMPARE(saved.size, qint64(4242));
    QVERIFY(state.dueRealJobs().isEmpty());
}

void TestSimState::automaticBackupsCatchUpWithinSaveDays() {
    SimTiming timing;
    timing.automaticBackups = true;
    SimState state(clock(), timing);
    state.addInstance(dailyInstance(QStringLiteral("ha-auto"), 2));
    Backup last = makeBackup(QStringLiteral("b-last"), QStringLiteral("ha-auto"), "succeed");
    last.backupType = QStringLiteral("auto");
    last.createdAt = Origin.addDays(-1);
    state.addBackup(last);
    // Stopped for ten days: only the windows of the last two days (what save_days keeps) are
    // made, and everything older than two days has expired.
    m_now = Origin.addDays(10);
    QVERIFY(state.advance());
    const QList<Backup> backups = automatic(state, QStringLiteral("ha-auto"));
    int succeeded = 0;
    for (const Backup &backup : backups) {
        if (backup.createdAt.addDays(2) <= m_now) {
            QCOMPARE(backup.status, QStringLiteral("expired"));
            QVERIFY(!backup.isRestorable());
        } else {
            QCOMPARE(backup.status, QStringLiteral("succeed"));
            ++succeeded;
        }
    }
    QCOMPARE(succeeded, 2);
    QCOMPARE(backups.size(), 3);
}

void TestSimState::automaticBackupsFailWhenTold() {
    SimTiming timing;
    timing.automaticBackups = true;
    SimState state(clock(), timing);
    state.addInstance(dailyInstance(QStringLiteral("ha-auto"), 7));
    state.setAutomaticBackupsFail(QStringLiteral("ha-auto"), QStringLiteral("dcs.08.0005"));
    m_now = Origin.addDays(-9); // created the day before, at 08:30: one window since
    QVERIFY(state.advance());
    const QList<Backup> backups = automatic(state, QStringLiteral("ha-auto"));
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.first().status, QStringLiteral("failed"));
    QCOMPARE(backups.first().errorCode, QStringLiteral("dcs.08.0005"));
    // Told in the state file too.
    SimState copy(clock(), timing);
    QString error;
    QVERIFY2(copy.fromJson(state.toJson(), &error), qPrintable(error));
    m_now = m_now.addDays(1);
    QVERIFY(copy.advance());
    QCOMPARE(automatic(copy, QStringLiteral("ha-auto")).first().errorCode,
             QStringLiteral("dcs.08.0005"));
    // Told to succeed again: the next one does.
    copy.setAutomaticBackupsFail(QStringLiteral("ha-auto"), {});
    m_now = m_now.addDays(1);
    QVERIFY(copy.advance());
    QCOMPARE(automatic(copy, QStringLiteral("ha-auto")).first().status, QStringLiteral("succeed"));
}

void TestSimState::automaticBackupsOnlyWhereThePolicySays() {
    SimTiming timing;
    timing.automaticBackups = true;
    SimState state(clock(), timing);
    state.addInstance(dailyInstance(QStringLiteral("manual"), 7, "RUNNING", "manual"));
    state.addInstance(dailyInstance(QStringLiteral("error"), 7, "ERROR"));
    state.addInstance(dailyInstance(QStringLiteral("single"), 7, "RUNNING", "auto", "single"));
    QVERIFY(!state.advance());
    for (const QString id : {"manual", "error", "single"})
        QVERIFY(automatic(state, id).isEmpty());
    // Off unless asked: the simulator's tests see only the backups they made.
    SimState off(clock());
    off.addInstance(dailyInstance(QStringLiteral("ha"), 7));
    QVERIFY(!off.advance());
    QVERIFY(off.backups(QStringLiteral("ha"))->isEmpty());
}

QTEST_GUILESS_MAIN(TestSimState)
#include "tst_simstate.moc"
