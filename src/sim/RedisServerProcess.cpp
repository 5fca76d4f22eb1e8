#include "RedisServerProcess.h"

#include "redis/RedisConnection.h"
#include "redis/RedisWork.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace dcs::sim {

namespace {

constexpr int PollIntervalMs = 20;
constexpr int MaxRestartDelayMs = 5000;

struct Probe {
    bool answered = false; // PONG: loaded and serving
    bool loading = false;
    double percent = 0.0;
};

Probe probe(quint16 port) {
    Probe result;
    RedisConnection connection;
    if (!connection.connect(QStringLiteral("127.0.0.1"), port, 500))
        return result;
    const RedisReply pong = connection.command({QByteArrayLiteral("PING")});
    if (pong.isStatus("PONG")) {
        result.answered = true;
        return result;
    }
    if (pong.isError() && pong.text.startsWith("LOADING")) {
        result.loading = true;
        const RedisReply info =
            connection.command({QByteArrayLiteral("INFO"), QByteArrayLiteral("persistence")});
        if (info.type == RedisReply::Type::String)
            result.percent = RedisConnection::parseInfo(info.text)
                                 .value(QByteArrayLiteral("loading_loaded_perc"))
                                 .toDouble();
    }
    return result;
}

} // namespace

RedisServerProcess::RedisServerProcess(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_pollTimer.setInterval(PollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &RedisServerProcess::poll);
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Stopped)
            start();
    });
    m_stableTimer.setSingleShot(true);
    m_stableTimer.setInterval(60000);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_restartDelayMs = 250; });
}

RedisServerProcess::~RedisServerProcess() {
    stopAndWait(10000);
}

qint64 RedisServerProcess::processId() const {
    return m_process ? m_process->processId() : 0;
}

QString RedisServerProcess::logFile() const {
    return QDir(m_options.directory).filePath(QStringLiteral("redis.log"));
}

QString RedisServerProcess::logTail(int lines) const {
    QFile file(logFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    file.seek(std::max<qint64>(0, size - 4096));
    QList<QByteArray> all = file.readAll().trimmed().split('\n');
    QStringList tail;
    for (qsizetype i = std::max<qsizetype>(0, all.size() - lines); i < all.size(); ++i)
        tail.append(QString::fromUtf8(all.at(i).trimmed()));
    return tail.join(QLatin1String(" | "));
}

void RedisServerProcess::start(bool loadAppendOnlyFile) {
    if (m_state != State::Stopped)
        return;
    m_loadAppendOnlyFile = loadAppendOnlyFile;
    m_restartTimer.stop();
    launch();
}

void RedisServerProcess::launch() {
    QDir().mkpath(m_options.directory);
    m_state = State::Starting;
    m_portTaken = false;
    auto *process = new QProcess(this);
    m_process = process;
    // Its own log file carries everything it says; neither stdout (the first line there is
    // dcs-sim's URL) nor an unread pipe.
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    process->setWorkingDirectory(m_options.directory);
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([parent] {
        // In the child, between fork and exec: SIGTERM when dcs-sim ends, however it ends, and
        // if it ended already, do not start at all.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
        ::setpgid(0, 0);
    });
    const QStringList arguments{
        QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1"),
        QStringLiteral("--port"),
        QString::number(m_options.port),
        QStringLiteral("--dir"),
        m_options.directory,
        QStringLiteral("--dbfilename"),
        QStringLiteral("dump.rdb"),
        // No snapshot of its own: dump.rdb changes only when dcs-sim saves or stops it.
        QStringLiteral("--save"),
        QString(QLatin1String("")),
        QStringLiteral("--shutdown-on-sigterm"),
        QStringLiteral("save"),
        QStringLiteral("--shutdown-on-sigint"),
        QStringLiteral("save"),
        QStringLiteral("--appendonly"),
        m_loadAppendOnlyFile ? QStringLiteral("yes") : QStringLiteral("no"),
        QStringLiteral("--appendfilename"),
        QStringLiteral("appendonly.aof"),
        QStringLiteral("--appenddirname"),
        QStringLiteral("appendonlydir"),
        QStringLiteral("--databases"),
        QString::number(m_options.databases),
        QStringLiteral("--daemonize"),
        QStringLiteral("no"),
        QStringLiteral("--protected-mode"),
        QStringLiteral("yes"),
        QStringLiteral("--logfile"),
        logFile(),
        QStringLiteral("--pidfile"),
        QString(QLatin1String("")),
    };
    connect(process, &QProcess::finished, this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                if (process == m_process)
                    onFinished(exitCode, status);
                process->deleteLater();
            });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process)
            return;
        m_pollTimer.stop();
        m_state = State::Stopped;
        process->deleteLater();
        Q_EMIT startFailed(
            tr("%1 could not be started: %2").arg(m_options.program, process->errorString()));
    });
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    process->start(m_options.program, arguments);
    m_pollTimer.start();
}

