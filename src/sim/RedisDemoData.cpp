#include "RedisDemoData.h"

#include <QCryptographicHash>
#include <algorithm>

namespace dcs::sim::demo {

namespace {

// splitmix64: small, fast and the same everywhere.
struct Rng {
    quint64 state;

    quint64 next() {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int range(int low, int high) { // inclusive
        return low + int(next() % quint64(high - low + 1));
    }
    QByteArray hex(int length) {
        QByteArray out;
        while (out.size() < length)
            out += QByteArray::number(next(), 16).rightJustified(16, '0');
        return out.left(length);
    }
    template <typename T> const T &pick(const QList<T> &list) {
        return list.at(qsizetype(next() % quint64(list.size())));
    }
};

QByteArray num(qint64 value) {
    return QByteArray::number(value);
}

QByteArray money(Rng &rng, int lowCents, int highCents) {
    const int cents = rng.range(lowCents, highCents);
    return num(cents / 100) + '.' + num(cents % 100).rightJustified(2, '0');
}

// Seconds since the epoch in the weeks before the demo's data was written: values only, so the
// data set does not depend on when it was made.
qint64 someTime(Rng &rng) {
    return 1790000000LL + rng.range(0, 30 * 24 * 3600);
}

QByteArray isoTime(qint64 seconds) {
    static const char *const months[] = {"11", "12"};
    // Good enough for a value that only has to look like a time stamp.
    const qint64 day = (seconds / 86400) % 28 + 1;
    const qint64 hour = (seconds / 3600) % 24;
    const qint64 minute = (seconds / 60) % 60;
    return "2026-" + QByteArray(months[(seconds / 86400) % 2]) + '-' +
           num(day).rightJustified(2, '0') + 'T' + num(hour).rightJustified(2, '0') + ':' +
           num(minute).rightJustified(2, '0') + ":00Z";
}

const QList<QByteArray> &firstNames() {
    static const QList<QByteArray> names{"wei",  "li",   "na",     "jun",   "mei",  "hao",
                                         "anna", "omar", "sofia",  "lukas", "yuki", "ravi",
                                         "chen", "ming", "fatima", "ivan",  "lea",  "tomas"};
    return names;
}

// Writers: the commands that create a key whole, with a TTL when ttl > 0.
QList<RedisCommand> setString(const QByteArray &key, const QByteArray &value, int ttl = 0) {
    if (ttl > 0)
        return {{"SET", key, value, "EX", num(ttl)}};
    return {{"SET", key, value}};
}

QList<RedisCommand> container(const QByteArray &command, const QByteArray &key,
                              const QList<QByteArray> &arguments, int ttl = 0) {
    RedisCommand write{command, key};
    write += arguments;
    QList<RedisCommand> commands{{"DEL", key}, write};
    if (ttl > 0)
        commands.append({"EXPIRE", key, num(ttl)});
    return commands;
}

using Family = RedisDataSet::Family;

Family family(int db, int count, std::function<QByteArray(int)> key,
              std::function<QList<RedisCommand>(const QByteArray &, Rng &)> write) {
    Family f;
    f.db = db;
    f.count = count;
    f.key = std::move(key);
    f.write = [write = std::move(write)](const QByteArray &k, quint64 seed) {
        Rng rng{seed};
        return write(k, rng);
    };
    return f;
}

// ---- the instances' stories -------------------------------------------------------------------

QList<Family> orderCache() {
    static const QList<QByteArray> statuses{"created", "paid",      "packed",
                                            "shipped", "delivered", "cancelled"};
    return {
        family(
            0, 1500, [](int i) { return "order:" + num(100000 + i); },
            [](const QByteArray &key, Rng &rng) {
                return container("HSET", key,
                                 {"status", rng.pick(statuses), "customer",
                                  num(20000 + rng.range(0, 399)), "total", money(rng, 500, 90000),
                                  "currency", "CNY", "items", num(rng.range(1, 6)), "updated_at",
                                  isoTime(someTime(rng))});
            }),
        family(
            0, 600, [](int i) { return "order:" + num(100000 + i * 2) + ":lines"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> lines;
                const int n = rng.range(1, 6);
                for (int l = 0; l < n; ++l)
                    lines.append("{\"sku\":" + num(10000 + rng.range(0, 799)) +
                                 ",\"qty\":" + num(rng.range(1, 4)) +
                                 ",\"price\":" + money(rng, 100, 20000) + "}");
                return container("RPUSH", key, lines);
            }),
        family(
            0, 400, [](int i) { return "customer:" + num(20000 + i) + ":orders"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> members;
                const int n = rng.range(3, 12);
                for (int m = 0; m < n; ++m)
                    members << num(someTime(rng)) << num(100000 + rng.range(0, 1499));
                return container("ZADD", key, members);
            }),
        family(
            0, 800, [](int i) { return "price:sku:" + num(10000 + i); },
            [](const QByteArray &key, Rng &rng) { return setString(key, money(rng, 99, 99999)); }),
        family(
            0, 300, [](int i) { return "cart:" + num(700000 + i * 13); },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> fields;
                const int n = rng.range(1, 5);
                for (int f = 0; f < n; ++f)
                    fields << "sku:" + num(10000 + rng.range(0, 799)) << num(rng.range(1, 3));
                return container("HSET", key, fields, rng.range(2 * 3600, 24 * 3600));
            }),
        family(
            0, 30, [](int i) { return "warehouse:wh-" + num(i + 1) + ":skus"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> skus;
                const int n = rng.range(10, 60);
                for (int k = 0; k < n; ++k)
                    skus.append(num(10000 + rng.range(0, 799)));
                return container("SADD", key, skus);
            }),
        family(
            0, 20, [](int i) { return "lock:order:" + num(101400 + i); },
            [](const QByteArray &key, Rng &rng) {
                return setString(key, "worker-" + num(rng.range(1, 12)), rng.range(600, 1800));
            }),
        family(
            1, 40, [](int i) { return "config:order-service:setting-" + num(i); },
            [](const QByteArray &key, Rng &rng) {
                return setString(key, rng.range(0, 1) ? "on" : num(rng.range(1, 500)));
            }),
    };
}

QList<Family> sessionStore() {
    static const QList<QByteArray> agents{
        "Mozilla/5.0 (Windows NT 10.0)", "Mozilla/5.0 (Macintosh)", "okhttp/4.12.0",
        "Mozilla/5.0 (iPhone)", "Mozilla/5.0 (X11; Linux x86_64)"};
    return {
        family(
            0, 4000,
            [](int i) {
                Rng rng{quint64(i) * 7919 + 1};
                return "session:" + rng.hex(32);
            },
            [](const QByteArray &key, Rng &rng) {
                const qint64 created = someTime(rng);
                return container("HSET", key,
                                 {"user_id", num(500000 + rng.range(0, 1499)), "ip",
                                  "10.8." + num(rng.range(0, 255)) + '.' + num(rng.range(1, 254)),
                                  "agent", rng.pick(agents), "created", num(created), "last_seen",
                                  num(created + rng.range(0, 7200))},
                                 rng.range(30 * 60, 24 * 3600));
            }),
        family(
            0, 1500, [](int i) { return "user:" + num(500000 + i) + ":sessions"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> tokens;
                const int n = rng.range(1, 4);
                for (int t = 0; t < n; ++t)
                    tokens.append(rng.hex(32));
                return container("SADD", key, tokens);
            }),
        family(
            0, 500,
            [](int i) {
                Rng rng{quint64(i) * 104729 + 7};
                return "csrf:" + rng.hex(24);
            },
            [](const QByteArray &key, Rng &rng) {
                return setString(key, rng.hex(40), rng.range(15 * 60, 3600));
            }),
    };
}

QList<Family> userProfiles() {
    static const QList<QByteArray> interests{"music",   "travel",      "cooking", "football",
                                             "anime",   "photography", "hiking",  "games",
                                             "finance", "tea",         "reading", "cycling"};
    static const QList<QByteArray> locales{"zh_CN", "en_US", "zh_TW", "ja_JP", "de_DE"};
    static const QList<QByteArray> plans{"free", "plus", "pro"};
    return {
        family(
            0, 2500, [](int i) { return "user:" + num(300000 + i) + ":profile"; },
            [](const QByteArray &key, Rng &rng) {
                const QByteArray name = rng.pick(firstNames());
                return container("HSET", key,
                                 {"name", name, "email",
                                  name + '.' + num(rng.range(1, 9999)) + "@example.com", "locale",
                                  rng.pick(locales), "plan", rng.pick(plans), "created",
                                  isoTime(someTime(rng))});
            }),
        family(
            0, 800, [](int i) { return "user:" + num(300000 + i * 3) + ":interests"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> chosen;
                const int n = rng.range(2, 8);
                for (int k = 0; k < n; ++k)
                    chosen.append(rng.pick(interests));
                return container("SADD", key, chosen);
            }),
        family(
            0, 600, [](int i) { return "user:" + num(300000 + i * 4) + ":recent"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> items;
                const int n = rng.range(5, 20);
                for (int k = 0; k < n; ++k)
                    items.append("item:" + num(rng.range(1, 90000)));
                return container("LPUSH", key, items);
            }),
        family(
            0, 500,
            [](int i) { return "username:" + firstNames().at(i % firstNames().size()) + num(i); },
            [](const QByteArray &key, Rng &rng) {
                return setString(key, num(300000 + rng.range(0, 2499)));
            }),
    };
}

QList<Family> paymentGateway() {
    static const QList<QByteArray> states{"authorized", "captured", "refunded", "pending",
                                          "failed"};
    return {
        family(
            0, 800,
            [](int i) {
                Rng rng{quint64(i) * 15485863 + 3};
                const QByteArray hex = rng.hex(32);
                return "idempotency:" + hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) +
                       '-' + hex.mid(16, 4) + '-' + hex.mid(20, 12);
            },
            [](const QByteArray &key, Rng &rng) {
                return setString(key,
                                 "{\"status\":" + num(rng.pick(QList<int>{200, 201, 409})) +
                                     ",\"payment\":\"pay_" + rng.hex(16) + "\"}",
                                 24 * 3600);
            }),
        family(
            0, 500, [](int i) { return "payment:pay_" + num(8800000 + i); },
            [](const QByteArray &key, Rng &rng) {
                return container("HSET", key,
                                 {"amount", money(rng, 100, 500000), "currency", "CNY", "status",
                                  rng.pick(states), "merchant", "m" + num(rng.range(1000, 1039)),
                                  "at", isoTime(someTime(rng))});
            }),
        family(
            0, 40, [](int i) { return "merchant:m" + num(1000 + i) + ":pending"; },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> members;
                const int n = rng.range(5, 30);
                for (int m = 0; m < n; ++m)
                    members << num(someTime(rng)) << "pay_" + num(8800000 + rng.range(0, 499));
                return container("ZADD", key, members);
            }),
        family(
            0, 100,
            [](int i) {
                Rng rng{quint64(i) * 32452843 + 11};
                return "token:" + rng.hex(20);
            },
            [](const QByteArray &key, Rng &rng) {
                return setString(key, "card_" + rng.hex(12), rng.range(600, 3600));
            }),
    };
}

