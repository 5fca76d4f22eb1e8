#pragma once

#include "restore/RestoreRecordFollower.h"

#include <optional>

class LanguageManager;
class QSettings;
class ThemeManager;
namespace dcs {
class FollowedRestores;
class ProfileStore;
class SecretStore;
class SessionOpener;
} // namespace dcs

// How quickly things are read again; tests make them fast.
struct ConsoleTimings {
    // How restores are followed; unset: as the console's settings say.
    std::optional<dcs::RestoreRecordFollower::Timing> restoreFollowing;
    // How often a backup being written is read (manual backups and safety backups).
    int backupPollMs = 2000;
};

// What the window is given instead of finding or making it itself: one per run of the program,
// built in one place — src/app/main.cpp for the program, tests/gui/GuiTestSupport.h for the
// tests. The window owns none of it; everything must outlive the window.
struct ConsoleContext {
    // The console's preferences are read from and saved to it; null: the defaults, not saved.
    QSettings *settings = nullptr;
    // Every restore followed, of every profile, with the pending file and the audit trail in
    // the data folder. Required.
    dcs::FollowedRestores *followedRestores = nullptr;
    // The profiles, their secrets and how they are opened; without them the window shows only
    // the sessions given to MainWindow::showSession().
    dcs::ProfileStore *profiles = nullptr;
    dcs::SecretStore *secrets = nullptr;
    dcs::SessionOpener *opener = nullptr;
    // Without it the Language menu is off.
    LanguageManager *languages = nullptr;
    // Applies the theme of the settings (Settings → Appearance); without it the theme stays.
    ThemeManager *themes = nullptr;
    ConsoleTimings timings;
};
