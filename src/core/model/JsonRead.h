#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <cmath>
#include <optional>
#include <type_traits>

namespace dcs::json {

// Readers that forgive what real DCS answers contain: nulls for any optional field, numbers sent
// as strings and the reverse, upper- or lower-case string booleans, and two spellings of a name.
//
// They read a QJsonValue, or any value type with the same few members (type() giving a
// QJsonValue::Type, toString(), toDouble(), toBool()): the list pages, parsed with simdjson off
// the GUI thread, hand theirs to the very same code, so a record reads the same whichever parser
// read the page.

// The first of the given keys that is present and not null.
QJsonValue pick(const QJsonObject &object, std::initializer_list<QLatin1String> keys);

namespace detail {
// A value type the readers take: one with type(). QJsonObject and QJsonArray have none and go
// through the QJsonValue overloads (as they did before the readers became templates).
template <typename V>
using IfValue =
    std::enable_if_t<std::is_same_v<decltype(std::declval<const V &>().type()), QJsonValue::Type>,
                     int>;
std::optional<double> parseNumberText(const QString &text);
std::optional<qint64> wholeNumber(double d);
std::optional<qint64> parseIntegerText(const QString &text);
QDateTime fromEpochNumber(double value);
QString numberText(double d);
QString plainText(const QString &raw, int maxLength);
bool booleanText(const QString &text);
} // namespace detail

// A string, or a null QString when absent/null. Numbers and booleans are turned into text.
template <typename V, detail::IfValue<V> = 0> QString string(const V &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return detail::numberText(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

// string() made plain text and cut to maxLength (see dcs::plain): for anything shown to people.
template <typename V, detail::IfValue<V> = 0> QString text(const V &value, int maxLength) {
    const QString raw = string(value);
    if (raw.isNull())
        return raw;
    return detail::plainText(raw, maxLength);
}

// An id: only a JSON string counts (a number is not coerced); null QString otherwise.
template <typename V, detail::IfValue<V> = 0> QString identifier(const V &value) {
    // Only text is an id: 12345 coerced to "12345" would be used in a request as if the service
    // had sent it. Kept exactly, so isValidId() judges what was sent.
    if (value.type() != QJsonValue::String)
        return {};
    const QString id = value.toString();
    // Longer than any id: not kept whole (isValidId refuses it anyway).
    return id.size() > 256 ? id.left(257) : id;
}

// A percentage clamped to 0–100; nullopt when it is not a number at all.
template <typename V, detail::IfValue<V> = 0> std::optional<double> percent(const V &value) {
    double d = 0;
    switch (value.type()) {
    case QJsonValue::Double:
        d = value.toDouble();
        break;
    case QJsonValue::String: {
        const auto parsed = detail::parseNumberText(value.toString());
        if (!parsed)
            return std::nullopt;
        d = *parsed;
        break;
    }
    default:
        return std::nullopt;
    }
    if (!std::isfinite(d))
        return std::nullopt;
    return qBound(0.0, d, 100.0);
}

// nullopt when absent, not a number, or outside what a qint64 holds (never a wrapped value).
template <typename V, detail::IfValue<V> = 0> std::optional<qint64> optionalInteger(const V &value) {
    switch (value.type()) {
    case QJsonValue::Double:
        return detail::wholeNumber(value.toDouble());
    case QJsonValue::String:
        return detail::parseIntegerText(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? 1 : 0;
    default:
        return std::nullopt;
    }
}

template <typename V, detail::IfValue<V> = 0> qint64 integer(const V &value, qint64 fallback = 0) {
    return optionalInteger(value).value_or(fallback);
}

template <typename V, detail::IfValue<V> = 0> double number(const V &value, double fallback = 0.0) {
    switch (value.type()) {
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::isfinite(d) ? d : fallback;
    }
    case QJsonValue::String:
        return detail::parseNumberText(value.toString()).value_or(fallback);
    case QJsonValue::Bool:
        return value.toBool() ? 1.0 : 0.0;
    default:
        return fallback;
    }
}

// true, "true", "TRUE", "True", 1, "1" are true; everything else (null included) is false.
template <typename V, detail::IfValue<V> = 0> bool boolean(const V &value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() == 1.0;
    case QJsonValue::String:
        return detail::booleanText(value.toString());
    default:
        return false;
    }
}

// ISO-8601 with or without milliseconds, with "Z" or an offset; always returned in UTC.
// Invalid, absent, or outside 2000–2199 (no DCS record is older; later is a sender's fault)
// gives an invalid QDateTime. The contract's own form (2017-03-31T12:24:46.297Z) is read by a
// fixed-format fast path, every other by the general one; both agree (tst_valuetypes).
QDateTime dateTimeText(const QString &text);
// The general path alone, for that comparison.
QDateTime dateTimeTextGeneral(const QString &text);
// The fast path alone: nullopt when the text is not in a form it reads.
std::optional<QDateTime> dateTimeTextFast(QStringView text);

template <typename V, detail::IfValue<V> = 0> QDateTime dateTime(const V &value) {
    if (value.type() == QJsonValue::Double)
        return detail::fromEpochNumber(value.toDouble());
    if (value.type() != QJsonValue::String)
        return {};
    return dateTimeText(value.toString());
}

// For anything that converts to a QJsonValue (QJsonObject, QJsonArray, QJsonValueRef …).
inline QString string(const QJsonValue &value) {
    return string<QJsonValue>(value);
}
inline QString text(const QJsonValue &value, int maxLength) {
    return text<QJsonValue>(value, maxLength);
}
inline QString identifier(const QJsonValue &value) {
    return identifier<QJsonValue>(value);
}
inline std::optional<double> percent(const QJsonValue &value) {
    return percent<QJsonValue>(value);
}
inline std::optional<qint64> optionalInteger(const QJsonValue &value) {
    return optionalInteger<QJsonValue>(value);
}
inline qint64 integer(const QJsonValue &value, qint64 fallback = 0) {
    return integer<QJsonValue>(value, fallback);
}
inline double number(const QJsonValue &value, double fallback = 0.0) {
    return number<QJsonValue>(value, fallback);
}
inline bool boolean(const QJsonValue &value) {
    return boolean<QJsonValue>(value);
}
inline QDateTime dateTime(const QJsonValue &value) {
    return dateTime<QJsonValue>(value);
}

// Writers for the canonical contract shape (what dcs-sim sends).
QJsonValue nullable(const QString &value); // null QString -> JSON null
QJsonValue nullable(const QDateTime &value);
QString formatDateTime(const QDateTime &value); // 2017-03-31T12:24:46.297Z

} // namespace dcs::json
