// IAM password sign-in through DcsClient against dcs-sim: one sign-in serves many calls (also
// calls made at the same moment), the token is renewed before it expires, renewal margins, a
// refused token renews once for a read and never repeats a write, and a wrong password is shown.

#include "ClientTestSupport.h"
#include "api/DcsClient.h"
#include "api/IamTokenProvider.h"

#include <QFile>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

namespace {

const QString kUser = QStringLiteral("acme/ops:p@ss:w/rd");

} // namespace

class TestIamAuth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renewMargins_data();
    void renewMargins();
    void plainHttpLoadsNoTls();
    void oneSignInServesManyCalls();
    void renewsShortlyBeforeExpiry();
    void refusedTokenRenewsOnceForAReadOnly();
    void aRestorePostIsNeverRepeated();
    void wrongPasswordIsShown();

private:
    static ClientConfig iamConfigFor(const SimFixture &sim, const QString &password = {});
};

ClientConfig TestIamAuth::iamConfigFor(const SimFixture &sim, const QString &password) {
    ClientConfig config;
    config.endpoint = sim.url();
    config.projectId = SimFixture::projectId();
    config.iam = IamCredentials{sim.url(), QStringLiteral("acme"), QStringLiteral("ops"),
                                password.isEmpty() ? QStringLiteral("p@ss:w/rd") : password};
    config.transferTimeoutMs = 10000;
    config.apiVersion = apiVersionUnderTest();
    return config;
}

static int signIns(const QList<RequestLogEntry> &log) {
    return int(std::count_if(log.cbegin(), log.cend(), [](const RequestLogEntry &e) {
        return e.url.path().endsWith(QLatin1String("/v3/auth/tokens"));
    }));
}

void TestIamAuth::renewMargins_data() {
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("margin");
    QTest::newRow("a day: five minutes") << qint64(86400) << qint64(300);
    QTest::newRow("an hour: five minutes") << qint64(3600) << qint64(300);
    QTest::newRow("fifty minutes: a tenth") << qint64(3000) << qint64(300);
    QTest::newRow("twenty minutes: a tenth") << qint64(1200) << qint64(120);
    QTest::newRow("twenty seconds: two") << qint64(20) << qint64(2);
    QTest::newRow("nothing") << qint64(0) << qint64(0);
}

void TestIamAuth::renewMargins() {
    QFETCH(qint64, lifetime);
    QFETCH(qint64, margin);
    QCOMPARE(IamTokenProvider::renewMarginSeconds(lifetime), margin);
}

// An http:// endpoint (the local simulator) never builds a TLS configuration, so the TLS backend
// is never loaded: not for the sign-in, not for the calls. First among the calls here, before
// anything in this process could have loaded it.
void TestIamAuth::plainHttpLoadsNoTls() {
#ifdef Q_OS_LINUX
    const auto tlsLoaded = [] {
        QFile maps(QStringLiteral("/proc/self/maps"));
        return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("/plugins/tls/");
    };
    QVERIFY(!tlsLoaded());
    SimFixture sim;
    QVERIFY2(sim.start({"--iam-user", kUser}), qPrintable(sim.error()));
    QCOMPARE(sim.url().scheme(), QStringLiteral("http"));
    DcsClient client(iamConfigFor(sim));
    QList<RequestLogEntry> log;
    connect(&client, &DcsClient::requestFinished, this,
            [&](const RequestLogEntry &e) { log.append(e); });
    QVERIFY(await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }).ok());
    QCOMPARE(signIns(log), 1);
    QVERIFY(!tlsLoaded());
#else
    QSKIP("reads /proc/self/maps");
#endif
}

void TestIamAuth::oneSignInServesManyCalls() {
    SimFixture sim;
    QVERIFY2(sim.start({"--iam-user", kUser}), qPrintable(sim.error()));
    DcsClient client(iamConfigFor(sim));
    QList<RequestLogEntry> log;
    connect(&client, &DcsClient::requestFinished, this,
            [&](const RequestLogEntry &e) { log.append(e); });
    // Three calls at once: one sign-in, and all three wait for it.
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        client.listInstances({}, this, [&](const ApiResult<QList<Instance>> &r) {
            QVERIFY2(r.ok(), qPrintable(r.error.summary()));
            ++answered;
        });
    QTRY_COMPARE(answered, 3);
    QCOMPARE(signIns(log), 1);
    QVERIFY(await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }).ok());
    QCOMPARE(signIns(log), 1);
    // The token request is in the log, its password is not.
    for (const RequestLogEntry &e : log) {
        QVERIFY(!e.requestBody.contains("p@ss:w/rd"));
        for (const auto &h : e.requestHeaders)
            QVERIFY(h.first != "X-Auth-Token" || h.second == "<redacted>");
    }
}

