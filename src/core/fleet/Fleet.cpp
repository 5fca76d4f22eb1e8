#include "fleet/Fleet.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "profiles/Session.h"
#include "profiles/SessionOpener.h"
#include "restore/ActionRules.h"

#include <QCoreApplication>
#include <QMutex>
#include <QScopeGuard>
#include <QtConcurrent>

namespace dcs {

namespace {

// One line for a row: what failed and what to do about it.
QString describe(const ApiError &error) {
    const QString explanation = error.explanation();
    return explanation.isEmpty() ? error.summary()
                                 : error.summary() + QLatin1Char('\n') + explanation;
}

using Phase = FleetSourceState::Phase;

bool isActive(Phase phase) {
    return phase == Phase::Opening || phase == Phase::Listing || phase == Phase::Reading;
}

// What the cache keeps, taken as the fleet's own lists (shared, not copied) so that the snapshot
// is made on the cache's thread: the fleet copies what it changes afterwards, row by row as it
// changes them.
struct SnapshotParts {
    QList<FleetSource> sources;
    QHash<QString, FleetSourceState> states;
    QHash<QString, QStringList> order;
    QHash<QString, FleetInstance> rows;

    FleetSnapshot make() const {
        FleetSnapshot data;
        data.sources.reserve(sources.size());
        for (const FleetSource &s : sources) {
            FleetSnapshot::Source entry;
            entry.key = s.key();
            entry.listedAt = states.value(entry.key).listedAt;
            const QStringList keys = order.value(entry.key);
            entry.instances.reserve(keys.size());
            for (const QString &key : keys) {
                const auto row = rows.constFind(key);
                if (row != rows.cend())
                    entry.instances.append(*row);
            }
            data.sources.append(entry);
        }
        return data;
    }
};

// The last write asked for per cache file that has not ended yet: a load of that file (a fleet
// window closed and opened again) takes what it will hold from here instead of waiting on the
// cache's thread for the write, and for those asked before it, to end.
struct PendingWrite {
    quint64 ticket = 0;
    // The fleet's lists until the snapshot is made (then reset), and the snapshot made.
    std::shared_ptr<std::optional<SnapshotParts>> parts;
    std::optional<FleetSnapshot> made;
};
QMutex pendingWritesMutex;
QHash<QString, PendingWrite> pendingWrites;

// Writes what the fleet knew, given as its lists (made into a snapshot on the cache's thread) or
// as a snapshot made already, on the cache's thread after the writes asked for before.
QFuture<bool> writeCache(const QString &path, std::shared_ptr<std::optional<SnapshotParts>> parts,
                         std::optional<FleetSnapshot> made) {
    static quint64 tickets = 0;
    const quint64 ticket = ++tickets; // asked for on the fleets' thread only
    {
        const QMutexLocker lock(&pendingWritesMutex);
        pendingWrites.insert(path, {ticket, parts, made});
    }
    return QtConcurrent::run(FleetCache::thread(), [path, parts, made, ticket] {
        FleetSnapshot snapshot;
        if (made) {
            snapshot = *made;
        } else {
            snapshot = (*parts)->make();
            const QMutexLocker lock(&pendingWritesMutex);
            parts->reset(); // the fleet's lists are its own again
            const auto last = pendingWrites.find(path);
            if (last != pendingWrites.end() && last->ticket == ticket)
                last->made = snapshot;
        }
        const auto written = qScopeGuard([&path, ticket] {
            const QMutexLocker lock(&pendingWritesMutex);
            const auto last = pendingWrites.constFind(path);
            if (last != pendingWrites.cend() && last->ticket == ticket)
                pendingWrites.erase(last);
        });
        QString error;
        const bool saved = FleetCache::save(path, snapshot, &error);
        if (!saved)
            qWarning("Fleet cache: %s", qPrintable(error));
        return saved;
    });
}

} // namespace

// What one read of an instance's backups gathers before its facts can be summed up.
struct HealthRead {
    int remaining = 0;
    bool shown = false;
    Instance instance;
    std::optional<BackupPolicy> policy;
    bool backupsRead = false;
    QList<Backup> backups;
    std::optional<QList<BackgroundTask>> tasks;
    ApiError error; // of the details or the backups: the read failed
};

Fleet::Fleet(SessionOpener *opener, RequestQueue *queue, Options options, QObject *parent)
    : QObject(parent)
    , m_opener(opener)
    , m_queue(queue)
    , m_options(std::move(options))
    , m_writes(new QObject(this)) {
    qRegisterMetaType<dcs::Session *>();
    qRegisterMetaType<dcs::HealthVerdict>();
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        SaveCopy copy;
        for (const FleetSource &s : std::as_const(m_sources)) {
            FleetSnapshot::Source entry;
            entry.key = s.key();
            entry.listedAt = m_states.value(entry.key).listedAt;
            copy.keys.append(m_order.value(entry.key));
            entry.instances.reserve(copy.keys.constLast().size());
            copy.snapshot.sources.append(entry);
        }
        m_saveCopy = std::move(copy);
        copyForSave();
    });
    m_saveCopyTimer.setSingleShot(true);
    m_saveCopyTimer.setInterval(0);
    connect(&m_saveCopyTimer, &QTimer::timeout, this, &Fleet::copyForSave);
    m_sendTimer.setSingleShot(true);
    m_sendTimer.setInterval(0);
    connect(&m_sendTimer, &QTimer::timeout, this, &Fleet::sendReads);
    m_rowsTimer.setSingleShot(true);
    m_rowsTimer.setInterval(0);
    connect(&m_rowsTimer, &QTimer::timeout, this, &Fleet::takeRows);
    connect(m_opener, &SessionOpener::opened, this, [this](quint64 ticket, Session *session) {
        if (!m_openTickets.contains(ticket))
            return;
        const QString key = m_openTickets.take(ticket);
        if (!source(key)) {
            session->close();
            return;
        }
        m_sessions.insert(key, session);
        session->setBackupPollMs(m_options.backupPollMs);
        connect(session, &Session::backupUpdated, this,
                [this, key](const QString &instanceId, const Backup &backup) {
                    const QString rowKey = FleetInstance::keyFor(key, instanceId);
                    auto it = m_rows.find(rowKey);
                    if (it == m_rows.end() || it->backupId != backup.backupId)
                        return;
                    it->backupStatus = backup.status;
                    it->backupProgress = backup.progress;
                    Q_EMIT instanceChanged(rowKey);
                });
        connect(session, &Session::backupFinished, this,
                [this, key](const QString &instanceId, const Backup &backup) {
                    const QString rowKey = FleetInstance::keyFor(key, instanceId);
                    auto it = m_rows.find(rowKey);
                    if (it != m_rows.end() && it->backupId == backup.backupId) {
                        it->backupStatus.clear();
                        it->backupProgress = 0.0;
                        Q_EMIT instanceChanged(rowKey);
                    }
                    Q_EMIT backupEnded(rowKey, backup);
                    // What the backup changed: read again now.
                    reread({rowKey});
                });
        connect(session, &Session::backupTimedOut, this,
                [this, key](const QString &instanceId, const QString &backupId) {
                    const QString rowKey = FleetInstance::keyFor(key, instanceId);
                    auto it = m_rows.find(rowKey);
                    if (it != m_rows.end() && it->backupId == backupId) {
                        it->backupStatus.clear();
                        Q_EMIT instanceChanged(rowKey);
                    }
                    reread({rowKey});
                });
        Q_EMIT sessionOpened(key, session);
        listSource(key, m_pendingForce.contains(key));
        m_pendingForce.remove(key);
    });
    connect(m_opener, &SessionOpener::failed, this,
            [this](quint64 ticket, const Profile &, const QString &message) {
                if (!m_openTickets.contains(ticket))
                    return;
                const QString key = m_openTickets.take(ticket);
                m_pendingForce.remove(key);
                if (!source(key))
                    return;
                setPhase(key, Phase::Failed, message);
                countDone(key);
            });
}

