#pragma once

#include <QObject>

class LanguageManager;
class QAction;
class QMenu;

// The Language menu: Chinese, English (each named in its own script, so it can be found from
// either language) and "Follow the system", one of them checked. Choosing one sets the language
// manager's preference; the check follows the preference however it changed.
class LanguageMenu : public QObject {
    Q_OBJECT
public:
    // The menu and its actions are the window's (from its form); without a language manager
    // (null) the menu is off.
    LanguageMenu(QMenu *menu, QAction *chinese, QAction *english, QAction *system,
                 LanguageManager *languages, QObject *parent);

private:
    void check(const QString &preference);

    QAction *m_chinese;
    QAction *m_english;
    QAction *m_system;
};