QList<Family> rateLimiter() {
    static const QList<QByteArray> planNames{"free",    "basic",    "plus",  "pro",
                                             "partner", "internal", "batch", "trial"};
    return {
        family(
            0, 150, [](int i) { return "ratelimit:client-" + num(4000 + i); },
            [](const QByteArray &key, Rng &rng) {
                return container(
                    "HSET", key,
                    {"tokens", num(rng.range(0, 120)), "refilled_at", num(someTime(rng))},
                    rng.range(3600, 24 * 3600));
            }),
        family(
            0, 50, [](int i) { return "ratelimit:window:client-" + num(4000 + i * 3); },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> members;
                const int n = rng.range(3, 20);
                const qint64 start = someTime(rng);
                for (int m = 0; m < n; ++m)
                    members << num(start + m) << "req-" + rng.hex(8);
                return container("ZADD", key, members, rng.range(600, 1200));
            }),
        family(
            0, 8, [](int i) { return "quota:" + planNames.at(i); },
            [](const QByteArray &key, Rng &rng) {
                return container(
                    "HSET", key,
                    {"per_minute", num(rng.range(60, 6000)), "burst", num(rng.range(10, 500))});
            }),
        family(
            0, 1, [](int) { return QByteArray("blocked:clients"); },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> clients;
                const int n = rng.range(2, 9);
                for (int c = 0; c < n; ++c)
                    clients.append("client-" + num(4000 + rng.range(0, 149)));
                return container("SADD", key, clients);
            }),
    };
}

