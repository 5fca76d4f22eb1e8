// List pages are parsed with simdjson and mapped in one pass per record; QJsonDocument and the
// keyed fromJson() are what they must agree with, page for page and record for record — on
// dcs-sim's own pages in both API versions and on every kind of odd or hostile body.

#include "DemoData.h"
#include "SimApi.h"
#include "SimState.h"
#include "api/PageReader.h"
#include "model/JsonRead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtConcurrentMap>

using namespace dcs;
using namespace dcs::sim;

namespace {

const QDateTime Origin(QDate(2024, 5, 10), QTime(8, 30, 0), Qt::UTC);

template <typename T>
void compare(const Page<T> &fast, const Page<T> &reference, const char *what) {
    QVERIFY2(fast.error.kind == reference.error.kind, what);
    QCOMPARE(fast.error.message, reference.error.message);
    QCOMPARE(fast.error.code, reference.error.code);
    QCOMPARE(fast.total, reference.total);
    QCOMPARE(fast.overfull, reference.overfull);
    QCOMPARE(fast.keys, reference.keys);
    QCOMPARE(fast.items.size(), reference.items.size());
    for (qsizetype i = 0; i < fast.items.size(); ++i)
        QVERIFY2(fast.items.at(i) == reference.items.at(i),
                 qPrintable(QStringLiteral("%1: record %2").arg(QLatin1String(what)).arg(i)));
}

// Each record also as the keyed reading of the QJsonObject alone would have it.
template <typename T> QList<T> keyedReading(const QByteArray &body, const QString &listKey) {
    QList<T> records;
    const QJsonArray array = QJsonDocument::fromJson(body).object().value(listKey).toArray();
    for (const QJsonValue &value : array)
        records.append(T::fromJson(value.toObject()));
    return records;
}

} // namespace

class TestPageReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simPagesAgree_data();
    void simPagesAgree();
    void oddBodiesAgree_data();
    void oddBodiesAgree();
    void backupsAndTasksAgree();
    void adjustRunsOnEveryRecord();
    void repeatedTextIsShared();
    void lentParsersReadAlike();
};

void TestPageReader::simPagesAgree_data() {
    QTest::addColumn<QString>("prefix");
    QTest::newRow("v1.0") << QStringLiteral("/v1.0/p");
    QTest::newRow("v2") << QStringLiteral("/v2/p");
}

void TestPageReader::simPagesAgree() {
    QFETCH(QString, prefix);
    SimState state([] { return Origin; });
    demo::seed(state, Origin);
    demo::addGeneratedInstances(state, 1500, Origin);
    SimApi api(&state, QStringLiteral("p"));
    const bool v2 = prefix.startsWith(QLatin1String("/v2"));
    int pages = 0;
    for (int first = 0; first < 1510; first += 500) {
        const QueryItems paging =
            v2 ? QueryItems{{QStringLiteral("offset"), QString::number(first)},
                            {QStringLiteral("limit"), QStringLiteral("500")}}
               : QueryItems{{QStringLiteral("start"), QString::number(first + 1)},
                            {QStringLiteral("limit"), QStringLiteral("500")}};
        const ApiAnswer answer =
            api.handle(SimApi::route("GET", prefix + QStringLiteral("/instances")), paging, {});
        QCOMPARE(answer.status, 200);
        const QString total = QStringLiteral("instance_num");
        const QString list = QStringLiteral("instances");
        const Page<Instance> fast = readPage<Instance>(answer.body, total, list, 500, {});
        QCOMPARE(lastPageParser(), PageParser::Simdjson);
        const Page<Instance> reference =
            readPageWithQJson<Instance>(answer.body, total, list, 500, {});
        compare(fast, reference, "instances");
        const QList<Instance> keyed = keyedReading<Instance>(answer.body, list);
        QCOMPARE(fast.items.size(), keyed.size());
        for (qsizetype i = 0; i < keyed.size(); ++i)
            QVERIFY(fast.items.at(i) == keyed.at(i));
        QVERIFY(!fast.items.isEmpty());
        ++pages;
    }
    QCOMPARE(pages, 4);
}

