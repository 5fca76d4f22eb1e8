#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace dcs {

// Every way a call can fail, reduced to one value the UI can show: what happened, the server's
// code and message when it answered, and the X-Request-Id to quote to support.
struct ApiError {
    enum class Kind {
        None,
        Http,            // the server answered with an error status
        Network,         // no answer: refused, DNS, TLS, reset before sending
        Timeout,         // the transfer timeout ran out
        AnswerLost,      // a non-repeatable request (restore) may have reached the server
        InvalidResponse, // 2xx whose body is not what the contract says
        Cancelled,
        Unsupported,    // the call needs DCS API v2 and the profile speaks v1.0; nothing was sent
        Transfer,       // an answer came but broken: cut short, undecodable, malformed, too large
        InvalidRequest, // refused by the console itself before sending (an empty or odd id)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;       // DCS.4097, APIGW.0301 ... (legacy numeric codes normalised)
    QString legacyCode; // 111400097 when that is what the server sent
    QString message;    // the server's message, or Qt's description of a network failure
    QString requestId;  // X-Request-Id header, else request_id from the body
    // How long the server asked to wait before asking again (Retry-After, with a 429 or 503);
    // -1 when it did not say.
    int retryAfterMs = -1;

    bool isError() const { return kind != Kind::None; }

    // Reads all three error body shapes of dcs-api.md §8.
    static ApiError fromHttpResponse(int httpStatus, const QByteArray &body,
                                     const QByteArray &requestIdHeader);
    static ApiError network(Kind kind, const QString &message);
    // The console's own code for "the network module could not be loaded": nothing was sent,
    // and the fault is the installation's, not the network's or the profile's.
    static constexpr const char *kNetworkModuleCode = "CONSOLE.NETWORK-MODULE";

    // A Retry-After header: delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds
    // from now; -1 when absent or unreadable.
    static int parseRetryAfter(const QByteArray &value, const QDateTime &now);

    // 111400097 -> DCS.4097; anything else unchanged.
    static QString normalizeCode(const QString &code);

    // A translated sentence explaining the code (or kind) and what to do about it.
    QString explanation() const;
    // One line for a status bar or log: "DCS.4097: message (request id …)".
    QString summary() const;
};

// Translated explanation of a DCS.*/APIGW.* code; empty when the code is not known.
QString explainErrorCode(const QString &code);
// Translated explanation of a backup/restore record's error_code (dcs.08.000x).
QString explainRecordErrorCode(const QString &code);

} // namespace dcs
