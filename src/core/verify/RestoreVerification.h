#pragma once

#include "model/RestoreRecord.h"
#include "restore/PendingRestoreFile.h"
#include "verify/InstanceFingerprint.h"
#include "verify/VerificationReport.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>

namespace dcs {

class FollowedRestores;
class RestoreWorkflow;

// "Verify the restore": a fingerprint of the instance just before the restore is posted, another
// once the restore ended, and their difference (VerificationReport) — shown by whoever listens
// and written to the audit trail as a "verification" line of that restore. Every Redis call runs
// on a worker thread (runRedisWork); none blocks the thread this object lives on. It lives on
// its own once attached: whoever shows it may go away, the audit line is still written. It
// deletes itself after it finished, or when the restore was never made.
class RestoreVerification : public QObject {
    Q_OBJECT
public:
    enum class Stage {
        Idle,
        RecordingBefore,   // the fingerprint before the restore
        WaitingForRestore, // the restore runs
        RecordingAfter,    // the fingerprint after (again while the instance does not answer)
        Finished,          // report() is final, the audit line written
        Abandoned,         // no restore was made (refused, not sent): nothing to compare
    };
    Q_ENUM(Stage)

    struct Options {
        int sampleSize = 200;
        QList<QByteArray> namedKeys;
        int retryMs = 1000;             // between attempts at the fingerprint after
        qint64 afterTimeoutMs = 120000; // how long the instance may take to answer again
    };

    RestoreVerification(RedisTarget target, Options options, QObject *parent = nullptr);
    ~RestoreVerification() override;

    // Takes part in this restore: its fingerprint is taken just before the workflow posts (the
    // workflow waits for it), the one after when followed says the restore ended. Call before
    // workflow->start(). The workflow and followed must outlive the restore's end or say
    // goodbye by destruction; followed's audit trail gets the verification line.
    void attach(RestoreWorkflow *workflow, FollowedRestores *followed);

    Stage stage() const { return m_stage; }
    const VerificationReport &report() const { return m_report; }
    const InstanceFingerprint &before() const { return m_before; }
    // Why the fingerprint before could not be taken (translated); empty when it was.
    const QString &beforeError() const { return m_beforeError; }
    const QString &restoreId() const { return m_restore.restoreId; }

    // The parts attach() ties together, for a caller that drives them itself.
    void recordBefore(std::function<void()> done);
    void restoreEnded(const PendingRestore &restore, const RestoreRecord &record);

Q_SIGNALS:
    void stageChanged(dcs::RestoreVerification::Stage stage);
    void finished(const dcs::VerificationReport &report);
    void auditFailed(const QString &message); // translated

private:
    struct Attempt {
        std::optional<InstanceFingerprint> print;
        QString error;
    };
    void setStage(Stage stage);
    void recordAfter();
    void finish(VerificationReport report);
    void audit();
    bool matches(const PendingRestore &restore) const;

    RedisTarget m_target;
    Options m_options;
    Stage m_stage = Stage::Idle;
    std::shared_ptr<std::atomic_bool> m_cancel;
    InstanceFingerprint m_before;
    QString m_beforeError;
    VerificationReport m_report;
    PendingRestore m_restore;
    RestoreRecord m_record;
    QPointer<RestoreWorkflow> m_workflow;
    QPointer<FollowedRestores> m_followed;
    qint64 m_afterStartedMs = 0;
    QString m_lastAfterError;
    QTimer m_retryTimer;
};

} // namespace dcs
