#include "DemoData.h"

#include "SimState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace dcs::sim::demo {

namespace {

// Name-based (v5) UUIDs: the same demo set, with the same ids, on every machine.
const QUuid IdNamespace(QStringLiteral("{6f1d9a0e-3c2b-4e8f-9a71-5d4c3b2a1f00}"));

QString stableId(const QString &name) {
    return QUuid::createUuidV5(IdNamespace, name).toString(QUuid::WithoutBraces);
}

QString compactId(const QString &name) {
    return stableId(name).remove(QLatin1Char('-'));
}

struct InstanceSpec {
    QString name;
    QString mode; // single, ha, cluster, proxy
    QString engine = QStringLiteral("Redis");
    QString version;
    QString status = QStringLiteral("RUNNING");
    int capacityGb = 1;
    qint64 usedMb = 0;
    QString ip;
    int ageDays = 30;
    QList<Tag> tags;
    QString description;
    bool yearly = false;
    bool ssl = false;
};

QString specCodeFor(const InstanceSpec &spec) {
    if (spec.engine == QLatin1String("Memcached"))
        return QStringLiteral("dcs.memcached.master_standby");
    const QString size = QString::number(spec.capacityGb);
    if (spec.mode == QLatin1String("single"))
        return spec.capacityGb == 0 ? QStringLiteral("redis.single.xu1.tiny.256")
                                    : QStringLiteral("redis.single.xu1.large.") + size;
    if (spec.mode == QLatin1String("ha"))
        return QStringLiteral("redis.ha.xu1.large.r2.") + size;
    if (spec.mode == QLatin1String("cluster"))
        return QStringLiteral("redis.cluster.xu1.large.r3.") + size;
    return QStringLiteral("redis.proxy.xu1.large.") + size;
}

QString resourceSpecCodeFor(const InstanceSpec &spec) {
    if (spec.mode == QLatin1String("single"))
        return QStringLiteral("dcs.single_node");
    if (spec.mode == QLatin1String("ha"))
        return QStringLiteral("dcs.master_standby");
    return QStringLiteral("dcs.cluster"); // the legacy codes know no proxy cluster
}

QString internalVersionFor(const QString &version) {
    if (version == QLatin1String("4.0"))
        return QStringLiteral("4.0.14");
    if (version == QLatin1String("5.0"))
        return QStringLiteral("5.0.14");
    if (version == QLatin1String("6.0"))
        return QStringLiteral("6.2.7");
    return {};
}

Instance makeInstance(const InstanceSpec &spec, const QDateTime &origin) {
    Instance instance;
    const QString id = stableId(QStringLiteral("instance/") + spec.name);
    instance.name = spec.name;
    instance.engine = spec.engine;
    instance.engineVersion = spec.version;
    instance.internalVersion = internalVersionFor(spec.version);
    instance.instanceId = id;
    instance.capacity = spec.capacityGb;
    if (spec.capacityGb == 0)
        instance.capacityMinor = QStringLiteral("0.25");
    instance.maxMemoryMb = spec.capacityGb == 0 ? 256 : qint64(spec.capacityGb) * 1024;
    instance.usedMemoryMb = spec.usedMb;
    instance.ip = spec.ip;
    instance.port = spec.engine == QLatin1String("Memcached") ? 11211 : 6379;
    const QString host = (spec.engine == QLatin1String("Memcached") ? QStringLiteral("memcached-")
                                                                    : QStringLiteral("redis-")) +
                         id.left(8) + QStringLiteral(".dcs.huaweicloud.com");
    instance.domainName = host;
    if (spec.mode == QLatin1String("ha") && spec.engine == QLatin1String("Redis"))
        instance.readonlyDomainName =
            QStringLiteral("redis-") + id.left(8) + QStringLiteral("-readonly.dcs.huaweicloud.com");
    instance.status = spec.status;
    if (spec.status == QLatin1String("ERROR") || spec.status == QLatin1String("CREATEFAILED"))
        instance.errorCode = QStringLiteral("DCS.5000");
    instance.specCode = specCodeFor(spec);
    instance.resourceSpecCode = resourceSpecCodeFor(spec);
    instance.chargingMode = spec.yearly ? 1 : 0;
    const bool production = spec.name.contains(QLatin1String("prod")) ||
                            spec.tags.contains(Tag{QStringLiteral("env"), QStringLiteral("prod")});
    const QString network = production ? QStringLiteral("prod") : QStringLiteral("shared");
    instance.vpcId = stableId(QStringLiteral("vpc/") + network);
    instance.vpcName = QStringLiteral("vpc-") + network;
    instance.subnetId = stableId(QStringLiteral("subnet/") + network);
    instance.subnetName = QStringLiteral("subnet-cache-") + network;
    instance.securityGroupId = stableId(QStringLiteral("sg/") + network);
    instance.securityGroupName = QStringLiteral("sg-redis-") + network;
    instance.createdAt = origin.addDays(-spec.ageDays).addSecs(-3600 * 3 - 17 * 60);
    instance.updateAt = instance.createdAt.addSecs(412);
    instance.userId = compactId(QStringLiteral("user/dcs-admin"));
    instance.userName = QStringLiteral("dcs-admin");
    instance.maintainBegin = QStringLiteral("02:00:00");
    instance.maintainEnd = QStringLiteral("06:00:00");
    instance.noPasswordAccess = spec.mode == QLatin1String("single");
    if (spec.version == QLatin1String("6.0"))
        instance.accessUser = QStringLiteral("default");
    instance.enableSsl = spec.ssl;
    instance.tags = spec.tags;

    instance.hasShowFields = true;
    instance.cacheMode = spec.mode;
    instance.productType = QStringLiteral("generic");
    instance.cpuType = QStringLiteral("x86_64");
    instance.description = spec.description;
    instance.availableZones =
        spec.mode == QLatin1String("single")
            ? QStringList{QStringLiteral("cn-north-4a")}
            : QStringList{QStringLiteral("cn-north-4a"), QStringLiteral("cn-north-4b")};
    instance.dbNumber = spec.mode == QLatin1String("cluster") ? 1 : 256;
    instance.shardingCount =
        (spec.mode == QLatin1String("cluster") || spec.mode == QLatin1String("proxy")) ? 3 : 1;
    if (spec.mode != QLatin1String("single")) {
        QJsonObject plan{{QStringLiteral("begin_at"), QStringLiteral("02:00-03:00")},
                         {QStringLiteral("period_type"), QStringLiteral("weekly")},
                         {QStringLiteral("backup_at"), QJsonArray{1, 2, 3, 4, 5, 6, 7}}};
        QJsonObject policy{{QStringLiteral("backup_type"), QStringLiteral("auto")},
                           {QStringLiteral("save_days"), 7},
                           {QStringLiteral("periodical_backup_plan"), plan}};
        instance.instanceBackupPolicy = QJsonObject{
            {QStringLiteral("backup_policy_id"), stableId(QStringLiteral("policy/") + spec.name)},
            {QStringLiteral("created_at"), instance.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("updated_at"), instance.updateAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("policy"), policy}};
    }
    return instance;
}

struct BackupSpec {
    double ageHours;
    QString type;   // manual / auto
    QString format; // as the service spelled it
    QString status;
    QString remark;
    bool supportRestore = true;
    QString errorCode;
};

Backup makeBackup(const Instance &instance, int number, const BackupSpec &spec,
                  const QDateTime &origin) {
    Backup backup;
    backup.backupId = backupId(instance.name, number);
    backup.instanceId = instance.instanceId;
    backup.createdAt = origin.addSecs(-qint64(spec.ageHours * 3600.0));
    backup.backupName =
        QStringLiteral("backup_") + backup.createdAt.toString(QStringLiteral("yyyyMMddHHmmss"));
    backup.remark = spec.remark;
    if (spec.type == QLatin1String("auto"))
        backup.period = QStringLiteral("02:00-03:00");
    backup.backupType = spec.type;
    backup.backupFormat = spec.format;
    backup.status = spec.status;
    backup.errorCode = spec.errorCode;
    backup.supportRestore = spec.supportRestore;
    const bool done = spec.status == QLatin1String("succeed") ||
                      spec.status == QLatin1String("expired") ||
                      spec.status == QLatin1String("deleted");
    // Sizes are deterministic but not round: a third of the data plus a little per backup.
    backup.size =
        done ? instance.usedMemoryMb * 1024 * 1024 / 3 + 7919LL * (number + 1) * 1024 + 513 : 0;
    backup.progress = done ? 100.0 : 0.0;
    backup.executionAt = backup.createdAt.addSecs(4);
    backup.updatedAt = backup.createdAt.addSecs(spec.status == QLatin1String("failed") ? 95 : 61);
    return backup;
}

// The usual history of an instance that is backed up: daily automatic backups and a few manual
// ones, both formats, and the odd failure, expiry, deletion and unrestorable file.
QList<BackupSpec> usualBackups() {
    const QString autoType = QStringLiteral("auto");
    const QString manual = QStringLiteral("manual");
    const QString rdb = QStringLiteral("rdb");
    const QString aof = QStringLiteral("aof");
    const QString succeed = QStringLiteral("succeed");
    return {
        {20.5, autoType, rdb, succeed, {}, true, {}},
        {27.25, manual, aof, succeed, QStringLiteral("before release 2.14 deploy"), true, {}},
        {44.5, autoType, QStringLiteral("RDB"), succeed, {}, true, {}},
        {52.0, manual, rdb, QStringLiteral("failed"), QStringLiteral("nightly check"), false,
         QStringLiteral("dcs.08.0002")},
        {68.5, autoType, aof, succeed, {}, false, {}},
        {116.5, manual, rdb, succeed, QStringLiteral("迁移前备份 (before migration)"), true, {}},
        {212.5, autoType, rdb, QStringLiteral("expired"), {}, false, {}},
        {260.0, manual, aof, QStringLiteral("deleted"), QStringLiteral("old snapshot"), false, {}},
    };
}

// The usual history, shiftHours older than usual (an instance that has not been backed up since).
void addBackups(SimState &state, const Instance &instance, const QDateTime &origin,
                double shiftHours = 0.0) {
    QList<BackupSpec> specs = usualBackups();
    for (int i = 0; i < specs.size(); ++i) {
        BackupSpec spec = specs.at(i);
        spec.ageHours += shiftHours;
        state.addBackup(makeBackup(instance, i + 1, spec, origin));
    }
}

void addBackups(SimState &state, const Instance &instance, const QList<BackupSpec> &specs,
                const QDateTime &origin) {
    for (int i = 0; i < specs.size(); ++i)
        state.addBackup(makeBackup(instance, i + 1, specs.at(i), origin));
}

// An automatic policy kept for this many days (the demo's usual one is every day, a week).
void setPolicy(Instance &instance, const QString &type, int saveDays = 7) {
    QJsonObject wrapper = instance.instanceBackupPolicy;
    QJsonObject policy = wrapper.value(QStringLiteral("policy")).toObject();
    policy.insert(QStringLiteral("backup_type"), type);
    policy.insert(QStringLiteral("save_days"), saveDays);
    wrapper.insert(QStringLiteral("policy"), policy);
    instance.instanceBackupPolicy = wrapper;
}

// A backup that is still to run or running at the origin: live, so it finishes on its own
// (failed with failCode when one is given).
void addLiveBackup(SimState &state, const Instance &instance, int number, qint64 createdOffsetSec,
                   qint64 startOffsetSec, qint64 endOffsetSec, const QDateTime &origin,
                   const QString &failCode = {}) {
    BackupSpec spec{
        0, QStringLiteral("auto"), QStringLiteral("rdb"), QStringLiteral("waiting"), {}, true, {}};
    Backup backup = makeBackup(instance, number, spec, origin);
    backup.createdAt = origin.addSecs(createdOffsetSec);
    backup.backupName =
        QStringLiteral("backup_") + backup.createdAt.toString(QStringLiteral("yyyyMMddHHmmss"));
    backup.size = instance.usedMemoryMb * 1024 * 1024 / 3 + 4096;
    backup.executionAt = {};
    backup.updatedAt = backup.createdAt;
    JobTimeline job;
    job.live = true;
    job.startAt = origin.addSecs(startOffsetSec);
    job.endAt = origin.addSecs(endOffsetSec);
    job.finalStatus = failCode.isEmpty() ? QStringLiteral("succeed") : QStringLiteral("failed");
    job.finalProgress = failCode.isEmpty() ? 100.0 : 50.0;
    job.finalErrorCode = failCode;
    state.addBackup(backup, job);
}

RestoreRecord makeRestore(const Instance &instance, int backupNumber, double ageHours,
                          const QString &remark, const QString &status, const QDateTime &origin,
                          double backupShiftHours = 0.0) {
    BackupSpec spec = usualBackups().at(backupNumber - 1);
    spec.ageHours += backupShiftHours;
    const Backup backup = makeBackup(instance, backupNumber, spec, origin);
    RestoreRecord record;
    record.createdAt = origin.addSecs(-qint64(ageHours * 3600.0));
    record.restoreId = stableId(QStringLiteral("restore/%1/%2").arg(instance.name).arg(ageHours));
    record.restoreName =
        QStringLiteral("restore_") + record.createdAt.toString(QStringLiteral("yyyyMMddHHmmss"));
    record.backupId = backup.backupId;
    record.backupName = backup.backupName;
    record.restoreRemark = remark;
    record.backupRemark = backup.remark;
    record.status = status;
    if (status == QLatin1String("failed")) {
        record.progress = 50.0;
        record.errorCode = QStringLiteral("dcs.08.0007");
        record.updatedAt = record.createdAt.addSecs(133);
    } else {
        record.progress = 100.0;
        record.updatedAt = record.createdAt.addSecs(247);
    }
    return record;
}

// A background task (v2 §9) that ended long ago, as the task list keeps them.
BackgroundTask makeTask(const Instance &instance, const QString &name, double ageHours,
                        double minutes, const QString &status, const QJsonObject &details,
                        const QDateTime &origin) {
    BackgroundTask task;
    task.id = compactId(QStringLiteral("task/%1/%2/%3").arg(instance.name, name).arg(ageHours));
    task.name = name;
    task.status = status;
    task.createdAt = origin.addSecs(-qint64(ageHours * 3600.0));
    task.updatedAt = task.createdAt.addSecs(qint64(minutes * 60.0));
    task.userName = QStringLiteral("dcs-admin");
    task.userId = compactId(QStringLiteral("user/dcs-admin"));
    task.enableShow = !details.isEmpty();
    task.details = details;
    return task;
}

QList<Tag> tags(std::initializer_list<std::pair<const char *, const char *>> pairs) {
    QList<Tag> result;
    for (const auto &pair : pairs)
        result.append({QString::fromUtf8(pair.first), QString::fromUtf8(pair.second)});
    return result;
}

} // namespace

