#include "shell/MainWindow.h"

#include "api/DcsClient.h"
#include "audit/AuditDialog.h"
#include "backups/BackupFollower.h"
#include "backups/BackupTableModel.h"
#include "backups/CreateBackupDialog.h"
#include "backups/DeleteBackupDialog.h"
#include "instances/AutoRefresh.h"
#include "instances/InstanceDetailsModel.h"
#include "instances/InstanceSortFilterProxyModel.h"
#include "instances/InstanceTableModel.h"
#include "model/DisplayText.h"
#include "profiles/ProfileSession.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "profiles/SessionBuilder.h"
#include "requestlog/RequestLogDock.h"
#include "requestlog/RequestLogModel.h"
#include "restore/ActionRules.h"
#include "restore/AuditLog.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreAnnouncer.h"
#include "restore/RestoreDialog.h"
#include "restore/RestoreNotifier.h"
#include "restore/RestorePreflight.h"
#include "restore/RestoreProgressBar.h"
#include "restore/RestoreTableModel.h"
#include "settings/LanguageManager.h"
#include "settings/SettingsDialog.h"
#include "shell/AboutDialog.h"
#include "ui_MainWindow.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"
#include "widgets/NoticeBanner.h"
#include "widgets/ProgressBarDelegate.h"

#include <QActionGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>

