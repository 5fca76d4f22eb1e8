#pragma once

#include "api/DcsClient.h"
#include "profiles/DemoSession.h"
#include "profiles/Profile.h"
#include "profiles/Session.h"
#include "profiles/SessionBuilder.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace dcs {
class SecretStore;
}

// Opens profiles: reads a real profile's secrets asynchronously, builds its DcsClient (proxy,
// CA bundle, timeout, authentication) and hands the window a Session; the Demo profile starts the
// embedded simulator the first time it is chosen and keeps it for the rest of the run.
//
// A client that was replaced is kept alive while restore trackers run on it (they are its
// children), so a restore started under one profile is still followed after switching away.
class ProfileSession : public QObject {
    Q_OBJECT
public:
    ProfileSession(dcs::SecretStore *secrets, DemoSession::Options demoOptions,
                   QObject *parent = nullptr);
    ~ProfileSession() override;

    // A session-only profile's secrets (from the environment): kept here, never in the keychain.
    void setSessionSecrets(const QString &profileId, const dcs::ProfileSecrets &secrets);

    // Asynchronous: opening(), then ready() or failed(). A newer open() supersedes an older one.
    void open(const dcs::Profile &profile);
    const dcs::Profile &profile() const { return m_profile; }
    const Session &session() const { return m_session; }
    bool isOpening() const { return m_opening; }
    DemoSession *demo() const { return m_demo; }
    // Clients replaced by a newer one that still have restore trackers running.
    int retiredClientCount() const { return int(m_retired.size()); }

Q_SIGNALS:
    void opening(const dcs::Profile &profile);
    void ready(const Session &session);
    void failed(const dcs::Profile &profile, const QString &message); // translated
    // Every client this object makes, once: for the request log.
    void clientCreated(dcs::DcsClient *client);

private:
    void openDemo();
    void openReal(const dcs::Profile &profile, const dcs::ProfileSecrets &secrets,
                  quint64 generation);
    void finish(const Session &session, dcs::DcsClient *ownedClient);
    void retire(dcs::DcsClient *client);
    void releaseIfIdle(dcs::DcsClient *client);

    dcs::SecretStore *m_secrets;
    DemoSession::Options m_demoOptions;
    DemoSession *m_demo = nullptr;
    dcs::DcsClient *m_announcedDemoClient = nullptr;
    bool m_demoStarting = false;
    dcs::Profile m_profile;
    Session m_session;
    dcs::DcsClient *m_client = nullptr; // the open real profile's client (owned)
    QList<QPointer<dcs::DcsClient>> m_retired;
    QHash<QString, dcs::ProfileSecrets> m_sessionSecrets;
    quint64 m_generation = 0;
    bool m_opening = false;
};
