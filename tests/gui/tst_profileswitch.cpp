// Profiles in the real main window: the Demo profile on its embedded simulator and a saved
// profile on a second dcs-sim with its own AK/SK; the last profile comes back; read-only and
// production profiles; a restore keeps being followed after switching away; deleting a profile.

#include "GuiTestSupport.h"
#include "backups/CreateBackupDialog.h"
#include "profiles/DemoSimulator.h"
#include "requestlog/RequestLogModel.h"
#include "restore/RestoreProgressBar.h"
#include "restore/RestoreTableModel.h"
#include "widgets/ErrorPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace guitest;

namespace {

// What the window shows now; a window between two sessions shows nothing.
bool hasInstanceNamed(const MainWindow &window, const QString &name) {
    if (!window.browser())
        return false;
    for (const dcs::Instance &instance : window.browser()->instanceModel()->instances()) {
        if (instance.name == name)
            return true;
    }
    return false;
}

bool hasInstances(const MainWindow &window) {
    return window.browser() && window.browser()->instanceModel()->rowCount() > 0;
}

QString shownProfile(const MainWindow &window) {
    return window.session() ? window.session()->info().profileId : QString();
}

bool simulatorShown(const MainWindow &window) {
    return window.session() && window.session()->info().isSimulator;
}

} // namespace

