#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace dcs {

// The automatic-backup policy of an instance (dcs-api-v2.md §11): read from ShowInstance's
// instance_backup_policy, changed with UpdateInstance (PUT, v2 only).
struct BackupPolicy {
    QString backupType = QStringLiteral("auto");     // "auto" or "manual"
    int saveDays = 7;                                // 1–7: how long automatic backups are kept
    QList<int> backupAt;                             // 1 = Monday … 7 = Sunday, ascending
    QString periodType = QStringLiteral("weekly");   // the only documented value
    QString beginAt = QStringLiteral("02:00-03:00"); // UTC, a one-hour window on the hour
    QDateTime updatedAt;                             // when the service last changed it (read only)

    bool isAuto() const {
        return backupType.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
    }
    // The start hour of beginAt (0–23), or -1 when it is not "HH:00-HH:00".
    int beginHour() const;
    static QString windowForHour(int hour); // 2 -> "02:00-03:00", 23 -> "23:00-00:00"

    // When automatic backups run: the start of every window (beginAt's hour, UTC) on the
    // backupAt days. Invalid when the policy is not automatic or its plan cannot be read.
    QDateTime nextWindowAfter(const QDateTime &after) const; // strictly after
    QDateTime lastWindowAtOrBefore(const QDateTime &at) const;
    // The window starts in (from, to], oldest first.
    QList<QDateTime> windowsBetween(const QDateTime &from, const QDateTime &to) const;
    // How long the service keeps an automatic backup (save_days); 0 when it does not say.
    qint64 retentionSeconds() const { return saveDays > 0 ? qint64(saveDays) * 24 * 3600 : 0; }

    // Reads instance_backup_policy (the wrapper with "policy" inside, or a bare policy).
    // nullopt when the value is null, {} or carries no backup_type.
    static std::optional<BackupPolicy> fromJson(const QJsonValue &instanceBackupPolicy);
    // The BackupPolicy object of the PUT body (§11): ints as numbers, the plan always included.
    QJsonObject toJson() const;

    // Translated reasons why the service would refuse it (DCS.4072–4076); empty when fine.
    QStringList problems() const;
    // In words, translated, e.g. "Automatic: Monday, Wednesday and Friday, 02:00–03:00 UTC;
    // kept for 3 days".
    QString describe() const;

    // The confirmation of a change shows these rows: what each part was and will be, in words.
    struct Row {
        QString field;  // translated: "Backups", "Days", "Time (UTC)", "Kept for"
        QString before; // translated words; "—" when there was no policy
        QString after;
        bool changed = false;
    };
    static QList<Row> compare(const std::optional<BackupPolicy> &before, const BackupPolicy &after);

    bool operator==(const BackupPolicy &other) const;
    bool operator!=(const BackupPolicy &other) const { return !(*this == other); }
};

} // namespace dcs