Fleet::~Fleet() {
    m_saveTimer.stop();
    // Reads in flight are dropped with their contexts; sessions close once nothing they follow
    // is left.
    qDeleteAll(findChildren<QObject *>(QString(), Qt::FindDirectChildrenOnly));
    for (const QPointer<Session> &session : std::as_const(m_sessions)) {
        if (session)
            session->close();
    }
    // A cache read under way is dropped with the fleet (its answer has nowhere to go); writes
    // asked for go on on the cache's thread.
}

void Fleet::setThresholds(const HealthThresholds &thresholds) {
    m_options.thresholds = thresholds;
    rejudge();
}

// ---- sources ---------------------------------------------------------------------------------

const FleetSource *Fleet::source(const QString &key) const {
    // Asked for per row shown: found by its key without making every source's key again.
    const auto at = m_sourceIndex.constFind(key);
    return at == m_sourceIndex.cend() ? nullptr : &m_sources.at(*at);
}

Session *Fleet::session(const QString &sourceKey) const {
    return m_sessions.value(sourceKey).data();
}

void Fleet::setSources(const QList<FleetSource> &sources) {
    QSet<QString> keep;
    for (const FleetSource &s : sources)
        keep.insert(s.key());
    const QList<FleetSource> old = m_sources;
    m_sources = sources;
    m_sourceIndex.clear();
    for (int i = 0; i < m_sources.size(); ++i)
        m_sourceIndex.insert(m_sources.at(i).key(), i);
    for (const FleetSource &gone : old) {
        const QString key = gone.key();
        if (keep.contains(key))
            continue;
        if (QObject *context = m_readContexts.take(key))
            delete context;
        m_listings.remove(key); // what it had not taken yet goes with it
        if (const QPointer<Session> session = m_sessions.take(key))
            session->close();
        for (const QString &rowKey : m_order.take(key))
            m_rows.remove(rowKey);
        m_readingRows.remove(key);
        m_states.remove(key);
        Q_EMIT instancesReplaced(key);
    }
    for (const FleetSource &s : sources) {
        const QString key = s.key();
        if (m_states.contains(key))
            continue;
        m_states.insert(key, {});
        if (m_cached) {
            if (const FleetSnapshot::Source *cached = m_cached->source(key)) {
                FleetSourceState &state = m_states[key];
                state.listedAt = cached->listedAt;
                state.fromCache = true;
                QStringList order;
                for (FleetInstance row : cached->instances) {
                    row.sourceKey = key;
                    row.reading = false;
                    judge(row, true);
                    order.append(row.key());
                    m_rows.insert(row.key(), row);
                }
                m_order.insert(key, order);
                state.instanceCount = int(order.size());
                Q_EMIT instancesReplaced(key);
            }
        }
        Q_EMIT sourceChanged(key);
    }
    updateBusy();
}

