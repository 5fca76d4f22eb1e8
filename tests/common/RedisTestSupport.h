#pragma once

// Shared by the tests of real data: where redis-server is (the tests skip without it), a Redis
// client on loopback, and which processes dcs-sim runs.

#include "redis/RedisConnection.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QStandardPaths>
#include <QString>
#include <memory>

namespace dcs::testing {

// The redis-server the tests run dcs-sim with; empty when none is installed.
inline QString redisServerProgram() {
    const QString debian = QStringLiteral("/usr/bin/redis-server");
    if (QFileInfo(debian).isExecutable())
        return debian;
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}

inline QString noRedisMessage() {
    return QStringLiteral("redis-server is not installed (Debian: apt-get install redis-server; "
                          "scripts/setup-deps.sh installs it)");
}

// A connection to a server on 127.0.0.1, or an unconnected one.
inline std::unique_ptr<RedisConnection> redisAt(int port) {
    auto connection = std::make_unique<RedisConnection>();
    connection->connect(QStringLiteral("127.0.0.1"), port, 3000);
    return connection;
}

inline RedisReply redisCommand(int port, const QList<QByteArray> &arguments) {
    auto connection = redisAt(port);
    return connection->command(arguments);
}

// /proc/<pid>/stat: the command name and state; a zombie counts as gone.
inline bool processAlive(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z';
}

// The live processes whose parent is pid and whose command name starts with name.
inline QList<qint64> childrenOf(qint64 pid, const QByteArray &name) {
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 candidate = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('(');
        const qsizetype close = text.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QByteArray command = text.mid(open + 1, close - open - 1);
        const QList<QByteArray> rest = text.mid(close + 2).split(' ');
        // rest: state, ppid, …
        if (rest.size() > 1 && rest.at(0) != "Z" && rest.at(1).toLongLong() == pid &&
            command.startsWith(name))
            children.append(candidate);
    }
    return children;
}

// The live redis-server processes whose parent is pid.
inline QList<qint64> redisChildrenOf(qint64 pid) {
    return childrenOf(pid, "redis-server");
}

} // namespace dcs::testing
