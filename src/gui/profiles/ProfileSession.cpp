#include "profiles/ProfileSession.h"

#include "profiles/SecretStore.h"
#include "restore/RestoreRecordFollower.h"

#include <QTimer>
#include <memory>

ProfileSession::ProfileSession(dcs::SecretStore *secrets, DemoSession::Options demoOptions,
                               QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_demoOptions(std::move(demoOptions)) {}

ProfileSession::~ProfileSession() {
    delete m_client;
    for (const QPointer<dcs::DcsClient> &client : std::as_const(m_retired))
        delete client.data();
}

void ProfileSession::setSessionSecrets(const QString &profileId,
                                       const dcs::ProfileSecrets &secrets) {
    m_sessionSecrets.insert(profileId, secrets);
}

void ProfileSession::open(const dcs::Profile &profile) {
    const quint64 generation = ++m_generation;
    m_profile = profile;
    m_opening = true;
    Q_EMIT opening(profile);
    if (profile.demo) {
        openDemo();
        return;
    }
    if (m_sessionSecrets.contains(profile.id)) {
        const dcs::ProfileSecrets secrets = m_sessionSecrets.value(profile.id);
        QTimer::singleShot(0, this, [this, profile, secrets, generation] {
            openReal(profile, secrets, generation);
        });
        return;
    }
    dcs::SessionBuilder::readSecrets(
        m_secrets, profile, this,
        [this, profile, generation](const dcs::ProfileSecrets &secrets, const QString &missing) {
            if (generation != m_generation)
                return;
            if (!missing.isEmpty()) {
                m_opening = false;
                Q_EMIT failed(profile, missing);
                return;
            }
            openReal(profile, secrets, generation);
        });
}

void ProfileSession::openReal(const dcs::Profile &profile, const dcs::ProfileSecrets &secrets,
                              quint64 generation) {
    if (generation != m_generation)
        return;
    const dcs::ClientConfigResult built = dcs::SessionBuilder::buildConfig(profile, secrets);
    if (!built.ok()) {
        m_opening = false;
        Q_EMIT failed(profile, built.error);
        return;
    }
    auto *client = new dcs::DcsClient(built.config);
    Q_EMIT clientCreated(client);
    Session session;
    session.profileId = profile.id;
    session.profileName = profile.name;
    session.isSimulator = false;
    session.production = profile.production;
    session.readOnly = profile.readOnly;
    session.endpoint = profile.dcsEndpoint;
    session.region = profile.region;
    session.projectId = profile.projectId;
    session.client = client;
    finish(session, client);
}

void ProfileSession::openDemo() {
    if (!m_demo) {
        m_demo = new DemoSession(m_demoOptions, this);
        connect(m_demo, &DemoSession::ready, this, [this](const Session &demoSession) {
            if (demoSession.client != m_announcedDemoClient) {
                m_announcedDemoClient = demoSession.client;
                Q_EMIT clientCreated(demoSession.client);
            }
            m_demoStarting = false;
            if (m_profile.demo && m_opening)
                finish(demoSession, nullptr);
        });
        const auto fail = [this](const QString &message) {
            m_demoStarting = false;
            if (m_profile.demo) {
                m_opening = false;
                Q_EMIT failed(m_profile, message);
            }
        };
        connect(m_demo, &DemoSession::failed, this, fail);
        connect(m_demo, &DemoSession::stoppedUnexpectedly, this, fail);
    }
    if (m_demo->session().isOpen()) {
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation && m_demo->session().isOpen())
                finish(m_demo->session(), nullptr);
        });
        return;
    }
    if (!m_demoStarting) {
        m_demoStarting = true;
        m_demo->start();
    }
}

void ProfileSession::finish(const Session &session, dcs::DcsClient *ownedClient) {
    dcs::DcsClient *old = m_client;
    m_client = ownedClient;
    m_opening = false;
    m_session = session;
    Q_EMIT ready(session);
    if (old && old != ownedClient)
        retire(old);
}

void ProfileSession::retire(dcs::DcsClient *client) {
    m_retired.append(client);
    const auto trackers =
        client->findChildren<dcs::RestoreRecordFollower *>(Qt::FindDirectChildrenOnly);
    for (dcs::RestoreRecordFollower *tracker : trackers) {
        const QPointer<dcs::DcsClient> guard(client);
        connect(tracker, &QObject::destroyed, this, [this, guard] {
            // Queued: the tracker is still listed among the client's children right now.
            QTimer::singleShot(0, this, [this, guard] {
                if (guard)
                    releaseIfIdle(guard);
            });
        });
    }
    releaseIfIdle(client);
}

void ProfileSession::releaseIfIdle(dcs::DcsClient *client) {
    if (!client->findChildren<dcs::RestoreRecordFollower *>(Qt::FindDirectChildrenOnly).isEmpty())
        return;
    m_retired.removeAll(QPointer<dcs::DcsClient>(client));
    m_retired.removeAll(QPointer<dcs::DcsClient>());
    client->deleteLater();
}
