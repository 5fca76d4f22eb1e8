#pragma once

#include "SimApi.h"
#include "TokenStore.h"

#include <QByteArray>
#include <QString>

namespace dcs::sim {

// The IAM side of dcs-sim on the same port as the DCS API: POST /v3/auth/tokens (dcs-api.md §9)
// and the DCS answers to a token that is not accepted. Like SimApi, it knows no sockets.
// A project of the account as IAM lists it.
struct IamProject {
    QString id;
    QString name; // "cn-north-4", "cn-north-4_analytics": the region, then a sub-project's name
};

class IamApi {
public:
    // The name IAM gives a region's default project when nothing else is said.
    static QString projectName() { return QStringLiteral("cn-north-4"); }

    // /v3/auth/tokens, a trailing "/" tolerated.
    static bool isTokenPath(const QString &decodedPath);
    // /v3/auth/projects, a trailing "/" tolerated.
    static bool isProjectsPath(const QString &decodedPath);

    // Password sign-in: 201 with X-Subject-Token; 400 IAM.0011 (gateway shape) for a body that is
    // not a password sign-in scoped to a project by id; 401 in IAM's own shape otherwise. The
    // token's project is named from projects (projectName() when it is not there).
    static ApiAnswer handle(TokenStore *store, const QByteArray &method, const QByteArray &body,
                            const QString &requestId, const QList<IamProject> &projects = {});

    // GET /v3/auth/projects (Keystone's "projects available to the token"): every project of
    // the account, enabled, with its name; linkBase is where this server is reached. Other
    // methods are refused with 405.
    static ApiAnswer listProjects(const QByteArray &method, const QList<IamProject> &projects,
                                  const QString &domainId, const QString &linkBase);

    // The v1 DCS refusal (401 DCS.1001 / 1002 / 1004) for a token TokenStore did not accept.
    static ApiAnswer tokenRefusal(TokenStore::Verdict verdict, ApiVersion version = ApiVersion::V1);

    // {"error":{"code":401,"message":...,"title":"Unauthorized"}} — how IAM itself refuses.
    static ApiAnswer iamError(int status, const QString &message);
};

} // namespace dcs::sim
