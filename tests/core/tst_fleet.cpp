// The fleet against real dcs-sims: one profile with two regions (one dcs-sim each, one of them
// speaking v1.0 only), every source read on its own session; verdicts as the demo data's story
// says; one unreachable region failing alone; the cache shown at once and only stale instances
// read again; verdicts told once per change; a backup started from the fleet followed to its end;
// a rate-limited service still read whole; and the Demo fleet over its own simulators.

#include "ClientTestSupport.h"
#include "SimFixture.h"
#include "api/RequestQueue.h"
#include "fleet/Fleet.h"
#include "profiles/DemoSimulator.h"
#include "profiles/SecretStore.h"
#include "profiles/Session.h"
#include "profiles/SessionBuilder.h"
#include "profiles/SessionOpener.h"
#include "restore/FollowedRestores.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace dcs;

namespace {

constexpr int Timeout = 60000;

const QString EastProject = QStringLiteral("2c3d4e5f60714829ab0c1d2e3f4a5b6c");

QSet<QString> names(const Fleet &fleet, const QString &sourceKey,
                    std::function<bool(const FleetInstance &)> which) {
    QSet<QString> result;
    for (const QString &key : fleet.instanceKeys(sourceKey)) {
        const FleetInstance *row = fleet.instance(key);
        if (row && which(*row))
            result.insert(row->instance.name);
    }
    return result;
}

QSet<QString> withVerdict(const Fleet &fleet, const QString &sourceKey, HealthVerdict verdict) {
    return names(fleet, sourceKey,
                 [verdict](const FleetInstance &row) { return row.health.verdict == verdict; });
}

QString keyOf(const Fleet &fleet, const QString &sourceKey, const QString &name) {
    for (const QString &key : fleet.instanceKeys(sourceKey)) {
        if (fleet.instance(key)->instance.name == name)
            return key;
    }
    return {};
}

int count(SimFixture &sim, const QByteArray &method, const QByteArray &pathPart) {
    int n = 0;
    for (const QByteArray &line : sim.log().split('\n')) {
        if (line.startsWith(method + ' ') && line.split(' ').value(1).contains(pathPart))
            ++n;
    }
    return n;
}

} // namespace

class TestFleet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readsEverySourceWithItsVerdicts();
    void anUnreachableRegionFailsAlone();
    void cacheFirstThenOnlyWhatIsStale();
    void verdictsAreToldOncePerChange();
    void backupFromTheFleetTurnsHealthy();
    void backupsAreRefusedBeforeAnythingIsSent();
    void aThrottledServiceIsStillReadWhole();
    void readsInFlightAreCounted();
    void aLongSourceGoesInAStepAtATime();
    void demoFleet();

private:
    bool startSims(const QStringList &northExtra = {});
    Profile profile() const;
    std::unique_ptr<Fleet> makeFleet(const QString &cacheFile = {});
    bool refreshed(Fleet &fleet, bool force = false);
    QString north() const { return FleetSource::keyFor(m_profile.id, m_profile.scopes().at(0)); }
    QString east() const { return FleetSource::keyFor(m_profile.id, m_profile.scopes().at(1)); }

    QTemporaryDir m_dir;
    std::unique_ptr<SimFixture> m_north;
    std::unique_ptr<SimFixture> m_east;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<FollowedRestores> m_followed;
    std::unique_ptr<SessionOpener> m_opener;
    std::unique_ptr<RequestQueue> m_queue;
    Profile m_profile;
};

void TestFleet::init() {
    m_secrets = std::make_unique<SecretStore>(QStringLiteral("dcs-console-test"), true);
    m_followed = std::make_unique<FollowedRestores>(
        PendingRestoreFile(m_dir.filePath(QStringLiteral("pending.json"))),
        AuditLog(m_dir.filePath(QStringLiteral("audit.jsonl"))), RestoreRecordFollower::Timing{});
    demo::SimulatorOptions demoOptions;
    demoOptions.simulatorProgram = QStringLiteral(DCS_SIM_PROGRAM);
    demoOptions.stateFile = m_dir.filePath(QStringLiteral("demo/demo-state.json"));
    m_opener = std::make_unique<SessionOpener>(m_secrets.get(), demoOptions, m_followed.get());
    m_queue = std::make_unique<RequestQueue>();
}

