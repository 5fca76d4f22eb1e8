#include "DemoSession.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ProfileSession.h"
#include "ProfileStore.h"
#include "RestoreDialog.h"
#include "SecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <csignal>
#include <cstdio>

namespace {

volatile std::sig_atomic_t g_quitRequested = 0;

void requestQuit(int) {
    g_quitRequested = 1;
}

// SIGTERM/SIGINT end the event loop normally, so the Demo simulator child is stopped too
// instead of being left running.
void quitOnSignals(QCoreApplication &app) {
    std::signal(SIGTERM, requestQuit);
    std::signal(SIGINT, requestQuit);
    auto *poll = new QTimer(&app);
    QObject::connect(poll, &QTimer::timeout, &app, [] {
        if (g_quitRequested)
            QCoreApplication::quit();
    });
    poll->start(200);
}

void print(FILE *stream, const QString &text) {
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

// Proves the catalogues embedded in this program load (the release checks this).
int checkTranslations() {
    int failures = 0;
    for (const QString &language : LanguageManager::availableLanguages()) {
        QTranslator translator;
        const QString path = LanguageManager::catalogPath(language);
        const bool loaded = translator.load(path);
        const bool chineseWorks =
            language != QLatin1String("zh_CN") ||
            translator.translate("MainWindow", "DCS Console") == QStringLiteral("DCS 控制台");
        print(stdout, QStringLiteral("%1: %2 %3")
                          .arg(language, path,
                               loaded && chineseWorks ? QStringLiteral("loaded")
                                                      : QStringLiteral("FAILED")));
        failures += loaded && chineseWorks ? 0 : 1;
    }
    return failures == 0 ? 0 : 1;
}

// A bad command line is one line on stderr and exit code 2.
int usageError(const QString &message) {
    print(stderr, QStringLiteral("dcs-console: ") + message);
    return 2;
}

// The region in https://dcs.<region>.myhuaweicloud.com, else empty.
QString regionOfEndpoint(const QUrl &url) {
    static const QRegularExpression pattern(QStringLiteral("^dcs\\.([a-z0-9-]+)\\."));
    const QRegularExpressionMatch match = pattern.match(url.host());
    return match.hasMatch() && dcs::looksLikeRegion(match.captured(1)) ? match.captured(1)
                                                                       : QString();
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dcs-console"));
    QApplication::setApplicationName(QStringLiteral("dcs-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("DCS Console"));
    QApplication::setApplicationVersion(QStringLiteral(DCS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dcs-console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dcs-console.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Desktop console for Huawei Cloud Distributed Cache Service (DCS)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language: zh_CN or en."),
                                        QStringLiteral("language"));
    const QCommandLineOption stateOption(
        QStringLiteral("state-file"),
        QStringLiteral("State file of the Demo simulator (default: in the user's data folder)."),
        QStringLiteral("file"));
    const QCommandLineOption simOption(
        QStringLiteral("sim-program"),
        QStringLiteral("dcs-sim to run (default: next to this program)."), QStringLiteral("path"));
    const QCommandLineOption simArgOption(
        QStringLiteral("sim-arg"), QStringLiteral("Extra argument for dcs-sim (repeatable)."),
        QStringLiteral("argument"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"), QStringLiteral("Select this instance (name or ID) once loaded."),
        QStringLiteral("instance"));
    const QCommandLineOption openRestoreOption(
        QStringLiteral("open-restore"),
        QStringLiteral("Open the restore dialog for the selected instance once loaded."));
    const QCommandLineOption openAuditOption(
        QStringLiteral("open-audit"), QStringLiteral("Open the restore audit trail at start."));
    const QCommandLineOption checkOption(
        QStringLiteral("check-translations"),
        QStringLiteral("Check that the embedded translations load, then exit."));
    const QCommandLineOption endpointOption(
        QStringLiteral("endpoint"),
        QStringLiteral("Open a profile for this DCS endpoint for this run only (never saved); the "
                       "AK/SK come from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK."),
        QStringLiteral("url"));
    const QCommandLineOption projectOption(QStringLiteral("project-id"),
                                           QStringLiteral("Project ID for --endpoint."),
                                           QStringLiteral("id"));
    const QCommandLineOption regionOption(QStringLiteral("region"),
                                          QStringLiteral("Region for --endpoint, e.g. cn-north-4."),
                                          QStringLiteral("region"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Open this saved profile."),
                                           QStringLiteral("name"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QStringLiteral("Keep the profiles in this INI file instead of the user's settings."),
        QStringLiteral("file"));
    const QCommandLineOption editProfileOption(
        QStringLiteral("edit-profile"),
        QStringLiteral("Open the profile dialog at start (the open profile, or a new one)."));
    parser.addOptions({langOption, endpointOption, projectOption, regionOption, profileOption,
                       settingsOption, stateOption, simOption, simArgOption, selectOption,
                       openRestoreOption, editProfileOption, openAuditOption, checkOption});

    if (!parser.parse(QApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        print(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(versionOption)) {
        print(stdout, QStringLiteral("dcs-console ") + QApplication::applicationVersion());
        return 0;
    }
    if (parser.isSet(checkOption))
        return checkTranslations();

    LanguageManager languages;
    const QString language =
        parser.isSet(langOption) ? parser.value(langOption) : LanguageManager::systemLanguage();
    if (!languages.setLanguage(language)) {
        if (parser.isSet(langOption))
            return usageError(
                QStringLiteral("unknown language \"%1\" (use zh_CN or en)").arg(language));
        languages.setLanguage(QStringLiteral("en"));
    }

    // Profiles: the user's settings, or an INI file given on the command line.
    QSettings *settings = nullptr;
    if (parser.isSet(settingsOption))
        settings = new QSettings(parser.value(settingsOption), QSettings::IniFormat, &app);
    dcs::ProfileStore store(settings);
    dcs::SecretStore secrets;

    // Which profile to open: --endpoint, --profile, else the last one used, else Demo.
    std::optional<dcs::Profile> sessionProfile;
    ProfileSecrets sessionSecrets;
    QString startId = store.lastUsedId();
    if (parser.isSet(endpointOption) && parser.isSet(profileOption))
        return usageError(QCoreApplication::translate(
            "main", "--endpoint and --profile cannot be used together."));
    if (!parser.isSet(endpointOption) &&
        (parser.isSet(projectOption) || parser.isSet(regionOption)))
        return usageError(
            QCoreApplication::translate("main", "--project-id and --region go with --endpoint."));
    if (parser.isSet(endpointOption)) {
        dcs::Profile profile;
        profile.id = dcs::Profile::newId();
        profile.sessionOnly = true;
        profile.dcsEndpoint = QUrl(parser.value(endpointOption), QUrl::StrictMode);
        profile.projectId = parser.value(projectOption);
        profile.region = parser.isSet(regionOption) ? parser.value(regionOption)
                                                    : regionOfEndpoint(profile.dcsEndpoint);
        profile.iamEndpoint = dcs::defaultIamEndpoint(profile.region);
        profile.name = QCoreApplication::translate("main", "Command line (%1)")
                           .arg(profile.dcsEndpoint.host());
        profile.accessKey = qEnvironmentVariable("HUAWEICLOUD_SDK_AK");
        sessionSecrets.secretKey = qEnvironmentVariable("HUAWEICLOUD_SDK_SK");
        if (!parser.isSet(projectOption))
            return usageError(
                QCoreApplication::translate("main", "--endpoint needs --project-id."));
        for (const dcs::ProfileProblem &problem : dcs::validateProfile(profile)) {
            using F = dcs::ProfileProblem::Field;
            if (problem.warning)
                continue;
            if (problem.field == F::DcsEndpoint)
                return usageError(QStringLiteral("--endpoint: ") + problem.message);
            if (problem.field == F::ProjectId)
                return usageError(QStringLiteral("--project-id: ") + problem.message);
            if (problem.field == F::Region && parser.isSet(regionOption))
                return usageError(QStringLiteral("--region: ") + problem.message);
        }
        if (profile.accessKey.isEmpty() || sessionSecrets.secretKey.isEmpty())
            return usageError(QCoreApplication::translate(
                "main", "--endpoint needs the access key in the environment: set "
                        "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK."));
        sessionProfile = profile;
        startId = profile.id;
    } else if (parser.isSet(profileOption)) {
        const QString name = parser.value(profileOption);
        std::optional<dcs::Profile> profile = store.profileByName(name);
        if (!profile)
            profile = store.profile(name);
        if (!profile)
            return usageError(
                QCoreApplication::translate("main", "there is no saved profile called \"%1\".")
                    .arg(name));
        startId = profile->id;
    }
    if (startId.isEmpty() ||
        (!sessionProfile && startId != DemoSession::profileId() && !store.profile(startId)))
        startId = DemoSession::profileId();

    DemoSession::Options demoOptions;
    demoOptions.simulatorProgram = parser.value(simOption);
    demoOptions.stateFile = parser.value(stateOption);
    demoOptions.simulatorArguments = parser.values(simArgOption);
    ProfileSession profiles(&secrets, demoOptions);
    if (sessionProfile)
        profiles.setSessionSecrets(sessionProfile->id, sessionSecrets);

    MainWindow window;
    window.setLanguageManager(&languages);
    // The console's own settings live beside the profiles (the same INI file when one is given).
    window.setSettings(settings ? settings : new QSettings(&app));
    window.setProfiles(&store, &secrets, &profiles);
    if (sessionProfile)
        window.addSessionProfile(*sessionProfile);

    const QString select = parser.value(selectOption);
    const bool openRestore = parser.isSet(openRestoreOption);
    QObject::connect(&window, &MainWindow::instancesLoaded, &window,
                     [&window, select, openRestore, done = false]() mutable {
                         if (done)
                             return;
                         done = true;
                         if (!select.isEmpty() && !window.selectInstance(select))
                             print(stderr,
                                   QStringLiteral("dcs-console: no instance \"%1\"").arg(select));
                         if (openRestore)
                             window.openRestoreDialog();
                     });
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &profiles, [&profiles] {
        if (profiles.demo())
            profiles.demo()->stop();
    });

    quitOnSignals(app);
    window.show();
    window.switchToProfile(startId);
    if (parser.isSet(openAuditOption))
        window.openAuditDialog();
    if (parser.isSet(editProfileOption)) {
        const bool saved = store.profile(window.currentProfileId()).has_value();
        window.openProfileDialog(saved ? ProfileDialog::Mode::Edit : ProfileDialog::Mode::New);
    }
    return QApplication::exec();
}
