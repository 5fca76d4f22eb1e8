#pragma once

#include "api/AkSkSigner.h"
#include "api/ApiResult.h"
#include "api/ApiVersion.h"
#include "api/HttpEngine.h"
#include "api/RequestLog.h"
#include "api/Transfer.h"
#include "model/BackgroundTask.h"
#include "model/Backup.h"
#include "model/BackupLinks.h"
#include "model/BackupPolicy.h"
#include "model/IamProject.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"
#include "model/StatusCounts.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <memory>
#include <optional>

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
    // v2, v1.0, or Automatic: v2 until the service says that v2 does not exist there.
    ApiVersion apiVersion = ApiVersion::Automatic;
    QByteArray accessKey;
    QByteArray secretKey;
    QByteArray securityToken;          // temporary AK/SK: sent and signed as X-Security-Token
    std::optional<IamCredentials> iam; // set: token authentication instead of AK/SK
    // Where the account's projects are listed with AK/SK (token authentication lists them at
    // iam->endpoint); empty: not known.
    QUrl iamEndpoint;
    ProxyChoice proxy;              // for this client's requests only
    QByteArray extraCaPem;          // PEM certificates trusted in addition to the system's
    int transferTimeoutMs = 30000;  // inactivity: no byte for this long ends a request
    int requestDeadlineMs = 120000; // overall: no request lasts longer, however it trickles
    qint64 maxAnswerBytes = 32LL * 1024 * 1024; // one answer, as received (and decoded)
    int maxListItems = 100000;                  // one list, all pages together
    int pageSize = 1000;                        // the API's maximum for limit
    int parallelPages = 4;                      // pages of one list in flight together
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

// Talks DCS v2 or v1.0 for one account (README "Which API it speaks"). Owns that account's
// HttpEngine (its connections, proxy and TLS configuration). Every call takes a context object:
// when the context is destroyed before the answer, the callback is not called.
class DcsClient : public QObject {
    Q_OBJECT
public:
    explicit DcsClient(ClientConfig config, QObject *parent = nullptr);
    ~DcsClient() override;

    const ClientConfig &config() const { return m_config; }
    // The version requests go out in: the configured one, or on Automatic the one the service
    // has answered in so far (Automatic while nothing has been heard yet).
    ApiVersion apiVersion() const { return m_version; }
    // A 404 with DCS.4001 in either error shape, or the gateway's APIGW.0101: the family asked
    // for does not exist there. The only answers after which Automatic falls back to v1.0 —
    // never an authentication, throttling or server error.
    static bool meansApiMissing(const ApiError &error);
    // What its requests go through; nullptr when the network module could not be loaded (every
    // call then answers networkUnavailable()).
    HttpEngine *engine() const { return m_engine.get(); }
    // The error every call answers when the network module could not be loaded.
    static ApiError networkUnavailable();

    // Every page, fetched in parallel once the first page tells the total.
    void listInstances(const InstanceQuery &query, QObject *context,
                       ApiCallback<QList<Instance>> callback);
    // The same list delivered as it is read, for lists too long to wait for: batch gets each
    // page's records that are new to this listing as soon as the page is read (pages in order,
    // each record once, mapped off the GUI thread); done then gets the outcome with an empty
    // value — the error, or whether the list may be incomplete and why. Records delivered before
    // an error stay valid.
    void streamInstances(const InstanceQuery &query, QObject *context,
                         BatchCallback<Instance> batch, ApiCallback<QList<Instance>> done);
    void showInstance(const QString &instanceId, QObject *context, ApiCallback<Instance> callback);
    void listBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                     ApiCallback<QList<Backup>> callback);
    void streamBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                       BatchCallback<Backup> batch, ApiCallback<QList<Backup>> done);
    // Gives the new backup_id.
    void createBackup(const QString &instanceId, const QString &remark, const QString &format,
                      QObject *context, ApiCallback<QString> callback);
    void deleteBackup(const QString &instanceId, const QString &backupId, QObject *context,
                      ApiCallback<bool> callback);
    // Sent exactly once: never retried, and Qt is kept from re-sending it on a dropped
    // connection (so is every write: POST, PUT, DELETE). A lost answer comes back as
    // ApiError::Kind::AnswerLost. Gives the restore_id. Every call that puts an id into the URL
    // refuses an empty or odd one without a request (ApiError::Kind::InvalidRequest).
    void restore(const QString &instanceId, const QString &backupId, const QString &remark,
                 QObject *context, ApiCallback<QString> callback);
    void listRestores(const QString &instanceId, const TimeRange &range, QObject *context,
                      ApiCallback<QList<RestoreRecord>> callback);

    // v2 only (dcs-api-v2.md §6, §9–11); on v1.0 they answer ApiError::Kind::Unsupported
    // without sending anything, except the counts, which v1.0 gets from the instance list.
    // Pre-signed links to the backup's file(s), valid for expirationSeconds (300–86400).
    void listBackupLinks(const QString &instanceId, const QString &backupId, int expirationSeconds,
                         QObject *context, ApiCallback<BackupLinks> callback);
    // The instance's background tasks created within range (every page), newest first.
    void listTasks(const QString &instanceId, const TimeRange &range, QObject *context,
                   ApiCallback<QList<BackgroundTask>> callback);
    // The project's instances by status (CREATEFAILED only with includeFailure).
    void instanceStatusCounts(bool includeFailure, QObject *context,
                              ApiCallback<StatusCounts> callback);
    // Changes the automatic-backup policy. A write: sent once, never repeated.
    void updateBackupPolicy(const QString &instanceId, const BackupPolicy &policy, QObject *context,
                            ApiCallback<bool> callback);

    // The account's projects that the console can use (IAM's GET /v3/auth/projects, with the
    // token of a password profile or an AK/SK signature), to offer region + project pairs.
    void listProjects(QObject *context, ApiCallback<QList<IamProject>> callback);

    // Abandons every request in flight; their callbacks get Kind::Cancelled.
    void abortAll();

    static QString formatQueryTime(const QDateTime &utc); // yyyyMMddHHmmss

