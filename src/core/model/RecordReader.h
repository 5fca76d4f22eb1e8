#pragma once

#include "model/BackgroundTask.h"
#include "model/Backup.h"
#include "model/Instance.h"
#include "model/JsonRead.h"
#include "model/PlainText.h"
#include "model/RestoreRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <string_view>

// How a record is read from its JSON object: one pass over the object's keys, each key sent to
// the member it fills. Written once for every kind of JSON value — QJsonValue (through QtJson
// below) for single answers and the sim's state file, simdjson's for the list pages — so a record
// reads the same whichever parser read it.
//
// A value type V has type(), toString(), toDouble(), toBool() (see JsonRead.h), and:
//   template <typename F> void forEachElement(F f) const;  // f(V) for each array element
//   V member(std::string_view key) const;                   // an object's member, or Undefined
//   QJsonObject toObject() const;                            // empty when not an object
// A default-constructed V is Undefined.

namespace dcs::json {

// QJsonValue as such a value type.
class QtJson {
public:
    QtJson() = default;
    QtJson(QJsonValue value)
        : m_value(std::move(value)) {}

    QJsonValue::Type type() const { return m_value.type(); }
    QString toString() const { return m_value.toString(); }
    double toDouble() const { return m_value.toDouble(); }
    bool toBool() const { return m_value.toBool(); }
    QJsonObject toObject() const { return m_value.toObject(); }
    QtJson member(std::string_view key) const {
        return QtJson(m_value.toObject().value(QLatin1String(key.data(), qsizetype(key.size()))));
    }
    template <typename F> void forEachElement(F f) const {
        const QJsonArray array = m_value.toArray();
        for (const QJsonValue &element : array)
            f(QtJson(element));
    }

    // Every member of an object, in the object's order, as (key, value).
    template <typename F> static void forEachMember(const QJsonObject &object, F f) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QByteArray key = it.key().toUtf8();
            f(std::string_view(key.constData(), size_t(key.size())), QtJson(it.value()));
        }
    }

private:
    QJsonValue m_value = QJsonValue(QJsonValue::Undefined);
};

namespace fields {
// Which member a key fills; 0 for a key the record does not read. One table per record type.
int instanceField(std::string_view key);
int backupField(std::string_view key);
int restoreField(std::string_view key);
int taskField(std::string_view key);

enum InstanceField {
    IName = 1,
    IEngine,
    IEngineVersion,
    IInternalVersion,
    IInstanceId,
    ICapacity,
    ICapacityMinor,
    IMaxMemory,
    IUsedMemory,
    IIp,
    IPort,
    IDomainNameCamel,
    IDomainName,
    IReadonlyDomainNameCamel,
    IReadonlyDomainName,
    IStatus,
    IErrorCode,
    IFreezeScene,
    ISpecCode,
    IResourceSpecCode,
    IChargingMode,
    IVpcId,
    IVpcName,
    ISubnetId,
    ISubnetName,
    ISecurityGroupId,
    ISecurityGroupName,
    ICreatedAt,
    IUpdateAt,
    IUpdatedAt,
    IUserId,
    IUserName,
    IMaintainBegin,
    IMaintainEnd,
    INoPasswordAccess,
    IAccessUser,
    IEnablePublicIp,
    IEnableSsl,
    IPublicIpId,
    IPublicIpAddress,
    ITags,
    ICacheMode,
    IProductType,
    ICpuType,
    IDescription,
    IAvailableZones,
    IDbNumber,
    IShardingCount,
    IInstanceBackupPolicy,
    ISubStatus,
    ITask
};
enum BackupField {
    BBackupId = 1,
    BInstanceId,
    BBackupName,
    BRemark,
    BPeriod,
    BSize,
    BBackupType,
    BBackupFormat,
    BStatus,
    BProgress,
    BCreatedAt,
    BExecutionAt,
    BUpdatedAt,
    BUpdateAt,
    BErrorCode,
    BIsSupportRestore
};
enum RestoreField {
    RRestoreId = 1,
    RRestoreName,
    RBackupId,
    RBackupName,
    RRestoreRemark,
    RRemark,
    RBackupRemark,
    RStatus,
    RProgress,
    RCreatedAt,
    RUpdatedAt,
    RUpdateAt,
    RErrorCode
};
enum TaskField {
    TId = 1,
    TName,
    TStatus,
    TCreatedAt,
    TUpdatedAt,
    TUpdateAt,
    TUserName,
    TUserId,
    TParams,
    TEnableShow,
    TDetails
};
} // namespace fields

