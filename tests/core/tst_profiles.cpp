// Profiles: the QSettings round trip, validation, and that no secret ever reaches the settings
// file or the request log.

#include "api/RequestLog.h"
#include "profiles/Profile.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace dcs;

class TestProfiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void sameLastUsedIsNotWrittenAgain();
    void regionProjectPairs();
    void singleProjectProfilesStillRead();
    void pairValidation();
    void damagedPairListIsBounded();
    void demoAndSessionProfilesAreNeverSaved();
    void removeForgetsTheProfile();
    void validation_data();
    void validation();
    void regionRules();
    void secretsStayOutOfTheSettingsFile();
    void memoryOnlySecretStore();
    void keychainAvailabilityIsKnownBeforeSaving();
    void redactsHeadersAndBodies();
    void curlCommandUsesPlaceholders();
    // Hardening: what cannot be saved is said, long fields, plain-HTTP IAM, --settings files.
    void unwritableSettingsFileIsReported();
    void failedEditKeepsTheSavedProfile();
    void overlongFieldsAreRefused();
    void overlongSavedValuesAreNotRead();
    void plainHttpIamEndpointIsWarnedAbout();
    void settingsFileChecks();

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
    // Lengths and the count are checked before anything is matched against a pattern.
    const ProfileScope east{
        QStringLiteral("cn-east-3"), QStringLiteral("fedcba9876543210fedcba9876543210"), {}, {}};
    ProfileScope longName = east;
    longName.projectName = QString(fieldlimits::Name + 1, QLatin1Char('n'));
    p.otherScopes = {longName};
    QCOMPARE(scopeProblem(p),
             QStringLiteral("Row 1 of the regions and projects holds a value 129 characters "
                            "long; at most 128 are accepted."));
    ProfileScope longEndpoint = east;
    longEndpoint.dcsEndpoint =
        QUrl(QStringLiteral("https://dcs.example/") + QString(fieldlimits::Endpoint, 'p'));
    p.otherScopes = {east, longEndpoint};
    QVERIFY(scopeProblem(p).startsWith(QStringLiteral("Row 2 ")));
    p.otherScopes.clear();
    for (int i = 0; i <= fieldlimits::OtherScopes; ++i) {
        ProfileScope scope = east;
        scope.projectId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        p.otherScopes.append(scope);
    }
    QCOMPARE(scopeProblem(p),
             QStringLiteral("The regions and projects list 201 pairs; at most 200 are accepted."));
    p.otherScopes.removeLast();
    QVERIFY(scopeProblem(p).isEmpty());
}

void TestProfiles::damagedPairListIsBounded() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings damaged(file, QSettings::IniFormat);
        damaged.beginGroup(QStringLiteral("profiles/big"));
        damaged.setValue(QStringLiteral("name"), QStringLiteral("Big"));
        damaged.setValue(QStringLiteral("region"), QStringLiteral("cn-north-4"));
        damaged.setValue(QStringLiteral("projectId"),
                         QStringLiteral("0123456789abcdef0123456789abcdef"));
        damaged.beginWriteArray(QStringLiteral("otherScopes"));
        for (int i = 0; i < fieldlimits::OtherScopes + 50; ++i) {
            damaged.setArrayIndex(i);
            damaged.setValue(QStringLiteral("region"), QStringLiteral("cn-east-3"));
            damaged.setValue(QStringLiteral("projectId"),
                             QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')));
        }
        damaged.endArray();
        // A size far beyond what is written, as a damaged file may say.
        damaged.setValue(QStringLiteral("otherScopes/size"), 100000000);
        damaged.endGroup();
    }
    QSettings settings(file, QSettings::IniFormat);
    const auto profile = ProfileStore(&settings).profile(QStringLiteral("big"));
    QVERIFY(profile);
    QCOMPARE(profile->otherScopes.size(), fieldlimits::OtherScopes);
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

