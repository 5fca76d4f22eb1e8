#include "fleet/FleetWindow.h"

#include "api/RequestQueue.h"
#include "export/CsvWriter.h"
#include "fleet/Fleet.h"
#include "fleet/FleetBackupDialog.h"
#include "fleet/FleetExport.h"
#include "fleet/FleetSortFilterProxyModel.h"
#include "fleet/FleetSourceModel.h"
#include "fleet/FleetSourcesDialog.h"
#include "fleet/FleetTableModel.h"
#include "model/DisplayText.h"
#include "model/InstanceType.h"
#include "profiles/Session.h"
#include "restore/RestoreImpact.h"
#include "ui_FleetWindow.h"
#include "widgets/ConsolePalette.h"
#include "widgets/GuiSteps.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

using dcs::Fleet;
using dcs::FleetInstance;
using dcs::FleetSourceState;
using dcs::HealthVerdict;

namespace {

constexpr int StatusMessageMs = 10000;
const QString ChosenKey = QStringLiteral("fleet/chosen");
const QString SourcesKey = QStringLiteral("fleet/sources");
const QString WholeProfilesKey = QStringLiteral("fleet/wholeProfiles");

QString profileIdOf(const QString &sourceKey) {
    return sourceKey.section(QLatin1Char('|'), 0, 0);
}
QString scopeKeyOf(const QString &sourceKey) {
    return sourceKey.section(QLatin1Char('|'), 1, 1);
}

} // namespace

