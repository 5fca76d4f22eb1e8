#include "api/ApiVersion.h"

#include <QCoreApplication>

namespace dcs {

QString apiPathSegment(ApiVersion version) {
    switch (version) {
    case ApiVersion::V1:
        return QStringLiteral("v1.0");
    case ApiVersion::V2:
    case ApiVersion::Automatic:
        break;
    }
    return QStringLiteral("v2");
}

QString apiVersionKey(ApiVersion version) {
    switch (version) {
    case ApiVersion::Automatic:
        return QStringLiteral("auto");
    case ApiVersion::V2:
        return QStringLiteral("v2");
    case ApiVersion::V1:
        return QStringLiteral("v1.0");
    }
    return QStringLiteral("auto");
}

std::optional<ApiVersion> apiVersionFromKey(const QString &key) {
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("auto") || k == QLatin1String("automatic"))
        return ApiVersion::Automatic;
    if (k == QLatin1String("v2") || k == QLatin1String("2"))
        return ApiVersion::V2;
    if (k == QLatin1String("v1.0") || k == QLatin1String("v1") || k == QLatin1String("1.0"))
        return ApiVersion::V1;
    return std::nullopt;
}

QString apiVersionDisplayName(ApiVersion version) {
    switch (version) {
    case ApiVersion::Automatic:
        return QCoreApplication::translate("dcs::ApiVersion", "Automatic (v2, else v1.0)");
    case ApiVersion::V2:
        return QCoreApplication::translate("dcs::ApiVersion", "v2 only");
    case ApiVersion::V1:
        return QCoreApplication::translate("dcs::ApiVersion", "v1.0 only");
    }
    return {};
}

} // namespace dcs