class TestProfileSwitch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // The second account: its own credentials (SimFixture's, not the demo ones) and two
        // generated instances that the demo data does not have.
        QVERIFY2(m_sim.start({QStringLiteral("--instances"), QStringLiteral("2"),
                              QStringLiteral("--restore-seconds"), QStringLiteral("3"),
                              QStringLiteral("--iam-user"), QStringLiteral("acme/ops:iam-pass")}),
                 qPrintable(m_sim.error()));
        // One run of the console for every test here: the Demo simulator is started once.
        m_console = std::make_unique<Console>();
        m_store = m_console->profiles();
        m_secrets = m_console->secrets();
        m_second = m_console->saveProfile(m_sim, QStringLiteral("Second account"));
    }

    void cleanupTestCase() {
        m_console.reset();
        m_sim.stop();
    }

    void switchesBetweenDemoAndASecondAccount() {
        MainWindow window(m_console->context());
        window.resize(1280, 800);
        window.show();
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo && combo->isVisible());
        QCOMPARE(combo->itemText(0), QStringLiteral("Demo (local simulator)"));
        QVERIFY(combo->findData(m_second.id) > 0);

        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window), LoadTimeoutMs);
        QVERIFY(simulatorShown(window));
        QVERIFY(!hasInstanceNamed(window, QStringLiteral("gen-instance-00001")));
        auto *simulatorBanner = window.findChild<QLabel *>(QStringLiteral("simulatorBanner"));
        QVERIFY(simulatorBanner->isVisible());
        QCOMPARE(m_store->lastUsedId(), QStringLiteral("demo"));
        const QUrl demoEndpoint = window.session()->info().endpoint;
        const dcs::SimulatorProcess *demoProcess = m_console->opener()->demo()->process();
        QVERIFY(demoProcess);

        // The user picks the second account in the toolbar.
        const int index = combo->findData(m_second.id);
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
        QTRY_VERIFY_WITH_TIMEOUT(hasInstanceNamed(window, QStringLiteral("gen-instance-00001")),
                                 LoadTimeoutMs);
        QCOMPARE(shownProfile(window), m_second.id);
        QVERIFY(!simulatorBanner->isVisible());
        // Its endpoint is plain HTTP (the simulator's): said in a banner while it is open.
        auto *insecure = window.findChild<QLabel *>(QStringLiteral("insecureBanner"));
        QVERIFY(insecure && insecure->isVisible());
        QVERIFY2(insecure->text().contains(QStringLiteral("plain HTTP")),
                 qPrintable(insecure->text()));
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            window.grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") +
                               QStringLiteral("/insecure-banner-en.png"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Second account")));
        QCOMPARE(m_store->lastUsedId(), m_second.id);

        // Both clients' requests are in the one request log, each under its profile.
        QStringList profiles;
        for (const dcs::RequestLogEntry &entry : window.requestLog()->entries())
            profiles << entry.profileName;
        QVERIFY(profiles.contains(QStringLiteral("Demo")));
        QVERIFY(profiles.contains(QStringLiteral("Second account")));

        // And back: the simulator that is already running is reused.
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(simulatorShown(window), LoadTimeoutMs);
        QVERIFY(!insecure->isVisible());
        QCOMPARE(window.session()->info().endpoint, demoEndpoint);
        QCOMPARE(m_console->opener()->demo()->process(), demoProcess);
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window), LoadTimeoutMs);
        QVERIFY(!hasInstanceNamed(window, QStringLiteral("gen-instance-00001")));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("demo"));
    }

    void iamProfileSignsInAndLists() {
        // The same simulator as an IAM account: it also answers /v3/auth/tokens.
        dcs::Profile iam = simProfile(QStringLiteral("IAM account"));
        iam.authMethod = dcs::Profile::AuthMethod::IamPassword;
        iam.iamEndpoint = m_sim.url();
        iam.iamAccount = QStringLiteral("acme");
        iam.iamUser = QStringLiteral("ops");
        iam.accessKey.clear();
        m_store->save(iam);
        m_secrets->write(iam.id, dcs::SecretStore::Kind::IamPassword, QStringLiteral("iam-pass"),
                         this);
        MainWindow window(m_console->context());
        window.show();
        QVERIFY(window.switchToProfile(iam.id));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstanceNamed(window, QStringLiteral("gen-instance-00001")),
                                 LoadTimeoutMs);
        bool signedIn = false;
        bool tokenUsed = false;
        for (const dcs::RequestLogEntry &entry : window.requestLog()->entries()) {
            if (entry.profileName != iam.name)
                continue;
            signedIn |= entry.url.path().endsWith(QLatin1String("/v3/auth/tokens")) &&
                        entry.httpStatus == 201;
            QVERIFY(!entry.requestBody.contains("iam-pass"));
            for (const auto &header : entry.requestHeaders) {
                if (header.first == "X-Auth-Token") {
                    tokenUsed = true;
                    QCOMPARE(header.second, QByteArray("<redacted>"));
                }
            }
        }
        QVERIFY(signedIn);
        QVERIFY(tokenUsed);
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(simulatorShown(window), LoadTimeoutMs);
        m_store->remove(iam.id);
    }

    void readOnlyProfileCannotRestore() {
        dcs::Profile readOnly = simProfile(QStringLiteral("Read-only account"));
        readOnly.readOnly = true;
        saveWithSecret(readOnly);
        MainWindow window(m_console->context());
        window.show();
        QVERIFY(window.switchToProfile(readOnly.id));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window), LoadTimeoutMs);
        const QString id = runningMasterStandby(window.browser()->instanceModel());
        QVERIFY(!id.isEmpty());
        QVERIFY(window.browser()->selectInstance(id));
        auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        auto *reason = window.findChild<QLabel *>(QStringLiteral("restoreBlockedLabel"));
        QTRY_VERIFY(reason->isVisible());
        QVERIFY(!restore->isEnabled());
        QVERIFY2(reason->text().contains(QStringLiteral("read-only profile")),
                 qPrintable(reason->text()));
        QVERIFY(restore->toolTip().contains(QStringLiteral("read-only profile")));
        QVERIFY(!window.browser()->openRestoreDialog());

        // The same instance under the writable profile can be restored.
        QVERIFY(window.switchToProfile(m_second.id));
        QTRY_VERIFY_WITH_TIMEOUT(shownProfile(window) == m_second.id && hasInstances(window) &&
                                     window.browser()->instanceModel()->rowOf(id) >= 0,
                                 LoadTimeoutMs);
        QVERIFY(window.browser()->selectInstance(id));
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), LoadTimeoutMs);
    }

    // The toolbar's profile combo is as wide as the names it offers, also when one is added
    // after the window has shown.
    void profileComboWidensForALongName() {
        MainWindow window(m_console->context());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo && combo->isVisible());
        const int before = combo->width();
        dcs::Profile longName = simProfile(
            QStringLiteral("Order processing account of the northern warehouses, production"));
        saveWithSecret(longName);
        QVERIFY(combo->findData(longName.id) >= 0);
        const int nameWidth = combo->fontMetrics().horizontalAdvance(longName.name);
        QTRY_VERIFY2(combo->width() > before && combo->width() >= nameWidth,
                     qPrintable(QStringLiteral("%1 pixels, the name %2, before %3")
                                    .arg(combo->width())
                                    .arg(nameWidth)
                                    .arg(before)));
        m_store->remove(longName.id);
    }

    void productionProfileShowsTheBanner() {
        dcs::Profile production = simProfile(QStringLiteral("Live shop"));
        production.production = true;
        saveWithSecret(production);
        MainWindow window(m_console->context());
        window.show();
        auto *banner = window.findChild<QLabel *>(QStringLiteral("productionBanner"));
        QVERIFY(banner);
        QVERIFY(window.switchToProfile(m_second.id));
        QTRY_COMPARE_WITH_TIMEOUT(shownProfile(window), m_second.id, LoadTimeoutMs);
        QVERIFY(!banner->isVisible());
        QVERIFY(window.switchToProfile(production.id));
        QTRY_COMPARE_WITH_TIMEOUT(shownProfile(window), production.id, LoadTimeoutMs);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("Live shop")));
        QVERIFY(banner->text().contains(QStringLiteral("Production")));
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(simulatorShown(window), LoadTimeoutMs);
        QVERIFY(!banner->isVisible());
    }

    void missingSecretIsExplained() {
        dcs::Profile noSecret = simProfile(QStringLiteral("No secret"));
        m_store->save(noSecret);
        MainWindow window(m_console->context());
        window.show();
        QVERIFY(window.switchToProfile(noSecret.id));
        auto *panel = window.findChild<ErrorPanel *>(QStringLiteral("errorPanel"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasError(), LoadTimeoutMs);
        QVERIFY2(panel->text().contains(QStringLiteral("No secret access key")),
                 qPrintable(panel->text()));
        QVERIFY(!window.session());
    }

    void restoreIsFollowedAfterSwitchingAway() {
        MainWindow window(m_console->context());
        window.show();
        QVERIFY(window.switchToProfile(m_second.id));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window), LoadTimeoutMs);
        dcs::DcsClient *client = window.session()->client();
        const QString id = runningMasterStandby(window.browser()->instanceModel());
        QVERIFY(!id.isEmpty());

        // A restore started under this profile (here straight through its client)...
        QString backupId;
        bool listed = false;
        client->listBackups(id, {}, this, [&](const dcs::ApiResult<QList<dcs::Backup>> &r) {
            for (const dcs::Backup &backup : r.value) {
                if (backupId.isEmpty() && backup.isRestorable())
                    backupId = backup.backupId;
            }
            listed = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(listed, LoadTimeoutMs);
        QVERIFY(!backupId.isEmpty());
        QString restoreId;
        client->restore(id, backupId, QStringLiteral("switch test"), this,
                        [&](const dcs::ApiResult<QString> &r) { restoreId = r.value; });
        QTRY_VERIFY_WITH_TIMEOUT(!restoreId.isEmpty(), LoadTimeoutMs);
        // ...is followed by the window once it reads the restore records.
        QSignalSpy finished(&window, &MainWindow::restoreFinished);
        QVERIFY(window.browser()->selectInstance(id));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChildren<dcs::RestoreRecordFollower *>().isEmpty() &&
                                     client->findChildren<dcs::RestoreRecordFollower *>().size() ==
                                         1,
                                 LoadTimeoutMs);

        // Switching away closes that session; it stays alive, without a view, while its restore
        // is followed on its client, and the restore still ends.
        const QPointer<dcs::Session> old = window.session();
        const QPointer<dcs::DcsClient> guard(client);
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(simulatorShown(window), LoadTimeoutMs);
        QVERIFY(old && guard);
        QVERIFY(old->isClosed());
        QVERIFY(old->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        const auto record = finished.first().first().value<dcs::RestoreRecord>();
        QCOMPARE(record.restoreId, restoreId);
        QCOMPARE(record.status, QStringLiteral("succeed"));
        // Then the old session goes, with its client.
        QTRY_VERIFY_WITH_TIMEOUT(!old && !guard, 5000);
    }

    // Follow a restore (and a backup) on one profile, switch to a production profile of
    // another account, and look at the window: what belongs to the first profile says so, and
    // the production profile shows nothing of it as its own.
    void anotherProfilesStatusIsNamedAsSuch() {
        SimFixture origin;
        QVERIFY2(origin.start({QStringLiteral("--restore-seconds"), QStringLiteral("8"),
                               QStringLiteral("--backup-seconds"), QStringLiteral("6")}),
                 qPrintable(origin.error()));
        SimFixture shop;
        QVERIFY2(shop.start(), qPrintable(shop.error()));
        const dcs::Profile first = m_console->saveProfile(origin, QStringLiteral("Origin account"));
        dcs::Profile production = m_console->saveProfile(shop, QStringLiteral("Shop production"));
        production.production = true;
        m_console->saved(production);

        MainWindow window(m_console->context());
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.switchToProfile(first.id));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window) && shownProfile(window) == first.id,
                                 LoadTimeoutMs);
        InstanceBrowser *browser = window.browser();

        // A manual backup of user-profile-cache, then a restore of order-cache-prod, on this
        // profile.
        QVERIFY(browser->selectInstance(QStringLiteral("user-profile-cache")));
        auto *create = window.findChild<QAction *>(QStringLiteral("createBackupAction"));
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), LoadTimeoutMs);
        CreateBackupDialog *createDialog = browser->openCreateBackupDialog();
        QVERIFY(createDialog);
        QSignalSpy created(createDialog, &CreateBackupDialog::created);
        QTest::mouseClick(createDialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                              ->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, LoadTimeoutMs);

        QVERIFY(browser->selectInstance(QStringLiteral("order-cache-prod")));
        auto *restoreAction = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        QTRY_VERIFY_WITH_TIMEOUT(restoreAction->isEnabled(), LoadTimeoutMs);
        RestoreDialog *dialog = browser->openRestoreDialog();
        QVERIFY(dialog);
        dialog->findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
        // The dialog reads the backups again when it opens; the name confirms the backup chosen
        // when it is typed, so it is typed once one is.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->selectedBackupId().isEmpty(), LoadTimeoutMs);
        dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))
            ->setText(QStringLiteral("order-cache-prod"));
        QVERIFY(okButton(*dialog)->isEnabled());
        QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->restoreId().isEmpty(), LoadTimeoutMs);
        const QString restoreId = dialog->restoreId();
        dialog->close();

        // On its own profile the progress is the open profile's: no name.
        auto *bar = window.findChild<RestoreProgressBar *>(QStringLiteral("restoreProgressBar"));
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), LoadTimeoutMs);
        QVERIFY2(bar->text().contains(QStringLiteral("order-cache-prod")), qPrintable(bar->text()));
        QVERIFY2(!bar->text().contains(QStringLiteral("Origin account")), qPrintable(bar->text()));

        // The production profile of the other account.
        QSignalSpy restoreEnded(&window, &MainWindow::restoreFinished);
        QString noticeAtBackupEnd;
        auto *notice = window.findChild<QLabel *>(QStringLiteral("restoreNoticeLabel"));
        connect(&window, &MainWindow::backupFinished, this,
                [&] { noticeAtBackupEnd = notice->text(); });
        QVERIFY(window.switchToProfile(production.id));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window) && shownProfile(window) == production.id,
                                 LoadTimeoutMs);
        auto *banner = window.findChild<QLabel *>(QStringLiteral("productionBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("Shop production")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Shop production")));
        // The profile, then its region with the region's name.
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("profileLabel"))->text(),
                 QStringLiteral("Profile: Shop production  ·  cn-north-4 — CN North-Beijing4"));
        // The first profile's "Restore … started." is not left in the status bar.
        QVERIFY2(!window.statusBar()->currentMessage().contains(restoreId),
                 qPrintable(window.statusBar()->currentMessage()));
        // The restore still running on the first profile names it.
        QVERIFY2(restoreEnded.isEmpty(), "the restore ended before the switch was seen");
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QStringLiteral("order-cache-prod (Origin account)")),
                 qPrintable(bar->text()));
        // The production profile's own order-cache-prod is not restoring and has no such record.
        QVERIFY(window.browser()->selectInstance(QStringLiteral("order-cache-prod")));
        QTRY_VERIFY_WITH_TIMEOUT(!window.browser()->isLoading(), LoadTimeoutMs);
        QCOMPARE(window.browser()->restoreModel()->rowOf(restoreId), -1);
        const dcs::Instance own = window.browser()->instanceModel()->instanceAt(
            window.browser()->instanceModel()->rowOf(window.browser()->currentInstanceId()));
        QCOMPARE(own.status, QStringLiteral("RUNNING"));
        QVERIFY(restoreAction->isEnabled());

        // How the backup and the restore of the first profile ended: said, with its name.
        QTRY_VERIFY_WITH_TIMEOUT(!noticeAtBackupEnd.isEmpty(), 30000);
        QVERIFY2(noticeAtBackupEnd.contains(QStringLiteral("[Origin account]")),
                 qPrintable(noticeAtBackupEnd));
        QTRY_COMPARE_WITH_TIMEOUT(restoreEnded.count(), 1, 30000);
        QCOMPARE(restoreEnded.first().first().value<dcs::RestoreRecord>().restoreId, restoreId);
        QVERIFY2(window.lastNotification().contains(QStringLiteral("[Origin account]")),
                 qPrintable(window.lastNotification()));
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("[Origin account]")),
                 qPrintable(notice->text()));
        QVERIFY(!bar->isVisible());
        QVERIFY(banner->isVisible());

        // Back on the first profile the notice is its own: no name any more.
        QVERIFY(window.switchToProfile(first.id));
        QTRY_VERIFY_WITH_TIMEOUT(hasInstances(window) && shownProfile(window) == first.id,
                                 LoadTimeoutMs);
        QVERIFY(notice->isVisible());
        QVERIFY2(!notice->text().contains(QStringLiteral("Origin account")),
                 qPrintable(notice->text()));
        QVERIFY(notice->text().contains(QStringLiteral("order-cache-prod")));
        QVERIFY(!banner->isVisible());
        // Exactly one restore was posted, by this console.
        QCOMPARE(countRestorePosts(origin), 1);
        QCOMPARE(countRestorePosts(shop), 0);
        window.switchToProfile(QStringLiteral("demo"));
        QTRY_VERIFY_WITH_TIMEOUT(simulatorShown(window), LoadTimeoutMs);
    }

    void deletingAProfileRemovesItsSecrets() {
        dcs::Profile doomed = simProfile(QStringLiteral("Doomed"));
        saveWithSecret(doomed);
        MainWindow window(m_console->context());
        window.show();
        QVERIFY(window.switchToProfile(doomed.id));
        QTRY_COMPARE_WITH_TIMEOUT(shownProfile(window), doomed.id, LoadTimeoutMs);
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo->findData(doomed.id) >= 0);
        QVERIFY(window.deleteProfile(doomed.id, false));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Deleted the profile \"Doomed\"."));
        QVERIFY(!m_store->profile(doomed.id));
        QCOMPARE(combo->findData(doomed.id), -1);
        bool found = true;
        bool done = false;
        m_secrets->read(doomed.id, dcs::SecretStore::Kind::SecretKey, this,
                        [&](const QString &, bool f) {
                            found = f;
                            done = true;
                        });
        QTRY_VERIFY_WITH_TIMEOUT(done, LoadTimeoutMs); // a keychain read: slow under load
        QVERIFY(!found);
        // The open profile was deleted: the window falls back to Demo.
        QTRY_VERIFY_WITH_TIMEOUT(simulatorShown(window), LoadTimeoutMs);
        QVERIFY(!window.deleteProfile(QStringLiteral("demo"), false));
    }

