#pragma once

#include "api/AkSkSigner.h"
#include "api/ApiError.h"
#include "api/Transfer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

namespace dcs {

// The proxy one client's requests go through.
struct ProxyChoice {
    enum class Mode { System, None, Http, Socks5 };
    Mode mode = Mode::System; // the system's settings, for this client only
    QString host;
    quint16 port = 0;
    QString user;
    QString password; // in memory only
};

// How one client's engine talks: the same for every request it sends.
struct HttpSettings {
    ProxyChoice proxy;
    QByteArray extraCaPem;         // PEM certificates trusted in addition to the system's
    int transferTimeoutMs = 30000; // inactivity: no byte for this long ends a request
    transfer::Limits limits;
};

struct HttpRequest {
    QByteArray method;
    QUrl url;
    QList<HeaderPair> headers;
    QByteArray body;
    // A POST that changes nothing at the service (a sign-in): sent once like every write, but a
    // failure after it left is judged as a read's, not as an unknown outcome.
    bool judgedAsRead = false;
};

// The first header of that name in headers, case-insensitively; empty when absent.
inline QByteArray headerValue(const QList<HeaderPair> &headers, const QByteArray &name) {
    for (const HeaderPair &pair : headers)
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    return {};
}

struct HttpAnswer {
    int status = 0;  // 0: no HTTP answer
    QByteArray body; // decoded; empty when it could not be read
    // What went wrong at the transport level; kind None when the transfer itself was sound
    // (the HTTP status is the caller's to judge).
    ApiError error;
    QList<HeaderPair> headers;
    // A write sent through a forwarding proxy that Qt would have had to send a second time:
    // whether the proxy refused it (probeProxy) decides what the caller reports.
    bool lostAtForwardingProxy = false;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
};

// How a file download ended.
struct HttpFileEnd {
    int status = 0;        // 0: no HTTP answer
    qint64 announced = -1; // Content-Length; -1 when none
    QByteArray body;       // the answer of any status but 200 (a 200's bytes went to received)
    QList<HeaderPair> headers;
    QUrl url;            // where the file came from, after any redirect
    bool failed = false; // the transport reported an error ...
    QString errorString; // ... this one
};

// The events of one file download, on the engine's thread.
struct HttpFileEvents {
    // Bytes of a 200 answer as they arrive; announced is its Content-Length, -1 when none.
    std::function<void(qint64 announced, const QByteArray &chunk)> received;
    // Once, at the end, unless the download was stopped.
    std::function<void(const HttpFileEnd &end)> finished;
};

// A file download in flight. Destroying it aborts the download without any further event.
class HttpFileTransfer {
public:
    virtual ~HttpFileTransfer() = default;
};

// The network of one client: its connections, proxy and TLS configuration. Callbacks come on the
// thread that created the engine, never after the engine is destroyed, and always later than the
// call that asked for them.
class HttpEngine {
public:
    virtual ~HttpEngine() = default;

    // One request. A write (anything but GET/HEAD) goes out so that not even the network layer
    // repeats it; through a forwarding proxy with a user it carries Basic credentials from the
    // start, because answering a 407 would mean sending it again.
    virtual void send(const HttpRequest &request, std::function<void(HttpAnswer)> done) = 0;
    // Whether the proxy in front of url refuses requests for want of credentials (a 407 for a
    // harmless read of the endpoint's root).
    virtual void probeProxy(const QUrl &url, std::function<void(bool refused)> done) = 0;
    // A pre-signed file link: redirects to a host that is no less safe are followed, and the
    // bytes come as stored (no content encoding), so they can be counted.
    virtual std::unique_ptr<HttpFileTransfer> downloadFile(const QUrl &url,
                                                           HttpFileEvents events) = 0;
    // Abandons every request and download in flight: requests answer Kind::Cancelled.
    virtual void abortAll() = 0;
};

// The network layer (Qt Network and what it brings: TLS, proxies, Kerberos). The console loads
// it as a module of its own after its first frame; tests and tools link it in. Which one a
// program gets is decided when it is linked (src/network/CMakeLists.txt).
class NetworkModule {
public:
    // Raised whenever this file changes the types the module and the program share: the module's
    // entry point refuses a program of another version.
    static constexpr int kInterfaceVersion = 1;
    // extern "C" NetworkModule *dcs_network_module(int interfaceVersion), in the module.
    static constexpr const char *kEntryPoint = "dcs_network_module";

    virtual ~NetworkModule() = default;
    virtual std::unique_ptr<HttpEngine> createEngine(const HttpSettings &settings) = 0;
    // The PEM certificates in pem that can be read; -1 is never returned.
    virtual int certificateCount(const QByteArray &pem) = 0;
};

namespace network {
// The module, loaded on the first call. nullptr when it cannot be loaded; error() says why.
NetworkModule *module();
// Translated: why module() is nullptr; empty while it is not.
QString loadError();
} // namespace network

} // namespace dcs
