#pragma once

#include "api/ApiVersion.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace dcs {

// How a profile reaches the network: the system's proxy, none, or one of its own.
struct ProxySettings {
    enum class Mode { System, None, Http, Socks5 };
    Mode mode = Mode::System;
    QString host;
    int port = 0;
    QString user; // the password is a secret: it lives in the keychain only

    bool operator==(const ProxySettings &o) const {
        return mode == o.mode && host == o.host && port == o.port && user == o.user;
    }
};

// One region + project pair of an account. The DCS endpoint is the region's own unless one is
// set (a private endpoint, or a local simulator).
struct ProfileScope {
    QString region;
    QString projectId;
    QString projectName; // as IAM names it ("cn-north-4", "cn-north-4_test"); may be empty
    QUrl dcsEndpoint;    // empty: defaultDcsEndpoint(region)

    QUrl endpoint() const;
    // "region/projectId": how the fleet, its cache and its settings know the pair.
    QString key() const { return region + QLatin1Char('/') + projectId; }
    // The project's name when known, else its id.
    QString projectLabel() const { return projectName.isEmpty() ? projectId : projectName; }

    bool operator==(const ProfileScope &o) const {
        return region == o.region && projectId == o.projectId && projectName == o.projectName &&
               dcsEndpoint == o.dcsEndpoint;
    }
    bool operator!=(const ProfileScope &o) const { return !(*this == o); }
};

// One account the console talks to: its credentials and the region + project pairs it looks
// after. The first pair is region, projectId and dcsEndpoint (what a profile held before it
// could hold several, and what the instance browser opens by default); otherScopes are the
// rest. Holds no secret: SK, security token, IAM password and proxy password are in the
// SecretStore under this profile's id.
struct Profile {
    enum class AuthMethod { AkSk, TemporaryAkSk, IamPassword };

    QString id; // stable, used for settings and keychain keys
    QString name;
    QString region;
    QUrl dcsEndpoint;
    QUrl iamEndpoint;
    QString projectId;
    QString projectName; // the first pair's IAM project name, when known
    // More region + project pairs of the same account (IAM password profiles sign in per
    // project with the same user).
    QList<ProfileScope> otherScopes;
    AuthMethod authMethod = AuthMethod::AkSk;
    QString accessKey;  // an identifier, not a secret
    QString iamAccount; // the account (domain) name
    QString iamUser;
    ProxySettings proxy;
    QString caBundleFile;
    int timeoutSeconds = 30;
    // Which DCS API it speaks; Automatic (v2, else v1.0) unless the user chose one.
    ApiVersion apiVersion = ApiVersion::Automatic;
    bool production = false;  // a banner while open; restores always need typed confirmation
    bool readOnly = false;    // restore, backup and delete are disabled
    bool demo = false;        // the embedded simulator
    bool sessionOnly = false; // from the command line: never saved

    bool operator==(const Profile &o) const;
    bool operator!=(const Profile &o) const { return !(*this == o); }

    static QString newId();

    // Every pair, the first one first.
    QList<ProfileScope> scopes() const;
    ProfileScope firstScope() const;
    // The pair with this key; nullopt when the profile has none such.
    std::optional<ProfileScope> scope(const QString &key) const;
    // Sets every pair: the first becomes region, projectId and dcsEndpoint, the rest
    // otherScopes. An empty list leaves the profile as it is.
    void setScopes(const QList<ProfileScope> &scopes);
    // This profile opened at one of its pairs: the same account, that region, project and
    // endpoint as its first (and only) pair.
    Profile atScope(const ProfileScope &scope) const;
};

// The longest value each field of a profile (and each secret) may hold, in characters. Longer
// values are refused, never cut: a profile with a megabyte in a field is a damaged one, and
// reading or drawing it would cost seconds and gigabytes.
namespace fieldlimits {
constexpr int Name = 128;
constexpr int Region = 64;
constexpr int Endpoint = 2048;
constexpr int ProjectId = 64;
constexpr int AccessKey = 128;
constexpr int IamName = 256; // account and user names
constexpr int ProxyHost = 253;
constexpr int ProxyUser = 256;
constexpr int FilePath = 4096;
constexpr int SecretKey = 256;
constexpr int SecurityToken = 16384;
constexpr int Password = 1024;
// Region + project pairs besides the first: more than an account has regions times projects.
constexpr int OtherScopes = 200;
} // namespace fieldlimits

// The regions of dcs-api.md §10.
QStringList knownRegions();
bool looksLikeRegion(const QString &region);
QUrl defaultDcsEndpoint(const QString &region);
QUrl defaultIamEndpoint(const QString &region);

// Why a field of a profile is refused; `field` names the dialog field it belongs next to.
struct ProfileProblem {
    enum class Field {
        Name,
        Region,
        DcsEndpoint,
        IamEndpoint,
        ProjectId,
        AccessKey,
        IamAccount,
        IamUser,
        Proxy,
        CaBundle,
        Timeout,
        Scopes // the other region + project pairs
    };
    Field field;
    QString message;      // translated
    bool warning = false; // shown, but the profile may still be saved
};

QList<ProfileProblem> validateProfile(const Profile &profile);

} // namespace dcs
