#pragma once

#include "settings/ConsoleSettings.h"
#include "shell/ConsoleContext.h"

#include <QObject>
#include <QPointer>

class FleetWindow;
class ProfileSwitcher;
class RequestLogModel;
class RestoreNotifier;

// The main window's fleet window: made on the first open() and kept, so it goes on reading (and
// telling, through the window's notifier) while it is closed. It follows the profiles as they
// change and the settings as they are applied, and its sessions' requests go to the window's
// request log. Opening an instance it asks for is the window's.
class FleetLauncher : public QObject {
    Q_OBJECT
public:
    // Everything given (and all the context points to) is the window's and outlives this; the
    // fleet's cache goes beside the audit trail, in the data folder.
    FleetLauncher(const ConsoleContext &context, ProfileSwitcher *profiles,
                  RestoreNotifier *notifier, RequestLogModel *log, QWidget *window);

    // Shows the fleet window (made with these settings the first time) in front.
    FleetWindow *open(const dcs::ConsoleSettings &settings);
    // Null until the first open().
    FleetWindow *fleetWindow() const { return m_fleet; }
    void applySettings(const dcs::ConsoleSettings &settings);

Q_SIGNALS:
    // "Open in browser" in the fleet: the window opens that profile at that pair and selects it.
    void openInstanceRequested(const QString &profileId, const QString &scopeKey,
                               const QString &instanceId);

private:
    FleetWindow *make(const dcs::ConsoleSettings &settings);

    ConsoleContext m_context;
    ProfileSwitcher *m_profiles;
    RestoreNotifier *m_notifier;
    RequestLogModel *m_log;
    QWidget *m_window;
    QPointer<FleetWindow> m_fleet;
};
