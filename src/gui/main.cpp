#include "DemoSession.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "RestoreDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
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

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
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
    const QCommandLineOption checkOption(
        QStringLiteral("check-translations"),
        QStringLiteral("Check that the embedded translations load, then exit."));
    parser.addOptions({langOption, stateOption, simOption, simArgOption, selectOption,
                       openRestoreOption, checkOption});

    if (!parser.parse(QApplication::arguments())) {
        print(stderr, parser.errorText());
        return 2;
    }
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
        print(
            stderr,
            QStringLiteral("dcs-console: unknown language \"%1\" (use zh_CN or en)").arg(language));
        if (parser.isSet(langOption))
            return 2;
        languages.setLanguage(QStringLiteral("en"));
    }

    DemoSession::Options demoOptions;
    demoOptions.simulatorProgram = parser.value(simOption);
    demoOptions.stateFile = parser.value(stateOption);
    demoOptions.simulatorArguments = parser.values(simArgOption);
    DemoSession demo(demoOptions);

    MainWindow window;
    window.setLanguageManager(&languages);

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
    QObject::connect(&demo, &DemoSession::ready, &window, &MainWindow::setSession);
    QObject::connect(&demo, &DemoSession::failed, &window, &MainWindow::showStartFailure);
    QObject::connect(&demo, &DemoSession::stoppedUnexpectedly, &window,
                     &MainWindow::showStartFailure);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &demo, &DemoSession::stop);

    quitOnSignals(app);
    window.showStarting();
    window.show();
    demo.start();
    return QApplication::exec();
}
