#pragma once

#include "model/Instance.h"

#include <QByteArray>
#include <QList>
#include <functional>

namespace dcs::sim::demo {

using RedisCommand = QList<QByteArray>;

// The keys a demo instance's real redis-server holds, in generations: generation 0 is the data
// of its oldest backup; each later one changes about a sixth of the keys, drops a few of the
// oldest and adds as many new ones; the last is the data it holds now. Every type is there —
// strings, hashes, lists, sets, sorted sets — some with TTLs (10 minutes to a day), in more than
// one database where the instance has them, sized to the instance's story (an order cache of
// orders, a session store of sessions, leaderboards of sorted sets …). Deterministic: the same
// instance gives the same keys and values on every machine.
class RedisDataSet {
public:
    explicit RedisDataSet(const Instance &instance);

    // The commands that turn generation - 1 into generation (0: an empty server into the first).
    QList<RedisCommand> commandsFor(int generation) const;
    // How many keys a generation has (TTLs not counted off).
    int keyCount() const;

    struct Family {
        int db = 0;
        int count = 0;
        // The key of index i, and the commands writing it whole at a version (a DEL first for a
        // key that exists; an EXPIRE after for keys with a TTL).
        std::function<QByteArray(int i)> key;
        std::function<QList<RedisCommand>(const QByteArray &key, quint64 seed)> write;
    };

private:
    QByteArray m_name;
    QList<Family> m_families;
};

} // namespace dcs::sim::demo
