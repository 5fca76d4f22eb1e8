// The polite request queue: a few calls at a time per endpoint, 429 answers honoured with
// Retry-After or a doubling back-off, reads repeated and writes never, cancelling — against a
// small scripted HTTP server, and against dcs-sim's rate limit.

#include "ClientTestSupport.h"
#include "SimFixture.h"
#include "api/DcsClient.h"
#include "api/RequestQueue.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace dcs;

namespace {

// An HTTP/1.1 server on loopback whose answers a test scripts: each request is answered with
// what script() says for it (the n-th request, from 0), after its delay. Keeps connections
// alive and counts how many requests were in flight at once.
class ScriptedServer : public QTcpServer {
public:
    struct Answer {
        int status = 200;
        QByteArray body = R"({"instance_num":0,"instances":[]})";
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
    };
    std::function<Answer(int n, const QByteArray &method)> script = [](int, const QByteArray &) {
        return Answer{};
    };

    QList<QByteArray> methods; // in arrival order
    QList<qint64> arrivals;    // ms since start(), in arrival order
    int inFlight = 0;
    int maxInFlight = 0;

    bool start() {
        m_clock.start();
        return listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

protected:
    void incomingConnection(qintptr handle) override {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                qsizetype length = 0;
                for (const QByteArray &line : head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (buffer->size() < end + 4 + length)
                    return;
                const QByteArray method = head.left(head.indexOf(' '));
                buffer->remove(0, end + 4 + length);
                answer(socket, method);
            }
        });
    }

private:
    void answer(QTcpSocket *socket, const QByteArray &method) {
        const int n = int(methods.size());
        methods.append(method);
        arrivals.append(m_clock.elapsed());
        maxInFlight = qMax(maxInFlight, ++inFlight);
        const Answer a = script(n, method);
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(a.delayMs, this, [this, guard, a] {
            --inFlight;
            if (!guard)
                return;
            QByteArray reply = "HTTP/1.1 " + QByteArray::number(a.status) + " X\r\n" +
                               "Content-Type: application/json\r\nContent-Length: " +
                               QByteArray::number(a.body.size()) + "\r\n";
            for (const auto &header : a.headers)
                reply += header.first + ": " + header.second + "\r\n";
            guard->write(reply + "\r\n" + a.body);
        });
    }

    QElapsedTimer m_clock;
};

ScriptedServer::Answer throttled(const QByteArray &retryAfter = {}) {
    ScriptedServer::Answer a;
    a.status = 429;
    a.body =
        R"({"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"})";
    if (!retryAfter.isEmpty())
        a.headers.append({"Retry-After", retryAfter});
    return a;
}

ClientConfig configFor(const QUrl &url) {
    ClientConfig config;
    config.endpoint = url;
    config.apiVersion = ApiVersion::V2;
    config.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
    config.accessKey = "AK";
    config.secretKey = "SK";
    config.transferTimeoutMs = 10000;
    return config;
}

// Queues a list read; its final result lands in *results.
void queueList(RequestQueue &queue, DcsClient &client, QObject *context,
               QList<ApiResult<QList<Instance>>> *results) {
    queue.enqueue(RequestQueue::endpointKey(client.config().endpoint), RequestQueue::Kind::Read,
                  context, [&client, context, results](const RequestQueue::Done &done) {
                      client.listInstances({}, context,
                                           [done, results](const ApiResult<QList<Instance>> &r) {
                                               if (done(r.error) == RequestQueue::Outcome::Retrying)
                                                   return;
                                               results->append(r);
                                           });
                  });
}

} // namespace

class TestRequestQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endpointKeys();
    void retryAfterIsRead();
    void fewCallsAtOnce();
    void retryAfterPausesTheEndpoint();
    void backoffDoublesWithoutRetryAfter();
    void readsGiveUpAfterTheirAttempts();
    void writesAreNeverRepeated();
    void cancelDropsWhatWasNotSent();
    void aGoneContextGivesItsSlotBack();
    void simulatorRateLimit();
};

void TestRequestQueue::endpointKeys() {
    QCOMPARE(RequestQueue::endpointKey(QUrl(QStringLiteral("https://DCS.cn-north-4.example.com"))),
             QStringLiteral("https://dcs.cn-north-4.example.com:443"));
    QCOMPARE(RequestQueue::endpointKey(QUrl(QStringLiteral("http://127.0.0.1:8080/base"))),
             QStringLiteral("http://127.0.0.1:8080"));
}

