#pragma once

#include "api/AkSkSigner.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace dcs {

// One finished request, for the request log. Headers and body are stored already redacted:
// nothing secret ever reaches the log, its file or the clipboard.
struct RequestLogEntry {
    QDateTime startedAt;
    QString profileName;
    QByteArray method;
    QUrl url;
    int httpStatus = 0;
    qint64 durationMs = 0;
    qint64 responseBytes = 0; // the answer's body as read (decoded), for counting what was read
    QString requestId;
    QString errorCode;
    QList<HeaderPair> requestHeaders; // redacted
    QByteArray requestBody;           // redacted
};

namespace redaction {

QByteArray placeholderFor(const QByteArray &headerName);
bool isSecretHeader(const QByteArray &name);
QList<HeaderPair> headers(const QList<HeaderPair> &headers);
// JSON bodies: every value whose key names a password, secret or token is replaced.
QByteArray body(const QByteArray &body);

} // namespace redaction

// A curl command line for the entry, secrets as shell-variable placeholders ("$DCS_AUTHORIZATION")
// that the user fills in; the signature itself could not be reused anyway (it covers the date).
QString curlCommand(const RequestLogEntry &entry);

} // namespace dcs

Q_DECLARE_METATYPE(dcs::RequestLogEntry)
