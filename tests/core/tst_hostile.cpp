// DcsClient against a hostile or broken service (HostileServer on loopback): writes whose answer
// is lost reach the wire exactly once, answers cut short or wrongly encoded are transfer errors,
// a trickling answer meets the overall deadline, oversized and repeating pages are capped, records
// whose identity is wrong are refused or flagged, and every failure names its real cause.

#include "ClientTestSupport.h"
#include "HostileServer.h"
#include "api/DcsClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

namespace {

const QString kProject = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kInstance = QStringLiteral("3c49d6a1-0d6c-4b3c-9f4e-6e5a1c1b2a10");
const QString kBackup = QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029");

ClientConfig configFor(const HostileServer &server) {
    ClientConfig config;
    // Both versions when ctest runs it (the paths and shapes served here fit both); v1.0 alone.
    const ApiVersion version = apiVersionUnderTest();
    config.apiVersion = version == ApiVersion::Automatic ? ApiVersion::V1 : version;
    config.endpoint = server.url();
    config.projectId = kProject;
    config.accessKey = "HOSTILEAK";
    config.secretKey = "hostile-sk";
    config.transferTimeoutMs = 5000;
    config.proxy.mode = ProxyChoice::Mode::None;
    return config;
}

QJsonObject instanceJson(const QString &id, const QString &name = QStringLiteral("cache")) {
    return QJsonObject{{"instance_id", id},
                       {"name", name},
                       {"status", "RUNNING"},
                       {"engine", "Redis"},
                       {"spec_code", "redis.ha.xu1.large.r2.2"},
                       {"max_memory", 2048},
                       {"used_memory", 100},
                       {"created_at", "2024-01-05T10:00:00.000Z"}};
}

QJsonObject backupJson(const QString &id, const QString &instanceId = kInstance) {
    return QJsonObject{{"backup_id", id},
                       {"instance_id", instanceId},
                       {"backup_name", "backup_" + id.left(8)},
                       {"status", "succeed"},
                       {"is_support_restore", "TRUE"},
                       {"backup_type", "manual"},
                       {"size", 1024},
                       {"progress", "100.00"},
                       {"created_at", "2024-01-05T10:00:00.000Z"}};
}

QByteArray compact(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray instancesPage(const QJsonArray &items, int total) {
    return compact(QJsonObject{{"instance_num", total}, {"instances", items}});
}

// How many records a list request skips: v2's offset, or v1.0's start counted from 1.
int skippedBy(const HostileServer::Request &request) {
    const QString offset = request.query(QStringLiteral("offset"));
    return offset.isEmpty() ? request.query(QStringLiteral("start")).toInt() - 1 : offset.toInt();
}

// A list of `size` instances (inst-0 …) served page by page, each page claiming `total`.
HostileServer::Answer pageOf(const HostileServer::Request &request, int size, int total) {
    const int first = skippedBy(request);
    const int limit = request.query(QStringLiteral("limit")).toInt();
    QJsonArray items;
    for (int i = first; i < first + limit && i < size; ++i)
        items.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
    return HostileServer::json(instancesPage(items, total));
}

QStringList idsOf(const QList<Instance> &instances) {
    QStringList ids;
    for (const Instance &i : instances)
        ids << i.instanceId;
    return ids;
}

QStringList expectedIds(int count) {
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << QStringLiteral("inst-%1").arg(i);
    return ids;
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Writes: exactly one on the wire, a lost answer is AnswerLost.
    void lostDeleteAnswerIsNotResent();
    void lostCreateAnswerIsNotResent();
    void everyWriteIsSentOnce_data();
    void everyWriteIsSentOnce();
    void emptyIdsAreRefusedWithoutARequest();
    // Transfers.
    void shortBodyIsATransferError();
    void gzipHeaderOnAPlainBodyIsATransferError();
    void compressedAnswersAreDecoded();
    void compressionBombIsRefused();
    void trickleMeetsTheOverallDeadline();
    void malformedStatusLineIsNamed();
    void oversizedAnswerIsRefused();
    // Paging.
    void repeatingPagesStopAndSayIncomplete();
    void pageLargerThanAskedIsCapped();
    void duplicatesAcrossPagesAreShownOnce();
    void streamingKeepsThePagingGuarantees();
    // Paging with several pages in flight: the same outcome as one page after another.
    void concurrentPagesKeepTheirOrder();
    void concurrentPagingMatchesSequential_data();
    void concurrentPagingMatchesSequential();
    void failingMiddlePageFailsTheWholeList();
    void goneContextDropsEveryPage();
    void abortAllCancelsTheList();
    // Identity.
    void showReturningAnotherInstanceIsRefused();
    void backupsOfAnotherInstanceAreFlagged();
    void numericAndMissingIdsAreNotIds();
    // Causes.
    void emptyOkBodyIsNamed();
    void okAnswerCarryingAnErrorIsShown();
    void gatewayNotFoundGivesGatewayAdvice();
    void iamRedirectSaysRedirected();
    void proxyDemandingCredentialsIsAProxyError();
};

void TestHostile::lostDeleteAnswerIsNotResent() {
    // The service deletes the backup, then the connection closes before the answer. Qt would
    // send the DELETE again on a new connection; the second answer would say "invalid backup_id".
    HostileServer server;
    server.on("DELETE", "/backups/",
              [](const HostileServer::Request &) { return HostileServer::drop(); });
    DcsClient client(configFor(server));
    const auto result =
        await<bool>([&](auto cb) { client.deleteBackup(kInstance, kBackup, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::AnswerLost);
    QTest::qWait(300); // a stray re-send would arrive by now
    QCOMPARE(server.count("DELETE"), 1);
}

void TestHostile::lostCreateAnswerIsNotResent() {
    HostileServer server;
    server.on("POST", "/backups$",
              [](const HostileServer::Request &) { return HostileServer::drop(); });
    DcsClient client(configFor(server));
    const auto result = await<QString>([&](auto cb) {
        client.createBackup(kInstance, QStringLiteral("r"), QStringLiteral("rdb"), this, cb);
    });
    QCOMPARE(result.error.kind, ApiError::Kind::AnswerLost);
    QTest::qWait(300);
    QCOMPARE(server.count("POST"), 1);
}

void TestHostile::everyWriteIsSentOnce_data() {
    QTest::addColumn<int>("which");
    QTest::addColumn<bool>("reuseConnection");
    QTest::newRow("create, new connection") << 0 << false;
    QTest::newRow("delete, new connection") << 1 << false;
    QTest::newRow("restore, new connection") << 2 << false;
    QTest::newRow("create, reused connection") << 0 << true;
    QTest::newRow("delete, reused connection") << 1 << true;
    QTest::newRow("restore, reused connection") << 2 << true;
}

void TestHostile::everyWriteIsSentOnce() {
    // The connection a read left open is closed by the server the moment the write arrives:
    // the case Qt re-sends on its own.
    QFETCH(int, which);
    QFETCH(bool, reuseConnection);
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        HostileServer::Answer a = HostileServer::json(compact(instanceJson(kInstance)));
        a.raw.replace("Connection: close\r\n", "Connection: keep-alive\r\n");
        a.close = false;
        return a;
    });
    for (const char *method : {"POST", "DELETE"})
        server.on(method, ".*",
                  [](const HostileServer::Request &) { return HostileServer::drop(); });
    DcsClient client(configFor(server));
    if (reuseConnection) {
        const auto shown =
            await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
        QVERIFY2(shown.ok(), qPrintable(shown.error.summary()));
    }
    ApiError error;
    if (which == 0)
        error = await<QString>([&](auto cb) {
                    client.createBackup(kInstance, {}, QStringLiteral("rdb"), this, cb);
                }).error;
    else if (which == 1)
        error =
            await<bool>([&](auto cb) { client.deleteBackup(kInstance, kBackup, this, cb); }).error;
    else
        error = await<QString>([&](auto cb) {
                    client.restore(kInstance, kBackup, QStringLiteral("x"), this, cb);
                }).error;
    QCOMPARE(error.kind, ApiError::Kind::AnswerLost);
    QTest::qWait(300);
    QCOMPARE(server.count("POST") + server.count("DELETE"), 1);
}

void TestHostile::emptyIdsAreRefusedWithoutARequest() {
    // "/instances//restores" is another URL altogether; nothing with an empty or odd id is sent.
    HostileServer server;
    DcsClient client(configFor(server));
    const auto restore = await<QString>(
        [&](auto cb) { client.restore(kInstance, QString(), QStringLiteral("x"), this, cb); });
    QVERIFY(!restore.ok());
    QCOMPARE(restore.error.kind, ApiError::Kind::InvalidRequest);
    const auto removal =
        await<bool>([&](auto cb) { client.deleteBackup(QString(), kBackup, this, cb); });
    QCOMPARE(removal.error.kind, ApiError::Kind::InvalidRequest);
    const auto traversal = await<bool>(
        [&](auto cb) { client.deleteBackup(kInstance, QStringLiteral(".."), this, cb); });
    QCOMPARE(traversal.error.kind, ApiError::Kind::InvalidRequest);
    const auto show = await<Instance>([&](auto cb) { client.showInstance({}, this, cb); });
    QCOMPARE(show.error.kind, ApiError::Kind::InvalidRequest);
    QCOMPARE(server.requests().size(), 0);
}

void TestHostile::shortBodyIsATransferError() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        const QByteArray body = compact(instanceJson(kInstance));
        HostileServer::Answer a = HostileServer::json(body);
        // Announce more than is sent, then close.
        a.raw.replace("Content-Length: " + QByteArray::number(body.size()),
                      "Content-Length: " + QByteArray::number(body.size() + 500));
        return a;
    });
    DcsClient client(configFor(server));
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Transfer);
    QVERIFY2(result.error.message.contains(QStringLiteral("cut short")),
             qPrintable(result.error.message));
}

