// dcs-bench: the console's speed figures, each as a ratio against a baseline measured in the
// same run (these machines are shared and noisy; absolute times mean little).
//
//  1. Reading every page of a large instance list from dcs-sim: pages in flight together
//     (the client's default) against one page after another.
//  2. Mapping list bodies to Instance values: Instance::fromJson against the bare JSON parse
//     it cannot avoid.
//  3. With redis-server (--redis-server, default Debian's when installed): dcs-sim's time to
//     its first line with every demo Redis instance a real server — the first start, which
//     fills them, and a restart, which loads them — against the simulated start; and the time
//     a fingerprint of order-cache-prod takes (the restore verification's, 200 sampled keys).

#include "api/DcsClient.h"
#include "model/Instance.h"
#include "verify/InstanceFingerprint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace dcs;

namespace {

struct Sim {
    QProcess process;
    QUrl url;
};

bool startSim(Sim &sim, const QString &program, const QString &stateFile, int instances,
              int latencyMs) {
    QStringList args{QStringLiteral("--port"),      QStringLiteral("0"),
                     QStringLiteral("--state"),     stateFile,
                     QStringLiteral("--instances"), QString::number(instances)};
    if (latencyMs > 0)
        args << QStringLiteral("--fault") << QStringLiteral("latency=%1").arg(latencyMs);
    sim.process.setStandardErrorFile(QProcess::nullDevice());
    sim.process.start(program, args);
    if (!sim.process.waitForStarted(10000))
        return false;
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.contains('\n') && timer.elapsed() < 30000) {
        sim.process.waitForReadyRead(200);
        line += sim.process.readAllStandardOutput();
    }
    sim.url = QUrl(QString::fromUtf8(line.trimmed()));
    return sim.url.isValid() && sim.url.port() > 0;
}

qint64 timeListing(const QUrl &url, int pageSize, int parallel, int *count) {
    ClientConfig config;
    config.endpoint = url;
    config.projectId = QStringLiteral("0a1b2c3d4e5f40718293a4b5c6d7e8f9");
    config.accessKey = "DEMOACCESSKEYDCSCONSOLE";
    config.secretKey = "demo-secret-key-for-the-local-simulator";
    config.pageSize = pageSize;
    config.parallelPages = parallel;
    DcsClient client(config);
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    client.listInstances({}, &loop, [&](const ApiResult<QList<Instance>> &result) {
        *count = result.ok() ? int(result.value.size()) : -1;
        loop.quit();
    });
    loop.exec();
    return timer.nsecsElapsed();
}

