#include "profiles/Profile.h"

#include "profiles/Regions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

namespace dcs {

QUrl ProfileScope::endpoint() const {
    return dcsEndpoint.isEmpty() ? defaultDcsEndpoint(region) : dcsEndpoint;
}

bool Profile::operator==(const Profile &o) const {
    return id == o.id && name == o.name && region == o.region && dcsEndpoint == o.dcsEndpoint &&
           iamEndpoint == o.iamEndpoint && projectId == o.projectId &&
           projectName == o.projectName && otherScopes == o.otherScopes &&
           authMethod == o.authMethod && accessKey == o.accessKey && iamAccount == o.iamAccount &&
           iamUser == o.iamUser && proxy == o.proxy && caBundleFile == o.caBundleFile &&
           timeoutSeconds == o.timeoutSeconds && apiVersion == o.apiVersion &&
           production == o.production && readOnly == o.readOnly && demo == o.demo &&
           sessionOnly == o.sessionOnly;
}

QString Profile::newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ProfileScope Profile::firstScope() const {
    return {region, projectId, projectName, dcsEndpoint};
}

QList<ProfileScope> Profile::scopes() const {
    QList<ProfileScope> all{firstScope()};
    all += otherScopes;
    return all;
}

std::optional<ProfileScope> Profile::scope(const QString &key) const {
    for (const ProfileScope &s : scopes()) {
        if (s.key() == key)
            return s;
    }
    return std::nullopt;
}

void Profile::setScopes(const QList<ProfileScope> &all) {
    if (all.isEmpty())
        return;
    const ProfileScope &first = all.constFirst();
    region = first.region;
    projectId = first.projectId;
    projectName = first.projectName;
    dcsEndpoint = first.dcsEndpoint;
    otherScopes = all.mid(1);
}

Profile Profile::atScope(const ProfileScope &s) const {
    Profile p = *this;
    p.region = s.region;
    p.projectId = s.projectId;
    p.projectName = s.projectName;
    // The first pair of a real profile always has its endpoint written out.
    p.dcsEndpoint = demo ? s.dcsEndpoint : s.endpoint();
    p.otherScopes.clear();
    return p;
}

QStringList knownRegions() {
    return regions::ids();
}

bool looksLikeRegion(const QString &region) {
    // Two letters, one or more lower-case words, a number: cn-north-4, eu-west-101, ae-ad-1.
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]{1,3}$"));
    return pattern.match(region).hasMatch();
}

QUrl defaultDcsEndpoint(const QString &region) {
    return QUrl(QStringLiteral("https://dcs.%1.myhuaweicloud.com").arg(region));
}

QUrl defaultIamEndpoint(const QString &region) {
    return QUrl(QStringLiteral("https://iam.%1.myhuaweicloud.com").arg(region));
}

static bool isEndpoint(const QUrl &url) {
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.hasQuery() && !url.hasFragment() && url.userInfo().isEmpty();
}

