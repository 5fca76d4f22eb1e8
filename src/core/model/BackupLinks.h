#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace dcs {

// The answer of ListBackupFileLinks (dcs-api-v2.md §6): pre-signed download URLs that live for
// the expiration asked (300–86400 s). A cluster backup may come as several files (one per shard
// is an inference, unconfirmed), so the console downloads every link.
struct BackupFileLink {
    QString fileName;
    QUrl url;
};

struct BackupLinks {
    QString filePath;
    QString bucketName;
    QList<BackupFileLink> links;

    static constexpr int MinExpirationSeconds = 300;
    static constexpr int MaxExpirationSeconds = 86400;

    static BackupLinks fromJson(const QJsonObject &object);
};

} // namespace dcs
