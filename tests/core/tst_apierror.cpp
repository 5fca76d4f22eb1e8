#include "api/ApiError.h"

#include <QSet>
#include <QTest>

using namespace dcs;

class TestApiError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void v1Shape();
    void aMissingNetworkModuleIsNotBlamedOnTheNetwork();
    void v2Shape();
    void gatewayShape();
    void requestIdHeaderWinsOverBody();
    void requestIdFromBodyWhenNoHeader();
    void legacyCode_data();
    void legacyCode();
    void notJsonBody_data();
    void notJsonBody();
    void longHtmlBodyIsShortened();
    void jsonWithoutErrorFields();
    void everyTableCodeIsExplained_data();
    void everyTableCodeIsExplained();
    void everyRecordCodeIsExplained();
    void unknownCodes();
    void explanationByKind();
    void networkErrors();
    void summary();
};

void TestApiError::v1Shape() {
    const QByteArray body = R"({"error": {"code": "DCS.4097", "message": "The instance is )"
                            R"(being restored.", "ext_message": null}})";
    const ApiError e = ApiError::fromHttpResponse(400, body, "req-1");
    QCOMPARE(e.kind, ApiError::Kind::Http);
    QVERIFY(e.isError());
    QCOMPARE(e.httpStatus, 400);
    QCOMPARE(e.code, QStringLiteral("DCS.4097"));
    QVERIFY(e.legacyCode.isEmpty());
    QCOMPARE(e.message, QStringLiteral("The instance is being restored."));
    QCOMPARE(e.requestId, QStringLiteral("req-1"));
    QCOMPARE(e.explanation(), explainErrorCode(QStringLiteral("DCS.4097")));
    QVERIFY(!e.explanation().isEmpty());

    // ext_message adds detail when present.
    const ApiError ext = ApiError::fromHttpResponse(
        400,
        R"({"error":{"code":"DCS.4800","message":"Invalid backup_id in the request.",)"
        R"("ext_message":"backup 42 is unknown"}})",
        {});
    QCOMPARE(ext.code, QStringLiteral("DCS.4800"));
    QVERIFY(ext.message.startsWith(QStringLiteral("Invalid backup_id in the request.")));
    QVERIFY(ext.message.contains(QStringLiteral("backup 42 is unknown")));
}

void TestApiError::v2Shape() {
    const QByteArray body =
        R"({"error_code": "DCS.4049", "error_msg": "Instance is not running.", "error_ext_msg": null})";
    const ApiError e = ApiError::fromHttpResponse(400, body, {});
    QCOMPARE(e.code, QStringLiteral("DCS.4049"));
    QCOMPARE(e.message, QStringLiteral("Instance is not running."));
    QVERIFY(e.requestId.isEmpty());
    QCOMPARE(e.explanation(), explainErrorCode(QStringLiteral("DCS.4049")));
}

void TestApiError::gatewayShape() {
    const QByteArray body = R"({"error_code": "APIGW.0301", "error_msg": "Incorrect IAM )"
                            R"(authentication information: verify aksk signature fail",)"
                            R"( "request_id": "a1b2c3"})";
    const ApiError e = ApiError::fromHttpResponse(401, body, {});
    QCOMPARE(e.httpStatus, 401);
    QCOMPARE(e.code, QStringLiteral("APIGW.0301"));
    QVERIFY(e.message.startsWith(QStringLiteral("Incorrect IAM authentication information")));
    QCOMPARE(e.requestId, QStringLiteral("a1b2c3"));
    QCOMPARE(e.explanation(), explainErrorCode(QStringLiteral("APIGW.0301")));

    const ApiError throttled = ApiError::fromHttpResponse(
        429,
        R"({"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached")"
        R"(,"request_id":"r-429"})",
        {});
    QCOMPARE(throttled.code, QStringLiteral("APIGW.0308"));
    QCOMPARE(throttled.httpStatus, 429);
}

void TestApiError::requestIdHeaderWinsOverBody() {
    const QByteArray body =
        R"({"error_code":"APIGW.0303","error_msg":"clock","request_id":"body-id"})";
    const ApiError e = ApiError::fromHttpResponse(401, body, " header-id ");
    QCOMPARE(e.requestId, QStringLiteral("header-id"));
}

void TestApiError::requestIdFromBodyWhenNoHeader() {
    const ApiError e = ApiError::fromHttpResponse(
        401, R"({"error_code":"APIGW.0303","error_msg":"clock","request_id":"body-id"})", "");
    QCOMPARE(e.requestId, QStringLiteral("body-id"));

    // Also when the v1 shape carries it inside the error object.
    const ApiError nested = ApiError::fromHttpResponse(
        500, R"({"error":{"code":"DCS.5000","message":"boom","request_id":"inner-id"}})", {});
    QCOMPARE(nested.requestId, QStringLiteral("inner-id"));
}

