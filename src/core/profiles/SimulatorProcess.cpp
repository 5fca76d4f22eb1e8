#include "profiles/SimulatorProcess.h"

#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace dcs {

SimulatorProcess::SimulatorProcess(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    if (m_options.program.isEmpty())
        m_options.program = defaultProgram();
    if (m_options.stateFile.isEmpty())
        m_options.stateFile = defaultStateFile();

    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SimulatorProcess::readFirstLine);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("The local simulator could not be started (%1): %2")
                              .arg(m_options.program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        if (m_stopping)
            return;
        const QString message =
            tr("The local simulator stopped unexpectedly (exit code %1). See %2.")
                .arg(exitCode)
                .arg(QDir::toNativeSeparators(logFile()));
        if (m_baseUrl.isEmpty())
            Q_EMIT failed(message);
        else
            Q_EMIT exitedUnexpectedly(message);
    });
}

SimulatorProcess::~SimulatorProcess() {
    stop();
}

QString SimulatorProcess::defaultProgram() {
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("dcs-sim"));
}

QString SimulatorProcess::defaultStateFile() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("demo-state.json"));
}

QString SimulatorProcess::installedRedisServer() {
    // Only the one the set-up installs: the console never goes looking for another.
    const QString debian = QStringLiteral("/usr/bin/redis-server");
    return QFileInfo(debian).isExecutable() ? debian : QString();
}

QString SimulatorProcess::redisServer() const {
    if (m_options.extraArguments.contains(QLatin1String("--redis-server")) || !m_options.realData)
        return {};
    return m_options.redisServer.isEmpty() ? installedRedisServer() : m_options.redisServer;
}

QString SimulatorProcess::logFile() const {
    return logFileFor(m_options.stateFile, m_options.logName);
}

QString SimulatorProcess::logFileFor(const QString &stateFile, const QString &logName) {
    return QFileInfo(stateFile).absoluteDir().filePath(logName);
}

void SimulatorProcess::start() {
    if (m_process.state() != QProcess::NotRunning)
        return;
    m_stopping = false;
    m_baseUrl.clear();
    m_stdout.clear();
    if (!QFileInfo(m_options.program).isExecutable()) {
        // Signals must not fire before the caller has returned from start().
        QTimer::singleShot(0, this, [this] {
            Q_EMIT failed(tr("The local simulator program was not found at %1.")
                              .arg(QDir::toNativeSeparators(m_options.program)));
        });
        return;
    }
    // The state and the log name the demo's project and instances: owner-only, like the rest.
    privatefiles::makeFolder(QFileInfo(m_options.stateFile).absolutePath());
    privatefiles::makeFile(logFile());
    // Its request log goes to a file: an unread pipe would fill up and stall it.
    m_process.setStandardErrorFile(logFile(), QIODevice::Append);
    QStringList args{QStringLiteral("--listen"),     QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"),       QStringLiteral("0"),
                     QStringLiteral("--state"),      m_options.stateFile,
                     QStringLiteral("--ak"),         QString::fromLatin1(m_options.accessKey),
                     QStringLiteral("--sk"),         QString::fromLatin1(m_options.secretKey),
                     QStringLiteral("--project-id"), m_options.projectId};
#ifdef Q_OS_LINUX
    // Told to stop (and so to stop its servers) when the console ends, even by SIGKILL.
    const pid_t console = ::getpid();
    m_process.setChildProcessModifier([console] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != console)
            ::_exit(127);
    });
#endif
    const QString redis = redisServer();
    if (!redis.isEmpty())
        args += {QStringLiteral("--redis-server"), redis};
    args += m_options.extraArguments;
#ifdef Q_OS_UNIX
    // Besides the parent-death signal: the simulator watches its parent itself too (systems
    // without that signal), and saves its state on the way out either way.
    args << QStringLiteral("--exit-with-parent");
#endif
    m_process.start(m_options.program, args);
    QTimer::singleShot(m_options.startTimeoutMs, this, [this] {
        if (m_baseUrl.isEmpty() && m_process.state() != QProcess::NotRunning) {
            stop();
            Q_EMIT failed(tr("The local simulator did not report its address in time."));
        }
    });
}

void SimulatorProcess::readFirstLine() {
    m_stdout += m_process.readAllStandardOutput();
    if (!m_baseUrl.isEmpty())
        return;
    const int newline = m_stdout.indexOf('\n');
    if (newline < 0)
        return;
    const QUrl url(QString::fromUtf8(m_stdout.left(newline).trimmed()));
    m_stdout.clear();
    if (!url.isValid() || url.port() <= 0) {
        stop();
        Q_EMIT failed(tr("The local simulator printed an unexpected address."));
        return;
    }
    m_baseUrl = url;
    Q_EMIT ready(url);
}

bool SimulatorProcess::isRunning() const {
    return m_process.state() == QProcess::Running;
}

void SimulatorProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate(); // dcs-sim saves its state on SIGTERM
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

} // namespace dcs