QObject *Fleet::readContext(const QString &sourceKey) {
    QPointer<QObject> &context = m_readContexts[sourceKey];
    if (!context)
        context = new QObject(this);
    return context;
}

void Fleet::setPhase(const QString &key, Phase phase, const QString &error) {
    if (!m_states.contains(key))
        return;
    FleetSourceState &state = m_states[key];
    state.phase = phase;
    state.error = error;
    Q_EMIT sourceChanged(key);
    updateBusy();
}

// ---- reading ---------------------------------------------------------------------------------

void Fleet::refresh(bool force) {
    m_progressDone = 0;
    m_progressTotal = int(m_sources.size());
    for (const FleetSource &s : std::as_const(m_sources)) {
        const QString key = s.key();
        FleetSourceState &state = m_states[key];
        state.readsDone = 0;
        state.readsTotal = 0;
        if (isActive(state.phase) && state.phase != Phase::Reading) {
            // Opening or listing already: that answer serves this refresh too.
            if (force)
                m_pendingForce.insert(key);
            continue;
        }
        if (session(key)) {
            listSource(key, force);
        } else {
            if (force)
                m_pendingForce.insert(key);
            setPhase(key, Phase::Opening);
            m_openTickets.insert(m_opener->open(s.profile), key);
        }
    }
    Q_EMIT progressChanged(m_progressDone, m_progressTotal);
    updateBusy();
}

void Fleet::listSource(const QString &key, bool force) {
    Session *open = session(key);
    if (!open)
        return;
    setPhase(key, Phase::Listing);
    DcsClient *client = open->client();
    QObject *context = readContext(key);
    m_queue->enqueue(RequestQueue::endpointKey(client->config().endpoint), RequestQueue::Kind::Read,
                     context, [this, key, force, client, context](const RequestQueue::Done &done) {
                         client->listInstances(
                             {}, context,
                             [this, key, force, done](const ApiResult<QList<Instance>> &result) {
                                 if (done(result.error) == RequestQueue::Outcome::Retrying)
                                     return;
                                 if (!result.ok()) {
                                     // The rows known before stay, marked by the source's error
                                     // row. The session is opened afresh next time (a simulator
                                     // back on another port, a secret entered since); what it
                                     // follows goes on meanwhile.
                                     setPhase(key, Phase::Failed, describe(result.error));
                                     if (result.error.kind != ApiError::Kind::Cancelled) {
                                         if (const QPointer<Session> failed = m_sessions.take(key))
                                             failed->close();
                                     }
                                     countDone(key);
                                     return;
                                 }
                                 startListing(key, result.value, force);
                             });
                     });
}

bool Fleet::isStale(const FleetInstance &row, const QDateTime &now) const {
    return !row.facts || !row.readError.isEmpty() ||
           row.facts->readAt.secsTo(now) >= m_options.maxAgeSeconds;
}

void Fleet::startListing(const QString &sourceKey, const QList<Instance> &listed, bool force) {
    // A list taken in before this one had all its rows in: this one takes over from where the
    // rows are now (the rows the older list brought so far stay only if this one has them too).
    m_listings.remove(sourceKey);
    FleetSourceState &state = m_states[sourceKey];
    state.listedAt = QDateTime::currentDateTimeUtc();
    state.fromCache = false;
    Listing &listing = m_listings[sourceKey];
    listing.listed = listed;
    listing.force = force;
    listing.order.reserve(listed.size());
    listing.listedKeys.reserve(listed.size());
    m_rows.reserve(m_rows.size() + listed.size() - m_order.value(sourceKey).size());
    // Read from now on: the reads of the rows go out as the rows go in.
    setPhase(sourceKey, Phase::Reading);
    // The first rows at once (a short list is in before this returns), the rest RowsPerTurn per
    // turn of the event loop.
    if (takeListedRows(sourceKey))
        return;
    if (std::find(m_listingTurns.cbegin(), m_listingTurns.cend(), sourceKey) ==
        m_listingTurns.cend())
        m_listingTurns.push_back(sourceKey);
    if (!m_rowsTimer.isActive())
        m_rowsTimer.start();
}

