// Profiles: the QSettings round trip, validation, and that no secret ever reaches the settings
// file or the request log.

#include "api/RequestLog.h"
#include "profiles/Profile.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;

class TestProfiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void regionProjectPairs();
    void singleProjectProfilesStillRead();
    void pairValidation();
    void demoAndSessionProfilesAreNeverSaved();
    void removeForgetsTheProfile();
    void validation_data();
    void validation();
    void regionRules();
    void secretsStayOutOfTheSettingsFile();
    void memoryOnlySecretStore();
    void redactsHeadersAndBodies();
    void curlCommandUsesPlaceholders();

private:
    static Profile sample();
};

Profile TestProfiles::sample() {
    Profile p;
    p.id = Profile::newId();
    p.name = QStringLiteral("生产 cn-north-4");
    p.region = QStringLiteral("cn-north-4");
    p.dcsEndpoint = defaultDcsEndpoint(p.region);
    p.iamEndpoint = defaultIamEndpoint(p.region);
    p.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
    p.authMethod = Profile::AuthMethod::IamPassword;
    p.accessKey = QStringLiteral("AKEXAMPLE");
    p.iamAccount = QStringLiteral("acme");
    p.iamUser = QStringLiteral("ops");
    p.proxy = {ProxySettings::Mode::Socks5, QStringLiteral("proxy.corp"), 1080,
               QStringLiteral("proxyuser")};
    p.caBundleFile = QString();
    p.timeoutSeconds = 45;
    p.apiVersion = ApiVersion::V1;
    p.production = true;
    p.readOnly = true;
    return p;
}

void TestProfiles::roundTrip() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ProfileStore store(&settings);
    QSignalSpy changed(&store, &ProfileStore::changed);
    const Profile p = sample();
    store.save(p);
    QCOMPARE(changed.size(), 1);
    store.setLastUsedId(p.id);

    QSettings reread(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ProfileStore again(&reread);
    QCOMPARE(again.profiles().size(), 1);
    QCOMPARE(*again.profile(p.id), p);
    QCOMPARE(*again.profileByName(p.name), p);
    QCOMPARE(again.lastUsedId(), p.id);
    QVERIFY(!again.profile(QStringLiteral("nope")));
    QCOMPARE(reread.value(QStringLiteral("profiles/%1/apiVersion").arg(p.id)).toString(),
             QStringLiteral("v1.0"));

    // A profile saved before the choice existed, or with a value from a later version,
    // speaks Automatic.
    reread.remove(QStringLiteral("profiles/%1/apiVersion").arg(p.id));
    QCOMPARE(ProfileStore(&reread).profile(p.id)->apiVersion, ApiVersion::Automatic);
    reread.setValue(QStringLiteral("profiles/%1/apiVersion").arg(p.id), QStringLiteral("v9"));
    QCOMPARE(ProfileStore(&reread).profile(p.id)->apiVersion, ApiVersion::Automatic);
    QCOMPARE(Profile().apiVersion, ApiVersion::Automatic);
}

void TestProfiles::regionProjectPairs() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ProfileStore store(&settings);
    Profile p = sample();
    p.projectName = QStringLiteral("cn-north-4");
    const ProfileScope east{QStringLiteral("cn-east-3"),
                            QStringLiteral("fedcba9876543210fedcba9876543210"),
                            QStringLiteral("cn-east-3_shop"), QUrl()};
    const ProfileScope privateEndpoint{QStringLiteral("cn-south-1"),
                                       QStringLiteral("00112233445566778899aabbccddeeff"),
                                       {},
                                       QUrl(QStringLiteral("https://dcs.internal.example"))};
    p.otherScopes = {east, privateEndpoint};
    store.save(p);
    QSettings reread(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    const Profile back = *ProfileStore(&reread).profile(p.id);
    QCOMPARE(back, p);
    QCOMPARE(back.scopes().size(), 3);
    QCOMPARE(back.scopes().at(0).key(), QStringLiteral("cn-north-4/") + p.projectId);
    QCOMPARE(back.scopes().at(1).endpoint(),
             QUrl(QStringLiteral("https://dcs.cn-east-3.myhuaweicloud.com")));
    QCOMPARE(back.scopes().at(2).endpoint(), QUrl(QStringLiteral("https://dcs.internal.example")));
    QCOMPARE(back.scopes().at(2).projectLabel(), privateEndpoint.projectId);
    QCOMPARE(back.scope(east.key())->projectName, QStringLiteral("cn-east-3_shop"));
    QVERIFY(!back.scope(QStringLiteral("cn-east-3/nope")));

    // Opened at one pair: the same account, that region, project and endpoint alone.
    const Profile atEast = back.atScope(east);
    QCOMPARE(atEast.id, p.id);
    QCOMPARE(atEast.accessKey, p.accessKey);
    QCOMPARE(atEast.region, QStringLiteral("cn-east-3"));
    QCOMPARE(atEast.projectId, east.projectId);
    QCOMPARE(atEast.dcsEndpoint, east.endpoint());
    QVERIFY(atEast.otherScopes.isEmpty());

    // Setting the pairs makes the first one the profile's own.
    Profile reordered = back;
    reordered.setScopes({east, back.firstScope()});
    QCOMPARE(reordered.region, QStringLiteral("cn-east-3"));
    QCOMPARE(reordered.projectId, east.projectId);
    QCOMPARE(reordered.otherScopes.size(), 1);
    QCOMPARE(reordered.otherScopes.first().region, QStringLiteral("cn-north-4"));
    Profile unchanged = back;
    unchanged.setScopes({});
    QCOMPARE(unchanged, back);

    // Fewer pairs after an edit: the dropped ones are gone from the file.
    Profile fewer = back;
    fewer.otherScopes = {east};
    store.save(fewer);
    QSettings third(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&third).profile(p.id)->otherScopes, QList<ProfileScope>{east});
}

