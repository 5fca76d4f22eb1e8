#pragma once

#include "api/ApiError.h"
#include "fleet/BackupHealth.h"
#include "model/Instance.h"
#include "profiles/Profile.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace dcs {

// One region + project of one profile that the fleet reads, with a session of its own.
struct FleetSource {
    Profile profile;     // opened at this pair (Profile::atScope): its first pair is the source's
    QString displayName; // how the window names the profile ("Demo (local simulator)")

    // "profileId|region/projectId": the source's key in the fleet, its cache and settings.
    QString key() const { return keyFor(profile.id, profile.firstScope()); }
    static QString keyFor(const QString &profileId, const ProfileScope &scope) {
        return profileId + QLatin1Char('|') + scope.key();
    }
    QString region() const { return profile.region; }
    QString projectId() const { return profile.projectId; }
    QString projectLabel() const { return profile.firstScope().projectLabel(); }
};

// Where one source is.
struct FleetSourceState {
    enum class Phase {
        Waiting,   // not read in this run yet (rows may come from the cache)
        Opening,   // its session is being opened
        Listing,   // its instances are being listed
        Reading,   // backups are being read
        Done,      // listed, and every backup read asked for has ended
        Failed,    // could not be opened or listed: error says why
        Cancelled, // stopped by the user
    };
    Phase phase = Phase::Waiting;
    QString error;      // translated, for the error row
    QDateTime listedAt; // UTC, of the rows shown (maybe from the cache)
    int instanceCount = 0;
    int readsDone = 0;      // backup reads of this refresh that have ended
    int readsTotal = 0;     // asked for in this refresh
    bool fromCache = false; // the rows are the cache's, not yet listed again in this run

    bool operator==(const FleetSourceState &o) const {
        return phase == o.phase && error == o.error && listedAt == o.listedAt &&
               instanceCount == o.instanceCount && readsDone == o.readsDone &&
               readsTotal == o.readsTotal && fromCache == o.fromCache;
    }
    bool operator!=(const FleetSourceState &o) const { return !(*this == o); }
};

// One instance of the fleet: what its list said, and what was read about its backups.
struct FleetInstance {
    QString sourceKey;
    Instance instance;
    std::optional<HealthFacts> facts; // the last successful read (maybe from the cache)
    BackupHealth health;              // judged from facts with the thresholds, now
    QString readError;                // the last read failed: why (translated), else empty
    bool reading = false;             // a read of its backups is queued or running
    // The verdict last told about (or taken as the baseline); see announceHealth().
    std::optional<HealthVerdict> announced;
    // A manual backup started from the fleet and followed until it ends.
    QString backupId;
    QString backupStatus; // waiting, backuping … as the service says; empty once ended
    double backupProgress = 0.0;

    QString key() const { return keyFor(sourceKey, instance.instanceId); }
    bool operator==(const FleetInstance &o) const {
        return sourceKey == o.sourceKey && instance == o.instance && facts == o.facts &&
               health == o.health && readError == o.readError && reading == o.reading &&
               announced == o.announced && backupId == o.backupId &&
               backupStatus == o.backupStatus && backupProgress == o.backupProgress;
    }
    bool operator!=(const FleetInstance &o) const { return !(*this == o); }
    static QString keyFor(const QString &sourceKey, const QString &instanceId) {
        return sourceKey + QLatin1Char('|') + instanceId;
    }
};

} // namespace dcs
