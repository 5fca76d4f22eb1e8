#include "model/InstanceType.h"

#include <QCoreApplication>
#include <QStringList>

namespace dcs {

namespace {

// One word of the API (cache_mode, a spec_code segment, a legacy resource_spec_code part).
InstanceType typeFromWord(const QString &word) {
    const QString w = word.trimmed().toLower();
    if (w.isEmpty())
        return InstanceType::Unknown;
    if (w == QLatin1String("single") || w == QLatin1String("single_node"))
        return InstanceType::Single;
    if (w == QLatin1String("ha") || w == QLatin1String("master_standby"))
        return InstanceType::MasterStandby;
    if (w == QLatin1String("cluster"))
        return InstanceType::Cluster;
    if (w == QLatin1String("proxy"))
        return InstanceType::Proxy;
    if (w == QLatin1String("ha_rw_split") || w == QLatin1String("rw_split"))
        return InstanceType::ReadWriteSplit;
    return InstanceType::Unknown;
}

bool isEngineWord(const QString &word) {
    const QString w = word.trimmed().toLower();
    return w == QLatin1String("redis") || w == QLatin1String("memcached") ||
           w == QLatin1String("dcs");
}

} // namespace

InstanceType instanceTypeFromCacheMode(const QString &cacheMode) {
    return typeFromWord(cacheMode);
}

InstanceType instanceTypeFromSpecCode(const QString &specCode) {
    // redis.ha.xu1.large.r2.2 -> "ha"; legacy dcs.memcached.master_standby carries the engine
    // in the second place, so the type is the word after it.
    const QStringList parts = specCode.trimmed().split(QLatin1Char('.'));
    if (parts.size() < 2)
        return InstanceType::Unknown;
    InstanceType type = typeFromWord(parts.at(1));
    if (type == InstanceType::Unknown && isEngineWord(parts.at(1)) && parts.size() > 2)
        type = typeFromWord(parts.at(2));
    return type;
}

InstanceType instanceTypeFromResourceSpecCode(const QString &resourceSpecCode) {
    // dcs.single_node, dcs.memcached.master_standby: the last part names the type.
    const QString code = resourceSpecCode.trimmed();
    if (code.isEmpty())
        return InstanceType::Unknown;
    const QStringList parts = code.split(QLatin1Char('.'));
    const InstanceType type = typeFromWord(parts.last());
    if (type != InstanceType::Unknown)
        return type;
    // Newer accounts send a spec-code-shaped value here as well.
    return instanceTypeFromSpecCode(code);
}

InstanceType resolveInstanceType(const QString &cacheMode, const QString &specCode,
                                 const QString &resourceSpecCode) {
    // cache_mode is the service's own statement of the type: when it says something the console
    // does not know, the type is unknown — spec_code is not asked to overrule it.
    if (!cacheMode.trimmed().isEmpty())
        return instanceTypeFromCacheMode(cacheMode);
    InstanceType type = instanceTypeFromSpecCode(specCode);
    if (type != InstanceType::Unknown)
        return type;
    return instanceTypeFromResourceSpecCode(resourceSpecCode);
}

QString instanceTypeApiName(InstanceType type) {
    switch (type) {
    case InstanceType::Single:
        return QStringLiteral("single");
    case InstanceType::MasterStandby:
        return QStringLiteral("ha");
    case InstanceType::Cluster:
        return QStringLiteral("cluster");
    case InstanceType::Proxy:
        return QStringLiteral("proxy");
    case InstanceType::ReadWriteSplit:
        return QStringLiteral("ha_rw_split");
    case InstanceType::Unknown:
        break;
    }
    return {};
}

QString instanceTypeDisplayName(InstanceType type) {
    switch (type) {
    case InstanceType::Single:
        return QCoreApplication::translate("dcs::InstanceType", "Single-node");
    case InstanceType::MasterStandby:
        return QCoreApplication::translate("dcs::InstanceType", "Master/Standby");
    case InstanceType::Cluster:
        return QCoreApplication::translate("dcs::InstanceType", "Redis Cluster");
    case InstanceType::Proxy:
        return QCoreApplication::translate("dcs::InstanceType", "Proxy Cluster");
    case InstanceType::ReadWriteSplit:
        return QCoreApplication::translate("dcs::InstanceType", "Read/Write splitting");
    case InstanceType::Unknown:
        break;
    }
    return QCoreApplication::translate("dcs::InstanceType", "Unknown");
}

bool instanceTypeSupportsBackup(InstanceType type) {
    return type != InstanceType::Single && type != InstanceType::Unknown;
}

} // namespace dcs
