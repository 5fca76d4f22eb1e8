// The parts the main window is made of, on their own and in the window against a real dcs-sim:
// the region switcher (the pairs of a profile, following the session and the profiles, choosing
// another from the keyboard), the banners, the start page, the status bar and the fleet window's
// launcher — what each shows, in English and Chinese.

#include "GuiTestSupport.h"
#include "fleet/Fleet.h"
#include "fleet/FleetLauncher.h"
#include "fleet/FleetTableModel.h"
#include "fleet/FleetWindow.h"
#include "profiles/ProfileSwitcher.h"
#include "profiles/ScopeSwitcher.h"
#include "requestlog/RequestLogModel.h"
#include "restore/RestoreNotifier.h"
#include "settings/LanguageManager.h"
#include "shell/ConsoleStatusBar.h"
#include "shell/SessionBanners.h"
#include "shell/StartPage.h"
#include "widgets/LeadTextLabel.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QVBoxLayout>

using namespace guitest;

namespace {

dcs::ProfileScope scopeAt(const QString &region, const QString &projectId,
                          const QString &projectName = {}, const QUrl &endpoint = {}) {
    dcs::ProfileScope scope;
    scope.region = region;
    scope.projectId = projectId;
    scope.projectName = projectName;
    scope.dcsEndpoint = endpoint;
    return scope;
}

// How many pixels of a banner are its text's: far from its fill (taken inside the padding at the
// top right, where no text is).
int inkOf(QWidget *banner) {
    const QImage image = banner->grab().toImage();
    return inkApartFrom(image, image.pixelColor(image.width() - 5, 3));
}

QStringList itemTexts(const QComboBox *combo) {
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

} // namespace

class TestShellParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start({QStringLiteral("--instances"), QStringLiteral("2")}),
                 qPrintable(m_sim.error()));
        m_console = std::make_unique<Console>(&m_languages);
        m_languages.setPreference(QStringLiteral("en"));
    }

    void cleanupTestCase() {
        m_console.reset();
        m_sim.stop();
    }

    void cleanup() { m_languages.setPreference(QStringLiteral("en")); }

    // The pairs of the profile in the profile combo: listed as "region / project", offered only
    // when there are several, at the pair being opened or shown; a changed profile is listed
    // again.
    void scopeSwitcherListsThePairsOfTheProfile() {
        dcs::Profile three = m_console->saveProfile(m_sim, QStringLiteral("Three pairs"));
        three.otherScopes = {scopeAt(QStringLiteral("cn-south-1"), QStringLiteral("p2"),
                                     QStringLiteral("cn-south-1_ops")),
                             scopeAt(QStringLiteral("cn-east-3"), QStringLiteral("p3"))};
        m_console->saved(three);
        const dcs::Profile one = m_console->saveProfile(m_sim, QStringLiteral("One pair"));

        QMainWindow host;
        auto *toolbar = host.addToolBar(QStringLiteral("bar"));
        auto *profileCombo = new QComboBox(&host);
        toolbar->addWidget(profileCombo);
        ProfileSwitcher profiles(m_console->profiles(), m_console->secrets(), profileCombo, &host);
        ScopeSwitcher scopes(&profiles, toolbar, &host);
        host.resize(1200, 300); // every part of the toolbar in sight, none in its overflow menu
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        QComboBox *combo = host.findChild<QComboBox *>(QStringLiteral("scopeCombo"));
        QCOMPARE(combo, scopes.combo());
        auto *label = host.findChild<QLabel *>(QStringLiteral("scopeComboLabel"));
        QVERIFY(label);
        QCOMPARE(label->buddy(), combo);

        // One pair: nothing to choose.
        QVERIFY(profiles.setCurrentId(one.id));
        QVERIFY(!scopes.isOffered());
        QTRY_VERIFY(!combo->isVisible());
        QTRY_VERIFY(!label->isVisible());

        // Opening the profile at its second pair.
        scopes.setCurrentKey(three.scopes().at(1).key());
        QVERIFY(profiles.setCurrentId(three.id));
        QVERIFY(scopes.isOffered());
        QTRY_VERIFY(combo->isVisible()); // the toolbar lays out later
        QTRY_VERIFY(label->isVisible());
        const QString firstKey = QStringLiteral("cn-north-4/") + SimFixture::projectId();
        QCOMPARE(itemTexts(combo),
                 (QStringList{QStringLiteral("cn-north-4 / ") + SimFixture::projectId(),
                              QStringLiteral("cn-south-1 / cn-south-1_ops"),
                              QStringLiteral("cn-east-3 / p3")}));
        QCOMPARE(combo->itemData(0).toString(), firstKey);
        QCOMPARE(combo->currentIndex(), 1);
        QCOMPARE(scopes.currentKey(), QStringLiteral("cn-south-1/p2"));

        // A session shown at the third pair.
        dcs::SessionInfo info = Console::info(m_sim, three.id, three.name);
        info.region = QStringLiteral("cn-east-3");
        info.projectId = QStringLiteral("p3");
        scopes.showSession(info);
        QCOMPARE(combo->currentIndex(), 2);
        QCOMPARE(scopes.currentKey(), QStringLiteral("cn-east-3/p3"));

        // The user picks another pair from the keyboard: asked for, not yet opened.
        QSignalSpy chosen(&scopes, &ScopeSwitcher::chosen);
        host.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&host));
        combo->setFocus();
        QTRY_VERIFY(combo->hasFocus());
        QTest::keyClick(combo, Qt::Key_Up);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("cn-south-1/p2"));
        QCOMPARE(scopes.currentKey(), QStringLiteral("cn-east-3/p3"));

        // In Chinese, the label; the pairs are data.
        m_languages.setPreference(QStringLiteral("zh_CN"));
        QTRY_COMPARE(label->text(), QStringLiteral("区域(&G)："));
        QCOMPARE(combo->itemText(1), QStringLiteral("cn-south-1 / cn-south-1_ops"));
        m_languages.setPreference(QStringLiteral("en"));
        QTRY_COMPARE(label->text(), QStringLiteral("Re&gion:"));

        // The profile loses its other pairs: listed again, nothing to choose any more.
        three.otherScopes.clear();
        m_console->profiles()->save(three);
        QCOMPARE(profiles.currentId(), three.id);
        QCOMPARE(combo->count(), 1);
        QVERIFY(!scopes.isOffered());
        QTRY_VERIFY(!combo->isVisible());

        m_console->profiles()->remove(three.id);
        m_console->profiles()->remove(one.id);
    }

    void scopeSwitcherWithoutProfilesStaysHidden() {
        QMainWindow host;
        ScopeSwitcher scopes(nullptr, host.addToolBar(QStringLiteral("bar")), &host);
        host.show();
        scopes.setCurrentKey(QStringLiteral("cn-north-4/p1"));
        scopes.showSession(Console::info(m_sim));
        QVERIFY(!scopes.isOffered());
        QCOMPARE(scopes.combo()->count(), 0);
        QCOMPARE(scopes.currentKey(), QStringLiteral("cn-north-4/") + SimFixture::projectId());
    }

    // In the window: a profile with two pairs on the simulator, the second chosen from the
    // keyboard (Alt+G, then Down) is opened there; a profile with one pair hides the combo.
    void choosingAnotherRegionOpensTheProfileThere() {
        dcs::Profile two = m_console->saveProfile(m_sim, QStringLiteral("Two regions"));
        two.otherScopes = {scopeAt(QStringLiteral("cn-south-1"), SimFixture::projectId(),
                                   QStringLiteral("cn-south-1_ops"), m_sim.url())};
        m_console->saved(two);
        const dcs::Profile one = m_console->saveProfile(m_sim, QStringLiteral("One region"));

        MainWindow window(m_console->context());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("scopeCombo"));
        QVERIFY(combo && !combo->isVisible());
        QVERIFY(window.switchToProfile(two.id));
        QVERIFY(waitForInstances(window));
        QVERIFY(combo->isVisible());
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(window.currentScopeKey(), QStringLiteral("cn-north-4/") + SimFixture::projectId());
        auto *count = window.findChild<QLabel *>(QStringLiteral("instanceCountLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.browser()->isLoadingInstances(), LoadTimeoutMs);
        const int listed = window.browser()->instanceCount();
        QTRY_COMPARE(count->text(), QStringLiteral("%1 instances").arg(listed));

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_G, Qt::AltModifier);
        QTRY_VERIFY(combo->hasFocus());
        QTest::keyClick(combo, Qt::Key_Down);
        QTRY_VERIFY_WITH_TIMEOUT(window.session() &&
                                     window.session()->info().region == QLatin1String("cn-south-1"),
                                 LoadTimeoutMs);
        QCOMPARE(window.session()->info().profileId, two.id);
        QCOMPARE(window.session()->info().projectName, QStringLiteral("cn-south-1_ops"));
        QCOMPARE(window.currentScopeKey(), QStringLiteral("cn-south-1/") + SimFixture::projectId());
        QCOMPARE(combo->currentIndex(), 1);
        QVERIFY(waitForInstances(window));
        auto *profile = window.findChild<QLabel *>(QStringLiteral("profileLabel"));
        QVERIFY2(profile->text().startsWith(QStringLiteral("Profile: Two regions  ·  cn-south-1")),
                 qPrintable(profile->text()));

        QVERIFY(window.switchToProfile(one.id));
        QTRY_VERIFY_WITH_TIMEOUT(window.session() && window.session()->info().profileId == one.id,
                                 LoadTimeoutMs);
        QVERIFY(!combo->isVisible());
        QCOMPARE(window.currentScopeKey(), QStringLiteral("cn-north-4/") + SimFixture::projectId());
        m_console->profiles()->remove(two.id);
        m_console->profiles()->remove(one.id);
    }

    // Production, the profile's warnings, the Demo's simulator; nothing (and no gap) otherwise.
    void bannersSayWhatTheProfileIs() {
        QWidget host;
        auto *banners = new SessionBanners(&host);
        host.show();
        auto *simulator = host.findChild<QLabel *>(QStringLiteral("simulatorBanner"));
        auto *production = host.findChild<QLabel *>(QStringLiteral("productionBanner"));
        auto *insecure = host.findChild<QLabel *>(QStringLiteral("insecureBanner"));
        QVERIFY(simulator && production && insecure);
        QVERIFY(banners->isHidden());

        banners->showNoSession(true);
        QVERIFY(simulator->isVisible());
        QVERIFY(!production->isVisible() && !insecure->isVisible());
        QVERIFY(simulator->text().contains(QStringLiteral("No profile is configured")));

        dcs::SessionInfo info =
            Console::info(m_sim, QStringLiteral("live"), QStringLiteral("Live <shop>"));
        info.isSimulator = false;
        info.production = true;
        // The profile it was opened from: on the simulator's plain HTTP endpoint.
        dcs::Profile profile;
        profile.id = info.profileId;
        profile.name = info.profileName;
        profile.region = info.region;
        profile.dcsEndpoint = m_sim.url();
        profile.iamEndpoint = dcs::defaultIamEndpoint(profile.region);
        profile.projectId = info.projectId;
        profile.accessKey = QString::fromLatin1(SimFixture::accessKey());
        profile.production = true;
        banners->showSession(info, profile);
        QVERIFY(banners->isVisible());
        QVERIFY(!simulator->isVisible());
        QVERIFY(production->isVisible());
        // The profile's name as typed, in the bold lead; the whole paragraph for screen readers.
        auto *productionLead = qobject_cast<LeadTextLabel *>(production);
        QVERIFY(productionLead);
        QCOMPARE(productionLead->lead(), QStringLiteral("Production account — Live <shop>."));
        QCOMPARE(production->text(),
                 QStringLiteral("Production account — Live <shop>. Restoring overwrites the data "
                                "of live caches; check the instance and the backup before you "
                                "restore."));
        QCOMPARE(production->textFormat(), Qt::PlainText);
        QCOMPARE(production->accessibleName(), production->text());
        // The simulator's endpoint is plain HTTP: the profile's check warns.
        QVERIFY(insecure->isVisible());
        QVERIFY2(insecure->text().startsWith(QStringLiteral("Check this profile: ")) &&
                     insecure->text().contains(QStringLiteral("plain HTTP")),
                 qPrintable(insecure->text()));

        m_languages.setPreference(QStringLiteral("zh_CN"));
        QTRY_VERIFY2(production->text().contains(QStringLiteral("生产环境账号")),
                     qPrintable(production->text()));
        // No space after a Chinese full stop; the lead is still the first sentence.
        QCOMPARE(productionLead->lead(), QStringLiteral("生产环境账号 — Live <shop>。"));
        QVERIFY2(production->text().startsWith(QStringLiteral("生产环境账号 — Live <shop>。恢复")),
                 qPrintable(production->text()));
        QCOMPARE(production->accessibleName(), production->text());
        QVERIFY2(insecure->text().startsWith(QStringLiteral("请检查此配置：")),
                 qPrintable(insecure->text()));
        m_languages.setPreference(QStringLiteral("en"));
        QTRY_VERIFY(production->text().contains(QStringLiteral("Production account")));

        // Without the profile it was opened from, nothing to warn about.
        banners->showSession(info, std::nullopt);
        QVERIFY(!insecure->isVisible());

        // The Demo's session names the simulator's address.
        banners->showSession(Console::info(m_sim), std::nullopt);
        QVERIFY(simulator->isVisible());
        QVERIFY(!production->isVisible());
        QVERIFY2(simulator->text().contains(m_sim.url().toDisplayString()),
                 qPrintable(simulator->text()));
        QCOMPARE(qobject_cast<LeadTextLabel *>(simulator)->lead(),
                 QStringLiteral("Demo profile — local simulator."));

        banners->showNoSession(false);
        QVERIFY(!simulator->isVisible());
        QVERIFY(banners->isHidden());
    }

    // A profile's name is shown and read as it was typed: markup is text, an '&' is no mnemonic.
    void bannersShowProfileNamesAsTyped() {
        QWidget host;
        auto *banners = new SessionBanners(&host);
        auto *layout = new QVBoxLayout(&host);
        layout->addWidget(banners);
        layout->addStretch();
        host.resize(700, 200);
        host.show();
        dcs::SessionInfo info = Console::info(m_sim, QStringLiteral("typed"),
                                              QStringLiteral("<b>Shop</b> & R&D <i>live</i>"));
        info.isSimulator = false;
        info.production = true;
        banners->showSession(info, std::nullopt);
        auto *production = host.findChild<LeadTextLabel *>(QStringLiteral("productionBanner"));
        QVERIFY(production && production->isVisible());
        QCOMPARE(production->lead(),
                 QStringLiteral("Production account — <b>Shop</b> & R&D <i>live</i>."));
        QVERIFY2(production->text().startsWith(production->lead() + QLatin1Char(' ')),
                 qPrintable(production->text()));
        QCOMPARE(production->textFormat(), Qt::PlainText);
        // What a screen reader gets: the whole paragraph, the '&'s and the brackets included.
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(production);
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Name), production->text());
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            host.grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                             QStringLiteral("/production-banner-typed-en.png"));
        // Drawn as typed: the brackets and tags are painted (rich text would drop them, and
        // draw no more than the name without them).
        const int typedInk = inkOf(production);
        info.profileName = QStringLiteral("Shop & R&D live");
        banners->showSession(info, std::nullopt);
        QVERIFY(production->text().contains(QStringLiteral("— Shop & R&D live.")));
        const int plainInk = inkOf(production);
        QVERIFY2(typedInk > plainInk * 21 / 20,
                 qPrintable(QStringLiteral("%1 vs %2").arg(typedInk).arg(plainInk)));
    }

    void startPageSaysWhatIsUnderway() {
        StartPage page;
        page.show();
        auto *label = page.findChild<QLabel *>(QStringLiteral("startStateLabel"));
        auto *progress = page.findChild<QProgressBar *>(QStringLiteral("startProgress"));
        QVERIFY(label && progress);

        page.setState(StartPage::State::Starting);
        QVERIFY(page.isWaiting());
        QVERIFY(progress->isVisible());
        QCOMPARE(label->text(), QStringLiteral("Starting the local DCS simulator…"));

        page.setState(StartPage::State::Opening, QStringLiteral("Acme"));
        QVERIFY(progress->isVisible());
        QCOMPARE(label->text(), QStringLiteral("Opening the profile \"Acme\"…"));

        page.setState(StartPage::State::OpenFailed, QStringLiteral("Acme"),
                      QStringLiteral("The secret key is missing."));
        QVERIFY(!page.isWaiting());
        QVERIFY(!progress->isVisible());
        QCOMPARE(label->text(),
                 QStringLiteral("The profile \"Acme\" could not be opened, so there is nothing to "
                                "show.\nThe secret key is missing."));

        m_languages.setPreference(QStringLiteral("zh_CN"));
        QTRY_VERIFY2(label->text().startsWith(QStringLiteral("无法打开配置“Acme”")),
                     qPrintable(label->text()));
        QVERIFY(label->text().endsWith(QStringLiteral("The secret key is missing.")));
        m_languages.setPreference(QStringLiteral("en"));

        page.setState(StartPage::State::Failed, {}, QStringLiteral("No port."));
        QVERIFY(label->text().startsWith(QStringLiteral("The local DCS simulator could not be")));
        page.setState(StartPage::State::None);
        QVERIFY(label->text().isEmpty());
        QVERIFY(!progress->isVisible());
    }

    void statusBarShowsTheProfileAndWhatIsBusy() {
        QMainWindow host;
        auto *bar = new ConsoleStatusBar(&host);
        host.setStatusBar(bar);
        host.show();
        auto *profile = host.findChild<QLabel *>(QStringLiteral("profileLabel"));
        auto *count = host.findChild<QLabel *>(QStringLiteral("instanceCountLabel"));
        QVERIFY(profile && count);
        QVERIFY(host.findChild<QLabel *>(QStringLiteral("lastRefreshLabel")) ==
                bar->refreshLabel());
        QProgressBar *busy = nullptr;
        for (QProgressBar *candidate : bar->findChildren<QProgressBar *>())
            if (candidate->maximum() == 0)
                busy = candidate;
        QVERIFY(busy);

        bar->showState(nullptr, QStringLiteral("Acme"), QStringLiteral("cn-north-4"), false);
        QCOMPARE(profile->text(),
                 QStringLiteral("Profile: Acme  ·  cn-north-4 — CN North-Beijing4"));
        QVERIFY(count->text().isEmpty());
        QVERIFY(!busy->isVisible());

        // A profile being opened: busy, nothing named yet.
        bar->showState(nullptr, {}, {}, true);
        QVERIFY(profile->text().isEmpty());
        QVERIFY(busy->isVisible());

        bar->tell(QStringLiteral("Copied."));
        QCOMPARE(bar->currentMessage(), QStringLiteral("Copied."));
        bar->setStatusCounts(QStringLiteral("Running 2"));
        QCOMPARE(host.findChild<QLabel *>(QStringLiteral("statusCountsLabel"))->text(),
                 QStringLiteral("Running 2"));

        m_languages.setPreference(QStringLiteral("zh_CN"));
        bar->showState(nullptr, QStringLiteral("Acme"), QStringLiteral("cn-north-4"), false);
        QVERIFY2(profile->text().startsWith(QStringLiteral("配置：Acme")),
                 qPrintable(profile->text()));
    }

    // One fleet window, made on the first open and kept; Ctrl+Shift+F shows it; it follows the
    // profiles and the settings, and its sessions' requests are in the window's request log.
    void fleetLauncherKeepsOneFleetWindow() {
        dcs::Profile two = m_console->saveProfile(m_sim, QStringLiteral("Fleet account"));
        two.otherScopes = {
            scopeAt(QStringLiteral("cn-south-1"), SimFixture::projectId(), {}, m_sim.url())};
        m_console->saved(two);
        // Only this profile's pairs in the fleet (not the Demo's simulators).
        QSettings *settings = m_console->settings();
        settings->setValue(QStringLiteral("fleet/chosen"), true);
        settings->setValue(QStringLiteral("fleet/sources"), QStringList{});
        settings->setValue(QStringLiteral("fleet/wholeProfiles"), QStringList{two.id});

        MainWindow window(m_console->context());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.fleetWindow());
        auto *action = window.findChild<QAction *>(QStringLiteral("fleetAction"));
        QVERIFY(action && action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(window.fleetWindow() && window.fleetWindow()->isVisible());
        FleetWindow *fleet = window.fleetWindow();
        QCOMPARE(window.openFleetWindow(), fleet);
        QTRY_COMPARE(fleet->fleet()->sources().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(fleet->model()->rowCount() >= 4, LoadTimeoutMs);
        bool logged = false;
        for (const dcs::RequestLogEntry &entry : window.requestLog()->entries())
            logged = logged || entry.profileName == QLatin1String("Fleet account");
        QVERIFY(logged);

        // A third pair of the profile: the fleet reads it too.
        two.otherScopes.append(
            scopeAt(QStringLiteral("cn-east-3"), SimFixture::projectId(), {}, m_sim.url()));
        m_console->profiles()->save(two);
        QTRY_COMPARE(fleet->fleet()->sources().size(), 3);

        // Closed, it is the same window that comes back.
        fleet->close();
        QTRY_VERIFY(!fleet->isVisible());
        QCOMPARE(window.openFleetWindow(), fleet);
        QVERIFY(fleet->isVisible());

        m_console->profiles()->remove(two.id);
        settings->remove(QStringLiteral("fleet"));
    }

    void noFleetWithoutProfiles() {
        MainWindow window(m_console->contextWithoutProfiles());
        QVERIFY(!window.openFleetWindow());
        QVERIFY(!window.fleetWindow());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("fleetAction"))->isEnabled());
        QVERIFY(window.findChild<QComboBox *>(QStringLiteral("scopeCombo")));
    }

private:
    SimFixture m_sim;
    LanguageManager m_languages;
    std::unique_ptr<Console> m_console;
};

QTEST_MAIN(TestShellParts)
#include "tst_shellparts.moc"
