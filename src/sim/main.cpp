#include "DemoData.h"
#include "RedisFleet.h"
#include "RefusedPort.h"
#include "SignalWatcher.h"
#include "SimCommandLine.h"
#include "SimServer.h"
#include "SimState.h"
#include "about/BuildInfo.h"
#include "dcs_build_info.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace dcs::sim;

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("dcs-sim", text);
}

int failWith(const QString &message, int code) {
    std::fprintf(stderr, "dcs-sim: %s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
    return code;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dcs-sim"));
    dcs::BuildInfo::setBuild(QStringLiteral(DCS_BUILD));
    QCoreApplication::setApplicationVersion(dcs::BuildInfo::current().oneLine());

    QCommandLineParser parser;
    SimConfig config;
    QString error;
    switch (parseCommandLine(parser, QCoreApplication::arguments(), &config, &error)) {
    case CommandLineOutcome::Help:
        parser.showHelp(0);
    case CommandLineOutcome::Version:
        parser.showVersion();
    case CommandLineOutcome::Error:
        return failWith(error, 2);
    case CommandLineOutcome::Run:
        break;
    }

    SimTiming timing;
    timing.backupSeconds = config.backupSeconds;
    timing.restoreSeconds = config.restoreSeconds;
    timing.backupsFail = config.faults.backupFails;
    timing.restoresFail = config.faults.restoreFails;
    timing.automaticBackups = config.automaticBackups;

    // --project-id first, then every --extra-project: each its own state in its own file.
    struct Project {
        QString id;
        QString name;
        QString dataSet;
        QString stateFile;
        std::unique_ptr<SimState> state;
    };
    std::vector<Project> projects;
    bool freshState = false; // --project-id's state was seeded now (its real servers start anew)
    const QString stateFile = QFileInfo(config.stateFile).absoluteFilePath();
    projects.push_back({config.projectId, config.projectName, config.demoSet, stateFile,
                        std::make_unique<SimState>(Clock{}, timing)});
    for (const ExtraProject &extra : std::as_const(config.extraProjects))
        projects.push_back({extra.id, extra.name, extra.dataSet,
                            extraStateFile(stateFile, extra.id),
                            std::make_unique<SimState>(Clock{}, timing)});

    for (Project &project : projects) {
        SimState &state = *project.state;
        switch (state.load(project.stateFile, &error)) {
        case SimState::LoadResult::Damaged:
            // The user's file is left exactly as it is.
            return failWith(tr("the state file %1 cannot be used: %2. It was not changed; move "
                               "it away or pass another --state.")
                                .arg(project.stateFile, error),
                            1);
        case SimState::LoadResult::Missing: {
            // Whole seconds keep the demo's names and times tidy.
            QDateTime origin = state.now();
            origin.setTime(
                QTime(origin.time().hour(), origin.time().minute(), origin.time().second()));
            demo::seedSet(state, origin, project.dataSet);
            freshState = freshState || &project == &projects.front();
            break;
        }
        case SimState::LoadResult::Loaded:
            break;
        }
        if (config.extraInstances > 0 && &project == &projects.front())
            demo::addGeneratedInstances(state, config.extraInstances, state.now());
        if (config.manyBackups > 0 && &project == &projects.front())
            demo::addManyBackups(state, config.manyBackups, state.now());
        // Jobs that ended while stopped, and automatic backups whose window came meanwhile.
        state.advance();
        state.setStateFile(project.stateFile);
        if (!state.save(&error))
            return failWith(tr("cannot write the state file %1: %2").arg(project.stateFile, error),
                            1);
    }
    // Held until dcs-sim exits: the port stays taken and refused for as long as it is shown.
    RefusedPort refusedPort;
    if (config.offlineAddresses) {
        if (!refusedPort.open(&error))
            return failWith(
                tr("--offline-addresses: cannot hold a port on 127.0.0.1: %1").arg(error), 1);
        for (Project &project : projects)
            project.state->setOfflinePort(refusedPort.port());
    }
    ServerConfig serverConfig;
    serverConfig.accessKey = config.accessKey;
    serverConfig.secretKey = config.secretKey;
    serverConfig.projectId = config.projectId;
    serverConfig.projectName = config.projectName;
    serverConfig.faults = config.faults;
    serverConfig.iamUsers = config.iamUsers;
    serverConfig.tokenSeconds = config.tokenSeconds;
    serverConfig.serveV1 = config.serveV1;
    serverConfig.serveV2 = config.serveV2;
    const bool tls = !config.tlsCertificateFile.isEmpty();
    if (tls)
        serverConfig.scheme = QStringLiteral("https");
    QList<ServedProject> served;
    for (const Project &project : projects)
        served.append({project.id, project.name, project.state.get()});
    SimServer server(served, serverConfig);
    if (tls) {
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromPath(config.tlsCertificateFile, QSsl::Pem);
        QFile keyFile(config.tlsKeyFile);
        if (certificates.isEmpty())
            return failWith(
                tr("--tls-cert: no PEM certificate in %1").arg(config.tlsCertificateFile), 2);
        if (!keyFile.open(QIODevice::ReadOnly))
            return failWith(tr("--tls-key: cannot read %1").arg(config.tlsKeyFile), 2);
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            return failWith(tr("--tls-key: no RSA or EC private key in %1").arg(config.tlsKeyFile),
                            2);
        server.sslSetup(certificates.constFirst(), key);
    }
    const quint16 port = server.listen(config.listenAddress, config.port);
    if (port == 0)
        return failWith(
            tr("cannot listen on %1 port %2").arg(config.listenAddress.toString()).arg(config.port),
            1);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });
