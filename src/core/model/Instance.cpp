#include "model/Instance.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dcs {

namespace {

using L1 = QLatin1String;

constexpr int maxTags = 64; // the service allows 20 per instance
constexpr int maxZones = 16;

QString word(const QJsonValue &value) {
    return json::text(value, plaintext::WordLength);
}

QString nameText(const QJsonValue &value) {
    return json::text(value, plaintext::NameLength);
}

// A count that is a fact only within [0, max]; -1 (unknown) otherwise.
qint64 bounded(const QJsonValue &value, qint64 max) {
    const std::optional<qint64> number = json::optionalInteger(value);
    if (!number || *number < 0 || *number > max)
        return -1;
    return *number;
}

QList<Tag> readTags(const QJsonValue &value) {
    QList<Tag> tags;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        if (tags.size() >= maxTags)
            break;
        if (!entry.isObject())
            continue;
        const QJsonObject object = entry.toObject();
        Tag tag;
        tag.key = nameText(object.value(L1("key")));
        tag.value = nameText(object.value(L1("value")));
        if (!tag.key.isEmpty())
            tags.append(tag);
    }
    return tags;
}

QStringList readStringList(const QJsonValue &value) {
    QStringList list;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &entry : array) {
            if (list.size() >= maxZones)
                break;
            const QString text = word(entry);
            if (!text.isEmpty())
                list.append(text);
        }
    } else if (value.isString()) {
        // Some older answers join the zones with commas.
        const QStringList parts = word(value).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            if (list.size() >= maxZones)
                break;
            if (!part.trimmed().isEmpty())
                list.append(part.trimmed());
        }
    }
    return list;
}

std::optional<int> optionalInt(const QJsonValue &value) {
    const std::optional<qint64> number = json::optionalInteger(value);
    if (!number || *number < 0 || *number > 1000000)
        return std::nullopt;
    return static_cast<int>(*number);
}

QJsonValue optionalIntValue(const std::optional<int> &value) {
    if (!value)
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(*value);
}

} // namespace

