#pragma once

#include "api/ApiError.h"
#include "api/DcsClient.h"
#include "api/HttpEngine.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <functional>

namespace dcs {

// Obtains an IAM token by password sign-in and keeps it until shortly before it expires: five
// minutes, or a tenth of its lifetime when that is shorter. Callers asking while a sign-in is in
// flight wait for that one; there is never more than one sign-in at a time.
class IamTokenProvider : public QObject {
    Q_OBJECT
public:
    using TokenCallback = std::function<void(const QByteArray &token, const ApiError &error)>;

    // Signs in through engine (the client's: its proxy, certificates, timeout and limits), which
    // must outlive the provider.
    IamTokenProvider(HttpEngine *engine, IamCredentials credentials, QString projectId,
                     QString profileName, std::function<QDateTime()> clock,
                     QObject *parent = nullptr);

    void token(TokenCallback callback);
    // The server refused this token: the next token() signs in again.
    void invalidate(const QByteArray &token);

    QDateTime expiresAt() const { return m_expiresAt; }

    static qint64 renewMarginSeconds(qint64 lifetimeSeconds);
    // The password sign-in body of IAM's POST /v3/auth/tokens, scoped to one project.
    static QByteArray signInBody(const QString &account, const QString &user,
                                 const QString &password, const QString &projectId);

Q_SIGNALS:
    void requestFinished(const dcs::RequestLogEntry &entry);

private:
    void signIn();
    void finish(const QByteArray &token, const ApiError &error);

    HttpEngine *m_engine;
    IamCredentials m_credentials;
    QString m_projectId;
    QString m_profileName;
    std::function<QDateTime()> m_clock;
    QByteArray m_token;
    QDateTime m_expiresAt;
    QDateTime m_renewAt;
    QList<TokenCallback> m_waiting;
    bool m_signingIn = false;
};

} // namespace dcs
