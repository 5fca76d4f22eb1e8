// A profile's proxy setting reaches the network layer: requests go through a loopback proxy
// written for the test when the client is told to use it, and around it when told not to.

#include "ClientTestSupport.h"
#include "RecordingProxy.h"
#include "SimFixture.h"
#include "api/DcsClient.h"

#include <QNetworkProxy>
#include <QTest>

using namespace dcs;

class TestProxy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void manualHttpProxyCarriesEveryRequest();
    void noProxyBypassesIt();
    void applicationProxyDoesNotLeakIntoAProfileWithoutOne();

private:
    ApiResult<QList<Instance>> list(const ClientConfig &config);
    ClientConfig base() const;
    SimFixture m_sim;
};

void TestProxy::initTestCase() {
    QVERIFY2(m_sim.start(), qPrintable(m_sim.error()));
}

ClientConfig TestProxy::base() const {
    return dcs::testing::configFor(m_sim);
}

ApiResult<QList<Instance>> TestProxy::list(const ClientConfig &config) {
    DcsClient client(config);
    bool done = false;
    ApiResult<QList<Instance>> outcome;
    client.listInstances({}, this, [&](const ApiResult<QList<Instance>> &r) {
        outcome = r;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 15000);
    return outcome;
}

void TestProxy::manualHttpProxyCarriesEveryRequest() {
    RecordingProxy proxy;
    QVERIFY(proxy.port() > 0);
    ClientConfig config = base();
    config.proxy.mode = ProxyChoice::Mode::Http;
    config.proxy.host = QStringLiteral("127.0.0.1");
    config.proxy.port = quint16(proxy.port());
    const auto result = list(config);
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QVERIFY(!result.value.isEmpty());
    QCOMPARE(proxy.requestLines().size(), 1);
    const QByteArray line = proxy.requestLines().first();
    QVERIFY2(line.startsWith("GET http://127.0.0.1:" + QByteArray::number(m_sim.url().port()) +
                             "/" + apiPathSegment(dcs::testing::apiVersionUnderTest()).toLatin1() +
                             "/" + SimFixture::projectId().toLatin1() + "/instances?"),
             line.constData());
    // The signature went through the proxy untouched and was accepted.
    QVERIFY(proxy.sawHeader("authorization"));
}

void TestProxy::noProxyBypassesIt() {
    RecordingProxy proxy;
    ClientConfig config = base();
    config.proxy.mode = ProxyChoice::Mode::None;
    QVERIFY(list(config).ok());
    QVERIFY(proxy.requestLines().isEmpty());
}

void TestProxy::applicationProxyDoesNotLeakIntoAProfileWithoutOne() {
    RecordingProxy proxy;
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));
    ClientConfig config = base();
    config.proxy.mode = ProxyChoice::Mode::None;
    QVERIFY(list(config).ok());
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    QVERIFY(proxy.requestLines().isEmpty());
}

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
