#include "model/RecordProblems.h"

#include <QCoreApplication>
#include <QStringList>

namespace dcs {

bool isValidId(const QString &id) {
    constexpr int maxLength = 128;
    if (id.isEmpty() || id.size() > maxLength)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t c = id.at(i).unicode();
        const bool alnum =
            (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        if (alnum)
            continue;
        // Punctuation only between the first character and the rest: ".", ".." and "-x" are no
        // ids, and a dot first could make a path segment mean something else.
        if (i > 0 && (c == u'.' || c == u'_' || c == u':' || c == u'-'))
            continue;
        return false;
    }
    return true;
}

RecordProblems idProblems(const QString &id) {
    if (id.isEmpty())
        return RecordProblem::MissingId;
    if (!isValidId(id))
        return RecordProblem::InvalidId;
    return {};
}

QString describeRecordProblems(RecordProblems problems) {
    QStringList lines;
    if (problems.testFlag(RecordProblem::MissingId))
        lines.append(QCoreApplication::translate(
            "dcs::RecordProblems", "The service sent this record without a usable ID."));
    if (problems.testFlag(RecordProblem::InvalidId))
        lines.append(QCoreApplication::translate(
            "dcs::RecordProblems", "The service sent an ID that is not a valid DCS ID."));
    if (problems.testFlag(RecordProblem::ForeignInstance))
        lines.append(QCoreApplication::translate(
            "dcs::RecordProblems", "The service listed this backup under another instance."));
    if (problems.testFlag(RecordProblem::UnknownType))
        lines.append(QCoreApplication::translate(
            "dcs::RecordProblems", "The instance's type (master/standby, cluster …) is unknown."));
    if (!lines.isEmpty())
        lines.append(QCoreApplication::translate("dcs::RecordProblems",
                                                 "The console shows it but does not act on it."));
    return lines.join(QLatin1Char(' '));
}

} // namespace dcs
