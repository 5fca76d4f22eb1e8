#include "verify/InstanceFingerprint.h"

#include "model/Instance.h"
#include "model/JsonRead.h"
#include "redis/RedisConnection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QUrl>
#include <QUuid>
#include <QtEndian>
#include <algorithm>
#include <cmath>

namespace dcs {

namespace {

// The messages' translation context, for lupdate and at run time alike.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(dcs::InstanceFingerprint)
};

// Values up to this many elements (or a string up to this many bytes) are read whole and hashed
// by content; bigger ones are hashed from DUMP, which is cheaper to send than to read.
constexpr qint64 WholeElements = 10000;
constexpr qint64 WholeStringBytes = 8 * 1024 * 1024;
constexpr int ScanBatch = 100;

QByteArray number(qint64 value) {
    return QByteArray::number(value);
}

// SHA-256 over the type and each part with its length before it, so no two different values
// can hash the same bytes.
QByteArray digestOf(const QByteArray &kind, const QList<QByteArray> &parts) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QByteArray &part) {
        char length[8];
        qToBigEndian(quint64(part.size()), length);
        hash.addData(QByteArrayView(length, 8));
        hash.addData(part);
    };
    add(kind);
    for (const QByteArray &part : parts)
        add(part);
    return hash.result().toHex();
}

// Every string of a reply, depth first (XRANGE nests entries and their fields).
void flatten(const RedisReply &reply, QList<QByteArray> *out) {
    if (reply.type == RedisReply::Type::Array) {
        for (const RedisReply &element : reply.elements)
            flatten(element, out);
    } else if (reply.type == RedisReply::Type::Integer) {
        out->append(number(reply.integer));
    } else {
        out->append(reply.text);
    }
}

// The commands that size a value, then read it whole.
QList<QByteArray> sizeCommand(const QByteArray &type, const QByteArray &key) {
    if (type == "string")
        return {"STRLEN", key};
    if (type == "hash")
        return {"HLEN", key};
    if (type == "list")
        return {"LLEN", key};
    if (type == "set")
        return {"SCARD", key};
    if (type == "zset")
        return {"ZCARD", key};
    if (type == "stream")
        return {"XLEN", key};
    return {};
}

QList<QByteArray> readCommand(const QByteArray &type, const QByteArray &key, qint64 size) {
    const bool whole = type == "string" ? size <= WholeStringBytes : size <= WholeElements;
    if (!whole)
        return {"DUMP", key};
    if (type == "string")
        return {"GET", key};
    if (type == "hash")
        return {"HGETALL", key};
    if (type == "list")
        return {"LRANGE", key, "0", "-1"};
    if (type == "set")
        return {"SMEMBERS", key};
    if (type == "zset")
        return {"ZRANGE", key, "0", "-1", "WITHSCORES"};
    if (type == "stream")
        return {"XRANGE", key, "-", "+"};
    return {"DUMP", key};
}

QByteArray digestOfReply(const QByteArray &type, const QList<QByteArray> &command,
                         const RedisReply &reply) {
    if (reply.isError())
        return digestOf("error", {reply.text});
    if (command.first() == "DUMP")
        return digestOf("dump", {reply.text});
    QList<QByteArray> parts;
    flatten(reply, &parts);
    if (type == "hash") {
        // Field order is the server's business; the content is the pairs.
        QList<std::pair<QByteArray, QByteArray>> pairs;
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2)
            pairs.append({parts.at(i), parts.at(i + 1)});
        std::sort(pairs.begin(), pairs.end());
        parts.clear();
        for (const auto &pair : pairs)
            parts << pair.first << pair.second;
    } else if (type == "set") {
        std::sort(parts.begin(), parts.end());
    }
    return digestOf(type, parts);
}

class Session {
public:
    Session(const RedisTarget &target, QString *error)
        : m_target(target)
        , m_error(error) {}

