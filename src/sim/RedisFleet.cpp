#include "RedisFleet.h"

#include "DemoData.h"
#include "RedisDemoData.h"
#include "RedisServerProcess.h"
#include "redis/RedisConnection.h"
#include "redis/RedisWork.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QThread>
#include <algorithm>
#include <cstdio>

namespace dcs::sim {

namespace {

const QLatin1String DumpFile("dump.rdb");
const QLatin1String BeforeRestoreFile("dump.rdb.before-restore");
const QLatin1String AppendOnlyFile("appendonly.aof");
const QLatin1String AppendOnlyDir("appendonlydir");
constexpr int ConnectTimeoutMs = 2000;
constexpr int PipelineChunk = 2000;
constexpr int PollIntervalMs = 50;

QString extensionFor(const QString &format) {
    return format == QLatin1String("aof") ? QStringLiteral("aof") : QStringLiteral("rdb");
}

// Copies aside and renames, so the store never holds half a file under its real name.
qint64 copyInto(const QString &source, const QString &target, QString *error) {
    const QString part = target + QStringLiteral(".part");
    QFile::remove(part);
    if (!QFile::copy(source, part)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(source, part);
        return -1;
    }
    QFile::remove(target);
    if (!QFile::rename(part, target)) {
        QFile::remove(part);
        *error = QStringLiteral("cannot rename %1").arg(part);
        return -1;
    }
    return QFileInfo(target).size();
}

// The base file of the AOF that BGREWRITEAOF wrote, from the manifest
// ("file appendonly.aof.1.base.aof seq 1 type b").
QString appendOnlyBase(const QString &directory) {
    QFile manifest(
        QDir(directory).filePath(AppendOnlyDir + QStringLiteral("/appendonly.aof.manifest")));
    if (!manifest.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : manifest.readAll().split('\n')) {
        const QList<QByteArray> words = line.trimmed().split(' ');
        const qsizetype type = words.indexOf("type");
        if (words.size() >= 2 && words.at(0) == "file" && type > 0 && type + 1 < words.size() &&
            words.at(type + 1) == "b")
            return QDir(directory).filePath(AppendOnlyDir + QLatin1Char('/') +
                                            QString::fromUtf8(words.at(1)));
    }
    return {};
}

void removeAppendOnlyFiles(const QString &directory) {
    QDir dir(directory);
    QFile::remove(dir.filePath(AppendOnlyFile));
    QDir(dir.filePath(AppendOnlyDir)).removeRecursively();
}

// Writes a file the server must refuse: an RDB with a byte of its data changed (its checksum
// no longer matches), an AOF that does not start with a command.
void damage(const QString &path, const QString &format) {
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.size() < 2)
        return;
    const qint64 at = format == QLatin1String("aof") ? 0 : file.size() / 2;
    file.seek(at);
    char byte = 0;
    file.read(&byte, 1);
    byte = format == QLatin1String("aof") ? '!' : char(~byte);
    file.seek(at);
    file.write(&byte, 1);
}

// Puts back the data a server had before an interrupted or refused restore.
void rollBackRestore(const QString &directory) {
    QDir dir(directory);
    const QString before = dir.filePath(BeforeRestoreFile);
    if (!QFile::exists(before))
        return;
    removeAppendOnlyFiles(directory);
    QFile::remove(dir.filePath(DumpFile));
    // An empty marker: the server had no saved data.
    if (QFileInfo(before).size() == 0)
        QFile::remove(before);
    else
        QFile::rename(before, dir.filePath(DumpFile));
}

struct Persistence {
    bool answered = false;
    QHash<QByteArray, QByteArray> fields;
    qint64 number(const char *name) const { return fields.value(QByteArray(name)).toLongLong(); }
};

Persistence readPersistence(RedisConnection &connection) {
    Persistence result;
    const RedisReply info =
        connection.command({QByteArrayLiteral("INFO"), QByteArrayLiteral("persistence")});
    if (info.type != RedisReply::Type::String)
        return result;
    result.answered = true;
    result.fields = RedisConnection::parseInfo(info.text);
    return result;
}

Persistence persistenceAt(quint16 port) {
    RedisConnection connection;
    if (!connection.connect(QStringLiteral("127.0.0.1"), port, ConnectTimeoutMs))
        return {};
    return readPersistence(connection);
}

// The background save a backup asks for: which counter of INFO persistence tells that it ended,
// and the value it must reach. A save already running makes ours wait for it (SCHEDULE): then
// ours is the second to end.
struct SaveRequest {
    bool started = false;
    QString error;
    QByteArray counter; // rdb_saves / aof_rewrites
    qint64 target = 0;
};

SaveRequest requestSave(quint16 port, bool appendOnly) {
    SaveRequest request;
    RedisConnection connection;
    if (!connection.connect(QStringLiteral("127.0.0.1"), port, ConnectTimeoutMs)) {
        request.error = connection.error();
        return request;
    }
    const Persistence before = readPersistence(connection);
    if (!before.answered) {
        request.error = QStringLiteral("INFO persistence did not answer");
        return request;
    }
    RedisReply reply;
    if (appendOnly) {
        request.counter = QByteArrayLiteral("aof_rewrites");
        // Plain commands, as an AOF backup of the service holds them.
        connection.command({"CONFIG", "SET", "aof-use-rdb-preamble", "no"});
        reply = connection.command({QByteArrayLiteral("BGREWRITEAOF")});
    } else {
        request.counter = QByteArrayLiteral("rdb_saves");
        reply = connection.command({QByteArrayLiteral("BGSAVE"), QByteArrayLiteral("SCHEDULE")});
    }
    if (reply.failed()) {
        request.error = reply.isError() ? QString::fromUtf8(reply.text) : connection.error();
        return request;
    }
    const qint64 count = before.number(request.counter.constData());
    request.started = true;
    request.target = count + (reply.text.contains("scheduled") ? 2 : 1);
    return request;
}

struct SetupResult {
    QString error;
    QHash<QString, qint64> sizes; // backup id → file size
};

struct BackupToMake {
    QString backupId;
    QString format;
};

// Makes a backup's file from what the server holds now (on a worker thread; blocking).
qint64 makeFileNow(RedisConnection &connection, const QString &directory, const QString &target,
                   const QString &format, QString *error) {
    if (format == QLatin1String("aof")) {
        const Persistence before = readPersistence(connection);
        connection.command({"CONFIG", "SET", "aof-use-rdb-preamble", "no"});
        const RedisReply reply = connection.command({QByteArrayLiteral("BGREWRITEAOF")});
        if (reply.failed()) {
            *error = QString::fromUtf8(reply.text);
            return -1;
        }
        const qint64 wanted =
            before.number("aof_rewrites") + (reply.text.contains("scheduled") ? 2 : 1);
        for (;;) {
            const Persistence now = readPersistence(connection);
            if (!now.answered) {
                *error = connection.error();
                return -1;
            }
            if (now.number("aof_rewrites") >= wanted &&
                now.number("aof_rewrite_in_progress") == 0 &&
                now.number("aof_rewrite_scheduled") == 0)
                break;
            QThread::msleep(5);
        }
        const QString base = appendOnlyBase(directory);
        const qint64 size = base.isEmpty() ? -1 : copyInto(base, target, error);
        if (base.isEmpty())
            *error = QStringLiteral("no AOF base file after BGREWRITEAOF");
        QDir(QDir(directory).filePath(AppendOnlyDir)).removeRecursively();
        return size;
    }
    const RedisReply saved = connection.command({QByteArrayLiteral("SAVE")});
    if (!saved.isStatus("OK")) {
        *error = saved.isError() ? QString::fromUtf8(saved.text) : connection.error();
        return -1;
    }
    return copyInto(QDir(directory).filePath(DumpFile), target, error);
}

// The first start of a server: its demo data, generation by generation, with the file of each
// backup made from the generation of its time; then the data of now, saved. Without seed, only
// the missing files, from the data of now.
SetupResult setUpServer(quint16 port, const QString &directory, const QString &store,
                        const demo::RedisDataSet &data, bool seed,
                        const QList<BackupToMake> &backups) {
    SetupResult result;
    RedisConnection connection;
    if (!connection.connect(QStringLiteral("127.0.0.1"), port, 10000)) {
        result.error = connection.error();
        return result;
    }
    auto writeGeneration = [&](int generation) {
        const QList<demo::RedisCommand> commands = data.commandsFor(generation);
        for (qsizetype from = 0; from < commands.size(); from += PipelineChunk) {
            const QList<demo::RedisCommand> chunk = commands.mid(from, PipelineChunk);
            const QList<RedisReply> replies = connection.pipeline(chunk);
            if (replies.size() != chunk.size()) {
                result.error = connection.error();
                return false;
            }
            for (const RedisReply &reply : replies) {
                if (reply.isError()) {
                    result.error = QString::fromUtf8(reply.text);
                    return false;
                }
            }
        }
        return true;
    };
    auto makeFile = [&](const BackupToMake &backup) {
        QString error;
        const QString target =
            QDir(store).filePath(backup.backupId + QLatin1Char('.') + extensionFor(backup.format));
        const qint64 size = makeFileNow(connection, directory, target, backup.format, &error);
        if (size < 0) {
            result.error = error;
            return false;
        }
        result.sizes.insert(backup.backupId, size);
        return true;
    };
    if (seed) {
        for (int generation = 0; generation <= backups.size(); ++generation) {
            if (!writeGeneration(generation))
                return result;
            if (generation < backups.size() && !makeFile(backups.at(generation)))
                return result;
        }
        const RedisReply saved = connection.command({QByteArrayLiteral("SAVE")});
        if (!saved.isStatus("OK"))
            result.error = saved.isError() ? QString::fromUtf8(saved.text) : connection.error();
        return result;
    }
    for (const BackupToMake &backup : backups) {
        if (!makeFile(backup))
            return result;
    }
    return result;
}

} // namespace

