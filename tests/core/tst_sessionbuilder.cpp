// How a profile becomes a client, without a window: the secrets each sign-in needs and the
// message when one is missing, the client configuration for every authentication and proxy,
// the CA bundle's errors, and the Demo profile's configuration.

#include "profiles/DemoAccount.h"
#include "profiles/DemoSimulator.h"
#include "profiles/SecretStore.h"
#include "profiles/SessionBuilder.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;
using Kind = SecretStore::Kind;

namespace {

Profile profileOf(Profile::AuthMethod method) {
    Profile p;
    p.id = QStringLiteral("p-1");
    p.name = QStringLiteral("Shop");
    p.region = QStringLiteral("cn-north-4");
    p.dcsEndpoint = defaultDcsEndpoint(p.region);
    p.iamEndpoint = defaultIamEndpoint(p.region);
    p.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
    p.authMethod = method;
    p.accessKey = QStringLiteral("  AKEXAMPLE  ");
    p.iamAccount = QStringLiteral(" acme ");
    p.iamUser = QStringLiteral(" ops ");
    p.timeoutSeconds = 12;
    return p;
}

ProfileSecrets allSecrets() {
    return {QStringLiteral("sk"), QStringLiteral("token"), QStringLiteral("iam-pass"),
            QStringLiteral("proxy-pass")};
}

} // namespace

class TestSessionBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }

    void neededSecretsFollowTheSignIn() {
        using M = Profile::AuthMethod;
        QCOMPARE(SessionBuilder::neededSecrets(profileOf(M::AkSk)),
                 QList<int>{int(Kind::SecretKey)});
        QCOMPARE(SessionBuilder::neededSecrets(profileOf(M::TemporaryAkSk)),
                 (QList<int>{int(Kind::SecretKey), int(Kind::SecurityToken)}));
        QCOMPARE(SessionBuilder::neededSecrets(profileOf(M::IamPassword)),
                 QList<int>{int(Kind::IamPassword)});
        Profile proxied = profileOf(M::AkSk);
        proxied.proxy = {ProxySettings::Mode::Http, QStringLiteral("proxy"), 3128,
                         QStringLiteral("user")};
        QCOMPARE(SessionBuilder::neededSecrets(proxied),
                 (QList<int>{int(Kind::SecretKey), int(Kind::ProxyPassword)}));
        proxied.proxy.user.clear(); // no user: no password to read
        QCOMPARE(SessionBuilder::neededSecrets(proxied), QList<int>{int(Kind::SecretKey)});
        QVERIFY(SessionBuilder::neededSecrets(SessionBuilder::demoProfile()).isEmpty());
    }

    void akSkConfiguration() {
        const ClientConfigResult built =
            SessionBuilder::buildConfig(profileOf(Profile::AuthMethod::AkSk), allSecrets());
        QVERIFY2(built.ok(), qPrintable(built.error));
        const ClientConfig &c = built.config;
        QCOMPARE(c.endpoint, QUrl(QStringLiteral("https://dcs.cn-north-4.myhuaweicloud.com")));
        QCOMPARE(c.projectId, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QCOMPARE(c.profileName, QStringLiteral("Shop"));
        QCOMPARE(c.accessKey, QByteArray("AKEXAMPLE")); // trimmed
        QCOMPARE(c.secretKey, QByteArray("sk"));
        QVERIFY(c.securityToken.isEmpty());
        QVERIFY(!c.iam);
        QCOMPARE(c.transferTimeoutMs, 12000);
        QVERIFY(c.proxy.mode == ProxyChoice::Mode::System);
    }

    void temporaryAndIamConfiguration() {
        const ClientConfig temporary =
            SessionBuilder::buildConfig(profileOf(Profile::AuthMethod::TemporaryAkSk), allSecrets())
                .config;
        QCOMPARE(temporary.securityToken, QByteArray("token"));
        QCOMPARE(temporary.secretKey, QByteArray("sk"));

        const ClientConfig iam =
            SessionBuilder::buildConfig(profileOf(Profile::AuthMethod::IamPassword), allSecrets())
                .config;
        QVERIFY(iam.iam);
        QCOMPARE(iam.iam->account, QStringLiteral("acme"));
        QCOMPARE(iam.iam->user, QStringLiteral("ops"));
        QCOMPARE(iam.iam->password, QStringLiteral("iam-pass"));
        QCOMPARE(iam.iam->endpoint,
                 QUrl(QStringLiteral("https://iam.cn-north-4.myhuaweicloud.com")));
        QVERIFY(iam.accessKey.isEmpty() && iam.secretKey.isEmpty());
    }

    void proxyAndTimeoutBounds() {
        Profile p = profileOf(Profile::AuthMethod::AkSk);
        p.proxy = {ProxySettings::Mode::Socks5, QStringLiteral(" socks.example "), 1080,
                   QStringLiteral("user")};
        p.timeoutSeconds = 100000;
        ClientConfig c = SessionBuilder::buildConfig(p, allSecrets()).config;
        QVERIFY(c.proxy.mode == ProxyChoice::Mode::Socks5);
        QCOMPARE(c.proxy.host, QStringLiteral("socks.example"));
        QCOMPARE(c.proxy.port, quint16(1080));
        QCOMPARE(c.proxy.user, QStringLiteral("user"));
        QCOMPARE(c.proxy.password, QStringLiteral("proxy-pass"));
        QCOMPARE(c.transferTimeoutMs, 600000);
        p.proxy.mode = ProxySettings::Mode::None;
        p.timeoutSeconds = 0;
        c = SessionBuilder::buildConfig(p, allSecrets()).config;
        QVERIFY(c.proxy.mode == ProxyChoice::Mode::None);
        QCOMPARE(c.transferTimeoutMs, 1000);
    }

    void caBundleErrorsAreExplained() {
        QTemporaryDir dir;
        Profile p = profileOf(Profile::AuthMethod::AkSk);
        p.caBundleFile = dir.filePath(QStringLiteral("missing.pem"));
        ClientConfigResult built = SessionBuilder::buildConfig(p, allSecrets());
        QVERIFY(!built.ok());
        QVERIFY2(built.error.contains(QStringLiteral("does not exist")), qPrintable(built.error));
        QVERIFY(built.error.contains(p.caBundleFile));

        p.caBundleFile = dir.filePath(QStringLiteral("empty.pem"));
        QFile file(p.caBundleFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        built = SessionBuilder::buildConfig(p, allSecrets());
        QVERIFY(!built.ok());
        QVERIFY2(built.error.contains(QStringLiteral("no PEM certificate")),
                 qPrintable(built.error));

        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is needed to make a certificate");
        p.caBundleFile = dir.filePath(QStringLiteral("ca.pem"));
        QProcess make;
        make.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                             "/CN=Test CA", "-keyout", dir.filePath(QStringLiteral("key.pem")),
                             "-out", p.caBundleFile});
        QVERIFY(make.waitForFinished(30000));
        QCOMPARE(make.exitCode(), 0);
        built = SessionBuilder::buildConfig(p, allSecrets());
        QVERIFY2(built.ok(), qPrintable(built.error));
        QVERIFY(built.config.extraCaPem.contains("-----BEGIN CERTIFICATE-----"));
    }

    void demoConfiguration() {
        const Profile demo = SessionBuilder::demoProfile();
        QVERIFY(demo.demo);
        QCOMPARE(demo.id, SessionBuilder::demoProfileId());
        QCOMPARE(demo.name, QStringLiteral("Demo"));
        QCOMPARE(SessionBuilder::demoDisplayName(), QStringLiteral("Demo (local simulator)"));
        const ClientConfig c =
            SessionBuilder::demoConfig(QUrl(QStringLiteral("http://127.0.0.1:5")));
        QCOMPARE(c.endpoint, QUrl(QStringLiteral("http://127.0.0.1:5")));
        QCOMPARE(c.accessKey, demo::accessKey());
        QCOMPARE(c.secretKey, demo::secretKey());
        QCOMPARE(c.projectId, demo::projectId());
        QCOMPARE(c.profileName, QStringLiteral("Demo"));
        // Loopback: never through a proxy.
        QVERIFY(c.proxy.mode == ProxyChoice::Mode::None);

        // The demo account covers two regions and three projects; the home one first.
        const QList<ProfileScope> scopes = demo.scopes();
        QCOMPARE(scopes.size(), int(demo::fleet().size()));
        QCOMPARE(scopes.first().region, demo::homeRegion());
        QCOMPARE(scopes.first().projectId, demo::projectId());
        QCOMPARE(demo::fleetRegions(),
                 (QStringList{QStringLiteral("cn-north-4"), QStringLiteral("cn-east-3")}));
        const ClientConfig other = SessionBuilder::demoConfig(
            QUrl(QStringLiteral("http://127.0.0.1:6")), scopes.at(2).projectId);
        QCOMPARE(other.projectId, scopes.at(2).projectId);
        // The other region's simulator serves its projects, the state beside the home one's.
        QCOMPARE(DemoSimulator::regionArguments(QStringLiteral("cn-east-3")),
                 (QStringList{QStringLiteral("--region"), QStringLiteral("cn-east-3"),
                              QStringLiteral("--project-name"), QStringLiteral("cn-east-3"),
                              QStringLiteral("--demo-set"), QStringLiteral("east"),
                              QStringLiteral("--auto-backups")}));
        QVERIFY(DemoSimulator::regionArguments(demo::homeRegion())
                    .contains(scopes.at(1).projectId + QStringLiteral(":cn-north-4_analytics:"
                                                                      "analytics")));
        demo::SimulatorOptions options;
        options.stateFile = QStringLiteral("/data/demo-state.json");
        DemoSimulator simulators(options);
        QCOMPARE(simulators.stateFile(demo::homeRegion()), options.stateFile);
        QCOMPARE(simulators.stateFile(QStringLiteral("cn-east-3")),
                 QStringLiteral("/data/demo-state-cn-east-3.json"));
    }

    void readSecretsInOrderOrNamesTheMissingOne() {
        SecretStore store(QStringLiteral("dcs-console-test"), true);
        Profile p = profileOf(Profile::AuthMethod::TemporaryAkSk);
        store.write(p.id, Kind::SecretKey, QStringLiteral("sk"), this);
        QString missing;
        bool done = false;
        SessionBuilder::readSecrets(&store, p, this,
                                    [&](const ProfileSecrets &, const QString &why) {
                                        missing = why;
                                        done = true;
                                    });
        QTRY_VERIFY(done);
        QVERIFY2(missing.contains(QStringLiteral("No security token")), qPrintable(missing));
        QVERIFY(missing.contains(QStringLiteral("\"Shop\"")));
        // Memory only: the message says the keychain is missing too.
        QVERIFY(missing.contains(SessionBuilder::keychainNotice()));

        store.write(p.id, Kind::SecurityToken, QStringLiteral("token"), this);
        ProfileSecrets read;
        done = false;
        SessionBuilder::readSecrets(&store, p, this,
                                    [&](const ProfileSecrets &secrets, const QString &why) {
                                        read = secrets;
                                        missing = why;
                                        done = true;
                                    });
        QTRY_VERIFY(done);
        QVERIFY(missing.isEmpty());
        QCOMPARE(read.secretKey, QStringLiteral("sk"));
        QCOMPARE(read.securityToken, QStringLiteral("token"));

        // A context gone before the answer: nothing is called.
        auto context = std::make_unique<QObject>();
        bool called = false;
        SessionBuilder::readSecrets(
            &store, p, context.get(),
            [&](const ProfileSecrets &, const QString &) { called = true; });
        context.reset();
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSessionBuilder)
#include "tst_sessionbuilder.moc"
