#include "model/BackupLinks.h"

#include "model/JsonRead.h"

#include <QJsonArray>

namespace dcs {

BackupLinks BackupLinks::fromJson(const QJsonObject &o) {
    BackupLinks result;
    result.filePath = json::string(o.value(QLatin1String("file_path")));
    result.bucketName = json::string(o.value(QLatin1String("bucket_name")));
    for (const QJsonValue &value : o.value(QLatin1String("links")).toArray()) {
        const QJsonObject entry = value.toObject();
        BackupFileLink link;
        link.fileName = json::string(entry.value(QLatin1String("file_name")));
        // The link is used exactly as sent: its signature covers the encoded query.
        link.url = QUrl(json::string(entry.value(QLatin1String("link"))), QUrl::StrictMode);
        if (link.url.isValid() && !link.url.host().isEmpty())
            result.links.append(link);
    }
    return result;
}

} // namespace dcs
