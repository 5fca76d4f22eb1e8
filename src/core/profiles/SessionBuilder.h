#pragma once

#include "api/DcsClient.h"
#include "profiles/Profile.h"

#include <QCoreApplication>
#include <QList>
#include <functional>

namespace dcs {

class SecretStore;

// The secrets a profile needs to talk, read from the SecretStore (or given on the command line
// for a session-only profile). Held in memory only while a client is built.
struct ProfileSecrets {
    QString secretKey;
    QString securityToken;
    QString iamPassword;
    QString proxyPassword;
};

// What a profile's client is built from; error names the problem when it cannot be built.
struct ClientConfigResult {
    ClientConfig config;
    QString error; // translated; empty when config is usable
    bool ok() const { return error.isEmpty(); }
};

// How a profile becomes a client: the secrets it needs and where they come from, the client
// configuration (authentication, proxy, CA bundle, timeout), and the Demo profile's.
class SessionBuilder {
    Q_DECLARE_TR_FUNCTIONS(dcs::SessionBuilder)
public:
    // The Demo profile as the profile list shows it; its name stays "Demo" in logs and the
    // audit trail.
    static Profile demoProfile();
    static QString demoProfileId() { return QStringLiteral("demo"); }
    static QString demoProfileName() { return QStringLiteral("Demo"); }
    static QString demoDisplayName(); // "Demo (local simulator)", translated

    // Builds the client configuration of a profile with its secrets. Loads the CA bundle.
    static ClientConfigResult buildConfig(const Profile &profile, const ProfileSecrets &secrets);
    // The Demo profile's client for the simulator at baseUrl: the demo credentials, no proxy;
    // the home project unless another one of the demo account is named.
    static ClientConfig demoConfig(const QUrl &baseUrl, const QString &projectId = {});
    // The secrets a profile's authentication and proxy need, in the order they are read.
    static QList<int> neededSecrets(const Profile &profile); // SecretStore::Kind values
    // Reads the profile's secrets from the store; done gets them, or the missing one's message.
    // Nothing is called once context is gone.
    static void
    readSecrets(SecretStore *store, const Profile &profile, QObject *context,
                std::function<void(const ProfileSecrets &, const QString &missing)> done);

    // The keychain notice of the profile dialog and of a missing-secret message.
    static QString keychainNotice();
    // PEM certificates of a CA bundle; empty with the reason in error when unusable.
    static QByteArray loadCaBundle(const QString &fileName, QString *error);
};

} // namespace dcs
