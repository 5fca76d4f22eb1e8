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
    info.projectName = profile.projectName;
    return info;
}

} // namespace

SessionOpener::SessionOpener(SecretStore *secrets, demo::SimulatorOptions demoOptions,
                             FollowedRestores *followed, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_followed(followed)
    , m_demo(new DemoSimulator(std::move(demoOptions), this)) {
    connect(m_demo, &DemoSimulator::ready, this,
            [this](const QString &region, const QUrl &) { demoReady(region); });
    connect(m_demo, &DemoSimulator::failed, this, &SessionOpener::demoFailed);
    connect(m_demo, &DemoSimulator::stoppedUnexpectedly, this,
            [this](const QString &region, const QString &message) {
                demoFailed(region, message);
                Q_EMIT demoStopped(region, message);
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
        // The Demo profile as the list has it opens at its home region and project.
        Profile scoped = profile;
        if (scoped.region.isEmpty())
            scoped.region = demo::homeRegion();
        if (scoped.projectId.isEmpty())
            scoped.projectId = demo::projectId();
        bool known = false;
        for (const demo::DemoProject &project : demo::fleet()) {
            if (project.region == scoped.region && project.projectId == scoped.projectId) {
                known = true;
                if (scoped.projectName.isEmpty())
                    scoped.projectName = project.projectName;
            }
        }
        if (!known) {
            const QString message = tr("The Demo profile has no project %1 in %2.")
                                        .arg(scoped.projectId, scoped.region);
            QTimer::singleShot(0, this, [this, ticket, scoped, message] {
                Q_EMIT failed(ticket, scoped, message);
            });
            return ticket;
        }
        m_demoTickets.append({ticket, scoped});
        const QString region = scoped.region;
        if (m_demo->isRunning(region))
            QTimer::singleShot(0, this, [this, region] { demoReady(region); });
        else
            m_demo->start(region);
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

void SessionOpener::demoReady(const QString &region) {
    if (!m_demo->isRunning(region))
        return;
    const QUrl baseUrl = m_demo->baseUrl(region);
    QList<DemoTicket> ready;
    for (auto it = m_demoTickets.begin(); it != m_demoTickets.end();) {
        if (it->profile.region == region) {
            ready.append(*it);
            it = m_demoTickets.erase(it);
        } else {
            ++it;
        }
    }
    for (const DemoTicket &waiting : std::as_const(ready)) {
        Profile profile = waiting.profile;
        profile.dcsEndpoint = baseUrl;
        Q_EMIT opened(waiting.ticket,
                      new Session(infoOf(profile),
                                  SessionBuilder::demoConfig(baseUrl, profile.projectId),
                                  m_followed, this));
    }
}

void SessionOpener::demoFailed(const QString &region, const QString &message) {
    QList<DemoTicket> failing;
    for (auto it = m_demoTickets.begin(); it != m_demoTickets.end();) {
        if (it->profile.region == region) {
            failing.append(*it);
            it = m_demoTickets.erase(it);
        } else {
            ++it;
        }
    }
    for (const DemoTicket &waiting : std::as_const(failing))
        Q_EMIT failed(waiting.ticket, waiting.profile, message);
}

} // namespace dcs
