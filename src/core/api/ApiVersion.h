#pragma once

#include <QMetaType>
#include <QString>
#include <optional>

namespace dcs {

// Which DCS API a profile speaks (README "Which API it speaks"). v2 is what Huawei's SDKs,
// KooCLI and Terraform generate; v1.0 is the older family that Huawei's reference marks as
// outdated. Automatic starts with v2 and falls back to v1.0 only when the service says that v2
// does not exist there (dcs-api-v2.md, "v1.0 → v2 differences").
enum class ApiVersion { Automatic, V2, V1 };

// The first path segment after the endpoint: "v2" or "v1.0" (Automatic has none).
QString apiPathSegment(ApiVersion version);
// How settings, the command line and the request log spell it: "auto", "v2", "v1.0".
QString apiVersionKey(ApiVersion version);
std::optional<ApiVersion> apiVersionFromKey(const QString &key);
// Translated, for the profile dialog and messages: "Automatic (v2, else v1.0)", "v2 only", "v1.0
// only".
QString apiVersionDisplayName(ApiVersion version);

} // namespace dcs

Q_DECLARE_METATYPE(dcs::ApiVersion)
