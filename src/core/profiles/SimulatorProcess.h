#pragma once

#include <QObject>
#include <QProcess>
#include <QUrl>

namespace dcs {

// Runs dcs-sim as a child process for the Demo profile: loopback, an ephemeral port, a state file
// in the user's data folder. Reads the base URL from the first line it prints; stops it on exit.
class SimulatorProcess : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString program;   // path of dcs-sim; empty: next to this executable
        QString stateFile; // empty: <AppDataLocation>/demo-state.json
        QByteArray accessKey;
        QByteArray secretKey;
        QString projectId;
        QStringList extraArguments;
        int startTimeoutMs = 15000;
        // Real data: dcs-sim backs the demo's Redis instances with this redis-server. Empty:
        // installedRedisServer(), unless realData is false.
        QString redisServer;
        bool realData = true;
        QString logName = QStringLiteral("dcs-sim.log"); // beside the state file
    };

    explicit SimulatorProcess(Options options, QObject *parent = nullptr);
    ~SimulatorProcess() override;

    void start();
    void stop();
    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }
    const Options &options() const { return m_options; }

    static QString defaultProgram();
    static QString defaultStateFile();
    // Debian's redis-server (/usr/bin/redis-server) when the set-up installed it, else empty.
    static QString installedRedisServer();
    // The redis-server this simulator runs its demo instances on; empty: all simulated.
    QString redisServer() const;
    // Where dcs-sim's request log goes: beside the state file.
    QString logFile() const;
    static QString logFileFor(const QString &stateFile,
                              const QString &logName = QStringLiteral("dcs-sim.log"));

Q_SIGNALS:
    void ready(const QUrl &baseUrl);
    void failed(const QString &message); // translated
    void exitedUnexpectedly(const QString &message);

private:
    void readFirstLine();

    Options m_options;
    QProcess m_process;
    QUrl m_baseUrl;
    QByteArray m_stdout;
    bool m_stopping = false;
};

} // namespace dcs
