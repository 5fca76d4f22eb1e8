#include "model/JsonRead.h"

#include "model/PlainText.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace dcs::json {

namespace {

// Text that looks like a number, as some gateways send "capacity":"2" or "size":"1024.0".
std::optional<double> parseNumberText(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong asInteger = trimmed.toLongLong(&ok);
    if (ok)
        return static_cast<double>(asInteger);
    const double asDouble = trimmed.toDouble(&ok);
    if (ok && std::isfinite(asDouble))
        return asDouble;
    return std::nullopt;
}

// A double as a whole number, only when it is one that a qint64 holds: 1e30 is no size.
std::optional<qint64> wholeNumber(double d) {
    // 2^63 itself is out of range; every double below it converts exactly.
    constexpr double limit = 9223372036854775808.0;
    if (!std::isfinite(d) || d >= limit || d < -limit)
        return std::nullopt;
    return static_cast<qint64>(std::llround(d));
}

std::optional<qint64> parseIntegerText(const QString &text) {
    const QString trimmed = text.trimmed();
    bool ok = false;
    const qlonglong asInteger = trimmed.toLongLong(&ok);
    if (ok)
        return asInteger;
    if (const auto asDouble = parseNumberText(trimmed))
        return wholeNumber(*asDouble);
    return std::nullopt;
}

// The dates a DCS record can carry: from 2000 (before DCS existed, so any real record is later)
// to 2200. Outside that a date is a fault of the sender, not a fact about the record.
bool plausible(const QDateTime &utc) {
    static const QDateTime earliest(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    static const QDateTime latest(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);
    return utc.isValid() && utc >= earliest && utc < latest;
}

// Epoch numbers are seconds or milliseconds; anything above year 5138 in seconds is milliseconds.
QDateTime fromEpochNumber(double value) {
    const std::optional<qint64> raw = wholeNumber(value);
    if (!raw || *raw <= 0 || *raw > 100000000000000000LL)
        return {};
    const qint64 ms = *raw > 100000000000LL ? *raw : *raw * 1000;
    const QDateTime result = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return plausible(result) ? result : QDateTime();
}

} // namespace

QJsonValue pick(const QJsonObject &object, std::initializer_list<QLatin1String> keys) {
    for (const QLatin1String &key : keys) {
        const QJsonValue value = object.value(key);
        if (!value.isNull() && !value.isUndefined())
            return value;
    }
    return QJsonValue(QJsonValue::Null);
}

QString string(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

std::optional<qint64> optionalInteger(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Double:
        return wholeNumber(value.toDouble());
    case QJsonValue::String:
        return parseIntegerText(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? 1 : 0;
    default:
        return std::nullopt;
    }
}

qint64 integer(const QJsonValue &value, qint64 fallback) {
    return optionalInteger(value).value_or(fallback);
}

double number(const QJsonValue &value, double fallback) {
    switch (value.type()) {
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::isfinite(d) ? d : fallback;
    }
    case QJsonValue::String:
        return parseNumberText(value.toString()).value_or(fallback);
    case QJsonValue::Bool:
        return value.toBool() ? 1.0 : 0.0;
    default:
        return fallback;
    }
}

bool boolean(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() == 1.0;
    case QJsonValue::String: {
        const QString text = value.toString().trimmed();
        return text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
               text == QLatin1String("1");
    }
    default:
        return false;
    }
}

QDateTime dateTime(const QJsonValue &value) {
    if (value.isDouble())
        return fromEpochNumber(value.toDouble());
    if (!value.isString())
        return {};

    // Parsed by hand: Qt's ISO parser rejects more than three fraction digits and "+0800", both
    // seen in the wild, and treats a missing zone as local time where the API means UTC.
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
        "\\s*(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?$"));
    const QString text = value.toString().trimmed();
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        if (const auto epoch = parseNumberText(text))
            return fromEpochNumber(*epoch);
        return {};
    }

    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    if (!date.isValid())
        return {};

    int ms = 0;
    const QString fraction = match.captured(7);
    if (!fraction.isEmpty())
        ms = (fraction + QStringLiteral("00")).left(3).toInt();
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                     match.captured(6).toInt(), ms);
    if (!time.isValid())
        return {};

    QDateTime result(date, time, Qt::UTC);
    if (!match.captured(9).isEmpty()) {
        const int hours = match.captured(10).toInt();
        const int minutes = match.captured(11).toInt();
        if (hours > 18 || minutes > 59)
            return {};
        const int offset = (hours * 3600 + minutes * 60) * (match.captured(9) == u'-' ? -1 : 1);
        // 12:00+08:00 is 04:00 UTC.
        result = result.addSecs(-offset);
    }
    return plausible(result) ? result : QDateTime();
}

QString identifier(const QJsonValue &value) {
    // Only text is an id: 12345 coerced to "12345" would be used in a request as if the service
    // had sent it. Kept exactly, so isValidId() judges what was sent.
    if (!value.isString())
        return {};
    const QString id = value.toString();
    // Longer than any id: not kept whole (isValidId refuses it anyway).
    return id.size() > 256 ? id.left(257) : id;
}

QString text(const QJsonValue &value, int maxLength) {
    const QString raw = string(value);
    if (raw.isNull())
        return raw;
    return plain(raw, maxLength);
}

std::optional<double> percent(const QJsonValue &value) {
    double d = 0;
    switch (value.type()) {
    case QJsonValue::Double:
        d = value.toDouble();
        break;
    case QJsonValue::String: {
        const auto parsed = parseNumberText(value.toString());
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

QJsonValue nullable(const QString &value) {
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(value);
}

QJsonValue nullable(const QDateTime &value) {
    if (!value.isValid())
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(formatDateTime(value));
}

QString formatDateTime(const QDateTime &value) {
    if (!value.isValid())
        return {};
    return value.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

} // namespace dcs::json
