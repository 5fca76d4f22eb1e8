#pragma once

#include "api/ApiError.h"
#include "api/Transfer.h"

#include <QByteArray>
#include <QNetworkRequest>

class QNetworkAccessManager;
class QNetworkReply;

// What every request of the engine goes through on the way out and back.
namespace dcs::transfer {

// Sends the request. A write goes out with an upload device that cannot be rewound and
// DoNotBufferUploadDataAttribute, also when its body is empty (a DELETE): Qt's HTTP layer then
// fails the reply with ContentReSendError instead of sending it a second time on its own when
// a connection closes before the answer. Reads are sent as usual (Qt may repeat those).
QNetworkReply *send(QNetworkAccessManager *network, QNetworkRequest request,
                    const QByteArray &method, const QByteArray &body);

// Arms the deadline and the size cap on a reply just sent: either aborts it, and describe()
// then names which one did.
void limit(QNetworkReply *reply, const Limits &limits);

// Marks a reply aborted on purpose (the caller closed, the client was torn down).
void markCancelled(QNetworkReply *reply);

// What went wrong with a finished reply at the transport level, or an error of kind None when
// the transfer itself was sound (the HTTP status is judged by the caller). body is what was
// read; a gzip or deflate body is decoded in place (and cleared when it cannot be).
// For a write, every failure after the request may have left is AnswerLost, with the cause kept
// in the message; failures before (refused, DNS, TLS, a proxy's 407) keep their own kind.
ApiError describe(QNetworkReply *reply, bool write, QByteArray &body);

} // namespace dcs::transfer
