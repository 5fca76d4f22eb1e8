#include "api/AkSkSigner.h"

#include <QTest>
#include <ctime>

using dcs::AkSkSigner;

class TestSigner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void publicVectorGet();
    void publicVectorPost();
    void canonicalUriEncodesSegments_data();
    void canonicalUriEncodesSegments();
    void canonicalQuerySortsAndEncodes_data();
    void canonicalQuerySortsAndEncodes();
    void hostHeaderKeepsPort();
    void signProducesVerifiableAuthorization();
    void signatureChangesWithEveryInput();
    void parseAuthorizationRejectsGarbage_data();
    void parseAuthorizationRejectsGarbage();
    void sdkDateRoundTrip();
};

static const QByteArray kDate = "20060102T150405Z";

// dcs-api.md §9, vector 1 (the Go SDK's own test).
void TestSigner::publicVectorGet() {
    const QUrl url(QStringLiteral("http://example.com/path?limit=1"));
    const QByteArray canonical =
        AkSkSigner::canonicalRequest("GET", AkSkSigner::canonicalUri(url.path()),
                                     AkSkSigner::canonicalQuery(url), {{"X-Sdk-Date", kDate}}, {});
    QCOMPARE(canonical,
             QByteArray("GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\n"
                        "x-sdk-date\n"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(AkSkSigner::signature("SecretKey", AkSkSigner::stringToSign(kDate, canonical)),
             QByteArray("5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"));
}

// dcs-api.md §9, vector 2.
void TestSigner::publicVectorPost() {
    const QUrl url(QStringLiteral("http://example.com/path?key=value"));
    const QByteArray canonical = AkSkSigner::canonicalRequest(
        "POST", AkSkSigner::canonicalUri(url.path()), AkSkSigner::canonicalQuery(url),
        {{"X-Sdk-Date", kDate}}, "{\"Name\":\"test\",\"Id\":1}\n");
    QCOMPARE(AkSkSigner::signature("SecretKey", AkSkSigner::stringToSign(kDate, canonical)),
             QByteArray("cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"));
}

void TestSigner::canonicalUriEncodesSegments_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("/v1.0/p/instances")
                           << QByteArray("/v1.0/p/instances/");
    QTest::newRow("trailing slash kept once") << QStringLiteral("/a/b/") << QByteArray("/a/b/");
    QTest::newRow("root") << QStringLiteral("/") << QByteArray("/");
    QTest::newRow("empty") << QString() << QByteArray("/");
    QTest::newRow("space and unreserved")
        << QStringLiteral("/a b/x-y_z.~") << QByteArray("/a%20b/x-y_z.~/");
    QTest::newRow("utf8") << QStringLiteral("/实例") << QByteArray("/%E5%AE%9E%E4%BE%8B/");
    QTest::newRow("reserved") << QStringLiteral("/a:b@c!") << QByteArray("/a%3Ab%40c%21/");
}

void TestSigner::canonicalUriEncodesSegments() {
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    QCOMPARE(AkSkSigner::canonicalUri(path), expected);
}

void TestSigner::canonicalQuerySortsAndEncodes_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << QString() << QByteArray();
    QTest::newRow("sorted by name") << QStringLiteral("start=1&limit=10&beginTime=20260101000000")
                                    << QByteArray("beginTime=20260101000000&limit=10&start=1");
    QTest::newRow("case kept, byte order")
        << QStringLiteral("b=1&Z=2&a=3") << QByteArray("Z=2&a=3&b=1");
    QTest::newRow("values sorted within a name")
        << QStringLiteral("k=b&k=a") << QByteArray("k=a&k=b");
    QTest::newRow("empty value") << QStringLiteral("flag=&a=1") << QByteArray("a=1&flag=");
    QTest::newRow("encoded on the wire")
        << QStringLiteral("name=a%20b%2Cc") << QByteArray("name=a%20b%2Cc");
    QTest::newRow("sent unencoded by SDKs")
        << QStringLiteral("name=(x)*'!") << QByteArray("name=%28x%29%2A%27%21");
}

void TestSigner::canonicalQuerySortsAndEncodes() {
    QFETCH(QString, query);
    QFETCH(QByteArray, expected);
    QUrl url(QStringLiteral("http://h/p"));
    url.setQuery(query, QUrl::TolerantMode);
    QCOMPARE(AkSkSigner::canonicalQuery(url), expected);
}

void TestSigner::hostHeaderKeepsPort() {
    QCOMPARE(AkSkSigner::hostHeader(QUrl(QStringLiteral("http://127.0.0.1:40123/x"))),
             QByteArray("127.0.0.1:40123"));
    QCOMPARE(
        AkSkSigner::hostHeader(QUrl(QStringLiteral("https://dcs.cn-north-4.myhuaweicloud.com"))),
        QByteArray("dcs.cn-north-4.myhuaweicloud.com"));
}

