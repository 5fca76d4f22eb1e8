#include "restore/RestoreRecordFollower.h"

#include "api/DcsClient.h"

#include <QCoreApplication>
#include <QDateTime>

namespace dcs {

RestoreRecordFollower::RestoreRecordFollower(DcsClient *client, QString instanceId,
                                             QString restoreId, Timing timing, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_instanceId(std::move(instanceId))
    , m_restoreId(std::move(restoreId))
    , m_timing(timing) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RestoreRecordFollower::poll);
}

void RestoreRecordFollower::start() {
    m_active = true;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_intervalMs = m_timing.initialDelayMs;
    m_timer.start(m_intervalMs);
}

void RestoreRecordFollower::stop() {
    m_active = false;
    m_timer.stop();
}

void RestoreRecordFollower::scheduleNext() {
    if (!m_active)
        return;
    if (QDateTime::currentMSecsSinceEpoch() - m_startedMs >= m_timing.timeoutMs) {
        stop();
        Q_EMIT timedOut();
        return;
    }
    // Back off: the first reads come quickly, a long restore is not polled hard.
    m_intervalMs = qMin(m_timing.maxIntervalMs,
                        qMax(m_intervalMs + 1, int(m_intervalMs * m_timing.backoffFactor)));
    m_timer.start(m_intervalMs);
}

void RestoreRecordFollower::poll() {
    if (!m_active)
        return;
    if (!m_client) {
        stop();
        Q_EMIT readFailed(QCoreApplication::translate("dcs::RestoreRecordFollower",
                                                      "The connection to the service was closed."));
        return;
    }
    m_client->listRestores(m_instanceId, {}, this,
                           [this](const ApiResult<QList<RestoreRecord>> &result) {
                               if (!m_active)
                                   return;
                               if (!result.ok()) {
                                   Q_EMIT readFailed(result.error.summary());
                                   scheduleNext();
                                   return;
                               }
                               Q_EMIT recordsRead(result.value);
                               if (!m_active)
                                   return;
                               for (const RestoreRecord &record : result.value) {
                                   if (record.restoreId != m_restoreId)
                                       continue;
                                   Q_EMIT updated(record);
                                   if (record.isFinished()) {
                                       stop();
                                       Q_EMIT finished(record);
                                       return;
                                   }
                                   break;
                               }
                               scheduleNext();
                           });
}

} // namespace dcs
