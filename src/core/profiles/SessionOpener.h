#pragma once

#include "profiles/DemoAccount.h"
#include "profiles/Profile.h"
#include "profiles/SessionBuilder.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace dcs {

class DemoSimulator;
class FollowedRestores;
class SecretStore;
class Session;

// Opens profiles into sessions: reads a real profile's secrets (or takes those of a
// session-only one), builds its client, and gives a new Session; the Demo profile starts the
// embedded simulator the first time and reuses it. Each open() is answered once, by opened()
// or failed() with its ticket, so a caller knows which request an answer belongs to; several
// may be under way at once.
class SessionOpener : public QObject {
    Q_OBJECT
public:
    // secrets and followed are not owned and must outlive the opener.
    SessionOpener(SecretStore *secrets, demo::SimulatorOptions demoOptions,
                  FollowedRestores *followed, QObject *parent = nullptr);
    ~SessionOpener() override;

    // A session-only profile's secrets (from the environment): kept here, never in the keychain.
    void setSessionSecrets(const QString &profileId, const ProfileSecrets &secrets);

    // Asynchronous: opening(), then opened() or failed(). The new session is this opener's
    // child until the one who asked closes it (Session::close()). The profile is opened at its
    // first region + project pair; Profile::atScope() opens another one.
    quint64 open(const Profile &profile);
    DemoSimulator *demo() const { return m_demo; }
    // Every session alive: shown, or closed and still following something.
    QList<Session *> sessions() const;

Q_SIGNALS:
    void opening(quint64 ticket, const dcs::Profile &profile);
    void opened(quint64 ticket, dcs::Session *session);
    void failed(quint64 ticket, const dcs::Profile &profile, const QString &message); // translated
    // A Demo region's simulator stopped on its own: the sessions of that region can no longer
    // talk.
    void demoStopped(const QString &region, const QString &message);

private:
    struct DemoTicket {
        quint64 ticket = 0;
        Profile profile; // at the scope asked for
    };
    void openReal(quint64 ticket, const Profile &profile, const ProfileSecrets &secrets);
    void demoReady(const QString &region);
    void demoFailed(const QString &region, const QString &message);

    SecretStore *m_secrets;
    FollowedRestores *m_followed;
    DemoSimulator *m_demo;
    QHash<QString, ProfileSecrets> m_sessionSecrets;
    QList<DemoTicket> m_demoTickets; // waiting for their region's simulator
    quint64 m_lastTicket = 0;
};

} // namespace dcs
