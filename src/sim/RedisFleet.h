#pragma once

#include "SimState.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace dcs::sim {

class RedisServerProcess;

struct FleetConfig {
    QString program; // the redis-server to run (never looked for: given by --redis-server)
    QString dataDir; // instances/<id>/ (each server's folder), backups/<id>/ (the backup store)
    // The state was just made with fresh demo data: whatever an earlier state left in the data
    // folder for these instances is forgotten.
    bool freshData = false;
    bool damagedRestoreFile = false; // --fault damaged-restore-file
};

// dcs-sim --redis-server: one supervised redis-server per demo Redis instance
// (demo::hasRealRedis), on a loopback port picked once and kept in the state file. The first
// start fills each with its demo data and makes the files of its existing backups from the data
// of their time; later starts load what each saved. Backups and restores of these instances are
// real work:
//  - a backup runs BGSAVE (BGREWRITEAOF for AOF), follows INFO persistence until it ended, and
//    keeps the file in the backup store; the record's size is the file's;
//  - a restore stops the server (which saves), puts the backup's file in its place and starts
//    it; the instance is RESTORING until the server answers again. When the server refuses the
//    file, the data it had is put back and the restore ends failed.
// Every Redis call runs on a worker thread: the event loop that serves HTTP never waits on one.
class RedisFleet : public QObject {
    Q_OBJECT
public:
    RedisFleet(SimState *state, FleetConfig config, QObject *parent = nullptr);
    ~RedisFleet() override;

    // Starts every server; ready() once all answer with their data, failed() if one cannot run.
    void start();
    // Stops every server and waits (each saves its data first); at exit.
    void stop(int timeoutMs = 10000);

    int serverCount() const { return int(m_nodes.size()); }
    // The backup's file in the store, "" when it has none.
    QString backupFile(const QString &instanceId, const QString &backupId) const;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);

private:
    struct Node;
    class BackupRun;
    class RestoreRun;

    void setUp(Node &node);
    void nodeReady(Node &node);
    void nodeStartFailed(Node &node, const QString &reason);
    void dispatch();
    void runBackup(Node &node, const RealJob &job);
    void runRestore(Node &node, const RealJob &job);
    void jobEnded(Node &node, const RealJob &job, bool succeeded, qint64 size);
    QString instanceDir(const QString &instanceId) const;
    QString storeDir(const QString &instanceId) const;
    static quint16 pickPort(const QSet<quint16> &avoid);
    static void notice(const QString &text);

    SimState *m_state;
    FleetConfig m_config;
    std::vector<std::unique_ptr<Node>> m_nodes;
    QTimer m_dispatchTimer;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace dcs::sim
