#include "shell/MainWindow.h"

#include "api/DcsClient.h"
#include "audit/AuditDialog.h"
#include "backups/BackupAnnouncer.h"
#include "fleet/FleetLauncher.h"
#include "fleet/FleetWindow.h"
#include "instances/AutoRefresh.h"
#include "instances/InstanceBrowser.h"
#include "profiles/DemoSimulator.h"
#include "profiles/LatestSessionOpener.h"
#include "profiles/ProfileStore.h"
#include "profiles/ProfileSwitcher.h"
#include "profiles/ScopeSwitcher.h"
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
#include "settings/LanguageMenu.h"
#include "settings/SettingsDialog.h"
#include "settings/ThemeManager.h"
#include "shell/AboutDialog.h"
#include "shell/ConsoleStatusBar.h"
#include "shell/SessionBanners.h"
#include "ui_MainWindow.h"
#include "widgets/AfterFirstFrame.h"
#include "widgets/NoticeBanner.h"
#include "widgets/ThemedIcon.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QSettings>
#include <QTimer>
#include <utility>

MainWindow::MainWindow(const ConsoleContext &context, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_context(context)
    , m_profileCombo(new QComboBox(this))
    , m_profileComboLabel(new QLabel(this))
    , m_requestLog(new RequestLogModel(this)) {
    Q_ASSERT(context.followedRestores);
    ui->setupUi(this);
    setWindowIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/dcs-console.svg")));
    // The title is the open profile's name, a value shown as it is in every language.
    setProperty("dcsTitleIsData", true);
    m_notice = new NoticeBanner(ui->restoreNoticeLabel, this);
    m_notifier = new RestoreNotifier(this, m_notice);
    m_autoRefresh = new AutoRefresh(ui->statusBar->refreshLabel(), this);
    connect(m_autoRefresh, &AutoRefresh::due, this, [this] {
        // Statuses on their own; a dialog the user is working in reads its own data.
        if (m_browser)
            m_browser->refreshChanges();
    });
    // The request log's entry in the View menu (Ctrl+L); the dock itself is built the first time
    // it is shown, not before the window's first frame. The model fills from the start.
    m_requestLogAction = new QAction(this);
    m_requestLogAction->setObjectName(QStringLiteral("requestLogAction"));
    m_requestLogAction->setCheckable(true);
    m_requestLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_requestLogAction, &QAction::triggered, this, [this](bool shown) {
        RequestLogDock *dock = requestLogDock();
        dock->setVisible(shown);
        if (shown)
            dock->raise();
    });
    ui->viewMenu->addAction(m_requestLogAction);
    ui->errorPanel->clear();

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
    new AfterFirstFrame(this, [this] { firstFrameDone(); });
}

MainWindow::~MainWindow() {
    // The browser's replies go with it; the session goes when nothing is followed on it.
    closeSession();
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
    connect(ui->fleetAction, &QAction::triggered, this, [this] { openFleetWindow(); });
    new LanguageMenu(ui->languageMenu, ui->chineseAction, ui->englishAction,
                     ui->systemLanguageAction, m_context.languages, this);
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
    // As wide as the names it offers, also when they change. Not before the first frame: the
    // policy builds the combo's popup at once (at its first show the default policy sizes it
    // the same way, to the names it has then).
    new AfterFirstFrame(this, [combo = m_profileCombo] {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    });
    m_profileCombo->setMinimumContentsLength(18);
    const bool available = m_context.profiles && m_context.secrets && m_context.opener;
    ui->mainToolBar->addWidget(m_profileComboLabel)->setVisible(available);
    ui->mainToolBar->addWidget(m_profileCombo)->setVisible(available);
    if (available)
        m_profiles =
            new ProfileSwitcher(m_context.profiles, m_context.secrets, m_profileCombo, this);
    // A profile with several region + project pairs: which one the browser shows.
    m_scopes = new ScopeSwitcher(m_profiles, ui->mainToolBar, this);
    connect(m_scopes, &ScopeSwitcher::chosen, this,
            [this](const QString &key) { switchToProfile(currentProfileId(), key); });
    ui->fleetAction->setEnabled(available);
    ui->profilesMenu->setEnabled(available);
    for (QAction *action : ui->profilesMenu->actions())
        action->setEnabled(available);
    if (!available)
        return;
    m_fleet = new FleetLauncher(m_context, m_profiles, m_notifier, m_requestLog, this);
    connect(m_fleet, &FleetLauncher::openInstanceRequested, this, &MainWindow::openInstance);
    connect(m_profiles, &ProfileSwitcher::chosen, this,
            [this](const QString &id) { switchToProfile(id); });
    connect(m_profiles, &ProfileSwitcher::saved, this,
            [this](const dcs::Profile &profile, ProfileDialog::Mode mode) {
                // A new profile is opened at once; an edited open one is reopened with its
                // changes.
                const bool shown = m_session && m_session->info().profileId == profile.id;
                if (mode != ProfileDialog::Mode::Edit || shown || profile.id == currentProfileId())
                    switchToProfile(profile.id);
            });
    m_profiles->setMenuActions(ui->newProfileAction, ui->editProfileAction,
                               ui->duplicateProfileAction, ui->deleteProfileAction, m_requestLog);
    connect(ui->deleteProfileAction, &QAction::triggered, this,
            [this] { deleteProfile(currentProfileId(), true); });

    // Only the answer to the window's last open() is shown.
    m_opening = new dcs::LatestSessionOpener(m_context.opener, this);
    connect(m_opening, &dcs::LatestSessionOpener::opened, this, &MainWindow::showSession);
    connect(m_opening, &dcs::LatestSessionOpener::failed, this,
            [this](const dcs::Profile &profile, const QString &message) {
                if (profile.demo)
                    showStartFailure(message);
                else
                    showOpenFailure(profile, message);
            });
    connect(m_context.opener, &dcs::SessionOpener::demoStopped, this,
            [this](const QString &region, const QString &message) {
                if (m_session && m_session->info().isSimulator &&
                    m_session->info().region == region)
                    showStartFailure(message);
            });
}

