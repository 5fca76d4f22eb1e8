#pragma once

#include "api/ApiError.h"
#include "api/ApiResult.h"
#include "model/Backup.h"
#include "model/Instance.h"
#include "restore/AuditLog.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>

namespace dcs {

class DcsClient;
class FollowedRestores;

// Who is restoring what, for the audit trail and the safety backup's remark.
struct RestoreContext {
    QString profileId;
    QString profileName;
    QString region;
    QString projectId;
};

// One restore from the click to the server's answer, never sending the restore POST twice:
//  1. with backUpFirst, reads the instance, its backups and restore records and checks them
//     (RestorePreflight), then creates a manual backup (remark naming the coming restore) and
//     waits until it is succeed — if it fails, never shows up in the list or does not end in
//     time, the restore is NOT sent;
//  2. immediately before the POST, reads the instance, its backups and restore records again and
//     checks them: what the dialog saw may be minutes old (Blocked when the check says no); the
//     restore_ids read here are the ones a lost answer is told apart from;
//  3. posts the restore once;
//  4. if the answer is lost (ApiError::Kind::AnswerLost), looks for a new record of that backup
//     (restore_id not among those noted in 1): found → its restore_id; not found → OutcomeUnknown,
//     and lookAgain() may be called by the user — it only reads, it never posts.
// Every outcome is appended to the audit trail of the FollowedRestores, and every restore that
// was posted is handed to it — accepted (followed to its end) or of unknown outcome (written
// down and looked for again) — before the stage says so: a posted restore is never lost from
// view, whoever listens or stops listening.
class RestoreWorkflow : public QObject {
    Q_OBJECT
public:
    enum class Stage {
        Idle,
        ReadingRecords, // the first check, before a safety backup
        Checking,       // the check immediately before the POST
        CreatingSafetyBackup,
        WaitingForSafetyBackup,
        RecordingFingerprint, // the beforePost hook runs (the restore verification's)
        Restoring,
        LookingForLostRestore,
        Accepted,           // final: restoreId() is known (answer, or found after a lost one)
        Refused,            // final: the server said no; error() tells why
        Blocked,            // final: the check before sending said no; nothing was sent
        OutcomeUnknown,     // waiting for the user: lookAgain() or give up
        SafetyBackupFailed, // final: nothing was restored
        Failed,             // final: could not even start (records unreadable etc.)
    };
    Q_ENUM(Stage)

    struct Options {
        bool backUpFirst = false;
        QString safetyBackupFormat = QStringLiteral("rdb");
        int backupPollMs = 2000;
        qint64 backupTimeoutMs = 30LL * 60 * 1000;
        // A safety backup the create call named but that is not listed within this long is
        // given up on: nothing is restored.
        qint64 backupAppearTimeoutMs = 2LL * 60 * 1000;
    };

    // followed must outlive the workflow; it is where posted restores go and what they are
    // audited in.
    RestoreWorkflow(DcsClient *client, RestoreContext context, Instance instance, Backup backup,
                    QString remark, Options options, FollowedRestores *followed,
                    QObject *parent = nullptr);

    // Runs just before the restore is posted (after the safety backup and the check): the hook
    // calls proceed once when it is done, whatever its outcome — the instance is then checked
    // once more and the restore posted. Set before start().
    using BeforePost = std::function<void(std::function<void()> proceed)>;
    void setBeforePost(BeforePost hook) { m_beforePost = std::move(hook); }

    void start();     // once; later calls do nothing
    void lookAgain(); // only in OutcomeUnknown

    Stage stage() const { return m_stage; }
    bool isFinal() const;
    QString restoreId() const { return m_restoreId; }
    const Instance &instance() const { return m_instance; }
    const Backup &backup() const { return m_backup; }
    const QString &remark() const { return m_remark; }
    QDateTime postedAt() const { return m_postedAt; } // UTC; invalid before the POST
    QString safetyBackupId() const { return m_safetyBackupId; }
    // The safety backup as last read (status, progress, error_code when it failed).
    const Backup &safetyBackup() const { return m_safetyBackup; }
    const ApiError &error() const { return m_error; }
    bool recoveredAfterLostAnswer() const { return m_recovered; }
    int restorePostsSent() const { return m_posts; } // 0 or 1, for tests and the audit

    // The remark of the safety backup: names the backup to be restored and the time.
    static QString safetyBackupRemark(const Backup &backup, const QDateTime &now);

Q_SIGNALS:
    void stageChanged(dcs::RestoreWorkflow::Stage stage);
    void safetyBackupProgress(double percent);
    void finished(); // entered a final stage (or OutcomeUnknown)

private:
    void setStage(Stage stage);
    // Reads the instance, its backups and restore records, runs the preflight on them, then
    // calls next — or ends in Blocked (or Failed when they cannot be read).
    void check(Stage stage, void (RestoreWorkflow::*next)());
    void createSafetyBackup();
    void pollSafetyBackup();
    void postRestore();
    void sendRestore();
    void findLostRestore();
    void audit(const QString &outcome, const QString &requestId);
    void safetyBackupFailed(const ApiError &error, const QString &requestId);
    void restoreAnswered(const ApiResult<QString> &result);
    void clientGone();
    void auditUnknownOnce();
    void handOver(); // to the FollowedRestores: accepted, or written down as unknown

    QPointer<DcsClient> m_client;
    RestoreContext m_context;
    Instance m_instance;
    Backup m_backup;
    QString m_remark;
    Options m_options;
    FollowedRestores *m_followed;
    Stage m_stage = Stage::Idle;
    QSet<QString> m_knownRestoreIds;
    QString m_restoreId;
    QString m_safetyBackupId;
    ApiError m_error;
    QTimer m_pollTimer;
    qint64 m_backupStartedMs = 0;
    bool m_safetyBackupSeen = false;
    bool m_recovered = false;
    int m_posts = 0;
    Backup m_safetyBackup;
    QString m_restoreRequestId; // X-Request-Id of the restore POST's answer, if any came
    bool m_unknownAudited = false;
    QDateTime m_postedAt;
    BeforePost m_beforePost;
};

} // namespace dcs
