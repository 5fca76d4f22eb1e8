#include "FleetBench.h"

#include "BenchSupport.h"
#include "ChildProcess.h"
#include "api/DcsClient.h"
#include "api/RequestQueue.h"
#include "fleet/Fleet.h"
#include "fleet/FleetTableModel.h"
#include "fleet/FleetWindow.h"
#include "profiles/SecretStore.h"
#include "profiles/Session.h"
#include "profiles/SessionOpener.h"
#include "restore/FollowedRestores.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

using namespace dcs;
using namespace bench;

namespace {

const QByteArray AccessKey = "BENCHFLEETAK";
const QByteArray SecretKey = "bench-fleet-secret";

struct RegionSim {
    QString region;
    QString projectId;
    std::unique_ptr<QProcess> process;
    QUrl url;
};

bool startRegion(RegionSim &sim, const FleetBenchOptions &options, const QString &stateFile) {
    QStringList args{QStringLiteral("--port"),       QStringLiteral("0"),
                     QStringLiteral("--state"),      stateFile,
                     QStringLiteral("--ak"),         QString::fromLatin1(AccessKey),
                     QStringLiteral("--sk"),         QString::fromLatin1(SecretKey),
                     QStringLiteral("--project-id"), sim.projectId,
                     QStringLiteral("--region"),     sim.region,
                     QStringLiteral("--demo-set"),   QStringLiteral("empty"),
                     QStringLiteral("--instances"),  QString::number(options.instances)};
    if (options.latencyMs > 0)
        args << QStringLiteral("--fault") << QStringLiteral("latency=%1").arg(options.latencyMs);
    sim.process = std::make_unique<QProcess>();
    sim.process->setStandardErrorFile(QProcess::nullDevice());
    // Interrupted, the benchmark leaves no simulator behind.
    testing::endWithThisProcess(*sim.process);
    sim.process->start(options.simProgram, args);
    if (!sim.process->waitForStarted(10000))
        return false;
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.contains('\n') && timer.elapsed() < 60000) {
        sim.process->waitForReadyRead(200);
        line += sim.process->readAllStandardOutput();
    }
    sim.url = QUrl(QString::fromUtf8(line.left(line.indexOf('\n')).trimmed()));
    return sim.url.isValid() && sim.url.port() > 0;
}

bool allRead(FleetWindow *window, int expected) {
    Fleet *fleet = window->fleet();
    if (fleet->isBusy() || !window->queue()->isIdle() || fleet->instanceCount() < expected)
        return false;
    // Looked at in place: a copy of every row per look (every 20 ms, on the GUI thread) was itself
    // the longest stall measured.
    for (const FleetSource &source : fleet->sources()) {
        for (const QString &key : fleet->instanceKeys(source.key())) {
            const FleetInstance *row = fleet->instance(key);
            if (!row || !row->facts || !row->readError.isEmpty())
                return false;
        }
    }
    return true;
}

// Runs the event loop until done() holds or the time is up; whether it holds.
bool waitUntil(const std::function<bool()> &done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start();
    if (!done())
        loop.exec();
    return done();
}

QString secondsText(qint64 msecs) {
    return QStringLiteral("%1 s").arg(double(msecs) / 1000, 0, 'f', 2);
}

} // namespace

