#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace dcs {

// A CSV file as every export of the console writes it, so that it opens right in a spreadsheet:
// UTF-8 with a byte-order mark (a spreadsheet on a Chinese system reads a file without one in
// the local code page), CRLF line ends, RFC 4180 quoting; and a cell that a spreadsheet would
// take for a formula (starting with = + - @, or a tab or carriage return) gets a leading
// apostrophe, so text a server sent never runs as a formula.
class CsvWriter {
public:
    explicit CsvWriter(const QStringList &headers);

    void addRow(const QStringList &cells);
    int rowCount() const { return int(m_rows.size()); }

    // The whole file: the mark, the header line, the rows.
    QByteArray toUtf8() const;
    // Written atomically: the file is there whole or not at all. False with a translated
    // reason in *error.
    bool save(const QString &path, QString *error = nullptr) const;

    // One cell as written: neutralised, then quoted when it needs to be.
    static QString cell(const QString &value);
    static bool looksLikeFormula(const QString &value);

private:
    static QString line(const QStringList &cells);

    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace dcs
