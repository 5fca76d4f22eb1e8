#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <atomic>
#include <optional>

namespace dcs {

struct Instance;

// Where and how the console reaches an instance's Redis. The password is held only while a
// verification needs it and is never written anywhere (not in a log, not in a fingerprint).
struct RedisTarget {
    QString host;
    int port = 0;
    QString user;     // an ACL user; empty: AUTH with the password alone
    QString password; // empty: no AUTH
    int timeoutMs = 5000;

    bool isValid() const { return !host.isEmpty() && port > 0 && port < 65536; }
    // An IP address of this computer's loopback (127.0.0.0/8, ::1, or 127.x mapped into
    // IPv6) in any form QUrl reads; a host name never is.
    bool isLoopback() const;
    // The instance's address as the API gives it: its first ip (else its domain name) and port.
    static RedisTarget forInstance(const Instance &instance);
};

// One key as a fingerprint saw it.
struct KeyFingerprint {
    int db = 0;
    QByteArray key;
    QByteArray type;    // TYPE's answer; "none" when the key did not exist
    QByteArray digest;  // SHA-256 (hex) of the value read whole; empty when absent
    bool named = false; // asked for by the admin, not found by SCAN

    bool exists() const { return type != "none" && !type.isEmpty(); }
    bool operator==(const KeyFingerprint &other) const;
};

// What an instance held at one moment: DBSIZE of each database, INFO keyspace, and a sample of
// keys found with SCAN — each with its type and a digest of its whole value (read by type:
// GET, HGETALL, LRANGE, SMEMBERS, ZRANGE … WITHSCORES, XRANGE; DUMP for values too big to read
// whole) — plus the keys the admin named. Taken again after a restore, the same keys are read,
// so the two can be compared key by key.
struct InstanceFingerprint {
    QDateTime takenAt; // UTC
    QMap<int, qint64> keysPerDatabase;
    QByteArray keyspace; // INFO keyspace as the server answered
    QList<KeyFingerprint> keys;
    // Only in a fingerprint taken with checkWrites: a key written and deleted again.
    bool checkedWrites = false;
    bool writable = false;
    QString writeError; // the server's answer when it refused

    qint64 totalKeys() const;
    QJsonObject toJson() const;
    static InstanceFingerprint fromJson(const QJsonObject &object);
};

struct FingerprintRequest {
    int sampleSize = 200;        // keys found with SCAN, across the databases by their size
    QList<QByteArray> namedKeys; // looked for in every database that has keys
    QList<int> alsoDatabases;    // DBSIZE of these too (the databases of an earlier print)
    std::optional<QList<KeyFingerprint>> sameKeysAs; // read exactly these instead of scanning
    bool checkWrites = false;
};

// Takes a fingerprint. Blocking, with the target's time limit on every step: call it on a worker
// thread (runRedisWork). nullopt with *error (translated, never the password) when the instance
// cannot be reached, refuses the password or stops answering; cancel is looked at between keys.
std::optional<InstanceFingerprint> takeFingerprint(const RedisTarget &target,
                                                   const FingerprintRequest &request,
                                                   QString *error,
                                                   const std::atomic_bool *cancel = nullptr);

// Whether the console can reach the instance at all, and with the password given.
struct RedisProbe {
    enum class Outcome { Answers, NeedsPassword, WrongPassword, Unreachable };
    Outcome outcome = Outcome::Unreachable;
    QString message; // translated; the server's or the network's words
};
// Blocking, like takeFingerprint.
RedisProbe probeRedis(const RedisTarget &target);

} // namespace dcs
