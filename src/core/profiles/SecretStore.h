#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace dcs {

// Secrets (SK, security token, IAM password, proxy password) in the operating system's keychain
// through QtKeychain, never in QSettings or a log. Where no keychain service answers, secrets are
// kept in memory for this run only, and isMemoryOnly() says so for the UI to tell the user.
class SecretStore : public QObject {
    Q_OBJECT
public:
    // InstancePasswords: the passwords of the profile's cache instances that the admin gave for
    // "Verify the restore", in one entry (a JSON object: instance id → password).
    enum class Kind { SecretKey, SecurityToken, IamPassword, ProxyPassword, InstancePasswords };
    // Whether secrets outlive this run: not known until the keychain service has answered once.
    enum class Availability { Unknown, Keychain, MemoryOnly };
    Q_ENUM(Availability)

    // service: the keychain service name; memoryOnly: skip the keychain entirely (tests).
    explicit SecretStore(QString service = QStringLiteral("dcs-console"), bool memoryOnly = false,
                         QObject *parent = nullptr);

    // found is false when there is no such secret.
    void read(const QString &profileId, Kind kind, QObject *context,
              std::function<void(const QString &value, bool found)> done);
    // persisted is false when the value is only kept in memory for this run.
    void write(const QString &profileId, Kind kind, const QString &value, QObject *context,
               std::function<void(bool persisted)> done = {});
    void removeAll(const QString &profileId);

    // One instance's password out of InstancePasswords; found is false when none is kept.
    void readInstancePassword(const QString &profileId, const QString &instanceId, QObject *context,
                              std::function<void(const QString &value, bool found)> done);
    // Adds or replaces it (an empty value removes it), keeping the others.
    void writeInstancePassword(const QString &profileId, const QString &instanceId,
                               const QString &value, QObject *context,
                               std::function<void(bool persisted)> done = {});

    bool isMemoryOnly() const { return m_memoryOnly; }
    Availability availability() const;
    // Asks the keychain service once whether it answers (a read of a key that is never
    // written), so that the profile dialog can say before anything is saved whether secrets
    // will be kept; availabilityChanged() tells the answer. Does nothing once it is known or
    // while it is being asked.
    void probe();

    static QString keyFor(const QString &profileId, Kind kind);

Q_SIGNALS:
    void memoryOnlyChanged(bool memoryOnly);
    void availabilityChanged(dcs::SecretStore::Availability availability);

private:
    void fallBackToMemory(const QString &error);
    void keychainAnswered();

    QString m_service;
    bool m_memoryOnly;
    bool m_keychainAnswered = false;
    bool m_probing = false;
    QHash<QString, QString> m_memory; // this run's copy, also when the keychain works
};

} // namespace dcs