bool Fleet::takeListedRows(const QString &sourceKey) {
    const auto job = m_listings.find(sourceKey);
    if (job == m_listings.end())
        return true;
    Listing &listing = *job;
    const qsizetype end = qMin(listing.at + RowsPerTurn, listing.listed.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (; listing.at < end; ++listing.at) {
        const Instance &instance = listing.listed.at(listing.at);
        const QString key = FleetInstance::keyFor(sourceKey, instance.instanceId);
        if (listing.listedKeys.contains(key))
            continue; // a list that repeats itself
        listing.listedKeys.insert(key);
        listing.order.append(key);
        auto it = m_rows.find(key);
        if (it == m_rows.end()) {
            FleetInstance row;
            row.sourceKey = sourceKey;
            // What the cache knew, when the row is new to this run (a list read again finds its
            // rows, and the cache is not looked at).
            if (m_cached && (!listing.cached || listing.cacheGeneration != m_cacheGeneration)) {
                listing.cacheGeneration = m_cacheGeneration;
                listing.known.clear();
                const FleetSnapshot::Source *cached = m_cached->source(sourceKey);
                listing.cached = cached ? *cached : FleetSnapshot::Source{};
                listing.known.reserve(listing.cached->instances.size());
                for (qsizetype i = 0; i < listing.cached->instances.size(); ++i) {
                    const QString &id = listing.cached->instances.at(i).instance.instanceId;
                    if (!listing.known.contains(id)) // the first, as lists repeat
                        listing.known.insert(id, i);
                }
            }
            if (m_cached) {
                const auto was = listing.known.constFind(instance.instanceId);
                if (was != listing.known.cend()) {
                    const FleetInstance &known = listing.cached->instances.at(*was);
                    row.facts = known.facts;
                    row.announced = known.announced;
                }
            }
            it = m_rows.insert(key, row);
            // Until the list is in, the source's order holds its new rows after those it had.
            m_order[sourceKey].append(key);
        }
        // The list's fields are the freshest; what only the details carry is kept.
        if (!instance.hasShowFields && it->instance.hasShowFields) {
            const QString cacheMode = it->instance.cacheMode;
            const auto policy = it->instance.instanceBackupPolicy;
            it->instance = instance;
            it->instance.cacheMode = cacheMode;
            it->instance.instanceBackupPolicy = policy;
            it->instance.hasShowFields = true;
        } else {
            it->instance = instance;
        }
        judge(*it, true);
        if (listing.reads && (listing.force || isStale(*it, now)) && !it->reading)
            readHealth(key);
    }
    if (listing.at < listing.listed.size())
        return false;
    finishListing(sourceKey);
    return true;
}

void Fleet::finishListing(const QString &sourceKey) {
    Listing listing = m_listings.take(sourceKey);
    // The rows the list no longer has (also those the cache showed) go.
    for (const QString &key : m_order.value(sourceKey)) {
        if (listing.listedKeys.contains(key))
            continue;
        const auto gone = m_rows.find(key);
        if (gone == m_rows.end())
            continue;
        setReading(*gone, false);
        m_rows.erase(gone);
    }
    m_order.insert(sourceKey, listing.order);
    m_states[sourceKey].instanceCount = int(listing.order.size());
    Q_EMIT instancesReplaced(sourceKey);
    scheduleSave();
    countDone(sourceKey); // the listing itself
}

void Fleet::takeRows() {
    // One step per turn of the event loop: the cache's rows first (a restart shows them before
    // anything is listed), then the listed sources in turn.
    if (m_cacheApply) {
        applyCacheStep();
    } else if (!m_listingTurns.empty()) {
        const QString key = m_listingTurns.front();
        m_listingTurns.pop_front();
        if (m_listings.contains(key) && !takeListedRows(key))
            m_listingTurns.push_back(key);
    }
    if (m_cacheApply || !m_listingTurns.empty())
        m_rowsTimer.start(); // from its own timeout: in the next turn
}

void Fleet::reread(const QStringList &instanceKeys) {
    bool any = false;
    for (const QString &key : instanceKeys) {
        auto it = m_rows.find(key);
        if (it == m_rows.end() || it->reading || !session(it->sourceKey))
            continue;
        if (!isBusy()) {
            m_progressDone = 0;
            m_progressTotal = 0;
        }
        FleetSourceState &state = m_states[it->sourceKey];
        if (!isActive(state.phase)) {
            state.readsDone = 0;
            state.readsTotal = 0;
        }
        if (state.phase != Phase::Opening && state.phase != Phase::Listing)
            setPhase(it->sourceKey, Phase::Reading);
        readHealth(key);
        any = true;
    }
    if (any)
        Q_EMIT progressChanged(m_progressDone, m_progressTotal);
}

void Fleet::readHealth(const QString &instanceKey) {
    auto it = m_rows.find(instanceKey);
    if (it == m_rows.end())
        return;
    const QString sourceKey = it->sourceKey;
    Session *open = session(sourceKey);
    if (!open)
        return;
    setReading(*it, true);
    ++m_progressTotal;
    ++m_states[sourceKey].readsTotal;
    Q_EMIT instanceChanged(instanceKey);
    // Sent a few hundred per turn of the event loop: a source of thousands of instances asks
    // for its reads in one go, and the queue sends a few at a time anyway.
    if (!m_toSendKeys.contains(instanceKey)) {
        m_toSendKeys.insert(instanceKey);
        m_toSend.push_back(instanceKey);
    }
    if (!m_sendTimer.isActive())
        m_sendTimer.start();
}

void Fleet::sendReads() {
    for (int sent = 0; sent < ReadsPerTurn && !m_toSend.empty();) {
        const QString key = m_toSend.front();
        m_toSend.pop_front();
        m_toSendKeys.remove(key);
        const auto it = m_rows.constFind(key);
        if (it == m_rows.cend() || !it->reading)
            continue; // gone, or stopped
        sendRead(key);
        ++sent;
    }
    if (!m_toSend.empty())
        m_sendTimer.start(); // from its own timeout: in the next turn
}

void Fleet::sendRead(const QString &instanceKey) {
    auto it = m_rows.find(instanceKey);
    const QString sourceKey = it->sourceKey;
    Session *open = session(sourceKey);
    if (!open) {
        // Its session went meanwhile (a listing that failed): the read ends unsent.
        setReading(*it, false);
        Q_EMIT instanceChanged(instanceKey);
        countDone(sourceKey);
        return;
    }
    DcsClient *client = open->client();
    QObject *context = readContext(sourceKey);
    const QString endpoint = RequestQueue::endpointKey(client->config().endpoint);
    const QString instanceId = it->instance.instanceId;
    // Background tasks exist in v2 only; a v1.0 service is not asked.
    const bool tasks = client->apiVersion() != ApiVersion::V1;
    auto read = std::make_shared<HealthRead>();
    read->remaining = tasks ? 3 : 2;
    auto finished = [this, read, instanceKey, sourceKey] {
        if (--read->remaining > 0)
            return;
        auto row = m_rows.find(instanceKey);
        if (row != m_rows.end()) {
            setReading(*row, false);
            if (read->error.isError()) {
                row->readError = describe(read->error);
            } else {
                if (read->shown)
                    row->instance = read->instance;
                row->facts =
                    summarizeHealth(row->instance, read->shown, read->policy, read->backups,
                                    read->tasks, QDateTime::currentDateTimeUtc());
                row->readError.clear();
            }
            judge(*row, true);
            Q_EMIT instanceChanged(instanceKey);
            scheduleSave();
        }
        countDone(sourceKey);
    };

    m_queue->enqueue(
        endpoint, RequestQueue::Kind::Read, context,
        [client, context, instanceId, read, finished](const RequestQueue::Done &done) {
            client->showInstance(
                instanceId, context, [read, finished, done](const ApiResult<Instance> &result) {
                    if (done(result.error) == RequestQueue::Outcome::Retrying)
                        return;
                    if (result.ok()) {
                        read->shown = true;
                        read->instance = result.value;
                        read->policy =
                            BackupPolicy::fromJson(QJsonValue(result.value.instanceBackupPolicy));
                    } else {
                        read->error = result.error;
                    }
                    finished();
                });
        });
    m_queue->enqueue(endpoint, RequestQueue::Kind::Read, context,
                     [client, context, instanceId, read, finished](const RequestQueue::Done &done) {
                         client->listBackups(
                             instanceId, {}, context,
                             [read, finished, done](const ApiResult<QList<Backup>> &result) {
                                 if (done(result.error) == RequestQueue::Outcome::Retrying)
                                     return;
                                 if (result.ok()) {
                                     read->backupsRead = true;
                                     read->backups = result.value;
                                 } else if (!read->error.isError()) {
                                     read->error = result.error;
                                 }
                                 finished();
                             });
                     });
    if (!tasks)
        return;
    const int days = m_options.taskDays;
    m_queue->enqueue(
        endpoint, RequestQueue::Kind::Read, context,
        [client, context, instanceId, read, finished, days](const RequestQueue::Done &done) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            client->listTasks(
                instanceId, {now.addDays(-days), now}, context,
                [read, finished, done](const ApiResult<QList<BackgroundTask>> &result) {
                    if (done(result.error) == RequestQueue::Outcome::Retrying)
                        return;
                    // Not having them (a v1.0 service, a refusal) only means they are not
                    // looked at.
                    if (result.ok())
                        read->tasks = result.value;
                    finished();
                });
        });
}