QString instanceId(const QString &name) {
    return stableId(QStringLiteral("instance/") + name);
}

QString backupId(const QString &instanceName, int number) {
    return stableId(QStringLiteral("backup/%1/%2").arg(instanceName).arg(number));
}

void seed(SimState &state, const QDateTime &origin) {
    const QString redis = QStringLiteral("Redis");
    // Newest first in the list: order-cache-prod is the newest, so it is the first ha instance.
    QList<InstanceSpec> specs;
    specs.append({restorableInstanceName(), QStringLiteral("ha"), redis, QStringLiteral("5.0"),
                  QStringLiteral("RUNNING"), 8, 3187, QStringLiteral("192.168.0.21"), 12,
                  tags({{"env", "prod"}, {"team", "order"}}), QStringLiteral("Order service cache"),
                  true, false});
    specs.append({QStringLiteral("session-store"), QStringLiteral("cluster"), redis,
                  QStringLiteral("6.0"), QStringLiteral("RUNNING"), 24, 9731,
                  QStringLiteral("192.168.1.11,192.168.1.12,192.168.1.13"), 41,
                  tags({{"env", "prod"}, {"team", "identity"}}),
                  QStringLiteral("Web and app sessions"), true, true});
    specs.append({QStringLiteral("user-profile-cache"), QStringLiteral("proxy"), redis,
                  QStringLiteral("6.0"), QStringLiteral("RUNNING"), 16, 5120,
                  QStringLiteral("192.168.1.40"), 63, tags({{"env", "prod"}, {"team", "user"}}),
                  QStringLiteral("Profile read cache behind the user service"), false, false});
    specs.append({restoringInstanceName(), QStringLiteral("ha"), redis, QStringLiteral("6.0"),
                  QStringLiteral("RUNNING"), 4, 1433, QStringLiteral("192.168.0.35"), 88,
                  tags({{"env", "prod"}, {"team", "payments"}, {"pci", "true"}}),
                  QStringLiteral("Payment tokens and idempotency keys"), true, true});
    specs.append({singleNodeInstanceName(), QStringLiteral("single"), redis, QStringLiteral("5.0"),
                  QStringLiteral("RUNNING"), 1, 212, QStringLiteral("192.168.2.7"), 104,
                  tags({{"env", "prod"}, {"team", "edge"}}),
                  QStringLiteral("API gateway rate limits"), false, false});
    specs.append({QStringLiteral("leaderboard-cluster"), QStringLiteral("cluster"), redis,
                  QStringLiteral("4.0"), QStringLiteral("ERROR"), 32, 20480,
                  QStringLiteral("192.168.3.11,192.168.3.12,192.168.3.13"), 150,
                  tags({{"env", "staging"}, {"team", "games"}}),
                  QStringLiteral("Game leaderboards (sorted sets)"), false, false});
    specs.append({QStringLiteral("analytics-buffer-test"), QStringLiteral("ha"), redis,
                  QStringLiteral("4.0"), QStringLiteral("RUNNING"), 2, 731,
                  QStringLiteral("192.168.4.22"), 190, tags({{"env", "test"}}),
                  QStringLiteral("Click stream buffer for the analytics test bed"), false, false});
    specs.append({QStringLiteral("legacy-page-cache"), QStringLiteral("ha"),
                  QStringLiteral("Memcached"), QStringLiteral("1.5"), QStringLiteral("RUNNING"), 2,
                  640, QStringLiteral("192.168.5.14"), 230, tags({{"env", "prod"}}),
                  QStringLiteral("Rendered page fragments of the old portal"), true, false});
    specs.append({QStringLiteral("feature-flags-dev"), QStringLiteral("single"), redis,
                  QStringLiteral("6.0"), QStringLiteral("CREATING"), 0, 0,
                  QStringLiteral("192.168.6.9"), 0, tags({{"env", "dev"}}),
                  QStringLiteral("Feature flags for developers"), false, false});
    specs.append({QStringLiteral("tmp-migration-cache"), QStringLiteral("single"), redis,
                  QStringLiteral("5.0"), QStringLiteral("CREATEFAILED"), 2, 0,
                  QStringLiteral("192.168.6.10"), 1, tags({{"env", "dev"}}),
                  QStringLiteral("Creation failed: subnet has no free addresses"), false, false});

    QList<Instance> instances;
    for (int i = 0; i < specs.size(); ++i) {
        Instance instance = makeInstance(specs.at(i), origin);
        // The list is newest first; keep the order above whatever the ages round to.
        instance.createdAt = origin.addDays(-specs.at(i).ageDays).addSecs(-3600 - i * 60);
        instance.updateAt = instance.createdAt.addSecs(412);
        // The backup health story of the fleet: automatic backups were turned off on the test
        // bed, whose last manual backup is four days old.
        if (instance.name == QLatin1String("analytics-buffer-test"))
            setPolicy(instance, QStringLiteral("manual"));
        instances.append(instance);
    }
    state.addInstances(instances);

    const QString manual = QStringLiteral("manual");
    const QString succeed = QStringLiteral("succeed");
    for (const Instance &instance : instances) {
        if (!instance.supportsBackup() || instance.status == QLatin1String("CREATING") ||
            instance.status == QLatin1String("CREATEFAILED"))
            continue;
        if (instance.name == QLatin1String("analytics-buffer-test")) {
            addBackups(state, instance,
                       {{96.5,
                         manual,
                         QStringLiteral("rdb"),
                         succeed,
                         QStringLiteral("before the load test"),
                         true,
                         {}},
                        {150.0,
                         manual,
                         QStringLiteral("aof"),
                         succeed,
                         QStringLiteral("weekly snapshot"),
                         true,
                         {}},
                        {212.5,
                         QStringLiteral("auto"),
                         QStringLiteral("rdb"),
                         QStringLiteral("expired"),
                         {},
                         false,
                         {}},
                        {236.5,
                         QStringLiteral("auto"),
                         QStringLiteral("aof"),
                         QStringLiteral("expired"),
                         {},
                         false,
                         {}},
                        {260.0,
                         manual,
                         QStringLiteral("rdb"),
                         QStringLiteral("deleted"),
                         QStringLiteral("old snapshot"),
                         false,
                         {}}},
                       origin);
        } else if (instance.name == QLatin1String("leaderboard-cluster")) {
            // In ERROR for five days: no automatic backup has run since.
            addBackups(state, instance, origin, 100.0);
        } else {
            addBackups(state, instance, origin);
        }
    }

    auto byName = [&](const QString &name) {
        for (const Instance &instance : instances) {
            if (instance.name == name)
                return instance;
        }
        return Instance{};
    };

    // A backup being written on session-store and one queued on analytics-buffer-test: both
    // instances refuse a restore (DCS.4096) until these end. The queued one times out: the test
    // bed's backups are left to chance since automatic backups were turned off there.
    addLiveBackup(state, byName(QStringLiteral("session-store")), 9, -180, -170, 40 * 60, origin);
    addLiveBackup(state, byName(QStringLiteral("analytics-buffer-test")), 9, -30, 20 * 60, 50 * 60,
                  origin, QStringLiteral("dcs.08.0002"));

    const Instance order = byName(restorableInstanceName());
    state.addRestore(order.instanceId,
                     makeRestore(order, 6, 100.0, QStringLiteral("roll back bad price import"),
                                 QStringLiteral("succeed"), origin));
    const Instance session = byName(QStringLiteral("session-store"));
    state.addRestore(session.instanceId,
                     makeRestore(session, 6, 50.0, QStringLiteral("restore after flush"),
                                 QStringLiteral("failed"), origin));
    state.addRestore(session.instanceId,
                     makeRestore(session, 6, 46.0, QStringLiteral("second attempt"),
                                 QStringLiteral("succeed"), origin));
    const Instance leaderboard = byName(QStringLiteral("leaderboard-cluster"));
    state.addRestore(leaderboard.instanceId,
                     makeRestore(leaderboard, 1, 18.0, QStringLiteral("恢复排行榜数据"),
                                 QStringLiteral("failed"), origin, 100.0));

    // Background tasks: the usual history, and a master/standby switchover that runs for twenty
    // minutes after the first start, which the console names as colliding with a restore.
    state.addTask(order.instanceId, makeTask(order, QStringLiteral("modify"), 24.0 * 30, 0.5,
                                             QStringLiteral("SUCCESS"), {}, origin));
    state.addTask(order.instanceId,
                  makeTask(order, QStringLiteral("AddWhitelist"), 24.0 * 5 + 3, 1.0,
                           QStringLiteral("SUCCESS"),
                           {{QStringLiteral("group_name"), QStringLiteral("app-servers")}},
                           origin));
    state.addTask(session.instanceId,
                  makeTask(session, QStringLiteral("EXTEND"), 24.0 * 20, 14.0,
                           QStringLiteral("SUCCESS"),
                           {{QStringLiteral("old_capacity"), QStringLiteral("16")},
                            {QStringLiteral("new_capacity"), QStringLiteral("24")}},
                           origin));
    state.addTask(
        session.instanceId,
        makeTask(session, QStringLiteral("BindEip"), 24.0 * 9, 2.0, QStringLiteral("FAILED"),
                 {{QStringLiteral("public_ip_address"), QStringLiteral("203.0.113.40")}}, origin));
    const Instance legacy = byName(QStringLiteral("legacy-page-cache"));
    // The storage quota is used up: its automatic backups fail since this morning, and go on
    // failing (dcs-sim --auto-backups).
    state.addBackup(makeBackup(legacy, 9,
                               {4.0,
                                QStringLiteral("auto"),
                                QStringLiteral("rdb"),
                                QStringLiteral("failed"),
                                {},
                                false,
                                QStringLiteral("dcs.08.0005")},
                               origin));
    state.setAutomaticBackupsFail(legacy.instanceId, QStringLiteral("dcs.08.0005"));
    BackgroundTask swap = makeTask(legacy, QStringLiteral("masterStandbySwapJob"), 1.0 / 60.0, 0,
                                   QStringLiteral("EXECUTING"), {}, origin);
    swap.updatedAt = {};
    JobTimeline swapJob;
    swapJob.live = true;
    swapJob.startAt = swap.createdAt;
    swapJob.endAt = origin.addSecs(20 * 60);
    swapJob.finalStatus = QStringLiteral("SUCCESS");
    state.addTask(legacy.instanceId, swap, swapJob);

    // payment-gateway-cache is RESTORING because this restore runs for a quarter of an hour.
    const Instance payment = byName(restoringInstanceName());
    state.addRestore(payment.instanceId,
                     makeRestore(payment, 6, 100.0, QString(), QStringLiteral("succeed"), origin));
    RestoreRecord running =
        makeRestore(payment, 3, 2.0 / 60.0, QStringLiteral("restore before audit"),
                    QStringLiteral("waiting"), origin);
    running.progress = 0.0;
    running.updatedAt = running.createdAt;
    JobTimeline job;
    job.live = true;
    job.startAt = origin.addSecs(-60);
    job.endAt = origin.addSecs(15 * 60);
    job.finalStatus = QStringLiteral("succeed");
    job.finalProgress = 100.0;
    state.addRestore(payment.instanceId, running, job);
}

