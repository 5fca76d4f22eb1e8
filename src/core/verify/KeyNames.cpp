#include "verify/KeyNames.h"

namespace dcs {

KeyNames KeyNames::parse(const QString &text) {
    KeyNames result;
    QString name;
    bool inName = false; // a name has begun (an empty pair of quotes is a name too)
    bool quoted = false; // inside double quotes
    const auto finish = [&] {
        if (inName) {
            const QByteArray bytes = name.toUtf8();
            if (!result.names.contains(bytes))
                result.names.append(bytes);
        }
        name.clear();
        inName = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < text.size() &&
                (text.at(i + 1) == QLatin1Char('"') || text.at(i + 1) == QLatin1Char('\\'))) {
                name += text.at(++i);
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                name += c;
            }
        } else if (c.isSpace()) {
            finish();
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            inName = true;
        } else {
            name += c;
            inName = true;
        }
    }
    result.unclosedQuote = quoted;
    if (!quoted)
        finish();
    else
        name.clear();
    return result;
}

} // namespace dcs
