#pragma once

#include "model/BackgroundTask.h"
#include "model/Backup.h"
#include "model/BackupPolicy.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace dcs::sim {

// The simulator's notion of "now"; tests pass a fake one.
using Clock = std::function<QDateTime()>;

// A refusal in the API's own terms; the HTTP layer puts it into the v1 error body.
struct SimError {
    int httpStatus = 400;
    QString code;
    QString message;
};

template <typename T> struct SimResult {
    T value{};
    std::optional<SimError> error;

    bool ok() const { return !error.has_value(); }
};

struct SimTiming {
    double backupSeconds = 10.0;
    double restoreSeconds = 20.0;
    bool backupsFail = false;  // --fault backup-fails
    bool restoresFail = false; // --fault restore-fails
    // --auto-backups: every running master/standby or cluster instance with an automatic policy
    // is backed up in its window on its days, and automatic backups expire after save_days.
    bool automaticBackups = false;
};

// What the instance list can be narrowed by (§1). Empty strings do not filter.
struct InstanceFilter {
    QString name;
    bool exactName = false;
    QString nameEqual; // v2 name_equal read as the exact name
    QString id;
    int capacityGb = -1; // v2 capacity; -1 does not filter
    QString status;
    QString ip;
    bool includeFailure = false;
    QList<Tag> tags; // an empty value matches any value of that key
};

// A backup or restore that runs by itself. Its status is computed from these timestamps at every
// read, so it is exact whenever it is looked at and survives a restart unchanged.
struct JobTimeline {
    bool live = false;
    QDateTime startAt; // waiting before, running from here
    QDateTime endAt;   // finished from here
    QString finalStatus;
    double finalProgress = 100.0;
    QString finalErrorCode;
    // A job of an instance backed by a real redis-server: from endAt on, its outcome is the real
    // work's (BGSAVE, or loading the backup's file), reported by finishRealJob(); until then it
    // runs. realState is "running" once that work began (saved, so a restart runs it again).
    bool real = false;
    QString realState;
    double realProgress = 0.0; // of the real work, not saved
};

struct SimBackup {
    Backup record;
    JobTimeline job;
};

struct SimRestore {
    QString instanceId;
    RestoreRecord record;
    JobTimeline job;
};

// A background task (v2 §9). While its job is live it is EXECUTING; then SUCCESS or FAILED.
struct SimTask {
    QString instanceId;
    BackgroundTask record;
    JobTimeline job;
};

// One downloadable file of a succeeded backup: what the links call points at and what
// dcs-sim serves under it.
struct BackupFile {
    QString instanceId;
    QString backupId;
    QString fileName;
    QString format; // rdb / aof
    qint64 size = 0;
    int shard = 0;     // 0-based; the file's content is derived from the backup id and this
    QString localPath; // set: a real file (a real server's backup); else generated on the fly
};

// A job whose real work is due (RealJob::Backup: BGSAVE; Restore: load the backup's file).
struct RealJob {
    enum class Kind { Backup, Restore };
    Kind kind = Kind::Backup;
    QString instanceId;
    QString jobId;        // backup id or restore id
    QString backupId;     // the backup made, or restored from
    QString format;       // rdb / aof of that backup
    bool resumed = false; // it had begun before a restart
};

// Everything dcs-sim knows, with the service's rules. Plain data, no HTTP: the server translates
// requests into these calls. Every change is saved at once when a state file is set.
class SimState {
public:
    explicit SimState(Clock clock = {}, SimTiming timing = {});

    static QDateTime systemNow();
    QDateTime now() const { return m_clock(); }
    const SimTiming &timing() const { return m_timing; }

