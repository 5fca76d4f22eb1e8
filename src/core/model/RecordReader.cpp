#include "model/RecordReader.h"

#include <unordered_map>

namespace dcs::json::fields {

namespace {

using Table = std::unordered_map<std::string_view, int>;

int find(const Table &table, std::string_view key) {
    const auto it = table.find(key);
    return it == table.end() ? 0 : it->second;
}

} // namespace

int instanceField(std::string_view key) {
    static const Table table{
        {"name", IName},
        {"engine", IEngine},
        {"engine_version", IEngineVersion},
        {"internal_version", IInternalVersion},
        {"instance_id", IInstanceId},
        {"capacity", ICapacity},
        {"capacity_minor", ICapacityMinor},
        {"max_memory", IMaxMemory},
        {"used_memory", IUsedMemory},
        {"ip", IIp},
        {"port", IPort},
        {"domainName", IDomainNameCamel},
        {"domain_name", IDomainName},
        {"readonlyDomainName", IReadonlyDomainNameCamel},
        {"readonly_domain_name", IReadonlyDomainName},
        {"status", IStatus},
        {"error_code", IErrorCode},
        {"freeze_scene", IFreezeScene},
        {"spec_code", ISpecCode},
        {"resource_spec_code", IResourceSpecCode},
        {"charging_mode", IChargingMode},
        {"vpc_id", IVpcId},
        {"vpc_name", IVpcName},
        {"subnet_id", ISubnetId},
        {"subnet_name", ISubnetName},
        {"security_group_id", ISecurityGroupId},
        {"security_group_name", ISecurityGroupName},
        {"created_at", ICreatedAt},
        {"update_at", IUpdateAt},
        {"updated_at", IUpdatedAt},
        {"user_id", IUserId},
        {"user_name", IUserName},
        {"maintain_begin", IMaintainBegin},
        {"maintain_end", IMaintainEnd},
        {"no_password_access", INoPasswordAccess},
        {"access_user", IAccessUser},
        {"enable_publicip", IEnablePublicIp},
        {"enable_ssl", IEnableSsl},
        {"publicip_id", IPublicIpId},
        {"publicip_address", IPublicIpAddress},
        {"tags", ITags},
        {"cache_mode", ICacheMode},
        {"product_type", IProductType},
        {"cpu_type", ICpuType},
        {"description", IDescription},
        {"available_zones", IAvailableZones},
        {"db_number", IDbNumber},
        {"sharding_count", IShardingCount},
        {"instance_backup_policy", IInstanceBackupPolicy},
        {"sub_status", ISubStatus},
        {"task", ITask},
    };
    return find(table, key);
}

int backupField(std::string_view key) {
    static const Table table{
        {"backup_id", BBackupId},     {"instance_id", BInstanceId},
        {"backup_name", BBackupName}, {"remark", BRemark},
        {"period", BPeriod},          {"size", BSize},
        {"backup_type", BBackupType}, {"backup_format", BBackupFormat},
        {"status", BStatus},          {"progress", BProgress},
        {"created_at", BCreatedAt},   {"execution_at", BExecutionAt},
        {"updated_at", BUpdatedAt},   {"update_at", BUpdateAt},
        {"error_code", BErrorCode},   {"is_support_restore", BIsSupportRestore},
    };
    return find(table, key);
}

int restoreField(std::string_view key) {
    static const Table table{
        {"restore_id", RRestoreId},
        {"restore_name", RRestoreName},
        {"backup_id", RBackupId},
        {"backup_name", RBackupName},
        {"restore_remark", RRestoreRemark},
        {"remark", RRemark},
        {"backup_remark", RBackupRemark},
        {"status", RStatus},
        {"progress", RProgress},
        {"created_at", RCreatedAt},
        {"updated_at", RUpdatedAt},
        {"update_at", RUpdateAt},
        {"error_code", RErrorCode},
    };
    return find(table, key);
}

int taskField(std::string_view key) {
    static const Table table{
        {"id", TId},
        {"name", TName},
        {"status", TStatus},
        {"created_at", TCreatedAt},
        {"updated_at", TUpdatedAt},
        {"update_at", TUpdateAt},
        {"user_name", TUserName},
        {"user_id", TUserId},
        {"params", TParams},
        {"enable_show", TEnableShow},
        {"details", TDetails},
    };
    return find(table, key);
}

} // namespace dcs::json::fields
