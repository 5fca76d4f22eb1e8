#include "about/BuildInfo.h"
#include "dcs_build_info.h"
#include "profiles/DemoSession.h"
#include "profiles/ProfileSession.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "restore/RestoreDialog.h"
#include "settings/LanguageManager.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

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

// The value of --name VALUE or --name=VALUE, read before the parser exists (the language of
// --help depends on it).
QString optionValue(const QStringList &arguments, const QString &name) {
    const QString flag = QStringLiteral("--") + name;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--"))
            break;
        if (arguments.at(i) == flag && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(flag + QLatin1Char('=')))
            return arguments.at(i).mid(flag.size() + 1);
    }
    return {};
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

// What the command line asks for, checked before any window exists.
struct StartPlan {
    QString startId;
    std::optional<dcs::Profile> sessionProfile;
    ProfileSecrets sessionSecrets;
    DemoSession::Options demo;
    QString select;
    bool openRestore = false;
    bool openAudit = false;
    bool editProfile = false;
};

// The console's settings and language, shared by both passes over the command line.
struct Environment {
    explicit Environment(const QStringList &arguments) {
        // The language comes first so that --help speaks it: --lang, else the saved choice,
        // else the system's. Unknown values are reported once the whole command line is parsed.
        langArgument = optionValue(arguments, QStringLiteral("lang"));
        const QString settingsArgument = optionValue(arguments, QStringLiteral("settings"));
        // The language choice is kept beside the console's other settings (the INI file when
        // given).
        if (!settingsArgument.isEmpty())
            iniSettings = std::make_unique<QSettings>(settingsArgument, QSettings::IniFormat);
        else
            userSettings = std::make_unique<QSettings>();
        languageGiven = !langArgument.isEmpty();
        if (!languageGiven || !languages.setLanguage(langArgument))
            languages.setPreference(LanguageManager::savedPreference(*consoleSettings()));
        if (languages.language().isEmpty())
            languages.setLanguage(QStringLiteral("en"));
        languages.setSettings(consoleSettings());
    }
    QSettings *consoleSettings() const {
        return iniSettings ? iniSettings.get() : userSettings.get();
    }

    QString langArgument;
    bool languageGiven = false;
    std::unique_ptr<QSettings> iniSettings; // profiles too, when --settings is given
    std::unique_ptr<QSettings> userSettings;
    LanguageManager languages;
};

