#include "profiles/ProfileStore.h"

#include <QSettings>

namespace dcs {

namespace {

const QString kGroup = QStringLiteral("profiles");
const QString kLastUsed = QStringLiteral("lastUsedProfile");

QString authName(Profile::AuthMethod method) {
    switch (method) {
    case Profile::AuthMethod::AkSk:
        return QStringLiteral("aksk");
    case Profile::AuthMethod::TemporaryAkSk:
        return QStringLiteral("temporary-aksk");
    case Profile::AuthMethod::IamPassword:
        return QStringLiteral("iam-password");
    }
    return QStringLiteral("aksk");
}

Profile::AuthMethod authFromName(const QString &name) {
    if (name == QLatin1String("temporary-aksk"))
        return Profile::AuthMethod::TemporaryAkSk;
    if (name == QLatin1String("iam-password"))
        return Profile::AuthMethod::IamPassword;
    return Profile::AuthMethod::AkSk;
}

QString proxyName(ProxySettings::Mode mode) {
    switch (mode) {
    case ProxySettings::Mode::System:
        return QStringLiteral("system");
    case ProxySettings::Mode::None:
        return QStringLiteral("none");
    case ProxySettings::Mode::Http:
        return QStringLiteral("http");
    case ProxySettings::Mode::Socks5:
        return QStringLiteral("socks5");
    }
    return QStringLiteral("system");
}

ProxySettings::Mode proxyFromName(const QString &name) {
    if (name == QLatin1String("none"))
        return ProxySettings::Mode::None;
    if (name == QLatin1String("http"))
        return ProxySettings::Mode::Http;
    if (name == QLatin1String("socks5"))
        return ProxySettings::Mode::Socks5;
    return ProxySettings::Mode::System;
}

Profile read(QSettings &s, const QString &id) {
    s.beginGroup(kGroup + QLatin1Char('/') + id);
    Profile p;
    p.id = id;
    p.name = s.value(QStringLiteral("name")).toString();
    p.region = s.value(QStringLiteral("region")).toString();
    p.dcsEndpoint = QUrl(s.value(QStringLiteral("dcsEndpoint")).toString());
    p.iamEndpoint = QUrl(s.value(QStringLiteral("iamEndpoint")).toString());
    p.projectId = s.value(QStringLiteral("projectId")).toString();
    p.projectName = s.value(QStringLiteral("projectName")).toString();
    // A profile saved before it could hold several pairs has none here: it is its first pair
    // alone, as before.
    const int more = s.beginReadArray(QStringLiteral("otherScopes"));
    for (int i = 0; i < more; ++i) {
        s.setArrayIndex(i);
        ProfileScope scope;
        scope.region = s.value(QStringLiteral("region")).toString();
        scope.projectId = s.value(QStringLiteral("projectId")).toString();
        scope.projectName = s.value(QStringLiteral("projectName")).toString();
        scope.dcsEndpoint = QUrl(s.value(QStringLiteral("dcsEndpoint")).toString());
        if (!scope.region.isEmpty() && !scope.projectId.isEmpty())
            p.otherScopes.append(scope);
    }
    s.endArray();
    p.authMethod = authFromName(s.value(QStringLiteral("auth")).toString());
    p.accessKey = s.value(QStringLiteral("accessKey")).toString();
    p.iamAccount = s.value(QStringLiteral("iamAccount")).toString();
    p.iamUser = s.value(QStringLiteral("iamUser")).toString();
    p.proxy.mode = proxyFromName(s.value(QStringLiteral("proxy/mode")).toString());
    p.proxy.host = s.value(QStringLiteral("proxy/host")).toString();
    p.proxy.port = s.value(QStringLiteral("proxy/port"), 0).toInt();
    p.proxy.user = s.value(QStringLiteral("proxy/user")).toString();
    p.caBundleFile = s.value(QStringLiteral("caBundleFile")).toString();
    p.timeoutSeconds = qBound(1, s.value(QStringLiteral("timeoutSeconds"), 30).toInt(), 600);
    // Profiles saved before there was a choice speak Automatic.
    p.apiVersion = apiVersionFromKey(s.value(QStringLiteral("apiVersion")).toString())
                       .value_or(ApiVersion::Automatic);
    p.production = s.value(QStringLiteral("production"), false).toBool();
    p.readOnly = s.value(QStringLiteral("readOnly"), false).toBool();
    s.endGroup();
    return p;
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings ? settings : new QSettings)
    , m_ownsSettings(settings == nullptr) {}

ProfileStore::~ProfileStore() {
    if (m_ownsSettings)
        delete m_settings;
}

QList<Profile> ProfileStore::profiles() const {
    m_settings->beginGroup(kGroup);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    QList<Profile> result;
    for (const QString &id : ids)
        result.append(read(*m_settings, id));
    std::sort(result.begin(), result.end(), [](const Profile &a, const Profile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return result;
}

std::optional<Profile> ProfileStore::profile(const QString &id) const {
    if (id.isEmpty() ||
        !m_settings->contains(kGroup + QLatin1Char('/') + id + QStringLiteral("/name")))
        return std::nullopt;
    return read(*m_settings, id);
}

std::optional<Profile> ProfileStore::profileByName(const QString &name) const {
    for (const Profile &p : profiles())
        if (p.name == name)
            return p;
    return std::nullopt;
}

void ProfileStore::save(const Profile &p) {
    if (p.demo || p.sessionOnly || p.id.isEmpty())
        return;
    QSettings &s = *m_settings;
    s.beginGroup(kGroup + QLatin1Char('/') + p.id);
    s.remove(QString()); // drop keys of an earlier version of this profile
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("region"), p.region);
    s.setValue(QStringLiteral("dcsEndpoint"), p.dcsEndpoint.toString());
    s.setValue(QStringLiteral("iamEndpoint"), p.iamEndpoint.toString());
    s.setValue(QStringLiteral("projectId"), p.projectId);
    s.setValue(QStringLiteral("projectName"), p.projectName);
    s.beginWriteArray(QStringLiteral("otherScopes"), int(p.otherScopes.size()));
    for (int i = 0; i < p.otherScopes.size(); ++i) {
        const ProfileScope &scope = p.otherScopes.at(i);
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("region"), scope.region);
        s.setValue(QStringLiteral("projectId"), scope.projectId);
        s.setValue(QStringLiteral("projectName"), scope.projectName);
        s.setValue(QStringLiteral("dcsEndpoint"), scope.dcsEndpoint.toString());
    }
    s.endArray();
    s.setValue(QStringLiteral("auth"), authName(p.authMethod));
    s.setValue(QStringLiteral("accessKey"), p.accessKey);
    s.setValue(QStringLiteral("iamAccount"), p.iamAccount);
    s.setValue(QStringLiteral("iamUser"), p.iamUser);
    s.setValue(QStringLiteral("proxy/mode"), proxyName(p.proxy.mode));
    s.setValue(QStringLiteral("proxy/host"), p.proxy.host);
    s.setValue(QStringLiteral("proxy/port"), p.proxy.port);
    s.setValue(QStringLiteral("proxy/user"), p.proxy.user);
    s.setValue(QStringLiteral("caBundleFile"), p.caBundleFile);
    s.setValue(QStringLiteral("timeoutSeconds"), p.timeoutSeconds);
    s.setValue(QStringLiteral("apiVersion"), apiVersionKey(p.apiVersion));
    s.setValue(QStringLiteral("production"), p.production);
    s.setValue(QStringLiteral("readOnly"), p.readOnly);
    s.endGroup();
    s.sync();
    Q_EMIT changed();
}

void ProfileStore::remove(const QString &id) {
    if (id.isEmpty())
        return;
    m_settings->remove(kGroup + QLatin1Char('/') + id);
    if (lastUsedId() == id)
        m_settings->remove(kLastUsed);
    m_settings->sync();
    Q_EMIT changed();
}

QString ProfileStore::lastUsedId() const {
    return m_settings->value(kLastUsed).toString();
}

void ProfileStore::setLastUsedId(const QString &id) {
    m_settings->setValue(kLastUsed, id);
    m_settings->sync();
}

} // namespace dcs
