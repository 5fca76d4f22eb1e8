#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

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

QString LanguageManager::catalogPath(const QString &language) {
    return QStringLiteral(":/i18n/dcs-console_%1.qm").arg(language);
}

bool LanguageManager::setLanguage(const QString &language) {
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

    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator = std::move(appTranslator);
    m_qtTranslator = std::move(qtTranslator);

    m_language = language;
    // Before installing: the LanguageChange that installing sends must find the new locale.
    QLocale::setDefault(QLocale(language));
    QCoreApplication::installTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    Q_EMIT languageChanged(language);
    return true;
}
