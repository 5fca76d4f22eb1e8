#pragma once

#include "RestoreTracker.h"
#include "Session.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <memory>

namespace Ui {
class MainWindow;
}
namespace dcs {
struct ApiError;
struct Instance;
struct RestoreRecord;
} // namespace dcs
class BackupTableModel;
class InstanceDetailsModel;
class InstanceSortFilterProxyModel;
class InstanceTableModel;
class LanguageManager;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class RestoreDialog;
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
    // How restores are followed; tests make it fast.
    void setTrackerTiming(const dcs::RestoreTracker::Timing &timing) { m_trackerTiming = timing; }

    // The simulator (or, later, a profile) is being opened.
    void showStarting();
    // It could not be opened; the message says why, plainly.
    void showStartFailure(const QString &message);
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

    InstanceTableModel *instanceModel() const { return m_instances; }
    BackupTableModel *backupModel() const { return m_backups; }
    RestoreTableModel *restoreModel() const { return m_restores; }
    InstanceDetailsModel *detailsModel() const { return m_details; }

Q_SIGNALS:
    void instancesLoaded();
    void restoreFinished(const dcs::RestoreRecord &record);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupModels();
    void setupActions();
    void retranslate();
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
    void onRestoreStarted(const QString &instanceId, const dcs::RestoreRecord &record);
    void track(const QString &instanceId, const QString &restoreId);
    void refreshInstance(const QString &instanceId);
    void showAbout();
    QString restoreBlockReason() const;
    int selectedBackupRow() const;

    std::unique_ptr<Ui::MainWindow> ui;
    QPointer<LanguageManager> m_languages;
    Session m_session;
    dcs::RestoreTracker::Timing m_trackerTiming;

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

    enum class StartState { None, Starting, Failed };
    StartState m_startState = StartState::None;
    QString m_startFailure;

    QString m_currentId; // the selected instance
    bool m_loadingInstances = false;
    bool m_loadingDetails = false;
    bool m_loadingBackups = false;
    bool m_loadingRestores = false;
    bool m_backupsLoaded = false;
    bool m_restoresLoaded = false;
    bool m_firstLoad = true;
    QDateTime m_lastRefresh;

    QHash<QString, dcs::RestoreTracker *> m_trackers; // by restore id
};
