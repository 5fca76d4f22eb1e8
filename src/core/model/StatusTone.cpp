#include "model/StatusTone.h"

namespace dcs {

StatusTone instanceStatusTone(const QString &apiStatus) {
    const QString s = apiStatus.toUpper();
    if (s == QLatin1String("RUNNING"))
        return StatusTone::Good;
    if (s == QLatin1String("CREATING") || s == QLatin1String("RESTARTING") ||
        s == QLatin1String("EXTENDING") || s == QLatin1String("RESTORING") ||
        s == QLatin1String("FLUSHING"))
        return StatusTone::Busy;
    if (s == QLatin1String("ERROR") || s == QLatin1String("CREATEFAILED") ||
        s == QLatin1String("FROZEN"))
        return StatusTone::Bad;
    return StatusTone::Neutral;
}

StatusTone backupStatusTone(const QString &apiStatus) {
    const QString s = apiStatus.toLower();
    if (s == QLatin1String("succeed"))
        return StatusTone::Good;
    if (s == QLatin1String("waiting") || s == QLatin1String("backuping"))
        return StatusTone::Busy;
    if (s == QLatin1String("failed"))
        return StatusTone::Bad;
    return StatusTone::Neutral; // expired, deleted
}

StatusTone restoreStatusTone(const QString &apiStatus) {
    const QString s = apiStatus.toLower();
    if (s == QLatin1String("succeed"))
        return StatusTone::Good;
    if (s == QLatin1String("waiting") || s == QLatin1String("restoring"))
        return StatusTone::Busy;
    if (s == QLatin1String("failed"))
        return StatusTone::Bad;
    return StatusTone::Neutral;
}

} // namespace dcs
