#include "fleet/FleetLauncher.h"

#include "api/DcsClient.h"
#include "fleet/FleetWindow.h"
#include "profiles/ProfileSwitcher.h"
#include "profiles/Session.h"
#include "requestlog/RequestLogModel.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreNotifier.h"
#include "shell/ConsoleContext.h"

#include <QDir>
#include <QFileInfo>

FleetLauncher::FleetLauncher(const ConsoleContext &context, ProfileSwitcher *profiles,
                             RestoreNotifier *notifier, RequestLogModel *log, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_profiles(profiles)
    , m_notifier(notifier)
    , m_log(log)
    , m_window(window) {
    Q_ASSERT(profiles && context.opener && context.followedRestores);
    // A profile added, edited or removed is a source more, changed or less.
    connect(profiles, &ProfileSwitcher::changed, this, [this] {
        if (m_fleet)
            m_fleet->reloadSources();
    });
}

FleetWindow *FleetLauncher::open(const dcs::ConsoleSettings &settings) {
    if (!m_fleet)
        m_fleet = make(settings);
    m_fleet->show();
    m_fleet->raise();
    m_fleet->activateWindow();
    return m_fleet;
}

void FleetLauncher::applySettings(const dcs::ConsoleSettings &settings) {
    if (m_fleet)
        m_fleet->applySettings(settings);
}

FleetWindow *FleetLauncher::make(const dcs::ConsoleSettings &settings) {
    FleetWindow::Options options;
    options.opener = m_context.opener;
    options.settings = m_context.settings;
    options.profiles = [this] {
        return m_profiles->all();
    };
    options.displayName = [this](const QString &id) {
        return m_profiles->displayName(id);
    };
    options.notify = [this](const QString &title, const QString &text) {
        m_notifier->notify([title] { return title; }, [text] { return text; }, true);
    };
    // Beside the audit trail, in the window's own data folder.
    const QString auditFile = m_context.followedRestores->auditLog().filePath();
    options.cacheFile =
        QFileInfo(auditFile).absoluteDir().filePath(QStringLiteral("fleet-health.json"));
    options.console = settings;
    options.backupPollMs = m_context.timings.backupPollMs;
    auto *fleet = new FleetWindow(options, m_window);
    fleet->setWindowFlag(Qt::Window);
    connect(fleet, &FleetWindow::openInstanceRequested, this,
            &FleetLauncher::openInstanceRequested);
    connect(fleet, &FleetWindow::sessionOpened, m_log, [this](dcs::Session *session) {
        connect(session->client(), &dcs::DcsClient::requestFinished, m_log,
                &RequestLogModel::append, Qt::UniqueConnection);
    });
    fleet->start();
    return fleet;
}