void TestFleet::cleanup() {
    m_queue.reset();
    m_opener.reset();
    m_followed.reset();
    m_secrets.reset();
    m_north.reset();
    m_east.reset();
}

bool TestFleet::startSims(const QStringList &northExtra) {
    m_north = std::make_unique<SimFixture>();
    m_east = std::make_unique<SimFixture>();
    if (!m_north->start(QStringList{QStringLiteral("--region"), QStringLiteral("cn-north-4")} +
                        northExtra)) {
        qWarning("%s", qPrintable(m_north->error()));
        return false;
    }
    // The east region speaks v1.0 only: no background tasks there.
    if (!m_east->start({QStringLiteral("--region"), QStringLiteral("cn-east-3"),
                        QStringLiteral("--project-id"), EastProject, QStringLiteral("--demo-set"),
                        QStringLiteral("east"), QStringLiteral("--api"), QStringLiteral("v1.0")})) {
        qWarning("%s", qPrintable(m_east->error()));
        return false;
    }
    m_profile = profile();
    m_secrets->write(m_profile.id, SecretStore::Kind::SecretKey,
                     QString::fromLatin1(SimFixture::secretKey()), nullptr);
    return true;
}

Profile TestFleet::profile() const {
    Profile p;
    p.id = QStringLiteral("ops-profile");
    p.name = QStringLiteral("Ops");
    p.accessKey = QString::fromLatin1(SimFixture::accessKey());
    p.proxy.mode = ProxySettings::Mode::None;
    p.timeoutSeconds = 10;
    p.setScopes(
        {{QStringLiteral("cn-north-4"), SimFixture::projectId(), QStringLiteral("cn-north-4"),
          m_north->url()},
         {QStringLiteral("cn-east-3"), EastProject, QStringLiteral("cn-east-3"), m_east->url()}});
    return p;
}

std::unique_ptr<Fleet> TestFleet::makeFleet(const QString &cacheFile) {
    Fleet::Options options;
    options.cacheFile = cacheFile;
    options.saveDelayMs = 50;
    options.backupPollMs = 200;
    auto fleet = std::make_unique<Fleet>(m_opener.get(), m_queue.get(), options);
    QList<FleetSource> sources;
    for (const ProfileScope &scope : m_profile.scopes())
        sources.append({m_profile.atScope(scope), m_profile.name});
    fleet->setSources(sources);
    return fleet;
}

bool TestFleet::refreshed(Fleet &fleet, bool force) {
    fleet.refresh(force);
    return QTest::qWaitFor([&] { return !fleet.isBusy() && m_queue->isIdle(); }, Timeout);
}