FleetWindow::FleetWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::FleetWindow>())
    , m_options(std::move(options))
    , m_model(new FleetTableModel(this))
    , m_proxy(new FleetSortFilterProxyModel(this))
    , m_sources(new FleetSourceModel(this))
    , m_steps(new GuiSteps(this)) {
    Q_ASSERT(m_options.opener);
    ui->setupUi(this);
    setObjectName(QStringLiteral("fleetWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dcs-console.svg")));

    dcs::RequestQueue::Options queueOptions;
    queueOptions.concurrency = m_options.console.fleetConcurrency;
    m_queue = new dcs::RequestQueue(queueOptions, this);
    Fleet::Options fleetOptions;
    fleetOptions.thresholds = m_options.console.healthThresholds();
    fleetOptions.maxAgeSeconds = qint64(m_options.console.fleetMaxAgeMinutes) * 60;
    fleetOptions.cacheFile = m_options.cacheFile;
    fleetOptions.backupPollMs = m_options.backupPollMs;
    m_fleet = new Fleet(m_options.opener, m_queue, fleetOptions, this);

    m_proxy->setSourceModel(m_model);
    ui->fleetTable->setModel(m_proxy);
    ui->fleetTable->sortByColumn(FleetTableModel::Verdict, Qt::DescendingOrder);
    QHeaderView *header = ui->fleetTable->horizontalHeader();
    header->setSectionsMovable(true);
    header->resizeSection(FleetTableModel::Verdict, 150);
    header->resizeSection(FleetTableModel::Name, 170);
    header->resizeSection(FleetTableModel::Profile, 150);
    header->resizeSection(FleetTableModel::Project, 170);
    header->resizeSection(FleetTableModel::LastSuccess, 260);
    header->resizeSection(FleetTableModel::OldestRestorable, 140);
    header->resizeSection(FleetTableModel::NextBackup, 160);
    header->resizeSection(FleetTableModel::Id, 120);
    ui->sourcesTable->setModel(m_sources);
    ui->sourcesTable->horizontalHeader()->resizeSection(FleetSourceModel::Profile, 180);
    ui->sourcesTable->horizontalHeader()->resizeSection(FleetSourceModel::State, 320);
    ui->fleetSplitter->setStretchFactor(0, 5);
    ui->fleetSplitter->setStretchFactor(1, 0);
    ui->fleetSplitter->setStretchFactor(2, 1);
    ui->fleetProgress->setRange(0, 1);
    ui->fleetProgress->setValue(0);

    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &FleetWindow::flushChanges);
    m_header.setSingleShot(true);
    m_header.setInterval(150);
    connect(&m_header, &QTimer::timeout, this, &FleetWindow::updateHeader);
    m_turnedTimer.setSingleShot(true);
    m_turnedTimer.setInterval(1500);
    connect(&m_turnedTimer, &QTimer::timeout, this, &FleetWindow::tellTurned);
    // Verdicts age with the clock, and what is older than the maximum age is read again.
    m_tick.setInterval(60 * 1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_fleet->rejudge();
        const qint64 maxAge = m_fleet->options().maxAgeSeconds;
        if (!m_fleet->isBusy() && m_lastRefresh.isValid() &&
            m_lastRefresh.secsTo(QDateTime::currentDateTimeUtc()) >= maxAge)
            refresh(false);
    });

    connect(m_fleet, &Fleet::instancesReplaced, this, &FleetWindow::showSource);
    connect(m_fleet, &Fleet::sourceChanged, this, [this](const QString &sourceKey) {
        const FleetSourceState state = m_fleet->sourceState(sourceKey);
        const int at = m_sources->rowOf(sourceKey);
        if (at >= 0) {
            FleetSourceRow row = m_sources->rowAt(at);
            row.state = state;
            m_sources->update(row);
        }
        // The source's own row (an error, or "listing…" while it has nothing else to show).
        // Only that row is made: the source's instances are not touched here.
        const std::optional<FleetRow> own = ownRowOf(sourceKey);
        const QString key = QStringLiteral("source:") + sourceKey;
        const bool wanted = own.has_value();
        if (wanted && m_model->rowOf(key) >= 0)
            m_model->update(*own);
        else if (wanted != (m_model->rowOf(key) >= 0))
            showSource(sourceKey);
        m_header.start();
        updateActions();
    });
    connect(m_fleet, &Fleet::instanceChanged, this, [this](const QString &key) {
        m_changed.insert(key);
        if (!m_flush.isActive())
            m_flush.start(100);
    });
    connect(m_fleet, &Fleet::progressChanged, this, &FleetWindow::updateProgress);
    connect(m_fleet, &Fleet::busyChanged, this, [this](bool busy) {
        if (!busy) {
            flushChanges();
            m_lastRefresh = QDateTime::currentDateTimeUtc();
        }
        updateProgress();
        updateActions();
    });
    connect(m_fleet, &Fleet::turned, this, [this](const QString &key, HealthVerdict verdict) {
        m_turned.append({key, verdict});
        m_turnedTimer.start();
    });
    connect(m_fleet, &Fleet::cacheLoaded, this, [this] { refresh(false); });
    connect(m_fleet, &Fleet::sessionOpened, this,
            [this](const QString &, dcs::Session *session) { Q_EMIT sessionOpened(session); });
    connect(m_fleet, &Fleet::backupStarted, this,
            [this](const QString &key, const QString &backupId) {
                const FleetInstance *row = m_fleet->instance(key);
                m_status = tr("Backup %1 of %2 started; it is followed until it ends.")
                               .arg(backupId, row ? row->instance.name : key);
                statusBar()->showMessage(m_status, StatusMessageMs);
            });
    connect(
        m_fleet, &Fleet::backupRefused, this, [this](const QString &key, const QString &reason) {
            const FleetInstance *row = m_fleet->instance(key);
            m_status =
                tr("%1 was not backed up: %2")
                    .arg(row ? row->instance.name : key, reason.section(QLatin1Char('\n'), 0, 0));
            statusBar()->showMessage(m_status, StatusMessageMs);
        });
    connect(m_fleet, &Fleet::backupEnded, this,
            [this](const QString &key, const dcs::Backup &backup) {
                const FleetInstance *row = m_fleet->instance(key);
                const QString name = row ? row->instance.name : key;
                m_status = backup.isSucceeded()
                               ? tr("The backup of %1 succeeded.").arg(name)
                               : tr("The backup of %1 did not succeed: %2")
                                     .arg(name, DisplayText::backupStatus(backup.status));
                statusBar()->showMessage(m_status, StatusMessageMs);
            });

    connect(ui->filterEdit, &QLineEdit::textChanged, m_proxy,
            &FleetSortFilterProxyModel::setFilterText);
    connect(ui->needsAttentionCheck, &QCheckBox::toggled, m_proxy,
            &FleetSortFilterProxyModel::setNeedsAttention);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { m_header.start(); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { m_header.start(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { m_header.start(); });
    connect(ui->fleetTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(ui->fleetTable->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FleetWindow::updateDetails);
    connect(ui->fleetTable, &QTableView::doubleClicked, this, &FleetWindow::openSelected);
    connect(ui->fleetTable, &QWidget::customContextMenuRequested, this,
            &FleetWindow::showContextMenu);
    connect(ui->cancelButton, &QPushButton::clicked, m_fleet, &Fleet::cancel);
    setupActions();
    buildSources();
    retranslate();
    updateProgress();
    updateActions();
}

FleetWindow::~FleetWindow() {
    // What is known is kept for the next start, whatever the timer said: written on the cache's
    // thread, which the application waits for when it quits; the window does not wait for it.
    m_fleet->saveCache();
}

void FleetWindow::setupActions() {
    ui->refreshAction->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    ui->openInstanceAction->setIcon(QIcon(QStringLiteral(":/icons/restore.svg")));
    connect(ui->refreshAction, &QAction::triggered, this, [this] { refresh(false); });
    connect(ui->rereadAllAction, &QAction::triggered, this, [this] { refresh(true); });
    connect(ui->rereadSelectedAction, &QAction::triggered, this,
            [this] { m_fleet->reread(selectedInstanceKeys()); });
    connect(ui->cancelAction, &QAction::triggered, m_fleet, &Fleet::cancel);
    connect(ui->openInstanceAction, &QAction::triggered, this, &FleetWindow::openSelected);
    connect(ui->backUpAction, &QAction::triggered, this, [this] { openBackupDialog(); });
    connect(ui->exportAction, &QAction::triggered, this, &FleetWindow::exportWithDialog);
    connect(ui->sourcesAction, &QAction::triggered, this, [this] { openSourcesDialog(); });
    connect(ui->closeAction, &QAction::triggered, this, &QWidget::close);
    // Return opens the instance, as a double-click does (the table keeps arrows and Space).
    auto *open = new QAction(this);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    open->setShortcutContext(Qt::WidgetShortcut);
    ui->fleetTable->addAction(open);
    connect(open, &QAction::triggered, this, &FleetWindow::openSelected);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
        ui->filterEdit->selectAll();
    });
}