Q_SIGNALS:
    void requestFinished(const dcs::RequestLogEntry &entry);
    // On Automatic, once: the version the service answered in.
    void apiVersionResolved(dcs::ApiVersion version);

private:
    using RawHandler = std::function<void(int status, const QByteArray &body, const ApiError &error,
                                          const QString &requestId)>;

    // One logical call as it goes on the wire in a given version: v1.0 and v2 differ in path
    // prefix, query names and content type. An empty method: the call has no such version.
    struct Wire {
        QByteArray method;
        QString path; // after /{version}/{project_id}
        QUrlQuery query;
        QByteArray body; // anything but GET is a write: sent once, never repeated
    };
    using WireFor = std::function<Wire(ApiVersion)>;
    using VersionedHandler = std::function<void(int status, const QByteArray &body,
                                                const ApiError &error, const QString &requestId)>;

    HttpSettings httpSettings() const;
    QUrl apiUrl(ApiVersion version, const QString &pathAfterProject,
                const QUrlQuery &query = {}) const;
    // Sends a call in the client's version. On Automatic before the service has answered: a
    // read goes as v2 and, if v2 is missing there, once more as v1.0; a write first waits for a
    // read that settles the version, so it is never sent twice.
    void call(WireFor wire, QObject *context, VersionedHandler handler);
    void settleVersion(QObject *context, std::function<void(const ApiError &error)> done);
    void resolveVersion(ApiVersion version);
    // Authenticates (fetching a token when needed), then transfers. A GET answered 401 under
    // token authentication renews the token and is repeated once; nothing else is repeated.
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body, QObject *context,
              RawHandler handler, int attempt = 0);
    // One request. Writes (anything but GET/HEAD) are sent so that not even Qt repeats them.
    void transfer(const QByteArray &method, const QUrl &url, const QByteArray &body,
                  const QByteArray &token, QObject *context, RawHandler handler);
    // Runs work on the thread pool and hands its result to done on this client's thread; done
    // is not called when the client is gone by then. The result is moved, not copied: a page of
    // a thousand records is not copied (and freed again) on this thread.
    template <typename R> void offThread(std::function<R()> work, std::function<void(R &&)> done);
    // Answers a call without sending anything: an id it would put into the URL is not valid.
    template <typename T>
    void refuseLocally(const QString &what, QObject *context, ApiCallback<T> callback);
    // The name/value pairs that differ between the versions, for one list call.
    struct ListCall {
        QString path;
        std::function<QUrlQuery(ApiVersion)> filters; // besides the paging parameters
        QString totalKey;
        QString listKey;
        bool v2Only = false;
        int pageSizeCap = 1000;
    };
    // Every page, in parallel once the first tells the total, each record once; stops at a page
    // that brings nothing new and at maxListItems, and says so in the result.
    static ListCall instanceList(const InstanceQuery &query);
    static ListCall backupList(const QString &instanceId, const TimeRange &range);
    // adjust (may be empty) is applied to each record on the worker that maps it. With batch,
    // the records go there page by page and callback gets none of them.
    template <typename T>
    void fetchAllPages(const ListCall &list, std::function<void(T &)> adjust, QObject *context,
                       ApiCallback<QList<T>> callback, int maxPages = 0,
                       BatchCallback<T> batch = {});

    ClientConfig m_config;
    ApiVersion m_version = ApiVersion::Automatic;
    std::unique_ptr<HttpEngine> m_engine;
    AkSkSigner m_signer;
    IamTokenProvider *m_iam = nullptr;
};

} // namespace dcs
