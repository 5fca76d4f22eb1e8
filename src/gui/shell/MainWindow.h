#pragma once

#include "profiles/Profile.h"
#include "profiles/ProfileDialog.h"
#include "profiles/Session.h"
#include "restore/RestoreRecordFollower.h"
#include "settings/ConsoleSettings.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}
namespace dcs {
struct ActionFacts;
struct ApiError;
struct Backup;
struct Instance;
struct PendingRestore;
struct RestoreRecord;
class FollowedRestores;
class ProfileStore;
class SecretStore;
} // namespace dcs
class AboutDialog;
class AuditDialog;
class AutoRefresh;
class BackupFollower;
class BackupTableModel;
class CreateBackupDialog;
class DeleteBackupDialog;
class QSettings;
class SettingsDialog;
class InstanceDetailsModel;
class InstanceSortFilterProxyModel;
class InstanceTableModel;
class LanguageManager;
class NoticeBanner;
class ProfileSession;
class QComboBox;
class QLabel;
class QProgressBar;
class RequestLogDock;
class RequestLogModel;
class QSortFilterProxyModel;
class RestoreAnnouncer;
class RestoreDialog;
class RestoreNotifier;
class RestoreProgressBar;
class RestoreTableModel;

// The console: the instances of the open session, the selected one's details, backups and
// restore records, and the restore flow. Everything it shows comes through the injected
// session's DcsClient, asynchronously.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Optional: without it the Language menu is disabled.
    void setLanguageManager(LanguageManager *languages);
    // How restores are followed; tests make it fast. Overrides the settings' timing.
    void setTrackerTiming(const dcs::RestoreRecordFollower::Timing &timing);
    // How often a backup being written is read (manual and safety backups); tests make it fast.
    void setBackupPollMs(int ms) { m_backupPollMs = ms; }
    // Where the pending restores and the audit trail are kept (default: the user's data folder).
    // Call before the first session; tests use a temporary folder.
    void setDataFolder(const QString &folder);
    QString auditFile() const { return m_auditFile; }
    QString pendingRestoresFile() const { return m_pendingFile; }
    // Every restore followed to its end, of every profile (its pending file and audit trail are
    // in the data folder).
    dcs::FollowedRestores *followedRestores() const { return m_followed; }

    // The console's preferences, read from and written to these settings (not owned).
    void setSettings(QSettings *settings);
    // Takes effect at once (refresh timer, tracker timing, old-backup threshold); saved when a
    // QSettings was given.
    void applySettings(const dcs::ConsoleSettings &settings);
    const dcs::ConsoleSettings &consoleSettings() const { return m_settings; }
    int autoRefreshIntervalMs() const;

    // Profiles: the combo in the toolbar, the Profiles menu, and switching through the
    // ProfileSession. Without this call the window shows only what setSession() gives it.
    void setProfiles(dcs::ProfileStore *store, dcs::SecretStore *secrets, ProfileSession *profiles);
    // A profile from the command line: listed for this run only, never saved.
    void addSessionProfile(const dcs::Profile &profile);
    // Opens a profile by id ("demo" for the Demo profile); false when there is no such profile.
    bool switchToProfile(const QString &id);
    // The profile the combo shows.
    QString currentProfileId() const;
    // Opens the profile dialog (window-modal, not blocking) for the open profile or a new one.
    ProfileDialog *openProfileDialog(ProfileDialog::Mode mode);
    // Deletes a saved profile and its secrets; with confirm, asks first.
    bool deleteProfile(const QString &id, bool confirm);

    RequestLogModel *requestLog() const { return m_requestLog; }
    RequestLogDock *requestLogDock() const { return m_requestLogDock; }

    // The simulator is being started.
    void showStarting();
    // It could not be started; the message says why, plainly.
    void showStartFailure(const QString &message);
    // A real profile is being opened, or could not be opened.
    void showOpening(const dcs::Profile &profile);
    void showOpenFailure(const dcs::Profile &profile, const QString &message);
    // Shows this session and loads its instances. The client must outlive the window or be
    // replaced by another setSession first.
    void setSession(const Session &session);
    const Session &session() const { return m_session; }

    void refresh();
    // By id or exact name; false when not in the (unfiltered) list.
    bool selectInstance(const QString &idOrName);
    QString currentInstanceId() const { return m_currentId; }
    bool isLoadingInstances() const { return m_loadingInstances; }
    // Opens the restore dialog for the selected instance (non-modal to the event loop).
    RestoreDialog *openRestoreDialog(const QString &backupId = {});
    // The other dialogs, all window-modal and non-blocking; null when not available now.
    AuditDialog *openAuditDialog();
    SettingsDialog *openSettingsDialog();
    CreateBackupDialog *openCreateBackupDialog();
    DeleteBackupDialog *openDeleteBackupDialog(const QString &backupId = {});
    AboutDialog *openAboutDialog();
    // Selects a backup of the selected instance in the Backups tab.
    bool selectBackup(const QString &backupId);
    // The last restore notification (title and text), as shown in the window and the tray.
    QString lastNotification() const;

    InstanceTableModel *instanceModel() const { return m_instances; }
    BackupTableModel *backupModel() const { return m_backups; }
    RestoreTableModel *restoreModel() const { return m_restores; }
    InstanceDetailsModel *detailsModel() const { return m_details; }

