#include "app/ConsoleEnvironment.h"

#include "app/CommandLine.h"
#include "profiles/ProfileStore.h"

ConsoleEnvironment::ConsoleEnvironment(const QStringList &arguments) {
    m_langArgument = CommandLine::optionValue(arguments, QStringLiteral("lang"));
    const QString settingsArgument =
        CommandLine::optionValue(arguments, QStringLiteral("settings"));
    // The language choice is kept beside the console's other settings (the INI file when given).
    // A --settings file that cannot hold the profiles ends the program with the reason
    // (main.cpp); one that does not exist yet is created, owner-only.
    const bool named = !settingsArgument.isEmpty() ||
                       arguments.contains(QStringLiteral("--settings")) ||
                       arguments.contains(QStringLiteral("--settings="));
    if (named)
        m_settingsProblem = dcs::ProfileStore::checkSettingsFile(settingsArgument);
    if (named && m_settingsProblem.isEmpty()) {
        m_iniSettings = std::make_unique<QSettings>(settingsArgument, QSettings::IniFormat);
    } else {
        // The user's own settings file, created owner-only before QSettings writes it. When
        // that fails, saving a profile says so (ProfileStore).
        if (!named)
            dcs::ProfileStore::prepareDefaultSettingsFile();
        m_userSettings = std::make_unique<QSettings>();
    }
    // An unknown --lang is reported once the whole command line is parsed.
    m_languageAccepted = !m_langArgument.isEmpty() && m_languages.setLanguage(m_langArgument);
    if (!m_languageAccepted)
        m_languages.setPreference(LanguageManager::savedPreference(*settings()));
    if (m_languages.language().isEmpty())
        m_languages.setLanguage(QStringLiteral("en"));
    m_languages.setSettings(settings());
    // Once more, now that the language is known, for the message in it.
    if (!m_settingsProblem.isEmpty())
        m_settingsProblem = dcs::ProfileStore::checkSettingsFile(settingsArgument);
}

QSettings *ConsoleEnvironment::settings() const {
    return m_iniSettings ? m_iniSettings.get() : m_userSettings.get();
}