struct RedisFleet::Node {
    QString instanceId;
    QString name;
    QString directory;
    QString store;
    RedisServerProcess *server = nullptr;
    demo::RedisDataSet data;
    bool seed = false;
    QList<BackupToMake> backupsToMake;
    bool settingUp = true;
    bool busy = false; // a real job runs on it
    int portRetries = 0;
    int startRetryDelayMs = 500;

    explicit Node(const Instance &instance)
        : data(instance) {}
};

// ---- a backup ---------------------------------------------------------------------------------

class RedisFleet::BackupRun : public QObject {
public:
    BackupRun(quint16 port, QString directory, QString target, RealJob job, SimState *state,
              std::function<void(bool, qint64)> done, QObject *parent)
        : QObject(parent)
        , m_port(port)
        , m_directory(std::move(directory))
        , m_target(std::move(target))
        , m_job(std::move(job))
        , m_state(state)
        , m_done(std::move(done)) {
        m_poll.setInterval(PollIntervalMs);
        connect(&m_poll, &QTimer::timeout, this, [this] { poll(); });
    }

    void start() {
        const bool appendOnly = m_job.format == QLatin1String("aof");
        const quint16 port = m_port;
        runRedisWork(
            this, [port, appendOnly] { return requestSave(port, appendOnly); },
            [this](const SaveRequest &request) {
                if (!request.started) {
                    notice(QStringLiteral("backup %1 could not start: %2")
                               .arg(m_job.jobId, request.error));
                    finish(false, 0);
                    return;
                }
                m_request = request;
                m_poll.start();
            });
    }

private:
    void poll() {
        if (m_polling)
            return;
        m_polling = true;
        const quint16 port = m_port;
        runRedisWork(
            this, [port] { return persistenceAt(port); },
            [this](const Persistence &now) {
                m_polling = false;
                if (!now.answered) {
                    // The server went away in the middle: the file may be half written.
                    if (++m_silentPolls * PollIntervalMs > 3000) {
                        notice(QStringLiteral("backup %1: the server stopped answering")
                                   .arg(m_job.jobId));
                        m_poll.stop();
                        finish(false, 0);
                    }
                    return;
                }
                m_silentPolls = 0;
                const bool appendOnly = m_job.format == QLatin1String("aof");
                const qint64 total = now.number("current_save_keys_total");
                if (total > 0)
                    m_state->setRealJobProgress(
                        m_job,
                        100.0 * double(now.number("current_save_keys_processed")) / double(total));
                const bool inProgress = appendOnly ? now.number("aof_rewrite_in_progress") != 0 ||
                                                         now.number("aof_rewrite_scheduled") != 0
                                                   : now.number("rdb_bgsave_in_progress") != 0;
                if (inProgress || now.number(m_request.counter.constData()) < m_request.target)
                    return;
                m_poll.stop();
                const QByteArray status =
                    now.fields.value(appendOnly ? QByteArrayLiteral("aof_last_bgrewrite_status")
                                                : QByteArrayLiteral("rdb_last_bgsave_status"));
                if (status != "ok") {
                    notice(QStringLiteral("backup %1: the server's save failed").arg(m_job.jobId));
                    finish(false, 0);
                    return;
                }
                keepFile(appendOnly);
            });
    }

