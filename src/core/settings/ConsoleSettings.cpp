#include "settings/ConsoleSettings.h"

#include <QSettings>

namespace dcs {

namespace {

int readInt(const QSettings &settings, const char *key, int fallback, int minimum, int maximum) {
    bool ok = false;
    const int value = settings.value(QLatin1String(key), fallback).toInt(&ok);
    // A hand-edited or damaged value falls back rather than stopping the console.
    return ok ? qBound(minimum, value, maximum) : fallback;
}

} // namespace

ConsoleSettings ConsoleSettings::load(const QSettings &settings) {
    ConsoleSettings s;
    s.refreshIntervalSeconds =
        readInt(settings, "console/refreshIntervalSeconds", s.refreshIntervalSeconds, 0, 3600);
    s.trackerFirstDelaySeconds =
        readInt(settings, "console/trackerFirstDelaySeconds", s.trackerFirstDelaySeconds, 1, 600);
    s.trackerMaxIntervalSeconds =
        readInt(settings, "console/trackerMaxIntervalSeconds", s.trackerMaxIntervalSeconds, 1, 600);
    s.trackerGiveUpMinutes =
        readInt(settings, "console/trackerGiveUpMinutes", s.trackerGiveUpMinutes, 1, 24 * 60);
    s.oldBackupWarningHours =
        readInt(settings, "console/oldBackupWarningHours", s.oldBackupWarningHours, 1, 24 * 365);
    s.healthMaxBackupAgeHours =
        readInt(settings, "fleet/maxBackupAgeHours", s.healthMaxBackupAgeHours, 1, 24 * 90);
    s.healthExpiryWarningHours =
        readInt(settings, "fleet/expiryWarningHours", s.healthExpiryWarningHours, 0, 24 * 30);
    s.fleetMaxAgeMinutes =
        readInt(settings, "fleet/maxAgeMinutes", s.fleetMaxAgeMinutes, 1, 7 * 24 * 60);
    s.fleetConcurrency = readInt(settings, "fleet/concurrency", s.fleetConcurrency, 1, 16);
    s.theme = themeFromKey(settings.value(QStringLiteral("console/theme")).toString());
    return s;
}

void ConsoleSettings::save(QSettings &settings) const {
    settings.setValue(QStringLiteral("console/refreshIntervalSeconds"), refreshIntervalSeconds);
    settings.setValue(QStringLiteral("console/trackerFirstDelaySeconds"), trackerFirstDelaySeconds);
    settings.setValue(QStringLiteral("console/trackerMaxIntervalSeconds"),
                      trackerMaxIntervalSeconds);
    settings.setValue(QStringLiteral("console/trackerGiveUpMinutes"), trackerGiveUpMinutes);
    settings.setValue(QStringLiteral("console/oldBackupWarningHours"), oldBackupWarningHours);
    settings.setValue(QStringLiteral("fleet/maxBackupAgeHours"), healthMaxBackupAgeHours);
    settings.setValue(QStringLiteral("fleet/expiryWarningHours"), healthExpiryWarningHours);
    settings.setValue(QStringLiteral("fleet/maxAgeMinutes"), fleetMaxAgeMinutes);
    settings.setValue(QStringLiteral("fleet/concurrency"), fleetConcurrency);
    settings.setValue(QStringLiteral("console/theme"), themeKey(theme));
    settings.sync();
}

RestoreRecordFollower::Timing ConsoleSettings::trackerTiming() const {
    RestoreRecordFollower::Timing timing;
    timing.initialDelayMs = trackerFirstDelaySeconds * 1000;
    timing.maxIntervalMs = qMax(trackerFirstDelaySeconds, trackerMaxIntervalSeconds) * 1000;
    timing.timeoutMs = qint64(trackerGiveUpMinutes) * 60 * 1000;
    return timing;
}

bool ConsoleSettings::operator==(const ConsoleSettings &o) const {
    return refreshIntervalSeconds == o.refreshIntervalSeconds &&
           trackerFirstDelaySeconds == o.trackerFirstDelaySeconds &&
           trackerMaxIntervalSeconds == o.trackerMaxIntervalSeconds &&
           trackerGiveUpMinutes == o.trackerGiveUpMinutes &&
           oldBackupWarningHours == o.oldBackupWarningHours &&
           healthMaxBackupAgeHours == o.healthMaxBackupAgeHours &&
           healthExpiryWarningHours == o.healthExpiryWarningHours &&
           fleetMaxAgeMinutes == o.fleetMaxAgeMinutes && fleetConcurrency == o.fleetConcurrency &&
           theme == o.theme;
}

HealthThresholds ConsoleSettings::healthThresholds() const {
    HealthThresholds thresholds;
    thresholds.maxBackupAgeSeconds = qint64(healthMaxBackupAgeHours) * 3600;
    thresholds.expiryWarningSeconds = qint64(healthExpiryWarningHours) * 3600;
    return thresholds;
}

QString ConsoleSettings::themeKey(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

ConsoleSettings::Theme ConsoleSettings::themeFromKey(const QString &key) {
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

} // namespace dcs
