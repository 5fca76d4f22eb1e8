#include "QtNetworkModule.h"

#include "QtHttpEngine.h"

#include <QSslCertificate>

namespace dcs {

std::unique_ptr<HttpEngine> QtNetworkModule::createEngine(const HttpSettings &settings) {
    return std::make_unique<QtHttpEngine>(settings);
}

int QtNetworkModule::certificateCount(const QByteArray &pem) {
    int count = 0;
    for (const QSslCertificate &certificate : QSslCertificate::fromData(pem, QSsl::Pem))
        if (!certificate.isNull())
            ++count;
    return count;
}

} // namespace dcs