bool hasRealRedis(const Instance &instance) {
    static const QStringList demoNames{restorableInstanceName(),
                                       QStringLiteral("session-store"),
                                       QStringLiteral("user-profile-cache"),
                                       restoringInstanceName(),
                                       singleNodeInstanceName(),
                                       QStringLiteral("leaderboard-cluster"),
                                       QStringLiteral("analytics-buffer-test"),
                                       QStringLiteral("feature-flags-dev"),
                                       QStringLiteral("tmp-migration-cache")};
    return instance.engine == QLatin1String("Redis") && demoNames.contains(instance.name) &&
           instance.instanceId == instanceId(instance.name) &&
           instance.status != QLatin1String("CREATING") &&
           instance.status != QLatin1String("CREATEFAILED");
}

namespace {

// Adds the instances of a set, newest first as listed, and returns them.
QList<Instance> addSet(SimState &state, const QList<InstanceSpec> &specs, const QDateTime &origin,
                       const QString &region) {
    QList<Instance> instances;
    for (int i = 0; i < specs.size(); ++i) {
        Instance instance = makeInstance(specs.at(i), origin);
        instance.createdAt = origin.addDays(-specs.at(i).ageDays).addSecs(-3600 - i * 60);
        instance.updateAt = instance.createdAt.addSecs(412);
        for (QString &zone : instance.availableZones)
            zone.replace(QStringLiteral("cn-north-4"), region);
        instances.append(instance);
    }
    state.addInstances(instances);
    return instances;
}

Instance findIn(const QList<Instance> &instances, const QString &name) {
    for (const Instance &instance : instances) {
        if (instance.name == name)
            return instance;
    }
    return {};
}

} // namespace