// The readers of the members, shared by the records.
namespace read {
template <typename V> QString word(const V &value) {
    return text(value, plaintext::WordLength);
}
template <typename V> QString name(const V &value) {
    return text(value, plaintext::NameLength);
}
// A count that is a fact only within [0, max]; -1 (unknown) otherwise.
template <typename V> qint64 bounded(const V &value, qint64 max) {
    const std::optional<qint64> number = optionalInteger(value);
    if (!number || *number < 0 || *number > max)
        return -1;
    return *number;
}
template <typename V> std::optional<int> optionalInt(const V &value) {
    const std::optional<qint64> number = optionalInteger(value);
    if (!number || *number < 0 || *number > 1000000)
        return std::nullopt;
    return static_cast<int>(*number);
}
} // namespace read

template <typename V> class InstanceReader {
public:
    void field(std::string_view key, const V &value) {
        using namespace fields;
        // Largest memory that still fits in bytes (8 EiB); anything above is not a fact.
        constexpr qint64 maxMegabytes = (Q_INT64_C(1) << 43) - 1;
        constexpr int maxTags = 64; // the service allows 20 per instance
        const int which = instanceField(key);
        switch (which) {
        case IName:
            m_i.name = read::name(value);
            break;
        case IEngine:
            m_i.engine = read::word(value);
            break;
        case IEngineVersion:
            m_i.engineVersion = read::word(value);
            break;
        case IInternalVersion:
            m_i.internalVersion = read::word(value);
            break;
        case IInstanceId:
            m_i.instanceId = identifier(value);
            break;
        case ICapacity:
            m_i.capacity = int(read::bounded(value, 1000000));
            break;
        case ICapacityMinor:
            m_i.capacityMinor = read::word(value);
            break;
        case IMaxMemory:
            m_i.maxMemoryMb = read::bounded(value, maxMegabytes);
            break;
        case IUsedMemory:
            m_i.usedMemoryMb = read::bounded(value, maxMegabytes);
            break;
        case IIp:
            m_i.ip = read::name(value);
            break;
        case IPort: {
            const qint64 port = read::bounded(value, 65535);
            m_i.port = port > 0 ? int(port) : 0;
            break;
        }
        case IDomainNameCamel:
            m_domainNameCamel = value;
            break;
        case IDomainName:
            m_domainName = value;
            break;
        case IReadonlyDomainNameCamel:
            m_readonlyCamel = value;
            break;
        case IReadonlyDomainName:
            m_readonly = value;
            break;
        case IStatus:
            m_i.status = read::word(value);
            break;
        case IErrorCode:
            m_i.errorCode = read::word(value);
            break;
        case IFreezeScene:
            m_i.freezeScene = read::word(value);
            break;
        case ISpecCode:
            m_i.specCode = read::word(value);
            break;
        case IResourceSpecCode:
            m_i.resourceSpecCode = read::word(value);
            break;
        case IChargingMode:
            m_i.chargingMode = int(qMax<qint64>(0, read::bounded(value, 100)));
            break;
        case IVpcId:
            m_i.vpcId = read::name(value);
            break;
        case IVpcName:
            m_i.vpcName = read::name(value);
            break;
        case ISubnetId:
            m_i.subnetId = read::name(value);
            break;
        case ISubnetName:
            m_i.subnetName = read::name(value);
            break;
        case ISecurityGroupId:
            m_i.securityGroupId = read::name(value);
            break;
        case ISecurityGroupName:
            m_i.securityGroupName = read::name(value);
            break;
        case ICreatedAt:
            m_i.createdAt = dateTime(value);
            break;
        // The API really spells it update_at; v2 and some mirrors say updated_at.
        case IUpdateAt:
            m_updateAt = value;
            break;
        case IUpdatedAt:
            m_updatedAt = value;
            break;
        case IUserId:
            m_i.userId = read::name(value);
            break;
        case IUserName:
            m_i.userName = read::name(value);
            break;
        case IMaintainBegin:
            m_i.maintainBegin = read::word(value);
            break;
        case IMaintainEnd:
            m_i.maintainEnd = read::word(value);
            break;
        case INoPasswordAccess:
            m_i.noPasswordAccess = boolean(value);
            break;
        case IAccessUser:
            m_i.accessUser = read::name(value);
            break;
        case IEnablePublicIp:
            m_i.enablePublicIp = boolean(value);
            break;
        case IEnableSsl:
            m_i.enableSsl = boolean(value);
            break;
        case IPublicIpId:
            m_i.publicIpId = read::name(value);
            break;
        case IPublicIpAddress:
            m_i.publicIpAddress = read::name(value);
            break;
        case ITags: {
            QList<Tag> tags;
            value.forEachElement([&](const V &entry) {
                if (tags.size() >= maxTags || entry.type() != QJsonValue::Object)
                    return;
                Tag tag;
                tag.key = read::name(entry.member("key"));
                tag.value = read::name(entry.member("value"));
                if (!tag.key.isEmpty())
                    tags.append(tag);
            });
            m_i.tags = tags;
            break;
        }
        case ICacheMode:
            m_i.cacheMode = read::word(value);
            break;
        case IProductType:
            m_i.productType = read::word(value);
            break;
        case ICpuType:
            m_i.cpuType = read::word(value);
            break;
        case IDescription:
            m_i.description = text(value, plaintext::LongTextLength);
            break;
        case IAvailableZones:
            m_i.availableZones = zones(value);
            break;
        case IDbNumber:
            m_i.dbNumber = read::optionalInt(value);
            break;
        case IShardingCount:
            m_i.shardingCount = read::optionalInt(value);
            break;
        case IInstanceBackupPolicy:
            m_i.instanceBackupPolicy = value.toObject();
            break;
        case ISubStatus:
            m_i.subStatus = read::word(value);
            break;
        case ITask:
            if (value.type() == QJsonValue::Object) {
                const QJsonObject task = value.toObject();
                m_i.task = task.isEmpty() ? QString()
                                          : plain(QString::fromUtf8(QJsonDocument(task).toJson(
                                                      QJsonDocument::Compact)),
                                                  plaintext::NameLength);
            } else {
                m_i.task = read::name(value);
            }
            break;
        default:
            break;
        }
        // Any of the fields only ShowInstance has, even null, says this is a full record.
        if (which >= ICacheMode && which <= IInstanceBackupPolicy)
            m_i.hasShowFields = true;
    }

    Instance finish() {
        m_i.domainName = read::name(pick(m_domainNameCamel, m_domainName));
        m_i.readonlyDomainName = read::name(pick(m_readonlyCamel, m_readonly));
        m_i.updateAt = dateTime(pick(m_updateAt, m_updatedAt));
        return std::move(m_i);
    }

private:
    // The first of two spellings that is there and not null.
    static const V &pick(const V &first, const V &second) {
        return first.type() != QJsonValue::Null && first.type() != QJsonValue::Undefined ? first
                                                                                         : second;
    }
    static QStringList zones(const V &value) {
        constexpr int maxZones = 16;
        QStringList list;
        if (value.type() == QJsonValue::Array) {
            value.forEachElement([&](const V &entry) {
                if (list.size() >= maxZones)
                    return;
                const QString text = read::word(entry);
                if (!text.isEmpty())
                    list.append(text);
            });
        } else if (value.type() == QJsonValue::String) {
            // Some older answers join the zones with commas.
            const QStringList parts = read::word(value).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &part : parts) {
                if (list.size() >= maxZones)
                    break;
                if (!part.trimmed().isEmpty())
                    list.append(part.trimmed());
            }
        }
        return list;
    }

    Instance m_i;
    V m_domainNameCamel, m_domainName, m_readonlyCamel, m_readonly, m_updateAt, m_updatedAt;
};

