#include "model/Backup.h"

#include "model/JsonRead.h"

namespace dcs {

namespace {
using L1 = QLatin1String;
} // namespace

Backup Backup::fromJson(const QJsonObject &o) {
    Backup b;
    b.backupId = json::string(o.value(L1("backup_id")));
    b.instanceId = json::string(o.value(L1("instance_id")));
    b.backupName = json::string(o.value(L1("backup_name")));
    b.remark = json::string(o.value(L1("remark")));
    b.period = json::string(o.value(L1("period")));
    b.size = json::integer(o.value(L1("size")));
    b.backupType = json::string(o.value(L1("backup_type")));
    b.backupFormat = json::string(o.value(L1("backup_format")));
    b.status = json::string(o.value(L1("status")));
    b.progress = json::number(o.value(L1("progress")));
    b.createdAt = json::dateTime(o.value(L1("created_at")));
    b.executionAt = json::dateTime(o.value(L1("execution_at")));
    b.updatedAt = json::dateTime(json::pick(o, {L1("updated_at"), L1("update_at")}));
    b.errorCode = json::string(o.value(L1("error_code")));
    b.supportRestore = json::boolean(o.value(L1("is_support_restore")));
    return b;
}

QJsonObject Backup::toJson() const {
    QJsonObject o;
    o.insert(L1("backup_id"), backupId);
    o.insert(L1("instance_id"), instanceId);
    o.insert(L1("backup_name"), backupName);
    o.insert(L1("remark"), json::nullable(remark));
    o.insert(L1("period"), json::nullable(period));
    o.insert(L1("size"), size);
    o.insert(L1("backup_type"), backupType);
    o.insert(L1("backup_format"), backupFormat);
    o.insert(L1("status"), status);
    o.insert(L1("progress"), QString::number(progress, 'f', 2));
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
           qFuzzyCompare(1.0 + progress, 1.0 + other.progress) && createdAt == other.createdAt &&
           executionAt == other.executionAt && updatedAt == other.updatedAt &&
           errorCode == other.errorCode && supportRestore == other.supportRestore;
}

} // namespace dcs
