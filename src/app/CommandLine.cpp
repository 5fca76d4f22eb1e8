#include "app/CommandLine.h"

#include "about/BuildInfo.h"
#include "app/HelpText.h"
#include "profiles/ProfileStore.h"
#include "settings/LanguageManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTranslator>

namespace {

// A bad command line is one line on stderr and exit code 2.
CommandLineResult usageError(const QString &message) {
    CommandLineResult result;
    result.exitCode = 2;
    result.error = QStringLiteral("dcs-console: ") + message;
    return result;
}

CommandLineResult done(int code, const QString &output) {
    CommandLineResult result;
    result.exitCode = code;
    result.output = output;
    return result;
}

// The options QGuiApplication and QApplication read themselves (their documentation), with or
// without a second dash; those marked with a value take the next argument, or "=value" where Qt
// accepts that form.
struct QtOption {
    const char *name;
    const char *valueName; // null: a flag
    bool equalsForm;       // -style=Fusion
    const char *description;
};

constexpr QtOption qtOptionTable[] = {
    {"platform", QT_TRANSLATE_NOOP("main", "platform[:options]"), false,
     QT_TRANSLATE_NOOP("main", "The windowing system plugin, e.g. xcb, wayland or offscreen.")},
    {"platformpluginpath", QT_TRANSLATE_NOOP("main", "path"), false,
     QT_TRANSLATE_NOOP("main", "Where to look for platform plugins.")},
    {"platformtheme", QT_TRANSLATE_NOOP("main", "theme"), false,
     QT_TRANSLATE_NOOP("main", "The platform theme plugin, e.g. gtk3 or xdgdesktopportal.")},
    {"plugin", QT_TRANSLATE_NOOP("main", "plugin"), false,
     QT_TRANSLATE_NOOP("main", "Loads an extra plugin, e.g. an input device (repeatable).")},
    {"qwindowgeometry", QT_TRANSLATE_NOOP("main", "geometry"), false,
     QT_TRANSLATE_NOOP("main", "The main window's geometry, e.g. 1360x860+0+0.")},
    {"qwindowicon", QT_TRANSLATE_NOOP("main", "icon"), false,
     QT_TRANSLATE_NOOP("main", "The windows' default icon.")},
    {"qwindowtitle", QT_TRANSLATE_NOOP("main", "title"), false,
     QT_TRANSLATE_NOOP("main", "The main window's title.")},
    {"reverse", nullptr, false,
     QT_TRANSLATE_NOOP("main", "Lays the windows out from right to left.")},
    {"session", QT_TRANSLATE_NOOP("main", "session"), false,
     QT_TRANSLATE_NOOP("main", "Restores the application from an earlier session.")},
    {"display", QT_TRANSLATE_NOOP("main", "display"), false,
     QT_TRANSLATE_NOOP("main", "The X server display to use (X11 only).")},
    {"geometry", QT_TRANSLATE_NOOP("main", "geometry"), false,
     QT_TRANSLATE_NOOP("main", "The main window's geometry (X11 only).")},
    {"style", QT_TRANSLATE_NOOP("main", "style"), true,
     QT_TRANSLATE_NOOP("main", "The widget style, e.g. Fusion or Windows.")},
    {"stylesheet", QT_TRANSLATE_NOOP("main", "file"), true,
     QT_TRANSLATE_NOOP("main", "A Qt style sheet to apply.")},
    {"widgetcount", nullptr, false,
     QT_TRANSLATE_NOOP("main", "Prints how many widgets were left over at the end.")},
};

// "--lang <language>"
QString namesOf(const QCommandLineOption &option) {
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString text = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        text += QStringLiteral(" <%1>").arg(option.valueName());
    return text;
}

HelpText::Section optionsSection(const QList<QCommandLineOption> &options) {
    HelpText::Section section{QCoreApplication::translate("main", "Options:"), {}};
    for (const QCommandLineOption &option : options)
        section.entries.append({namesOf(option), option.description()});
    return section;
}

HelpText::Section qtSection() {
    HelpText::Section section{
        QCoreApplication::translate("main", "Qt options (Qt reads these itself):"), {}};
    for (const QtOption &option : qtOptionTable) {
        QString names = QLatin1Char('-') + QLatin1String(option.name);
        if (option.valueName)
            names +=
                QStringLiteral(" <%1>").arg(QCoreApplication::translate("main", option.valueName));
        section.entries.append({names, QCoreApplication::translate("main", option.description)});
    }
    return section;
}

} // namespace

