#include "profiles/ProfileSession.h"

#include "profiles/SecretStore.h"
#include "restore/RestoreTracker.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QTimer>
#include <memory>

namespace {

using Kind = dcs::SecretStore::Kind;

QString missingSecretMessage(Kind kind, const QString &profileName) {
    switch (kind) {
    case Kind::SecretKey:
        return ProfileSession::tr("No secret access key (SK) is stored for the profile \"%1\". "
                                  "Edit the profile and enter it.")
            .arg(profileName);
    case Kind::SecurityToken:
        return ProfileSession::tr("No security token is stored for the profile \"%1\". Edit the "
                                  "profile and enter it.")
            .arg(profileName);
    case Kind::IamPassword:
        return ProfileSession::tr("No IAM password is stored for the profile \"%1\". Edit the "
                                  "profile and enter it.")
            .arg(profileName);
    case Kind::ProxyPassword:
        break;
    }
    return {};
}

QString *secretField(ProfileSecrets &secrets, Kind kind) {
    switch (kind) {
    case Kind::SecretKey:
        return &secrets.secretKey;
    case Kind::SecurityToken:
        return &secrets.securityToken;
    case Kind::IamPassword:
        return &secrets.iamPassword;
    case Kind::ProxyPassword:
        return &secrets.proxyPassword;
    }
    return nullptr;
}

} // namespace

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

QString ProfileSession::demoDisplayName() {
    return tr("Demo (local simulator)");
}

dcs::Profile ProfileSession::demoProfile() {
    dcs::Profile profile;
    profile.id = DemoSession::profileId();
    profile.name = DemoSession::profileName();
    profile.demo = true;
    return profile;
}

QList<int> ProfileSession::neededSecrets(const dcs::Profile &profile) {
    QList<int> kinds;
    if (profile.demo)
        return kinds;
    switch (profile.authMethod) {
    case dcs::Profile::AuthMethod::AkSk:
        kinds << int(Kind::SecretKey);
        break;
    case dcs::Profile::AuthMethod::TemporaryAkSk:
        kinds << int(Kind::SecretKey) << int(Kind::SecurityToken);
        break;
    case dcs::Profile::AuthMethod::IamPassword:
        kinds << int(Kind::IamPassword);
        break;
    }
    const bool manualProxy = profile.proxy.mode == dcs::ProxySettings::Mode::Http ||
                             profile.proxy.mode == dcs::ProxySettings::Mode::Socks5;
    if (manualProxy && !profile.proxy.user.isEmpty())
        kinds << int(Kind::ProxyPassword);
    return kinds;
}

void ProfileSession::readSecrets(
    dcs::SecretStore *store, const dcs::Profile &profile, QObject *context,
    std::function<void(const ProfileSecrets &, const QString &)> done) {
    struct State {
        QList<int> kinds;
        int next = 0;
        ProfileSecrets secrets;
        std::function<void()> step;
    };
    auto state = std::make_shared<State>();
    state->kinds = neededSecrets(profile);
    const QString profileId = profile.id;
    const QString profileName = profile.name;
    const QPointer<QObject> guard(context);
    std::weak_ptr<State> weak = state;
    state->step = [store, profileId, profileName, guard, done, weak] {
        const auto s = weak.lock();
        if (!s || !guard)
            return;
        if (s->next >= s->kinds.size()) {
            done(s->secrets, QString());
            s->step = nullptr; // breaks the cycle: the state is freed after this call
            return;
        }
        const Kind kind = Kind(s->kinds.at(s->next++));
        store->read(profileId, kind, guard,
                    [store, s, kind, profileName, done](const QString &value, bool found) {
                        if (!found || value.isEmpty()) {
                            QString missing = missingSecretMessage(kind, profileName);
                            if (!missing.isEmpty()) {
                                if (store->isMemoryOnly())
                                    missing += QLatin1Char('\n') + keychainNotice();
                                done(s->secrets, missing);
                                s->step = nullptr;
                                return;
                            }
                        }
                        *secretField(s->secrets, kind) = value;
                        s->step();
                    });
    };
    state->step();
}

