#pragma once

#include "SimApi.h"
#include "TokenStore.h"

#include <QByteArray>
#include <QString>

namespace dcs::sim {

// The IAM side of dcs-sim on the same port as the DCS API: POST /v3/auth/tokens (dcs-api.md §9)
// and the DCS answers to a token that is not accepted. Like SimApi, it knows no sockets.
class IamApi {
public:
    // The name IAM gives a region's project; dcs-sim has one project.
    static QString projectName() { return QStringLiteral("cn-north-4"); }

    // /v3/auth/tokens, a trailing "/" tolerated.
    static bool isTokenPath(const QString &decodedPath);

    // Password sign-in: 201 with X-Subject-Token; 400 IAM.0011 (gateway shape) for a body that is
    // not a password sign-in scoped to a project by id; 401 in IAM's own shape otherwise.
    static ApiAnswer handle(TokenStore *store, const QByteArray &method, const QByteArray &body,
                            const QString &requestId);

    // The v1 DCS refusal (401 DCS.1001 / 1002 / 1004) for a token TokenStore did not accept.
    static ApiAnswer tokenRefusal(TokenStore::Verdict verdict, ApiVersion version = ApiVersion::V1);

    // {"error":{"code":401,"message":...,"title":"Unauthorized"}} — how IAM itself refuses.
    static ApiAnswer iamError(int status, const QString &message);
};

} // namespace dcs::sim
