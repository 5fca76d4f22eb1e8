#pragma once

#include "api/RequestQueue.h"
#include "fleet/FleetCache.h"
#include "fleet/FleetTypes.h"
#include "model/Backup.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <deque>
#include <memory>

namespace dcs {

class Session;
class SessionOpener;

// Every chosen profile, region and project at once, with the backup health of each instance:
// one session per source (opened through the SessionOpener like any other), its instances
// listed, and the backups (and, on API v2, the background tasks) of each instance read through
// the RequestQueue — a few calls at a time per endpoint, patient with 429s. The sources are read
// concurrently and each on its own: one that cannot be reached fails alone.
//
// What is known is kept in the FleetCache with its time: a restart shows it at once, and an
// instance's backups are read again only when what is known of them is older than the maximum
// age, or when asked. Verdicts are worked out in core (judgeHealth) and told once per instance
// and change (turned()). Presents nothing: the fleet window shows what this holds.
class Fleet : public QObject {
    Q_OBJECT
public:
    struct Options {
        HealthThresholds thresholds;
        qint64 maxAgeSeconds = 3600; // what is known is read again once older than this
        int taskDays = 7;            // how far back background tasks are read
        QString cacheFile;           // empty: nothing is kept between runs
        int saveDelayMs = 2000;      // changes are written at most this often
        int backupPollMs = 2000;     // how often a backup started here is read while it runs
    };

    // opener and queue are not owned and must outlive the fleet.
    Fleet(SessionOpener *opener, RequestQueue *queue, Options options, QObject *parent = nullptr);
    ~Fleet() override;

    const Options &options() const { return m_options; }
    // Takes effect at once: verdicts are worked out again.
    void setThresholds(const HealthThresholds &thresholds);
    void setMaxAgeSeconds(qint64 seconds) { m_options.maxAgeSeconds = qMax<qint64>(0, seconds); }

    // Reads the cache (off the GUI thread); cacheLoaded() follows. Sources set before are
    // filled from it where they have no rows yet.
    void loadCache();
    bool isCacheLoaded() const { return m_cacheLoaded; }
    // Writes what is known now, at once (on the calling thread), after the writes asked for
    // before.
    bool saveCacheNow(QString *error = nullptr);
    // Writes what is known now on the cache's own thread (FleetCache::thread), after the writes
    // asked for before, without waiting for it: the future tells whether it was saved. The write
    // goes on when the fleet is deleted meanwhile, and is waited for when the application quits.
    QFuture<bool> saveCache();

    // The sources to show, in this order. New ones are opened at the next refresh(); those left
    // out are closed and their rows dropped.
    void setSources(const QList<FleetSource> &sources);
    const QList<FleetSource> &sources() const { return m_sources; }
    const FleetSource *source(const QString &key) const;
    FleetSourceState sourceState(const QString &key) const { return m_states.value(key); }
    // The source's open session, once it is open; null before or when it could not be opened.
    Session *session(const QString &sourceKey) const;

    // Lists every source again, and reads the backups of the instances whose facts are missing
    // or older than the maximum age (of every instance with force).
    void refresh(bool force = false);
    // Reads these instances' backups now, whatever their age.
    void reread(const QStringList &instanceKeys);
    // Stops what has not been sent yet; reads in flight are dropped. Backups started from here
    // are still followed.
    void cancel();

    bool isBusy() const;
    // Rows of a listed source or of the cache that are still going in (RowsPerTurn per turn of
    // the event loop): a source of thousands of instances is taken in over several turns, so
    // that the thread the fleet lives on keeps answering meanwhile.
    bool isTakingRows() const { return !m_listings.isEmpty() || m_cacheApply.has_value(); }
    static constexpr int RowsPerTurn = 150;
    // The source's instances whose backups are being read now (queued or running).
    int readsInFlight(const QString &sourceKey) const { return m_readingRows.value(sourceKey); }
    // Of the current refresh: backup reads ended and asked for (listing counts one per source).
    int progressDone() const { return m_progressDone; }
    int progressTotal() const { return m_progressTotal; }

    // Every instance, grouped by source in source order.
    QList<FleetInstance> instances() const;
    QStringList instanceKeys(const QString &sourceKey) const { return m_order.value(sourceKey); }
    const FleetInstance *instance(const QString &key) const;
    int instanceCount() const { return int(m_rows.size()); }
    // The rows the fleet has or is taking in now: per source, the most of its rows, of a list
    // going in and of the cache's rows going in.
    int knownInstanceCount() const;
    // Verdicts as they stand now.
    QHash<HealthVerdict, int> verdictCounts() const;
    // Works verdicts out again for the time now (an age crosses a threshold as time passes) and
    // tells what turned.
    void rejudge();

