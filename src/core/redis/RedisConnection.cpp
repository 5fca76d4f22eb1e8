#include "redis/RedisConnection.h"

#include "redis/RedisWork.h"

#include <hiredis/hiredis.h>
#include <sys/time.h>
#include <vector>

namespace dcs {

namespace {

timeval toTimeval(int ms) {
    timeval tv;
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

RedisReply copyReply(const redisReply *reply) {
    RedisReply copy;
    switch (reply->type) {
    case REDIS_REPLY_STATUS:
        copy.type = RedisReply::Type::Status;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        copy.type = RedisReply::Type::Error;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        copy.type = RedisReply::Type::Integer;
        copy.integer = reply->integer;
        break;
    case REDIS_REPLY_STRING:
        copy.type = RedisReply::Type::String;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ARRAY:
        copy.type = RedisReply::Type::Array;
        copy.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            copy.elements.append(copyReply(reply->element[i]));
        break;
    case REDIS_REPLY_NIL:
    default:
        copy.type = RedisReply::Type::Nil;
        break;
    }
    return copy;
}

} // namespace

RedisConnection::~RedisConnection() {
    close();
}

bool RedisConnection::connect(const QString &host, int port, int timeoutMs) {
    close();
    m_error.clear();
    m_context = redisConnectWithTimeout(host.toUtf8().constData(), port, toTimeval(timeoutMs));
    if (!m_context) {
        m_error = QStringLiteral("out of memory");
        return false;
    }
    if (m_context->err) {
        fail();
        return false;
    }
    if (redisSetTimeout(m_context, toTimeval(timeoutMs)) != REDIS_OK) {
        fail();
        return false;
    }
    return true;
}

bool RedisConnection::isConnected() const {
    return m_context != nullptr;
}

void RedisConnection::close() {
    if (m_context) {
        redisFree(m_context);
        m_context = nullptr;
    }
}

void RedisConnection::fail() {
    if (m_context) {
        m_error = QString::fromLocal8Bit(m_context->errstr);
        if (m_error.isEmpty())
            m_error = QStringLiteral("connection lost");
    }
    close();
}

bool RedisConnection::append(const QList<QByteArray> &arguments) {
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(arguments.size()));
    lengths.reserve(size_t(arguments.size()));
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    if (redisAppendCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()) !=
        REDIS_OK) {
        fail();
        return false;
    }
    return true;
}

RedisReply RedisConnection::read() {
    void *raw = nullptr;
    if (redisGetReply(m_context, &raw) != REDIS_OK || !raw) {
        fail();
        return {};
    }
    const RedisReply reply = copyReply(static_cast<redisReply *>(raw));
    freeReplyObject(raw);
    return reply;
}

RedisReply RedisConnection::command(const QList<QByteArray> &arguments) {
    if (!m_context) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return {};
    }
    if (!append(arguments))
        return {};
    return read();
}

QList<RedisReply> RedisConnection::pipeline(const QList<QList<QByteArray>> &commands) {
    QList<RedisReply> replies;
    if (!m_context) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return replies;
    }
    for (const QList<QByteArray> &arguments : commands) {
        if (!append(arguments))
            return replies;
    }
    replies.reserve(commands.size());
    for (qsizetype i = 0; i < commands.size(); ++i) {
        RedisReply reply = read();
        if (reply.isNone())
            return replies;
        replies.append(std::move(reply));
    }
    return replies;
}

QHash<QByteArray, QByteArray> RedisConnection::parseInfo(const QByteArray &info) {
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &rawLine : info.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        fields.insert(line.left(colon), line.mid(colon + 1));
    }
    return fields;
}

namespace {

// Waiting on sockets, not computing: more threads than cores.
struct RedisPool : QThreadPool {
    RedisPool() {
        setMaxThreadCount(16);
        setExpiryTimeout(30000);
    }
};

} // namespace

// Made on first use; destroyed at exit, which waits for the calls still running (each has a
// time limit).
Q_GLOBAL_STATIC(RedisPool, redisPool)

QThreadPool *redisThreadPool() {
    return redisPool();
}

} // namespace dcs
