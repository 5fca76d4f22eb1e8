#pragma once

#include "model/Backup.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"
#include "restore/AuditLog.h"
#include "restore/RestorePreflight.h"
#include "restore/RestoreWorkflow.h"
#include "verify/InstanceFingerprint.h"
#include "verify/RestoreVerification.h"
#include "verify/VerificationReport.h"

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
class SecretStore;
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
//
// When the console reaches the instance's Redis (its address as the API gives it; a password
// the admin gives is kept in the keychain), it offers "Verify the restore": a fingerprint of the
// data just before the POST, another after the restore ended, and what changed — shown here and
// written to the audit trail (dcs::RestoreVerification, which goes on when the dialog closes).
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
        // Where the instance's password for the verification is kept (per profile and
        // instance); null: asked for each time and kept nowhere.
        dcs::SecretStore *secrets = nullptr;
        // The session is on the console's own simulator (the Demo): its instances without a
        // real server have made-up addresses that may belong to anything on the user's network,
        // so only loopback addresses (where its real servers are) are ever connected to.
        bool simulator = false;
        int probeTimeoutMs = 3000;  // each step of the first look: does the instance answer?
        int verifyTimeoutMs = 5000; // each step of the fingerprints
        dcs::RestoreVerification::Options verification;
        // The backups given are the instance's whole list, read completely and kept current
        // since: the dialog does not read them again when it opens.
        bool backupsAreCurrent = false;
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

    // Whether the instance's Redis can be reached for "Verify the restore".
    enum class VerifyAccess {
        Unavailable,   // Memcached, no address, or simulated: not offered
        Probing,       // being reached
        Answers,       // offered
        NeedsPassword, // the password field is shown
        WrongPassword,
        Unreachable,
    };
    VerifyAccess verifyAccess() const { return m_verifyAccess; }
    // The restore posted (or about to be) is verified; its stage as last seen.
    bool isVerifying() const { return m_verifying; }
    dcs::RestoreVerification::Stage verificationStage() const { return m_verificationStage; }
    // Final once verificationFinished was emitted.
    const dcs::VerificationReport &verificationReport() const { return m_verificationReport; }

Q_SIGNALS:
    // The server accepted the restore (or it was found after a lost answer); it is followed by
    // then.
    void restoreAccepted(const QString &instanceId, const QString &restoreId);
    // The safety backup exists now: the window's backup list may show it.
    void safetyBackupCreated(const QString &instanceId, const QString &backupId);
    // The workflow reached a final stage or the unknown outcome.
    void workflowFinished(dcs::RestoreWorkflow::Stage stage);
    // The fingerprint after the restore was compared with the one before (or could not be).
    void verificationFinished(const dcs::VerificationReport &report);

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void reloadBackups();
    // The scroll area's minimum height for its content's.
    int formMinimumHeight(int contentMinimum) const;
    // Moves it up to keep its bottom on the screen.
    void fitToScreen();
    void readBusyState();
    void restyle();
    void onBackupChosen();
    void updateConfirmTarget();
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
    void setUpVerification();
    void probeInstance(const QString &password, bool typed);
    bool verifyKeysUnclosed() const;
    static QString verifyKeysUnclosedText();
    void updateVerifyAccess();
    void updateVerificationView();
    void attachVerification(dcs::RestoreWorkflow *workflow);

    std::unique_ptr<Ui::RestoreDialog> ui;
    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    QList<dcs::RestoreRecord> m_restores;
    QList<dcs::BackgroundTask> m_tasks; // v2: the instance's recent background tasks
    Options m_options;
    int m_restorableCount = -1; // of m_backups; -1: to be counted
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

    dcs::RedisTarget m_verifyTarget; // without the password
    VerifyAccess m_verifyAccess = VerifyAccess::Unavailable;
    bool m_simulatedAddress = false; // Unavailable: a simulator's made-up address, not probed
    QString m_verifyMessage;         // the server's or the network's words, translated when made
    QString m_verifyPassword;        // the one the instance accepted; never shown, never logged
    int m_probeSerial = 0;
    bool m_verifyTouched = false; // the admin ticked or unticked it: no longer ticked for them
    QPointer<dcs::RestoreVerification> m_verification;
    bool m_verifying = false;
    dcs::RestoreVerification::Stage m_verificationStage = dcs::RestoreVerification::Stage::Idle;
    qint64 m_beforeKeys = -1;
    int m_beforeSampled = 0;
    QString m_beforeError;
    dcs::VerificationReport m_verificationReport;
    QString m_verificationNote; // translated when made: the audit trail could not be written
    // The backup the typed name confirms; another choice clears the name.
    QString m_confirmedBackupId;
    bool m_reselecting = false;
};
