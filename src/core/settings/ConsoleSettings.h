#pragma once

#include "fleet/BackupHealth.h"
#include "restore/RestoreRecordFollower.h"

class QSettings;

namespace dcs {

// The console's own preferences (not the profiles): how often statuses refresh, how restores
// are followed, when a backup counts as old, the theme. Stored in QSettings under "console/".
struct ConsoleSettings {
    // Follow the system's light or dark look, or always light, or always dark.
    enum class Theme { System, Light, Dark };

    int refreshIntervalSeconds = 30; // 0: no automatic refresh
    int trackerFirstDelaySeconds = 2;
    int trackerMaxIntervalSeconds = 10;
    int trackerGiveUpMinutes = 30;
    int oldBackupWarningHours = 24;
    // The fleet: when an instance's backups are at risk, how old what is known of them may get
    // before it is read again, and how many calls go to one endpoint at once.
    int healthMaxBackupAgeHours = 26;
    int healthExpiryWarningHours = 24;
    int fleetMaxAgeMinutes = 60;
    int fleetConcurrency = 4;
    Theme theme = Theme::System;

    // "system", "light", "dark": as stored.
    static QString themeKey(Theme theme);
    static Theme themeFromKey(const QString &key); // anything else: System

    static ConsoleSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    RestoreRecordFollower::Timing trackerTiming() const;
    qint64 oldBackupWarningSeconds() const { return qint64(oldBackupWarningHours) * 3600; }
    HealthThresholds healthThresholds() const;

    bool operator==(const ConsoleSettings &o) const;
    bool operator!=(const ConsoleSettings &o) const { return !(*this == o); }
};

} // namespace dcs
