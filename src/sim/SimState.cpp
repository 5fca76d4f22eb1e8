#include "SimState.h"

#include "model/JsonRead.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QUuid>
#include <algorithm>
#include <climits>
#include <cmath>

namespace dcs::sim {

namespace {

const QLatin1String StateFormat("dcs-sim-state");
constexpr int StateVersion = 1;

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Progress is shown with two decimals by the service; keep the numbers we hand out the same.
double roundProgress(double value) {
    return std::round(value * 100.0) / 100.0;
}

QString timeStamp(const QDateTime &utc) {
    return utc.toUTC().toString(QStringLiteral("yyyyMMddHHmmss"));
}

bool newestFirst(const QDateTime &a, const QString &idA, const QDateTime &b, const QString &idB) {
    if (a != b)
        return a > b;
    return idA < idB;
}

// The serving order of each kind of record.
const QDateTime &createdAt(const SimBackup &entry) {
    return entry.record.createdAt;
}
const QDateTime &createdAt(const SimRestore &entry) {
    return entry.record.createdAt;
}
const QDateTime &createdAt(const SimTask &entry) {
    return entry.record.createdAt;
}
const QString &recordId(const SimBackup &entry) {
    return entry.record.backupId;
}
const QString &recordId(const SimRestore &entry) {
    return entry.record.restoreId;
}
const QString &recordId(const SimTask &entry) {
    return entry.record.id;
}

template <typename Entry> bool servedBefore(const Entry &a, const Entry &b) {
    return newestFirst(createdAt(a), recordId(a), createdAt(b), recordId(b));
}

// A new record goes where it will be served (its index is returned). Records made now go first,
// which a QList does in constant time.
template <typename Entry> qsizetype insertServed(QList<Entry> &list, Entry entry) {
    const qsizetype at =
        std::upper_bound(list.cbegin(), list.cend(), entry, servedBefore<Entry>) - list.cbegin();
    list.insert(at, std::move(entry));
    return at;
}

template <typename Entry> void sortServed(QList<Entry> &list) {
    std::stable_sort(list.begin(), list.end(), servedBefore<Entry>);
}

// The slice of a newest-first list created within [begin, end] (invalid: open): two binary
// searches, since the order is by creation time.
template <typename Entry>
std::pair<qsizetype, qsizetype> windowOf(const QList<Entry> &list, const QDateTime &begin,
                                         const QDateTime &end) {
    qsizetype from = 0;
    qsizetype to = list.size();
    if (end.isValid())
        from = std::partition_point(list.cbegin(), list.cend(),
                                    [&](const Entry &e) { return createdAt(e) > end; }) -
               list.cbegin();
    if (begin.isValid())
        to = std::partition_point(list.cbegin() + from, list.cend(),
                                  [&](const Entry &e) { return !(createdAt(e) < begin); }) -
             list.cbegin();
    return {from, std::max(from, to)};
}

// Remark checks shared by backup and restore; the optional reason becomes the API's refusal.
std::optional<SimError> remarkRefusal(const QJsonValue &remark) {
    if (remark.isUndefined() || remark.isNull())
        return std::nullopt;
    if (!remark.isString()) {
        SimError error = simError(QStringLiteral("DCS.4800"));
        error.message = QStringLiteral("Invalid remark in the request.");
        return error;
    }
    if (characterCount(remark.toString()) > SimState::MaxRemarkCharacters)
        return simError(QStringLiteral("DCS.4098"));
    return std::nullopt;
}

QJsonObject timelineToJson(const JobTimeline &job) {
    QJsonObject object;
    object.insert(QStringLiteral("live"), job.live);
    object.insert(QStringLiteral("start_at"), json::nullable(job.startAt));
    object.insert(QStringLiteral("end_at"), json::nullable(job.endAt));
    object.insert(QStringLiteral("final_status"), json::nullable(job.finalStatus));
    object.insert(QStringLiteral("final_progress"), job.finalProgress);
    object.insert(QStringLiteral("final_error_code"), json::nullable(job.finalErrorCode));
    if (job.real) {
        object.insert(QStringLiteral("real"), true);
        object.insert(QStringLiteral("real_state"), json::nullable(job.realState));
    }
    return object;
}

bool timelineFromJson(const QJsonValue &value, JobTimeline *job) {
    if (value.isUndefined() || value.isNull()) {
        *job = {};
        return true;
    }
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    job->live = object.value(QLatin1String("live")).toBool();
    job->startAt = json::dateTime(object.value(QLatin1String("start_at")));
    job->endAt = json::dateTime(object.value(QLatin1String("end_at")));
    job->finalStatus = json::string(object.value(QLatin1String("final_status")));
    job->finalProgress = json::number(object.value(QLatin1String("final_progress")), 100.0);
    job->finalErrorCode = json::string(object.value(QLatin1String("final_error_code")));
    job->real = object.value(QLatin1String("real")).toBool();
    job->realState = json::string(object.value(QLatin1String("real_state")));
    // A live job needs both ends, or its status could never be computed.
    return !job->live ||
           (job->startAt.isValid() && job->endAt.isValid() && !job->finalStatus.isEmpty());
}

} // namespace

SimError simError(const QString &code) {
    struct Known {
        const char *code;
        int status;
        const char *message;
    };
    static const Known known[] = {
        {"DCS.1001", 401, "The token is invalid."},
        {"DCS.1002", 401, "The token has expired."},
        {"DCS.1004", 401, "The project ID does not match the credentials."},
        {"DCS.3022", 404, "The instance does not exist."},
        {"DCS.4001", 404, "The URL does not exist."},
        {"DCS.4004", 400, "The request body is empty."},
        {"DCS.4005", 400, "The request body is not valid JSON."},
        {"DCS.4049", 400, "The instance is not in the Running state."},
        {"DCS.4086", 400, "Backup and restoration are not supported for single-node instances."},
        {"DCS.4087", 400, "The backup cannot be used for restoration."},
        {"DCS.4096", 400, "A backup of the instance is in progress."},
        {"DCS.4097", 400, "A restoration of the instance is in progress."},
        {"DCS.4098", 400, "The remark cannot exceed 128 characters."},
        {"DCS.4800", 400, "Invalid parameter in the request."},
        {"DCS.5000", 500, "Internal server error."},
        {"DCS.5001", 405, "The method is not allowed for this URL."},
    };
    for (const Known &entry : known) {
        if (code == QLatin1String(entry.code))
            return {entry.status, code, QString::fromLatin1(entry.message)};
    }
    return {400, code, QStringLiteral("Request refused.")};
}

int characterCount(const QString &text) {
    return int(text.toUcs4().size());
}

SimState::SimState(Clock clock, SimTiming timing)
    : m_clock(clock ? std::move(clock) : Clock(&SimState::systemNow))
    , m_timing(timing) {}

QDateTime SimState::systemNow() {
    return QDateTime::currentDateTimeUtc();
}

void SimState::clear() {
    m_instances.clear();
    m_instanceIndex.clear();
    m_backups.clear();
    m_restores.clear();
    m_tasks.clear();
    m_redisPorts.clear();
    m_failingAutoBackups.clear();
}

void SimState::addInstance(const Instance &instance) {
    if (m_instanceIndex.contains(instance.instanceId))
        m_instances[m_instanceIndex.value(instance.instanceId)] = instance;
    else
        m_instances.append(instance);
    sortInstances();
}

void SimState::addInstances(const QList<Instance> &instances) {
    for (const Instance &instance : instances) {
        if (m_instanceIndex.contains(instance.instanceId)) {
            m_instances[m_instanceIndex.value(instance.instanceId)] = instance;
        } else {
            m_instanceIndex.insert(instance.instanceId, int(m_instances.size()));
            m_instances.append(instance);
        }
    }
    sortInstances();
}

void SimState::addBackup(const Backup &backup, const JobTimeline &job) {
    insertServed(m_backups[backup.instanceId], SimBackup{backup, job});
}

void SimState::addBackups(const QList<Backup> &backups) {
    QSet<QString> touched;
    for (const Backup &backup : backups) {
        m_backups[backup.instanceId].append(SimBackup{backup, {}});
        touched.insert(backup.instanceId);
    }
    for (const QString &instanceId : std::as_const(touched))
        sortServed(m_backups[instanceId]);
}

void SimState::addRestore(const QString &instanceId, const RestoreRecord &record,
                          const JobTimeline &job) {
    insertServed(m_restores[instanceId], SimRestore{instanceId, record, job});
}

void SimState::addTask(const QString &instanceId, const BackgroundTask &task,
                       const JobTimeline &job) {
    insertServed(m_tasks[instanceId], SimTask{instanceId, task, job});
}

bool SimState::hasInstance(const QString &instanceId) const {
    return m_instanceIndex.contains(instanceId);
}

void SimState::setAutomaticBackupsFail(const QString &instanceId, const QString &errorCode) {
    if (errorCode.isEmpty())
        m_failingAutoBackups.remove(instanceId);
    else
        m_failingAutoBackups.insert(instanceId, errorCode);
}

void SimState::sortInstances() {
    std::stable_sort(m_instances.begin(), m_instances.end(),
                     [](const Instance &a, const Instance &b) {
                         return newestFirst(a.createdAt, a.instanceId, b.createdAt, b.instanceId);
                     });
    m_instanceIndex.clear();
    m_instanceIndex.reserve(m_instances.size());
    for (int i = 0; i < m_instances.size(); ++i)
        m_instanceIndex.insert(m_instances.at(i).instanceId, i);
}

// ---- derived views -------------------------------------------------------------------------

namespace {

struct Phase {
    enum Kind { Waiting, Running, Finished } kind = Finished;
    double progress = 0.0;
};

Phase phaseAt(const JobTimeline &job, const QDateTime &now) {
    if (now < job.startAt)
        return {Phase::Waiting, 0.0};
    if (job.real) {
        // Runs until the real work reports its end; the timeline only says when that work may
        // begin. Progress is the timeline's until then, the work's after, never 100 before it
        // ended.
        double progress = job.realProgress;
        if (now < job.endAt) {
            const double span = double(job.startAt.msecsTo(job.endAt));
            const double done = double(job.startAt.msecsTo(now));
            progress = std::max(progress, span > 0 ? 100.0 * done / span : 0.0);
        }
        return {Phase::Running, roundProgress(std::min(progress, 99.0))};
    }
    if (now < job.endAt) {
        const double span = double(job.startAt.msecsTo(job.endAt));
        const double done = double(job.startAt.msecsTo(now));
        const double fraction = span > 0 ? done / span : 1.0;
        return {Phase::Running, roundProgress(job.finalProgress * fraction)};
    }
    return {Phase::Finished, job.finalProgress};
}

} // namespace

Backup SimState::viewBackup(const SimBackup &backup, const QDateTime &now) const {
    Backup view = backup.record;
    if (!backup.job.live)
        return view;
    const Phase phase = phaseAt(backup.job, now);
    view.progress = phase.progress;
    switch (phase.kind) {
    case Phase::Waiting:
        view.status = QStringLiteral("waiting");
        view.executionAt = {};
        view.updatedAt = view.createdAt;
        view.size = 0;
        view.errorCode.clear();
        break;
    case Phase::Running:
        view.status = QStringLiteral("backuping");
        view.executionAt = backup.job.startAt;
        view.updatedAt = backup.job.startAt;
        view.size = 0;
        view.errorCode.clear();
        break;
    case Phase::Finished:
        view.status = backup.job.finalStatus;
        view.executionAt = backup.job.startAt;
        view.updatedAt = backup.job.endAt;
        view.errorCode = backup.job.finalErrorCode;
        if (view.status != QLatin1String("succeed"))
            view.size = 0;
        break;
    }
    return view;
}

RestoreRecord SimState::viewRestore(const SimRestore &restore, const QDateTime &now) const {
    RestoreRecord view = restore.record;
    if (!restore.job.live)
        return view;
    const Phase phase = phaseAt(restore.job, now);
    view.progress = phase.progress;
    switch (phase.kind) {
    case Phase::Waiting:
        view.status = QStringLiteral("waiting");
        view.updatedAt = view.createdAt;
        view.errorCode.clear();
        break;
    case Phase::Running:
        view.status = QStringLiteral("restoring");
        view.updatedAt = restore.job.startAt;
        view.errorCode.clear();
        break;
    case Phase::Finished:
        view.status = restore.job.finalStatus;
        view.updatedAt = restore.job.endAt;
        view.errorCode = restore.job.finalErrorCode;
        break;
    }
    return view;
}

BackgroundTask SimState::viewTask(const SimTask &task, const QDateTime &now) const {
    BackgroundTask view = task.record;
    if (!task.job.live)
        return view;
    const Phase phase = phaseAt(task.job, now);
    if (phase.kind == Phase::Finished) {
        view.status = task.job.finalStatus;
        view.updatedAt = task.job.endAt;
    } else {
        view.status = QStringLiteral("EXECUTING");
        view.updatedAt = {};
    }
    return view;
}

bool SimState::restoreRunning(const QString &instanceId, const QDateTime &now) const {
    const auto it = m_restores.constFind(instanceId);
    if (it == m_restores.constEnd())
        return false;
    return std::any_of(it->cbegin(), it->cend(), [&](const SimRestore &restore) {
        return viewRestore(restore, now).isRunning();
    });
}

bool SimState::backupRunning(const QString &instanceId, const QDateTime &now) const {
    const auto it = m_backups.constFind(instanceId);
    if (it == m_backups.constEnd())
        return false;
    return std::any_of(it->cbegin(), it->cend(), [&](const SimBackup &backup) {
        return viewBackup(backup, now).isRunning();
    });
}

Instance SimState::viewInstance(const Instance &stored, const QDateTime &now) const {
    Instance view = stored;
    if (m_realServers.contains(stored.instanceId)) {
        // The address a client reaches the real server at; it asks for no password.
        view.ip = QStringLiteral("127.0.0.1");
        view.port = m_redisPorts.value(stored.instanceId);
        view.noPasswordAccess = true;
    } else if (m_offlinePort != 0) {
        // No server holds its data: an address where nothing answers, on this machine only.
        view.ip = QStringLiteral("127.0.0.1");
        view.port = m_offlinePort;
    }
    const auto it = m_restores.constFind(stored.instanceId);
    if (it == m_restores.constEnd())
        return view;
    for (const SimRestore &restore : *it) {
        const RestoreRecord record = viewRestore(restore, now);
        if (record.isRunning())
            view.status = QStringLiteral("RESTORING");
        // The instance changed when the restore began and again when it ended.
        const QDateTime changedAt = record.isFinished() ? record.updatedAt : record.createdAt;
        if (changedAt.isValid() && changedAt <= now &&
            (!view.updateAt.isValid() || changedAt > view.updateAt))
            view.updateAt = changedAt;
    }
    return view;
}

QString SimState::shownIp(const Instance &stored) const {
    if (m_realServers.contains(stored.instanceId) || m_offlinePort != 0)
        return QStringLiteral("127.0.0.1");
    return stored.ip;
}

QList<Instance> SimState::allInstances() const {
    const QDateTime at = now();
    QList<Instance> result;
    result.reserve(m_instances.size());
    for (const Instance &stored : m_instances)
        result.append(viewInstance(stored, at));
    return result;
}

std::optional<Instance> SimState::instance(const QString &instanceId) const {
    const auto it = m_instanceIndex.constFind(instanceId);
    if (it == m_instanceIndex.constEnd())
        return std::nullopt;
    const QDateTime at = now();
    Instance view = viewInstance(m_instances.at(*it), at);
    // ShowInstance's "task" (v2 §2, [OTC] only, shape unconfirmed): the example's bare word for
    // the job under way, null when idle.
    if (view.status == QLatin1String("RESTORING"))
        view.task = QStringLiteral("RESTORING");
    else if (backupRunning(instanceId, at))
        view.task = QStringLiteral("BACKUPING");
    return view;
}

SimState::InstancePage SimState::listInstances(const InstanceFilter &filter, int start,
                                               int limit) const {
    const QDateTime at = now();
    InstancePage page;
    const int first = std::max(start, 1) - 1;
    for (const Instance &stored : m_instances) {
        if (!filter.id.isEmpty() && stored.instanceId != filter.id)
            continue;
        if (!filter.nameEqual.isEmpty() && stored.name != filter.nameEqual)
            continue;
        if (filter.capacityGb >= 0 && stored.capacity != filter.capacityGb)
            continue;
        if (!filter.name.isEmpty()) {
            const bool match = filter.exactName
                                   ? stored.name == filter.name
                                   : stored.name.contains(filter.name, Qt::CaseInsensitive);
            if (!match)
                continue;
        }
        if (!filter.ip.isEmpty()) {
            // The address shown is the one looked for (viewInstance).
            const QStringList ips = shownIp(stored).split(QLatin1Char(','), Qt::SkipEmptyParts);
            const bool match = std::any_of(ips.cbegin(), ips.cend(), [&](const QString &ip) {
                return ip.trimmed() == filter.ip;
            });
            if (!match)
                continue;
        }
        if (!filter.tags.isEmpty()) {
            const bool all =
                std::all_of(filter.tags.cbegin(), filter.tags.cend(), [&](const Tag &wanted) {
                    return std::any_of(
                        stored.tags.cbegin(), stored.tags.cend(), [&](const Tag &tag) {
                            return tag.key == wanted.key &&
                                   (wanted.value.isEmpty() || tag.value == wanted.value);
                        });
                });
            if (!all)
                continue;
        }
        // Only instances with a restore can be RESTORING, and only real ones (or all, with
        // offline addresses) have another address; skip the derivation for the rest.
        const bool mayDiffer = m_restores.contains(stored.instanceId) ||
                               m_realServers.contains(stored.instanceId) || m_offlinePort != 0;
        const QString status = mayDiffer ? viewInstance(stored, at).status : stored.status;
        if (status == QLatin1String("CREATEFAILED") && !filter.includeFailure)
            continue;
        if (!filter.status.isEmpty() && status != filter.status)
            continue;
        if (page.total >= first && page.items.size() < limit)
            page.items.append(mayDiffer ? viewInstance(stored, at) : stored);
        ++page.total;
    }
    return page;
}

std::optional<QList<Backup>> SimState::backups(const QString &instanceId) const {
    if (!hasInstance(instanceId))
        return std::nullopt;
    const QDateTime at = now();
    QList<Backup> result;
    for (const SimBackup &backup : m_backups.value(instanceId))
        result.append(viewBackup(backup, at));
    return result;
}

std::optional<QList<RestoreRecord>> SimState::restores(const QString &instanceId) const {
    if (!hasInstance(instanceId))
        return std::nullopt;
    const QDateTime at = now();
    QList<RestoreRecord> result;
    for (const SimRestore &restore : m_restores.value(instanceId))
        result.append(viewRestore(restore, at));
    return result;
}

std::optional<QList<BackgroundTask>> SimState::tasks(const QString &instanceId) const {
    if (!hasInstance(instanceId))
        return std::nullopt;
    const QDateTime at = now();
    QList<BackgroundTask> result;
    for (const SimTask &task : m_tasks.value(instanceId))
        result.append(viewTask(task, at));
    return result;
}

namespace {

template <typename Record, typename Entry, typename View>
SimState::RecordPage<Record> pageOfServed(const QList<Entry> &list, const QDateTime &begin,
                                          const QDateTime &end, int first, int limit, View view) {
    SimState::RecordPage<Record> page;
    const auto [from, to] = windowOf(list, begin, end);
    page.total = int(to - from);
    const qsizetype start = from + std::max(first, 0);
    const qsizetype stop = std::min(to, start + std::max(limit, 0));
    for (qsizetype i = start; i < stop; ++i)
        page.items.append(view(list.at(i)));
    return page;
}

} // namespace

std::optional<SimState::RecordPage<Backup>> SimState::backupPage(const QString &instanceId,
                                                                 const QDateTime &begin,
                                                                 const QDateTime &end, int first,
                                                                 int limit) const {
    if (!hasInstance(instanceId))
        return std::nullopt;
    const QDateTime at = now();
    return pageOfServed<Backup>(m_backups.value(instanceId), begin, end, first, limit,
                                [&](const SimBackup &b) { return viewBackup(b, at); });
}

std::optional<SimState::RecordPage<RestoreRecord>>
SimState::restorePage(const QString &instanceId, const QDateTime &begin, const QDateTime &end,
                      int first, int limit) const {
    if (!hasInstance(instanceId))
        return std::nullopt;
    const QDateTime at = now();
    return pageOfServed<RestoreRecord>(m_restores.value(instanceId), begin, end, first, limit,
                                       [&](const SimRestore &r) { return viewRestore(r, at); });
}

std::optional<SimState::RecordPage<BackgroundTask>> SimState::taskPage(const QString &instanceId,
                                                                       const QDateTime &begin,
                                                                       const QDateTime &end,
                                                                       int first, int limit) const {
    if (!hasInstance(instanceId))
        return std::nullopt;
    const QDateTime at = now();
    return pageOfServed<BackgroundTask>(m_tasks.value(instanceId), begin, end, first, limit,
                                        [&](const SimTask &t) { return viewTask(t, at); });
}

QMap<QString, int> SimState::statusCounts(bool includeFailure) const {
    InstanceFilter filter;
    filter.includeFailure = includeFailure;
    QMap<QString, int> counts;
    const InstancePage all = listInstances(filter, 1, INT_MAX);
    for (const Instance &instance : all.items)
        counts[instance.status] += 1;
    return counts;
}

SimResult<QList<BackupFile>> SimState::backupFiles(const QString &instanceId,
                                                   const QString &backupId) const {
    SimResult<QList<BackupFile>> result;
    const std::optional<Instance> owner = instance(instanceId);
    if (!owner) {
        result.error = simError(QStringLiteral("DCS.3022"));
        return result;
    }
    const QDateTime at = now();
    const QList<SimBackup> list = m_backups.value(instanceId);
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const SimBackup &backup) {
        return backup.record.backupId == backupId;
    });
    if (it == list.cend() || !viewBackup(*it, at).isSucceeded()) {
        result.error = simError(QStringLiteral("DCS.4800"));
        result.error->message = QStringLiteral("Invalid backup_id in the request.");
        return result;
    }
    const Backup backup = viewBackup(*it, at);
    const QString stamp = (backup.executionAt.isValid() ? backup.executionAt : backup.createdAt)
                              .toUTC()
                              .toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString localPath = m_realServers.contains(instanceId) && m_locateBackupFile
                                  ? m_locateBackupFile(instanceId, backupId)
                                  : QString();
    if (!localPath.isEmpty()) {
        // One server stands for the whole instance: one file, the one its BGSAVE wrote.
        const QFileInfo info(localPath);
        BackupFile file;
        file.instanceId = instanceId;
        file.backupId = backupId;
        file.format = info.suffix();
        file.size = info.size();
        file.localPath = localPath;
        file.fileName = QStringLiteral("redis_%1_%2_0-16383_%3.%4")
                            .arg(owner->ip)
                            .arg(owner->port)
                            .arg(stamp, file.format);
        result.value.append(file);
        return result;
    }
    const InstanceType type = owner->type();
    const int shards = (type == InstanceType::Cluster || type == InstanceType::Proxy)
                           ? std::max(1, owner->shardingCount.value_or(3))
                           : 1;
    const QString format = backup.normalizedFormat() == QLatin1String("aof")
                               ? QStringLiteral("aof")
                               : QStringLiteral("rdb");
    const QStringList ips = owner->ip.split(QLatin1Char(','), Qt::SkipEmptyParts);
    constexpr int Slots = 16384;
    for (int shard = 0; shard < shards; ++shard) {
        BackupFile file;
        file.instanceId = instanceId;
        file.backupId = backupId;
        file.format = format;
        file.shard = shard;
        // The sizes add up to the announced size exactly; the first shard takes the remainder.
        file.size = backup.size / shards + (shard == 0 ? backup.size % shards : 0);
        const QString ip =
            ips.isEmpty() ? QStringLiteral("127.0.0.1") : ips.at(shard % ips.size()).trimmed();
        // As in the documented example: redis_<ip>_<port>_<slots>_<time>.rdb.
        const int firstSlot = shard * Slots / shards;
        const int lastSlot = (shard + 1) * Slots / shards - 1;
        file.fileName = QStringLiteral("redis_%1_%2_%3-%4_%5.%6")
                            .arg(ip)
                            .arg(owner->port)
                            .arg(firstSlot)
                            .arg(lastSlot)
                            .arg(stamp, format);
        result.value.append(file);
    }
    return result;
}