Instance Instance::fromJson(const QJsonObject &o) {
    // Largest memory that still fits in bytes (8 EiB); anything above is not a fact.
    constexpr qint64 maxMegabytes = (Q_INT64_C(1) << 43) - 1;
    Instance i;
    i.name = nameText(o.value(L1("name")));
    i.engine = word(o.value(L1("engine")));
    i.engineVersion = word(o.value(L1("engine_version")));
    i.internalVersion = word(o.value(L1("internal_version")));
    i.instanceId = json::identifier(o.value(L1("instance_id")));
    i.capacity = int(bounded(o.value(L1("capacity")), 1000000));
    i.capacityMinor = word(o.value(L1("capacity_minor")));
    i.maxMemoryMb = bounded(o.value(L1("max_memory")), maxMegabytes);
    i.usedMemoryMb = bounded(o.value(L1("used_memory")), maxMegabytes);
    i.ip = nameText(o.value(L1("ip")));
    const qint64 port = bounded(o.value(L1("port")), 65535);
    i.port = port > 0 ? int(port) : 0;
    i.domainName = nameText(json::pick(o, {L1("domainName"), L1("domain_name")}));
    i.readonlyDomainName =
        nameText(json::pick(o, {L1("readonlyDomainName"), L1("readonly_domain_name")}));
    i.status = word(o.value(L1("status")));
    i.errorCode = word(o.value(L1("error_code")));
    i.freezeScene = word(o.value(L1("freeze_scene")));
    i.specCode = word(o.value(L1("spec_code")));
    i.resourceSpecCode = word(o.value(L1("resource_spec_code")));
    i.chargingMode = int(qMax<qint64>(0, bounded(o.value(L1("charging_mode")), 100)));
    i.vpcId = nameText(o.value(L1("vpc_id")));
    i.vpcName = nameText(o.value(L1("vpc_name")));
    i.subnetId = nameText(o.value(L1("subnet_id")));
    i.subnetName = nameText(o.value(L1("subnet_name")));
    i.securityGroupId = nameText(o.value(L1("security_group_id")));
    i.securityGroupName = nameText(o.value(L1("security_group_name")));
    i.createdAt = json::dateTime(o.value(L1("created_at")));
    // The API really spells it update_at; v2 and some mirrors say updated_at.
    i.updateAt = json::dateTime(json::pick(o, {L1("update_at"), L1("updated_at")}));
    i.userId = nameText(o.value(L1("user_id")));
    i.userName = nameText(o.value(L1("user_name")));
    i.maintainBegin = word(o.value(L1("maintain_begin")));
    i.maintainEnd = word(o.value(L1("maintain_end")));
    i.noPasswordAccess = json::boolean(o.value(L1("no_password_access")));
    i.accessUser = nameText(o.value(L1("access_user")));
    i.enablePublicIp = json::boolean(o.value(L1("enable_publicip")));
    i.enableSsl = json::boolean(o.value(L1("enable_ssl")));
    i.publicIpId = nameText(o.value(L1("publicip_id")));
    i.publicIpAddress = nameText(o.value(L1("publicip_address")));
    i.tags = readTags(o.value(L1("tags")));

    static const char *const showKeys[] = {
        "cache_mode",      "product_type", "cpu_type",       "description",
        "available_zones", "db_number",    "sharding_count", "instance_backup_policy",
    };
    for (const char *key : showKeys) {
        if (o.contains(L1(key))) {
            i.hasShowFields = true;
            break;
        }
    }
    i.cacheMode = word(o.value(L1("cache_mode")));
    i.productType = word(o.value(L1("product_type")));
    i.cpuType = word(o.value(L1("cpu_type")));
    i.description = json::text(o.value(L1("description")), plaintext::LongTextLength);
    i.availableZones = readStringList(o.value(L1("available_zones")));
    i.dbNumber = optionalInt(o.value(L1("db_number")));
    i.shardingCount = optionalInt(o.value(L1("sharding_count")));
    i.instanceBackupPolicy = o.value(L1("instance_backup_policy")).toObject();
    i.subStatus = word(o.value(L1("sub_status")));
    const QJsonValue task = o.value(L1("task"));
    if (task.isObject())
        i.task = task.toObject().isEmpty()
                     ? QString()
                     : plain(QString::fromUtf8(
                                 QJsonDocument(task.toObject()).toJson(QJsonDocument::Compact)),
                             plaintext::NameLength);
    else
        i.task = nameText(task);
    return i;
}

RecordProblems Instance::problems() const {
    RecordProblems problems = idProblems(instanceId);
    if (type() == InstanceType::Unknown)
        problems |= RecordProblem::UnknownType;
    return problems;
}

