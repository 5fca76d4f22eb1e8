#pragma once

#include "fleet/FleetTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

class QThreadPool;

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

    // What fromJson(toJson(snapshot)) gives, without the text in between: the rows as a load
    // of what save() writes would read them back (only the fields kept, in the form read).
    static FleetSnapshot asStored(const FleetSnapshot &snapshot);

    static FleetSnapshot load(const QString &path, QString *error = nullptr);
    static bool save(const QString &path, const FleetSnapshot &snapshot, QString *error = nullptr);

    // The one thread every fleet's cache reads and writes run on, in the order asked. It
    // outlives the fleets that ask (a fleet window that closes does not wait for its file), and
    // what it still has to do is done before the application ends: it is waited for when the
    // application is about to quit, and again when the application object goes.
    static QThreadPool *thread();
    // Waits until every read and write asked for so far has ended; false when msecs passed
    // first (-1: no limit).
    static bool waitForWrites(int msecs = -1);
};

} // namespace dcs
