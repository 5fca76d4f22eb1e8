#include "model/PlainText.h"

namespace dcs {

namespace {

bool isDirectionControl(char16_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

// Whether plain() would change the character at i (its partner included for a surrogate pair).
bool needsChange(const QString &text, qsizetype i) {
    const QChar c = text.at(i);
    const char16_t u = c.unicode();
    if (u >= 0x20 && u < 0x7f)
        return false;
    if (isDirectionControl(u) || u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029)
        return true;
    if (c.isHighSurrogate())
        return !(i + 1 < text.size() && text.at(i + 1).isLowSurrogate());
    if (c.isLowSurrogate())
        return !(i > 0 && text.at(i - 1).isHighSurrogate());
    return false;
}

} // namespace

QString plain(const QString &text, int maxLength) {
    // Cut first: a 10 MB name is not walked character by character.
    const qsizetype limit = qMax(1, maxLength);
    // Most text is plain already: then it is kept as it is, shared, not copied.
    if (text.size() <= limit) {
        bool unchanged = true;
        for (qsizetype i = 0; unchanged && i < text.size(); ++i)
            unchanged = !needsChange(text, i);
        if (unchanged)
            return text;
    }
    QString source = text;
    bool cut = false;
    if (source.size() > limit) {
        qsizetype keep = limit;
        if (source.at(keep - 1).isHighSurrogate())
            --keep;
        source.truncate(keep);
        cut = true;
    }
    QString result;
    result.reserve(source.size() + 1);
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        const char16_t u = c.unicode();
        if (isDirectionControl(u))
            continue;
        if (u == u'\t' || u == u'\n' || u == u'\r' || u == 0x2028 || u == 0x2029 || u == 0x85) {
            result.append(QLatin1Char(' '));
            continue;
        }
        if (u < 0x20 || (u >= 0x7f && u < 0xa0)) {
            result.append(QChar(QChar::ReplacementCharacter));
            continue;
        }
        // A surrogate without its partner is no character: shown as the replacement character.
        if (c.isHighSurrogate()) {
            if (i + 1 < source.size() && source.at(i + 1).isLowSurrogate()) {
                result.append(c);
                result.append(source.at(++i));
            } else {
                result.append(QChar(QChar::ReplacementCharacter));
            }
            continue;
        }
        if (c.isLowSurrogate()) {
            result.append(QChar(QChar::ReplacementCharacter));
            continue;
        }
        result.append(c);
    }
    if (cut)
        result.append(QChar(0x2026));
    return result;
}

QString isolate(const QString &text) {
    return QChar(0x2068) + text + QChar(0x2069);
}

} // namespace dcs
