#include "restore/RestoreWorkflow.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "restore/BackupCommand.h"
#include "restore/FollowedRestores.h"
#include "restore/RestorePreflight.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QtDebug>
#include <algorithm>

namespace dcs {

namespace {

constexpr int maxRemarkLength = 128; // the API refuses longer remarks (DCS.4098)

// The server stores the remark as given; keep it printable ASCII whatever the name holds.
QString asciiOnly(const QString &text) {
    QString result;
    result.reserve(text.size());
    for (const QChar c : text)
        result.append(c.unicode() >= 0x20 && c.unicode() < 0x7f ? c : QLatin1Char('?'));
    return result;
}

} // namespace

RestoreWorkflow::RestoreWorkflow(DcsClient *client, RestoreContext context, Instance instance,
                                 Backup backup, QString remark, Options options,
                                 FollowedRestores *followed, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_context(std::move(context))
    , m_instance(std::move(instance))
    , m_backup(std::move(backup))
    , m_remark(std::move(remark))
    , m_options(std::move(options))
    , m_followed(followed) {
    Q_ASSERT(followed);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &RestoreWorkflow::pollSafetyBackup);
    if (client) {
        // A client closed midway (profile switch) leaves no callback behind; say where that
        // left the restore instead of waiting for ever. Queued: the client is half destroyed.
        connect(client, &QObject::destroyed, this, &RestoreWorkflow::clientGone,
                Qt::QueuedConnection);
    }
}

bool RestoreWorkflow::isFinal() const {
    switch (m_stage) {
    case Stage::Accepted:
    case Stage::Refused:
    case Stage::Blocked:
    case Stage::SafetyBackupFailed:
    case Stage::Failed:
        return true;
    default:
        return false;
    }
}

QString RestoreWorkflow::safetyBackupRemark(const Backup &backup, const QDateTime &now) {
    const QString when = now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString name = asciiOnly(backup.backupName.isEmpty() ? backup.backupId : backup.backupName);
    auto remark = [&when](const QString &n) {
        return QStringLiteral("Safety backup before restoring from %1 (%2 UTC)").arg(n, when);
    };
    const qsizetype excess = remark(name).size() - maxRemarkLength;
    if (excess > 0)
        name = name.left(qMax<qsizetype>(0, name.size() - excess - 3)) + QStringLiteral("...");
    return remark(name).left(maxRemarkLength);
}

void RestoreWorkflow::setStage(Stage stage) {
    m_stage = stage;
    Q_EMIT stageChanged(stage);
    if (isFinal() || stage == Stage::OutcomeUnknown)
        Q_EMIT finished();
}

void RestoreWorkflow::start() {
    if (m_stage != Stage::Idle)
        return;
    if (m_options.backUpFirst)
        check(Stage::ReadingRecords, &RestoreWorkflow::createSafetyBackup);
    else
        check(Stage::Checking, &RestoreWorkflow::postRestore);
}

void RestoreWorkflow::check(Stage stage, void (RestoreWorkflow::*next)()) {
    setStage(stage);
    if (!m_client) {
        clientGone();
        return;
    }
    // Read in turn, so that nothing is judged on a mix of old and new.
    struct Fresh {
        Instance instance;
        QList<RestoreRecord> restores;
    };
    auto fresh = std::make_shared<Fresh>();
    auto unreadable = [this](const ApiError &error) {
        // Without a fresh look (and the known ids) nothing is sent: a lost answer could not be
        // told apart later, and a check on stale data is no check.
        m_error = error;
        audit(QStringLiteral("not-sent"), error.requestId);
        setStage(Stage::Failed);
    };
    const QString instanceId = m_instance.instanceId;
    m_client->showInstance(instanceId, this, [=](const ApiResult<Instance> &shown) {
        if (m_stage != stage)
            return;
        if (!shown.ok()) {
            unreadable(shown.error);
            return;
        }
        fresh->instance = shown.value;
        m_client->listRestores(
            instanceId, {}, this, [=](const ApiResult<QList<RestoreRecord>> &records) {
                if (m_stage != stage)
                    return;
                if (!records.ok()) {
                    unreadable(records.error);
                    return;
                }
                fresh->restores = records.value;
                m_client->listBackups(
                    instanceId, {}, this, [=](const ApiResult<QList<Backup>> &list) {
                        if (m_stage != stage)
                            return;
                        if (!list.ok()) {
                            unreadable(list.error);
                            return;
                        }
                        PreflightInput input;
                        input.instance = fresh->instance;
                        input.restores = fresh->restores;
                        input.backups = list.value;
                        input.now = QDateTime::currentDateTimeUtc();
                        input.oldBackupWarningSeconds = 0; // warnings were the dialog's to show
                        const auto chosen = std::find_if(
                            list.value.cbegin(), list.value.cend(),
                            [this](const Backup &b) { return b.backupId == m_backup.backupId; });
                        if (chosen != list.value.cend())
                            input.backup = &*chosen;
                        QList<PreflightFinding> findings = RestorePreflight::check(input);
                        if (!input.backup) {
                            findings.removeIf([](const PreflightFinding &f) {
                                return f.code == QLatin1String("backup-missing");
                            });
                            findings.append(
                                {PreflightFinding::Severity::Block, QStringLiteral("backup-gone"),
                                 QCoreApplication::translate(
                                     "dcs::RestoreWorkflow",
                                     "The backup %1 is no longer listed for this instance.")
                                     .arg(m_backup.backupName.isEmpty() ? m_backup.backupId
                                                                        : m_backup.backupName)});
                        }
                        if (RestorePreflight::blocks(findings)) {
                            QStringList reasons;
                            QString code;
                            for (const PreflightFinding &f : std::as_const(findings)) {
                                if (f.severity != PreflightFinding::Severity::Block)
                                    continue;
                                reasons.append(f.reason);
                                if (code.isEmpty())
                                    code = f.code;
                            }
                            m_error = ApiError::network(
                                ApiError::Kind::InvalidRequest,
                                QCoreApplication::translate(
                                    "dcs::RestoreWorkflow",
                                    "Checked again just before sending, nothing was sent: %1")
                                    .arg(reasons.join(QLatin1Char(' '))));
                            m_error.code = code;
                            m_error.requestId = list.requestId;
                            audit(QStringLiteral("not-sent"), list.requestId);
                            setStage(Stage::Blocked);
                            return;
                        }
                        // The instance as it is now (name, status) goes into the audit trail.
                        m_instance = fresh->instance;
                        m_knownRestoreIds.clear();
                        for (const RestoreRecord &record : fresh->restores)
                            m_knownRestoreIds.insert(record.restoreId);
                        (this->*next)();
                    });
            });
    });
}

void RestoreWorkflow::createSafetyBackup() {
    setStage(Stage::CreatingSafetyBackup);
    // Sent once; a lost answer is resolved by reading the backups, never by a second POST.
    auto *command =
        BackupCommand::create(m_client, m_instance.instanceId,
                              safetyBackupRemark(m_backup, QDateTime::currentDateTimeUtc()),
                              m_options.safetyBackupFormat, this);
    connect(command, &BackupCommand::finished, this, [this, command] {
        command->deleteLater();
        if (m_stage != Stage::CreatingSafetyBackup)
            return;
        switch (command->outcome()) {
        case BackupCommand::Outcome::Done:
            break;
        case BackupCommand::Outcome::Unknown: {
            ApiError error = command->error();
            error.message =
                QCoreApplication::translate("dcs::RestoreWorkflow",
                                            "Whether the safety backup was created is unknown "
                                            "(%1); nothing was restored.")
                    .arg(command->error().summary());
            safetyBackupFailed(error, command->error().requestId);
            return;
        }
        default:
            safetyBackupFailed(command->error(), command->error().requestId);
            return;
        }
        m_safetyBackupId = command->backupId();
        m_safetyBackup.backupId = command->backupId();
        m_backupStartedMs = QDateTime::currentMSecsSinceEpoch();
        m_safetyBackupSeen = false;
        setStage(Stage::WaitingForSafetyBackup);
        m_pollTimer.start(m_options.backupPollMs);
    });
    command->start();
}

void RestoreWorkflow::pollSafetyBackup() {
    if (m_stage != Stage::WaitingForSafetyBackup)
        return;
    if (!m_client) {
        clientGone();
        return;
    }
    m_client->listBackups(
        m_instance.instanceId, {}, this, [this](const ApiResult<QList<Backup>> &result) {
            if (m_stage != Stage::WaitingForSafetyBackup)
                return;
            // A read error is not the backup's failure: read again until the time is up.
            if (result.ok()) {
                for (const Backup &backup : result.value) {
                    if (backup.backupId != m_safetyBackupId)
                        continue;
                    m_safetyBackupSeen = true;
                    m_safetyBackup = backup;
                    Q_EMIT safetyBackupProgress(backup.progress);
                    if (backup.isSucceeded()) {
                        m_pollTimer.stop();
                        check(Stage::Checking, &RestoreWorkflow::postRestore);
                        return;
                    }
                    if (!backup.isRunning()) {
                        ApiError error;
                        error.kind = ApiError::Kind::Http;
                        error.code = backup.errorCode;
                        const QString why = explainRecordErrorCode(backup.errorCode);
                        error.message =
                            QCoreApplication::translate(
                                "dcs::RestoreWorkflow",
                                "The safety backup %1 ended %2; nothing was restored. %3")
                                .arg(backup.backupName.isEmpty() ? backup.backupId
                                                                 : backup.backupName,
                                     DisplayText::backupStatus(backup.status), why)
                                .trimmed();
                        error.requestId = result.requestId;
                        safetyBackupFailed(error, result.requestId);
                        return;
                    }
                    break;
                }
            }
            const qint64 waited = QDateTime::currentMSecsSinceEpoch() - m_backupStartedMs;
            // The create call named it, yet the list does not show it: not waited for forever.
            if (!m_safetyBackupSeen && result.ok() && waited >= m_options.backupAppearTimeoutMs) {
                ApiError error = ApiError::network(
                    ApiError::Kind::Timeout,
                    QCoreApplication::translate("dcs::RestoreWorkflow",
                                                "The safety backup %1 never appeared in the "
                                                "instance's backup list (waited %2 s); nothing "
                                                "was restored.")
                        .arg(m_safetyBackupId)
                        .arg((waited + 999) / 1000));
                safetyBackupFailed(error, result.requestId);
                return;
            }
            if (waited >= m_options.backupTimeoutMs) {
                const qint64 minutes = (m_options.backupTimeoutMs + 59999) / 60000;
                const int shown = minutes < 1 ? 1 : int(minutes);
                ApiError error = ApiError::network(
                    ApiError::Kind::Timeout,
                    QCoreApplication::translate("dcs::RestoreWorkflow",
                                                "The safety backup did not finish within %n "
                                                "minute(s); nothing was restored.",
                                                nullptr, shown));
                safetyBackupFailed(error, result.requestId);
                return;
            }
            m_pollTimer.start(m_options.backupPollMs);
        });
}

void RestoreWorkflow::safetyBackupFailed(const ApiError &error, const QString &requestId) {
    m_pollTimer.stop();
    m_error = error;
    audit(QStringLiteral("safety-backup-failed"), requestId);
    setStage(Stage::SafetyBackupFailed);
}

void RestoreWorkflow::postRestore() {
    if (m_posts > 0 || m_stage == Stage::RecordingFingerprint)
        return;
    if (!m_client) {
        clientGone();
        return;
    }
    if (!m_beforePost) {
        sendRestore();
        return;
    }
    setStage(Stage::RecordingFingerprint);
    const QPointer<RestoreWorkflow> guard(this);
    const BeforePost hook = std::move(m_beforePost);
    m_beforePost = {};
    // The hook may take seconds: the instance, its backups and records are read once more after
    // it, so that the POST still follows its check immediately.
    hook([guard] {
        if (guard && guard->m_stage == Stage::RecordingFingerprint)
            guard->check(Stage::Checking, &RestoreWorkflow::sendRestore);
    });
}

void RestoreWorkflow::sendRestore() {
    // The one place the restore is sent; nothing ever calls it a second time.
    if (m_posts > 0)
        return;
    if (!m_client) {
        clientGone();
        return;
    }
    setStage(Stage::Restoring);
    ++m_posts;
    m_postedAt = QDateTime::currentDateTimeUtc();
    m_client->restore(m_instance.instanceId, m_backup.backupId, m_remark, this,
                      [this](const ApiResult<QString> &result) { restoreAnswered(result); });
}

void RestoreWorkflow::restoreAnswered(const ApiResult<QString> &result) {
    if (m_stage != Stage::Restoring)
        return;
    m_restoreRequestId = result.requestId.isEmpty() ? result.error.requestId : result.requestId;
    if (result.ok()) {
        m_restoreId = result.value;
        audit(QStringLiteral("accepted"), m_restoreRequestId);
        handOver();
        setStage(Stage::Accepted);
        return;
    }
    m_error = result.error;
    switch (result.error.kind) {
    case ApiError::Kind::Http:
        audit(QStringLiteral("refused"), m_restoreRequestId);
        setStage(Stage::Refused);
        return;
    case ApiError::Kind::Network:
    case ApiError::Kind::InvalidRequest:
        // Failed before anything was sent (refused connection, DNS, TLS, an id not sent).
        audit(QStringLiteral("not-sent"), m_restoreRequestId);
        setStage(Stage::Failed);
        return;
    default:
        // AnswerLost, Timeout, Cancelled, InvalidResponse: the restore may exist. Look, from the
        // event loop: a cancelled reply answers from inside the client's own teardown.
        setStage(Stage::LookingForLostRestore);
        QMetaObject::invokeMethod(this, &RestoreWorkflow::findLostRestore, Qt::QueuedConnection);
        return;
    }
}

void RestoreWorkflow::findLostRestore() {
    if (m_stage != Stage::LookingForLostRestore)
        return;
    if (!m_client) {
        clientGone();
        return;
    }
    m_client->listRestores(m_instance.instanceId, {}, this,
                           [this](const ApiResult<QList<RestoreRecord>> &result) {
                               if (m_stage != Stage::LookingForLostRestore)
                                   return;
                               const RestoreRecord *found = nullptr;
                               if (result.ok()) {
                                   for (const RestoreRecord &record : result.value) {
                                       if (record.backupId != m_backup.backupId ||
                                           m_knownRestoreIds.contains(record.restoreId))
                                           continue;
                                       if (!found || record.createdAt > found->createdAt)
                                           found = &record;
                                   }
                               }
                               if (found) {
                                   m_restoreId = found->restoreId;
                                   m_recovered = true;
                                   audit(QStringLiteral("recovered"), m_restoreRequestId);
                                   handOver();
                                   setStage(Stage::Accepted);
                                   return;
                               }
                               // Not found, or the records could not be read: the user decides,
                               // never a new POST.
                               auditUnknownOnce();
                               setStage(Stage::OutcomeUnknown);
                           });
}

void RestoreWorkflow::lookAgain() {
    if (m_stage != Stage::OutcomeUnknown)
        return;
    if (!m_client) {
        // Still unknown; said again so the caller sees its answer.
        setStage(Stage::OutcomeUnknown);
        return;
    }
    setStage(Stage::LookingForLostRestore);
    findLostRestore();
}

void RestoreWorkflow::auditUnknownOnce() {
    // One line for the attempt, not one per look; a later find writes "recovered".
    if (m_unknownAudited)
        return;
    m_unknownAudited = true;
    audit(QStringLiteral("unknown"), m_restoreRequestId);
    handOver();
}

void RestoreWorkflow::handOver() {
    PendingRestore restore;
    restore.profileId = m_context.profileId;
    restore.instanceId = m_instance.instanceId;
    restore.instanceName = m_instance.name;
    restore.restoreId = m_restoreId; // empty: outcome unknown, looked for at the next resume
    restore.backupId = m_backup.backupId;
    restore.backupName = m_backup.backupName;
    restore.startedAt = m_postedAt.isValid() ? m_postedAt : QDateTime::currentDateTimeUtc();
    restore.audited = true;
    restore.profileName = m_context.profileName;
    restore.region = m_context.region;
    restore.projectId = m_context.projectId;
    restore.remark = m_remark;
    restore.safetyBackupId = m_safetyBackupId;
    m_followed->follow(m_client, restore);
}

void RestoreWorkflow::clientGone() {
    switch (m_stage) {
    case Stage::Idle:
    case Stage::ReadingRecords:
    case Stage::Checking:
    case Stage::CreatingSafetyBackup:
    case Stage::WaitingForSafetyBackup:
    case Stage::RecordingFingerprint: {
        m_pollTimer.stop();
        if (m_stage == Stage::Idle)
            return;
        m_error = ApiError::network(
            ApiError::Kind::Cancelled,
            QCoreApplication::translate("dcs::RestoreWorkflow",
                                        "The connection to the service was closed before the "
                                        "restore was sent; nothing was restored."));
        if (m_stage == Stage::ReadingRecords || m_stage == Stage::Checking ||
            m_stage == Stage::RecordingFingerprint) {
            audit(QStringLiteral("not-sent"), {});
            setStage(Stage::Failed);
        } else {
            audit(QStringLiteral("safety-backup-failed"), {});
            setStage(Stage::SafetyBackupFailed);
        }
        return;
    }
    case Stage::Restoring:
    case Stage::LookingForLostRestore:
        if (m_error.kind == ApiError::Kind::None)
            m_error = ApiError::network(
                ApiError::Kind::Cancelled,
                QCoreApplication::translate("dcs::RestoreWorkflow",
                                            "The connection to the service was closed while "
                                            "the restore was being sent."));
        auditUnknownOnce();
        setStage(Stage::OutcomeUnknown);
        return;
    default:
        return;
    }
}

void RestoreWorkflow::audit(const QString &outcome, const QString &requestId) {
    AuditRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.event = QStringLiteral("attempt");
    record.osUser = AuditLog::currentOsUser();
    record.profile = m_context.profileName.isEmpty() ? m_context.profileId : m_context.profileName;
    record.region = m_context.region;
    record.projectId = m_context.projectId;
    record.instanceId = m_instance.instanceId;
    record.instanceName = m_instance.name;
    record.backupId = m_backup.backupId;
    record.backupName = m_backup.backupName;
    record.remark = m_remark;
    record.restoreId = m_restoreId;
    record.requestId = requestId;
    record.outcome = outcome;
    record.errorCode = m_error.code;
    record.safetyBackupId = m_safetyBackupId;
    QString problem;
    if (!m_followed->auditLog().append(record, &problem))
        qWarning("Restore audit: %s", qPrintable(problem));
}

} // namespace dcs