    bool open() {
        if (!m_connection.connect(m_target.host, m_target.port, m_target.timeoutMs))
            return fail(Text::tr("Cannot reach %1:%2: %3")
                            .arg(m_target.host)
                            .arg(m_target.port)
                            .arg(m_connection.error()));
        if (!m_target.password.isEmpty()) {
            QList<QByteArray> auth{"AUTH"};
            if (!m_target.user.isEmpty())
                auth.append(m_target.user.toUtf8());
            auth.append(m_target.password.toUtf8());
            const RedisReply reply = m_connection.command(auth);
            if (reply.isError())
                return fail(Text::tr("The instance refused the password: %1")
                                .arg(QString::fromUtf8(reply.text)));
            if (reply.isNone())
                return lost();
        }
        return true;
    }

    // A reply, or false with the error set (a connection lost, or the server's refusal of the
    // whole session: no password, still loading).
    bool command(const QList<QByteArray> &arguments, RedisReply *reply) {
        *reply = m_connection.command(arguments);
        return checked(*reply);
    }

    bool pipeline(const QList<QList<QByteArray>> &commands, QList<RedisReply> *replies) {
        *replies = m_connection.pipeline(commands);
        if (replies->size() != commands.size())
            return lost();
        for (const RedisReply &reply : std::as_const(*replies)) {
            if (!checked(reply))
                return false;
        }
        return true;
    }

    bool select(int db) {
        if (db == m_selected)
            return true;
        RedisReply reply;
        if (!command({"SELECT", number(db)}, &reply))
            return false;
        if (reply.isError())
            return fail(Text::tr("Database %1 cannot be selected: %2")
                            .arg(db)
                            .arg(QString::fromUtf8(reply.text)));
        m_selected = db;
        return true;
    }

    bool fail(const QString &message) {
        if (m_error)
            *m_error = message;
        return false;
    }

private:
    bool lost() {
        return fail(Text::tr("The instance stopped answering: %1").arg(m_connection.error()));
    }

    bool checked(const RedisReply &reply) {
        if (reply.isNone())
            return lost();
        if (reply.isError() && reply.text.startsWith("NOAUTH"))
            return fail(Text::tr("The instance needs a password."));
        if (reply.isError() && reply.text.startsWith("LOADING"))
            return fail(Text::tr("The instance is still loading its data."));
        return true;
    }

    const RedisTarget &m_target;
    QString *m_error;
    RedisConnection m_connection;
    int m_selected = 0;
};

bool cancelled(const std::atomic_bool *cancel) {
    return cancel && cancel->load();
}

// Fills in type and digest of keys that all live in db, in pipelined batches.
bool readKeys(Session &session, int db, QList<KeyFingerprint *> keys,
              const std::atomic_bool *cancel) {
    if (keys.isEmpty())
        return true;
    if (!session.select(db))
        return false;
    for (qsizetype from = 0; from < keys.size(); from += ScanBatch) {
        if (cancelled(cancel))
            return session.fail(Text::tr("The verification was cancelled."));
        const QList<KeyFingerprint *> batch = keys.mid(from, ScanBatch);
        QList<QList<QByteArray>> types;
        for (const KeyFingerprint *key : batch)
            types.append({"TYPE", key->key});
        QList<RedisReply> typeReplies;
        if (!session.pipeline(types, &typeReplies))
            return false;
        QList<QList<QByteArray>> sizes;
        QList<KeyFingerprint *> present;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            KeyFingerprint *key = batch.at(i);
            key->type = typeReplies.at(i).isError() ? QByteArray("none") : typeReplies.at(i).text;
            key->digest.clear();
            if (!key->exists())
                continue;
            const QList<QByteArray> size = sizeCommand(key->type, key->key);
            sizes.append(size.isEmpty() ? QList<QByteArray>{"EXISTS", key->key} : size);
            present.append(key);
        }
        QList<RedisReply> sizeReplies;
        if (!session.pipeline(sizes, &sizeReplies))
            return false;
        QList<QList<QByteArray>> reads;
        for (qsizetype i = 0; i < present.size(); ++i) {
            // A module type has no size command: DUMP it.
            const qint64 size =
                sizes.at(i).first() == "EXISTS" ? WholeElements + 1 : sizeReplies.at(i).integer;
            reads.append(readCommand(present.at(i)->type, present.at(i)->key, size));
        }
        QList<RedisReply> values;
        if (!session.pipeline(reads, &values))
            return false;
        for (qsizetype i = 0; i < present.size(); ++i) {
            KeyFingerprint *key = present.at(i);
            // Gone between TYPE and the read (expired): absent.
            if (values.at(i).type == RedisReply::Type::Nil) {
                key->type = "none";
                continue;
            }
            key->digest = digestOfReply(key->type, reads.at(i), values.at(i));
        }
    }
    return true;
}