// ---- sources -----------------------------------------------------------------------------------

QStringList FleetWindow::chosenSourceKeys() const {
    const QList<dcs::Profile> profiles =
        m_options.profiles ? m_options.profiles() : QList<dcs::Profile>{};
    QStringList keys;
    const auto all = [&keys](const dcs::Profile &profile) {
        for (const dcs::ProfileScope &scope : profile.scopes())
            keys.append(dcs::FleetSource::keyFor(profile.id, scope));
    };
    if (m_options.settings && m_options.settings->value(ChosenKey).toBool()) {
        const QStringList chosen = m_options.settings->value(SourcesKey).toStringList();
        const QStringList whole = m_options.settings->value(WholeProfilesKey).toStringList();
        for (const dcs::Profile &profile : profiles) {
            if (whole.contains(profile.id)) {
                all(profile);
                continue;
            }
            for (const dcs::ProfileScope &scope : profile.scopes()) {
                const QString key = dcs::FleetSource::keyFor(profile.id, scope);
                if (chosen.contains(key))
                    keys.append(key);
            }
        }
        return keys;
    }
    // Not chosen yet: every pair of every profile of the user's; the Demo's when there is none.
    for (const dcs::Profile &profile : profiles) {
        if (!profile.demo)
            all(profile);
    }
    if (keys.isEmpty()) {
        for (const dcs::Profile &profile : profiles) {
            if (profile.demo)
                all(profile);
        }
    }
    return keys;
}

void FleetWindow::setChosenSourceKeys(const QStringList &keys) {
    if (m_options.settings) {
        // A profile chosen whole stays whole: pairs added to it later come along.
        QStringList whole;
        const QList<dcs::Profile> profiles =
            m_options.profiles ? m_options.profiles() : QList<dcs::Profile>{};
        for (const dcs::Profile &profile : profiles) {
            bool every = true;
            for (const dcs::ProfileScope &scope : profile.scopes())
                every = every && keys.contains(dcs::FleetSource::keyFor(profile.id, scope));
            if (every)
                whole.append(profile.id);
        }
        m_options.settings->setValue(ChosenKey, true);
        m_options.settings->setValue(SourcesKey, keys);
        m_options.settings->setValue(WholeProfilesKey, whole);
        m_options.settings->sync();
    } else {
        m_explicitKeys = keys;
    }
    buildSources();
}

void FleetWindow::reloadSources() {
    buildSources();
}

void FleetWindow::buildSources() {
    const QList<dcs::Profile> profiles =
        m_options.profiles ? m_options.profiles() : QList<dcs::Profile>{};
    const QStringList chosen = m_explicitKeys ? *m_explicitKeys : chosenSourceKeys();
    QList<dcs::FleetSource> sources;
    QList<FleetSourceRow> sourceRows;
    QStringList order;
    m_sourceNames.clear();
    for (const dcs::Profile &profile : profiles) {
        const QString name =
            m_options.displayName ? m_options.displayName(profile.id) : profile.name;
        for (const dcs::ProfileScope &scope : profile.scopes()) {
            const QString key = dcs::FleetSource::keyFor(profile.id, scope);
            if (!chosen.contains(key))
                continue;
            sources.append({profile.atScope(scope), name});
            order.append(key);
            m_sourceNames.insert(key, name);
            FleetSourceRow row;
            row.key = key;
            row.profileName = name;
            row.region = scope.region;
            row.projectLabel = scope.projectLabel();
            row.projectId = scope.projectId;
            sourceRows.append(row);
        }
    }
    m_model->keepSources(order);
    m_fleet->setSources(sources);
    for (FleetSourceRow &row : sourceRows)
        row.state = m_fleet->sourceState(row.key);
    m_sources->setRows(sourceRows);
    ui->sourcesTable->resizeColumnToContents(FleetSourceModel::Project);
    for (const QString &key : std::as_const(order))
        showSource(key);
    m_header.start();
}