QList<Family> leaderboards() {
    static const QList<QByteArray> games{"tetra", "racer", "chess", "quiz", "archer", "farm"};
    return {
        family(
            0, 60,
            [](int i) {
                return "leaderboard:" + games.at(i % games.size()) + ":season-" +
                       num(i / games.size() + 1);
            },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> members;
                const int n = rng.range(200, 500);
                for (int m = 0; m < n; ++m)
                    members << num(rng.range(0, 2000000)) << "player:" + num(rng.range(1, 2000));
                return container("ZADD", key, members);
            }),
        family(
            0, 2000, [](int i) { return "player:" + num(i + 1); },
            [](const QByteArray &key, Rng &rng) {
                return container("HSET", key,
                                 {"nick", rng.pick(firstNames()) + num(rng.range(1, 999)), "level",
                                  num(rng.range(1, 80)), "country",
                                  rng.pick(QList<QByteArray>{"CN", "SG", "DE", "BR", "US"})});
            }),
        family(
            0, 60,
            [](int i) { return "game:" + games.at(i % games.size()) + ":players-" + num(i); },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> players;
                const int n = rng.range(20, 80);
                for (int p = 0; p < n; ++p)
                    players.append("player:" + num(rng.range(1, 2000)));
                return container("SADD", key, players);
            }),
    };
}