// db → keys, for the databases INFO keyspace lists.
QMap<int, qint64> keyspaceDatabases(const QByteArray &info) {
    QMap<int, qint64> databases;
    for (const QByteArray &rawLine : info.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (!line.startsWith("db"))
            continue;
        const qsizetype colon = line.indexOf(':');
        bool ok = false;
        const int db = line.mid(2, colon - 2).toInt(&ok);
        if (!ok || colon < 0)
            continue;
        qint64 keys = 0;
        for (const QByteArray &field : line.mid(colon + 1).split(',')) {
            if (field.startsWith("keys="))
                keys = field.mid(5).toLongLong();
        }
        databases.insert(db, keys);
    }
    return databases;
}

} // namespace

bool RedisTarget::isLoopback() const {
    // QUrl reads and normalises IPv4 and IPv6 literals ("127.1" is 127.0.0.1; "0:0::1" is ::1).
    const QString literal =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    QUrl url;
    url.setHost(literal, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    QString address = url.host();
    const QLatin1String mapped("::ffff:");
    if (address.startsWith(mapped))
        address = address.mid(mapped.size());
    if (address == QLatin1String("::1"))
        return true;
    const QStringList parts = address.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool number = false;
        const int value = part.toInt(&number);
        if (!number || value < 0 || value > 255)
            return false;
    }
    return parts.first() == QLatin1String("127");
}

RedisTarget RedisTarget::forInstance(const Instance &instance) {
    RedisTarget target;
    const QStringList ips = instance.ip.split(QLatin1Char(','), Qt::SkipEmptyParts);
    target.host = ips.isEmpty() ? instance.domainName : ips.constFirst().trimmed();
    target.port = instance.port;
    if (!instance.accessUser.isEmpty() && instance.accessUser != QLatin1String("default"))
        target.user = instance.accessUser;
    return target;
}

bool KeyFingerprint::operator==(const KeyFingerprint &other) const {
    return db == other.db && key == other.key && type == other.type && digest == other.digest &&
           named == other.named;
}

qint64 InstanceFingerprint::totalKeys() const {
    qint64 total = 0;
    for (qint64 keys : keysPerDatabase)
        total += keys;
    return total;
}

QJsonObject InstanceFingerprint::toJson() const {
    QJsonObject databases;
    for (auto it = keysPerDatabase.cbegin(); it != keysPerDatabase.cend(); ++it)
        databases.insert(QString::number(it.key()), double(it.value()));
    QJsonArray keyList;
    for (const KeyFingerprint &key : keys) {
        QJsonObject entry{{QStringLiteral("db"), key.db},
                          // Keys are binary-safe: kept as base64 so any byte survives JSON.
                          {QStringLiteral("key"), QString::fromLatin1(key.key.toBase64())},
                          {QStringLiteral("type"), QString::fromUtf8(key.type)},
                          {QStringLiteral("digest"), QString::fromLatin1(key.digest)}};
        if (key.named)
            entry.insert(QStringLiteral("named"), true);
        keyList.append(entry);
    }
    QJsonObject object{{QStringLiteral("taken_at"), json::formatDateTime(takenAt)},
                       {QStringLiteral("keys_per_database"), databases},
                       {QStringLiteral("keyspace"), QString::fromUtf8(keyspace)},
                       {QStringLiteral("keys"), keyList}};
    if (checkedWrites) {
        object.insert(QStringLiteral("writable"), writable);
        object.insert(QStringLiteral("write_error"), writeError);
    }
    return object;
}

