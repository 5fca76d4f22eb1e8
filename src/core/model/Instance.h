#pragma once

#include "model/InstanceType.h"
#include "model/RecordProblems.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace dcs {

struct Tag {
    QString key;
    QString value;
    bool operator==(const Tag &other) const { return key == other.key && value == other.value; }
};

// One DCS cache instance, every field of the list (§1) and show (§2) answers.
// Nullable strings are null QStrings when the server sent null or nothing.
struct Instance {
    QString name;
    QString engine;
    QString engineVersion;
    QString internalVersion;
    QString instanceId;
    int capacity = -1; // GB; -1: unknown (absent, or not a believable number)
    QString capacityMinor;
    qint64 maxMemoryMb = -1; // -1: unknown
    qint64 usedMemoryMb = -1;
    QString ip;
    int port = 0;
    QString domainName;
    QString readonlyDomainName;
    QString status;
    QString errorCode;
    QString freezeScene;
    QString specCode;
    QString resourceSpecCode;
    int chargingMode = 0;
    QString vpcId;
    QString vpcName;
    QString subnetId;
    QString subnetName;
    QString securityGroupId;
    QString securityGroupName;
    QDateTime createdAt;
    QDateTime updateAt;
    QString userId;
    QString userName;
    QString maintainBegin;
    QString maintainEnd;
    bool noPasswordAccess = false;
    QString accessUser;
    bool enablePublicIp = false;
    bool enableSsl = false;
    QString publicIpId;
    QString publicIpAddress;
    QList<Tag> tags;

    // Only in the show answer (§2).
    QString cacheMode;
    QString productType;
    QString cpuType;
    QString description;
    QStringList availableZones;
    std::optional<int> dbNumber;
    std::optional<int> shardingCount;
    QJsonObject instanceBackupPolicy; // empty when null
    bool hasShowFields = false;

    // Only in v2 answers (dcs-api-v2.md §1–2).
    QString subStatus;
    // ShowInstance's "task": documented only in [OTC], value shape unconfirmed (the example
    // shows a bare word such as BACKUPING). Tolerant reading: any non-null value is kept as
    // text, and a non-empty one means the instance is busy, as Terraform treats it.
    QString task;

    // An instance without a valid id or of unknown type is shown, never acted on.
    RecordProblems problems() const;
    bool isTrusted() const { return problems() == RecordProblems(); }
    InstanceType type() const { return resolveInstanceType(cacheMode, specCode, resourceSpecCode); }
    bool supportsBackup() const { return isTrusted() && instanceTypeSupportsBackup(type()); }
    bool isRunning() const { return status == QLatin1String("RUNNING"); }

    // Every field, so a round trip through JSON can be checked whole.
    bool operator==(const Instance &other) const;
    bool operator!=(const Instance &other) const { return !(*this == other); }

    static Instance fromJson(const QJsonObject &object);
    // The contract shape; the show fields only when asked (the v1 list has no cache_mode).
    QJsonObject toJson(bool withShowFields) const;
};

} // namespace dcs

// Its members all move in memory as plain bytes: a list of 10,000 instances grows by realloc()
// instead of moving each one (which took longer than a frame on the GUI thread).
Q_DECLARE_TYPEINFO(dcs::Instance, Q_RELOCATABLE_TYPE);
