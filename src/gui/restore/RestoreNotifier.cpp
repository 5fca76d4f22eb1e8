#include "restore/RestoreNotifier.h"

#include "widgets/NoticeBanner.h"

#include <QEvent>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace {
constexpr int StatusMessageMs = 10000;
} // namespace

RestoreNotifier::RestoreNotifier(QMainWindow *window, NoticeBanner *notice)
    : QObject(window)
    , m_window(window)
    , m_notice(notice) {}

void RestoreNotifier::notify(std::function<QString()> titleText, std::function<QString()> bodyText,
                             bool failed) {
    const QString title = titleText();
    const QString text = bodyText();
    m_lastNotification = title + QLatin1Char('\n') + text;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_window->windowIcon(), m_window);
            m_tray->setObjectName(QStringLiteral("trayIcon"));
            m_tray->setToolTip(tr("DCS Console"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [window = m_window] {
                window->showNormal();
                window->raise();
                window->activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(
            title, text, failed ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information, 15000);
    }
    // Always in the window too: a tray may be missing or ignored.
    m_window->statusBar()->showMessage(tr("%1: %2").arg(title, text), StatusMessageMs);
    if (!failed)
        m_notice->show([titleText, bodyText] {
            return QStringLiteral("<b>%1</b> — %2")
                .arg(titleText().toHtmlEscaped(), bodyText().toHtmlEscaped());
        });
}

bool RestoreNotifier::event(QEvent *event) {
    // The window passes LanguageChange on to its children, this one included.
    if (event->type() == QEvent::LanguageChange && m_tray)
        m_tray->setToolTip(tr("DCS Console"));
    return QObject::event(event);
}