    // Building the data set (demo data, tests). Records are stored as given.
    void clear();
    void addInstance(const Instance &instance);
    void addInstances(const QList<Instance> &instances); // one sort for many
    void addBackup(const Backup &backup, const JobTimeline &job = {});
    void addBackups(const QList<Backup> &backups); // one sort for many, like addInstances
    void addRestore(const QString &instanceId, const RestoreRecord &record,
                    const JobTimeline &job = {});
    void addTask(const QString &instanceId, const BackgroundTask &task,
                 const JobTimeline &job = {});
    bool hasInstance(const QString &instanceId) const;
    // The instance's automatic backups end failed with this error code (a disk that is full, a
    // broken agent…); an empty code lets them succeed again.
    void setAutomaticBackupsFail(const QString &instanceId, const QString &errorCode);

    // Persistence. A missing file is not an error (the caller seeds demo data); a damaged one is,
    // and is left alone.
    enum class LoadResult { Loaded, Missing, Damaged };
    void setStateFile(const QString &path) { m_stateFile = path; }
    QString stateFile() const { return m_stateFile; }
    LoadResult load(const QString &path, QString *error);
    bool save(QString *error = nullptr) const;
    QByteArray toJson() const;
    bool fromJson(const QByteArray &data, QString *error);
    QString lastSaveError() const { return m_lastSaveError; }

    // Reads, as of now(): statuses and progress are derived from the job timelines.
    int instanceCount() const { return int(m_instances.size()); }
    QList<Instance> allInstances() const;
    std::optional<Instance> instance(const QString &instanceId) const;
    struct InstancePage {
        int total = 0;
        QList<Instance> items;
    };
    // start is 1-based; instances newest first.
    InstancePage listInstances(const InstanceFilter &filter, int start, int limit) const;
    // Newest first; nullopt when the instance does not exist.
    std::optional<QList<Backup>> backups(const QString &instanceId) const;
    std::optional<QList<RestoreRecord>> restores(const QString &instanceId) const;
    std::optional<QList<BackgroundTask>> tasks(const QString &instanceId) const;
    // One page of those created within [begin, end] (an invalid end leaves that side open),
    // newest first: total counts the whole window, items are the page from first (0-based).
    // Only the page's records are looked at, however long the list.
    template <typename Record> struct RecordPage {
        int total = 0;
        QList<Record> items;
    };
    std::optional<RecordPage<Backup>> backupPage(const QString &instanceId, const QDateTime &begin,
                                                 const QDateTime &end, int first, int limit) const;
    std::optional<RecordPage<RestoreRecord>> restorePage(const QString &instanceId,
                                                         const QDateTime &begin,
                                                         const QDateTime &end, int first,
                                                         int limit) const;
    std::optional<RecordPage<BackgroundTask>> taskPage(const QString &instanceId,
                                                       const QDateTime &begin, const QDateTime &end,
                                                       int first, int limit) const;
    // Instances by status as listInstances would show them (CREATEFAILED only when asked).
    QMap<QString, int> statusCounts(bool includeFailure) const;
    // The files of a succeeded backup: one per shard of a cluster or proxy instance, whose sizes
    // add up to the backup's size. Refused like v2 §6 (unconfirmed there; this is dcs-sim's
    // choice): unknown instance DCS.3022, a backup that is unknown, deleted or not succeeded
    // DCS.4800 "Invalid backup_id".
    SimResult<QList<BackupFile>> backupFiles(const QString &instanceId,
                                             const QString &backupId) const;

    // The calls that change something, with the refusals of dcs-api.md §4–6.
    SimResult<QString> createBackup(const QString &instanceId, const QByteArray &body);
    SimResult<bool> deleteBackup(const QString &instanceId, const QString &backupId);
    SimResult<QString> restore(const QString &instanceId, const QByteArray &body);
    // PUT /v2/{project_id}/instances/{id} with {"instance_backup_policy": …} (v2 §11).
    SimResult<bool> updateInstance(const QString &instanceId, const QByteArray &body);

    // Turns jobs that have ended into plain records and, with automatic backups, starts the
    // ones whose window has come (catching up on windows missed while stopped, within
    // save_days) and expires the old ones; saves when that changed anything.
    bool advance();