void TestProfiles::singleProjectProfilesStillRead() {
    // A profile as saved before it could hold several region + project pairs.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("old.ini"));
    {
        QSettings old(file, QSettings::IniFormat);
        old.beginGroup(QStringLiteral("profiles/old-id"));
        old.setValue(QStringLiteral("name"), QStringLiteral("Production"));
        old.setValue(QStringLiteral("region"), QStringLiteral("cn-north-4"));
        old.setValue(QStringLiteral("dcsEndpoint"),
                     QStringLiteral("https://dcs.cn-north-4.myhuaweicloud.com"));
        old.setValue(QStringLiteral("projectId"),
                     QStringLiteral("0123456789abcdef0123456789abcdef"));
        old.setValue(QStringLiteral("auth"), QStringLiteral("aksk"));
        old.setValue(QStringLiteral("accessKey"), QStringLiteral("AKOLD"));
        old.endGroup();
    }
    QSettings settings(file, QSettings::IniFormat);
    ProfileStore store(&settings);
    const Profile old = *store.profile(QStringLiteral("old-id"));
    QCOMPARE(old.scopes().size(), 1);
    QCOMPARE(old.firstScope().region, QStringLiteral("cn-north-4"));
    QCOMPARE(old.firstScope().projectId, QStringLiteral("0123456789abcdef0123456789abcdef"));
    QVERIFY(old.projectName.isEmpty());
    QCOMPARE(old.atScope(old.firstScope()).dcsEndpoint, old.dcsEndpoint);
    QVERIFY(validateProfile(old).isEmpty());
    // Saved again, it gains the list and keeps everything else.
    store.save(old);
    QSettings reread(file, QSettings::IniFormat);
    QCOMPARE(*ProfileStore(&reread).profile(QStringLiteral("old-id")), old);
    QCOMPARE(reread.value(QStringLiteral("profiles/old-id/otherScopes/size")).toInt(), 0);
}

void TestProfiles::pairValidation() {
    Profile p = sample();
    p.caBundleFile.clear();
    QVERIFY(validateProfile(p).isEmpty());
    const auto scopeProblem = [](const Profile &profile) {
        for (const ProfileProblem &problem : validateProfile(profile)) {
            if (problem.field == ProfileProblem::Field::Scopes)
                return problem.message;
        }
        return QString();
    };
    p.otherScopes = {
        {QStringLiteral("cn-east-3"), QStringLiteral("fedcba9876543210fedcba9876543210"), {}, {}}};
    QVERIFY(scopeProblem(p).isEmpty());
    p.otherScopes.first().region = QStringLiteral("East China");
    QVERIFY(scopeProblem(p).contains(QStringLiteral("East China")));
    p.otherScopes.first().region = QStringLiteral("cn-east-3");
    p.otherScopes.first().projectId = QStringLiteral("123");
    QVERIFY(scopeProblem(p).contains(QStringLiteral("32 hexadecimal")));
    // The first pair again, or the same pair twice.
    p.otherScopes = {p.firstScope()};
    QVERIFY(scopeProblem(p).contains(QStringLiteral("twice")));
    p.otherScopes = {{QStringLiteral("cn-east-3"),
                      QStringLiteral("fedcba9876543210fedcba9876543210"),
                      {},
                      QUrl(QStringLiteral("ftp://x"))}};
    QVERIFY(scopeProblem(p).contains(QStringLiteral("not an http")));
}

