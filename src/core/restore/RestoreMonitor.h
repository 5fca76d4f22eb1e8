#pragma once

#include "model/RestoreRecord.h"
#include "restore/PendingRestores.h"
#include "restore/RestoreTracker.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace dcs {

class DcsClient;

// Follows every restore the console started, across profile switches and restarts: one
// RestoreTracker per restore on the client of its profile, the list of running ones written to
// PendingRestores, and one signal per change for the tables, the status bar and notifications.
class RestoreMonitor : public QObject {
    Q_OBJECT
public:
    RestoreMonitor(PendingRestores store, RestoreTracker::Timing timing, QObject *parent = nullptr);
    // Stops the trackers still running (they belong to their clients, not to the monitor).
    ~RestoreMonitor() override;

    // Starts following; also writes it down. The client must outlive the restore or be replaced
    // through resume() with a new client of the same profile.
    void follow(DcsClient *client, const PendingRestore &restore);
    // At start or after a profile was opened: follows again whatever is pending for that profile.
    void resume(const QString &profileId, DcsClient *client);
    QList<PendingRestore> pending() const;
    bool isFollowing(const QString &restoreId) const;
    void setTiming(const RestoreTracker::Timing &timing) { m_timing = timing; }

Q_SIGNALS:
    void progress(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    void finished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    void timedOut(const dcs::PendingRestore &restore);
    // A pending restore of unknown outcome (empty restore_id) was resolved on resume():
    // found carries the restore_id now followed; notFound means no record of its backup exists
    // since it was posted, so it was dropped from the pending list.
    void lostRestoreFound(const dcs::PendingRestore &restore);
    void lostRestoreNotFound(const dcs::PendingRestore &restore);

private:
    void startTracker(DcsClient *client, const PendingRestore &restore);
    void resolveUnknown(DcsClient *client, const PendingRestore &restore);
    void forget(const PendingRestore &restore);

    PendingRestores m_store;
    RestoreTracker::Timing m_timing;
    QHash<QString, QPointer<RestoreTracker>> m_trackers; // by restore id
    QHash<QString, PendingRestore> m_restores;
    QSet<QString> m_resolving; // unknown-outcome entries being looked up
};

} // namespace dcs
