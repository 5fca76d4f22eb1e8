#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>
#include <memory>

class QSettings;

// Switches the UI language at runtime: replaces the console's own translator (from :/i18n) and
// Qt's qtbase one, and makes the language's QLocale the default so dates, numbers and sizes
// follow. Installing a translator makes Qt send QEvent::LanguageChange to every widget.
//
// The user's choice (a language, or "follow the system") is a preference kept in QSettings;
// the language is what that preference resolves to on this machine.
class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "zh_CN", "en"
    static QStringList availableLanguages();
    // The language's own name for itself: "中文", "English".
    static QString nativeName(const QString &language);
    // The language to start in: the system's when it is one we have, else English.
    static QString systemLanguage();
    static QString catalogPath(const QString &language); // :/i18n/dcs-console_zh_CN.qm

    // The preference that follows the operating system's language.
    static QString systemPreference() { return QStringLiteral("system"); }
    // "system" when nothing (or nothing usable) was saved: the first start follows the system.
    static QString savedPreference(const QSettings &settings);
    // A preference resolved to a language on this machine.
    static QString languageOf(const QString &preference);

    QString language() const { return m_language; }
    QString preference() const { return m_preference; }
    // false (and nothing changed) when the language is not available or its catalogue is missing.
    // Does not touch the saved preference (a --lang on the command line is for one run).
    bool setLanguage(const QString &language);
    // The Language menu's choice: applied at once and, with a settings store, remembered.
    bool setPreference(const QString &preference);
    // Where setPreference saves; not owned.
    void setSettings(QSettings *settings) { m_settings = settings; }

Q_SIGNALS:
    void languageChanged(const QString &language);
    void preferenceChanged(const QString &preference);

private:
    bool applyLanguage(const QString &language);

    QString m_language;
    QString m_preference;
    QSettings *m_settings = nullptr;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};