void TestHostile::gzipHeaderOnAPlainBodyIsATransferError() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        return HostileServer::reply(200, compact(instanceJson(kInstance)),
                                    {"Content-Encoding: gzip"});
    });
    server.on("GET", "/instances$", [](const HostileServer::Request &) {
        // A gzip member that stops halfway.
        const QByteArray broken = QByteArray::fromHex("1f8b0800000000000003ab56ca");
        return HostileServer::reply(200, broken, {"Content-Encoding: gzip"});
    });
    DcsClient client(configFor(server));
    const auto shown = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QCOMPARE(shown.error.kind, ApiError::Kind::Transfer);
    QVERIFY2(!shown.error.message.contains(QStringLiteral("JSON")),
             qPrintable(shown.error.message));
    const auto listed =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QCOMPARE(listed.error.kind, ApiError::Kind::Transfer);
    QVERIFY2(!listed.error.message.contains(QStringLiteral("JSON")),
             qPrintable(listed.error.message));
}

void TestHostile::compressedAnswersAreDecoded() {
    // qCompress gives a zlib stream behind a four-byte length: what "deflate" means in HTTP.
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &request) {
        const QByteArray accepted = request.header("Accept-Encoding");
        const QByteArray body = compact(instanceJson(kInstance, QStringLiteral("zipped")));
        if (!accepted.contains("deflate"))
            return HostileServer::json(body);
        return HostileServer::reply(200, qCompress(body).mid(4), {"Content-Encoding: deflate"});
    });
    DcsClient client(configFor(server));
    const auto shown = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QVERIFY2(shown.ok(), qPrintable(shown.error.summary()));
    QCOMPARE(shown.value.name, QStringLiteral("zipped"));
}

