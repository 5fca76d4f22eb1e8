#include "shell/MainWindow.h"

#include "api/DcsClient.h"
#include "audit/AuditDialog.h"
#include "backups/BackupAnnouncer.h"
#include "fleet/FleetWindow.h"
#include "instances/AutoRefresh.h"
#include "instances/InstanceBrowser.h"
#include "profiles/DemoSimulator.h"
#include "profiles/ProfileStore.h"
#include "profiles/ProfileSwitcher.h"
#include "profiles/Regions.h"
#include "profiles/Session.h"
#include "profiles/SessionBuilder.h"
#include "profiles/SessionOpener.h"
#include "requestlog/RequestLogDock.h"
#include "requestlog/RequestLogModel.h"
#include "restore/ActionRules.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreAnnouncer.h"
#include "restore/RestoreNotifier.h"
#include "restore/RestoreProgressBar.h"
#include "settings/LanguageManager.h"
#include "settings/SettingsDialog.h"
#include "settings/ThemeManager.h"
#include "shell/AboutDialog.h"
#include "ui_MainWindow.h"
#include "widgets/ConsolePalette.h"
#include "widgets/NoticeBanner.h"
#include "widgets/ThemedIcon.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace {
constexpr int StatusMessageMs = 10000;
} // namespace

MainWindow::MainWindow(const ConsoleContext &context, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_context(context)
    , m_profileCombo(new QComboBox(this))
    , m_profileComboLabel(new QLabel(this))
    , m_scopeCombo(new QComboBox(this))
    , m_scopeComboLabel(new QLabel(this))
    , m_fleetAction(new QAction(this))
    , m_countLabel(new QLabel(this))
    , m_statusCountsLabel(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_profileLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_restoreProgress(new RestoreProgressBar(this))
    , m_requestLog(new RequestLogModel(this)) {
    Q_ASSERT(context.followedRestores);
    ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/dcs-console.svg")));
    // The title is the open profile's name, a value shown as it is in every language.
    setProperty("dcsTitleIsData", true);
    m_notice = new NoticeBanner(ui->restoreNoticeLabel, this);
    m_notifier = new RestoreNotifier(this, m_notice);
    m_autoRefresh = new AutoRefresh(m_refreshLabel, this);
    connect(m_autoRefresh, &AutoRefresh::due, this, [this] {
        // Statuses on their own; a dialog the user is working in reads its own data.
        if (m_browser)
            m_browser->refreshChanges();
    });
    m_requestLogDock = new RequestLogDock(m_requestLog, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_requestLogDock);
    m_requestLogDock->hide();
    QAction *logAction = m_requestLogDock->toggleViewAction();
    logAction->setObjectName(QStringLiteral("requestLogAction"));
    logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    ui->viewMenu->addAction(logAction);
    m_fleetAction->setObjectName(QStringLiteral("fleetAction"));
    m_fleetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    ui->viewMenu->insertAction(logAction, m_fleetAction);
    connect(m_fleetAction, &QAction::triggered, this, [this] { openFleetWindow(); });

    ui->productionBanner->setVisible(false);
    ui->simulatorBanner->setVisible(false);
    ui->insecureBanner->setVisible(false);
    ConsolePalette::follow(this, [this] {
        ui->productionBanner->setStyleSheet(ConsolePalette::dangerFillStyle());
        ui->insecureBanner->setStyleSheet(
            ConsolePalette::panelStyle(ConsolePalette::Tone::Caution));
        ui->simulatorBanner->setStyleSheet(ConsolePalette::demoStyle());
    });
    ui->errorPanel->clear();

    setupStatusBar();
    setupActions();
    setupProfiles();
    setupFollowing();
    if (m_context.settings)
        m_settings = dcs::ConsoleSettings::load(*m_context.settings);
    m_autoRefresh->setIntervalSeconds(m_settings.refreshIntervalSeconds);
    m_context.followedRestores->setTiming(
        m_context.timings.restoreFollowing.value_or(m_settings.trackerTiming()));
    retranslate();
    ui->centralStack->setCurrentWidget(ui->consolePage);
}

MainWindow::~MainWindow() {
    // The browser's replies go with it; the session goes when nothing is followed on it.
    closeSession();
}

void MainWindow::setupStatusBar() {
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_countLabel->setObjectName(QStringLiteral("instanceCountLabel"));
    m_statusCountsLabel->setObjectName(QStringLiteral("statusCountsLabel"));
    m_statusCountsLabel->setProperty("dcsData", true); // words from DisplayText, numbers
    m_refreshLabel->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    statusBar()->addPermanentWidget(m_restoreProgress);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_statusCountsLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->addPermanentWidget(m_profileLabel);
}

void MainWindow::setupActions() {
    // Icons in the text colour of the theme, so they show on dark too.
    ui->refreshAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/refresh.svg")));
    ui->restoreAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/restore.svg")));
    ui->copyInstanceIdAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/copy.svg")));
    ui->quitAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/quit.svg")));
    ui->createBackupAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/backup.svg")));
    ui->deleteBackupAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/delete.svg")));
    ui->exportInstancesAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/export.svg")));
    connect(ui->auditTrailAction, &QAction::triggered, this, [this] { openAuditDialog(); });
    connect(ui->settingsAction, &QAction::triggered, this, [this] { openSettingsDialog(); });
    connect(ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(ui->aboutAction, &QAction::triggered, this, [this] { openAboutDialog(); });

    ui->chineseAction->setData(QStringLiteral("zh_CN"));
    ui->englishAction->setData(QStringLiteral("en"));
    ui->systemLanguageAction->setData(LanguageManager::systemPreference());
    // Each language names itself in its own script, so it can be found from either language;
    // the walk test in tst_i18n knows these two by this property.
    ui->chineseAction->setProperty("dcsLanguageName", true);
    ui->englishAction->setProperty("dcsLanguageName", true);
    auto *languageGroup = new QActionGroup(this);
    languageGroup->setExclusive(true);
    for (QAction *action : {ui->chineseAction, ui->englishAction, ui->systemLanguageAction})
        languageGroup->addAction(action);
    LanguageManager *languages = m_context.languages;
    ui->languageMenu->setEnabled(languages != nullptr);
    if (!languages)
        return;
    connect(languageGroup, &QActionGroup::triggered, languages,
            [languages](QAction *action) { languages->setPreference(action->data().toString()); });
    const auto sync = [this](const QString &preference) {
        ui->chineseAction->setChecked(preference == QLatin1String("zh_CN"));
        ui->englishAction->setChecked(preference == QLatin1String("en"));
        ui->systemLanguageAction->setChecked(preference == LanguageManager::systemPreference());
    };
    sync(languages->preference());
    connect(languages, &LanguageManager::preferenceChanged, this, sync);
}

void MainWindow::setupProfiles() {
    // The profile switcher sits at the right end of the toolbar, like an account switcher.
    auto *toolbarSpacer = new QWidget(this);
    toolbarSpacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    ui->mainToolBar->addWidget(toolbarSpacer);
    m_profileComboLabel->setObjectName(QStringLiteral("profileComboLabel"));
    m_profileComboLabel->setBuddy(m_profileCombo);
    m_profileComboLabel->setContentsMargins(0, 0, 4, 0);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileCombo->setMinimumContentsLength(18);
    const bool available = m_context.profiles && m_context.secrets && m_context.opener;
    ui->mainToolBar->addWidget(m_profileComboLabel)->setVisible(available);
    ui->mainToolBar->addWidget(m_profileCombo)->setVisible(available);
    // A profile with several region + project pairs: which one the browser shows.
    m_scopeComboLabel->setObjectName(QStringLiteral("scopeComboLabel"));
    m_scopeComboLabel->setBuddy(m_scopeCombo);
    m_scopeComboLabel->setContentsMargins(8, 0, 4, 0);
    m_scopeCombo->setObjectName(QStringLiteral("scopeCombo"));
    m_scopeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scopeComboLabelAction = ui->mainToolBar->addWidget(m_scopeComboLabel);
    m_scopeComboAction = ui->mainToolBar->addWidget(m_scopeCombo);
    m_scopeComboLabelAction->setVisible(false);
    m_scopeComboAction->setVisible(false);
    m_fleetAction->setEnabled(available);
    connect(m_scopeCombo, &QComboBox::activated, this, [this](int index) {
        switchToProfile(currentProfileId(), m_scopeCombo->itemData(index).toString());
    });
    ui->profilesMenu->setEnabled(available);
    if (!available) {
        updateProfileActions();
        return;
    }
    m_profiles = new ProfileSwitcher(m_context.profiles, m_context.secrets, m_profileCombo, this);
    connect(m_profiles, &ProfileSwitcher::chosen, this,
            [this](const QString &id) { switchToProfile(id); });
    connect(m_profiles, &ProfileSwitcher::changed, this, [this] {
        updateProfileActions();
        updateScopeCombo();
        if (m_fleet)
            m_fleet->reloadSources();
    });
    connect(m_profiles, &ProfileSwitcher::saved, this,
            [this](const dcs::Profile &profile, ProfileDialog::Mode mode) {
                // A new profile is opened at once; an edited open one is reopened with its
                // changes.
                const bool shown = m_session && m_session->info().profileId == profile.id;
                if (mode != ProfileDialog::Mode::Edit || shown || profile.id == currentProfileId())
                    switchToProfile(profile.id);
            });
    connect(ui->newProfileAction, &QAction::triggered, this,
            [this] { openProfileDialog(ProfileDialog::Mode::New); });
    connect(ui->editProfileAction, &QAction::triggered, this,
            [this] { openProfileDialog(ProfileDialog::Mode::Edit); });
    connect(ui->duplicateProfileAction, &QAction::triggered, this,
            [this] { openProfileDialog(ProfileDialog::Mode::Duplicate); });
    connect(ui->deleteProfileAction, &QAction::triggered, this,
            [this] { deleteProfile(currentProfileId(), true); });

    // Only the answer to the window's last open() is shown; an older one of its own is closed
    // unseen. Sessions others opened (the fleet's) are theirs.
    dcs::SessionOpener *opener = m_context.opener;
    connect(opener, &dcs::SessionOpener::opened, this,
            [this](quint64 ticket, dcs::Session *session) {
                if (!m_ownTickets.remove(ticket))
                    return;
                if (ticket == m_openTicket)
                    showSession(session);
                else
                    session->close();
            });
    connect(opener, &dcs::SessionOpener::failed, this,
            [this](quint64 ticket, const dcs::Profile &profile, const QString &message) {
                if (!m_ownTickets.remove(ticket) || ticket != m_openTicket)
                    return;
                if (profile.demo)
                    showStartFailure(message);
                else
                    showOpenFailure(profile, message);
            });
    connect(opener, &dcs::SessionOpener::demoStopped, this,
            [this](const QString &region, const QString &message) {
                if (m_session && m_session->info().isSimulator &&
                    m_session->info().region == region)
                    showStartFailure(message);
            });
    updateProfileActions();
}

void MainWindow::setupFollowing() {
    const auto namer = [this](const QString &profileId) {
        return otherProfileName(profileId);
    };
    m_restoreAnnouncer =
        new RestoreAnnouncer(ui->errorPanel, m_notice, m_notifier, m_restoreProgress, this);
    m_restoreAnnouncer->setProfileNamer(namer);
    m_restoreAnnouncer->setFollowedRestores(m_context.followedRestores);
    // After the announcer: the user has been told when restoreFinished() comes.
    connect(m_context.followedRestores, &dcs::FollowedRestores::finished, this,
            [this](const dcs::PendingRestore &, const dcs::RestoreRecord &record) {
                updateActions();
                Q_EMIT restoreFinished(record);
            });
    connect(m_context.followedRestores, &dcs::FollowedRestores::auditFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    m_backupAnnouncer = new BackupAnnouncer(statusBar(), ui->errorPanel, m_notice, this);
    m_backupAnnouncer->setProfileNamer(namer);
    connect(m_backupAnnouncer, &BackupAnnouncer::finished, this, &MainWindow::backupFinished);
}

QString MainWindow::otherProfileName(const QString &profileId) const {
    if (m_session && m_session->info().profileId == profileId)
        return {};
    if (m_profiles)
        return m_profiles->displayName(profileId);
    return profileId == dcs::SessionBuilder::demoProfileId()
               ? dcs::SessionBuilder::demoDisplayName()
               : profileId;
}

bool MainWindow::switchToProfile(const QString &id, const QString &scopeKey) {
    const std::optional<dcs::Profile> profile = m_profiles ? m_profiles->find(id) : std::nullopt;
    if (!profile)
        return false;
    m_pendingSelect.clear();
    const dcs::ProfileScope scope = profile->scope(scopeKey).value_or(profile->firstScope());
    m_scopeKey = scope.key();
    m_profiles->setCurrentId(profile->id);
    updateScopeCombo();
    if (!profile->sessionOnly)
        m_context.profiles->setLastUsedId(profile->id);
    if (profile->demo)
        showStarting();
    else
        showOpening(*profile);
    m_openTicket = m_context.opener->open(profile->atScope(scope));
    m_ownTickets.insert(m_openTicket);
    return true;
}

bool MainWindow::openInstance(const QString &profileId, const QString &scopeKey,
                              const QString &instanceId) {
    const bool shown = m_session && m_session->info().profileId == profileId &&
                       m_scopeKey == scopeKey && m_browser;
    if (shown) {
        m_browser->selectInstance(instanceId);
    } else {
        if (!switchToProfile(profileId, scopeKey))
            return false;
        m_pendingSelect = instanceId;
    }
    showNormal();
    raise();
    activateWindow();
    return true;
}

void MainWindow::updateScopeCombo() {
    if (!m_scopeComboAction || !m_profiles)
        return;
    const std::optional<dcs::Profile> profile = m_profiles->find(currentProfileId());
    const QList<dcs::ProfileScope> scopes =
        profile ? profile->scopes() : QList<dcs::ProfileScope>{};
    const QSignalBlocker blocker(m_scopeCombo);
    m_scopeCombo->clear();
    for (const dcs::ProfileScope &scope : scopes)
        m_scopeCombo->addItem(QStringLiteral("%1 / %2").arg(scope.region, scope.projectLabel()),
                              scope.key());
    const int current = m_scopeCombo->findData(m_scopeKey);
    m_scopeCombo->setCurrentIndex(current >= 0 ? current : 0);
    m_scopeComboLabelAction->setVisible(scopes.size() > 1);
    m_scopeComboAction->setVisible(scopes.size() > 1);
}

FleetWindow *MainWindow::openFleetWindow() {
    if (!m_profiles || !m_context.opener)
        return nullptr;
    if (!m_fleet) {
        FleetWindow::Options options;
        options.opener = m_context.opener;
        options.settings = m_context.settings;
        options.profiles = [this] {
            return m_profiles->all();
        };
        options.displayName = [this](const QString &id) {
            return m_profiles->displayName(id);
        };
        options.notify = [this](const QString &title, const QString &text) {
            m_notifier->notify([title] { return title; }, [text] { return text; }, true);
        };
        // Beside the audit trail, in the window's own data folder.
        options.cacheFile =
            QFileInfo(auditFile()).absoluteDir().filePath(QStringLiteral("fleet-health.json"));
        options.console = m_settings;
        options.backupPollMs = m_context.timings.backupPollMs;
        m_fleet = new FleetWindow(options, this);
        m_fleet->setWindowFlag(Qt::Window);
        connect(m_fleet, &FleetWindow::openInstanceRequested, this, &MainWindow::openInstance);
        connect(m_fleet, &FleetWindow::sessionOpened, this, [this](dcs::Session *session) {
            connect(session->client(), &dcs::DcsClient::requestFinished, m_requestLog,
                    &RequestLogModel::append, Qt::UniqueConnection);
        });
        m_fleet->start();
    }
    m_fleet->show();
    m_fleet->raise();
    m_fleet->activateWindow();
    return m_fleet;
}

void MainWindow::addSessionProfile(const dcs::Profile &profile) {
    if (m_profiles)
        m_profiles->addSessionProfile(profile);
}

QString MainWindow::currentProfileId() const {
    return m_profiles ? m_profiles->currentId() : QString();
}

ProfileDialog *MainWindow::openProfileDialog(ProfileDialog::Mode mode) {
    return m_profiles ? m_profiles->openDialog(mode, m_requestLog) : nullptr;
}

bool MainWindow::deleteProfile(const QString &id, bool confirm) {
    const std::optional<dcs::Profile> profile = m_profiles ? m_profiles->find(id) : std::nullopt;
    if (!profile)
        return false;
    const bool wasOpen =
        (m_session && m_session->info().profileId == id) || currentProfileId() == id;
    if (!m_profiles->remove(id, confirm))
        return false;
    if (wasOpen)
        switchToProfile(dcs::SessionBuilder::demoProfileId());
    statusBar()->showMessage(tr("Deleted the profile \"%1\".").arg(profile->name), StatusMessageMs);
    return true;
}

void MainWindow::updateProfileActions() {
    ui->newProfileAction->setEnabled(m_profiles != nullptr);
    ui->editProfileAction->setEnabled(m_profiles && m_profiles->canEdit());
    ui->duplicateProfileAction->setEnabled(m_profiles && m_profiles->canDuplicate());
    ui->deleteProfileAction->setEnabled(m_profiles && m_profiles->canDelete());
}

dcs::Session *MainWindow::session() const {
    return m_session;
}

void MainWindow::closeSession() {
    m_autoRefresh->reset();
    // The browser first: its replies and dialogs go with it.
    delete m_browser;
    if (m_session)
        m_session->close();
    m_session = nullptr;
    // What was said about the profile shown until now would read as the next one's.
    ui->errorPanel->clear();
    statusBar()->clearMessage();
}

void MainWindow::showSession(dcs::Session *session) {
    closeSession();
    m_session = session;
    m_startState = StartState::None;
    const dcs::SessionInfo &info = session->info();
    session->setBackupPollMs(m_context.timings.backupPollMs);
    connect(session->client(), &dcs::DcsClient::requestFinished, m_requestLog,
            &RequestLogModel::append, Qt::UniqueConnection);
    m_backupAnnouncer->watch(session);
    if (m_profiles)
        m_profiles->setCurrentId(info.profileId);
    m_scopeKey = dcs::ProfileScope{info.region, info.projectId, {}, {}}.key();
    updateScopeCombo();
    InstanceBrowser::Actions actions;
    actions.refresh = ui->refreshAction;
    actions.restore = ui->restoreAction;
    actions.copyInstanceId = ui->copyInstanceIdAction;
    actions.createBackup = ui->createBackupAction;
    actions.deleteBackup = ui->deleteBackupAction;
    m_browser = new InstanceBrowser(
        session, actions, {sessionName(), m_settings.oldBackupWarningSeconds(), m_context.secrets},
        ui->consolePage);
    ui->consoleLayout->addWidget(m_browser);
    connectBrowser();
    ui->centralStack->setCurrentWidget(ui->consolePage);
    // What is shown of other profiles names them now, this one's no longer.
    m_notice->refresh();
    m_restoreProgress->refresh();
    retranslate();
    // Restores this profile left running (this run or an earlier one) are followed again.
    session->resumeRestores();
    if (isVisible() && !m_painted) {
        m_listAfterFirstFrame = true;
        QTimer::singleShot(FirstFrameWaitMs, this, &MainWindow::listAfterFirstFrame);
    } else {
        m_browser->refresh();
    }
    m_autoRefresh->setRunning(true);
}

void MainWindow::listAfterFirstFrame() {
    if (!m_listAfterFirstFrame)
        return;
    m_listAfterFirstFrame = false;
    if (m_browser)
        m_browser->refresh();
}

void MainWindow::connectBrowser() {
    InstanceBrowser *browser = m_browser;
    connect(ui->refreshAction, &QAction::triggered, browser, &InstanceBrowser::refresh);
    connect(ui->restoreAction, &QAction::triggered, browser, &InstanceBrowser::restoreSelected);
    connect(ui->copyInstanceIdAction, &QAction::triggered, browser,
            &InstanceBrowser::copyInstanceId);
    connect(ui->createBackupAction, &QAction::triggered, browser, &InstanceBrowser::createBackup);
    connect(ui->deleteBackupAction, &QAction::triggered, browser,
            &InstanceBrowser::deleteSelectedBackup);
    connect(ui->exportInstancesAction, &QAction::triggered, browser,
            &InstanceBrowser::exportInstances);
    connect(browser, &InstanceBrowser::stateChanged, this, [this] {
        updateActions();
        updateStatusBar();
    });
    connect(browser, &InstanceBrowser::refreshed, this,
            [this] { m_autoRefresh->markRefreshed(QDateTime::currentDateTime()); });
    connect(browser, &InstanceBrowser::instancesLoaded, this, &MainWindow::instancesLoaded);
    // Opened from the fleet: the instance it was opened for, once a page has brought it.
    connect(browser, &InstanceBrowser::instancesLoaded, this, [this] {
        if (!m_pendingSelect.isEmpty() && m_browser && m_browser->selectInstance(m_pendingSelect))
            m_pendingSelect.clear();
    });
    connect(browser, &InstanceBrowser::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, StatusMessageMs); });
    m_statusCountsLabel->clear();
    connect(browser, &InstanceBrowser::statusCountsChanged, m_statusCountsLabel, &QLabel::setText);
    connect(browser, &InstanceBrowser::failed, this, &MainWindow::showError);
}

void MainWindow::showError(const dcs::ApiError &error, std::function<QString()> action) {
    ui->errorPanel->showError(error, std::move(action));
    statusBar()->showMessage(error.summary(), StatusMessageMs);
}

void MainWindow::showStarting() {
    showStartPage(StartState::Starting, {}, {});
}

void MainWindow::showStartFailure(const QString &message) {
    showStartPage(StartState::Failed, {}, message);
    ui->errorPanel->showMessage([] { return tr("The local simulator could not be started"); },
                                [message] { return message; });
}

void MainWindow::showOpening(const dcs::Profile &profile) {
    showStartPage(StartState::Opening, profile.name, {});
}

void MainWindow::showOpenFailure(const dcs::Profile &profile, const QString &message) {
    showStartPage(StartState::OpenFailed, profile.name, message);
    const QString name = profile.name;
    ui->errorPanel->showMessage(
        [name] { return tr("The profile \"%1\" could not be opened").arg(name); },
        [message] { return message; });
}

void MainWindow::showStartPage(StartState state, const QString &profileName,
                               const QString &message) {
    closeSession();
    m_startState = state;
    m_openingName = profileName;
    m_startFailure = message;
    ui->centralStack->setCurrentWidget(ui->startPage);
    ui->startProgress->setVisible(state == StartState::Starting || state == StartState::Opening);
    m_notice->refresh();
    m_restoreProgress->refresh();
    retranslate();
}

void MainWindow::updateActions() {
    const dcs::ActionFacts facts = m_browser ? m_browser->actionFacts() : dcs::ActionFacts{};
    const auto apply = [](QAction *action, const dcs::ActionState &state, bool statusTip) {
        action->setEnabled(state.enabled);
        action->setToolTip(state.toolTip);
        if (statusTip)
            action->setStatusTip(state.toolTip);
    };
    apply(ui->refreshAction, dcs::ActionRules::refresh(facts), false);
    apply(ui->copyInstanceIdAction, dcs::ActionRules::copyInstanceId(facts), false);
    apply(ui->restoreAction, dcs::ActionRules::restore(facts), false);
    // Manual backups: the reason is in the tooltip and the status tip when they are off.
    apply(ui->createBackupAction, dcs::ActionRules::createBackup(facts), true);
    apply(ui->deleteBackupAction, dcs::ActionRules::deleteBackup(facts), true);
    ui->exportInstancesAction->setEnabled(m_browser && m_browser->shownInstanceCount() > 0);
}

void MainWindow::updateStatusBar() {
    if (!m_browser) {
        m_countLabel->clear();
    } else {
        const int total = m_browser->instanceCount();
        const int shown = m_browser->shownInstanceCount();
        if (m_browser->isLoadingInstances() && total == 0)
            m_countLabel->setText(tr("Loading instances…"));
        else if (shown == total)
            m_countLabel->setText(tr("%n instance(s)", nullptr, total));
        else
            m_countLabel->setText(tr("Showing %1 of %n instance(s)", nullptr, total).arg(shown));
    }
    QString profile;
    if (m_session) {
        profile = tr("Profile: %1").arg(sessionName());
        // The region with its name: cn-north-4 — CN North-Beijing4.
        const QString region = m_session->info().region;
        if (!region.isEmpty())
            profile += QStringLiteral("  ·  ") + dcs::regions::idWithName(region);
    }
    m_profileLabel->setText(profile);
    m_busy->setVisible((m_browser && m_browser->isLoading()) ||
                       m_startState == StartState::Starting || m_startState == StartState::Opening);
}

void MainWindow::updateBanner() {
    const dcs::SessionInfo info = m_session ? m_session->info() : dcs::SessionInfo{};
    const bool production = m_session && info.production;
    ui->productionBanner->setVisible(production);
    if (production)
        ui->productionBanner->setText(
            tr("<b>Production account — %1.</b> Restoring overwrites the data of live caches; "
               "check the instance and the backup before you restore.")
                .arg(sessionName().toHtmlEscaped()));
    // What the profile's own check only warns about (plain HTTP, an unknown region) stays in
    // sight while the profile is open, whether it came from a dialog or the command line.
    QStringList warnings;
    if (m_session && !info.isSimulator && m_profiles) {
        if (const std::optional<dcs::Profile> profile = m_profiles->find(info.profileId)) {
            for (const dcs::ProfileProblem &problem : dcs::validateProfile(*profile))
                if (problem.warning)
                    warnings << problem.message;
        }
    }
    ui->insecureBanner->setVisible(!warnings.isEmpty());
    ui->insecureBanner->setText(
        warnings.isEmpty() ? QString()
                           : tr("Check this profile: %1").arg(warnings.join(QLatin1Char(' '))));
    const bool simulator = info.isSimulator || m_startState == StartState::Starting ||
                           m_startState == StartState::Failed;
    ui->simulatorBanner->setVisible(simulator);
    if (!simulator)
        return;
    if (!m_session) {
        ui->simulatorBanner->setText(
            tr("<b>Demo profile — local simulator.</b> No profile is configured, so the console "
               "uses a DCS simulator on this computer instead of Huawei Cloud."));
        return;
    }
    ui->simulatorBanner->setText(
        tr("<b>Demo profile — local simulator.</b> This console is talking to the DCS simulator it "
           "started on %1, not to Huawei Cloud. Instances, backups and restores here are "
           "simulated.")
            .arg(info.endpoint.toDisplayString().toHtmlEscaped()));
}

QString MainWindow::sessionName() const {
    if (!m_session)
        return {};
    // The Demo profile is named "Demo" in logs and the audit trail; on screen, in the language.
    const dcs::SessionInfo &info = m_session->info();
    return info.profileId == dcs::SessionBuilder::demoProfileId()
               ? dcs::SessionBuilder::demoDisplayName()
               : info.profileName;
}

void MainWindow::retranslate() {
    // The window system appends the display name to titles that lack it: in Chinese it must be
    // the Chinese name, or every title bar would end in "DCS Console".
    QGuiApplication::setApplicationDisplayName(tr("DCS Console"));
    // The title names the open profile; the window system appends the display name, so the
    // program's name is not written here a second time.
    setWindowTitle(m_session ? sessionName() : QString());
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
    m_scopeComboLabel->setText(tr("Re&gion:"));
    m_fleetAction->setText(tr("&Fleet…"));
    m_fleetAction->setToolTip(tr("Every profile, region and project at once, with the backup "
                                 "health of each instance (Ctrl+Shift+F)"));
    m_profileCombo->setToolTip(tr("The open profile; choose another to switch to it"));
    m_requestLogDock->toggleViewAction()->setText(tr("&Request Log"));
    m_requestLogDock->toggleViewAction()->setToolTip(
        tr("Show every request the console sent, with its status and request ID"));
    if (m_browser)
        m_browser->setOptions(
            {sessionName(), m_settings.oldBackupWarningSeconds(), m_context.secrets});
    updateBanner();
    updateActions();
    updateStatusBar();
}

bool MainWindow::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QMainWindow::event(event);
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // After this frame is on screen, not inside its painting.
        if (m_listAfterFirstFrame)
            QTimer::singleShot(0, this, &MainWindow::listAfterFirstFrame);
    }
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_requestLog->retranslate();
        if (m_profiles)
            m_profiles->fill();
        retranslate();
    }
    return handled;
}

