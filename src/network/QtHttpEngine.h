#pragma once

#include "api/HttpEngine.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <optional>

class QNetworkAccessManager;

namespace dcs {

// The engine on Qt Network: one QNetworkAccessManager per client, so that a profile's proxy and
// trusted certificates never reach another profile's requests.
class QtHttpEngine : public HttpEngine {
public:
    explicit QtHttpEngine(HttpSettings settings);
    ~QtHttpEngine() override;

    void send(const HttpRequest &request, std::function<void(HttpAnswer)> done) override;
    void probeProxy(const QUrl &url, std::function<void(bool refused)> done) override;
    std::unique_ptr<HttpFileTransfer> downloadFile(const QUrl &url, HttpFileEvents events) override;
    void abortAll() override;

private:
    // Built once, for the first https:// request: an http:// endpoint (the local simulator)
    // never loads the TLS backend.
    const QSslConfiguration &sslConfiguration() const;
    // The HTTP proxy a plain http:// request is forwarded through, or NoProxy.
    QNetworkProxy forwardingProxyFor(const QUrl &url) const;

    HttpSettings m_settings;
    QNetworkAccessManager *m_network;
    mutable std::optional<QSslConfiguration> m_ssl;
};

} // namespace dcs
