#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The --help text, laid out in the terminal's columns rather than in characters, so that the
// descriptions line up in Chinese too (a Han character takes two columns), and wrapped at 80
// columns: between words in English, between characters in Chinese. The layout is the one
// QCommandLineParser writes (the man pages are made from it).
class HelpText {
public:
    struct Entry {
        QString names;       // "-h, --help", "--lang <language>"
        QString description; // translated
    };
    struct Section {
        QString title; // "Options:"
        QList<Entry> entries;
    };

    // How many terminal columns the text takes.
    static int displayWidth(const QString &text);
    // Breaks text into lines of at most width columns.
    static QStringList wrap(const QString &text, int width);

    // usage: "Usage: dcs-console [options]"; then the description, then the sections.
    static QString format(const QString &usage, const QString &description,
                          const QList<Section> &sections, int width = 80);
};