void TestProfiles::demoAndSessionProfilesAreNeverSaved() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ProfileStore store(&settings);
    Profile demo = sample();
    demo.demo = true;
    Profile session = sample();
    session.sessionOnly = true;
    store.save(demo);
    store.save(session);
    QVERIFY(store.profiles().isEmpty());
}

void TestProfiles::removeForgetsTheProfile() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    ProfileStore store(&settings);
    const Profile a = sample();
    Profile b = sample();
    b.id = Profile::newId();
    b.name = QStringLiteral("b");
    store.save(a);
    store.save(b);
    store.setLastUsedId(a.id);
    store.remove(a.id);
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().first().id, b.id);
    QVERIFY(store.lastUsedId().isEmpty());
}

void TestProfiles::validation_data() {
    using F = ProfileProblem::Field;
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("field");
    QTest::addColumn<bool>("warning");
    QTest::newRow("empty name") << "name=" << int(F::Name) << false;
    QTest::newRow("empty project") << "project=" << int(F::ProjectId) << false;
    QTest::newRow("short project") << "project=1234" << int(F::ProjectId) << false;
    QTest::newRow("non-hex project")
        << "project=zz23456789abcdef0123456789abcdef" << int(F::ProjectId) << false;
    QTest::newRow("bad region") << "region=North China" << int(F::Region) << false;
    QTest::newRow("unknown region") << "region=xx-north-7" << int(F::Region) << true;
    QTest::newRow("endpoint not a URL") << "endpoint=dcs.example" << int(F::DcsEndpoint) << false;
    QTest::newRow("endpoint ftp") << "endpoint=ftp://dcs.example" << int(F::DcsEndpoint) << false;
    QTest::newRow("endpoint plain http")
        << "endpoint=http://dcs.example" << int(F::DcsEndpoint) << true;
    QTest::newRow("iam endpoint") << "iam=not a url" << int(F::IamEndpoint) << false;
    QTest::newRow("no account") << "account=" << int(F::IamAccount) << false;
    QTest::newRow("no user") << "user=" << int(F::IamUser) << false;
    QTest::newRow("no AK") << "ak=" << int(F::AccessKey) << false;
    QTest::newRow("proxy port") << "proxyport=0" << int(F::Proxy) << false;
    QTest::newRow("ca file") << "ca=/no/such/file.pem" << int(F::CaBundle) << false;
    QTest::newRow("timeout") << "timeout=0" << int(F::Timeout) << false;
}

void TestProfiles::validation() {
    QFETCH(QString, change);
    QFETCH(int, field);
    QFETCH(bool, warning);
    Profile p = sample();
    QVERIFY(validateProfile(p).isEmpty());
    const QString key = change.section(QLatin1Char('='), 0, 0);
    const QString value = change.section(QLatin1Char('='), 1);
    if (key == QLatin1String("name"))
        p.name = value;
    else if (key == QLatin1String("project"))
        p.projectId = value;
    else if (key == QLatin1String("region"))
        p.region = value;
    else if (key == QLatin1String("endpoint"))
        p.dcsEndpoint = QUrl(value);
    else if (key == QLatin1String("iam"))
        p.iamEndpoint = QUrl(value);
    else if (key == QLatin1String("account"))
        p.iamAccount = value;
    else if (key == QLatin1String("user"))
        p.iamUser = value;
    else if (key == QLatin1String("ak"))
        p.authMethod = Profile::AuthMethod::AkSk, p.accessKey = value;
    else if (key == QLatin1String("proxyport"))
        p.proxy.port = value.toInt();
    else if (key == QLatin1String("ca"))
        p.caBundleFile = value;
    else if (key == QLatin1String("timeout"))
        p.timeoutSeconds = value.toInt();
    const auto problems = validateProfile(p);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(int(problems.first().field), field);
    QCOMPARE(problems.first().warning, warning);
    QVERIFY(!problems.first().message.isEmpty());
}

