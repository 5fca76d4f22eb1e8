#pragma once

#include "api/ApiVersion.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

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

// One account/region/project the console talks to. Holds no secret: SK, security token, IAM
// password and proxy password are in the SecretStore under this profile's id.
struct Profile {
    enum class AuthMethod { AkSk, TemporaryAkSk, IamPassword };

    QString id; // stable, used for settings and keychain keys
    QString name;
    QString region;
    QUrl dcsEndpoint;
    QUrl iamEndpoint;
    QString projectId;
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
};

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
        Timeout
    };
    Field field;
    QString message;      // translated
    bool warning = false; // shown, but the profile may still be saved
};

QList<ProfileProblem> validateProfile(const Profile &profile);

} // namespace dcs
