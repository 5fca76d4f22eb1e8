#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace dcs {

// The key names an administrator types for the restore verification to look for. Names are
// separated by white space; Redis keys may hold spaces, so a name in double quotes keeps them,
// with \" for a quote and \\ for a backslash inside the quotes. Each name once, in the order
// typed, as the UTF-8 bytes Redis compares.
struct KeyNames {
    QList<QByteArray> names;
    // A quote was opened and never closed: the names are not what the user meant, and the
    // verification must not start on a guess.
    bool unclosedQuote = false;

    static KeyNames parse(const QString &text);
};

} // namespace dcs
