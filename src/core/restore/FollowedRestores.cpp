#include "restore/FollowedRestores.h"

#include "api/DcsClient.h"

#include <QCoreApplication>
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

FollowedRestores::FollowedRestores(PendingRestoreFile file, AuditLog audit,
                                   RestoreRecordFollower::Timing timing, QObject *parent)
    : QObject(parent)
    , m_file(std::move(file))
    , m_audit(std::move(audit))
    , m_timing(timing) {}

FollowedRestores::~FollowedRestores() {
    // The pending file keeps them: the next start resumes where this one stopped.
    for (const QPointer<RestoreRecordFollower> &follower : std::as_const(m_followers))
        delete follower.data();
}

void FollowedRestores::follow(DcsClient *client, const PendingRestore &restore) {
    if (!m_file.add(restore))
        qWarning("Pending restores: %s of %s is followed for this run only",
                 qPrintable(restore.restoreId), qPrintable(restore.instanceName));
    // Outcome unknown: nothing to follow yet; resume() looks for its record.
    if (restore.restoreId.isEmpty())
        return;
    // A restore that is followed already keeps what it knows (an audited entry stays audited).
    if (!m_restores.value(restore.restoreId).audited || restore.audited)
        m_restores.insert(restore.restoreId, restore);
    startFollower(client, restore);
}

bool FollowedRestores::followRecord(DcsClient *client, const QString &profileId,
                                    const QString &profileName, const QString &instanceId,
                                    const QString &instanceName, const RestoreRecord &record) {
    if (!client || record.restoreId.isEmpty() || !record.isRunning() ||
        isFollowing(record.restoreId))
        return false;
    PendingRestore pending;
    pending.profileId = profileId;
    pending.profileName = profileName;
    pending.instanceId = instanceId;
    pending.instanceName = instanceName;
    pending.restoreId = record.restoreId;
    pending.backupId = record.backupId;
    pending.backupName = record.backupName;
    pending.startedAt =
        record.createdAt.isValid() ? record.createdAt : QDateTime::currentDateTimeUtc();
    // A profile may look after several projects: the entry says which one it belongs to.
    pending.projectId = client->config().projectId;
    // Known to this run already (posted here, its follower ended with a closed client): keep the
    // audit fields rather than write it down as someone else's.
    const PendingRestore known = m_restores.value(record.restoreId);
    if (known.audited)
        pending = known;
    follow(client, pending);
    Q_EMIT progress(m_restores.value(record.restoreId), record);
    return true;
}

void FollowedRestores::resume(const QString &profileId, DcsClient *client) {
    const QList<PendingRestore> all = m_file.load();
    for (const PendingRestore &restore : all) {
        if (restore.profileId != profileId)
            continue;
        // A profile with several region + project pairs opens a client per pair: each follows
        // the restores of its own project (entries that name none go to any, as they did).
        if (client && !restore.projectId.isEmpty() &&
            restore.projectId != client->config().projectId)
            continue;
        if (restore.restoreId.isEmpty()) {
            resolveUnknown(client, restore);
            continue;
        }
        m_restores.insert(restore.restoreId, restore);
        startFollower(client, restore);
    }
}

QList<PendingRestore> FollowedRestores::pending() const {
    return m_file.load();
}

bool FollowedRestores::isFollowing(const QString &restoreId) const {
    const QPointer<RestoreRecordFollower> follower = m_followers.value(restoreId);
    return follower && follower->isActive();
}

bool FollowedRestores::isFollowingInstance(const QString &profileId,
                                           const QString &instanceId) const {
    for (auto it = m_followers.cbegin(); it != m_followers.cend(); ++it) {
        const QPointer<RestoreRecordFollower> &follower = it.value();
        if (follower && follower->isActive() && follower->instanceId() == instanceId &&
            m_restores.value(it.key()).profileId == profileId)
            return true;
    }
    return false;
}

void FollowedRestores::startFollower(DcsClient *client, const PendingRestore &restore) {
    if (!client)
        return;
    const QString id = restore.restoreId;
    QPointer<RestoreRecordFollower> existing = m_followers.value(id);
    if (existing) {
        // Already followed on this client: nothing to do. On an older client of the profile:
        // move over, the old one may be about to close.
        if (existing->parent() == client && existing->isActive())
            return;
        delete existing.data();
    }
    // A child of the client: closing the profile's client ends its followers with it, and the
    // pending file brings them back through resume().
    auto *follower = new RestoreRecordFollower(client, restore.instanceId, id, m_timing, client);
    m_followers.insert(id, follower);
    connect(follower, &RestoreRecordFollower::recordsRead, this,
            [this, id](const QList<RestoreRecord> &records) {
                Q_EMIT recordsRead(m_restores.value(id), records);
            });
    connect(
        follower, &RestoreRecordFollower::updated, this,
        [this, id](const RestoreRecord &record) { Q_EMIT progress(m_restores.value(id), record); });
    connect(follower, &RestoreRecordFollower::finished, this,
            [this, id, follower](const RestoreRecord &record) {
                if (!m_restores.contains(id))
                    return;
                const PendingRestore ended = m_restores.value(id);
                forget(ended);
                follower->deleteLater();
                auditFinished(ended, record);
                Q_EMIT finished(ended, record);
            });
    connect(follower, &RestoreRecordFollower::timedOut, this, [this, id, follower] {
        // Given up: not followed again at the next start either; the records table still
        // shows how it ends.
        const PendingRestore lost = m_restores.value(id);
        forget(lost);
        follower->deleteLater();
        Q_EMIT timedOut(lost);
    });
    follower->start();
    Q_EMIT followed(m_restores.value(id, restore));
}

void FollowedRestores::forget(const PendingRestore &restore) {
    m_file.remove(restore.profileId, restore.restoreId);
    m_restores.remove(restore.restoreId);
    m_followers.remove(restore.restoreId);
}

void FollowedRestores::auditFinished(const PendingRestore &restore, const RestoreRecord &record) {
    if (!restore.audited)
        return;
    AuditRecord line;
    line.time = QDateTime::currentDateTimeUtc();
    line.event = QStringLiteral("finished");
    line.osUser = AuditLog::currentOsUser();
    line.profile = restore.profileName.isEmpty() ? restore.profileId : restore.profileName;
    line.region = restore.region;
    line.projectId = restore.projectId;
    line.instanceId = restore.instanceId;
    line.instanceName = restore.instanceName;
    line.backupId = restore.backupId;
    line.backupName = restore.backupName.isEmpty() ? record.backupName : restore.backupName;
    line.remark = restore.remark;
    line.restoreId = restore.restoreId;
    line.outcome = record.status;
    line.finalStatus = record.status;
    line.errorCode = record.errorCode;
    line.safetyBackupId = restore.safetyBackupId;
    QString error;
    if (!m_audit.append(line, &error)) {
        qWarning("Restore audit: %s", qPrintable(error));
        Q_EMIT auditFailed(QCoreApplication::translate("dcs::FollowedRestores",
                                                       "The audit trail could not be written: %1")
                               .arg(error));
    }
}

void FollowedRestores::resolveUnknown(DcsClient *client, const PendingRestore &restore) {
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
                m_file.remove(restore);
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
