// The fleet's cache: what is kept (and what is not), a damaged or foreign file read as empty,
// and the file's permissions (0600 in a 0700 folder).

#include "fleet/FleetCache.h"
#include "settings/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;

namespace {

const QDateTime Now(QDate(2026, 3, 11), QTime(10, 0), Qt::UTC);

FleetInstance row(const QString &source, const QString &id, double hoursAgo) {
    FleetInstance r;
    r.sourceKey = source;
    r.instance.instanceId = id;
    r.instance.name = QStringLiteral("cache-") + id;
    r.instance.engine = QStringLiteral("Redis");
    r.instance.engineVersion = QStringLiteral("6.0");
    r.instance.status = QStringLiteral("RUNNING");
    r.instance.specCode = QStringLiteral("redis.ha.xu1.large.r2.2");
    r.instance.capacity = 2;
    r.instance.ip = QStringLiteral("192.168.0.9");
    r.instance.port = 6379;
    r.instance.createdAt = Now.addDays(-30);
    r.instance.vpcId = QStringLiteral("vpc-not-kept");
    Backup b;
    b.backupId = QStringLiteral("b");
    b.createdAt = Now.addSecs(-qint64(hoursAgo * 3600));
    b.status = QStringLiteral("succeed");
    b.supportRestore = true;
    b.backupType = QStringLiteral("auto");
    BackupPolicy policy;
    policy.backupAt = {1, 2, 3, 4, 5, 6, 7};
    r.facts = summarizeHealth(r.instance, true, policy, {b}, std::nullopt, Now);
    r.announced = HealthVerdict::Healthy;
    return r;
}

} // namespace

class TestFleetCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void asStoredIsWhatALoadReads();
    void damagedOrForeignFilesAreEmpty();
    void privateFiles();
};

void TestFleetCache::roundTrip() {
    FleetSnapshot snapshot;
    snapshot.sources.append(
        {QStringLiteral("p1|cn-north-4/aaa"),
         Now.addSecs(-60),
         {row(QStringLiteral("p1|cn-north-4/aaa"), QStringLiteral("i-1"), 5),
          row(QStringLiteral("p1|cn-north-4/aaa"), QStringLiteral("i-2"), 50)}});
    FleetInstance unread;
    unread.sourceKey = QStringLiteral("p1|cn-east-3/bbb");
    unread.instance.instanceId = QStringLiteral("i-3");
    unread.instance.name = QStringLiteral("new");
    snapshot.sources.append({QStringLiteral("p1|cn-east-3/bbb"), Now, {unread}});

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/fleet-health.json"));
    QString error;
    QVERIFY2(FleetCache::save(path, snapshot, &error), qPrintable(error));
    const FleetSnapshot back = FleetCache::load(path, &error);
    QCOMPARE(back.sources.size(), 2);
    const FleetSnapshot::Source *first = back.source(QStringLiteral("p1|cn-north-4/aaa"));
    QVERIFY(first);
    QCOMPARE(first->listedAt, Now.addSecs(-60));
    QCOMPARE(first->instances.size(), 2);
    const FleetInstance &a = first->instances.at(0);
    QCOMPARE(a.instance.instanceId, QStringLiteral("i-1"));
    QCOMPARE(a.instance.name, QStringLiteral("cache-i-1"));
    QCOMPARE(a.instance.status, QStringLiteral("RUNNING"));
    QCOMPARE(a.instance.type(), snapshot.sources.at(0).instances.at(0).instance.type());
    QCOMPARE(a.instance.ip, QStringLiteral("192.168.0.9"));
    QCOMPARE(a.facts, snapshot.sources.at(0).instances.at(0).facts);
    QCOMPARE(a.announced, std::optional<HealthVerdict>(HealthVerdict::Healthy));
    QCOMPARE(a.sourceKey, QStringLiteral("p1|cn-north-4/aaa"));
    // Only what the fleet shows is kept.
    QVERIFY(a.instance.vpcId.isEmpty());
    const FleetSnapshot::Source *second = back.source(QStringLiteral("p1|cn-east-3/bbb"));
    QVERIFY(second);
    QVERIFY(!second->instances.first().facts);
    QVERIFY(!second->instances.first().announced);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("\"format\":\"dcs-console-fleet\""));
    QVERIFY(!text.contains("vpc-not-kept"));
}