QList<ProfileProblem> validateProfile(const Profile &p) {
    using F = ProfileProblem::Field;
    QList<ProfileProblem> problems;
    // Lengths first: nothing else is worth checking (or matching against a pattern) in a
    // value far too long to be right.
    const auto tooLong = [&problems](F field, qsizetype length, int limit) {
        if (length > limit)
            problems.append(
                {field, QCoreApplication::translate(
                            "dcs::Profile", "This is %1 characters long; at most %2 are accepted.")
                            .arg(length)
                            .arg(limit)});
    };
    tooLong(F::Name, p.name.size(), fieldlimits::Name);
    tooLong(F::Region, p.region.size(), fieldlimits::Region);
    tooLong(F::DcsEndpoint, p.dcsEndpoint.toString().size(), fieldlimits::Endpoint);
    tooLong(F::IamEndpoint, p.iamEndpoint.toString().size(), fieldlimits::Endpoint);
    tooLong(F::ProjectId, p.projectId.size(), fieldlimits::ProjectId);
    tooLong(F::AccessKey, p.accessKey.size(), fieldlimits::AccessKey);
    tooLong(F::IamAccount, p.iamAccount.size(), fieldlimits::IamName);
    tooLong(F::IamUser, p.iamUser.size(), fieldlimits::IamName);
    tooLong(F::Proxy, p.proxy.host.size(), fieldlimits::ProxyHost);
    tooLong(F::Proxy, p.proxy.user.size(), fieldlimits::ProxyUser);
    tooLong(F::CaBundle, p.caBundleFile.size(), fieldlimits::FilePath);
    // The further pairs: a problem names its row, as the table shows them.
    if (p.otherScopes.size() > fieldlimits::OtherScopes)
        problems.append({F::Scopes, QCoreApplication::translate(
                                        "dcs::Profile", "The regions and projects list %1 pairs; "
                                                        "at most %2 are accepted.")
                                        .arg(p.otherScopes.size())
                                        .arg(fieldlimits::OtherScopes)});
    for (qsizetype i = 0; i < p.otherScopes.size() && problems.isEmpty(); ++i) {
        const ProfileScope &s = p.otherScopes.at(i);
        const std::pair<qsizetype, int> lengths[] = {
            {s.region.size(), fieldlimits::Region},
            {s.projectId.size(), fieldlimits::ProjectId},
            {s.projectName.size(), fieldlimits::Name},
            {s.dcsEndpoint.toString().size(), fieldlimits::Endpoint}};
        for (const auto &[length, limit] : lengths) {
            if (length <= limit)
                continue;
            problems.append(
                {F::Scopes, QCoreApplication::translate(
                                "dcs::Profile", "Row %1 of the regions and projects holds a value "
                                                "%2 characters long; at most %3 are accepted.")
                                .arg(i + 1)
                                .arg(length)
                                .arg(limit)});
            break;
        }
    }
    if (!problems.isEmpty())
        return problems;
    if (p.name.trimmed().isEmpty())
        problems.append({F::Name, QCoreApplication::translate("dcs::Profile",
                                                              "Enter a name for this profile.")});
    if (p.demo)
        return problems;

    if (p.region.isEmpty())
        problems.append(
            {F::Region, QCoreApplication::translate("dcs::Profile", "Choose a region.")});
    else if (!looksLikeRegion(p.region))
        problems.append({F::Region, QCoreApplication::translate(
                                        "dcs::Profile", "\"%1\" does not look like a region ID.")
                                        .arg(p.region)});
    else if (!knownRegions().contains(p.region))
        problems.append({F::Region,
                         QCoreApplication::translate("dcs::Profile",
                                                     "\"%1\" is not in the list of known regions.")
                             .arg(p.region),
                         true});

    if (!isEndpoint(p.dcsEndpoint))
        problems.append({F::DcsEndpoint,
                         QCoreApplication::translate("dcs::Profile",
                                                     "Enter the DCS endpoint as an http(s) URL.")});
    else if (p.dcsEndpoint.scheme() == QLatin1String("http"))
        problems.append(
            {F::DcsEndpoint,
             QCoreApplication::translate(
                 "dcs::Profile", "The DCS endpoint is plain HTTP: requests are not encrypted."),
             true});

    static const QRegularExpression projectPattern(QStringLiteral("^[0-9a-fA-F]{32}$"));
    if (p.projectId.isEmpty())
        problems.append(
            {F::ProjectId, QCoreApplication::translate("dcs::Profile", "Enter the project ID.")});
    else if (!projectPattern.match(p.projectId).hasMatch())
        problems.append(
            {F::ProjectId, QCoreApplication::translate(
                               "dcs::Profile", "A project ID is 32 hexadecimal characters.")});

    if (p.authMethod == Profile::AuthMethod::IamPassword) {
        if (!isEndpoint(p.iamEndpoint))
            problems.append(
                {F::IamEndpoint, QCoreApplication::translate(
                                     "dcs::Profile", "Enter the IAM endpoint as an http(s) URL.")});
        else if (p.iamEndpoint.scheme() == QLatin1String("http"))
            problems.append({F::IamEndpoint,
                             QCoreApplication::translate(
                                 "dcs::Profile", "The IAM endpoint is plain HTTP: the password and "
                                                 "the token would travel unencrypted."),
                             true});
        if (p.iamAccount.trimmed().isEmpty())
            problems.append({F::IamAccount, QCoreApplication::translate(
                                                "dcs::Profile", "Enter the account name.")});
        if (p.iamUser.trimmed().isEmpty())
            problems.append({F::IamUser, QCoreApplication::translate("dcs::Profile",
                                                                     "Enter the IAM user name.")});
    } else if (p.accessKey.trimmed().isEmpty()) {
        problems.append({F::AccessKey, QCoreApplication::translate(
                                           "dcs::Profile", "Enter the access key ID (AK).")});
    }

    if (p.proxy.mode == ProxySettings::Mode::Http || p.proxy.mode == ProxySettings::Mode::Socks5) {
        if (p.proxy.host.trimmed().isEmpty() || p.proxy.port <= 0 || p.proxy.port > 65535)
            problems.append(
                {F::Proxy, QCoreApplication::translate(
                               "dcs::Profile", "Enter the proxy host and a port (1–65535).")});
    }
    if (!p.caBundleFile.isEmpty() && !QFileInfo(p.caBundleFile).isReadable())
        problems.append({F::CaBundle, QCoreApplication::translate(
                                          "dcs::Profile", "The CA bundle file cannot be read.")});
    QStringList seen{p.firstScope().key()};
    for (const ProfileScope &s : p.otherScopes) {
        QString problem;
        if (!looksLikeRegion(s.region))
            problem = QCoreApplication::translate(
                          "dcs::Profile", "\"%1\" in the regions and projects does not look like "
                                          "a region id (for example cn-north-4).")
                          .arg(s.region);
        else if (!projectPattern.match(s.projectId).hasMatch())
            problem = QCoreApplication::translate(
                          "dcs::Profile", "The project of %1 in the regions and projects is not "
                                          "32 hexadecimal characters.")
                          .arg(s.region);
        else if (seen.contains(s.key()))
            problem = QCoreApplication::translate(
                          "dcs::Profile", "%1 / %2 is listed twice in the regions and projects.")
                          .arg(s.region, s.projectLabel());
        else if (!s.dcsEndpoint.isEmpty() && !isEndpoint(s.dcsEndpoint))
            problem = QCoreApplication::translate("dcs::Profile",
                                                  "The endpoint of %1 / %2 is not an http(s) URL.")
                          .arg(s.region, s.projectLabel());
        if (!problem.isEmpty()) {
            problems.append({F::Scopes, problem});
            break;
        }
        seen.append(s.key());
    }

    if (p.timeoutSeconds < 1 || p.timeoutSeconds > 600)
        problems.append(
            {F::Timeout, QCoreApplication::translate("dcs::Profile", "Enter 1 to 600 seconds.")});
    return problems;
}

} // namespace dcs