QList<Family> analyticsBuffer() {
    static const QList<QByteArray> pages{"/", "/search", "/item", "/cart", "/checkout", "/account"};
    return {
        family(
            0, 200,
            [](int i) {
                return "clicks:2026112" + num(i / 96 % 10) +
                       num(i / 4 % 24).rightJustified(2, '0') + ":shard-" + num(i % 4);
            },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> events;
                const int n = rng.range(20, 60);
                for (int e = 0; e < n; ++e)
                    events.append("{\"page\":\"" + rng.pick(pages) +
                                  "\",\"ms\":" + num(rng.range(5, 4000)) + "}");
                return container("RPUSH", key, events);
            }),
        family(
            0, 400, [](int i) { return "event:" + num(9000000 + i); },
            [](const QByteArray &key, Rng &rng) {
                return setString(key,
                                 "{\"type\":\"view\",\"page\":\"" + rng.pick(pages) +
                                     "\",\"at\":" + num(someTime(rng)) + "}",
                                 rng.range(6 * 3600, 24 * 3600));
            }),
        family(
            2, 30, [](int i) { return "counters:day-" + num(i + 1); },
            [](const QByteArray &key, Rng &rng) {
                QList<QByteArray> fields;
                for (const QByteArray &page : pages)
                    fields << page << num(rng.range(100, 90000));
                return container("HSET", key, fields);
            }),
    };
}

