#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace dcs {

// A restore the console started and has not seen end. Written down so that a console closed
// midway follows it again at the next start.
struct PendingRestore {
    QString profileId;
    QString instanceId;
    QString instanceName;
    QString restoreId; // empty while the outcome is unknown (a lost answer)
    QString backupId;
    QString backupName;
    QDateTime startedAt; // UTC, when the restore was posted
    bool operator==(const PendingRestore &o) const;
};

// A small JSON file in the user's data folder, written atomically (QSaveFile) on every change.
class PendingRestores {
public:
    explicit PendingRestores(QString filePath = defaultPath());

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
