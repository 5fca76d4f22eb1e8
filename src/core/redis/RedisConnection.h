#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

struct redisContext;

namespace dcs {

// One Redis reply, copied out of hiredis so it outlives the connection and crosses threads.
struct RedisReply {
    enum class Type { None, Status, Error, Integer, String, Array, Nil };
    Type type = Type::None; // None: no reply came (see RedisConnection::error())
    QByteArray text;        // Status, Error and String
    qint64 integer = 0;
    QList<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
    bool isNone() const { return type == Type::None; }
    // An error or no reply at all.
    bool failed() const { return type == Type::Error || type == Type::None; }
    bool isStatus(const char *status) const {
        return type == Type::Status && text == QByteArray(status);
    }
};

// A blocking Redis connection over hiredis (libhiredis), with a time limit on connecting and on
// every reply. It blocks the calling thread, so it belongs on a worker thread — never on a GUI
// thread or an event loop that serves others. One thread at a time may use a connection.
// Arguments are sent as binary-safe bulk strings; error() never contains them, so a password
// given to AUTH cannot end up in a message.
class RedisConnection {
public:
    RedisConnection() = default;
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    // False with error() set when no connection came within timeoutMs. The same limit then
    // applies to every reply.
    bool connect(const QString &host, int port, int timeoutMs);
    bool isConnected() const;
    void close();

    // Sends one command and waits for its reply; Type::None when the connection failed (it is
    // then closed).
    RedisReply command(const QList<QByteArray> &arguments);
    // Sends all commands at once and reads their replies in order (a pipeline). Stops at the
    // first connection failure: the list is then shorter than the commands.
    QList<RedisReply> pipeline(const QList<QList<QByteArray>> &commands);

    // What went wrong with the connection (not a Redis error reply), in hiredis's words.
    QString error() const { return m_error; }

    // "INFO" text as field → value ("# Section" lines and blank lines skipped).
    static QHash<QByteArray, QByteArray> parseInfo(const QByteArray &info);

private:
    bool append(const QList<QByteArray> &arguments);
    RedisReply read();
    void fail();

    redisContext *m_context = nullptr;
    QString m_error;
};

} // namespace dcs
