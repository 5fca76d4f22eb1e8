#pragma once

#include "FaultPlan.h"
#include "TokenStore.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace dcs::sim {

// Everything dcs-sim is told on its command line.
struct SimConfig {
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    QString stateFile;
    QByteArray accessKey;
    QByteArray secretKey;
    QString projectId;
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
};

enum class CommandLineOutcome { Run, Help, Version, Error };

// Fills *config from arguments (argv, program name first). On Error, *error is one line.
CommandLineOutcome parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    SimConfig *config, QString *error);

QString defaultStateFile();

} // namespace dcs::sim
