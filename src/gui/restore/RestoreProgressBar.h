#pragma once

#include <QHash>
#include <QProgressBar>

// The status-bar progress of the restores being followed: the one reported last is shown, the
// others are counted in the text and listed in the tooltip. Hidden while none runs.
class RestoreProgressBar : public QProgressBar {
    Q_OBJECT
public:
    explicit RestoreProgressBar(QWidget *parent = nullptr);

    void setProgress(const QString &restoreId, const QString &instanceName, double progress);
    void remove(const QString &restoreId);
    void removeAll();

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    struct RunningRestore {
        QString instanceName;
        double progress = 0.0;
    };
    QHash<QString, RunningRestore> m_running;
    QString m_lastProgressId;
};
