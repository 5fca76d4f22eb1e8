#include "api/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dcs {

namespace redaction {

bool isSecretHeader(const QByteArray &name) {
    const QByteArray lower = name.toLower();
    return lower == "authorization" || lower == "x-auth-token" || lower == "x-subject-token" ||
           lower == "x-security-token" || lower == "proxy-authorization" || lower == "cookie";
}

QByteArray placeholderFor(const QByteArray &headerName) {
    QByteArray name = headerName.toUpper();
    name.replace('-', '_');
    return "$DCS_" + name;
}

QList<HeaderPair> headers(const QList<HeaderPair> &input) {
    QList<HeaderPair> result;
    result.reserve(input.size());
    for (const auto &header : input)
        result.append({header.first,
                       isSecretHeader(header.first) ? QByteArray("<redacted>") : header.second});
    return result;
}

static bool isSecretKey(const QString &key) {
    const QString lower = key.toLower();
    return lower.contains(QLatin1String("password")) || lower.contains(QLatin1String("secret")) ||
           lower == QLatin1String("sk") || lower.contains(QLatin1String("token"));
}

static QJsonValue scrub(const QJsonValue &value) {
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretKey(it.key()) && (it.value().isString() || it.value().isDouble()))
                it.value() = QStringLiteral("<redacted>");
            else
                it.value() = scrub(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = scrub(*it);
        return array;
    }
    return value;
}

QByteArray body(const QByteArray &input) {
    if (input.isEmpty())
        return input;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    if (error.error != QJsonParseError::NoError)
        return QByteArray("<") + QByteArray::number(input.size()) + " bytes, not JSON>";
    if (doc.isObject())
        return QJsonDocument(scrub(doc.object()).toObject()).toJson(QJsonDocument::Compact);
    return QJsonDocument(scrub(doc.array()).toArray()).toJson(QJsonDocument::Compact);
}

} // namespace redaction

static QString shellQuote(const QString &text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString curlCommand(const RequestLogEntry &entry) {
    QStringList parts{QStringLiteral("curl"), QStringLiteral("-X"),
                      QString::fromLatin1(entry.method)};
    for (const auto &header : entry.requestHeaders) {
        const QByteArray value = redaction::isSecretHeader(header.first)
                                     ? redaction::placeholderFor(header.first)
                                     : header.second;
        // Placeholders go in double quotes so the shell expands them.
        const QString line =
            QString::fromLatin1(header.first) + QStringLiteral(": ") + QString::fromUtf8(value);
        parts << QStringLiteral("-H")
              << (redaction::isSecretHeader(header.first)
                      ? QLatin1Char('"') + line + QLatin1Char('"')
                      : shellQuote(line));
    }
    if (!entry.requestBody.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(QString::fromUtf8(entry.requestBody));
    parts << shellQuote(entry.url.toString(QUrl::FullyEncoded));
    return parts.join(QLatin1Char(' '));
}

} // namespace dcs
