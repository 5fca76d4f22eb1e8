#pragma once

#include <QObject>
#include <QString>
#include <functional>

class NoticeBanner;
class QMainWindow;
class QSystemTrayIcon;

// Tells the user a restore ended, wherever they look: a tray message when there is a tray, and
// always the window's status bar; a success also stays in the notice banner.
class RestoreNotifier : public QObject {
    Q_OBJECT
public:
    // The tray icon is the window's child and shows its icon; clicking its message raises it.
    RestoreNotifier(QMainWindow *window, NoticeBanner *notice);

    // Texts are functions so that the notice left on screen is rendered again on a switch.
    void notify(std::function<QString()> title, std::function<QString()> text, bool failed);
    // The last notification (title and text), as shown in the window and the tray.
    QString lastNotification() const { return m_lastNotification; }

protected:
    bool event(QEvent *event) override;

private:
    QMainWindow *m_window;
    NoticeBanner *m_notice;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastNotification;
};