// Starts dcs-sim with these arguments, waits for its first line and stops it: the time to the
// line, -1 when none came. url gets the line.
qint64 timeToFirstLine(const QString &program, const QStringList &arguments, QUrl *url = nullptr,
                       QProcess *keep = nullptr) {
    QProcess own;
    QProcess &process = keep ? *keep : own;
    process.setStandardErrorFile(QProcess::nullDevice());
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

qint64 median(QList<qint64> values) {
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QByteArray listBody(int count) {
    QJsonArray instances;
    for (int i = 0; i < count; ++i) {
        Instance instance;
        instance.name = QStringLiteral("bench-%1").arg(i);
        instance.instanceId =
            QStringLiteral("%1-0000-4000-8000-000000000000").arg(i, 8, 16, QLatin1Char('0'));
        instance.engine = QStringLiteral("Redis");
        instance.engineVersion = QStringLiteral("5.0");
        instance.specCode = QStringLiteral("redis.ha.xu1.large.r2.2");
        instance.status = QStringLiteral("RUNNING");
        instance.ip = QStringLiteral("192.168.0.%1").arg(i % 250);
        instance.port = 6379;
        instance.createdAt = QDateTime::currentDateTimeUtc();
        instances.append(instance.toJson(false));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("instance_num"), count},
                                     {QStringLiteral("instances"), instances}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("DCS Console benchmarks"));
    parser.addHelpOption();
    QCommandLineOption simOption(QStringLiteral("sim"), QStringLiteral("Path of dcs-sim."),
                                 QStringLiteral("path"), QStringLiteral(DCS_SIM_PROGRAM));
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."),
                                  QStringLiteral("n"), QStringLiteral("5"));
    QCommandLineOption instancesOption(QStringLiteral("instances"),
                                       QStringLiteral("Instances in the simulator."),
                                       QStringLiteral("n"), QStringLiteral("5000"));
    QCommandLineOption redisOption(QStringLiteral("redis-server"),
                                   QStringLiteral("redis-server for the real-data figures "
                                                  "(default: /usr/bin/redis-server if there)."),
                                   QStringLiteral("path"), QStringLiteral("/usr/bin/redis-server"));
    QCommandLineOption latencyOption(QStringLiteral("latency"),
                                     QStringLiteral("Simulated network latency per request, ms."),
                                     QStringLiteral("ms"), QStringLiteral("40"));
    parser.addOptions({simOption, runsOption, instancesOption, latencyOption, redisOption});
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int count = qMax(1, parser.value(instancesOption).toInt());
    QTextStream out(stdout);

    QTemporaryDir dir;
    Sim sim;
    if (!startSim(sim, parser.value(simOption), dir.filePath(QStringLiteral("state.json")), count,
                  parser.value(latencyOption).toInt())) {
        std::fprintf(stderr, "dcs-sim did not start\n");
        return 1;
    }

    // 1. Paging: 100 per page, so there are many pages to overlap.
    QList<qint64> serial, parallel;
    int listed = 0;
    for (int i = 0; i < runs; ++i) {
        serial.append(timeListing(sim.url, 100, 1, &listed));
        parallel.append(timeListing(sim.url, 100, 4, &listed));
    }
    out << "list " << listed << " instances, 100 per page, latency " << parser.value(latencyOption)
        << " ms\n"
        << "  one page at a time : " << median(serial) / 1000000.0 << " ms (median of " << runs
        << ")\n"
        << "  4 pages in flight  : " << median(parallel) / 1000000.0 << " ms\n"
        << "  speed-up           : " << double(median(serial)) / double(median(parallel)) << "x\n";

    // 2. Mapping cost over the parse it cannot avoid.
    const QByteArray body = listBody(count);
    QList<qint64> parseOnly, mapped;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        qint64 sink = doc.object().value(QStringLiteral("instances")).toArray().size();
        parseOnly.append(t.nsecsElapsed());
        t.restart();
        const QJsonDocument doc2 = QJsonDocument::fromJson(body);
        QList<Instance> values;
        for (const QJsonValue &v : doc2.object().value(QStringLiteral("instances")).toArray())
            values.append(Instance::fromJson(v.toObject()));
        mapped.append(t.nsecsElapsed());
        sink += values.size();
        if (sink < 0)
            out << "";
    }
    out << "map " << count << " instances (" << body.size() / 1024 << " KiB of JSON)\n"
        << "  parse only         : " << median(parseOnly) / 1000000.0 << " ms\n"
        << "  parse + fromJson   : " << median(mapped) / 1000000.0 << " ms\n"
        << "  mapping overhead   : " << double(median(mapped)) / double(median(parseOnly))
        << "x the bare parse\n";
    out.flush();

    // 3. Real data.
    const QString redis = parser.value(redisOption);
    if (QFileInfo(redis).isExecutable()) {
        QList<qint64> simulated, firstStart, restart, fingerprint;
        for (int i = 0; i < runs; ++i) {
            QTemporaryDir runDir;
            const QStringList plain{QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--state"),
                                    runDir.filePath(QStringLiteral("plain.json"))};
            simulated.append(timeToFirstLine(parser.value(simOption), plain));
            const QStringList real{
                QStringLiteral("--port"),         QStringLiteral("0"),
                QStringLiteral("--state"),        runDir.filePath(QStringLiteral("real.json")),
                QStringLiteral("--redis-server"), redis};
            firstStart.append(timeToFirstLine(parser.value(simOption), real));
            QProcess running;
            QUrl url;
            restart.append(timeToFirstLine(parser.value(simOption), real, &url, &running));
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
            // Blocking is fine here: a benchmark has no window to keep alive.
            if (takeFingerprint(target, FingerprintRequest{}, &error))
                fingerprint.append(t.nsecsElapsed());
            running.terminate();
            running.waitForFinished(15000);
        }
        out << "dcs-sim start-up, time to the first line (median of " << runs << ")\n"
            << "  simulated                      : " << median(simulated) / 1000000.0 << " ms\n"
            << "  7 real servers, first start    : " << median(firstStart) / 1000000.0 << " ms ("
            << double(median(firstStart)) / double(median(simulated)) << "x)\n"
            << "  7 real servers, restart        : " << median(restart) / 1000000.0 << " ms ("
            << double(median(restart)) / double(median(simulated)) << "x)\n";
        if (!fingerprint.isEmpty())
            out << "fingerprint of order-cache-prod, 200 sampled keys: "
                << median(fingerprint) / 1000000.0 << " ms\n";
        out.flush();
    } else {
        out << "real data: skipped, no redis-server at " << redis << "\n";
    }

    sim.process.terminate();
    sim.process.waitForFinished(5000);
    return listed >= count ? 0 : 1;
}
