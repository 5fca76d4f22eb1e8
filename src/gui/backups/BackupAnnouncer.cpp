#include "backups/BackupAnnouncer.h"

#include "api/ApiError.h"
#include "model/DisplayText.h"
#include "profiles/Session.h"
#include "widgets/ErrorPanel.h"
#include "widgets/NoticeBanner.h"

#include <QStatusBar>

namespace {
constexpr int StatusMessageMs = 10000;
} // namespace

BackupAnnouncer::BackupAnnouncer(QStatusBar *statusBar, ErrorPanel *errors, NoticeBanner *notice,
                                 QObject *parent)
    : QObject(parent)
    , m_statusBar(statusBar)
    , m_errors(errors)
    , m_notice(notice) {}

void BackupAnnouncer::watch(dcs::Session *session) {
    const QString profileId = session->info().profileId;
    connect(session, &dcs::Session::backupFinished, this,
            [this, profileId](const QString &, const dcs::Backup &backup) {
                reportEnd(profileId, backup);
                Q_EMIT finished(backup);
            });
    connect(session, &dcs::Session::backupReadFailed, this,
            [this, profileId](const QString &, const dcs::ApiError &error) {
                m_statusBar->showMessage(
                    BackgroundStatus::about(m_namer, profileId,
                                            tr("Following the backup: %1").arg(error.summary())),
                    StatusMessageMs);
            });
    connect(session, &dcs::Session::backupTimedOut, this,
            [this, profileId](const QString &, const QString &backupId) {
                m_errors->showMessage(
                    [this, profileId, backupId] {
                        return BackgroundStatus::about(
                            m_namer, profileId, tr("Stopped following backup %1").arg(backupId));
                    },
                    [] {
                        return tr("It did not end in the expected time. Refresh to see its "
                                  "current status.");
                    });
            });
}

void BackupAnnouncer::reportEnd(const QString &profileId, const dcs::Backup &backup) {
    const QString name = backup.backupName.isEmpty() ? backup.backupId : backup.backupName;
    if (backup.isSucceeded()) {
        m_statusBar->showMessage(
            BackgroundStatus::about(m_namer, profileId, tr("Backup %1 succeeded.").arg(name)),
            StatusMessageMs);
        // Named when shown: the open profile may change while the notice stays.
        m_notice->show([this, profileId, name] {
            return BackgroundStatus::aboutHtml(
                m_namer, profileId, tr("Backup <b>%1</b> succeeded.").arg(name.toHtmlEscaped()));
        });
        return;
    }
    const QString code = backup.errorCode;
    const QString status = backup.status;
    m_errors->showMessage(
        [this, profileId, name] {
            return BackgroundStatus::about(m_namer, profileId,
                                           tr("Backup %1 did not succeed").arg(name));
        },
        [code, status] {
            const QString state = tr("Its status is %1.").arg(DisplayText::backupStatus(status));
            return code.isEmpty() ? state
                                  : tr("%1\nError code: %2\n%3")
                                        .arg(state, code, dcs::explainRecordErrorCode(code));
        });
}
