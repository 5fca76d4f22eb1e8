#pragma once

#include "fleet/FleetTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace dcs {

// What the fleet knew when it last saved: per source, when it was listed and its instances with
// the facts read about their backups (each with its own time), and the verdicts already told.
struct FleetSnapshot {
    struct Source {
        QString key;
        QDateTime listedAt;
        QList<FleetInstance> instances;
    };
    QList<Source> sources;

    const Source *source(const QString &key) const;
};

// The fleet's cache: a JSON file in the user's data folder (0600 in a 0700 folder), so that a
// restart shows the last known health at once. Only what the fleet shows is kept: no secret,
// no request, nothing a profile holds. A missing or damaged file is an empty cache.
class FleetCache {
public:
    static QString defaultPath(); // <data folder>/fleet-health.json

    static QByteArray toJson(const FleetSnapshot &snapshot, const QDateTime &savedAt);
    // nullopt with the reason in *error when the text is not a fleet cache.
    static std::optional<FleetSnapshot> fromJson(const QByteArray &data, QString *error = nullptr);

    static FleetSnapshot load(const QString &path, QString *error = nullptr);
    static bool save(const QString &path, const FleetSnapshot &snapshot, QString *error = nullptr);
};

} // namespace dcs