void MainWindow::applySettings(const dcs::ConsoleSettings &settings) {
    m_settings = settings;
    if (m_context.settings)
        settings.save(*m_context.settings);
    if (m_context.themes)
        m_context.themes->apply(settings.theme);
    if (!m_context.timings.restoreFollowing)
        m_context.followedRestores->setTiming(settings.trackerTiming());
    m_autoRefresh->setIntervalSeconds(settings.refreshIntervalSeconds);
    m_autoRefresh->setRunning(m_session != nullptr);
    if (m_fleet)
        m_fleet->applySettings(settings);
    retranslate();
}

int MainWindow::autoRefreshIntervalMs() const {
    return m_autoRefresh->activeIntervalMs();
}

QString MainWindow::lastNotification() const {
    return m_notifier->lastNotification();
}

QString MainWindow::auditFile() const {
    return m_context.followedRestores->auditLog().filePath();
}

AuditDialog *MainWindow::openAuditDialog() {
    if (auto *existing = findChild<AuditDialog *>(QStringLiteral("auditDialog"));
        existing && existing->isVisible()) {
        existing->reload();
        existing->raise();
        return existing;
    }
    auto *dialog = new AuditDialog(auditFile(), this);
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

AboutDialog *MainWindow::openAboutDialog() {
    if (auto *existing = findChild<AboutDialog *>(QStringLiteral("aboutDialog"));
        existing && existing->isVisible()) {
        existing->raise();
        return existing;
    }
    auto *dialog = new AboutDialog(this);
    // The files this window really uses: the settings file (an INI file given with --settings),
    // the data folder of the audit trail, the running Demo's log.
    dcs::StorageLocations where = dialog->locations();
    if (m_context.settings)
        where.settingsFile = m_context.settings->fileName();
    where.auditLog = auditFile();
    where.dataFolder = QFileInfo(auditFile()).absolutePath();
    if (m_context.opener && m_context.opener->demo()->process())
        where.simulatorLog = m_context.opener->demo()->process()->logFile();
    dialog->setLocations(where);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}
