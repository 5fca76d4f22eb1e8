#pragma once

#include <QString>

// What a status means at a glance, whatever its words: the badge beside it in the tables takes
// its colour from this (the colour itself is the theme's business).
namespace dcs {

enum class StatusTone {
    Neutral, // nothing to watch (or a status the API does not document)
    Good,    // running, succeeded
    Busy,    // under way: creating, restoring, backing up, waiting
    Bad,     // failed, abnormal, frozen
};

StatusTone instanceStatusTone(const QString &apiStatus);
StatusTone backupStatusTone(const QString &apiStatus);
StatusTone restoreStatusTone(const QString &apiStatus);

} // namespace dcs
