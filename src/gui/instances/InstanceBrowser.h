#pragma once

#include "api/ApiError.h"
#include "api/DcsClient.h"
#include "export/CsvWriter.h"
#include "restore/ActionRules.h"

#include <QPointer>
#include <QSet>
#include <QWidget>
#include <functional>
#include <memory>

namespace Ui {
class InstanceBrowser;
}
namespace dcs {
class SecretStore;
class Session;
struct PendingRestore;
struct StatusCounts;
struct RestoreRecord;
} // namespace dcs
class BackupDownloadDialog;
class BackupPolicyDialog;
class BackupTableModel;
class TaskTableModel;
class CreateBackupDialog;
class DeleteBackupDialog;
class GuiSteps;
class InstanceDetailsModel;
class InstanceSortFilterProxyModel;
class InstanceTableModel;
class KeyedSortFilterProxyModel;
class QAction;
class QTimer;
class QSortFilterProxyModel;
class QTableView;
class RestoreDialog;
class RestoreTableModel;

// What one open profile looks like: its instances with the filter, and the selected one's
// details, backups and restore records, with their models, the selection, the loading and the
// context menus. It reads through its session's client with contexts of its own — the browser
// for the list, a child per selected instance for the rest — so a reply for a profile or an
// instance no longer on screen is dropped by destruction, never compared.
//
// The window owns the actions and connects them to the slots here; the browser says when what
// they may do has changed (stateChanged) and the rules say what that is (actionFacts()).
class InstanceBrowser : public QWidget {
    Q_OBJECT
public:
    // The window's actions, for the context menus and the Backups tab's buttons.
    struct Actions {
        QAction *refresh = nullptr;
        QAction *restore = nullptr;
        QAction *copyInstanceId = nullptr;
        QAction *createBackup = nullptr;
        QAction *deleteBackup = nullptr;
    };
    struct Options {
        QString profileDisplayName; // as the window names the profile ("Demo (local simulator)")
        qint64 oldBackupWarningSeconds = 24 * 3600;
        // Where instance passwords for "Verify the restore" are kept; null: nowhere.
        dcs::SecretStore *secrets = nullptr;
    };

    InstanceBrowser(dcs::Session *session, const Actions &actions, const Options &options,
                    QWidget *parent = nullptr);
    ~InstanceBrowser() override;

    dcs::Session *session() const { return m_session; }
    void setOptions(const Options &options);

    // What the action rules decide on.
    dcs::ActionFacts actionFacts() const;
    bool isLoading() const;
    bool isLoadingInstances() const { return m_loadingInstances; }
    bool isCheckingChanges() const { return m_checkingChanges; }
    int instanceCount() const;
    int shownInstanceCount() const;

    // By id or exact name; false when not in the (unfiltered) list.
    bool selectInstance(const QString &idOrName);
    QString currentInstanceId() const { return m_currentId; }
    // Selects a backup of the selected instance in the Backups tab.
    bool selectBackup(const QString &backupId);

    InstanceTableModel *instanceModel() const { return m_instances; }
    BackupTableModel *backupModel() const { return m_backups; }
    RestoreTableModel *restoreModel() const { return m_restores; }
    InstanceDetailsModel *detailsModel() const { return m_details; }

    // The period of the Backups tab, sent to the service as the list's time range (the restore
    // dialog always offers every backup). days: 0 for all, else the last so many days.
    dcs::TimeRange backupRange() const;
    void setBackupRange(int days);
    void setBackupRange(const QDateTime &from, const QDateTime &to);

