#pragma once

#include <QFlags>
#include <QString>

namespace dcs {

// Why a record the service sent must not be acted on. A record with any of these is still shown,
// flagged, but never offered for restore, backup or deletion.
enum class RecordProblem {
    MissingId = 0x1,       // no id, or one that is not text (a number is not coerced)
    InvalidId = 0x2,       // too long, or characters no DCS id has (spaces, '/', controls …)
    ForeignInstance = 0x4, // a backup whose instance_id is another instance's
    UnknownType = 0x8,     // an instance whose deployment type cannot be told
};
Q_DECLARE_FLAGS(RecordProblems, RecordProblem)
Q_DECLARE_OPERATORS_FOR_FLAGS(RecordProblems)

// What the console accepts as a DCS id: letters and digits, then also '.', '_', ':' and '-', at
// most 128 characters. UUIDs and the ids of every documented example fit; "..", "a/b" do not.
bool isValidId(const QString &id);
RecordProblems idProblems(const QString &id);

// One translated sentence per problem, for a tooltip or a notice.
QString describeRecordProblems(RecordProblems problems);

} // namespace dcs
