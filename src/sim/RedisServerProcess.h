#pragma once

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace dcs::sim {

// One redis-server run as dcs-sim's child on 127.0.0.1, with its data in its own folder
// (dump.rdb). It saves its data whenever it is asked to stop (SIGTERM, SIGINT), and makes no
// other snapshot by itself, so the folder holds exactly what it had when it last stopped or was
// asked to save. It never outlives dcs-sim: the kernel sends it SIGTERM when dcs-sim ends, even
// by SIGKILL (PR_SET_PDEATHSIG, set between fork and exec), and it runs in a process group of
// its own so a terminal's Ctrl-C reaches only dcs-sim, which stops it in order.
// Supervised: when it exits on its own after it was ready, it is started again on the same port
// (after a growing pause) from its last saved data.
class RedisServerProcess : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString program;   // the redis-server to run
        QString directory; // its data folder
        quint16 port = 0;
        int databases = 16;
        QString label; // for notices: the instance's name
    };
    enum class State { Stopped, Starting, Ready, Stopping };
    Q_ENUM(State)

    explicit RedisServerProcess(Options options, QObject *parent = nullptr);
    // Stops the server and waits for it (bounded), so its data is saved.
    ~RedisServerProcess() override;

    // Starts it (from dump.rdb, or with loadAppendOnlyFile from appendonly.aof in its folder);
    // ready() when it answers PING, startFailed() when it exits or does not answer in time.
    void start(bool loadAppendOnlyFile = false);
    // SIGTERM: it saves and exits; stopped() after.
    void stop();
    // At exit: stops and waits up to timeoutMs, then kills.
    void stopAndWait(int timeoutMs);

    void setSupervised(bool supervised) { m_supervised = supervised; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    quint16 port() const { return m_options.port; }
    void setPort(quint16 port) { m_options.port = port; }
    const Options &options() const { return m_options; }
    qint64 processId() const;
    QString logFile() const;
    // The last lines of its log, for a notice about why it stopped.
    QString logTail(int lines = 3) const;
    // Whether its last failed start was a port some other program holds.
    bool portWasTaken() const { return m_portTaken; }

    // How long a start may take before it counts as failed (loading a big file takes long).
    static constexpr int StartTimeoutMs = 60000;

Q_SIGNALS:
    void ready();
    void loading(double percent); // while it loads its file
    void startFailed(const QString &reason);
    void stopped();
    // It exited on its own while ready; if supervised it is started again.
    void died(const QString &reason);

private:
    void launch();
    void poll();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    QString exitReason(int exitCode, QProcess::ExitStatus status) const;

    Options m_options;
    QPointer<QProcess> m_process;
    State m_state = State::Stopped;
    bool m_loadAppendOnlyFile = false;
    bool m_supervised = true;
    bool m_polling = false;
    bool m_portTaken = false;
    int m_restartDelayMs = 250;
    qint64 m_startedAtMs = 0;
    QTimer m_pollTimer;
    QTimer m_restartTimer;
    QTimer m_stableTimer; // resets the restart pause after a quiet while
};

} // namespace dcs::sim