// Every start on the last profile sets it again: the file is written only when it changes (a
// write replaces the file, under a new inode, and waits for the disk before the first frame).
void TestProfiles::sameLastUsedIsNotWrittenAgain() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    const auto inode = [&path] {
        struct stat info {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_ino : ino_t(0);
    };
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(&settings);
    const Profile p = sample();
    store.save(p);
    store.setLastUsedId(p.id);
    const ino_t written = inode();
    QVERIFY(written != 0);
    store.setLastUsedId(p.id);
    QCOMPARE(inode(), written);
    {
        QSettings reread(path, QSettings::IniFormat);
        QCOMPARE(ProfileStore(&reread).lastUsedId(), p.id);
    }
    // Another one is written, and so is the Demo's id after it.
    store.setLastUsedId(QStringLiteral("demo"));
    QVERIFY(inode() != written);
    QSettings reread(path, QSettings::IniFormat);
    QCOMPARE(ProfileStore(&reread).lastUsedId(), QStringLiteral("demo"));
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

void TestProfiles::keychainAvailabilityIsKnownBeforeSaving() {
    SecretStore memory(QStringLiteral("dcs-console-test"), true);
    QCOMPARE(memory.availability(), SecretStore::Availability::MemoryOnly);

    // Whatever this machine has (a keychain service or none), one probe settles it, without
    // any secret read or written.
    SecretStore store(QStringLiteral("dcs-console-test-probe"), false);
    QCOMPARE(store.availability(), SecretStore::Availability::Unknown);
    QSignalSpy answered(&store, &SecretStore::availabilityChanged);
    store.probe();
    store.probe(); // asked once
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 60000);
    const auto availability = answered.first().first().value<SecretStore::Availability>();
    QVERIFY(availability != SecretStore::Availability::Unknown);
    QCOMPARE(store.availability(), availability);
    QCOMPARE(store.isMemoryOnly(), availability == SecretStore::Availability::MemoryOnly);
    store.probe(); // known: nothing more
    QTest::qWait(100);
    QCOMPARE(answered.count(), 1);
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

namespace {

mode_t modeOf(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 0777;
}

// A settings file that can never be written, even by root: its "folder" is a regular file.
QString unwritableSettingsPath(const QTemporaryDir &dir) {
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    if (file.open(QIODevice::WriteOnly))
        file.write("x");
    return blocker + QStringLiteral("/profiles.ini");
}

} // namespace

void TestProfiles::unwritableSettingsFileIsReported() {
    QTemporaryDir dir;
    QSettings settings(unwritableSettingsPath(dir), QSettings::IniFormat);
    ProfileStore store(&settings);
    QSignalSpy changed(&store, &ProfileStore::changed);
    QString error;
    QVERIFY(!store.save(sample(), &error));
    QVERIFY2(error.contains(QStringLiteral("could not be written")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not-a-folder")), qPrintable(error));
    // Nothing looks saved that is not: the list stays empty, no change is announced.
    QVERIFY(store.profiles().isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestProfiles::failedEditKeepsTheSavedProfile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    const Profile original = sample();
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.save(original));
    }
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(&settings);
    // The file becomes impossible to replace: its folder is swapped for a file of that name.
    QVERIFY(QDir(dir.path()).rename(QStringLiteral("s.ini"), QStringLiteral("moved.ini")));
    QVERIFY(QDir().mkpath(path)); // s.ini is now a folder
    Profile edited = original;
    edited.name = QStringLiteral("renamed");
    QString error;
    QVERIFY(!store.save(edited, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(store.profile(original.id)->name, original.name);
    QVERIFY(!store.remove(original.id, &error));
    QVERIFY(store.profile(original.id).has_value());
}

void TestProfiles::overlongFieldsAreRefused() {
    Profile p = sample();
    p.name = QString(4 * 1024 * 1024, QLatin1Char('n'));
    QElapsedTimer timer;
    timer.start();
    const QList<ProfileProblem> problems = validateProfile(p);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems.first().field, ProfileProblem::Field::Name);
    QVERIFY2(problems.first().message.contains(QString::number(fieldlimits::Name)),
             qPrintable(problems.first().message));
    for (auto field : {&Profile::region, &Profile::projectId, &Profile::accessKey,
                       &Profile::iamAccount, &Profile::iamUser, &Profile::caBundleFile}) {
        Profile q = sample();
        q.*field = QString(70000, QLatin1Char('a'));
        QVERIFY(!validateProfile(q).isEmpty());
        QVERIFY(!validateProfile(q).first().warning);
    }
    Profile q = sample();
    q.dcsEndpoint =
        QUrl(QStringLiteral("https://dcs.example.com/") + QString(5000, QLatin1Char('p')));
    QVERIFY(!validateProfile(q).isEmpty());
    QCOMPARE(validateProfile(q).first().field, ProfileProblem::Field::DcsEndpoint);
    // At the limit is still fine.
    q = sample();
    q.name = QString(fieldlimits::Name, QLatin1Char('n'));
    for (const ProfileProblem &problem : validateProfile(q))
        QVERIFY(problem.field != ProfileProblem::Field::Name);
}

void TestProfiles::overlongSavedValuesAreNotRead() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    Profile p = sample();
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.save(p));
        // Then someone (or something) writes 4 MB into the name.
        settings.setValue(QStringLiteral("profiles/%1/name").arg(p.id),
                          QString(4 * 1024 * 1024, QLatin1Char('n')));
        settings.sync();
    }
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(&settings);
    const QList<Profile> profiles = store.profiles();
    QCOMPARE(profiles.size(), 1);
    // Shown as a profile to correct, not drawn with megabytes in it.
    QVERIFY(profiles.first().name.isEmpty());
    QCOMPARE(profiles.first().region, p.region);
    QVERIFY(!validateProfile(profiles.first()).isEmpty());
}