QString FleetWindow::sourceName(const QString &sourceKey) const {
    return m_sourceNames.value(sourceKey, profileIdOf(sourceKey));
}

FleetRow FleetWindow::rowFor(const FleetInstance &instance) const {
    FleetRow row;
    row.kind = FleetRow::Kind::Instance;
    row.sourceKey = instance.sourceKey;
    row.instance = instance;
    if (const dcs::FleetSource *source = m_fleet->source(instance.sourceKey)) {
        row.profileName = sourceName(instance.sourceKey);
        row.region = source->region();
        row.projectLabel = source->projectLabel();
        row.projectId = source->projectId();
    }
    return row;
}

std::optional<FleetRow> FleetWindow::ownRowOf(const QString &sourceKey) const {
    const dcs::FleetSource *source = m_fleet->source(sourceKey);
    if (!source)
        return std::nullopt;
    const FleetSourceState state = m_fleet->sourceState(sourceKey);
    using Phase = FleetSourceState::Phase;
    // Always when it failed (even above what is still known of it); otherwise only while it has
    // nothing else to show.
    if (state.phase != Phase::Failed &&
        (state.phase == Phase::Done || !m_fleet->instanceKeys(sourceKey).isEmpty()))
        return std::nullopt;
    FleetRow own;
    own.kind = FleetRow::Kind::Source;
    own.sourceKey = sourceKey;
    own.profileName = sourceName(sourceKey);
    own.region = source->region();
    own.projectLabel = source->projectLabel();
    own.projectId = source->projectId();
    own.source = state;
    return own;
}

QList<FleetRow> FleetWindow::rowsOf(const QString &sourceKey) const {
    QList<FleetRow> rows;
    if (!m_fleet->source(sourceKey))
        return rows;
    if (std::optional<FleetRow> own = ownRowOf(sourceKey))
        rows.append(*own);
    const QStringList keys = m_fleet->instanceKeys(sourceKey);
    rows.reserve(rows.size() + keys.size());
    for (const QString &key : keys) {
        if (const FleetInstance *instance = m_fleet->instance(key))
            rows.append(rowFor(*instance));
    }
    return rows;
}

QStringList FleetWindow::sourceOrder() const {
    QStringList order;
    for (const dcs::FleetSource &source : m_fleet->sources())
        order.append(source.key());
    return order;
}

bool FleetWindow::isShowingRows() const {
    return m_steps->pending() > 0;
}

void FleetWindow::showSource(const QString &sourceKey) {
    // Steps still queued for an earlier showing of this source are void from now on.
    const quint64 generation = ++m_showings;
    m_showing.insert(sourceKey, generation);
    QStringList keys;
    if (m_fleet->source(sourceKey)) {
        if (const std::optional<FleetRow> own = ownRowOf(sourceKey))
            keys.append(own->key());
        keys += m_fleet->instanceKeys(sourceKey);
    }
    const QStringList order = sourceOrder();
    if (keys.size() <= RowsPerStep) {
        m_model->setSourceRows(sourceKey, rowsOf(sourceKey), order);
        m_header.start();
        updateActions();
        return;
    }
    // A long list: the rows the table has in the same places stay (updated in place as their
    // turn comes), what follows them goes now, and the rest comes RowsPerStep rows per turn of
    // the event loop, each made from what the fleet knows when it goes in — so a change told
    // meanwhile about a row not in the table yet is not lost.
    int count = 0;
    const int first = m_model->sourceRange(sourceKey, order, &count);
    // Room for every row the fleet knows of now (the other sources' too, and their own rows), so
    // that the table does not grow, copying thousands of rows, in one of the steps.
    m_model->reserveRows(qMax<qsizetype>(m_model->rowCount() - count + keys.size(),
                                         m_fleet->knownInstanceCount() + order.size()));
    int kept = 0;
    while (kept < count && kept < keys.size() &&
           m_model->rowAt(first + kept).key() == keys.at(kept))
        ++kept;
    if (kept < count)
        m_model->replaceRange(first + kept, count - kept, {});
    // From the next turn: what told the fleet's change (a list read, a cache loaded) has work of
    // its own in this one.
    m_steps->add([this, sourceKey, generation, keys, kept] {
        showSourceStep(sourceKey, generation, keys, kept, 0);
    });
}

