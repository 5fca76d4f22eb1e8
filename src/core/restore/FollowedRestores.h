#pragma once

#include "model/RestoreRecord.h"
#include "restore/AuditLog.h"
#include "restore/PendingRestoreFile.h"
#include "restore/RestoreRecordFollower.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace dcs {

class DcsClient;

// Every restore the console follows, of every profile, across profile switches and restarts:
// one RestoreRecordFollower per restore on the client of its profile, the list written to the
// PendingRestoreFile, and when a restore this console posted ends, the audit trail's
// "finished" line (appended; the file is never read back). RestoreWorkflow hands it every
// restore it posted whose answer came (or was lost), so a posted restore is never lost from view.
class FollowedRestores : public QObject {
    Q_OBJECT
public:
    FollowedRestores(PendingRestoreFile file, AuditLog audit, RestoreRecordFollower::Timing timing,
                     QObject *parent = nullptr);
    // Stops the followers still running (they belong to their clients); the pending file keeps
    // the restores for the next start.
    ~FollowedRestores() override;

    // Writes the restore down and follows it on this client. An entry without a restore_id (the
    // answer was lost) is only written down; resume() looks for its record. Without a client the
    // restore is written down and followed from the next resume() of its profile.
    void follow(DcsClient *client, const PendingRestore &restore);
    // A running restore read from the records (started elsewhere, or before this run): followed
    // but not audited. False when there is nothing to follow or it is followed already.
    bool followRecord(DcsClient *client, const QString &profileId, const QString &profileName,
                      const QString &instanceId, const QString &instanceName,
                      const RestoreRecord &record);
    // After a profile was opened: follows again whatever is pending for that profile, on its new
    // client, and looks for the records of its unknown-outcome restores.
    void resume(const QString &profileId, DcsClient *client);

    QList<PendingRestore> pending() const; // as written in the file
    bool isFollowing(const QString &restoreId) const;
    // Whether a restore of this instance of this profile is followed now: its follower reads
    // the instance's restore records (recordsRead()), so nobody needs to read them beside it.
    bool isFollowingInstance(const QString &profileId, const QString &instanceId) const;
    void setTiming(const RestoreRecordFollower::Timing &timing) { m_timing = timing; }
    const AuditLog &auditLog() const { return m_audit; }
    const PendingRestoreFile &file() const { return m_file; }

Q_SIGNALS:
    // A restore is followed now (newly, or again after resume()).
    void followed(const dcs::PendingRestore &restore);
    void progress(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    // Every restore record of the restore's instance, as its follower just read them.
    void recordsRead(const dcs::PendingRestore &restore, const QList<dcs::RestoreRecord> &records);
    // It ended (succeed or failed); its "finished" line is written by then.
    void finished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    // It did not end within the timing's limit: no longer followed, now or at the next start.
    void timedOut(const dcs::PendingRestore &restore);
    // A pending restore of unknown outcome was resolved on resume(): found carries the
    // restore_id now followed; notFound means no record of its backup exists since it was
    // posted, so it was dropped from the pending list.
    void lostRestoreFound(const dcs::PendingRestore &restore);
    void lostRestoreNotFound(const dcs::PendingRestore &restore);
    // The audit trail could not be written; translated.
    void auditFailed(const QString &message);

private:
    void startFollower(DcsClient *client, const PendingRestore &restore);
    void resolveUnknown(DcsClient *client, const PendingRestore &restore);
    void forget(const PendingRestore &restore);
    void auditFinished(const PendingRestore &restore, const RestoreRecord &record);

    PendingRestoreFile m_file;
    AuditLog m_audit;
    RestoreRecordFollower::Timing m_timing;
    QHash<QString, QPointer<RestoreRecordFollower>> m_followers; // by restore id
    QHash<QString, PendingRestore> m_restores;
    QSet<QString> m_resolving; // unknown-outcome entries being looked up
};

} // namespace dcs
