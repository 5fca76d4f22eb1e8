#include "about/BuildInfo.h"

#include "profiles/SimulatorProcess.h"
#include "restore/AuditLog.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace dcs {

namespace {
QString &programBuild() {
    static QString build;
    return build;
}
} // namespace

void BuildInfo::setBuild(const QString &build) {
    programBuild() = build;
}

BuildInfo BuildInfo::current() {
    BuildInfo info;
    info.version = QStringLiteral(DCS_VERSION);
    info.build = programBuild();
    info.qtRuntime = QString::fromLatin1(qVersion());
    info.qtBuild = QStringLiteral(QT_VERSION_STR);
    return info;
}

QString BuildInfo::buildText() const {
    return build.isEmpty() ? tr("unknown (not built from a git checkout)") : build;
}

QString BuildInfo::qtText() const {
    return qtRuntime == qtBuild ? qtRuntime : tr("%1 (built with %2)").arg(qtRuntime, qtBuild);
}

QStringList BuildInfo::versionLines(const QString &program) const {
    return {program + QLatin1Char(' ') + version, tr("Build: %1").arg(buildText()),
            tr("Qt: %1").arg(qtText())};
}

QString BuildInfo::oneLine() const {
    const QString qt = qtRuntime == qtBuild
                           ? qtRuntime
                           : QStringLiteral("%1, built with %2").arg(qtRuntime, qtBuild);
    const QString what = build.isEmpty() ? QStringLiteral("build unknown") : build;
    return QStringLiteral("%1 (%2, Qt %3)").arg(version, what, qt);
}

StorageLocations StorageLocations::defaults() {
    StorageLocations where;
    where.settingsFile = QSettings().fileName();
    where.dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    where.auditLog = AuditLog::defaultPath();
    where.simulatorLog = SimulatorProcess::logFileFor(SimulatorProcess::defaultStateFile());
    return where;
}

} // namespace dcs
