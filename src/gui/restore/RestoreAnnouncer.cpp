#include "restore/RestoreAnnouncer.h"

#include "api/ApiError.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreNotifier.h"
#include "restore/RestoreProgressBar.h"
#include "widgets/ErrorPanel.h"
#include "widgets/NoticeBanner.h"

RestoreAnnouncer::RestoreAnnouncer(ErrorPanel *errors, NoticeBanner *notice,
                                   RestoreNotifier *notifier, RestoreProgressBar *progress,
                                   QObject *parent)
    : QObject(parent)
    , m_errors(errors)
    , m_notice(notice)
    , m_notifier(notifier)
    , m_progress(progress) {}

void RestoreAnnouncer::setProfileNamer(BackgroundStatus::ProfileNamer namer) {
    m_namer = namer;
    m_progress->setProfileNamer(std::move(namer));
}

void RestoreAnnouncer::setFollowedRestores(dcs::FollowedRestores *followed) {
    if (m_followed)
        m_followed->disconnect(this);
    m_followed = followed;
    m_progress->removeAll();
    if (!followed)
        return;
    connect(followed, &dcs::FollowedRestores::followed, this,
            [this](const dcs::PendingRestore &restore) {
                m_progress->setProgress(restore.restoreId, restore.instanceName, 0.0,
                                        restore.profileId);
            });
    connect(followed, &dcs::FollowedRestores::progress, this,
            [this](const dcs::PendingRestore &restore, const dcs::RestoreRecord &record) {
                m_progress->setProgress(restore.restoreId, restore.instanceName, record.progress,
                                        restore.profileId);
            });
    connect(followed, &dcs::FollowedRestores::finished, this, &RestoreAnnouncer::onFinished);
    connect(followed, &dcs::FollowedRestores::timedOut, this, &RestoreAnnouncer::onTimedOut);
    connect(followed, &dcs::FollowedRestores::lostRestoreFound, this,
            [this](const dcs::PendingRestore &restore) {
                m_notice->show([this, restore] {
                    return BackgroundStatus::aboutHtml(
                        m_namer, restore.profileId,
                        tr("The restore of <b>%1</b> whose answer was lost was found: %2. It is "
                           "followed now.")
                            .arg(restore.instanceName.toHtmlEscaped(),
                                 restore.restoreId.toHtmlEscaped()));
                });
            });
    connect(followed, &dcs::FollowedRestores::lostRestoreNotFound, this,
            [this](const dcs::PendingRestore &restore) {
                const QString name = restore.instanceName;
                const QString backup = restore.backupName;
                m_errors->showMessage(
                    [this, name, profileId = restore.profileId] {
                        return BackgroundStatus::about(
                            m_namer, profileId, tr("No restore of %1 was started").arg(name));
                    },
                    [backup] {
                        return tr("The restore from backup %1 got no answer earlier, and the "
                                  "service has no record of it: it did not start. Nothing was "
                                  "sent again.")
                            .arg(backup);
                    });
            });
}

void RestoreAnnouncer::onFinished(const dcs::PendingRestore &restore,
                                  const dcs::RestoreRecord &record) {
    m_progress->remove(restore.restoreId);
    const QString name = restore.instanceName.isEmpty() ? restore.instanceId : restore.instanceName;
    const QString profileId = restore.profileId;
    // Named at the moment it is shown: the open profile may change while a notice stays.
    const auto about = [this, profileId](const QString &text) {
        return BackgroundStatus::about(m_namer, profileId, text);
    };
    if (record.status == QLatin1String("succeed")) {
        const QString backupName =
            restore.backupName.isEmpty() ? record.backupName : restore.backupName;
        m_notifier->notify(
            [] { return tr("Restore succeeded"); },
            [about, name, backupName, id = record.restoreId] {
                return about(
                    tr("%1 was restored from backup %2 (restore %3).").arg(name, backupName, id));
            },
            false);
        return;
    }
    const QString code = record.errorCode;
    const QString id = record.restoreId;
    m_notifier->notify(
        [] { return tr("Restore failed"); },
        [name, code] {
            const QString explained =
                code.isEmpty()
                    ? tr("The service gave no error code.")
                    : tr("Error code %1: %2").arg(code, dcs::explainRecordErrorCode(code));
            return tr("The restore of %1 failed. %2").arg(name, explained);
        },
        true);
    m_errors->showMessage(
        [id, name] { return tr("Restore %1 of %2 failed").arg(id, name); },
        [code] {
            return code.isEmpty()
                       ? tr("The service gave no error code.")
                       : tr("Error code: %1\n%2").arg(code, dcs::explainRecordErrorCode(code));
        });
}

void RestoreAnnouncer::onTimedOut(const dcs::PendingRestore &restore) {
    m_progress->remove(restore.restoreId);
    const QString id = restore.restoreId;
    const QString name = restore.instanceName;
    m_errors->showMessage(
        [this, id, name, profileId = restore.profileId] {
            return BackgroundStatus::about(m_namer, profileId,
                                           tr("Stopped following restore %1 of %2").arg(id, name));
        },
        [] {
            return tr("It did not finish in the expected time. Refresh to see its current "
                      "status.");
        });
}
