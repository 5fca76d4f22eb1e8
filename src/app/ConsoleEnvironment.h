#pragma once

#include "settings/LanguageManager.h"

#include <QSettings>
#include <QStringList>
#include <memory>

// The console's settings and language, set up before the command line is parsed (--help speaks
// the language) and shared with the window: the INI file of --settings, else the user's
// settings; --lang for this run, else the saved choice, else the system's language.
class ConsoleEnvironment {
public:
    explicit ConsoleEnvironment(const QStringList &arguments);

    QSettings *settings() const;
    // The INI file of --settings, which holds the profiles too; null: the user's settings.
    QSettings *iniSettings() const { return m_iniSettings.get(); }
    LanguageManager &languages() { return m_languages; }
    // What --lang asked for ("" when not given) and whether the console has it.
    const QString &langArgument() const { return m_langArgument; }
    bool languageAccepted() const { return m_languageAccepted; }
    // Why the --settings file cannot be used ("" when it can, or none was given); translated.
    const QString &settingsProblem() const { return m_settingsProblem; }

private:
    QString m_langArgument;
    bool m_languageAccepted = false;
    QString m_settingsProblem;
    std::unique_ptr<QSettings> m_iniSettings;
    std::unique_ptr<QSettings> m_userSettings;
    LanguageManager m_languages;
};