void TestProfiles::plainHttpIamEndpointIsWarnedAbout() {
    Profile p = sample();
    p.proxy = {};
    p.iamEndpoint = QUrl(QStringLiteral("http://iam.cn-north-4.myhuaweicloud.com"));
    const QList<ProfileProblem> problems = validateProfile(p);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, ProfileProblem::Field::IamEndpoint);
    QVERIFY(problems.first().warning); // may still be saved
    QVERIFY2(problems.first().message.contains(QStringLiteral("password")),
             qPrintable(problems.first().message));
    // Only where the password is sent: an AK/SK profile does not use IAM.
    p.authMethod = Profile::AuthMethod::AkSk;
    QVERIFY(validateProfile(p).isEmpty());
}

void TestProfiles::settingsFileChecks() {
    QTemporaryDir dir;
    // A folder.
    QString problem = ProfileStore::checkSettingsFile(dir.path());
    QVERIFY2(problem.contains(QStringLiteral("folder")), qPrintable(problem));
    // A file that cannot be written (even by root).
    problem = ProfileStore::checkSettingsFile(QStringLiteral("/proc/version"));
    QVERIFY2(problem.contains(QStringLiteral("cannot be written")), qPrintable(problem));
    // Something that is not a settings file: left as it is.
    const QString binary = dir.filePath(QStringLiteral("photo.ini"));
    {
        QFile file(binary);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe", 18));
    }
    const QByteArray before = [&] {
        QFile file(binary);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    problem = ProfileStore::checkSettingsFile(binary);
    QVERIFY2(problem.contains(QStringLiteral("not a settings file")), qPrintable(problem));
    {
        QFile file(binary);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }
    // A path under a regular file.
    problem = ProfileStore::checkSettingsFile(unwritableSettingsPath(dir));
    QVERIFY(!problem.isEmpty());
    // A file that does not exist yet is created, owner-only, in owner-only folders.
    const mode_t saved = ::umask(022);
    const QString fresh = dir.filePath(QStringLiteral("new/folder/console.ini"));
    problem = ProfileStore::checkSettingsFile(fresh);
    ::umask(saved);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(QFileInfo(fresh).isFile());
    QCOMPARE(modeOf(fresh), mode_t(0600));
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("new"))), mode_t(0700));
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("new/folder"))), mode_t(0700));
    // A real settings file is accepted, and narrowed to its owner.
    {
        QSettings settings(fresh, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.save(sample()));
    }
    QVERIFY(QFile::setPermissions(fresh, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther));
    QVERIFY(ProfileStore::checkSettingsFile(fresh).isEmpty());
    QCOMPARE(modeOf(fresh), mode_t(0600));
    // Saving keeps it owner-only (QSettings writes a new file and renames it).
    {
        QSettings settings(fresh, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.save(sample()));
    }
    QCOMPARE(modeOf(fresh), mode_t(0600));
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
