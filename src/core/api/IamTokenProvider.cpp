#include "api/IamTokenProvider.h"

#include "api/RequestLog.h"
#include "model/JsonRead.h"
#include "model/PlainText.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dcs {

IamTokenProvider::IamTokenProvider(HttpEngine *engine, IamCredentials credentials,
                                   QString projectId, QString profileName,
                                   std::function<QDateTime()> clock, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_credentials(std::move(credentials))
    , m_projectId(std::move(projectId))
    , m_profileName(std::move(profileName))
    , m_clock(std::move(clock)) {}

qint64 IamTokenProvider::renewMarginSeconds(qint64 lifetimeSeconds) {
    return qMin<qint64>(5 * 60, qMax<qint64>(0, lifetimeSeconds / 10));
}

void IamTokenProvider::token(TokenCallback callback) {
    if (!m_token.isEmpty() && m_clock() < m_renewAt) {
        callback(m_token, {});
        return;
    }
    m_waiting.append(std::move(callback));
    if (!m_signingIn)
        signIn();
}

void IamTokenProvider::invalidate(const QByteArray &token) {
    if (token == m_token) {
        m_token.clear();
        m_renewAt = {};
    }
}

QByteArray IamTokenProvider::signInBody(const QString &account, const QString &user,
                                        const QString &password, const QString &projectId) {
    const QJsonObject userObject{
        {QStringLiteral("name"), user},
        {QStringLiteral("password"), password},
        {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), account}}}};
    const QJsonObject auth{
        {QStringLiteral("identity"),
         QJsonObject{
             {QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
             {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), userObject}}}}},
        {QStringLiteral("scope"),
         QJsonObject{{QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), projectId}}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}})
        .toJson(QJsonDocument::Compact);
}

void IamTokenProvider::signIn() {
    m_signingIn = true;
    const QByteArray body =
        signInBody(m_credentials.account, m_credentials.user, m_credentials.password, m_projectId);

    QUrl url = m_credentials.endpoint;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v3/auth/tokens"));
    RequestLogEntry entry;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.profileName = m_profileName;
    entry.method = "POST";
    entry.url = url;
    entry.requestHeaders = {{"Content-Type", "application/json;charset=utf8"}};
    entry.requestBody = redaction::body(body);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();

    // Sent once, like every write: the network layer does not repeat it on a closed connection
    // either. A sign-in changes nothing at the service: its failures are judged as a read's.
    HttpRequest request{"POST", url, {{"Content-Type", "application/json;charset=utf8"}}, body};
    request.judgedAsRead = true;
    const QPointer<IamTokenProvider> alive(this);
    m_engine->send(request, [this, alive, entry, timer](HttpAnswer answer) mutable {
        if (!alive)
            return;
        const int status = answer.status;
        const QByteArray &response = answer.body;
        const QByteArray requestId = answer.header("X-Request-Id");
        ApiError error = answer.error;
        QByteArray token;
        if (error.isError()) {
            // described by the engine
        } else if (status >= 400) {
            error = ApiError::fromHttpResponse(status, response, requestId);
        } else if (status >= 300) {
            const QString location = plain(QString::fromUtf8(answer.header("Location")));
            error = ApiError::network(
                ApiError::Kind::InvalidResponse,
                tr("The IAM endpoint redirected the sign-in to %1 (HTTP %2). Redirects are not "
                   "followed, so the password never goes anywhere else: check the profile's IAM "
                   "endpoint.")
                    .arg(location.isEmpty() ? tr("no address") : location)
                    .arg(status));
            error.httpStatus = status;
        } else {
            token = answer.header("X-Subject-Token");
            const QJsonObject tokenObject = QJsonDocument::fromJson(response)
                                                .object()
                                                .value(QStringLiteral("token"))
                                                .toObject();
            QDateTime expires = json::dateTime(tokenObject.value(QStringLiteral("expires_at")));
            const QDateTime now = m_clock();
            if (token.isEmpty()) {
                error = ApiError::network(ApiError::Kind::InvalidResponse,
                                          tr("The sign-in answer carries no X-Subject-Token."));
                error.httpStatus = status;
            } else {
                // Without a readable expiry the token is trusted for the documented 24 hours.
                if (!expires.isValid() || expires <= now)
                    expires = now.addSecs(24 * 3600);
                m_expiresAt = expires;
                m_renewAt = expires.addSecs(-renewMarginSeconds(now.secsTo(expires)));
            }
        }
        entry.httpStatus = status;
        entry.durationMs = timer->elapsed();
        entry.responseBytes = response.size();
        entry.requestId =
            error.requestId.isEmpty() ? QString::fromLatin1(requestId) : error.requestId;
        entry.errorCode = error.code;
        Q_EMIT requestFinished(entry);
        finish(token, error);
    });
}

void IamTokenProvider::finish(const QByteArray &token, const ApiError &error) {
    m_signingIn = false;
    m_token = error.isError() ? QByteArray() : token;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &callback : waiting)
        callback(m_token, error);
}

} // namespace dcs
