#pragma once

#include "profiles/Profile.h"
#include "profiles/ProfileDialog.h"

#include <QList>
#include <QObject>
#include <optional>

class QAction;
class QComboBox;
class RequestLogModel;
namespace dcs {
class ProfileStore;
class SecretStore;
} // namespace dcs

// The profiles the window offers — the Demo profile, the saved ones and this run's
// session-only ones — in the toolbar's combo, and what the Profiles menu does with them: the
// profile dialog, and deleting a profile with its secrets. Opening one is the window's.
class ProfileSwitcher : public QObject {
    Q_OBJECT
public:
    // combo is the window's; store and secrets are not owned.
    ProfileSwitcher(dcs::ProfileStore *store, dcs::SecretStore *secrets, QComboBox *combo,
                    QWidget *window);

    // A profile from the command line: listed for this run only, never saved.
    void addSessionProfile(const dcs::Profile &profile);
    // Every profile offered: the Demo profile, this run's session-only ones, the saved ones.
    QList<dcs::Profile> all() const;
    // The Demo profile, a session-only or a saved one; nullopt when there is none with this id.
    std::optional<dcs::Profile> find(const QString &id) const;
    // The profile the combo shows.
    QString currentId() const;
    // Shows this profile in the combo (no chosen()); false when it is not listed.
    bool setCurrentId(const QString &id);
    // How the window names a profile: the Demo profile in the language, else its name.
    QString displayName(const QString &profileId) const;

    // What the Profiles menu may do with the profile in the combo.
    bool canEdit() const;
    bool canDuplicate() const;
    bool canDelete() const;
    // The Profiles menu's actions (the window's): each enabled while it applies to the combo's
    // profile; New, Edit and Duplicate open the profile dialog (its connection tests logged in
    // log). What Delete does is the window's, which opens another profile after it.
    void setMenuActions(QAction *newProfile, QAction *edit, QAction *duplicate, QAction *remove,
                        RequestLogModel *log);

    // The profile dialog (window-modal, not blocking) for the combo's profile or a new one;
    // null when the mode does not apply to it. Test connections are logged in log.
    ProfileDialog *openDialog(ProfileDialog::Mode mode, RequestLogModel *log);
    // Deletes a saved profile and its secrets; with confirm, asks first.
    bool remove(const QString &id, bool confirm);
    // Why the last remove() failed to reach the settings file ("" otherwise); translated.
    const QString &lastError() const { return m_lastError; }

    // Lists the profiles again (after a change or in a new language).
    void fill();

Q_SIGNALS:
    // The user picked a profile in the combo.
    void chosen(const QString &id);
    void saved(const dcs::Profile &profile, ProfileDialog::Mode mode);
    // The list or the combo's profile changed: the Profiles menu follows.
    void changed();

private:
    dcs::ProfileStore *m_store;
    dcs::SecretStore *m_secrets;
    QComboBox *m_combo;
    QWidget *m_window;
    QString m_lastError;
    QList<dcs::Profile> m_sessionProfiles;
};