    void keepFile(bool appendOnly) {
        const QString directory = m_directory;
        const QString target = m_target;
        runRedisWork(
            this,
            [directory, target, appendOnly] {
                QString error;
                const QString source =
                    appendOnly ? appendOnlyBase(directory) : QDir(directory).filePath(DumpFile);
                const qint64 size = source.isEmpty() ? -1 : copyInto(source, target, &error);
                if (appendOnly)
                    QDir(QDir(directory).filePath(AppendOnlyDir)).removeRecursively();
                return size;
            },
            [this](qint64 size) {
                if (size < 0)
                    notice(
                        QStringLiteral("backup %1: its file could not be kept").arg(m_job.jobId));
                finish(size >= 0, std::max<qint64>(size, 0));
            });
    }

    void finish(bool succeeded, qint64 size) {
        auto done = std::move(m_done);
        m_done = {};
        deleteLater();
        if (done)
            done(succeeded, size);
    }

    quint16 m_port;
    QString m_directory;
    QString m_target;
    RealJob m_job;
    SimState *m_state;
    std::function<void(bool, qint64)> m_done;
    SaveRequest m_request;
    QTimer m_poll;
    bool m_polling = false;
    int m_silentPolls = 0;
};

// ---- a restore --------------------------------------------------------------------------------

