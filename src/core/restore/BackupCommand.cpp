#include "restore/BackupCommand.h"

#include "api/DcsClient.h"
#include "model/PlainText.h"

#include <QCoreApplication>

namespace dcs {

namespace {

// Failures that prove the write never reached the service, or that it refused it.
bool provesNotDone(const ApiError &error) {
    switch (error.kind) {
    case ApiError::Kind::Http:
    case ApiError::Kind::Network:
    case ApiError::Kind::InvalidRequest:
    case ApiError::Kind::Unsupported:
        return true;
    default:
        return false;
    }
}

ApiError clientClosed() {
    return ApiError::network(
        ApiError::Kind::Cancelled,
        QCoreApplication::translate("dcs::BackupCommand",
                                    "The connection to the service was closed before the backups "
                                    "could be read."));
}

} // namespace

BackupCommand::BackupCommand(DcsClient *client, bool create, QString instanceId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_create(create)
    , m_instanceId(std::move(instanceId)) {}

BackupCommand *BackupCommand::create(DcsClient *client, QString instanceId, QString remark,
                                     QString format, QObject *parent) {
    auto *command = new BackupCommand(client, true, std::move(instanceId), parent);
    command->m_remark = std::move(remark);
    command->m_format = std::move(format);
    return command;
}

BackupCommand *BackupCommand::remove(DcsClient *client, QString instanceId, QString backupId,
                                     QObject *parent) {
    auto *command = new BackupCommand(client, false, std::move(instanceId), parent);
    command->m_backupId = std::move(backupId);
    return command;
}

void BackupCommand::start() {
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        m_error = clientClosed();
        QMetaObject::invokeMethod(
            this, [this] { finish(Outcome::NotDone); }, Qt::QueuedConnection);
        return;
    }
    if (!m_create) {
        send();
        return;
    }
    // The ids there were before, so that a lost answer can be told apart afterwards. Without
    // them nothing is sent: a backup made unseen could not be recognised.
    m_client->listBackups(m_instanceId, {}, this, [this](const ApiResult<QList<Backup>> &result) {
        if (!result.ok()) {
            m_error = result.error;
            finish(Outcome::NotDone);
            return;
        }
        for (const Backup &backup : result.value)
            m_knownIds.insert(backup.backupId);
        send();
    });
}

void BackupCommand::send() {
    if (!m_client) {
        m_error = clientClosed();
        finish(Outcome::NotDone);
        return;
    }
    // The one place the write is sent.
    if (m_writes > 0)
        return;
    ++m_writes;
    if (m_create) {
        m_client->createBackup(
            m_instanceId, m_remark, m_format, this,
            [this](const ApiResult<QString> &result) { answered(result.error, result.value); });
    } else {
        m_client->deleteBackup(
            m_instanceId, m_backupId, this,
            [this](const ApiResult<bool> &result) { answered(result.error, {}); });
    }
}

void BackupCommand::answered(const ApiError &error, const QString &value) {
    if (!error.isError()) {
        if (m_create)
            m_backupId = value;
        finish(Outcome::Done);
        return;
    }
    m_error = error;
    if (provesNotDone(error)) {
        finish(Outcome::NotDone);
        return;
    }
    // The write may have been carried out: read what is there, from the event loop (a
    // cancelled reply answers from inside the client's own teardown).
    QMetaObject::invokeMethod(this, &BackupCommand::verify, Qt::QueuedConnection);
}

void BackupCommand::verify() {
    if (!m_client) {
        finish(Outcome::Unknown);
        return;
    }
    m_verifying = true;
    m_client->listBackups(m_instanceId, {}, this, [this](const ApiResult<QList<Backup>> &result) {
        m_verifying = false;
        if (!result.ok()) {
            finish(Outcome::Unknown);
            return;
        }
        if (m_create) {
            // The remark as it reads back (server text is kept as plain text).
            const QString remark = plain(m_remark);
            const Backup *made = nullptr;
            for (const Backup &backup : result.value) {
                if (m_knownIds.contains(backup.backupId) || !backup.isManual() ||
                    backup.remark != remark || !backup.isTrusted())
                    continue;
                if (!made || backup.createdAt > made->createdAt)
                    made = &backup;
            }
            if (made) {
                m_backupId = made->backupId;
                m_recovered = true;
                finish(Outcome::Done);
                return;
            }
            finish(Outcome::Unknown);
            return;
        }
        const auto listed =
            std::find_if(result.value.cbegin(), result.value.cend(),
                         [this](const Backup &backup) { return backup.backupId == m_backupId; });
        if (listed == result.value.cend() || listed->status == QLatin1String("deleted")) {
            m_recovered = true;
            finish(Outcome::Done);
            return;
        }
        finish(Outcome::Unknown);
    });
}

void BackupCommand::lookAgain() {
    if (m_outcome != Outcome::Unknown || m_verifying)
        return;
    m_outcome = Outcome::Running;
    verify();
}

void BackupCommand::finish(Outcome outcome) {
    m_outcome = outcome;
    if (outcome == Outcome::Done && !m_recovered)
        m_error = {};
    Q_EMIT finished();
}

} // namespace dcs