void Fleet::countDone(const QString &sourceKey) {
    ++m_progressDone;
    if (m_states.contains(sourceKey)) {
        FleetSourceState &state = m_states[sourceKey];
        if (state.phase == Phase::Reading) {
            state.readsDone = qMin(state.readsDone + 1, state.readsTotal);
            // Counted as reads start and end: a walk over the source's rows per read ended made
            // a long list quadratic.
            if (readsInFlight(sourceKey) == 0 && !m_listings.contains(sourceKey))
                state.phase = Phase::Done;
        }
        Q_EMIT sourceChanged(sourceKey);
    }
    m_progressDone = qMin(m_progressDone, m_progressTotal);
    Q_EMIT progressChanged(m_progressDone, m_progressTotal);
    updateBusy();
}

void Fleet::cancel() {
    m_queue->cancelAll();
    m_pendingForce.clear();
    m_toSend.clear();
    m_toSendKeys.clear();
    // Lists still going in go on (their answer is in), without asking for reads.
    for (Listing &listing : m_listings)
        listing.reads = false;
    // Replies still on their way are dropped with their contexts; the rows stop waiting.
    for (const QPointer<QObject> &context : std::as_const(m_readContexts))
        delete context.data();
    m_readContexts.clear();
    m_openTickets.clear();
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        if (it->reading) {
            setReading(*it, false);
            Q_EMIT instanceChanged(it.key());
        }
    }
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        if (isActive(it->phase)) {
            it->phase = Phase::Cancelled;
            Q_EMIT sourceChanged(it.key());
        }
    }
    updateBusy();
}

