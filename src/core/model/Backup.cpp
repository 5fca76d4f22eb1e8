#include "model/Backup.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"
#include "model/RecordReader.h"

namespace dcs {

namespace {
using L1 = QLatin1String;

// Unknown (negative) equals unknown; known values to two decimals, as the service sends them.
bool samePercent(double a, double b) {
    if (a < 0 || b < 0)
        return a < 0 && b < 0;
    return qFuzzyCompare(1.0 + a, 1.0 + b);
}
} // namespace

RecordProblems Backup::problems() const {
    RecordProblems problems = idProblems(backupId);
    if (foreignInstance)
        problems |= RecordProblem::ForeignInstance;
    return problems;
}

Backup Backup::fromJson(const QJsonObject &o) {
    return json::readRecord<Backup>(o);
}

QJsonObject Backup::toJson() const {
    QJsonObject o;
    o.insert(L1("backup_id"), backupId);
    o.insert(L1("instance_id"), instanceId);
    o.insert(L1("backup_name"), backupName);
    o.insert(L1("remark"), json::nullable(remark));
    o.insert(L1("period"), json::nullable(period));
    o.insert(L1("size"), size >= 0 ? QJsonValue(size) : QJsonValue());
    o.insert(L1("backup_type"), backupType);
    o.insert(L1("backup_format"), backupFormat);
    o.insert(L1("status"), status);
    o.insert(L1("progress"),
             progress >= 0 ? QJsonValue(QString::number(progress, 'f', 2)) : QJsonValue());
    o.insert(L1("created_at"), json::nullable(createdAt));
    o.insert(L1("execution_at"), json::nullable(executionAt));
    o.insert(L1("updated_at"), json::nullable(updatedAt));
    o.insert(L1("error_code"), json::nullable(errorCode));
    // An upper-case string in the contract, not a JSON bool.
    o.insert(L1("is_support_restore"),
             supportRestore ? QStringLiteral("TRUE") : QStringLiteral("FALSE"));
    return o;
}

bool Backup::operator==(const Backup &other) const {
    return backupId == other.backupId && instanceId == other.instanceId &&
           backupName == other.backupName && remark == other.remark && period == other.period &&
           size == other.size && backupType == other.backupType &&
           backupFormat == other.backupFormat && status == other.status &&
           samePercent(progress, other.progress) && createdAt == other.createdAt &&
           executionAt == other.executionAt && updatedAt == other.updatedAt &&
           errorCode == other.errorCode && supportRestore == other.supportRestore &&
           foreignInstance == other.foreignInstance;
}

} // namespace dcs
