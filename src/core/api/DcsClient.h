#pragma once

#include "api/AkSkSigner.h"
#include "api/ApiResult.h"
#include "api/RequestLog.h"
#include "model/Backup.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace dcs {
class IamTokenProvider;
}

namespace dcs {

// IAM password sign-in: the token is fetched from {endpoint}/v3/auth/tokens and sent as
// X-Auth-Token instead of an AK/SK signature.
struct IamCredentials {
    QUrl endpoint;   // https://iam.{region}.myhuaweicloud.com
    QString account; // the account (domain) name
    QString user;
    QString password;
};

// Where and as whom a client talks. Secrets stay in memory only.
struct ClientConfig {
    QUrl endpoint; // https://dcs.{region}.myhuaweicloud.com, or the simulator's base URL
    QString projectId;
    QString profileName; // for the request log
    QByteArray accessKey;
    QByteArray secretKey;
    QByteArray securityToken;          // temporary AK/SK: sent and signed as X-Security-Token
    std::optional<IamCredentials> iam; // set: token authentication instead of AK/SK
    // DefaultProxy follows the system's settings; set on this client's network manager only.
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
    bool useSystemProxy = true;
    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system's
    int transferTimeoutMs = 30000;
    int pageSize = 1000;   // the API's maximum for limit
    int parallelPages = 4; // pages of one list in flight together
    // The time requests are signed with; X-Sdk-Date must be within 15 minutes of the server's.
    std::function<QDateTime()> clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

// Narrows a list call; empty fields are not sent.
struct InstanceQuery {
    QString name;
    QString id;
    QString status;
    bool includeFailure = false;
    int maxPages = 0; // 0: every page; 1: the first page only (a connection test)
};

// The server-side time range of the backup and restore lists (yyyyMMddHHmmss, UTC).
struct TimeRange {
    QDateTime begin;
    QDateTime end;
};

// Talks DCS v1.0 for one account. Owns that account's QNetworkAccessManager. Every call takes a
// context object: when the context is destroyed before the answer, the callback is not called.
class DcsClient : public QObject {
    Q_OBJECT
public:
    explicit DcsClient(ClientConfig config, QObject *parent = nullptr);
    ~DcsClient() override;

    const ClientConfig &config() const { return m_config; }
    QNetworkAccessManager *networkManager() const { return m_network; }

    // Every page, fetched in parallel once the first page tells the total.
    void listInstances(const InstanceQuery &query, QObject *context,
                       ApiCallback<QList<Instance>> callback);
    void showInstance(const QString &instanceId, QObject *context, ApiCallback<Instance> callback);
    void listBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                     ApiCallback<QList<Backup>> callback);
    // Gives the new backup_id.
    void createBackup(const QString &instanceId, const QString &remark, const QString &format,
                      QObject *context, ApiCallback<QString> callback);
    void deleteBackup(const QString &instanceId, const QString &backupId, QObject *context,
                      ApiCallback<bool> callback);
    // Sent exactly once: never retried, and Qt is kept from re-sending it on a dropped
    // connection. A lost answer comes back as ApiError::Kind::AnswerLost. Gives the restore_id.
    void restore(const QString &instanceId, const QString &backupId, const QString &remark,
                 QObject *context, ApiCallback<QString> callback);
    void listRestores(const QString &instanceId, const TimeRange &range, QObject *context,
                      ApiCallback<QList<RestoreRecord>> callback);

    // Abandons every request in flight; their callbacks get Kind::Cancelled.
    void abortAll();

    static QString formatQueryTime(const QDateTime &utc); // yyyyMMddHHmmss

Q_SIGNALS:
    void requestFinished(const dcs::RequestLogEntry &entry);

private:
    struct Request;
    using RawHandler = std::function<void(int status, const QByteArray &body, const ApiError &error,
                                          const QString &requestId)>;

    QSslConfiguration sslConfiguration() const;
    QUrl apiUrl(const QString &pathAfterProject, const QUrlQuery &query = {}) const;
    // Authenticates (fetching a token when needed), then transfers. A GET answered 401 under
    // token authentication renews the token and is repeated once; nothing else is repeated.
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body, bool repeatable,
              QObject *context, RawHandler handler, int attempt = 0);
    void transfer(const QByteArray &method, const QUrl &url, const QByteArray &body,
                  bool repeatable, const QByteArray &token, QObject *context, RawHandler handler);
    template <typename T>
    void fetchAllPages(const QString &path, const QUrlQuery &baseQuery, const QString &totalKey,
                       const QString &listKey, std::function<T(const QJsonObject &)> parse,
                       QObject *context, ApiCallback<QList<T>> callback, int maxPages = 0);

    ClientConfig m_config;
    QNetworkAccessManager *m_network;
    AkSkSigner m_signer;
    IamTokenProvider *m_iam = nullptr;
};

} // namespace dcs
