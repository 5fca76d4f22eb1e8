#include "profiles/SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QtGlobal>
#include <qt6keychain/keychain.h>

namespace dcs {

SecretStore::SecretStore(QString service, bool memoryOnly, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_memoryOnly(memoryOnly) {}

QString SecretStore::keyFor(const QString &profileId, Kind kind) {
    static const char *const names[] = {"secret-key", "security-token", "iam-password",
                                        "proxy-password", "instance-passwords"};
    return profileId + QLatin1Char('/') + QLatin1String(names[int(kind)]);
}

SecretStore::Availability SecretStore::availability() const {
    if (m_memoryOnly)
        return Availability::MemoryOnly;
    return m_keychainAnswered ? Availability::Keychain : Availability::Unknown;
}

void SecretStore::keychainAnswered() {
    if (m_keychainAnswered || m_memoryOnly)
        return;
    m_keychainAnswered = true;
    Q_EMIT availabilityChanged(Availability::Keychain);
}

void SecretStore::probe() {
    if (m_probing || availability() != Availability::Unknown)
        return;
    m_probing = true;
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("availability-probe"));
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        m_probing = false;
        // Not found is an answer from a working keychain, like a value would be.
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            keychainAnswered();
        else
            fallBackToMemory(job->errorString());
    });
    job->start();
}

void SecretStore::fallBackToMemory(const QString &error) {
    if (m_memoryOnly)
        return;
    // The keychain's own words (never a secret) for whoever reads the console's output.
    qWarning("dcs-console: no keychain service (%s); secrets are kept in memory for this run",
             qPrintable(error));
    m_memoryOnly = true;
    Q_EMIT memoryOnlyChanged(true);
    Q_EMIT availabilityChanged(Availability::MemoryOnly);
}

void SecretStore::read(const QString &profileId, Kind kind, QObject *context,
                       std::function<void(const QString &, bool)> done) {
    const QString key = keyFor(profileId, kind);
    const QPointer<QObject> guard(context);
    const auto cached = m_memory.constFind(key);
    if (cached != m_memory.cend() || m_memoryOnly) {
        const bool found = cached != m_memory.cend();
        const QString value = found ? *cached : QString();
        // Always asynchronous, like the keychain path, so callers see one behaviour.
        QMetaObject::invokeMethod(
            this,
            [guard, done, value, found] {
                if (guard)
                    done(value, found);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, done] {
        QString value;
        bool found = false;
        if (job->error() == QKeychain::NoError) {
            value = job->textData();
            found = true;
            m_memory.insert(key, value);
            keychainAnswered();
        } else if (job->error() == QKeychain::EntryNotFound) {
            keychainAnswered();
        } else {
            fallBackToMemory(job->errorString());
        }
        if (guard)
            done(value, found);
    });
    job->start();
}

void SecretStore::write(const QString &profileId, Kind kind, const QString &value, QObject *context,
                        std::function<void(bool)> done) {
    const QString key = keyFor(profileId, kind);
    m_memory.insert(key, value);
    const QPointer<QObject> guard(context);
    if (m_memoryOnly) {
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                if (guard && done)
                    done(false);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, job, guard, done] {
        const bool persisted = job->error() == QKeychain::NoError;
        if (persisted)
            keychainAnswered();
        else
            fallBackToMemory(job->errorString());
        if (guard && done)
            done(persisted);
    });
    job->start();
}

void SecretStore::removeAll(const QString &profileId) {
    for (Kind kind : {Kind::SecretKey, Kind::SecurityToken, Kind::IamPassword, Kind::ProxyPassword,
                      Kind::InstancePasswords}) {
        const QString key = keyFor(profileId, kind);
        m_memory.remove(key);
        if (m_memoryOnly)
            continue;
        auto *job = new QKeychain::DeletePasswordJob(m_service, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
        job->start();
    }
}

namespace {

QJsonObject passwordMap(const QString &value) {
    // Anything but a JSON object (nothing kept yet, or damaged) counts as no password kept.
    return QJsonDocument::fromJson(value.toUtf8()).object();
}

} // namespace

void SecretStore::readInstancePassword(const QString &profileId, const QString &instanceId,
                                       QObject *context,
                                       std::function<void(const QString &, bool)> done) {
    read(profileId, Kind::InstancePasswords, context,
         [instanceId, done](const QString &value, bool found) {
             const QJsonValue password =
                 found ? passwordMap(value).value(instanceId) : QJsonValue();
             done(password.toString(), password.isString());
         });
}

void SecretStore::writeInstancePassword(const QString &profileId, const QString &instanceId,
                                        const QString &value, QObject *context,
                                        std::function<void(bool)> done) {
    // Read, change one entry, write back: the other instances' passwords stay.
    const QPointer<QObject> guard(context);
    read(profileId, Kind::InstancePasswords, this,
         [this, profileId, instanceId, value, guard, done](const QString &stored, bool found) {
             QJsonObject map = found ? passwordMap(stored) : QJsonObject();
             if (value.isEmpty())
                 map.remove(instanceId);
             else
                 map.insert(instanceId, value);
             write(profileId, Kind::InstancePasswords,
                   QString::fromUtf8(QJsonDocument(map).toJson(QJsonDocument::Compact)), this,
                   [guard, done](bool persisted) {
                       if (guard && done)
                           done(persisted);
                   });
         });
}

} // namespace dcs
