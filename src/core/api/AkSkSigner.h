#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

namespace dcs {

using HeaderPair = QPair<QByteArray, QByteArray>;

// SDK-HMAC-SHA256 request signing as Huawei Cloud's SDKs do it (dcs-api.md §9). The pieces are
// public so dcs-sim can verify with the very same canonicalisation, and tests can check each step.
class AkSkSigner {
public:
    static constexpr const char *Algorithm = "SDK-HMAC-SHA256";

    AkSkSigner(QByteArray accessKey, QByteArray secretKey);

    // Adds Host, X-Sdk-Date (and X-Project-Id when given) and Authorization to the headers.
    // Signs host, x-sdk-date, content-type and x-project-id when present, like the C++ SDK.
    QList<HeaderPair> sign(const QByteArray &method, const QUrl &url, QList<HeaderPair> headers,
                           const QByteArray &body, const QDateTime &now) const;

    const QByteArray &accessKey() const { return m_accessKey; }

    // "20060102T150405Z"
    static QByteArray formatSdkDate(const QDateTime &utc);
    static QDateTime parseSdkDate(const QByteArray &value);
    // A-Za-z0-9-_.~ kept, the rest %XX upper-case.
    static QByteArray percentEncode(const QByteArray &raw);
    // Each segment encoded, "/" appended when missing. Input is the decoded path.
    static QByteArray canonicalUri(const QString &decodedPath);
    // Sorted by name then value; input items decoded.
    static QByteArray canonicalQuery(const QList<QPair<QString, QString>> &decodedItems);
    static QByteArray canonicalQuery(const QUrl &url);
    // Host as the SDKs send it: with ":port" when the URL names a port.
    static QByteArray hostHeader(const QUrl &url);
    // headers: only those to sign; names in any case.
    static QByteArray canonicalRequest(const QByteArray &method, const QByteArray &canonicalUri,
                                       const QByteArray &canonicalQuery,
                                       const QList<HeaderPair> &signedHeaders,
                                       const QByteArray &body);
    static QByteArray signedHeaderList(const QList<HeaderPair> &signedHeaders);
    static QByteArray stringToSign(const QByteArray &sdkDate, const QByteArray &canonicalRequest);
    static QByteArray signature(const QByteArray &secretKey, const QByteArray &stringToSign);

    struct Authorization {
        bool valid = false;
        QByteArray algorithm;
        QByteArray accessKey;
        QList<QByteArray> signedHeaders; // lower-case
        QByteArray signature;
    };
    static Authorization parseAuthorization(const QByteArray &headerValue);

private:
    QByteArray m_accessKey;
    QByteArray m_secretKey;
};

} // namespace dcs