bool Fleet::isBusy() const {
    for (const FleetSourceState &state : m_states) {
        if (isActive(state.phase))
            return true;
    }
    return false;
}

void Fleet::updateBusy() {
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (!busy) {
        m_progressDone = m_progressTotal;
        scheduleSave();
    }
    Q_EMIT busyChanged(busy);
}

// ---- verdicts --------------------------------------------------------------------------------

void Fleet::setReading(FleetInstance &row, bool reading) {
    if (row.reading == reading)
        return;
    row.reading = reading;
    int &count = m_readingRows[row.sourceKey];
    count += reading ? 1 : -1;
    if (count <= 0)
        m_readingRows.remove(row.sourceKey);
}

void Fleet::judge(FleetInstance &row, bool announce) {
    row.health =
        row.facts ? judgeHealth(*row.facts, m_options.thresholds, QDateTime::currentDateTimeUtc())
                  : BackupHealth{};
    if (!announce)
        return;
    const HealthAnnouncement told = announceHealth(row.announced, row.health.verdict);
    row.announced = told.remember;
    if (told.tell)
        Q_EMIT turned(row.key(), row.health.verdict);
}

void Fleet::rejudge() {
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        const BackupHealth before = it->health;
        judge(*it, true);
        bool same = before.verdict == it->health.verdict &&
                    before.reasons.size() == it->health.reasons.size() &&
                    before.nextAutomaticBackupAt == it->health.nextAutomaticBackupAt;
        for (int i = 0; same && i < before.reasons.size(); ++i)
            same = before.reasons.at(i).kind == it->health.reasons.at(i).kind;
        if (!same)
            Q_EMIT instanceChanged(it.key());
    }
    scheduleSave();
}

QList<FleetInstance> Fleet::instances() const {
    QList<FleetInstance> all;
    all.reserve(m_rows.size());
    for (const FleetSource &s : m_sources) {
        for (const QString &key : m_order.value(s.key()))
            all.append(m_rows.value(key));
    }
    return all;
}

int Fleet::knownInstanceCount() const {
    qsizetype total = 0;
    for (const FleetSource &s : m_sources) {
        const QString key = s.key();
        qsizetype rows = m_order.value(key).size();
        const auto listing = m_listings.constFind(key);
        if (listing != m_listings.cend())
            rows = qMax(rows, listing->listed.size());
        if (m_cacheApply && m_cached) {
            if (const FleetSnapshot::Source *cached = m_cached->source(key))
                rows = qMax(rows, cached->instances.size());
        }
        total += rows;
    }
    return int(total);
}

const FleetInstance *Fleet::instance(const QString &key) const {
    const auto it = m_rows.constFind(key);
    return it == m_rows.constEnd() ? nullptr : &it.value();
}

QHash<HealthVerdict, int> Fleet::verdictCounts() const {
    QHash<HealthVerdict, int> counts;
    for (const FleetInstance &row : m_rows)
        ++counts[row.health.verdict];
    return counts;
}