void TestIamAuth::renewsShortlyBeforeExpiry() {
    SimFixture sim;
    QVERIFY2(sim.start({"--iam-user", kUser, "--token-seconds", "100"}), qPrintable(sim.error()));
    // The client's clock is moved on instead of waiting: a 100 s token is renewed 10 s early.
    qint64 offset = 0;
    ClientConfig config = iamConfigFor(sim);
    config.clock = [&offset] {
        return QDateTime::currentDateTimeUtc().addSecs(offset);
    };
    DcsClient client(config);
    QList<RequestLogEntry> log;
    connect(&client, &DcsClient::requestFinished, this,
            [&](const RequestLogEntry &e) { log.append(e); });
    QVERIFY(await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }).ok());
    offset = 85;
    QVERIFY(await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }).ok());
    QCOMPARE(signIns(log), 1);
    offset = 91;
    QVERIFY(await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }).ok());
    QCOMPARE(signIns(log), 2);
}

void TestIamAuth::refusedTokenRenewsOnceForAReadOnly() {
    SimFixture sim;
    // Every token dies after one call: the second read meets a 401, renews, and is repeated.
    QVERIFY2(sim.start({"--iam-user", kUser, "--fault", "expire-tokens-after=1"}),
             qPrintable(sim.error()));
    DcsClient client(iamConfigFor(sim));
    QList<RequestLogEntry> log;
    connect(&client, &DcsClient::requestFinished, this,
            [&](const RequestLogEntry &e) { log.append(e); });
    QVERIFY(await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); }).ok());
    const auto second =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(second.ok(), qPrintable(second.error.summary()));
    QCOMPARE(signIns(log), 2);

    SimFixture strict;
    // Tokens refused at once: one renewal, then the 401 is the answer.
    QVERIFY2(strict.start({"--iam-user", kUser, "--fault", "expire-tokens-after=0"}),
             qPrintable(strict.error()));
    DcsClient refused(iamConfigFor(strict));
    log.clear();
    connect(&refused, &DcsClient::requestFinished, this,
            [&](const RequestLogEntry &e) { log.append(e); });
    const auto failed =
        await<QList<Instance>>([&](auto cb) { refused.listInstances({}, this, cb); });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error.httpStatus, 401);
    QCOMPARE(failed.error.code, QStringLiteral("DCS.1002"));
    QVERIFY(!failed.error.requestId.isEmpty());
    QCOMPARE(signIns(log), 2);
    QCOMPARE(log.size(), 4); // sign-in, GET, sign-in, GET
}

void TestIamAuth::aRestorePostIsNeverRepeated() {
    SimFixture sim;
    QVERIFY2(sim.start({"--iam-user", kUser, "--fault", "expire-tokens-after=0"}),
             qPrintable(sim.error()));
    DcsClient client(iamConfigFor(sim));
    const auto result = await<QString>([&](auto cb) {
        client.restore(QStringLiteral("any-instance"), QStringLiteral("any-backup"), {}, this, cb);
    });
    QCOMPARE(result.error.httpStatus, 401);
    int posts = 0;
    for (const QByteArray &line : sim.log().split('\n'))
        posts += line.contains("POST") && line.contains("/restores");
    QCOMPARE(posts, 1);
}

void TestIamAuth::wrongPasswordIsShown() {
    SimFixture sim;
    QVERIFY2(sim.start({"--iam-user", kUser}), qPrintable(sim.error()));
    DcsClient client(iamConfigFor(sim, QStringLiteral("wrong")));
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.httpStatus, 401);
    QVERIFY(!result.error.message.isEmpty());
    QVERIFY(!result.error.explanation().isEmpty());
    QVERIFY(!result.error.requestId.isEmpty());
}

QTEST_GUILESS_MAIN(TestIamAuth)
#include "tst_iamauth.moc"
