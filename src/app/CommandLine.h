#pragma once

#include "profiles/DemoAccount.h"
#include "profiles/Profile.h"
#include "profiles/SessionBuilder.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <optional>

namespace dcs {
class ProfileStore;
}

// What the command line asks the console to do once its window is up.
struct StartPlan {
    QString startId;                            // the profile to open first
    std::optional<dcs::Profile> sessionProfile; // --endpoint: listed for this run only
    dcs::ProfileSecrets sessionSecrets;         // its AK/SK from the environment
    dcs::demo::SimulatorOptions demo;
    QString select; // an instance to select once loaded
    bool openRestore = false;
    bool openAudit = false;
    bool editProfile = false;
};

// How reading the command line ended: the console starts with plan, or the program ends here
// with exitCode after printing output (stdout) and error (one line on stderr).
struct CommandLineResult {
    std::optional<int> exitCode;
    QString output;
    QString error;
    // What the console starts with but should say (a plain-HTTP --endpoint…): translated lines
    // for stderr; the window shows them too, in a banner.
    QStringList warnings;
    StartPlan plan;
};

// dcs-console's command line, checked before any window exists, so --help, --version and a
// bad value answer over ssh too. Qt's own options (-style, -platform, -reverse) are Qt's: they
// pass, and --help-all lists them beside ours.
class CommandLine {
public:
    // Reads an environment variable; tests give their own.
    using Environment = std::function<QString(const char *name)>;

    // The value of --name VALUE or --name=VALUE, read before the parser exists (the language
    // of --help depends on it).
    static QString optionValue(const QStringList &arguments, const QString &name);

    // language: what --lang asked for ("" when not given); languageAccepted: whether it is one
    // the console has. store: the saved profiles (--profile, the last one used).
    static CommandLineResult read(const QStringList &arguments, const QString &language,
                                  bool languageAccepted, const dcs::ProfileStore &store,
                                  const Environment &environment = systemEnvironment);

    // --check-translations: every catalogue loads and translates; one line each, "FAILED" on
    // those that do not. catalogPath gives a language's catalogue (tests give a wrong one).
    static int checkTranslations(QString *output,
                                 const std::function<QString(const QString &)> &catalogPath = {});

    // The arguments without the options Qt's application classes read themselves (-style,
    // -platform, -reverse …, with their values), which the window's QApplication takes.
    static QStringList withoutQtOptions(const QStringList &arguments);

    // The region in https://dcs.<region>.myhuaweicloud.com, else empty.
    static QString regionOfEndpoint(const QUrl &url);

    static QString systemEnvironment(const char *name);
};
