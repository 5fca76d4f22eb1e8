// dcs-bench: the console's speed figures, each beside its target and, where the target is a
// ratio, against a baseline measured in the same run (these machines are shared and noisy;
// absolute times mean little). A benchmark, not a test: nothing here passes or fails.
//
//  1. Reading a long instance list from dcs-sim: the raw floor (Qt's network access, the signer
//     and QJsonDocument over the same pages, as many in flight), DcsClient::listInstances and
//     streamInstances, and Huawei Cloud's official Node.js SDK core reading the same pages
//     (skipped with a message when Node.js or the SDK is absent).
//  2. The real window, offscreen, in a process of its own after part 1 (so that its resident
//     memory is the window's alone), with a 1 ms heartbeat on the GUI
//     thread: the longest stall while the list loads, on a sort by name, on one key typed in the
//     filter and on erasing it, on F5; the time to the first rows and to all rows; then an
//     instance with many backups: its load, a sort by name, the restore dialog's opening; the
//     resident memory beside a bare window's.
//  3. The automatic refresh with the whole list loaded: its longest stall, and what it reads
//     beside what F5 reads.
//  4. Requests per minute, the window left alone and following one restore, with the console's
//     timings compressed (a simulated minute in two seconds).
//  5. With redis-server (--redis-server, default Debian's when installed): dcs-sim's time to
//     its first line with every demo Redis instance a real server — the first start, which
//     fills them, and a restart, which loads them — against the simulated start; and the time
//     a fingerprint of order-cache-prod takes (the restore verification's, 200 sampled keys).
//  6. The fleet (FleetBench.cpp): regions of generated instances read by the fleet window.
//  7. Cold start: fresh processes of the console (DCS_EXIT_AFTER_FIRST_FRAME: it says so once its
//     window has painted, and quits) and of a bare QMainWindow + QTableView built in the same
//     tree, taken in turns: the time from the start of each to its first painted frame.
//
// Full size (the figures of the scale issue): dcs-bench --instances 10000 --backups 100000.
// --only listing,window,real-data,fleet,cold-start runs some parts alone (window covers 2 to 4).

#include "BenchSupport.h"
#include "ChildProcess.h"
#include "FleetBench.h"
#include "GuiTestSupport.h"
#include "api/AkSkSigner.h"
#include "backups/BackupTableModel.h"
#include "model/InstanceType.h"
#include "settings/ConsoleSettings.h"
#include "verify/InstanceFingerprint.h"
#include "widgets/KeyedSortFilterProxyModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMainWindow>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <malloc.h>
#include <time.h>

using namespace dcs;
using namespace bench;

namespace {

const QByteArray AccessKey = "BENCHACCESSKEY0123456789";
const QByteArray SecretKey = "bench-secret-key";
const QString ProjectId = QStringLiteral("0a1b2c3d4e5f40718293a4b5c6d7e8f9");
constexpr int PageSize = 1000;
constexpr int InFlight = 4;

struct Sim {
    QProcess process;
    QUrl url;
};

bool startSim(Sim &sim, const QString &program, const QString &stateFile, int instances,
              int backups) {
    // A restore lasts an hour here: the one followed for the requests per minute is still
    // running when they have been counted.
    const QStringList args{QStringLiteral("--restore-seconds"),
                           QStringLiteral("3600"),
                           QStringLiteral("--port"),
                           QStringLiteral("0"),
                           QStringLiteral("--state"),
                           stateFile,
                           QStringLiteral("--instances"),
                           QString::number(instances),
                           QStringLiteral("--backups"),
                           QString::number(backups),
                           QStringLiteral("--ak"),
                           QString::fromLatin1(AccessKey),
                           QStringLiteral("--sk"),
                           QString::fromLatin1(SecretKey),
                           QStringLiteral("--project-id"),
                           ProjectId};
    sim.process.setStandardErrorFile(QProcess::nullDevice());
    testing::endWithThisProcess(sim.process);
    sim.process.start(program, args);
    if (!sim.process.waitForStarted(10000))
        return false;
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.contains('\n') && timer.elapsed() < 120000) {
        sim.process.waitForReadyRead(200);
        line += sim.process.readAllStandardOutput();
    }
    sim.url = QUrl(QString::fromUtf8(line.left(line.indexOf('\n')).trimmed()));
    return sim.url.isValid() && sim.url.port() > 0;
}

ClientConfig clientConfig(const QUrl &url) {
    ClientConfig config;
    config.endpoint = url;
    config.projectId = ProjectId;
    config.accessKey = AccessKey;
    config.secretKey = SecretKey;
    config.pageSize = PageSize;
    config.parallelPages = InFlight;
    config.apiVersion = ApiVersion::V2;
    return config;
}

double median(QList<double> values) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// A signed request for one page of the instance list.
QNetworkRequest pageRequest(const AkSkSigner &signer, const QUrl &url, int offset) {
    QUrl pageUrl = url;
    pageUrl.setPath(QStringLiteral("/v2/%1/instances").arg(ProjectId));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    pageUrl.setQuery(query);
    QNetworkRequest request(pageUrl);
    const QList<HeaderPair> headers =
        signer.sign("GET", pageUrl, {{"Content-Type", "application/json"}}, {},
                    QDateTime::currentDateTimeUtc());
    for (const HeaderPair &header : headers)
        request.setRawHeader(header.first, header.second);
    return request;
}