class RedisFleet::RestoreRun : public QObject {
public:
    RestoreRun(RedisServerProcess *server, QString source, RealJob job, bool damaged,
               SimState *state, std::function<void(bool)> done, QObject *parent)
        : QObject(parent)
        , m_server(server)
        , m_source(std::move(source))
        , m_job(std::move(job))
        , m_damaged(damaged)
        , m_state(state)
        , m_done(std::move(done)) {}

    void start() {
        m_server->setSupervised(false);
        m_connections.append(
            connect(m_server, &RedisServerProcess::stopped, this, [this] { putFileInPlace(); }));
        m_server->stop();
    }

private:
    void putFileInPlace() {
        disconnectAll();
        const QString directory = m_server->options().directory;
        const QString source = m_source;
        const QString format =
            m_job.format == QLatin1String("aof") ? QStringLiteral("aof") : QStringLiteral("rdb");
        const bool damaged = m_damaged;
        runRedisWork(
            this,
            [directory, source, format, damaged] {
                QDir dir(directory);
                const QString before = dir.filePath(BeforeRestoreFile);
                // After an interrupted restore the first copy aside is the data to keep.
                if (!QFile::exists(before)) {
                    if (QFile::exists(dir.filePath(DumpFile))) {
                        if (!QFile::rename(dir.filePath(DumpFile), before))
                            return QStringLiteral("cannot move the server's data aside");
                    } else {
                        QFile marker(before);
                        if (!marker.open(QIODevice::WriteOnly))
                            return QStringLiteral("cannot write %1").arg(before);
                    }
                }
                removeAppendOnlyFiles(directory);
                QFile::remove(dir.filePath(DumpFile));
                const QString target =
                    dir.filePath(format == QLatin1String("aof") ? AppendOnlyFile : DumpFile);
                QString error;
                if (copyInto(source, target, &error) < 0)
                    return error;
                if (damaged)
                    damage(target, format);
                return QString();
            },
            [this, format](const QString &error) {
                if (!error.isEmpty()) {
                    notice(QStringLiteral("restore %1: %2").arg(m_job.jobId, error));
                    rollBack();
                    return;
                }
                m_connections.append(
                    connect(m_server, &RedisServerProcess::loading, this, [this](double percent) {
                        m_state->setRealJobProgress(m_job, percent);
                    }));
                m_connections.append(connect(m_server, &RedisServerProcess::ready, this,
                                             [this, format] { loaded(format); }));
                m_connections.append(connect(m_server, &RedisServerProcess::startFailed, this,
                                             [this](const QString &reason) {
                                                 notice(QStringLiteral("restore %1: the server "
                                                                       "refused the backup's "
                                                                       "file (%2); its data is "
                                                                       "put back")
                                                            .arg(m_job.jobId, reason));
                                                 rollBack();
                                             }));
                m_server->start(format == QLatin1String("aof"));
            });
    }

