#include "model/Backup.h"
#include "model/Instance.h"
#include "model/InstanceType.h"
#include "model/JsonRead.h"
#include "model/RestoreRecord.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace dcs;

namespace {

QByteArray readData(const char *name) {
    QFile file(QStringLiteral(DCS_SOURCE_DIR "/tests/core/data/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", name);
    return file.readAll();
}

QJsonObject readObject(const char *name) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(readData(name), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test data %s is not a JSON object", name);
    return document.object();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

QStringList sortedKeys(const QJsonObject &object) {
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

// The JSON type the contract asks for, by key, so a wrong type fails by name.
void checkTypes(const QJsonObject &object, const QHash<QString, QJsonValue::Type> &types) {
    for (auto it = types.cbegin(); it != types.cend(); ++it) {
        const QJsonValue value = object.value(it.key());
        if (value.type() != it.value())
            QFAIL(qPrintable(QStringLiteral("key %1 has JSON type %2, expected %3")
                                 .arg(it.key())
                                 .arg(int(value.type()))
                                 .arg(int(it.value()))));
    }
}

Instance fullInstance() {
    Instance i;
    i.name = QStringLiteral("dcs-ha-orders");
    i.engine = QStringLiteral("Redis");
    i.engineVersion = QStringLiteral("5.0");
    i.internalVersion = QStringLiteral("5.0.9.2");
    i.instanceId = QStringLiteral("3c49d6a1-0d6c-4b3c-9f4e-6e5a1c1b2a10");
    i.capacity = 8;
    i.capacityMinor = QStringLiteral(".5");
    i.maxMemoryMb = 6144;
    i.usedMemoryMb = 12;
    i.ip = QStringLiteral("192.168.0.1");
    i.port = 6379;
    i.domainName = QStringLiteral("redis.example");
    i.readonlyDomainName = QStringLiteral("redis-ro.example");
    i.status = QStringLiteral("RUNNING");
    i.errorCode = QStringLiteral("DCS.5000");
    i.freezeScene = QStringLiteral("ARREAR");
    i.specCode = QStringLiteral("redis.ha.xu1.large.r2.8");
    i.resourceSpecCode = QStringLiteral("dcs.master_standby");
    i.chargingMode = 1;
    i.vpcId = QStringLiteral("vpc-1");
    i.vpcName = QStringLiteral("vpc one");
    i.subnetId = QStringLiteral("subnet-1");
    i.subnetName = QStringLiteral("subnet one");
    i.securityGroupId = QStringLiteral("sg-1");
    i.securityGroupName = QStringLiteral("sg one");
    i.createdAt = utc(2017, 3, 31, 12, 24, 46, 297);
    i.updateAt = utc(2018, 1, 2, 3, 4, 5, 6);
    i.userId = QStringLiteral("user-1");
    i.userName = QStringLiteral("admin");
    i.maintainBegin = QStringLiteral("02:00:00");
    i.maintainEnd = QStringLiteral("06:00:00");
    i.noPasswordAccess = true;
    i.accessUser = QStringLiteral("default");
    i.enablePublicIp = true;
    i.enableSsl = true;
    i.publicIpId = QStringLiteral("eip-1");
    i.publicIpAddress = QStringLiteral("49.4.3.2");
    i.tags = {{QStringLiteral("team"), QStringLiteral("orders")},
              {QStringLiteral("env"), QStringLiteral("")}};
    i.cacheMode = QStringLiteral("ha");
    i.productType = QStringLiteral("generic");
    i.cpuType = QStringLiteral("x86_64");
    i.description = QStringLiteral("说明 with unicode");
    i.availableZones = {QStringLiteral("az-1"), QStringLiteral("az-2")};
    i.dbNumber = 256;
    i.shardingCount = 0;
    i.instanceBackupPolicy = QJsonObject{{QStringLiteral("backup_policy_id"), QStringLiteral("p")}};
    i.hasShowFields = true;
    return i;
}

const QStringList listKeys = {
    QStringLiteral("name"),
    QStringLiteral("engine"),
    QStringLiteral("engine_version"),
    QStringLiteral("internal_version"),
    QStringLiteral("instance_id"),
    QStringLiteral("capacity"),
    QStringLiteral("capacity_minor"),
    QStringLiteral("max_memory"),
    QStringLiteral("used_memory"),
    QStringLiteral("ip"),
    QStringLiteral("port"),
    QStringLiteral("domainName"),
    QStringLiteral("domain_name"),
    QStringLiteral("readonlyDomainName"),
    QStringLiteral("readonly_domain_name"),
    QStringLiteral("status"),
    QStringLiteral("error_code"),
    QStringLiteral("freeze_scene"),
    QStringLiteral("spec_code"),
    QStringLiteral("resource_spec_code"),
    QStringLiteral("charging_mode"),
    QStringLiteral("vpc_id"),
    QStringLiteral("vpc_name"),
    QStringLiteral("subnet_id"),
    QStringLiteral("subnet_name"),
    QStringLiteral("security_group_id"),
    QStringLiteral("security_group_name"),
    QStringLiteral("created_at"),
    QStringLiteral("update_at"),
    QStringLiteral("user_id"),
    QStringLiteral("user_name"),
    QStringLiteral("maintain_begin"),
    QStringLiteral("maintain_end"),
    QStringLiteral("no_password_access"),
    QStringLiteral("access_user"),
    QStringLiteral("enable_publicip"),
    QStringLiteral("enable_ssl"),
    QStringLiteral("publicip_id"),
    QStringLiteral("publicip_address"),
    QStringLiteral("tags"),
};

const QStringList showKeys = {
    QStringLiteral("cache_mode"),      QStringLiteral("product_type"),
    QStringLiteral("cpu_type"),        QStringLiteral("description"),
    QStringLiteral("available_zones"), QStringLiteral("db_number"),
    QStringLiteral("sharding_count"),  QStringLiteral("instance_backup_policy"),
};

} // namespace

class TestValueTypes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // JsonRead
    void readString();
    void readIntegerAndNumber();
    void readBoolean_data();
    void readBoolean();
    void readDateTime_data();
    void readDateTime();
    void formatDateTime();
    void dateFastPathAgreesWithGeneralPath();
    void pickSkipsNulls();

    // InstanceType
    void instanceType_data();
    void instanceType();
    void instanceTypeNames();

    // The seed and contract bodies
    void seedRestoreExamples();
    void listInstancesBody();
    void showInstanceBody();
    void backupsBody();
    void restoreRecordsBody();

    // Broken bodies
    void brokenBodies_data();
    void brokenBodies();
    void nullsEverywhere();
    void wrongTypes();

    // toJson
    void instanceToJsonShape();
    void backupToJsonShape();
    void restoreRecordToJsonShape();
    void roundTrips();
};

void TestValueTypes::readString() {
    QCOMPARE(json::string(QJsonValue(QStringLiteral("abc"))), QStringLiteral("abc"));
    QCOMPARE(json::string(QJsonValue(42)), QStringLiteral("42"));
    QCOMPARE(json::string(QJsonValue(8589934592.0)), QStringLiteral("8589934592"));
    QCOMPARE(json::string(QJsonValue(1.5)), QStringLiteral("1.5"));
    QCOMPARE(json::string(QJsonValue(0.1)), QStringLiteral("0.1"));
    QCOMPARE(json::string(QJsonValue(true)), QStringLiteral("true"));
    QVERIFY(json::string(QJsonValue(QJsonValue::Null)).isNull());
    QVERIFY(json::string(QJsonValue(QJsonValue::Undefined)).isNull());
    QVERIFY(json::string(QJsonArray{1, 2}).isNull());
    QVERIFY(json::string(QJsonObject{}).isNull());
    // An empty string stays a (non-null) empty string: the server did send it.
    QVERIFY(!json::string(QJsonValue(QString::fromLatin1(""))).isNull());
}

void TestValueTypes::readIntegerAndNumber() {
    QCOMPARE(json::integer(QJsonValue(7)), 7);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("2"))), 2);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral(" 6379 "))), 6379);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("8589934592"))), Q_INT64_C(8589934592));
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("1024.0"))), 1024);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("abc")), -1), -1);
    QCOMPARE(json::integer(QJsonValue(QStringLiteral("")), -1), -1);
    QCOMPARE(json::integer(QJsonValue(QJsonValue::Null), -1), -1);
    QCOMPARE(json::integer(QJsonArray{}, -1), -1);
    QCOMPARE(json::integer(QJsonValue(true)), 1);
    QVERIFY(!json::optionalInteger(QJsonValue(QJsonValue::Null)).has_value());
    QVERIFY(!json::optionalInteger(QJsonValue(QStringLiteral("x"))).has_value());
    QCOMPARE(json::optionalInteger(QJsonValue(0)).value_or(-1), 0);

    QCOMPARE(json::number(QJsonValue(QStringLiteral("45.50"))), 45.5);
    QCOMPARE(json::number(QJsonValue(45.5)), 45.5);
    QCOMPARE(json::number(QJsonValue(QStringLiteral("100.00"))), 100.0);
    QCOMPARE(json::number(QJsonValue(QStringLiteral("n/a")), -2.0), -2.0);
    QCOMPARE(json::number(QJsonValue(QStringLiteral("nan")), -2.0), -2.0);
    QCOMPARE(json::number(QJsonValue(QJsonValue::Null), -3.0), -3.0);
}

