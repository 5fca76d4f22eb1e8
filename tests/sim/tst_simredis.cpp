// dcs-sim --redis-server: real servers behind the demo's Redis instances, real backup files,
// restores that move data, supervision, and no server left behind. Skipped without redis-server.

#include "ClientTestSupport.h"
#include "DemoData.h"
#include "RedisTestSupport.h"
#include "SimFixture.h"

#include <QHostAddress>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <csignal>

using namespace dcs;
using namespace dcs::testing;

namespace {

QStringList realArguments(const QStringList &extra = {}) {
    QStringList arguments{QStringLiteral("--redis-server"),    redisServerProgram(),
                          QStringLiteral("--backup-seconds"),  QStringLiteral("0.3"),
                          QStringLiteral("--restore-seconds"), QStringLiteral("0.3")};
    return arguments + extra;
}

Instance instanceNamed(DcsClient &client, const QString &name) {
    QObject context;
    return await<Instance>(
               [&](auto cb) { client.showInstance(sim::demo::instanceId(name), &context, cb); })
        .value;
}

Backup backupNamed(DcsClient &client, const QString &instanceId, const QString &backupId) {
    QObject context;
    for (const Backup &backup : backups(client, instanceId, &context)) {
        if (backup.backupId == backupId)
            return backup;
    }
    return {};
}

// Creates a backup and waits for it to end.
Backup backUp(DcsClient &client, const QString &instanceId, const QString &format = {}) {
    QObject context;
    const ApiResult<QString> created = await<QString>([&](auto cb) {
        client.createBackup(instanceId, QStringLiteral("test"), format, &context, cb);
    });
    if (!created.ok())
        return {};
    Backup backup;
    (void)QTest::qWaitFor(
        [&] {
            backup = backupNamed(client, instanceId, created.value);
            return backup.status == QLatin1String("succeed") ||
                   backup.status == QLatin1String("failed");
        },
        20000);
    return backup;
}

RestoreRecord restoreAndWait(DcsClient &client, const QString &instanceId,
                             const QString &backupId) {
    QObject context;
    const ApiResult<QString> posted = await<QString>([&](auto cb) {
        client.restore(instanceId, backupId, QStringLiteral("test restore"), &context, cb);
    });
    if (!posted.ok())
        return {};
    RestoreRecord found;
    (void)QTest::qWaitFor(
        [&] {
            for (const RestoreRecord &record : restores(client, instanceId, &context)) {
                if (record.restoreId == posted.value)
                    found = record;
            }
            return found.isFinished();
        },
        20000);
    return found;
}

// A key of the server's data with a value, in database 0.
QByteArray someKey(int port, const QByteArray &type) {
    auto redis = redisAt(port);
    QByteArray cursor = "0";
    do {
        const RedisReply page = redis->command({"SCAN", cursor, "COUNT", "200", "TYPE", type});
        if (page.type != RedisReply::Type::Array || page.elements.size() != 2)
            return {};
        cursor = page.elements.at(0).text;
        for (const RedisReply &key : page.elements.at(1).elements) {
            if (redis->command({"TTL", key.text}).integer == -1)
                return key.text;
        }
    } while (cursor != "0");
    return {};
}

} // namespace

