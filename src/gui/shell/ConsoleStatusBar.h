#pragma once

#include <QStatusBar>

class InstanceBrowser;
class QLabel;
class QProgressBar;
class RestoreProgressBar;

// The window's status bar. Its permanent part, left to right: the progress of the restores
// followed, a busy bar while something loads, the instances by status (v2 counts, or counted on
// v1.0), how many instances are listed or shown, when the list was read last (AutoRefresh writes
// that label) and the open profile with its region. Messages come and go on the left.
class ConsoleStatusBar : public QStatusBar {
    Q_OBJECT
public:
    // How long a message stays.
    static constexpr int MessageMs = 10000;

    explicit ConsoleStatusBar(QWidget *parent = nullptr);

    RestoreProgressBar *restoreProgress() const { return m_restoreProgress; }
    QLabel *refreshLabel() const { return m_refreshLabel; }
    // Shows a message for MessageMs.
    void tell(const QString &text) { showMessage(text, MessageMs); }
    // The instances by status, as the browser words them; cleared for a new browser.
    void setStatusCounts(const QString &text);
    // What the open profile's browser lists and the profile's name with its region (browser
    // null and name empty: none open); busy also while a profile is being opened.
    void showState(const InstanceBrowser *browser, const QString &profileName,
                   const QString &region, bool opening);

private:
    RestoreProgressBar *m_restoreProgress;
    QProgressBar *m_busy;
    QLabel *m_statusCounts;
    QLabel *m_count;
    QLabel *m_refreshLabel;
    QLabel *m_profile;
};
