#pragma once

#include "profiles/ProfileDialog.h"
#include "settings/ConsoleSettings.h"
#include "shell/ConsoleContext.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <memory>

namespace Ui {
class MainWindow;
}
namespace dcs {
struct ApiError;
struct Backup;
struct Profile;
struct RestoreRecord;
class Session;
} // namespace dcs
class AboutDialog;
class AuditDialog;
class AutoRefresh;
class BackupAnnouncer;
class FleetWindow;
class InstanceBrowser;
class NoticeBanner;
class ProfileSwitcher;
class QComboBox;
class QLabel;
class QProgressBar;
class RequestLogDock;
class RequestLogModel;
class RestoreAnnouncer;
class RestoreNotifier;
class RestoreProgressBar;
class SettingsDialog;

// The shell: menus, actions, toolbar, status bar, banners and the start/failure page, over the
// InstanceBrowser of the open profile's session. Its actions connect to the browser's slots;
// what a reply means is the browser's and core's business. What it shows about a profile that
// is not the open one (a restore still followed, a backup that ended) names that profile.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const ConsoleContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Profiles (with an opener in the context): opens one by id ("demo" for the Demo profile),
    // at its first region + project pair or the one with this key; false when there is no such
    // profile.
    bool switchToProfile(const QString &id, const QString &scopeKey = {});
    // Opens the profile at that pair and selects the instance once it is listed (the fleet's
    // "open in browser"); false when there is no such profile.
    bool openInstance(const QString &profileId, const QString &scopeKey, const QString &instanceId);
    // The region + project pair the open session is at ("region/projectId").
    QString currentScopeKey() const { return m_scopeKey; }
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
    FleetWindow *fleetWindow() const { return m_fleet; }

    // The window's own dialogs, window-modal and not blocking.
    AuditDialog *openAuditDialog();
    SettingsDialog *openSettingsDialog();
    AboutDialog *openAboutDialog();

    // The last restore notification (title and text), as shown in the window and the tray.
    QString lastNotification() const;
    QString auditFile() const;
    dcs::FollowedRestores *followedRestores() const { return m_context.followedRestores; }
    RequestLogModel *requestLog() const { return m_requestLog; }
    RequestLogDock *requestLogDock() const { return m_requestLogDock; }

Q_SIGNALS:
    void instancesLoaded();
    void restoreFinished(const dcs::RestoreRecord &record);
    void backupFinished(const dcs::Backup &backup);

protected:
    bool event(QEvent *event) override;

private:
    enum class StartState { None, Starting, Opening, Failed, OpenFailed };

    void setupStatusBar();
    void setupActions();
    void setupProfiles();
    void setupFollowing();
    void closeSession();
    void showStartPage(StartState state, const QString &profileName, const QString &message);
    void connectBrowser();
    void showError(const dcs::ApiError &error, std::function<QString()> action);
    void retranslate();
    QString sessionName() const;
    QString otherProfileName(const QString &profileId) const;
    void updateBanner();
    void updateStatusBar();
    void updateActions();
    void updateProfileActions();
    void updateScopeCombo();

    std::unique_ptr<Ui::MainWindow> ui;
    ConsoleContext m_context;
    dcs::ConsoleSettings m_settings;
    QPointer<dcs::Session> m_session;
    QPointer<InstanceBrowser> m_browser;
    quint64 m_openTicket = 0;   // the open() whose answer is shown
    QSet<quint64> m_ownTickets; // the window's open()s not answered yet
    QString m_scopeKey;         // the pair the shown (or opening) profile is at
    QString m_pendingSelect;    // an instance to select once the list is in

    StartState m_startState = StartState::None;
    QString m_startFailure;
    QString m_openingName; // the profile being opened or that failed to open

    ProfileSwitcher *m_profiles = nullptr;
    QComboBox *m_profileCombo;
    QLabel *m_profileComboLabel;
    QComboBox *m_scopeCombo;
    QLabel *m_scopeComboLabel;
    QAction *m_scopeComboLabelAction = nullptr;
    QAction *m_scopeComboAction = nullptr;
    QAction *m_fleetAction;
    FleetWindow *m_fleet = nullptr;
    QLabel *m_countLabel;
    QLabel *m_statusCountsLabel; // instances by status (v2 counts, or counted on v1.0)
    QLabel *m_refreshLabel;
    QLabel *m_profileLabel;
    QProgressBar *m_busy;
    RestoreProgressBar *m_restoreProgress;
    NoticeBanner *m_notice;
    RestoreNotifier *m_notifier;
    RestoreAnnouncer *m_restoreAnnouncer;
    BackupAnnouncer *m_backupAnnouncer;
    AutoRefresh *m_autoRefresh;
    // The first frame first: a session shown before the window was painted asks for its list
    // once it has been (or after FirstFrameWaitMs, should no frame come).
    bool m_painted = false;
    bool m_listAfterFirstFrame = false;
    static constexpr int FirstFrameWaitMs = 250;
    void listAfterFirstFrame();
    RequestLogModel *m_requestLog;
    RequestLogDock *m_requestLogDock;
};
