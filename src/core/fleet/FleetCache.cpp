#include "fleet/FleetCache.h"

#include "model/JsonRead.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QThreadPool>

namespace dcs {

namespace {

using L1 = QLatin1String;

const L1 Format("dcs-console-fleet");
constexpr int Version = 1;

// The instance fields the fleet shows, searches and acts on; the rest is read again.
const QStringList InstanceKeys{
    QStringLiteral("instance_id"),        QStringLiteral("name"),       QStringLiteral("engine"),
    QStringLiteral("engine_version"),     QStringLiteral("status"),     QStringLiteral("spec_code"),
    QStringLiteral("resource_spec_code"), QStringLiteral("cache_mode"), QStringLiteral("capacity"),
    QStringLiteral("capacity_minor"),     QStringLiteral("ip"),         QStringLiteral("port"),
    QStringLiteral("domain_name"),        QStringLiteral("created_at"),
};

QJsonObject instanceToJson(const Instance &instance) {
    const QJsonObject full = instance.toJson(true);
    QJsonObject kept;
    for (const QString &key : InstanceKeys) {
        const QJsonValue value = full.value(key);
        if (!value.isUndefined() && !value.isNull())
            kept.insert(key, value);
    }
    return kept;
}

QJsonObject rowToJson(const FleetInstance &row) {
    QJsonObject entry;
    entry.insert(L1("instance"), instanceToJson(row.instance));
    if (row.facts)
        entry.insert(L1("facts"), row.facts->toJson());
    if (row.announced)
        entry.insert(L1("announced"), verdictKey(*row.announced));
    return entry;
}

// nullopt for an entry without an instance id.
std::optional<FleetInstance> rowFromJson(const QJsonObject &entry, const QString &sourceKey) {
    FleetInstance row;
    row.sourceKey = sourceKey;
    row.instance = Instance::fromJson(entry.value(L1("instance")).toObject());
    if (row.instance.instanceId.isEmpty())
        return std::nullopt;
    if (entry.value(L1("facts")).isObject())
        row.facts = HealthFacts::fromJson(entry.value(L1("facts")).toObject());
    if (entry.value(L1("announced")).isString())
        row.announced = verdictFromKey(entry.value(L1("announced")).toString());
    return row;
}

} // namespace

const FleetSnapshot::Source *FleetSnapshot::source(const QString &key) const {
    for (const Source &s : sources) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QString FleetCache::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("fleet-health.json"));
}

QByteArray FleetCache::toJson(const FleetSnapshot &snapshot, const QDateTime &savedAt) {
    QJsonArray sources;
    for (const FleetSnapshot::Source &source : snapshot.sources) {
        QJsonArray instances;
        for (const FleetInstance &row : source.instances)
            instances.append(rowToJson(row));
        sources.append(QJsonObject{{L1("key"), source.key},
                                   {L1("listed_at"), json::nullable(source.listedAt)},
                                   {L1("instances"), instances}});
    }
    const QJsonObject root{{L1("format"), Format},
                           {L1("version"), Version},
                           {L1("saved_at"), json::formatDateTime(savedAt)},
                           {L1("sources"), sources}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<FleetSnapshot> FleetCache::fromJson(const QByteArray &data, QString *error) {
    auto fail = [error](const QString &why) -> std::optional<FleetSnapshot> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(L1("format")).toString() != Format ||
        root.value(L1("version")).toInt() != Version)
        return fail(QStringLiteral("not a fleet cache of this version"));
    FleetSnapshot snapshot;
    for (const QJsonValue &sourceValue : root.value(L1("sources")).toArray()) {
        const QJsonObject sourceObject = sourceValue.toObject();
        FleetSnapshot::Source source;
        source.key = sourceObject.value(L1("key")).toString();
        if (source.key.isEmpty())
            continue;
        source.listedAt = json::dateTime(sourceObject.value(L1("listed_at")));
        for (const QJsonValue &entryValue : sourceObject.value(L1("instances")).toArray()) {
            if (std::optional<FleetInstance> row = rowFromJson(entryValue.toObject(), source.key))
                source.instances.append(*row);
        }
        snapshot.sources.append(source);
    }
    return snapshot;
}

FleetSnapshot FleetCache::asStored(const FleetSnapshot &snapshot) {
    FleetSnapshot stored;
    for (const FleetSnapshot::Source &source : snapshot.sources) {
        if (source.key.isEmpty())
            continue;
        FleetSnapshot::Source kept;
        kept.key = source.key;
        kept.listedAt = json::dateTime(json::nullable(source.listedAt));
        kept.instances.reserve(source.instances.size());
        for (const FleetInstance &row : source.instances) {
            if (std::optional<FleetInstance> back = rowFromJson(rowToJson(row), source.key))
                kept.instances.append(*back);
        }
        stored.sources.append(kept);
    }
    return stored;
}

FleetSnapshot FleetCache::load(const QString &path, QString *error) {
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return {};
    }
    return fromJson(file.readAll(), error).value_or(FleetSnapshot{});
}

bool FleetCache::save(const QString &path, const FleetSnapshot &snapshot, QString *error) {
    return privatefiles::write(path, toJson(snapshot, QDateTime::currentDateTimeUtc()), error);
}

namespace {

// One thread, kept while it has work and for a while after; its destructor (at the program's
// end, should anything still be queued then) waits for what is left.
struct CacheThread {
    QThreadPool pool;
    CacheThread() { pool.setMaxThreadCount(1); }
};
Q_GLOBAL_STATIC(CacheThread, cacheThread)

void waitForCacheThread() {
    FleetCache::waitForWrites();
}

} // namespace

QThreadPool *FleetCache::thread() {
    // What a fleet asked to be written is written before the program ends: at aboutToQuit (the
    // event loop is over), and when the application object goes (windows deleted after that,
    // e.g. with main's own stack). Asked for on the application's thread.
    static QCoreApplication *hooked = nullptr;
    QCoreApplication *app = QCoreApplication::instance();
    if (app && app != hooked) {
        QObject::connect(app, &QCoreApplication::aboutToQuit, app, &waitForCacheThread);
        qAddPostRoutine(&waitForCacheThread);
        hooked = app;
    }
    return &cacheThread->pool;
}

bool FleetCache::waitForWrites(int msecs) {
    if (!cacheThread.exists())
        return true;
    return cacheThread->pool.waitForDone(msecs);
}

} // namespace dcs
