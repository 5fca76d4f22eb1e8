#include "model/RestoreRecord.h"

#include "model/JsonRead.h"

namespace dcs {

namespace {
using L1 = QLatin1String;
} // namespace

RestoreRecord RestoreRecord::fromJson(const QJsonObject &o) {
    RestoreRecord r;
    r.restoreId = json::string(o.value(L1("restore_id")));
    r.restoreName = json::string(o.value(L1("restore_name")));
    r.backupId = json::string(o.value(L1("backup_id")));
    r.backupName = json::string(o.value(L1("backup_name")));
    // The contract says restore_remark; "remark" is only a fallback for hand-written bodies.
    r.restoreRemark = json::string(json::pick(o, {L1("restore_remark"), L1("remark")}));
    r.backupRemark = json::string(o.value(L1("backup_remark")));
    r.status = json::string(o.value(L1("status")));
    r.progress = json::number(o.value(L1("progress")));
    r.createdAt = json::dateTime(o.value(L1("created_at")));
    r.updatedAt = json::dateTime(json::pick(o, {L1("updated_at"), L1("update_at")}));
    r.errorCode = json::string(o.value(L1("error_code")));
    return r;
}

QJsonObject RestoreRecord::toJson() const {
    QJsonObject o;
    o.insert(L1("restore_id"), restoreId);
    o.insert(L1("restore_name"), restoreName);
    o.insert(L1("backup_id"), backupId);
    o.insert(L1("backup_name"), backupName);
    o.insert(L1("restore_remark"), json::nullable(restoreRemark));
    o.insert(L1("backup_remark"), json::nullable(backupRemark));
    o.insert(L1("status"), status);
    o.insert(L1("progress"), QString::number(progress, 'f', 2));
    o.insert(L1("created_at"), json::nullable(createdAt));
    o.insert(L1("updated_at"), json::nullable(updatedAt));
    o.insert(L1("error_code"), json::nullable(errorCode));
    return o;
}

bool RestoreRecord::operator==(const RestoreRecord &other) const {
    return restoreId == other.restoreId && restoreName == other.restoreName &&
           backupId == other.backupId && backupName == other.backupName &&
           restoreRemark == other.restoreRemark && backupRemark == other.backupRemark &&
           status == other.status && qFuzzyCompare(1.0 + progress, 1.0 + other.progress) &&
           createdAt == other.createdAt && updatedAt == other.updatedAt &&
           errorCode == other.errorCode;
}

} // namespace dcs