int runFleetBench(const FleetBenchOptions &options) {
    QTemporaryDir dir;
    static const char *const names[] = {"cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1",
                                        "eu-west-101"};
    std::vector<RegionSim> sims(size_t(qBound(1, options.regions, 5)));
    Profile profile;
    profile.id = QStringLiteral("bench-fleet");
    profile.name = QStringLiteral("Bench");
    profile.accessKey = QString::fromLatin1(AccessKey);
    profile.proxy.mode = ProxySettings::Mode::None;
    profile.timeoutSeconds = 60;
    QList<ProfileScope> scopes;
    for (size_t i = 0; i < sims.size(); ++i) {
        RegionSim &sim = sims[i];
        sim.region = QString::fromLatin1(names[i]);
        sim.projectId = QStringLiteral("%1").arg(i + 1, 32, 16, QLatin1Char('a'));
        if (!startRegion(sim, options, dir.filePath(QStringLiteral("region-%1.json").arg(i)))) {
            out() << "6. the fleet: dcs-sim for " << sim.region << " did not start\n";
            return 1;
        }
        scopes.append({sim.region, sim.projectId, sim.region, sim.url});
    }
    profile.setScopes(scopes);
    const int expected = options.instances * int(sims.size());

    SecretStore secrets(QStringLiteral("dcs-bench"), true);
    secrets.write(profile.id, SecretStore::Kind::SecretKey, QString::fromLatin1(SecretKey),
                  nullptr);
    FollowedRestores followed(PendingRestoreFile(dir.filePath(QStringLiteral("pending.json"))),
                              AuditLog(dir.filePath(QStringLiteral("audit.jsonl"))),
                              RestoreRecordFollower::Timing{});
    SessionOpener opener(&secrets, demo::SimulatorOptions{}, &followed);

    int requests = 0;
    int throttled = 0;
    const auto makeWindow = [&] {
        FleetWindow::Options windowOptions;
        windowOptions.opener = &opener;
        windowOptions.profiles = [profile] {
            return QList<Profile>{profile};
        };
        windowOptions.cacheFile = dir.filePath(QStringLiteral("fleet-health.json"));
        windowOptions.console.fleetConcurrency = options.concurrency;
        auto window = std::make_unique<FleetWindow>(windowOptions);
        QObject::connect(window.get(), &FleetWindow::sessionOpened, window.get(),
                         [&](Session *session) {
                             QObject::connect(session->client(), &DcsClient::requestFinished,
                                              session, [&](const RequestLogEntry &entry) {
                                                  ++requests;
                                                  throttled += entry.httpStatus == 429 ? 1 : 0;
                                              });
                         });
        window->resize(1280, 800);
        window->show();
        return window;
    };

    out() << "6. the fleet: " << sims.size() << " regions x " << options.instances
          << " instances read by the fleet window (latency " << options.latencyMs << " ms, "
          << options.concurrency << " calls at once per endpoint)\n";
    out().flush();

    // A first look: nothing known, every instance read.
    Heartbeat beat;
    auto window = makeWindow();
    QElapsedTimer clock;
    beat.reset();
    clock.start();
    window->start();
    const bool complete = waitUntil([&] { return allRead(window.get(), expected); }, 30 * 60000);
    const qint64 fullHealthMs = clock.elapsed();
    const QString firstStall = stallText(beat);
    const RequestQueue::Stats queueStats = window->queue()->stats();
    row(QStringLiteral("time to full health (%1 instances)").arg(window->fleet()->instanceCount()),
        secondsText(fullHealthMs) + (complete ? QString() : QStringLiteral(" (INCOMPLETE)")),
        QStringLiteral("-"));
    row(QStringLiteral("requests made"),
        QStringLiteral("%1 (%2 answered 429, %3 repeated; at most %4 in flight)")
            .arg(requests)
            .arg(throttled)
            .arg(queueStats.retried)
            .arg(queueStats.maxInFlight),
        QStringLiteral("-"));
    row(QStringLiteral("longest stall while the fleet is read"), firstStall,
        QStringLiteral("<= 16 ms"));
    window.reset(); // writes the cache

    // The next start: the cache at once, then a refresh that finds nothing stale.
    requests = 0;
    throttled = 0;
    beat.reset();
    clock.restart();
    window = makeWindow();
    window->start();
    const bool shown =
        waitUntil([&] { return window->model()->rowCount() >= expected; }, 5 * 60000);
    const qint64 cacheMs = clock.elapsed();
    const bool refreshed = waitUntil([&] { return allRead(window.get(), expected); }, 10 * 60000);
    const qint64 refreshMs = clock.elapsed();
    row(QStringLiteral("restart: last known health shown"),
        msText(double(cacheMs)) + (shown ? QString() : QStringLiteral(" (NOT SHOWN)")),
        QStringLiteral("-"));
    row(QStringLiteral("restart: refresh done, nothing stale"),
        QStringLiteral("%1 with %2 requests (lists only)%3")
            .arg(secondsText(refreshMs))
            .arg(requests)
            .arg(refreshed ? QString() : QStringLiteral(" (INCOMPLETE)")),
        QStringLiteral("-"));
    row(QStringLiteral("longest stall on the restart"), stallText(beat),
        QStringLiteral("<= 16 ms"));
    window.reset();

    for (RegionSim &sim : sims) {
        sim.process->terminate();
        sim.process->waitForFinished(5000);
    }
    return complete && shown && refreshed ? 0 : 1;
}
