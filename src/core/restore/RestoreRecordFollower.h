#pragma once

#include "model/RestoreRecord.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace dcs {

class DcsClient;

// Follows one restore by reading the instance's restore records until its record is succeed or
// failed: first after initialDelay, then the interval grows up to maxInterval; gives up after
// timeout. Read errors do not stop it; they are reported and the next read is scheduled.
class RestoreRecordFollower : public QObject {
    Q_OBJECT
public:
    struct Timing {
        int initialDelayMs = 2000;
        int maxIntervalMs = 10000;
        double backoffFactor = 1.5;
        qint64 timeoutMs = 30LL * 60 * 1000;
    };

    RestoreRecordFollower(DcsClient *client, QString instanceId, QString restoreId, Timing timing,
                          QObject *parent = nullptr);

    void start();
    void stop();
    bool isActive() const { return m_active; }
    const QString &instanceId() const { return m_instanceId; }
    const QString &restoreId() const { return m_restoreId; }
    int nextIntervalMs() const { return m_intervalMs; }

Q_SIGNALS:
    // Every record of the instance, as each successful read brought them (before updated()):
    // what would otherwise be read again to show the instance's records.
    void recordsRead(const QList<dcs::RestoreRecord> &records);
    void updated(const dcs::RestoreRecord &record);
    void finished(const dcs::RestoreRecord &record);
    void readFailed(const QString &message);
    void timedOut();

private:
    void poll();
    void scheduleNext();

    QPointer<DcsClient> m_client;
    QString m_instanceId;
    QString m_restoreId;
    Timing m_timing;
    QTimer m_timer;
    qint64 m_startedMs = 0;
    int m_intervalMs = 0;
    bool m_active = false;
};

} // namespace dcs
