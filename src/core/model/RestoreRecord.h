#pragma once

#include "model/RecordProblems.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace dcs {

// One restore record of an instance (§7). Note restore_remark, not remark.
struct RestoreRecord {
    QString restoreId;
    QString restoreName;
    QString backupId;
    QString backupName;
    QString restoreRemark;
    QString backupRemark;
    QString status;         // waiting, restoring, succeed, failed
    double progress = -1.0; // 0–100; negative: unknown
    QDateTime createdAt;
    QDateTime updatedAt; // the end time once finished
    QString errorCode;

    RecordProblems problems() const;
    bool isFinished() const {
        return status == QLatin1String("succeed") || status == QLatin1String("failed");
    }
    bool isRunning() const { return !status.isEmpty() && !isFinished(); }

    bool operator==(const RestoreRecord &other) const;
    bool operator!=(const RestoreRecord &other) const { return !(*this == other); }

    static RestoreRecord fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace dcs