// A fleet opened again while the last one's write is under way takes the rows from memory: they
// must be what a load of the file will read, field for field.
void TestFleetCache::asStoredIsWhatALoadReads() {
    const QString key = QStringLiteral("p1|cn-north-4/aaa");
    FleetInstance shown = row(key, QStringLiteral("i-1"), 5);
    shown.instance.cacheMode = QStringLiteral("ha");
    shown.instance.hasShowFields = true;
    shown.instance.instanceBackupPolicy = QJsonObject{{QStringLiteral("backup_type"), 1}};
    shown.instance.createdAt = Now.addMSecs(-1234567); // milliseconds
    shown.instance.capacityMinor = QStringLiteral(".5");
    shown.instance.domainName = QStringLiteral("i-1.dcs.example");
    shown.health.verdict = HealthVerdict::AtRisk; // judged again after a load
    shown.reading = true;
    shown.readError = QStringLiteral("not kept");
    shown.backupId = QStringLiteral("b-running");
    shown.backupStatus = QStringLiteral("backuping");
    FleetInstance bare;
    bare.sourceKey = key;
    bare.instance.instanceId = QStringLiteral("i-2"); // no name, capacity unknown, no facts
    bare.instance.capacity = -1;
    FleetInstance noId; // left out
    noId.instance.name = QStringLiteral("no id");
    FleetInstance told = row(key, QStringLiteral("i-3"), 70);
    told.announced = HealthVerdict::CannotRestore;
    FleetSnapshot snapshot;
    snapshot.sources.append({key, Now.addSecs(-60), {shown, bare, noId, told, shown}});
    snapshot.sources.append({QStringLiteral("p1|cn-east-3/bbb"), QDateTime(), {}});
    snapshot.sources.append({QString(), Now, {bare}}); // no key: left out

    const FleetSnapshot stored = FleetCache::asStored(snapshot);
    const std::optional<FleetSnapshot> read =
        FleetCache::fromJson(FleetCache::toJson(snapshot, Now));
    QVERIFY(read);
    QCOMPARE(stored.sources.size(), read->sources.size());
    QCOMPARE(stored.sources.size(), 2);
    for (qsizetype i = 0; i < stored.sources.size(); ++i) {
        const FleetSnapshot::Source &a = stored.sources.at(i);
        const FleetSnapshot::Source &b = read->sources.at(i);
        QCOMPARE(a.key, b.key);
        QCOMPARE(a.listedAt, b.listedAt);
        QCOMPARE(a.instances.size(), b.instances.size());
        for (qsizetype r = 0; r < a.instances.size(); ++r) {
            QCOMPARE(a.instances.at(r).instance, b.instances.at(r).instance);
            QVERIFY(a.instances.at(r) == b.instances.at(r));
        }
    }
    QCOMPARE(stored.sources.at(0).instances.size(), 4);
    // Only what the file keeps: no read state, no backup followed, no verdict.
    const FleetInstance &first = stored.sources.at(0).instances.at(0);
    QVERIFY(!first.reading);
    QVERIFY(first.readError.isEmpty());
    QVERIFY(first.backupId.isEmpty());
    QCOMPARE(first.health.verdict, HealthVerdict::Unknown);
    QCOMPARE(first.facts, shown.facts);
}

void TestFleetCache::damagedOrForeignFilesAreEmpty() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fleet-health.json"));
    QString error;
    QVERIFY(FleetCache::load(path, &error).sources.isEmpty()); // missing
    for (const QByteArray &content :
         {QByteArray("{not json"), QByteArray("[]"),
          QByteArray(R"({"format":"something-else","version":1,"sources":[]})"),
          QByteArray(R"({"format":"dcs-console-fleet","version":99,"sources":[]})")}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        error.clear();
        QVERIFY(FleetCache::load(path, &error).sources.isEmpty());
        QVERIFY(!error.isEmpty());
    }
    // Entries without an instance id are skipped, the rest kept.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
        R"({"format":"dcs-console-fleet","version":1,"sources":[{"key":"k","instances":[)"
        R"({"instance":{}},{"instance":{"instance_id":"i","name":"n"},"facts":{"x":1}}]}]})");
    file.close();
    const FleetSnapshot partial = FleetCache::load(path);
    QCOMPARE(partial.sources.size(), 1);
    QCOMPARE(partial.sources.first().instances.size(), 1);
    QVERIFY(!partial.sources.first().instances.first().facts); // damaged facts: read again
}

void TestFleetCache::privateFiles() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("deep/data"));
    const QString path = QDir(folder).filePath(QStringLiteral("fleet-health.json"));
    QVERIFY(FleetCache::save(path, {}));
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QCOMPARE(QFileInfo(path).permissions() &
                 (owner | QFileDevice::ReadGroup | QFileDevice::ReadOther |
                  QFileDevice::WriteGroup | QFileDevice::WriteOther),
             owner);
    QCOMPARE(QFileInfo(folder).permissions() &
                 (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                  QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                  QFileDevice::ExeOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // A rewrite keeps it private and leaves no temporary file beside it.
    QVERIFY(FleetCache::save(path, {}));
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("fleet-health.json")});
    // An existing folder open to others is closed.
    const QString open = dir.filePath(QStringLiteral("open"));
    QVERIFY(QDir().mkpath(open));
    QVERIFY(QFile::setPermissions(open, QFileDevice::Permissions(0x7777)));
    QVERIFY(privatefiles::ensureFolder(open));
    QVERIFY(!(QFileInfo(open).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
    // A file where the folder should be: a clear error, nothing written.
    QFile blocker(dir.filePath(QStringLiteral("blocked")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!FleetCache::save(dir.filePath(QStringLiteral("blocked/fleet.json")), {}, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestFleetCache)
#include "tst_fleetcache.moc"