void MainWindow::setupFollowing() {
    const auto namer = [this](const QString &profileId) {
        return otherProfileName(profileId);
    };
    m_restoreAnnouncer = new RestoreAnnouncer(ui->errorPanel, m_notice, m_notifier,
                                              ui->statusBar->restoreProgress(), this);
    m_restoreAnnouncer->setProfileNamer(namer);
    m_restoreAnnouncer->setFollowedRestores(m_context.followedRestores);
    // After the announcer: the user has been told when restoreFinished() comes.
    connect(m_context.followedRestores, &dcs::FollowedRestores::finished, this,
            [this](const dcs::PendingRestore &, const dcs::RestoreRecord &record) {
                updateActions();
                Q_EMIT restoreFinished(record);
            });
    connect(m_context.followedRestores, &dcs::FollowedRestores::auditFailed, this,
            [this](const QString &message) { ui->statusBar->tell(message); });
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
    m_scopes->setCurrentKey(scope.key());
    m_profiles->setCurrentId(profile->id);
    if (!profile->sessionOnly)
        m_context.profiles->setLastUsedId(profile->id);
    if (profile->demo)
        showStarting();
    else
        showOpening(*profile);
    // The window's first frame before the profile's start: a Demo simulator's process, the
    // keychain's read of the secrets and the first request all wait for it.
    const QPointer<dcs::LatestSessionOpener> opening = m_opening;
    afterFirstFrame([opening, profile = profile->atScope(scope)] {
        if (opening)
            opening->open(profile);
    });
    return true;
}

void MainWindow::afterFirstFrame(std::function<void()> work) {
    if (m_painted || (!isVisible() && !m_frameExpected)) {
        work();
        return;
    }
    if (m_afterFirstFrame.isEmpty())
        QTimer::singleShot(FirstFrameWaitMs, this, &MainWindow::firstFrameDone);
    m_afterFirstFrame.append(std::move(work));
}

void MainWindow::expectFirstFrame() {
    m_frameExpected = true;
}

void MainWindow::firstFrameDone() {
    // Painted, or waited long enough for it: nothing more waits for a frame.
    m_painted = true;
    // In the order asked; a piece of work may ask for more, which runs at once.
    const QList<std::function<void()>> work = std::exchange(m_afterFirstFrame, {});
    for (const std::function<void()> &piece : work)
        piece();
}