void TestFleet::readsEverySourceWithItsVerdicts() {
    QVERIFY(startSims());
    auto fleet = makeFleet();
    QSignalSpy sessions(fleet.get(), &Fleet::sessionOpened);
    QVERIFY(refreshed(*fleet));
    QCOMPARE(sessions.size(), 2);
    // Each source on its own session and client.
    QVERIFY(fleet->session(north()) != fleet->session(east()));
    QCOMPARE(fleet->session(east())->info().region, QStringLiteral("cn-east-3"));
    QCOMPARE(fleet->session(east())->client()->config().projectId, EastProject);

    for (const QString &key : {north(), east()}) {
        const FleetSourceState state = fleet->sourceState(key);
        QCOMPARE(state.phase, FleetSourceState::Phase::Done);
        QVERIFY(state.error.isEmpty());
        QVERIFY(state.listedAt.isValid());
        QCOMPARE(state.readsDone, state.readsTotal);
    }
    QCOMPARE(fleet->progressDone(), fleet->progressTotal());
    // The demo set's story (dcs-sim's standard set), and the east set's.
    QCOMPARE(withVerdict(*fleet, north(), HealthVerdict::Healthy),
             (QSet<QString>{"order-cache-prod", "session-store", "user-profile-cache",
                            "payment-gateway-cache"}));
    QCOMPARE(withVerdict(*fleet, north(), HealthVerdict::AtRisk),
             (QSet<QString>{"analytics-buffer-test", "leaderboard-cluster", "legacy-page-cache"}));
    QCOMPARE(withVerdict(*fleet, north(), HealthVerdict::CannotRestore),
             (QSet<QString>{"rate-limiter", "feature-flags-dev"}));
    QCOMPARE(withVerdict(*fleet, east(), HealthVerdict::Healthy),
             (QSet<QString>{"cdn-token-cache", "inventory-cache-prod"}));
    QCOMPARE(withVerdict(*fleet, east(), HealthVerdict::AtRisk), QSet<QString>{"geo-lookup"});
    QCOMPARE(withVerdict(*fleet, east(), HealthVerdict::CannotRestore),
             QSet<QString>{"search-suggest"});

    const FleetInstance *policyOff =
        fleet->instance(keyOf(*fleet, north(), QStringLiteral("analytics-buffer-test")));
    QVERIFY(policyOff->health.policyOff);
    QVERIFY(!policyOff->health.nextAutomaticBackupAt.isValid());
    const FleetInstance *failing =
        fleet->instance(keyOf(*fleet, north(), QStringLiteral("legacy-page-cache")));
    QVERIFY(failing->facts->lastFinishedFailed);
    QCOMPARE(failing->facts->lastErrorCode, QStringLiteral("dcs.08.0005"));
    const FleetInstance *healthy =
        fleet->instance(keyOf(*fleet, north(), QStringLiteral("order-cache-prod")));
    QVERIFY(healthy->health.nextAutomaticBackupAt > QDateTime::currentDateTimeUtc());
    QVERIFY(healthy->facts->restorableCount > 0);
    QVERIFY(healthy->facts->oldestRestorableAt < healthy->facts->newestRestorableAt);

    // v2 in the north: background tasks read (the switchover running on legacy-page-cache);
    // v1.0 in the east: not asked for at all.
    QVERIFY(failing->facts->tasksKnown);
    QCOMPARE(failing->facts->runningTask, QStringLiteral("masterStandbySwapJob"));
    const FleetInstance *eastRow =
        fleet->instance(keyOf(*fleet, east(), QStringLiteral("cdn-token-cache")));
    QVERIFY(!eastRow->facts->tasksKnown);
    QCOMPARE(count(*m_east, "GET", "/tasks"), 0);
    QVERIFY(count(*m_north, "GET", "/tasks") > 0);

    const auto counts = fleet->verdictCounts();
    QCOMPARE(counts.value(HealthVerdict::Healthy), 6);
    QCOMPARE(counts.value(HealthVerdict::AtRisk), 4);
    QCOMPARE(counts.value(HealthVerdict::CannotRestore), 3);
}

void TestFleet::anUnreachableRegionFailsAlone() {
    QVERIFY(startSims());
    auto fleet = makeFleet();
    QVERIFY(refreshed(*fleet));
    const int eastRows = int(fleet->instanceKeys(east()).size());
    QVERIFY(eastRows > 0);
    m_east->stop();
    QVERIFY(refreshed(*fleet));
    const FleetSourceState failed = fleet->sourceState(east());
    QCOMPARE(failed.phase, FleetSourceState::Phase::Failed);
    QVERIFY(!failed.error.isEmpty());
    // What was known of it stays, marked by the error; the other region is whole and current.
    QCOMPARE(fleet->instanceKeys(east()).size(), eastRows);
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Done);
    QVERIFY(fleet->sourceState(north()).error.isEmpty());
    QCOMPARE(fleet->instanceKeys(north()).size(), 9);

    // A source whose session cannot even be opened (no secret stored) fails alone too.
    Profile other = m_profile;
    other.id = QStringLiteral("no-secret");
    QList<FleetSource> sources = {{m_profile.atScope(m_profile.scopes().at(0)), m_profile.name},
                                  {other.atScope(other.scopes().at(0)), other.name}};
    fleet->setSources(sources);
    QVERIFY(fleet->instanceKeys(east()).isEmpty()); // dropped with its source
    QVERIFY(refreshed(*fleet));
    const QString otherKey = FleetSource::keyFor(other.id, other.scopes().at(0));
    QCOMPARE(fleet->sourceState(otherKey).phase, FleetSourceState::Phase::Failed);
    QVERIFY(fleet->sourceState(otherKey).error.contains(QStringLiteral("secret access key")));
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Done);
}