    // Real servers (dcs-sim --redis-server). The port of an instance's server is kept in the
    // state file; while the server is active, the instance's ip, port and no_password_access
    // show it, and new backups and restores of that instance are real jobs.
    std::optional<quint16> redisPort(const QString &instanceId) const;
    void setRedisServer(const QString &instanceId, quint16 port); // active, port saved
    bool hasRealServer(const QString &instanceId) const {
        return m_realServers.contains(instanceId);
    }
    // dcs-sim --offline-addresses: every instance without an active real server shows
    // 127.0.0.1 and this port (one dcs-sim holds bound and does not listen on, so a connection
    // stays on the machine and is refused at once) instead of its made-up address. 0: the
    // made-up addresses. Not saved: the state file keeps each instance's own address.
    void setOfflinePort(quint16 port) { m_offlinePort = port; }
    quint16 offlinePort() const { return m_offlinePort; }
    // The live backups and restores of an instance become real (demo jobs that were running
    // when its server was first set up finish with real work).
    void makeLiveJobsReal(const QString &instanceId);
    QList<RealJob> dueRealJobs() const;
    void startRealJob(const RealJob &job);
    void setRealJobProgress(const RealJob &job, double percent);
    // The real work ended: a backup with the file's size, a restore loaded or not.
    void finishRealJob(const RealJob &job, bool succeeded, qint64 size = 0);
    // A backup's size is its real file's.
    void setBackupSize(const QString &instanceId, const QString &backupId, qint64 size);
    // Where the real file of a backup is ("" when it has none); told when a backup is deleted.
    void setBackupFileStore(std::function<QString(const QString &, const QString &)> locate,
                            std::function<void(const QString &, const QString &)> deleted);

    static constexpr int MaxRemarkCharacters = 128;

private:
    Instance viewInstance(const Instance &stored, const QDateTime &now) const;
    // The ip a client is given for the instance (viewInstance's, without the rest of the view).
    QString shownIp(const Instance &stored) const;
    Backup viewBackup(const SimBackup &backup, const QDateTime &now) const;
    RestoreRecord viewRestore(const SimRestore &restore, const QDateTime &now) const;
    BackgroundTask viewTask(const SimTask &task, const QDateTime &now) const;
    bool restoreRunning(const QString &instanceId, const QDateTime &now) const;
    bool backupRunning(const QString &instanceId, const QDateTime &now) const;
    JobTimeline newJob(const QDateTime &now, double seconds, bool fails, const QString &succeed,
                       const QString &errorCode) const;
    void sortInstances();
    void changed();
    // Saves a change just made; when that fails, undo() takes it back and the refusal (a 500
    // DCS.5000) is returned for the caller to answer with.
    std::optional<SimError> persist(const std::function<void()> &undo);
    bool runAutomaticBackups(const QDateTime &now);
    bool expireAutomaticBackups(const QDateTime &now);

    Clock m_clock;
    SimTiming m_timing;
    QString m_stateFile;
    mutable QString m_lastSaveError;
    // Every list is kept in the order it is served (newest first, then by id), so a page is a
    // slice of it: nothing is sorted or looked at beyond the page when one is read.
    QList<Instance> m_instances; // newest first
    QHash<QString, int> m_instanceIndex;
    QHash<QString, QList<SimBackup>> m_backups;   // by instance id, newest first
    QHash<QString, QList<SimRestore>> m_restores; // by instance id, newest first
    QHash<QString, QList<SimTask>> m_tasks;       // by instance id, newest first
    QHash<QString, quint16> m_redisPorts;         // saved: the port of each real server
    QSet<QString> m_realServers;                  // this run: instances with an active server
    quint16 m_offlinePort = 0;                    // this run: see setOfflinePort
    std::function<QString(const QString &, const QString &)> m_locateBackupFile;
    std::function<void(const QString &, const QString &)> m_backupDeleted;
    QHash<QString, QString> m_failingAutoBackups; // instance id -> the error code they end with
};

// The v1 error codes dcs-sim sends, with the service's English messages.
SimError simError(const QString &code);

// Characters, not bytes: a Chinese remark of 128 characters is allowed.
int characterCount(const QString &text);

} // namespace dcs::sim
