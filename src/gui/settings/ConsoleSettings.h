#pragma once

#include "restore/RestoreTracker.h"

class QSettings;

// The console's own preferences (not the profiles): how often statuses refresh, how restores
// are followed, when a backup counts as old. Stored in QSettings under "console/".
struct ConsoleSettings {
    int refreshIntervalSeconds = 30; // 0: no automatic refresh
    int trackerFirstDelaySeconds = 2;
    int trackerMaxIntervalSeconds = 10;
    int trackerGiveUpMinutes = 30;
    int oldBackupWarningHours = 24;

    static ConsoleSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    dcs::RestoreTracker::Timing trackerTiming() const;
    qint64 oldBackupWarningSeconds() const { return qint64(oldBackupWarningHours) * 3600; }

    bool operator==(const ConsoleSettings &o) const;
    bool operator!=(const ConsoleSettings &o) const { return !(*this == o); }
};