    // The instance list and the backups list as their tables show them (CsvWriter).
    bool writeInstancesCsv(const QString &fileName, QString *error = nullptr) const;
    bool writeBackupsCsv(const QString &fileName, QString *error = nullptr) const;
    static dcs::CsvWriter tableCsv(const QTableView *view);

public Q_SLOTS:
    // Reads the instances again (and the selected one's details, backups and records).
    void refresh();
    // The automatic refresh: what changed, without reading the whole list when nothing
    // suggests it changed (v2's counts by status, then the instances in passing states and
    // those that left one); the whole list on v1.0, when the counts disagree, and at every
    // WholeListEvery-th call. The selected instance's details and records are read again, and
    // only its backups newer than the newest it has.
    void refreshChanges();
    void copyInstanceId();
    // The dialogs, window-modal and not blocking; null when the rules say no now. The restore
    // dialog preselects backupId, else the backup selected in the Backups tab.
    RestoreDialog *openRestoreDialog(const QString &backupId = {});
    CreateBackupDialog *openCreateBackupDialog();
    DeleteBackupDialog *openDeleteBackupDialog(const QString &backupId = {});
    // v2 only: Download… of a succeeded backup, and the selected instance's backup policy.
    BackupDownloadDialog *openDownloadDialog(const QString &backupId = {});
    BackupPolicyDialog *openBackupPolicyDialog();
    // The same for the window's actions.
    void restoreSelected() { openRestoreDialog(); }
    void createBackup() { openCreateBackupDialog(); }
    void deleteSelectedBackup() { openDeleteBackupDialog(); }
    void downloadSelectedBackup() { openDownloadDialog(); }
    void changeBackupPolicy() { openBackupPolicyDialog(); }
    // Export…: asks for a file, then writes the CSV.
    void exportInstances();
    void exportBackups();

Q_SIGNALS:
    // The selection, the loading or the data changed: actions and the status bar follow.
    void stateChanged();
    void instancesLoaded();
    // The instances were read again: the whole list, or what changed (refreshChanges()).
    void refreshed();
    // For the status bar.
    void statusMessage(const QString &text);
    // The project's instances by status, in words, once the list has loaded.
    void statusCountsChanged(const QString &text);
    // For the window's error panel: what failed (asked again after a language change).
    void failed(const dcs::ApiError &error, std::function<QString()> action);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupModels();
    void connectFollowing();
    void fillStatusFilter();
    void setupBackupRange();
    void fillBackupRanges();
    // Names and descriptions for screen readers where no label or tooltip gives them.
    void describeForScreenReaders();
    bool hasBackupRange() const;
    void exportTable(const QString &caption, const QString &suggested,
                     const std::function<bool(const QString &, QString *)> &write);
    void onSelectionChanged();
    void loadSelected(bool keepTables);
    void loadDetails();
    void loadBackups();
    void loadRestores();
    void loadTasks();
    void loadStatusCounts();
    void refreshInstance(const QString &instanceId);
    // refreshChanges() after the counts: the passing states read, then the counts compared.
    void readChangedInstances(const dcs::StatusCounts &server);
    void finishChangeCheck(const dcs::StatusCounts &server);
    void loadNewerBackups();
    void showError(const dcs::ApiError &error, std::function<QString()> action);
    void updatePaneStates();
    void changed();
    void showInstanceContextMenu(const QPoint &pos);
    void showBackupContextMenu(const QPoint &pos);
    void onBackupDoubleClicked(const QModelIndex &index);
    void onRestoreFollowed(const dcs::PendingRestore &restore);
    void onRestoreProgress(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    void onRestoreFinished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    dcs::Instance currentInstance() const;
    // Nothing about the instance itself stands in the way of a restore (type, status, a job).
    bool canRestore(const dcs::Instance &instance) const;
    bool anyRestorable() const; // in the whole list as it is now
    // The first selection is one that can be restored. An instance's record does not tell of
    // its running backups and restores, so a candidate whose own lists refuse a restore hands
    // the selection on to the next one, until one can be restored or the user chooses.
    int nextRestorableRow(int after) const;
    int proxyRowOf(const QString &instanceId) const; // -1: not listed, or hidden by the filter
    void selectAutomatically(int proxyRow);
    void continueFirstChoice();
    void fitInstanceColumns();
    void endInstanceListing(const dcs::ApiResult<QList<dcs::Instance>> &result);
    void endBackupListing(const dcs::ApiResult<QList<dcs::Backup>> &result);
    void loadRestoresUnlessFollowed();
    void showRestores(const QString &instanceId, const QList<dcs::RestoreRecord> &records);
    int selectedBackupRow() const;
    bool isMine(const dcs::PendingRestore &restore) const;

    std::unique_ptr<Ui::InstanceBrowser> ui;
    dcs::Session *m_session;
    Actions m_actions;
    Options m_options;

    InstanceTableModel *m_instances;
    InstanceSortFilterProxyModel *m_instanceProxy;
    InstanceDetailsModel *m_details;
    BackupTableModel *m_backups;
    KeyedSortFilterProxyModel *m_backupProxy;
    RestoreTableModel *m_restores;
    QSortFilterProxyModel *m_restoreProxy;
    TaskTableModel *m_tasks;

    QString m_currentId; // the selected instance
    // The context of every read about the selected instance: replaced when the selection
    // changes, which drops the replies for the one before.
    QPointer<QObject> m_selection;
    bool m_loadingInstances = false;
    bool m_checkingChanges = false;
    bool m_listedWhole = false; // a listing brought the whole list
    int m_changeChecks = 0;     // since the last reading of the whole list
    static constexpr int WholeListEvery = 10;
    bool m_loadingDetails = false;
    bool m_loadingBackups = false;
    quint64 m_backupReading = 0; // the number of the backups' latest reading (loadBackups)
    bool m_loadingRestores = false;
    bool m_backupsLoaded = false;
    bool m_restoresLoaded = false;
    bool m_loadingTasks = false;
    bool m_tasksLoaded = false;
    bool m_tasksNeedV2 = false;
    static constexpr int CustomRange = -1;
    bool m_firstLoad = true;
    bool m_backupsComplete = false; // the last reading of the backups brought the whole list
    QTimer *m_filterDelay = nullptr;
    static constexpr int FilterDelayMs = 150;
    static constexpr int ColumnWidthSample = 200;
    // Rows merged into a model in one turn of the event loop (about 2 ms with 100,000 rows).
    static constexpr int MergeChunkRows = 1000;
    GuiSteps *m_instanceSteps = nullptr; // the instance list's merging and fitting
    bool m_firstListing = true;          // no listing has ended yet
    bool m_choosingFirst = false;        // the selection is still the console's first choice
    bool m_selectingAutomatically = false;
    int m_firstChoiceTries = 0;
    QString m_firstCandidate;
    // Candidates whose own lists refused a restore, until the whole list is read again.
    QSet<QString> m_refusedByLists;
    // Each try reads a candidate's backups and records: a long list of busy instances is not
    // read through for it.
    static constexpr int FirstChoiceTries = 8;
};
