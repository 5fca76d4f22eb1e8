#include "api/AkSkSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>
#include <algorithm>

namespace dcs {

AkSkSigner::AkSkSigner(QByteArray accessKey, QByteArray secretKey)
    : m_accessKey(std::move(accessKey))
    , m_secretKey(std::move(secretKey)) {}

QByteArray AkSkSigner::formatSdkDate(const QDateTime &utc) {
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QDateTime AkSkSigner::parseSdkDate(const QByteArray &value) {
    // Date and time apart: parsed as one, the text would be read as local time first and fail
    // in a daylight-saving gap of the local zone.
    if (value.size() != 16 || value.at(8) != 'T' || value.at(15) != 'Z')
        return {};
    const QDate date =
        QDate::fromString(QString::fromLatin1(value.left(8)), QStringLiteral("yyyyMMdd"));
    const QTime time =
        QTime::fromString(QString::fromLatin1(value.mid(9, 6)), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

QByteArray AkSkSigner::percentEncode(const QByteArray &raw) {
    // QByteArray::toPercentEncoding keeps exactly A-Za-z0-9-._~ and writes upper-case hex.
    return raw.toPercentEncoding();
}

QByteArray AkSkSigner::canonicalUri(const QString &decodedPath) {
    const QStringList segments = decodedPath.split(QLatin1Char('/'));
    QByteArrayList encoded;
    encoded.reserve(segments.size());
    for (const QString &segment : segments)
        encoded.append(percentEncode(segment.toUtf8()));
    QByteArray uri = encoded.join('/');
    if (uri.isEmpty() || !uri.startsWith('/'))
        uri.prepend('/');
    if (!uri.endsWith('/'))
        uri.append('/');
    return uri;
}

QByteArray AkSkSigner::canonicalQuery(const QList<QPair<QString, QString>> &decodedItems) {
    QList<QPair<QByteArray, QByteArray>> items;
    items.reserve(decodedItems.size());
    for (const auto &item : decodedItems)
        items.append({percentEncode(item.first.toUtf8()), percentEncode(item.second.toUtf8())});
    // Byte order of the encoded names, then of the values within a name (the SDKs sort the
    // encoded strings).
    std::sort(items.begin(), items.end());
    QByteArrayList parts;
    parts.reserve(items.size());
    for (const auto &item : items)
        parts.append(item.first + '=' + item.second);
    return parts.join('&');
}

QByteArray AkSkSigner::canonicalQuery(const QUrl &url) {
    const QUrlQuery query(url);
    return canonicalQuery(query.queryItems(QUrl::FullyDecoded));
}

QByteArray AkSkSigner::hostHeader(const QUrl &url) {
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':')) // IPv6 literal
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

static QList<HeaderPair> normalizedSorted(const QList<HeaderPair> &headers) {
    QList<HeaderPair> result;
    result.reserve(headers.size());
    for (const auto &header : headers)
        result.append({header.first.toLower(), header.second.trimmed()});
    std::sort(result.begin(), result.end(),
              [](const HeaderPair &a, const HeaderPair &b) { return a.first < b.first; });
    return result;
}

QByteArray AkSkSigner::signedHeaderList(const QList<HeaderPair> &signedHeaders) {
    QByteArrayList names;
    for (const auto &header : normalizedSorted(signedHeaders))
        names.append(header.first);
    return names.join(';');
}

QByteArray AkSkSigner::canonicalRequest(const QByteArray &method, const QByteArray &canonicalUri,
                                        const QByteArray &canonicalQuery,
                                        const QList<HeaderPair> &signedHeaders,
                                        const QByteArray &body) {
    QByteArray headerBlock;
    for (const auto &header : normalizedSorted(signedHeaders))
        headerBlock += header.first + ':' + header.second + '\n';
    return method.toUpper() + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + headerBlock +
           '\n' + signedHeaderList(signedHeaders) + '\n' +
           QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

QByteArray AkSkSigner::stringToSign(const QByteArray &sdkDate, const QByteArray &canonicalRequest) {
    return QByteArray(Algorithm) + '\n' + sdkDate + '\n' +
           QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
}

QByteArray AkSkSigner::signature(const QByteArray &secretKey, const QByteArray &stringToSign) {
    return QMessageAuthenticationCode::hash(stringToSign, secretKey, QCryptographicHash::Sha256)
        .toHex();
}

QList<HeaderPair> AkSkSigner::sign(const QByteArray &method, const QUrl &url,
                                   QList<HeaderPair> headers, const QByteArray &body,
                                   const QDateTime &now) const {
    const QByteArray sdkDate = formatSdkDate(now);
    auto has = [&headers](const QByteArray &name) {
        return std::any_of(headers.cbegin(), headers.cend(), [&name](const HeaderPair &h) {
            return h.first.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (!has("host"))
        headers.append({"Host", hostHeader(url)});
    headers.append({"X-Sdk-Date", sdkDate});

    static const QByteArrayList signable{"host", "x-sdk-date", "content-type", "x-project-id",
                                         "x-security-token"};
    QList<HeaderPair> toSign;
    for (const auto &header : headers) {
        if (signable.contains(header.first.toLower()))
            toSign.append(header);
    }
    const QByteArray request = canonicalRequest(method, canonicalUri(url.path(QUrl::FullyDecoded)),
                                                canonicalQuery(url), toSign, body);
    const QByteArray sig = signature(m_secretKey, stringToSign(sdkDate, request));
    headers.append({"Authorization", QByteArray(Algorithm) + " Access=" + m_accessKey +
                                         ", SignedHeaders=" + signedHeaderList(toSign) +
                                         ", Signature=" + sig});
    return headers;
}

AkSkSigner::Authorization AkSkSigner::parseAuthorization(const QByteArray &headerValue) {
    Authorization auth;
    const QByteArray value = headerValue.trimmed();
    const int space = value.indexOf(' ');
    if (space <= 0)
        return auth;
    auth.algorithm = value.left(space);
    const QByteArrayList parts = value.mid(space + 1).split(',');
    for (const QByteArray &rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const int eq = part.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray name = part.left(eq).trimmed();
        const QByteArray val = part.mid(eq + 1).trimmed();
        if (name == "Access") {
            auth.accessKey = val;
        } else if (name == "SignedHeaders") {
            for (const QByteArray &header : val.split(';')) {
                if (!header.trimmed().isEmpty())
                    auth.signedHeaders.append(header.trimmed().toLower());
            }
        } else if (name == "Signature") {
            auth.signature = val.toLower();
        }
    }
    auth.valid = auth.algorithm == Algorithm && !auth.accessKey.isEmpty() &&
                 !auth.signedHeaders.isEmpty() && !auth.signature.isEmpty();
    return auth;
}

} // namespace dcs
