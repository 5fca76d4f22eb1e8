// The v2 value types read as the contract's client rules say (dcs-api-v2.md §0): strings, numbers
// and bools where the SDK types and the documented examples disagree, {} and null as absent,
// unknown fields ignored. Also the backup policy in words and as a before/after comparison.

#include "model/BackgroundTask.h"
#include "model/BackupLinks.h"
#include "model/BackupPolicy.h"
#include "model/Instance.h"
#include "model/StatusCounts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace dcs;

namespace {

QJsonObject object(const char *json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestV2Types : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // Plural forms come from the catalogues, as in the console (English has its own).
        QVERIFY(m_english.load(QStringLiteral(":/i18n/dcs-console_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void chineseWords();
    void instanceListRowAsDocumented();
    void showInstanceTaskIsTolerant();
    void backgroundTasks();
    void statusCounts();
    void backupLinks();
    void backupPolicyReadsEitherShape();
    void backupPolicyProblemsAndWords();
    void backupPolicyComparison();

private:
    QTranslator m_english;
};

void TestV2Types::instanceListRowAsDocumented() {
    // The OTC example row, with its type slips: a bool for a string, a number for a string,
    // {} for null, and updated_at rather than v1.0's update_at.
    const Instance i = Instance::fromJson(object(R"({
        "instance_id": "6b8e8e0f", "name": "dcs-demo", "engine": "Redis", "engine_version": "5.0",
        "spec_code": "redis.ha.xu1.tiny.r2.128", "status": "RUNNING", "sub_status": "normal",
        "capacity": 0, "capacity_minor": ".125", "max_memory": 128, "used_memory": 2,
        "ip": "192.168.0.2", "port": 6379, "domain_name": "redis-6b8e.dcs.example.com",
        "az_codes": ["cn-north-4a"], "created_at": "2022-04-11T09:45:24.790Z",
        "updated_at": "2022-04-12T02:22:03.269Z", "enterprise_project_id": 0,
        "no_password_access": true, "publicip_id": {}, "tags": [{"key": 1, "value": "x"}],
        "features": {"support_acl": true}, "unknown_field": [1, 2]
    })"));
    QCOMPARE(i.instanceId, QStringLiteral("6b8e8e0f"));
    QCOMPARE(i.type(), InstanceType::MasterStandby); // from spec_code: the list has no cache_mode
    QVERIFY(i.noPasswordAccess);
    QVERIFY(i.publicIpId.isEmpty());
    QCOMPARE(i.tags.first().key, QStringLiteral("1"));
    QCOMPARE(i.updateAt, QDateTime(QDate(2022, 4, 12), QTime(2, 22, 3, 269), Qt::UTC));
    QCOMPARE(i.subStatus, QStringLiteral("normal"));
    QCOMPARE(i.domainName, QStringLiteral("redis-6b8e.dcs.example.com"));
    QVERIFY(!i.hasShowFields);
}

void TestV2Types::showInstanceTaskIsTolerant() {
    QVERIFY(Instance::fromJson(object(R"({"task": null})")).task.isEmpty());
    QVERIFY(Instance::fromJson(object(R"({"task": {}})")).task.isEmpty());
    QCOMPARE(Instance::fromJson(object(R"({"task": "BACKUPING"})")).task,
             QStringLiteral("BACKUPING"));
    QVERIFY(!Instance::fromJson(object(R"({"task": {"name": "EXTEND"}})")).task.isEmpty());
    const Instance shown = Instance::fromJson(object(R"({"cache_mode": "ha",
        "update_at": "2022-04-12T02:22:03.269Z", "instance_backup_policy": null})"));
    QVERIFY(shown.hasShowFields);
    QVERIFY(shown.updateAt.isValid());
    QVERIFY(!BackupPolicy::fromJson(shown.instanceBackupPolicy));
}

void TestV2Types::backgroundTasks() {
    const BackgroundTask t = BackgroundTask::fromJson(object(R"({
        "id": "1e1d6c7d1c9948b6b4a1a8d1f0f8e2a3", "name": "EXTEND", "params": null,
        "status": "SUCCESS", "user_name": "admin", "created_at": "2020-06-17T07:38:42.014Z",
        "updated_at": "2020-06-17T07:39:53.811Z", "enable_show": true,
        "details": {"old_capacity": "0.125", "new_capacity": "0.25"}})"));
    QCOMPARE(t.name, QStringLiteral("EXTEND"));
    QVERIFY(t.isFinished());
    QVERIFY(!t.isRunning());
    QCOMPARE(t.details.value(QLatin1String("new_capacity")).toString(), QStringLiteral("0.25"));
    QCOMPARE(BackgroundTask::fromJson(t.toJson()), t);
    // The status set is undocumented: only the known ended words count as ended.
    BackgroundTask unknown = t;
    for (const char *status : {"EXECUTING", "CREATED", "WAITING", "SOMETHING"}) {
        unknown.status = QString::fromLatin1(status);
        QVERIFY2(unknown.isRunning(), status);
    }
    for (const char *status : {"FAILED", "cancelled", "DELETED"}) {
        unknown.status = QString::fromLatin1(status);
        QVERIFY2(unknown.isFinished(), status);
    }
}

void TestV2Types::statusCounts() {
    const StatusCounts counts = StatusCounts::fromJson(object(R"({
        "running_count": 3, "restoring_count": "1", "error_count": 0, "createfailed_count": 2,
        "redis": {"running_count": 2}, "memcached": {"running_count": 1}, "other": 7})"));
    QCOMPARE(counts.count(QStringLiteral("RUNNING")), 3);
    QCOMPARE(counts.count(QStringLiteral("RESTORING")), 1);
    QCOMPARE(counts.count(QStringLiteral("ERROR")), 0);
    QCOMPARE(counts.total(), 6);
    QVERIFY(!counts.countedLocally);
    Instance a;
    a.status = QStringLiteral("RUNNING");
    Instance b = a;
    b.status = QStringLiteral("FROZEN");
    const StatusCounts local = StatusCounts::fromInstances({a, a, b});
    QCOMPARE(local.count(QStringLiteral("RUNNING")), 2);
    QCOMPARE(local.count(QStringLiteral("FROZEN")), 1);
    QVERIFY(local.countedLocally);
}

void TestV2Types::backupLinks() {
    const BackupLinks links = BackupLinks::fromJson(object(R"({
        "file_path": "a/b/", "bucket_name": "bucket5da9",
        "links": [{"file_name": "redis_192.168.63.250_6379_10923-16383_20190820211816.rdb",
                   "link": "https://bucket.obs.example.com:443/a/b/x.rdb?AWSAccessKeyId=K&Expires=1566308915&Signature=a%2Bb%3D"},
                  {"file_name": "no-link.rdb", "link": ""},
                  {"file_name": "relative.rdb", "link": "/not/absolute"}]})"));
    QCOMPARE(links.bucketName, QStringLiteral("bucket5da9"));
    QCOMPARE(links.links.size(), 1);
    // The signature's encoding is kept exactly as sent.
    QVERIFY(links.links.first().url.toEncoded().endsWith("Signature=a%2Bb%3D"));
}

void TestV2Types::backupPolicyReadsEitherShape() {
    const auto wrapped = BackupPolicy::fromJson(object(R"({
        "backup_policy_id": "p", "updated_at": "2022-04-12T02:22:03.269Z",
        "policy": {"backup_type": "auto", "save_days": 3,
                   "periodical_backup_plan": {"backup_at": [5, 1, 3, 3, 9], "period_type": "weekly",
                                              "begin_at": "00:00-01:00", "timezone_offset": null}}})"));
    QVERIFY(wrapped);
    QCOMPARE(wrapped->saveDays, 3);
    QCOMPARE(wrapped->backupAt, (QList<int>{1, 3, 5})); // sorted, unique, 1–7 only
    QCOMPARE(wrapped->beginHour(), 0);
    QVERIFY(wrapped->updatedAt.isValid());
    // Strings where numbers belong, as in the documented example, and a bare policy.
    const auto bare = BackupPolicy::fromJson(object(R"({"backup_type": "auto", "save_days": "2",
        "periodical_backup_plan": {"backup_at": ["1", "7"], "period_type": "weekly",
                                   "begin_at": "23:00-00:00"}})"));
    QVERIFY(bare);
    QCOMPARE(bare->saveDays, 2);
    QCOMPARE(bare->backupAt, (QList<int>{1, 7}));
    QCOMPARE(bare->beginHour(), 23);
    QVERIFY(!BackupPolicy::fromJson(QJsonValue()));
    QVERIFY(!BackupPolicy::fromJson(QJsonObject()));
    // What goes out: ints as numbers, the plan always.
    const QJsonObject sent = bare->toJson();
    QVERIFY(sent.value(QLatin1String("save_days")).isDouble());
    QVERIFY(sent.value(QLatin1String("periodical_backup_plan"))
                .toObject()
                .value(QLatin1String("backup_at"))
                .toArray()
                .first()
                .isDouble());
    QCOMPARE(*BackupPolicy::fromJson(sent), *bare);
}

void TestV2Types::backupPolicyProblemsAndWords() {
    BackupPolicy p;
    p.backupAt = {1, 3, 5};
    p.saveDays = 3;
    p.beginAt = BackupPolicy::windowForHour(2);
    QCOMPARE(p.beginAt, QStringLiteral("02:00-03:00"));
    QCOMPARE(BackupPolicy::windowForHour(23), QStringLiteral("23:00-00:00"));
    QVERIFY(p.problems().isEmpty());
    QCOMPARE(p.describe(),
             QStringLiteral("Automatic: Monday, Wednesday, and Friday, 2:00 AM–3:00 AM "
                            "UTC; kept for 3 days"));
    p.backupAt = {1, 2, 3, 4, 5, 6, 7};
    p.saveDays = 1;
    QVERIFY(p.describe().contains(QLatin1String("every day")));
    QVERIFY(p.describe().endsWith(QLatin1String("kept for 1 day")));
    p.backupType = QStringLiteral("manual");
    QVERIFY(p.describe().startsWith(QLatin1String("Manual only")));
    BackupPolicy bad;
    bad.backupAt = {};
    bad.saveDays = 8;
    bad.beginAt = QStringLiteral("02:30-03:30");
    QCOMPARE(bad.problems().size(), 3);
}

void TestV2Types::backupPolicyComparison() {
    BackupPolicy before;
    before.backupAt = {1, 2, 3, 4, 5, 6, 7};
    before.saveDays = 7;
    before.beginAt = QStringLiteral("02:00-03:00");
    BackupPolicy after = before;
    after.backupAt = {6};
    after.beginAt = QStringLiteral("22:00-23:00");
    const QList<BackupPolicy::Row> rows = BackupPolicy::compare(before, after);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).changed, false);
    QCOMPARE(rows.at(1).before, QStringLiteral("every day"));
    QCOMPARE(rows.at(1).after, QStringLiteral("Sat"));
    QVERIFY(rows.at(1).changed);
    QVERIFY(rows.at(2).changed);
    QCOMPARE(rows.at(3).after, QStringLiteral("7 days"));
    QVERIFY(!rows.at(3).changed);
    // No policy before: every row is new.
    for (const BackupPolicy::Row &row : BackupPolicy::compare(std::nullopt, after)) {
        QCOMPARE(row.before, QStringLiteral("—"));
        QVERIFY(row.changed);
    }
}

void TestV2Types::chineseWords() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/dcs-console_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    BackupPolicy p;
    p.backupAt = {1, 3};
    p.saveDays = 3;
    const QString text = p.describe();
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(text.startsWith(QStringLiteral("自动备份")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("星期一")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("保留 3 天")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestV2Types)
#include "tst_v2types.moc"