InstanceFingerprint InstanceFingerprint::fromJson(const QJsonObject &object) {
    InstanceFingerprint print;
    print.takenAt = json::dateTime(object.value(QLatin1String("taken_at")));
    const QJsonObject databases = object.value(QLatin1String("keys_per_database")).toObject();
    for (auto it = databases.constBegin(); it != databases.constEnd(); ++it)
        print.keysPerDatabase.insert(it.key().toInt(), qint64(it.value().toDouble()));
    print.keyspace = object.value(QLatin1String("keyspace")).toString().toUtf8();
    for (const QJsonValue &value : object.value(QLatin1String("keys")).toArray()) {
        const QJsonObject entry = value.toObject();
        KeyFingerprint key;
        key.db = entry.value(QLatin1String("db")).toInt();
        key.key = QByteArray::fromBase64(entry.value(QLatin1String("key")).toString().toLatin1());
        key.type = entry.value(QLatin1String("type")).toString().toUtf8();
        key.digest = entry.value(QLatin1String("digest")).toString().toLatin1();
        key.named = entry.value(QLatin1String("named")).toBool();
        print.keys.append(key);
    }
    print.checkedWrites = object.contains(QLatin1String("writable"));
    print.writable = object.value(QLatin1String("writable")).toBool();
    print.writeError = object.value(QLatin1String("write_error")).toString();
    return print;
}

std::optional<InstanceFingerprint> takeFingerprint(const RedisTarget &target,
                                                   const FingerprintRequest &request,
                                                   QString *error, const std::atomic_bool *cancel) {
    Session session(target, error);
    if (!session.open())
        return std::nullopt;
    InstanceFingerprint print;
    print.takenAt = QDateTime::currentDateTimeUtc();

    RedisReply info;
    if (!session.command({"INFO", "keyspace"}, &info))
        return std::nullopt;
    if (info.isError()) {
        session.fail(Text::tr("INFO keyspace was refused: %1").arg(QString::fromUtf8(info.text)));
        return std::nullopt;
    }
    print.keyspace = info.text;
    const QMap<int, qint64> listed = keyspaceDatabases(info.text);
    QList<int> databases = listed.keys();
    for (int db : request.alsoDatabases) {
        if (!databases.contains(db))
            databases.append(db);
    }
    if (request.sameKeysAs) {
        for (const KeyFingerprint &key : *request.sameKeysAs) {
            if (!databases.contains(key.db))
                databases.append(key.db);
        }
    }
    std::sort(databases.begin(), databases.end());
    for (int db : std::as_const(databases)) {
        RedisReply size;
        if (!session.select(db) || !session.command({"DBSIZE"}, &size))
            return std::nullopt;
        print.keysPerDatabase.insert(db, size.integer);
    }

    if (request.sameKeysAs) {
        print.keys = *request.sameKeysAs;
    } else {
        // The sample: from each database in proportion to its keys, at least one from each.
        const qint64 total = print.totalKeys();
        QSet<QByteArray> seen;
        for (int db : std::as_const(databases)) {
            const qint64 size = print.keysPerDatabase.value(db);
            if (size <= 0 || total <= 0)
                continue;
            const qint64 quota = std::min<qint64>(
                size, std::max<qint64>(1, std::llround(double(request.sampleSize) * double(size) /
                                                       double(total))));
            if (!session.select(db))
                return std::nullopt;
            seen.clear();
            QByteArray cursor = "0";
            qint64 taken = 0;
            do {
                if (cancelled(cancel)) {
                    session.fail(Text::tr("The verification was cancelled."));
                    return std::nullopt;
                }
                RedisReply page;
                if (!session.command({"SCAN", cursor, "COUNT", number(ScanBatch)}, &page))
                    return std::nullopt;
                if (page.type != RedisReply::Type::Array || page.elements.size() != 2) {
                    session.fail(
                        Text::tr("SCAN was refused: %1").arg(QString::fromUtf8(page.text)));
                    return std::nullopt;
                }
                cursor = page.elements.at(0).text;
                for (const RedisReply &key : page.elements.at(1).elements) {
                    if (taken >= quota || seen.contains(key.text))
                        continue;
                    seen.insert(key.text);
                    KeyFingerprint entry;
                    entry.db = db;
                    entry.key = key.text;
                    print.keys.append(entry);
                    ++taken;
                }
            } while (cursor != "0" && taken < quota);
        }
        // The named keys, wherever they are; absent everywhere, noted as absent from db 0.
        for (const QByteArray &name : request.namedKeys) {
            bool found = false;
            for (int db : std::as_const(databases)) {
                RedisReply exists;
                if (!session.select(db) || !session.command({"EXISTS", name}, &exists))
                    return std::nullopt;
                if (exists.integer > 0) {
                    KeyFingerprint entry;
                    entry.db = db;
                    entry.key = name;
                    entry.named = true;
                    print.keys.append(entry);
                    found = true;
                }
            }
            if (!found) {
                KeyFingerprint entry;
                entry.key = name;
                entry.type = "none";
                entry.named = true;
                print.keys.append(entry);
            }
        }
    }

    QMap<int, QList<KeyFingerprint *>> byDatabase;
    for (KeyFingerprint &key : print.keys) {
        if (request.sameKeysAs || key.type != "none")
            byDatabase[key.db].append(&key);
    }
    for (auto it = byDatabase.cbegin(); it != byDatabase.cend(); ++it) {
        if (!readKeys(session, it.key(), it.value(), cancel))
            return std::nullopt;
    }

    if (request.checkWrites) {
        // A key of its own, with an expiry in case the DEL never arrives.
        const QByteArray probe =
            "dcs-console:verify:" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
        RedisReply written;
        if (!session.select(0) || !session.command({"SET", probe, "1", "PX", "60000"}, &written))
            return std::nullopt;
        print.checkedWrites = true;
        print.writable = written.isStatus("OK");
        if (written.isError())
            print.writeError = QString::fromUtf8(written.text);
        RedisReply deleted;
        if (print.writable && !session.command({"DEL", probe}, &deleted))
            return std::nullopt;
    }
    return print;
}

