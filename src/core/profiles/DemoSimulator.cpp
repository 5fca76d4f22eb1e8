#include "profiles/DemoSimulator.h"

#include <QDir>
#include <QFileInfo>

namespace dcs {

DemoSimulator::DemoSimulator(demo::SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

DemoSimulator::~DemoSimulator() {
    stop();
}

QString DemoSimulator::stateFile(const QString &region) const {
    const QString home =
        m_options.stateFile.isEmpty() ? SimulatorProcess::defaultStateFile() : m_options.stateFile;
    if (region == demo::homeRegion())
        return home;
    const QFileInfo info(home);
    return info.absoluteDir().filePath(info.completeBaseName() + QLatin1Char('-') + region +
                                       QStringLiteral(".json"));
}

QStringList DemoSimulator::regionArguments(const QString &region) {
    QStringList args{QStringLiteral("--region"), region};
    bool first = true;
    for (const demo::DemoProject &project : demo::fleet()) {
        if (project.region != region)
            continue;
        if (first) {
            // The region's first project is the one --project-id names.
            args << QStringLiteral("--project-name") << project.projectName
                 << QStringLiteral("--demo-set") << project.dataSet;
            first = false;
        } else {
            args << QStringLiteral("--extra-project")
                 << QStringLiteral("%1:%2:%3")
                        .arg(project.projectId, project.projectName, project.dataSet);
        }
    }
    // The demo's automatic backups run as their policies say, so its story holds on any day.
    args << QStringLiteral("--auto-backups");
    return args;
}

void DemoSimulator::start(const QString &region) {
    QString projectId;
    for (const demo::DemoProject &project : demo::fleet()) {
        if (project.region == region) {
            projectId = project.projectId;
            break;
        }
    }
    if (projectId.isEmpty()) {
        Q_EMIT failed(region, tr("The Demo profile has no region %1.").arg(region));
        return;
    }
    std::shared_ptr<Region> &slot = m_regions[region];
    if (!slot)
        slot = std::make_shared<Region>();
    if (slot->process)
        return;
    SimulatorProcess::Options process;
    process.program = m_options.simulatorProgram;
    process.stateFile = stateFile(region);
    process.accessKey = demo::accessKey();
    process.secretKey = demo::secretKey();
    process.projectId = projectId;
    process.extraArguments = regionArguments(region) + m_options.simulatorArguments;
    if (region != demo::homeRegion())
        process.logName = QStringLiteral("dcs-sim-%1.log").arg(region);
    slot->process = std::make_unique<SimulatorProcess>(process);
    Region *state = slot.get();
    SimulatorProcess *running = state->process.get();
    connect(running, &SimulatorProcess::ready, this, [this, state, region](const QUrl &baseUrl) {
        state->baseUrl = baseUrl;
        Q_EMIT ready(region, baseUrl);
    });
    // A failed start leaves nothing running: the next open tries again.
    connect(running, &SimulatorProcess::failed, this,
            [this, state, region](const QString &message) {
                state->process.release()->deleteLater();
                state->baseUrl = {};
                Q_EMIT failed(region, message);
            });
    connect(running, &SimulatorProcess::exitedUnexpectedly, this,
            [this, state, region](const QString &message) {
                state->process.release()->deleteLater();
                state->baseUrl = {};
                Q_EMIT stoppedUnexpectedly(region, message);
            });
    running->start();
}

void DemoSimulator::stop(const QString &region) {
    const std::shared_ptr<Region> state = m_regions.value(region);
    if (!state || !state->process)
        return;
    state->process->disconnect(this);
    state->process->stop();
    state->process.reset();
    state->baseUrl = {};
}

void DemoSimulator::stop() {
    for (const QString &region : m_regions.keys())
        stop(region);
}

bool DemoSimulator::isRunning(const QString &region) const {
    const std::shared_ptr<Region> state = m_regions.value(region);
    return state && state->baseUrl.isValid();
}

bool DemoSimulator::isStarting(const QString &region) const {
    const std::shared_ptr<Region> state = m_regions.value(region);
    return state && state->process && !state->baseUrl.isValid();
}

QUrl DemoSimulator::baseUrl(const QString &region) const {
    const std::shared_ptr<Region> state = m_regions.value(region);
    return state ? state->baseUrl : QUrl();
}

SimulatorProcess *DemoSimulator::process(const QString &region) const {
    const std::shared_ptr<Region> state = m_regions.value(region);
    return state ? state->process.get() : nullptr;
}

} // namespace dcs