namespace {

constexpr int StatusMessageMs = 10000;

// The statuses the filter offers, in the order the console shows them.
const QStringList &filterStatuses() {
    static const QStringList statuses{
        QStringLiteral("RUNNING"),  QStringLiteral("RESTORING"),  QStringLiteral("CREATING"),
        QStringLiteral("ERROR"),    QStringLiteral("RESTARTING"), QStringLiteral("EXTENDING"),
        QStringLiteral("FLUSHING"), QStringLiteral("FROZEN"),     QStringLiteral("CREATEFAILED")};
    return statuses;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_instances(new InstanceTableModel(this))
    , m_instanceProxy(new InstanceSortFilterProxyModel(this))
    , m_details(new InstanceDetailsModel(this))
    , m_backups(new BackupTableModel(this))
    , m_backupProxy(new QSortFilterProxyModel(this))
    , m_restores(new RestoreTableModel(this))
    , m_restoreProxy(new QSortFilterProxyModel(this))
    , m_countLabel(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_profileLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_restoreProgress(new RestoreProgressBar(this))
    , m_profileCombo(new QComboBox(this))
    , m_profileComboLabel(new QLabel(this))
    , m_requestLog(new RequestLogModel(this))
    , m_requestLogDock(nullptr) {
    m_auditFile = dcs::AuditLog::defaultPath();
    m_pendingFile = dcs::PendingRestoreFile::defaultPath();
    ui->setupUi(this);
    m_notice = new NoticeBanner(ui->restoreNoticeLabel, this);
    m_notifier = new RestoreNotifier(this, m_notice);
    m_backupFollower = new BackupFollower(this, ui->errorPanel, m_notice);
    m_autoRefresh = new AutoRefresh(m_refreshLabel, this);
    m_autoRefresh->setIntervalSeconds(m_settings.refreshIntervalSeconds);
    m_requestLogDock = new RequestLogDock(m_requestLog, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_requestLogDock);
    m_requestLogDock->hide();
    QAction *logAction = m_requestLogDock->toggleViewAction();
    logAction->setObjectName(QStringLiteral("requestLogAction"));
    logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    ui->viewMenu->addAction(logAction);

    // The profile switcher sits at the right end of the toolbar, like an account switcher.
    auto *toolbarSpacer = new QWidget(this);
    toolbarSpacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    ui->mainToolBar->addWidget(toolbarSpacer);
    m_profileComboLabel->setObjectName(QStringLiteral("profileComboLabel"));
    m_profileComboLabel->setBuddy(m_profileCombo);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileCombo->setMinimumContentsLength(18);
    ui->mainToolBar->addWidget(m_profileComboLabel)
        ->setObjectName(QStringLiteral("profileComboLabelAction"));
    ui->mainToolBar->addWidget(m_profileCombo)->setObjectName(QStringLiteral("profileComboAction"));
    m_profileComboLabel->setContentsMargins(0, 0, 4, 0);
    ui->productionBanner->setVisible(false);
    ui->productionBanner->setStyleSheet(ConsolePalette::dangerFillStyle());
    setWindowIcon(QIcon(QStringLiteral(":/icons/dcs-console.svg")));
    ui->errorPanel->clear();
    ui->simulatorBanner->setVisible(false);
    ui->simulatorBanner->setStyleSheet(ConsolePalette::panelStyle(ConsolePalette::Tone::Caution));
    ui->restoreBlockedLabel->setStyleSheet(
        ConsolePalette::panelStyle(ConsolePalette::Tone::Danger));
    ui->restoreBlockedLabel->setVisible(false);
    ui->createBackupButton->setDefaultAction(ui->createBackupAction);
    ui->deleteBackupButton->setDefaultAction(ui->deleteBackupAction);

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_countLabel->setObjectName(QStringLiteral("instanceCountLabel"));
    m_refreshLabel->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    statusBar()->addPermanentWidget(m_restoreProgress);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->addPermanentWidget(m_profileLabel);

    ui->mainSplitter->setStretchFactor(0, 1);
    ui->mainSplitter->setStretchFactor(1, 1);

    setupModels();
    setupActions();
    connect(m_autoRefresh, &AutoRefresh::due, this, [this] {
        // Statuses on their own; a dialog the user is working in is left alone (it reads its
        // own data).
        if (m_session.isOpen() && !m_loadingInstances)
            refresh();
    });
    m_announcer =
        new RestoreAnnouncer(ui->errorPanel, m_notice, m_notifier, m_restoreProgress, this);
    createFollowedRestores();
    connectBackupFollower();
    fillStatusFilter();
    fillProfileCombo();
    retranslate();
    updateActions();
    updatePaneStates();
    ui->centralStack->setCurrentWidget(ui->consolePage);
}

MainWindow::~MainWindow() = default;

void MainWindow::setupModels() {
    // Compact rows: an administrator wants to see many instances at once.
    const int rowHeight = fontMetrics().height() + 10;
    for (QTableView *view :
         {ui->instanceTable, ui->detailsTable, ui->backupTable, ui->restoreTable})
        view->verticalHeader()->setDefaultSectionSize(rowHeight);

    m_instanceProxy->setSourceModel(m_instances);
    ui->instanceTable->setModel(m_instanceProxy);
    ui->instanceTable->sortByColumn(InstanceTableModel::Name, Qt::AscendingOrder);
    ui->instanceTable->horizontalHeader()->setSectionsMovable(true);
    ui->instanceTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    ui->detailsTable->setModel(m_details);
    ui->detailsTable->horizontalHeader()->setSectionResizeMode(InstanceDetailsModel::Field,
                                                               QHeaderView::ResizeToContents);

    m_backupProxy->setSourceModel(m_backups);
    m_backupProxy->setSortRole(ModelRoles::Sort);
    m_backupProxy->setSortLocaleAware(true);
    ui->backupTable->setModel(m_backupProxy);
    ui->backupTable->sortByColumn(BackupTableModel::Created, Qt::DescendingOrder);
    ui->backupTable->setItemDelegateForColumn(BackupTableModel::Progress,
                                              new ProgressBarDelegate(this));

    m_restoreProxy->setSourceModel(m_restores);
    m_restoreProxy->setSortRole(ModelRoles::Sort);
    m_restoreProxy->setSortLocaleAware(true);
    m_restoreProxy->setDynamicSortFilter(true);
    ui->restoreTable->setModel(m_restoreProxy);
    ui->restoreTable->sortByColumn(RestoreTableModel::Created, Qt::DescendingOrder);
    ui->restoreTable->setItemDelegateForColumn(RestoreTableModel::Progress,
                                               new ProgressBarDelegate(this));
    ui->restoreTable->setColumnWidth(RestoreTableModel::Progress, 160);

    connect(ui->instanceTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onCurrentInstanceChanged);
    connect(ui->instanceFilterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_instanceProxy->setFilterText(text);
        updateStatusBar();
    });
    connect(ui->statusFilterCombo, &QComboBox::currentIndexChanged, this, [this] {
        InstanceFilter filter = m_instanceProxy->filter();
        filter.status = ui->statusFilterCombo->currentData().toString();
        m_instanceProxy->setFilter(filter);
        updateStatusBar();
    });
    connect(ui->instanceTable, &QWidget::customContextMenuRequested, this,
            &MainWindow::showInstanceContextMenu);
    connect(ui->backupTable, &QWidget::customContextMenuRequested, this,
            &MainWindow::showBackupContextMenu);
    connect(ui->backupTable, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) {
                const QModelIndex source = m_backupProxy->mapToSource(index);
                if (!source.isValid())
                    return;
                const dcs::Backup &backup = m_backups->backupAt(source.row());
                const dcs::ActionState state = dcs::ActionRules::restoreFrom(actionFacts(), backup);
                if (!state.enabled) {
                    statusBar()->showMessage(state.reason, StatusMessageMs);
                    return;
                }
                openRestoreDialog(backup.backupId);
            });
    connect(ui->backupTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
}

void MainWindow::setupActions() {
    ui->refreshAction->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    ui->restoreAction->setIcon(QIcon(QStringLiteral(":/icons/restore.svg")));
    ui->copyInstanceIdAction->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    ui->quitAction->setIcon(QIcon(QStringLiteral(":/icons/quit.svg")));
    ui->chineseAction->setData(QStringLiteral("zh_CN"));
    ui->englishAction->setData(QStringLiteral("en"));
    ui->systemLanguageAction->setData(LanguageManager::systemPreference());
    // Each language names itself in its own script, so it can be found from either language;
    // the walk test in tst_i18n knows these two by this property.
    ui->chineseAction->setProperty("dcsLanguageName", true);
    ui->englishAction->setProperty("dcsLanguageName", true);
    auto *languages = new QActionGroup(this);
    languages->setExclusive(true);
    languages->addAction(ui->chineseAction);
    languages->addAction(ui->englishAction);
    languages->addAction(ui->systemLanguageAction);
    ui->languageMenu->setEnabled(false);

    connect(ui->refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(ui->restoreAction, &QAction::triggered, this, [this] { openRestoreDialog(); });
    connect(ui->copyInstanceIdAction, &QAction::triggered, this, &MainWindow::copyInstanceId);
    connect(ui->createBackupAction, &QAction::triggered, this,
            [this] { openCreateBackupDialog(); });
    connect(ui->deleteBackupAction, &QAction::triggered, this,
            [this] { openDeleteBackupDialog(); });
    connect(ui->auditTrailAction, &QAction::triggered, this, [this] { openAuditDialog(); });
    connect(ui->settingsAction, &QAction::triggered, this, [this] { openSettingsDialog(); });
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->aboutAction, &QAction::triggered, this, [this] { openAboutDialog(); });
    connect(ui->newProfileAction, &QAction::triggered, this,
            [this] { openProfileDialog(ProfileDialog::Mode::New); });
    connect(ui->editProfileAction, &QAction::triggered, this,
            [this] { openProfileDialog(ProfileDialog::Mode::Edit); });
    connect(ui->duplicateProfileAction, &QAction::triggered, this,
            [this] { openProfileDialog(ProfileDialog::Mode::Duplicate); });
    connect(ui->deleteProfileAction, &QAction::triggered, this,
            [this] { deleteProfile(currentProfileId(), true); });
    connect(m_profileCombo, &QComboBox::activated, this,
            [this](int index) { switchToProfile(m_profileCombo->itemData(index).toString()); });
    connect(languages, &QActionGroup::triggered, this, [this](QAction *action) {
        if (m_languages)
            m_languages->setPreference(action->data().toString());
    });
}

void MainWindow::setLanguageManager(LanguageManager *languages) {
    m_languages = languages;
    ui->languageMenu->setEnabled(languages != nullptr);
    if (!languages)
        return;
    const auto sync = [this](const QString &preference) {
        ui->chineseAction->setChecked(preference == QLatin1String("zh_CN"));
        ui->englishAction->setChecked(preference == QLatin1String("en"));
        ui->systemLanguageAction->setChecked(preference == LanguageManager::systemPreference());
    };
    sync(languages->preference());
    connect(languages, &LanguageManager::preferenceChanged, this, sync);
}

void MainWindow::showStarting() {
    clearSession();
    m_startState = StartState::Starting;
    ui->centralStack->setCurrentWidget(ui->startPage);
    ui->startProgress->setVisible(true);
    retranslate();
    updateActions();
}

void MainWindow::showStartFailure(const QString &message) {
    clearSession();
    m_startState = StartState::Failed;
    m_startFailure = message;
    ui->centralStack->setCurrentWidget(ui->startPage);
    ui->startProgress->setVisible(false);
    ui->errorPanel->showMessage([] { return tr("The local simulator could not be started"); },
                                [message] { return message; });
    retranslate();
    updateActions();
}

void MainWindow::clearSession() {
    m_autoRefresh->reset();
    m_session = {};
    m_currentId.clear();
    m_loadingInstances = m_loadingDetails = m_loadingBackups = m_loadingRestores = false;
    m_backupsLoaded = m_restoresLoaded = false;
    m_instances->clear();
    m_details->clear();
    m_backups->clear();
    m_restores->clear();
    ui->errorPanel->clear();
}

void MainWindow::setSession(const Session &session) {
    // Restores of the previous session keep being followed by their trackers, on their client.
    if (session.client)
        connect(session.client, &dcs::DcsClient::requestFinished, m_requestLog,
                &RequestLogModel::append, Qt::UniqueConnection);
    clearSession();
    m_session = session;
    m_startState = StartState::None;
    m_firstLoad = true;
    if (m_profiles && !session.profileId.isEmpty()) {
        const QSignalBlocker blocker(m_profileCombo);
        const int index = m_profileCombo->findData(session.profileId);
        if (index >= 0)
            m_profileCombo->setCurrentIndex(index);
    }
    ui->centralStack->setCurrentWidget(ui->consolePage);
    retranslate();
    updateActions();
    if (m_session.isOpen()) {
        // Restores this profile left running (this run or an earlier one) are followed again.
        m_followed->resume(m_session.profileId, m_session.client);
        refresh();
        m_autoRefresh->setRunning(true);
    }
}

void MainWindow::refresh() {
    dcs::DcsClient *client = m_session.client;
    if (!client || m_loadingInstances)
        return;
    m_loadingInstances = true;
    updateStatusBar();
    updateActions();
    client->listInstances(
        {}, this, [this, client](const dcs::ApiResult<QList<dcs::Instance>> &result) {
            if (client != m_session.client)
                return;
            m_loadingInstances = false;
            if (!result.ok()) {
                showApiError(result.error, [] { return tr("Loading the instances failed"); });
                updateStatusBar();
                updateActions();
                return;
            }
            m_autoRefresh->markRefreshed(QDateTime::currentDateTime());
            {
                // A reset drops the selection for a moment; that is not the user's choice.
                const QSignalBlocker blocker(ui->instanceTable->selectionModel());
                m_instances->setInstances(result.value);
            }
            if (m_firstLoad) {
                ui->instanceTable->resizeColumnsToContents();
                m_firstLoad = false;
            }
            const int row = m_currentId.isEmpty() ? -1 : m_instances->rowOf(m_currentId);
            if (row >= 0) {
                const QModelIndex proxyIndex =
                    m_instanceProxy->mapFromSource(m_instances->index(row, 0));
                {
                    const QSignalBlocker blocker(ui->instanceTable->selectionModel());
                    ui->instanceTable->selectionModel()->select(
                        proxyIndex,
                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                    ui->instanceTable->selectionModel()->setCurrentIndex(
                        proxyIndex, QItemSelectionModel::NoUpdate);
                }
                ui->instanceTable->viewport()->update();
                loadSelected(true);
            } else if (m_instanceProxy->rowCount() > 0 && m_currentId.isEmpty()) {
                ui->instanceTable->selectRow(0);
            } else {
                m_currentId.clear();
                loadSelected(false);
            }
            updateStatusBar();
            updateActions();
            Q_EMIT instancesLoaded();
        });
}

bool MainWindow::selectInstance(const QString &idOrName) {
    int row = m_instances->rowOf(idOrName);
    for (int i = 0; row < 0 && i < m_instances->rowCount(); ++i) {
        if (m_instances->instanceAt(i).name == idOrName)
            row = i;
    }
    if (row < 0)
        return false;
    QModelIndex proxyIndex = m_instanceProxy->mapFromSource(m_instances->index(row, 0));
    if (!proxyIndex.isValid()) {
        // Hidden by the filter: clear it rather than select something invisible.
        ui->instanceFilterEdit->clear();
        ui->statusFilterCombo->setCurrentIndex(0);
        proxyIndex = m_instanceProxy->mapFromSource(m_instances->index(row, 0));
    }
    ui->instanceTable->selectRow(proxyIndex.row());
    ui->instanceTable->scrollTo(proxyIndex);
    return true;
}

void MainWindow::onCurrentInstanceChanged() {
    const QModelIndexList rows = ui->instanceTable->selectionModel()->selectedRows();
    QString id;
    if (!rows.isEmpty()) {
        const QModelIndex source = m_instanceProxy->mapToSource(rows.first());
        if (source.isValid())
            id = m_instances->instanceAt(source.row()).instanceId;
    }
    if (id == m_currentId)
        return;
    m_currentId = id;
    loadSelected(false);
}

void MainWindow::loadSelected(bool keepTables) {
    if (m_currentId.isEmpty()) {
        m_details->clear();
        m_backups->clear();
        m_restores->clear();
        m_backupsLoaded = m_restoresLoaded = false;
        updatePaneStates();
        updateActions();
        return;
    }
    if (!keepTables) {
        m_details->setInstance(m_instances->instanceAt(m_instances->rowOf(m_currentId)));
        m_backups->clear();
        m_restores->clear();
        m_backupsLoaded = m_restoresLoaded = false;
    }
    loadDetails();
    loadBackups();
    loadRestores();
    updatePaneStates();
    updateActions();
}

void MainWindow::loadDetails() {
    dcs::DcsClient *client = m_session.client;
    if (!client)
        return;
    m_loadingDetails = true;
    const QString id = m_currentId;
    client->showInstance(id, this, [this, client, id](const dcs::ApiResult<dcs::Instance> &result) {
        if (client != m_session.client)
            return;
        if (id == m_currentId)
            m_loadingDetails = false;
        if (!result.ok()) {
            if (id == m_currentId)
                showApiError(result.error,
                             [] { return tr("Loading the instance details failed"); });
        } else {
            m_instances->updateInstance(result.value);
            if (id == m_currentId)
                m_details->setInstance(result.value);
        }
        updatePaneStates();
        updateActions();
    });
}

void MainWindow::loadBackups() {
    dcs::DcsClient *client = m_session.client;
    if (!client)
        return;
    m_loadingBackups = true;
    const QString id = m_currentId;
    client->listBackups(
        id, {}, this, [this, client, id](const dcs::ApiResult<QList<dcs::Backup>> &result) {
            if (client != m_session.client || id != m_currentId)
                return;
            m_loadingBackups = false;
            if (!result.ok()) {
                showApiError(result.error, [] { return tr("Loading the backups failed"); });
            } else {
                const bool first = !m_backupsLoaded;
                // A refresh (F5 or automatic) keeps the backup the user selected.
                const int selectedRow = selectedBackupRow();
                const QString selected =
                    selectedRow >= 0 ? m_backups->backupAt(selectedRow).backupId : QString();
                m_backups->setBackups(result.value);
                m_backupsLoaded = true;
                if (first) {
                    ui->backupTable->resizeColumnsToContents();
                    ui->backupTable->setColumnWidth(
                        BackupTableModel::Progress,
                        qMax(120, ui->backupTable->columnWidth(BackupTableModel::Progress)));
                }
                if (!selected.isEmpty())
                    selectBackup(selected);
            }
            updatePaneStates();
            updateActions();
        });
}

void MainWindow::loadRestores() {
    dcs::DcsClient *client = m_session.client;
    if (!client)
        return;
    m_loadingRestores = true;
    const QString id = m_currentId;
    client->listRestores(
        id, {}, this, [this, client, id](const dcs::ApiResult<QList<dcs::RestoreRecord>> &result) {
            if (client != m_session.client || id != m_currentId)
                return;
            m_loadingRestores = false;
            if (!result.ok()) {
                showApiError(result.error, [] { return tr("Loading the restore records failed"); });
            } else {
                const bool first = !m_restoresLoaded;
                m_restores->setRecords(result.value);
                m_restoresLoaded = true;
                if (first) {
                    ui->restoreTable->resizeColumnsToContents();
                    ui->restoreTable->setColumnWidth(
                        RestoreTableModel::Progress,
                        qMax(160, ui->restoreTable->columnWidth(RestoreTableModel::Progress)));
                }
                // A restore started elsewhere (or before this run) is followed too.
                const int row = m_instances->rowOf(id);
                const QString name = row >= 0 ? m_instances->instanceAt(row).name : QString();
                for (const dcs::RestoreRecord &record : result.value) {
                    if (record.isRunning())
                        follow(id, name, record);
                }
            }
            updatePaneStates();
            updateActions();
        });
}

void MainWindow::showApiError(const dcs::ApiError &error, std::function<QString()> action) {
    if (error.kind == dcs::ApiError::Kind::Cancelled)
        return;
    ui->errorPanel->showError(error, std::move(action));
    statusBar()->showMessage(error.summary(), StatusMessageMs);
}

dcs::ActionFacts MainWindow::actionFacts() const {
    dcs::ActionFacts facts;
    facts.connected = m_session.isOpen();
    facts.readOnly = m_session.readOnly;
    facts.loadingInstances = m_loadingInstances;
    facts.instanceSelected = !m_currentId.isEmpty() && m_instances->rowOf(m_currentId) >= 0;
    if (facts.instanceSelected)
        facts.instance = currentInstance();
    facts.backups = m_backups->backups();
    facts.restores = m_restores->records();
    const int backupRow = selectedBackupRow();
    if (backupRow >= 0)
        facts.selectedBackup = m_backups->backupAt(backupRow);
    facts.now = QDateTime::currentDateTimeUtc();
    return facts;
}

void MainWindow::updateActions() {
    const dcs::ActionFacts facts = actionFacts();
    const auto apply = [](QAction *action, const dcs::ActionState &state, bool statusTip) {
        action->setEnabled(state.enabled);
        action->setToolTip(state.toolTip);
        if (statusTip)
            action->setStatusTip(state.toolTip);
    };
    apply(ui->refreshAction, dcs::ActionRules::refresh(facts), false);
    apply(ui->copyInstanceIdAction, dcs::ActionRules::copyInstanceId(facts), false);
    const dcs::ActionState restore = dcs::ActionRules::restore(facts);
    apply(ui->restoreAction, restore, false);
    // Why an instance on screen cannot be restored is said under it too.
    ui->restoreBlockedLabel->setVisible(facts.instanceSelected && !restore.enabled);
    ui->restoreBlockedLabel->setText(facts.instanceSelected ? restore.toolTip : QString());
    // Manual backups: the reason is in the tooltip and the status tip when they are off.
    apply(ui->createBackupAction, dcs::ActionRules::createBackup(facts), true);
    apply(ui->deleteBackupAction, dcs::ActionRules::deleteBackup(facts), true);
}

dcs::Instance MainWindow::currentInstance() const {
    if (m_details->hasInstance() && m_details->instance().instanceId == m_currentId)
        return m_details->instance();
    const int row = m_instances->rowOf(m_currentId);
    return row >= 0 ? m_instances->instanceAt(row) : dcs::Instance{};
}

void MainWindow::updatePaneStates() {
    if (m_currentId.isEmpty()) {
        ui->selectedInstanceLabel->setText(
            m_session.isOpen() && m_instances->rowCount() > 0
                ? tr("Select an instance to see its details, backups and restore records.")
                : QString());
    } else {
        const dcs::Instance &instance =
            m_details->hasInstance() ? m_details->instance()
                                     : m_instances->instanceAt(m_instances->rowOf(m_currentId));
        ui->selectedInstanceLabel->setText(
            QStringLiteral("<b>%1</b> &nbsp;·&nbsp; %2 &nbsp;·&nbsp; %3 &nbsp;·&nbsp; %4")
                .arg(instance.name.toHtmlEscaped(), instance.instanceId.toHtmlEscaped(),
                     dcs::instanceTypeDisplayName(instance.type()).toHtmlEscaped(),
                     DisplayText::instanceStatus(instance.status).toHtmlEscaped()));
    }

    const bool selected = !m_currentId.isEmpty();
    ui->detailsStateLabel->setVisible(selected && m_loadingDetails);
    ui->detailsStateLabel->setText(tr("Loading the instance details…"));

    if (!selected)
        ui->backupsStateLabel->clear();
    else if (m_loadingBackups && !m_backupsLoaded)
        ui->backupsStateLabel->setText(tr("Loading the backups…"));
    else if (m_backupsLoaded && m_backups->rowCount() == 0)
        ui->backupsStateLabel->setText(tr("This instance has no backups."));
    else if (m_backupsLoaded)
        ui->backupsStateLabel->setText(
            tr("%n backup(s). Double-click a restorable backup to restore from it.", nullptr,
               m_backups->rowCount()));
    ui->backupsStateLabel->setVisible(selected);

    if (!selected)
        ui->restoresStateLabel->clear();
    else if (m_loadingRestores && !m_restoresLoaded)
        ui->restoresStateLabel->setText(tr("Loading the restore records…"));
    else if (m_restoresLoaded && m_restores->rowCount() == 0)
        ui->restoresStateLabel->setText(tr("This instance has not been restored yet."));
    else if (m_restoresLoaded)
        ui->restoresStateLabel->setText(
            tr("%n restore record(s).", nullptr, m_restores->rowCount()));
    ui->restoresStateLabel->setVisible(selected);
    updateStatusBar();
}

void MainWindow::updateStatusBar() {
    const int total = m_instances->rowCount();
    const int shown = m_instanceProxy->rowCount();
    if (!m_session.isOpen())
        m_countLabel->clear();
    else if (m_loadingInstances && total == 0)
        m_countLabel->setText(tr("Loading instances…"));
    else if (shown == total)
        m_countLabel->setText(tr("%n instance(s)", nullptr, total));
    else
        m_countLabel->setText(tr("Showing %1 of %n instance(s)", nullptr, total).arg(shown));

    m_profileLabel->setText(m_session.isOpen() ? tr("Profile: %1").arg(sessionName()) : QString());
    m_busy->setVisible(m_loadingInstances || m_loadingBackups || m_loadingRestores ||
                       m_loadingDetails || m_startState == StartState::Starting ||
                       m_startState == StartState::Opening);
}

void MainWindow::updateBanner() {
    const bool production = m_session.isOpen() && m_session.production;
    ui->productionBanner->setVisible(production);
    if (production)
        ui->productionBanner->setText(
            tr("<b>Production account — %1.</b> Restoring overwrites the data of live caches; "
               "check the instance and the backup before you restore.")
                .arg(sessionName().toHtmlEscaped()));
    const bool simulator = m_session.isSimulator || m_startState == StartState::Starting ||
                           m_startState == StartState::Failed;
    ui->simulatorBanner->setVisible(simulator);
    if (!simulator)
        return;
    if (!m_session.isOpen()) {
        ui->simulatorBanner->setText(
            tr("<b>Demo profile — local simulator.</b> No profile is configured, so the console "
               "uses a DCS simulator on this computer instead of Huawei Cloud."));
        return;
    }
    ui->simulatorBanner->setText(
        tr("<b>Demo profile — local simulator.</b> This console is talking to the DCS simulator it "
           "started on %1, not to Huawei Cloud. Instances, backups and restores here are "
           "simulated.")
            .arg(m_session.endpoint.toDisplayString().toHtmlEscaped()));
}

void MainWindow::fillStatusFilter() {
    const QString current = ui->statusFilterCombo->currentData().toString();
    const QSignalBlocker blocker(ui->statusFilterCombo);
    ui->statusFilterCombo->clear();
    ui->statusFilterCombo->addItem(tr("All statuses"), QString());
    for (const QString &status : filterStatuses())
        ui->statusFilterCombo->addItem(DisplayText::instanceStatus(status), status);
    ui->statusFilterCombo->setCurrentIndex(qMax(0, ui->statusFilterCombo->findData(current)));
}

QString MainWindow::sessionName() const {
    // The Demo profile is named "Demo" in logs and the audit trail; on screen, in the language.
    return m_session.profileId == DemoSession::profileId() ? dcs::SessionBuilder::demoDisplayName()
                                                           : m_session.profileName;
}

void MainWindow::retranslate() {
    // The window system appends the display name to titles that lack it: in Chinese it must be
    // the Chinese name, or every title bar would end in "DCS Console".
    QGuiApplication::setApplicationDisplayName(tr("DCS Console"));
    setWindowTitle(m_session.isOpen() ? tr("DCS Console — %1").arg(sessionName())
                                      : tr("DCS Console"));
    switch (m_startState) {
    case StartState::Starting:
        ui->startStateLabel->setText(tr("Starting the local DCS simulator…"));
        break;
    case StartState::Failed:
        ui->startStateLabel->setText(
            tr("The local DCS simulator could not be started, so there is nothing to show.\n%1")
                .arg(m_startFailure));
        break;
    case StartState::Opening:
        ui->startStateLabel->setText(tr("Opening the profile \"%1\"…").arg(m_openingName));
        break;
    case StartState::OpenFailed:
        ui->startStateLabel->setText(
            tr("The profile \"%1\" could not be opened, so there is nothing to show.\n%2")
                .arg(m_openingName, m_startFailure));
        break;
    case StartState::None:
        ui->startStateLabel->clear();
        break;
    }
    m_profileComboLabel->setText(tr("Profile:"));
    m_requestLogDock->toggleViewAction()->setText(tr("&Request Log"));
    m_requestLogDock->toggleViewAction()->setToolTip(
        tr("Show every request the console sent, with its status and request ID"));
    updateBanner();
    updatePaneStates();
    updateActions();
}

bool MainWindow::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QMainWindow::event(event);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_instances->retranslate();
        m_details->retranslate();
        m_backups->retranslate();
        m_restores->retranslate();
        m_requestLog->retranslate();
        fillStatusFilter();
        fillProfileCombo();
        retranslate();
    }
    return handled;
}

int MainWindow::selectedBackupRow() const {
    const QModelIndexList rows = ui->backupTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    const QModelIndex source = m_backupProxy->mapToSource(rows.first());
    return source.isValid() ? source.row() : -1;
}

RestoreDialog *MainWindow::openRestoreDialog(const QString &backupId) {
    if (!ui->restoreAction->isEnabled() || !m_session.isOpen())
        return nullptr;
    // One restore dialog at a time; a closed one may still wait for its deferred delete.
    auto *existing = findChild<RestoreDialog *>(QStringLiteral("restoreDialog"));
    if (existing && existing->isVisible()) {
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    const dcs::Instance instance = currentInstance();
    RestoreDialog::Options options;
    options.context.profileId = m_session.profileId;
    options.context.profileName = sessionName();
    options.context.region = m_session.region.isEmpty() && m_session.isSimulator
                                 ? tr("local simulator")
                                 : m_session.region;
    options.context.projectId = m_session.projectId;
    options.production = m_session.production;
    options.oldBackupWarningSeconds = m_settings.oldBackupWarningSeconds();
    options.backupPollMs = m_backupPollMs;
    options.followed = m_followed;
    auto *dialog = new RestoreDialog(m_session.client, instance, m_backups->backups(),
                                     m_restores->records(), options, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dcs::DcsClient *client = m_session.client;
    connect(dialog, &RestoreDialog::restoreAccepted, this,
            [this, client](const QString &instanceId, const QString &restoreId) {
                statusBar()->showMessage(tr("Restore %1 started.").arg(restoreId), StatusMessageMs);
                if (client != m_session.client)
                    return;
                if (instanceId == m_currentId)
                    ui->detailTabs->setCurrentWidget(ui->restoresTab);
                refreshInstance(instanceId); // the server says RESTORING now; the row shows it
            });
    connect(dialog, &RestoreDialog::safetyBackupCreated, this,
            [this, client](const QString &instanceId, const QString &) {
                if (client == m_session.client && instanceId == m_currentId)
                    loadBackups();
            });
    connect(dialog, &RestoreDialog::workflowFinished, this, [this, client] {
        // The safety backup's final state, and the instance's status after a refusal.
        if (client == m_session.client && !m_currentId.isEmpty()) {
            loadBackups();
            refreshInstance(m_currentId);
        }
    });
    QString preselect = backupId;
    if (preselect.isEmpty() && selectedBackupRow() >= 0)
        preselect = m_backups->backupAt(selectedBackupRow()).backupId;
    if (!preselect.isEmpty())
        dialog->selectBackup(preselect);
    dialog->open();
    return dialog;
}

void MainWindow::follow(const QString &instanceId, const QString &instanceName,
                        const dcs::RestoreRecord &record) {
    if (m_followed->followRecord(m_session.client, m_session.profileId, instanceId, instanceName,
                                 record))
        refreshInstance(instanceId); // the server says RESTORING now; the row shows it
}

void MainWindow::createFollowedRestores() {
    // A new data folder: the restores followed so far are no longer followed nor shown (the
    // pending file they are in brings them back when that folder is used again).
    delete m_followed;
    m_followed = new dcs::FollowedRestores(
        dcs::PendingRestoreFile(m_pendingFile), dcs::AuditLog(m_auditFile),
        m_timingOverride.value_or(m_settings.trackerTiming()), this);
    // Only the tables of the profile on screen change; the announcer tells the user the end.
    connect(m_followed, &dcs::FollowedRestores::followed, this, &MainWindow::onRestoreFollowed);
    connect(m_followed, &dcs::FollowedRestores::progress, this,
            &MainWindow::onRestoreRecordChanged);
    connect(m_followed, &dcs::FollowedRestores::finished, this,
            [this](const dcs::PendingRestore &restore, const dcs::RestoreRecord &record) {
                if (restore.profileId == m_session.profileId && restore.instanceId == m_currentId) {
                    m_restores->upsert(record);
                    updatePaneStates();
                }
            });
    m_announcer->setFollowedRestores(m_followed);
    connect(m_followed, &dcs::FollowedRestores::finished, this,
            [this](const dcs::PendingRestore &restore, const dcs::RestoreRecord &record) {
                if (restore.profileId == m_session.profileId)
                    refreshInstance(restore.instanceId);
                updateActions();
                Q_EMIT restoreFinished(record);
            });
    connect(m_followed, &dcs::FollowedRestores::lostRestoreFound, this,
            [this](const dcs::PendingRestore &restore) {
                if (restore.profileId == m_session.profileId) {
                    refreshInstance(restore.instanceId);
                    if (restore.instanceId == m_currentId)
                        loadRestores();
                }
            });
    connect(m_followed, &dcs::FollowedRestores::auditFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
}

void MainWindow::onRestoreFollowed(const dcs::PendingRestore &restore) {
    if (restore.profileId != m_session.profileId || restore.instanceId != m_currentId ||
        m_restores->rowOf(restore.restoreId) >= 0)
        return;
    // Shown at once; the follower fills in the server's view of it.
    dcs::RestoreRecord record;
    record.restoreId = restore.restoreId;
    record.backupId = restore.backupId;
    record.backupName = restore.backupName;
    record.restoreRemark = restore.remark;
    record.status = QStringLiteral("waiting");
    record.createdAt = restore.startedAt;
    m_restores->upsert(record);
    m_restoresLoaded = true;
    updatePaneStates();
    updateActions();
}

void MainWindow::onRestoreRecordChanged(const dcs::PendingRestore &restore,
                                        const dcs::RestoreRecord &record) {
    if (restore.profileId != m_session.profileId)
        return;
    // The instance is restoring as long as its record runs, whatever the last list said.
    const int row = m_instances->rowOf(restore.instanceId);
    if (row >= 0 && record.isRunning() &&
        m_instances->instanceAt(row).status != QLatin1String("RESTORING")) {
        dcs::Instance instance = m_instances->instanceAt(row);
        instance.status = QStringLiteral("RESTORING");
        m_instances->updateInstance(instance);
        if (restore.instanceId == m_currentId && m_details->hasInstance()) {
            dcs::Instance details = m_details->instance();
            details.status = instance.status;
            m_details->setInstance(details);
        }
        updatePaneStates();
    }
    if (restore.instanceId == m_currentId) {
        m_restores->upsert(record);
        m_restoresLoaded = true;
    }
    updateActions();
}

QString MainWindow::lastNotification() const {
    return m_notifier->lastNotification();
}

void MainWindow::setTrackerTiming(const dcs::RestoreRecordFollower::Timing &timing) {
    m_timingOverride = timing;
    m_followed->setTiming(timing);
}

void MainWindow::setDataFolder(const QString &folder) {
    QDir().mkpath(folder);
    m_auditFile = QDir(folder).filePath(QStringLiteral("restore-audit.jsonl"));
    m_pendingFile = QDir(folder).filePath(QStringLiteral("pending-restores.json"));
    createFollowedRestores();
    if (m_session.isOpen())
        m_followed->resume(m_session.profileId, m_session.client);
}

void MainWindow::setSettings(QSettings *settings) {
    m_settingsStore = settings;
    if (settings)
        applySettings(dcs::ConsoleSettings::load(*settings));
}

void MainWindow::applySettings(const dcs::ConsoleSettings &settings) {
    m_settings = settings;
    if (m_settingsStore)
        settings.save(*m_settingsStore);
    if (!m_timingOverride)
        m_followed->setTiming(settings.trackerTiming());
    m_autoRefresh->setIntervalSeconds(settings.refreshIntervalSeconds);
    m_autoRefresh->setRunning(m_session.isOpen());
    updateStatusBar();
}

int MainWindow::autoRefreshIntervalMs() const {
    return m_autoRefresh->activeIntervalMs();
}

AuditDialog *MainWindow::openAuditDialog() {
    if (auto *existing = findChild<AuditDialog *>(QStringLiteral("auditDialog"));
        existing && existing->isVisible()) {
        existing->reload();
        existing->raise();
        return existing;
    }
    auto *dialog = new AuditDialog(m_auditFile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

SettingsDialog *MainWindow::openSettingsDialog() {
    if (auto *existing = findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
        existing && existing->isVisible()) {
        existing->raise();
        return existing;
    }
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    dialog->open();
    return dialog;
}

CreateBackupDialog *MainWindow::openCreateBackupDialog() {
    if (!dcs::ActionRules::createBackup(actionFacts()).enabled)
        return nullptr;
    auto *dialog = new CreateBackupDialog(m_session.client, currentInstance(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dcs::DcsClient *client = m_session.client;
    connect(dialog, &CreateBackupDialog::created, this,
            [this, client](const QString &instanceId, const QString &backupId,
                           const QString &remark, const QString &format) {
                if (client != m_session.client)
                    return;
                statusBar()->showMessage(tr("Backup %1 created; following it.").arg(backupId),
                                         StatusMessageMs);
                if (instanceId == m_currentId) {
                    // Shown at once; the tracker fills in the server's view of it.
                    dcs::Backup placeholder;
                    placeholder.backupId = backupId;
                    placeholder.instanceId = instanceId;
                    placeholder.remark = remark;
                    placeholder.backupType = QStringLiteral("manual");
                    placeholder.backupFormat = format;
                    placeholder.status = QStringLiteral("waiting");
                    placeholder.createdAt = QDateTime::currentDateTimeUtc();
                    m_backups->upsert(placeholder);
                    m_backupsLoaded = true;
                    ui->detailTabs->setCurrentWidget(ui->backupsTab);
                    updatePaneStates();
                }
                m_backupFollower->follow(m_session.client, instanceId, backupId, m_backupPollMs);
            });
    dialog->open();
    return dialog;
}

void MainWindow::connectBackupFollower() {
    // Only the tables of the instance on screen change; the follower tells the user the end.
    connect(m_backupFollower, &BackupFollower::updated, this,
            [this](dcs::DcsClient *client, const QString &instanceId, const dcs::Backup &backup) {
                if (client == m_session.client && instanceId == m_currentId) {
                    m_backups->upsert(backup);
                    updateActions();
                }
            });
    connect(m_backupFollower, &BackupFollower::ended, this,
            [this](dcs::DcsClient *client, const QString &instanceId, const dcs::Backup &backup) {
                if (client == m_session.client && instanceId == m_currentId) {
                    m_backups->upsert(backup);
                    updatePaneStates();
                    updateActions();
                }
            });
    connect(m_backupFollower, &BackupFollower::finished, this, &MainWindow::backupFinished);
}

DeleteBackupDialog *MainWindow::openDeleteBackupDialog(const QString &backupId) {
    if (!backupId.isEmpty() && !selectBackup(backupId))
        return nullptr;
    if (!dcs::ActionRules::deleteBackup(actionFacts()).enabled)
        return nullptr;
    const dcs::Backup backup = m_backups->backupAt(selectedBackupRow());
    auto *dialog = new DeleteBackupDialog(m_session.client, currentInstance(), backup, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dcs::DcsClient *client = m_session.client;
    const QString name = backup.backupName;
    connect(dialog, &DeleteBackupDialog::deleted, this,
            [this, client, name](const QString &instanceId, const QString &) {
                statusBar()->showMessage(tr("Backup %1 deleted.").arg(name), StatusMessageMs);
                if (client == m_session.client && instanceId == m_currentId)
                    loadBackups();
            });
    dialog->open();
    return dialog;
}

bool MainWindow::selectBackup(const QString &backupId) {
    const int row = m_backups->rowOf(backupId);
    if (row < 0)
        return false;
    const QModelIndex index = m_backupProxy->mapFromSource(m_backups->index(row, 0));
    if (!index.isValid())
        return false;
    ui->backupTable->selectRow(index.row());
    ui->backupTable->scrollTo(index);
    return true;
}

void MainWindow::refreshInstance(const QString &instanceId) {
    dcs::DcsClient *client = m_session.client;
    if (!client)
        return;
    client->showInstance(instanceId, this,
                         [this, client, instanceId](const dcs::ApiResult<dcs::Instance> &result) {
                             if (client != m_session.client || !result.ok())
                                 return;
                             m_instances->updateInstance(result.value);
                             if (instanceId == m_currentId)
                                 m_details->setInstance(result.value);
                             updatePaneStates();
                             updateActions();
                         });
}

void MainWindow::copyInstanceId() {
    if (m_currentId.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_currentId);
    statusBar()->showMessage(tr("Copied instance ID %1.").arg(m_currentId), StatusMessageMs);
}

void MainWindow::showInstanceContextMenu(const QPoint &pos) {
    if (!ui->instanceTable->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    menu.addAction(ui->restoreAction);
    menu.addAction(ui->copyInstanceIdAction);
    menu.addSeparator();
    menu.addAction(ui->refreshAction);
    menu.exec(ui->instanceTable->viewport()->mapToGlobal(pos));
}

void MainWindow::showBackupContextMenu(const QPoint &pos) {
    const QModelIndex source = m_backupProxy->mapToSource(ui->backupTable->indexAt(pos));
    if (!source.isValid())
        return;
    const dcs::Backup backup = m_backups->backupAt(source.row());
    const dcs::ActionState state = dcs::ActionRules::restoreFrom(actionFacts(), backup);
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    QAction *restore = menu.addAction(QIcon(QStringLiteral(":/icons/restore.svg")),
                                      tr("Restore from This Backup…"));
    restore->setEnabled(state.enabled);
    if (!state.enabled)
        restore->setToolTip(state.reason);
    QAction *copy = menu.addAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy Backup ID"));
    menu.addSeparator();
    menu.addAction(ui->createBackupAction);
    menu.addAction(ui->deleteBackupAction);
    QAction *chosen = menu.exec(ui->backupTable->viewport()->mapToGlobal(pos));
    if (chosen == restore)
        openRestoreDialog(backup.backupId);
    else if (chosen == copy)
        QGuiApplication::clipboard()->setText(backup.backupId);
}

AboutDialog *MainWindow::openAboutDialog() {
    if (auto *existing = findChild<AboutDialog *>(QStringLiteral("aboutDialog"));
        existing && existing->isVisible()) {
        existing->raise();
        return existing;
    }
    auto *dialog = new AboutDialog(this);
    // The files this window really uses: an INI file given with --settings, its data folder, the
    // running Demo's log.
    dcs::StorageLocations where = dialog->locations();
    where.auditLog = m_auditFile;
    where.dataFolder = QFileInfo(m_auditFile).absolutePath();
    if (m_settingsStore)
        where.settingsFile = m_settingsStore->fileName();
    if (m_profiles && m_profiles->demo() && m_profiles->demo()->simulator())
        where.simulatorLog = m_profiles->demo()->simulator()->logFile();
    dialog->setLocations(where);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::setProfiles(dcs::ProfileStore *store, dcs::SecretStore *secrets,
                             ProfileSession *profiles) {
    m_store = store;
    m_secrets = secrets;
    m_profiles = profiles;
    connect(store, &dcs::ProfileStore::changed, this, &MainWindow::fillProfileCombo);
    connect(profiles, &ProfileSession::clientCreated, this, [this](dcs::DcsClient *client) {
        connect(client, &dcs::DcsClient::requestFinished, m_requestLog, &RequestLogModel::append,
                Qt::UniqueConnection);
    });
    connect(profiles, &ProfileSession::opening, this, [this](const dcs::Profile &profile) {
        if (profile.demo)
            showStarting();
        else
            showOpening(profile);
    });
    connect(profiles, &ProfileSession::ready, this, &MainWindow::setSession);
    connect(profiles, &ProfileSession::failed, this,
            [this](const dcs::Profile &profile, const QString &message) {
                if (profile.demo)
                    showStartFailure(message);
                else
                    showOpenFailure(profile, message);
            });
    fillProfileCombo();
}

void MainWindow::addSessionProfile(const dcs::Profile &profile) {
    m_sessionProfiles.removeIf([&](const dcs::Profile &p) { return p.id == profile.id; });
    m_sessionProfiles.append(profile);
    fillProfileCombo();
}

std::optional<dcs::Profile> MainWindow::findProfile(const QString &id) const {
    if (id == dcs::SessionBuilder::demoProfile().id)
        return dcs::SessionBuilder::demoProfile();
    for (const dcs::Profile &profile : m_sessionProfiles) {
        if (profile.id == id)
            return profile;
    }
    return m_store ? m_store->profile(id) : std::nullopt;
}

bool MainWindow::switchToProfile(const QString &id) {
    const std::optional<dcs::Profile> profile = findProfile(id);
    if (!m_profiles || !profile)
        return false;
    {
        const QSignalBlocker blocker(m_profileCombo);
        m_profileCombo->setCurrentIndex(qMax(0, m_profileCombo->findData(id)));
    }
    if (m_store && !profile->sessionOnly)
        m_store->setLastUsedId(profile->id);
    updateProfileActions();
    m_profiles->open(*profile);
    return true;
}

QString MainWindow::currentProfileId() const {
    return m_profileCombo->currentData().toString();
}

void MainWindow::fillProfileCombo() {
    const bool available = m_profiles != nullptr;
    for (const char *name : {"profileComboAction", "profileComboLabelAction"}) {
        if (auto *action = ui->mainToolBar->findChild<QAction *>(QLatin1String(name)))
            action->setVisible(available);
    }
    ui->profilesMenu->setEnabled(available);
    if (!available)
        return;
    const QString current = currentProfileId().isEmpty() ? m_session.profileId : currentProfileId();
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    const dcs::Profile demo = dcs::SessionBuilder::demoProfile();
    m_profileCombo->addItem(dcs::SessionBuilder::demoDisplayName(), demo.id);
    m_profileCombo->setItemData(0, tr("The DCS simulator on this computer, with made-up data"),
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
        m_profileCombo->addItem(profile.name, profile.id);
        m_profileCombo->setItemData(m_profileCombo->count() - 1, describe(profile),
                                    Qt::ToolTipRole);
    }
    for (const dcs::Profile &profile : std::as_const(m_sessionProfiles)) {
        m_profileCombo->addItem(tr("%1 (this session only)").arg(profile.name), profile.id);
        m_profileCombo->setItemData(m_profileCombo->count() - 1, describe(profile),
                                    Qt::ToolTipRole);
    }
    m_profileCombo->setCurrentIndex(qMax(0, m_profileCombo->findData(current)));
    updateProfileActions();
}

void MainWindow::updateProfileActions() {
    const std::optional<dcs::Profile> profile = findProfile(currentProfileId());
    const bool saved = m_profiles && profile && !profile->demo && !profile->sessionOnly;
    ui->newProfileAction->setEnabled(m_profiles != nullptr);
    ui->editProfileAction->setEnabled(saved);
    ui->duplicateProfileAction->setEnabled(m_profiles && profile && !profile->demo);
    ui->deleteProfileAction->setEnabled(saved);
}

ProfileDialog *MainWindow::openProfileDialog(ProfileDialog::Mode mode) {
    if (!m_profiles)
        return nullptr;
    if (auto *existing = findChild<ProfileDialog *>(QStringLiteral("profileDialog"));
        existing && existing->isVisible()) {
        existing->raise();
        return existing;
    }
    const std::optional<dcs::Profile> current = findProfile(currentProfileId());
    if (mode != ProfileDialog::Mode::New && (!current || current->demo))
        return nullptr;
    if (mode == ProfileDialog::Mode::Edit && current->sessionOnly)
        return nullptr;
    auto *dialog = new ProfileDialog(m_store, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRequestLog(m_requestLog);
    if (mode != ProfileDialog::Mode::New) {
        dcs::Profile source = *current;
        source.sessionOnly = false;
        dialog->setProfile(source, mode);
    }
    connect(dialog, &ProfileDialog::saved, this, [this, mode](const dcs::Profile &profile) {
        fillProfileCombo();
        // A new profile is opened at once; an edited open profile is reopened with its changes.
        if (mode != ProfileDialog::Mode::Edit || profile.id == m_session.profileId ||
            profile.id == currentProfileId())
            switchToProfile(profile.id);
    });
    dialog->open();
    return dialog;
}

bool MainWindow::deleteProfile(const QString &id, bool confirm) {
    const std::optional<dcs::Profile> profile = findProfile(id);
    if (!m_store || !profile || profile->demo || profile->sessionOnly)
        return false;
    if (confirm &&
        QMessageBox::question(this, tr("Delete Profile"),
                              tr("Delete the profile \"%1\" and the secrets stored for it? The "
                                 "cache instances themselves are not touched.")
                                  .arg(profile->name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    const bool wasOpen = profile->id == m_session.profileId || profile->id == currentProfileId();
    m_secrets->removeAll(profile->id);
    m_store->remove(profile->id);
    statusBar()->showMessage(tr("Deleted the profile \"%1\".").arg(profile->name), StatusMessageMs);
    if (wasOpen)
        switchToProfile(dcs::SessionBuilder::demoProfile().id);
    return true;
}

void MainWindow::showOpening(const dcs::Profile &profile) {
    clearSession();
    m_startState = StartState::Opening;
    m_openingName = profile.name;
    ui->centralStack->setCurrentWidget(ui->startPage);
    ui->startProgress->setVisible(true);
    retranslate();
    updateActions();
}

void MainWindow::showOpenFailure(const dcs::Profile &profile, const QString &message) {
    clearSession();
    m_startState = StartState::OpenFailed;
    m_openingName = profile.name;
    m_startFailure = message;
    ui->centralStack->setCurrentWidget(ui->startPage);
    ui->startProgress->setVisible(false);
    const QString name = profile.name;
    ui->errorPanel->showMessage(
        [name] { return tr("The profile \"%1\" could not be opened").arg(name); },
        [message] { return message; });
    retranslate();
    updateActions();
}
