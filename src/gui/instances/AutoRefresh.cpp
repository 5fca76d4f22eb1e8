#include "instances/AutoRefresh.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QTimer>

AutoRefresh::AutoRefresh(QLabel *label, QObject *parent)
    : QObject(parent)
    , m_label(label)
    , m_timer(new QTimer(this)) {
    m_timer->setObjectName(QStringLiteral("autoRefreshTimer"));
    connect(m_timer, &QTimer::timeout, this, &AutoRefresh::due);
    render();
}

void AutoRefresh::setIntervalSeconds(int seconds) {
    m_intervalSeconds = seconds;
    render();
}

void AutoRefresh::setRunning(bool running) {
    if (running && m_intervalSeconds > 0)
        m_timer->start(m_intervalSeconds * 1000);
    else
        m_timer->stop();
}

int AutoRefresh::activeIntervalMs() const {
    return m_timer->isActive() ? m_timer->interval() : 0;
}

void AutoRefresh::markRefreshed(const QDateTime &when) {
    m_lastRefresh = when;
    render();
}

void AutoRefresh::reset() {
    m_timer->stop();
    m_lastRefresh = {};
    render();
}

bool AutoRefresh::event(QEvent *event) {
    // The window passes LanguageChange on to its children, this one included.
    if (event->type() == QEvent::LanguageChange)
        render();
    return QObject::event(event);
}

void AutoRefresh::render() {
    m_label->setText(
        m_lastRefresh.isValid()
            ? tr("Last refresh: %1")
                  .arg(QLocale().toString(m_lastRefresh.time(), QStringLiteral("HH:mm:ss")))
            : QString());
    m_label->setToolTip(
        m_intervalSeconds > 0
            ? tr("Statuses are read again every %n second(s) (Console > Settings).", nullptr,
                 m_intervalSeconds)
            : tr("Automatic refresh is off (Console > Settings). Press F5 to refresh."));
}