// ---- changes -------------------------------------------------------------------------------

JobTimeline SimState::newJob(const QDateTime &now, double seconds, bool fails,
                             const QString &succeed, const QString &errorCode) const {
    // A tenth of the time waiting for a worker, the rest running; a failing job gives up
    // halfway through its run, which is when the instance is released.
    const qint64 totalMs = qint64(std::max(seconds, 0.0) * 1000.0);
    JobTimeline job;
    job.live = true;
    job.startAt = now.addMSecs(totalMs / 10);
    job.endAt = now.addMSecs(totalMs);
    job.finalStatus = succeed;
    job.finalProgress = 100.0;
    if (fails) {
        job.endAt = job.startAt.addMSecs(job.startAt.msecsTo(job.endAt) / 2);
        job.finalStatus = QStringLiteral("failed");
        job.finalProgress = 50.0;
        job.finalErrorCode = errorCode;
    }
    return job;
}

SimResult<QString> SimState::createBackup(const QString &instanceId, const QByteArray &body) {
    SimResult<QString> result;
    const auto found = m_instanceIndex.constFind(instanceId);
    if (found == m_instanceIndex.constEnd()) {
        result.error = simError(QStringLiteral("DCS.3022"));
        return result;
    }
    // The remark is optional, so an empty body is an empty request here.
    QJsonObject request;
    if (!body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            result.error = simError(QStringLiteral("DCS.4005"));
            return result;
        }
        request = document.object();
    }
    const QDateTime at = now();
    const Instance stored = m_instances.at(*found);
    const Instance current = viewInstance(stored, at);
    if (!current.supportsBackup()) {
        result.error = simError(QStringLiteral("DCS.4086"));
        return result;
    }
    if (!current.isRunning()) {
        result.error = simError(QStringLiteral("DCS.4049"));
        return result;
    }
    if (backupRunning(instanceId, at)) {
        result.error = simError(QStringLiteral("DCS.4096"));
        return result;
    }
    const QJsonValue remark = request.value(QLatin1String("remark"));
    if (auto refusal = remarkRefusal(remark)) {
        result.error = refusal;
        return result;
    }
    QString format = QStringLiteral("rdb");
    const QJsonValue formatValue = request.value(QLatin1String("backup_format"));
    if (!formatValue.isUndefined() && !formatValue.isNull()) {
        format = formatValue.toString().toLower();
        if (format != QLatin1String("rdb") && format != QLatin1String("aof")) {
            result.error = simError(QStringLiteral("DCS.4800"));
            result.error->message = QStringLiteral("Invalid backup_format in the request.");
            return result;
        }
    }

    Backup backup;
    backup.backupId = newId();
    backup.instanceId = instanceId;
    backup.backupName = QStringLiteral("backup_") + timeStamp(at);
    backup.remark = remark.isString() ? remark.toString() : QString();
    // What the file will weigh: about a third of the data, never nothing.
    backup.size = std::max<qint64>(stored.usedMemoryMb * 1024 * 1024 / 3, 4096);
    backup.backupType = QStringLiteral("manual");
    backup.backupFormat = format;
    backup.createdAt = at;
    backup.supportRestore = true;
    JobTimeline job = newJob(at, m_timing.backupSeconds, m_timing.backupsFail,
                             QStringLiteral("succeed"), QStringLiteral("dcs.08.0001"));
    if (m_realServers.contains(instanceId) && !m_timing.backupsFail) {
        // A real server: after the wait for a worker, BGSAVE decides how long it runs.
        job.real = true;
        job.endAt = job.startAt;
    }
    backup.status = QStringLiteral("waiting");
    const qsizetype slot = insertServed(m_backups[instanceId], SimBackup{backup, job});
    if (auto notSaved =
            persist([this, instanceId, slot] { m_backups[instanceId].removeAt(slot); })) {
        result.error = notSaved;
        return result;
    }
    result.value = backup.backupId;
    return result;
}

