#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace dcs::json {

// Readers that forgive what real DCS answers contain: nulls for any optional field, numbers sent
// as strings and the reverse, upper- or lower-case string booleans, and two spellings of a name.

// The first of the given keys that is present and not null.
QJsonValue pick(const QJsonObject &object, std::initializer_list<QLatin1String> keys);

// A string, or a null QString when absent/null. Numbers and booleans are turned into text.
QString string(const QJsonValue &value);
// string() made plain text and cut to maxLength (see dcs::plain): for anything shown to people.
QString text(const QJsonValue &value, int maxLength);
// An id: only a JSON string counts (a number is not coerced); null QString otherwise.
QString identifier(const QJsonValue &value);
// A percentage clamped to 0–100; nullopt when it is not a number at all.
std::optional<double> percent(const QJsonValue &value);
qint64 integer(const QJsonValue &value, qint64 fallback = 0);
// nullopt when absent, not a number, or outside what a qint64 holds (never a wrapped value).
std::optional<qint64> optionalInteger(const QJsonValue &value);
double number(const QJsonValue &value, double fallback = 0.0);
// true, "true", "TRUE", "True", 1, "1" are true; everything else (null included) is false.
bool boolean(const QJsonValue &value);
// ISO-8601 with or without milliseconds, with "Z" or an offset; always returned in UTC.
// Invalid, absent, or outside 2000–2199 (no DCS record is older; later is a sender's fault)
// gives an invalid QDateTime.
QDateTime dateTime(const QJsonValue &value);

// Writers for the canonical contract shape (what dcs-sim sends).
QJsonValue nullable(const QString &value); // null QString -> JSON null
QJsonValue nullable(const QDateTime &value);
QString formatDateTime(const QDateTime &value); // 2017-03-31T12:24:46.297Z

} // namespace dcs::json
