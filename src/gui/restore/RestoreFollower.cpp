#include "restore/RestoreFollower.h"

#include "api/ApiError.h"
#include "api/DcsClient.h"
#include "restore/AuditLog.h"
#include "restore/RestoreMonitor.h"
#include "restore/RestoreNotifier.h"
#include "restore/RestoreProgressBar.h"
#include "widgets/ErrorPanel.h"
#include "widgets/NoticeBanner.h"

#include <QMainWindow>
#include <QStatusBar>

namespace {
constexpr int StatusMessageMs = 10000;
} // namespace

RestoreFollower::RestoreFollower(QMainWindow *window, ErrorPanel *errors, NoticeBanner *notice,
                                 RestoreNotifier *notifier, RestoreProgressBar *progress)
    : QObject(window)
    , m_window(window)
    , m_errors(errors)
    , m_notice(notice)
    , m_notifier(notifier)
    , m_progress(progress) {}

void RestoreFollower::setFiles(const QString &pendingFile, const QString &auditFile,
                               const dcs::RestoreTracker::Timing &timing) {
    m_auditFile = auditFile;
    delete m_monitor;
    m_progress->removeAll();
    m_monitor = new dcs::RestoreMonitor(dcs::PendingRestores(pendingFile), timing, this);
    connectMonitor();
}

void RestoreFollower::setTiming(const dcs::RestoreTracker::Timing &timing) {
    m_monitor->setTiming(timing);
}

void RestoreFollower::resume(const QString &profileId, dcs::DcsClient *client) {
    m_monitor->resume(profileId, client);
}

bool RestoreFollower::follow(dcs::DcsClient *client, const QString &profileId,
                             const QString &instanceId, const QString &instanceName,
                             const dcs::RestoreRecord &record) {
    if (!client || record.restoreId.isEmpty() || m_monitor->isFollowing(record.restoreId))
        return false;
    dcs::PendingRestore pending;
    pending.profileId = profileId;
    pending.instanceId = instanceId;
    pending.instanceName = instanceName;
    pending.restoreId = record.restoreId;
    pending.backupId = record.backupId;
    pending.backupName = record.backupName;
    pending.startedAt =
        record.createdAt.isValid() ? record.createdAt : QDateTime::currentDateTimeUtc();
    m_progress->setProgress(record.restoreId, instanceName, record.progress);
    m_monitor->follow(client, pending);
    return true;
}

void RestoreFollower::followUnknown(dcs::DcsClient *client, const QString &profileId,
                                    const QString &instanceId, const QString &instanceName,
                                    const QString &backupId, const QString &backupName,
                                    const QDateTime &postedAt) {
    if (!client)
        return;
    dcs::PendingRestore pending;
    pending.profileId = profileId;
    pending.instanceId = instanceId;
    pending.instanceName = instanceName;
    pending.backupId = backupId;
    pending.backupName = backupName;
    pending.startedAt = postedAt;
    m_monitor->follow(client, pending);
}

void RestoreFollower::connectMonitor() {
    connect(m_monitor, &dcs::RestoreMonitor::progress, this,
            [this](const dcs::PendingRestore &restore, const dcs::RestoreRecord &record) {
                m_progress->setProgress(restore.restoreId, restore.instanceName, record.progress);
                Q_EMIT recordChanged(restore, record);
            });
    connect(m_monitor, &dcs::RestoreMonitor::finished, this, &RestoreFollower::onFinished);
    connect(m_monitor, &dcs::RestoreMonitor::timedOut, this, &RestoreFollower::onTimedOut);
    connect(m_monitor, &dcs::RestoreMonitor::lostRestoreFound, this,
            [this](const dcs::PendingRestore &restore) {
                m_progress->setProgress(restore.restoreId, restore.instanceName, 0.0);
                m_notice->show([name = restore.instanceName, id = restore.restoreId] {
                    return tr("The restore of <b>%1</b> whose answer was lost was found: %2. It "
                              "is followed now.")
                        .arg(name.toHtmlEscaped(), id.toHtmlEscaped());
                });
                Q_EMIT lostRestoreFound(restore);
            });
    connect(m_monitor, &dcs::RestoreMonitor::lostRestoreNotFound, this,
            [this](const dcs::PendingRestore &restore) {
                const QString name = restore.instanceName;
                const QString backup = restore.backupName;
                m_errors->showMessage(
                    [name] { return tr("No restore of %1 was started").arg(name); },
                    [backup] {
                        return tr("The restore from backup %1 got no answer earlier, and the "
                                  "service has no record of it: it did not start. Nothing was "
                                  "sent again.")
                            .arg(backup);
                    });
            });
}

void RestoreFollower::onFinished(const dcs::PendingRestore &restore,
                                 const dcs::RestoreRecord &record) {
    m_progress->remove(restore.restoreId);
    Q_EMIT restoreEnded(restore, record);
    const QString name = restore.instanceName.isEmpty() ? restore.instanceId : restore.instanceName;
    if (record.status == QLatin1String("succeed")) {
        const QString backupName =
            restore.backupName.isEmpty() ? record.backupName : restore.backupName;
        m_notifier->notify(
            [] { return tr("Restore succeeded"); },
            [name, backupName, id = record.restoreId] {
                return tr("%1 was restored from backup %2 (restore %3).").arg(name, backupName, id);
            },
            false);
    } else {
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
    auditFinished(restore, record);
    Q_EMIT restoreFinished(restore, record);
}

void RestoreFollower::onTimedOut(const dcs::PendingRestore &restore) {
    m_progress->remove(restore.restoreId);
    const QString id = restore.restoreId;
    const QString name = restore.instanceName;
    m_errors->showMessage(
        [id, name] { return tr("Stopped following restore %1 of %2").arg(id, name); },
        [] {
            return tr("It did not finish in the expected time. Refresh to see its current "
                      "status.");
        });
}

void RestoreFollower::auditFinished(const dcs::PendingRestore &restore,
                                    const dcs::RestoreRecord &record) {
    const dcs::AuditLog log(m_auditFile);
    // Only restores this console started have an attempt line to close; others (started in the
    // web console) are followed for the tables but are not this console's to audit.
    const dcs::AuditLog::Contents contents = log.read();
    const dcs::AuditRecord *attempt = nullptr;
    for (const dcs::AuditRecord &line : contents.records) {
        if (line.restoreId != restore.restoreId)
            continue;
        if (line.event == QLatin1String("finished"))
            return; // already written (by core, or by another window)
        attempt = &line;
    }
    if (!attempt)
        return;
    dcs::AuditRecord finished = *attempt;
    finished.time = QDateTime::currentDateTimeUtc();
    finished.event = QStringLiteral("finished");
    finished.osUser = dcs::AuditLog::currentOsUser();
    finished.outcome = record.status;
    finished.finalStatus = record.status;
    finished.errorCode = record.errorCode;
    finished.requestId.clear();
    QString error;
    if (!log.append(finished, &error))
        m_window->statusBar()->showMessage(
            tr("The audit trail could not be written: %1").arg(error), StatusMessageMs);
}
