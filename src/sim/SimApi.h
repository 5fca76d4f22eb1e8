#pragma once

#include "SimState.h"
#include "api/ApiVersion.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace dcs::sim {

// Which endpoint of dcs-api.md §1–7 (v1.0) or dcs-api-v2.md §1–11 (v2) a request is for.
struct Route {
    enum class Kind {
        NotFound,
        MethodNotAllowed,
        ListInstances,
        ShowInstance,
        UpdateInstance, // v2 only (§11)
        StatusCounts,   // v2 only (§10)
        ListBackups,
        CreateBackup,
        DeleteBackup,
        BackupLinks, // v2 only (§6)
        Restore,
        ListRestores,
        ListTasks, // v2 only (§9)
    };
    Kind kind = Kind::NotFound;
    // The path family; a path under neither is answered in the v1.0 shape, as before v2.
    ApiVersion version = ApiVersion::V1;
    bool underVersion = false; // the path starts with v1.0/ or v2/
    QString projectId;
    QString instanceId;
    QString backupId;

    bool isList() const {
        return kind == Kind::ListInstances || kind == Kind::ListBackups ||
               kind == Kind::ListRestores || kind == Kind::ListTasks;
    }
    bool isKnown() const { return kind != Kind::NotFound && kind != Kind::MethodNotAllowed; }
};

struct ApiAnswer {
    ApiAnswer() = default;
    ApiAnswer(int status, QByteArray body)
        : status(status)
        , body(std::move(body)) {}

    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type, -Length, X-Request-Id
};

using QueryItems = QList<QPair<QString, QString>>;

// The DCS side of the simulator: routes, query parameters and answer shapes over a SimState, for
// both path families at once — the same instances, backups and restores under /v1.0/ and /v2/,
// each with its own query names, field spellings, status codes and error body. Knows nothing of
// sockets or signatures, so it can be tested with plain values.
class SimApi {
public:
    SimApi(SimState *state, QString projectId);

    // Over the decoded path; empty segments are skipped, so a trailing "/" is tolerated.
    static Route route(const QByteArray &method, const QString &decodedPath);

    // linkBase is where download links point ("http://127.0.0.1:40123"); only the links call
    // uses it.
    ApiAnswer handle(const Route &route, const QueryItems &query, const QByteArray &body,
                     const QString &linkBase = {});

    // {"error":{"code","message","ext_message":null}} — the v1 shape of every DCS.* error.
    static ApiAnswer dcsError(const SimError &error);
    static ApiAnswer dcsError(const QString &code) { return dcsError(simError(code)); }
    // {"error_code","error_msg","error_ext_msg":null} — the flat v2 shape (v2 §12).
    static ApiAnswer dcsErrorV2(const SimError &error);
    // The shape of the family the path belongs to.
    static ApiAnswer errorFor(ApiVersion version, const SimError &error);
    static ApiAnswer errorFor(ApiVersion version, const QString &code) {
        return errorFor(version, simError(code));
    }
    // {"error_code","error_msg","request_id"} — what the API gateway answers with.
    static ApiAnswer gatewayError(int status, const QString &code, const QString &message,
                                  const QString &requestId);

    // yyyyMMddHHmmss in UTC; invalid when the text is not exactly that.
    static QDateTime parseQueryTime(const QString &text);

    // Backup files behind the links: GET /obs/{bucket}/{instance}/{backup}/{file}?Expires=…
    // &Signature=… — a stand-in for OBS's pre-signed URLs, checked here instead of the DCS
    // signature. A refusal is OBS-like XML (403 expired or bad signature, 404 no such key).
    static bool isDownloadPath(const QString &decodedPath);
    struct Download {
        std::optional<BackupFile> file;
        ApiAnswer refusal;
    };
    Download download(const QString &decodedPath, const QueryItems &query) const;
    QString bucketName() const;

private:
    ApiAnswer listInstances(const Route &route, const QueryItems &query) const;
    ApiAnswer showInstance(const Route &route) const;
    ApiAnswer listBackups(const Route &route, const QueryItems &query) const;
    ApiAnswer listRestores(const Route &route, const QueryItems &query) const;
    ApiAnswer listTasks(const Route &route, const QueryItems &query) const;
    ApiAnswer statusCounts(const QueryItems &query) const;
    ApiAnswer backupLinks(const Route &route, const QByteArray &body,
                          const QString &linkBase) const;
    template <typename Record, typename PageOf>
    ApiAnswer listRecords(const Route &route, const QueryItems &query, const QString &listKey,
                          PageOf pageOf) const;
    QByteArray linkSignature(const QString &objectPath, qint64 expires) const;

    // The compact JSON of a record as a list shows it, made once and kept while the record
    // stays the same: a page is then mostly copied, not rendered again.
    template <typename Record> struct Rendered {
        Record record;
        QByteArray json;
    };
    QHash<QString, Rendered<Backup>> &cacheOf(const Backup &) const { return m_backupJson; }
    QHash<QString, Rendered<RestoreRecord>> &cacheOf(const RestoreRecord &) const {
        return m_restoreJson;
    }
    static const QString &keyOf(const Backup &backup) { return backup.backupId; }
    static const QString &keyOf(const RestoreRecord &record) { return record.restoreId; }
    template <typename Record, typename Render>
    const QByteArray &rendered(QHash<QString, Rendered<Record>> &cache, const QString &id,
                               const Record &record, Render render) const;

    SimState *m_state;
    QString m_projectId;
    QByteArray m_linkSecret; // signs download links; new on every start, like a rotated key
    mutable QHash<QString, Rendered<Instance>> m_instanceJson[2]; // v1.0, v2 list rows
    mutable QHash<QString, Rendered<Backup>> m_backupJson;
    mutable QHash<QString, Rendered<RestoreRecord>> m_restoreJson;
};

// The v2 answer shapes of an instance (v2 §1–2): the list row spells updated_at, the show
// answer update_at; neither carries the camelCase twins of v1.0.
QJsonObject instanceListJsonV2(const Instance &instance);
QJsonObject instanceShowJsonV2(const Instance &instance);

} // namespace dcs::sim
