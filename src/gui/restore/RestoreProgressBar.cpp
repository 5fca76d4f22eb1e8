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
                                     double progress, const QString &profileId) {
    m_running.insert(restoreId, {instanceName, profileId, progress});
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
    const QString name = nameOf(id, shown);
    setValue(int(qBound(0.0, shown.progress, 100.0)));
    // %p is Qt's own placeholder for the percentage.
    setFormat(
        m_running.size() == 1
            ? tr("Restoring %1: %p%").arg(name)
            : tr("Restoring %1: %p% (+%n more)", nullptr, int(m_running.size()) - 1).arg(name));
    QStringList lines;
    for (auto it = m_running.constBegin(); it != m_running.constEnd(); ++it)
        lines << tr("%1: %2").arg(nameOf(it.key(), it.value()),
                                  DisplayText::percent(it.value().progress));
    setToolTip(lines.join(QLatin1Char('\n')));
    setVisible(true);
}

QString RestoreProgressBar::nameOf(const QString &restoreId, const RunningRestore &restore) const {
    const QString name = restore.instanceName.isEmpty() ? restoreId : restore.instanceName;
    const QString profile = m_namer ? m_namer(restore.profileId) : QString();
    // Another profile's restore says whose it is.
    return profile.isEmpty() ? name : tr("%1 (%2)").arg(name, profile);
}
