#include "SimApi.h"

#include "RowJson.h"
#include "model/JsonRead.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>
#include <QUrl>
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace dcs::sim {

namespace {

constexpr int DefaultLimit = 10;
constexpr int MaxLimit = 1000;

using L1 = QLatin1String;

ApiAnswer ok(const QJsonObject &object) {
    return {200, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

QByteArray rowJson(const Backup &backup) {
    return rowjson::backup(backup);
}
QByteArray rowJson(const RestoreRecord &record) {
    return rowjson::restore(record);
}

// {"<before>":[row,row,…]<after>} from rows already rendered: the bytes QJsonDocument would
// write for the same object (compact, keys in order), without building it.
ApiAnswer okList(const QByteArray &before, const QList<QByteArray> &rows, const QByteArray &after) {
    qsizetype size = before.size() + after.size() + rows.size() + 2;
    for (const QByteArray &row : rows)
        size += row.size();
    QByteArray body;
    body.reserve(size);
    body += before;
    body += '[';
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i > 0)
            body += ',';
        body += rows.at(i);
    }
    body += ']';
    body += after;
    return {200, body};
}

// v2's "no content" answers (§3, §5, §8, §11): no body at all.
ApiAnswer noContent() {
    ApiAnswer answer(204, {});
    return answer;
}

ApiAnswer invalidParameter(ApiVersion version, const QString &name) {
    SimError error = simError(QStringLiteral("DCS.4800"));
    error.message = QStringLiteral("Invalid %1 in the request.").arg(name);
    return SimApi::errorFor(version, error);
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

// Where a page starts, as an index from 0, and how long it is.
struct Paging {
    int first = 0;
    int limit = DefaultLimit;
};

// v1.0: start, the 1-based number of the first record (default 1). v2: offset, the number of
// records to skip (default 0; v2 §0). Both: limit 1–1000, default 10.
std::optional<ApiAnswer> readPaging(ApiVersion version, const QueryItems &query, Paging *paging) {
    bool bad = false;
    if (version == ApiVersion::V2) {
        paging->first = intParameter(query, QStringLiteral("offset"), 0, 0, INT_MAX - 1, &bad);
        if (bad)
            return invalidParameter(version, QStringLiteral("offset"));
    } else {
        paging->first = intParameter(query, QStringLiteral("start"), 1, 1, INT_MAX, &bad) - 1;
        if (bad)
            return invalidParameter(version, QStringLiteral("start"));
    }
    paging->limit = intParameter(query, QStringLiteral("limit"), DefaultLimit, 1, MaxLimit, &bad);
    if (bad)
        return invalidParameter(version, QStringLiteral("limit"));
    return std::nullopt;
}

// Both ends included; an invalid one leaves that side open.
struct TimeWindow {
    QDateTime begin;
    QDateTime end;
};

// names: the begin and end parameters, first the one this family documents, then tolerated
// aliases (only for the tasks call, where the contract leaves it open).
std::optional<ApiAnswer> readTimeWindow(ApiVersion version, const QueryItems &query,
                                        const QStringList &beginNames, const QString &endName,
                                        TimeWindow *window) {
    auto read = [&](const QString &name, QDateTime *target) -> std::optional<ApiAnswer> {
        const std::optional<QString> text = queryValue(query, name);
        if (!text || text->isEmpty())
            return std::nullopt;
        *target = SimApi::parseQueryTime(*text);
        if (!target->isValid())
            return invalidParameter(version, name);
        return std::nullopt;
    };
    for (const QString &name : beginNames) {
        if (auto refusal = read(name, &window->begin))
            return refusal;
        if (window->begin.isValid())
            break;
    }
    if (auto refusal = read(endName, &window->end))
        return refusal;
    // The end is a whole second: everything within it belongs to the range.
    if (window->end.isValid())
        window->end = window->end.addMSecs(999);
    if (window->begin.isValid() && window->end.isValid() && window->begin > window->end)
        return invalidParameter(version, beginNames.constFirst());
    return std::nullopt;
}

const QStringList &knownStatuses() {
    static const QStringList statuses{
        QStringLiteral("CREATING"),  QStringLiteral("CREATEFAILED"), QStringLiteral("RUNNING"),
        QStringLiteral("ERROR"),     QStringLiteral("RESTARTING"),   QStringLiteral("FROZEN"),
        QStringLiteral("EXTENDING"), QStringLiteral("RESTORING"),    QStringLiteral("FLUSHING"),
    };
    return statuses;
}

// The query string of a download link, in the order OBS writes it.
QString linkQuery(const QString &accessKeyId, qint64 expires, const QByteArray &signature) {
    return QStringLiteral("AWSAccessKeyId=%1&Expires=%2&Signature=%3")
        .arg(accessKeyId)
        .arg(expires)
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(signature))));
}