void FleetWindow::showSourceStep(const QString &sourceKey, quint64 generation,
                                 const QStringList &keys, int kept, int from) {
    if (m_showing.value(sourceKey) != generation)
        return;
    int end = from;
    // Piece after piece while another one fits in the turn's time, each made from what the fleet
    // knows when it goes in.
    const bool more = piecesWithinBudget(StepBudgetMs, [&] {
        from = end;
        end = qMin(from + RowsPerStep, int(keys.size()));
        QList<FleetRow> stay;
        QList<FleetRow> fresh;
        for (int i = from; i < end; ++i) {
            const QString &key = keys.at(i);
            std::optional<FleetRow> row;
            if (key.startsWith(QLatin1String("source:")))
                row = ownRowOf(sourceKey);
            else if (const FleetInstance *instance = m_fleet->instance(key))
                row = rowFor(*instance);
            if (!row)
                continue; // gone meanwhile: the source is shown again anyway
            (i < kept ? stay : fresh).append(*row);
        }
        if (!stay.isEmpty())
            m_model->updateRows(stay);
        if (!fresh.isEmpty()) {
            int count = 0;
            const int first = m_model->sourceRange(sourceKey, sourceOrder(), &count);
            m_model->replaceRange(first + count, 0, fresh);
        }
        return end < keys.size();
    });
    if (more) {
        m_steps->add([this, sourceKey, generation, keys, kept, end] {
            showSourceStep(sourceKey, generation, keys, kept, end);
        });
    } else {
        m_showing.remove(sourceKey);
    }
    m_header.start();
    updateActions();
}

// ---- reading -----------------------------------------------------------------------------------

void FleetWindow::start() {
    if (m_fleet->isCacheLoaded())
        refresh(false);
    else
        m_fleet->loadCache(); // refreshes once it is in
    m_tick.start();
}

void FleetWindow::refresh(bool force) {
    m_fleet->refresh(force);
    updateProgress();
    updateActions();
}

void FleetWindow::flushChanges() {
    // Pieces of RowsPerStep rows while another one fits in the turn's time: thousands told at
    // once (a long source's reads asked for) are shown over the next turns.
    bool any = false;
    const bool more = piecesWithinBudget(StepBudgetMs, [&] {
        QSet<QString> keys;
        if (m_changed.size() <= RowsPerStep) {
            keys = std::exchange(m_changed, {});
        } else {
            for (auto it = m_changed.begin(); it != m_changed.end() && keys.size() < RowsPerStep;) {
                keys.insert(*it);
                it = m_changed.erase(it);
            }
        }
        // All at once: a sorted view re-sorts once per range of changed rows, not once per row.
        QList<FleetRow> rows;
        rows.reserve(keys.size());
        for (const QString &key : std::as_const(keys)) {
            if (const FleetInstance *instance = m_fleet->instance(key))
                rows.append(rowFor(*instance));
        }
        m_model->updateRows(rows);
        any = any || !keys.isEmpty();
        return !m_changed.isEmpty();
    });
    if (more)
        m_flush.start(0);
    if (any) {
        m_header.start();
        updateDetails();
        updateActions();
    }
}

void FleetWindow::applySettings(const dcs::ConsoleSettings &settings) {
    m_options.console = settings;
    m_queue->setConcurrency(settings.fleetConcurrency);
    m_fleet->setMaxAgeSeconds(qint64(settings.fleetMaxAgeMinutes) * 60);
    m_fleet->setThresholds(settings.healthThresholds());
    flushChanges();
}

// ---- what the window says ----------------------------------------------------------------------

QString FleetWindow::countsText() const {
    const QHash<HealthVerdict, int> counts = m_fleet->verdictCounts();
    int failed = 0;
    for (const dcs::FleetSource &source : m_fleet->sources()) {
        if (m_fleet->sourceState(source.key()).phase == FleetSourceState::Phase::Failed)
            ++failed;
    }
    QStringList parts{
        tr("Healthy: %1").arg(counts.value(HealthVerdict::Healthy)),
        tr("At risk: %1").arg(counts.value(HealthVerdict::AtRisk)),
        tr("Cannot be restored: %1").arg(counts.value(HealthVerdict::CannotRestore)),
    };
    if (counts.value(HealthVerdict::Unknown) > 0)
        parts.append(tr("Not read yet: %1").arg(counts.value(HealthVerdict::Unknown)));
    if (failed > 0)
        parts.append(tr("%n source(s) could not be read", nullptr, failed));
    return parts.join(QStringLiteral(" · "));
}

