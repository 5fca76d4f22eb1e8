#include "profiles/ProfileSwitcher.h"

#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "profiles/SessionBuilder.h"

#include <QAction>
#include <QComboBox>
#include <QMessageBox>

ProfileSwitcher::ProfileSwitcher(dcs::ProfileStore *store, dcs::SecretStore *secrets,
                                 QComboBox *combo, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_secrets(secrets)
    , m_combo(combo)
    , m_window(window) {
    connect(store, &dcs::ProfileStore::changed, this, &ProfileSwitcher::fill);
    connect(combo, &QComboBox::activated, this,
            [this](int index) { Q_EMIT chosen(m_combo->itemData(index).toString()); });
    fill();
}

void ProfileSwitcher::addSessionProfile(const dcs::Profile &profile) {
    m_sessionProfiles.removeIf([&](const dcs::Profile &p) { return p.id == profile.id; });
    m_sessionProfiles.append(profile);
    fill();
}

std::optional<dcs::Profile> ProfileSwitcher::find(const QString &id) const {
    if (id == dcs::SessionBuilder::demoProfileId())
        return dcs::SessionBuilder::demoProfile();
    for (const dcs::Profile &profile : m_sessionProfiles) {
        if (profile.id == id)
            return profile;
    }
    return m_store->profile(id);
}

QList<dcs::Profile> ProfileSwitcher::all() const {
    QList<dcs::Profile> profiles{dcs::SessionBuilder::demoProfile()};
    profiles += m_sessionProfiles;
    profiles += m_store->profiles();
    return profiles;
}

QString ProfileSwitcher::currentId() const {
    return m_combo->currentData().toString();
}

bool ProfileSwitcher::setCurrentId(const QString &id) {
    const int index = m_combo->findData(id);
    if (index < 0)
        return false;
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(index);
    Q_EMIT changed();
    return true;
}

QString ProfileSwitcher::displayName(const QString &profileId) const {
    // The Demo profile is named "Demo" in logs and the audit trail; on screen, in the language.
    if (profileId == dcs::SessionBuilder::demoProfileId())
        return dcs::SessionBuilder::demoDisplayName();
    const std::optional<dcs::Profile> profile = find(profileId);
    return profile ? profile->name : profileId;
}

bool ProfileSwitcher::canEdit() const {
    const std::optional<dcs::Profile> profile = find(currentId());
    return profile && !profile->demo && !profile->sessionOnly;
}

bool ProfileSwitcher::canDuplicate() const {
    const std::optional<dcs::Profile> profile = find(currentId());
    return profile && !profile->demo;
}

bool ProfileSwitcher::canDelete() const {
    return canEdit();
}

void ProfileSwitcher::setMenuActions(QAction *newProfile, QAction *edit, QAction *duplicate,
                                     QAction *remove, RequestLogModel *log) {
    const auto opens = [this, log](QAction *action, ProfileDialog::Mode mode) {
        connect(action, &QAction::triggered, this, [this, log, mode] { openDialog(mode, log); });
    };
    opens(newProfile, ProfileDialog::Mode::New);
    opens(edit, ProfileDialog::Mode::Edit);
    opens(duplicate, ProfileDialog::Mode::Duplicate);
    const auto enable = [this, newProfile, edit, duplicate, remove] {
        newProfile->setEnabled(true);
        edit->setEnabled(canEdit());
        duplicate->setEnabled(canDuplicate());
        remove->setEnabled(canDelete());
    };
    connect(this, &ProfileSwitcher::changed, remove, enable);
    enable();
}

void ProfileSwitcher::fill() {
    const QString current = currentId();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(dcs::SessionBuilder::demoDisplayName(), dcs::SessionBuilder::demoProfileId());
    m_combo->setItemData(0, tr("The DCS simulator on this computer, with made-up data"),
                         Qt::ToolTipRole);
    const auto describe = [](const dcs::Profile &p) {
        QStringList parts{p.region, p.projectId};
        if (p.production)
            parts << tr("production");
        if (p.readOnly)
            parts << tr("read-only");
        return parts.join(QStringLiteral(" · "));
    };
    for (const dcs::Profile &profile : m_store->profiles()) {
        m_combo->addItem(profile.name, profile.id);
        m_combo->setItemData(m_combo->count() - 1, describe(profile), Qt::ToolTipRole);
    }
    for (const dcs::Profile &profile : std::as_const(m_sessionProfiles)) {
        m_combo->addItem(tr("%1 (this session only)").arg(profile.name), profile.id);
        m_combo->setItemData(m_combo->count() - 1, describe(profile), Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(current)));
    Q_EMIT changed();
}

ProfileDialog *ProfileSwitcher::openDialog(ProfileDialog::Mode mode, RequestLogModel *log) {
    if (auto *existing = m_window->findChild<ProfileDialog *>(QStringLiteral("profileDialog"));
        existing && existing->isVisible()) {
        existing->raise();
        return existing;
    }
    const std::optional<dcs::Profile> current = find(currentId());
    if (mode != ProfileDialog::Mode::New && (!current || current->demo))
        return nullptr;
    if (mode == ProfileDialog::Mode::Edit && current->sessionOnly)
        return nullptr;
    auto *dialog = new ProfileDialog(m_store, m_secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRequestLog(log);
    if (mode != ProfileDialog::Mode::New) {
        dcs::Profile source = *current;
        source.sessionOnly = false;
        dialog->setProfile(source, mode);
    }
    connect(dialog, &ProfileDialog::saved, this, [this, mode](const dcs::Profile &profile) {
        fill();
        Q_EMIT saved(profile, mode);
    });
    dialog->open();
    return dialog;
}

bool ProfileSwitcher::remove(const QString &id, bool confirm) {
    const std::optional<dcs::Profile> profile = find(id);
    if (!profile || profile->demo || profile->sessionOnly)
        return false;
    if (confirm &&
        QMessageBox::question(m_window, tr("Delete Profile"),
                              tr("Delete the profile \"%1\" and the secrets stored for it? The "
                                 "cache instances themselves are not touched.")
                                  .arg(profile->name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    // The profile first: a settings file that refuses the change keeps the profile, and then
    // its secrets too.
    QString error;
    if (!m_store->remove(profile->id, &error)) {
        m_lastError = error;
        if (confirm)
            QMessageBox::warning(m_window, tr("Delete Profile"), error);
        return false;
    }
    m_lastError.clear();
    m_secrets->removeAll(profile->id);
    return true;
}