void TestFleet::cacheFirstThenOnlyWhatIsStale() {
    QVERIFY(startSims());
    const QString cacheFile = m_dir.filePath(QStringLiteral("cache/fleet-health.json"));
    {
        auto first = makeFleet(cacheFile);
        QVERIFY(refreshed(*first));
        QVERIFY(first->saveCacheNow());
    }
    QVERIFY(QFileInfo::exists(cacheFile));
    QCOMPARE(QFileInfo(cacheFile).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    // The next start: the last known health at once, before anything is sent.
    const int listsBefore = count(*m_north, "GET", "/instances?");
    const int backupReadsBefore = count(*m_north, "GET", "/backups");
    auto second = makeFleet(cacheFile);
    QSignalSpy loaded(second.get(), &Fleet::cacheLoaded);
    second->loadCache();
    QVERIFY(loaded.wait(Timeout));
    QCOMPARE(second->instanceKeys(north()).size(), 9);
    QVERIFY(second->sourceState(north()).fromCache);
    QCOMPARE(withVerdict(*second, north(), HealthVerdict::CannotRestore),
             (QSet<QString>{"rate-limiter", "feature-flags-dev"}));
    QCOMPARE(count(*m_north, "GET", "/instances?"), listsBefore);

    // A refresh lists again, but reads no backups: what is known is younger than an hour.
    QVERIFY(refreshed(*second));
    QVERIFY(!second->sourceState(north()).fromCache);
    QVERIFY(count(*m_north, "GET", "/instances?") > listsBefore);
    QCOMPARE(count(*m_north, "GET", "/backups"), backupReadsBefore);

    // Asked for one: one instance read again.
    const QString one = keyOf(*second, north(), QStringLiteral("order-cache-prod"));
    const QDateTime readBefore = second->instance(one)->facts->readAt;
    second->reread({one});
    QTRY_VERIFY_WITH_TIMEOUT(!second->isBusy() && m_queue->isIdle(), Timeout);
    QCOMPARE(count(*m_north, "GET", "/backups"), backupReadsBefore + 1);
    QVERIFY(second->instance(one)->facts->readAt > readBefore);

    // Older than the maximum age: read again on the next refresh; forced: every one.
    second->setMaxAgeSeconds(0);
    QVERIFY(refreshed(*second));
    QCOMPARE(count(*m_north, "GET", "/backups"), backupReadsBefore + 1 + 9);
    second->setMaxAgeSeconds(3600);
    QVERIFY(refreshed(*second, true));
    QCOMPARE(count(*m_north, "GET", "/backups"), backupReadsBefore + 1 + 18);
}

void TestFleet::verdictsAreToldOncePerChange() {
    QVERIFY(startSims());
    const QString cacheFile = m_dir.filePath(QStringLiteral("told/fleet-health.json"));
    auto fleet = makeFleet(cacheFile);
    QSignalSpy turned(fleet.get(), &Fleet::turned);
    QVERIFY(refreshed(*fleet));
    // The first look is the baseline: nothing told.
    QCOMPARE(turned.size(), 0);

    // A stricter threshold turns the healthy ones at risk: each told once.
    HealthThresholds strict;
    strict.maxBackupAgeSeconds = 3600;
    fleet->setThresholds(strict);
    QCOMPARE(turned.size(), 6);
    for (const QList<QVariant> &told : std::as_const(turned))
        QCOMPARE(told.at(1).value<HealthVerdict>(), HealthVerdict::AtRisk);
    fleet->rejudge();
    QVERIFY(refreshed(*fleet));
    QCOMPARE(turned.size(), 6);
    QVERIFY(fleet->saveCacheNow());

    // Remembered across a restart: nothing is told again for the same change.
    auto next = makeFleet(cacheFile);
    next->setThresholds(strict);
    QSignalSpy nextTurned(next.get(), &Fleet::turned);
    QSignalSpy loaded(next.get(), &Fleet::cacheLoaded);
    next->loadCache();
    QVERIFY(loaded.wait(Timeout));
    QVERIFY(refreshed(*next));
    QCOMPARE(nextTurned.size(), 0);
    // Healthy again, then at risk again: told again.
    next->setThresholds({});
    next->setThresholds(strict);
    QCOMPARE(nextTurned.size(), 6);
}

void TestFleet::backupFromTheFleetTurnsHealthy() {
    QVERIFY(startSims({QStringLiteral("--backup-seconds"), QStringLiteral("1")}));
    auto fleet = makeFleet();
    QVERIFY(refreshed(*fleet));
    // Its newest backup is 20.5 hours old: at risk when six hours are the limit.
    HealthThresholds strict;
    strict.maxBackupAgeSeconds = 6 * 3600;
    fleet->setThresholds(strict);
    const QString key = keyOf(*fleet, north(), QStringLiteral("order-cache-prod"));
    QCOMPARE(fleet->instance(key)->health.verdict, HealthVerdict::AtRisk);
    QVERIFY(fleet->backupRefusal(key).isEmpty());
    // The test bed has a backup queued already: not a second one.
    QVERIFY(fleet->backupRefusal(keyOf(*fleet, north(), QStringLiteral("analytics-buffer-test")))
                .contains(QStringLiteral("running already")));

    QSignalSpy started(fleet.get(), &Fleet::backupStarted);
    QSignalSpy ended(fleet.get(), &Fleet::backupEnded);
    fleet->backUp({key}, QStringLiteral("from the fleet"));
    QVERIFY(started.wait(Timeout));
    QVERIFY(!fleet->instance(key)->backupId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 1, Timeout);
    QCOMPARE(ended.first().at(1).value<Backup>().status, QStringLiteral("succeed"));
    // Read again once it ended: healthy now.
    QTRY_COMPARE_WITH_TIMEOUT(fleet->instance(key)->health.verdict, HealthVerdict::Healthy,
                              Timeout);
    QVERIFY(fleet->instance(key)->health.lastSuccessAgeSeconds < 600);
    QCOMPARE(testing::postLines(*m_north, "/backups").size(), 1);
}

void TestFleet::backupsAreRefusedBeforeAnythingIsSent() {
    QVERIFY(startSims());
    auto fleet = makeFleet();
    QVERIFY(refreshed(*fleet));
    const QString single = keyOf(*fleet, north(), QStringLiteral("rate-limiter"));
    const QString error = keyOf(*fleet, north(), QStringLiteral("leaderboard-cluster"));
    QVERIFY(fleet->backupRefusal(single).contains(QStringLiteral("Single-node")));
    QVERIFY(fleet->backupRefusal(error).contains(QStringLiteral("running instance")));
    QSignalSpy refused(fleet.get(), &Fleet::backupRefused);
    fleet->backUp({single, error}, QStringLiteral("no"));
    QCOMPARE(refused.size(), 2);
    QTest::qWait(300);
    QCOMPARE(testing::postLines(*m_north, "/backups").size(), 0);

    // A read-only profile backs nothing up.
    m_profile.readOnly = true;
    auto readOnly = makeFleet();
    QVERIFY(refreshed(*readOnly));
    const QString healthy = keyOf(*readOnly, north(), QStringLiteral("order-cache-prod"));
    QVERIFY(readOnly->backupRefusal(healthy).contains(QStringLiteral("read-only")));
}

void TestFleet::aThrottledServiceIsStillReadWhole() {
    QVERIFY(startSims({QStringLiteral("--fault"), QStringLiteral("rate-limit=6")}));
    auto fleet = makeFleet();
    QVERIFY(refreshed(*fleet));
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Done);
    for (const QString &key : fleet->instanceKeys(north())) {
        QVERIFY(fleet->instance(key)->facts);
        QVERIFY(fleet->instance(key)->readError.isEmpty());
    }
    QVERIFY(m_queue->stats().throttled > 0);
    QVERIFY(m_north->log().contains(" 429 "));
}