void FleetWindow::updateHeader() {
    const QHash<HealthVerdict, int> counts = m_fleet->verdictCounts();
    using Role = ConsolePalette::Role;
    const auto part = [](Role role, const QString &label, int n) {
        return ConsolePalette::span(
            role,
            QStringLiteral("<b>%1</b> %2").arg(label.toHtmlEscaped()).arg(QLocale().toString(n)));
    };
    QStringList parts{part(Role::SuccessText, tr("Healthy"), counts.value(HealthVerdict::Healthy)),
                      part(Role::CautionText, tr("At risk"), counts.value(HealthVerdict::AtRisk)),
                      part(Role::DangerText, tr("Cannot be restored"),
                           counts.value(HealthVerdict::CannotRestore))};
    if (counts.value(HealthVerdict::Unknown) > 0)
        parts.append(QStringLiteral("%1 %2")
                         .arg(tr("Not read yet").toHtmlEscaped())
                         .arg(QLocale().toString(counts.value(HealthVerdict::Unknown))));
    int failed = 0;
    for (const dcs::FleetSource &source : m_fleet->sources()) {
        if (m_fleet->sourceState(source.key()).phase == FleetSourceState::Phase::Failed)
            ++failed;
    }
    if (failed > 0)
        parts.append(ConsolePalette::span(
            Role::DangerText,
            tr("%n source(s) could not be read", nullptr, failed).toHtmlEscaped()));
    ui->countsLabel->setText(parts.join(QStringLiteral(" · ")));
    // Read as plain text by screen readers.
    ui->countsLabel->setAccessibleName(countsText());
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    statusBar()->setToolTip(shown == total
                                ? tr("%n row(s)", nullptr, total)
                                : tr("Showing %1 of %n row(s)", nullptr, total).arg(shown));
}

void FleetWindow::updateProgress() {
    const bool busy = m_fleet->isBusy();
    const int total = qMax(1, m_fleet->progressTotal());
    ui->fleetProgress->setRange(0, total);
    ui->fleetProgress->setValue(busy ? qMin(m_fleet->progressDone(), total) : total);
    ui->fleetProgress->setVisible(busy);
    ui->cancelButton->setEnabled(busy);
    ui->cancelAction->setEnabled(busy);
    if (busy) {
        ui->progressLabel->setText(tr("Reading %1 of %2…")
                                       .arg(QLocale().toString(m_fleet->progressDone()),
                                            QLocale().toString(m_fleet->progressTotal())));
        return;
    }
    bool remembered = false;
    QDateTime listed;
    for (const dcs::FleetSource &source : m_fleet->sources()) {
        const FleetSourceState state = m_fleet->sourceState(source.key());
        remembered = remembered || state.fromCache;
        if (state.listedAt.isValid() && (!listed.isValid() || state.listedAt < listed))
            listed = state.listedAt;
    }
    if (!listed.isValid())
        ui->progressLabel->clear();
    else if (remembered)
        ui->progressLabel->setText(
            tr("Showing what was known on %1").arg(DisplayText::dateTimeMinutes(listed)));
    else
        ui->progressLabel->setText(tr("Read %1").arg(DisplayText::dateTimeMinutes(listed)));
}

void FleetWindow::updateActions() {
    const QStringList selected = selectedInstanceKeys();
    ui->rereadSelectedAction->setEnabled(!selected.isEmpty());
    ui->openInstanceAction->setEnabled(selected.size() == 1);
    bool attention = false;
    for (const QString &key : selected) {
        const FleetInstance *row = m_fleet->instance(key);
        attention = attention || (row && dcs::needsAttention(row->health.verdict));
    }
    ui->backUpAction->setEnabled(attention);
    ui->exportAction->setEnabled(m_proxy->rowCount() > 0);
}

void FleetWindow::updateDetails() {
    const QModelIndex current = ui->fleetTable->currentIndex();
    if (!current.isValid()) {
        ui->detailsLabel->setText(tr("Select an instance to see why it has its verdict."));
        return;
    }
    const FleetRow &row = m_model->rowAt(m_proxy->mapToSource(current).row());
    const QString where = tr("%1 · %2 / %3").arg(row.profileName, row.region, row.projectLabel);
    if (row.kind == FleetRow::Kind::Source) {
        ui->detailsLabel->setText(
            tr("%1: %2\n%3")
                .arg(where, FleetTableModel::sourcePhaseText(row.source), row.source.error));
        return;
    }
    QString text =
        tr("%1 (%2): %3").arg(row.instance.instance.name, where, FleetTableModel::verdictCell(row));
    const QString reasons = FleetTableModel::reasonsCell(row);
    if (!reasons.isEmpty())
        text += QLatin1Char('\n') + reasons;
    if (row.instance.facts)
        text += QLatin1Char('\n') +
                tr("Backups read %1.").arg(DisplayText::dateTime(row.instance.facts->readAt));
    ui->detailsLabel->setText(text);
}