#ifdef Q_OS_UNIX
    // A console killed outright (kill -9, a crash) must not leave its simulator behind. The
    // parent-death signal (asked for by the console before exec too, which closes the gap after
    // the fork) comes through the SignalWatcher like any SIGTERM, so the state is saved; watching
    // the parent covers systems without that signal.
    if (config.exitWithParent) {
        const pid_t parent = ::getppid();
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
        auto *parentCheck = new QTimer(&app);
        QObject::connect(parentCheck, &QTimer::timeout, &app, [parent] {
            if (::getppid() != parent) {
                std::fprintf(stderr, "dcs-sim: the program that started it ended; exiting\n");
                QCoreApplication::quit();
            }
        });
        parentCheck->start(1000);
    }
#endif

    // The first line is the whole handshake with whoever started us: flush it at once — once
    // every real server answers with its data, so whoever reads it can use them all.
    QString host = config.listenAddress.toString();
    if (config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const QByteArray firstLine =
        (tls ? QByteArrayLiteral("https://") : QByteArrayLiteral("http://")) + host.toLatin1() +
        ':' + QByteArray::number(port) + '\n';
    auto announce = [firstLine] {
        std::fputs(firstLine.constData(), stdout);
        std::fflush(stdout);
    };

    std::unique_ptr<RedisFleet> fleet;
    int fleetFailure = 0;
    if (!config.redisServer.isEmpty()) {
        FleetConfig fleetConfig;
        fleetConfig.program = config.redisServer;
        fleetConfig.dataDir = config.dataDir.isEmpty() ? defaultDataDir(stateFile) : config.dataDir;
        fleetConfig.freshData = freshState;
        fleetConfig.damagedRestoreFile = config.faults.damagedRestoreFile;
        fleet = std::make_unique<RedisFleet>(projects.front().state.get(), fleetConfig);
        QObject::connect(fleet.get(), &RedisFleet::ready, &app, announce);
        QObject::connect(
            fleet.get(), &RedisFleet::failed, &app, [&fleetFailure](const QString &message) {
                std::fprintf(stderr, "dcs-sim: %s\n", message.toLocal8Bit().constData());
                std::fflush(stderr);
                fleetFailure = 1;
                QCoreApplication::quit();
            });
        fleet->start();
    } else {
        announce();
    }

    int code = QCoreApplication::exec();
    if (fleet) {
        // Each server saves its data as it stops; the state is written after.
        fleet->stop();
        fleet.reset();
    }
    if (fleetFailure != 0)
        code = fleetFailure;
    for (const Project &project : projects) {
        project.state->advance();
        if (!project.state->save(&error))
            return failWith(tr("cannot write the state file %1: %2").arg(project.stateFile, error),
                            1);
    }
    return code;
}