// dcs-sim's own speed: one page of the list asked for at a time, from the request to its last
// byte (nothing parsed), over every page of the list; the median page.
double simPage(const QUrl &url, int listed) {
    QNetworkAccessManager network;
    const AkSkSigner signer(AccessKey, SecretKey);
    QList<double> pages;
    for (int offset = 0; offset < listed; offset += PageSize) {
        QEventLoop loop;
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = network.get(pageRequest(signer, url, offset));
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const double took = ms(timer.nsecsElapsed());
        if (reply->error() == QNetworkReply::NoError && !reply->readAll().isEmpty())
            pages.append(took);
        delete reply;
    }
    return median(pages);
}

// The least any client must do: sign each request, receive it through Qt, parse it into a
// QJsonDocument and count its records. No mapping to values, nothing kept.
double rawFloor(const QUrl &url, int *count, qint64 *bytes) {
    QNetworkAccessManager network;
    const AkSkSigner signer(AccessKey, SecretKey);
    QEventLoop loop;
    int total = -1;
    int read = 0;
    int next = PageSize;
    int running = 0;
    *bytes = 0;
    std::function<void(int)> get = [&](int offset) {
        ++running;
        QNetworkReply *reply = network.get(pageRequest(signer, url, offset));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            --running;
            const QByteArray body = reply->readAll();
            *bytes += body.size();
            const QJsonObject page = QJsonDocument::fromJson(body).object();
            read += int(page.value(QStringLiteral("instances")).toArray().size());
            if (total < 0)
                total = page.value(QStringLiteral("instance_num")).toInt();
            while (running < InFlight && next < total) {
                get(next);
                next += PageSize;
            }
            if (running == 0)
                loop.quit();
        });
    };
    QElapsedTimer timer;
    timer.start();
    get(0);
    loop.exec();
    *count = read;
    return ms(timer.nsecsElapsed());
}

// The caller keeps what it was given, as the console's table does: the list is freed after the
// time is taken, not counted as reading it (the SDK reader's objects are not freed within its
// time either).
double clientListing(const QUrl &url, bool stream, int *count) {
    DcsClient client(clientConfig(url));
    QEventLoop loop;
    QList<QList<Instance>> kept;
    // Counted by the batches' callback, which the event loop below runs.
    int read = 0;
    QElapsedTimer timer;
    timer.start();
    if (stream) {
        client.streamInstances(
            {}, &loop,
            [&](const QList<Instance> &batch) {
                read += int(batch.size());
                kept.append(batch);
            },
            [&](const ApiResult<QList<Instance>> &result) {
                *count = result.ok() ? read : -1;
                loop.quit();
            });
    } else {
        client.listInstances({}, &loop, [&](const ApiResult<QList<Instance>> &result) {
            *count = result.ok() ? int(result.value.size()) : -1;
            kept.append(result.value);
            loop.quit();
        });
    }
    loop.exec();
    return ms(timer.nsecsElapsed());
}

// Starts dcs-sim with these arguments, waits for its first line and stops it: the time to the
// line, -1 when none came. url gets the line.
qint64 timeToFirstLine(const QString &program, const QStringList &arguments, QUrl *url = nullptr,
                       QProcess *keep = nullptr) {
    QProcess own;
    QProcess &process = keep ? *keep : own;
    process.setStandardErrorFile(QProcess::nullDevice());
    // Interrupted, the benchmark leaves no simulator (and so no redis-server) behind.
    testing::endWithThisProcess(process);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray line;
    while (!line.contains('\n') && timer.elapsed() < 30000 &&
           process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(20);
        line += process.readAllStandardOutput();
    }
    const qint64 elapsed = line.contains('\n') ? timer.nsecsElapsed() : -1;
    if (url)
        *url = QUrl(QString::fromUtf8(line.trimmed()));
    if (!keep) {
        process.terminate();
        process.waitForFinished(15000);
    }
    return elapsed;
}

// -1: not measured (the reason in *why).
double sdkListing(const QString &node, const QString &sdkDir, const QUrl &url, int *count,
                  QString *why) {
    if (node.isEmpty()) {
        *why = QStringLiteral("Node.js not found");
        return -1;
    }
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"), sdkDir + QStringLiteral("/node_modules"));
    process.setProcessEnvironment(environment);
    process.start(node, {QStringLiteral(DCS_BENCH_DIR "/sdk-list.js"), url.toString(),
                         QString::fromLatin1(AccessKey), QString::fromLatin1(SecretKey), ProjectId,
                         QString::number(PageSize), QString::number(InFlight)});
    if (!process.waitForStarted()) {
        *why = QStringLiteral("Node.js could not be started (%1: %2)")
                   .arg(node, process.errorString());
        return -1;
    }
    if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit) {
        *why = QStringLiteral("the SDK reader did not finish");
        return -1;
    }
    if (process.exitCode() == 77) {
        *why = QStringLiteral("the SDK is not installed in %1 (scripts/run-tests.sh installs it)")
                   .arg(sdkDir);
        return -1;
    }
    const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
    if (process.exitCode() != 0 || fields.size() != 2) {
        *why = QStringLiteral("the SDK reader failed: %1")
                   .arg(QString::fromUtf8(process.readAllStandardError().trimmed()));
        return -1;
    }
    *count = fields.at(1).toInt();
    return fields.at(0).toDouble();
}

