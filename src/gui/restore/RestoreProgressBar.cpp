#include "restore/RestoreProgressBar.h"

#include "model/DisplayText.h"

#include <QEvent>

RestoreProgressBar::RestoreProgressBar(QWidget *parent)
    : QProgressBar(parent) {
    setObjectName(QStringLiteral("restoreProgressBar"));
    setRange(0, 100);
    setMaximumHeight(16);
    setMinimumWidth(260);
    setVisible(false);
}

void RestoreProgressBar::setProgress(const QString &restoreId, const QString &instanceName,
                                     double progress) {
    m_running.insert(restoreId, {instanceName, progress});
    m_lastProgressId = restoreId;
    render();
}

void RestoreProgressBar::remove(const QString &restoreId) {
    m_running.remove(restoreId);
    render();
}

void RestoreProgressBar::removeAll() {
    m_running.clear();
    render();
}

void RestoreProgressBar::changeEvent(QEvent *event) {
    QProgressBar::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        render();
}

void RestoreProgressBar::render() {
    if (m_running.isEmpty()) {
        setVisible(false);
        setToolTip(QString());
        return;
    }
    const QString id =
        m_running.contains(m_lastProgressId) ? m_lastProgressId : m_running.constBegin().key();
    const RunningRestore &shown = m_running.value(id);
    const QString name = shown.instanceName.isEmpty() ? id : shown.instanceName;
    setValue(int(qBound(0.0, shown.progress, 100.0)));
    // %p is Qt's own placeholder for the percentage.
    setFormat(
        m_running.size() == 1
            ? tr("Restoring %1: %p%").arg(name)
            : tr("Restoring %1: %p% (+%n more)", nullptr, int(m_running.size()) - 1).arg(name));
    QStringList lines;
    for (auto it = m_running.constBegin(); it != m_running.constEnd(); ++it)
        lines << tr("%1: %2").arg(it.value().instanceName.isEmpty() ? it.key()
                                                                    : it.value().instanceName,
                                  DisplayText::percent(it.value().progress));
    setToolTip(lines.join(QLatin1Char('\n')));
    setVisible(true);
}
