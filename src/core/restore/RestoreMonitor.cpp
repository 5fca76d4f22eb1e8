#include "restore/RestoreMonitor.h"

#include "api/DcsClient.h"

#include <QtDebug>

namespace dcs {

namespace {

// Server and desktop clocks differ a little; a record of the lost restore may carry a creation
// time slightly before the moment the console noted.
constexpr qint64 clockSlackSeconds = 120;

QString resolvingKey(const PendingRestore &r) {
    return r.profileId + QLatin1Char('|') + r.instanceId + QLatin1Char('|') + r.backupId +
           QLatin1Char('|') + r.startedAt.toString(Qt::ISODateWithMs);
}

} // namespace

RestoreMonitor::RestoreMonitor(PendingRestores store, RestoreTracker::Timing timing,
                               QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_timing(timing) {}

RestoreMonitor::~RestoreMonitor() {
    // The pending file keeps them: the next monitor resumes where this one stopped.
    for (const QPointer<RestoreTracker> &tracker : std::as_const(m_trackers))
        delete tracker.data();
}

void RestoreMonitor::follow(DcsClient *client, const PendingRestore &restore) {
    m_store.add(restore);
    // Outcome unknown: nothing to follow yet; resume() looks for its record.
    if (restore.restoreId.isEmpty())
        return;
    m_restores.insert(restore.restoreId, restore);
    startTracker(client, restore);
}

void RestoreMonitor::resume(const QString &profileId, DcsClient *client) {
    const QList<PendingRestore> all = m_store.load();
    for (const PendingRestore &restore : all) {
        if (restore.profileId != profileId)
            continue;
        if (restore.restoreId.isEmpty()) {
            resolveUnknown(client, restore);
            continue;
        }
        m_restores.insert(restore.restoreId, restore);
        startTracker(client, restore);
    }
}

QList<PendingRestore> RestoreMonitor::pending() const {
    return m_store.load();
}

bool RestoreMonitor::isFollowing(const QString &restoreId) const {
    const QPointer<RestoreTracker> tracker = m_trackers.value(restoreId);
    return tracker && tracker->isActive();
}

void RestoreMonitor::startTracker(DcsClient *client, const PendingRestore &restore) {
    if (!client)
        return;
    const QString id = restore.restoreId;
    QPointer<RestoreTracker> existing = m_trackers.value(id);
    if (existing) {
        // Already followed on this client: nothing to do. On an older client of the profile:
        // move over, the old one may be about to close.
        if (existing->parent() == client && existing->isActive())
            return;
        delete existing.data();
    }
    // A child of the client: closing the profile's client ends its trackers with it, and the
    // pending file brings them back through resume().
    auto *tracker = new RestoreTracker(client, restore.instanceId, id, m_timing, client);
    m_trackers.insert(id, tracker);
    connect(tracker, &RestoreTracker::updated, this, [this, id](const RestoreRecord &record) {
        Q_EMIT progress(m_restores.value(id), record);
    });
    connect(tracker, &RestoreTracker::finished, this,
            [this, id, tracker](const RestoreRecord &record) {
                const PendingRestore finishedRestore = m_restores.value(id);
                forget(finishedRestore);
                tracker->deleteLater();
                Q_EMIT finished(finishedRestore, record);
            });
    connect(tracker, &RestoreTracker::timedOut, this, [this, id, tracker] {
        // Given up: not followed again at the next start either; the records table still
        // shows how it ends.
        const PendingRestore lost = m_restores.value(id);
        forget(lost);
        tracker->deleteLater();
        Q_EMIT timedOut(lost);
    });
    tracker->start();
}

void RestoreMonitor::forget(const PendingRestore &restore) {
    m_store.remove(restore.profileId, restore.restoreId);
    m_restores.remove(restore.restoreId);
    m_trackers.remove(restore.restoreId);
}

void RestoreMonitor::resolveUnknown(DcsClient *client, const PendingRestore &restore) {
    const QString key = resolvingKey(restore);
    if (!client || m_resolving.contains(key))
        return;
    m_resolving.insert(key);
    QPointer<DcsClient> guard(client);
    client->listRestores(
        restore.instanceId, {}, this,
        [this, guard, restore, key](const ApiResult<QList<RestoreRecord>> &result) {
            m_resolving.remove(key);
            if (!result.ok()) {
                // Unreadable now is not "never happened": keep it for the next resume.
                qWarning("Pending restore of %s stays unresolved: %s",
                         qPrintable(restore.instanceName), qPrintable(result.error.summary()));
                return;
            }
            const QDateTime since = restore.startedAt.addSecs(-clockSlackSeconds);
            const RestoreRecord *best = nullptr;
            for (const RestoreRecord &record : result.value) {
                if (record.backupId != restore.backupId || !record.createdAt.isValid())
                    continue;
                if (restore.startedAt.isValid() && record.createdAt < since)
                    continue;
                // Several candidates: the one created closest to the click.
                if (!best || qAbs(record.createdAt.secsTo(restore.startedAt)) <
                                 qAbs(best->createdAt.secsTo(restore.startedAt)))
                    best = &record;
            }
            if (!best) {
                m_store.remove(restore);
                Q_EMIT lostRestoreNotFound(restore);
                return;
            }
            PendingRestore found = restore;
            found.restoreId = best->restoreId;
            if (!guard)
                return;
            // add() replaces the unknown entry with the found one.
            follow(guard.data(), found);
            Q_EMIT lostRestoreFound(found);
        });
}

} // namespace dcs
