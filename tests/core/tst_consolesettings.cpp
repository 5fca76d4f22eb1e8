// The console's own preferences in QSettings: the defaults, a round trip, and hand-edited or
// damaged values that fall back or are bounded rather than stopping the console.

#include "settings/ConsoleSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;

class TestConsoleSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsWhenNothingIsSaved() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const ConsoleSettings s = ConsoleSettings::load(settings);
        QCOMPARE(s, ConsoleSettings{});
        QCOMPARE(s.refreshIntervalSeconds, 30);
        QCOMPARE(s.oldBackupWarningSeconds(), 24LL * 3600);
        const RestoreRecordFollower::Timing timing = s.trackerTiming();
        QCOMPARE(timing.initialDelayMs, 2000);
        QCOMPARE(timing.maxIntervalMs, 10000);
        QCOMPARE(timing.timeoutMs, 30LL * 60 * 1000);
    }

    void roundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        ConsoleSettings s;
        s.refreshIntervalSeconds = 0;
        s.trackerFirstDelaySeconds = 5;
        s.trackerMaxIntervalSeconds = 3; // below the first delay: the first delay wins
        s.trackerGiveUpMinutes = 90;
        s.oldBackupWarningHours = 6;
        s.healthMaxBackupAgeHours = 48;
        s.healthExpiryWarningHours = 0;
        s.fleetMaxAgeMinutes = 15;
        s.fleetConcurrency = 2;
        s.theme = ConsoleSettings::Theme::Dark;
        {
            QSettings settings(path, QSettings::IniFormat);
            s.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        const ConsoleSettings loaded = ConsoleSettings::load(settings);
        QCOMPARE(loaded, s);
        QCOMPARE(loaded.trackerTiming().maxIntervalMs, 5000);
        QCOMPARE(loaded.trackerTiming().timeoutMs, 90LL * 60 * 1000);
        QCOMPARE(loaded.healthThresholds().maxBackupAgeSeconds, 48LL * 3600);
        QCOMPARE(loaded.healthThresholds().expiryWarningSeconds, 0LL);
    }

    void damagedValuesFallBackOrAreBounded() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("console/refreshIntervalSeconds"), QStringLiteral("x"));
        settings.setValue(QStringLiteral("console/trackerGiveUpMinutes"), 1000000);
        settings.setValue(QStringLiteral("console/oldBackupWarningHours"), -5);
        const ConsoleSettings s = ConsoleSettings::load(settings);
        QCOMPARE(s.refreshIntervalSeconds, 30);
        QCOMPARE(s.trackerGiveUpMinutes, 24 * 60);
        QCOMPARE(s.oldBackupWarningHours, 1);
    }

    // Settings → Fleet written by hand or by an older version: each value stays in the range
    // the dialog offers, so the fleet never asks 0 or 500 calls at once.
    void damagedFleetValuesAreBounded() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("fleet/maxBackupAgeHours"), 0);
        settings.setValue(QStringLiteral("fleet/expiryWarningHours"), 100000);
        settings.setValue(QStringLiteral("fleet/maxAgeMinutes"), QStringLiteral("soon"));
        settings.setValue(QStringLiteral("fleet/concurrency"), 500);
        settings.setValue(QStringLiteral("console/theme"), QStringLiteral("purple"));
        const ConsoleSettings s = ConsoleSettings::load(settings);
        QCOMPARE(s.healthMaxBackupAgeHours, 1);
        QCOMPARE(s.healthExpiryWarningHours, 24 * 30);
        QCOMPARE(s.fleetMaxAgeMinutes, 60);
        QCOMPARE(s.fleetConcurrency, 16);
        QCOMPARE(s.theme, ConsoleSettings::Theme::System);
    }
};

QTEST_GUILESS_MAIN(TestConsoleSettings)
#include "tst_consolesettings.moc"