void FleetWindow::tellTurned() {
    const QList<QPair<QString, HealthVerdict>> turned = std::exchange(m_turned, {});
    if (turned.isEmpty())
        return;
    QStringList lines;
    for (int i = 0; i < turned.size() && i < 5; ++i) {
        const FleetInstance *row = m_fleet->instance(turned.at(i).first);
        if (!row)
            continue;
        const dcs::FleetSource *source = m_fleet->source(row->sourceKey);
        const QString reason =
            row->health.reasons.isEmpty() ? QString() : row->health.reasons.constFirst().text();
        lines.append(tr("%1 (%2, %3): %4 — %5")
                         .arg(row->instance.name, sourceName(row->sourceKey),
                              source ? source->region() : QString(),
                              dcs::verdictText(turned.at(i).second), reason));
    }
    if (turned.size() > 5)
        lines.append(tr("… and %n more", nullptr, int(turned.size()) - 5));
    const QString title = tr("%n instance(s) need attention", nullptr, int(turned.size()));
    const QString text = lines.join(QLatin1Char('\n'));
    m_lastNotification = title + QLatin1Char('\n') + text;
    if (m_options.notify)
        m_options.notify(title, text);
}

void FleetWindow::fitColumns() {
    // The instance types and the last successful backup's time with its age whole, in the
    // language shown (fixed widths cut "Master/Standby" and "(20 hours 30 minutes ago)"); the
    // sources' projects whole on one line.
    const QFontMetrics metrics = ui->fleetTable->fontMetrics();
    const int padding = 4 * metrics.horizontalAdvance(QLatin1Char(' ')) + 8;
    QHeaderView *header = ui->fleetTable->horizontalHeader();
    int type = header->sectionSizeHint(FleetTableModel::Type);
    for (dcs::InstanceType t :
         {dcs::InstanceType::Single, dcs::InstanceType::MasterStandby, dcs::InstanceType::Cluster,
          dcs::InstanceType::Proxy, dcs::InstanceType::ReadWriteSplit})
        type = qMax(type, metrics.horizontalAdvance(dcs::instanceTypeDisplayName(t)) + padding);
    header->resizeSection(FleetTableModel::Type, type);
    const QDateTime sample(QDate(2026, 12, 28), QTime(23, 59), Qt::UTC);
    const QString longest = FleetTableModel::tr("%1 (%2 ago)")
                                .arg(DisplayText::dateTimeMinutes(sample),
                                     dcs::RestoreImpact::durationText(23 * 3600 + 59 * 60));
    header->resizeSection(FleetTableModel::LastSuccess,
                          qMax(header->sectionSizeHint(FleetTableModel::LastSuccess),
                               metrics.horizontalAdvance(longest) + padding));
    ui->sourcesTable->setWordWrap(false);
    ui->sourcesTable->resizeColumnToContents(FleetSourceModel::Project);
}

void FleetWindow::retranslate() {
    setWindowTitle(tr("Fleet — DCS Console"));
    ui->filterEdit->setPlaceholderText(tr("Name, ID, profile, region, project, status or reason"));
    ui->fleetTable->setAccessibleName(tr("Instances of every chosen profile, region and project"));
    ui->sourcesTable->setAccessibleName(tr("Profiles, regions and projects read"));
    ui->fleetProgress->setAccessibleName(tr("Reading progress"));
    m_model->retranslate();
    m_sources->retranslate();
    fitColumns();
    updateHeader();
    updateProgress();
    updateDetails();
}

void FleetWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    // The header's colours are the palette's: a dark theme gets its readable ones.
    if (event->type() == QEvent::PaletteChange)
        updateHeader();
    QMainWindow::changeEvent(event);
}

// ---- acting ------------------------------------------------------------------------------------

QStringList FleetWindow::selectedInstanceKeys() const {
    QStringList keys;
    const QModelIndexList rows = ui->fleetTable->selectionModel()->selectedRows();
    QList<QModelIndex> ordered(rows.cbegin(), rows.cend());
    std::sort(ordered.begin(), ordered.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : ordered) {
        const FleetRow &row = m_model->rowAt(m_proxy->mapToSource(index).row());
        if (row.kind == FleetRow::Kind::Instance)
            keys.append(row.instance.key());
    }
    return keys;
}

