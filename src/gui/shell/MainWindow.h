#pragma once

#include "profiles/ProfileDialog.h"
#include "settings/ConsoleSettings.h"
#include "shell/ConsoleContext.h"
#include "shell/StartPage.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

namespace Ui {
class MainWindow;
}
namespace dcs {
struct ApiError;
struct Backup;
class LatestSessionOpener;
struct Profile;
struct RestoreRecord;
class Session;
} // namespace dcs
class AboutDialog;
class AuditDialog;
class AutoRefresh;
class BackupAnnouncer;
class FleetLauncher;
class FleetWindow;
class InstanceBrowser;
class NoticeBanner;
class ProfileSwitcher;
class QAction;
class QComboBox;
class QLabel;
class RequestLogDock;
class RequestLogModel;
class RestoreAnnouncer;
class RestoreNotifier;
class ScopeSwitcher;
class SettingsDialog;

// The shell: menus, actions and toolbar over the InstanceBrowser of the open profile's session,
// which it opens, shows and closes. Its actions connect to the browser's slots;
// what a reply means is the browser's and core's business. Its parts are classes of their own:
// the profile and region switchers (ProfileSwitcher, ScopeSwitcher), the banners
// (SessionBanners), the start page (StartPage), the status bar (ConsoleStatusBar), the fleet
// window (FleetLauncher), the Language menu (LanguageMenu); core's LatestSessionOpener says
// which opened session is shown. What it shows about a profile that is not the open one (a
// restore still followed, a backup that ended) names that profile.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const ConsoleContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Profiles (with an opener in the context): opens one by id ("demo" for the Demo profile),
    // at its first region + project pair or the one with this key; false when there is no such
    // profile.
    bool switchToProfile(const QString &id, const QString &scopeKey = {});
    // Runs the work once the window has painted its first frame (or after a short wait should
    // none come), after what was asked before it; at once when the window has painted or is not
    // shown. The profile's start waits for it (the window says "Starting…" meanwhile).
    void afterFirstFrame(std::function<void()> work);
    // The window is about to be shown: work asked from now waits for its first frame as if it
    // were shown already. The program calls it, then sets the window up (the start page), then
    // shows it, so that the window is laid out once, when shown, with what it starts with.
    void expectFirstFrame();
    // Opens the profile at that pair and selects the instance once it is listed (the fleet's
    // "open in browser"); false when there is no such profile.
    bool openInstance(const QString &profileId, const QString &scopeKey, const QString &instanceId);
    // The region + project pair the open session is at ("region/projectId").
    QString currentScopeKey() const;
    // A profile from the command line: listed for this run only, never saved.
    void addSessionProfile(const dcs::Profile &profile);
    // The profile the combo shows.
    QString currentProfileId() const;
    ProfileDialog *openProfileDialog(ProfileDialog::Mode mode);
    bool deleteProfile(const QString &id, bool confirm);

    // Shows this session in a new browser and closes the one shown before. The window closes
    // it in turn when another is shown or the window goes.
    void showSession(dcs::Session *session);
    dcs::Session *session() const;
    // The open session's browser; null while none is shown.
    InstanceBrowser *browser() const { return m_browser; }

    // The start page: the simulator starting or failing, a profile opening or failing.
    void showStarting();
    void showStartFailure(const QString &message);
    void showOpening(const dcs::Profile &profile);
    void showOpenFailure(const dcs::Profile &profile, const QString &message);

    // Takes effect at once (refresh timer, restore following, old-backup threshold); saved
    // when the context has settings.
    void applySettings(const dcs::ConsoleSettings &settings);
    const dcs::ConsoleSettings &consoleSettings() const { return m_settings; }
    int autoRefreshIntervalMs() const;

    // The fleet: every profile, region and project at once (null without an opener). Made on
    // first use and kept, so it goes on reading (and telling) while it is closed.
    FleetWindow *openFleetWindow();
    FleetWindow *fleetWindow() const;

    // The window's own dialogs, window-modal and not blocking.
    AuditDialog *openAuditDialog();
    SettingsDialog *openSettingsDialog();
    AboutDialog *openAboutDialog();

    // The last restore notification (title and text), as shown in the window and the tray.
    QString lastNotification() const;
    QString auditFile() const;
    dcs::FollowedRestores *followedRestores() const { return m_context.followedRestores; }
    RequestLogModel *requestLog() const { return m_requestLog; }
    // Built on first use (the View menu's entry builds it too).
    RequestLogDock *requestLogDock();

Q_SIGNALS:
    void instancesLoaded();
    void restoreFinished(const dcs::RestoreRecord &record);
    void backupFinished(const dcs::Backup &backup);

protected:
    bool event(QEvent *event) override;

private:
    void setupActions();
    void setupProfiles();
    void setupFollowing();
    void closeSession();
    void showStartPage(StartPage::State state, const QString &profileName, const QString &message);
    void connectBrowser();
    void showError(const dcs::ApiError &error, std::function<QString()> action);
    void retranslate();
    QString sessionName() const;
    QString otherProfileName(const QString &profileId) const;
    void updateStatusBar();
    void updateActions();

    std::unique_ptr<Ui::MainWindow> ui;
    ConsoleContext m_context;
    dcs::ConsoleSettings m_settings;
    QPointer<dcs::Session> m_session;
    QPointer<InstanceBrowser> m_browser;
    dcs::LatestSessionOpener *m_opening = nullptr; // null without profiles
    QString m_pendingSelect;                       // an instance to select once the list is in

    ProfileSwitcher *m_profiles = nullptr;
    QComboBox *m_profileCombo;
    QLabel *m_profileComboLabel;
    ScopeSwitcher *m_scopes = nullptr;
    FleetLauncher *m_fleet = nullptr; // null without profiles
    NoticeBanner *m_notice;
    RestoreNotifier *m_notifier;
    RestoreAnnouncer *m_restoreAnnouncer;
    BackupAnnouncer *m_backupAnnouncer;
    AutoRefresh *m_autoRefresh;
    // The first frame first: a profile chosen before the window was painted starts (the Demo
    // simulator, the keychain, the first request) once it has been, or after FirstFrameWaitMs
    // should no frame come; a window not shown starts it at once.
    bool m_painted = false;
    bool m_frameExpected = false;
    QList<std::function<void()>> m_afterFirstFrame;
    static constexpr int FirstFrameWaitMs = 250;
    void firstFrameDone();
    RequestLogModel *m_requestLog;
    RequestLogDock *m_requestLogDock = nullptr;
    QAction *m_requestLogAction;
};