void TestRequestQueue::retryAfterIsRead() {
    const QDateTime now(QDate(2015, 10, 21), QTime(7, 27, 30), Qt::UTC);
    QCOMPARE(ApiError::parseRetryAfter("3", now), 3000);
    QCOMPARE(ApiError::parseRetryAfter(" 0 ", now), 0);
    QCOMPARE(ApiError::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), 30000);
    // A date in the past means now.
    QCOMPARE(ApiError::parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0);
    QCOMPARE(ApiError::parseRetryAfter("", now), -1);
    QCOMPARE(ApiError::parseRetryAfter("soon", now), -1);
    QCOMPARE(ApiError::parseRetryAfter("-4", now), -1);
}

void TestRequestQueue::fewCallsAtOnce() {
    ScriptedServer server;
    server.script = [](int, const QByteArray &) {
        ScriptedServer::Answer a;
        a.delayMs = 150;
        return a;
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue::Options options;
    options.concurrency = 3;
    RequestQueue queue(options);
    QObject context;
    QList<ApiResult<QList<Instance>>> results;
    for (int i = 0; i < 12; ++i)
        queueList(queue, client, &context, &results);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 12, 20000);
    for (const auto &r : results)
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QCOMPARE(server.methods.size(), 12);
    QCOMPARE(server.maxInFlight, 3);
    QCOMPARE(queue.stats().maxInFlight, 3);
    QCOMPARE(queue.stats().started, 12);
    QVERIFY(queue.isIdle());
}

void TestRequestQueue::retryAfterPausesTheEndpoint() {
    ScriptedServer server;
    // The first two answers say: wait a second.
    server.script = [](int n, const QByteArray &) {
        return n < 2 ? throttled("1") : ScriptedServer::Answer{};
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue::Options options;
    options.concurrency = 2;
    RequestQueue queue(options);
    QSignalSpy throttledSpy(&queue, &RequestQueue::throttled);
    QObject context;
    QList<ApiResult<QList<Instance>>> results;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 4; ++i)
        queueList(queue, client, &context, &results);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, 20000);
    for (const auto &r : results)
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    // Both throttled reads were asked again, and nothing reached the server in the second it
    // asked for.
    QCOMPARE(server.methods.size(), 6);
    QVERIFY2(server.arrivals.at(2) - server.arrivals.at(1) >= 950,
             qPrintable(QString::number(server.arrivals.at(2) - server.arrivals.at(1))));
    QVERIFY(clock.elapsed() >= 950);
    QCOMPARE(queue.stats().throttled, 2);
    QCOMPARE(queue.stats().retried, 2);
    QVERIFY(throttledSpy.size() >= 1);
    QCOMPARE(throttledSpy.first().at(1).toInt(), 1000);
}

