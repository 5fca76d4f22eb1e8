#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace dcs {

// A restore the console follows and has not seen end. Written down so that a console closed
// midway follows it again at the next start.
struct PendingRestore {
    QString profileId;
    QString instanceId;
    QString instanceName;
    QString restoreId; // empty while the outcome is unknown (a lost answer)
    QString backupId;
    QString backupName;
    QDateTime startedAt; // UTC, when the restore was posted
    QString profileName; // as the window names the profile (and the audit trail)
    // What the audit trail's "finished" line repeats from the attempt line. Only a restore this
    // console posted is audited; one found running (started in the web console, say) is
    // followed for the tables but is not this console's to audit.
    bool audited = false;
    QString region;
    QString projectId;
    QString remark;
    QString safetyBackupId;

    bool operator==(const PendingRestore &o) const;
    bool operator!=(const PendingRestore &o) const { return !(*this == o); }
};

// The pending restores: a small JSON file in the user's data folder, written atomically
// (QSaveFile) on every change.
class PendingRestoreFile {
public:
    explicit PendingRestoreFile(QString filePath = defaultPath());

    const QString &filePath() const { return m_filePath; }
    QList<PendingRestore> load() const; // a missing or damaged file gives an empty list
    // Adding a restore with a restore_id also drops the unknown-outcome entry (empty restore_id)
    // of the same profile, instance and backup that it resolves.
    bool add(const PendingRestore &restore);
    bool remove(const QString &profileId, const QString &restoreId);
    // Removes exactly this entry, e.g. an unknown-outcome one that turned out never to exist.
    bool remove(const PendingRestore &restore);
    static QString defaultPath(); // <AppDataLocation>/pending-restores.json

private:
    bool save(const QList<PendingRestore> &list) const;
    QString m_filePath;
};

} // namespace dcs