    // Why a manual backup of this instance cannot be started from the fleet; empty when it can.
    QString backupRefusal(const QString &instanceKey) const;
    // Starts a manual backup of each instance (the POST goes once, never repeated) and follows
    // it to its end through its source's session; its backups are read again when it ends.
    void backUp(const QStringList &instanceKeys, const QString &remark);

Q_SIGNALS:
    void cacheLoaded();
    // A source's session is open: its client makes every request of that source.
    void sessionOpened(const QString &sourceKey, dcs::Session *session);
    // A source's phase, error or counts changed.
    void sourceChanged(const QString &sourceKey);
    // A source's rows were replaced (listed, from the cache, or dropped).
    void instancesReplaced(const QString &sourceKey);
    // One instance's facts, verdict, read state or backup changed.
    void instanceChanged(const QString &instanceKey);
    void progressChanged(int done, int total);
    void busyChanged(bool busy);
    // An instance turned at risk or cannot-be-restored since it was last told (once per
    // instance and change).
    void turned(const QString &instanceKey, dcs::HealthVerdict verdict);
    // A backup started from the fleet: accepted (and followed), refused, or ended.
    void backupStarted(const QString &instanceKey, const QString &backupId);
    void backupRefused(const QString &instanceKey, const QString &reason); // translated
    void backupEnded(const QString &instanceKey, const dcs::Backup &backup);

private:
    struct SourceRun;
    void openSource(const QString &key);
    void listSource(const QString &key, bool force);
    void readHealth(const QString &instanceKey);
    void sendReads();
    void sendRead(const QString &instanceKey);
    void finishRead(const QString &instanceKey);
    struct Listing;
    void startListing(const QString &sourceKey, const QList<Instance> &listed, bool force);
    bool takeListedRows(const QString &sourceKey);
    void finishListing(const QString &sourceKey);
    bool applyCacheStep();
    void takeRows();
    void judge(FleetInstance &row, bool announce);
    void setReading(FleetInstance &row, bool reading);
    void setPhase(const QString &key, FleetSourceState::Phase phase, const QString &error = {});
    void countDone(const QString &sourceKey);
    void updateBusy();
    void scheduleSave();
    FleetSnapshot snapshot() const;
    void applySnapshot(const FleetSnapshot &snapshot);
    QObject *readContext(const QString &sourceKey);
    bool isStale(const FleetInstance &row, const QDateTime &now) const;

    SessionOpener *m_opener;
    RequestQueue *m_queue;
    Options m_options;
    QList<FleetSource> m_sources;
    QHash<QString, int> m_sourceIndex; // source key -> its place in m_sources
    QHash<QString, FleetSourceState> m_states;
    QHash<QString, QPointer<Session>> m_sessions;
    QHash<quint64, QString> m_openTickets;            // open() tickets of this fleet -> source key
    QHash<QString, QPointer<QObject>> m_readContexts; // per source; deleted on cancel
    QObject *m_writes;                                // context of backups started here
    QHash<QString, QStringList> m_order;              // source key -> instance keys
    QHash<QString, FleetInstance> m_rows;             // by instance key
    QHash<QString, int> m_readingRows;                // source key -> its rows being read
    QSet<QString> m_pendingForce; // sources waiting for their session with a forced refresh
    int m_progressDone = 0;
    int m_progressTotal = 0;
    bool m_busy = false;
    bool m_cacheLoaded = false;
    std::optional<FleetSnapshot> m_cached; // loaded, for sources set later
    quint64 m_cacheGeneration = 0;         // counts the snapshots loaded
    // A listed source going in: its rows are taken RowsPerTurn per turn. Until the last one is in,
    // the source's order holds the rows it had and the new ones taken so far; then it is the
    // list's order and the rows the list no longer has go.
    struct Listing {
        QList<Instance> listed;
        qsizetype at = 0; // the next one to take
        bool force = false;
        bool reads = true; // cleared by cancel(): the rows still go in, no read is asked for
        QStringList order; // of the rows taken so far, as listed
        QSet<QString> listedKeys;
        // What the cache knew of the source (kept here: the fleet's copy may be replaced), by
        // instance id; made when a row is new to this run.
        quint64 cacheGeneration = 0;
        std::optional<FleetSnapshot::Source> cached;
        QHash<QString, qsizetype> known;
    };
    QHash<QString, Listing> m_listings;
    std::deque<QString> m_listingTurns; // sources with rows to take, in turn
    // The cache's rows going in, RowsPerTurn per turn, source after source in the fleet's order.
    struct CacheApply {
        QStringList keys;
        int source = 0;     // the source being taken
        qsizetype row = 0;  // its next row
        bool fresh = false; // nothing listed for it yet: its rows are the cache's
    };
    std::optional<CacheApply> m_cacheApply;
    QTimer m_rowsTimer;
    QTimer m_saveTimer;
    // A save the timer asked for: the rows are copied SaveRowsPerTurn per turn of the event loop,
    // then written on the cache's thread (the fleet's lists handed over shared would be copied
    // whole on this thread by its next change while the cache's thread still holds them).
    struct SaveCopy {
        FleetSnapshot snapshot;
        QList<QStringList> keys; // per source
        int source = 0;
        qsizetype row = 0;
    };
    std::optional<SaveCopy> m_saveCopy;
    QTimer m_saveCopyTimer;
    static constexpr int SaveRowsPerTurn = 1000;
    void copyForSave();
    // Reads asked for and not sent yet, in order; sent ReadsPerTurn per turn of the event loop.
    static constexpr int ReadsPerTurn = 200;
    std::deque<QString> m_toSend;
    QSet<QString> m_toSendKeys;
    QTimer m_sendTimer;
};

} // namespace dcs
