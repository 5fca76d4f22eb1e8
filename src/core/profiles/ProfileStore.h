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
    void save(const Profile &profile);
    void remove(const QString &id);

    QString lastUsedId() const;
    void setLastUsedId(const QString &id);

Q_SIGNALS:
    void changed();

private:
    QSettings *m_settings;
    bool m_ownsSettings;
};

} // namespace dcs