// cn-north-4_analytics: one healthy cluster; backups kept for a day only, so the newest
// restorable one always expires within a day; one whose backups always fail, so nothing can be
// restored; a single-node one.
void seedAnalytics(SimState &state, const QDateTime &origin) {
    const QString redis = QStringLiteral("Redis");
    QList<InstanceSpec> specs;
    specs.append({QStringLiteral("ml-feature-store"), QStringLiteral("ha"), redis,
                  QStringLiteral("6.0"), QStringLiteral("RUNNING"), 8, 120,
                  QStringLiteral("10.20.0.31"), 3, tags({{"env", "prod"}, {"team", "ml"}}),
                  QStringLiteral("Online features for the ranking model"), false, true});
    specs.append({QStringLiteral("clickstream-agg"), QStringLiteral("cluster"), redis,
                  QStringLiteral("6.0"), QStringLiteral("RUNNING"), 32, 14336,
                  QStringLiteral("10.20.1.11,10.20.1.12,10.20.1.13"), 75,
                  tags({{"env", "prod"}, {"team", "analytics"}}),
                  QStringLiteral("Per-minute click aggregates"), true, false});
    specs.append({QStringLiteral("report-cache"), QStringLiteral("ha"), redis,
                  QStringLiteral("5.0"), QStringLiteral("RUNNING"), 4, 1890,
                  QStringLiteral("10.20.0.44"), 120, tags({{"env", "prod"}, {"team", "bi"}}),
                  QStringLiteral("Rendered dashboards; backups kept for one day"), false, false});
    specs.append({QStringLiteral("ab-test-flags"), QStringLiteral("single"), redis,
                  QStringLiteral("5.0"), QStringLiteral("RUNNING"), 1, 64,
                  QStringLiteral("10.20.0.52"), 33, tags({{"env", "prod"}, {"team", "growth"}}),
                  QStringLiteral("Experiment assignments"), false, false});
    QList<Instance> instances = addSet(state, specs, origin, QStringLiteral("cn-north-4"));
    // Its backups have never worked: the storage credentials were never set up, so every
    // automatic backup fails, and nothing can be restored.
    const Instance features = findIn(instances, QStringLiteral("ml-feature-store"));
    const QString autoType = QStringLiteral("auto");
    const QString rdb = QStringLiteral("rdb");
    const QString noCredentials = QStringLiteral("dcs.08.0004");
    addBackups(state, features,
               {{20.5, autoType, rdb, QStringLiteral("failed"), {}, false, noCredentials},
                {44.5, autoType, rdb, QStringLiteral("failed"), {}, false, noCredentials}},
               origin);
    state.setAutomaticBackupsFail(features.instanceId, noCredentials);

    addBackups(state, findIn(instances, QStringLiteral("clickstream-agg")), origin);
    Instance report = findIn(instances, QStringLiteral("report-cache"));
    setPolicy(report, QStringLiteral("auto"), 1);
    state.addInstance(report);
    addBackups(state, report,
               {{20.5, autoType, rdb, QStringLiteral("succeed"), {}, true, {}},
                {44.5, autoType, rdb, QStringLiteral("expired"), {}, false, {}},
                {68.5, autoType, rdb, QStringLiteral("expired"), {}, false, {}}},
               origin);
}

