// TLS as a profile meets it: a server whose certificate the system does not trust fails the
// request with the certificate's subject and issuer in the error — never ignored — and the same
// server works once its certificate is in the profile's CA bundle.

#include "ClientTestSupport.h"
#include "api/DcsClient.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

class TestTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void untrustedCertificateFailsWithItsNames();
    void caBundleMakesItTrusted();

private:
    QTemporaryDir m_dir;
    QString m_cert;
    SimFixture m_sim;
};

void TestTls::initTestCase() {
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is needed to make a test certificate");
    m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess make;
    make.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                         "/CN=127.0.0.1/O=DCS Console Test CA", "-addext",
                         "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", m_cert});
    QVERIFY(make.waitForFinished(30000));
    QCOMPARE(make.exitCode(), 0);
    QVERIFY2(m_sim.start({"--tls-cert", m_cert, "--tls-key", key}), qPrintable(m_sim.error()));
    QCOMPARE(m_sim.url().scheme(), QStringLiteral("https"));
}

void TestTls::untrustedCertificateFailsWithItsNames() {
    DcsClient client(configFor(m_sim));
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, ApiError::Kind::Network);
    QVERIFY2(result.error.message.contains(QStringLiteral("DCS Console Test CA")),
             qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(QStringLiteral("127.0.0.1")),
             qPrintable(result.error.message));
    // Nothing reached the simulator's API: the handshake was refused first.
    QVERIFY(!m_sim.log().contains("GET /v1.0"));
}

void TestTls::caBundleMakesItTrusted() {
    ClientConfig config = configFor(m_sim);
    QFile pem(m_cert);
    QVERIFY(pem.open(QIODevice::ReadOnly));
    config.extraCaPem = pem.readAll();
    QCOMPARE(QSslCertificate::fromData(config.extraCaPem).size(), 1);
    DcsClient client(config);
    const auto result =
        await<QList<Instance>>([&](auto cb) { client.listInstances({}, this, cb); });
    QVERIFY2(result.ok(), qPrintable(result.error.summary()));
    QVERIFY(!result.value.isEmpty());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
