#include "SimApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <climits>
#include <optional>

namespace dcs::sim {

namespace {

constexpr int DefaultLimit = 10;
constexpr int MaxLimit = 1000;

ApiAnswer ok(const QJsonObject &object) {
    return {200, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

ApiAnswer invalidParameter(const QString &name) {
    SimError error = simError(QStringLiteral("DCS.4800"));
    error.message = QStringLiteral("Invalid %1 in the request.").arg(name);
    return SimApi::dcsError(error);
}

// The first value of a parameter; nullopt when the query does not name it.
std::optional<QString> queryValue(const QueryItems &query, const QString &name) {
    for (const auto &item : query) {
        if (item.first == name)
            return item.second;
    }
    return std::nullopt;
}

// Parses an optional integer parameter within [min, max]; sets *bad when the value is unusable.
int intParameter(const QueryItems &query, const QString &name, int fallback, int min, int max,
                 bool *bad) {
    const std::optional<QString> text = queryValue(query, name);
    if (!text)
        return fallback;
    bool ok = false;
    const int value = text->trimmed().toInt(&ok);
    if (!ok || value < min || value > max) {
        *bad = true;
        return fallback;
    }
    return value;
}

// "true"/"false" in any case; sets *bad otherwise.
bool boolParameter(const QueryItems &query, const QString &name, bool *bad) {
    const std::optional<QString> text = queryValue(query, name);
    if (!text)
        return false;
    if (text->compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (text->compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
        *bad = true;
    return false;
}

struct Paging {
    int start = 1;
    int limit = DefaultLimit;
};

std::optional<ApiAnswer> readPaging(const QueryItems &query, Paging *paging) {
    bool bad = false;
    paging->start = intParameter(query, QStringLiteral("start"), 1, 1, INT_MAX, &bad);
    if (bad)
        return invalidParameter(QStringLiteral("start"));
    paging->limit = intParameter(query, QStringLiteral("limit"), DefaultLimit, 1, MaxLimit, &bad);
    if (bad)
        return invalidParameter(QStringLiteral("limit"));
    return std::nullopt;
}

struct TimeWindow {
    QDateTime begin;
    QDateTime end;

    bool contains(const QDateTime &at) const {
        return (!begin.isValid() || at >= begin) && (!end.isValid() || at <= end);
    }
};

std::optional<ApiAnswer> readTimeWindow(const QueryItems &query, TimeWindow *window) {
    const QString names[] = {QStringLiteral("beginTime"), QStringLiteral("endTime")};
    QDateTime *targets[] = {&window->begin, &window->end};
    for (int i = 0; i < 2; ++i) {
        const std::optional<QString> text = queryValue(query, names[i]);
        if (!text || text->isEmpty())
            continue;
        *targets[i] = SimApi::parseQueryTime(*text);
        if (!targets[i]->isValid())
            return invalidParameter(names[i]);
    }
    // endTime is a whole second: everything within it belongs to the range.
    if (window->end.isValid())
        window->end = window->end.addMSecs(999);
    if (window->begin.isValid() && window->end.isValid() && window->begin > window->end)
        return invalidParameter(QStringLiteral("beginTime"));
    return std::nullopt;
}

template <typename T> QList<T> pageOf(const QList<T> &items, const Paging &paging) {
    const qsizetype first = qsizetype(paging.start) - 1;
    if (first >= items.size())
        return {};
    return items.mid(first, paging.limit);
}

const QStringList &knownStatuses() {
    static const QStringList statuses{
        QStringLiteral("CREATING"),  QStringLiteral("CREATEFAILED"), QStringLiteral("RUNNING"),
        QStringLiteral("ERROR"),     QStringLiteral("RESTARTING"),   QStringLiteral("FROZEN"),
        QStringLiteral("EXTENDING"), QStringLiteral("RESTORING"),    QStringLiteral("FLUSHING"),
    };
    return statuses;
}

} // namespace

SimApi::SimApi(SimState *state, QString projectId)
    : m_state(state)
    , m_projectId(std::move(projectId)) {}

Route SimApi::route(const QByteArray &method, const QString &decodedPath) {
    const QStringList parts = decodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Route route;
    if (parts.size() < 3 || parts.at(0) != QLatin1String("v1.0") ||
        parts.at(2) != QLatin1String("instances"))
        return route;
    route.projectId = parts.at(1);
    const QByteArray verb = method.toUpper();
    // Each known path with the methods it answers; anything else on it is a 405.
    auto pick = [&](std::initializer_list<std::pair<const char *, Route::Kind>> allowed) {
        for (const auto &entry : allowed) {
            if (verb == entry.first) {
                route.kind = entry.second;
                return route;
            }
        }
        route.kind = Route::Kind::MethodNotAllowed;
        return route;
    };
    switch (parts.size()) {
    case 3:
        return pick({{"GET", Route::Kind::ListInstances}});
    case 4:
        route.instanceId = parts.at(3);
        return pick({{"GET", Route::Kind::ShowInstance}});
    case 5:
        route.instanceId = parts.at(3);
        if (parts.at(4) == QLatin1String("backups"))
            return pick({{"GET", Route::Kind::ListBackups}, {"POST", Route::Kind::CreateBackup}});
        if (parts.at(4) == QLatin1String("restores"))
            return pick({{"GET", Route::Kind::ListRestores}, {"POST", Route::Kind::Restore}});
        break;
    case 6:
        route.instanceId = parts.at(3);
        route.backupId = parts.at(5);
        if (parts.at(4) == QLatin1String("backups"))
            return pick({{"DELETE", Route::Kind::DeleteBackup}});
        break;
    default:
        break;
    }
    route.kind = Route::Kind::NotFound;
    return route;
}

ApiAnswer SimApi::handle(const Route &route, const QueryItems &query, const QByteArray &body) {
    switch (route.kind) {
    case Route::Kind::NotFound:
        return dcsError(QStringLiteral("DCS.4001"));
    case Route::Kind::MethodNotAllowed:
        return dcsError(QStringLiteral("DCS.5001"));
    default:
        break;
    }
    if (route.projectId != m_projectId)
        return dcsError(QStringLiteral("DCS.1004"));

    switch (route.kind) {
    case Route::Kind::ListInstances:
        return listInstances(query);
    case Route::Kind::ShowInstance:
        return showInstance(route.instanceId);
    case Route::Kind::ListBackups:
        return listBackups(route.instanceId, query);
    case Route::Kind::ListRestores:
        return listRestores(route.instanceId, query);
    case Route::Kind::CreateBackup: {
        const SimResult<QString> result = m_state->createBackup(route.instanceId, body);
        if (!result.ok())
            return dcsError(*result.error);
        return ok({{QStringLiteral("backup_id"), result.value}});
    }
    case Route::Kind::DeleteBackup: {
        const SimResult<bool> result = m_state->deleteBackup(route.instanceId, route.backupId);
        if (!result.ok())
            return dcsError(*result.error);
        return ok({{QStringLiteral("message"), QString()}});
    }
    case Route::Kind::Restore: {
        const SimResult<QString> result = m_state->restore(route.instanceId, body);
        if (!result.ok())
            return dcsError(*result.error);
        return ok({{QStringLiteral("restore_id"), result.value}});
    }
    default:
        return dcsError(QStringLiteral("DCS.4001"));
    }
}

ApiAnswer SimApi::listInstances(const QueryItems &query) const {
    Paging paging;
    if (auto refusal = readPaging(query, &paging))
        return *refusal;
    InstanceFilter filter;
    bool bad = false;
    filter.name = queryValue(query, QStringLiteral("name")).value_or(QString());
    filter.exactName = boolParameter(query, QStringLiteral("isExactMatchName"), &bad);
    if (bad)
        return invalidParameter(QStringLiteral("isExactMatchName"));
    filter.includeFailure = boolParameter(query, QStringLiteral("include_failure"), &bad);
    if (bad)
        return invalidParameter(QStringLiteral("include_failure"));
    filter.id = queryValue(query, QStringLiteral("id")).value_or(QString());
    filter.ip = queryValue(query, QStringLiteral("ip")).value_or(QString()).trimmed();
    filter.status = queryValue(query, QStringLiteral("status")).value_or(QString());
    if (!filter.status.isEmpty() && !knownStatuses().contains(filter.status))
        return invalidParameter(QStringLiteral("status"));
    if (const std::optional<QString> tags = queryValue(query, QStringLiteral("tags"))) {
        for (const QString &pair : tags->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            Tag tag;
            tag.key = (eq < 0 ? pair : pair.left(eq)).trimmed();
            tag.value = eq < 0 ? QString() : pair.mid(eq + 1).trimmed();
            if (tag.key.isEmpty())
                return invalidParameter(QStringLiteral("tags"));
            filter.tags.append(tag);
        }
    }

    const SimState::InstancePage page = m_state->listInstances(filter, paging.start, paging.limit);
    QJsonArray instances;
    for (const Instance &instance : page.items)
        instances.append(instance.toJson(false));
    return ok(
        {{QStringLiteral("instance_num"), page.total}, {QStringLiteral("instances"), instances}});
}

ApiAnswer SimApi::showInstance(const QString &instanceId) const {
    const std::optional<Instance> instance = m_state->instance(instanceId);
    if (!instance)
        return dcsError(QStringLiteral("DCS.3022"));
    return ok(instance->toJson(true));
}

// Backups and restore records list alike: the instance must exist, the page and the time
// window are read from the query, and the records are filtered by when they were created.
template <typename Record>
ApiAnswer SimApi::listRecords(const std::optional<QList<Record>> &all, const QueryItems &query,
                              const QString &listKey) const {
    if (!all)
        return dcsError(QStringLiteral("DCS.3022"));
    Paging paging;
    if (auto refusal = readPaging(query, &paging))
        return *refusal;
    TimeWindow window;
    if (auto refusal = readTimeWindow(query, &window))
        return *refusal;
    QList<Record> matching;
    std::copy_if(all->cbegin(), all->cend(), std::back_inserter(matching),
                 [&](const Record &record) { return window.contains(record.createdAt); });
    QJsonArray records;
    for (const Record &record : pageOf(matching, paging))
        records.append(record.toJson());
    return ok({{QStringLiteral("total_num"), int(matching.size())}, {listKey, records}});
}

ApiAnswer SimApi::listBackups(const QString &instanceId, const QueryItems &query) const {
    return listRecords(m_state->backups(instanceId), query,
                       QStringLiteral("backup_record_response"));
}

ApiAnswer SimApi::listRestores(const QString &instanceId, const QueryItems &query) const {
    return listRecords(m_state->restores(instanceId), query,
                       QStringLiteral("restore_record_response"));
}

ApiAnswer SimApi::dcsError(const SimError &error) {
    const QJsonObject inner{{QStringLiteral("code"), error.code},
                            {QStringLiteral("message"), error.message},
                            {QStringLiteral("ext_message"), QJsonValue(QJsonValue::Null)}};
    const QJsonObject body{{QStringLiteral("error"), inner}};
    return {error.httpStatus, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

ApiAnswer SimApi::gatewayError(int status, const QString &code, const QString &message,
                               const QString &requestId) {
    const QJsonObject body{{QStringLiteral("error_code"), code},
                           {QStringLiteral("error_msg"), message},
                           {QStringLiteral("request_id"), requestId}};
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

QDateTime SimApi::parseQueryTime(const QString &text) {
    if (text.size() != 14 ||
        !std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); }))
        return {};
    // Date and time apart: read as one local time, a daylight-saving gap would make it invalid.
    const QDate date = QDate::fromString(text.left(8), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(text.mid(8), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace dcs::sim