// Parses and checks the command line. Returns an exit code when the program ends here (help,
// version, a usage error, the translation check), else fills *plan.
std::optional<int> readCommandLine(const QStringList &arguments, Environment &env,
                                   dcs::ProfileStore &store, StartPlan *plan) {
    LanguageManager &languages = env.languages;
    const QString &langArgument = env.langArgument;
    const bool languageGiven = env.languageGiven;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop console for Huawei Cloud Distributed Cache Service (DCS)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate(
            "main",
            "User interface language: zh_CN or en (default: the one chosen in the Language menu, "
            "else the system's)."),
        QCoreApplication::translate("main", "language"));
    const QCommandLineOption stateOption(
        QStringLiteral("state-file"),
        QCoreApplication::translate(
            "main", "State file of the Demo simulator (default: in the user's data folder)."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption simOption(
        QStringLiteral("sim-program"),
        QCoreApplication::translate("main", "dcs-sim to run (default: next to this program)."),
        QCoreApplication::translate("main", "path"));
    const QCommandLineOption simArgOption(
        QStringLiteral("sim-arg"),
        QCoreApplication::translate("main", "Extra argument for dcs-sim (repeatable)."),
        QCoreApplication::translate("main", "argument"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Select this instance (name or ID) once loaded."),
        QCoreApplication::translate("main", "instance"));
    const QCommandLineOption openRestoreOption(
        QStringLiteral("open-restore"),
        QCoreApplication::translate(
            "main", "Open the restore dialog for the selected instance once loaded."));
    const QCommandLineOption openAuditOption(
        QStringLiteral("open-audit"),
        QCoreApplication::translate("main", "Open the restore audit trail at start."));
    const QCommandLineOption checkOption(
        QStringLiteral("check-translations"),
        QCoreApplication::translate("main",
                                    "Check that the embedded translations load, then exit."));
    const QCommandLineOption endpointOption(
        QStringLiteral("endpoint"),
        QCoreApplication::translate(
            "main", "Open a profile for this DCS endpoint for this run only (never saved); the "
                    "AK/SK come from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK."),
        QCoreApplication::translate("main", "url"));
    const QCommandLineOption projectOption(
        QStringLiteral("project-id"),
        QCoreApplication::translate("main", "Project ID for --endpoint."),
        QCoreApplication::translate("main", "id"));
    const QCommandLineOption regionOption(
        QStringLiteral("region"),
        QCoreApplication::translate("main", "Region for --endpoint, e.g. cn-north-4."),
        QCoreApplication::translate("main", "region"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QCoreApplication::translate("main", "Open this saved profile."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QCoreApplication::translate(
            "main", "Keep the profiles in this INI file instead of the user's settings."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption editProfileOption(
        QStringLiteral("edit-profile"),
        QCoreApplication::translate(
            "main", "Open the profile dialog at start (the open profile, or a new one)."));
    parser.addOptions({langOption, endpointOption, projectOption, regionOption, profileOption,
                       settingsOption, stateOption, simOption, simArgOption, selectOption,
                       openRestoreOption, editProfileOption, openAuditOption, checkOption});

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        print(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(versionOption)) {
        print(stdout, dcs::BuildInfo::current()
                          .versionLines(QStringLiteral("dcs-console"))
                          .join(QLatin1Char('\n')));
        return 0;
    }
    if (parser.isSet(checkOption))
        return checkTranslations();

    if (languageGiven && languages.language() != langArgument)
        return usageError(
            QCoreApplication::translate("main", "unknown language \"%1\" (use zh_CN or en)")
                .arg(langArgument));

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

    plan->startId = startId;
    plan->sessionProfile = sessionProfile;
    plan->sessionSecrets = sessionSecrets;
    plan->demo.simulatorProgram = parser.value(simOption);
    plan->demo.stateFile = parser.value(stateOption);
    plan->demo.simulatorArguments = parser.values(simArgOption);
    plan->select = parser.value(selectOption);
    plan->openRestore = parser.isSet(openRestoreOption);
    plan->openAudit = parser.isSet(openAuditOption);
    plan->editProfile = parser.isSet(editProfileOption);
    return std::nullopt;
}

void setIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("dcs-console"));
    QCoreApplication::setApplicationName(QStringLiteral("dcs-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DCS_VERSION));
}

} // namespace

int main(int argc, char *argv[]) {
    dcs::BuildInfo::setBuild(QStringLiteral(DCS_BUILD));
    // First without a display: --help, --version and a bad command line must answer over ssh
    // too, where a QApplication could not even start.
    {
        QCoreApplication app(argc, argv);
        setIdentity();
        Environment env(QCoreApplication::arguments());
        dcs::ProfileStore store(env.iniSettings.get());
        StartPlan plan;
        if (const std::optional<int> code =
                readCommandLine(QCoreApplication::arguments(), env, store, &plan))
            return *code;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("DCS Console"));
    // Desktops match the window with the installed desktop entry (and its icon) by this name.
    QApplication::setDesktopFileName(QStringLiteral(DCS_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/dcs-console.svg")));

    Environment env(QApplication::arguments());
    // Profiles: the user's settings, or an INI file given on the command line.
    dcs::ProfileStore store(env.iniSettings.get());
    dcs::SecretStore secrets;
    StartPlan plan;
    if (const std::optional<int> code =
            readCommandLine(QApplication::arguments(), env, store, &plan))
        return *code;
    LanguageManager &languages = env.languages;
    QSettings *consoleSettings = env.consoleSettings();
    const QString startId = plan.startId;
    const std::optional<dcs::Profile> &sessionProfile = plan.sessionProfile;

    ProfileSession profiles(&secrets, plan.demo);
    if (sessionProfile)
        profiles.setSessionSecrets(sessionProfile->id, plan.sessionSecrets);

    MainWindow window;
    window.setLanguageManager(&languages);
    // The console's own settings live beside the profiles (the same INI file when one is given).
    window.setSettings(consoleSettings);
    window.setProfiles(&store, &secrets, &profiles);
    if (sessionProfile)
        window.addSessionProfile(*sessionProfile);

    const QString select = plan.select;
    const bool openRestore = plan.openRestore;
    QObject::connect(
        &window, &MainWindow::instancesLoaded, &window,
        [&window, select, openRestore, done = false]() mutable {
            if (done)
                return;
            done = true;
            if (!select.isEmpty() && !window.selectInstance(select))
                print(stderr,
                      QStringLiteral("dcs-console: ") +
                          QCoreApplication::translate("main", "no instance \"%1\"").arg(select));
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
    if (plan.openAudit)
        window.openAuditDialog();
    if (plan.editProfile) {
        const bool saved = store.profile(window.currentProfileId()).has_value();
        window.openProfileDialog(saved ? ProfileDialog::Mode::Edit : ProfileDialog::Mode::New);
    }
    return QApplication::exec();
}