private:
    dcs::Profile simProfile(const QString &name) const {
        dcs::Profile profile;
        profile.id = dcs::Profile::newId();
        profile.name = name;
        profile.region = QStringLiteral("cn-north-4");
        profile.dcsEndpoint = m_sim.url();
        profile.iamEndpoint = dcs::defaultIamEndpoint(profile.region);
        profile.projectId = SimFixture::projectId();
        profile.accessKey = QString::fromLatin1(SimFixture::accessKey());
        profile.proxy.mode = dcs::ProxySettings::Mode::None;
        profile.timeoutSeconds = 10;
        return profile;
    }

    void saveWithSecret(const dcs::Profile &profile) {
        m_store->save(profile);
        m_secrets->write(profile.id, dcs::SecretStore::Kind::SecretKey,
                         QString::fromLatin1(SimFixture::secretKey()), this);
    }

    static QString runningMasterStandby(const InstanceTableModel *model) {
        for (const dcs::Instance &instance : model->instances()) {
            if (instance.type() == dcs::InstanceType::MasterStandby && instance.isRunning() &&
                instance.name == QLatin1String("order-cache-prod"))
                return instance.instanceId;
        }
        for (const dcs::Instance &instance : model->instances()) {
            if (instance.type() == dcs::InstanceType::MasterStandby && instance.isRunning())
                return instance.instanceId;
        }
        return {};
    }

    SimFixture m_sim;
    std::unique_ptr<Console> m_console;
    dcs::ProfileStore *m_store = nullptr;
    dcs::SecretStore *m_secrets = nullptr;
    dcs::Profile m_second;
};

QTEST_MAIN(TestProfileSwitch)
#include "tst_profileswitch.moc"
