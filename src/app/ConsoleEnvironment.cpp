#include "app/ConsoleEnvironment.h"

#include "app/CommandLine.h"

ConsoleEnvironment::ConsoleEnvironment(const QStringList &arguments) {
    m_langArgument = CommandLine::optionValue(arguments, QStringLiteral("lang"));
    const QString settingsArgument =
        CommandLine::optionValue(arguments, QStringLiteral("settings"));
    // The language choice is kept beside the console's other settings (the INI file when given).
    if (!settingsArgument.isEmpty())
        m_iniSettings = std::make_unique<QSettings>(settingsArgument, QSettings::IniFormat);
    else
        m_userSettings = std::make_unique<QSettings>();
    // An unknown --lang is reported once the whole command line is parsed.
    m_languageAccepted = !m_langArgument.isEmpty() && m_languages.setLanguage(m_langArgument);
    if (!m_languageAccepted)
        m_languages.setPreference(LanguageManager::savedPreference(*settings()));
    if (m_languages.language().isEmpty())
        m_languages.setLanguage(QStringLiteral("en"));
    m_languages.setSettings(settings());
}

QSettings *ConsoleEnvironment::settings() const {
    return m_iniSettings ? m_iniSettings.get() : m_userSettings.get();
}