// Any other Redis instance: strings and hashes in proportion to its used memory.
QList<Family> generic(qint64 usedMb) {
    const int count = int(std::clamp<qint64>(usedMb, 100, 4000));
    return {
        family(
            0, count, [](int i) { return "key:" + num(i); },
            [](const QByteArray &key, Rng &rng) { return setString(key, rng.hex(32)); }),
        family(
            0, count / 4, [](int i) { return "object:" + num(i); },
            [](const QByteArray &key, Rng &rng) {
                return container("HSET", key, {"a", rng.hex(8), "b", num(rng.range(0, 9999))});
            }),
    };
}

quint64 mix(quint64 a, quint64 b) {
    Rng rng{a ^ (b * 0x9e3779b97f4a7c15ULL)};
    return rng.next();
}

// How far the window of keys moves per generation, and whether key i changes in generation g.
int driftOf(const Family &f) {
    return std::max(1, f.count / 40);
}

bool changesIn(int i, int generation) {
    return (i * 7 + generation) % 6 == 0;
}

int versionOf(int i, int generation) {
    int version = 0;
    for (int g = 1; g <= generation; ++g)
        version += changesIn(i, g) ? 1 : 0;
    return version;
}

} // namespace

RedisDataSet::RedisDataSet(const Instance &instance)
    : m_name(instance.name.toUtf8()) {
    const QString name = instance.name;
    if (name == QLatin1String("order-cache-prod"))
        m_families = orderCache();
    else if (name == QLatin1String("session-store"))
        m_families = sessionStore();
    else if (name == QLatin1String("user-profile-cache"))
        m_families = userProfiles();
    else if (name == QLatin1String("payment-gateway-cache"))
        m_families = paymentGateway();
    else if (name == QLatin1String("rate-limiter"))
        m_families = rateLimiter();
    else if (name == QLatin1String("leaderboard-cluster"))
        m_families = leaderboards();
    else if (name == QLatin1String("analytics-buffer-test"))
        m_families = analyticsBuffer();
    else
        m_families = generic(instance.usedMemoryMb);
    // A cluster has database 0 only.
    const int databases = instance.dbNumber.value_or(16);
    for (Family &f : m_families)
        f.db = std::min(f.db, std::max(databases - 1, 0));
}

int RedisDataSet::keyCount() const {
    int count = 0;
    for (const Family &f : m_families)
        count += f.count;
    return count;
}

QList<RedisCommand> RedisDataSet::commandsFor(int generation) const {
    const quint64 nameSeed =
        mix(qHashBits(m_name.constData(), size_t(m_name.size()), 0x5eed), 0xdc5);
    QList<RedisCommand> commands;
    int selected = -1;
    for (qsizetype index = 0; index < m_families.size(); ++index) {
        const Family &f = m_families.at(index);
        if (f.db != selected) {
            commands.append({"SELECT", num(f.db)});
            selected = f.db;
        }
        auto write = [&](int i) {
            const quint64 seed = mix(mix(mix(nameSeed, quint64(index) + 1), quint64(i)),
                                     quint64(versionOf(i, generation)));
            commands += f.write(f.key(i), seed);
        };
        const int drift = driftOf(f);
        if (generation == 0) {
            for (int i = 0; i < f.count; ++i)
                write(i);
            continue;
        }
        const int firstOld = (generation - 1) * drift;
        const int first = generation * drift;
        // The oldest leave, the changed are written again, the newest arrive.
        for (int i = firstOld; i < first; ++i)
            commands.append({"DEL", f.key(i)});
        for (int i = first; i < f.count + firstOld; ++i) {
            if (changesIn(i, generation))
                write(i);
        }
        for (int i = f.count + firstOld; i < f.count + first; ++i)
            write(i);
    }
    return commands;
}

} // namespace dcs::sim::demo