QStringList CommandLine::withoutQtOptions(const QStringList &arguments) {
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (i == 0 || !argument.startsWith(QLatin1Char('-'))) {
            kept << argument;
            continue;
        }
        // Qt reads "--style" as "-style" too.
        const QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        const QtOption *known = nullptr;
        for (const QtOption &option : qtOptionTable) {
            if (name == QLatin1String(option.name) ||
                (option.equalsForm &&
                 name.startsWith(QLatin1String(option.name) + QLatin1Char('='))))
                known = &option;
        }
        if (!known) {
            kept << argument;
            continue;
        }
        // Its value goes with it (Qt takes it only when there is one).
        if (known->valueName && name == QLatin1String(known->name) && i + 1 < arguments.size())
            ++i;
    }
    return kept;
}

QString CommandLine::systemEnvironment(const char *name) {
    return qEnvironmentVariable(name);
}

QString CommandLine::optionValue(const QStringList &arguments, const QString &name) {
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

QString CommandLine::regionOfEndpoint(const QUrl &url) {
    static const QRegularExpression pattern(QStringLiteral("^dcs\\.([a-z0-9-]+)\\."));
    const QRegularExpressionMatch match = pattern.match(url.host());
    return match.hasMatch() && dcs::looksLikeRegion(match.captured(1)) ? match.captured(1)
                                                                       : QString();
}

int CommandLine::checkTranslations(QString *output,
                                   const std::function<QString(const QString &)> &catalogPath) {
    // Proves the catalogues embedded in this program load (the release checks this).
    int failures = 0;
    QStringList lines;
    const QStringList languages = LanguageManager::availableLanguages();
    for (const QString &language : languages) {
        QTranslator translator;
        const QString path =
            catalogPath ? catalogPath(language) : LanguageManager::catalogPath(language);
        const bool loaded = translator.load(path);
        const bool chineseWorks =
            language != QLatin1String("zh_CN") ||
            translator.translate("MainWindow", "DCS Console") == QStringLiteral("DCS 控制台");
        lines << QStringLiteral("%1: %2 %3")
                     .arg(language, path,
                          loaded && chineseWorks ? QStringLiteral("loaded")
                                                 : QStringLiteral("FAILED"));
        failures += loaded && chineseWorks ? 0 : 1;
    }
    if (languages.isEmpty()) {
        lines << QStringLiteral("no catalogue: FAILED");
        ++failures;
    }
    if (output)
        *output = lines.join(QLatin1Char('\n'));
    return failures == 0 ? 0 : 1;
}

CommandLineResult CommandLine::read(const QStringList &arguments, const QString &langArgument,
                                    bool languageAccepted, const dcs::ProfileStore &store,
                                    const Environment &environment) {
    QCommandLineParser parser;
    const QString description = QCoreApplication::translate(
        "main", "Desktop console for Huawei Cloud Distributed Cache Service (DCS).");
    // Our own help options: their words are in the console's catalogue, and --help-all must
    // answer here, before any window.
    const QCommandLineOption helpOption(
        {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("main", "Shows this help and exits."));
    const QCommandLineOption helpAllOption(
        QStringLiteral("help-all"),
        QCoreApplication::translate("main", "Shows this help with Qt's own options and exits."));
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("main",
                                    "Shows the version, the build and the Qt version and exits."));
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
    const QList<QCommandLineOption> options{
        helpOption,      helpAllOption, versionOption, langOption,        endpointOption,
        projectOption,   regionOption,  profileOption, settingsOption,    stateOption,
        simOption,       simArgOption,  selectOption,  openRestoreOption, editProfileOption,
        openAuditOption, checkOption};
    parser.addOptions(options);

    // Qt's own options (-style Fusion, -platform offscreen, -reverse) are Qt's to read when the
    // window starts; they are no usage error here.
    if (!parser.parse(withoutQtOptions(arguments)))
        return usageError(parser.errorText());
    const QString usage = QCoreApplication::translate("main", "Usage: %1 [options]")
                              .arg(QStringLiteral("dcs-console"));
    if (parser.isSet(helpAllOption))
        return done(
            0,
            HelpText::format(usage, description, {optionsSection(options), qtSection()}).trimmed());
    if (parser.isSet(helpOption))
        return done(0, HelpText::format(usage, description, {optionsSection(options)}).trimmed());
    if (parser.isSet(versionOption))
        return done(0, dcs::BuildInfo::current()
                           .versionLines(QStringLiteral("dcs-console"))
                           .join(QLatin1Char('\n')));
    if (parser.isSet(checkOption)) {
        QString lines;
        const int code = checkTranslations(&lines);
        return done(code, lines);
    }

    if (!langArgument.isEmpty() && !languageAccepted)
        return usageError(
            QCoreApplication::translate("main", "unknown language \"%1\" (use zh_CN or en)")
                .arg(langArgument));

    // Which profile to open: --endpoint, --profile, else the last one used, else Demo.
    std::optional<dcs::Profile> sessionProfile;
    dcs::ProfileSecrets sessionSecrets;
    QStringList sessionWarnings;
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
        profile.accessKey = environment("HUAWEICLOUD_SDK_AK");
        sessionSecrets.secretKey = environment("HUAWEICLOUD_SDK_SK");
        if (!parser.isSet(projectOption))
            return usageError(
                QCoreApplication::translate("main", "--endpoint needs --project-id."));
        QStringList warnings;
        for (const dcs::ProfileProblem &problem : dcs::validateProfile(profile)) {
            using F = dcs::ProfileProblem::Field;
            if (problem.warning) {
                const QString option = problem.field == F::DcsEndpoint
                                           ? QStringLiteral("--endpoint")
                                       : problem.field == F::Region ? QStringLiteral("--region")
                                                                    : QString();
                warnings << (option.isEmpty() ? problem.message
                                              : option + QStringLiteral(": ") + problem.message);
                continue;
            }
            if (problem.field == F::DcsEndpoint)
                return usageError(QStringLiteral("--endpoint: ") + problem.message);
            if (problem.field == F::ProjectId)
                return usageError(QStringLiteral("--project-id: ") + problem.message);
            if (problem.field == F::Region && parser.isSet(regionOption))
                return usageError(QStringLiteral("--region: ") + problem.message);
        }
        if (profile.accessKey.size() > dcs::fieldlimits::AccessKey ||
            sessionSecrets.secretKey.size() > dcs::fieldlimits::SecretKey)
            return usageError(QCoreApplication::translate(
                "main", "HUAWEICLOUD_SDK_AK or HUAWEICLOUD_SDK_SK is far longer than an access "
                        "key can be."));
        if (profile.accessKey.isEmpty() || sessionSecrets.secretKey.isEmpty())
            return usageError(QCoreApplication::translate(
                "main", "--endpoint needs the access key in the environment: set "
                        "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK."));
        sessionProfile = profile;
        startId = profile.id;
        sessionWarnings = warnings;
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
    if (startId.isEmpty() || (!sessionProfile && startId != dcs::SessionBuilder::demoProfileId() &&
                              !store.profile(startId)))
        startId = dcs::SessionBuilder::demoProfileId();

    CommandLineResult result;
    result.warnings = sessionWarnings;
    StartPlan &plan = result.plan;
    plan.startId = startId;
    plan.sessionProfile = sessionProfile;
    plan.sessionSecrets = sessionSecrets;
    plan.demo.simulatorProgram = parser.value(simOption);
    plan.demo.stateFile = parser.value(stateOption);
    plan.demo.simulatorArguments = parser.values(simArgOption);
    plan.select = parser.value(selectOption);
    plan.openRestore = parser.isSet(openRestoreOption);
    plan.openAudit = parser.isSet(openAuditOption);
    plan.editProfile = parser.isSet(editProfileOption);
    return result;
}
