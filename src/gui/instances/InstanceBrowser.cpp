#include "instances/InstanceBrowser.h"

#include "api/DcsClient.h"
#include "backups/BackupDownloadDialog.h"
#include "backups/BackupPolicyDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/CreateBackupDialog.h"
#include "backups/DeleteBackupDialog.h"
#include "instances/InstanceDetailsModel.h"
#include "instances/InstanceSortFilterProxyModel.h"
#include "instances/InstanceTableModel.h"
#include "instances/TaskTableModel.h"
#include "model/DisplayText.h"
#include "model/StatusCounts.h"
#include "profiles/Session.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreDialog.h"
#include "restore/RestorePreflight.h"
#include "restore/RestoreTableModel.h"
#include "ui_InstanceBrowser.h"
#include "widgets/ConsolePalette.h"
#include "widgets/FileDialogs.h"
#include "widgets/GuiSteps.h"
#include "widgets/KeyedSortFilterProxyModel.h"
#include "widgets/ModelRoles.h"
#include "widgets/ProgressBarDelegate.h"
#include "widgets/StatusBadgeDelegate.h"
#include "widgets/ThemedIcon.h"

#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>

namespace {

// The statuses the filter offers, in the order the console shows them.
const QStringList &filterStatuses() {
    static const QStringList statuses{
        QStringLiteral("RUNNING"),  QStringLiteral("RESTORING"),  QStringLiteral("CREATING"),
        QStringLiteral("ERROR"),    QStringLiteral("RESTARTING"), QStringLiteral("EXTENDING"),
        QStringLiteral("FLUSHING"), QStringLiteral("FROZEN"),     QStringLiteral("CREATEFAILED")};
    return statuses;
}

} // namespace

InstanceBrowser::InstanceBrowser(dcs::Session *session, const Actions &actions,
                                 const Options &options, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::InstanceBrowser>())
    , m_session(session)
    , m_actions(actions)
    , m_options(options)
    , m_instances(new InstanceTableModel(this))
    , m_instanceProxy(new InstanceSortFilterProxyModel(this))
    , m_details(new InstanceDetailsModel(this))
    , m_backups(new BackupTableModel(this))
    , m_backupProxy(new KeyedSortFilterProxyModel(this))
    , m_restores(new RestoreTableModel(this))
    , m_restoreProxy(new QSortFilterProxyModel(this))
    , m_tasks(new TaskTableModel(this)) {
    ui->setupUi(this);
    m_instanceSteps = new GuiSteps(this);
    setObjectName(QStringLiteral("instanceBrowser"));
    ConsolePalette::follow(this, [this] {
        ui->restoreBlockedLabel->setStyleSheet(
            ConsolePalette::panelStyle(ConsolePalette::Tone::Danger));
    });
    ui->restoreBlockedLabel->setVisible(false);
    if (actions.createBackup)
        ui->createBackupButton->setDefaultAction(actions.createBackup);
    if (actions.deleteBackup) {
        ui->deleteBackupButton->setDefaultAction(actions.deleteBackup);
        // Delete on the backups table deletes the backup selected there (the action's shortcut
        // is bound to where it is added).
        ui->backupTable->addAction(actions.deleteBackup);
    }
    ui->exportBackupsButton->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/export.svg")));
    connect(ui->exportBackupsButton, &QToolButton::clicked, this, &InstanceBrowser::exportBackups);
    setupBackupRange();
    describeForScreenReaders();
    ui->mainSplitter->setStretchFactor(0, 1);
    ui->mainSplitter->setStretchFactor(1, 1);
    setupModels();
    connectFollowing();
    fillStatusFilter();
    updatePaneStates();
}

InstanceBrowser::~InstanceBrowser() = default;

void InstanceBrowser::setOptions(const Options &options) {
    m_options = options;
}

void InstanceBrowser::setupModels() {
    // Compact rows: an administrator wants to see many instances at once.
    const int rowHeight = fontMetrics().height() + 10;
    for (QTableView *view : std::initializer_list<QTableView *>{ui->instanceTable, ui->backupTable,
                                                                ui->restoreTable, ui->taskTable}) {
        view->verticalHeader()->setDefaultSectionSize(rowHeight);
        // Tab moves on to the next part of the window; the arrows move within the table.
        view->setTabKeyNavigation(false);
        // Column widths from the rows in sight and a sample, not from every row of a long list.
        view->horizontalHeader()->setResizeContentsPrecision(ColumnWidthSample);
    }

    m_instanceProxy->setSourceModel(m_instances);
    ui->instanceTable->setModel(m_instanceProxy);
    // Statuses as a coloured badge beside their word.
    ui->instanceTable->setItemDelegateForColumn(InstanceTableModel::Status,
                                                new StatusBadgeDelegate(ui->instanceTable));
    ui->backupTable->setItemDelegateForColumn(BackupTableModel::Status,
                                              new StatusBadgeDelegate(ui->backupTable));
    ui->restoreTable->setItemDelegateForColumn(RestoreTableModel::Status,
                                               new StatusBadgeDelegate(ui->restoreTable));
    ui->instanceTable->sortByColumn(InstanceTableModel::Name, Qt::AscendingOrder);
    ui->instanceTable->horizontalHeader()->setSectionsMovable(true);
    ui->instanceTable->setTextElideMode(Qt::ElideMiddle);
    ui->instanceTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    ui->detailsTree->setModel(m_details);
    ui->detailsTree->header()->setSectionResizeMode(InstanceDetailsModel::Field,
                                                    QHeaderView::ResizeToContents);
    // The groups open, their titles across both columns.
    const auto showGroups = [this] {
        for (int g = 0; g < m_details->rowCount(); ++g)
            ui->detailsTree->setFirstColumnSpanned(g, {}, true);
        ui->detailsTree->expandAll();
    };
    connect(m_details, &QAbstractItemModel::modelReset, this, showGroups);

    m_backupProxy->setSourceModel(m_backups);
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

    ui->taskTable->setModel(m_tasks);

    connect(ui->instanceTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InstanceBrowser::onSelectionChanged);
    // Typing is not held up by the list: the filter follows once the keys pause (at once on
    // Enter).
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    const auto applyFilterText = [this] {
        m_filterDelay->stop();
        if (m_instanceProxy->filter().text == ui->instanceFilterEdit->text())
            return;
        m_instanceProxy->setFilterText(ui->instanceFilterEdit->text());
        changed();
    };
    connect(m_filterDelay, &QTimer::timeout, this, applyFilterText);
    connect(ui->instanceFilterEdit, &QLineEdit::textChanged, m_filterDelay,
            qOverload<>(&QTimer::start));
    connect(ui->instanceFilterEdit, &QLineEdit::returnPressed, this, applyFilterText);
    connect(ui->statusFilterCombo, &QComboBox::currentIndexChanged, this, [this] {
        InstanceFilter filter = m_instanceProxy->filter();
        filter.status = ui->statusFilterCombo->currentData().toString();
        m_instanceProxy->setFilter(filter);
        changed();
    });
    connect(ui->instanceTable, &QWidget::customContextMenuRequested, this,
            &InstanceBrowser::showInstanceContextMenu);
    connect(ui->backupTable, &QWidget::customContextMenuRequested, this,
            &InstanceBrowser::showBackupContextMenu);
    connect(ui->backupTable, &QAbstractItemView::doubleClicked, this,
            &InstanceBrowser::onBackupDoubleClicked);
    connect(ui->backupTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InstanceBrowser::changed);
}