void TestHostile::compressionBombIsRefused() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        const QByteArray zeros(8 * 1024 * 1024, ' ');
        return HostileServer::reply(200, qCompress(zeros, 9).mid(4), {"Content-Encoding: deflate"});
    });
    ClientConfig config = configFor(server);
    config.maxAnswerBytes = 1024 * 1024;
    DcsClient client(config);
    const auto shown = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QCOMPARE(shown.error.kind, ApiError::Kind::Transfer);
    QVERIFY2(shown.error.message.contains(QStringLiteral("too large")),
             qPrintable(shown.error.message));
}

void TestHostile::trickleMeetsTheOverallDeadline() {
    // Headers at once, then the body one byte every 100 ms: never silent long enough for the
    // inactivity timeout; the deadline ends it.
    HostileServer server;
    server.on("GET", "/instances$", [](const HostileServer::Request &) {
        HostileServer::Answer a =
            HostileServer::json(instancesPage(QJsonArray{instanceJson(kInstance)}, 1));
        a.trickleMs = 100;
        a.trickleBodyOnly = true;
        return a;
    });
    ClientConfig config = configFor(server);
    config.transferTimeoutMs = 1000;
    config.requestDeadlineMs = 2000;
    DcsClient client(config);
    QElapsedTimer timer;
    timer.start();
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }, 15000);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Timeout);
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(result.error.message.contains(QStringLiteral("2 s")) ||
                 result.error.message.contains(QStringLiteral("deadline")),
             qPrintable(result.error.message));
}

void TestHostile::malformedStatusLineIsNamed() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        return HostileServer::Answer{"HTTP/1.1 two hundred OK\r\nContent-Length: 2\r\n\r\n{}"};
    });
    DcsClient client(configFor(server));
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Transfer);
    QVERIFY2(!result.error.explanation().contains(QStringLiteral("network connection")),
             qPrintable(result.error.explanation()));
}

