#include "profiles/Regions.h"

#include <QCoreApplication>

namespace dcs::regions {

namespace {

struct Region {
    const char *id;
    const char *name;
};

// The names of Huawei Cloud's English console; the Chinese console's are in the catalogue.
constexpr Region table[] = {
    {"cn-north-4", QT_TRANSLATE_NOOP("dcs::regions", "CN North-Beijing4")},
    {"cn-north-1", QT_TRANSLATE_NOOP("dcs::regions", "CN North-Beijing1")},
    {"cn-north-2", QT_TRANSLATE_NOOP("dcs::regions", "CN North-Beijing2")},
    {"cn-north-9", QT_TRANSLATE_NOOP("dcs::regions", "CN North-Ulanqab1")},
    {"cn-east-2", QT_TRANSLATE_NOOP("dcs::regions", "CN East-Shanghai2")},
    {"cn-east-3", QT_TRANSLATE_NOOP("dcs::regions", "CN East-Shanghai1")},
    {"cn-south-1", QT_TRANSLATE_NOOP("dcs::regions", "CN South-Guangzhou")},
    {"cn-south-2", QT_TRANSLATE_NOOP("dcs::regions", "CN South-Shenzhen")},
    {"cn-southwest-2", QT_TRANSLATE_NOOP("dcs::regions", "CN Southwest-Guiyang1")},
    {"ap-southeast-1", QT_TRANSLATE_NOOP("dcs::regions", "CN-Hong Kong")},
    {"ap-southeast-2", QT_TRANSLATE_NOOP("dcs::regions", "AP-Bangkok")},
    {"ap-southeast-3", QT_TRANSLATE_NOOP("dcs::regions", "AP-Singapore")},
    {"ap-southeast-4", QT_TRANSLATE_NOOP("dcs::regions", "AP-Jakarta")},
    {"af-south-1", QT_TRANSLATE_NOOP("dcs::regions", "AF-Johannesburg")},
    {"ru-northwest-2", QT_TRANSLATE_NOOP("dcs::regions", "RU-Moscow2")},
    {"sa-brazil-1", QT_TRANSLATE_NOOP("dcs::regions", "LA-Sao Paulo1")},
    {"la-north-2", QT_TRANSLATE_NOOP("dcs::regions", "LA-Mexico City2")},
    {"la-south-2", QT_TRANSLATE_NOOP("dcs::regions", "LA-Santiago")},
    {"na-mexico-1", QT_TRANSLATE_NOOP("dcs::regions", "LA-Mexico City1")},
    {"ae-ad-1", QT_TRANSLATE_NOOP("dcs::regions", "ME-Abu Dhabi")},
    {"tr-west-1", QT_TRANSLATE_NOOP("dcs::regions", "TR-Istanbul")},
    {"me-east-1", QT_TRANSLATE_NOOP("dcs::regions", "ME-Riyadh")},
    {"eu-west-0", QT_TRANSLATE_NOOP("dcs::regions", "EU-Paris")},
    {"eu-west-101", QT_TRANSLATE_NOOP("dcs::regions", "EU-Dublin")},
};

} // namespace

QStringList ids() {
    QStringList result;
    for (const Region &region : table)
        result.append(QLatin1String(region.id));
    return result;
}

QString name(const QString &id) {
    for (const Region &region : table) {
        if (id == QLatin1String(region.id))
            return QCoreApplication::translate("dcs::regions", region.name);
    }
    return {};
}

QString idWithName(const QString &id) {
    const QString known = name(id);
    return known.isEmpty() ? id : QStringLiteral("%1 — %2").arg(id, known);
}

} // namespace dcs::regions
