#include "IamApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace dcs::sim {

namespace {

// IAM writes microseconds: 2024-05-11T08:30:00.123000Z.
QString iamTime(const QDateTime &at) {
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'000Z'"));
}

ApiAnswer badRequest(const QString &detail, const QString &requestId) {
    return SimApi::gatewayError(400, QStringLiteral("IAM.0011"),
                                QStringLiteral("Request parameter error: ") + detail, requestId);
}

// The member at a dotted path of objects; undefined when any step is missing or not an object.
QJsonValue member(const QJsonObject &root, const QString &dottedPath) {
    QJsonValue value(root);
    for (const QString &key : dottedPath.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(key);
    }
    return value;
}

struct PasswordSignIn {
    QString account;
    QString user;
    QString password;
    QString projectId;
};

// Fills *signIn from the body; returns what is wrong with it, or an empty string.
QString readSignIn(const QByteArray &body, PasswordSignIn *signIn) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return QStringLiteral("the request body is not a JSON object.");
    const QJsonObject root = document.object();
    const QJsonValue methods = member(root, QStringLiteral("auth.identity.methods"));
    if (!methods.isArray() || !methods.toArray().contains(QStringLiteral("password")))
        return QStringLiteral("auth.identity.methods must contain \"password\".");
    const struct {
        const char *path;
        QString *target;
        bool mayBeEmpty;
    } fields[] = {
        {"auth.identity.password.user.name", &signIn->user, false},
        {"auth.identity.password.user.password", &signIn->password, true},
        {"auth.identity.password.user.domain.name", &signIn->account, false},
        {"auth.scope.project.id", &signIn->projectId, false},
    };
    for (const auto &field : fields) {
        const QString path = QString::fromLatin1(field.path);
        const QJsonValue value = member(root, path);
        if (!value.isString() || (!field.mayBeEmpty && value.toString().isEmpty()))
            return path + QStringLiteral(" is required and must be a string.");
        *field.target = value.toString();
    }
    return {};
}

} // namespace

bool IamApi::isTokenPath(const QString &decodedPath) {
    return decodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts) ==
           QStringList{QStringLiteral("v3"), QStringLiteral("auth"), QStringLiteral("tokens")};
}

bool IamApi::isProjectsPath(const QString &decodedPath) {
    return decodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts) ==
           QStringList{QStringLiteral("v3"), QStringLiteral("auth"), QStringLiteral("projects")};
}

ApiAnswer IamApi::listProjects(const QByteArray &method, const QList<IamProject> &projects,
                               const QString &domainId, const QString &linkBase) {
    if (method.toUpper() != "GET")
        return iamError(405, QStringLiteral("The method is not allowed for the requested URL."));
    QJsonArray list;
    for (const IamProject &project : projects) {
        list.append(QJsonObject{
            {QStringLiteral("id"), project.id},
            {QStringLiteral("name"), project.name},
            {QStringLiteral("description"), QString()},
            {QStringLiteral("domain_id"), domainId},
            {QStringLiteral("parent_id"), domainId},
            {QStringLiteral("is_domain"), false},
            {QStringLiteral("enabled"), true},
            {QStringLiteral("links"),
             QJsonObject{{QStringLiteral("self"),
                          linkBase + QStringLiteral("/v3/projects/") + project.id}}},
        });
    }
    const QJsonObject links{
        {QStringLiteral("self"), linkBase + QStringLiteral("/v3/auth/projects")},
        {QStringLiteral("previous"), QJsonValue::Null},
        {QStringLiteral("next"), QJsonValue::Null}};
    return {200, QJsonDocument(QJsonObject{{QStringLiteral("projects"), list},
                                           {QStringLiteral("links"), links}})
                     .toJson(QJsonDocument::Compact)};
}

ApiAnswer IamApi::handle(TokenStore *store, const QByteArray &method, const QByteArray &body,
                         const QString &requestId, const QList<IamProject> &projects) {
    if (method.toUpper() != "POST")
        return iamError(405, QStringLiteral("The method is not allowed for the requested URL."));
    PasswordSignIn request;
    const QString problem = readSignIn(body, &request);
    if (!problem.isEmpty())
        return badRequest(problem, requestId);

    const TokenStore::SignIn result =
        store->signIn(request.account, request.user, request.password, request.projectId);
    switch (result.refusal) {
    case TokenStore::SignInRefusal::WrongCredentials:
        return iamError(401, QStringLiteral("The username or password is wrong."));
    case TokenStore::SignInRefusal::UnknownProject:
        return iamError(401, QStringLiteral("The project ID is not valid for this account."));
    case TokenStore::SignInRefusal::None:
        break;
    }
    const IssuedToken &token = result.token;
    QString name = projectName();
    for (const IamProject &project : projects) {
        if (project.id == token.projectId)
            name = project.name;
    }
    const QJsonObject domain{{QStringLiteral("name"), token.account}};
    const QJsonObject tokenObject{
        {QStringLiteral("expires_at"), iamTime(token.expiresAt)},
        {QStringLiteral("issued_at"), iamTime(token.issuedAt)},
        {QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
        {QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), token.projectId},
                                                {QStringLiteral("name"), name},
                                                {QStringLiteral("domain"), domain}}},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("name"), token.user}, {QStringLiteral("domain"), domain}}},
    };
    ApiAnswer answer;
    answer.status = 201;
    answer.body = QJsonDocument(QJsonObject{{QStringLiteral("token"), tokenObject}})
                      .toJson(QJsonDocument::Compact);
    answer.headers.append({"X-Subject-Token", token.value});
    return answer;
}

ApiAnswer IamApi::tokenRefusal(TokenStore::Verdict verdict, ApiVersion version) {
    // The DCS service answers these, in the shape of the path family asked.
    switch (verdict) {
    case TokenStore::Verdict::Expired:
        return SimApi::errorFor(version, QStringLiteral("DCS.1002"));
    case TokenStore::Verdict::OtherProject:
        return SimApi::errorFor(version, QStringLiteral("DCS.1004"));
    case TokenStore::Verdict::Unknown:
    case TokenStore::Verdict::Valid:
        break;
    }
    return SimApi::errorFor(version, QStringLiteral("DCS.1001"));
}

ApiAnswer IamApi::iamError(int status, const QString &message) {
    QString title;
    switch (status) {
    case 401:
        title = QStringLiteral("Unauthorized");
        break;
    case 405:
        title = QStringLiteral("Method Not Allowed");
        break;
    default:
        title = QStringLiteral("Bad Request");
        break;
    }
    const QJsonObject inner{{QStringLiteral("code"), status},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("title"), title}};
    return {status, QJsonDocument(QJsonObject{{QStringLiteral("error"), inner}})
                        .toJson(QJsonDocument::Compact)};
}

} // namespace dcs::sim