void TestPageReader::oddBodiesAgree_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("simdjson"); // read by simdjson (else left to QJsonDocument)

    const QByteArray record = R"({"instance_id":"a1","name":"one","status":"RUNNING",)"
                              R"("created_at":"2024-05-10T08:30:00.123Z","capacity":2})";
    QTest::newRow("plain") << QByteArray(R"({"instance_num":1,"instances":[)" + record + "]}")
                           << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("blank") << QByteArray("  \n") << false;
    QTest::newRow("not json") << QByteArray("<html>") << false;
    QTest::newRow("array") << QByteArray("[1,2]") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"instances":[],})") << false;
    QTest::newRow("byte order mark")
        << QByteArray("\xEF\xBB\xBF{\"instance_num\":0,\"instances\":[]}") << false;
    QTest::newRow("lone surrogate escape")
        << QByteArray(R"({"instances":[{"instance_id":"a","name":"\ud800"}]})") << false;
    QTest::newRow("invalid utf-8") << QByteArray("{\"instances\":[{\"name\":\"\xff\"}]}") << false;
    QTest::newRow("raw control character")
        << QByteArray("{\"instances\":[{\"name\":\"a\x01\"}]}") << false;
    QTest::newRow("underflow to zero")
        << QByteArray(R"({"instance_num":1,"instances":[{"capacity":2.4e-324}]})") << false;
    QTest::newRow("negative underflow elsewhere")
        << QByteArray(R"({"x":[-1e-400],"instances":[]})") << false;
    QTest::newRow("fractional zero") << QByteArray(R"({"instances":[{"capacity":0.0}]})") << false;
    QTest::newRow("integer zero") << QByteArray(R"({"instances":[{"capacity":0,"port":-0}]})")
                                  << true;
    QTest::newRow("huge integer") << QByteArray(
                                         R"({"instance_num":18446744073709551616,"instances":[]})")
                                  << false;
    QTest::newRow("big but fine")
        << QByteArray(R"({"instance_num":9223372036854775807,"instances":[{"max_memory":)"
                      R"(18446744073709551615,"used_memory":1e300}]})")
        << true;
    QTest::newRow("numbers as text")
        << QByteArray(R"({"instance_num":"3","instances":[{"capacity":"2","port":"6379",)"
                      R"("max_memory":"1024.0","used_memory":"12abc"}]})")
        << true;
    QTest::newRow("duplicate keys: the last wins")
        << QByteArray(R"({"instances":[{"name":"first","name":"second","status":null,)"
                      R"("status":"RUNNING"}],"instances":[{"name":"later list"}]})")
        << true;
    QTest::newRow("both spellings")
        << QByteArray(R"({"instances":[{"domainName":null,"domain_name":"d.example",)"
                      R"("readonlyDomainName":"r1","readonly_domain_name":"r2",)"
                      R"("update_at":null,"updated_at":"2024-05-10T08:30:00Z"}]})")
        << true;
    QTest::newRow("items that are no objects")
        << QByteArray(R"({"instance_num":4,"instances":[1,"x",null,[],{"instance_id":"b"}]})")
        << true;
    QTest::newRow("ids that are no ids")
        << QByteArray(R"({"instances":[{"instance_id":12345},{"instance_id":"a/../b"},)"
                      R"({"instance_id":""},{"name":"no id"},{"name":"no id"}]})")
        << true;
    QTest::newRow("list is an object")
        << QByteArray(R"({"instance_num":1,"instances":{"a":1}})") << true;
    QTest::newRow("list is null") << QByteArray(R"({"instance_num":0,"instances":null})") << true;
    QTest::newRow("no list") << QByteArray(R"({"instance_num":0})") << true;
    QTest::newRow("error in a 200")
        << QByteArray(R"({"error":{"code":"DCS.4800","message":"Invalid parameter."}})") << true;
    QTest::newRow("v2 error in a 200")
        << QByteArray(R"({"error_code":"DCS.4800","error_msg":"Invalid parameter."})") << true;
    QTest::newRow("error beside a wrong list")
        << QByteArray(R"({"error_code":"DCS.1","instances":"x"})") << true;
    QTest::newRow("overfull")
        << QByteArray(R"({"instance_num":3,"instances":[{"instance_id":"a"},)"
                      R"({"instance_id":"b"},{"instance_id":"c"},{"instance_id":"d"}]})")
        << true;
    QTest::newRow("odd values")
        << QByteArray(R"({"instances":[{"instance_id":"c1","name":"tab\there \u202Eevil",)"
                      R"("tags":[{"key":"k","value":"v"},{"key":""},7,{"key":"only"}],)"
                      R"("available_zones":"az1, az2,,az3","task":{"name":"BACKUPING",)"
                      R"("b":[1,2.5,true,null]},"instance_backup_policy":{"policy":)"
                      R"({"save_days":7}},"db_number":"16","sharding_count":-1,)"
                      R"("no_password_access":"TRUE","enable_ssl":1,"enable_publicip":"yes",)"
                      R"("charging_mode":1e3,"created_at":1715329800123,)"
                      R"("description":")" +
                      QByteArray(3000, 'd') + R"("}]})")
        << true;
    QTest::newRow("dates in every form")
        << QByteArray(
               R"({"instances":[{"created_at":"2024-05-10T08:30:00.123Z"},)"
               R"({"created_at":"2024-05-10T16:30:00+08:00"},{"created_at":"2024-05-10"},)"
               R"({"created_at":"1999-12-31T23:59:59Z"},{"created_at":"2024-02-30T00:00:00Z"},)"
               R"({"created_at":" 2024-05-10t08:30:00,5z "},{"created_at":1715329800},)"
               R"({"created_at":true}]})")
        << true;
    QTest::newRow("deep nesting") << QByteArray(R"({"instances":[{"x":)" + QByteArray(200, '[') +
                                                QByteArray(200, ']') + "}]}")
                                  << false;
}

