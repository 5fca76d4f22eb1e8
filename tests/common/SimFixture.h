#pragma once

// Starts a real dcs-sim on loopback for a test, with its own state file, and stops it after.
// Its instances without a real Redis server give 127.0.0.1 and a port dcs-sim holds closed
// (--offline-addresses) instead of made-up LAN addresses, so nothing a test does with an
// instance's address leaves the machine.

#include "ChildProcess.h"

#include <QDir>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

class SimFixture {
public:
    static QByteArray accessKey() { return QByteArrayLiteral("TESTAK0123456789"); }
    static QByteArray secretKey() { return QByteArrayLiteral("test-secret-key"); }
    static QString projectId() { return QStringLiteral("0f1e2d3c4b5a49687766554433221100"); }

    SimFixture() = default;
    ~SimFixture() { stop(); }

    // With false, the next start() leaves the made-up addresses (192.168.…) as the Demo shows
    // them: only for a test that reads them and never connects to them.
    void setOfflineAddresses(bool offline) { m_offlineAddresses = offline; }

    // Starts dcs-sim; extra arguments are appended. Returns false (and QFAIL-friendly text in
    // error()) when it did not print its URL in time.
    bool start(const QStringList &extra = {}, const QString &stateFile = {}) {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder"));
        m_stateFile =
            stateFile.isEmpty() ? m_dir.filePath(QStringLiteral("state.json")) : stateFile;
        QStringList args{QStringLiteral("--port"),       QStringLiteral("0"),
                         QStringLiteral("--state"),      m_stateFile,
                         QStringLiteral("--ak"),         QString::fromLatin1(accessKey()),
                         QStringLiteral("--sk"),         QString::fromLatin1(secretKey()),
                         QStringLiteral("--project-id"), projectId()};
        if (m_offlineAddresses)
            args += QStringLiteral("--offline-addresses");
        args += extra;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        // A test that crashes or is killed takes its dcs-sim with it (and so that simulator's
        // redis-server processes): nothing is left running.
        dcs::testing::endWithThisProcess(*m_process);
        m_process->start(QStringLiteral(DCS_SIM_PROGRAM), args);
        if (!m_process->waitForStarted(10000))
            return fail(QStringLiteral("dcs-sim did not start: ") + m_process->errorString());
        QByteArray line;
        QElapsedTimer timer;
        timer.start();
        while (!line.contains('\n') && timer.elapsed() < 15000) {
            if (!m_process->waitForReadyRead(500) && m_process->state() != QProcess::Running)
                break;
            line += m_process->readAllStandardOutput();
        }
        m_url = QUrl(QString::fromUtf8(line.left(line.indexOf('\n')).trimmed()));
        if (!m_url.isValid() || m_url.port() <= 0)
            return fail(QStringLiteral("dcs-sim printed no URL: ") + QString::fromUtf8(line) +
                        QString::fromUtf8(m_process->readAllStandardError()));
        return true;
    }

    // SIGTERM and wait: the state must be on disk afterwards.
    void stop() {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000))
                m_process->kill();
        }
        m_stderr += m_process->readAllStandardError();
        m_process.reset();
    }

    // Everything dcs-sim logged to stderr so far (one line per request).
    QByteArray log() {
        if (m_process)
            m_stderr += m_process->readAllStandardError();
        return m_stderr;
    }

    QUrl url() const { return m_url; }
    QString stateFile() const { return m_stateFile; }
    QString dir() const { return m_dir.path(); }
    QString error() const { return m_error; }
    QProcess *process() const { return m_process.get(); }

private:
    bool fail(const QString &text) {
        m_error = text;
        return false;
    }

    QTemporaryDir m_dir;
    QString m_stateFile;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QByteArray m_stderr;
    QString m_error;
    bool m_offlineAddresses = true;
};
