#include "fleet/Fleet.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "profiles/Session.h"
#include "profiles/SessionOpener.h"
#include "restore/ActionRules.h"

#include <QCoreApplication>
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
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { saveCache(); });
    m_sendTimer.setSingleShot(true);
    m_sendTimer.setInterval(0);
    connect(&m_sendTimer, &QTimer::timeout, this, &Fleet::sendReads);
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
                                 FleetSourceState &state = m_states[key];
                                 state.listedAt = QDateTime::currentDateTimeUtc();
                                 state.fromCache = false;
                                 replaceRows(key, result.value);
                                 state.instanceCount = int(m_order.value(key).size());
                                 const QDateTime now = QDateTime::currentDateTimeUtc();
                                 setPhase(key, Phase::Reading);
                                 for (const QString &rowKey : m_order.value(key)) {
                                     const FleetInstance &row = m_rows[rowKey];
                                     if ((force || isStale(row, now)) && !row.reading)
                                         readHealth(rowKey);
                                 }
                                 countDone(key);
                             });
                     });
}

bool Fleet::isStale(const FleetInstance &row, const QDateTime &now) const {
    return !row.facts || !row.readError.isEmpty() ||
           row.facts->readAt.secsTo(now) >= m_options.maxAgeSeconds;
}

void Fleet::replaceRows(const QString &sourceKey, const QList<Instance> &listed) {
    const FleetSnapshot::Source *cached = m_cached ? m_cached->source(sourceKey) : nullptr;
    // What the cache knew, by instance id: made when a row is new to this run (a list read
    // again finds its rows, and the cache is not looked at).
    QHash<QString, const FleetInstance *> known;
    bool knownMade = false;
    const QStringList old = m_order.value(sourceKey);
    QStringList order;
    QSet<QString> listedKeys;
    order.reserve(listed.size());
    listedKeys.reserve(listed.size());
    m_rows.reserve(m_rows.size() + listed.size() - old.size()); // not grown row by row
    for (const Instance &instance : listed) {
        const QString key = FleetInstance::keyFor(sourceKey, instance.instanceId);
        if (listedKeys.contains(key))
            continue; // a list that repeats itself
        listedKeys.insert(key);
        order.append(key);
        auto it = m_rows.find(key);
        if (it == m_rows.end()) {
            if (cached && !knownMade) {
                known.reserve(cached->instances.size());
                for (const FleetInstance &row : cached->instances) {
                    if (!known.contains(row.instance.instanceId)) // the first, as lists repeat
                        known.insert(row.instance.instanceId, &row);
                }
                knownMade = true;
            }
            FleetInstance row;
            row.sourceKey = sourceKey;
            if (const FleetInstance *was = known.value(instance.instanceId)) {
                row.facts = was->facts;
                row.announced = was->announced;
            }
            it = m_rows.insert(key, row);
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
    }
    for (const QString &key : old) {
        if (listedKeys.contains(key))
            continue;
        const auto gone = m_rows.find(key);
        if (gone == m_rows.end())
            continue;
        setReading(*gone, false);
        m_rows.erase(gone);
    }
    m_order.insert(sourceKey, order);
    Q_EMIT instancesReplaced(sourceKey);
    scheduleSave();
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
            if (readsInFlight(sourceKey) == 0)
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
    // After the writes asked for before, so that this one is the last.
    FleetCache::waitForWrites();
    return FleetCache::save(m_options.cacheFile, snapshot(), error);
}

QFuture<bool> Fleet::saveCache() {
    m_saveTimer.stop();
    if (m_options.cacheFile.isEmpty())
        return QtFuture::makeReadyFuture(true);
    const QString path = m_options.cacheFile;
    // The lists as they are now, shared: the snapshot is made and written on the cache's thread.
    const SnapshotParts parts{m_sources, m_states, m_order, m_rows};
    return QtConcurrent::run(FleetCache::thread(), [path, parts] {
        QString error;
        const bool saved = FleetCache::save(path, parts.make(), &error);
        if (!saved)
            qWarning("Fleet cache: %s", qPrintable(error));
        return saved;
    });
}

void Fleet::loadCache() {
    if (m_options.cacheFile.isEmpty()) {
        m_cacheLoaded = true;
        QTimer::singleShot(0, this, &Fleet::cacheLoaded);
        return;
    }
    const QString path = m_options.cacheFile;
    // After the writes asked for before (a fleet window closed and opened again reads what the
    // closed one wrote); delivered on the fleet's thread, dropped if the fleet has gone.
    QtConcurrent::run(FleetCache::thread(), [path] {
        return FleetCache::load(path);
    }).then(this, [this](const FleetSnapshot &loaded) { applySnapshot(loaded); });
}

void Fleet::applySnapshot(const FleetSnapshot &loaded) {
    m_cached = loaded;
    QStringList keys;
    for (const FleetSource &s : std::as_const(m_sources))
        keys.append(s.key());
    applyCachedSources(keys, 0);
}

void Fleet::applyCachedSources(const QStringList &keys, int at) {
    if (at >= keys.size()) {
        m_cacheLoaded = true;
        Q_EMIT cacheLoaded();
        return;
    }
    // One source per turn of the event loop: thousands of rows each are judged and shown.
    QTimer::singleShot(0, this, [this, keys, at] { applyCachedSources(keys, at + 1); });
    const QString key = keys.at(at);
    if (!source(key))
        return; // dropped meanwhile
    {
        const FleetSnapshot::Source *cached = m_cached->source(key);
        if (!cached)
            return;
        FleetSourceState &state = m_states[key];
        if (m_order.value(key).isEmpty() && state.phase != Phase::Done &&
            state.phase != Phase::Reading) {
            // Nothing listed yet in this run: the last known list.
            QStringList order;
            for (FleetInstance row : cached->instances) {
                row.sourceKey = key;
                row.reading = false;
                judge(row, true);
                order.append(row.key());
                m_rows.insert(row.key(), row);
            }
            m_order.insert(key, order);
            state.listedAt = cached->listedAt;
            state.fromCache = true;
            state.instanceCount = int(order.size());
            Q_EMIT instancesReplaced(key);
            Q_EMIT sourceChanged(key);
            return;
        }
        // Listed already: what was known about the rows that have not been read yet.
        for (const FleetInstance &known : cached->instances) {
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
    }
}

} // namespace dcs
