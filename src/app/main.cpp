// dcs-console: reads the command line, then shows the window on the profile it names.

#include "about/BuildInfo.h"
#include "app/CommandLine.h"
#include "app/ConsoleEnvironment.h"
#include "app/FirstFrameExit.h"
#include "app/ProcessHardening.h"
#include "app/SignalHandler.h"
#include "dcs_build_info.h"
#include "instances/InstanceBrowser.h"
#include "profiles/DemoSimulator.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "profiles/SessionOpener.h"
#include "restore/FollowedRestores.h"
#include "settings/PrivateFiles.h"
#include "settings/ThemeManager.h"
#include "shell/MainWindow.h"
#include "widgets/ThemedIcon.h"

#include <QApplication>
#include <QStandardPaths>
#include <cstdio>

namespace {

void print(FILE *stream, const QString &text) {
    if (text.isEmpty())
        return;
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
}

void setIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("dcs-console"));
    QCoreApplication::setApplicationName(QStringLiteral("dcs-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DCS_VERSION));
}

// Reads the command line; an exit code when the program ends here (help, version, a usage
// error, the translation check).
std::optional<int> readCommandLine(ConsoleEnvironment &env, StartPlan *plan, bool warn) {
    if (!env.settingsProblem().isEmpty()) {
        print(stderr, QStringLiteral("dcs-console: --settings: ") + env.settingsProblem());
        return 2;
    }
    // Profiles: the user's settings, or the INI file given on the command line.
    const dcs::ProfileStore store(env.iniSettings());
    CommandLineResult result = CommandLine::read(QCoreApplication::arguments(), env.langArgument(),
                                                 env.languageAccepted(), store);
    print(stdout, result.output);
    print(stderr, result.error);
    // Once, when the window is about to open (the window shows them in a banner too).
    if (warn && !result.exitCode)
        for (const QString &warning : std::as_const(result.warnings))
            print(stderr, QStringLiteral("dcs-console: ") +
                              QCoreApplication::translate("main", "warning: %1").arg(warning));
    *plan = result.plan;
    return result.exitCode;
}

} // namespace

int main(int argc, char *argv[]) {
    // Before any secret is read: from the environment, the keychain or a dialog.
    makeProcessNonDumpable();
    dcs::BuildInfo::setBuild(QStringLiteral(DCS_BUILD));
    // First without a display: --help, --version and a bad command line must answer over ssh
    // too, where a QApplication could not even start. Only a command line can end the program
    // there (every answer and usage error comes from an option), so a start without arguments
    // (from the desktop's menu) goes straight to the window.
    if (argc > 1) {
        QCoreApplication app(argc, argv);
        setIdentity();
        ConsoleEnvironment env(QCoreApplication::arguments());
        StartPlan plan;
        if (const std::optional<int> code = readCommandLine(env, &plan, false))
            return *code;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("DCS Console"));
    // Desktops match the window with the installed desktop entry (and its icon) by this name.
    QApplication::setDesktopFileName(QStringLiteral(DCS_APP_ID));
    // Drawn by the console's own SVG engine: no icon-engine plugin is loaded before the first
    // frame.
    QApplication::setWindowIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/dcs-console.svg")));

    ConsoleEnvironment env(QApplication::arguments());
    StartPlan plan;
    if (const std::optional<int> code = readCommandLine(env, &plan, true))
        return *code;
    // The data folder (audit trail, followed restores, Demo state) is the user's alone, also
    // when an earlier version created it with the umask's permissions.
    dcs::privatefiles::ensureFolder(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    dcs::ProfileStore store(env.iniSettings());
    dcs::SecretStore secrets;
    // Every restore of every profile is followed from the user's data folder.
    dcs::FollowedRestores followed(dcs::PendingRestoreFile(), dcs::AuditLog(),
                                   dcs::ConsoleSettings().trackerTiming());
    dcs::SessionOpener opener(&secrets, plan.demo, &followed);
    if (plan.sessionProfile)
        opener.setSessionSecrets(plan.sessionProfile->id, plan.sessionSecrets);

    ThemeManager themes;
    themes.apply(dcs::ConsoleSettings::load(*env.settings()).theme);

    ConsoleContext context;
    // The console's own settings live beside the profiles (the same INI file when one is given).
    context.settings = env.settings();
    context.followedRestores = &followed;
    context.profiles = &store;
    context.secrets = &secrets;
    context.opener = &opener;
    context.languages = &env.languages();
    context.themes = &themes;
    MainWindow window(context);
    if (plan.sessionProfile)
        window.addSessionProfile(*plan.sessionProfile);

    const QString select = plan.select;
    const bool openRestore = plan.openRestore;
    QObject::connect(
        &window, &MainWindow::instancesLoaded, &window,
        [&window, select, openRestore, done = false]() mutable {
            InstanceBrowser *browser = window.browser();
            if (done || !browser)
                return;
            done = true;
            if (!select.isEmpty() && !browser->selectInstance(select))
                print(stderr,
                      QStringLiteral("dcs-console: ") +
                          QCoreApplication::translate("main", "no instance \"%1\"").arg(select));
            if (openRestore)
                browser->openRestoreDialog();
        });
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &opener,
                     [&opener] { opener.demo()->stop(); });

    quitOnSignals(app);
    // dcs-bench's cold start: the time to the first frame, then nothing more.
    if (qEnvironmentVariableIsSet("DCS_EXIT_AFTER_FIRST_FRAME"))
        exitAfterFirstFrame(&window);
    // The window's first frame first; what follows waits for it, in this order. The keychain is
    // asked whether it keeps secrets (the profile dialog says so, and waits for the answer when
    // it opens before it comes), the profile starts (the window says so until then: set before
    // it is shown, so that it is laid out once, with it), and the dialogs named on the command
    // line open over the painted window.
    window.expectFirstFrame();
    window.afterFirstFrame([&secrets] { secrets.probe(); });
    window.switchToProfile(plan.startId);
    const bool openAudit = plan.openAudit;
    const bool editProfile = plan.editProfile;
    window.afterFirstFrame([&window, &store, openAudit, editProfile] {
        if (openAudit)
            window.openAuditDialog();
        if (editProfile) {
            const bool saved = store.profile(window.currentProfileId()).has_value();
            window.openProfileDialog(saved ? ProfileDialog::Mode::Edit : ProfileDialog::Mode::New);
        }
    });
    window.show();
    return QApplication::exec();
}
