#include "model/Instance.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"
#include "model/RecordReader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dcs {

namespace {

using L1 = QLatin1String;

QJsonValue optionalIntValue(const std::optional<int> &value) {
    if (!value)
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(*value);
}

} // namespace

Instance Instance::fromJson(const QJsonObject &o) {
    return json::readRecord<Instance>(o);
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
