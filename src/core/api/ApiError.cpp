#include "api/ApiError.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace dcs {

namespace {

using L1 = QLatin1String;

// For the QT_TRANSLATE_NOOP tables below; direct calls spell the context out so lupdate sees it.
QString translated(const char *text) {
    return QCoreApplication::translate("dcs::ApiError", text);
}

struct CodeText {
    const char *code;
    const char *text;
};

// dcs-api.md §8: what went wrong and what the administrator can do about it.
const CodeText errorCodeTexts[] = {
    {"DCS.4086",
     QT_TRANSLATE_NOOP("dcs::ApiError", "Single-node instances do not support backup and restore. "
                                        "Use a master/standby or cluster instance for this.")},
    {"DCS.4095", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "This instance does not support backup and restore. Check its "
                                   "type and engine version in the instance details.")},
    {"DCS.4087",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The backup cannot be restored: it has not succeeded or is "
                                        "marked as not restorable. Choose another backup.")},
    {"DCS.4096",
     QT_TRANSLATE_NOOP("dcs::ApiError", "A backup of this instance is running. Wait until it has "
                                        "finished, then try again.")},
    {"DCS.4097", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "A restore of this instance is already running. Follow it in "
                                   "the restore records instead of starting another.")},
    {"DCS.4049", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The instance is not running. Wait until its status is Running, "
                                   "then try again.")},
    {"DCS.4017", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "Another job of this instance is running. Wait until it has "
                                   "finished, then try again.")},
    {"DCS.4098", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The remark is longer than 128 characters. Shorten it and try "
                                   "again.")},
    {"DCS.4061", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The instance ID is not valid. Refresh the instance list and "
                                   "select the instance again.")},
    {"DCS.4800", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "A parameter of the request is invalid, for example the backup "
                                   "ID. Refresh the backup list and choose the backup again.")},
    {"DCS.4004", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The request body was empty. This is a fault in the console; "
                                   "please report it.")},
    {"DCS.4005", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The request body was not valid JSON. This is a fault in the "
                                   "console; please report it.")},
    {"DCS.1001", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The token is invalid. Sign in again or check the profile's "
                                   "credentials.")},
    {"DCS.1002",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The token has expired. Sign in again to get a new one.")},
    {"DCS.1003",
     QT_TRANSLATE_NOOP("dcs::ApiError", "No token was sent. Check the profile's authentication "
                                        "settings.")},
    {"DCS.1004", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The project does not match the token. Check the project ID "
                                   "and region of the profile.")},
    {"DCS.2003",
     QT_TRANSLATE_NOOP("dcs::ApiError", "Your role lacks the permission for this operation. Ask an "
                                        "administrator to grant the DCS permissions you need.")},
    {"DCS.3022",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The instance does not exist. It may have been deleted; "
                                        "refresh the instance list.")},
    {"DCS.4001", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The URL does not exist. Check the endpoint and region of the "
                                   "profile.")},
    {"APIGW.0101",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The API gateway does not know this API here. Check the "
                                        "endpoint, and the profile's API version (v1.0 or v2).")},
    {"DCS.5001", QT_TRANSLATE_NOOP("dcs::ApiError",
                                   "The method is not allowed for this URL. Check the endpoint of "
                                   "the profile; please report it if it is right.")},
    {"DCS.5000",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The service had an internal error. Wait a moment and try "
                                        "again; quote the request ID to support if it persists.")},
    {"APIGW.0301", QT_TRANSLATE_NOOP("dcs::ApiError",
                                     "Authentication failed: the AK/SK signature or the token is "
                                     "wrong. Check the access key, secret key and project ID.")},
    {"APIGW.0303", QT_TRANSLATE_NOOP("dcs::ApiError",
                                     "The request time differs from the server time by more than "
                                     "15 minutes. Correct this computer's clock.")},
    {"APIGW.0308", QT_TRANSLATE_NOOP("dcs::ApiError",
                                     "Too many requests: the call was throttled. Wait a moment and "
                                     "try again.")},
};

// §7: the error_code of a backup or restore record.
const CodeText recordCodeTexts[] = {
    {"dcs.08.0001",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The backup or restore tool failed to start. Try again "
                                        "later; contact support if it keeps failing.")},
    {"dcs.08.0002",
     QT_TRANSLATE_NOOP("dcs::ApiError", "The backup or restore timed out. Try again at a quieter "
                                        "time.")},
    {"dcs.08.0003",
     QT_TRANSLATE_NOOP("dcs::ApiError", "Deleting the storage bucket failed. Contact support.")},
    {"dcs.08.0004", QT_TRANSLATE_NOOP("dcs::ApiError",
                                      "Getting the AK/SK for the backup storage failed. Check the "
                                      "account's permissions and try again.")},
    {"dcs.08.0005",
     QT_TRANSLATE_NOOP("dcs::ApiError", "Creating the storage bucket failed. Check the storage "
                                        "quota and try again.")},
    {"dcs.08.0006",
     QT_TRANSLATE_NOOP("dcs::ApiError", "Getting the backup size failed. Try again; if it fails "
                                        "again, use another backup.")},
    {"dcs.08.0007",
     QT_TRANSLATE_NOOP("dcs::ApiError", "Data synchronisation failed during the restore. Check the "
                                        "instance's data and restore again if needed.")},
    {"dcs.08.0008", QT_TRANSLATE_NOOP("dcs::ApiError",
                                      "The automatic backup was skipped because another job of the "
                                      "instance was running. No action is needed.")},
};

