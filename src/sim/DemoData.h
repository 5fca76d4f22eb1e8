#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace dcs {
struct Instance;
}

namespace dcs::sim {

class SimState;

// The demo data set: realistic, deterministic (fixed ids; times relative to `origin`, the first
// start), covering every instance type, status and backup status the console must show.
namespace demo {

// Fixed ids of the demo set, for tests and documentation.
QString instanceId(const QString &name);
QString backupId(const QString &instanceName, int number);

// The first master/standby instance of the list: RUNNING, no backup running — restorable at once.
inline QString restorableInstanceName() {
    return QStringLiteral("order-cache-prod");
}
// RESTORING at start, with its restore record running.
inline QString restoringInstanceName() {
    return QStringLiteral("payment-gateway-cache");
}
inline QString singleNodeInstanceName() {
    return QStringLiteral("rate-limiter");
}

// The console's original demo set ("standard"): every instance type, status and backup status,
// and a backup health story — healthy ones, one whose automatic backups fail
// (legacy-page-cache), one with automatic backups off and an old manual backup
// (analytics-buffer-test), one in ERROR not backed up for days (leaderboard-cluster), single-node
// ones.
void seed(SimState &state, const QDateTime &origin);
// The other projects of the demo fleet, each with a different health on purpose.
void seedAnalytics(SimState &state, const QDateTime &origin);
void seedEast(SimState &state, const QDateTime &origin);
// The names dcs-sim's --demo-set takes: standard, analytics, east, empty.
QStringList dataSets();
// Seeds the named set; false when there is no such set.
bool seedSet(SimState &state, const QDateTime &origin, const QString &name);

// Whether dcs-sim --redis-server backs this instance with a real redis-server: a Redis
// instance of the demo set (not one of --instances) that exists, i.e. neither CREATING nor
// CREATEFAILED. Memcached instances stay simulated.
bool hasRealRedis(const Instance &instance);

// Adds gen-instance-00001 … gen-instance-<count> (mixed types, two backups each where possible),
// older than the demo set. Instances already present are left alone, so this is idempotent.
void addGeneratedInstances(SimState &state, int count, const QDateTime &origin);

// Adds the master/standby instance gen-many-backups with `count` backups, one every quarter of
// an hour back from `origin` in the mix of the demo's (mostly restorable, the odd failed,
// expired, deleted or unrestorable one). Left alone when it is there already.
inline QString manyBackupsInstanceName() {
    return QStringLiteral("gen-many-backups");
}
void addManyBackups(SimState &state, int count, const QDateTime &origin);

} // namespace demo
} // namespace dcs::sim
