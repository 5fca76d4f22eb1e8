#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace dcs {

// One backup record of an instance (§3). Status and type keep the API's spelling.
struct Backup {
    QString backupId;
    QString instanceId;
    QString backupName;
    QString remark;
    QString period;
    qint64 size = 0;      // bytes
    QString backupType;   // manual / auto
    QString backupFormat; // rdb / aof, any case
    QString status;       // waiting, backuping, succeed, failed, expired, deleted
    double progress = 0.0;
    QDateTime createdAt;
    QDateTime executionAt;
    QDateTime updatedAt;
    QString errorCode;
    bool supportRestore = false; // is_support_restore == "TRUE"

    bool isManual() const {
        return backupType.compare(QLatin1String("manual"), Qt::CaseInsensitive) == 0;
    }
    bool isSucceeded() const { return status == QLatin1String("succeed"); }
    bool isRunning() const {
        return status == QLatin1String("waiting") || status == QLatin1String("backuping");
    }
    bool isRestorable() const { return isSucceeded() && supportRestore; }
    // "rdb"/"aof" whatever case the server used; the API value otherwise.
    QString normalizedFormat() const { return backupFormat.toLower(); }

    bool operator==(const Backup &other) const;
    bool operator!=(const Backup &other) const { return !(*this == other); }

    static Backup fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace dcs
