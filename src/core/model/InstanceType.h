#pragma once

#include <QString>

namespace dcs {

// The deployment type decides whether backup and restore are possible at all.
enum class InstanceType { Unknown, Single, MasterStandby, Cluster, Proxy, ReadWriteSplit };

InstanceType instanceTypeFromCacheMode(const QString &cacheMode);
InstanceType instanceTypeFromSpecCode(const QString &specCode);
InstanceType instanceTypeFromResourceSpecCode(const QString &resourceSpecCode);
// cache_mode when present (an unknown word is Unknown), else spec_code, else resource_spec_code
// (dcs-api.md §1).
InstanceType resolveInstanceType(const QString &cacheMode, const QString &specCode,
                                 const QString &resourceSpecCode);

// The API's own word for the type (single, ha, cluster, proxy, ha_rw_split), empty for Unknown.
QString instanceTypeApiName(InstanceType type);
// Translated, for people: "Master/Standby", "单机" ...
QString instanceTypeDisplayName(InstanceType type);

// Single-node instances refuse backup and restore; an Unknown type is never acted on either.
bool instanceTypeSupportsBackup(InstanceType type);

} // namespace dcs
