#pragma once

// Shared by every GUI test: one timeout and one timing, the console's context built in one
// place (Console: a data folder, settings, profiles with memory-only secrets, the restores
// followed, the opener, the language), sessions on a SimFixture, synchronous reads for setting
// up and checking, and the restore dialog's test options.

#include "ClientTestSupport.h"
#include "SimFixture.h"
#include "api/DcsClient.h"
#include "instances/InstanceBrowser.h"
#include "instances/InstanceTableModel.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "profiles/Session.h"
#include "profiles/SessionOpener.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreDialog.h"
#include "shell/ConsoleContext.h"
#include "shell/MainWindow.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace guitest {

// How long anything read from a simulator may take, whatever the load of the machine.
constexpr int LoadTimeoutMs = 20000;
// How often a backup being written is read.
constexpr int BackupPollMs = 200;

// How restores are followed in every GUI test: quickly.
inline dcs::RestoreRecordFollower::Timing fastTiming() {
    dcs::RestoreRecordFollower::Timing timing;
    timing.initialDelayMs = 150;
    timing.maxIntervalMs = 400;
    timing.backoffFactor = 1.3;
    timing.timeoutMs = 60000;
    return timing;
}

inline std::unique_ptr<dcs::DcsClient> makeClient(const SimFixture &sim) {
    return std::make_unique<dcs::DcsClient>(dcs::testing::configFor(sim));
}

// One run of the console for a test: what the program's main.cpp builds, with a data folder,
// settings and a Demo state file of the test's own and secrets in memory only. It outlives the
// windows built from it; a second Console on the same data folder is the next start.
class Console {
public:
    explicit Console(LanguageManager *languages = nullptr, const QString &dataFolder = {})
        : m_dataFolder(dataFolder.isEmpty() ? m_dir.filePath(QStringLiteral("data")) : dataFolder)
        , m_settings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat))
        , m_profiles(std::make_unique<dcs::ProfileStore>(m_settings.get()))
        , m_secrets(std::make_unique<dcs::SecretStore>(QStringLiteral("dcs-console-test"), true))
        , m_followed(std::make_unique<dcs::FollowedRestores>(
              dcs::PendingRestoreFile(pendingFile()), dcs::AuditLog(auditFile()), fastTiming()))
        , m_opener(std::make_unique<dcs::SessionOpener>(m_secrets.get(), demoOptions(),
                                                        m_followed.get())) {
        QDir().mkpath(m_dataFolder);
        m_context.settings = m_settings.get();
        m_context.followedRestores = m_followed.get();
        m_context.profiles = m_profiles.get();
        m_context.secrets = m_secrets.get();
        m_context.opener = m_opener.get();
        m_context.languages = languages;
        m_context.timings.restoreFollowing = fastTiming();
        m_context.timings.backupPollMs = BackupPollMs;
    }
    ~Console() {
        // Sessions talk through followers of the follow-up: they go first.
        m_opener.reset();
    }

    // Everything the window is given.
    const ConsoleContext &context() const { return m_context; }
    // Without profiles: the window shows the sessions it is given and nothing else.
    ConsoleContext contextWithoutProfiles() const {
        ConsoleContext context = m_context;
        context.profiles = nullptr;
        context.secrets = nullptr;
        context.opener = nullptr;
        return context;
    }

    QString dataFolder() const { return m_dataFolder; }
    // The names the program uses in the user's data folder.
    QString auditFile() const {
        return QDir(m_dataFolder).filePath(QStringLiteral("restore-audit.jsonl"));
    }
    QString pendingFile() const {
        return QDir(m_dataFolder).filePath(QStringLiteral("pending-restores.json"));
    }
    QSettings *settings() const { return m_settings.get(); }
    dcs::ProfileStore *profiles() const { return m_profiles.get(); }
    dcs::SecretStore *secrets() const { return m_secrets.get(); }
    dcs::FollowedRestores *followed() const { return m_followed.get(); }
    dcs::SessionOpener *opener() const { return m_opener.get(); }

    // A session on a simulator, not through a saved profile (the opener's child, like every
    // session, until it is closed).
    dcs::Session *openSession(const SimFixture &sim,
                              const QString &profileId = QStringLiteral("test-profile"),
                              const QString &profileName = QStringLiteral("Test account")) {
        return openSession(sim, info(sim, profileId, profileName));
    }
    dcs::Session *openSession(const SimFixture &sim, const dcs::SessionInfo &info) {
        return openSession(info, dcs::testing::configFor(sim));
    }
    dcs::Session *openSession(const dcs::SessionInfo &info, const dcs::ClientConfig &config) {
        return new dcs::Session(info, config, m_followed.get(), m_opener.get());
    }
    static dcs::SessionInfo info(const SimFixture &sim,
                                 const QString &profileId = QStringLiteral("test-profile"),
                                 const QString &profileName = QStringLiteral("Test account")) {
        dcs::SessionInfo s;
        s.profileId = profileId;
        s.profileName = profileName;
        s.isSimulator = true;
        s.endpoint = sim.url();
        s.region = QStringLiteral("cn-north-4");
        s.projectId = SimFixture::projectId();
        return s;
    }

    // A saved profile for a simulator, with its secret key stored.
    dcs::Profile saveProfile(const SimFixture &sim, const QString &name) {
        dcs::Profile profile;
        profile.id = dcs::Profile::newId();
        profile.name = name;
        profile.region = QStringLiteral("cn-north-4");
        profile.dcsEndpoint = sim.url();
        profile.iamEndpoint = dcs::defaultIamEndpoint(profile.region);
        profile.projectId = SimFixture::projectId();
        profile.accessKey = QString::fromLatin1(SimFixture::accessKey());
        profile.proxy.mode = dcs::ProxySettings::Mode::None;
        profile.timeoutSeconds = 10;
        return saved(profile);
    }
    // Saves this profile and stores the simulator's secret key for it.
    dcs::Profile saved(const dcs::Profile &profile) {
        m_profiles->save(profile);
        m_secrets->write(profile.id, dcs::SecretStore::Kind::SecretKey,
                         QString::fromLatin1(SimFixture::secretKey()), nullptr);
        return profile;
    }

