#include "model/RestoreRecord.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"

namespace dcs {

namespace {
using L1 = QLatin1String;
} // namespace

RestoreRecord RestoreRecord::fromJson(const QJsonObject &o) {
    RestoreRecord r;
    r.restoreId = json::identifier(o.value(L1("restore_id")));
    r.restoreName = json::text(o.value(L1("restore_name")), plaintext::NameLength);
    r.backupId = json::identifier(o.value(L1("backup_id")));
    r.backupName = json::text(o.value(L1("backup_name")), plaintext::NameLength);
    // The contract says restore_remark; "remark" is only a fallback for hand-written bodies.
    r.restoreRemark =
        json::text(json::pick(o, {L1("restore_remark"), L1("remark")}), plaintext::NameLength);
    r.backupRemark = json::text(o.value(L1("backup_remark")), plaintext::NameLength);
    r.status = json::text(o.value(L1("status")), plaintext::WordLength);
    r.progress = json::percent(o.value(L1("progress"))).value_or(-1.0);
    r.createdAt = json::dateTime(o.value(L1("created_at")));
    r.updatedAt = json::dateTime(json::pick(o, {L1("updated_at"), L1("update_at")}));
    r.errorCode = json::text(o.value(L1("error_code")), plaintext::WordLength);
    return r;
}

RecordProblems RestoreRecord::problems() const {
    return idProblems(restoreId);
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
    o.insert(L1("progress"),
             progress >= 0 ? QJsonValue(QString::number(progress, 'f', 2)) : QJsonValue());
    o.insert(L1("created_at"), json::nullable(createdAt));
    o.insert(L1("updated_at"), json::nullable(updatedAt));
    o.insert(L1("error_code"), json::nullable(errorCode));
    return o;
}

bool RestoreRecord::operator==(const RestoreRecord &other) const {
    return restoreId == other.restoreId && restoreName == other.restoreName &&
           backupId == other.backupId && backupName == other.backupName &&
           restoreRemark == other.restoreRemark && backupRemark == other.backupRemark &&
           status == other.status &&
           (progress < 0 || other.progress < 0
                ? progress < 0 && other.progress < 0
                : qFuzzyCompare(1.0 + progress, 1.0 + other.progress)) &&
           createdAt == other.createdAt && updatedAt == other.updatedAt &&
           errorCode == other.errorCode;
}

} // namespace dcs
