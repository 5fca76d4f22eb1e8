#include "settings/LanguageMenu.h"

#include "settings/LanguageManager.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

LanguageMenu::LanguageMenu(QMenu *menu, QAction *chinese, QAction *english, QAction *system,
                           LanguageManager *languages, QObject *parent)
    : QObject(parent)
    , m_chinese(chinese)
    , m_english(english)
    , m_system(system) {
    chinese->setData(QStringLiteral("zh_CN"));
    english->setData(QStringLiteral("en"));
    system->setData(LanguageManager::systemPreference());
    // The walk test in tst_i18n knows the two self-naming entries by this property.
    chinese->setProperty("dcsLanguageName", true);
    english->setProperty("dcsLanguageName", true);
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (QAction *action : {chinese, english, system})
        group->addAction(action);
    menu->setEnabled(languages != nullptr);
    if (!languages)
        return;
    connect(group, &QActionGroup::triggered, languages,
            [languages](QAction *action) { languages->setPreference(action->data().toString()); });
    check(languages->preference());
    connect(languages, &LanguageManager::preferenceChanged, this, &LanguageMenu::check);
}

void LanguageMenu::check(const QString &preference) {
    m_chinese->setChecked(preference == QLatin1String("zh_CN"));
    m_english->setChecked(preference == QLatin1String("en"));
    m_system->setChecked(preference == LanguageManager::systemPreference());
}
