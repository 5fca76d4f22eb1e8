#pragma once

#include "api/ApiError.h"
#include "api/DcsClient.h"
#include "model/Backup.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace dcs {

class BackupTracker;
class FollowedRestores;
struct RestoreRecord;

// Who a session talks to and as what, as the window names it.
struct SessionInfo {
    QString profileId;
    QString profileName;      // as in logs and the audit trail ("Demo" for the Demo profile)
    bool isSimulator = false; // the console's own dcs-sim
    bool production = false;  // a banner says so while it is shown
    bool readOnly = false;    // restore, backup and delete are off
    QUrl endpoint;
    QString region; // empty for the local simulator
    QString projectId;
    QString projectName; // as IAM names it; empty when not known
};

// One open profile: its own client (network manager, credentials) and what is followed on it.
// Whatever is shown of the profile makes its requests through client() with a context object of
// its own or this session's, so closing drops late replies by destruction. Independent of every
// other session: several may be open at once (one per profile, region and project).
//
// Restores are followed by the shared FollowedRestores on this session's client; manual backups
// by the session itself. close() deletes the session once nothing is followed on its client any
// more, so a restore started under a profile still ends after switching away.
class Session : public QObject {
    Q_OBJECT
public:
    // followed: shared by every session, outlives them.
    Session(SessionInfo info, ClientConfig config, FollowedRestores *followed,
            QObject *parent = nullptr);
    ~Session() override;

    const SessionInfo &info() const { return m_info; }
    DcsClient *client() const { return m_client; }
    FollowedRestores *followedRestores() const { return m_followed; }

    // Follows again whatever this profile left pending, this run or an earlier one.
    void resumeRestores();
    // A running restore read from an instance's records is followed too; false when it already
    // is or has nothing to follow.
    bool followRestoreRecord(const QString &instanceId, const QString &instanceName,
                             const RestoreRecord &record);

    // Follows a backup until it ends (a manual one just created); a backup followed already is
    // not followed twice.
    void followBackup(const QString &instanceId, const QString &backupId);
    bool isFollowingBackup(const QString &backupId) const;
    void setBackupPollMs(int ms) { m_backupPollMs = qMax(1, ms); }
    int backupPollMs() const { return m_backupPollMs; }

    // A restore or a backup is followed on this session's client.
    bool isBusy() const;
    // Nothing more will be shown of it: deleted now, or as soon as it is no longer busy.
    void close();
    bool isClosed() const { return m_closed; }

Q_SIGNALS:
    // The server's view of a followed backup while it is written, and once when it has ended.
    void backupUpdated(const QString &instanceId, const dcs::Backup &backup);
    void backupFinished(const QString &instanceId, const dcs::Backup &backup);
    void backupTimedOut(const QString &instanceId, const QString &backupId);
    void backupReadFailed(const QString &instanceId, const dcs::ApiError &error);

private:
    void releaseIfIdle();

    SessionInfo m_info;
    DcsClient *m_client; // a child: goes with the session
    FollowedRestores *m_followed;
    QHash<QString, QPointer<BackupTracker>> m_backups; // by backup id
    int m_backupPollMs = 2000;
    bool m_closed = false;
};

} // namespace dcs