// cn-east-3: two healthy instances; one whose backups none can be restored from (and automatic
// backups off); one frozen for three days, so nothing has backed it up since.
void seedEast(SimState &state, const QDateTime &origin) {
    const QString redis = QStringLiteral("Redis");
    QList<InstanceSpec> specs;
    specs.append({QStringLiteral("cdn-token-cache"), QStringLiteral("ha"), redis,
                  QStringLiteral("6.0"), QStringLiteral("RUNNING"), 4, 980,
                  QStringLiteral("172.16.0.12"), 20, tags({{"env", "prod"}, {"team", "edge"}}),
                  QStringLiteral("Signed URL tokens for the CDN"), true, true});
    specs.append({QStringLiteral("inventory-cache-prod"), QStringLiteral("cluster"), redis,
                  QStringLiteral("5.0"), QStringLiteral("RUNNING"), 48, 30211,
                  QStringLiteral("172.16.1.21,172.16.1.22,172.16.1.23"), 60,
                  tags({{"env", "prod"}, {"team", "inventory"}}),
                  QStringLiteral("Stock levels by warehouse"), true, false});
    specs.append({QStringLiteral("search-suggest"), QStringLiteral("proxy"), redis,
                  QStringLiteral("6.0"), QStringLiteral("RUNNING"), 16, 6020,
                  QStringLiteral("172.16.2.40"), 95, tags({{"env", "prod"}, {"team", "search"}}),
                  QStringLiteral("Type-ahead suggestions"), false, false});
    specs.append({QStringLiteral("geo-lookup"), QStringLiteral("ha"), redis, QStringLiteral("5.0"),
                  QStringLiteral("FROZEN"), 2, 410, QStringLiteral("172.16.0.77"), 140,
                  tags({{"env", "prod"}, {"team", "maps"}}),
                  QStringLiteral("IP to region lookups (account frozen)"), false, false});
    const QList<Instance> instances = addSet(state, specs, origin, QStringLiteral("cn-east-3"));
    addBackups(state, findIn(instances, QStringLiteral("cdn-token-cache")), origin);
    addBackups(state, findIn(instances, QStringLiteral("inventory-cache-prod")), origin);
    // Written as AOF on a proxy cluster, none of its backups can be restored from; automatic
    // backups were then turned off instead of fixed.
    const QString autoType = QStringLiteral("auto");
    const QString aof = QStringLiteral("aof");
    const QString succeed = QStringLiteral("succeed");
    Instance suggest = findIn(instances, QStringLiteral("search-suggest"));
    setPolicy(suggest, QStringLiteral("manual"));
    state.addInstance(suggest);
    addBackups(
        state, suggest,
        {{20.5, autoType, aof, succeed, {}, false, {}},
         {44.5, autoType, aof, succeed, {}, false, {}},
         {68.5, autoType, aof, QStringLiteral("failed"), {}, false, QStringLiteral("dcs.08.0002")}},
        origin);
    addBackups(state, findIn(instances, QStringLiteral("geo-lookup")), origin, 52.0);
}