    void loaded(const QString &format) {
        disconnectAll();
        const QString directory = m_server->options().directory;
        const quint16 port = m_server->port();
        const bool appendOnly = format == QLatin1String("aof");
        runRedisWork(
            this,
            [directory, port, appendOnly] {
                if (appendOnly) {
                    // Loaded from the AOF; from now on the server keeps its data in dump.rdb
                    // like the others.
                    RedisConnection connection;
                    if (!connection.connect(QStringLiteral("127.0.0.1"), port, ConnectTimeoutMs))
                        return false;
                    if (!connection.command({"CONFIG", "SET", "appendonly", "no"}).isStatus("OK"))
                        return false;
                    if (!connection.command({QByteArrayLiteral("SAVE")}).isStatus("OK"))
                        return false;
                    removeAppendOnlyFiles(directory);
                }
                QFile::remove(QDir(directory).filePath(BeforeRestoreFile));
                return true;
            },
            [this](bool ok) {
                if (!ok) {
                    // Loaded, but could not be made to keep its data: its old data goes back.
                    notice(QStringLiteral("restore %1: the loaded AOF could not be saved")
                               .arg(m_job.jobId));
                    m_connections.append(connect(m_server, &RedisServerProcess::stopped, this,
                                                 [this] { rollBack(); }));
                    m_server->stop();
                    return;
                }
                m_server->setSupervised(true);
                finish(true);
            });
    }

    void rollBack() {
        disconnectAll();
        const QString directory = m_server->options().directory;
        runRedisWork(
            this,
            [directory] {
                rollBackRestore(directory);
                return true;
            },
            [this](bool) {
                m_connections.append(connect(m_server, &RedisServerProcess::ready, this, [this] {
                    disconnectAll();
                    m_server->setSupervised(true);
                    finish(false);
                }));
                m_connections.append(connect(m_server, &RedisServerProcess::startFailed, this,
                                             [this](const QString &) {
                                                 // The fleet keeps trying to start it.
                                                 disconnectAll();
                                                 m_server->setSupervised(true);
                                                 finish(false);
                                             }));
                m_server->start();
            });
    }

    void disconnectAll() {
        for (const QMetaObject::Connection &connection : std::as_const(m_connections))
            disconnect(connection);
        m_connections.clear();
    }

    void finish(bool succeeded) {
        auto done = std::move(m_done);
        m_done = {};
        deleteLater();
        if (done)
            done(succeeded);
    }

    RedisServerProcess *m_server;
    QString m_source;
    RealJob m_job;
    bool m_damaged;
    SimState *m_state;
    std::function<void(bool)> m_done;
    QList<QMetaObject::Connection> m_connections;
};

// ---- the fleet --------------------------------------------------------------------------------

