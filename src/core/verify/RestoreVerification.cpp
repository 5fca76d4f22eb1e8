#include "verify/RestoreVerification.h"

#include "redis/RedisWork.h"
#include "restore/AuditLog.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreWorkflow.h"

#include <QCoreApplication>
#include <QDateTime>

namespace dcs {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(dcs::RestoreVerification)
};

} // namespace

RestoreVerification::RestoreVerification(RedisTarget target, Options options, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_options(std::move(options))
    , m_cancel(std::make_shared<std::atomic_bool>(false)) {
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RestoreVerification::recordAfter);
}

RestoreVerification::~RestoreVerification() {
    // A fingerprint still being taken stops at its next key; its result goes nowhere.
    m_cancel->store(true);
}

void RestoreVerification::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

bool RestoreVerification::matches(const PendingRestore &restore) const {
    if (!m_restore.restoreId.isEmpty())
        return restore.restoreId == m_restore.restoreId;
    // The answer to the restore was lost: the restore of that backup found since it was posted.
    return !m_restore.instanceId.isEmpty() && restore.instanceId == m_restore.instanceId &&
           restore.backupId == m_restore.backupId && m_restore.startedAt.isValid() &&
           restore.startedAt.isValid() && restore.startedAt >= m_restore.startedAt.addSecs(-60);
}

void RestoreVerification::attach(RestoreWorkflow *workflow, FollowedRestores *followed) {
    m_workflow = workflow;
    m_followed = followed;
    m_restore.instanceId = workflow->instance().instanceId;
    m_restore.backupId = workflow->backup().backupId;
    const QPointer<RestoreVerification> guard(this);
    workflow->setBeforePost([guard](std::function<void()> proceed) {
        if (!guard) {
            proceed();
            return;
        }
        guard->recordBefore(std::move(proceed));
    });
    connect(workflow, &RestoreWorkflow::finished, this, [this] {
        if (!m_workflow)
            return;
        using WorkflowStage = RestoreWorkflow::Stage;
        switch (m_workflow->stage()) {
        case WorkflowStage::Accepted:
            m_restore.restoreId = m_workflow->restoreId();
            m_restore.startedAt = m_workflow->postedAt();
            break;
        case WorkflowStage::OutcomeUnknown:
            // Followed again once its record is found; matched by backup and time.
            m_restore.startedAt = m_workflow->postedAt();
            break;
        case WorkflowStage::Refused:
        case WorkflowStage::Blocked:
        case WorkflowStage::Failed:
        case WorkflowStage::SafetyBackupFailed:
            m_cancel->store(true);
            setStage(Stage::Abandoned);
            deleteLater();
            break;
        default:
            break;
        }
    });
    connect(workflow, &QObject::destroyed, this, [this] {
        // Gone before anything was posted (its dialog was closed while the fingerprint was
        // taken): no restore to compare with. Once posted, the restore is still followed.
        if (m_stage == Stage::Finished || m_stage == Stage::Abandoned ||
            !m_restore.restoreId.isEmpty() || m_restore.startedAt.isValid())
            return;
        m_cancel->store(true);
        setStage(Stage::Abandoned);
        deleteLater();
    });
    connect(followed, &FollowedRestores::finished, this,
            [this](const PendingRestore &restore, const RestoreRecord &record) {
                if (m_stage == Stage::WaitingForRestore && matches(restore))
                    restoreEnded(restore, record);
            });
    connect(followed, &FollowedRestores::timedOut, this, [this](const PendingRestore &restore) {
        if (m_stage != Stage::WaitingForRestore || !matches(restore))
            return;
        m_restore = restore;
        finish(VerificationReport::incomplete(Text::tr(
            "The restore was not seen to end, so the instance was not fingerprinted again.")));
    });
}

void RestoreVerification::recordBefore(std::function<void()> done) {
    setStage(Stage::RecordingBefore);
    FingerprintRequest request;
    request.sampleSize = m_options.sampleSize;
    request.namedKeys = m_options.namedKeys;
    const RedisTarget target = m_target;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    // The workflow waits for this: if this object goes first, the restore still goes on.
    struct Proceed {
        std::function<void()> call;
        ~Proceed() {
            if (call)
                call();
        }
    };
    auto proceed = std::make_shared<Proceed>();
    proceed->call = std::move(done);
    runRedisWork(
        this,
        [target, request, cancel] {
            Attempt attempt;
            attempt.print = takeFingerprint(target, request, &attempt.error, cancel.get());
            return attempt;
        },
        [this, proceed](const Attempt &attempt) {
            if (attempt.print)
                m_before = *attempt.print;
            else
                m_beforeError = attempt.error;
            setStage(Stage::WaitingForRestore);
            auto call = std::move(proceed->call);
            proceed->call = {};
            call();
        });
}

void RestoreVerification::restoreEnded(const PendingRestore &restore, const RestoreRecord &record) {
    m_restore = restore;
    m_record = record;
    if (!m_beforeError.isEmpty()) {
        finish(VerificationReport::incomplete(
            Text::tr("No fingerprint could be taken before the restore: %1").arg(m_beforeError)));
        return;
    }
    m_afterStartedMs = QDateTime::currentMSecsSinceEpoch();
    recordAfter();
}

void RestoreVerification::recordAfter() {
    setStage(Stage::RecordingAfter);
    FingerprintRequest request;
    request.sameKeysAs = m_before.keys;
    request.alsoDatabases = m_before.keysPerDatabase.keys();
    request.checkWrites = true;
    const RedisTarget target = m_target;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    runRedisWork(
        this,
        [target, request, cancel] {
            Attempt attempt;
            attempt.print = takeFingerprint(target, request, &attempt.error, cancel.get());
            return attempt;
        },
        [this](const Attempt &attempt) {
            if (attempt.print) {
                finish(VerificationReport::compare(m_before, *attempt.print));
                return;
            }
            // Still loading, or restarting: the instance gets time to answer again.
            if (QDateTime::currentMSecsSinceEpoch() - m_afterStartedMs < m_options.afterTimeoutMs) {
                m_retryTimer.start(m_options.retryMs);
                return;
            }
            finish(VerificationReport::incomplete(
                Text::tr("The instance did not answer after the restore: %1").arg(attempt.error)));
        });
}

void RestoreVerification::finish(VerificationReport report) {
    m_report = std::move(report);
    audit();
    setStage(Stage::Finished);
    Q_EMIT finished(m_report);
    deleteLater();
}

void RestoreVerification::audit() {
    if (!m_followed)
        return;
    AuditRecord line;
    line.time = QDateTime::currentDateTimeUtc();
    line.event = QStringLiteral("verification");
    line.osUser = AuditLog::currentOsUser();
    line.profile = m_restore.profileName.isEmpty() ? m_restore.profileId : m_restore.profileName;
    line.region = m_restore.region;
    line.projectId = m_restore.projectId;
    line.instanceId = m_restore.instanceId;
    line.instanceName = m_restore.instanceName;
    line.backupId = m_restore.backupId;
    line.backupName = m_restore.backupName;
    line.remark = m_restore.remark;
    line.restoreId = m_restore.restoreId;
    line.outcome = m_report.complete ? QStringLiteral("verified") : QStringLiteral("not-verified");
    line.finalStatus = m_record.status;
    line.errorCode = m_record.errorCode;
    line.safetyBackupId = m_restore.safetyBackupId;
    line.verification = m_report.toJson();
    QString error;
    if (!m_followed->auditLog().append(line, &error))
        Q_EMIT auditFailed(Text::tr("The audit trail could not be written: %1").arg(error));
}

} // namespace dcs
