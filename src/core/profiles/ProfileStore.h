#pragma once

#include "profiles/Profile.h"

#include <QList>
#include <QObject>

class QSettings;

namespace dcs {

// Saved profiles in QSettings (group "profiles/<id>"), plus which one was used last. Never
// writes a secret, and never writes a session-only or demo profile.
class ProfileStore : public QObject {
    Q_OBJECT
public:
    // settings: null for the application's default QSettings.
    explicit ProfileStore(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~ProfileStore() override;

    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QString &id) const;
    std::optional<Profile> profileByName(const QString &name) const;
    // False, with the reason in *error (translated), when the settings file could not be
    // written: the store is then as it was before the call, so nothing looks saved that is not.
    bool save(const Profile &profile, QString *error = nullptr);
    bool remove(const QString &id, QString *error = nullptr);
    // Why the last save() or remove() failed, in the current language ("" after a success):
    // what a dialog shows again after a language switch.
    QString lastError() const;

    QString lastUsedId() const;
    void setLastUsedId(const QString &id);

    // For --settings: "" when `path` can hold the profiles (a missing file is created, 0600, in
    // folders created 0700); else why not, translated: a folder, a file that cannot be read or
    // written, or one that is not a settings file.
    static QString checkSettingsFile(const QString &path);
    // Prepares the user's default settings file the same way; "" or why it cannot be.
    static QString prepareDefaultSettingsFile();

Q_SIGNALS:
    void changed();

private:
    void write(const Profile &profile);
    bool commit(QString *error);

    QSettings *m_settings;
    int m_lastStatus = 0; // QSettings::Status of the last save() or remove()
    bool m_ownsSettings;
};

} // namespace dcs
