#pragma once

#include "model/Backup.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"
#include "restore/AuditLog.h"
#include "restore/RestorePreflight.h"
#include "restore/RestoreWorkflow.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <memory>

namespace Ui {
class RestoreDialog;
}
namespace dcs {
class DcsClient;
class FollowedRestores;
struct ApiError;
struct PendingRestore;
} // namespace dcs
class BackupTableModel;

// Restores one instance from one of its backups. Shows who and what is about to be restored
// (profile, region, project, instance), what the preflight rules say, what the restore costs
// (the data-loss window, sizes, the outage), and asks for the instance name to be typed. OK hands
// the restore to a dcs::RestoreWorkflow — safety backup first when asked, the restore posted once,
// a lost answer looked for (never re-sent) — and the dialog stays the place to look: it shows
// every stage live, then the restore's progress as FollowedRestores reads it, until it
// succeeded or failed (the error explained). Closing it never stops the following.
class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int MaxRemarkBytes = 128; // of UTF-8 (dcs::remark)

    struct Options {
        dcs::RestoreContext context;
        bool production = false; // a red badge in the header
        qint64 oldBackupWarningSeconds = 24 * 3600;
        int backupPollMs = 2000;                   // how often the safety backup is read
        qint64 backupTimeoutMs = 30LL * 60 * 1000; // how long it may take
        // Where the posted restore goes (followed to its end, audited); must outlive the
        // dialog. Without it nothing can be restored.
        dcs::FollowedRestores *followed = nullptr;
    };

    RestoreDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                  const QList<dcs::Backup> &backups, const QList<dcs::RestoreRecord> &restores,
                  const Options &options, QWidget *parent = nullptr);
    ~RestoreDialog() override;

    // Preselects a backup when it can be chosen.
    bool selectBackup(const QString &backupId);
    QString selectedBackupId() const;
    QString remark() const;
    QString restoreId() const { return m_restoreId; }
    // A restore workflow runs and has not reached a final stage (or "outcome unknown").
    bool isPosting() const;
    QList<dcs::PreflightFinding> findings() const;
    // Back up first is ticked by default for the types that can be backed up.
    static bool backUpFirstByDefault(const dcs::Instance &instance);
    dcs::RestoreWorkflow *workflow() const { return m_workflow; }
    // Only after an unknown outcome: reads the restore records again; never posts.
    void lookAgain();

    // After the restore was accepted, how it goes on the service.
    enum class Outcome { None, Following, Succeeded, Failed, NoLongerFollowed };
    Outcome outcome() const { return m_outcome; }
    // Its record as last read (status, progress, error code).
    const dcs::RestoreRecord &record() const { return m_record; }

Q_SIGNALS:
    // The server accepted the restore (or it was found after a lost answer); it is followed by
    // then.
    void restoreAccepted(const QString &instanceId, const QString &restoreId);
    // The safety backup exists now: the window's backup list may show it.
    void safetyBackupCreated(const QString &instanceId, const QString &backupId);
    // The workflow reached a final stage or the unknown outcome.
    void workflowFinished(dcs::RestoreWorkflow::Stage stage);

protected:
    bool event(QEvent *event) override;

private:
    void reloadBackups();
    void readBusyState();
    void selectFirstRestorable();
    void enforceRemarkLength();
    void updateState();
    void updateImpact();
    void updateStage();
    void retranslate();
    void submit();
    void onWorkflowFinished();
    void connectFollowing();
    bool isThisRestore(const dcs::PendingRestore &restore) const;
    void showOutcome();
    bool confirmationMatches() const;
    const dcs::Backup *selectedBackup() const;

    std::unique_ptr<Ui::RestoreDialog> ui;
    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    QList<dcs::RestoreRecord> m_restores;
    QList<dcs::BackgroundTask> m_tasks; // v2: the instance's recent background tasks
    Options m_options;
    BackupTableModel *m_backups;
    QPointer<dcs::RestoreWorkflow> m_workflow;
    bool m_loadingBackups = false;
    bool m_done = false;
    double m_safetyProgress = 0.0;
    QString m_announcedSafetyBackup;
    QString m_postedBackupId;
    QString m_postedBackupName;
    QString m_restoreId;
    Outcome m_outcome = Outcome::None;
    dcs::RestoreRecord m_record;
};