Q_SIGNALS:
    void instancesLoaded();
    void restoreFinished(const dcs::RestoreRecord &record);
    void backupFinished(const dcs::Backup &backup);

protected:
    bool event(QEvent *event) override;

private:
    void setupModels();
    void setupActions();
    void retranslate();
    QString sessionName() const;
    void updateBanner();
    void updateStatusBar();
    void updateActions();
    void updatePaneStates();
    void fillStatusFilter();
    void onCurrentInstanceChanged();
    void loadSelected(bool keepTables);
    void loadDetails();
    void loadBackups();
    void loadRestores();
    void showApiError(const dcs::ApiError &error, std::function<QString()> action);
    void showBackupContextMenu(const QPoint &pos);
    void showInstanceContextMenu(const QPoint &pos);
    void copyInstanceId();
    void follow(const QString &instanceId, const QString &instanceName,
                const dcs::RestoreRecord &record);
    void createFollowedRestores();
    void connectBackupFollower();
    void onRestoreFollowed(const dcs::PendingRestore &restore);
    void onRestoreRecordChanged(const dcs::PendingRestore &restore,
                                const dcs::RestoreRecord &record);
    dcs::ActionFacts actionFacts() const;
    dcs::Instance currentInstance() const;
    void refreshInstance(const QString &instanceId);
    void fillProfileCombo();
    std::optional<dcs::Profile> findProfile(const QString &id) const;
    void clearSession();
    void updateProfileActions();
    int selectedBackupRow() const;

    std::unique_ptr<Ui::MainWindow> ui;
    QPointer<LanguageManager> m_languages;
    Session m_session;
    dcs::ConsoleSettings m_settings;
    QSettings *m_settingsStore = nullptr;
    std::optional<dcs::RestoreRecordFollower::Timing> m_timingOverride;
    int m_backupPollMs = 2000;
    QString m_auditFile;
    QString m_pendingFile;
    dcs::FollowedRestores *m_followed = nullptr;
    RestoreAnnouncer *m_announcer;
    AutoRefresh *m_autoRefresh;
    NoticeBanner *m_notice;
    RestoreNotifier *m_notifier;
    BackupFollower *m_backupFollower;

    InstanceTableModel *m_instances;
    InstanceSortFilterProxyModel *m_instanceProxy;
    InstanceDetailsModel *m_details;
    BackupTableModel *m_backups;
    QSortFilterProxyModel *m_backupProxy;
    RestoreTableModel *m_restores;
    QSortFilterProxyModel *m_restoreProxy;

    QLabel *m_countLabel;
    QLabel *m_refreshLabel;
    QLabel *m_profileLabel;
    QProgressBar *m_busy;
    RestoreProgressBar *m_restoreProgress;

    enum class StartState { None, Starting, Opening, Failed, OpenFailed };
    StartState m_startState = StartState::None;
    QString m_startFailure;
    QString m_openingName; // the profile being opened or that failed to open

    dcs::ProfileStore *m_store = nullptr;
    dcs::SecretStore *m_secrets = nullptr;
    ProfileSession *m_profiles = nullptr;
    QList<dcs::Profile> m_sessionProfiles;
    QComboBox *m_profileCombo;
    QLabel *m_profileComboLabel;
    RequestLogModel *m_requestLog;
    RequestLogDock *m_requestLogDock;

    QString m_currentId; // the selected instance
    bool m_loadingInstances = false;
    bool m_loadingDetails = false;
    bool m_loadingBackups = false;
    bool m_loadingRestores = false;
    bool m_backupsLoaded = false;
    bool m_restoresLoaded = false;
    bool m_firstLoad = true;
};
