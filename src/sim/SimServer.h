#pragma once

#include "FaultPlan.h"
#include "RequestVerifier.h"
#include "SimApi.h"
#include "TokenStore.h"

#include <QAbstractHttpServer>
#include <QTimer>
#include <memory>
#include <vector>

class QHttpServerRequest;
class QTcpSocket;

namespace dcs::sim {

class SimState;

// One project the server answers for, with its own state (one dcs-sim may serve several
// projects of one region).
struct ServedProject {
    QString id;
    QString name; // as IAM names it
    SimState *state = nullptr;
};

struct ServerConfig {
    QByteArray accessKey;
    QByteArray secretKey;
    QString projectId;
    QString projectName = QStringLiteral("cn-north-4"); // of projectId, as IAM names it
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
    // One project: config.projectId with this state.
    SimServer(SimState *state, ServerConfig config, QObject *parent = nullptr);
    // Several: the first is config.projectId's. Paths naming another project are refused
    // (DCS.1004) as before.
    SimServer(QList<ServedProject> projects, ServerConfig config, QObject *parent = nullptr);

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
    // The project a path names, else the first one (which refuses other projects).
    SimApi &apiFor(const QString &projectId);
    // The gateway's rate limit: true when this call is over it.
    bool throttled();
    ApiAnswer throttledAnswer(const QString &requestId) const;

    QList<ServedProject> m_projects;
    SimState *m_state; // the first project's: its clock is the server's
    ServerConfig m_config;
    RequestVerifier m_verifier;
    TokenStore m_tokens;
    std::vector<std::unique_ptr<SimApi>> m_apis; // as m_projects
    QTimer m_advanceTimer;
    qint64 m_rateWindow = -1; // the second (since the epoch) being counted
    int m_rateCount = 0;
};

} // namespace dcs::sim