SimResult<bool> SimState::deleteBackup(const QString &instanceId, const QString &backupId) {
    SimResult<bool> result;
    if (!hasInstance(instanceId)) {
        result.error = simError(QStringLiteral("DCS.3022"));
        return result;
    }
    const QDateTime at = now();
    QList<SimBackup> &list = m_backups[instanceId];
    auto it = std::find_if(list.begin(), list.end(), [&](const SimBackup &backup) {
        return backup.record.backupId == backupId;
    });
    if (it == list.end() || viewBackup(*it, at).status == QLatin1String("deleted")) {
        result.error = simError(QStringLiteral("DCS.4800"));
        result.error->message = QStringLiteral("Invalid backup_id in the request.");
        return result;
    }
    if (viewBackup(*it, at).isRunning()) {
        result.error = simError(QStringLiteral("DCS.4096"));
        return result;
    }
    // The file a running restore reads from cannot go away under it.
    const QList<SimRestore> restores = m_restores.value(instanceId);
    const bool inUse = std::any_of(restores.cbegin(), restores.cend(), [&](const SimRestore &r) {
        return r.record.backupId == backupId && viewRestore(r, at).isRunning();
    });
    if (inUse) {
        result.error = simError(QStringLiteral("DCS.4097"));
        return result;
    }
    Backup deleted = viewBackup(*it, at);
    deleted.status = QStringLiteral("deleted");
    deleted.supportRestore = false;
    deleted.updatedAt = at;
    const SimBackup before = *it;
    const qsizetype index = it - list.begin();
    *it = SimBackup{deleted, {}};
    if (auto notSaved =
            persist([this, instanceId, index, before] { m_backups[instanceId][index] = before; })) {
        result.error = notSaved;
        return result;
    }
    // Its file goes only once the deletion is saved.
    if (m_backupDeleted)
        m_backupDeleted(instanceId, backupId);
    result.value = true;
    return result;
}

