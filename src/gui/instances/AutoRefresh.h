#pragma once

#include <QDateTime>
#include <QObject>

class QLabel;
class QTimer;

// The automatic refresh of the statuses and the status-bar label that says when the last
// refresh was and how often one comes. The label is rendered again in the new language on a
// switch.
class AutoRefresh : public QObject {
    Q_OBJECT
public:
    // The label stays the window's; this only drives it.
    explicit AutoRefresh(QLabel *label, QObject *parent = nullptr);

    // 0 turns the automatic refresh off. Takes effect at the next setRunning().
    void setIntervalSeconds(int seconds);
    // (Re)starts the timer from now while running and the interval is not 0; stops it otherwise.
    void setRunning(bool running);
    // The timer's interval while it runs, 0 when it does not.
    int activeIntervalMs() const;
    // A refresh has just been done; shown in the label.
    void markRefreshed(const QDateTime &when);
    // No session: stops, and forgets the last refresh.
    void reset();

Q_SIGNALS:
    // Time to read the statuses again.
    void due();

protected:
    bool event(QEvent *event) override;

private:
    void render();

    QLabel *m_label;
    QTimer *m_timer;
    int m_intervalSeconds = 0;
    QDateTime m_lastRefresh;
};
