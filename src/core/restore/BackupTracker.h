#pragma once

#include "api/ApiError.h"
#include "model/Backup.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace dcs {

class DcsClient;

// Follows one backup (a manual one just created, or the safety backup before a restore) by
// reading the instance's backups until it is succeed or failed (or expired/deleted), or until
// the timeout. Read errors are reported and the next read is scheduled.
class BackupTracker : public QObject {
    Q_OBJECT
public:
    BackupTracker(DcsClient *client, QString instanceId, QString backupId, int pollMs,
                  qint64 timeoutMs, QObject *parent = nullptr);

    void start();
    void stop();
    bool isActive() const { return m_timer.isActive() || m_reading; }

Q_SIGNALS:
    void updated(const dcs::Backup &backup);
    void finished(const dcs::Backup &backup); // status no longer waiting/backuping
    void readFailed(const dcs::ApiError &error);
    void timedOut();

private:
    void poll();

    QPointer<DcsClient> m_client;
    QString m_instanceId;
    QString m_backupId;
    int m_pollMs;
    qint64 m_timeoutMs;
    qint64 m_startedMs = 0;
    QTimer m_timer;
    bool m_reading = false;
    int m_generation = 0; // a read answered after stop() or a restart is ignored
};

} // namespace dcs
