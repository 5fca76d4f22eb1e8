#include "profiles/DemoSession.h"

#include "api/DcsClient.h"
#include "profiles/DemoAccount.h"
#include "profiles/SessionBuilder.h"

DemoSession::DemoSession(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {}

DemoSession::~DemoSession() {
    stop();
}

void DemoSession::start() {
    stop();
    dcs::SimulatorProcess::Options simOptions;
    simOptions.program = m_options.simulatorProgram;
    simOptions.stateFile = m_options.stateFile;
    simOptions.accessKey = dcs::demo::accessKey();
    simOptions.secretKey = dcs::demo::secretKey();
    simOptions.projectId = dcs::demo::projectId();
    simOptions.extraArguments = m_options.simulatorArguments;
    m_simulator = std::make_unique<dcs::SimulatorProcess>(simOptions);

    connect(m_simulator.get(), &dcs::SimulatorProcess::ready, this, [this](const QUrl &baseUrl) {
        const dcs::ClientConfig config = dcs::SessionBuilder::demoConfig(baseUrl);
        m_client = std::make_unique<dcs::DcsClient>(config);
        m_session.profileId = profileId();
        m_session.profileName = profileName();
        m_session.isSimulator = true;
        m_session.endpoint = baseUrl;
        m_session.projectId = config.projectId;
        m_session.client = m_client.get();
        Q_EMIT ready(m_session);
    });
    connect(m_simulator.get(), &dcs::SimulatorProcess::failed, this, &DemoSession::failed);
    connect(m_simulator.get(), &dcs::SimulatorProcess::exitedUnexpectedly, this,
            &DemoSession::stoppedUnexpectedly);
    m_simulator->start();
}

void DemoSession::stop() {
    if (m_client)
        m_client->abortAll();
    if (m_simulator) {
        m_simulator->disconnect(this);
        m_simulator->stop();
    }
    m_session = {};
    // The window may still hold the client pointer until it is told; keep it until replaced.
}