private:
    dcs::demo::SimulatorOptions demoOptions() const {
        dcs::demo::SimulatorOptions demo;
        demo.simulatorProgram = QStringLiteral(DCS_SIM_PROGRAM);
        demo.stateFile = m_dir.filePath(QStringLiteral("demo-state.json"));
        return demo;
    }

    QTemporaryDir m_dir;
    QString m_dataFolder;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<dcs::ProfileStore> m_profiles;
    std::unique_ptr<dcs::SecretStore> m_secrets;
    std::unique_ptr<dcs::FollowedRestores> m_followed;
    std::unique_ptr<dcs::SessionOpener> m_opener;
    ConsoleContext m_context;
};

// The browser of the window's open session, once one is shown.
inline InstanceBrowser *browserOf(const MainWindow &window) {
    (void)QTest::qWaitFor([&] { return window.browser() != nullptr; }, LoadTimeoutMs);
    return window.browser();
}

// Waits until the window's browser lists instances; false when it did not in time.
inline bool waitForInstances(const MainWindow &window) {
    return QTest::qWaitFor(
        [&] { return window.browser() && window.browser()->instanceModel()->rowCount() > 0; },
        LoadTimeoutMs);
}

// Synchronous reads for setting up and checking, through the shared client support.
inline dcs::Instance instanceNamed(dcs::DcsClient *client, const QString &name) {
    QObject context;
    for (const dcs::Instance &instance : dcs::testing::instances(*client, &context)) {
        if (instance.name == name)
            return instance;
    }
    return {};
}

inline QList<dcs::Backup> backupsOf(dcs::DcsClient *client, const QString &instanceId) {
    QObject context;
    return dcs::testing::backups(*client, instanceId, &context);
}

inline QList<dcs::RestoreRecord> restoresOf(dcs::DcsClient *client, const QString &instanceId) {
    QObject context;
    return dcs::testing::restores(*client, instanceId, &context);
}

inline QString instanceStatus(dcs::DcsClient *client, const QString &instanceId) {
    QObject context;
    return dcs::testing::await<dcs::Instance>(
               [&](auto cb) { client->showInstance(instanceId, &context, cb); })
        .value.status;
}

// The restore and backup POSTs that reached the simulator, from its request log.
inline int countRestorePosts(SimFixture &sim) {
    return int(dcs::testing::postLines(sim, "/restores").size());
}

inline int countBackupPosts(SimFixture &sim) {
    return int(dcs::testing::postLines(sim, "/backups").size());
}

// A restore dialog's options for a test account, polling fast, handing its restore to followed.
inline RestoreDialog::Options restoreDialogOptions(dcs::FollowedRestores *followed) {
    RestoreDialog::Options o;
    o.context.profileId = QStringLiteral("test-profile");
    o.context.profileName = QStringLiteral("Test account");
    o.context.region = QStringLiteral("cn-north-4");
    o.context.projectId = SimFixture::projectId();
    o.backupPollMs = BackupPollMs;
    o.followed = followed;
    return o;
}

inline QPushButton *okButton(RestoreDialog &dialog) {
    return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok);
}

// The height a word-wrapped label's text needs at the label's width, as the label draws it,
// measured on a twin: QLabel's own heightForWidth() never answers less than the label's minimum
// height, and a label with a frame (a style sheet's padding) measures its lines with a wider
// indent than it draws them with. The twin has the label's frame and padding as plain margins
// and the indent the label draws with.
// How many pixels of image are ink: far in lightness from the background colour given.
inline int inkApartFrom(const QImage &image, const QColor &background) {
    int ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAbs(image.pixelColor(x, y).lightness() - background.lightness()) > 60)
                ++ink;
    return ink;
}

inline int wrappedTextHeight(const QLabel *label) {
    QLabel twin;
    twin.setFont(label->font());
    twin.setTextFormat(label->textFormat());
    twin.setTextInteractionFlags(label->textInteractionFlags());
    twin.setWordWrap(label->wordWrap());
    twin.setAlignment(label->alignment());
    const QRect contents = label->contentsRect();
    twin.setContentsMargins(contents.left(), contents.top(), label->width() - contents.right() - 1,
                            label->height() - contents.bottom() - 1);
    twin.setMargin(label->margin());
    int indent = label->indent();
    if (indent < 0 && label->frameWidth())
        indent = label->fontMetrics().horizontalAdvance(QLatin1Char('x')) / 2 - label->margin();
    twin.setIndent(qMax(indent, 0));
    twin.setText(label->text());
    twin.ensurePolished();
    return twin.heightForWidth(label->width());
}

inline const dcs::Backup *firstRestorable(const QList<dcs::Backup> &backups) {
    for (const dcs::Backup &backup : backups) {
        if (backup.isRestorable())
            return &backup;
    }
    return nullptr;
}

} // namespace guitest
