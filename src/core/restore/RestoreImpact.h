#pragma once

#include "model/Backup.h"
#include "model/Instance.h"

#include <QDateTime>
#include <QString>

namespace dcs {

// What a restore from this backup will cost, for the preview in the restore dialog. Pure.
struct RestoreImpact {
    QDateTime backupTakenAt;      // execution_at, else created_at (UTC)
    qint64 lossWindowSeconds = 0; // writes after backupTakenAt until now are lost
    qint64 backupSizeBytes = -1;  // -1: unknown, for all three
    qint64 usedMemoryBytes = -1;
    qint64 maxMemoryBytes = -1;
    QString backupFormat; // rdb / aof (lower case)
    QString backupType;   // manual / auto
    QString engine;
    QString engineVersion;

    static RestoreImpact compute(const Instance &instance, const Backup &backup,
                                 const QDateTime &now);
    // "2 days 5 hours", "3 hours 12 minutes", "45 minutes", "less than a minute" — translated,
    // with plural forms; the two largest units only.
    static QString durationText(qint64 seconds);
};

} // namespace dcs