void TestApiError::legacyCode_data() {
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("legacy");
    QTest::newRow("111400097") << QStringLiteral("111400097") << QStringLiteral("DCS.4097")
                               << QStringLiteral("111400097");
    QTest::newRow("111400086") << QStringLiteral("111400086") << QStringLiteral("DCS.4086")
                               << QStringLiteral("111400086");
    QTest::newRow("111400800") << QStringLiteral("111400800") << QStringLiteral("DCS.4800")
                               << QStringLiteral("111400800");
    QTest::newRow("111500000") << QStringLiteral("111500000") << QStringLiteral("DCS.5000")
                               << QStringLiteral("111500000");
    QTest::newRow("111100002") << QStringLiteral("111100002") << QStringLiteral("DCS.1002")
                               << QStringLiteral("111100002");
    QTest::newRow("modern") << QStringLiteral("DCS.4097") << QStringLiteral("DCS.4097")
                            << QString();
    QTest::newRow("other number") << QStringLiteral("12345") << QStringLiteral("12345")
                                  << QString();
}

void TestApiError::legacyCode() {
    QFETCH(QString, sent);
    QFETCH(QString, code);
    QFETCH(QString, legacy);
    QCOMPARE(ApiError::normalizeCode(sent), code);

    const QByteArray v1 = QByteArrayLiteral("{\"error\":{\"code\":\"") + sent.toUtf8() +
                          QByteArrayLiteral("\",\"message\":\"m\"}}");
    const ApiError e = ApiError::fromHttpResponse(400, v1, {});
    QCOMPARE(e.code, code);
    QCOMPARE(e.legacyCode, legacy);

    // Some old gateways send the legacy code as a JSON number.
    if (sent.startsWith(QLatin1String("111"))) {
        const QByteArray numeric = QByteArrayLiteral("{\"error_code\":") + sent.toUtf8() +
                                   QByteArrayLiteral(",\"error_msg\":\"m\"}");
        const ApiError n = ApiError::fromHttpResponse(400, numeric, {});
        QCOMPARE(n.code, code);
        QCOMPARE(n.legacyCode, legacy);
        QCOMPARE(n.explanation(), explainErrorCode(code));
    }
}

void TestApiError::notJsonBody_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("excerpt");
    QTest::newRow("html 502") << 502
                              << QByteArray("<html><head><title>502 Bad Gateway</title></head>"
                                            "<body><h1>502 Bad Gateway</h1></body></html>")
                              << QStringLiteral("502 Bad Gateway");
    QTest::newRow("plain text") << 503 << QByteArray("upstream connect error")
                                << QStringLiteral("upstream connect error");
    QTest::newRow("empty") << 500 << QByteArray() << QString();
    QTest::newRow("json array") << 400 << QByteArray("[1,2]") << QStringLiteral("[1,2]");
    QTest::newRow("truncated json")
        << 400 << QByteArray("{\"error\":{\"code\":\"DCS.") << QStringLiteral("{\"error\"");
}

void TestApiError::notJsonBody() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, excerpt);
    const ApiError e = ApiError::fromHttpResponse(status, body, "rid");
    QCOMPARE(e.kind, ApiError::Kind::Http);
    QVERIFY(e.code.isEmpty());
    QVERIFY2(e.message.contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(e.message));
    if (!excerpt.isEmpty())
        QVERIFY2(e.message.contains(excerpt), qPrintable(e.message));
    QVERIFY(!e.message.contains(QLatin1Char('<')));
    QCOMPARE(e.requestId, QStringLiteral("rid"));
    QVERIFY(!e.explanation().isEmpty());
    QVERIFY(e.summary().contains(QStringLiteral("rid")));
}

void TestApiError::longHtmlBodyIsShortened() {
    const QByteArray body = "<html><body>" + QByteArray(5000, 'x') + "</body></html>";
    const ApiError e = ApiError::fromHttpResponse(502, body, {});
    QVERIFY(e.message.startsWith(QStringLiteral("HTTP 502")));
    QVERIFY2(e.message.size() < 200, qPrintable(QString::number(e.message.size())));
}

void TestApiError::jsonWithoutErrorFields() {
    const ApiError e = ApiError::fromHttpResponse(404, R"({"something":"else"})", {});
    QVERIFY(e.code.isEmpty());
    QVERIFY(e.message.contains(QStringLiteral("HTTP 404")));
    QVERIFY(!e.explanation().isEmpty());

    // Nulls and wrong types in the error fields do not crash and do not invent a code.
    const ApiError nulls = ApiError::fromHttpResponse(
        500, R"({"error":null,"error_code":null,"error_msg":["x"],"request_id":5})", {});
    QVERIFY(nulls.code.isEmpty());
    QVERIFY(nulls.message.contains(QStringLiteral("HTTP 500")));
}