RedisFleet::RedisFleet(SimState *state, FleetConfig config, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_config(std::move(config)) {
    m_dispatchTimer.setInterval(100);
    connect(&m_dispatchTimer, &QTimer::timeout, this, &RedisFleet::dispatch);
    m_state->setBackupFileStore(
        [this](const QString &instanceId, const QString &backupId) {
            return backupFile(instanceId, backupId);
        },
        [this](const QString &instanceId, const QString &backupId) {
            for (const QString &extension : {QStringLiteral("rdb"), QStringLiteral("aof")})
                QFile::remove(
                    QDir(storeDir(instanceId)).filePath(backupId + QLatin1Char('.') + extension));
        });
}

RedisFleet::~RedisFleet() {
    stop();
    m_state->setBackupFileStore({}, {});
}

void RedisFleet::notice(const QString &text) {
    std::fprintf(stderr, "dcs-sim: %s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

QString RedisFleet::instanceDir(const QString &instanceId) const {
    return QDir(m_config.dataDir).filePath(QStringLiteral("instances/") + instanceId);
}

QString RedisFleet::storeDir(const QString &instanceId) const {
    return QDir(m_config.dataDir).filePath(QStringLiteral("backups/") + instanceId);
}

QString RedisFleet::backupFile(const QString &instanceId, const QString &backupId) const {
    for (const QString &extension : {QStringLiteral("rdb"), QStringLiteral("aof")}) {
        const QString path =
            QDir(storeDir(instanceId)).filePath(backupId + QLatin1Char('.') + extension);
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

quint16 RedisFleet::pickPort(const QSet<quint16> &avoid) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            continue;
        const quint16 port = probe.serverPort();
        if (!avoid.contains(port))
            return port;
    }
    return 0;
}

void RedisFleet::start() {
    QSet<quint16> taken;
    for (const Instance &instance : m_state->allInstances()) {
        if (!demo::hasRealRedis(instance))
            continue;
        auto node = std::make_unique<Node>(instance);
        node->instanceId = instance.instanceId;
        node->name = instance.name;
        node->directory = instanceDir(instance.instanceId);
        node->store = storeDir(instance.instanceId);
        if (m_config.freshData) {
            QDir(node->directory).removeRecursively();
            QDir(node->store).removeRecursively();
        }
        QDir().mkpath(node->directory);
        QDir().mkpath(node->store);
        // A restore that was under way when dcs-sim last stopped runs again from the start.
        rollBackRestore(node->directory);
        // What a server killed while saving leaves behind.
        QDir nodeDir(node->directory);
        for (const QString &temporary : nodeDir.entryList(
                 {QStringLiteral("temp-*.rdb"), QStringLiteral("*.part")}, QDir::Files))
            QFile::remove(nodeDir.filePath(temporary));
        node->seed = !QFileInfo::exists(QDir(node->directory).filePath(DumpFile));

        // Succeeded backups without a file: made from the data of their time on the first
        // start, else (a backup of a simulated run) from the data of now.
        QList<Backup> backups = m_state->backups(instance.instanceId).value_or(QList<Backup>());
        std::sort(backups.begin(), backups.end(),
                  [](const Backup &a, const Backup &b) { return a.createdAt < b.createdAt; });
        for (const Backup &backup : backups) {
            if (backup.isSucceeded() && backupFile(instance.instanceId, backup.backupId).isEmpty())
                node->backupsToMake.append({backup.backupId, backup.normalizedFormat()});
        }
        m_state->makeLiveJobsReal(instance.instanceId);

        quint16 port = m_state->redisPort(instance.instanceId).value_or(0);
        if (port == 0 || taken.contains(port))
            port = pickPort(taken);
        taken.insert(port);
        RedisServerProcess::Options options;
        options.program = m_config.program;
        options.directory = node->directory;
        options.port = port;
        options.databases = std::max(1, instance.dbNumber.value_or(16));
        options.label = instance.name;
        node->server = new RedisServerProcess(options, this);
        Node *raw = node.get();
        connect(node->server, &RedisServerProcess::ready, this, [this, raw] { nodeReady(*raw); });
        connect(node->server, &RedisServerProcess::startFailed, this,
                [this, raw](const QString &reason) { nodeStartFailed(*raw, reason); });
        connect(node->server, &RedisServerProcess::died, this, [raw](const QString &reason) {
            notice(QStringLiteral("the redis-server of %1 (port %2) exited (%3); starting it again")
                       .arg(raw->name)
                       .arg(raw->server->port())
                       .arg(reason));
        });
        m_nodes.push_back(std::move(node));
    }
    if (m_nodes.empty()) {
        m_ready = true;
        QMetaObject::invokeMethod(this, &RedisFleet::ready, Qt::QueuedConnection);
        return;
    }
    for (const auto &node : m_nodes)
        node->server->start();
}

void RedisFleet::nodeReady(Node &node) {
    node.portRetries = 0;
    node.startRetryDelayMs = 500;
    if (!node.settingUp)
        return;
    // Saved with the state: the same port on every start from now on.
    m_state->setRedisServer(node.instanceId, node.server->port());
    if (!node.seed && node.backupsToMake.isEmpty()) {
        setUp(node);
        return;
    }
    const quint16 port = node.server->port();
    const QString directory = node.directory;
    const QString store = node.store;
    const demo::RedisDataSet data = node.data;
    const bool seed = node.seed;
    const QList<BackupToMake> backups = node.backupsToMake;
    Node *raw = &node;
    runRedisWork(
        this,
        [port, directory, store, data, seed, backups] {
            return setUpServer(port, directory, store, data, seed, backups);
        },
        [this, raw](const SetupResult &result) {
            if (!result.error.isEmpty()) {
                Q_EMIT failed(QStringLiteral("the redis-server of %1 could not be filled with its "
                                             "demo data: %2")
                                  .arg(raw->name, result.error));
                return;
            }
            for (auto it = result.sizes.cbegin(); it != result.sizes.cend(); ++it)
                m_state->setBackupSize(raw->instanceId, it.key(), it.value());
            raw->seed = false;
            raw->backupsToMake.clear();
            setUp(*raw);
        });
}

void RedisFleet::setUp(Node &node) {
    node.settingUp = false;
    const bool all =
        std::all_of(m_nodes.cbegin(), m_nodes.cend(), [](const auto &n) { return !n->settingUp; });
    if (!all || m_ready)
        return;
    m_ready = true;
    m_dispatchTimer.start();
    dispatch();
    Q_EMIT ready();
}

void RedisFleet::nodeStartFailed(Node &node, const QString &reason) {
    if (m_stopping || node.busy)
        return; // a restore handles its own starts
    RedisServerProcess *server = node.server;
    if (server->portWasTaken()) {
        // A server of an earlier run may still be saving on its way out: wait a little for the
        // kept port, then take another.
        if (++node.portRetries > 10) {
            QSet<quint16> taken;
            for (const auto &other : m_nodes)
                taken.insert(other->server->port());
            const quint16 port = pickPort(taken);
            notice(QStringLiteral("port %1 of %2 is taken by another program; it moves to %3")
                       .arg(server->port())
                       .arg(node.name)
                       .arg(port));
            server->setPort(port);
            node.portRetries = 0;
            if (!node.settingUp)
                m_state->setRedisServer(node.instanceId, port);
        }
        QTimer::singleShot(150, server, [server] { server->start(); });
        return;
    }
    if (node.settingUp) {
        Q_EMIT failed(
            QStringLiteral("the redis-server of %1 did not start: %2").arg(node.name, reason));
        return;
    }
    // Supervision of a server that exited and now fails to come back: try again, less often.
    notice(QStringLiteral("the redis-server of %1 did not start (%2); trying again")
               .arg(node.name, reason));
    QTimer::singleShot(node.startRetryDelayMs, server, [server] { server->start(); });
    node.startRetryDelayMs = std::min(node.startRetryDelayMs * 2, 10000);
}

void RedisFleet::dispatch() {
    if (m_stopping)
        return;
    QSet<QString> started;
    for (const RealJob &job : m_state->dueRealJobs()) {
        if (started.contains(job.instanceId))
            continue; // one job per server at a time, oldest first
        const auto found = std::find_if(m_nodes.begin(), m_nodes.end(), [&](const auto &node) {
            return node->instanceId == job.instanceId;
        });
        if (found == m_nodes.end())
            continue;
        Node &node = **found;
        started.insert(job.instanceId);
        if (node.busy || node.settingUp || !node.server->isReady())
            continue;
        if (job.kind == RealJob::Kind::Backup)
            runBackup(node, job);
        else
            runRestore(node, job);
    }
}

void RedisFleet::runBackup(Node &node, const RealJob &job) {
    node.busy = true;
    m_state->startRealJob(job);
    const QString target =
        QDir(node.store).filePath(job.backupId + QLatin1Char('.') + extensionFor(job.format));
    Node *raw = &node;
    auto *run = new BackupRun(
        node.server->port(), node.directory, target, job, m_state,
        [this, raw, job](bool succeeded, qint64 size) { jobEnded(*raw, job, succeeded, size); },
        this);
    run->start();
}

void RedisFleet::runRestore(Node &node, const RealJob &job) {
    node.busy = true;
    m_state->startRealJob(job);
    const QString source = backupFile(node.instanceId, job.backupId);
    if (source.isEmpty()) {
        notice(QStringLiteral("restore %1: backup %2 has no file").arg(job.jobId, job.backupId));
        jobEnded(node, job, false, 0);
        return;
    }
    Node *raw = &node;
    auto *run = new RestoreRun(
        node.server, source, job, m_config.damagedRestoreFile, m_state,
        [this, raw, job](bool succeeded) { jobEnded(*raw, job, succeeded, 0); }, this);
    run->start();
}

void RedisFleet::jobEnded(Node &node, const RealJob &job, bool succeeded, qint64 size) {
    m_state->finishRealJob(job, succeeded, size);
    node.busy = false;
    // A restore whose rollback could not start the server leaves it stopped: supervision again.
    if (!node.server->isReady() && node.server->state() == RedisServerProcess::State::Stopped &&
        !m_stopping)
        node.server->start();
}

void RedisFleet::stop(int timeoutMs) {
    if (m_stopping)
        return;
    m_stopping = true;
    m_dispatchTimer.stop();
    for (const auto &node : m_nodes) {
        node->server->setSupervised(false);
        node->server->stop();
    }
    for (const auto &node : m_nodes)
        node->server->stopAndWait(timeoutMs);
}

} // namespace dcs::sim
