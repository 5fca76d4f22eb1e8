#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace dcs {

struct Instance;

// Instances of a project by status (dcs-api-v2.md §10), keyed by the status as the instance list
// spells it: RUNNING, RESTORING, ERROR … On v1.0 the console counts its own instance list.
struct StatusCounts {
    QMap<QString, qint64> byStatus;
    bool countedLocally = false; // true on v1.0: from the instance list, not the counts call

    qint64 total() const;
    qint64 count(const QString &status) const { return byStatus.value(status, 0); }

    // {"running_count": 3, "restoring_count": 1, …, "redis": {…}, "memcached": {…}}: every
    // top-level *_count becomes the status in upper case. Counters sent as strings are read too.
    static StatusCounts fromJson(const QJsonObject &object);
    static StatusCounts fromInstances(const QList<Instance> &instances);
};

} // namespace dcs
