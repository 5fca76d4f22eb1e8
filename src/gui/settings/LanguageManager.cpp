#include "settings/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace {
const char PreferenceKey[] = "console/language";
}

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent) {}

LanguageManager::~LanguageManager() {
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

QStringList LanguageManager::availableLanguages() {
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString LanguageManager::nativeName(const QString &language) {
    // Each language names itself, so it can be found whatever the current one is.
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("中文");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return language;
}

QString LanguageManager::systemLanguage() {
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString LanguageManager::savedPreference(const QSettings &settings) {
    const QString saved = settings.value(QLatin1String(PreferenceKey)).toString();
    return availableLanguages().contains(saved) ? saved : systemPreference();
}

QString LanguageManager::languageOf(const QString &preference) {
    return preference == systemPreference() ? systemLanguage() : preference;
}

bool LanguageManager::setPreference(const QString &preference) {
    if (preference != systemPreference() && !availableLanguages().contains(preference))
        return false;
    if (!applyLanguage(languageOf(preference)))
        return false;
    if (m_settings) {
        m_settings->setValue(QLatin1String(PreferenceKey), preference);
        m_settings->sync();
    }
    if (preference != m_preference) {
        m_preference = preference;
        Q_EMIT preferenceChanged(preference);
    }
    return true;
}

QString LanguageManager::catalogPath(const QString &language) {
    return QStringLiteral(":/i18n/dcs-console_%1.qm").arg(language);
}

bool LanguageManager::setLanguage(const QString &language) {
    // A language set directly (--lang, a test) is the preference of this run, not saved.
    if (!applyLanguage(language))
        return false;
    if (m_preference != language) {
        m_preference = language;
        Q_EMIT preferenceChanged(language);
    }
    return true;
}

bool LanguageManager::applyLanguage(const QString &language) {
    if (!availableLanguages().contains(language))
        return false;
    if (language == m_language)
        return true;

    auto appTranslator = std::make_unique<QTranslator>();
    if (!appTranslator->load(catalogPath(language)))
        return false;
    // Qt's own strings (standard buttons, context menus of line edits); English has none to load.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (!qtTranslator->load(QStringLiteral("qtbase_") + language,
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qtTranslator.reset();

    m_language = language;
    // First: the LanguageChange that removing and installing send must find the new locale.
    QLocale::setDefault(QLocale(language));
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator = std::move(appTranslator);
    m_qtTranslator = std::move(qtTranslator);

    QCoreApplication::installTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    Q_EMIT languageChanged(language);
    return true;
}
