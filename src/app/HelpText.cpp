#include "app/HelpText.h"

namespace {

bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
           (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
           (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
}

// Chinese punctuation that must not begin a line, and that must not end one.
bool noBreakBefore(char32_t c) {
    return QStringView(u"，。、；：？！）」』》”’").contains(QChar(char16_t(c)));
}
bool noBreakAfter(char32_t c) {
    return QStringView(u"（「『《“‘").contains(QChar(char16_t(c)));
}

struct Piece {
    QString text;
    bool spaceBefore = false; // written with a space when it does not start a line
};

// Words (at spaces), and each wide character on its own, kept with the punctuation that must
// stay on its side.
QList<Piece> piecesOf(const QString &text) {
    QList<Piece> pieces;
    bool space = false;
    const QList<uint> codes = text.toUcs4();
    for (uint c : codes) {
        const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
        if (c == ' ') {
            space = true;
            continue;
        }
        const bool wide = isWide(c);
        Piece *last = pieces.isEmpty() ? nullptr : &pieces.last();
        const bool lastWide =
            last && !last->text.isEmpty() && isWide(last->text.toUcs4().constLast());
        const bool lastOpens =
            last && !last->text.isEmpty() && noBreakAfter(last->text.toUcs4().constLast());
        bool join;
        if (!last || space)
            join = false;
        else if (noBreakBefore(c) || lastOpens)
            join = true;
        else
            join = !wide && !lastWide; // inside a word
        if (join)
            last->text += ch;
        else
            pieces.append({ch, space});
        space = false;
    }
    return pieces;
}

} // namespace

int HelpText::displayWidth(const QString &text) {
    int width = 0;
    for (uint c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QStringList HelpText::wrap(const QString &text, int width) {
    QStringList lines;
    QString line;
    int used = 0;
    for (const Piece &piece : piecesOf(text)) {
        const int need = displayWidth(piece.text);
        const int gap = line.isEmpty() || !piece.spaceBefore ? 0 : 1;
        if (!line.isEmpty() && used + gap + need > width) {
            lines.append(line);
            line.clear();
            used = 0;
        }
        if (!line.isEmpty() && piece.spaceBefore) {
            line += QLatin1Char(' ');
            ++used;
        }
        line += piece.text;
        used += need;
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines.append(line);
    return lines;
}

QString HelpText::format(const QString &usage, const QString &description,
                         const QList<Section> &sections, int width) {
    constexpr int Indent = 2;
    constexpr int Gap = 2;
    constexpr int MaxNamesWidth = 34;
    int namesWidth = 0;
    for (const Section &section : sections) {
        for (const Entry &entry : section.entries) {
            const int w = displayWidth(entry.names);
            if (w <= MaxNamesWidth)
                namesWidth = qMax(namesWidth, w);
        }
    }
    const int column = Indent + namesWidth + Gap;
    const QString indent(column, QLatin1Char(' '));

    QString out = usage + QLatin1Char('\n');
    for (const QString &line : wrap(description, width))
        out += line + QLatin1Char('\n');
    for (const Section &section : sections) {
        out += QLatin1Char('\n') + section.title + QLatin1Char('\n');
        for (const Entry &entry : section.entries) {
            const QStringList text = wrap(entry.description, width - column);
            QString names = QString(Indent, QLatin1Char(' ')) + entry.names;
            const int namesAt = displayWidth(names);
            qsizetype first = 0;
            if (namesAt + Gap <= column && !text.value(0).isEmpty()) {
                names += QString(column - namesAt, QLatin1Char(' ')) + text.value(0);
                first = 1;
            }
            out += names + QLatin1Char('\n');
            for (qsizetype i = first; i < text.size(); ++i)
                out += indent + text.at(i) + QLatin1Char('\n');
        }
    }
    return out;
}
