#pragma once

#include "SimState.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace dcs::sim {

// Which endpoint of dcs-api.md §1–7 a request is for.
struct Route {
    enum class Kind {
        NotFound,
        MethodNotAllowed,
        ListInstances,
        ShowInstance,
        ListBackups,
        CreateBackup,
        DeleteBackup,
        Restore,
        ListRestores,
    };
    Kind kind = Kind::NotFound;
    QString projectId;
    QString instanceId;
    QString backupId;

    bool isList() const {
        return kind == Kind::ListInstances || kind == Kind::ListBackups ||
               kind == Kind::ListRestores;
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
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type, -Length, X-Request-Id
};

using QueryItems = QList<QPair<QString, QString>>;

// The DCS side of the simulator: routes, query parameters and answer shapes over a SimState.
// Knows nothing of sockets or signatures, so it can be tested with plain values.
class SimApi {
public:
    SimApi(SimState *state, QString projectId);

    // Over the decoded path; empty segments are skipped, so a trailing "/" is tolerated.
    static Route route(const QByteArray &method, const QString &decodedPath);

    ApiAnswer handle(const Route &route, const QueryItems &query, const QByteArray &body);

    // {"error":{"code","message","ext_message":null}} — the v1 shape of every DCS.* error.
    static ApiAnswer dcsError(const SimError &error);
    static ApiAnswer dcsError(const QString &code) { return dcsError(simError(code)); }
    // {"error_code","error_msg","request_id"} — what the API gateway answers with.
    static ApiAnswer gatewayError(int status, const QString &code, const QString &message,
                                  const QString &requestId);

    // yyyyMMddHHmmss in UTC; invalid when the text is not exactly that.
    static QDateTime parseQueryTime(const QString &text);

private:
    ApiAnswer listInstances(const QueryItems &query) const;
    ApiAnswer showInstance(const QString &instanceId) const;
    ApiAnswer listBackups(const QString &instanceId, const QueryItems &query) const;
    ApiAnswer listRestores(const QString &instanceId, const QueryItems &query) const;
    template <typename Record>
    ApiAnswer listRecords(const std::optional<QList<Record>> &all, const QueryItems &query,
                          const QString &listKey) const;

    SimState *m_state;
    QString m_projectId;
};

} // namespace dcs::sim