void TestApiError::everyTableCodeIsExplained_data() {
    QTest::addColumn<QString>("code");
    const char *codes[] = {"DCS.4086", "DCS.4095",   "DCS.4087",   "DCS.4096",  "DCS.4097",
                           "DCS.4049", "DCS.4017",   "DCS.4098",   "DCS.4061",  "DCS.4800",
                           "DCS.4004", "DCS.4005",   "DCS.1001",   "DCS.1002",  "DCS.1003",
                           "DCS.1004", "DCS.2003",   "DCS.3022",   "DCS.4001",  "DCS.5001",
                           "DCS.5000", "APIGW.0301", "APIGW.0303", "APIGW.0308"};
    for (const char *code : codes)
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestApiError::everyTableCodeIsExplained() {
    QFETCH(QString, code);
    const QString text = explainErrorCode(code);
    QVERIFY2(text.size() > 20, qPrintable(code));
    // Case does not matter to the lookup.
    QCOMPARE(explainErrorCode(code.toLower()), text);

    static QSet<QString> seen;
    QVERIFY2(!seen.contains(text), qPrintable(QStringLiteral("duplicate text for ") + code));
    seen.insert(text);

    const ApiError e = ApiError::fromHttpResponse(400,
                                                  QByteArrayLiteral("{\"error\":{\"code\":\"") +
                                                      code.toUtf8() + "\",\"message\":\"m\"}}",
                                                  {});
    QCOMPARE(e.explanation(), text);
}

void TestApiError::everyRecordCodeIsExplained() {
    QSet<QString> texts;
    for (int i = 1; i <= 8; ++i) {
        const QString code = QStringLiteral("dcs.08.%1").arg(i, 4, 10, QLatin1Char('0'));
        const QString text = explainRecordErrorCode(code);
        QVERIFY2(text.size() > 20, qPrintable(code));
        QCOMPARE(explainRecordErrorCode(code.toUpper()), text);
        texts.insert(text);
    }
    QCOMPARE(texts.size(), 8);
    QVERIFY(explainRecordErrorCode(QStringLiteral("dcs.08.0009")).isEmpty());
    QVERIFY(explainRecordErrorCode(QString()).isEmpty());
    // Record codes and API codes are separate tables.
    QVERIFY(explainErrorCode(QStringLiteral("dcs.08.0001")).isEmpty());
}

void TestApiError::unknownCodes() {
    QVERIFY(explainErrorCode(QStringLiteral("DCS.9999")).isEmpty());
    QVERIFY(explainErrorCode(QString()).isEmpty());
    QCOMPARE(explainErrorCode(QStringLiteral("111400097")),
             explainErrorCode(QStringLiteral("DCS.4097")));

    // An unknown code falls back to the explanation by HTTP status.
    const ApiError e = ApiError::fromHttpResponse(
        403, R"({"error":{"code":"DCS.9999","message":"new error"}})", {});
    QCOMPARE(e.code, QStringLiteral("DCS.9999"));
    QVERIFY(!e.explanation().isEmpty());
    const ApiError other = ApiError::fromHttpResponse(
        500, R"({"error":{"code":"DCS.9999","message":"new error"}})", {});
    QVERIFY(e.explanation() != other.explanation());
}

void TestApiError::explanationByKind() {
    using K = ApiError::Kind;
    QSet<QString> texts;
    for (K kind : {K::Network, K::Timeout, K::AnswerLost, K::InvalidResponse, K::Cancelled,
                   K::Transfer, K::InvalidRequest}) {
        const QString text = ApiError::network(kind, QStringLiteral("x")).explanation();
        QVERIFY(!text.isEmpty());
        texts.insert(text);
    }
    QCOMPARE(texts.size(), 7);
    // Every write can lose its answer now, so the advice names no single kind of record.
    const QString lost = ApiError::network(K::AnswerLost, {}).explanation();
    QVERIFY(lost.contains(QStringLiteral("may have been carried out")));
    QVERIFY(lost.contains(QStringLiteral("not sent again")));
    QVERIFY(ApiError().explanation().isEmpty());
    QVERIFY(!ApiError().isError());
}

void TestApiError::networkErrors() {
    const ApiError e =
        ApiError::network(ApiError::Kind::Timeout, QStringLiteral("Operation timed out"));
    QCOMPARE(e.kind, ApiError::Kind::Timeout);
    QVERIFY(e.isError());
    QCOMPARE(e.httpStatus, 0);
    QVERIFY(e.code.isEmpty());
    QCOMPARE(e.message, QStringLiteral("Operation timed out"));
    QVERIFY(e.summary().contains(QStringLiteral("Operation timed out")));
    QVERIFY(!ApiError::network(ApiError::Kind::Network, {}).summary().isEmpty());
}

void TestApiError::summary() {
    const ApiError e = ApiError::fromHttpResponse(
        400, R"({"error":{"code":"DCS.4097","message":"restoring"}})", "rid-7");
    const QString s = e.summary();
    QVERIFY2(s.startsWith(QStringLiteral("DCS.4097: restoring")), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("rid-7")), qPrintable(s));
    QVERIFY(!s.contains(QLatin1Char('\n')));
    QVERIFY(ApiError().summary().isEmpty());
}

void TestApiError::aMissingNetworkModuleIsNotBlamedOnTheNetwork() {
    ApiError error = ApiError::network(ApiError::Kind::Network, QStringLiteral("not loaded"));
    const QString networkHint = error.explanation();
    error.code = QLatin1String(ApiError::kNetworkModuleCode);
    QVERIFY(error.explanation() != networkHint);
    QVERIFY2(error.explanation().contains(QLatin1String("installation")),
             qPrintable(error.explanation()));
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