// A source is done when its count of rows being read comes to nought: the count follows the rows
// through reads that end, a row read again, a stop half way and a source dropped while read.
void TestFleet::readsInFlightAreCounted() {
    QVERIFY(startSims());
    auto fleet = makeFleet();
    const QList<FleetSource> both = fleet->sources();
    QStringList wrong;
    const auto check = [&] {
        for (const FleetSource &source : fleet->sources()) {
            int reading = 0;
            for (const QString &key : fleet->instanceKeys(source.key()))
                reading += fleet->instance(key)->reading ? 1 : 0;
            if (fleet->readsInFlight(source.key()) != reading)
                wrong.append(QStringLiteral("%1: %2 counted, %3 reading")
                                 .arg(source.key())
                                 .arg(fleet->readsInFlight(source.key()))
                                 .arg(reading));
            if (fleet->sourceState(source.key()).phase == FleetSourceState::Phase::Done &&
                reading > 0)
                wrong.append(source.key() + QStringLiteral(": done while reading"));
        }
    };
    const QMetaObject::Connection a = connect(fleet.get(), &Fleet::instanceChanged, this, check);
    const QMetaObject::Connection b = connect(fleet.get(), &Fleet::sourceChanged, this, check);
    const auto done = [&](const QString &source) {
        return fleet->sourceState(source).phase == FleetSourceState::Phase::Done &&
               fleet->readsInFlight(source) == 0;
    };

    QVERIFY(refreshed(*fleet));
    QVERIFY(done(north()));
    QVERIFY(done(east()));

    // One row read again: the source reads until it ends.
    const QString one = keyOf(*fleet, north(), QStringLiteral("order-cache-prod"));
    fleet->reread({one});
    QCOMPARE(fleet->readsInFlight(north()), 1);
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Reading);
    QTRY_VERIFY_WITH_TIMEOUT(!fleet->isBusy() && m_queue->isIdle(), Timeout);
    QVERIFY(done(north()));

    // Every row read again, and a stop once the north's reads are asked for: nothing counted.
    const auto onceReading = [&](const QString &source, std::function<void()> then) {
        auto *once = new QObject(fleet.get());
        connect(fleet.get(), &Fleet::instanceChanged, once, [&fleet, source, then, once] {
            if (fleet->readsInFlight(source) == 0)
                return;
            once->deleteLater();
            QObject::disconnect(fleet.get(), &Fleet::instanceChanged, once, nullptr);
            // Once the listing's answer has been handled whole.
            QTimer::singleShot(0, fleet.get(), then);
        });
    };
    bool stopped = false;
    onceReading(north(), [&] {
        QVERIFY(fleet->readsInFlight(north()) > 0);
        fleet->cancel();
        stopped = true;
    });
    fleet->refresh(true);
    QTRY_VERIFY_WITH_TIMEOUT(stopped, Timeout);
    QCOMPARE(fleet->readsInFlight(north()), 0);
    QCOMPARE(fleet->readsInFlight(east()), 0);
    QVERIFY(!fleet->isBusy());

    // The east dropped while its rows are read: its count goes with it, the north ends done.
    bool dropped = false;
    onceReading(east(), [&] {
        fleet->setSources({both.at(0)});
        dropped = true;
    });
    fleet->refresh(true);
    QTRY_VERIFY_WITH_TIMEOUT(dropped, Timeout);
    QCOMPARE(fleet->readsInFlight(east()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!fleet->isBusy() && m_queue->isIdle(), Timeout);
    QVERIFY(done(north()));
    disconnect(a);
    disconnect(b);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

// A source longer than one step goes in RowsPerTurn rows per turn of the event loop, listed or
// from the cache, and ends as a list taken in at once would: every row in the list's order, with
// what was read, and a read asked for while rows were still going in (or a stop) is neither lost
// nor sent twice.
void TestFleet::aLongSourceGoesInAStepAtATime() {
    constexpr int Instances = 3 * Fleet::RowsPerTurn + 37;
    QVERIFY(startSims({QStringLiteral("--demo-set"), QStringLiteral("empty"),
                       QStringLiteral("--instances"), QString::number(Instances)}));
    const QString cacheFile = m_dir.filePath(QStringLiteral("long/fleet-health.json"));
    auto fleet = makeFleet(cacheFile);
    QList<FleetSource> one{fleet->sources().constFirst()};
    fleet->setSources(one);
    // Once per turn of the event loop, while rows are going in: how many of them are in.
    QList<qsizetype> seen;
    QTimer sampler;
    sampler.setInterval(0);
    connect(&sampler, &QTimer::timeout, this, [&] {
        if (fleet->isTakingRows())
            seen.append(fleet->instanceKeys(north()).size());
    });
    sampler.start();
    const auto partly = [&seen] {
        return std::any_of(seen.cbegin(), seen.cend(),
                           [](qsizetype n) { return n > 0 && n < Instances; });
    };
    QSignalSpy replaced(fleet.get(), &Fleet::instancesReplaced);

    // The first look: the rows go in over several turns, each read once, all of them in order.
    QVERIFY(refreshed(*fleet));
    QVERIFY2(partly(), qPrintable(QString::number(seen.size())));
    QVERIFY(!fleet->isTakingRows());
    QCOMPARE(replaced.size(), 1); // told once, when every row is in
    const QStringList keys = fleet->instanceKeys(north());
    QCOMPARE(keys.size(), Instances);
    QCOMPARE(fleet->instanceCount(), Instances);
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), Instances);
    for (const QString &key : keys) {
        const FleetInstance *row = fleet->instance(key);
        QVERIFY(row && row->facts && !row->reading && row->readError.isEmpty());
        QCOMPARE(row->key(), key);
    }
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Done);
    QCOMPARE(fleet->sourceState(north()).instanceCount, Instances);
    QCOMPARE(fleet->sourceState(north()).readsTotal, Instances);
    QCOMPARE(fleet->sourceState(north()).readsDone, Instances);
    QCOMPARE(count(*m_north, "GET", "/backups"), Instances);

    // Listed again: the last row is asked for once its list is in, before its row is taken.
    // Its read is sent once and its result lands on its row; nothing else is read.
    const QString last = keys.constLast();
    const QString lastId = fleet->instance(last)->instance.instanceId;
    const QDateTime readBefore = fleet->instance(last)->facts->readAt;
    bool asked = false;
    const auto askOnce = [&](const std::function<void()> &what) {
        return connect(fleet.get(), &Fleet::sourceChanged, this, [&, what](const QString &key) {
            if (key != north() || asked || !fleet->isTakingRows())
                return;
            asked = true;
            QTimer::singleShot(0, this, what); // in the next turn, as a user would
        });
    };
    seen.clear();
    QMetaObject::Connection hook = askOnce([&] {
        QVERIFY(fleet->isTakingRows());
        fleet->reread({last});
    });
    QVERIFY(refreshed(*fleet));
    QVERIFY(asked);
    disconnect(hook);
    QVERIFY(seen.size() >= 2); // its rows are there already: taken again over several turns
    QCOMPARE(fleet->instanceKeys(north()), keys);
    QCOMPARE(count(*m_north, "GET", "/backups"), Instances + 1);
    QCOMPARE(count(*m_north, "GET", lastId.toLatin1() + "/backups"), 2);
    QVERIFY(fleet->instance(last)->facts->readAt > readBefore);
    QVERIFY(!fleet->instance(last)->reading);
    QCOMPARE(fleet->readsInFlight(north()), 0);
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Done);

    // Read again whole and stopped while the rows go in: every row still goes in, no row is
    // left waiting for a read, and no read is asked for after the stop.
    asked = false;
    hook = askOnce([&] { fleet->cancel(); });
    fleet->refresh(true);
    QTRY_VERIFY_WITH_TIMEOUT(asked && !fleet->isTakingRows() && !fleet->isBusy(), Timeout);
    disconnect(hook);
    QCOMPARE(fleet->instanceKeys(north()), keys);
    QCOMPARE(fleet->sourceState(north()).phase, FleetSourceState::Phase::Cancelled);
    QCOMPARE(fleet->readsInFlight(north()), 0);
    for (const QString &key : keys)
        QVERIFY(!fleet->instance(key)->reading);
    QTest::qWait(300); // what was on its way when stopped
    const int readsAtStop = count(*m_north, "GET", "/backups");
    QTest::qWait(300);
    QCOMPARE(count(*m_north, "GET", "/backups"), readsAtStop);
    QVERIFY(fleet->saveCacheNow());

    // The next start: the cache's rows go in over several turns too, with what was read.
    auto next = makeFleet(cacheFile);
    next->setSources(one);
    seen.clear();
    sampler.disconnect();
    connect(&sampler, &QTimer::timeout, this, [&] {
        if (next->isTakingRows())
            seen.append(next->instanceKeys(north()).size());
    });
    QSignalSpy loaded(next.get(), &Fleet::cacheLoaded);
    QSignalSpy nextReplaced(next.get(), &Fleet::instancesReplaced);
    next->loadCache();
    QVERIFY(loaded.wait(Timeout));
    QVERIFY(partly());
    QCOMPARE(nextReplaced.size(), 1);
    QCOMPARE(next->instanceKeys(north()), keys);
    QVERIFY(next->sourceState(north()).fromCache);
    for (const QString &key : keys) {
        QCOMPARE(next->instance(key)->facts, fleet->instance(key)->facts);
        QCOMPARE(next->instance(key)->health.verdict, fleet->instance(key)->health.verdict);
    }
    // Listed again, nothing stale: no read.
    const int readsBefore = count(*m_north, "GET", "/backups");
    QVERIFY(refreshed(*next));
    QCOMPARE(next->instanceKeys(north()), keys);
    QCOMPARE(count(*m_north, "GET", "/backups"), readsBefore);
}