bool FleetWindow::selectInstance(const QString &instanceKey) {
    const int at = m_model->rowOf(instanceKey);
    if (at < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(at, 0));
    if (!index.isValid())
        return false;
    ui->fleetTable->setCurrentIndex(index);
    ui->fleetTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    ui->fleetTable->scrollTo(index);
    return true;
}

void FleetWindow::openSelected() {
    QStringList keys = selectedInstanceKeys();
    // Tabbed into, the table has a current row and nothing selected: Return opens that row.
    const QModelIndex current = ui->fleetTable->currentIndex();
    if (keys.isEmpty() && current.isValid()) {
        const FleetRow &row = m_model->rowAt(m_proxy->mapToSource(current).row());
        if (row.kind == FleetRow::Kind::Instance)
            keys.append(row.instance.key());
    }
    if (keys.size() != 1)
        return;
    const FleetInstance *row = m_fleet->instance(keys.constFirst());
    if (!row)
        return;
    Q_EMIT openInstanceRequested(profileIdOf(row->sourceKey), scopeKeyOf(row->sourceKey),
                                 row->instance.instanceId);
}

FleetBackupDialog *FleetWindow::openBackupDialog() {
    QList<FleetBackupDialog::Entry> entries;
    for (const QString &key : selectedInstanceKeys()) {
        const FleetInstance *row = m_fleet->instance(key);
        if (!row)
            continue;
        FleetBackupDialog::Entry entry;
        entry.key = key;
        entry.name = row->instance.name;
        const dcs::FleetSource *source = m_fleet->source(row->sourceKey);
        entry.where = tr("%1 · %2 / %3")
                          .arg(sourceName(row->sourceKey), source ? source->region() : QString(),
                               source ? source->projectLabel() : QString());
        entry.verdict = dcs::verdictText(row->health.verdict);
        if (!dcs::needsAttention(row->health.verdict))
            entry.leftOut = tr("Its backups are healthy.");
        else
            entry.leftOut = m_fleet->backupRefusal(key);
        entries.append(entry);
    }
    if (entries.isEmpty())
        return nullptr;
    auto *dialog = new FleetBackupDialog(entries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &FleetBackupDialog::confirmed, this,
        [this](const QStringList &keys, const QString &remark) { m_fleet->backUp(keys, remark); });
    dialog->open();
    return dialog;
}

FleetSourcesDialog *FleetWindow::openSourcesDialog() {
    const QList<dcs::Profile> profiles =
        m_options.profiles ? m_options.profiles() : QList<dcs::Profile>{};
    QList<FleetSourcesDialog::Choice> choices;
    for (const dcs::Profile &profile : profiles) {
        FleetSourcesDialog::Choice choice;
        choice.profileId = profile.id;
        choice.name = m_options.displayName ? m_options.displayName(profile.id) : profile.name;
        choice.scopes = profile.scopes();
        choices.append(choice);
    }
    auto *dialog = new FleetSourcesDialog(
        choices, m_explicitKeys ? *m_explicitKeys : chosenSourceKeys(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FleetSourcesDialog::chosen, this, [this](const QStringList &keys) {
        setChosenSourceKeys(keys);
        refresh(false);
    });
    dialog->open();
    return dialog;
}

bool FleetWindow::exportCsv(const QString &path, QString *error) const {
    QList<dcs::FleetExportRow> rows;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const FleetRow &row = m_model->rowAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
        dcs::FleetExportRow out;
        out.profileName = row.profileName;
        out.region = row.region;
        out.projectName = row.projectLabel;
        out.projectId = row.projectId;
        if (row.kind == FleetRow::Kind::Source) {
            out.sourceError = row.source.error.isEmpty()
                                  ? FleetTableModel::sourcePhaseText(row.source)
                                  : row.source.error;
        } else {
            out.instance = row.instance;
        }
        rows.append(out);
    }
    return dcs::fleetCsv(rows).save(path, error);
}

void FleetWindow::exportWithDialog() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        QStringLiteral("dcs-fleet-%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the Fleet"), QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        m_status = tr("Saved %n row(s) to %1.", nullptr, m_proxy->rowCount())
                       .arg(QDir::toNativeSeparators(path));
    else
        m_status = tr("The fleet was not saved: %1").arg(error);
    statusBar()->showMessage(m_status, StatusMessageMs);
}

void FleetWindow::showContextMenu(const QPoint &pos) {
    QMenu menu(this);
    menu.addAction(ui->openInstanceAction);
    menu.addAction(ui->backUpAction);
    menu.addAction(ui->rereadSelectedAction);
    menu.exec(ui->fleetTable->viewport()->mapToGlobal(pos));
}