QStringList dataSets() {
    return {QStringLiteral("standard"), QStringLiteral("analytics"), QStringLiteral("east"),
            QStringLiteral("empty")};
}

bool seedSet(SimState &state, const QDateTime &origin, const QString &name) {
    if (name == QLatin1String("standard"))
        seed(state, origin);
    else if (name == QLatin1String("analytics"))
        seedAnalytics(state, origin);
    else if (name == QLatin1String("east"))
        seedEast(state, origin);
    else if (name != QLatin1String("empty"))
        return false;
    return true;
}

void addGeneratedInstances(SimState &state, int count, const QDateTime &origin) {
    static const char *const modes[] = {"single", "ha", "cluster", "proxy"};
    static const char *const versions[] = {"4.0", "5.0", "6.0"};
    QList<Instance> instances;
    QList<Backup> backups;
    for (int n = 1; n <= count; ++n) {
        const QString name = QStringLiteral("gen-instance-%1").arg(n, 5, 10, QLatin1Char('0'));
        if (state.hasInstance(instanceId(name)))
            continue;
        InstanceSpec spec;
        spec.name = name;
        spec.mode = QString::fromLatin1(modes[n % 4]);
        spec.version = QString::fromLatin1(versions[n % 3]);
        spec.status = n % 100 == 0 ? QStringLiteral("ERROR") : QStringLiteral("RUNNING");
        spec.capacityGb = spec.mode == QLatin1String("cluster") ? 24 : 2 << (n % 3);
        spec.usedMb = (n * 37) % (spec.capacityGb * 1024);
        spec.ip = QStringLiteral("192.168.%1.%2").arg(100 + n / 250).arg(n % 250 + 1);
        spec.tags = tags({{"env", "scale"}});
        spec.description = QStringLiteral("Generated for scale tests");
        Instance instance = makeInstance(spec, origin);
        // Older than every demo instance, so the demo set stays on the first page.
        instance.createdAt = origin.addDays(-400).addSecs(qint64(n) * 600);
        instance.updateAt = instance.createdAt.addSecs(412);
        instances.append(instance);
        if (instance.supportsBackup()) {
            const QList<BackupSpec> specs = usualBackups();
            backups.append(makeBackup(instance, 1, specs.at(0), origin));
            backups.append(makeBackup(instance, 2, specs.at(1), origin));
        }
    }
    state.addInstances(instances);
    for (const Backup &backup : backups)
        state.addBackup(backup);
}

