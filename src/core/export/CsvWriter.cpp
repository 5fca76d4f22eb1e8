#include "export/CsvWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace dcs {

CsvWriter::CsvWriter(const QStringList &headers)
    : m_headers(headers) {}

void CsvWriter::addRow(const QStringList &cells) {
    m_rows.append(cells);
}

bool CsvWriter::looksLikeFormula(const QString &value) {
    if (value.isEmpty())
        return false;
    const QChar first = value.at(0);
    return first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
           first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r');
}

QString CsvWriter::cell(const QString &value) {
    QString text = looksLikeFormula(value) ? QLatin1Char('\'') + value : value;
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString CsvWriter::line(const QStringList &cells) {
    QStringList written;
    written.reserve(cells.size());
    for (const QString &value : cells)
        written.append(cell(value));
    return written.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QByteArray CsvWriter::toUtf8() const {
    QString text = line(m_headers);
    for (const QStringList &row : m_rows)
        text += line(row);
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

bool CsvWriter::save(const QString &path, QString *error) const {
    QSaveFile file(path);
    const QByteArray data = toUtf8();
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok)
        ok = file.write(data) == data.size();
    if (ok)
        ok = file.commit();
    else
        file.cancelWriting();
    if (!ok && error)
        *error = QCoreApplication::translate("dcs::CsvWriter", "%1 cannot be written: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    return ok;
}

} // namespace dcs