void TestRequestQueue::backoffDoublesWithoutRetryAfter() {
    ScriptedServer server;
    server.script = [](int n, const QByteArray &) {
        return n < 3 ? throttled() : ScriptedServer::Answer{};
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue::Options options;
    options.firstBackoffMs = 100;
    RequestQueue queue(options);
    QSignalSpy throttledSpy(&queue, &RequestQueue::throttled);
    QObject context;
    QList<ApiResult<QList<Instance>>> results;
    queueList(queue, client, &context, &results);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
    QVERIFY(results.first().ok());
    QCOMPARE(server.methods.size(), 4);
    // 100, 200, 400 ms: three 429s in a row.
    QCOMPARE(throttledSpy.size(), 3);
    QCOMPARE(throttledSpy.at(0).at(1).toInt(), 100);
    QCOMPARE(throttledSpy.at(1).at(1).toInt(), 200);
    QCOMPARE(throttledSpy.at(2).at(1).toInt(), 400);
    QVERIFY(server.arrivals.at(3) - server.arrivals.at(0) >= 650);
}

void TestRequestQueue::readsGiveUpAfterTheirAttempts() {
    ScriptedServer server;
    server.script = [](int, const QByteArray &) {
        return throttled("0");
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue::Options options;
    options.maxAttempts = 3;
    RequestQueue queue(options);
    QObject context;
    QList<ApiResult<QList<Instance>>> results;
    queueList(queue, client, &context, &results);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
    QCOMPARE(results.first().error.httpStatus, 429);
    QCOMPARE(results.first().error.code, QStringLiteral("APIGW.0308"));
    QCOMPARE(server.methods.size(), 3);
}

void TestRequestQueue::writesAreNeverRepeated() {
    ScriptedServer server;
    server.script = [](int n, const QByteArray &) {
        return n == 0 ? throttled("0") : ScriptedServer::Answer{};
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue queue;
    QObject context;
    QList<ApiResult<QString>> results;
    queue.enqueue(RequestQueue::endpointKey(server.url()), RequestQueue::Kind::Write, &context,
                  [&](const RequestQueue::Done &done) {
                      client.createBackup(QStringLiteral("i-1"), QStringLiteral("remark"), {},
                                          &context, [&, done](const ApiResult<QString> &r) {
                                              QCOMPARE(done(r.error), RequestQueue::Outcome::Final);
                                              results.append(r);
                                          });
                  });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 20000);
    QCOMPARE(results.first().error.httpStatus, 429);
    QTest::qWait(300);
    QCOMPARE(server.methods, QList<QByteArray>{"POST"});
    QCOMPARE(queue.stats().retried, 0);
}

void TestRequestQueue::cancelDropsWhatWasNotSent() {
    ScriptedServer server;
    server.script = [](int, const QByteArray &) {
        ScriptedServer::Answer a;
        a.delayMs = 300;
        return a;
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue::Options options;
    options.concurrency = 1;
    RequestQueue queue(options);
    QSignalSpy idle(&queue, &RequestQueue::idle);
    QObject context;
    QList<ApiResult<QList<Instance>>> results;
    for (int i = 0; i < 10; ++i)
        queueList(queue, client, &context, &results);
    QTRY_COMPARE_WITH_TIMEOUT(server.methods.size(), 1, 10000);
    QCOMPARE(queue.pendingCount(), 9);
    queue.cancel(&context);
    QCOMPARE(queue.pendingCount(), 0);
    // The one in flight ends on its own; nothing else is sent.
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QTest::qWait(400);
    QCOMPARE(server.methods.size(), 1);
    QVERIFY(queue.isIdle());
    QVERIFY(idle.size() >= 1);
}

void TestRequestQueue::aGoneContextGivesItsSlotBack() {
    ScriptedServer server;
    server.script = [](int n, const QByteArray &) {
        ScriptedServer::Answer a;
        a.delayMs = n == 0 ? 5000 : 0; // the first answer would take long
        return a;
    };
    QVERIFY(server.start());
    DcsClient client(configFor(server.url()));
    RequestQueue::Options options;
    options.concurrency = 1;
    RequestQueue queue(options);
    auto first = std::make_unique<QObject>();
    QObject second;
    QList<ApiResult<QList<Instance>>> firstResults, secondResults;
    queueList(queue, client, first.get(), &firstResults);
    queueList(queue, client, &second, &secondResults);
    QTRY_COMPARE_WITH_TIMEOUT(server.methods.size(), 1, 10000);
    QElapsedTimer clock;
    clock.start();
    first.reset(); // its owner went: its reply will be dropped, its slot is free now
    QTRY_COMPARE_WITH_TIMEOUT(secondResults.size(), 1, 10000);
    QVERIFY(clock.elapsed() < 4000);
    QVERIFY(firstResults.isEmpty());
}

void TestRequestQueue::simulatorRateLimit() {
    SimFixture sim;
    QVERIFY2(sim.start({QStringLiteral("--fault"), QStringLiteral("rate-limit=5"),
                        QStringLiteral("--fault"), QStringLiteral("retry-after=1")}),
             qPrintable(sim.error()));
    ClientConfig config = testing::configFor(sim);
    DcsClient client(config);
    RequestQueue queue;
    QObject context;
    const QList<Instance> all = testing::instances(client, &context);
    QVERIFY(!all.isEmpty());
    QTest::qWait(1100); // a fresh second for the reads below
    int finished = 0;
    int failed = 0;
    for (int round = 0; round < 3; ++round) {
        for (const Instance &instance : all) {
            queue.enqueue(RequestQueue::endpointKey(sim.url()), RequestQueue::Kind::Read, &context,
                          [&, id = instance.instanceId](const RequestQueue::Done &done) {
                              client.listBackups(
                                  id, {}, &context, [&, done](const ApiResult<QList<Backup>> &r) {
                                      if (done(r.error) == RequestQueue::Outcome::Retrying)
                                          return;
                                      ++finished;
                                      failed += r.ok() ? 0 : 1;
                                  });
                          });
        }
    }
    const int total = 3 * int(all.size());
    QTRY_COMPARE_WITH_TIMEOUT(finished, total, 60000);
    QCOMPARE(failed, 0);
    // dcs-sim said 429 with Retry-After; every read still got its answer.
    QVERIFY(queue.stats().throttled > 0);
    QCOMPARE(queue.stats().started, total + queue.stats().retried);
    QVERIFY(sim.log().contains(" 429 "));
}

QTEST_GUILESS_MAIN(TestRequestQueue)
#include "tst_requestqueue.moc"