void TestHostile::oversizedAnswerIsRefused() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        QJsonObject o = instanceJson(kInstance);
        o.insert("description", QString(300 * 1024, QLatin1Char('x')));
        return HostileServer::json(compact(o));
    });
    ClientConfig config = configFor(server);
    config.maxAnswerBytes = 64 * 1024;
    DcsClient client(config);
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Transfer);
    QVERIFY2(result.error.message.contains(QStringLiteral("too large")),
             qPrintable(result.error.message));
}

void TestHostile::repeatingPagesStopAndSayIncomplete() {
    // Every start gets the same ten records while the total claims 50,000.
    HostileServer server;
    QJsonArray same;
    for (int i = 0; i < 10; ++i)
        same.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
    server.on("GET", "/instances$", [same](const HostileServer::Request &) {
        return HostileServer::json(instancesPage(same, 50000));
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QCOMPARE(result.value.size(), 10);
    QVERIFY(result.incomplete);
    QVERIFY(!result.incompleteReason.isEmpty());
    // The first page, and at most the pages already in flight when the repeat was seen.
    QVERIFY2(server.count("GET") <= 1 + config.parallelPages,
             qPrintable(QString::number(server.count("GET"))));
}

void TestHostile::pageLargerThanAskedIsCapped() {
    HostileServer server;
    QJsonArray many;
    for (int i = 0; i < 500; ++i)
        many.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
    server.on("GET", "/instances$", [many](const HostileServer::Request &) {
        return HostileServer::json(instancesPage(many, 20));
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QVERIFY2(result.value.size() <= 20, qPrintable(QString::number(result.value.size())));
    QVERIFY(result.incomplete);
}

void TestHostile::duplicatesAcrossPagesAreShownOnce() {
    // Page two overlaps page one (a record inserted meanwhile shifts the list).
    HostileServer server;
    server.on("GET", "/instances$", [](const HostileServer::Request &request) {
        // v1.0 counts from 1 (start), v2 skips (offset).
        const bool firstPage = request.query(QStringLiteral("start")) == QLatin1String("1") ||
                               request.query(QStringLiteral("offset")) == QLatin1String("0");
        QJsonArray items;
        const int first = firstPage ? 0 : 8; // overlap of two
        for (int i = first; i < first + 10 && i < 18; ++i)
            items.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
        return HostileServer::json(instancesPage(items, 18));
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QSet<QString> ids;
    for (const Instance &i : result.value)
        ids.insert(i.instanceId);
    QCOMPARE(ids.size(), result.value.size());
}

// The streamed list keeps every paging guarantee of the whole one: each record once, no more
// than asked for, and a stop with "may be incomplete" at a repeat.
void TestHostile::streamingKeepsThePagingGuarantees() {
    auto stream = [this](DcsClient &client, QList<Instance> *records) {
        return await<QList<Instance>>([&](auto cb) {
            client.streamInstances(
                {}, this, [records](const QList<Instance> &batch) { *records += batch; }, cb);
        });
    };
    {
        HostileServer server;
        server.on("GET", "/instances$", [](const HostileServer::Request &request) {
            const bool firstPage = request.query(QStringLiteral("start")) == QLatin1String("1") ||
                                   request.query(QStringLiteral("offset")) == QLatin1String("0");
            QJsonArray items;
            const int first = firstPage ? 0 : 8; // overlap of two
            for (int i = first; i < first + 10 && i < 18; ++i)
                items.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
            return HostileServer::json(instancesPage(items, 18));
        });
        ClientConfig config = configFor(server);
        config.pageSize = 10;
        DcsClient client(config);
        QList<Instance> records;
        const auto done = stream(client, &records);
        QVERIFY2(done.ok(), qPrintable(done.error.summary()));
        QSet<QString> ids;
        for (const Instance &i : records)
            ids.insert(i.instanceId);
        QCOMPARE(ids.size(), records.size());
        QCOMPARE(records.size(), 18);
    }
    {
        HostileServer server;
        QJsonArray same;
        for (int i = 0; i < 10; ++i)
            same.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
        server.on("GET", "/instances$", [same](const HostileServer::Request &) {
            return HostileServer::json(instancesPage(same, 50000));
        });
        ClientConfig config = configFor(server);
        config.pageSize = 10;
        DcsClient client(config);
        QList<Instance> records;
        const auto done = stream(client, &records);
        QVERIFY2(done.ok(), qPrintable(done.error.summary()));
        QCOMPARE(records.size(), 10);
        QVERIFY(done.incomplete);
        QVERIFY(!done.incompleteReason.isEmpty());
        QVERIFY(server.count("GET") <= 1 + config.parallelPages);
    }
    {
        HostileServer server;
        QJsonArray many;
        for (int i = 0; i < 500; ++i)
            many.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
        server.on("GET", "/instances$", [many](const HostileServer::Request &) {
            return HostileServer::json(instancesPage(many, 20));
        });
        ClientConfig config = configFor(server);
        config.pageSize = 10;
        config.maxListItems = 15;
        DcsClient client(config);
        QList<Instance> records;
        const auto done = stream(client, &records);
        QVERIFY2(done.ok(), qPrintable(done.error.summary()));
        QVERIFY2(records.size() <= 15, qPrintable(QString::number(records.size())));
        QVERIFY(done.incomplete);
    }
}

// Later pages answer first (the second page last of all): the list, and the batches streamed,
// still come in the service's order, and the pages after the first were in flight together.
void TestHostile::concurrentPagesKeepTheirOrder() {
    HostileServer server;
    QElapsedTimer clock;
    clock.start();
    QMap<int, qint64> arrivedAt; // by records skipped
    server.on("GET", "/instances$", [&](const HostileServer::Request &request) {
        const int skipped = skippedBy(request);
        arrivedAt.insert(skipped, clock.elapsed());
        HostileServer::Answer answer = pageOf(request, 47, 47);
        // The second page waits longest, then each page a little less than the one before.
        answer.delayMs = skipped == 0 ? 0 : skipped == 10 ? 400 : 200 - skipped;
        return answer;
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    config.parallelPages = 4;
    DcsClient client(config);
    const auto listed =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(listed.ok(), qPrintable(listed.error.summary()));
    QCOMPARE(idsOf(listed.value), expectedIds(47));
    QVERIFY(!listed.incomplete);
    QCOMPARE(server.count("GET"), 5);
    // Pages three to five were asked for before the second page's answer came.
    QVERIFY(arrivedAt.contains(10) && arrivedAt.contains(40));
    QVERIFY2(arrivedAt.value(40) < arrivedAt.value(10) + 400,
             qPrintable(QStringLiteral("second page asked at %1 ms, fifth at %2 ms")
                            .arg(arrivedAt.value(10))
                            .arg(arrivedAt.value(40))));

    QList<QStringList> batches;
    const auto streamed = await<QList<Instance>>([&](auto cb) {
        client.streamInstances(
            {}, this, [&](const QList<Instance> &batch) { batches.append(idsOf(batch)); }, cb);
    });
    QVERIFY2(streamed.ok(), qPrintable(streamed.error.summary()));
    QCOMPARE(batches.size(), 5);
    QStringList all;
    for (const QStringList &batch : std::as_const(batches))
        all += batch;
    QCOMPARE(all, expectedIds(47));
    QCOMPARE(batches.constLast(), expectedIds(47).mid(40));
}

void TestHostile::concurrentPagingMatchesSequential_data() {
    // Each case: how many records the service holds, the total the first page claims, the
    // total later pages claim, a record repeated on every page (a list that shifts), and the
    // list's cap.
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("firstTotal");
    QTest::addColumn<int>("laterTotal");
    QTest::addColumn<bool>("shifted");
    QTest::addColumn<int>("maxItems");
    QTest::newRow("short last page") << 25 << 25 << 25 << false << 100000;
    QTest::newRow("exact pages") << 30 << 30 << 30 << false << 100000;
    QTest::newRow("grew while read") << 50 << 30 << 50 << false << 100000;
    QTest::newRow("shrank while read") << 15 << 30 << 15 << false << 100000;
    QTest::newRow("total overstated") << 22 << 60 << 60 << false << 100000;
    QTest::newRow("no total") << 35 << -1 << -1 << false << 100000;
    QTest::newRow("shifted pages") << 40 << 40 << 40 << true << 100000;
    QTest::newRow("capped") << 60 << 60 << 60 << false << 25;
}

// Whatever the service does meanwhile, several pages in flight give exactly what one page after
// another gives: the same records in the same order, the same "may be incomplete" and why.
void TestHostile::concurrentPagingMatchesSequential() {
    QFETCH(int, size);
    QFETCH(int, firstTotal);
    QFETCH(int, laterTotal);
    QFETCH(bool, shifted);
    QFETCH(int, maxItems);
    HostileServer server;
    server.on("GET", "/instances$", [=](const HostileServer::Request &request) {
        const int skipped = skippedBy(request);
        const int limit = request.query(QStringLiteral("limit")).toInt();
        QJsonArray items;
        // A shifted list: every later page starts one record early, so it repeats one.
        const int first = shifted && skipped > 0 ? skipped - 1 : skipped;
        for (int i = first; i < first + limit && i < size; ++i)
            items.append(instanceJson(QStringLiteral("inst-%1").arg(i)));
        QJsonObject page{{"instances", items}};
        const int total = skipped == 0 ? firstTotal : laterTotal;
        if (total >= 0)
            page.insert(QStringLiteral("instance_num"), total);
        HostileServer::Answer answer = HostileServer::json(compact(page));
        // Later pages come back in reverse order.
        answer.delayMs = skipped == 0 ? 0 : qMax(0, 100 - skipped);
        return answer;
    });
    const auto listWith = [&](int parallel) {
        ClientConfig config = configFor(server);
        config.pageSize = 10;
        config.parallelPages = parallel;
        config.maxListItems = maxItems;
        DcsClient client(config);
        return await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    };
    const auto sequential = listWith(1);
    const auto concurrent = listWith(4);
    QVERIFY2(sequential.ok(), qPrintable(sequential.error.summary()));
    QVERIFY2(concurrent.ok(), qPrintable(concurrent.error.summary()));
    QCOMPARE(idsOf(concurrent.value), idsOf(sequential.value));
    QCOMPARE(concurrent.incomplete, sequential.incomplete);
    QCOMPARE(concurrent.incompleteReason, sequential.incompleteReason);
    // Each record once, and never more than the cap.
    const QStringList ids = idsOf(concurrent.value);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QVERIFY(ids.size() <= maxItems);
}

// The third of five pages fails: the whole list fails with that page's error (its code and
// words), none of it is given as if it were the list, and streaming stops there too.
void TestHostile::failingMiddlePageFailsTheWholeList() {
    HostileServer server;
    server.on("GET", "/instances$", [](const HostileServer::Request &request) {
        if (skippedBy(request) == 20)
            return HostileServer::reply(
                500, R"({"error_code":"DCS.5000","error_msg":"Internal error on page three"})", {},
                "Internal Server Error");
        HostileServer::Answer answer = pageOf(request, 50, 50);
        answer.delayMs = skippedBy(request) == 10 ? 150 : 0; // answers out of order
        return answer;
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    config.parallelPages = 4;
    DcsClient client(config);
    const auto listed =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY(!listed.ok());
    QVERIFY(listed.value.isEmpty());
    QCOMPARE(listed.error.httpStatus, 500);
    QCOMPARE(listed.error.code, QStringLiteral("DCS.5000"));
    QVERIFY2(listed.error.summary().contains(QStringLiteral("Internal error on page three")),
             qPrintable(listed.error.summary()));

    QList<Instance> records;
    int outcomes = 0;
    const auto streamed = await<QList<Instance>>([&](auto cb) {
        client.streamInstances(
            {}, this, [&](const QList<Instance> &batch) { records += batch; },
            [&, cb](const ApiResult<QList<Instance>> &result) {
                ++outcomes;
                cb(result);
            });
    });
    QVERIFY(!streamed.ok());
    QCOMPARE(streamed.error.code, QStringLiteral("DCS.5000"));
    // What came before the failure is what the first pages hold, in order, and nothing after.
    QVERIFY(records.size() <= 20);
    QCOMPARE(idsOf(records), expectedIds(int(records.size())));
    QTest::qWait(300); // pages still in flight when it failed change nothing
    QCOMPARE(outcomes, 1);
}

// The context goes (the profile is switched) while pages are in flight: neither the batches
// nor the outcome come any more, however the remaining pages answer.
void TestHostile::goneContextDropsEveryPage() {
    HostileServer server;
    server.on("GET", "/instances$", [](const HostileServer::Request &request) {
        HostileServer::Answer answer = pageOf(request, 60, 60);
        answer.delayMs = skippedBy(request) == 0 ? 0 : 1500;
        return answer;
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    config.parallelPages = 4;
    DcsClient client(config);
    const int firstWave = 1 + config.parallelPages;

    auto *context = new QObject;
    int batches = 0;
    int outcomes = 0;
    client.streamInstances(
        {}, context, [&](const QList<Instance> &) { ++batches; },
        [&](const ApiResult<QList<Instance>> &) { ++outcomes; });
    QTRY_COMPARE_WITH_TIMEOUT(batches, 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(server.count("GET"), firstWave, 10000);
    delete context; // as a profile switch deletes the browser, its pages still on the wire
    QTest::qWait(2500);
    QCOMPARE(batches, 1);
    QCOMPARE(outcomes, 0);
    QCOMPARE(server.count("GET"), firstWave); // nothing more was asked for

    auto *listContext = new QObject;
    int listed = 0;
    client.listInstances({}, listContext, [&](const ApiResult<QList<Instance>> &) { ++listed; });
    QTRY_COMPARE_WITH_TIMEOUT(server.count("GET"), 2 * firstWave, 10000);
    delete listContext;
    QTest::qWait(2500);
    QCOMPARE(listed, 0);
    QCOMPARE(server.count("GET"), 2 * firstWave);
}

// abortAll() (the window closes the session's requests) ends the list once, as cancelled.
void TestHostile::abortAllCancelsTheList() {
    HostileServer server;
    server.on("GET", "/instances$", [](const HostileServer::Request &request) {
        HostileServer::Answer answer = pageOf(request, 60, 60);
        if (skippedBy(request) > 0)
            answer = HostileServer::hang();
        return answer;
    });
    ClientConfig config = configFor(server);
    config.pageSize = 10;
    config.parallelPages = 4;
    DcsClient client(config);
    int outcomes = 0;
    ApiResult<QList<Instance>> outcome;
    client.listInstances({}, this, [&](const ApiResult<QList<Instance>> &result) {
        ++outcomes;
        outcome = result;
    });
    QTRY_COMPARE_WITH_TIMEOUT(server.count("GET"), 1 + config.parallelPages, 10000);
    client.abortAll();
    QTRY_COMPARE_WITH_TIMEOUT(outcomes, 1, 10000);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Cancelled);
    QVERIFY(outcome.value.isEmpty());
    QTest::qWait(300);
    QCOMPARE(outcomes, 1);
    QCOMPARE(server.count("GET"), 1 + config.parallelPages);
}

void TestHostile::showReturningAnotherInstanceIsRefused() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        return HostileServer::json(compact(instanceJson(QStringLiteral("someone-else"))));
    });
    DcsClient client(configFor(server));
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(result.error.message.contains(QStringLiteral("someone-else")),
             qPrintable(result.error.message));
}

void TestHostile::backupsOfAnotherInstanceAreFlagged() {
    HostileServer server;
    server.on("GET", "/backups$", [](const HostileServer::Request &) {
        const QJsonArray items{backupJson(kBackup),
                               backupJson(QStringLiteral("b-foreign"), QStringLiteral("other"))};
        return HostileServer::json(
            compact(QJsonObject{{"total_num", 2}, {"backup_record_response", items}}));
    });
    DcsClient client(configFor(server));
    const auto result =
        await<QList<Backup>>([&](auto cb) { client.listBackups(kInstance, {}, this, cb); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QCOMPARE(result.value.size(), 2);
    for (const Backup &b : result.value) {
        if (b.backupId == kBackup) {
            QVERIFY(b.problems() == RecordProblems());
            QVERIFY(b.isRestorable());
        } else {
            QVERIFY(b.problems().testFlag(RecordProblem::ForeignInstance));
            QVERIFY(!b.isRestorable());
        }
    }
}

void TestHostile::numericAndMissingIdsAreNotIds() {
    HostileServer server;
    server.on("GET", "/backups$", [](const HostileServer::Request &) {
        QJsonObject numeric = backupJson(kBackup);
        numeric.insert("backup_id", 12345);
        QJsonObject missing = backupJson(kBackup);
        missing.remove("backup_id");
        const QJsonArray items{numeric, missing};
        return HostileServer::json(
            compact(QJsonObject{{"total_num", 2}, {"backup_record_response", items}}));
    });
    server.on("GET", "/instances$", [](const HostileServer::Request &) {
        QJsonObject allNull;
        for (const char *key : {"instance_id", "name", "status", "spec_code", "cache_mode",
                                "engine", "max_memory", "created_at"})
            allNull.insert(QLatin1String(key), QJsonValue(QJsonValue::Null));
        QJsonObject unknownMode = instanceJson(QStringLiteral("i-unknown-mode"));
        unknownMode.insert("cache_mode", "quantum");
        return HostileServer::json(instancesPage(QJsonArray{allNull, unknownMode}, 2));
    });
    DcsClient client(configFor(server));
    const auto backups =
        await<QList<Backup>>([&](auto cb) { client.listBackups(kInstance, {}, this, cb); });
    QVERIFY2(backups.ok(), qPrintable(backups.error.summary()));
    QCOMPARE(backups.value.size(), 2);
    for (const Backup &b : backups.value) {
        QVERIFY(b.backupId.isEmpty()); // 12345 is not coerced into an id
        QVERIFY(b.problems().testFlag(RecordProblem::MissingId));
        QVERIFY(!b.isRestorable());
    }
    const auto instances =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(instances.ok(), qPrintable(instances.error.summary()));
    QCOMPARE(instances.value.size(), 2);
    for (const Instance &i : instances.value) {
        QVERIFY(i.problems() != RecordProblems());
        QVERIFY(!i.supportsBackup());
    }
}

void TestHostile::emptyOkBodyIsNamed() {
    HostileServer server;
    server.on("GET", "/instances/",
              [](const HostileServer::Request &) { return HostileServer::json(QByteArray()); });
    DcsClient client(configFor(server));
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QCOMPARE(result.error.kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(result.error.message.contains(QStringLiteral("empty")),
             qPrintable(result.error.message));
}

void TestHostile::okAnswerCarryingAnErrorIsShown() {
    HostileServer server;
    server.on("POST", "/restores$", [](const HostileServer::Request &) {
        return HostileServer::json(
            R"({"error":{"code":"DCS.5000","message":"Internal server error."}})");
    });
    DcsClient client(configFor(server));
    const auto result = await<QString>(
        [&](auto cb) { client.restore(kInstance, kBackup, QStringLiteral("x"), this, cb); });
    QVERIFY(!result.ok());
    // The restore may or may not exist: still unknown, but the service's words are kept.
    QCOMPARE(result.error.kind, ApiError::Kind::AnswerLost);
    QCOMPARE(result.error.code, QStringLiteral("DCS.5000"));
    QVERIFY2(result.error.message.contains(QStringLiteral("Internal server error")),
             qPrintable(result.error.message));
}

void TestHostile::gatewayNotFoundGivesGatewayAdvice() {
    HostileServer server;
    server.on("GET", "/instances/", [](const HostileServer::Request &) {
        return HostileServer::reply(
            404,
            R"({"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment","request_id":"gw-1"})",
            {}, "Not Found");
    });
    DcsClient client(configFor(server));
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QCOMPARE(result.error.code, QStringLiteral("APIGW.0101"));
    const QString advice = result.error.explanation();
    QVERIFY2(!advice.contains(QStringLiteral("deleted")), qPrintable(advice));
    QVERIFY2(advice.contains(QStringLiteral("endpoint")), qPrintable(advice));
}

void TestHostile::iamRedirectSaysRedirected() {
    HostileServer server;
    server.on("POST", "/v3/auth/tokens", [](const HostileServer::Request &) {
        return HostileServer::reply(302, {}, {"Location: https://elsewhere.example/v3/auth/tokens"},
                                    "Found");
    });
    ClientConfig config = configFor(server);
    config.accessKey.clear();
    config.secretKey.clear();
    config.iam = IamCredentials{server.url(), QStringLiteral("acme"), QStringLiteral("ops"),
                                QStringLiteral("pw")};
    DcsClient client(config);
    const auto result = await<Instance>([&](auto cb) { client.showInstance(kInstance, this, cb); });
    QVERIFY(!result.ok());
    QVERIFY2(result.error.message.contains(QStringLiteral("redirected")),
             qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(QStringLiteral("elsewhere.example")),
             qPrintable(result.error.message));
    QCOMPARE(server.count("POST"), 1);
}

void TestHostile::proxyDemandingCredentialsIsAProxyError() {
    // An http:// endpoint through an HTTP proxy that answers every request with 407.
    HostileServer proxy;
    for (const char *method : {"POST", "GET", "HEAD"})
        proxy.on(method, ".*", [](const HostileServer::Request &) {
            return HostileServer::reply(407, "<html>Proxy Authentication Required</html>",
                                        {"Proxy-Authenticate: Basic realm=\"corp\""},
                                        "Proxy Authentication Required");
        });
    ClientConfig config = configFor(proxy);
    config.endpoint = QUrl(QStringLiteral("http://dcs.example.invalid"));
    config.proxy = {ProxyChoice::Mode::Http, QStringLiteral("127.0.0.1"), quint16(proxy.port()),
                    QStringLiteral("me"), QStringLiteral("wrong")};
    DcsClient client(config);
    const auto result = await<QString>(
        [&](auto cb) { client.restore(kInstance, kBackup, QStringLiteral("x"), this, cb); });
    QVERIFY(!result.ok());
    // A 407 comes from the proxy: the request never went further, so it is not "answer lost".
    QCOMPARE(result.error.kind, ApiError::Kind::Network);
    QVERIFY2(result.error.message.contains(QStringLiteral("proxy"), Qt::CaseInsensitive),
             qPrintable(result.error.message));
    QVERIFY2(!result.error.message.contains(QStringLiteral("Unknown error")),
             qPrintable(result.error.message));
    // The one write went to the proxy only; no second one followed.
    QCOMPARE(proxy.count("POST"), 1);
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
