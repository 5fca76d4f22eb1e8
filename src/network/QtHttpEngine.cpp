#include "QtHttpEngine.h"

#include "ReplyTransfer.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>

namespace dcs {

namespace {

// The system's proxy settings, for one network manager only.
class SystemProxyFactory : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override {
        return systemProxyForQuery(query);
    }
};

// "CN=dcs.example.com, O=Example, C=CN": the names an administrator compares with their CA's.
QString distinguishedName(const QSslCertificate &cert, bool issuer) {
    static const std::pair<QSslCertificate::SubjectInfo, const char *> parts[] = {
        {QSslCertificate::CommonName, "CN"},
        {QSslCertificate::OrganizationalUnitName, "OU"},
        {QSslCertificate::Organization, "O"},
        {QSslCertificate::LocalityName, "L"},
        {QSslCertificate::StateOrProvinceName, "ST"},
        {QSslCertificate::CountryName, "C"}};
    QStringList names;
    for (const auto &[attribute, label] : parts) {
        const QStringList values =
            issuer ? cert.issuerInfo(attribute) : cert.subjectInfo(attribute);
        for (const QString &value : values)
            names.append(QLatin1String(label) + QLatin1Char('=') + value);
    }
    return names.join(QStringLiteral(", "));
}

// "The certificate has expired — subject: CN=…, issuer: CN=…", one line per problem.
QString describeSslErrors(const QList<QSslError> &errors) {
    QStringList lines;
    for (const QSslError &error : errors) {
        const QSslCertificate cert = error.certificate();
        QString line = error.errorString();
        if (!cert.isNull())
            line += QCoreApplication::translate("dcs::DcsClient",
                                                " — certificate subject: %1; issuer: %2")
                        .arg(distinguishedName(cert, false), distinguishedName(cert, true));
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QNetworkProxy qtProxy(const ProxyChoice &choice) {
    switch (choice.mode) {
    case ProxyChoice::Mode::Http:
    case ProxyChoice::Mode::Socks5:
        return QNetworkProxy(choice.mode == ProxyChoice::Mode::Http ? QNetworkProxy::HttpProxy
                                                                    : QNetworkProxy::Socks5Proxy,
                             choice.host, choice.port, choice.user, choice.password);
    case ProxyChoice::Mode::System:
    case ProxyChoice::Mode::None:
        break;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

// What the reply's handlers and the owner's handle share: the owner's events, and whether the
// owner has stopped listening.
struct FileTransferState {
    HttpFileEvents events;
    bool stopped = false;
};

// One download; destroying it is how the owner stops it at any point, also from inside one of
// its events.
class QtFileTransfer : public HttpFileTransfer {
public:
    QtFileTransfer(QNetworkReply *reply, QObject *listener,
                   std::shared_ptr<FileTransferState> state)
        : m_reply(reply)
        , m_listener(listener)
        , m_state(std::move(state)) {}
    ~QtFileTransfer() override {
        m_state->stopped = true;
        delete m_listener.data(); // its connections go with it
        if (!m_reply)
            return;
        m_reply->abort();
        m_reply->deleteLater();
    }

private:
    QPointer<QNetworkReply> m_reply;
    QPointer<QObject> m_listener;
    std::shared_ptr<FileTransferState> m_state;
};

qint64 announcedLength(QNetworkReply *reply) {
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    return length.isValid() ? length.toLongLong() : -1;
}

} // namespace

QtHttpEngine::QtHttpEngine(HttpSettings settings)
    : m_settings(std::move(settings))
    , m_network(new QNetworkAccessManager) {
    // Redirects are not followed: a signed request must not be replayed somewhere else.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // The proxy belongs to this profile's manager: an application-wide proxy would be bypassed
    // for loopback hosts and would leak into other profiles.
    if (m_settings.proxy.mode == ProxyChoice::Mode::System)
        m_network->setProxyFactory(new SystemProxyFactory);
    else
        m_network->setProxy(qtProxy(m_settings.proxy));
    // Certificate problems fail the request; they are recorded so the error can name them.
    QObject::connect(m_network, &QNetworkAccessManager::sslErrors, m_network,
                     [](QNetworkReply *reply, const QList<QSslError> &errors) {
                         reply->setProperty("dcsSslErrors", describeSslErrors(errors));
                     });
}

QtHttpEngine::~QtHttpEngine() {
    // Its replies go with it, without a word to their callers (connected to the manager).
    delete m_network;
}

const QSslConfiguration &QtHttpEngine::sslConfiguration() const {
    if (!m_ssl) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_settings.extraCaPem.isEmpty())
            ssl.addCaCertificates(QSslCertificate::fromData(m_settings.extraCaPem, QSsl::Pem));
        m_ssl = ssl;
    }
    return *m_ssl;
}

QNetworkProxy QtHttpEngine::forwardingProxyFor(const QUrl &url) const {
    // Only plain http:// goes through a proxy as a forwarded request; https:// is tunnelled, and
    // a tunnel's 407 is answered before any byte of the request is sent.
    if (url.scheme() != QLatin1String("http"))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QList<QNetworkProxy> proxies;
    if (QNetworkProxyFactory *factory = m_network->proxyFactory())
        proxies = factory->queryProxy(QNetworkProxyQuery(url));
    else
        proxies.append(m_network->proxy());
    for (const QNetworkProxy &proxy : std::as_const(proxies)) {
        if (proxy.type() == QNetworkProxy::HttpProxy ||
            proxy.type() == QNetworkProxy::HttpCachingProxy)
            return proxy;
        if (proxy.type() != QNetworkProxy::DefaultProxy)
            break;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

void QtHttpEngine::send(const HttpRequest &request, std::function<void(HttpAnswer)> done) {
    const bool write = transfer::isWrite(request.method);
    QNetworkRequest qtRequest(request.url);
    qtRequest.setTransferTimeout(m_settings.transferTimeoutMs);
    if (request.url.scheme() == QLatin1String("https"))
        qtRequest.setSslConfiguration(sslConfiguration());
    for (const HeaderPair &header : request.headers)
        qtRequest.setRawHeader(header.first, header.second);
    // A forwarding proxy that wants credentials would answer a write 407, and answering that
    // means sending the write again — which a write never is. Basic credentials go with the
    // write from the start instead.
    const QNetworkProxy proxy = write ? forwardingProxyFor(request.url) : QNetworkProxy();
    if (write && !proxy.user().isEmpty())
        qtRequest.setRawHeader(
            "Proxy-Authorization",
            "Basic " + (proxy.user() + QLatin1Char(':') + proxy.password()).toUtf8().toBase64());
    const bool throughProxy =
        proxy.type() != QNetworkProxy::NoProxy && proxy.type() != QNetworkProxy::DefaultProxy;

    QNetworkReply *reply = transfer::send(m_network, qtRequest, request.method, request.body);
    transfer::limit(reply, m_settings.limits);
    const bool judgedAsWrite = write && !request.judgedAsRead;
    QObject::connect(reply, &QNetworkReply::finished, m_network,
                     [reply, judgedAsWrite, throughProxy, done = std::move(done)] {
                         reply->deleteLater();
                         HttpAnswer answer;
                         answer.status =
                             reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                         answer.headers = reply->rawHeaderPairs();
                         answer.body = reply->isOpen() ? reply->readAll() : QByteArray();
                         answer.error = transfer::describe(reply, judgedAsWrite, answer.body);
                         answer.lostAtForwardingProxy =
                             judgedAsWrite && throughProxy &&
                             reply->error() == QNetworkReply::ContentReSendError;
                         done(std::move(answer));
                     });
}

void QtHttpEngine::probeProxy(const QUrl &url, std::function<void(bool refused)> done) {
    // A read of the endpoint's root: only the proxy's answer matters, and Qt may answer a
    // proxy's 407 for a read on its own with the profile's credentials.
    QUrl root = url;
    root.setPath(QStringLiteral("/"));
    root.setQuery(QString());
    QNetworkRequest request(root);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    QNetworkReply *reply = m_network->head(request);
    transfer::limit(reply, m_settings.limits);
    QObject::connect(reply, &QNetworkReply::finished, m_network, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(status == 407 || reply->error() == QNetworkReply::ProxyAuthenticationRequiredError);
    });
}

std::unique_ptr<HttpFileTransfer> QtHttpEngine::downloadFile(const QUrl &url,
                                                             HttpFileEvents events) {
    QNetworkRequest request(url);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    // Bytes as stored, so that the count can be checked against the announced size.
    request.setRawHeader("Accept-Encoding", "identity");
    QNetworkReply *reply = m_network->get(request);
    auto state = std::make_shared<FileTransferState>();
    state->events = std::move(events);
    // An error answer's body stays in the reply until it finishes; a 200's is handed on.
    auto handOn = [reply, state] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return;
        const QByteArray chunk = reply->readAll();
        if (!chunk.isEmpty())
            state->events.received(announcedLength(reply), chunk);
    };
    // The receiver of the reply's signals for this download only: the manager's own
    // connections to the reply are not this download's to cut.
    auto *listener = new QObject(reply);
    QObject::connect(reply, &QNetworkReply::readyRead, listener, handOn);
    QObject::connect(reply, &QNetworkReply::finished, listener, [reply, state, handOn] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200)
            handOn();
        if (state->stopped) // the owner stopped while taking the last bytes
            return;
        HttpFileEnd end;
        end.status = status;
        end.announced = announcedLength(reply);
        end.body = status == 200 ? QByteArray() : reply->readAll();
        end.headers = reply->rawHeaderPairs();
        end.url = reply->url();
        end.failed = reply->error() != QNetworkReply::NoError;
        end.errorString = reply->errorString();
        state->events.finished(end);
    });
    return std::make_unique<QtFileTransfer>(reply, listener, state);
}

void QtHttpEngine::abortAll() {
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        if (reply->isRunning()) {
            transfer::markCancelled(reply);
            reply->abort();
        }
    }
}

} // namespace dcs