ApiAnswer obsError(int status, const char *code, const char *message) {
    ApiAnswer answer(status, QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                               "<Error><Code>") +
                                 code + "</Code><Message>" + message + "</Message></Error>");
    answer.contentType = "application/xml";
    return answer;
}

} // namespace

QJsonObject instanceListJsonV2(const Instance &i) {
    // One definition of the row: the one pages are written with.
    return QJsonDocument::fromJson(rowjson::instanceListV2(i)).object();
}

QJsonObject instanceShowJsonV2(const Instance &i) {
    QJsonObject o = instanceListJsonV2(i);
    // ShowInstance spells the update time update_at (sic), unlike the list (§2).
    o.remove(L1("updated_at"));
    o.insert(L1("update_at"), json::nullable(i.updateAt));
    o.insert(L1("cache_mode"), i.cacheMode);
    o.insert(L1("product_type"), json::nullable(i.productType));
    o.insert(L1("storage_type"), QStringLiteral("DRAM"));
    o.insert(L1("available_zones"), QJsonArray::fromStringList(i.availableZones));
    o.insert(L1("launched_at"), json::nullable(i.createdAt.addSecs(412)));
    o.insert(L1("security_group_name"), json::nullable(i.securityGroupName));
    o.insert(L1("subnet_name"), json::nullable(i.subnetName));
    o.insert(L1("enterprise_project_name"), QStringLiteral("default"));
    o.insert(L1("db_number"), i.dbNumber ? QJsonValue(*i.dbNumber) : QJsonValue(QJsonValue::Null));
    o.insert(L1("sharding_count"),
             i.shardingCount ? QJsonValue(*i.shardingCount) : QJsonValue(QJsonValue::Null));
    o.insert(L1("replica_count"), i.cacheMode == L1("single") ? 1 : 2);
    o.insert(L1("instance_backup_policy"), i.instanceBackupPolicy.isEmpty()
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(i.instanceBackupPolicy));
    // [OTC] only; value shape unconfirmed (§2). A bare word while a job runs, else null.
    o.insert(L1("task"), json::nullable(i.task));
    return o;
}

SimApi::SimApi(SimState *state, QString projectId)
    : m_state(state)
    , m_projectId(std::move(projectId)) {
    m_linkSecret.resize(32);
    for (int i = 0; i < m_linkSecret.size(); ++i)
        m_linkSecret[i] = char(QRandomGenerator::system()->bounded(256));
}

Route SimApi::route(const QByteArray &method, const QString &decodedPath) {
    const QStringList parts = decodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Route route;
    if (parts.isEmpty())
        return route;
    if (parts.at(0) == QLatin1String("v2")) {
        route.version = ApiVersion::V2;
        route.underVersion = true;
    } else if (parts.at(0) == QLatin1String("v1.0")) {
        route.underVersion = true;
    } else {
        return route;
    }
    if (parts.size() < 3 || parts.at(2) != QLatin1String("instances"))
        return route;
    const bool v2 = route.version == ApiVersion::V2;
    route.projectId = parts.at(1);
    const QByteArray verb = method.toUpper();
    // Each known path with the methods it answers; anything else on it is a 405.
    auto pick = [&](std::initializer_list<std::pair<const char *, Route::Kind>> allowed) {
        for (const auto &entry : allowed) {
            if (entry.second != Route::Kind::NotFound && verb == entry.first) {
                route.kind = entry.second;
                return route;
            }
        }
        route.kind = Route::Kind::MethodNotAllowed;
        return route;
    };
    const Route::Kind v2Only = Route::Kind::NotFound; // a method v1.0 does not have
    switch (parts.size()) {
    case 3:
        return pick({{"GET", Route::Kind::ListInstances}});
    case 4:
        // GET /v2/{project_id}/instances/status is the counts call (§10), not an instance.
        if (v2 && parts.at(3) == QLatin1String("status"))
            return pick({{"GET", Route::Kind::StatusCounts}});
        route.instanceId = parts.at(3);
        return pick({{"GET", Route::Kind::ShowInstance},
                     {"PUT", v2 ? Route::Kind::UpdateInstance : v2Only}});
    case 5:
        route.instanceId = parts.at(3);
        if (parts.at(4) == QLatin1String("backups"))
            return pick({{"GET", Route::Kind::ListBackups}, {"POST", Route::Kind::CreateBackup}});
        if (parts.at(4) == QLatin1String("restores"))
            return pick({{"GET", Route::Kind::ListRestores}, {"POST", Route::Kind::Restore}});
        if (v2 && parts.at(4) == QLatin1String("tasks"))
            return pick({{"GET", Route::Kind::ListTasks}});
        break;
    case 6:
        route.instanceId = parts.at(3);
        route.backupId = parts.at(5);
        if (parts.at(4) == QLatin1String("backups"))
            return pick({{"DELETE", Route::Kind::DeleteBackup}});
        break;
    case 7:
        route.instanceId = parts.at(3);
        route.backupId = parts.at(5);
        if (v2 && parts.at(4) == QLatin1String("backups") && parts.at(6) == QLatin1String("links"))
            return pick({{"POST", Route::Kind::BackupLinks}});
        break;
    default:
        break;
    }
    route.kind = Route::Kind::NotFound;
    return route;
}

