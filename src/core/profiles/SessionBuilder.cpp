#include "profiles/SessionBuilder.h"

#include "profiles/DemoAccount.h"
#include "profiles/SecretStore.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <memory>

namespace dcs {

namespace {

using Kind = SecretStore::Kind;

QString missingSecretMessage(Kind kind, const QString &profileName) {
    switch (kind) {
    case Kind::SecretKey:
        return SessionBuilder::tr("No secret access key (SK) is stored for the profile \"%1\". "
                                  "Edit the profile and enter it.")
            .arg(profileName);
    case Kind::SecurityToken:
        return SessionBuilder::tr("No security token is stored for the profile \"%1\". Edit the "
                                  "profile and enter it.")
            .arg(profileName);
    case Kind::IamPassword:
        return SessionBuilder::tr("No IAM password is stored for the profile \"%1\". Edit the "
                                  "profile and enter it.")
            .arg(profileName);
    case Kind::ProxyPassword:
        break;
    case Kind::InstancePasswords: // not a profile setting: kept per instance
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
    case Kind::InstancePasswords: // not a profile setting: kept per instance
        return {};
    }
    return nullptr;
}

} // namespace

Profile SessionBuilder::demoProfile() {
    Profile profile;
    profile.id = demoProfileId();
    profile.name = demoProfileName();
    profile.demo = true;
    // Every region + project of the demo account; their endpoints are known once their
    // simulators run.
    QList<ProfileScope> scopes;
    for (const demo::DemoProject &project : demo::fleet())
        scopes.append({project.region, project.projectId, project.projectName, QUrl()});
    profile.setScopes(scopes);
    return profile;
}

QString SessionBuilder::demoDisplayName() {
    return tr("Demo (local simulator)");
}

ClientConfig SessionBuilder::demoConfig(const QUrl &baseUrl, const QString &projectId) {
    ClientConfig config;
    config.endpoint = baseUrl;
    config.iamEndpoint = baseUrl; // the simulator answers IAM's calls on the same port
    config.projectId = projectId.isEmpty() ? demo::projectId() : projectId;
    config.accessKey = demo::accessKey();
    config.secretKey = demo::secretKey();
    config.profileName = demoProfileName();
    // The simulator is on loopback: no system proxy may stand in between.
    config.proxy.mode = ProxyChoice::Mode::None;
    return config;
}

QList<int> SessionBuilder::neededSecrets(const Profile &profile) {
    QList<int> kinds;
    if (profile.demo)
        return kinds;
    switch (profile.authMethod) {
    case Profile::AuthMethod::AkSk:
        kinds << int(Kind::SecretKey);
        break;
    case Profile::AuthMethod::TemporaryAkSk:
        kinds << int(Kind::SecretKey) << int(Kind::SecurityToken);
        break;
    case Profile::AuthMethod::IamPassword:
        kinds << int(Kind::IamPassword);
        break;
    }
    const bool manualProxy = profile.proxy.mode == ProxySettings::Mode::Http ||
                             profile.proxy.mode == ProxySettings::Mode::Socks5;
    if (manualProxy && !profile.proxy.user.isEmpty())
        kinds << int(Kind::ProxyPassword);
    return kinds;
}

void SessionBuilder::readSecrets(
    SecretStore *store, const Profile &profile, QObject *context,
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

QString SessionBuilder::keychainNotice() {
    return tr("No keychain service is available: secrets are kept in memory for this session only "
              "and must be entered again after a restart.");
}

QByteArray SessionBuilder::loadCaBundle(const QString &fileName, QString *error) {
    const QFileInfo info(fileName);
    QFile file(fileName);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The CA bundle %1 cannot be read: %2")
                         .arg(fileName,
                              info.exists() ? file.errorString() : tr("the file does not exist"));
        return {};
    }
    // Far larger than any bundle of certificates: not read whole into memory.
    constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024;
    const QByteArray pem = file.read(kMaxBundleBytes + 1);
    if (pem.size() > kMaxBundleBytes) {
        if (error)
            *error = tr("The CA bundle %1 is larger than 16 MB: it is not a bundle of "
                        "certificates.")
                         .arg(fileName);
        return {};
    }
    NetworkModule *module = network::module();
    if (!module) {
        if (error)
            *error = network::loadError();
        return {};
    }
    if (module->certificateCount(pem) == 0) {
        if (error)
            *error = tr("The CA bundle %1 contains no PEM certificate.").arg(fileName);
        return {};
    }
    return pem;
}

ClientConfigResult SessionBuilder::buildConfig(const Profile &profile,
                                               const ProfileSecrets &secrets) {
    ClientConfigResult result;
    ClientConfig &config = result.config;
    config.endpoint = profile.dcsEndpoint;
    config.apiVersion = profile.apiVersion;
    config.projectId = profile.projectId;
    config.profileName = profile.name;
    config.transferTimeoutMs = qBound(1, profile.timeoutSeconds, 600) * 1000;
    // IAM lists the account's projects; any region's IAM endpoint will do.
    config.iamEndpoint =
        profile.iamEndpoint.isValid() && !profile.iamEndpoint.host().isEmpty()
            ? profile.iamEndpoint
            : defaultIamEndpoint(profile.region.isEmpty() ? QStringLiteral("cn-north-4")
                                                          : profile.region);

    switch (profile.authMethod) {
    case Profile::AuthMethod::TemporaryAkSk:
        config.securityToken = secrets.securityToken.toUtf8();
        Q_FALLTHROUGH();
    case Profile::AuthMethod::AkSk:
        config.accessKey = profile.accessKey.trimmed().toUtf8();
        config.secretKey = secrets.secretKey.toUtf8();
        break;
    case Profile::AuthMethod::IamPassword:
        config.iam = IamCredentials{profile.iamEndpoint, profile.iamAccount.trimmed(),
                                    profile.iamUser.trimmed(), secrets.iamPassword};
        break;
    }

    switch (profile.proxy.mode) {
    case ProxySettings::Mode::System:
        config.proxy.mode = ProxyChoice::Mode::System;
        break;
    case ProxySettings::Mode::None:
        config.proxy.mode = ProxyChoice::Mode::None;
        break;
    case ProxySettings::Mode::Http:
    case ProxySettings::Mode::Socks5:
        config.proxy.mode = profile.proxy.mode == ProxySettings::Mode::Http
                                ? ProxyChoice::Mode::Http
                                : ProxyChoice::Mode::Socks5;
        config.proxy.host = profile.proxy.host.trimmed();
        config.proxy.port = quint16(profile.proxy.port);
        config.proxy.user = profile.proxy.user;
        config.proxy.password = secrets.proxyPassword;
        break;
    }

    if (!profile.caBundleFile.isEmpty())
        config.extraCaPem = loadCaBundle(profile.caBundleFile, &result.error);
    return result;
}

} // namespace dcs