void InstanceBrowser::connectFollowing() {
    dcs::FollowedRestores *followed = m_session->followedRestores();
    connect(followed, &dcs::FollowedRestores::followed, this, &InstanceBrowser::onRestoreFollowed);
    connect(followed, &dcs::FollowedRestores::progress, this, &InstanceBrowser::onRestoreProgress);
    // The records a follower reads are the selected instance's records: shown as they come,
    // and not read again by the refresh.
    connect(followed, &dcs::FollowedRestores::recordsRead, this,
            [this](const dcs::PendingRestore &restore, const QList<dcs::RestoreRecord> &records) {
                if (!isMine(restore) || restore.instanceId != m_currentId || !m_selection)
                    return;
                showRestores(restore.instanceId, records);
                updatePaneStates();
                changed();
            });
    connect(followed, &dcs::FollowedRestores::finished, this, &InstanceBrowser::onRestoreFinished);
    connect(followed, &dcs::FollowedRestores::lostRestoreFound, this,
            [this](const dcs::PendingRestore &restore) {
                if (!isMine(restore))
                    return;
                refreshInstance(restore.instanceId);
                if (restore.instanceId == m_currentId)
                    loadRestores();
            });
    // Only the tables of the instance on screen change; the window tells the user the end.
    const auto backupChanged = [this](const QString &instanceId, const dcs::Backup &backup) {
        if (instanceId != m_currentId)
            return;
        m_backups->upsert(backup);
        updatePaneStates();
        changed();
    };
    connect(m_session, &dcs::Session::backupUpdated, this, backupChanged);
    connect(m_session, &dcs::Session::backupFinished, this, backupChanged);
}

bool InstanceBrowser::isMine(const dcs::PendingRestore &restore) const {
    return restore.profileId == m_session->info().profileId;
}

void InstanceBrowser::fillStatusFilter() {
    const QString current = ui->statusFilterCombo->currentData().toString();
    const QSignalBlocker blocker(ui->statusFilterCombo);
    ui->statusFilterCombo->clear();
    ui->statusFilterCombo->addItem(tr("All statuses"), QString());
    for (const QString &status : filterStatuses())
        ui->statusFilterCombo->addItem(DisplayText::instanceStatus(status), status);
    ui->statusFilterCombo->setCurrentIndex(qMax(0, ui->statusFilterCombo->findData(current)));
}