ApiAnswer SimApi::handle(const Route &route, const QueryItems &query, const QByteArray &body,
                         const QString &linkBase) {
    const ApiVersion version = route.version;
    switch (route.kind) {
    case Route::Kind::NotFound:
        return errorFor(version, QStringLiteral("DCS.4001"));
    case Route::Kind::MethodNotAllowed:
        return errorFor(version, QStringLiteral("DCS.5001"));
    default:
        break;
    }
    if (route.projectId != m_projectId)
        return errorFor(version, QStringLiteral("DCS.1004"));
    const bool v2 = version == ApiVersion::V2;

    switch (route.kind) {
    case Route::Kind::ListInstances:
        return listInstances(route, query);
    case Route::Kind::ShowInstance:
        return showInstance(route);
    case Route::Kind::StatusCounts:
        return statusCounts(query);
    case Route::Kind::ListBackups:
        return listBackups(route, query);
    case Route::Kind::ListRestores:
        return listRestores(route, query);
    case Route::Kind::ListTasks:
        return listTasks(route, query);
    case Route::Kind::BackupLinks:
        return backupLinks(route, body, linkBase);
    case Route::Kind::CreateBackup: {
        const SimResult<QString> result = m_state->createBackup(route.instanceId, body);
        if (!result.ok())
            return errorFor(version, *result.error);
        return ok({{QStringLiteral("backup_id"), result.value}});
    }
    case Route::Kind::DeleteBackup: {
        const SimResult<bool> result = m_state->deleteBackup(route.instanceId, route.backupId);
        if (!result.ok())
            return errorFor(version, *result.error);
        // v1.0: 200 {"message": ""}; v2: 204 with no body (§5).
        return v2 ? noContent() : ok({{QStringLiteral("message"), QString()}});
    }
    case Route::Kind::Restore: {
        // Refused in v1.0's order in both families: the v2 order is unconfirmed (§7).
        const SimResult<QString> result = m_state->restore(route.instanceId, body);
        if (!result.ok())
            return errorFor(version, *result.error);
        return ok({{QStringLiteral("restore_id"), result.value}});
    }
    case Route::Kind::UpdateInstance: {
        const SimResult<bool> result = m_state->updateInstance(route.instanceId, body);
        if (!result.ok())
            return errorFor(version, *result.error);
        return noContent(); // §11: 204
    }
    default:
        return errorFor(version, QStringLiteral("DCS.4001"));
    }
}