QString ProfileSession::keychainNotice() {
    return tr("No keychain service is available: secrets are kept in memory for this session only "
              "and must be entered again after a restart.");
}

QList<QSslCertificate> ProfileSession::loadCaBundle(const QString &fileName, QString *error) {
    const QFileInfo info(fileName);
    QFile file(fileName);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The CA bundle %1 cannot be read: %2")
                         .arg(fileName,
                              info.exists() ? file.errorString() : tr("the file does not exist"));
        return {};
    }
    file.close();
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromPath(fileName, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
    if (certificates.isEmpty() && error)
        *error = tr("The CA bundle %1 contains no PEM certificate.").arg(fileName);
    return certificates;
}

ClientConfigResult ProfileSession::buildConfig(const dcs::Profile &profile,
                                               const ProfileSecrets &secrets) {
    ClientConfigResult result;
    dcs::ClientConfig &config = result.config;
    config.endpoint = profile.dcsEndpoint;
    config.projectId = profile.projectId;
    config.profileName = profile.name;
    config.transferTimeoutMs = qBound(1, profile.timeoutSeconds, 600) * 1000;

    switch (profile.authMethod) {
    case dcs::Profile::AuthMethod::TemporaryAkSk:
        config.securityToken = secrets.securityToken.toUtf8();
        Q_FALLTHROUGH();
    case dcs::Profile::AuthMethod::AkSk:
        config.accessKey = profile.accessKey.trimmed().toUtf8();
        config.secretKey = secrets.secretKey.toUtf8();
        break;
    case dcs::Profile::AuthMethod::IamPassword:
        config.iam = dcs::IamCredentials{profile.iamEndpoint, profile.iamAccount.trimmed(),
                                         profile.iamUser.trimmed(), secrets.iamPassword};
        break;
    }

    switch (profile.proxy.mode) {
    case dcs::ProxySettings::Mode::System:
        config.useSystemProxy = true;
        break;
    case dcs::ProxySettings::Mode::None:
        config.useSystemProxy = false;
        config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    case dcs::ProxySettings::Mode::Http:
    case dcs::ProxySettings::Mode::Socks5:
        config.useSystemProxy = false;
        config.proxy = QNetworkProxy(profile.proxy.mode == dcs::ProxySettings::Mode::Http
                                         ? QNetworkProxy::HttpProxy
                                         : QNetworkProxy::Socks5Proxy,
                                     profile.proxy.host.trimmed(), quint16(profile.proxy.port),
                                     profile.proxy.user, secrets.proxyPassword);
        break;
    }

    if (!profile.caBundleFile.isEmpty())
        config.extraCaCertificates = loadCaBundle(profile.caBundleFile, &result.error);
    return result;
}

void ProfileSession::setSessionSecrets(const QString &profileId, const ProfileSecrets &secrets) {
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
        const ProfileSecrets secrets = m_sessionSecrets.value(profile.id);
        QTimer::singleShot(0, this, [this, profile, secrets, generation] {
            openReal(profile, secrets, generation);
        });
        return;
    }
    readSecrets(m_secrets, profile, this,
                [this, profile, generation](const ProfileSecrets &secrets, const QString &missing) {
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

void ProfileSession::openReal(const dcs::Profile &profile, const ProfileSecrets &secrets,
                              quint64 generation) {
    if (generation != m_generation)
        return;
    const ClientConfigResult built = buildConfig(profile, secrets);
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
    const auto trackers = client->findChildren<dcs::RestoreTracker *>(Qt::FindDirectChildrenOnly);
    for (dcs::RestoreTracker *tracker : trackers) {
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
    if (!client->findChildren<dcs::RestoreTracker *>(Qt::FindDirectChildrenOnly).isEmpty())
        return;
    m_retired.removeAll(QPointer<dcs::DcsClient>(client));
    m_retired.removeAll(QPointer<dcs::DcsClient>());
    client->deleteLater();
}