// ---- backups ---------------------------------------------------------------------------------

QString Fleet::backupRefusal(const QString &instanceKey) const {
    const FleetInstance *row = instance(instanceKey);
    if (!row)
        return tr("The instance is no longer in the fleet.");
    const FleetSource *from = source(row->sourceKey);
    ActionFacts facts;
    facts.connected = from && session(row->sourceKey);
    facts.readOnly = from && from->profile.readOnly;
    facts.instanceSelected = true;
    facts.instance = row->instance;
    facts.now = QDateTime::currentDateTimeUtc();
    const ActionState rule = ActionRules::createBackup(facts);
    if (!rule.enabled)
        return rule.reason;
    if (!row->instance.isRunning())
        return tr("The instance is %1: only a running instance can be backed up.")
            .arg(DisplayText::instanceStatus(row->instance.status));
    if (!row->backupStatus.isEmpty() ||
        (row->facts && (row->facts->lastStatus == QLatin1String("waiting") ||
                        row->facts->lastStatus == QLatin1String("backuping"))))
        return tr("A backup of it is running already.");
    return {};
}

void Fleet::backUp(const QStringList &instanceKeys, const QString &remark) {
    for (const QString &key : instanceKeys) {
        const QString refusal = backupRefusal(key);
        if (!refusal.isEmpty()) {
            Q_EMIT backupRefused(key, refusal);
            continue;
        }
        const FleetInstance &row = m_rows[key];
        Session *open = session(row.sourceKey);
        DcsClient *client = open->client();
        const QString instanceId = row.instance.instanceId;
        const QPointer<Session> guard(open);
        m_rows[key].backupStatus = QStringLiteral("waiting");
        m_rows[key].backupProgress = 0.0;
        Q_EMIT instanceChanged(key);
        QObject *context = m_writes;
        m_queue->enqueue(
            RequestQueue::endpointKey(client->config().endpoint), RequestQueue::Kind::Write,
            context,
            [this, key, client, context, instanceId, remark,
             guard](const RequestQueue::Done &done) {
                client->createBackup(
                    instanceId, remark, {}, context,
                    [this, key, instanceId, done, guard](const ApiResult<QString> &result) {
                        done(result.error); // a write: final whatever it says
                        auto it = m_rows.find(key);
                        if (!result.ok()) {
                            if (it != m_rows.end()) {
                                it->backupStatus.clear();
                                Q_EMIT instanceChanged(key);
                            }
                            Q_EMIT backupRefused(key, describe(result.error));
                            return;
                        }
                        if (it != m_rows.end()) {
                            it->backupId = result.value;
                            Q_EMIT instanceChanged(key);
                        }
                        if (guard)
                            guard->followBackup(instanceId, result.value);
                        Q_EMIT backupStarted(key, result.value);
                    });
            });
    }
}

// ---- the cache -------------------------------------------------------------------------------

FleetSnapshot Fleet::snapshot() const {
    return SnapshotParts{m_sources, m_states, m_order, m_rows}.make();
}

