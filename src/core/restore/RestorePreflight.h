#pragma once

#include "model/BackgroundTask.h"
#include "model/Backup.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"

#include <QList>
#include <QString>

namespace dcs {

// What the rules say about restoring one instance from one backup, before anything is sent.
// Pure: the same inputs always give the same findings, so the dialog and the tests agree.
struct PreflightFinding {
    enum class Severity { Block, Warning };
    Severity severity = Severity::Block;
    QString code;   // the server's code for the same refusal (DCS.4086 ...), or a local id
    QString reason; // translated
};

struct PreflightInput {
    Instance instance;
    const Backup *backup = nullptr; // null: none chosen yet
    QList<Backup> backups;          // all backups of the instance, to spot a running one
    QList<RestoreRecord> restores;  // the instance's restore records
    QList<BackgroundTask> tasks;    // its background tasks (v2 only; empty when not read)
    QDateTime now;
    qint64 oldBackupWarningSeconds = 24 * 3600;
};

class RestorePreflight {
public:
    static QList<PreflightFinding> check(const PreflightInput &input);
    // Why this instance cannot be restored at all (type, status, jobs running); empty when it can.
    static QList<PreflightFinding> checkInstance(const PreflightInput &input);
    // Why this backup cannot be chosen; empty when it can.
    static QString backupRefusal(const Backup &backup);
    // The same in a few words, for a table cell: "status Failed", "marked not restorable".
    static QString backupRefusalBrief(const Backup &backup);
    static bool blocks(const QList<PreflightFinding> &findings);
    // Whether a running task of this name would collide with a restore: a scale-up, a replica
    // change, a switchover, a restart, an upgrade, a backup or restore of any kind.
    static bool taskCollidesWithRestore(const QString &taskName);
};

} // namespace dcs