SimResult<QString> SimState::restore(const QString &instanceId, const QByteArray &body) {
    // The refusals in exactly the order of dcs-api.md §6: the first that applies answers.
    SimResult<QString> result;
    auto refuse = [&](const char *code) {
        result.error = simError(QString::fromLatin1(code));
        return result;
    };
    // 1. unknown instance
    const auto found = m_instanceIndex.constFind(instanceId);
    if (found == m_instanceIndex.constEnd())
        return refuse("DCS.3022");
    // 2. empty body, body not JSON
    if (body.trimmed().isEmpty())
        return refuse("DCS.4004");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return refuse("DCS.4005");
    const QJsonObject request = document.object();
    const QDateTime at = now();
    const Instance current = viewInstance(m_instances.at(*found), at);
    // 3. single-node instance
    if (!current.supportsBackup())
        return refuse("DCS.4086");
    // 4. a restore already running; any other status than RUNNING
    if (current.status == QLatin1String("RESTORING"))
        return refuse("DCS.4097");
    if (!current.isRunning())
        return refuse("DCS.4049");
    // 5. a backup of the instance running
    if (backupRunning(instanceId, at))
        return refuse("DCS.4096");
    // 6. missing, unknown or foreign backup_id
    const QJsonValue backupIdValue = request.value(QLatin1String("backup_id"));
    const QString backupId = backupIdValue.isString() ? backupIdValue.toString() : QString();
    const QList<SimBackup> ownBackups = m_backups.value(instanceId);
    const auto backupIt =
        std::find_if(ownBackups.cbegin(), ownBackups.cend(), [&](const SimBackup &backup) {
            return !backupId.isEmpty() && backup.record.backupId == backupId;
        });
    if (backupIt == ownBackups.cend()) {
        refuse("DCS.4800");
        result.error->message = QStringLiteral("Invalid backup_id in the request.");
        return result;
    }
    // 7. backup not restorable
    const Backup backup = viewBackup(*backupIt, at);
    if (!backup.isRestorable())
        return refuse("DCS.4087");
    // 8. remark too long
    const QJsonValue remark = request.value(QLatin1String("remark"));
    if (auto refusal = remarkRefusal(remark)) {
        result.error = refusal;
        return result;
    }

    RestoreRecord record;
    record.restoreId = newId();
    record.restoreName = QStringLiteral("restore_") + timeStamp(at);
    record.backupId = backup.backupId;
    record.backupName = backup.backupName;
    record.restoreRemark = remark.isString() ? remark.toString() : QString();
    record.backupRemark = backup.remark;
    record.createdAt = at;
    JobTimeline job = newJob(at, m_timing.restoreSeconds, m_timing.restoresFail,
                             QStringLiteral("succeed"), QStringLiteral("dcs.08.0007"));
    if (m_realServers.contains(instanceId) && !m_timing.restoresFail) {
        // A real server: after the wait for a worker, loading the file decides how long.
        job.real = true;
        job.endAt = job.startAt;
    }
    record.status = QStringLiteral("waiting");
    record.updatedAt = at;
    const qsizetype slot =
        insertServed(m_restores[instanceId], SimRestore{instanceId, record, job});
    if (auto notSaved =
            persist([this, instanceId, slot] { m_restores[instanceId].removeAt(slot); })) {
        result.error = notSaved;
        return result;
    }
    result.value = record.restoreId;
    return result;
}

