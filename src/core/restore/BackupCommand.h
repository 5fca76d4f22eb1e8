#pragma once

#include "api/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace dcs {

class DcsClient;

// One manual backup created, or one backup deleted — sent once, never again, not even by the
// network layer. When the answer is lost, the instance's backups are read to tell what happened
// instead of guessing:
//  - create: the backups are read first and their ids noted; after a lost answer a new manual
//    backup with the same remark is the one made (Done, recovered); none yet is Unknown.
//  - delete: after a lost answer a backup that is gone or "deleted" was deleted (Done,
//    recovered); one still listed is Unknown.
// Unknown is where the user decides: lookAgain() reads once more — it never writes.
class BackupCommand : public QObject {
    Q_OBJECT
public:
    enum class Outcome {
        Running,
        Done,    // created (backupId()) or deleted: from the answer, or seen after a lost one
        NotDone, // refused by the service, or not sent at all; error() says why
        Unknown, // the answer was lost and the backups do not tell yet; lookAgain()
    };
    Q_ENUM(Outcome)

    static BackupCommand *create(DcsClient *client, QString instanceId, QString remark,
                                 QString format, QObject *parent = nullptr);
    static BackupCommand *remove(DcsClient *client, QString instanceId, QString backupId,
                                 QObject *parent = nullptr);

    void start();     // once
    void lookAgain(); // only in Unknown: reads the backups again

    bool isCreate() const { return m_create; }
    Outcome outcome() const { return m_outcome; }
    QString instanceId() const { return m_instanceId; }
    QString backupId() const { return m_backupId; }   // the new one (create) or the deleted one
    const ApiError &error() const { return m_error; } // why NotDone/Unknown, or the lost answer
    bool recoveredAfterLostAnswer() const { return m_recovered; }
    int writesSent() const { return m_writes; } // 0 or 1

Q_SIGNALS:
    void finished(); // Done, NotDone or Unknown (again after every lookAgain())

private:
    BackupCommand(DcsClient *client, bool create, QString instanceId, QObject *parent);
    void send();
    void answered(const ApiError &error, const QString &value);
    void verify();
    void finish(Outcome outcome);

    QPointer<DcsClient> m_client;
    bool m_create = true;
    QString m_instanceId;
    QString m_backupId;
    QString m_remark;
    QString m_format;
    QSet<QString> m_knownIds;
    Outcome m_outcome = Outcome::Running;
    ApiError m_error;
    bool m_started = false;
    bool m_verifying = false;
    bool m_recovered = false;
    int m_writes = 0;
};

} // namespace dcs