void TestValueTypes::readBoolean_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("expected");
    QTest::newRow("json true") << QJsonValue(true) << true;
    QTest::newRow("json false") << QJsonValue(false) << false;
    QTest::newRow("\"true\"") << QJsonValue(QStringLiteral("true")) << true;
    QTest::newRow("\"TRUE\"") << QJsonValue(QStringLiteral("TRUE")) << true;
    QTest::newRow("\"True\"") << QJsonValue(QStringLiteral("True")) << true;
    QTest::newRow("\"1\"") << QJsonValue(QStringLiteral("1")) << true;
    QTest::newRow("1") << QJsonValue(1) << true;
    QTest::newRow("0") << QJsonValue(0) << false;
    QTest::newRow("\"false\"") << QJsonValue(QStringLiteral("false")) << false;
    QTest::newRow("\"FALSE\"") << QJsonValue(QStringLiteral("FALSE")) << false;
    QTest::newRow("\"0\"") << QJsonValue(QStringLiteral("0")) << false;
    QTest::newRow("\"yes\"") << QJsonValue(QStringLiteral("yes")) << false;
    QTest::newRow("empty") << QJsonValue(QStringLiteral("")) << false;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << false;
    QTest::newRow("object") << QJsonValue(QJsonObject{}) << false;
}

void TestValueTypes::readBoolean() {
    QFETCH(QJsonValue, value);
    QFETCH(bool, expected);
    QCOMPARE(json::boolean(value), expected);
}

void TestValueTypes::readDateTime_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime invalid;
    QTest::newRow("contract") << QJsonValue(QStringLiteral("2017-03-31T12:24:46.297Z"))
                              << utc(2017, 3, 31, 12, 24, 46, 297);
    QTest::newRow("no ms") << QJsonValue(QStringLiteral("2017-03-31T12:24:46Z"))
                           << utc(2017, 3, 31, 12, 24, 46);
    QTest::newRow("one fraction digit") << QJsonValue(QStringLiteral("2017-03-31T12:24:46.5Z"))
                                        << utc(2017, 3, 31, 12, 24, 46, 500);
    QTest::newRow("microseconds") << QJsonValue(QStringLiteral("2017-03-31T12:24:46.297123Z"))
                                  << utc(2017, 3, 31, 12, 24, 46, 297);
    QTest::newRow("+08:00") << QJsonValue(QStringLiteral("2017-03-31T20:24:46.297+08:00"))
                            << utc(2017, 3, 31, 12, 24, 46, 297);
    QTest::newRow("+0800") << QJsonValue(QStringLiteral("2017-03-31T20:24:46+0800"))
                           << utc(2017, 3, 31, 12, 24, 46);
    QTest::newRow("-05:30 over midnight")
        << QJsonValue(QStringLiteral("2017-03-31T20:00:00-05:30")) << utc(2017, 4, 1, 1, 30, 0);
    QTest::newRow("+00:00") << QJsonValue(QStringLiteral("2017-03-31T12:24:46+00:00"))
                            << utc(2017, 3, 31, 12, 24, 46);
    QTest::newRow("no zone means UTC")
        << QJsonValue(QStringLiteral("2017-03-31T12:24:46")) << utc(2017, 3, 31, 12, 24, 46);
    QTest::newRow("space separator")
        << QJsonValue(QStringLiteral("2017-03-31 12:24:46")) << utc(2017, 3, 31, 12, 24, 46);
    QTest::newRow("epoch ms") << QJsonValue(1490963086297.0) << utc(2017, 3, 31, 12, 24, 46, 297);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << invalid;
    QTest::newRow("empty") << QJsonValue(QStringLiteral("")) << invalid;
    QTest::newRow("garbage") << QJsonValue(QStringLiteral("yesterday")) << invalid;
    QTest::newRow("30 February") << QJsonValue(QStringLiteral("2019-02-30T00:00:00Z")) << invalid;
    QTest::newRow("hour 25") << QJsonValue(QStringLiteral("2019-02-03T25:00:00Z")) << invalid;
    QTest::newRow("bool") << QJsonValue(true) << invalid;
}

void TestValueTypes::readDateTime() {
    QFETCH(QJsonValue, value);
    QFETCH(QDateTime, expected);
    const QDateTime actual = json::dateTime(value);
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(actual, expected);
        QCOMPARE(actual.timeSpec(), Qt::UTC);
    }
}

