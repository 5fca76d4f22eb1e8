#pragma once

#include "FaultPlan.h"
#include "TokenStore.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace dcs::sim {

// A project served beside --project-id (--extra-project ID:NAME:SET), with its own state file.
struct ExtraProject {
    QString id;
    QString name;    // as IAM names it
    QString dataSet; // the demo set it is seeded with
};

// Everything dcs-sim is told on its command line.
struct SimConfig {
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    QString stateFile;
    QByteArray accessKey;
    QByteArray secretKey;
    QString projectId;
    QString region = QStringLiteral("cn-north-4");
    QString projectName;                          // of projectId; empty: the region's name
    QString demoSet = QStringLiteral("standard"); // what a new state file is seeded with
    QList<ExtraProject> extraProjects;
    bool automaticBackups = false;
    double restoreSeconds = 20.0;
    double backupSeconds = 10.0;
    int extraInstances = 0;
    int manyBackups = 0; // --backups
    QList<IamUser> iamUsers;
    qint64 tokenSeconds = 24 * 3600;
    FaultPlan faults;
    QString tlsCertificateFile; // both set: serve HTTPS
    QString tlsKeyFile;
    bool serveV1 = true; // --api
    bool serveV2 = true;
    QString redisServer; // --redis-server: back the demo's Redis instances with real servers
    QString dataDir;     // --data-dir; empty: defaultDataDir(stateFile)
    bool exitWithParent = false; // --exit-with-parent
    // --offline-addresses: instances without a real server show 127.0.0.1 and a refused port.
    bool offlineAddresses = false;
};

enum class CommandLineOutcome { Run, Help, Version, Error };

// Fills *config from arguments (argv, program name first). On Error, *error is one line.
CommandLineOutcome parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    SimConfig *config, QString *error);

QString defaultStateFile();
// Where the real servers keep their data when --data-dir is not given: beside the state file,
// named after it (demo-state.json → demo-state.redis).
QString defaultDataDir(const QString &stateFile);
// Where an extra project's state is kept: beside the main state file, named after the project.
QString extraStateFile(const QString &mainStateFile, const QString &projectId);

} // namespace dcs::sim
