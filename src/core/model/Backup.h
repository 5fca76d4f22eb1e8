#pragma once

#include "model/RecordProblems.h"

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
    qint64 size = -1;       // bytes; -1: unknown
    QString backupType;     // manual / auto
    QString backupFormat;   // rdb / aof, any case
    QString status;         // waiting, backuping, succeed, failed, expired, deleted
    double progress = -1.0; // 0–100; negative: unknown
    QDateTime createdAt;
    QDateTime executionAt;
    QDateTime updatedAt;
    QString errorCode;
    bool supportRestore = false; // is_support_restore == "TRUE"
    // Set by the client when the service listed this backup under another instance.
    bool foreignInstance = false;

    // A backup without a valid id, or listed under another instance, is never acted on.
    RecordProblems problems() const;
    bool isTrusted() const { return problems() == RecordProblems(); }

    bool isManual() const {
        return backupType.compare(QLatin1String("manual"), Qt::CaseInsensitive) == 0;
    }
    bool isSucceeded() const { return status == QLatin1String("succeed"); }
    bool isRunning() const {
        return status == QLatin1String("waiting") || status == QLatin1String("backuping");
    }
    bool isRestorable() const { return isSucceeded() && supportRestore && isTrusted(); }
    // "rdb"/"aof" whatever case the server used; the API value otherwise.
    QString normalizedFormat() const { return backupFormat.toLower(); }

    bool operator==(const Backup &other) const;
    bool operator!=(const Backup &other) const { return !(*this == other); }

    static Backup fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace dcs

// Its members all move in memory as plain bytes: a list of 100,000 backups grows by realloc()
// instead of moving each one (which took longer than a frame on the GUI thread).
Q_DECLARE_TYPEINFO(dcs::Backup, Q_RELOCATABLE_TYPE);