void RedisServerProcess::poll() {
    if (m_state != State::Starting || m_polling)
        return;
    if (QDateTime::currentMSecsSinceEpoch() - m_startedAtMs > StartTimeoutMs) {
        m_pollTimer.stop();
        if (m_process) {
            // Killed: it never answered, so it has nothing to save.
            m_process->kill();
        }
        return;
    }
    m_polling = true;
    const quint16 port = m_options.port;
    runRedisWork(
        this, [port] { return probe(port); },
        [this](const Probe &result) {
            m_polling = false;
            if (m_state != State::Starting)
                return;
            if (result.loading)
                Q_EMIT loading(result.percent);
            if (!result.answered)
                return;
            m_pollTimer.stop();
            m_state = State::Ready;
            m_stableTimer.start();
            Q_EMIT ready();
        });
}

QString RedisServerProcess::exitReason(int exitCode, QProcess::ExitStatus status) const {
    const QString how =
        status == QProcess::CrashExit ? tr("killed by a signal") : tr("exit code %1").arg(exitCode);
    const QString tail = logTail();
    return tail.isEmpty() ? how : how + QStringLiteral(": ") + tail;
}

void RedisServerProcess::onFinished(int exitCode, QProcess::ExitStatus status) {
    m_pollTimer.stop();
    m_stableTimer.stop();
    const State was = m_state;
    m_state = State::Stopped;
    m_process = nullptr;
    switch (was) {
    case State::Stopping:
        Q_EMIT stopped();
        return;
    case State::Starting: {
        const QString reason = exitReason(exitCode, status);
        m_portTaken = reason.contains(QLatin1String("Address already in use"));
        Q_EMIT startFailed(reason);
        return;
    }
    case State::Ready:
        Q_EMIT died(exitReason(exitCode, status));
        if (m_supervised && m_state == State::Stopped) {
            m_restartTimer.start(m_restartDelayMs);
            m_restartDelayMs = std::min(m_restartDelayMs * 2, MaxRestartDelayMs);
        }
        return;
    case State::Stopped:
        return;
    }
}

void RedisServerProcess::stop() {
    m_restartTimer.stop();
    if (!m_process || m_state == State::Stopped) {
        m_state = State::Stopped;
        QMetaObject::invokeMethod(this, &RedisServerProcess::stopped, Qt::QueuedConnection);
        return;
    }
    if (m_state == State::Stopping)
        return;
    m_pollTimer.stop();
    m_state = State::Stopping;
    m_process->terminate();
}

void RedisServerProcess::stopAndWait(int timeoutMs) {
    m_restartTimer.stop();
    m_pollTimer.stop();
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_state = State::Stopping;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(timeoutMs)) {
            process->kill();
            process->waitForFinished(2000);
        }
    }
    m_state = State::Stopped;
    m_process = nullptr;
}

} // namespace dcs::sim
