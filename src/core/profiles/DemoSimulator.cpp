#include "profiles/DemoSimulator.h"

namespace dcs {

DemoSimulator::DemoSimulator(demo::SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

DemoSimulator::~DemoSimulator() {
    stop();
}

void DemoSimulator::start() {
    if (m_process)
        return;
    SimulatorProcess::Options process;
    process.program = m_options.simulatorProgram;
    process.stateFile = m_options.stateFile;
    process.accessKey = demo::accessKey();
    process.secretKey = demo::secretKey();
    process.projectId = demo::projectId();
    process.extraArguments = m_options.simulatorArguments;
    m_process = std::make_unique<SimulatorProcess>(process);
    connect(m_process.get(), &SimulatorProcess::ready, this, [this](const QUrl &baseUrl) {
        m_baseUrl = baseUrl;
        Q_EMIT ready(baseUrl);
    });
    // A failed start leaves nothing running: the next open tries again.
    connect(m_process.get(), &SimulatorProcess::failed, this, [this](const QString &message) {
        m_process.release()->deleteLater();
        m_baseUrl = {};
        Q_EMIT failed(message);
    });
    connect(m_process.get(), &SimulatorProcess::exitedUnexpectedly, this,
            [this](const QString &message) {
                m_process.release()->deleteLater();
                m_baseUrl = {};
                Q_EMIT stoppedUnexpectedly(message);
            });
    m_process->start();
}

void DemoSimulator::stop() {
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->stop();
    m_process.reset();
    m_baseUrl = {};
}

} // namespace dcs
