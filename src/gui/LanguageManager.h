#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>
#include <memory>

// Switches the UI language at runtime: replaces the console's own translator (from :/i18n) and
// Qt's qtbase one, and makes the language's QLocale the default so dates, numbers and sizes
// follow. Installing a translator makes Qt send QEvent::LanguageChange to every widget.
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

    QString language() const { return m_language; }
    // false (and nothing changed) when the language is not available or its catalogue is missing.
    bool setLanguage(const QString &language);

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    QString m_language;
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};
