#include "backups/BackupFollower.h"

#include "model/DisplayText.h"
#include "restore/BackupTracker.h"
#include "widgets/ErrorPanel.h"
#include "widgets/NoticeBanner.h"

#include <QMainWindow>
#include <QStatusBar>

namespace {
constexpr int StatusMessageMs = 10000;
// A manual backup that has not ended after this long is no longer followed.
constexpr qint64 BackupTimeoutMs = 60LL * 60 * 1000;
} // namespace

BackupFollower::BackupFollower(QMainWindow *window, ErrorPanel *errors, NoticeBanner *notice)
    : QObject(window)
    , m_window(window)
    , m_errors(errors)
    , m_notice(notice) {}

void BackupFollower::follow(dcs::DcsClient *client, const QString &instanceId,
                            const QString &backupId, int pollMs) {
    if (!client || m_trackers.value(backupId))
        return;
    auto *tracker =
        new dcs::BackupTracker(client, instanceId, backupId, pollMs, BackupTimeoutMs, this);
    m_trackers.insert(backupId, tracker);
    connect(tracker, &dcs::BackupTracker::updated, this,
            [this, client, instanceId](const dcs::Backup &backup) {
                Q_EMIT updated(client, instanceId, backup);
            });
    connect(tracker, &dcs::BackupTracker::finished, this,
            [this, tracker, client, instanceId, backupId](const dcs::Backup &backup) {
                m_trackers.remove(backupId);
                tracker->deleteLater();
                Q_EMIT ended(client, instanceId, backup);
                reportEnd(backupId, backup);
                Q_EMIT finished(backup);
            });
    connect(tracker, &dcs::BackupTracker::readFailed, this, [this](const dcs::ApiError &error) {
        m_window->statusBar()->showMessage(tr("Following the backup: %1").arg(error.summary()),
                                           StatusMessageMs);
    });
    connect(tracker, &dcs::BackupTracker::timedOut, this, [this, tracker, backupId] {
        m_trackers.remove(backupId);
        tracker->deleteLater();
        m_errors->showMessage(
            [backupId] { return tr("Stopped following backup %1").arg(backupId); },
            [] {
                return tr("It did not end in the expected time. Refresh to see its current "
                          "status.");
            });
    });
    tracker->start();
}

void BackupFollower::reportEnd(const QString &backupId, const dcs::Backup &backup) {
    const QString name = backup.backupName.isEmpty() ? backupId : backup.backupName;
    if (backup.isSucceeded()) {
        m_window->statusBar()->showMessage(tr("Backup %1 succeeded.").arg(name), StatusMessageMs);
        m_notice->show(
            [name] { return tr("Backup <b>%1</b> succeeded.").arg(name.toHtmlEscaped()); });
        return;
    }
    const QString code = backup.errorCode;
    const QString status = backup.status;
    m_errors->showMessage([name] { return tr("Backup %1 did not succeed").arg(name); },
                          [code, status] {
                              const QString state =
                                  tr("Its status is %1.").arg(DisplayText::backupStatus(status));
                              return code.isEmpty()
                                         ? state
                                         : tr("%1\nError code: %2\n%3")
                                               .arg(state, code, dcs::explainRecordErrorCode(code));
                          });
}
