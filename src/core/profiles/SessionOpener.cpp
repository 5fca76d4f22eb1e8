#include "profiles/SessionOpener.h"

#include "profiles/DemoSimulator.h"
#include "profiles/SecretStore.h"
#include "profiles/Session.h"

#include <QTimer>
#include <utility>

namespace dcs {

namespace {

SessionInfo infoOf(const Profile &profile) {
    SessionInfo info;
    info.profileId = profile.id;
    info.profileName = profile.name;
    info.isSimulator = profile.demo;
    info.production = profile.production;
    info.readOnly = profile.readOnly;
    info.endpoint = profile.dcsEndpoint;
    info.region = profile.region;
    info.projectId = profile.projectId;
    return info;
}

} // namespace

SessionOpener::SessionOpener(SecretStore *secrets, demo::SimulatorOptions demoOptions,
                             FollowedRestores *followed, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_followed(followed)
    , m_demo(new DemoSimulator(std::move(demoOptions), this)) {
    connect(m_demo, &DemoSimulator::ready, this, &SessionOpener::demoReady);
    connect(m_demo, &DemoSimulator::failed, this, &SessionOpener::demoFailed);
    connect(m_demo, &DemoSimulator::stoppedUnexpectedly, this, [this](const QString &message) {
        demoFailed(message);
        Q_EMIT demoStopped(message);
    });
}

SessionOpener::~SessionOpener() {
    // The sessions (children) go before the simulator they may talk to is stopped.
    qDeleteAll(sessions());
}

void SessionOpener::setSessionSecrets(const QString &profileId, const ProfileSecrets &secrets) {
    m_sessionSecrets.insert(profileId, secrets);
}

QList<Session *> SessionOpener::sessions() const {
    return findChildren<Session *>(Qt::FindDirectChildrenOnly);
}

quint64 SessionOpener::open(const Profile &profile) {
    const quint64 ticket = ++m_lastTicket;
    Q_EMIT opening(ticket, profile);
    if (profile.demo) {
        m_demoTickets.append(ticket);
        if (m_demo->isRunning())
            QTimer::singleShot(0, this, &SessionOpener::demoReady);
        else
            m_demo->start();
        return ticket;
    }
    if (m_sessionSecrets.contains(profile.id)) {
        const ProfileSecrets secrets = m_sessionSecrets.value(profile.id);
        QTimer::singleShot(
            0, this, [this, ticket, profile, secrets] { openReal(ticket, profile, secrets); });
        return ticket;
    }
    SessionBuilder::readSecrets(
        m_secrets, profile, this,
        [this, ticket, profile](const ProfileSecrets &secrets, const QString &missing) {
            if (!missing.isEmpty()) {
                Q_EMIT failed(ticket, profile, missing);
                return;
            }
            openReal(ticket, profile, secrets);
        });
    return ticket;
}

void SessionOpener::openReal(quint64 ticket, const Profile &profile,
                             const ProfileSecrets &secrets) {
    const ClientConfigResult built = SessionBuilder::buildConfig(profile, secrets);
    if (!built.ok()) {
        Q_EMIT failed(ticket, profile, built.error);
        return;
    }
    Q_EMIT opened(ticket, new Session(infoOf(profile), built.config, m_followed, this));
}

void SessionOpener::demoReady() {
    if (!m_demo->isRunning())
        return;
    const QList<quint64> tickets = std::exchange(m_demoTickets, {});
    for (const quint64 ticket : tickets) {
        Profile profile = SessionBuilder::demoProfile();
        profile.dcsEndpoint = m_demo->baseUrl();
        profile.projectId = demo::projectId();
        Q_EMIT opened(ticket,
                      new Session(infoOf(profile), SessionBuilder::demoConfig(m_demo->baseUrl()),
                                  m_followed, this));
    }
}

void SessionOpener::demoFailed(const QString &message) {
    const QList<quint64> tickets = std::exchange(m_demoTickets, {});
    for (const quint64 ticket : tickets)
        Q_EMIT failed(ticket, SessionBuilder::demoProfile(), message);
}

} // namespace dcs