void TestPageReader::oddBodiesAgree() {
    QFETCH(QByteArray, body);
    QFETCH(bool, simdjson);
    const QString total = QStringLiteral("instance_num");
    const QString list = QStringLiteral("instances");
    const Page<Instance> fast = readPage<Instance>(body, total, list, 3, {});
    QCOMPARE(lastPageParser() == PageParser::Simdjson, simdjson);
    const Page<Instance> reference = readPageWithQJson<Instance>(body, total, list, 3, {});
    compare(fast, reference, QTest::currentDataTag());
}

void TestPageReader::backupsAndTasksAgree() {
    SimState state([] { return Origin; });
    demo::seed(state, Origin);
    demo::addManyBackups(state, 2500, Origin);
    SimApi api(&state, QStringLiteral("p"));
    const QString id = demo::instanceId(demo::manyBackupsInstanceName());
    for (const QString &prefix : {QStringLiteral("/v1.0/p"), QStringLiteral("/v2/p")}) {
        const ApiAnswer answer =
            api.handle(SimApi::route("GET", prefix + QStringLiteral("/instances/") + id +
                                                QStringLiteral("/backups")),
                       {{QStringLiteral("limit"), QStringLiteral("1000")}}, {});
        QCOMPARE(answer.status, 200);
        const QString total = QStringLiteral("total_num");
        const QString list = QStringLiteral("backup_record_response");
        const Page<Backup> fast = readPage<Backup>(answer.body, total, list, 1000, {});
        QCOMPARE(lastPageParser(), PageParser::Simdjson);
        QCOMPARE(fast.items.size(), 1000);
        QCOMPARE(fast.total, 2500);
        compare(fast, readPageWithQJson<Backup>(answer.body, total, list, 1000, {}), "backups");
        const QList<Backup> keyed = keyedReading<Backup>(answer.body, list);
        for (qsizetype i = 0; i < keyed.size(); ++i)
            QVERIFY(fast.items.at(i) == keyed.at(i));
    }
    // Restore records and background tasks of the demo set.
    const QString restoring = demo::instanceId(demo::restoringInstanceName());
    const ApiAnswer restores =
        api.handle(SimApi::route("GET", QStringLiteral("/v2/p/instances/") + restoring +
                                            QStringLiteral("/restores")),
                   {{QStringLiteral("limit"), QStringLiteral("1000")}}, {});
    QCOMPARE(restores.status, 200);
    const Page<RestoreRecord> fastRestores =
        readPage<RestoreRecord>(restores.body, QStringLiteral("total_num"),
                                QStringLiteral("restore_record_response"), 1000, {});
    QVERIFY(!fastRestores.items.isEmpty());
    compare(fastRestores,
            readPageWithQJson<RestoreRecord>(restores.body, QStringLiteral("total_num"),
                                             QStringLiteral("restore_record_response"), 1000, {}),
            "restores");
    const ApiAnswer tasks =
        api.handle(SimApi::route("GET", QStringLiteral("/v2/p/instances/") +
                                            demo::instanceId(demo::restorableInstanceName()) +
                                            QStringLiteral("/tasks")),
                   {{QStringLiteral("limit"), QStringLiteral("100")}}, {});
    QCOMPARE(tasks.status, 200);
    const Page<BackgroundTask> fastTasks = readPage<BackgroundTask>(
        tasks.body, QStringLiteral("task_count"), QStringLiteral("tasks"), 100, {});
    QVERIFY(!fastTasks.items.isEmpty());
    QVERIFY(fastTasks.total > 0); // a string in v2
    compare(fastTasks,
            readPageWithQJson<BackgroundTask>(tasks.body, QStringLiteral("task_count"),
                                              QStringLiteral("tasks"), 100, {}),
            "tasks");
}

