#pragma once

#include "widgets/BackgroundStatus.h"

#include <QHash>
#include <QProgressBar>

// The status-bar progress of the restores being followed: the one reported last is shown, the
// others are counted in the text and listed in the tooltip; one of a profile that is not open
// names its profile. Hidden while none runs.
class RestoreProgressBar : public QProgressBar {
    Q_OBJECT
public:
    explicit RestoreProgressBar(QWidget *parent = nullptr);

    void setProgress(const QString &restoreId, const QString &instanceName, double progress,
                     const QString &profileId = {});
    void remove(const QString &restoreId);
    void removeAll();
    // Which profile is open decides what is named; refresh() after it changed.
    void setProfileNamer(BackgroundStatus::ProfileNamer namer) { m_namer = std::move(namer); }
    void refresh() { render(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    struct RunningRestore {
        QString instanceName;
        QString profileId;
        double progress = 0.0;
    };
    QString nameOf(const QString &restoreId, const RunningRestore &restore) const;
    QHash<QString, RunningRestore> m_running;
    QString m_lastProgressId;
    BackgroundStatus::ProfileNamer m_namer;
};