// The fixed-format fast path reads the contract's form (and the same without milliseconds); every
// other text goes to the general path. On every form the contract allows — ISO-8601 with "T" or
// a space, with or without seconds and any number of fraction digits, "Z", an offset with or
// without the colon, or none, surrounded by space — the two give the same instant, and the same
// refusal of impossible or implausible dates.
void TestValueTypes::dateFastPathAgreesWithGeneralPath() {
    const QStringList dates{
        QStringLiteral("2017-03-31"), QStringLiteral("2000-01-01"), QStringLiteral("1999-12-31"),
        QStringLiteral("2199-12-31"), QStringLiteral("2200-01-01"), QStringLiteral("2024-02-29"),
        QStringLiteral("2023-02-29"), QStringLiteral("2100-02-29"), QStringLiteral("2000-02-29"),
        QStringLiteral("2019-02-30"), QStringLiteral("2019-13-01"), QStringLiteral("2019-00-10"),
        QStringLiteral("2019-04-31"), QStringLiteral("2019-12-00"), QStringLiteral("0000-01-01"),
        QStringLiteral("9999-12-31"),
    };
    const QStringList times{
        QString(),
        QStringLiteral("12:24"),
        QStringLiteral("12:24:46"),
        QStringLiteral("00:00:00"),
        QStringLiteral("23:59:59"),
        QStringLiteral("23:59:60"),
        QStringLiteral("24:00:00"),
        QStringLiteral("12:60:00"),
        QStringLiteral("12:24:46.297"),
        QStringLiteral("12:24:46.000"),
        QStringLiteral("12:24:46.999"),
        QStringLiteral("12:24:46.5"),
        QStringLiteral("12:24:46.29"),
        QStringLiteral("12:24:46.2971234"),
        QStringLiteral("12:24:46,297"),
        QStringLiteral("12:24:46."),
    };
    const QStringList separators{QStringLiteral("T"), QStringLiteral("t"), QStringLiteral(" ")};
    const QStringList zones{
        QString(),
        QStringLiteral("Z"),
        QStringLiteral("z"),
        QStringLiteral("+08:00"),
        QStringLiteral("+0800"),
        QStringLiteral("+08"),
        QStringLiteral("-05:30"),
        QStringLiteral("+00:00"),
        QStringLiteral("-00:00"),
        QStringLiteral("+19:00"),
        QStringLiteral("+08:60"),
        QStringLiteral(" Z"),
    };
    const QStringList around{QString(), QStringLiteral(" "), QStringLiteral("\t")};
    int fast = 0;
    int checked = 0;
    auto check = [&](const QString &text) {
        const QDateTime general = json::dateTimeTextGeneral(text);
        const QDateTime combined = json::dateTimeText(text);
        QVERIFY2(combined == general && combined.isValid() == general.isValid() &&
                     (!general.isValid() || combined.timeSpec() == general.timeSpec()),
                 qPrintable(text));
        if (const std::optional<QDateTime> quick = json::dateTimeTextFast(text)) {
            ++fast;
            QVERIFY2(*quick == general && quick->isValid() == general.isValid(),
                     qPrintable(text));
            if (general.isValid())
                QCOMPARE(quick->timeSpec(), Qt::UTC);
        }
        ++checked;
    };
    for (const QString &date : dates) {
        check(date);
        for (const QString &time : times) {
            if (time.isEmpty())
                continue;
            for (const QString &separator : separators) {
                for (const QString &zone : zones) {
                    for (const QString &space : around)
                        check(space + date + separator + time + zone + space);
                }
            }
        }
    }
    // Near misses of the fast form: one character off anywhere.
    const QString contract = QStringLiteral("2017-03-31T12:24:46.297Z");
    for (qsizetype i = 0; i < contract.size(); ++i) {
        for (const QChar c : {QChar(u'0'), QChar(u'9'), QChar(u'-'), QChar(u':'), QChar(u'.'),
                              QChar(u'Z'), QChar(u'x'), QChar(0x0661) /* Arabic-Indic one */}) {
            QString changed = contract;
            changed[i] = c;
            check(changed);
        }
        check(contract.left(i));
    }
    // What the console meets most: every millisecond of a day's boundaries and a year's days.
    for (int day = 0; day < 366 * 4; day += 7) {
        const QDateTime at =
            QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).addDays(day).addMSecs(day * 997);
        check(at.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")));
        check(at.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
    }
    QVERIFY2(fast > 500, qPrintable(QString::number(fast))); // the fast path was really taken
    QVERIFY2(checked > 25000, qPrintable(QString::number(checked)));
    // The contract's own form is the fast path's.
    QVERIFY(json::dateTimeTextFast(contract));
    QCOMPARE(*json::dateTimeTextFast(contract),
             QDateTime(QDate(2017, 3, 31), QTime(12, 24, 46, 297), Qt::UTC));
}

void TestValueTypes::formatDateTime() {
    QCOMPARE(json::formatDateTime(utc(2017, 3, 31, 12, 24, 46, 297)),
             QStringLiteral("2017-03-31T12:24:46.297Z"));
    QCOMPARE(json::formatDateTime(utc(2017, 3, 1, 2, 3, 4)),
             QStringLiteral("2017-03-01T02:03:04.000Z"));
    // Not UTC in, UTC out.
    const QDateTime shanghai(QDate(2017, 3, 31), QTime(20, 24, 46, 297),
                             QTimeZone(QByteArrayLiteral("UTC+08:00")));
    QCOMPARE(json::formatDateTime(shanghai), QStringLiteral("2017-03-31T12:24:46.297Z"));
    QVERIFY(json::formatDateTime(QDateTime()).isEmpty());
    QVERIFY(json::nullable(QDateTime()).isNull());
    QCOMPARE(json::nullable(shanghai).toString(), QStringLiteral("2017-03-31T12:24:46.297Z"));
    QVERIFY(json::nullable(QString()).isNull());
    QCOMPARE(json::nullable(QString::fromLatin1("")).type(), QJsonValue::String);
}

void TestValueTypes::pickSkipsNulls() {
    const QJsonObject o{{QStringLiteral("a"), QJsonValue::Null}, {QStringLiteral("b"), 2}};
    QCOMPARE(json::pick(o, {QLatin1String("a"), QLatin1String("b")}).toInt(), 2);
    QCOMPARE(json::pick(o, {QLatin1String("b"), QLatin1String("a")}).toInt(), 2);
    QVERIFY(json::pick(o, {QLatin1String("a"), QLatin1String("c")}).isNull());
}

void TestValueTypes::instanceType_data() {
    QTest::addColumn<QString>("cacheMode");
    QTest::addColumn<QString>("specCode");
    QTest::addColumn<QString>("resourceSpecCode");
    QTest::addColumn<int>("expected");
    auto row = [](const char *name, const char *mode, const char *spec, const char *resource,
                  InstanceType type) {
        QTest::newRow(name) << QString::fromLatin1(mode) << QString::fromLatin1(spec)
                            << QString::fromLatin1(resource) << int(type);
    };
    // cache_mode alone
    row("mode single", "single", "", "", InstanceType::Single);
    row("mode ha", "ha", "", "", InstanceType::MasterStandby);
    row("mode cluster", "cluster", "", "", InstanceType::Cluster);
    row("mode proxy", "proxy", "", "", InstanceType::Proxy);
    row("mode ha_rw_split", "ha_rw_split", "", "", InstanceType::ReadWriteSplit);
    row("mode upper case", "HA", "", "", InstanceType::MasterStandby);
    // spec_code alone
    row("spec single", "", "redis.single.xu1.tiny.256", "", InstanceType::Single);
    row("spec ha", "", "redis.ha.xu1.large.r2.2", "", InstanceType::MasterStandby);
    row("spec cluster", "", "redis.cluster.xu1.large.r3.24", "", InstanceType::Cluster);
    row("spec proxy", "", "redis.proxy.xu1.large.16", "", InstanceType::Proxy);
    row("spec rw split", "", "redis.ha_rw_split.xu1.large.r2.8", "", InstanceType::ReadWriteSplit);
    row("spec upper case", "", "REDIS.CLUSTER.XU1.LARGE.R3.24", "", InstanceType::Cluster);
    row("spec legacy memcached", "", "dcs.memcached.master_standby", "",
        InstanceType::MasterStandby);
    row("spec legacy single", "", "dcs.single_node", "", InstanceType::Single);
    // resource_spec_code alone
    row("resource single", "", "", "dcs.single_node", InstanceType::Single);
    row("resource master_standby", "", "", "dcs.master_standby", InstanceType::MasterStandby);
    row("resource cluster", "", "", "dcs.cluster", InstanceType::Cluster);
    row("resource memcached single", "", "", "dcs.memcached.single_node", InstanceType::Single);
    row("resource memcached ha", "", "", "dcs.memcached.master_standby",
        InstanceType::MasterStandby);
    row("resource upper case", "", "", "DCS.MASTER_STANDBY", InstanceType::MasterStandby);
    // precedence: cache_mode > spec_code > resource_spec_code
    row("mode beats spec", "ha", "redis.single.xu1.tiny.256", "dcs.single_node",
        InstanceType::MasterStandby);
    row("mode single beats spec", "single", "redis.cluster.xu1.large.r3.24", "dcs.cluster",
        InstanceType::Single);
    row("spec beats resource", "", "redis.proxy.xu1.large.16", "dcs.single_node",
        InstanceType::Proxy);
    // cache_mode is the service's own word: one the console does not know is not overruled
    row("unknown mode is unknown", "weird", "redis.ha.xu1.large.r2.2", "", InstanceType::Unknown);
    row("unknown spec falls to resource", "", "redis.weird.xu1", "dcs.cluster",
        InstanceType::Cluster);
    // nothing usable
    row("all empty", "", "", "", InstanceType::Unknown);
    row("one segment", "", "redis", "", InstanceType::Unknown);
    row("garbage", "x", "a.b.c", "d.e", InstanceType::Unknown);
}

void TestValueTypes::instanceType() {
    QFETCH(QString, cacheMode);
    QFETCH(QString, specCode);
    QFETCH(QString, resourceSpecCode);
    QFETCH(int, expected);
    QCOMPARE(int(resolveInstanceType(cacheMode, specCode, resourceSpecCode)), expected);

    Instance instance;
    instance.instanceId = QStringLiteral("i-1");
    instance.cacheMode = cacheMode;
    instance.specCode = specCode;
    instance.resourceSpecCode = resourceSpecCode;
    QCOMPARE(int(instance.type()), expected);
    QCOMPARE(instance.supportsBackup(),
             expected != int(InstanceType::Single) && expected != int(InstanceType::Unknown));
}

void TestValueTypes::instanceTypeNames() {
    const QList<InstanceType> all = {InstanceType::Single, InstanceType::MasterStandby,
                                     InstanceType::Cluster, InstanceType::Proxy,
                                     InstanceType::ReadWriteSplit};
    QSet<QString> displayNames;
    for (InstanceType type : all) {
        const QString apiName = instanceTypeApiName(type);
        QVERIFY(!apiName.isEmpty());
        // The API word reads back as the same type.
        QCOMPARE(int(instanceTypeFromCacheMode(apiName)), int(type));
        displayNames.insert(instanceTypeDisplayName(type));
    }
    QVERIFY(instanceTypeApiName(InstanceType::Unknown).isEmpty());
    displayNames.insert(instanceTypeDisplayName(InstanceType::Unknown));
    QCOMPARE(displayNames.size(), all.size() + 1);
    QVERIFY(!displayNames.contains(QString()));
    QCOMPARE(instanceTypeDisplayName(InstanceType::MasterStandby),
             QStringLiteral("Master/Standby"));
    QCOMPARE(instanceTypeDisplayName(InstanceType::Unknown), QStringLiteral("Unknown"));
    QVERIFY(!instanceTypeSupportsBackup(InstanceType::Single));
    QVERIFY(!instanceTypeSupportsBackup(InstanceType::Unknown));
    QVERIFY(instanceTypeSupportsBackup(InstanceType::ReadWriteSplit));
}

void TestValueTypes::seedRestoreExamples() {
    const QJsonObject request = readObject("restore_request.json");
    QCOMPARE(json::string(request.value(QLatin1String("backup_id"))),
             QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029"));
    QCOMPARE(json::string(request.value(QLatin1String("remark"))),
             QStringLiteral("restore instance"));

    const QJsonObject response = readObject("restore_response.json");
    QCOMPARE(json::string(response.value(QLatin1String("restore_id"))),
             QStringLiteral("a6155972-800c-4170-a479-3231e907d2f6"));

    // The record the restore then shows up as, with the seed's ids.
    const QJsonObject records = readObject("restores.json");
    const RestoreRecord record = RestoreRecord::fromJson(
        records.value(QLatin1String("restore_record_response")).toArray().at(0).toObject());
    QCOMPARE(record.restoreId, json::string(response.value(QLatin1String("restore_id"))));
    QCOMPARE(record.backupId, json::string(request.value(QLatin1String("backup_id"))));
    QCOMPARE(record.restoreRemark, json::string(request.value(QLatin1String("remark"))));
}

void TestValueTypes::listInstancesBody() {
    const QJsonObject body = readObject("list_instances.json");
    QCOMPARE(json::integer(body.value(QLatin1String("instance_num"))), 2);
    const QJsonArray array = body.value(QLatin1String("instances")).toArray();
    QCOMPARE(array.size(), 2);

    const Instance a = Instance::fromJson(array.at(0).toObject());
    QCOMPARE(a.name, QStringLiteral("dcs-ha-orders"));
    QCOMPARE(a.engine, QStringLiteral("Redis"));
    QCOMPARE(a.engineVersion, QStringLiteral("5.0"));
    QVERIFY(a.internalVersion.isNull());
    QCOMPARE(a.instanceId, QStringLiteral("3c49d6a1-0d6c-4b3c-9f4e-6e5a1c1b2a10"));
    QCOMPARE(a.capacity, 2);
    QVERIFY(a.capacityMinor.isNull());
    QCOMPARE(a.maxMemoryMb, 1536);
    QCOMPARE(a.usedMemoryMb, 2);
    QCOMPARE(a.ip, QStringLiteral("192.168.0.152"));
    QCOMPARE(a.port, 6379);
    QCOMPARE(a.domainName, QStringLiteral("redis-3c49d6a1.dcs.huaweicloud.com"));
    QCOMPARE(a.readonlyDomainName, QStringLiteral("redis-3c49d6a1-readonly.dcs.huaweicloud.com"));
    QCOMPARE(a.status, QStringLiteral("RUNNING"));
    QVERIFY(a.isRunning());
    QVERIFY(a.errorCode.isNull());
    QVERIFY(a.freezeScene.isNull());
    QCOMPARE(a.specCode, QStringLiteral("redis.ha.xu1.large.r2.2"));
    QCOMPARE(a.resourceSpecCode, QStringLiteral("dcs.master_standby"));
    QCOMPARE(a.chargingMode, 0);
    QCOMPARE(a.vpcId, QStringLiteral("5e37b3be-950a-48e1-b498-65b63d336481"));
    QCOMPARE(a.vpcName, QStringLiteral("vpc-orders"));
    QCOMPARE(a.subnetId, QStringLiteral("a4112635-3ec0-471c-95c3-5cf49b9533af"));
    QCOMPARE(a.subnetName, QStringLiteral("subnet-orders"));
    QCOMPARE(a.securityGroupId, QStringLiteral("d57fad27-e3e0-43a7-86ad-9cd6a3f8d4d6"));
    QCOMPARE(a.securityGroupName, QStringLiteral("sg-default"));
    QCOMPARE(a.createdAt, utc(2017, 3, 31, 12, 24, 46, 297));
    QCOMPARE(a.updateAt, utc(2019, 5, 10, 8, 31, 16, 120));
    QCOMPARE(a.userId, QStringLiteral("2e803e4fa8ae4c9b8a2e4d8fcd0f6b1a"));
    QCOMPARE(a.userName, QStringLiteral("admin"));
    QCOMPARE(a.maintainBegin, QStringLiteral("02:00:00"));
    QCOMPARE(a.maintainEnd, QStringLiteral("06:00:00"));
    QCOMPARE(a.noPasswordAccess, false);
    QVERIFY(a.accessUser.isNull());
    QCOMPARE(a.enablePublicIp, false);
    QCOMPARE(a.enableSsl, true);
    QVERIFY(a.publicIpId.isNull());
    QVERIFY(a.publicIpAddress.isNull());
    QCOMPARE(a.tags.size(), 2);
    QCOMPARE(a.tags.at(0).key, QStringLiteral("team"));
    QCOMPARE(a.tags.at(0).value, QStringLiteral("orders"));
    QCOMPARE(a.tags.at(1).key, QStringLiteral("env"));
    QVERIFY(!a.hasShowFields); // the v1 list has no cache_mode
    QVERIFY(a.cacheMode.isNull());
    QCOMPARE(int(a.type()), int(InstanceType::MasterStandby));
    QVERIFY(a.supportsBackup());

    // The second one sends numbers as strings, only the snake_case spellings, updated_at with an
    // offset, string booleans in mixed case and null tags.
    const Instance b = Instance::fromJson(array.at(1).toObject());
    QCOMPARE(b.capacity, 0);
    QCOMPARE(b.capacityMinor, QStringLiteral(".125"));
    QCOMPARE(b.maxMemoryMb, 128);
    QCOMPARE(b.usedMemoryMb, 1);
    QCOMPARE(b.port, 6379);
    QCOMPARE(b.internalVersion, QStringLiteral("4.0.14.3"));
    QCOMPARE(b.domainName, QStringLiteral("redis-9d1b7e2c.dcs.huaweicloud.com"));
    QVERIFY(b.readonlyDomainName.isNull());
    QCOMPARE(b.chargingMode, 1);
    QVERIFY(b.vpcName.isNull());
    QCOMPARE(b.createdAt, utc(2020, 1, 2, 3, 4, 5));
    QCOMPARE(b.updateAt, utc(2020, 1, 2, 3, 4, 5, 500));
    QCOMPARE(b.noPasswordAccess, true);
    QCOMPARE(b.accessUser, QStringLiteral("default"));
    QCOMPARE(b.enablePublicIp, true);
    QCOMPARE(b.enableSsl, false);
    QCOMPARE(b.publicIpAddress, QStringLiteral("49.4.3.2"));
    QVERIFY(b.tags.isEmpty());
    QCOMPARE(int(b.type()), int(InstanceType::Single));
    QVERIFY(!b.supportsBackup());
}

void TestValueTypes::showInstanceBody() {
    const Instance i = Instance::fromJson(readObject("show_instance.json"));
    QVERIFY(i.hasShowFields);
    QCOMPARE(i.cacheMode, QStringLiteral("cluster"));
    QCOMPARE(i.productType, QStringLiteral("generic"));
    QCOMPARE(i.cpuType, QStringLiteral("x86_64"));
    QCOMPARE(i.description, QStringLiteral("sessions of the web shop"));
    QCOMPARE(i.availableZones, QStringList({QStringLiteral("ae86d9b3fe4c4e2ebbdfab7e7bd0f0b8"),
                                            QStringLiteral("d573142f24894ef3bd3664de068b44b0")}));
    QCOMPARE(i.dbNumber.value_or(-1), 1);
    QCOMPARE(i.shardingCount.value_or(-1), 3);
    QCOMPARE(i.instanceBackupPolicy.value(QLatin1String("backup_policy_id")).toString(),
             QStringLiteral("f5f2a4c1-7f3a-4b86-9b7c-1c9a0d7b8a11"));
    QVERIFY(i.instanceBackupPolicy.value(QLatin1String("policy")).isObject());
    QCOMPARE(i.status, QStringLiteral("RESTORING"));
    QVERIFY(!i.isRunning());
    QCOMPARE(i.ip, QStringLiteral("192.168.0.10,192.168.0.11,192.168.0.12"));
    QCOMPARE(i.capacity, 24);
    QCOMPARE(i.securityGroupId, QStringLiteral(""));
    QVERIFY(!i.securityGroupId.isNull());
    QCOMPARE(i.updateAt, utc(2021, 6, 2, 9, 0, 0, 1));
    QCOMPARE(i.noPasswordAccess, true);
    QVERIFY(i.tags.isEmpty());
    QCOMPARE(int(i.type()), int(InstanceType::Cluster));

    // Show fields present but null still mark the value as a show answer.
    const Instance nulls = Instance::fromJson(
        QJsonObject{{QStringLiteral("cache_mode"), QJsonValue::Null},
                    {QStringLiteral("db_number"), QJsonValue::Null},
                    {QStringLiteral("instance_backup_policy"), QJsonValue::Null}});
    QVERIFY(nulls.hasShowFields);
    QVERIFY(!nulls.dbNumber.has_value());
    QVERIFY(nulls.instanceBackupPolicy.isEmpty());
}

void TestValueTypes::backupsBody() {
    const QJsonObject body = readObject("backups.json");
    QCOMPARE(json::integer(body.value(QLatin1String("total_num"))), 3);
    const QJsonArray array = body.value(QLatin1String("backup_record_response")).toArray();
    QCOMPARE(array.size(), 3);

    const Backup a = Backup::fromJson(array.at(0).toObject());
    QCOMPARE(a.backupId, QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029"));
    QCOMPARE(a.instanceId, QStringLiteral("3c49d6a1-0d6c-4b3c-9f4e-6e5a1c1b2a10"));
    QCOMPARE(a.backupName, QStringLiteral("backup_20190510163116"));
    QCOMPARE(a.remark, QStringLiteral("before the release"));
    QVERIFY(a.period.isNull());
    QCOMPARE(a.size, Q_INT64_C(8589934592));
    QCOMPARE(a.backupType, QStringLiteral("manual"));
    QVERIFY(a.isManual());
    QCOMPARE(a.backupFormat, QStringLiteral("RDB"));
    QCOMPARE(a.normalizedFormat(), QStringLiteral("rdb"));
    QCOMPARE(a.status, QStringLiteral("succeed"));
    QCOMPARE(a.progress, 100.0);
    QCOMPARE(a.createdAt, utc(2019, 5, 10, 8, 31, 16, 297));
    QCOMPARE(a.executionAt, utc(2019, 5, 10, 8, 31, 17));
    QCOMPARE(a.updatedAt, utc(2019, 5, 10, 8, 32, 1, 45));
    QVERIFY(a.errorCode.isNull());
    QVERIFY(a.supportRestore);
    QVERIFY(a.isRestorable());
    QVERIFY(!a.isRunning());

    const Backup b = Backup::fromJson(array.at(1).toObject());
    QVERIFY(b.remark.isNull());
    QCOMPARE(b.period, QStringLiteral("00:00-01:00"));
    QCOMPARE(b.size, 1024);
    QVERIFY(!b.isManual());
    QCOMPARE(b.normalizedFormat(), QStringLiteral("aof"));
    QCOMPARE(b.progress, 45.5);
    QVERIFY(!b.executionAt.isValid());
    QCOMPARE(b.errorCode, QStringLiteral("dcs.08.0002"));
    QVERIFY(!b.supportRestore);
    QVERIFY(!b.isRestorable());

    // Missing remark, period, size, dates and error code; an unknown field.
    const Backup c = Backup::fromJson(array.at(2).toObject());
    QVERIFY(c.remark.isNull());
    QVERIFY(c.period.isNull());
    QCOMPARE(c.size, -1); // unknown, not "0 bytes"
    QCOMPARE(c.progress, 12.3);
    QVERIFY(c.isRunning());
    QVERIFY(c.supportRestore);
    QVERIFY(!c.isRestorable()); // not succeeded yet
    QVERIFY(!c.updatedAt.isValid());
    QVERIFY(c.errorCode.isNull());
}

void TestValueTypes::restoreRecordsBody() {
    const QJsonObject body = readObject("restores.json");
    QCOMPARE(json::integer(body.value(QLatin1String("total_num"))), 2);
    const QJsonArray array = body.value(QLatin1String("restore_record_response")).toArray();
    QCOMPARE(array.size(), 2);

    const RestoreRecord a = RestoreRecord::fromJson(array.at(0).toObject());
    QCOMPARE(a.restoreId, QStringLiteral("a6155972-800c-4170-a479-3231e907d2f6"));
    QCOMPARE(a.restoreName, QStringLiteral("restore_20170718214120"));
    QCOMPARE(a.backupId, QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029"));
    QCOMPARE(a.backupName, QStringLiteral("backup_20190510163116"));
    QCOMPARE(a.restoreRemark, QStringLiteral("restore instance"));
    QCOMPARE(a.backupRemark, QStringLiteral("before the release"));
    QCOMPARE(a.status, QStringLiteral("restoring"));
    QCOMPARE(a.progress, 45.5);
    QCOMPARE(a.createdAt, utc(2017, 7, 18, 13, 41, 20, 123));
    QVERIFY(!a.updatedAt.isValid());
    QVERIFY(a.errorCode.isNull());
    QVERIFY(a.isRunning());
    QVERIFY(!a.isFinished());

    const RestoreRecord b = RestoreRecord::fromJson(array.at(1).toObject());
    QVERIFY(b.restoreRemark.isNull());
    QVERIFY(b.backupRemark.isNull());
    QCOMPARE(b.progress, 100.0);
    QCOMPARE(b.status, QStringLiteral("failed"));
    QVERIFY(b.isFinished());
    QVERIFY(!b.isRunning());
    QCOMPARE(b.updatedAt, utc(2017, 7, 1, 8, 5, 0));
    QCOMPARE(b.errorCode, QStringLiteral("dcs.08.0007"));

    // restore_remark wins over a stray "remark".
    const RestoreRecord c = RestoreRecord::fromJson(
        QJsonObject{{QStringLiteral("restore_remark"), QStringLiteral("right")},
                    {QStringLiteral("remark"), QStringLiteral("wrong")}});
    QCOMPARE(c.restoreRemark, QStringLiteral("right"));
}

void TestValueTypes::brokenBodies_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray("{\"instances\": [{\"name\": \"x\"");
    QTest::newRow("array") << QByteArray("[{\"name\": \"x\"}, 1, null]");
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("lists are objects")
        << QByteArray("{\"instances\": {\"a\": 1}, \"backup_record_response\": \"x\","
                      " \"restore_record_response\": 5}");
    QTest::newRow("list entries are not objects")
        << QByteArray("{\"instances\": [1, \"x\", null, []], \"backup_record_response\": [true],"
                      " \"restore_record_response\": [[]]}");
}

void TestValueTypes::brokenBodies() {
    QFETCH(QByteArray, body);
    // What a caller does with a body: take the object (empty when it is not one) and its list.
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const Instance instance = Instance::fromJson(root);
    QVERIFY(instance.name.isNull() || instance.name.isEmpty());
    QCOMPARE(instance.capacity, -1); // unknown
    QVERIFY(instance.problems().testFlag(RecordProblem::MissingId));
    QCOMPARE(instance.port, 0);
    QVERIFY(!instance.createdAt.isValid());
    QCOMPARE(int(instance.type()), int(InstanceType::Unknown));
    QVERIFY(!instance.hasShowFields);

    const char *lists[] = {"instances", "backup_record_response", "restore_record_response"};
    for (const char *list : lists) {
        const QJsonArray array = root.value(QLatin1String(list)).toArray();
        for (const QJsonValue &entry : array) {
            const Instance i = Instance::fromJson(entry.toObject());
            const Backup b = Backup::fromJson(entry.toObject());
            const RestoreRecord r = RestoreRecord::fromJson(entry.toObject());
            QCOMPARE(i, Instance());
            QCOMPARE(b, Backup());
            QCOMPARE(r, RestoreRecord());
        }
    }
    QCOMPARE(Backup::fromJson(root), Backup());
    QCOMPARE(RestoreRecord::fromJson(root), RestoreRecord());
}

void TestValueTypes::nullsEverywhere() {
    // Every key of every type present and null: defaults, nulls stay null.
    QJsonObject nulls;
    const QStringList keys = listKeys + showKeys +
                             QStringList{QStringLiteral("updated_at"),
                                         QStringLiteral("backup_id"),
                                         QStringLiteral("backup_name"),
                                         QStringLiteral("remark"),
                                         QStringLiteral("period"),
                                         QStringLiteral("size"),
                                         QStringLiteral("backup_type"),
                                         QStringLiteral("backup_format"),
                                         QStringLiteral("progress"),
                                         QStringLiteral("execution_at"),
                                         QStringLiteral("is_support_restore"),
                                         QStringLiteral("restore_id"),
                                         QStringLiteral("restore_name"),
                                         QStringLiteral("restore_remark"),
                                         QStringLiteral("backup_remark")};
    for (const QString &key : keys)
        nulls.insert(key, QJsonValue::Null);

    Instance expectedInstance;
    expectedInstance.hasShowFields = true;
    const Instance i = Instance::fromJson(nulls);
    QCOMPARE(i, expectedInstance);
    QVERIFY(i.domainName.isNull());
    QVERIFY(!i.dbNumber.has_value());
    QVERIFY(i.tags.isEmpty());

    const Backup b = Backup::fromJson(nulls);
    QCOMPARE(b, Backup());
    QVERIFY(b.remark.isNull());
    QVERIFY(!b.supportRestore);

    const RestoreRecord r = RestoreRecord::fromJson(nulls);
    QCOMPARE(r, RestoreRecord());
    QVERIFY(r.restoreRemark.isNull());
    QVERIFY(!r.isRunning());
}

void TestValueTypes::wrongTypes() {
    const QJsonObject instanceJson{
        {QStringLiteral("name"), 12345},
        {QStringLiteral("capacity"), QStringLiteral("lots")},
        {QStringLiteral("port"), QJsonArray{6379}},
        {QStringLiteral("max_memory"), QJsonObject{}},
        {QStringLiteral("domainName"), QJsonValue::Null},
        {QStringLiteral("domain_name"), QStringLiteral("fallback.example")},
        {QStringLiteral("no_password_access"), QJsonObject{}},
        {QStringLiteral("enable_ssl"), QStringLiteral("maybe")},
        {QStringLiteral("tags"), QStringLiteral("team=orders")},
        {QStringLiteral("available_zones"), QStringLiteral("az-1, az-2")},
        {QStringLiteral("db_number"), QStringLiteral("16")},
        {QStringLiteral("sharding_count"), QStringLiteral("many")},
        {QStringLiteral("instance_backup_policy"), QJsonArray{1}},
        {QStringLiteral("created_at"), 12},
        {QStringLiteral("update_at"), QStringLiteral("2019-13-01T00:00:00Z")},
    };
    const Instance i = Instance::fromJson(instanceJson);
    QCOMPARE(i.name, QStringLiteral("12345"));
    QCOMPARE(i.capacity, -1); // unknown, not "0 GB"
    QCOMPARE(i.port, 0);
    QCOMPARE(i.maxMemoryMb, -1);
    QCOMPARE(i.domainName, QStringLiteral("fallback.example"));
    QVERIFY(!i.noPasswordAccess);
    QVERIFY(!i.enableSsl);
    QVERIFY(i.tags.isEmpty());
    QCOMPARE(i.availableZones, QStringList({QStringLiteral("az-1"), QStringLiteral("az-2")}));
    QCOMPARE(i.dbNumber.value_or(-1), 16);
    QVERIFY(!i.shardingCount.has_value());
    QVERIFY(i.instanceBackupPolicy.isEmpty());
    QVERIFY(!i.updateAt.isValid());
    QVERIFY(i.hasShowFields);

    const QJsonObject backupJson{
        {QStringLiteral("size"), QStringLiteral("big")}, {QStringLiteral("progress"), QJsonArray{}},
        {QStringLiteral("is_support_restore"), true},    {QStringLiteral("status"), 1},
        {QStringLiteral("created_at"), QJsonObject{}},
    };
    const Backup b = Backup::fromJson(backupJson);
    QCOMPARE(b.size, -1);    // unknown
    QVERIFY(b.progress < 0); // unknown, not 0 %
    QVERIFY(b.supportRestore);
    QCOMPARE(b.status, QStringLiteral("1"));
    QVERIFY(!b.createdAt.isValid());

    const RestoreRecord r = RestoreRecord::fromJson(QJsonObject{
        {QStringLiteral("progress"), QStringLiteral("abc")},
        {QStringLiteral("restore_id"), 7},
    });
    QVERIFY(r.progress < 0);
    // A number is not an id: never coerced to "7" and used in a request.
    QVERIFY(r.restoreId.isEmpty());
    QVERIFY(r.problems().testFlag(RecordProblem::MissingId));
}

void TestValueTypes::instanceToJsonShape() {
    const Instance full = fullInstance();
    const QJsonObject list = full.toJson(false);
    QCOMPARE(sortedKeys(list), sorted(listKeys));
    const QJsonObject show = full.toJson(true);
    QCOMPARE(sortedKeys(show), sorted(listKeys + showKeys));

    using T = QJsonValue::Type;
    const QHash<QString, T> types = {
        {QStringLiteral("name"), T::String},
        {QStringLiteral("internal_version"), T::String},
        {QStringLiteral("capacity"), T::Double},
        {QStringLiteral("capacity_minor"), T::String},
        {QStringLiteral("max_memory"), T::Double},
        {QStringLiteral("used_memory"), T::Double},
        {QStringLiteral("port"), T::Double},
        {QStringLiteral("domainName"), T::String},
        {QStringLiteral("domain_name"), T::String},
        {QStringLiteral("readonlyDomainName"), T::String},
        {QStringLiteral("readonly_domain_name"), T::String},
        {QStringLiteral("charging_mode"), T::Double},
        {QStringLiteral("created_at"), T::String},
        {QStringLiteral("update_at"), T::String},
        {QStringLiteral("no_password_access"), T::String},
        {QStringLiteral("enable_publicip"), T::Bool},
        {QStringLiteral("enable_ssl"), T::Bool},
        {QStringLiteral("tags"), T::Array},
        {QStringLiteral("cache_mode"), T::String},
        {QStringLiteral("available_zones"), T::Array},
        {QStringLiteral("db_number"), T::Double},
        {QStringLiteral("sharding_count"), T::Double},
        {QStringLiteral("instance_backup_policy"), T::Object},
    };
    checkTypes(show, types);
    QCOMPARE(show.value(QLatin1String("no_password_access")).toString(), QStringLiteral("true"));
    QCOMPARE(show.value(QLatin1String("created_at")).toString(),
             QStringLiteral("2017-03-31T12:24:46.297Z"));
    QCOMPARE(show.value(QLatin1String("domainName")), show.value(QLatin1String("domain_name")));
    QCOMPARE(show.value(QLatin1String("tags")).toArray().at(0).toObject(),
             QJsonObject({{QStringLiteral("key"), QStringLiteral("team")},
                          {QStringLiteral("value"), QStringLiteral("orders")}}));

    // Nullable fields become JSON null; the rest keep their type.
    const Instance empty;
    const QJsonObject e = empty.toJson(true);
    QCOMPARE(sortedKeys(e), sorted(listKeys + showKeys));
    const QStringList nullKeys = {
        QStringLiteral("internal_version"),
        QStringLiteral("capacity_minor"),
        QStringLiteral("domainName"),
        QStringLiteral("domain_name"),
        QStringLiteral("readonlyDomainName"),
        QStringLiteral("readonly_domain_name"),
        QStringLiteral("error_code"),
        QStringLiteral("freeze_scene"),
        QStringLiteral("vpc_name"),
        QStringLiteral("subnet_name"),
        QStringLiteral("security_group_name"),
        QStringLiteral("created_at"),
        QStringLiteral("update_at"),
        QStringLiteral("access_user"),
        QStringLiteral("publicip_id"),
        QStringLiteral("publicip_address"),
        QStringLiteral("db_number"),
        QStringLiteral("sharding_count"),
        QStringLiteral("instance_backup_policy"),
    };
    for (const QString &key : nullKeys)
        QVERIFY2(e.value(key).isNull(), qPrintable(key));
    QCOMPARE(e.value(QLatin1String("no_password_access")).toString(), QStringLiteral("false"));
    QCOMPARE(e.value(QLatin1String("tags")).type(), QJsonValue::Array);
    QCOMPARE(e.value(QLatin1String("enable_ssl")).type(), QJsonValue::Bool);
    QCOMPARE(e.value(QLatin1String("name")).type(), QJsonValue::String);
    // Unknown numbers are not written as a made-up 0.
    QVERIFY(e.value(QLatin1String("capacity")).isNull());
    QCOMPARE(full.toJson(true).value(QLatin1String("capacity")).type(), QJsonValue::Double);
}

void TestValueTypes::backupToJsonShape() {
    const QJsonObject body = readObject("backups.json");
    const QJsonObject original =
        body.value(QLatin1String("backup_record_response")).toArray().at(0).toObject();
    const QJsonObject o = Backup::fromJson(original).toJson();
    const QStringList keys = {
        QStringLiteral("backup_id"),
        QStringLiteral("instance_id"),
        QStringLiteral("backup_name"),
        QStringLiteral("remark"),
        QStringLiteral("period"),
        QStringLiteral("size"),
        QStringLiteral("backup_type"),
        QStringLiteral("backup_format"),
        QStringLiteral("status"),
        QStringLiteral("progress"),
        QStringLiteral("created_at"),
        QStringLiteral("execution_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("error_code"),
        QStringLiteral("is_support_restore"),
    };
    QCOMPARE(sortedKeys(o), sorted(keys));
    // This body is already in the contract shape, so it comes back identical.
    QCOMPARE(o, original);
    QCOMPARE(o.value(QLatin1String("size")).type(), QJsonValue::Double);
    QCOMPARE(o.value(QLatin1String("progress")).toString(), QStringLiteral("100.00"));
    QCOMPARE(o.value(QLatin1String("is_support_restore")).toString(), QStringLiteral("TRUE"));
    QVERIFY(o.value(QLatin1String("period")).isNull());

    Backup b;
    b.progress = 45.5;
    const QJsonObject e = b.toJson();
    QCOMPARE(sortedKeys(e), sorted(keys));
    QCOMPARE(e.value(QLatin1String("progress")).toString(), QStringLiteral("45.50"));
    QCOMPARE(e.value(QLatin1String("is_support_restore")).toString(), QStringLiteral("FALSE"));
    QVERIFY(e.value(QLatin1String("remark")).isNull());
    QVERIFY(e.value(QLatin1String("error_code")).isNull());
    QVERIFY(e.value(QLatin1String("execution_at")).isNull());
}

void TestValueTypes::restoreRecordToJsonShape() {
    const QJsonObject body = readObject("restores.json");
    const QJsonObject original =
        body.value(QLatin1String("restore_record_response")).toArray().at(0).toObject();
    const QJsonObject o = RestoreRecord::fromJson(original).toJson();
    const QStringList keys = {
        QStringLiteral("restore_id"),     QStringLiteral("restore_name"),
        QStringLiteral("backup_id"),      QStringLiteral("backup_name"),
        QStringLiteral("restore_remark"), QStringLiteral("backup_remark"),
        QStringLiteral("status"),         QStringLiteral("progress"),
        QStringLiteral("created_at"),     QStringLiteral("updated_at"),
        QStringLiteral("error_code"),
    };
    QCOMPARE(sortedKeys(o), sorted(keys));
    QCOMPARE(o, original);
    QVERIFY(!o.contains(QLatin1String("remark")));
    QCOMPARE(o.value(QLatin1String("progress")).toString(), QStringLiteral("45.50"));

    RestoreRecord r;
    r.progress = 100;
    QCOMPARE(r.toJson().value(QLatin1String("progress")).toString(), QStringLiteral("100.00"));
    QVERIFY(r.toJson().value(QLatin1String("restore_remark")).isNull());
}

void TestValueTypes::roundTrips() {
    const Instance full = fullInstance();
    QCOMPARE(Instance::fromJson(full.toJson(true)), full);
    Instance listOnly = full;
    listOnly.cacheMode.clear();
    listOnly.productType.clear();
    listOnly.cpuType.clear();
    listOnly.description.clear();
    listOnly.availableZones.clear();
    listOnly.dbNumber.reset();
    listOnly.shardingCount.reset();
    listOnly.instanceBackupPolicy = {};
    listOnly.hasShowFields = false;
    QCOMPARE(Instance::fromJson(full.toJson(false)), listOnly);
    QCOMPARE(Instance::fromJson(Instance().toJson(false)), Instance());
    Instance emptyShow;
    emptyShow.hasShowFields = true;
    QCOMPARE(Instance::fromJson(emptyShow.toJson(true)), emptyShow);

    // Through text, as the simulator's file and the wire carry it.
    const QByteArray text = QJsonDocument(full.toJson(true)).toJson(QJsonDocument::Compact);
    QCOMPARE(Instance::fromJson(QJsonDocument::fromJson(text).object()), full);

    // The equality must notice a difference, or the checks above prove nothing.
    Instance changed = full;
    changed.tags[1].value = QStringLiteral("x");
    QVERIFY(Instance::fromJson(full.toJson(true)) != changed);

    const QJsonArray instances =
        readObject("list_instances.json").value(QLatin1String("instances")).toArray();
    for (const QJsonValue &value : instances) {
        const Instance parsed = Instance::fromJson(value.toObject());
        QCOMPARE(Instance::fromJson(parsed.toJson(false)), parsed);
    }
    const Instance shown = Instance::fromJson(readObject("show_instance.json"));
    QCOMPARE(Instance::fromJson(shown.toJson(true)), shown);

    const QJsonArray backups =
        readObject("backups.json").value(QLatin1String("backup_record_response")).toArray();
    for (const QJsonValue &value : backups) {
        const Backup parsed = Backup::fromJson(value.toObject());
        QCOMPARE(Backup::fromJson(parsed.toJson()), parsed);
    }
    Backup changedBackup = Backup::fromJson(backups.at(0).toObject());
    changedBackup.supportRestore = false;
    QVERIFY(Backup::fromJson(backups.at(0).toObject()) != changedBackup);

    const QJsonArray records =
        readObject("restores.json").value(QLatin1String("restore_record_response")).toArray();
    for (const QJsonValue &value : records) {
        const RestoreRecord parsed = RestoreRecord::fromJson(value.toObject());
        QCOMPARE(RestoreRecord::fromJson(parsed.toJson()), parsed);
    }
    QCOMPARE(RestoreRecord::fromJson(RestoreRecord().toJson()), RestoreRecord());
    QCOMPARE(Backup::fromJson(Backup().toJson()), Backup());
}

QTEST_GUILESS_MAIN(TestValueTypes)
#include "tst_valuetypes.moc"