template <typename V> class BackupReader {
public:
    void field(std::string_view key, const V &value) {
        using namespace fields;
        switch (backupField(key)) {
        case BBackupId:
            m_b.backupId = identifier(value);
            break;
        case BInstanceId:
            m_b.instanceId = identifier(value);
            break;
        case BBackupName:
            m_b.backupName = read::name(value);
            break;
        case BRemark:
            m_b.remark = read::name(value);
            break;
        case BPeriod:
            m_b.period = read::word(value);
            break;
        case BSize: {
            const std::optional<qint64> size = optionalInteger(value);
            m_b.size = size && *size >= 0 ? *size : -1;
            break;
        }
        case BBackupType:
            m_b.backupType = read::word(value);
            break;
        case BBackupFormat:
            m_b.backupFormat = read::word(value);
            break;
        case BStatus:
            m_b.status = read::word(value);
            break;
        case BProgress:
            m_b.progress = percent(value).value_or(-1.0);
            break;
        case BCreatedAt:
            m_b.createdAt = dateTime(value);
            break;
        case BExecutionAt:
            m_b.executionAt = dateTime(value);
            break;
        case BUpdatedAt:
            m_updatedAt = value;
            break;
        case BUpdateAt:
            m_updateAt = value;
            break;
        case BErrorCode:
            m_b.errorCode = read::word(value);
            break;
        case BIsSupportRestore:
            m_b.supportRestore = boolean(value);
            break;
        default:
            break;
        }
    }
    Backup finish() {
        m_b.updatedAt = dateTime(m_updatedAt.type() != QJsonValue::Null &&
                                         m_updatedAt.type() != QJsonValue::Undefined
                                     ? m_updatedAt
                                     : m_updateAt);
        return std::move(m_b);
    }

private:
    Backup m_b;
    V m_updatedAt, m_updateAt;
};

