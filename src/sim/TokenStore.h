#pragma once

#include "SimState.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace dcs::sim {

// An IAM user that can sign in with a password (--iam-user ACCOUNT/USER:PASSWORD).
struct IamUser {
    QString account; // the domain name in IAM's terms
    QString name;
    QString password;
};

// Reads ACCOUNT/USER:PASSWORD (the password may hold any character, ':' and '/' included).
// On failure *error is one line that never repeats the password.
std::optional<IamUser> parseIamUser(const QString &spec, QString *error);

struct IssuedToken {
    QByteArray value; // what X-Subject-Token carries
    QString account;
    QString user;
    QString projectId;
    QDateTime issuedAt;
    QDateTime expiresAt;
};

struct TokenPolicy {
    qint64 lifetimeSeconds = 24 * 3600; // IAM's documented 24 hours
    int callsPerToken = -1;             // --fault expire-tokens-after=N; -1: unlimited
};

// IAM's side of token authentication: password sign-in and the check of X-Auth-Token on every
// DCS call. Tokens live in memory only, as an IAM outage would lose them too: a restarted
// simulator knows none of the tokens it issued before.
class TokenStore {
public:
    TokenStore(Clock clock, QString projectId, TokenPolicy policy = {});

    // Another project a token may be scoped to (one dcs-sim may serve several).
    void addProject(const QString &projectId);
    // False when that account already has a user of that name.
    bool addUser(const IamUser &user);
    int userCount() const { return int(m_users.size()); }

    enum class SignInRefusal {
        None,
        WrongCredentials, // unknown account or user, or wrong password: IAM does not say which
        UnknownProject,   // the scope names a project this account does not have
    };
    struct SignIn {
        SignInRefusal refusal = SignInRefusal::None;
        IssuedToken token;
    };
    SignIn signIn(const QString &account, const QString &user, const QString &password,
                  const QString &projectId);

    enum class Verdict {
        Valid,
        Unknown,      // never issued, garbled, or issued before a restart: DCS.1001
        Expired,      // past expires_at, or used up by expire-tokens-after: DCS.1002
        OtherProject, // the path names another project than the token's scope: DCS.1004
    };
    // Checks a token presented with a DCS call to a path of pathProjectId (empty when the path
    // names none) and counts the call against the token when it is valid.
    Verdict use(const QByteArray &token, const QString &pathProjectId);

    int tokenCount() const { return int(m_tokens.size()); }
    const TokenPolicy &policy() const { return m_policy; }

private:
    struct Entry {
        IssuedToken token;
        int callsLeft = -1;
    };
    static QByteArray newTokenValue();
    static QString userKey(const QString &account, const QString &user);
    void forgetLongExpired(const QDateTime &now);

    Clock m_clock;
    QStringList m_projectIds;
    TokenPolicy m_policy;
    QHash<QString, IamUser> m_users; // by userKey
    QHash<QByteArray, Entry> m_tokens;
};

} // namespace dcs::sim
