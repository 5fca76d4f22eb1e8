#pragma once

#include <QDateTime>
#include <QString>

// How API values are shown to people: translated status words, dates in local time, sizes and
// numbers through the current default QLocale (which LanguageManager sets with the language).
namespace DisplayText {

// Shown for a field the server sent as null or not at all.
QString none();
QString orNone(const QString &value);
// Shown for a value the server sent but that cannot be true (out of range, not a number).
QString unknown();

QString instanceStatus(const QString &apiStatus);
QString backupStatus(const QString &apiStatus);
QString restoreStatus(const QString &apiStatus);
QString backupType(const QString &apiType);
// A background task's name (v2 §9) in words ("Master/standby switchover" for
// masterStandbySwapJob); a name the console does not know, as the service sent it.
QString taskName(const QString &apiName);
QString taskStatus(const QString &apiStatus);
QString yesNo(bool value);

// Local time in the current language's pattern, with seconds; without them for prose.
QString dateTime(const QDateTime &utc);
QString dateTimeMinutes(const QDateTime &utc);
// unknown() for a negative size (the server sent none, or nothing believable).
QString dataSize(qint64 bytes);
// "512 MB / 1,024 MB (50%)"; unknown() when the used memory is unknown or beyond belief.
QString memoryUsage(qint64 usedMb, qint64 maxMb);
// Clamped to 100 %; unknown() for a negative value or NaN.
QString percent(double value);

} // namespace DisplayText