SimResult<bool> SimState::updateInstance(const QString &instanceId, const QByteArray &body) {
    SimResult<bool> result;
    auto refuse = [&](const char *code, const QString &message = {}) {
        result.error = simError(QString::fromLatin1(code));
        if (!message.isEmpty())
            result.error->message = message;
        return result;
    };
    const auto found = m_instanceIndex.constFind(instanceId);
    if (found == m_instanceIndex.constEnd())
        return refuse("DCS.3022");
    if (body.trimmed().isEmpty())
        return refuse("DCS.4004");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return refuse("DCS.4005");
    const QJsonObject request = document.object();
    // Only the backup policy can be changed here; the other fields of the body (name, port …)
    // are outside what dcs-sim simulates and are refused rather than ignored.
    for (auto it = request.constBegin(); it != request.constEnd(); ++it) {
        if (it.key() != QLatin1String("instance_backup_policy"))
            return refuse("DCS.4800", QStringLiteral("Invalid %1 in the request.").arg(it.key()));
    }
    const QJsonValue policyValue = request.value(QLatin1String("instance_backup_policy"));
    if (!policyValue.isObject())
        return refuse("DCS.4800", QStringLiteral("Invalid instance_backup_policy in the request."));
    const Instance current = viewInstance(m_instances.at(*found), now());
    // §11: master/standby and cluster only.
    if (!current.supportsBackup())
        return refuse("DCS.4086");
    if (!current.isRunning())
        return refuse("DCS.4049");

    // The checks of the OTC error table, one code per field; numbers must be numbers.
    const QJsonObject policy = policyValue.toObject();
    const QString type = policy.value(QLatin1String("backup_type")).toString();
    if (type != QLatin1String("auto") && type != QLatin1String("manual"))
        return refuse("DCS.4073", QStringLiteral("Invalid backup_type in the request."));
    const QJsonValue saveDaysValue = policy.value(QLatin1String("save_days"));
    const bool isAuto = type == QLatin1String("auto");
    int saveDays = 0;
    if (!saveDaysValue.isUndefined() && !saveDaysValue.isNull()) {
        if (!saveDaysValue.isDouble() ||
            saveDaysValue.toDouble() != std::floor(saveDaysValue.toDouble()) ||
            saveDaysValue.toInt() < 1 || saveDaysValue.toInt() > 7)
            return refuse("DCS.4072", QStringLiteral("Invalid save_days in the request."));
        saveDays = saveDaysValue.toInt();
    } else if (isAuto) {
        return refuse("DCS.4072", QStringLiteral("Invalid save_days in the request."));
    }
    const QJsonValue planValue = policy.value(QLatin1String("periodical_backup_plan"));
    if (isAuto && !planValue.isObject())
        return refuse("DCS.4074", QStringLiteral("Invalid period_type in the request."));
    QJsonObject plan;
    if (planValue.isObject()) {
        plan = planValue.toObject();
        if (plan.value(QLatin1String("period_type")).toString() != QLatin1String("weekly"))
            return refuse("DCS.4074", QStringLiteral("Invalid period_type in the request."));
        const QJsonValue daysValue = plan.value(QLatin1String("backup_at"));
        QList<int> days;
        for (const QJsonValue &day : daysValue.toArray()) {
            if (!day.isDouble() || day.toInt() < 1 || day.toInt() > 7 || days.contains(day.toInt()))
                return refuse("DCS.4075", QStringLiteral("Invalid backup_at in the request."));
            days.append(day.toInt());
        }
        if (!daysValue.isArray() || days.isEmpty())
            return refuse("DCS.4075", QStringLiteral("Invalid backup_at in the request."));
        BackupPolicy check;
        check.beginAt = plan.value(QLatin1String("begin_at")).toString();
        if (check.beginHour() < 0)
            return refuse("DCS.4076", QStringLiteral("Invalid begin_at in the request."));
        std::sort(days.begin(), days.end());
        QJsonArray sorted;
        for (int d : days)
            sorted.append(d);
        plan.insert(QStringLiteral("backup_at"), sorted);
        plan.insert(QStringLiteral("timezone_offset"), QJsonValue(QJsonValue::Null));
    }

    // Stored as ShowInstance shows it; switching to manual keeps the earlier plan and
    // retention (§11, [OTC]).
    Instance &stored = m_instances[*found];
    const Instance before = stored;
    QJsonObject wrapper = stored.instanceBackupPolicy;
    QJsonObject storedPolicy = wrapper.value(QLatin1String("policy")).toObject();
    const QDateTime at = now();
    if (wrapper.isEmpty()) {
        wrapper.insert(QStringLiteral("backup_policy_id"), newId());
        wrapper.insert(QStringLiteral("created_at"), json::formatDateTime(at));
    }
    storedPolicy.insert(QStringLiteral("backup_type"), type);
    if (saveDays > 0)
        storedPolicy.insert(QStringLiteral("save_days"), saveDays);
    if (!plan.isEmpty())
        storedPolicy.insert(QStringLiteral("periodical_backup_plan"), plan);
    wrapper.insert(QStringLiteral("policy"), storedPolicy);
    wrapper.insert(QStringLiteral("updated_at"), json::formatDateTime(at));
    stored.instanceBackupPolicy = wrapper;
    stored.updateAt = at;
    const qsizetype index = *found;
    if (auto notSaved = persist([this, index, before] { m_instances[index] = before; })) {
        result.error = notSaved;
        return result;
    }
    result.value = true;
    return result;
}