void TestProfiles::regionRules() {
    QCOMPARE(knownRegions().size(), 24);
    for (const QString &r : knownRegions())
        QVERIFY2(looksLikeRegion(r), qPrintable(r));
    QVERIFY(!looksLikeRegion(QStringLiteral("cn-north")));
    QVERIFY(!looksLikeRegion(QStringLiteral("CN-NORTH-4")));
    QCOMPARE(defaultDcsEndpoint(QStringLiteral("cn-east-3")),
             QUrl(QStringLiteral("https://dcs.cn-east-3.myhuaweicloud.com")));
    QCOMPARE(defaultIamEndpoint(QStringLiteral("ap-southeast-1")),
             QUrl(QStringLiteral("https://iam.ap-southeast-1.myhuaweicloud.com")));
}

void TestProfiles::secretsStayOutOfTheSettingsFile() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    const QString secret = QStringLiteral("S3cr3t-SK-that-must-not-leak");
    {
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(&settings);
        SecretStore secrets(QStringLiteral("dcs-console-test"), true);
        const Profile p = sample();
        store.save(p);
        bool written = false;
        secrets.write(p.id, SecretStore::Kind::SecretKey, secret, this,
                      [&](bool) { written = true; });
        QTRY_VERIFY(written);
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray contents = f.readAll();
    QVERIFY(!contents.isEmpty());
    QVERIFY(!contents.contains(secret.toUtf8()));
}

void TestProfiles::memoryOnlySecretStore() {
    SecretStore secrets(QStringLiteral("dcs-console-test"), true);
    QVERIFY(secrets.isMemoryOnly());
    bool persisted = true;
    bool done = false;
    secrets.write(QStringLiteral("p1"), SecretStore::Kind::IamPassword, QStringLiteral("pw"), this,
                  [&](bool p) {
                      persisted = p;
                      done = true;
                  });
    QTRY_VERIFY(done);
    QVERIFY(!persisted);
    QString value;
    bool found = false;
    done = false;
    secrets.read(QStringLiteral("p1"), SecretStore::Kind::IamPassword, this,
                 [&](const QString &v, bool f) {
                     value = v;
                     found = f;
                     done = true;
                 });
    QTRY_VERIFY(done);
    QVERIFY(found);
    QCOMPARE(value, QStringLiteral("pw"));
    secrets.removeAll(QStringLiteral("p1"));
    done = false;
    secrets.read(QStringLiteral("p1"), SecretStore::Kind::IamPassword, this,
                 [&](const QString &, bool f) {
                     found = f;
                     done = true;
                 });
    QTRY_VERIFY(done);
    QVERIFY(!found);
}

void TestProfiles::redactsHeadersAndBodies() {
    const auto headers =
        redaction::headers({{"Authorization", "SDK-HMAC-SHA256 Access=A, Signature=abc"},
                            {"X-Auth-Token", "tok"},
                            {"X-Subject-Token", "tok2"},
                            {"X-Security-Token", "tok3"},
                            {"X-Project-Id", "p"}});
    for (const auto &h : headers) {
        if (h.first == "X-Project-Id")
            QCOMPARE(h.second, QByteArray("p"));
        else
            QCOMPARE(h.second, QByteArray("<redacted>"));
    }
    const QByteArray body = redaction::body(
        R"({"auth":{"identity":{"password":{"user":{"name":"u","password":"hunter2"}}}},"remark":"x"})");
    QVERIFY(!body.contains("hunter2"));
    QVERIFY(body.contains("\"remark\":\"x\""));
    QVERIFY(body.contains("\"name\":\"u\""));
    QVERIFY(!redaction::body("not json password=hunter2").contains("hunter2"));
}

void TestProfiles::curlCommandUsesPlaceholders() {
    RequestLogEntry entry;
    entry.method = "POST";
    entry.url = QUrl(
        QStringLiteral("https://dcs.cn-north-4.myhuaweicloud.com/v1.0/p/instances/i/restores"));
    entry.requestHeaders = redaction::headers(
        {{"Content-Type", "application/json"}, {"Authorization", "SDK-HMAC-SHA256 secret"}});
    entry.requestBody = R"({"backup_id":"b","remark":"it's"})";
    const QString curl = curlCommand(entry);
    QVERIFY(curl.startsWith(QStringLiteral("curl -X POST")));
    QVERIFY(curl.contains(QStringLiteral("\"Authorization: $DCS_AUTHORIZATION\"")));
    QVERIFY(!curl.contains(QStringLiteral("secret")));
    QVERIFY(curl.contains(QStringLiteral("'Content-Type: application/json'")));
    QVERIFY(curl.contains(QStringLiteral("it'\\''s")));
    QVERIFY(curl.endsWith(QStringLiteral("/restores'")));
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