void Fleet::scheduleSave() {
    if (!m_options.cacheFile.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start(m_options.saveDelayMs);
}

bool Fleet::saveCacheNow(QString *error) {
    if (m_options.cacheFile.isEmpty())
        return true;
    m_saveTimer.stop();
    m_saveCopy.reset(); // this one has what it would have had
    m_saveCopyTimer.stop();
    // After the writes asked for before, so that this one is the last.
    FleetCache::waitForWrites();
    return FleetCache::save(m_options.cacheFile, snapshot(), error);
}

QFuture<bool> Fleet::saveCache() {
    m_saveTimer.stop();
    m_saveCopy.reset(); // this one has what it would have had
    m_saveCopyTimer.stop();
    if (m_options.cacheFile.isEmpty())
        return QtFuture::makeReadyFuture(true);
    // The lists as they are now, shared: the snapshot is made and written on the cache's thread.
    // They stay shared only until it is made.
    return writeCache(m_options.cacheFile,
                      std::make_shared<std::optional<SnapshotParts>>(
                          SnapshotParts{m_sources, m_states, m_order, m_rows}),
                      std::nullopt);
}

void Fleet::copyForSave() {
    if (!m_saveCopy)
        return;
    SaveCopy &copy = *m_saveCopy;
    qsizetype budget = SaveRowsPerTurn;
    while (budget > 0 && copy.source < copy.keys.size()) {
        const QStringList &keys = copy.keys.at(copy.source);
        QList<FleetInstance> &instances = copy.snapshot.sources[copy.source].instances;
        const qsizetype end = qMin(copy.row + budget, keys.size());
        budget -= end - copy.row;
        for (; copy.row < end; ++copy.row) {
            // As each row is now (one that has gone meanwhile is left out).
            const auto row = m_rows.constFind(keys.at(copy.row));
            if (row != m_rows.cend())
                instances.append(*row);
        }
        if (copy.row < keys.size())
            break;
        ++copy.source;
        copy.row = 0;
    }
    if (copy.source < copy.keys.size()) {
        m_saveCopyTimer.start(); // the rest in the next turn
        return;
    }
    const FleetSnapshot snapshot = std::move(copy.snapshot);
    m_saveCopy.reset();
    if (!m_options.cacheFile.isEmpty())
        writeCache(m_options.cacheFile, nullptr, snapshot);
}

void Fleet::loadCache() {
    if (m_options.cacheFile.isEmpty()) {
        m_cacheLoaded = true;
        QTimer::singleShot(0, this, &Fleet::cacheLoaded);
        return;
    }
    const QString path = m_options.cacheFile;
    std::optional<SnapshotParts> parts;
    std::optional<FleetSnapshot> made;
    {
        const QMutexLocker lock(&pendingWritesMutex);
        const auto last = pendingWrites.constFind(path);
        if (last != pendingWrites.cend()) {
            made = last->made;
            if (!made && last->parts && *last->parts)
                parts = **last->parts;
        }
    }
    if (made || parts) {
        // A write of this file is under way or waiting (a fleet window closed and opened
        // again): what it writes, as a load will read it, made on a worker at once.
        QtConcurrent::run([made, parts] {
            return FleetCache::asStored(made ? *made : parts->make());
        }).then(this, [this](const FleetSnapshot &loaded) { applySnapshot(loaded); });
        return;
    }
    // After the writes asked for before (what they wrote is read); delivered on the fleet's
    // thread, dropped if the fleet has gone.
    QtConcurrent::run(FleetCache::thread(), [path] {
        return FleetCache::load(path);
    }).then(this, [this](const FleetSnapshot &loaded) { applySnapshot(loaded); });
}

void Fleet::applySnapshot(const FleetSnapshot &loaded) {
    m_cached = loaded;
    ++m_cacheGeneration;
    CacheApply apply;
    for (const FleetSource &s : std::as_const(m_sources))
        apply.keys.append(s.key());
    m_cacheApply = apply;
    // The first rows at once, the rest RowsPerTurn per turn of the event loop: thousands of rows
    // per source are judged and shown.
    if (!applyCacheStep() && !m_rowsTimer.isActive())
        m_rowsTimer.start();
}

bool Fleet::applyCacheStep() {
    CacheApply &apply = *m_cacheApply;
    qsizetype budget = RowsPerTurn;
    while (budget > 0 && apply.source < apply.keys.size()) {
        const QString key = apply.keys.at(apply.source);
        const FleetSnapshot::Source *cached = source(key) ? m_cached->source(key) : nullptr;
        if (!cached) { // dropped meanwhile, or not in the cache
            ++apply.source;
            apply.row = 0;
            continue;
        }
        {
            const FleetSourceState &state = m_states[key];
            const bool listed = m_listings.contains(key) || state.phase == Phase::Done ||
                                state.phase == Phase::Reading;
            if (apply.row == 0)
                apply.fresh = m_order.value(key).isEmpty() && !listed;
            else if (listed || m_order.value(key).size() != apply.row)
                apply.fresh = false; // listed meanwhile: the rest only fills in what rows lack
        }
        const qsizetype end = qMin(apply.row + budget, cached->instances.size());
        budget -= end - apply.row;
        for (; apply.row < end; ++apply.row) {
            const FleetInstance &known = cached->instances.at(apply.row);
            if (apply.fresh) {
                // Nothing listed yet in this run: the last known list.
                FleetInstance row = known;
                row.sourceKey = key;
                row.reading = false;
                judge(row, true);
                const QString rowKey = row.key();
                m_order[key].append(rowKey);
                m_rows.insert(rowKey, row);
                continue;
            }
            // Listed already: what was known about the rows that have not been read yet.
            auto it = m_rows.find(FleetInstance::keyFor(key, known.instance.instanceId));
            if (it == m_rows.end())
                continue;
            if (!it->announced)
                it->announced = known.announced;
            if (!it->facts && known.facts) {
                it->facts = known.facts;
                judge(*it, true);
                Q_EMIT instanceChanged(it.key());
            }
        }
        if (apply.row < cached->instances.size())
            break; // the rest in the next turn
        if (apply.fresh) {
            FleetSourceState &state = m_states[key];
            state.listedAt = cached->listedAt;
            state.fromCache = true;
            state.instanceCount = int(m_order.value(key).size());
            Q_EMIT instancesReplaced(key);
            Q_EMIT sourceChanged(key);
        }
        ++apply.source;
        apply.row = 0;
    }
    if (apply.source < apply.keys.size())
        return false;
    m_cacheApply.reset();
    m_cacheLoaded = true;
    Q_EMIT cacheLoaded();
    return true;
}

} // namespace dcs