namespace {

const QUuid AutoBackupNamespace(QStringLiteral("{0c7a4e52-91d3-4f6b-8a2e-3b5d7c9e1f40}"));

bool isAutomatic(const Backup &backup) {
    return backup.backupType.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
}

} // namespace

bool SimState::runAutomaticBackups(const QDateTime &at) {
    bool any = false;
    for (const Instance &stored : std::as_const(m_instances)) {
        const Instance instance = viewInstance(stored, at);
        if (!instance.isRunning() || !instance.supportsBackup())
            continue;
        const std::optional<BackupPolicy> policy =
            BackupPolicy::fromJson(QJsonValue(instance.instanceBackupPolicy));
        if (!policy || !policy->isAuto())
            continue;
        // From the newest automatic backup on (it was that window's), never before the policy
        // or the instance existed, and no further back than backups are kept.
        QDateTime from = instance.createdAt;
        if (policy->updatedAt.isValid())
            from = qMax(from, policy->updatedAt);
        if (policy->retentionSeconds() > 0)
            from = qMax(from, at.addSecs(-policy->retentionSeconds()));
        QList<SimBackup> &backups = m_backups[instance.instanceId];
        for (const SimBackup &backup : std::as_const(backups)) {
            if (isAutomatic(backup.record))
                from = qMax(from, backup.record.createdAt);
        }
        const QList<QDateTime> windows = policy->windowsBetween(from, at);
        for (const QDateTime &window : windows) {
            // Spread over the window's first hour, the same minute every day for an instance.
            const int minute = int(quint8(QCryptographicHash::hash(instance.instanceId.toUtf8(),
                                                                   QCryptographicHash::Md5)
                                              .at(0)) %
                                   50);
            const QDateTime created = window.addSecs(minute * 60 + 7);
            if (created > at || created <= from)
                continue;
            Backup backup;
            backup.backupId =
                QUuid::createUuidV5(AutoBackupNamespace, instance.instanceId + timeStamp(window))
                    .toString(QUuid::WithoutBraces);
            backup.instanceId = instance.instanceId;
            backup.backupName = QStringLiteral("backup_") + timeStamp(created);
            backup.backupType = QStringLiteral("auto");
            backup.backupFormat = QStringLiteral("rdb");
            backup.period = policy->beginAt;
            backup.createdAt = created;
            backup.updatedAt = created;
            backup.supportRestore = true;
            backup.size = instance.usedMemoryMb * 1024 * 1024 / 3 + 4096;
            const QString failure = m_failingAutoBackups.value(instance.instanceId);
            JobTimeline job;
            job.live = true;
            job.startAt = created.addSecs(4);
            job.endAt = created.addSecs(failure.isEmpty() ? 61 : 95);
            job.finalStatus =
                failure.isEmpty() ? QStringLiteral("succeed") : QStringLiteral("failed");
            job.finalProgress = failure.isEmpty() ? 100.0 : 50.0;
            job.finalErrorCode = failure;
            // On a real server the backup is a real BGSAVE, as a manual one is: a record that
            // succeeds with no file behind it could be chosen for a restore that cannot load.
            // A window missed while dcs-sim was stopped is saved from the data of now.
            job.real = failure.isEmpty() && m_realServers.contains(instance.instanceId);
            insertServed(backups, SimBackup{backup, job});
            any = true;
        }
    }
    return any;
}

bool SimState::expireAutomaticBackups(const QDateTime &at) {
    bool any = false;
    for (auto it = m_backups.begin(); it != m_backups.end(); ++it) {
        const auto found = m_instanceIndex.constFind(it.key());
        if (found == m_instanceIndex.constEnd())
            continue;
        const std::optional<BackupPolicy> policy =
            BackupPolicy::fromJson(QJsonValue(m_instances.at(found.value()).instanceBackupPolicy));
        const qint64 keep = policy ? policy->retentionSeconds() : 0;
        if (keep <= 0)
            continue;
        for (SimBackup &backup : *it) {
            if (backup.job.live || !isAutomatic(backup.record) ||
                backup.record.status != QLatin1String("succeed") ||
                backup.record.createdAt.addSecs(keep) > at)
                continue;
            backup.record.status = QStringLiteral("expired");
            backup.record.supportRestore = false;
            backup.record.updatedAt = backup.record.createdAt.addSecs(keep);
            any = true;
        }
    }
    return any;
}

bool SimState::advance() {
    const QDateTime at = now();
    bool any = false;
    if (m_timing.automaticBackups) {
        any = runAutomaticBackups(at) || any;
        any = expireAutomaticBackups(at) || any;
    }
    for (auto it = m_backups.begin(); it != m_backups.end(); ++it) {
        for (SimBackup &backup : *it) {
            if (backup.job.live && !backup.job.real && at >= backup.job.endAt) {
                backup.record = viewBackup(backup, at);
                backup.job = {};
                any = true;
            }
        }
    }
    for (auto it = m_restores.begin(); it != m_restores.end(); ++it) {
        for (SimRestore &restore : *it) {
            if (restore.job.live && !restore.job.real && at >= restore.job.endAt) {
                restore.record = viewRestore(restore, at);
                restore.job = {};
                any = true;
            }
        }
    }
    for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
        for (SimTask &task : *it) {
            if (task.job.live && at >= task.job.endAt) {
                task.record = viewTask(task, at);
                task.job = {};
                any = true;
            }
        }
    }
    if (any)
        changed();
    return any;
}

// ---- real servers --------------------------------------------------------------------------

std::optional<quint16> SimState::redisPort(const QString &instanceId) const {
    const auto it = m_redisPorts.constFind(instanceId);
    if (it == m_redisPorts.cend())
        return std::nullopt;
    return *it;
}

void SimState::setRedisServer(const QString &instanceId, quint16 port) {
    if (!hasInstance(instanceId))
        return;
    m_realServers.insert(instanceId);
    if (m_redisPorts.value(instanceId) != port) {
        m_redisPorts.insert(instanceId, port);
        changed();
    }
}

void SimState::makeLiveJobsReal(const QString &instanceId) {
    bool any = false;
    // A job that is meant to fail (a demo failure, --fault) keeps failing the simulated way.
    for (SimBackup &backup : m_backups[instanceId]) {
        if (backup.job.live && !backup.job.real &&
            backup.job.finalStatus == QLatin1String("succeed")) {
            backup.job.real = true;
            any = true;
        }
    }
    for (SimRestore &restore : m_restores[instanceId]) {
        if (restore.job.live && !restore.job.real &&
            restore.job.finalStatus == QLatin1String("succeed")) {
            restore.job.real = true;
            any = true;
        }
    }
    if (any)
        changed();
}

QList<RealJob> SimState::dueRealJobs() const {
    const QDateTime at = now();
    QList<RealJob> due;
    for (const QString &instanceId : m_realServers) {
        for (const SimBackup &backup : m_backups.value(instanceId)) {
            if (backup.job.live && backup.job.real && at >= backup.job.endAt) {
                RealJob job;
                job.kind = RealJob::Kind::Backup;
                job.instanceId = instanceId;
                job.jobId = backup.record.backupId;
                job.backupId = backup.record.backupId;
                job.format = backup.record.normalizedFormat();
                job.resumed = backup.job.realState == QLatin1String("running");
                due.append(job);
            }
        }
        for (const SimRestore &restore : m_restores.value(instanceId)) {
            if (restore.job.live && restore.job.real && at >= restore.job.endAt) {
                RealJob job;
                job.kind = RealJob::Kind::Restore;
                job.instanceId = instanceId;
                job.jobId = restore.record.restoreId;
                job.backupId = restore.record.backupId;
                for (const SimBackup &backup : m_backups.value(instanceId)) {
                    if (backup.record.backupId == job.backupId)
                        job.format = backup.record.normalizedFormat();
                }
                job.resumed = restore.job.realState == QLatin1String("running");
                due.append(job);
            }
        }
    }
    // Oldest first, so jobs of one instance run in the order they were asked for.
    std::sort(due.begin(), due.end(), [this](const RealJob &a, const RealJob &b) {
        auto created = [this](const RealJob &job) {
            if (job.kind == RealJob::Kind::Backup) {
                for (const SimBackup &backup : m_backups.value(job.instanceId)) {
                    if (backup.record.backupId == job.jobId)
                        return backup.record.createdAt;
                }
            } else {
                for (const SimRestore &restore : m_restores.value(job.instanceId)) {
                    if (restore.record.restoreId == job.jobId)
                        return restore.record.createdAt;
                }
            }
            return QDateTime();
        };
        return created(a) < created(b);
    });
    return due;
}

