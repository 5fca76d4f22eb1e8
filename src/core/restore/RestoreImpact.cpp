#include "restore/RestoreImpact.h"

#include <QCoreApplication>

namespace dcs {

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

QString days(qint64 n) {
    return QCoreApplication::translate("dcs::RestoreImpact", "%n day(s)", nullptr, int(n));
}
QString hours(qint64 n) {
    return QCoreApplication::translate("dcs::RestoreImpact", "%n hour(s)", nullptr, int(n));
}
QString minutes(qint64 n) {
    return QCoreApplication::translate("dcs::RestoreImpact", "%n minute(s)", nullptr, int(n));
}

QString pair(const QString &larger, const QString &smaller) {
    return QCoreApplication::translate("dcs::RestoreImpact", "%1 %2",
                                       "a duration of two units, e.g. 2 days 5 hours")
        .arg(larger, smaller);
}

} // namespace

RestoreImpact RestoreImpact::compute(const Instance &instance, const Backup &backup,
                                     const QDateTime &now) {
    RestoreImpact impact;
    // execution_at is when the data was read; created_at only when the job was queued.
    impact.backupTakenAt =
        (backup.executionAt.isValid() ? backup.executionAt : backup.createdAt).toUTC();
    if (impact.backupTakenAt.isValid() && now.isValid())
        impact.lossWindowSeconds = qMax<qint64>(0, impact.backupTakenAt.secsTo(now));
    impact.backupSizeBytes = backup.size;
    impact.usedMemoryBytes = instance.usedMemoryMb * 1024 * 1024;
    impact.maxMemoryBytes = instance.maxMemoryMb * 1024 * 1024;
    impact.backupFormat = backup.normalizedFormat();
    impact.backupType = backup.backupType.toLower();
    impact.engine = instance.engine;
    impact.engineVersion = instance.engineVersion;
    return impact;
}

QString RestoreImpact::durationText(qint64 seconds) {
    // Rounded down: the window is at least this long, never overstated.
    if (seconds < minute)
        return QCoreApplication::translate("dcs::RestoreImpact", "less than a minute");
    const qint64 d = seconds / day;
    const qint64 h = (seconds % day) / hour;
    const qint64 m = (seconds % hour) / minute;
    if (d > 0)
        return h > 0 ? pair(days(d), hours(h)) : days(d);
    if (h > 0)
        return m > 0 ? pair(hours(h), minutes(m)) : hours(h);
    return minutes(m);
}

} // namespace dcs
