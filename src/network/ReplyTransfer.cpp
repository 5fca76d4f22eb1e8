#include "ReplyTransfer.h"

#include "OneShotUploadDevice.h"
#include "model/PlainText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <zlib.h>

namespace dcs::transfer {

namespace {

const char *const kCancelled = "dcsCancelled";
const char *const kDeadline = "dcsDeadline";
const char *const kTooLarge = "dcsTooLarge";
const char *const kDeadlineMs = "dcsDeadlineMs";
const char *const kMaxBytes = "dcsMaxBytes";

QString bytes(qint64 n) {
    return QLocale().formattedDataSize(n, 0, QLocale::DataSizeTraditionalFormat);
}

QString cutShortMessage(QNetworkReply *reply, const QByteArray &body) {
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (announced.isValid())
        return QCoreApplication::translate(
                   "dcs::Transfer",
                   "The answer was cut short: %1 of the %2 bytes it announced arrived.")
            .arg(body.size())
            .arg(announced.toLongLong());
    return QCoreApplication::translate(
        "dcs::Transfer", "The answer was cut short: the connection closed before it was complete.");
}

enum class Decoded { Plain, Decoded, Broken, Unsupported, TooLarge };

// gzip or zlib-wrapped deflate, as the request announces. The whole stream must be there and end
// properly: a member cut short is an error, not a shorter answer.
Decoded inflateBody(QByteArray &body, qint64 maxBytes) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK) // 32: gzip or zlib header, detected
        return Decoded::Broken;
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(body.data());
    stream.avail_in = uInt(body.size());
    int result = Z_OK;
    char chunk[64 * 1024];
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END)
            break;
        out.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
        if (maxBytes > 0 && out.size() > maxBytes) {
            inflateEnd(&stream);
            return Decoded::TooLarge;
        }
        if (result == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
            break; // all input used and the stream did not end: cut short
    }
    const bool complete = result == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    if (!complete)
        return Decoded::Broken;
    body = out;
    return Decoded::Decoded;
}

Decoded decode(QNetworkReply *reply, QByteArray &body, qint64 maxBytes) {
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity")
        return Decoded::Plain;
    if (encoding != "gzip" && encoding != "x-gzip" && encoding != "deflate")
        return Decoded::Unsupported;
    return inflateBody(body, maxBytes);
}

} // namespace

QNetworkReply *send(QNetworkAccessManager *network, QNetworkRequest request,
                    const QByteArray &method, const QByteArray &body) {
    // Announced here, so Qt leaves the body as it arrives: describe() checks its length against
    // Content-Length and decodes it, refusing a stream that is cut short or not what it says.
    request.setRawHeader("Accept-Encoding", "gzip, deflate");
    if (!isWrite(method)) {
        if (method == "GET")
            return network->get(request);
        return network->head(request);
    }
    auto *device = new OneShotUploadDevice(body);
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    QNetworkReply *reply = network->sendCustomRequest(request, method, device);
    device->setParent(reply);
    return reply;
}

void limit(QNetworkReply *reply, const Limits &limits) {
    reply->setProperty(kDeadlineMs, limits.deadlineMs);
    reply->setProperty(kMaxBytes, limits.maxAnswerBytes);
    if (limits.deadlineMs > 0) {
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, reply, [reply] {
            if (!reply->isRunning())
                return;
            reply->setProperty(kDeadline, true);
            reply->abort();
        });
        deadline->start(limits.deadlineMs);
    }
    if (limits.maxAnswerBytes > 0) {
        const qint64 max = limits.maxAnswerBytes;
        auto tooLarge = [reply] {
            if (reply->isRunning()) {
                reply->setProperty(kTooLarge, true);
                reply->abort();
            }
        };
        // Announced or received: either way the answer is not read further.
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, max, tooLarge] {
            const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
            if (announced.isValid() && announced.toLongLong() > max)
                tooLarge();
        });
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                         [max, tooLarge](qint64 received, qint64 total) {
                             if (received > max || total > max)
                                 tooLarge();
                         });
    }
}

void markCancelled(QNetworkReply *reply) {
    reply->setProperty(kCancelled, true);
}