namespace {

template <typename List, typename Match> auto *findJob(List &list, Match match) {
    for (auto &entry : list) {
        if (match(entry))
            return &entry;
    }
    return static_cast<decltype(&list.first())>(nullptr);
}

} // namespace

void SimState::startRealJob(const RealJob &job) {
    JobTimeline *timeline = nullptr;
    if (job.kind == RealJob::Kind::Backup) {
        if (SimBackup *backup = findJob(m_backups[job.instanceId], [&](const SimBackup &b) {
                return b.record.backupId == job.jobId;
            }))
            timeline = &backup->job;
    } else if (SimRestore *restore = findJob(m_restores[job.instanceId], [&](const SimRestore &r) {
                   return r.record.restoreId == job.jobId;
               })) {
        timeline = &restore->job;
    }
    if (!timeline || !timeline->live || !timeline->real)
        return;
    timeline->realState = QStringLiteral("running");
    timeline->realProgress = 0.0;
    changed();
}

void SimState::setRealJobProgress(const RealJob &job, double percent) {
    auto apply = [&](JobTimeline &timeline) {
        if (timeline.live && timeline.real)
            timeline.realProgress = std::clamp(percent, 0.0, 99.0);
    };
    if (job.kind == RealJob::Kind::Backup) {
        if (SimBackup *backup = findJob(m_backups[job.instanceId], [&](const SimBackup &b) {
                return b.record.backupId == job.jobId;
            }))
            apply(backup->job);
    } else if (SimRestore *restore = findJob(m_restores[job.instanceId], [&](const SimRestore &r) {
                   return r.record.restoreId == job.jobId;
               })) {
        apply(restore->job);
    }
}

void SimState::finishRealJob(const RealJob &job, bool succeeded, qint64 size) {
    const QDateTime at = now();
    if (job.kind == RealJob::Kind::Backup) {
        SimBackup *backup = findJob(m_backups[job.instanceId], [&](const SimBackup &b) {
            return b.record.backupId == job.jobId;
        });
        if (!backup || !backup->job.live || !backup->job.real)
            return;
        Backup &record = backup->record;
        record.executionAt = backup->job.startAt;
        record.updatedAt = at;
        record.status = succeeded ? QStringLiteral("succeed") : QStringLiteral("failed");
        record.progress = succeeded ? 100.0 : roundProgress(backup->job.realProgress);
        record.errorCode = succeeded ? QString() : QStringLiteral("dcs.08.0001");
        record.size = succeeded ? size : 0;
        backup->job = {};
    } else {
        SimRestore *restore = findJob(m_restores[job.instanceId], [&](const SimRestore &r) {
            return r.record.restoreId == job.jobId;
        });
        if (!restore || !restore->job.live || !restore->job.real)
            return;
        RestoreRecord &record = restore->record;
        record.updatedAt = at;
        record.status = succeeded ? QStringLiteral("succeed") : QStringLiteral("failed");
        record.progress = succeeded ? 100.0 : roundProgress(restore->job.realProgress);
        record.errorCode = succeeded ? QString() : QStringLiteral("dcs.08.0007");
        restore->job = {};
    }
    changed();
}

void SimState::setBackupSize(const QString &instanceId, const QString &backupId, qint64 size) {
    SimBackup *backup = findJob(m_backups[instanceId],
                                [&](const SimBackup &b) { return b.record.backupId == backupId; });
    if (!backup || backup->record.size == size)
        return;
    backup->record.size = size;
    changed();
}

void SimState::setBackupFileStore(std::function<QString(const QString &, const QString &)> locate,
                                  std::function<void(const QString &, const QString &)> deleted) {
    m_locateBackupFile = std::move(locate);
    m_backupDeleted = std::move(deleted);
}

void SimState::changed() {
    if (m_stateFile.isEmpty())
        return;
    QString error;
    if (!save(&error))
        qWarning("dcs-sim: could not save the state: %s", qPrintable(error));
}

std::optional<SimError> SimState::persist(const std::function<void()> &undo) {
    if (m_stateFile.isEmpty())
        return std::nullopt;
    QString error;
    if (save(&error))
        return std::nullopt;
    // Nothing is acknowledged that the file does not hold: the change is taken back and the
    // caller answers 500, as the service does when its database refuses a write.
    undo();
    qWarning("dcs-sim: a change could not be saved to %s, so it was undone and refused: %s",
             qPrintable(m_stateFile), qPrintable(error));
    SimError refusal = simError(QStringLiteral("DCS.5000"));
    refusal.message = QStringLiteral("Internal server error: the change could not be saved.");
    return refusal;
}

// ---- persistence ---------------------------------------------------------------------------

QByteArray SimState::toJson() const {
    QJsonArray instances;
    for (const Instance &instance : m_instances)
        instances.append(instance.toJson(true));
    QJsonArray backups;
    QJsonArray restores;
    QJsonArray tasks;
    // Stable order in the file: instances and their records as listed.
    for (const Instance &instance : m_instances) {
        for (const SimBackup &backup : m_backups.value(instance.instanceId)) {
            QJsonObject entry;
            entry.insert(QStringLiteral("record"), backup.record.toJson());
            entry.insert(QStringLiteral("job"), timelineToJson(backup.job));
            backups.append(entry);
        }
        for (const SimRestore &restore : m_restores.value(instance.instanceId)) {
            QJsonObject entry;
            entry.insert(QStringLiteral("instance_id"), restore.instanceId);
            entry.insert(QStringLiteral("record"), restore.record.toJson());
            entry.insert(QStringLiteral("job"), timelineToJson(restore.job));
            restores.append(entry);
        }
        for (const SimTask &task : m_tasks.value(instance.instanceId)) {
            QJsonObject entry;
            entry.insert(QStringLiteral("instance_id"), task.instanceId);
            entry.insert(QStringLiteral("record"), task.record.toJson());
            entry.insert(QStringLiteral("job"), timelineToJson(task.job));
            tasks.append(entry);
        }
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), StateFormat);
    root.insert(QStringLiteral("version"), StateVersion);
    root.insert(QStringLiteral("saved_at"), json::formatDateTime(now()));
    root.insert(QStringLiteral("instances"), instances);
    root.insert(QStringLiteral("backups"), backups);
    root.insert(QStringLiteral("restores"), restores);
    root.insert(QStringLiteral("tasks"), tasks);
    if (!m_redisPorts.isEmpty()) {
        QJsonObject ports;
        for (auto it = m_redisPorts.cbegin(); it != m_redisPorts.cend(); ++it)
            ports.insert(it.key(), int(it.value()));
        root.insert(QStringLiteral("redis_ports"), ports);
    }
    QJsonObject failing;
    for (auto it = m_failingAutoBackups.constBegin(); it != m_failingAutoBackups.constEnd(); ++it)
        failing.insert(it.key(), it.value());
    root.insert(QStringLiteral("failing_automatic_backups"), failing);
    // Compact: with thousands of generated instances the file is rewritten on every change.
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