RedisProbe probeRedis(const RedisTarget &target) {
    RedisProbe probe;
    RedisConnection connection;
    if (!connection.connect(target.host, target.port, target.timeoutMs)) {
        probe.message = Text::tr("Cannot reach %1:%2: %3")
                            .arg(target.host)
                            .arg(target.port)
                            .arg(connection.error());
        return probe;
    }
    if (!target.password.isEmpty()) {
        QList<QByteArray> auth{"AUTH"};
        if (!target.user.isEmpty())
            auth.append(target.user.toUtf8());
        auth.append(target.password.toUtf8());
        const RedisReply reply = connection.command(auth);
        // "AUTH … called without any password configured": it needs none, which is fine.
        if (reply.isError() && !reply.text.contains("without any password")) {
            probe.outcome = RedisProbe::Outcome::WrongPassword;
            probe.message = Text::tr("The instance refused the password: %1")
                                .arg(QString::fromUtf8(reply.text));
            return probe;
        }
    }
    const RedisReply pong = connection.command({"PING"});
    if (pong.isStatus("PONG")) {
        probe.outcome = RedisProbe::Outcome::Answers;
        return probe;
    }
    if (pong.isError() && pong.text.startsWith("NOAUTH")) {
        probe.outcome = RedisProbe::Outcome::NeedsPassword;
        probe.message = Text::tr("The instance needs a password.");
        return probe;
    }
    probe.message = pong.isNone()
                        ? Text::tr("The instance stopped answering: %1").arg(connection.error())
                        : QString::fromUtf8(pong.text);
    return probe;
}

} // namespace dcs