void addManyBackups(SimState &state, int count, const QDateTime &origin) {
    const QString name = manyBackupsInstanceName();
    if (count <= 0 || state.hasInstance(instanceId(name)))
        return;
    InstanceSpec spec;
    spec.name = name;
    spec.mode = QStringLiteral("ha");
    spec.version = QStringLiteral("6.0");
    spec.status = QStringLiteral("RUNNING");
    spec.capacityGb = 8;
    spec.usedMb = 3100;
    spec.ip = QStringLiteral("192.168.99.10");
    spec.tags = tags({{"env", "scale"}});
    spec.description = QStringLiteral("Generated for scale tests: a long backup history");
    Instance instance = makeInstance(spec, origin);
    instance.createdAt = origin.addDays(-1100);
    instance.updateAt = instance.createdAt.addSecs(412);
    state.addInstances({instance});
    const QList<BackupSpec> specs = usualBackups();
    QList<Backup> backups;
    backups.reserve(count);
    for (int n = 1; n <= count; ++n) {
        BackupSpec backupSpec = specs.at(n % specs.size());
        backupSpec.ageHours = 0.5 + n * 0.25;
        backups.append(makeBackup(instance, n, backupSpec, origin));
    }
    state.addBackups(backups);
}

} // namespace dcs::sim::demo
