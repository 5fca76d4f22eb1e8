#include "profiles/Session.h"

#include "restore/BackupTracker.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreRecordFollower.h"

#include <QTimer>

namespace dcs {

namespace {
// A manual backup that has not ended after this long is no longer followed.
constexpr qint64 BackupTimeoutMs = 60LL * 60 * 1000;
} // namespace

Session::Session(SessionInfo info, ClientConfig config, FollowedRestores *followed, QObject *parent)
    : QObject(parent)
    , m_info(std::move(info))
    , m_client(new DcsClient(std::move(config), this))
    , m_followed(followed) {}

Session::~Session() {
    // Before the children go: the client answers what it still has with Cancelled.
    m_client->abortAll();
}

void Session::resumeRestores() {
    m_followed->resume(m_info.profileId, m_client);
}

bool Session::followRestoreRecord(const QString &instanceId, const QString &instanceName,
                                  const RestoreRecord &record) {
    return m_followed->followRecord(m_client, m_info.profileId, m_info.profileName, instanceId,
                                    instanceName, record);
}

void Session::followBackup(const QString &instanceId, const QString &backupId) {
    if (m_closed || backupId.isEmpty() || m_backups.value(backupId))
        return;
    // A child of the client, like the restore followers: isBusy() counts it.
    auto *tracker = new BackupTracker(m_client, instanceId, backupId, m_backupPollMs,
                                      BackupTimeoutMs, m_client);
    m_backups.insert(backupId, tracker);
    const auto ended = [this, tracker, backupId] {
        m_backups.remove(backupId);
        tracker->deleteLater();
        // Queued: the tracker is still the client's child right now.
        QTimer::singleShot(0, this, &Session::releaseIfIdle);
    };
    connect(tracker, &BackupTracker::updated, this,
            [this, instanceId](const Backup &backup) { Q_EMIT backupUpdated(instanceId, backup); });
    connect(tracker, &BackupTracker::finished, this,
            [this, instanceId, ended](const Backup &backup) {
                ended();
                Q_EMIT backupFinished(instanceId, backup);
            });
    connect(tracker, &BackupTracker::timedOut, this, [this, instanceId, backupId, ended] {
        ended();
        Q_EMIT backupTimedOut(instanceId, backupId);
    });
    connect(tracker, &BackupTracker::readFailed, this, [this, instanceId](const ApiError &error) {
        Q_EMIT backupReadFailed(instanceId, error);
    });
    tracker->start();
}

bool Session::isFollowingBackup(const QString &backupId) const {
    return !m_backups.value(backupId).isNull();
}

bool Session::isBusy() const {
    if (!m_client->findChildren<RestoreRecordFollower *>(Qt::FindDirectChildrenOnly).isEmpty())
        return true;
    for (const QPointer<BackupTracker> &tracker : m_backups) {
        if (tracker)
            return true;
    }
    return false;
}

void Session::close() {
    if (m_closed)
        return;
    m_closed = true;
    // A follower ends (its restore ended) or moves to a newer session of the profile.
    const auto followers =
        m_client->findChildren<RestoreRecordFollower *>(Qt::FindDirectChildrenOnly);
    for (RestoreRecordFollower *follower : followers) {
        connect(follower, &QObject::destroyed, this, [this] {
            // Queued: the follower is still listed among the client's children right now.
            QTimer::singleShot(0, this, &Session::releaseIfIdle);
        });
    }
    releaseIfIdle();
}

void Session::releaseIfIdle() {
    if (m_closed && !isBusy())
        deleteLater();
}

} // namespace dcs