ApiAnswer SimApi::listInstances(const Route &route, const QueryItems &query) const {
    const ApiVersion version = route.version;
    const bool v2 = version == ApiVersion::V2;
    Paging paging;
    if (auto refusal = readPaging(version, query, &paging))
        return *refusal;
    InstanceFilter filter;
    bool bad = false;
    filter.name = queryValue(query, QStringLiteral("name")).value_or(QString());
    if (v2) {
        // name_equal is read two ways (§1, unconfirmed): "true"/"false" qualifies name, as
        // v1.0's isExactMatchName did; any other value is the exact name itself.
        const QString nameEqual =
            queryValue(query, QStringLiteral("name_equal")).value_or(QString());
        if (nameEqual.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            filter.exactName = true;
        else if (nameEqual.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
            filter.nameEqual = nameEqual;
        filter.id = queryValue(query, QStringLiteral("instance_id")).value_or(QString());
        (void)boolParameter(query, QStringLiteral("include_delete"), &bad);
        if (bad)
            return invalidParameter(version, QStringLiteral("include_delete"));
        if (const std::optional<QString> capacity = queryValue(query, QStringLiteral("capacity"))) {
            bool ok = false;
            filter.capacityGb = capacity->trimmed().toInt(&ok);
            if (!ok || filter.capacityGb < 0)
                return invalidParameter(version, QStringLiteral("capacity"));
        }
    } else {
        filter.exactName = boolParameter(query, QStringLiteral("isExactMatchName"), &bad);
        if (bad)
            return invalidParameter(version, QStringLiteral("isExactMatchName"));
        filter.id = queryValue(query, QStringLiteral("id")).value_or(QString());
    }
    filter.includeFailure = boolParameter(query, QStringLiteral("include_failure"), &bad);
    if (bad)
        return invalidParameter(version, QStringLiteral("include_failure"));
    filter.ip = queryValue(query, QStringLiteral("ip")).value_or(QString()).trimmed();
    filter.status = queryValue(query, QStringLiteral("status")).value_or(QString());
    if (!filter.status.isEmpty() && !knownStatuses().contains(filter.status))
        return invalidParameter(version, QStringLiteral("status"));
    if (const std::optional<QString> tags = queryValue(query, QStringLiteral("tags"))) {
        for (const QString &pair : tags->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            Tag tag;
            tag.key = (eq < 0 ? pair : pair.left(eq)).trimmed();
            tag.value = eq < 0 ? QString() : pair.mid(eq + 1).trimmed();
            if (tag.key.isEmpty())
                return invalidParameter(version, QStringLiteral("tags"));
            filter.tags.append(tag);
        }
    }

    const SimState::InstancePage page =
        m_state->listInstances(filter, paging.first + 1, paging.limit);
    // Shared copies, not pointers: the cache may grow (and move its entries) meanwhile.
    QList<QByteArray> rows;
    rows.reserve(page.items.size());
    for (const Instance &instance : page.items)
        rows.append(rendered(m_instanceJson[v2 ? 1 : 0], instance.instanceId, instance,
                             v2 ? &rowjson::instanceListV2 : &rowjson::instanceListV1));
    // {"instance_num":…,"instances":[…]}
    return okList("{\"instance_num\":" + QByteArray::number(page.total) + ",\"instances\":", rows,
                  "}");
}

template <typename Record, typename Render>
const QByteArray &SimApi::rendered(QHash<QString, Rendered<Record>> &cache, const QString &id,
                                   const Record &record, Render render) const {
    auto it = cache.find(id);
    if (it == cache.end())
        it = cache.insert(id, {record, render(record)});
    else if (!(it->record == record))
        *it = {record, render(record)};
    return it->json;
}

ApiAnswer SimApi::showInstance(const Route &route) const {
    const std::optional<Instance> instance = m_state->instance(route.instanceId);
    // v2's answer for an unknown id is unconfirmed (§2): a 404 as Terraform expects, with
    // v1.0's code.
    if (!instance)
        return errorFor(route.version, QStringLiteral("DCS.3022"));
    if (route.version == ApiVersion::V2)
        return ok(instanceShowJsonV2(*instance));
    return ok(instance->toJson(true));
}

// Backups and restore records list alike: the instance must exist, the page and the time
// window are read from the query, and the records are filtered by when they were created.
template <typename Record, typename PageOf>
ApiAnswer SimApi::listRecords(const Route &route, const QueryItems &query, const QString &listKey,
                              PageOf pageOf) const {
    const ApiVersion version = route.version;
    if (!m_state->hasInstance(route.instanceId))
        return errorFor(version, QStringLiteral("DCS.3022"));
    Paging paging;
    if (auto refusal = readPaging(version, query, &paging))
        return *refusal;
    TimeWindow window;
    // v1.0 spells the window camelCase, v2 snake_case (§3, §8).
    const bool v2 = version == ApiVersion::V2;
    if (auto refusal = readTimeWindow(
            version, query, {v2 ? QStringLiteral("begin_time") : QStringLiteral("beginTime")},
            v2 ? QStringLiteral("end_time") : QStringLiteral("endTime"), &window))
        return *refusal;
    const auto page = pageOf(window.begin, window.end, paging.first, paging.limit);
    if (!page)
        return errorFor(version, QStringLiteral("DCS.3022"));
    // v2 answers an empty list with 204 and no body (§3, §8).
    if (v2 && page->total == 0)
        return noContent();
    QList<QByteArray> rows;
    rows.reserve(page->items.size());
    for (const Record &record : page->items)
        rows.append(rendered(cacheOf(record), keyOf(record), record,
                             [](const Record &r) { return rowJson(r); }));
    // {"<listKey>":[…],"total_num":…}: the keys in QJsonDocument's order.
    return okList("{\"" + listKey.toLatin1() + "\":", rows,
                  ",\"total_num\":" + QByteArray::number(page->total) + "}");
}

ApiAnswer SimApi::listBackups(const Route &route, const QueryItems &query) const {
    return listRecords<Backup>(
        route, query, QStringLiteral("backup_record_response"),
        [&](const QDateTime &begin, const QDateTime &end, int first, int limit) {
            return m_state->backupPage(route.instanceId, begin, end, first, limit);
        });
}

ApiAnswer SimApi::listRestores(const Route &route, const QueryItems &query) const {
    return listRecords<RestoreRecord>(
        route, query, QStringLiteral("restore_record_response"),
        [&](const QDateTime &begin, const QDateTime &end, int first, int limit) {
            return m_state->restorePage(route.instanceId, begin, end, first, limit);
        });
}

ApiAnswer SimApi::listTasks(const Route &route, const QueryItems &query) const {
    const ApiVersion version = route.version;
    if (!m_state->hasInstance(route.instanceId))
        return errorFor(version, QStringLiteral("DCS.3022"));
    Paging paging;
    if (auto refusal = readPaging(version, query, &paging))
        return *refusal;
    // start_time is the documented name (§9); begin_time, which Terraform sends, is accepted
    // too, since whether the service takes it is unconfirmed.
    TimeWindow window;
    if (auto refusal = readTimeWindow(version, query,
                                      {QStringLiteral("start_time"), QStringLiteral("begin_time")},
                                      QStringLiteral("end_time"), &window))
        return *refusal;
    const auto page =
        m_state->taskPage(route.instanceId, window.begin, window.end, paging.first, paging.limit);
    if (!page)
        return errorFor(version, QStringLiteral("DCS.3022"));
    QJsonArray tasks;
    for (const BackgroundTask &task : page->items)
        tasks.append(task.toJson());
    // task_count is a String in the SDK types (§9).
    return ok({{QStringLiteral("task_count"), QString::number(page->total)},
               {QStringLiteral("tasks"), tasks}});
}

ApiAnswer SimApi::statusCounts(const QueryItems &query) const {
    bool bad = false;
    const bool includeFailure = boolParameter(query, QStringLiteral("include_failure"), &bad);
    if (bad)
        return invalidParameter(ApiVersion::V2, QStringLiteral("include_failure"));
    static const char *const counters[] = {
        "paying",   "freezing", "migrating", "flushing", "upgrading",  "restoring",   "extending",
        "creating", "running",  "error",     "frozen",   "restarting", "createfailed"};
    QMap<QString, int> byStatus[2]; // Redis, Memcached
    for (const Instance &instance : m_state->allInstances()) {
        if (instance.status == QLatin1String("CREATEFAILED") && !includeFailure)
            continue;
        byStatus[instance.engine == QLatin1String("Memcached") ? 1 : 0][instance.status] += 1;
    }
    auto statistic = [&](bool redis, bool memcached) {
        QJsonObject object;
        for (const char *counter : counters) {
            const QString status = QString::fromLatin1(counter).toUpper();
            const int count = (redis ? byStatus[0].value(status) : 0) +
                              (memcached ? byStatus[1].value(status) : 0);
            object.insert(QString::fromLatin1(counter) + QStringLiteral("_count"), count);
        }
        return object;
    };
    QJsonObject root = statistic(true, true);
    root.insert(QStringLiteral("redis"), statistic(true, false));
    root.insert(QStringLiteral("memcached"), statistic(false, true));
    return ok(root);
}

QString SimApi::bucketName() const {
    return QStringLiteral("dcsbackup") + m_projectId.left(12).toLower();
}

QByteArray SimApi::linkSignature(const QString &objectPath, qint64 expires) const {
    // OBS's query-string signature: HMAC-SHA1 over "GET\n\n\n<Expires>\n/<bucket>/<key>".
    const QByteArray toSign =
        "GET\n\n\n" + QByteArray::number(expires) + '\n' + objectPath.toUtf8();
    return QMessageAuthenticationCode::hash(toSign, m_linkSecret, QCryptographicHash::Sha1)
        .toBase64();
}

ApiAnswer SimApi::backupLinks(const Route &route, const QByteArray &body,
                              const QString &linkBase) const {
    const ApiVersion version = route.version;
    if (!m_state->hasInstance(route.instanceId))
        return errorFor(version, QStringLiteral("DCS.3022"));
    if (body.trimmed().isEmpty())
        return errorFor(version, QStringLiteral("DCS.4004"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return errorFor(version, QStringLiteral("DCS.4005"));
    // expiration is a required int of 300–86400 seconds in v2 (§6).
    const QJsonValue expiration = document.object().value(QLatin1String("expiration"));
    const double seconds = expiration.toDouble(-1);
    if (!expiration.isDouble() || seconds != std::floor(seconds) || seconds < 300 ||
        seconds > 86400)
        return invalidParameter(version, QStringLiteral("expiration"));
    const SimResult<QList<BackupFile>> files =
        m_state->backupFiles(route.instanceId, route.backupId);
    if (!files.ok())
        return errorFor(version, *files.error);

    const qint64 expires = m_state->now().toSecsSinceEpoch() + qint64(seconds);
    const QString filePath =
        route.instanceId + QLatin1Char('/') + route.backupId + QLatin1Char('/');
    QJsonArray links;
    for (const BackupFile &file : files.value) {
        const QString objectPath =
            QLatin1Char('/') + bucketName() + QLatin1Char('/') + filePath + file.fileName;
        const QString url =
            linkBase + QStringLiteral("/obs") + objectPath + QLatin1Char('?') +
            linkQuery(QStringLiteral("DCSSIMOBSKEY"), expires, linkSignature(objectPath, expires));
        links.append(QJsonObject{{QStringLiteral("file_name"), file.fileName},
                                 {QStringLiteral("link"), url}});
    }
    return ok({{QStringLiteral("file_path"), filePath},
               {QStringLiteral("bucket_name"), bucketName()},
               {QStringLiteral("links"), links}});
}

bool SimApi::isDownloadPath(const QString &decodedPath) {
    return decodedPath.startsWith(QLatin1String("/obs/"));
}

SimApi::Download SimApi::download(const QString &decodedPath, const QueryItems &query) const {
    Download answer;
    const QString objectPath = decodedPath.mid(4); // "/<bucket>/<instance>/<backup>/<file>"
    const QStringList parts = objectPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool ok = false;
    const qint64 expires =
        queryValue(query, QStringLiteral("Expires")).value_or(QString()).toLongLong(&ok);
    const QByteArray signature =
        queryValue(query, QStringLiteral("Signature")).value_or(QString()).toLatin1();
    if (!ok || signature.isEmpty() || parts.size() != 4 ||
        signature != linkSignature(objectPath, expires)) {
        answer.refusal = obsError(403, "SignatureDoesNotMatch",
                                  "The request signature we calculated does not match the "
                                  "signature you provided.");
        return answer;
    }
    if (m_state->now().toSecsSinceEpoch() > expires) {
        answer.refusal = obsError(403, "AccessDenied", "Request has expired");
        return answer;
    }
    // The backup may have been deleted since the link was made.
    const SimResult<QList<BackupFile>> files = m_state->backupFiles(parts.at(1), parts.at(2));
    if (files.ok() && parts.at(0) == bucketName()) {
        for (const BackupFile &file : files.value) {
            if (file.fileName == parts.at(3)) {
                answer.file = file;
                return answer;
            }
        }
    }
    answer.refusal = obsError(404, "NoSuchKey", "The specified key does not exist.");
    return answer;
}

ApiAnswer SimApi::dcsError(const SimError &error) {
    const QJsonObject inner{{QStringLiteral("code"), error.code},
                            {QStringLiteral("message"), error.message},
                            {QStringLiteral("ext_message"), QJsonValue(QJsonValue::Null)}};
    const QJsonObject body{{QStringLiteral("error"), inner}};
    return {error.httpStatus, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

ApiAnswer SimApi::dcsErrorV2(const SimError &error) {
    const QJsonObject body{{QStringLiteral("error_code"), error.code},
                           {QStringLiteral("error_msg"), error.message},
                           {QStringLiteral("error_ext_msg"), QJsonValue(QJsonValue::Null)}};
    return {error.httpStatus, QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

ApiAnswer SimApi::errorFor(ApiVersion version, const SimError &error) {
    return version == ApiVersion::V2 ? dcsErrorV2(error) : dcsError(error);
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