template <std::size_t N> QString lookUp(const CodeText (&table)[N], const QString &code) {
    const QString wanted = code.trimmed();
    if (wanted.isEmpty())
        return {};
    for (const CodeText &entry : table) {
        if (wanted.compare(L1(entry.code), Qt::CaseInsensitive) == 0)
            return translated(entry.text);
    }
    return {};
}

// What to show when the body says nothing usable: the first words of an HTML error page or the
// like, without its markup.
QString bodyExcerpt(const QByteArray &body) {
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = QString::fromUtf8(body.left(4096));
    text.remove(tags);
    text = text.simplified();
    constexpr int maxLength = 120;
    if (text.size() > maxLength)
        text = text.left(maxLength) + QChar(0x2026);
    return text;
}

QString stringOf(const QJsonValue &value) {
    // Codes may come as numbers (111400097); json::string writes those without wrapping.
    if (value.isString() || value.isDouble())
        return json::string(value);
    return {};
}

QString firstString(const QJsonObject &object, std::initializer_list<QLatin1String> keys) {
    for (const QLatin1String &key : keys) {
        const QString text = stringOf(object.value(key));
        if (!text.isEmpty())
            return text;
    }
    return {};
}

} // namespace

ApiError ApiError::fromHttpResponse(int httpStatus, const QByteArray &body,
                                    const QByteArray &requestIdHeader) {
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;

    QString rawCode;
    QString extMessage;
    QString bodyRequestId;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue nested = root.value(L1("error"));
        if (nested.isObject()) {
            // v1.0 DCS: {"error": {"code", "message", "ext_message"}}
            const QJsonObject inner = nested.toObject();
            rawCode = firstString(inner, {L1("code"), L1("error_code")});
            error.message = firstString(inner, {L1("message"), L1("error_msg")});
            extMessage = firstString(inner, {L1("ext_message"), L1("error_ext_msg")});
            bodyRequestId = firstString(inner, {L1("request_id")});
        }
        // v2 DCS and the API gateway put everything at the top level.
        if (rawCode.isEmpty())
            rawCode = firstString(root, {L1("error_code"), L1("code")});
        if (error.message.isEmpty())
            error.message = firstString(root, {L1("error_msg"), L1("message")});
        if (extMessage.isEmpty())
            extMessage = firstString(root, {L1("error_ext_msg"), L1("ext_message")});
        if (bodyRequestId.isEmpty())
            bodyRequestId = firstString(root, {L1("request_id")});
    }

    error.code = normalizeCode(rawCode.trimmed());
    if (error.code != rawCode.trimmed())
        error.legacyCode = rawCode.trimmed();
    if (error.message.isEmpty())
        error.message = extMessage;
    else if (!extMessage.isEmpty() && extMessage != error.message)
        error.message += QStringLiteral(" (%1)").arg(extMessage);

    if (error.code.isEmpty() && error.message.isEmpty()) {
        error.message = QCoreApplication::translate("dcs::ApiError", "HTTP %1").arg(httpStatus);
        const QString excerpt = bodyExcerpt(body);
        if (!excerpt.isEmpty())
            error.message += QStringLiteral(": ") + excerpt;
    }

    const QString headerId = QString::fromLatin1(requestIdHeader).trimmed();
    error.requestId = headerId.isEmpty() ? bodyRequestId.trimmed() : headerId;
    // The service's words are shown as plain text, never as markup, and never at any length.
    error.code = plain(error.code, plaintext::WordLength);
    error.legacyCode = plain(error.legacyCode, plaintext::WordLength);
    error.message = plain(error.message, plaintext::LongTextLength);
    error.requestId = plain(error.requestId, plaintext::WordLength);
    return error;
}

ApiError ApiError::network(Kind kind, const QString &message) {
    ApiError error;
    error.kind = kind;
    error.message = message;
    return error;
}

