#pragma once

#include "model/RestoreRecord.h"
#include "restore/PendingRestores.h"
#include "restore/RestoreTracker.h"

#include <QDateTime>
#include <QObject>

class ErrorPanel;
class NoticeBanner;
class QMainWindow;
class RestoreNotifier;
class RestoreProgressBar;
namespace dcs {
class DcsClient;
class RestoreMonitor;
} // namespace dcs

// Follows restores to their end through a RestoreMonitor, of any profile, and tells the user
// how they ended (progress bar, notifier, error panel) and closes their audit attempt line. The
// window keeps its tables up to date from the signals.
class RestoreFollower : public QObject {
    Q_OBJECT
public:
    RestoreFollower(QMainWindow *window, ErrorPanel *errors, NoticeBanner *notice,
                    RestoreNotifier *notifier, RestoreProgressBar *progress);

    // Where the pending restores are kept and the audit trail is written. Starts a new monitor:
    // the restores the old one followed are no longer followed nor shown.
    void setFiles(const QString &pendingFile, const QString &auditFile,
                  const dcs::RestoreTracker::Timing &timing);
    void setTiming(const dcs::RestoreTracker::Timing &timing);
    dcs::RestoreMonitor *monitor() const { return m_monitor; }
    // Follows again whatever this profile left pending.
    void resume(const QString &profileId, dcs::DcsClient *client);

    // False when there is nothing to follow (no client, no restore id) or it is followed already.
    bool follow(dcs::DcsClient *client, const QString &profileId, const QString &instanceId,
                const QString &instanceName, const dcs::RestoreRecord &record);
    // A restore whose answer was lost: written down with no restore id, so that the monitor
    // looks for its record at the next start.
    void followUnknown(dcs::DcsClient *client, const QString &profileId, const QString &instanceId,
                       const QString &instanceName, const QString &backupId,
                       const QString &backupName, const QDateTime &postedAt);

Q_SIGNALS:
    // The server's record of a restore while it runs.
    void recordChanged(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    // The restore has ended; emitted before the user is told.
    void restoreEnded(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    // After restoreEnded(), once the user has been told and the audit trail written.
    void restoreFinished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    // A restore whose answer was lost turned out to exist; it is followed now.
    void lostRestoreFound(const dcs::PendingRestore &restore);

private:
    void connectMonitor();
    void onFinished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    void onTimedOut(const dcs::PendingRestore &restore);
    void auditFinished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);

    QMainWindow *m_window;
    ErrorPanel *m_errors;
    NoticeBanner *m_notice;
    RestoreNotifier *m_notifier;
    RestoreProgressBar *m_progress;
    dcs::RestoreMonitor *m_monitor = nullptr;
    QString m_auditFile;
};