// Waits (the event loop running) until done() holds; the time it took, or -1 on timeout.
double waitFor(const std::function<bool()> &done, int timeoutMs = 600000) {
    QElapsedTimer timer;
    timer.start();
    // The heartbeat wakes the loop every millisecond: no busy waiting beside the work measured.
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return -1;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return ms(timer.nsecsElapsed());
}

void settle(int msecs) {
    QElapsedTimer timer;
    timer.start();
    QTimer wake; // also when no heartbeat runs yet
    wake.start(1);
    while (timer.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// What the process holds: the allocator first gives back what earlier figures freed (the lists
// read in part 1 would otherwise count as the window's).
qint64 residentKiB() {
    malloc_trim(0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// What a session's client read, from its request log: requests and the bytes of their answers,
// by what was asked for.
class Traffic : public QObject {
public:
    explicit Traffic(DcsClient *client) {
        connect(client, &DcsClient::requestFinished, this, [this](const RequestLogEntry &entry) {
            ++m_requests;
            m_bytes += entry.responseBytes;
            ++m_byKind[kindOf(entry)];
        });
    }
    void reset() {
        m_requests = 0;
        m_bytes = 0;
        m_byKind.clear();
    }
    int requests() const { return m_requests; }
    qint64 bytes() const { return m_bytes; }
    // "2.0 status counts, 1.0 one instance", each count divided by `per`.
    QString kinds(double per) const {
        QStringList parts;
        for (auto it = m_byKind.cbegin(); it != m_byKind.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value() / per, 0, 'f', 1).arg(it.key());
        return parts.join(QStringLiteral(", "));
    }

private:
    static QString kindOf(const RequestLogEntry &entry) {
        const QString path = entry.url.path();
        if (entry.method != "GET")
            return QString::fromLatin1(entry.method) + QStringLiteral(" (a write)");
        if (path.endsWith(QLatin1String("/instances/status")))
            return QStringLiteral("status counts");
        if (path.endsWith(QLatin1String("/instances")))
            return QUrlQuery(entry.url).hasQueryItem(QStringLiteral("status"))
                       ? QStringLiteral("instance pages by status")
                       : QStringLiteral("instance list pages");
        if (path.endsWith(QLatin1String("/backups")))
            return QStringLiteral("backup pages");
        if (path.endsWith(QLatin1String("/restores")))
            return QStringLiteral("restore record pages");
        if (path.endsWith(QLatin1String("/tasks")))
            return QStringLiteral("task pages");
        if (path.contains(QLatin1String("/instances/")))
            return QStringLiteral("one instance");
        return QStringLiteral("other");
    }

    int m_requests = 0;
    qint64 m_bytes = 0;
    QMap<QString, int> m_byKind;
};

QString kibText(qint64 bytes) {
    return QStringLiteral("%1 KiB").arg(double(bytes) / 1024, 0, 'f', bytes < 10240 ? 1 : 0);
}

// A demo instance (not one of the generated thousands) that may be restored now, with a
// restorable backup.
testing::Target restoreTarget(DcsClient &client, const QList<Instance> &instances) {
    QObject context;
    for (const Instance &i : instances) {
        if (i.name.startsWith(QLatin1String("gen-")) || i.type() != InstanceType::MasterStandby ||
            !i.isRunning())
            continue;
        const QList<Backup> list = testing::backups(client, i.instanceId, &context);
        if (std::any_of(list.cbegin(), list.cend(), [](const Backup &b) { return b.isRunning(); }))
            continue;
        const QList<RestoreRecord> records = testing::restores(client, i.instanceId, &context);
        if (std::any_of(records.cbegin(), records.cend(),
                        [](const RestoreRecord &r) { return r.isRunning(); }))
            continue;
        for (const Backup &b : list) {
            if (b.isRestorable())
                return {i, b};
        }
    }
    return {};
}

// How the console follows a restore, `factor` times faster.
RestoreRecordFollower::Timing compressed(RestoreRecordFollower::Timing timing, int factor) {
    timing.initialDelayMs = qMax(1, timing.initialDelayMs / factor);
    timing.maxIntervalMs = qMax(1, timing.maxIntervalMs / factor);
    return timing;
}

// 4. Requests per minute with the whole list loaded, the window left alone and then following
// one restore: the console's own timings (the automatic refresh, the restore follower)
// compressed so that a simulated minute passes in two seconds, and the requests of `minutes`
// simulated minutes counted in the session's request log.
void requestsPerMinute(MainWindow &window, guitest::Console &console, Session *session,
                       InstanceBrowser *browser, Traffic &traffic, int minutes) {
    const ConsoleSettings defaults;
    ConsoleSettings manual = defaults; // as the other parts have it: no automatic refresh
    manual.refreshIntervalSeconds = 0;
    // The automatic refresh comes every second instead of every 30: 30 times faster.
    const int factor = qMax(1, defaults.refreshIntervalSeconds);
    const int spanMs = minutes * 60 * 1000 / factor;
    out() << "4. requests per minute with " << browser->instanceCount()
          << " instances, the console's timings " << factor
          << " times faster (simulated minutes: " << minutes << ", " << spanMs / 1000.0
          << " s each part)\n";
    DcsClient *client = session->client();
    const testing::Target target = restoreTarget(*client, browser->instanceModel()->instances());
    if (target.instance.instanceId.isEmpty()) {
        row(QStringLiteral("requests per minute"),
            QStringLiteral("skipped: no instance may be restored"), QStringLiteral("-"));
        return;
    }
    browser->selectInstance(target.instance.instanceId);
    waitFor([&] { return !browser->isLoading() && !browser->isCheckingChanges(); });
    ConsoleSettings fast = defaults;
    fast.refreshIntervalSeconds = 1;
    window.applySettings(fast);
    console.followed()->setTiming(compressed(defaults.trackerTiming(), factor));
    // Counted from half an interval after the timer's start, so that the window holds exactly
    // minutes x (60 / refreshIntervalSeconds) of its ticks, each with half a (compressed)
    // interval to finish.
    settle(500);
    const auto perMinute = [&](const QString &what) {
        traffic.reset();
        settle(spanMs);
        row(what,
            QStringLiteral("%1 requests/min, %2/min")
                .arg(double(traffic.requests()) / minutes, 0, 'f', 1)
                .arg(kibText(traffic.bytes() / minutes)),
            QStringLiteral("only what changed"));
        out() << "      " << traffic.kinds(minutes) << " per minute\n";
    };
    perMinute(QStringLiteral("idle, %1 selected").arg(target.instance.name));

    // A restore as the restore dialog posts it, handed to the restores followed.
    QObject context;
    const ApiResult<QString> posted = testing::await<QString>([&](auto callback) {
        client->restore(target.instance.instanceId, target.backup.backupId,
                        QStringLiteral("dcs-bench"), &context, callback);
    });
    if (!posted.ok()) {
        row(QStringLiteral("following one restore"),
            QStringLiteral("skipped: the restore was refused (%1)").arg(posted.error.summary()),
            QStringLiteral("-"));
        window.applySettings(manual);
        return;
    }
    PendingRestore restore;
    restore.profileId = session->info().profileId;
    restore.profileName = session->info().profileName;
    restore.instanceId = target.instance.instanceId;
    restore.instanceName = target.instance.name;
    restore.restoreId = posted.value;
    restore.backupId = target.backup.backupId;
    restore.backupName = target.backup.backupName;
    restore.startedAt = QDateTime::currentDateTimeUtc();
    restore.audited = true;
    console.followed()->follow(client, restore);
    // The timer again from now, and the window half an interval after it.
    window.applySettings(fast);
    settle(500);
    perMinute(QStringLiteral("following one restore of it"));
    if (!console.followed()->isFollowing(restore.restoreId))
        out() << "      (the restore ended before the simulated minutes did)\n";
    window.applySettings(manual);
}

// The time from starting the program to its first painted frame ("first frame" on its standard
// output); -1 when none came.
double timeToFirstFrame(const QString &program, const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardErrorFile(QProcess::nullDevice());
    testing::endWithThisProcess(process);
    QElapsedTimer timer;
    timer.start();
    process.start(program, {});
    QByteArray output;
    while (!output.contains("first frame\n") && timer.elapsed() < 60000 &&
           process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(20);
        output += process.readAllStandardOutput();
    }
    output += process.readAllStandardOutput();
    const qint64 elapsed = output.contains("first frame\n") ? timer.nsecsElapsed() : -1;
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return elapsed < 0 ? -1 : ms(elapsed);
}

// 7. Cold start to the first painted frame, the console beside a bare window, each in fresh
// processes taken in turns, on a home folder of their own (the console's Demo included).
void coldStartFigures(int runs) {
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        environment.insert(QString::fromLatin1(name),
                           home.filePath(QString::fromLatin1(name).toLower()));
    environment.insert(QStringLiteral("DCS_EXIT_AFTER_FIRST_FRAME"), QStringLiteral("1"));
    const QString console = QStringLiteral(DCS_CONSOLE_PROGRAM);
    const QString bare = QStringLiteral(DCS_BARE_WINDOW_PROGRAM);
    // Once each unmeasured: the files both read are in the page cache, the console's first run
    // (its folders, the Demo's state) is behind it.
    timeToFirstFrame(console, environment);
    timeToFirstFrame(bare, environment);
    QList<double> consoleTimes, bareTimes;
    for (int i = 0; i < runs; ++i) {
        bareTimes.append(timeToFirstFrame(bare, environment));
        consoleTimes.append(timeToFirstFrame(console, environment));
    }
    out() << "7. cold start to the first painted frame, medians of " << runs
          << " fresh processes each, taken in turns\n";
    row(QStringLiteral("bare QMainWindow + QTableView"), msText(median(bareTimes)),
        QStringLiteral("(baseline)"));
    const double ratio = median(bareTimes) > 0 ? median(consoleTimes) / median(bareTimes) : -1;
    row(QStringLiteral("dcs-console"),
        msText(median(consoleTimes)) + QStringLiteral(" = ") + ratioText(ratio),
        QStringLiteral("<= 1.30x the bare window"));
}

// 5. Real data: dcs-sim's start with real Redis servers, and a fingerprint's time.
void realDataFigures(const QString &simProgram, const QString &redis, int runs) {
    if (!QFileInfo(redis).isExecutable()) {
        out() << "5. real data: skipped, no redis-server at " << redis << "\n";
        return;
    }
    QList<double> simulated, firstStart, restart, fingerprint;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir runDir;
        const QStringList plain{QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--state"),
                                runDir.filePath(QStringLiteral("plain.json"))};
        simulated.append(ms(timeToFirstLine(simProgram, plain)));
        const QStringList real{
            QStringLiteral("--port"),         QStringLiteral("0"),
            QStringLiteral("--state"),        runDir.filePath(QStringLiteral("real.json")),
            QStringLiteral("--redis-server"), redis};
        firstStart.append(ms(timeToFirstLine(simProgram, real)));
        QProcess running;
        QUrl url;
        restart.append(ms(timeToFirstLine(simProgram, real, &url, &running)));
        // The fingerprint the restore verification takes of order-cache-prod.
        ClientConfig config;
        config.endpoint = url;
        config.projectId = QStringLiteral("0a1b2c3d4e5f40718293a4b5c6d7e8f9");
        config.accessKey = "DEMOACCESSKEYDCSCONSOLE";
        config.secretKey = "demo-secret-key-for-the-local-simulator";
        DcsClient client(config);
        QEventLoop loop;
        RedisTarget target;
        client.listInstances({}, &loop, [&](const ApiResult<QList<Instance>> &result) {
            for (const Instance &instance : result.value) {
                if (instance.name == QLatin1String("order-cache-prod"))
                    target = RedisTarget::forInstance(instance);
            }
            loop.quit();
        });
        loop.exec();
        QString error;
        QElapsedTimer t;
        t.start();
        // Blocking is fine here: no window is measured meanwhile.
        if (takeFingerprint(target, FingerprintRequest{}, &error))
            fingerprint.append(ms(t.nsecsElapsed()));
        running.terminate();
        running.waitForFinished(15000);
    }
    out() << "5. dcs-sim start-up with real Redis servers, time to its first line\n";
    row(QStringLiteral("simulated"), msText(median(simulated)), QStringLiteral("-"));
    row(QStringLiteral("7 real servers, first start"),
        msText(median(firstStart)) + QStringLiteral(" = ") +
            ratioText(median(firstStart) / median(simulated)),
        QStringLiteral("-"));
    row(QStringLiteral("7 real servers, restart"),
        msText(median(restart)) + QStringLiteral(" = ") +
            ratioText(median(restart) / median(simulated)),
        QStringLiteral("-"));
    if (!fingerprint.isEmpty())
        row(QStringLiteral("fingerprint of order-cache-prod, 200 sampled keys"),
            msText(median(fingerprint)), QStringLiteral("-"));
}

} // namespace

int listingAndWindow(const QString &simProgram, int instances, int backups, int runs, int minutes,
                     const QStringList &parts, const QString &node, const QString &sdkDir,
                     bool continuing);

int main(int argc, char **argv) {
    // The offscreen platform's note on every window shown is not a figure.
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message.contains(QLatin1String("propagateSizeHints")) ||
                message.contains(QLatin1String("XDG_RUNTIME_DIR")))
                return;
            std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
        });
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("DCS Console benchmarks"));
    parser.addHelpOption();
    QCommandLineOption simOption(QStringLiteral("sim"), QStringLiteral("Path of dcs-sim."),
                                 QStringLiteral("path"), QStringLiteral(DCS_SIM_PROGRAM));
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."),
                                  QStringLiteral("n"), QStringLiteral("5"));
    QCommandLineOption instancesOption(QStringLiteral("instances"),
                                       QStringLiteral("Generated instances in the simulator."),
                                       QStringLiteral("n"), QStringLiteral("10000"));
    QCommandLineOption backupsOption(QStringLiteral("backups"),
                                     QStringLiteral("Backups of the instance gen-many-backups."),
                                     QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption nodeOption(QStringLiteral("node"), QStringLiteral("Node.js program."),
                                  QStringLiteral("path"),
                                  QStandardPaths::findExecutable(QStringLiteral("node")));
    QCommandLineOption sdkOption(QStringLiteral("sdk"),
                                 QStringLiteral("Folder with the official SDK's node_modules."),
                                 QStringLiteral("dir"), QStringLiteral(DCS_OFFICIAL_SDK_DIR));
    QCommandLineOption redisOption(QStringLiteral("redis-server"),
                                   QStringLiteral("redis-server for the real-data figures "
                                                  "(default: /usr/bin/redis-server if there)."),
                                   QStringLiteral("path"), QStringLiteral("/usr/bin/redis-server"));
    QCommandLineOption minutesOption(
        QStringLiteral("minutes"),
        QStringLiteral("Simulated minutes over which requests per minute are counted."),
        QStringLiteral("n"), QStringLiteral("5"));
    QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral(
            "Only these parts, comma-separated: listing, window, real-data, fleet, cold-start."),
        QStringLiteral("parts"));
    QCommandLineOption noFleetOption(QStringLiteral("no-fleet"),
                                     QStringLiteral("Leave out the fleet row."));
    QCommandLineOption onlyFleetOption(QStringLiteral("only-fleet"),
                                       QStringLiteral("Run the fleet row alone."));
    QCommandLineOption fleetInstancesOption(
        QStringLiteral("fleet-instances"), QStringLiteral("Instances per region in the fleet row."),
        QStringLiteral("n"), QStringLiteral("2000"));
    QCommandLineOption fleetRegionsOption(QStringLiteral("fleet-regions"),
                                          QStringLiteral("Regions in the fleet row (1-5)."),
                                          QStringLiteral("n"), QStringLiteral("3"));
    QCommandLineOption fleetLatencyOption(
        QStringLiteral("fleet-latency"),
        QStringLiteral("Simulated latency per request in the fleet row, ms."), QStringLiteral("ms"),
        QStringLiteral("10"));
    // Set on the process that runs the window's parts after the listing (see below).
    QCommandLineOption continuingOption(QStringLiteral("continuing"));
    continuingOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({simOption, runsOption, instancesOption, backupsOption, nodeOption, sdkOption,
                       redisOption, minutesOption, onlyOption, noFleetOption, onlyFleetOption,
                       fleetInstancesOption, fleetRegionsOption, fleetLatencyOption,
                       continuingOption});
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int instances = qMax(0, parser.value(instancesOption).toInt());
    const int backups = qMax(0, parser.value(backupsOption).toInt());
    const int minutes = qMax(1, parser.value(minutesOption).toInt());
    const QStringList allParts{QStringLiteral("listing"), QStringLiteral("window"),
                               QStringLiteral("real-data"), QStringLiteral("fleet"),
                               QStringLiteral("cold-start")};
    QStringList parts = allParts;
    if (parser.isSet(onlyOption))
        parts = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(onlyFleetOption))
        parts = QStringList{QStringLiteral("fleet")};
    if (parser.isSet(noFleetOption))
        parts.removeAll(QStringLiteral("fleet"));
    for (const QString &part : std::as_const(parts)) {
        if (!allParts.contains(part)) {
            std::fprintf(stderr,
                         "Unknown part: %s (listing, window, real-data, fleet, cold-start)\n",
                         qPrintable(part));
            return 2;
        }
    }
    FleetBenchOptions fleet;
    fleet.simProgram = parser.value(simOption);
    fleet.instances = qMax(1, parser.value(fleetInstancesOption).toInt());
    fleet.regions = qBound(1, parser.value(fleetRegionsOption).toInt(), 5);
    fleet.latencyMs = qMax(0, parser.value(fleetLatencyOption).toInt());
    int failed = 0;
    const bool continuing = parser.isSet(continuingOption);
    const bool listing = parts.contains(QStringLiteral("listing"));
    const bool window = parts.contains(QStringLiteral("window"));
    if (listing)
        failed |= listingAndWindow(parser.value(simOption), instances, backups, runs, minutes,
                                   {QStringLiteral("listing")}, parser.value(nodeOption),
                                   parser.value(sdkOption), continuing);
    if (window && !listing) {
        failed |= listingAndWindow(parser.value(simOption), instances, backups, runs, minutes,
                                   {QStringLiteral("window")}, parser.value(nodeOption),
                                   parser.value(sdkOption), continuing);
    } else if (window) {
        // The window's parts in a process of their own, as the console is: its resident memory
        // is then the window's, not what the listing's clients and parsers left with the
        // allocator (5-15 MiB, as the runs of part 1 happen to end).
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        out().flush();
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--only"), QStringLiteral("window"),
                     QStringLiteral("--continuing"), QStringLiteral("--sim"),
                     parser.value(simOption), QStringLiteral("--runs"), QString::number(runs),
                     QStringLiteral("--instances"), QString::number(instances),
                     QStringLiteral("--backups"), QString::number(backups),
                     QStringLiteral("--minutes"), QString::number(minutes)});
        if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit ||
            child.exitCode() != 0) {
            std::fprintf(stderr, "the window's parts failed\n");
            failed |= 1;
        }
    }
    if (parts.contains(QStringLiteral("real-data")))
        realDataFigures(parser.value(simOption), parser.value(redisOption), runs);
    if (parts.contains(QStringLiteral("fleet")))
        failed |= runFleetBench(fleet);
    if (parts.contains(QStringLiteral("cold-start")))
        coldStartFigures(qMax(15, runs));
    if (!continuing)
        out() << "The machine may be shared: read the ratios, and the stalls as upper bounds.\n";
    out().flush();
    return failed;
}

