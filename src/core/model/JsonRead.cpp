#include "model/JsonRead.h"

#include "model/PlainText.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace dcs::json {

namespace {

// The dates a DCS record can carry: from 2000 (before DCS existed, so any real record is later)
// to 2200. Outside that a date is a fault of the sender, not a fact about the record.
bool plausible(const QDateTime &utc) {
    static const QDateTime earliest(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    static const QDateTime latest(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);
    return utc.isValid() && utc >= earliest && utc < latest;
}

constexpr qint64 MsPerDay = 86400000;
// The same bounds as milliseconds since the epoch, for the fast path.
constexpr qint64 EarliestMs = 946684800000; // 2000-01-01T00:00:00Z
constexpr qint64 LatestMs = 7258118400000;  // 2200-01-01T00:00:00Z

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysIn(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

} // namespace

namespace detail {

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

// Epoch numbers are seconds or milliseconds; anything above year 5138 in seconds is milliseconds.
QDateTime fromEpochNumber(double value) {
    const std::optional<qint64> raw = wholeNumber(value);
    if (!raw || *raw <= 0 || *raw > 100000000000000000LL)
        return {};
    const qint64 ms = *raw > 100000000000LL ? *raw : *raw * 1000;
    const QDateTime result = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return plausible(result) ? result : QDateTime();
}

QString numberText(double d) {
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
        return QString::number(static_cast<qint64>(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QString plainText(const QString &raw, int maxLength) {
    return plain(raw, maxLength);
}

bool booleanText(const QString &text) {
    const QString trimmed = text.trimmed();
    return trimmed.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
           trimmed == QLatin1String("1");
}

} // namespace detail

QJsonValue pick(const QJsonObject &object, std::initializer_list<QLatin1String> keys) {
    for (const QLatin1String &key : keys) {
        const QJsonValue value = object.value(key);
        if (!value.isNull() && !value.isUndefined())
            return value;
    }
    return QJsonValue(QJsonValue::Null);
}

QDateTime dateTimeTextGeneral(const QString &raw) {
    // Parsed by hand: Qt's ISO parser rejects more than three fraction digits and "+0800", both
    // seen in the wild, and treats a missing zone as local time where the API means UTC.
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
        "\\s*(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?$"));
    const QString text = raw.trimmed();
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        if (const auto epoch = detail::parseNumberText(text))
            return detail::fromEpochNumber(*epoch);
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

std::optional<QDateTime> dateTimeTextFast(QStringView text) {
    // yyyy-MM-ddTHH:mm:ss.zzzZ (the contract's form) or yyyy-MM-ddTHH:mm:ssZ, nothing around it.
    const qsizetype size = text.size();
    if (size != 24 && size != 20)
        return std::nullopt;
    const char16_t *c = reinterpret_cast<const char16_t *>(text.utf16());
    auto digit = [c](int at) {
        return c[at] >= u'0' && c[at] <= u'9';
    };
    auto number = [c](int at, int count) {
        int value = 0;
        for (int i = 0; i < count; ++i)
            value = value * 10 + (c[at + i] - u'0');
        return value;
    };
    static const int digitsAt[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
    for (const int at : digitsAt) {
        if (!digit(at))
            return std::nullopt;
    }
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':' ||
        c[size - 1] != u'Z')
        return std::nullopt;
    int ms = 0;
    if (size == 24) {
        if (c[19] != u'.' || !digit(20) || !digit(21) || !digit(22))
            return std::nullopt;
        ms = number(20, 3);
    }
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    // What QDate and QTime would refuse, the general path refuses too: an invalid date.
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 ||
        minute > 59 || second > 59)
        return QDateTime();
    const qint64 msecs = daysFromCivil(year, month, day) * MsPerDay +
                         ((hour * 60 + minute) * 60 + second) * qint64(1000) + ms;
    if (msecs < EarliestMs || msecs >= LatestMs)
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

QDateTime dateTimeText(const QString &text) {
    if (const std::optional<QDateTime> fast = dateTimeTextFast(text))
        return *fast;
    return dateTimeTextGeneral(text);
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