template <typename V> class RestoreReader {
public:
    void field(std::string_view key, const V &value) {
        using namespace fields;
        switch (restoreField(key)) {
        case RRestoreId:
            m_r.restoreId = identifier(value);
            break;
        case RRestoreName:
            m_r.restoreName = read::name(value);
            break;
        case RBackupId:
            m_r.backupId = identifier(value);
            break;
        case RBackupName:
            m_r.backupName = read::name(value);
            break;
        // The contract says restore_remark; "remark" is only a fallback for hand-written bodies.
        case RRestoreRemark:
            m_restoreRemark = value;
            break;
        case RRemark:
            m_remark = value;
            break;
        case RBackupRemark:
            m_r.backupRemark = read::name(value);
            break;
        case RStatus:
            m_r.status = read::word(value);
            break;
        case RProgress:
            m_r.progress = percent(value).value_or(-1.0);
            break;
        case RCreatedAt:
            m_r.createdAt = dateTime(value);
            break;
        case RUpdatedAt:
            m_updatedAt = value;
            break;
        case RUpdateAt:
            m_updateAt = value;
            break;
        case RErrorCode:
            m_r.errorCode = read::word(value);
            break;
        default:
            break;
        }
    }
    RestoreRecord finish() {
        m_r.restoreRemark = read::name(present(m_restoreRemark) ? m_restoreRemark : m_remark);
        m_r.updatedAt = dateTime(present(m_updatedAt) ? m_updatedAt : m_updateAt);
        return std::move(m_r);
    }

private:
    static bool present(const V &value) {
        return value.type() != QJsonValue::Null && value.type() != QJsonValue::Undefined;
    }
    RestoreRecord m_r;
    V m_restoreRemark, m_remark, m_updatedAt, m_updateAt;
};

template <typename V> class TaskReader {
public:
    void field(std::string_view key, const V &value) {
        using namespace fields;
        switch (taskField(key)) {
        case TId:
            m_t.id = identifier(value);
            break;
        case TName:
            m_t.name = read::name(value);
            break;
        case TStatus:
            m_t.status = read::word(value);
            break;
        case TCreatedAt:
            m_t.createdAt = dateTime(value);
            break;
        case TUpdatedAt:
            m_updatedAt = value;
            break;
        case TUpdateAt:
            m_updateAt = value;
            break;
        case TUserName:
            m_t.userName = read::name(value);
            break;
        case TUserId:
            m_t.userId = read::name(value);
            break;
        case TParams:
            m_t.params = text(value, plaintext::LongTextLength);
            break;
        case TEnableShow:
            m_t.enableShow = boolean(value);
            break;
        case TDetails:
            m_t.details = value.toObject();
            break;
        default:
            break;
        }
    }
    BackgroundTask finish() {
        const bool updated =
            m_updatedAt.type() != QJsonValue::Null && m_updatedAt.type() != QJsonValue::Undefined;
        m_t.updatedAt = dateTime(updated ? m_updatedAt : m_updateAt);
        return std::move(m_t);
    }

private:
    BackgroundTask m_t;
    V m_updatedAt, m_updateAt;
};

// The reader of each record type.
template <typename T, typename V> struct ReaderOf;
template <typename V> struct ReaderOf<Instance, V> { using Type = InstanceReader<V>; };
template <typename V> struct ReaderOf<Backup, V> { using Type = BackupReader<V>; };
template <typename V> struct ReaderOf<RestoreRecord, V> { using Type = RestoreReader<V>; };
template <typename V> struct ReaderOf<BackgroundTask, V> { using Type = TaskReader<V>; };

// A record from a QJsonObject, in one pass over its members.
template <typename T> T readRecord(const QJsonObject &object) {
    typename ReaderOf<T, QtJson>::Type reader;
    QtJson::forEachMember(
        object, [&](std::string_view key, const QtJson &value) { reader.field(key, value); });
    return reader.finish();
}

} // namespace dcs::json
