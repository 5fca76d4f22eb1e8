#include "SimServer.h"

#include "BackupFileDevice.h"
#include "IamApi.h"
#include "SimState.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>
#include <cstdio>
#include <memory>

namespace dcs::sim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

// Header lookup by name in any case, independent of how the request stores them.
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &lowerCaseName) {
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(lowerCaseName, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// Path and query as they arrived, for the log; never the headers (Authorization stays out).
QString logTarget(const QUrl &url) {
    QString target = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    return target;
}

void writeAnswer(QHttpServerResponder &responder, const ApiAnswer &answer,
                 const QString &requestId) {
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
    responder.writeHeader("Content-Type", answer.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeHeader("X-Request-Id", requestId.toLatin1());
    for (const auto &header : answer.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(answer.body);
}

} // namespace

SimServer::SimServer(SimState *state, ServerConfig config, QObject *parent)
    : SimServer(QList<ServedProject>{{config.projectId, config.projectName, state}}, config,
                parent) {}

SimServer::SimServer(QList<ServedProject> projects, ServerConfig config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_projects(std::move(projects))
    , m_state(m_projects.constFirst().state)
    , m_config(std::move(config))
    , m_verifier(m_config.accessKey, m_config.secretKey)
    , m_tokens([state = m_state] { return state->now(); }, m_config.projectId,
               TokenPolicy{m_config.tokenSeconds, m_config.faults.expireTokensAfter}) {
    for (const ServedProject &project : std::as_const(m_projects)) {
        m_tokens.addProject(project.id);
        m_apis.push_back(std::make_unique<SimApi>(project.state, project.id));
    }
    for (const IamUser &user : std::as_const(m_config.iamUsers))
        m_tokens.addUser(user);
    // Reads are exact without it; this only writes finished jobs to the state file promptly.
    m_advanceTimer.setInterval(1000);
    connect(&m_advanceTimer, &QTimer::timeout, this, [this] {
        for (const ServedProject &project : std::as_const(m_projects))
            project.state->advance();
    });
    m_advanceTimer.start();
}

SimApi &SimServer::apiFor(const QString &projectId) {
    for (size_t i = 0; i < m_apis.size(); ++i) {
        if (m_projects.at(qsizetype(i)).id == projectId)
            return *m_apis[i];
    }
    return *m_apis.front();
}

bool SimServer::throttled() {
    const int limit = m_config.faults.rateLimitPerSecond;
    if (limit <= 0)
        return false;
    const qint64 second = QDateTime::currentMSecsSinceEpoch() / 1000;
    if (second != m_rateWindow) {
        m_rateWindow = second;
        m_rateCount = 0;
    }
    return ++m_rateCount > limit;
}

ApiAnswer SimServer::throttledAnswer(const QString &requestId) const {
    ApiAnswer answer = SimApi::gatewayError(
        429, QStringLiteral("APIGW.0308"),
        QStringLiteral("The throttling threshold has been reached: policy user over ratelimit"),
        requestId);
    answer.headers.append({"Retry-After", QByteArray::number(m_config.faults.retryAfterSeconds)});
    return answer;
}

SimServer::Outcome SimServer::serve(const QHttpServerRequest &request, const QString &requestId) {
    const QUrl url = request.url();
    const QByteArray method = methodName(request.method());
    const QString path = url.path(QUrl::FullyDecoded);
    const QueryItems query = QUrlQuery(url).queryItems(QUrl::FullyDecoded);

    // IAM shares the port; signing in needs no signature.
    QList<IamProject> iamProjects;
    for (const ServedProject &project : std::as_const(m_projects))
        iamProjects.append({project.id, project.name});
    if (IamApi::isTokenPath(path))
        return {IamApi::handle(&m_tokens, method, request.body(), requestId, iamProjects)};
    // Where links in answers point: this server, by the name the client used to reach it.
    QByteArray host = headerValue(request, "host").trimmed();
    if (host.isEmpty())
        host = url.host().toUtf8() + ':' + QByteArray::number(url.port());
    const QString linkBase = m_config.scheme + QStringLiteral("://") + QString::fromUtf8(host);

    // The gateway authenticates before the service sees anything. A token wins over a signature
    // sent alongside it, as with the real service.
    const Route route = SimApi::route(method, path);
    // A family that is switched off: the gateway knows no such API, before any authentication.
    if (route.underVersion && route.version == ApiVersion::V1 && !m_config.serveV1)
        return {SimApi::gatewayError(404, QStringLiteral("APIGW.0101"),
                                     QStringLiteral("The API does not exist or has not been "
                                                    "published in the environment"),
                                     requestId)};
    const QByteArray token = headerValue(request, "x-auth-token").trimmed();
    if (!token.isEmpty()) {
        const TokenStore::Verdict verdict = m_tokens.use(token, route.projectId);
        if (verdict != TokenStore::Verdict::Valid)
            return {IamApi::tokenRefusal(verdict, route.version)};
    } else {
        SignedRequest signedRequest;
        signedRequest.method = method;
        signedRequest.decodedPath = path;
        signedRequest.decodedQuery = query;
        signedRequest.body = request.body();
        signedRequest.header = [&request](const QByteArray &name) {
            return headerValue(request, name);
        };
        if (auto refusal = m_verifier.verify(signedRequest, m_state->now()))
            return {SimApi::gatewayError(401, refusal->code, refusal->message, requestId)};
    }

    // The projects the caller's token or keys can reach: every one this server has.
    if (IamApi::isProjectsPath(path)) {
        const QByteArray domain =
            QCryptographicHash::hash(m_config.accessKey, QCryptographicHash::Md5).toHex();
        return {IamApi::listProjects(method, iamProjects, QString::fromLatin1(domain), linkBase)};
    }

    // A service without v2 answers its own "URL does not exist", in its own (v1.0) shape.
    if (route.underVersion && route.version == ApiVersion::V2 && !m_config.serveV2)
        return {SimApi::dcsError(QStringLiteral("DCS.4001"))};

    if (route.isKnown()) {
        if (throttled())
            return {throttledAnswer(requestId)};
        const bool isRestore = route.kind == Route::Kind::Restore;
        if (auto status = m_config.faults.injectedStatusFor(isRestore, route.isList())) {
            if (*status == 429)
                return {throttledAnswer(requestId)};
            SimError error = simError(QStringLiteral("DCS.5000"));
            error.httpStatus = *status;
            return {SimApi::errorFor(route.version, error)};
        }
    }
    Outcome outcome{apiFor(route.projectId).handle(route, query, request.body(), linkBase)};
    const bool accepted = outcome.answer.status >= 200 && outcome.answer.status < 300;
    outcome.drop =
        accepted && ((m_config.faults.dropAfterRestore && route.kind == Route::Kind::Restore) ||
                     (m_config.faults.dropAfterBackup && route.kind == Route::Kind::CreateBackup) ||
                     (m_config.faults.dropAfterDelete && route.kind == Route::Kind::DeleteBackup));
    return outcome;
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    QElapsedTimer elapsed;
    elapsed.start();
    const QString requestId = QUuid::createUuid().toString(QUuid::Id128);
    const QByteArray method = methodName(request.method());
    const QString target = logTarget(request.url());
    if (SimApi::isDownloadPath(request.url().path(QUrl::FullyDecoded))) {
        serveDownload(request, socket, requestId);
        return true;
    }
    const Outcome outcome = serve(request, requestId);

    // The work is done now; only the answer waits for the injected latency. The responder
    // writes to the socket, so it must not outlive it.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    auto finish = [this, responder, guard, outcome, requestId, method, target, elapsed] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            logLine(method, target, "gone", elapsed.elapsed());
            return;
        }
        if (outcome.drop) {
            // The restore exists and runs; the client just never hears about it.
            guard->disconnectFromHost();
            logLine(method, target, "dropped", elapsed.elapsed());
            return;
        }
        writeAnswer(*responder, outcome.answer, requestId);
        logLine(method, target, QByteArray::number(outcome.answer.status), elapsed.elapsed());
    };
    if (m_config.faults.latencyMs > 0)
        QTimer::singleShot(m_config.faults.latencyMs, this, finish);
    else
        finish();
    return true;
}

void SimServer::serveDownload(const QHttpServerRequest &request, QTcpSocket *socket,
                              const QString &requestId) {
    QElapsedTimer elapsed;
    elapsed.start();
    const QByteArray method = methodName(request.method());
    // The signature stays out of the log, like every other credential.
    const QString target = request.url().path(QUrl::FullyEncoded);
    QHttpServerResponder responder = makeResponder(request, socket);
    if (method != "GET") {
        ApiAnswer refusal(405, QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                                 "<Error><Code>MethodNotAllowed</Code>"
                                                 "<Message>The specified method is not allowed "
                                                 "against this resource.</Message></Error>"));
        refusal.contentType = "application/xml";
        writeAnswer(responder, refusal, requestId);
        logLine(method, target, "405", elapsed.elapsed());
        return;
    }
    // A link names its bucket, which is the project's.
    SimApi *api = m_apis.front().get();
    for (const auto &candidate : m_apis) {
        if (request.url()
                .path(QUrl::FullyDecoded)
                .contains(QLatin1Char('/') + candidate->bucketName() + QLatin1Char('/')))
            api = candidate.get();
    }
    const SimApi::Download download =
        api->download(request.url().path(QUrl::FullyDecoded),
                      QUrlQuery(request.url()).queryItems(QUrl::FullyDecoded));
    if (!download.file) {
        writeAnswer(responder, download.refusal, requestId);
        logLine(method, target, QByteArray::number(download.refusal.status), elapsed.elapsed());
        return;
    }
    // A real server's backup is its file; any other is made up as it is sent.
    QIODevice *device = nullptr;
    if (download.file->localPath.isEmpty())
        device = new BackupFileDevice(*download.file);
    else
        device = new QFile(download.file->localPath);
    if (!device->open(QIODevice::ReadOnly)) {
        delete device;
        ApiAnswer missing(404,
                          QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                            "<Error><Code>NoSuchKey</Code><Message>The "
                                            "specified key does not exist.</Message></Error>"));
        missing.contentType = "application/xml";
        writeAnswer(responder, missing, requestId);
        logLine(method, target, "404", elapsed.elapsed());
        return;
    }
    const qint64 cut = m_config.faults.cutDownloadsAfter;
    if (cut >= 0 && cut < device->size()) {
        // The full length is announced, part of it sent, then the connection closes: a short
        // body the client must notice.
        responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
        responder.writeHeader("Content-Type", "application/octet-stream");
        responder.writeHeader("Content-Length", QByteArray::number(device->size()));
        responder.writeHeader("X-Request-Id", requestId.toLatin1());
        responder.writeBody(device->read(cut));
        delete device;
        socket->disconnectFromHost();
        logLine(method, target, "cut", elapsed.elapsed());
        return;
    }
    // Streamed from the generator as the socket drains; the length comes from its size().
    responder.write(
        device,
        {{"Content-Type", "application/octet-stream"}, {"X-Request-Id", requestId.toLatin1()}},
        QHttpServerResponder::StatusCode::Ok);
    logLine(method, target, "200", elapsed.elapsed());
}

void SimServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // handleRequest answers everything; this is only here because the base class asks for it.
    QHttpServerResponder responder = makeResponder(request, socket);
    writeAnswer(responder, SimApi::dcsError(QStringLiteral("DCS.4001")),
                QUuid::createUuid().toString(QUuid::Id128));
}

void SimServer::logLine(const QByteArray &method, const QString &target, const QByteArray &status,
                        qint64 elapsedMs) const {
    if (!m_config.logRequests)
        return;
    std::fprintf(stderr, "%s %s %s %lld ms\n", method.constData(), target.toUtf8().constData(),
                 status.constData(), static_cast<long long>(elapsedMs));
    std::fflush(stderr);
}

} // namespace dcs::sim
