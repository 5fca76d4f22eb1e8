#include "RequestVerifier.h"

#include "api/AkSkSigner.h"

#include <QMessageAuthenticationCode>

namespace dcs::sim {

namespace {

GatewayRefusal badSignature(const char *detail) {
    return {QStringLiteral("APIGW.0301"),
            QStringLiteral("Incorrect IAM authentication information: ") +
                QString::fromLatin1(detail)};
}

// Compares without stopping at the first difference, so timing tells nothing about the secret.
bool sameBytes(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

RequestVerifier::RequestVerifier(QByteArray accessKey, QByteArray secretKey)
    : m_accessKey(std::move(accessKey))
    , m_secretKey(std::move(secretKey)) {}

std::optional<GatewayRefusal> RequestVerifier::verify(const SignedRequest &request,
                                                      const QDateTime &now) const {
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return badSignature("Authorization header missing.");
    const AkSkSigner::Authorization auth = AkSkSigner::parseAuthorization(authorization);
    if (!auth.valid)
        return badSignature("unsupported or malformed Authorization header.");

    const QByteArray sdkDate = request.header("x-sdk-date");
    const QDateTime signedAt = AkSkSigner::parseSdkDate(sdkDate);
    if (!signedAt.isValid())
        return GatewayRefusal{QStringLiteral("APIGW.0303"),
                              QStringLiteral("Incorrect app authentication information: the "
                                             "X-Sdk-Date header is missing or malformed.")};
    if (qAbs(signedAt.secsTo(now)) > MaxClockSkewSeconds)
        return GatewayRefusal{QStringLiteral("APIGW.0303"),
                              QStringLiteral("Incorrect app authentication information: the "
                                             "request time is more than 15 minutes away from "
                                             "the server time.")};

    if (!sameBytes(auth.accessKey, m_accessKey))
        return badSignature("the access key is not known.");

    QList<QPair<QByteArray, QByteArray>> signedHeaders;
    for (const QByteArray &name : auth.signedHeaders)
        signedHeaders.append({name, request.header(name)});
    QByteArray canonical = AkSkSigner::canonicalRequest(
        request.method, AkSkSigner::canonicalUri(request.decodedPath),
        AkSkSigner::canonicalQuery(request.decodedQuery), signedHeaders, request.body);
    // The SDKs sign "X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD" (every non-JSON call, GETs without
    // a content type included) and then put that value where the body's hash would be.
    const QByteArray payloadHash = request.header("x-sdk-content-sha256").trimmed();
    if (!payloadHash.isEmpty()) {
        canonical.chop(canonical.size() - canonical.lastIndexOf('\n') - 1);
        canonical += payloadHash;
    }
    const QByteArray expected =
        AkSkSigner::signature(m_secretKey, AkSkSigner::stringToSign(sdkDate, canonical));
    if (!sameBytes(expected, auth.signature))
        return badSignature("verify aksk signature fail.");
    return std::nullopt;
}

} // namespace dcs::sim