// What dcs-sim does on receipt: rebuild from the named headers and compare.
static bool verify(const QByteArray &method, const QUrl &url, const QList<dcs::HeaderPair> &headers,
                   const QByteArray &body, const QByteArray &secretKey) {
    QByteArray authorization;
    QByteArray date;
    for (const auto &h : headers) {
        if (h.first.toLower() == "authorization")
            authorization = h.second;
        if (h.first.toLower() == "x-sdk-date")
            date = h.second;
    }
    const auto auth = AkSkSigner::parseAuthorization(authorization);
    if (!auth.valid)
        return false;
    QList<dcs::HeaderPair> named;
    for (const auto &h : headers)
        if (auth.signedHeaders.contains(h.first.toLower()))
            named.append(h);
    const QByteArray canonical = AkSkSigner::canonicalRequest(
        method, AkSkSigner::canonicalUri(url.path()), AkSkSigner::canonicalQuery(url), named, body);
    return AkSkSigner::signature(secretKey, AkSkSigner::stringToSign(date, canonical)) ==
           auth.signature;
}

void TestSigner::signProducesVerifiableAuthorization() {
    const AkSkSigner signer("AK123", "SK456");
    const QUrl url(QStringLiteral("http://127.0.0.1:8080/v1.0/proj/instances?limit=5&start=1"));
    const QDateTime now(QDate(2026, 11, 28), QTime(3, 4, 5), Qt::UTC);
    const auto headers = signer.sign(
        "GET", url, {{"Content-Type", "application/json"}, {"X-Project-Id", "proj"}}, {}, now);
    QByteArray authorization;
    for (const auto &h : headers)
        if (h.first == "Authorization")
            authorization = h.second;
    const auto auth = AkSkSigner::parseAuthorization(authorization);
    QVERIFY(auth.valid);
    QCOMPARE(auth.accessKey, QByteArray("AK123"));
    QCOMPARE(auth.signedHeaders,
             (QList<QByteArray>{"content-type", "host", "x-project-id", "x-sdk-date"}));
    QVERIFY(headers.contains(dcs::HeaderPair("Host", "127.0.0.1:8080")));
    QVERIFY(headers.contains(dcs::HeaderPair("X-Sdk-Date", "20261128T030405Z")));
    QVERIFY(verify("GET", url, headers, {}, "SK456"));
    QVERIFY(!verify("GET", url, headers, {}, "wrong"));
    QVERIFY(!verify("POST", url, headers, {}, "SK456"));
    QVERIFY(!verify("GET", url, headers, "x", "SK456"));
}

void TestSigner::signatureChangesWithEveryInput() {
    const auto base = AkSkSigner::canonicalRequest("GET", "/a/", "x=1", {{"host", "h"}}, "");
    QVERIFY(base != AkSkSigner::canonicalRequest("GET", "/b/", "x=1", {{"host", "h"}}, ""));
    QVERIFY(base != AkSkSigner::canonicalRequest("GET", "/a/", "x=2", {{"host", "h"}}, ""));
    QVERIFY(base != AkSkSigner::canonicalRequest("GET", "/a/", "x=1", {{"host", "g"}}, ""));
    QVERIFY(base != AkSkSigner::canonicalRequest("GET", "/a/", "x=1", {{"host", "h"}}, "b"));
    // Header names are case-insensitive and values trimmed.
    QCOMPARE(base, AkSkSigner::canonicalRequest("get", "/a/", "x=1", {{"Host", " h "}}, ""));
}

void TestSigner::parseAuthorizationRejectsGarbage_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("other algorithm")
        << QByteArray("AWS4-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=ab");
    QTest::newRow("no signature") << QByteArray("SDK-HMAC-SHA256 Access=a, SignedHeaders=host");
    QTest::newRow("no access") << QByteArray("SDK-HMAC-SHA256 SignedHeaders=host, Signature=ab");
    QTest::newRow("no headers") << QByteArray("SDK-HMAC-SHA256 Access=a, Signature=ab");
    QTest::newRow("noise") << QByteArray("SDK-HMAC-SHA256 ,,,===");
}

void TestSigner::parseAuthorizationRejectsGarbage() {
    QFETCH(QByteArray, header);
    QVERIFY(!AkSkSigner::parseAuthorization(header).valid);
}

void TestSigner::sdkDateRoundTrip() {
    const QDateTime t = AkSkSigner::parseSdkDate(kDate);
    QVERIFY(t.isValid());
    QCOMPARE(t, QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5), Qt::UTC));
    QCOMPARE(AkSkSigner::formatSdkDate(t), kDate);
    QVERIFY(!AkSkSigner::parseSdkDate("2006-01-02 15:04:05").isValid());
    QVERIFY(!AkSkSigner::parseSdkDate("").isValid());
    QVERIFY(!AkSkSigner::parseSdkDate("20060102T150405").isValid());
    QVERIFY(!AkSkSigner::parseSdkDate("20061302T150405Z").isValid());
    // 02:30 on that day does not exist in Berlin's local time; in UTC it does.
    const QByteArray oldTz = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    QCOMPARE(AkSkSigner::parseSdkDate("20260329T023000Z"),
             QDateTime(QDate(2026, 3, 29), QTime(2, 30), Qt::UTC));
    qputenv("TZ", oldTz);
    tzset();
}

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