int ApiError::parseRetryAfter(const QByteArray &value, const QDateTime &now) {
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(qMin<qint64>(seconds, 24 * 3600) * 1000);
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime at = QDateTime::fromString(QString::fromLatin1(text),
                                         QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return -1;
    at.setTimeSpec(Qt::UTC);
    return int(qBound<qint64>(0, now.msecsTo(at), qint64(24) * 3600 * 1000));
}

QString ApiError::normalizeCode(const QString &code) {
    // 111400097 -> DCS.4097: "111", the class digit, two zeros, then the last three digits.
    static const QRegularExpression legacy(QStringLiteral("^111(\\d)00(\\d{3})$"));
    const QRegularExpressionMatch match = legacy.match(code.trimmed());
    if (!match.hasMatch())
        return code;
    return QStringLiteral("DCS.%1%2").arg(match.captured(1), match.captured(2));
}

QString ApiError::explanation() const {
    const QString known = explainErrorCode(code);
    if (!known.isEmpty())
        return known;
    if (code == QLatin1String(kNetworkModuleCode))
        return QCoreApplication::translate(
            "dcs::ApiError",
            "Nothing was sent. This is a fault of the console's installation, not of the network "
            "or of the profile.");

    // The API gateway answers before DCS sees the call: its 404 is about the URL, not about an
    // instance or a backup that may have been deleted.
    if (code.startsWith(QLatin1String("APIGW."), Qt::CaseInsensitive)) {
        if (httpStatus == 404)
            return QCoreApplication::translate(
                "dcs::ApiError",
                "The API gateway does not know this URL. Check the DCS endpoint and region of "
                "the profile.");
        if (httpStatus == 401 || httpStatus == 403)
            return QCoreApplication::translate(
                "dcs::ApiError",
                "The API gateway did not let the request through. Check the profile's access "
                "key, secret key or password, its project ID and region.");
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The API gateway in front of DCS refused the request; the message above says why. "
            "Check the endpoint, region and credentials of the profile.");
    }

    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Http:
        if (httpStatus == 401)
            return QCoreApplication::translate(
                "dcs::ApiError",
                "The service did not accept the credentials. Check the profile's access "
                "key, secret key or password, and its project ID.");
        if (httpStatus == 403)
            return QCoreApplication::translate(
                "dcs::ApiError",
                "The account is not allowed to do this. Ask an administrator for the DCS "
                "permissions you need.");
        if (httpStatus == 404)
            return QCoreApplication::translate(
                "dcs::ApiError",
                "The resource was not found. Refresh the list; it may have been deleted.");
        if (httpStatus == 429)
            return QCoreApplication::translate("dcs::ApiError",
                                               "Too many requests. Wait a moment and try again.");
        if (httpStatus >= 500)
            return QCoreApplication::translate(
                "dcs::ApiError",
                "The service had a problem answering. Wait a moment and try again; quote "
                "the request ID to support if it persists.");
        return QCoreApplication::translate(
            "dcs::ApiError", "The service refused the request. The message above says why.");
    case Kind::Network:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The service could not be reached. Check the network connection, the proxy "
            "and the endpoint of the profile.");
    case Kind::Timeout:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The service did not answer in time. Check the network and try again; for a "
            "restore, check the restore records before trying again.");
    case Kind::AnswerLost:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The answer was lost: the request may have been carried out. It was not sent "
            "again; look at the current state before trying again.");
    case Kind::InvalidResponse:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The service answered with something the console does not understand. Check "
            "the endpoint of the profile; quote the request ID to support if it is right.");
    case Kind::Cancelled:
        return QCoreApplication::translate("dcs::ApiError", "The request was cancelled.");
    case Kind::Unsupported:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "This needs DCS API v2. The profile speaks v1.0 (or the service answers only v1.0): "
            "set its API version to v2 or Automatic if the region offers v2.");
    case Kind::Transfer:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The answer did not arrive whole or could not be read. Try again; if it keeps "
            "happening, check that the endpoint is the DCS API and whether a proxy between "
            "the console and the service alters answers.");
    case Kind::InvalidRequest:
        return QCoreApplication::translate(
            "dcs::ApiError",
            "The console did not send this request because an ID in it is missing or not "
            "valid. Refresh the list and choose again.");
    }
    return {};
}

QString ApiError::summary() const {
    if (kind == Kind::None)
        return {};

    QString text = message;
    if (text.isEmpty()) {
        switch (kind) {
        case Kind::Http:
            text = QCoreApplication::translate("dcs::ApiError", "HTTP %1").arg(httpStatus);
            break;
        case Kind::Network:
            text = QCoreApplication::translate("dcs::ApiError", "Network error");
            break;
        case Kind::Timeout:
            text = QCoreApplication::translate("dcs::ApiError", "Timed out");
            break;
        case Kind::AnswerLost:
            text = QCoreApplication::translate("dcs::ApiError", "Answer lost");
            break;
        case Kind::InvalidResponse:
            text = QCoreApplication::translate("dcs::ApiError", "Invalid response");
            break;
        case Kind::Cancelled:
            text = QCoreApplication::translate("dcs::ApiError", "Cancelled");
            break;
        case Kind::Unsupported:
            text = QCoreApplication::translate("dcs::ApiError", "Needs API v2");
            break;
        case Kind::Transfer:
            text = QCoreApplication::translate("dcs::ApiError", "Transfer error");
            break;
        case Kind::InvalidRequest:
            text = QCoreApplication::translate("dcs::ApiError", "Not sent");
            break;
        case Kind::None:
            break;
        }
    }
    if (!code.isEmpty())
        text = QStringLiteral("%1: %2").arg(code, text);
    if (!requestId.isEmpty())
        text += QLatin1Char(' ') +
                QCoreApplication::translate("dcs::ApiError", "(request ID %1)").arg(requestId);
    return text;
}

QString explainErrorCode(const QString &code) {
    return lookUp(errorCodeTexts, ApiError::normalizeCode(code));
}

QString explainRecordErrorCode(const QString &code) {
    return lookUp(recordCodeTexts, code);
}

} // namespace dcs
