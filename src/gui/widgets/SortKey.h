#pragma once

#include <QCollator>
#include <QDateTime>
#include <QString>
#include <limits>
#include <optional>

// The value a row is sorted by in one column, made once per row so that a comparison is a plain
// compare: numbers and times as numbers, text as the locale's collation key. Two keys compare as
// QSortFilterProxyModel compares the Sort role's values with sortLocaleAware on (text by
// QString::localeAwareCompare, times with an invalid one first).
struct SortKey {
    enum class Kind : quint8 { Number, Real, Text };
    Kind kind = Kind::Number;
    qint64 number = 0;
    double real = 0;
    std::optional<QCollatorSortKey> text;

    static SortKey fromNumber(qint64 value) {
        SortKey key;
        key.number = value;
        return key;
    }
    static SortKey fromReal(double value) {
        SortKey key;
        key.kind = Kind::Real;
        key.real = value;
        return key;
    }
    // Invalid sorts before every valid time, as QDateTime's operator< has it.
    static SortKey fromTime(const QDateTime &value) {
        return fromNumber(value.isValid() ? value.toMSecsSinceEpoch()
                                          : std::numeric_limits<qint64>::min());
    }
    // collator: QCollator(QLocale()) with its default settings, which is what
    // QString::localeAwareCompare uses. One collator per thread.
    static SortKey fromText(const QString &value, const QCollator &collator) {
        SortKey key;
        key.kind = Kind::Text;
        key.text = collator.sortKey(value);
        return key;
    }

    // <0, 0, >0. Keys of one column are all of one kind.
    int compare(const SortKey &other) const {
        switch (kind) {
        case Kind::Number:
            return number < other.number ? -1 : (other.number < number ? 1 : 0);
        case Kind::Real:
            return real < other.real ? -1 : (other.real < real ? 1 : 0);
        case Kind::Text:
            return text->compare(*other.text);
        }
        return 0;
    }
};
