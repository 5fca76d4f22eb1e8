#pragma once

#include <QByteArray>
#include <QString>

namespace dcs::transfer {

// GET and HEAD only read; everything else (POST, PUT, PATCH, DELETE …) may change something.
bool isWrite(const QByteArray &method);

// The limits every request gets besides the inactivity timeout of the request itself.
struct Limits {
    int deadlineMs = 120000;                    // the whole exchange, however slowly it trickles
    qint64 maxAnswerBytes = 32LL * 1024 * 1024; // one answer, as received
};

// "The service redirected the request to …; redirects are not followed."
QString redirectMessage(int status, const QByteArray &location);

} // namespace dcs::transfer
