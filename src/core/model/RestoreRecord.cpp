#include "model/RestoreRecord.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"
#include "model/RecordReader.h"

namespace dcs {

namespace {
using L1 = QLatin1String;
} // namespace

RestoreRecord RestoreRecord::fromJson(const QJsonObject &o) {
    return json::readRecord<RestoreRecord>(o);
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
