#include "SimCommandLine.h"

#include "DemoData.h"
#include "profiles/DemoAccount.h"
#include "profiles/Profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

namespace dcs::sim {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("dcs-sim", text);
}

bool readSeconds(const QString &text, double *seconds) {
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < 0.0 || value > 7 * 24 * 3600.0)
        return false;
    *seconds = value;
    return true;
}

} // namespace

QString defaultStateFile() {
    return QStringLiteral("dcs-sim-state.json");
}

QString defaultDataDir(const QString &stateFile) {
    const QFileInfo info(stateFile);
    return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".redis"));
}

QString extraStateFile(const QString &mainStateFile, const QString &projectId) {
    const QFileInfo info(mainStateFile);
    return info.dir().filePath(info.completeBaseName() + QLatin1Char('-') + projectId +
                               QStringLiteral(".json"));
}

CommandLineOutcome parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    SimConfig *config, QString *error) {
    parser.setApplicationDescription(
        tr("A local stand-in for the Huawei Cloud DCS API, v2 and v1.0 over one state, for the "
           "console's demo mode and "
           "for tests. Prints its base URL as the first line on stdout, then one line per "
           "request on stderr. Stops on SIGINT or SIGTERM after saving its state."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    tr("Address to listen on (default 127.0.0.1)."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  tr("TCP port; 0 picks a free one (default 0)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption state(
        QStringLiteral("state"),
        tr("State file, written atomically after every change; created with demo data when "
           "missing (default: dcs-sim-state.json in the current directory)."),
        QStringLiteral("file"), defaultStateFile());
    const QCommandLineOption ak(QStringLiteral("ak"),
                                tr("Access key that requests must be signed with (default: the "
                                   "console's demo key)."),
                                QStringLiteral("key"));
    const QCommandLineOption sk(QStringLiteral("sk"),
                                tr("Secret key that requests must be signed with (default: the "
                                   "console's demo key)."),
                                QStringLiteral("secret"));
    const QCommandLineOption project(QStringLiteral("project-id"),
                                     tr("Project id every path must name (default: the demo "
                                        "project)."),
                                     QStringLiteral("id"));
    const QCommandLineOption restoreSeconds(QStringLiteral("restore-seconds"),
                                            tr("How long a restore runs (default 20)."),
                                            QStringLiteral("seconds"), QStringLiteral("20"));
    const QCommandLineOption backupSeconds(QStringLiteral("backup-seconds"),
                                           tr("How long a backup runs (default 10)."),
                                           QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption instances(QStringLiteral("instances"),
                                       tr("Adds N generated instances (gen-instance-00001 …) for "
                                          "scale tests."),
                                       QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption backups(QStringLiteral("backups"),
                                     tr("Adds the instance gen-many-backups with N backups for "
                                        "scale tests."),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption iamUser(
        QStringLiteral("iam-user"),
        tr("An IAM user who can sign in with POST /v3/auth/tokens on this port (repeatable); "
           "the token is then accepted as X-Auth-Token on every DCS call. Other local users "
           "can read the password in the process list: use test passwords only."),
        QStringLiteral("account/user:password"));
    const QCommandLineOption tokenSeconds(
        QStringLiteral("token-seconds"),
        tr("How long an IAM token is valid (default 86400). Tokens are kept in memory: a "
           "restarted dcs-sim knows none of them."),
        QStringLiteral("seconds"), QStringLiteral("86400"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        tr("Injects a fault; repeatable. One of: %1. With expire-tokens-after=N every IAM "
           "token expires (401 DCS.1002) after N DCS calls made with it.")
            .arg(FaultPlan::syntax()),
        QStringLiteral("fault"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        tr("Serve HTTPS with this PEM certificate (needs --tls-key), to try TLS settings."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    tr("The PEM private key (RSA or EC) of --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption api(
        QStringLiteral("api"),
        tr("Which API families to serve: both (default), v2 or v1.0. A family left out answers "
           "like a region without it: v1.0 paths with the gateway's 404 APIGW.0101, v2 paths "
           "with 404 DCS.4001."),
        QStringLiteral("family"), QStringLiteral("both"));
    const QCommandLineOption exitWithParent(
        QStringLiteral("exit-with-parent"),
        tr("Save the state and exit when the program that started this one ends (the console's "
           "Demo profile starts it so)."));
    const QCommandLineOption redisServer(
        QStringLiteral("redis-server"),
        tr("Back each Redis instance of the demo data with a real redis-server run from this "
           "program, on a loopback port kept in the state file: the instance's ip and port "
           "point to it, backups are its RDB (or AOF) files, restores load them. Without it "
           "every instance is simulated; instances of --instances and Memcached instances "
           "always are."),
        QStringLiteral("path"));
    const QCommandLineOption offlineAddresses(
        QStringLiteral("offline-addresses"),
        tr("Every instance without a real server (see --redis-server) gives 127.0.0.1 and a "
           "port this dcs-sim holds bound but does not listen on as its address, instead of its "
           "made-up LAN address: connecting to it never leaves the machine and is refused at "
           "once. For tests; the state file keeps the made-up addresses."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        tr("Where the real servers keep their data and the backup files (default: beside the "
           "state file, named after it with .redis)."),
        QStringLiteral("dir"));
    const QCommandLineOption region(
        QStringLiteral("region"),
        tr("The region this simulator stands for (default cn-north-4): it names the projects "
           "in IAM's project list. Run one dcs-sim per region."),
        QStringLiteral("region"), QStringLiteral("cn-north-4"));
    const QCommandLineOption projectName(
        QStringLiteral("project-name"),
        tr("IAM's name of --project-id (default: the region's name)."), QStringLiteral("name"));
    const QCommandLineOption demoSet(
        QStringLiteral("demo-set"),
        tr("The demo data a new state file of --project-id is seeded with: %1 (default "
           "standard).")
            .arg(demo::dataSets().join(QStringLiteral(", "))),
        QStringLiteral("set"), QStringLiteral("standard"));
    const QCommandLineOption extraProject(
        QStringLiteral("extra-project"),
        tr("Serves another project of the same account (repeatable), with its IAM name and "
           "demo set, its state in a file beside --state."),
        QStringLiteral("id:name:set"));
    const QCommandLineOption autoBackups(
        QStringLiteral("auto-backups"),
        tr("Runs automatic backups as each instance's backup policy says (missed windows are "
           "caught up within the policy's save_days) and expires them after save_days."));
    parser.addOptions(
        {listen,          port,          state,     ak,           sk,          project,
         restoreSeconds,  backupSeconds, instances, backups,      iamUser,     tokenSeconds,
         fault,           tlsCert,       tlsKey,    api,          redisServer, dataDir,
         region,          projectName,   demoSet,   extraProject, autoBackups, exitWithParent,
         offlineAddresses});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return CommandLineOutcome::Error;
    }
    if (parser.isSet(helpOption))
        return CommandLineOutcome::Help;
    if (parser.isSet(versionOption))
        return CommandLineOutcome::Version;
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst());
        return CommandLineOutcome::Error;
    }

    const QString family = parser.value(api).trimmed().toLower();
    if (family == QLatin1String("v2")) {
        config->serveV1 = false;
    } else if (family == QLatin1String("v1.0") || family == QLatin1String("v1")) {
        config->serveV2 = false;
    } else if (family != QLatin1String("both")) {
        *error = tr("--api: \"%1\" is not both, v2 or v1.0").arg(parser.value(api));
        return CommandLineOutcome::Error;
    }
    if (parser.isSet(redisServer)) {
        const QFileInfo program(parser.value(redisServer));
        if (!program.isFile() || !program.isExecutable()) {
            *error = tr("--redis-server: %1 is not an executable program")
                         .arg(parser.value(redisServer));
            return CommandLineOutcome::Error;
        }
        config->redisServer = program.absoluteFilePath();
    }
    if (parser.isSet(dataDir)) {
        if (!parser.isSet(redisServer)) {
            *error = tr("--data-dir goes with --redis-server");
            return CommandLineOutcome::Error;
        }
        if (parser.value(dataDir).isEmpty()) {
            *error = tr("--data-dir: the folder name is empty");
            return CommandLineOutcome::Error;
        }
        config->dataDir = QFileInfo(parser.value(dataDir)).absoluteFilePath();
    }
    config->exitWithParent = parser.isSet(exitWithParent);
    config->offlineAddresses = parser.isSet(offlineAddresses);
    config->tlsCertificateFile = parser.value(tlsCert);
    config->tlsKeyFile = parser.value(tlsKey);
    if (config->tlsCertificateFile.isEmpty() != config->tlsKeyFile.isEmpty()) {
        *error = tr("--tls-cert and --tls-key go together");
        return CommandLineOutcome::Error;
    }
    if (!config->listenAddress.setAddress(parser.value(listen))) {
        *error = tr("--listen: \"%1\" is not an IP address").arg(parser.value(listen));
        return CommandLineOutcome::Error;
    }
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        *error = tr("--port: \"%1\" is not a port number (0 to 65535)").arg(parser.value(port));
        return CommandLineOutcome::Error;
    }
    config->port = quint16(portValue);
    config->stateFile = parser.value(state);
    if (config->stateFile.isEmpty()) {
        *error = tr("--state: the file name is empty");
        return CommandLineOutcome::Error;
    }
    config->accessKey = parser.isSet(ak) ? parser.value(ak).toUtf8() : dcs::demo::accessKey();
    config->secretKey = parser.isSet(sk) ? parser.value(sk).toUtf8() : dcs::demo::secretKey();
    config->projectId = parser.isSet(project) ? parser.value(project) : dcs::demo::projectId();
    if (config->accessKey.isEmpty() || config->secretKey.isEmpty() || config->projectId.isEmpty()) {
        *error = tr("--ak, --sk and --project-id cannot be empty");
        return CommandLineOutcome::Error;
    }
    config->region = parser.value(region).trimmed();
    if (!looksLikeRegion(config->region)) {
        *error =
            tr("--region: \"%1\" is not a region id such as cn-north-4").arg(parser.value(region));
        return CommandLineOutcome::Error;
    }
    config->projectName =
        parser.isSet(projectName) ? parser.value(projectName).trimmed() : config->region;
    config->demoSet = parser.value(demoSet).trimmed();
    if (!demo::dataSets().contains(config->demoSet)) {
        *error = tr("--demo-set: \"%1\" is not one of %2")
                     .arg(parser.value(demoSet), demo::dataSets().join(QStringLiteral(", ")));
        return CommandLineOutcome::Error;
    }
    static const QRegularExpression projectPattern(QStringLiteral("^[0-9a-fA-F]{32}$"));
    QStringList projectIds{config->projectId};
    for (const QString &spec : parser.values(extraProject)) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        if (parts.size() != 3 || !projectPattern.match(parts.at(0)).hasMatch() ||
            parts.at(1).trimmed().isEmpty() || !demo::dataSets().contains(parts.at(2))) {
            *error = tr("--extra-project: \"%1\" is not ID:NAME:SET (a 32-character hexadecimal "
                        "id, a name, one of %2)")
                         .arg(spec, demo::dataSets().join(QStringLiteral(", ")));
            return CommandLineOutcome::Error;
        }
        if (projectIds.contains(parts.at(0))) {
            *error = tr("--extra-project: the project %1 is given twice").arg(parts.at(0));
            return CommandLineOutcome::Error;
        }
        projectIds.append(parts.at(0));
        config->extraProjects.append({parts.at(0), parts.at(1).trimmed(), parts.at(2)});
    }
    config->automaticBackups = parser.isSet(autoBackups);
    if (!readSeconds(parser.value(restoreSeconds), &config->restoreSeconds)) {
        *error = tr("--restore-seconds: \"%1\" is not a number of seconds")
                     .arg(parser.value(restoreSeconds));
        return CommandLineOutcome::Error;
    }
    if (!readSeconds(parser.value(backupSeconds), &config->backupSeconds)) {
        *error = tr("--backup-seconds: \"%1\" is not a number of seconds")
                     .arg(parser.value(backupSeconds));
        return CommandLineOutcome::Error;
    }
    config->extraInstances = parser.value(instances).toInt(&ok);
    if (!ok || config->extraInstances < 0 || config->extraInstances > 99999) {
        *error =
            tr("--instances: \"%1\" is not a count from 0 to 99999").arg(parser.value(instances));
        return CommandLineOutcome::Error;
    }
    config->manyBackups = parser.value(backups).toInt(&ok);
    if (!ok || config->manyBackups < 0 || config->manyBackups > 1000000) {
        *error =
            tr("--backups: \"%1\" is not a count from 0 to 1000000").arg(parser.value(backups));
        return CommandLineOutcome::Error;
    }
    for (const QString &spec : parser.values(iamUser)) {
        QString userError;
        const std::optional<IamUser> user = parseIamUser(spec, &userError);
        if (!user) {
            *error = userError;
            return CommandLineOutcome::Error;
        }
        const bool twice = std::any_of(
            config->iamUsers.cbegin(), config->iamUsers.cend(), [&](const IamUser &known) {
                return known.account == user->account && known.name == user->name;
            });
        if (twice) {
            *error = tr("--iam-user: %1/%2 is given twice").arg(user->account, user->name);
            return CommandLineOutcome::Error;
        }
        config->iamUsers.append(*user);
    }
    config->tokenSeconds = parser.value(tokenSeconds).toLongLong(&ok);
    if (!ok || config->tokenSeconds < 1 || config->tokenSeconds > 7 * 24 * 3600) {
        *error = tr("--token-seconds: \"%1\" is not a number of seconds from 1 to 604800")
                     .arg(parser.value(tokenSeconds));
        return CommandLineOutcome::Error;
    }
    QString faultError;
    const std::optional<FaultPlan> faults = FaultPlan::parse(parser.values(fault), &faultError);
    if (!faults) {
        *error = faultError;
        return CommandLineOutcome::Error;
    }
    config->faults = *faults;
    return CommandLineOutcome::Run;
}

} // namespace dcs::sim