void TestFleet::demoFleet() {
    const Profile demo = SessionBuilder::demoProfile();
    QCOMPARE(demo.scopes().size(), 3);
    Fleet::Options options;
    Fleet fleet(m_opener.get(), m_queue.get(), options);
    QList<FleetSource> sources;
    for (const ProfileScope &scope : demo.scopes())
        sources.append({demo.atScope(scope), demo.name});
    fleet.setSources(sources);
    fleet.refresh();
    QVERIFY(QTest::qWaitFor([&] { return !fleet.isBusy() && m_queue->isIdle(); }, Timeout));
    // One simulator per region.
    QVERIFY(m_opener->demo()->isRunning(QStringLiteral("cn-north-4")));
    QVERIFY(m_opener->demo()->isRunning(QStringLiteral("cn-east-3")));
    QVERIFY(m_opener->demo()->baseUrl(QStringLiteral("cn-north-4")) !=
            m_opener->demo()->baseUrl(QStringLiteral("cn-east-3")));

    QSet<QString> attention, healthy;
    for (const FleetInstance &row : fleet.instances()) {
        QVERIFY2(row.readError.isEmpty(), qPrintable(row.readError));
        if (needsAttention(row.health.verdict))
            attention.insert(row.instance.name);
        else if (row.health.verdict == HealthVerdict::Healthy)
            healthy.insert(row.instance.name);
    }
    for (const FleetSource &s : sources)
        QCOMPARE(fleet.sourceState(s.key()).phase, FleetSourceState::Phase::Done);
    QCOMPARE(attention,
             (QSet<QString>{"analytics-buffer-test", "leaderboard-cluster", "legacy-page-cache",
                            "rate-limiter", "feature-flags-dev", "report-cache", "ml-feature-store",
                            "ab-test-flags", "geo-lookup", "search-suggest"}));
    QCOMPARE(healthy, (QSet<QString>{"order-cache-prod", "session-store", "user-profile-cache",
                                     "payment-gateway-cache", "clickstream-agg", "cdn-token-cache",
                                     "inventory-cache-prod"}));
    // The analytics project's session talks to the north simulator, in its own project.
    const QString analytics = FleetSource::keyFor(demo.id, demo.scopes().at(1));
    QCOMPARE(fleet.session(analytics)->info().projectName, QStringLiteral("cn-north-4_analytics"));
    QCOMPARE(fleet.session(analytics)->client()->config().endpoint,
             m_opener->demo()->baseUrl(QStringLiteral("cn-north-4")));
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
