// Profiles in the real main window: the Demo profile on its embedded simulator and a saved
// profile on a second dcs-sim with its own AK/SK; the last profile comes back; read-only and
// production profiles; a restore keeps being followed after switching away; deleting a profile.

#include "SimFixture.h"
#include "api/DcsClient.h"
#include "instances/InstanceTableModel.h"
#include "profiles/ProfileSession.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "requestlog/RequestLogModel.h"
#include "shell/MainWindow.h"
#include "widgets/ErrorPanel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

constexpr int LoadTimeoutMs = 20000;

bool hasInstanceNamed(const InstanceTableModel *model, const QString &name) {
    for (const dcs::Instance &instance : model->instances()) {
        if (instance.name == name)
            return true;
    }
    return false;
}

dcs::RestoreRecordFollower::Timing fastTiming() {
    dcs::RestoreRecordFollower::Timing timing;
    timing.initialDelayMs = 150;
    timing.maxIntervalMs = 400;
    timing.backoffFactor = 1.3;
    timing.timeoutMs = 60000;
    return timing;
}

} // namespace

class TestProfileSwitch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The second account: its own credentials (SimFixture's, not the demo ones) and two
        // generated instances that the demo data does not have.
        QVERIFY2(m_sim.start({QStringLiteral("--instances"), QStringLiteral("2"),
                              QStringLiteral("--restore-seconds"), QStringLiteral("3"),
                              QStringLiteral("--iam-user"), QStringLiteral("acme/ops:iam-pass")}),
                 qPrintable(m_sim.error()));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_store = std::make_unique<dcs::ProfileStore>(m_settings.get());
        m_secrets = std::make_unique<dcs::SecretStore>(QStringLiteral("dcs-console-test"), true);
        DemoSession::Options demo;
        demo.simulatorProgram = QStringLiteral(DCS_SIM_PROGRAM);
        demo.stateFile = m_dir.filePath(QStringLiteral("demo-state.json"));
        m_profiles = std::make_unique<ProfileSession>(m_secrets.get(), demo);

        m_second = simProfile(QStringLiteral("Second account"));
        m_store->save(m_second);
        m_secrets->write(m_second.id, dcs::SecretStore::Kind::SecretKey,
                         QString::fromLatin1(SimFixture::secretKey()), this);
    }

    void cleanupTestCase() {
        m_profiles.reset();
        m_sim.stop();
    }

    void switchesBetweenDemoAndASecondAccount() {
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.resize(1280, 800);
        window.show();
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo && combo->isVisible());
        QCOMPARE(combo->itemText(0), QStringLiteral("Demo (local simulator)"));
        QVERIFY(combo->findData(m_second.id) > 0);

        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(window.instanceModel()->rowCount() > 0, LoadTimeoutMs);
        QVERIFY(window.session().isSimulator);
        QVERIFY(!hasInstanceNamed(window.instanceModel(), QStringLiteral("gen-instance-00001")));
        auto *simulatorBanner = window.findChild<QLabel *>(QStringLiteral("simulatorBanner"));
        QVERIFY(simulatorBanner->isVisible());
        QCOMPARE(m_store->lastUsedId(), QStringLiteral("demo"));
        dcs::DcsClient *demoClient = window.session().client;

        // The user picks the second account in the toolbar.
        const int index = combo->findData(m_second.id);
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
        QTRY_VERIFY_WITH_TIMEOUT(
            hasInstanceNamed(window.instanceModel(), QStringLiteral("gen-instance-00001")),
            LoadTimeoutMs);
        QCOMPARE(window.session().profileId, m_second.id);
        QVERIFY(window.session().client != demoClient);
        QVERIFY(!simulatorBanner->isVisible());
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
        QTRY_VERIFY_WITH_TIMEOUT(window.session().isSimulator, LoadTimeoutMs);
        QCOMPARE(window.session().client, demoClient);
        QTRY_VERIFY_WITH_TIMEOUT(window.instanceModel()->rowCount() > 0, LoadTimeoutMs);
        QVERIFY(!hasInstanceNamed(window.instanceModel(), QStringLiteral("gen-instance-00001")));
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
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.show();
        QVERIFY(window.switchToProfile(iam.id));
        QTRY_VERIFY_WITH_TIMEOUT(
            hasInstanceNamed(window.instanceModel(), QStringLiteral("gen-instance-00001")),
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
        QTRY_VERIFY_WITH_TIMEOUT(window.session().isSimulator, LoadTimeoutMs);
        m_store->remove(iam.id);
    }

    void readOnlyProfileCannotRestore() {
        dcs::Profile readOnly = simProfile(QStringLiteral("Read-only account"));
        readOnly.readOnly = true;
        saveWithSecret(readOnly);
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.show();
        QVERIFY(window.switchToProfile(readOnly.id));
        QTRY_VERIFY_WITH_TIMEOUT(window.instanceModel()->rowCount() > 0, LoadTimeoutMs);
        const QString id = runningMasterStandby(window.instanceModel());
        QVERIFY(!id.isEmpty());
        QVERIFY(window.selectInstance(id));
        auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        auto *reason = window.findChild<QLabel *>(QStringLiteral("restoreBlockedLabel"));
        QTRY_VERIFY(reason->isVisible());
        QVERIFY(!restore->isEnabled());
        QVERIFY2(reason->text().contains(QStringLiteral("read-only profile")),
                 qPrintable(reason->text()));
        QVERIFY(restore->toolTip().contains(QStringLiteral("read-only profile")));
        QVERIFY(!window.openRestoreDialog());

        // The same instance under the writable profile can be restored.
        QVERIFY(window.switchToProfile(m_second.id));
        QTRY_VERIFY_WITH_TIMEOUT(window.instanceModel()->rowOf(id) >= 0, LoadTimeoutMs);
        QVERIFY(window.selectInstance(id));
        QTRY_VERIFY_WITH_TIMEOUT(restore->isEnabled(), LoadTimeoutMs);
    }

    void productionProfileShowsTheBanner() {
        dcs::Profile production = simProfile(QStringLiteral("Live shop"));
        production.production = true;
        saveWithSecret(production);
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.show();
        auto *banner = window.findChild<QLabel *>(QStringLiteral("productionBanner"));
        QVERIFY(banner);
        QVERIFY(window.switchToProfile(m_second.id));
        QTRY_COMPARE_WITH_TIMEOUT(window.session().profileId, m_second.id, LoadTimeoutMs);
        QVERIFY(!banner->isVisible());
        QVERIFY(window.switchToProfile(production.id));
        QTRY_COMPARE_WITH_TIMEOUT(window.session().profileId, production.id, LoadTimeoutMs);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("Live shop")));
        QVERIFY(banner->text().contains(QStringLiteral("Production")));
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(window.session().isSimulator, LoadTimeoutMs);
        QVERIFY(!banner->isVisible());
    }

    void missingSecretIsExplained() {
        dcs::Profile noSecret = simProfile(QStringLiteral("No secret"));
        m_store->save(noSecret);
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.show();
        QVERIFY(window.switchToProfile(noSecret.id));
        auto *panel = window.findChild<ErrorPanel *>(QStringLiteral("errorPanel"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasError(), LoadTimeoutMs);
        QVERIFY2(panel->text().contains(QStringLiteral("No secret access key")),
                 qPrintable(panel->text()));
        QVERIFY(!window.session().isOpen());
    }

    void restoreIsFollowedAfterSwitchingAway() {
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setTrackerTiming(fastTiming());
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.show();
        QVERIFY(window.switchToProfile(m_second.id));
        QTRY_VERIFY_WITH_TIMEOUT(window.instanceModel()->rowCount() > 0, LoadTimeoutMs);
        dcs::DcsClient *client = window.session().client;
        const QString id = runningMasterStandby(window.instanceModel());
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
        QVERIFY(window.selectInstance(id));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChildren<dcs::RestoreRecordFollower *>().isEmpty() &&
                                     client->findChildren<dcs::RestoreRecordFollower *>().size() ==
                                         1,
                                 LoadTimeoutMs);

        // Switching away keeps that client alive for its tracker, and the restore still ends.
        const QPointer<dcs::DcsClient> guard(client);
        QVERIFY(window.switchToProfile(QStringLiteral("demo")));
        QTRY_VERIFY_WITH_TIMEOUT(window.session().isSimulator, LoadTimeoutMs);
        QVERIFY(guard);
        QCOMPARE(m_profiles->retiredClientCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        const auto record = finished.first().first().value<dcs::RestoreRecord>();
        QCOMPARE(record.restoreId, restoreId);
        QCOMPARE(record.status, QStringLiteral("succeed"));
        // Then the old client goes.
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 5000);
        QCOMPARE(m_profiles->retiredClientCount(), 0);
    }

    void deletingAProfileRemovesItsSecrets() {
        dcs::Profile doomed = simProfile(QStringLiteral("Doomed"));
        saveWithSecret(doomed);
        MainWindow window;
        window.setDataFolder(m_dir.filePath(QStringLiteral("data")));
        window.setProfiles(m_store.get(), m_secrets.get(), m_profiles.get());
        window.show();
        QVERIFY(window.switchToProfile(doomed.id));
        QTRY_COMPARE_WITH_TIMEOUT(window.session().profileId, doomed.id, LoadTimeoutMs);
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QVERIFY(combo->findData(doomed.id) >= 0);
        QVERIFY(window.deleteProfile(doomed.id, false));
        QVERIFY(!m_store->profile(doomed.id));
        QCOMPARE(combo->findData(doomed.id), -1);
        bool found = true;
        bool done = false;
        m_secrets->read(doomed.id, dcs::SecretStore::Kind::SecretKey, this,
                        [&](const QString &, bool f) {
                            found = f;
                            done = true;
                        });
        QTRY_VERIFY(done);
        QVERIFY(!found);
        // The open profile was deleted: the window falls back to Demo.
        QTRY_VERIFY_WITH_TIMEOUT(window.session().isSimulator, LoadTimeoutMs);
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

    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<dcs::ProfileStore> m_store;
    std::unique_ptr<dcs::SecretStore> m_secrets;
    std::unique_ptr<ProfileSession> m_profiles;
    dcs::Profile m_second;
};

QTEST_MAIN(TestProfileSwitch)
#include "tst_profileswitch.moc"
