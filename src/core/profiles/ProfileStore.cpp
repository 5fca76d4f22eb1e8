#include "profiles/ProfileStore.h"

#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringDecoder>
#include <QTemporaryFile>

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

// A value of a saved profile, or "" when it is longer than the field can be: a damaged
// settings file then shows a profile to correct, not one that takes seconds to draw.
QString text(const QSettings &s, const QString &key, int limit) {
    const QString value = s.value(key).toString();
    return value.size() > limit ? QString() : value;
}

Profile read(QSettings &s, const QString &id) {
    namespace L = fieldlimits;
    s.beginGroup(kGroup + QLatin1Char('/') + id);
    Profile p;
    p.id = id;
    p.name = text(s, QStringLiteral("name"), L::Name);
    p.region = text(s, QStringLiteral("region"), L::Region);
    p.dcsEndpoint = QUrl(text(s, QStringLiteral("dcsEndpoint"), L::Endpoint));
    p.iamEndpoint = QUrl(text(s, QStringLiteral("iamEndpoint"), L::Endpoint));
    p.projectId = text(s, QStringLiteral("projectId"), L::ProjectId);
    p.projectName = text(s, QStringLiteral("projectName"), L::Name);
    // A profile saved before it could hold several pairs has none here: it is its first pair
    // alone, as before.
    // A damaged file's size is not trusted: no more pairs than a profile may hold.
    const int more = qMin(s.beginReadArray(QStringLiteral("otherScopes")), L::OtherScopes);
    for (int i = 0; i < more; ++i) {
        s.setArrayIndex(i);
        ProfileScope scope;
        scope.region = text(s, QStringLiteral("region"), L::Region);
        scope.projectId = text(s, QStringLiteral("projectId"), L::ProjectId);
        scope.projectName = text(s, QStringLiteral("projectName"), L::Name);
        scope.dcsEndpoint = QUrl(text(s, QStringLiteral("dcsEndpoint"), L::Endpoint));
        if (!scope.region.isEmpty() && !scope.projectId.isEmpty())
            p.otherScopes.append(scope);
    }
    s.endArray();
    p.authMethod = authFromName(s.value(QStringLiteral("auth")).toString());
    p.accessKey = text(s, QStringLiteral("accessKey"), L::AccessKey);
    p.iamAccount = text(s, QStringLiteral("iamAccount"), L::IamName);
    p.iamUser = text(s, QStringLiteral("iamUser"), L::IamName);
    p.proxy.mode = proxyFromName(s.value(QStringLiteral("proxy/mode")).toString());
    p.proxy.host = text(s, QStringLiteral("proxy/host"), L::ProxyHost);
    p.proxy.port = s.value(QStringLiteral("proxy/port"), 0).toInt();
    p.proxy.user = text(s, QStringLiteral("proxy/user"), L::ProxyUser);
    p.caBundleFile = text(s, QStringLiteral("caBundleFile"), L::FilePath);
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

bool ProfileStore::save(const Profile &p, QString *error) {
    if (p.demo || p.sessionOnly || p.id.isEmpty())
        return true;
    const std::optional<Profile> before = profile(p.id);
    write(p);
    if (!commit(error)) {
        // Put back what the file still holds, so the list does not show an unsaved profile.
        if (before)
            write(*before);
        else
            m_settings->remove(kGroup + QLatin1Char('/') + p.id);
        return false;
    }
    Q_EMIT changed();
    return true;
}

bool ProfileStore::commit(QString *error) {
    // A QSettings keeps the first error it ever met, so its status() cannot tell how this write
    // went. A fresh object on the same file can: within the process both share the file's
    // contents, pending changes included, and its sync() writes them.
    QSettings probe(m_settings->fileName(), m_settings->format());
    probe.sync();
    m_lastStatus = int(probe.status());
    if (m_lastStatus == QSettings::NoError)
        return true;
    if (error)
        *error = lastError();
    return false;
}

QString ProfileStore::lastError() const {
    if (m_lastStatus == QSettings::NoError)
        return {};
    const QString file = QDir::toNativeSeparators(m_settings->fileName());
    return m_lastStatus == QSettings::AccessError
               ? QCoreApplication::translate(
                     "dcs::ProfileStore",
                     "The settings file %1 could not be written, so nothing was saved. "
                     "Check that the file and its folder are writable and the disk is "
                     "not full.")
                     .arg(file)
               : QCoreApplication::translate(
                     "dcs::ProfileStore",
                     "The settings file %1 is not in a format the console can read, so "
                     "nothing was saved.")
                     .arg(file);
}

void ProfileStore::write(const Profile &p) {
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
}

bool ProfileStore::remove(const QString &id, QString *error) {
    if (id.isEmpty())
        return true;
    const std::optional<Profile> before = profile(id);
    const QString lastUsed = lastUsedId();
    m_settings->remove(kGroup + QLatin1Char('/') + id);
    if (lastUsed == id)
        m_settings->remove(kLastUsed);
    if (!commit(error)) {
        if (before)
            write(*before);
        if (lastUsed == id)
            m_settings->setValue(kLastUsed, lastUsed);
        return false;
    }
    Q_EMIT changed();
    return true;
}

QString ProfileStore::lastUsedId() const {
    return m_settings->value(kLastUsed).toString();
}

void ProfileStore::setLastUsedId(const QString &id) {
    // The same profile again (every start of a console on its last profile) writes nothing: a
    // write replaces the file and waits for the disk, before the window's first frame.
    if (m_settings->contains(kLastUsed) && lastUsedId() == id)
        return;
    // Only a convenience for the next start: a failure here is seen at the next save.
    m_settings->setValue(kLastUsed, id);
    m_settings->sync();
}

QString ProfileStore::checkSettingsFile(const QString &path) {
    const QString shown = QDir::toNativeSeparators(path);
    if (path.trimmed().isEmpty() || path.contains(QChar(0)))
        return QCoreApplication::translate("dcs::ProfileStore", "no settings file was named.");
    const QFileInfo info(path);
    if (info.isDir())
        return QCoreApplication::translate(
                   "dcs::ProfileStore",
                   "%1 is a folder; name a settings file (for example %1/dcs-console.ini).")
            .arg(shown);
    if (info.exists() && !info.isFile())
        return QCoreApplication::translate("dcs::ProfileStore", "%1 is not a regular file.")
            .arg(shown);
    if (!info.exists()) {
        QString error;
        if (!privatefiles::makeFile(path, &error))
            return error;
        return {};
    }
    // Profiles take a few hundred bytes each: anything this large is something else.
    if (info.size() > 16 * 1024 * 1024)
        return QCoreApplication::translate(
                   "dcs::ProfileStore",
                   "%1 is too large to be a settings file; it was left as it is.")
            .arg(shown);
    // Opened for reading, then for reading and writing (nothing is changed): what QSettings
    // will need. (access() would not do: it says yes to root whatever the mode.)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("dcs::ProfileStore", "%1 cannot be read: %2")
            .arg(shown, file.errorString());
    const QByteArray head = file.read(1 << 20);
    file.close();
    if (!file.open(QIODevice::ReadWrite))
        return QCoreApplication::translate("dcs::ProfileStore", "%1 cannot be written: %2")
            .arg(shown, file.errorString());
    file.close();
    // QSettings writes a new file beside it and renames it over the old one: the folder must
    // take a new file too (a read-only file system refuses even root here).
    QTemporaryFile beside(
        QDir(info.absolutePath()).filePath(QStringLiteral(".dcs-console-XXXXXX")));
    if (!beside.open())
        return QCoreApplication::translate("dcs::ProfileStore", "%1 cannot be written: %2")
            .arg(shown, beside.errorString());
    beside.close();
    // Settings are text: NUL bytes or invalid UTF-8 mean some other kind of file, which
    // QSettings would read as empty and then overwrite with the profiles.
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(head);
    Q_UNUSED(decoded)
    const bool binary = head.contains('\0') || utf8.hasError();
    if (binary || QSettings(path, QSettings::IniFormat).status() != QSettings::NoError)
        return QCoreApplication::translate(
                   "dcs::ProfileStore",
                   "%1 is not a settings file the console can read; it was left as it is.")
            .arg(shown);
    privatefiles::makeFile(path);
    return {};
}

QString ProfileStore::prepareDefaultSettingsFile() {
    const QString path = QSettings().fileName();
    const QFileInfo info(path);
    QString error;
    if (!privatefiles::ensureFolder(info.absolutePath(), &error))
        return error;
    if (info.exists() && !info.isFile())
        return QCoreApplication::translate("dcs::ProfileStore", "%1 is not a regular file.")
            .arg(QDir::toNativeSeparators(path));
    if (!privatefiles::makeFile(path, &error))
        return error;
    return {};
}

} // namespace dcs
