#include "restore/BackupTracker.h"

#include "api/DcsClient.h"

#include <QCoreApplication>
#include <QDateTime>

namespace dcs {

BackupTracker::BackupTracker(DcsClient *client, QString instanceId, QString backupId, int pollMs,
                             qint64 timeoutMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_instanceId(std::move(instanceId))
    , m_backupId(std::move(backupId))
    , m_pollMs(qMax(1, pollMs))
    , m_timeoutMs(timeoutMs) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BackupTracker::poll);
}

void BackupTracker::start() {
    ++m_generation;
    m_reading = false;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    // A backup just created may not be listed yet; the first read waits one interval.
    m_timer.start(m_pollMs);
}

void BackupTracker::stop() {
    ++m_generation;
    m_reading = false;
    m_timer.stop();
}

void BackupTracker::poll() {
    if (!m_client) {
        stop();
        ApiError error = ApiError::network(
            ApiError::Kind::Cancelled,
            QCoreApplication::translate("dcs::BackupTracker",
                                        "The connection to the service was closed."));
        Q_EMIT readFailed(error);
        return;
    }
    m_reading = true;
    const int generation = m_generation;
    m_client->listBackups(
        m_instanceId, {}, this, [this, generation](const ApiResult<QList<Backup>> &result) {
            if (generation != m_generation)
                return;
            m_reading = false;
            if (!result.ok()) {
                Q_EMIT readFailed(result.error);
            } else {
                for (const Backup &backup : result.value) {
                    if (backup.backupId != m_backupId)
                        continue;
                    Q_EMIT updated(backup);
                    if (generation != m_generation) // a slot stopped us
                        return;
                    if (!backup.isRunning()) {
                        stop();
                        Q_EMIT finished(backup);
                        return;
                    }
                    break;
                }
            }
            if (generation != m_generation)
                return;
            if (QDateTime::currentMSecsSinceEpoch() - m_startedMs >= m_timeoutMs) {
                stop();
                Q_EMIT timedOut();
                return;
            }
            m_timer.start(m_pollMs);
        });
}

} // namespace dcs
