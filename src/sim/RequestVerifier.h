#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <optional>

namespace dcs::sim {

// What a request looks like to the signature check: the path and query already decoded, the
// headers reachable by (case-insensitive) name.
struct SignedRequest {
    QByteArray method;
    QString decodedPath;
    QList<QPair<QString, QString>> decodedQuery;
    std::function<QByteArray(const QByteArray &lowerCaseName)> header;
    QByteArray body;
};

// Why the gateway refused a request: APIGW.0301 (signature, key) or APIGW.0303 (clock).
struct GatewayRefusal {
    QString code;
    QString message;
};

// Checks SDK-HMAC-SHA256 signatures the way Huawei Cloud's API gateway does (dcs-api.md §9),
// with the canonicalisation of dcs::AkSkSigner so signer and verifier cannot drift apart.
class RequestVerifier {
public:
    RequestVerifier(QByteArray accessKey, QByteArray secretKey);

    static constexpr qint64 MaxClockSkewSeconds = 15 * 60;

    // nullopt when the request is authentic.
    std::optional<GatewayRefusal> verify(const SignedRequest &request, const QDateTime &now) const;

private:
    QByteArray m_accessKey;
    QByteArray m_secretKey;
};

} // namespace dcs::sim