void TestPageReader::adjustRunsOnEveryRecord() {
    const QByteArray body = R"({"total_num":3,"backup_record_response":[{"backup_id":"b1",)"
                            R"("instance_id":"mine"},{"backup_id":"b2","instance_id":"other"},)"
                            R"({"backup_id":"b3"}]})";
    const std::function<void(Backup &)> flag = [](Backup &backup) {
        backup.foreignInstance =
            !backup.instanceId.isEmpty() && backup.instanceId != QLatin1String("mine");
    };
    const Page<Backup> page = readPage<Backup>(body, QStringLiteral("total_num"),
                                               QStringLiteral("backup_record_response"), 10, flag);
    QCOMPARE(lastPageParser(), PageParser::Simdjson);
    QCOMPARE(page.items.size(), 3);
    QVERIFY(!page.items.at(0).foreignInstance);
    QVERIFY(page.items.at(1).foreignInstance);
    QVERIFY(!page.items.at(2).foreignInstance);
    QCOMPARE(page.keys.at(1), QByteArray("id:b2"));
}

void TestPageReader::repeatedTextIsShared() {
    SimState state([] { return Origin; });
    demo::addGeneratedInstances(state, 300, Origin);
    SimApi api(&state, QStringLiteral("p"));
    const ApiAnswer answer = api.handle(SimApi::route("GET", QStringLiteral("/v2/p/instances")),
                                        {{QStringLiteral("limit"), QStringLiteral("300")}}, {});
    const Page<Instance> page = readPage<Instance>(answer.body, QStringLiteral("instance_num"),
                                                   QStringLiteral("instances"), 300, {});
    QCOMPARE(page.items.size(), 300);
    // One copy of each status, engine and maintenance window for the whole page.
    for (qsizetype i = 1; i < page.items.size(); ++i) {
        const Instance &a = page.items.at(0);
        const Instance &b = page.items.at(i);
        if (a.status == b.status)
            QCOMPARE(a.status.constData(), b.status.constData());
        QCOMPARE(a.engine.constData(), b.engine.constData());
        QCOMPARE(a.maintainBegin.constData(), b.maintainBegin.constData());
    }
}

// The parsers lent for one list (PageParsers) read every page as a parser of its own would:
// pages long and short in turn (a parser grown for a long page reads a short one), a body only
// QJsonDocument takes, and the pages read from several threads at once.
void TestPageReader::lentParsersReadAlike() {
    SimState state([] { return Origin; });
    demo::seed(state, Origin);
    demo::addGeneratedInstances(state, 1200, Origin);
    SimApi api(&state, QStringLiteral("p"));
    QList<QByteArray> bodies;
    for (const int limit : {1000, 3, 500, 1}) {
        const ApiAnswer answer = api.handle(SimApi::route("GET", QStringLiteral("/v2/p/instances")),
                                            {{QStringLiteral("offset"), QStringLiteral("100")},
                                             {QStringLiteral("limit"), QString::number(limit)}},
                                            {});
        QCOMPARE(answer.status, 200);
        bodies << answer.body;
    }
    bodies.insert(2, QByteArray(R"({"instances":[{"x":)" + QByteArray(200, '[') +
                                QByteArray(200, ']') + "}]}"));
    bodies.insert(1, QByteArray(R"({"instance_num":2,"instances":[{"instance_id":"a"},7]})"));
    const QString total = QStringLiteral("instance_num");
    const QString list = QStringLiteral("instances");
    PageParsers parsers;
    for (int round = 0; round < 2; ++round) {
        for (const QByteArray &body : std::as_const(bodies)) {
            const Page<Instance> lent = readPage<Instance>(body, total, list, 1000, {}, &parsers);
            compare(lent, readPageWithQJson<Instance>(body, total, list, 1000, {}), "lent");
        }
    }
    // Four threads at once, each page several times, all on the same parsers.
    QList<QByteArray> many;
    for (int i = 0; i < 6; ++i)
        many += bodies;
    const QList<Page<Instance>> pages =
        QtConcurrent::blockingMapped(many, [&](const QByteArray &body) {
            return readPage<Instance>(body, total, list, 1000, {}, &parsers);
        });
    QCOMPARE(pages.size(), many.size());
    for (qsizetype i = 0; i < many.size(); ++i)
        compare(pages.at(i), readPageWithQJson<Instance>(many.at(i), total, list, 1000, {}),
                "lent, threads");
}

QTEST_GUILESS_MAIN(TestPageReader)
#include "tst_pagereader.moc"
