#include "TokenStore.h"

#include <QRandomGenerator>

namespace dcs::sim {

namespace {

// Compares without stopping at the first difference, so timing tells nothing about a password.
bool sameText(const QString &a, const QString &b) {
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    unsigned char diff = x.size() == y.size() ? 0 : 1;
    const qsizetype n = qMin(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(x.at(i) ^ y.at(i));
    return diff == 0;
}

// Expired tokens still answer "expired" for a day; after that they are forgotten ("invalid").
constexpr qint64 ExpiredMemorySeconds = 24 * 3600;

} // namespace

std::optional<IamUser> parseIamUser(const QString &spec, QString *error) {
    // The password never appears in the message: only what stands before the ':'.
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString shown = colon < 0 ? spec : spec.left(colon) + QStringLiteral(":…");
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("--iam-user \"%1\": %2").arg(shown, why);
        return std::nullopt;
    };
    const qsizetype slash = spec.indexOf(QLatin1Char('/'));
    if (slash < 0 || colon < 0 || colon < slash)
        return fail(QStringLiteral("expected ACCOUNT/USER:PASSWORD"));
    IamUser user;
    user.account = spec.left(slash).trimmed();
    user.name = spec.mid(slash + 1, colon - slash - 1).trimmed();
    user.password = spec.mid(colon + 1);
    if (user.account.isEmpty())
        return fail(QStringLiteral("the account name is empty"));
    if (user.name.isEmpty())
        return fail(QStringLiteral("the user name is empty"));
    if (user.password.isEmpty())
        return fail(QStringLiteral("the password is empty"));
    return user;
}

TokenStore::TokenStore(Clock clock, QString projectId, TokenPolicy policy)
    : m_clock(clock ? std::move(clock) : Clock(&SimState::systemNow))
    , m_projectIds{std::move(projectId)}
    , m_policy(policy) {}

void TokenStore::addProject(const QString &projectId) {
    if (!m_projectIds.contains(projectId))
        m_projectIds.append(projectId);
}

QString TokenStore::userKey(const QString &account, const QString &user) {
    // '/' cannot occur in an account name given as ACCOUNT/USER, so the key is unambiguous.
    return account + QLatin1Char('/') + user;
}

bool TokenStore::addUser(const IamUser &user) {
    const QString key = userKey(user.account, user.name);
    if (m_users.contains(key))
        return false;
    m_users.insert(key, user);
    return true;
}

QByteArray TokenStore::newTokenValue() {
    // Real IAM tokens are long opaque base64 texts starting "MII"; clients must not look inside.
    QByteArray random(192, Qt::Uninitialized); // a whole number of quint32
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data()) +
                                             random.size() / sizeof(quint32));
    return "MII" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

TokenStore::SignIn TokenStore::signIn(const QString &account, const QString &user,
                                      const QString &password, const QString &projectId) {
    SignIn result;
    const auto it = m_users.constFind(userKey(account, user));
    // The password is compared even for an unknown user, so both take the same time.
    const bool passwordMatches =
        sameText(it == m_users.cend() ? QString() : it->password, password);
    if (it == m_users.cend() || !passwordMatches) {
        result.refusal = SignInRefusal::WrongCredentials;
        return result;
    }
    if (!m_projectIds.contains(projectId)) {
        result.refusal = SignInRefusal::UnknownProject;
        return result;
    }
    const QDateTime now = m_clock();
    forgetLongExpired(now);
    IssuedToken &token = result.token;
    token.value = newTokenValue();
    token.account = it->account;
    token.user = it->name;
    token.projectId = projectId;
    token.issuedAt = now;
    token.expiresAt = now.addSecs(m_policy.lifetimeSeconds);
    m_tokens.insert(token.value, {token, m_policy.callsPerToken});
    return result;
}

TokenStore::Verdict TokenStore::use(const QByteArray &token, const QString &pathProjectId) {
    const auto it = m_tokens.find(token);
    if (it == m_tokens.end())
        return Verdict::Unknown;
    if (m_clock() >= it->token.expiresAt || it->callsLeft == 0)
        return Verdict::Expired;
    if (!pathProjectId.isEmpty() && pathProjectId != it->token.projectId)
        return Verdict::OtherProject;
    if (it->callsLeft > 0)
        --it->callsLeft;
    return Verdict::Valid;
}

void TokenStore::forgetLongExpired(const QDateTime &now) {
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it->token.expiresAt.secsTo(now) > ExpiredMemorySeconds)
            it = m_tokens.erase(it);
        else
            ++it;
    }
}

} // namespace dcs::sim