// Parts 1 to 4, on one simulator. 0 when the list could be read.
int listingAndWindow(const QString &simProgram, int instances, int backups, int runs, int minutes,
                     const QStringList &parts, const QString &node, const QString &sdkDir,
                     bool continuing) {

    // A bare window built like the console's table, for the memory baseline.
    qint64 bareKiB = 0;
    {
        QMainWindow bare;
        auto *table = new QTableView(&bare);
        auto *model = new QStandardItemModel(0, 8, table);
        table->setModel(model);
        bare.setCentralWidget(table);
        bare.resize(1200, 800);
        bare.show();
        settle(300);
        bareKiB = residentKiB();
    }

    QTemporaryDir dir;
    Sim sim;
    if (!startSim(sim, simProgram, dir.filePath(QStringLiteral("state.json")), instances,
                  backups)) {
        std::fprintf(stderr, "dcs-sim did not start\n");
        return 1;
    }

    // 1. Reading the list, side by side, each run warm.
    int listed = 0, count = 0;
    qint64 payload = 0;
    rawFloor(sim.url, &listed, &payload);
    if (!continuing)
        out() << "dcs-bench: " << listed << " instances (" << payload / 1024 << " KiB of JSON in "
              << (listed + PageSize - 1) / PageSize << " pages, " << InFlight
              << " in flight), medians of " << runs << " runs, measured side by side\n";
    if (parts.contains(QStringLiteral("listing"))) {
        clientListing(sim.url, false, &count);
        QList<double> raw, listing, streaming, sdk, simPages;
        QString sdkWhy;
        for (int i = 0; i < runs; ++i) {
            simPages.append(simPage(sim.url, listed));
            raw.append(rawFloor(sim.url, &listed, &payload));
            listing.append(clientListing(sim.url, false, &count));
            streaming.append(clientListing(sim.url, true, &count));
            if (sdkWhy.isEmpty()) {
                int sdkCount = 0;
                const double t = sdkListing(node, sdkDir, sim.url, &sdkCount, &sdkWhy);
                if (t >= 0)
                    sdk.append(t);
            }
        }
        out() << "1. reading the list\n";
        row(QStringLiteral("dcs-sim: one page of %1 instances, asked alone").arg(PageSize),
            msText(median(simPages)), QStringLiteral("<= 20 ms"));
        row(QStringLiteral("raw floor (Qt network + signer + QJsonDocument)"), msText(median(raw)),
            QStringLiteral("(baseline)"));
        row(QStringLiteral("DcsClient::listInstances"),
            msText(median(listing)) + QStringLiteral(" = ") +
                ratioText(median(listing) / median(raw)),
            QStringLiteral("<= 1.30x the raw floor"));
        row(QStringLiteral("DcsClient::streamInstances"),
            msText(median(streaming)) + QStringLiteral(" = ") +
                ratioText(median(streaming) / median(raw)),
            QStringLiteral("<= 1.30x the raw floor"));
        if (sdk.isEmpty())
            row(QStringLiteral("official Node.js SDK core"), QStringLiteral("skipped: ") + sdkWhy,
                QStringLiteral("-"));
        else
            row(QStringLiteral("official Node.js SDK core / listInstances"),
                msText(median(sdk)) + QStringLiteral(" = ") +
                    ratioText(median(sdk) / median(listing)),
                QStringLiteral(">= 2x (we are twice as fast)"));
    }
    if (!parts.contains(QStringLiteral("window"))) {
        sim.process.terminate();
        sim.process.waitForFinished(5000);
        return listed > 0 ? 0 : 1;
    }

    // 2. The window.
    out() << "2. the window (GUI thread, 1 ms heartbeat: the longest gap between two beats)\n";
    guitest::Console console;
    MainWindow window(console.contextWithoutProfiles());
    // The automatic refresh runs only where it is measured (parts 3 and 4).
    ConsoleSettings manualRefresh;
    manualRefresh.refreshIntervalSeconds = 0;
    window.applySettings(manualRefresh);
    window.resize(1400, 900);
    window.show();
    settle(300);
    SessionInfo info;
    info.profileId = QStringLiteral("bench");
    info.profileName = QStringLiteral("Bench");
    info.isSimulator = true;
    info.endpoint = sim.url;
    info.region = QStringLiteral("cn-north-4");
    info.projectId = ProjectId;
    Session *session = console.openSession(info, clientConfig(sim.url));
    Traffic traffic(session->client());
    Heartbeat beat;
    // What the machine itself does to a 1 ms timer: the floor under every stall below.
    beat.reset();
    settle(1000);
    row(QStringLiteral("longest gap while idle (the machine's own noise)"), stallText(beat),
        QStringLiteral("-"));
    beat.reset();
    QElapsedTimer loadTimer;
    loadTimer.start();
    window.showSession(session);
    InstanceBrowser *browser = nullptr;
    waitFor([&] { return (browser = window.browser()) != nullptr; });
    const double firstRows = waitFor([&] { return browser->instanceCount() > 0; });
    const double firstRowsTotal = ms(loadTimer.nsecsElapsed());
    waitFor([&] { return browser->instanceCount() >= listed && !browser->isLoadingInstances(); });
    auto *table = window.findChild<QTableView *>(QStringLiteral("instanceTable"));
    auto *proxy = qobject_cast<KeyedSortFilterProxyModel *>(table->model());
    waitFor([&] { return !proxy->isOrdering(); });
    const double allRows = ms(loadTimer.nsecsElapsed());
    const QString loadStall = stallText(beat);
    Q_UNUSED(firstRows);
    row(QStringLiteral("instances: first rows on screen"), msText(firstRowsTotal),
        QStringLiteral("-"));
    row(QStringLiteral("instances: all %1 rows").arg(browser->instanceCount()), msText(allRows),
        QStringLiteral("-"));
    row(QStringLiteral("longest stall while they load"), loadStall, QStringLiteral("<= 16 ms"));
    settle(500);
    const qint64 loadedKiB = residentKiB();

    const auto stallOf = [&](const std::function<void()> &action,
                             const std::function<bool()> &done) {
        settle(200);
        beat.reset();
        action();
        waitFor(done);
        return stallText(beat);
    };
    const auto ordered = [&] {
        return !proxy->isOrdering();
    };
    // From another column, so that the names' collation keys are made, as on a first click.
    table->sortByColumn(InstanceTableModel::Created, Qt::AscendingOrder);
    waitFor(ordered);
    row(QStringLiteral("sort by name (header click)"),
        (stallOf([&] { table->sortByColumn(InstanceTableModel::Name, Qt::DescendingOrder); },
                 ordered)),
        QStringLiteral("<= 16 ms"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("instanceFilterEdit"));
    const int before = proxy->rowCount();
    row(QStringLiteral("one key typed in the filter"),
        (stallOf([&] { QTest::keyClick(filter, Qt::Key_7); },
                 [&] { return proxy->rowCount() != before && ordered(); })),
        QStringLiteral("<= 16 ms"));
    row(QStringLiteral("erasing the filter"),
        (stallOf([&] { QTest::keyClick(filter, Qt::Key_Backspace); },
                 [&] { return proxy->rowCount() == before && ordered(); })),
        QStringLiteral("<= 16 ms"));
    const auto settled = [&] {
        return !browser->isLoadingInstances() && !browser->isCheckingChanges() &&
               !browser->isLoading() && ordered();
    };
    settle(200);
    traffic.reset();
    row(QStringLiteral("refresh (F5) with every row loaded"),
        (stallOf([&] { browser->refresh(); }, settled)), QStringLiteral("<= 16 ms"));
    const int wholeRequests = traffic.requests();
    const qint64 wholeBytes = traffic.bytes();
    row(QStringLiteral("resident memory after the list"),
        QStringLiteral("%1 MiB (bare window %2 MiB, JSON %3 MiB)")
            .arg(loadedKiB / 1024)
            .arg(bareKiB / 1024)
            .arg(payload / 1024 / 1024),
        QStringLiteral("<= %1 MiB (2 x bare + JSON)").arg((2 * bareKiB + payload / 1024) / 1024));

    // 3. What the automatic refresh's timer runs, once, right after a whole reading.
    out() << "3. the automatic refresh (every " << ConsoleSettings().refreshIntervalSeconds
          << " s) with " << browser->instanceCount() << " instances\n";
    settle(200);
    traffic.reset();
    row(QStringLiteral("longest stall of one automatic refresh"),
        stallOf([&] { browser->refreshChanges(); }, settled), QStringLiteral("<= 16 ms"));
    row(QStringLiteral("read by it, beside F5 (the whole list)"),
        QStringLiteral("%1 in %2 requests = %3% of F5's %4 in %5")
            .arg(kibText(traffic.bytes()))
            .arg(traffic.requests())
            .arg(wholeBytes > 0 ? 100.0 * double(traffic.bytes()) / double(wholeBytes) : 0.0, 0,
                 'f', 2)
            .arg(kibText(wholeBytes))
            .arg(wholeRequests),
        QStringLiteral("only what changed"));
    out() << "      " << traffic.kinds(1) << "\n";
    if (backups > 0) {
        BackupTableModel *backupModel = browser->backupModel();
        auto *backupTable = window.findChild<QTableView *>(QStringLiteral("backupTable"));
        auto *backupProxy = qobject_cast<KeyedSortFilterProxyModel *>(backupTable->model());
        settle(200);
        beat.reset();
        QElapsedTimer timer;
        timer.start();
        browser->selectInstance(QStringLiteral("gen-many-backups"));
        waitFor([&] {
            return backupModel->rowCount() >= backups && !browser->isLoading() &&
                   !backupProxy->isOrdering();
        });
        const double loaded = ms(timer.nsecsElapsed());
        const QString stall = stallText(beat);
        row(QStringLiteral("%1 backups: all rows").arg(backupModel->rowCount()), msText(loaded),
            QStringLiteral("-"));
        row(QStringLiteral("longest stall while they load"), stall, QStringLiteral("<= 16 ms"));
        backupTable->sortByColumn(BackupTableModel::Size, Qt::AscendingOrder);
        waitFor([&] { return !backupProxy->isOrdering(); });
        row(QStringLiteral("backups: sort by name"),
            (stallOf([&] { backupTable->sortByColumn(BackupTableModel::Name, Qt::AscendingOrder); },
                     [&] { return !backupProxy->isOrdering(); })),
            QStringLiteral("<= 16 ms"));
        settle(200);
        beat.reset();
        timer.restart();
        RestoreDialog *dialog = browser->openRestoreDialog();
        const double opened = ms(timer.nsecsElapsed());
        waitFor([&] { return dialog && dialog->isVisible(); }, 10000);
        settle(100);
        row(QStringLiteral("restore dialog opening (call, then painted)"),
            dialog ? msText(opened) + QStringLiteral(", stall ") + stallText(beat)
                   : QStringLiteral("not allowed here"),
            QStringLiteral("<= 100 ms"));
        if (dialog)
            dialog->reject();
    }

    requestsPerMinute(window, console, session, browser, traffic, minutes);
    window.close();
    sim.process.terminate();
    sim.process.waitForFinished(5000);
    return listed > 0 ? 0 : 1;
}
