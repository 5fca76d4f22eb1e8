#include "restore/RestoreImpact.h"

#include <QCoreApplication>
#include <climits>

namespace dcs {

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

QString days(qint64 n) {
    // %n is an int: a count beyond it is shown as the most it can say, never a wrapped number.
    const int count = n > INT_MAX ? INT_MAX : int(n);
    return QCoreApplication::translate("dcs::RestoreImpact", "%n day(s)", nullptr, count);
}
QString hours(qint64 n) {
    return QCoreApplication::translate("dcs::RestoreImpact", "%n hour(s)", nullptr, int(n));
}
QString minutes(qint64 n) {
    return QCoreApplication::translate("dcs::RestoreImpact", "%n minute(s)", nullptr, int(n));
}

// -1 (unknown) when the megabytes are unknown or do not fit in a byte count.
qint64 megabytesToBytes(qint64 megabytes) {
    constexpr qint64 maxMegabytes = (Q_INT64_C(1) << 43) - 1;
    if (megabytes < 0 || megabytes > maxMegabytes)
        return -1;
    return megabytes << 20;
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
    impact.usedMemoryBytes = megabytesToBytes(instance.usedMemoryMb);
    impact.maxMemoryBytes = megabytesToBytes(instance.maxMemoryMb);
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