dcs::ActionFacts InstanceBrowser::actionFacts() const {
    dcs::ActionFacts facts;
    facts.connected = true;
    facts.readOnly = m_session->info().readOnly;
    facts.apiV2 = m_session->client()->apiVersion() != dcs::ApiVersion::V1;
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

bool InstanceBrowser::isLoading() const {
    return m_loadingInstances || m_loadingDetails || m_loadingBackups || m_loadingRestores;
}

int InstanceBrowser::instanceCount() const {
    return m_instances->rowCount();
}

int InstanceBrowser::shownInstanceCount() const {
    return m_instanceProxy->rowCount();
}

void InstanceBrowser::changed() {
    // Why an instance on screen cannot be restored is said under it, as in the tooltip.
    const dcs::ActionFacts facts = actionFacts();
    const dcs::ActionState restore = dcs::ActionRules::restore(facts);
    QString blocked = facts.instanceSelected ? restore.toolTip : QString();
    // When no instance of the list could be restored, that is said first: nobody should hunt
    // through the list for one.
    if (!blocked.isEmpty() && m_instances->rowCount() > 1 && !anyRestorable())
        blocked = tr("None of the %n instance(s) can be restored now.", nullptr,
                     m_instances->rowCount()) +
                  QLatin1Char(' ') + blocked;
    ui->restoreBlockedLabel->setVisible(facts.instanceSelected && !restore.enabled);
    ui->restoreBlockedLabel->setText(blocked);
    ui->restoreBlockedLabel->setAccessibleName(blocked);
    Q_EMIT stateChanged();
}

void InstanceBrowser::showError(const dcs::ApiError &error, std::function<QString()> action) {
    if (error.kind == dcs::ApiError::Kind::Cancelled)
        return;
    Q_EMIT failed(error, std::move(action));
}

void InstanceBrowser::refresh() {
    if (m_loadingInstances)
        return;
    m_loadingInstances = true;
    m_changeChecks = 0;
    changed();
    // Rows appear page by page as they are read; the listing then removes the instances it no
    // longer found (only when it read the whole list).
    m_instances->beginListing();
    // Pages are merged a chunk per turn of the event loop and the first rows' columns measured
    // a column per turn (GuiSteps), in the order the pages came: a long list never holds the
    // window up for a frame.
    m_session->client()->streamInstances(
        {}, this,
        [this](const QList<dcs::Instance> &batch) {
            for (const QList<dcs::Instance> &chunk : chunksOf(batch, MergeChunkRows))
                m_instanceSteps->add([this, chunk] { m_instances->mergeRows(chunk); });
            if (m_firstLoad) {
                m_firstLoad = false;
                ui->instanceTable->fitInSteps(m_instanceSteps, [this] { fitInstanceColumns(); });
            }
        },
        [this](const dcs::ApiResult<QList<dcs::Instance>> &result) {
            m_instanceSteps->add([this, result] { endInstanceListing(result); });
        });
}

void InstanceBrowser::endInstanceListing(const dcs::ApiResult<QList<dcs::Instance>> &result) {
    m_loadingInstances = false;
    {
        // Rows that went take the selection with them; that is not the user's choice.
        const QSignalBlocker blocker(ui->instanceTable->selectionModel());
        m_instances->endListing(result.ok() && !result.incomplete);
    }
    m_listedWhole = m_listedWhole || (result.ok() && !result.incomplete);
    if (result.ok())
        m_refusedByLists.clear();
    if (!result.ok()) {
        showError(result.error, [] { return tr("Loading the instances failed"); });
        changed();
        return;
    }
    const bool first = m_firstListing;
    m_firstListing = false;
    const int row = m_currentId.isEmpty() ? -1 : m_instances->rowOf(m_currentId);
    if (row >= 0) {
        const QModelIndex proxyIndex = m_instanceProxy->mapFromSource(m_instances->index(row, 0));
        {
            const QSignalBlocker blocker(ui->instanceTable->selectionModel());
            ui->instanceTable->selectionModel()->select(
                proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            ui->instanceTable->selectionModel()->setCurrentIndex(proxyIndex,
                                                                 QItemSelectionModel::NoUpdate);
        }
        ui->instanceTable->viewport()->update();
        loadSelected(true);
    } else if (m_instanceProxy->rowCount() > 0 && m_currentId.isEmpty()) {
        // The first one in the list's order that can be restored; else the first, and
        // the line under the list says why none can. Its backups and records have the last
        // word (continueFirstChoice).
        const int candidate = first ? nextRestorableRow(-1) : -1;
        m_choosingFirst = candidate >= 0;
        m_firstChoiceTries = 0;
        selectAutomatically(qMax(0, candidate));
        m_firstCandidate = m_currentId;
    } else {
        m_currentId.clear();
        loadSelected(false);
    }
    // Once the list is there, the keyboard is in it (unless the user is typing
    // somewhere already): the arrows work at once.
    if (first && !qobject_cast<QLineEdit *>(window()->focusWidget()))
        ui->instanceTable->setFocus(Qt::OtherFocusReason);
    changed();
    Q_EMIT instancesLoaded();
    Q_EMIT refreshed();
    loadStatusCounts();
}

namespace {

// States an instance passes through on its own; the others change only by an event.
bool isPassingState(const QString &status) {
    static const QStringList passing{QStringLiteral("CREATING"),   QStringLiteral("RESTORING"),
                                     QStringLiteral("RESTARTING"), QStringLiteral("EXTENDING"),
                                     QStringLiteral("FLUSHING"),   QStringLiteral("UPGRADING"),
                                     QStringLiteral("DELETING")};
    return passing.contains(status, Qt::CaseInsensitive);
}

bool sameCounts(const dcs::StatusCounts &left, const dcs::StatusCounts &right) {
    const auto nonZero = [](const dcs::StatusCounts &counts) {
        QMap<QString, qint64> result;
        for (auto it = counts.byStatus.cbegin(); it != counts.byStatus.cend(); ++it) {
            if (it.value() != 0)
                result.insert(it.key().toUpper(), it.value());
        }
        return result;
    };
    return nonZero(left) == nonZero(right);
}

QString countsInWords(const dcs::StatusCounts &counts) {
    QStringList parts;
    for (auto it = counts.byStatus.cbegin(); it != counts.byStatus.cend(); ++it)
        parts << InstanceBrowser::tr("%1 %2").arg(DisplayText::instanceStatus(it.key()),
                                                  QLocale().toString(it.value()));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

void InstanceBrowser::refreshChanges() {
    if (m_loadingInstances || m_checkingChanges)
        return;
    dcs::DcsClient *client = m_session->client();
    // v1.0 has no counts call (counting would read the whole list anyway).
    if (!m_listedWhole || client->apiVersion() != dcs::ApiVersion::V2 ||
        ++m_changeChecks >= WholeListEvery) {
        refresh();
        return;
    }
    m_checkingChanges = true;
    client->instanceStatusCounts(false, this,
                                 [this](const dcs::ApiResult<dcs::StatusCounts> &result) {
                                     if (!result.ok()) {
                                         m_checkingChanges = false;
                                         refresh(); // says what failed, as F5 would
                                         return;
                                     }
                                     readChangedInstances(result.value);
                                 });
}

void InstanceBrowser::readChangedInstances(const dcs::StatusCounts &server) {
    dcs::DcsClient *client = m_session->client();
    // The instances in a passing state now, and those that were in one here: their state may
    // have changed. Everything else keeps its state unless the counts say otherwise.
    QStringList statuses;
    for (auto it = server.byStatus.cbegin(); it != server.byStatus.cend(); ++it) {
        if (it.value() > 0 && isPassingState(it.key()))
            statuses << it.key().toUpper();
    }
    auto unseen = std::make_shared<QSet<QString>>();
    for (const dcs::Instance &instance : m_instances->instances()) {
        if (isPassingState(instance.status))
            unseen->insert(instance.instanceId);
    }
    auto pending = std::make_shared<int>(int(statuses.size()));
    auto failed = std::make_shared<bool>(false);
    const auto afterLists = [this, server, unseen, failed, client] {
        if (*failed) {
            m_checkingChanges = false;
            refresh();
            return;
        }
        auto left = std::make_shared<int>(int(unseen->size()));
        if (*left == 0) {
            finishChangeCheck(server);
            return;
        }
        for (const QString &id : std::as_const(*unseen)) {
            client->showInstance(id, this,
                                 [this, server, left](const dcs::ApiResult<dcs::Instance> &result) {
                                     if (result.ok())
                                         m_instances->updateInstance(result.value);
                                     if (--*left == 0)
                                         finishChangeCheck(server);
                                 });
        }
    };
    if (statuses.isEmpty()) {
        afterLists();
        return;
    }
    for (const QString &status : std::as_const(statuses)) {
        dcs::InstanceQuery query;
        query.status = status;
        client->listInstances(query, this,
                              [this, pending, failed, unseen,
                               afterLists](const dcs::ApiResult<QList<dcs::Instance>> &result) {
                                  if (!result.ok() || result.incomplete)
                                      *failed = true;
                                  for (const dcs::Instance &instance : result.value) {
                                      unseen->remove(instance.instanceId);
                                      // One the list does not have yet: the counts differ.
                                      if (!m_instances->updateInstance(instance))
                                          *failed = true;
                                  }
                                  if (--*pending == 0)
                                      afterLists();
                              });
    }
}

void InstanceBrowser::finishChangeCheck(const dcs::StatusCounts &server) {
    m_checkingChanges = false;
    if (!sameCounts(server, dcs::StatusCounts::fromInstances(m_instances->instances()))) {
        // Instances came or went, or one changed between settled states: read the whole list.
        refresh();
        return;
    }
    Q_EMIT statusCountsChanged(countsInWords(server));
    Q_EMIT refreshed();
    if (m_selection && !m_currentId.isEmpty()) {
        loadDetails();
        loadRestoresUnlessFollowed();
        loadTasks();
        loadNewerBackups();
    }
    updatePaneStates();
    changed();
}

// The backups created since the newest one the list has; the rest are read again with the
// whole list (they also expire, get deleted and change status).
void InstanceBrowser::loadNewerBackups() {
    if (!m_selection || m_loadingBackups)
        return;
    QDateTime newest;
    for (const dcs::Backup &backup : m_backups->backups()) {
        if (backup.createdAt.isValid() && (!newest.isValid() || backup.createdAt > newest))
            newest = backup.createdAt;
    }
    if (!m_backupsComplete || !newest.isValid()) {
        loadBackups();
        return;
    }
    // Within the period the tab shows, which may end in the past: then nothing newer is in it.
    const QDateTime end = backupRange().end;
    if (end.isValid() && newest >= end)
        return;
    m_loadingBackups = true;
    // Part of the reading that brought the list: dropped with it when another one begins.
    const quint64 reading = m_backupReading;
    m_session->client()->streamBackups(
        m_currentId, dcs::TimeRange{newest, end}, m_selection,
        [this, reading](const QList<dcs::Backup> &batch) {
            if (reading != m_backupReading)
                return;
            for (const dcs::Backup &backup : batch)
                m_backups->upsert(backup);
        },
        [this, reading](const dcs::ApiResult<QList<dcs::Backup>> &result) {
            if (reading != m_backupReading)
                return;
            m_loadingBackups = false;
            if (!result.ok())
                showError(result.error, [] { return tr("Loading the backups failed"); });
            updatePaneStates();
            changed();
        });
}

// The status bar's counts by status (dcs-api-v2.md §10): v2's own call, or on v1.0 the
// instances just read, counted here. Asked after every load of the list, so they agree with it.
void InstanceBrowser::loadStatusCounts() {
    if (m_session->client()->apiVersion() == dcs::ApiVersion::V1) {
        dcs::StatusCounts counts = dcs::StatusCounts::fromInstances(m_instances->instances());
        counts.countedLocally = true;
        Q_EMIT statusCountsChanged(countsInWords(counts));
        return;
    }
    m_session->client()->instanceStatusCounts(
        false, this, [this](const dcs::ApiResult<dcs::StatusCounts> &result) {
            if (!result.ok()) {
                Q_EMIT statusCountsChanged({});
                return;
            }
            Q_EMIT statusCountsChanged(countsInWords(result.value));
        });
}

void InstanceBrowser::fitInstanceColumns() {
    // Every column as wide as its contents; when that is wider than the table, the long
    // identifiers (address, then ID) give way, cut in the middle — their tooltips, the details
    // and Copy Instance ID have them whole — so that no column runs off the right edge.
    QTableView *table = ui->instanceTable;
    QHeaderView *header = table->horizontalHeader();
    // A stretched last section is sized to what is left over, not to its contents: measured
    // stretched, the dates were the column cut. It stretches again once the others are fitted.
    header->setStretchLastSection(false);
    table->resizeColumnsToContents();
    int total = 0;
    for (int column = 0; column < header->count(); ++column)
        total += header->isSectionHidden(column) ? 0 : header->sectionSize(column);
    int excess = total - table->viewport()->width();
    const int shortest = table->fontMetrics().horizontalAdvance(QStringLiteral("0123456789abcdef"));
    for (int column : {int(InstanceTableModel::Address), int(InstanceTableModel::Id)}) {
        if (excess <= 0)
            break;
        const int cut = qMin(excess, header->sectionSize(column) - shortest);
        if (cut > 0) {
            header->resizeSection(column, header->sectionSize(column) - cut);
            excess -= cut;
        }
    }
    header->setStretchLastSection(true);
}

bool InstanceBrowser::anyRestorable() const {
    // Stops at the first one: a list where one can be restored is read no further.
    for (const dcs::Instance &instance : m_instances->instances()) {
        if (canRestore(instance) && !m_refusedByLists.contains(instance.instanceId))
            return true;
    }
    return false;
}

int InstanceBrowser::proxyRowOf(const QString &instanceId) const {
    const int row = m_instances->rowOf(instanceId);
    return row < 0 ? -1 : m_instanceProxy->mapFromSource(m_instances->index(row, 0)).row();
}

int InstanceBrowser::nextRestorableRow(int after) const {
    for (int i = after + 1; i < m_instanceProxy->rowCount(); ++i) {
        const QModelIndex source = m_instanceProxy->mapToSource(m_instanceProxy->index(i, 0));
        if (canRestore(m_instances->instanceAt(source.row())))
            return i;
    }
    return -1;
}

void InstanceBrowser::selectAutomatically(int proxyRow) {
    m_selectingAutomatically = true;
    ui->instanceTable->selectRow(proxyRow);
    ui->instanceTable->scrollTo(m_instanceProxy->index(proxyRow, 0));
    m_selectingAutomatically = false;
}

// Called when a reading of the selected instance's backups or records ends.
void InstanceBrowser::continueFirstChoice() {
    if (!m_choosingFirst || m_loadingBackups || m_loadingRestores)
        return;
    if (!m_backupsLoaded || !m_restoresLoaded) {
        // A reading failed: the error is shown and the selection stays where it is.
        m_choosingFirst = false;
        return;
    }
    if (dcs::ActionRules::restore(actionFacts()).enabled) {
        m_choosingFirst = false;
        return;
    }
    m_refusedByLists.insert(m_currentId);
    const int next =
        ++m_firstChoiceTries < FirstChoiceTries ? nextRestorableRow(proxyRowOf(m_currentId)) : -1;
    if (next >= 0) {
        selectAutomatically(next);
        return;
    }
    // None of those tried can be restored: back to the first, whose line says why.
    m_choosingFirst = false;
    const int firstRow = proxyRowOf(m_firstCandidate);
    if (firstRow >= 0 && m_firstCandidate != m_currentId)
        selectAutomatically(firstRow);
    changed();
}

bool InstanceBrowser::canRestore(const dcs::Instance &instance) const {
    if (m_session->info().readOnly)
        return false;
    dcs::PreflightInput input;
    input.instance = instance;
    input.now = QDateTime::currentDateTimeUtc();
    return !dcs::RestorePreflight::blocks(dcs::RestorePreflight::checkInstance(input));
}

bool InstanceBrowser::selectInstance(const QString &idOrName) {
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

void InstanceBrowser::onSelectionChanged() {
    const QModelIndexList rows = ui->instanceTable->selectionModel()->selectedRows();
    QString id;
    if (!rows.isEmpty()) {
        const QModelIndex source = m_instanceProxy->mapToSource(rows.first());
        if (source.isValid())
            id = m_instances->instanceAt(source.row()).instanceId;
    }
    if (id == m_currentId)
        return;
    // The user's own choice ends the console's.
    if (!m_selectingAutomatically)
        m_choosingFirst = false;
    m_currentId = id;
    loadSelected(false);
}

void InstanceBrowser::loadSelected(bool keepTables) {
    // A new context for every reading of the selection: whatever was asked for before (another
    // instance, or an older reading of this one) is dropped when it answers.
    delete m_selection;
    m_loadingDetails = m_loadingBackups = m_loadingRestores = false;
    if (m_currentId.isEmpty()) {
        m_details->clear();
        m_backups->clear();
        m_restores->clear();
        m_tasks->clear();
        m_backupsLoaded = m_restoresLoaded = m_tasksLoaded = false;
        updatePaneStates();
        changed();
        return;
    }
    m_selection = new QObject(this);
    if (!keepTables) {
        m_details->setInstance(m_instances->instanceAt(m_instances->rowOf(m_currentId)));
        m_backups->clear();
        m_restores->clear();
        m_tasks->clear();
        m_backupsLoaded = m_restoresLoaded = m_tasksLoaded = false;
    }
    loadDetails();
    loadBackups();
    // A refresh keeps the tables: the records a follower reads need no second reading.
    if (keepTables)
        loadRestoresUnlessFollowed();
    else
        loadRestores();
    loadTasks();
    updatePaneStates();
    changed();
}

// v2's background tasks of the selected instance, the last thirty days (§9).
void InstanceBrowser::loadTasks() {
    if (!m_selection)
        return;
    m_tasksNeedV2 = m_session->client()->apiVersion() == dcs::ApiVersion::V1;
    if (m_tasksNeedV2) {
        m_tasks->clear();
        return;
    }
    m_loadingTasks = true;
    const dcs::TimeRange lastMonth{QDateTime::currentDateTimeUtc().addDays(-30), {}};
    m_session->client()->listTasks(
        m_currentId, lastMonth, m_selection,
        [this](const dcs::ApiResult<QList<dcs::BackgroundTask>> &result) {
            m_loadingTasks = false;
            if (result.error.kind == dcs::ApiError::Kind::Unsupported) {
                m_tasksNeedV2 = true;
                m_tasks->clear();
            } else if (!result.ok()) {
                showError(result.error, [] { return tr("Loading the background tasks failed"); });
            } else {
                const bool first = !m_tasksLoaded;
                m_tasks->setTasks(result.value);
                m_tasksLoaded = true;
                if (first)
                    ui->taskTable->resizeColumnsToContents();
            }
            updatePaneStates();
        });
}

void InstanceBrowser::loadDetails() {
    if (!m_selection)
        return;
    m_loadingDetails = true;
    m_session->client()->showInstance(
        m_currentId, m_selection, [this](const dcs::ApiResult<dcs::Instance> &result) {
            m_loadingDetails = false;
            if (!result.ok()) {
                showError(result.error, [] { return tr("Loading the instance details failed"); });
            } else {
                m_instances->updateInstance(result.value);
                m_details->setInstance(result.value);
            }
            updatePaneStates();
            changed();
        });
}

void InstanceBrowser::loadBackups() {
    if (!m_selection)
        return;
    // Each reading of the list has a number: an older one of the same instance (another period
    // asked for since, a refresh before it) may still be answering, and what it brings now would
    // land in the new listing as if the service had said so.
    const quint64 reading = ++m_backupReading;
    m_loadingBackups = true;
    m_backupsComplete = false;
    // As the instances: rows as pages are read, the backup the user selected stays selected,
    // and backups no longer there go once the whole list was read.
    m_backups->beginListing();
    // As the instances, a chunk per turn of the event loop; the steps go with the selection.
    auto *steps = new GuiSteps(m_selection);
    auto delivered = std::make_shared<bool>(false);
    auto fit = std::make_shared<bool>(false);
    // The period chosen on the tab is the service's to apply (beginTime/endTime).
    m_session->client()->streamBackups(
        m_currentId, backupRange(), m_selection,
        [this, steps, delivered, fit, reading](const QList<dcs::Backup> &batch) {
            if (reading != m_backupReading)
                return;
            const bool firstBatch = !*delivered;
            *delivered = true;
            const QList<QList<dcs::Backup>> chunks = chunksOf(batch, MergeChunkRows);
            for (qsizetype i = 0; i < chunks.size(); ++i) {
                steps->add(
                    [this, fit, reading, chunk = chunks.at(i), first = firstBatch && i == 0] {
                        if (reading != m_backupReading)
                            return;
                        // Columns fitted to the first rows of a list that was empty.
                        if (first)
                            *fit = m_backups->rowCount() == 0 && !m_backupsLoaded;
                        m_backups->mergeRows(chunk);
                    });
            }
            if (!firstBatch)
                return;
            ui->backupTable->fitInSteps(
                steps,
                [this] {
                    ui->backupTable->resizeColumnsToContents();
                    ui->backupTable->setColumnWidth(
                        BackupTableModel::Progress,
                        qMax(120, ui->backupTable->columnWidth(BackupTableModel::Progress)));
                },
                [fit] { return *fit; });
        },
        [this, steps, reading](const dcs::ApiResult<QList<dcs::Backup>> &result) {
            steps->add([this, result, reading] {
                if (reading == m_backupReading)
                    endBackupListing(result);
            });
        });
}

void InstanceBrowser::endBackupListing(const dcs::ApiResult<QList<dcs::Backup>> &result) {
    m_loadingBackups = false;
    m_backups->endListing(result.ok() && !result.incomplete);
    m_backupsComplete = result.ok() && !result.incomplete;
    if (!result.ok())
        showError(result.error, [] { return tr("Loading the backups failed"); });
    else
        m_backupsLoaded = true;
    updatePaneStates();
    changed();
    continueFirstChoice();
}

void InstanceBrowser::loadRestores() {
    if (!m_selection)
        return;
    m_loadingRestores = true;
    const QString id = m_currentId;
    m_session->client()->listRestores(
        id, {}, m_selection, [this, id](const dcs::ApiResult<QList<dcs::RestoreRecord>> &result) {
            m_loadingRestores = false;
            if (!result.ok())
                showError(result.error, [] { return tr("Loading the restore records failed"); });
            else
                showRestores(id, result.value);
            updatePaneStates();
            changed();
            continueFirstChoice();
        });
}

// The refresh's reading of the records, unless a restore of the instance is followed: its
// follower reads them anyway, and what it reads is shown (FollowedRestores::recordsRead).
void InstanceBrowser::loadRestoresUnlessFollowed() {
    if (m_session->followedRestores()->isFollowingInstance(m_session->info().profileId,
                                                           m_currentId))
        return;
    loadRestores();
}

void InstanceBrowser::showRestores(const QString &instanceId,
                                   const QList<dcs::RestoreRecord> &records) {
    const bool first = !m_restoresLoaded;
    m_restores->setRecords(records);
    m_restoresLoaded = true;
    if (first) {
        ui->restoreTable->resizeColumnsToContents();
        ui->restoreTable->setColumnWidth(
            RestoreTableModel::Progress,
            qMax(160, ui->restoreTable->columnWidth(RestoreTableModel::Progress)));
    }
    // A restore started elsewhere (or before this run) is followed too.
    const QString name = currentInstance().name;
    for (const dcs::RestoreRecord &record : records) {
        if (record.isRunning() && m_session->followRestoreRecord(instanceId, name, record))
            refreshInstance(instanceId); // the server says RESTORING; the row shows it
    }
}

void InstanceBrowser::refreshInstance(const QString &instanceId) {
    m_session->client()->showInstance(
        instanceId, this, [this, instanceId](const dcs::ApiResult<dcs::Instance> &result) {
            if (!result.ok())
                return;
            m_instances->updateInstance(result.value);
            if (instanceId == m_currentId)
                m_details->setInstance(result.value);
            updatePaneStates();
            changed();
        });
}

void InstanceBrowser::onRestoreFollowed(const dcs::PendingRestore &restore) {
    if (!isMine(restore) || restore.instanceId != m_currentId ||
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
    changed();
}

void InstanceBrowser::onRestoreProgress(const dcs::PendingRestore &restore,
                                        const dcs::RestoreRecord &record) {
    if (!isMine(restore))
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
    }
    if (restore.instanceId == m_currentId) {
        m_restores->upsert(record);
        m_restoresLoaded = true;
    }
    updatePaneStates();
    changed();
}

void InstanceBrowser::onRestoreFinished(const dcs::PendingRestore &restore,
                                        const dcs::RestoreRecord &record) {
    if (!isMine(restore))
        return;
    if (restore.instanceId == m_currentId)
        m_restores->upsert(record);
    refreshInstance(restore.instanceId);
    updatePaneStates();
    changed();
}

dcs::Instance InstanceBrowser::currentInstance() const {
    if (m_details->hasInstance() && m_details->instance().instanceId == m_currentId)
        return m_details->instance();
    const int row = m_instances->rowOf(m_currentId);
    return row >= 0 ? m_instances->instanceAt(row) : dcs::Instance{};
}

int InstanceBrowser::selectedBackupRow() const {
    const QModelIndexList rows = ui->backupTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    const QModelIndex source = m_backupProxy->mapToSource(rows.first());
    return source.isValid() ? source.row() : -1;
}

bool InstanceBrowser::selectBackup(const QString &backupId) {
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

void InstanceBrowser::updatePaneStates() {
    if (m_currentId.isEmpty()) {
        ui->selectedInstanceLabel->setText(
            m_instances->rowCount() > 0
                ? tr("Select an instance to see its details, backups and restore records.")
                : QString());
    } else {
        const dcs::Instance instance = currentInstance();
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
    else if (m_backupsLoaded && m_backups->rowCount() == 0 && hasBackupRange())
        ui->backupsStateLabel->setText(tr("No backups in this period."));
    else if (m_backupsLoaded && m_backups->rowCount() == 0)
        ui->backupsStateLabel->setText(tr("This instance has no backups."));
    else if (m_backupsLoaded)
        ui->backupsStateLabel->setText(
            tr("%n backup(s). Double-click a restorable backup to restore from it.", nullptr,
               m_backups->rowCount()));
    ui->backupsStateLabel->setVisible(selected);
    ui->exportBackupsButton->setEnabled(m_backupsLoaded && m_backups->rowCount() > 0);

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

    if (!selected)
        ui->tasksStateLabel->clear();
    else if (m_tasksNeedV2)
        ui->tasksStateLabel->setText(
            tr("Background tasks need DCS API v2; this profile speaks v1.0."));
    else if (m_loadingTasks && !m_tasksLoaded)
        ui->tasksStateLabel->setText(tr("Loading the background tasks…"));
    else if (m_tasksLoaded && m_tasks->rowCount() == 0)
        ui->tasksStateLabel->setText(tr("No background task in the last 30 days."));
    else if (m_tasksLoaded)
        ui->tasksStateLabel->setText(
            tr("%n task(s) in the last 30 days, %1 running.", nullptr, m_tasks->rowCount())
                .arg(m_tasks->runningCount()));
    ui->tasksStateLabel->setVisible(selected);
}

void InstanceBrowser::copyInstanceId() {
    if (m_currentId.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_currentId);
    Q_EMIT statusMessage(tr("Copied instance ID %1.").arg(m_currentId));
}

void InstanceBrowser::onBackupDoubleClicked(const QModelIndex &index) {
    const QModelIndex source = m_backupProxy->mapToSource(index);
    if (!source.isValid())
        return;
    const dcs::Backup &backup = m_backups->backupAt(source.row());
    const dcs::ActionState state = dcs::ActionRules::restoreFrom(actionFacts(), backup);
    if (!state.enabled) {
        Q_EMIT statusMessage(state.reason);
        return;
    }
    openRestoreDialog(backup.backupId);
}

void InstanceBrowser::showInstanceContextMenu(const QPoint &pos) {
    if (!ui->instanceTable->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    for (QAction *action : {m_actions.restore, m_actions.copyInstanceId}) {
        if (action)
            menu.addAction(action);
    }
    QAction *policy = menu.addAction(tr("Change Backup &Policy…"));
    const dcs::ActionState policyState = dcs::ActionRules::changeBackupPolicy(actionFacts());
    policy->setEnabled(policyState.enabled);
    policy->setToolTip(policyState.reason);
    menu.addSeparator();
    if (m_actions.refresh)
        menu.addAction(m_actions.refresh);
    if (menu.exec(ui->instanceTable->viewport()->mapToGlobal(pos)) == policy)
        openBackupPolicyDialog();
}

void InstanceBrowser::showBackupContextMenu(const QPoint &pos) {
    const QModelIndex source = m_backupProxy->mapToSource(ui->backupTable->indexAt(pos));
    if (!source.isValid())
        return;
    const dcs::Backup backup = m_backups->backupAt(source.row());
    const dcs::ActionState state = dcs::ActionRules::restoreFrom(actionFacts(), backup);
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    QAction *restore = menu.addAction(ThemedIcon::fromSvg(QStringLiteral(":/icons/restore.svg")),
                                      tr("Restore from This Backup…"));
    restore->setEnabled(state.enabled);
    if (!state.enabled)
        restore->setToolTip(state.reason);
    QAction *copy = menu.addAction(ThemedIcon::fromSvg(QStringLiteral(":/icons/copy.svg")),
                                   tr("Copy Backup ID"));
    QAction *download = menu.addAction(tr("&Download…"));
    const dcs::ActionState downloadState = dcs::ActionRules::downloadBackup(actionFacts(), backup);
    download->setEnabled(downloadState.enabled);
    download->setToolTip(downloadState.reason);
    menu.addSeparator();
    for (QAction *action : {m_actions.createBackup, m_actions.deleteBackup}) {
        if (action)
            menu.addAction(action);
    }
    QAction *chosen = menu.exec(ui->backupTable->viewport()->mapToGlobal(pos));
    if (chosen == restore)
        openRestoreDialog(backup.backupId);
    else if (chosen == copy)
        QGuiApplication::clipboard()->setText(backup.backupId);
    else if (chosen == download)
        openDownloadDialog(backup.backupId);
}

RestoreDialog *InstanceBrowser::openRestoreDialog(const QString &backupId) {
    if (!dcs::ActionRules::restore(actionFacts()).enabled)
        return nullptr;
    // One restore dialog at a time; a closed one may still wait for its deferred delete.
    auto *existing = findChild<RestoreDialog *>(QStringLiteral("restoreDialog"));
    if (existing && existing->isVisible()) {
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    const dcs::SessionInfo &info = m_session->info();
    RestoreDialog::Options options;
    options.context.profileId = info.profileId;
    options.context.profileName = m_options.profileDisplayName;
    options.context.region =
        info.region.isEmpty() && info.isSimulator ? tr("local simulator") : info.region;
    options.context.projectId = info.projectId;
    options.production = info.production;
    options.simulator = info.isSimulator;
    options.oldBackupWarningSeconds = m_options.oldBackupWarningSeconds;
    options.backupPollMs = m_session->backupPollMs();
    options.followed = m_session->followedRestores();
    options.secrets = m_options.secrets;
    // The list here is whole when its last reading was complete, none runs and the tab shows
    // every period; the backups followed since are updated in it as they change. Otherwise the
    // dialog reads every backup itself.
    options.backupsAreCurrent = m_backupsComplete && !m_loadingBackups && !hasBackupRange();
    auto *dialog = new RestoreDialog(m_session->client(), currentInstance(), m_backups->backups(),
                                     m_restores->records(), options, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RestoreDialog::restoreAccepted, this,
            [this](const QString &instanceId, const QString &restoreId) {
                Q_EMIT statusMessage(tr("Restore %1 started.").arg(restoreId));
                if (instanceId == m_currentId)
                    ui->detailTabs->setCurrentWidget(ui->restoresTab);
                refreshInstance(instanceId); // the server says RESTORING now; the row shows it
            });
    connect(dialog, &RestoreDialog::safetyBackupCreated, this, [this](const QString &instanceId) {
        if (instanceId == m_currentId)
            loadBackups();
    });
    connect(dialog, &RestoreDialog::workflowFinished, this, [this] {
        // The safety backup's final state, and the instance's status after a refusal.
        if (m_currentId.isEmpty())
            return;
        loadBackups();
        refreshInstance(m_currentId);
    });
    QString preselect = backupId;
    if (preselect.isEmpty() && selectedBackupRow() >= 0)
        preselect = m_backups->backupAt(selectedBackupRow()).backupId;
    if (!preselect.isEmpty())
        dialog->selectBackup(preselect);
    dialog->open();
    return dialog;
}

CreateBackupDialog *InstanceBrowser::openCreateBackupDialog() {
    if (!dcs::ActionRules::createBackup(actionFacts()).enabled)
        return nullptr;
    auto *dialog = new CreateBackupDialog(m_session->client(), currentInstance(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateBackupDialog::created, this,
            [this](const QString &instanceId, const QString &backupId, const QString &remark,
                   const QString &format) {
                Q_EMIT statusMessage(tr("Backup %1 created; following it.").arg(backupId));
                if (instanceId == m_currentId) {
                    // Shown at once; the session's follower fills in the server's view of it.
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
                m_session->followBackup(instanceId, backupId);
                changed();
            });
    dialog->open();
    return dialog;
}

DeleteBackupDialog *InstanceBrowser::openDeleteBackupDialog(const QString &backupId) {
    if (!backupId.isEmpty() && !selectBackup(backupId))
        return nullptr;
    if (!dcs::ActionRules::deleteBackup(actionFacts()).enabled)
        return nullptr;
    const dcs::Backup backup = m_backups->backupAt(selectedBackupRow());
    auto *dialog = new DeleteBackupDialog(m_session->client(), currentInstance(), backup, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = backup.backupName;
    connect(dialog, &DeleteBackupDialog::deleted, this,
            [this, name](const QString &instanceId, const QString &) {
                Q_EMIT statusMessage(tr("Backup %1 deleted.").arg(name));
                if (instanceId == m_currentId)
                    loadBackups();
            });
    dialog->open();
    return dialog;
}

BackupDownloadDialog *InstanceBrowser::openDownloadDialog(const QString &backupId) {
    if (!backupId.isEmpty() && !selectBackup(backupId))
        return nullptr;
    const int row = selectedBackupRow();
    if (row < 0)
        return nullptr;
    const dcs::Backup backup = m_backups->backupAt(row);
    if (!dcs::ActionRules::downloadBackup(actionFacts(), backup).enabled)
        return nullptr;
    auto *dialog = new BackupDownloadDialog(m_session->client(), m_currentId, backup, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackupDownloadDialog::downloaded, this, [this](const QStringList &files) {
        Q_EMIT statusMessage(tr("Downloaded %n file(s).", nullptr, int(files.size())));
    });
    dialog->open();
    return dialog;
}

BackupPolicyDialog *InstanceBrowser::openBackupPolicyDialog() {
    if (!dcs::ActionRules::changeBackupPolicy(actionFacts()).enabled)
        return nullptr;
    auto *dialog = new BackupPolicyDialog(m_session->client(), currentInstance(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackupPolicyDialog::policyChanged, this, [this](const QString &instanceId) {
        Q_EMIT statusMessage(tr("Backup policy changed."));
        refreshInstance(instanceId);
    });
    dialog->open();
    return dialog;
}

void InstanceBrowser::setupBackupRange() {
    fillBackupRanges();
    const QDateTime now = QDateTime::currentDateTime();
    ui->backupFromEdit->setDateTime(now.addDays(-7));
    ui->backupToEdit->setDateTime(now);
    const auto rangeChanged = [this] {
        const bool custom = ui->backupRangeCombo->currentData().toInt() == CustomRange;
        ui->backupFromEdit->setVisible(custom);
        ui->backupRangeDash->setVisible(custom);
        ui->backupToEdit->setVisible(custom);
        if (!m_currentId.isEmpty()) {
            m_backupsLoaded = false;
            m_backups->clear();
            loadBackups();
            updatePaneStates();
            changed();
        }
    };
    connect(ui->backupRangeCombo, &QComboBox::currentIndexChanged, this, rangeChanged);
    connect(ui->backupFromEdit, &QDateTimeEdit::dateTimeChanged, this, rangeChanged);
    connect(ui->backupToEdit, &QDateTimeEdit::dateTimeChanged, this, rangeChanged);
    ui->backupFromEdit->setVisible(false);
    ui->backupRangeDash->setVisible(false);
    ui->backupToEdit->setVisible(false);
}

void InstanceBrowser::describeForScreenReaders() {
    ui->statusFilterCombo->setAccessibleName(tr("Status filter"));
    ui->instanceFilterEdit->setAccessibleName(tr("Filter instances"));
    ui->instanceTable->setAccessibleName(tr("Instances"));
    ui->instanceTable->setAccessibleDescription(
        tr("The cache instances of this profile. The arrows select one; Ctrl+R restores it."));
    ui->detailTabs->setTabToolTip(ui->detailTabs->indexOf(ui->detailsTab),
                                  tr("Every field of the selected instance, in groups"));
    ui->detailTabs->setTabToolTip(ui->detailTabs->indexOf(ui->backupsTab),
                                  tr("The backups of the selected instance: create, delete, "
                                     "restore from one, export the list"));
    ui->detailTabs->setTabToolTip(ui->detailTabs->indexOf(ui->restoresTab),
                                  tr("The restores of the selected instance and how they went"));
    ui->detailsTree->setAccessibleName(tr("Instance details"));
    ui->detailsTree->setAccessibleDescription(
        tr("Every field of the selected instance, in groups"));
    ui->backupTable->setAccessibleName(tr("Backups"));
    ui->backupTable->setAccessibleDescription(
        tr("The backups of the selected instance in the chosen period. Delete deletes the "
           "selected manual backup."));
    ui->taskTable->setAccessibleName(tr("Background tasks"));
    ui->taskTable->setAccessibleDescription(
        tr("The service's background jobs on the selected instance"));
    ui->detailTabs->setTabToolTip(ui->detailTabs->indexOf(ui->tasksTab),
                                  tr("The service's background jobs on the selected instance"));
    ui->restoreTable->setAccessibleName(tr("Restore records"));
    ui->restoreTable->setAccessibleDescription(
        tr("The restores of the selected instance and how they went"));
}

void InstanceBrowser::fillBackupRanges() {
    const int current = ui->backupRangeCombo->currentData().toInt();
    const QSignalBlocker blocker(ui->backupRangeCombo);
    ui->backupRangeCombo->clear();
    ui->backupRangeCombo->addItem(tr("All backups"), 0);
    ui->backupRangeCombo->addItem(tr("Last 24 hours"), 1);
    ui->backupRangeCombo->addItem(tr("Last 7 days"), 7);
    ui->backupRangeCombo->addItem(tr("Last 30 days"), 30);
    ui->backupRangeCombo->addItem(tr("Between…"), CustomRange);
    ui->backupRangeCombo->setCurrentIndex(qMax(0, ui->backupRangeCombo->findData(current)));
    ui->backupFromEdit->setToolTip(tr("Created at or after, local time"));
    ui->backupToEdit->setToolTip(tr("Created at or before, local time"));
    ui->backupFromEdit->setAccessibleName(tr("Backups created from"));
    ui->backupToEdit->setAccessibleName(tr("Backups created until"));
}

bool InstanceBrowser::hasBackupRange() const {
    return ui->backupRangeCombo->currentData().toInt() != 0;
}

dcs::TimeRange InstanceBrowser::backupRange() const {
    dcs::TimeRange range;
    const int choice = ui->backupRangeCombo->currentData().toInt();
    if (choice == CustomRange) {
        range.begin = ui->backupFromEdit->dateTime().toUTC();
        range.end = ui->backupToEdit->dateTime().toUTC();
    } else if (choice > 0) {
        range.begin = QDateTime::currentDateTimeUtc().addDays(-choice);
    }
    return range;
}

void InstanceBrowser::setBackupRange(int days) {
    ui->backupRangeCombo->setCurrentIndex(qMax(0, ui->backupRangeCombo->findData(days)));
}

void InstanceBrowser::setBackupRange(const QDateTime &from, const QDateTime &to) {
    const QSignalBlocker fromBlocker(ui->backupFromEdit);
    const QSignalBlocker toBlocker(ui->backupToEdit);
    ui->backupFromEdit->setDateTime(from.toLocalTime());
    ui->backupToEdit->setDateTime(to.toLocalTime());
    const int custom = ui->backupRangeCombo->findData(CustomRange);
    if (ui->backupRangeCombo->currentIndex() == custom) {
        // Already custom: the new dates alone read the list again.
        Q_EMIT ui->backupToEdit->dateTimeChanged(ui->backupToEdit->dateTime());
        return;
    }
    ui->backupRangeCombo->setCurrentIndex(custom);
}

dcs::CsvWriter InstanceBrowser::tableCsv(const QTableView *view) {
    // What the table shows: its visible columns in their order, its rows as sorted and
    // filtered, the words as they read.
    const QAbstractItemModel *model = view->model();
    const QHeaderView *header = view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            columns.append(column);
    }
    QStringList headers;
    for (int column : columns)
        headers.append(model->headerData(column, Qt::Horizontal).toString());
    dcs::CsvWriter csv(headers);
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column : columns)
            cells.append(model->index(row, column).data().toString());
        csv.addRow(cells);
    }
    return csv;
}

bool InstanceBrowser::writeInstancesCsv(const QString &fileName, QString *error) const {
    return tableCsv(ui->instanceTable).save(fileName, error);
}

bool InstanceBrowser::writeBackupsCsv(const QString &fileName, QString *error) const {
    return tableCsv(ui->backupTable).save(fileName, error);
}

void InstanceBrowser::exportInstances() {
    exportTable(
        tr("Export Instance List"), QStringLiteral("dcs-instances.csv"),
        [this](const QString &file, QString *error) { return writeInstancesCsv(file, error); });
}

void InstanceBrowser::exportBackups() {
    if (m_currentId.isEmpty())
        return;
    const QString name = currentInstance().name;
    exportTable(
        tr("Export Backups"),
        QStringLiteral("%1-backups.csv").arg(name.isEmpty() ? m_currentId : name),
        [this](const QString &file, QString *error) { return writeBackupsCsv(file, error); });
}

void InstanceBrowser::exportTable(const QString &caption, const QString &suggested,
                                  const std::function<bool(const QString &, QString *)> &write) {
    QString file = FileDialogs::saveFileName(this, caption, suggested, tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        file += QStringLiteral(".csv");
    QString error;
    if (write(file, &error))
        Q_EMIT statusMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(file)));
    else
        QMessageBox::warning(this, caption, error);
}

void InstanceBrowser::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_instances->retranslate();
        m_details->retranslate();
        m_backups->retranslate();
        m_restores->retranslate();
        m_tasks->retranslate();
        fillStatusFilter();
        fillBackupRanges();
        describeForScreenReaders();
        updatePaneStates();
        changed();
    }
}