bool SimState::fromJson(const QByteArray &data, QString *error) {
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not valid JSON (%1 at offset %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("the top level is not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != StateFormat)
        return fail(
            QStringLiteral("not a dcs-sim state file (\"format\" is not \"%1\")").arg(StateFormat));
    if (root.value(QLatin1String("version")).toInt() != StateVersion)
        return fail(QStringLiteral("unsupported state version %1")
                        .arg(root.value(QLatin1String("version")).toInt()));
    const QJsonValue instancesValue = root.value(QLatin1String("instances"));
    const QJsonValue backupsValue = root.value(QLatin1String("backups"));
    const QJsonValue restoresValue = root.value(QLatin1String("restores"));
    if (!instancesValue.isArray() || !backupsValue.isArray() || !restoresValue.isArray())
        return fail(QStringLiteral("\"instances\", \"backups\" and \"restores\" must be arrays"));

    // Build aside and swap in at the end, so a damaged file changes nothing.
    SimState loaded(m_clock, m_timing);
    const QJsonArray instances = instancesValue.toArray();
    for (qsizetype i = 0; i < instances.size(); ++i) {
        if (!instances.at(i).isObject())
            return fail(QStringLiteral("instance %1 is not an object").arg(i));
        const Instance instance = Instance::fromJson(instances.at(i).toObject());
        if (instance.instanceId.isEmpty())
            return fail(QStringLiteral("instance %1 has no instance_id").arg(i));
        loaded.m_instances.append(instance);
    }
    loaded.sortInstances();
    if (loaded.m_instanceIndex.size() != loaded.m_instances.size())
        return fail(QStringLiteral("an instance_id appears twice"));

    const QJsonArray backups = backupsValue.toArray();
    for (qsizetype i = 0; i < backups.size(); ++i) {
        const QJsonObject entry = backups.at(i).toObject();
        if (!entry.value(QLatin1String("record")).isObject())
            return fail(QStringLiteral("backup %1 has no record").arg(i));
        SimBackup backup;
        backup.record = Backup::fromJson(entry.value(QLatin1String("record")).toObject());
        if (backup.record.backupId.isEmpty() || !loaded.hasInstance(backup.record.instanceId))
            return fail(
                QStringLiteral("backup %1 has no backup_id or an unknown instance_id").arg(i));
        if (!timelineFromJson(entry.value(QLatin1String("job")), &backup.job))
            return fail(QStringLiteral("backup %1 has a damaged job").arg(i));
        loaded.m_backups[backup.record.instanceId].append(backup);
    }
    const QJsonArray restores = restoresValue.toArray();
    for (qsizetype i = 0; i < restores.size(); ++i) {
        const QJsonObject entry = restores.at(i).toObject();
        SimRestore restore;
        restore.instanceId = entry.value(QLatin1String("instance_id")).toString();
        if (!entry.value(QLatin1String("record")).isObject() ||
            !loaded.hasInstance(restore.instanceId))
            return fail(
                QStringLiteral("restore %1 has no record or an unknown instance_id").arg(i));
        restore.record = RestoreRecord::fromJson(entry.value(QLatin1String("record")).toObject());
        if (restore.record.restoreId.isEmpty())
            return fail(QStringLiteral("restore %1 has no restore_id").arg(i));
        if (!timelineFromJson(entry.value(QLatin1String("job")), &restore.job))
            return fail(QStringLiteral("restore %1 has a damaged job").arg(i));
        loaded.m_restores[restore.instanceId].append(restore);
    }
    // Background tasks came with the v2 API; a state file from before has none.
    const QJsonValue tasksValue = root.value(QLatin1String("tasks"));
    if (!tasksValue.isUndefined() && !tasksValue.isArray())
        return fail(QStringLiteral("\"tasks\" must be an array"));
    const QJsonArray tasks = tasksValue.toArray();
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const QJsonObject entry = tasks.at(i).toObject();
        SimTask task;
        task.instanceId = entry.value(QLatin1String("instance_id")).toString();
        if (!entry.value(QLatin1String("record")).isObject() ||
            !loaded.hasInstance(task.instanceId))
            return fail(QStringLiteral("task %1 has no record or an unknown instance_id").arg(i));
        task.record = BackgroundTask::fromJson(entry.value(QLatin1String("record")).toObject());
        if (task.record.id.isEmpty())
            return fail(QStringLiteral("task %1 has no id").arg(i));
        if (!timelineFromJson(entry.value(QLatin1String("job")), &task.job))
            return fail(QStringLiteral("task %1 has a damaged job").arg(i));
        loaded.m_tasks[task.instanceId].append(task);
    }
    // Files written before the lists were kept in serving order have them in creation order.
    for (auto it = loaded.m_backups.begin(); it != loaded.m_backups.end(); ++it)
        sortServed(*it);
    for (auto it = loaded.m_restores.begin(); it != loaded.m_restores.end(); ++it)
        sortServed(*it);
    for (auto it = loaded.m_tasks.begin(); it != loaded.m_tasks.end(); ++it)
        sortServed(*it);
    // The ports of real servers came with dcs-sim --redis-server; older files have none.
    const QJsonValue portsValue = root.value(QLatin1String("redis_ports"));
    if (!portsValue.isUndefined() && !portsValue.isObject())
        return fail(QStringLiteral("\"redis_ports\" must be an object"));
    const QJsonObject ports = portsValue.toObject();
    for (auto it = ports.constBegin(); it != ports.constEnd(); ++it) {
        const int port = it.value().toInt(-1);
        if (!loaded.hasInstance(it.key()) || port <= 0 || port > 65535)
            return fail(QStringLiteral("\"redis_ports\" has a bad entry for %1").arg(it.key()));
        loaded.m_redisPorts.insert(it.key(), quint16(port));
    }
    // Added with the fleet's demo; a state file from before has none.
    const QJsonObject failing = root.value(QLatin1String("failing_automatic_backups")).toObject();
    for (auto it = failing.constBegin(); it != failing.constEnd(); ++it) {
        if (loaded.hasInstance(it.key()) && it.value().isString())
            loaded.m_failingAutoBackups.insert(it.key(), it.value().toString());
    }
    m_instances = std::move(loaded.m_instances);
    m_instanceIndex = std::move(loaded.m_instanceIndex);
    m_redisPorts = std::move(loaded.m_redisPorts);
    m_failingAutoBackups = std::move(loaded.m_failingAutoBackups);
    m_backups = std::move(loaded.m_backups);
    m_restores = std::move(loaded.m_restores);
    m_tasks = std::move(loaded.m_tasks);
    return true;
}

SimState::LoadResult SimState::load(const QString &path, QString *error) {
    QFile file(path);
    if (!file.exists())
        return LoadResult::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return LoadResult::Damaged;
    }
    QString why;
    if (!fromJson(file.readAll(), &why)) {
        if (error)
            *error = why;
        return LoadResult::Damaged;
    }
    return LoadResult::Loaded;
}

bool SimState::save(QString *error) const {
    // QSaveFile writes aside and renames: a crash mid-write leaves the previous state intact.
    QSaveFile file(m_stateFile);
    const QByteArray data = toJson();
    bool ok = file.open(QIODevice::WriteOnly);
    // The file holds the demo's project id and instance names: the owner's alone.
    if (ok)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (ok)
        ok = file.write(data) == data.size();
    // The cause first: cancelWriting() replaces it with "Writing canceled by application".
    QString why = ok ? QString() : file.errorString();
    if (ok) {
        ok = file.commit();
        if (!ok)
            why = file.errorString();
    } else {
        file.cancelWriting();
    }
    if (!ok && why.isEmpty())
        why = QStringLiteral("unknown error");
    m_lastSaveError = why;
    if (!ok && error)
        *error = m_lastSaveError;
    return ok;
}

} // namespace dcs::sim
