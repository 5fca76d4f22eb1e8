#pragma once

#include "FaultPlan.h"
#include "RequestVerifier.h"
#include "SimApi.h"
#include "TokenStore.h"

#include <QAbstractHttpServer>
#include <QTimer>

class QHttpServerRequest;
class QTcpSocket;

namespace dcs::sim {

class SimState;

struct ServerConfig {
    QByteArray accessKey;
    QByteArray secretKey;
    QString projectId;
    FaultPlan faults;
    QList<IamUser> iamUsers;         // who may sign in at /v3/auth/tokens
    qint64 tokenSeconds = 24 * 3600; // how long an issued token is valid
    bool logRequests = true;         // one line per request on stderr
    // Which path families are served (--api). A family switched off answers as a service that
    // does not have it: v1.0 with the gateway's 404 APIGW.0101, v2 with 404 DCS.4001 — the two
    // answers after which a client on Automatic falls back (README "Which API it speaks").
    bool serveV1 = true;
    bool serveV2 = true;
    QString scheme = QStringLiteral("http"); // of the download links; "https" under --tls-cert
};

// The HTTP face of dcs-sim: serves IAM's token endpoint, checks the token or else the gateway's
// signature rules, injects the requested faults and hands everything else to SimApi. Every answer
// carries a fresh X-Request-Id.
class SimServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    SimServer(SimState *state, ServerConfig config, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Outcome {
        ApiAnswer answer;
        bool drop = false;
    };
    Outcome serve(const QHttpServerRequest &request, const QString &requestId);
    void serveDownload(const QHttpServerRequest &request, QTcpSocket *socket,
                       const QString &requestId);
    void logLine(const QByteArray &method, const QString &target, const QByteArray &status,
                 qint64 elapsedMs) const;

    SimState *m_state;
    ServerConfig m_config;
    RequestVerifier m_verifier;
    TokenStore m_tokens;
    SimApi m_api;
    QTimer m_advanceTimer;
};

} // namespace dcs::sim