ApiError describe(QNetworkReply *reply, bool write, QByteArray &body) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();
    auto make = [&](ApiError::Kind kind, const QString &message) {
        ApiError error = ApiError::network(kind, message);
        error.httpStatus = status;
        error.requestId = plain(QString::fromLatin1(reply->rawHeader("X-Request-Id")).trimmed(),
                                plaintext::WordLength);
        return error;
    };
    // After the request may have left, a write's failure is an unknown outcome whatever the
    // cause; the cause stays in the message.
    auto after = [&](ApiError::Kind readKind) {
        return write ? ApiError::Kind::AnswerLost : readKind;
    };

    if (reply->property(kCancelled).toBool())
        return make(ApiError::Kind::Cancelled,
                    QCoreApplication::translate("dcs::Transfer", "The request was cancelled."));
    if (reply->property(kDeadline).toBool()) {
        const int seconds = (reply->property(kDeadlineMs).toInt() + 999) / 1000;
        return make(after(ApiError::Kind::Timeout),
                    QCoreApplication::translate(
                        "dcs::Transfer",
                        "No complete answer within the request's deadline of %1 s; the console "
                        "gave up waiting.")
                        .arg(seconds));
    }
    const qint64 maxBytes = reply->property(kMaxBytes).toLongLong();
    const QString tooLargeText =
        QCoreApplication::translate(
            "dcs::Transfer",
            "The answer is too large (more than %1); the console stopped reading it.")
            .arg(bytes(maxBytes));
    if (reply->property(kTooLarge).toBool() || (maxBytes > 0 && body.size() > maxBytes)) {
        body.clear();
        return make(after(ApiError::Kind::Transfer), tooLargeText);
    }

    // A 407 comes from a proxy: the request went no further than the proxy.
    if (status == 407 || code == QNetworkReply::ProxyAuthenticationRequiredError)
        return make(ApiError::Kind::Network,
                    QCoreApplication::translate(
                        "dcs::Transfer",
                        "The proxy asks for a user name and password (HTTP 407), and the profile "
                        "has none or the wrong ones. Nothing was sent to the service."));

    if (code == QNetworkReply::NoError) {
        // Qt takes a body that stops short of its Content-Length as complete when the
        // connection closes cleanly: compare with what was announced.
        const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
        if (status >= 200 && status < 300 && announced.isValid() &&
            announced.toLongLong() != body.size())
            return make(after(ApiError::Kind::Transfer), cutShortMessage(reply, body));
        const QString encoding =
            plain(QString::fromLatin1(reply->rawHeader("Content-Encoding")), plaintext::WordLength);
        switch (decode(reply, body, maxBytes)) {
        case Decoded::Plain:
        case Decoded::Decoded:
            return {};
        case Decoded::TooLarge:
            body.clear();
            return make(after(ApiError::Kind::Transfer), tooLargeText);
        case Decoded::Unsupported:
            body.clear();
            return make(
                after(ApiError::Kind::Transfer),
                QCoreApplication::translate(
                    "dcs::Transfer",
                    "The answer is encoded as \"%1\", which was not asked for and cannot be "
                    "read.")
                    .arg(encoding));
        case Decoded::Broken:
            body.clear();
            // An error status stays the main fact; its body is just unreadable.
            if (status >= 400)
                return {};
            return make(after(ApiError::Kind::Transfer),
                        QCoreApplication::translate(
                            "dcs::Transfer",
                            "The answer says it is compressed (%1) but could not be decoded: it is "
                            "damaged, incomplete or not compressed at all.")
                            .arg(encoding));
        }
        return {};
    }
    // The service answered with an error status: the caller reads its body.
    if (status >= 400)
        return {};

    if (status > 0) {
        // The status line and headers came; the body did not arrive whole or is unreadable.
        if (code == QNetworkReply::RemoteHostClosedError)
            return make(after(ApiError::Kind::Transfer), cutShortMessage(reply, body));
        return make(after(ApiError::Kind::Transfer),
                    QCoreApplication::translate("dcs::Transfer",
                                                "The answer could not be read completely: %1")
                        .arg(reply->errorString()));
    }

    const QString sslErrors = reply->property("dcsSslErrors").toString();
    switch (code) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return make(after(ApiError::Kind::Timeout),
                    QCoreApplication::translate(
                        "dcs::Transfer",
                        "No answer: the connection stayed silent for longer than the profile's "
                        "timeout."));
    case QNetworkReply::RemoteHostClosedError:
        return make(
            after(ApiError::Kind::Transfer),
            QCoreApplication::translate(
                "dcs::Transfer", "The service closed the connection without a valid HTTP answer."));
    case QNetworkReply::ContentReSendError:
        return make(ApiError::Kind::AnswerLost,
                    QCoreApplication::translate(
                        "dcs::Transfer",
                        "The connection closed before the answer came; the request was not sent "
                        "a second time."));
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolInvalidOperationError:
        return make(after(ApiError::Kind::Transfer),
                    QCoreApplication::translate("dcs::Transfer", "The answer is not valid HTTP."));
    // Failures before anything was sent: the request never left.
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::UnknownProxyError:
        return make(ApiError::Kind::Network,
                    sslErrors.isEmpty() ? reply->errorString() : sslErrors);
    default:
        return make(after(ApiError::Kind::Network),
                    sslErrors.isEmpty() ? reply->errorString() : sslErrors);
    }
}

} // namespace dcs::transfer