class TestSimRedis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        if (redisServerProgram().isEmpty())
            QSKIP(qPrintable(noRedisMessage()));
    }

    void serversHoldTheDemoData() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments({QStringLiteral("--instances"), QStringLiteral("4")})),
                 qPrintable(sim.error()));
        // One server per demo Redis instance that exists; Memcached, CREATING, CREATEFAILED and
        // generated instances have none.
        QCOMPARE(redisChildrenOf(sim.process()->processId()).size(), 7);
        DcsClient client(configFor(sim));
        QObject context;
        QSet<quint16> ports;
        QSet<int> offlinePorts;
        for (const Instance &instance : instances(client, &context)) {
            const bool real = instance.engine == QLatin1String("Redis") &&
                              !instance.name.startsWith(QLatin1String("gen-instance-")) &&
                              instance.status != QLatin1String("CREATING") &&
                              instance.status != QLatin1String("CREATEFAILED");
            if (!real) {
                // The fixture's --offline-addresses: the one port where nothing answers.
                QCOMPARE(instance.ip, QStringLiteral("127.0.0.1"));
                offlinePorts.insert(instance.port);
                continue;
            }
            QCOMPARE(instance.ip, QStringLiteral("127.0.0.1"));
            QVERIFY(instance.port > 0);
            ports.insert(quint16(instance.port));
            const RedisReply size = redisCommand(instance.port, {"DBSIZE"});
            QVERIFY2(size.integer > 100, qPrintable(instance.name));
        }
        QCOMPARE(ports.size(), 7);
        QCOMPARE(offlinePorts.size(), 1);
        const int offlinePort = *offlinePorts.cbegin();
        QVERIFY(offlinePort > 0);
        QVERIFY(!ports.contains(quint16(offlinePort)));
        QTcpSocket refused;
        refused.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(offlinePort));
        QVERIFY(!refused.waitForConnected(5000));
        QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);

        // Every type, some TTLs of ten minutes or more, more than one database.
        const Instance order = instanceNamed(client, sim::demo::restorableInstanceName());
        auto redis = redisAt(order.port);
        QVERIFY(redis->isConnected());
        QSet<QByteArray> types;
        int withTtl = 0;
        QByteArray cursor = "0";
        do {
            const RedisReply page = redis->command({"SCAN", cursor, "COUNT", "500"});
            cursor = page.elements.at(0).text;
            for (const RedisReply &key : page.elements.at(1).elements) {
                types.insert(redis->command({"TYPE", key.text}).text);
                const qint64 ttl = redis->command({"TTL", key.text}).integer;
                if (ttl > 0) {
                    QVERIFY2(ttl >= 540, key.text.constData()); // 10 minutes, less the test's age
                    ++withTtl;
                }
            }
        } while (cursor != "0");
        QCOMPARE(types, (QSet<QByteArray>{"string", "hash", "list", "set", "zset"}));
        QVERIFY(withTtl > 0);
        const RedisReply keyspace = redis->command({"INFO", "keyspace"});
        QVERIFY(keyspace.text.contains("db0:keys="));
        QVERIFY(keyspace.text.contains("db1:keys="));
    }

    void backupKeepsTheServersFile() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments()), qPrintable(sim.error()));
        DcsClient client(configFor(sim));
        const Instance order = instanceNamed(client, sim::demo::restorableInstanceName());
        redisCommand(order.port, {"SET", "written-before-the-backup", "yes"});
        const Backup backup = backUp(client, order.instanceId);
        QCOMPARE(backup.status, QStringLiteral("succeed"));

        const QString file = QDir(sim.dir()).filePath(
            QStringLiteral("state.redis/backups/%1/%2.rdb").arg(order.instanceId, backup.backupId));
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QCOMPARE(backup.size, QFileInfo(file).size());
        QFile rdb(file);
        QVERIFY(rdb.open(QIODevice::ReadOnly));
        const QByteArray bytes = rdb.readAll();
        QVERIFY(bytes.startsWith("REDIS"));
        QVERIFY(bytes.contains("written-before-the-backup"));

        if (apiVersionUnderTest() == ApiVersion::V1)
            return; // download links are v2 only
        QObject context;
        const ApiResult<BackupLinks> links = await<BackupLinks>([&](auto cb) {
            client.listBackupLinks(order.instanceId, backup.backupId, 300, &context, cb);
        });
        QVERIFY2(links.ok(), qPrintable(links.error.message));
        QCOMPARE(links.value.links.size(), 1);
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(links.value.links.first().url));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->readAll(), bytes);
        reply->deleteLater();
    }

    void restoreBringsTheBackupsDataBack() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments()), qPrintable(sim.error()));
        DcsClient client(configFor(sim));
        const Instance order = instanceNamed(client, sim::demo::restorableInstanceName());
        const QByteArray kept = someKey(order.port, "hash");
        QVERIFY(!kept.isEmpty());
        const RedisReply keptValue = redisCommand(order.port, {"HGETALL", kept});
        const Backup backup = backUp(client, order.instanceId);
        QCOMPARE(backup.status, QStringLiteral("succeed"));

        redisCommand(order.port, {"SET", "marker-after-backup", "1"});
        redisCommand(order.port, {"DEL", kept});
        const RestoreRecord record = restoreAndWait(client, order.instanceId, backup.backupId);
        QCOMPARE(record.status, QStringLiteral("succeed"));
        QCOMPARE(instanceNamed(client, sim::demo::restorableInstanceName()).status,
                 QStringLiteral("RUNNING"));
        QCOMPARE(redisCommand(order.port, {"EXISTS", "marker-after-backup"}).integer, 0);
        const RedisReply back = redisCommand(order.port, {"HGETALL", kept});
        QCOMPARE(back.elements.size(), keptValue.elements.size());
        for (qsizetype i = 0; i < back.elements.size(); ++i)
            QCOMPARE(back.elements.at(i).text, keptValue.elements.at(i).text);

        // An AOF backup restores too, and the server keeps its data in dump.rdb after.
        const Backup aof = backUp(client, order.instanceId, QStringLiteral("aof"));
        QCOMPARE(aof.status, QStringLiteral("succeed"));
        redisCommand(order.port, {"SET", "marker-after-aof", "1"});
        QCOMPARE(restoreAndWait(client, order.instanceId, aof.backupId).status,
                 QStringLiteral("succeed"));
        QCOMPARE(redisCommand(order.port, {"EXISTS", "marker-after-aof"}).integer, 0);
        QCOMPARE(redisCommand(order.port, {"EXISTS", kept}).integer, 1);
        QCOMPARE(redisCommand(order.port, {"CONFIG", "GET", "appendonly"}).elements.value(1).text,
                 QByteArray("no"));
    }

    void flushedInstanceGetsEveryKeyBack() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments()), qPrintable(sim.error()));
        DcsClient client(configFor(sim));
        const Instance order = instanceNamed(client, sim::demo::restorableInstanceName());
        // Every database's keys and a few values of several types, as backed up.
        auto keysPerDatabase = [&] {
            QMap<int, qint64> counts;
            const RedisReply info = redisCommand(order.port, {"INFO", "keyspace"});
            for (const QByteArray &line : info.text.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                const qsizetype keys = line.indexOf("keys=");
                if (line.startsWith("db") && colon > 2 && keys > colon)
                    counts.insert(
                        line.mid(2, colon - 2).toInt(),
                        line.mid(keys + 5, line.indexOf(',', keys) - keys - 5).toLongLong());
            }
            return counts;
        };
        const QMap<int, qint64> before = keysPerDatabase();
        QVERIFY(before.size() > 1); // the demo uses more than one database
        QList<QByteArray> samples;
        for (const char *type : {"string", "hash", "list", "set", "zset"}) {
            const QByteArray key = someKey(order.port, type);
            QVERIFY2(!key.isEmpty(), type);
            samples.append(key);
        }
        QMap<QByteArray, QByteArray> dumps;
        for (const QByteArray &key : std::as_const(samples))
            dumps.insert(key, redisCommand(order.port, {"DUMP", key}).text);
        const Backup backup = backUp(client, order.instanceId);
        QCOMPARE(backup.status, QStringLiteral("succeed"));

        QVERIFY(redisCommand(order.port, {"FLUSHALL"}).isStatus("OK"));
        QCOMPARE(redisCommand(order.port, {"DBSIZE"}).integer, 0);
        QCOMPARE(restoreAndWait(client, order.instanceId, backup.backupId).status,
                 QStringLiteral("succeed"));
        QCOMPARE(keysPerDatabase(), before);
        for (auto it = dumps.cbegin(); it != dumps.cend(); ++it)
            QCOMPARE(redisCommand(order.port, {"DUMP", it.key()}).text, it.value());
    }

    void damagedFileFailsAndKeepsTheData() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments(
                     {QStringLiteral("--fault"), QStringLiteral("damaged-restore-file")})),
                 qPrintable(sim.error()));
        DcsClient client(configFor(sim));
        const Instance order = instanceNamed(client, sim::demo::restorableInstanceName());
        const Backup backup = backUp(client, order.instanceId);
        QCOMPARE(backup.status, QStringLiteral("succeed"));
        redisCommand(order.port, {"SET", "marker-after-backup", "still here"});
        const RestoreRecord record = restoreAndWait(client, order.instanceId, backup.backupId);
        QCOMPARE(record.status, QStringLiteral("failed"));
        QCOMPARE(record.errorCode, QStringLiteral("dcs.08.0007"));
        QCOMPARE(instanceNamed(client, sim::demo::restorableInstanceName()).status,
                 QStringLiteral("RUNNING"));
        QCOMPARE(redisCommand(order.port, {"GET", "marker-after-backup"}).text,
                 QByteArray("still here"));
        QVERIFY(sim.log().contains("refused the backup's file"));
    }

    void restartKeepsDataAndPorts() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments()), qPrintable(sim.error()));
        int port = 0;
        {
            DcsClient client(configFor(sim));
            port = instanceNamed(client, sim::demo::restorableInstanceName()).port;
        }
        QCOMPARE(redisCommand(port, {"SET", "survives-restarts", "1"}).text, QByteArray("OK"));
        sim.stop();
        QCOMPARE(redisCommand(port, {"PING"}).type, RedisReply::Type::None);

        QVERIFY2(sim.start(realArguments(), sim.stateFile()), qPrintable(sim.error()));
        DcsClient client(configFor(sim));
        QCOMPARE(instanceNamed(client, sim::demo::restorableInstanceName()).port, port);
        QCOMPARE(redisCommand(port, {"GET", "survives-restarts"}).text, QByteArray("1"));
    }

    void deadServerIsStartedAgain() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments()), qPrintable(sim.error()));
        DcsClient client(configFor(sim));
        const int port = instanceNamed(client, sim::demo::restorableInstanceName()).port;
        const QList<qint64> before = redisChildrenOf(sim.process()->processId());
        QCOMPARE(before.size(), 7);
        qint64 victim = 0;
        for (qint64 pid : before) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            QVERIFY(cmdline.open(QIODevice::ReadOnly));
            // redis-server names itself by its address in the process list.
            if (cmdline.readAll().contains(":" + QByteArray::number(port)))
                victim = pid;
        }
        QVERIFY(victim != 0);
        ::kill(pid_t(victim), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(victim), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(redisCommand(port, {"PING"}).text, QByteArray("PONG"), 10000);
        QCOMPARE(redisChildrenOf(sim.process()->processId()).size(), 7);
        QVERIFY(redisCommand(port, {"DBSIZE"}).integer > 100);
        QVERIFY(sim.log().contains("starting it again"));
    }

    void noServerOutlivesTheSimulator() {
        SimFixture sim;
        QVERIFY2(sim.start(realArguments()), qPrintable(sim.error()));
        int port = 0;
        {
            DcsClient client(configFor(sim));
            port = instanceNamed(client, sim::demo::restorableInstanceName()).port;
        }
        redisCommand(port, {"SET", "written-before-sigkill", "1"});
        const QList<qint64> servers = redisChildrenOf(sim.process()->processId());
        QCOMPARE(servers.size(), 7);
        ::kill(pid_t(sim.process()->processId()), SIGKILL);
        QVERIFY(sim.process()->waitForFinished(5000));
        for (qint64 pid : servers)
            QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);

        // Told to stop as dcs-sim died, each server saved what it had.
        QVERIFY2(sim.start(realArguments(), sim.stateFile()), qPrintable(sim.error()));
        QCOMPARE(redisCommand(port, {"GET", "written-before-sigkill"}).text, QByteArray("1"));
    }
};

QTEST_GUILESS_MAIN(TestSimRedis)
#include "tst_simredis.moc"