QJsonObject Instance::toJson(bool withShowFields) const {
    QJsonObject o;
    o.insert(L1("name"), name);
    o.insert(L1("engine"), engine);
    o.insert(L1("engine_version"), engineVersion);
    o.insert(L1("internal_version"), json::nullable(internalVersion));
    o.insert(L1("instance_id"), instanceId);
    o.insert(L1("capacity"), capacity >= 0 ? QJsonValue(capacity) : QJsonValue());
    o.insert(L1("capacity_minor"), json::nullable(capacityMinor));
    o.insert(L1("max_memory"), maxMemoryMb >= 0 ? QJsonValue(maxMemoryMb) : QJsonValue());
    o.insert(L1("used_memory"), usedMemoryMb >= 0 ? QJsonValue(usedMemoryMb) : QJsonValue());
    o.insert(L1("ip"), ip);
    o.insert(L1("port"), port);
    // Both spellings: the SDKs read one or the other depending on their age.
    o.insert(L1("domainName"), json::nullable(domainName));
    o.insert(L1("domain_name"), json::nullable(domainName));
    o.insert(L1("readonlyDomainName"), json::nullable(readonlyDomainName));
    o.insert(L1("readonly_domain_name"), json::nullable(readonlyDomainName));
    o.insert(L1("status"), status);
    o.insert(L1("error_code"), json::nullable(errorCode));
    o.insert(L1("freeze_scene"), json::nullable(freezeScene));
    o.insert(L1("spec_code"), specCode);
    o.insert(L1("resource_spec_code"), resourceSpecCode);
    o.insert(L1("charging_mode"), chargingMode);
    o.insert(L1("vpc_id"), vpcId);
    o.insert(L1("vpc_name"), json::nullable(vpcName));
    o.insert(L1("subnet_id"), subnetId);
    o.insert(L1("subnet_name"), json::nullable(subnetName));
    o.insert(L1("security_group_id"), securityGroupId);
    o.insert(L1("security_group_name"), json::nullable(securityGroupName));
    o.insert(L1("created_at"), json::nullable(createdAt));
    o.insert(L1("update_at"), json::nullable(updateAt));
    o.insert(L1("user_id"), userId);
    o.insert(L1("user_name"), userName);
    o.insert(L1("maintain_begin"), maintainBegin);
    o.insert(L1("maintain_end"), maintainEnd);
    // A string, not a bool, in the v1 contract.
    o.insert(L1("no_password_access"),
             noPasswordAccess ? QStringLiteral("true") : QStringLiteral("false"));
    o.insert(L1("access_user"), json::nullable(accessUser));
    o.insert(L1("enable_publicip"), enablePublicIp);
    o.insert(L1("enable_ssl"), enableSsl);
    o.insert(L1("publicip_id"), json::nullable(publicIpId));
    o.insert(L1("publicip_address"), json::nullable(publicIpAddress));
    QJsonArray tagArray;
    for (const Tag &tag : tags)
        tagArray.append(QJsonObject{{L1("key"), tag.key}, {L1("value"), tag.value}});
    o.insert(L1("tags"), tagArray);

    if (withShowFields) {
        o.insert(L1("cache_mode"), cacheMode);
        o.insert(L1("product_type"), json::nullable(productType));
        o.insert(L1("cpu_type"), json::nullable(cpuType));
        o.insert(L1("description"), json::nullable(description));
        o.insert(L1("available_zones"), QJsonArray::fromStringList(availableZones));
        o.insert(L1("db_number"), optionalIntValue(dbNumber));
        o.insert(L1("sharding_count"), optionalIntValue(shardingCount));
        o.insert(L1("instance_backup_policy"), instanceBackupPolicy.isEmpty()
                                                   ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(instanceBackupPolicy));
    }
    return o;
}

bool Instance::operator==(const Instance &other) const {
    return name == other.name && engine == other.engine && engineVersion == other.engineVersion &&
           internalVersion == other.internalVersion && instanceId == other.instanceId &&
           capacity == other.capacity && capacityMinor == other.capacityMinor &&
           maxMemoryMb == other.maxMemoryMb && usedMemoryMb == other.usedMemoryMb &&
           ip == other.ip && port == other.port && domainName == other.domainName &&
           readonlyDomainName == other.readonlyDomainName && status == other.status &&
           errorCode == other.errorCode && freezeScene == other.freezeScene &&
           specCode == other.specCode && resourceSpecCode == other.resourceSpecCode &&
           chargingMode == other.chargingMode && vpcId == other.vpcId && vpcName == other.vpcName &&
           subnetId == other.subnetId && subnetName == other.subnetName &&
           securityGroupId == other.securityGroupId &&
           securityGroupName == other.securityGroupName && createdAt == other.createdAt &&
           updateAt == other.updateAt && userId == other.userId && userName == other.userName &&
           maintainBegin == other.maintainBegin && maintainEnd == other.maintainEnd &&
           noPasswordAccess == other.noPasswordAccess && accessUser == other.accessUser &&
           enablePublicIp == other.enablePublicIp && enableSsl == other.enableSsl &&
           publicIpId == other.publicIpId && publicIpAddress == other.publicIpAddress &&
           tags == other.tags && cacheMode == other.cacheMode && productType == other.productType &&
           cpuType == other.cpuType && description == other.description &&
           availableZones == other.availableZones && dbNumber == other.dbNumber &&
           shardingCount == other.shardingCount &&
           instanceBackupPolicy == other.instanceBackupPolicy &&
           hasShowFields == other.hasShowFields && subStatus == other.subStatus &&
           task == other.task;
}

} // namespace dcs
