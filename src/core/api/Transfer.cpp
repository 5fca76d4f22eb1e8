#include "api/Transfer.h"

#include "model/PlainText.h"

#include <QCoreApplication>

namespace dcs::transfer {

bool isWrite(const QByteArray &method) {
    return method != "GET" && method != "HEAD";
}

QString redirectMessage(int status, const QByteArray &location) {
    const QString where = plain(QString::fromUtf8(location));
    if (where.isEmpty())
        return QCoreApplication::translate(
                   "dcs::Transfer",
                   "The service answered with a redirect (HTTP %1) to no address; redirects are "
                   "not followed.")
            .arg(status);
    return QCoreApplication::translate(
               "dcs::Transfer",
               "The service redirected the request to %1 (HTTP %2); redirects are not followed, "
               "so that a signed request is never sent somewhere else.")
        .arg(where)
        .arg(status);
}

} // namespace dcs::transfer