bool MainWindow::openInstance(const QString &profileId, const QString &scopeKey,
                              const QString &instanceId) {
    const bool shown = m_session && m_session->info().profileId == profileId &&
                       currentScopeKey() == scopeKey && m_browser;
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

QString MainWindow::currentScopeKey() const {
    return m_scopes->currentKey();
}

FleetWindow *MainWindow::openFleetWindow() {
    return m_fleet ? m_fleet->open(m_settings) : nullptr;
}

FleetWindow *MainWindow::fleetWindow() const {
    return m_fleet ? m_fleet->fleetWindow() : nullptr;
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
    ui->statusBar->tell(tr("Deleted the profile \"%1\".").arg(profile->name));
    return true;
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
    ui->startPage->setState(StartPage::State::None);
    const dcs::SessionInfo &info = session->info();
    session->setBackupPollMs(m_context.timings.backupPollMs);
    connect(session->client(), &dcs::DcsClient::requestFinished, m_requestLog,
            &RequestLogModel::append, Qt::UniqueConnection);
    m_backupAnnouncer->watch(session);
    if (m_profiles)
        m_profiles->setCurrentId(info.profileId);
    m_scopes->showSession(info);
    ui->sessionBanners->showSession(info,
                                    m_profiles ? m_profiles->find(info.profileId) : std::nullopt);
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
    ui->statusBar->restoreProgress()->refresh();
    retranslate();
    // Restores this profile left running (this run or an earlier one) are followed again.
    session->resumeRestores();
    const QPointer<InstanceBrowser> browser = m_browser;
    afterFirstFrame([browser] {
        if (browser)
            browser->refresh();
    });
    m_autoRefresh->setRunning(true);
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
    connect(ui->downloadBackupAction, &QAction::triggered, browser,
            &InstanceBrowser::downloadSelectedBackup);
    connect(ui->changeBackupPolicyAction, &QAction::triggered, browser,
            &InstanceBrowser::changeBackupPolicy);
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
    connect(browser, &InstanceBrowser::statusMessage, ui->statusBar, &ConsoleStatusBar::tell);
    ui->statusBar->setStatusCounts({});
    connect(browser, &InstanceBrowser::statusCountsChanged, ui->statusBar,
            &ConsoleStatusBar::setStatusCounts);
    connect(browser, &InstanceBrowser::failed, this, &MainWindow::showError);
}

void MainWindow::showError(const dcs::ApiError &error, std::function<QString()> action) {
    ui->errorPanel->showError(error, std::move(action));
    ui->statusBar->tell(error.summary());
}

void MainWindow::showStarting() {
    showStartPage(StartPage::State::Starting, {}, {});
}

void MainWindow::showStartFailure(const QString &message) {
    showStartPage(StartPage::State::Failed, {}, message);
    ui->errorPanel->showMessage([] { return tr("The local simulator could not be started"); },
                                [message] { return message; });
}

void MainWindow::showOpening(const dcs::Profile &profile) {
    showStartPage(StartPage::State::Opening, profile.name, {});
}

void MainWindow::showOpenFailure(const dcs::Profile &profile, const QString &message) {
    showStartPage(StartPage::State::OpenFailed, profile.name, message);
    const QString name = profile.name;
    ui->errorPanel->showMessage(
        [name] { return tr("The profile \"%1\" could not be opened").arg(name); },
        [message] { return message; });
}

void MainWindow::showStartPage(StartPage::State state, const QString &profileName,
                               const QString &message) {
    closeSession();
    ui->startPage->setState(state, profileName, message);
    ui->centralStack->setCurrentWidget(ui->startPage);
    // The Demo's banner while its simulator starts, or says why it did not.
    ui->sessionBanners->showNoSession(state == StartPage::State::Starting ||
                                      state == StartPage::State::Failed);
    m_notice->refresh();
    ui->statusBar->restoreProgress()->refresh();
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
    apply(ui->downloadBackupAction, dcs::ActionRules::downloadBackup(facts), true);
    apply(ui->changeBackupPolicyAction, dcs::ActionRules::changeBackupPolicy(facts), true);
    ui->exportInstancesAction->setEnabled(m_browser && m_browser->shownInstanceCount() > 0);
}

void MainWindow::updateStatusBar() {
    ui->statusBar->showState(m_browser, sessionName(),
                             m_session ? m_session->info().region : QString(),
                             ui->startPage->isWaiting());
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

RequestLogDock *MainWindow::requestLogDock() {
    if (!m_requestLogDock) {
        m_requestLogDock = new RequestLogDock(m_requestLog, this);
        addDockWidget(Qt::BottomDockWidgetArea, m_requestLogDock);
        m_requestLogDock->hide();
        // The window's action stands for the dock's own (which is in no menu): it follows the
        // dock however it is shown or closed.
        QAction *own = m_requestLogDock->toggleViewAction();
        own->setObjectName(QString());
        own->setShortcut({});
        connect(own, &QAction::toggled, m_requestLogAction, &QAction::setChecked);
    }
    return m_requestLogDock;
}

void MainWindow::retranslate() {
    // The window system appends the display name to titles that lack it: in Chinese it must be
    // the Chinese name, or every title bar would end in "DCS Console".
    QGuiApplication::setApplicationDisplayName(tr("DCS Console"));
    // The title names the open profile; the window system appends the display name, so the
    // program's name is not written here a second time.
    setWindowTitle(m_session ? sessionName() : QString());
    m_profileComboLabel->setText(tr("Profile:"));
    // The dock's own words for it, as its toggle action has them.
    m_requestLogAction->setText(RequestLogDock::tr("&Request Log"));
    m_requestLogAction->setToolTip(
        RequestLogDock::tr("Show every request the console sent, with its status and request ID"));
    m_profileCombo->setToolTip(tr("The open profile; choose another to switch to it"));
    if (m_browser)
        m_browser->setOptions(
            {sessionName(), m_settings.oldBackupWarningSeconds(), m_context.secrets});
    updateActions();
    updateStatusBar();
}

bool MainWindow::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QMainWindow::event(event);
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
