#pragma once

#include "profiles/DemoAccount.h"
#include "profiles/Session.h"
#include "profiles/SimulatorProcess.h"

#include <QObject>
#include <memory>

namespace dcs {
class DcsClient;
}

// The Demo profile used when no profile is configured: starts dcs-sim (next to this program,
// state in the user's data folder) and, once it prints its URL, a DcsClient signed with the
// demo credentials. Stops the simulator when destroyed or stopped.
class DemoSession : public QObject {
    Q_OBJECT
public:
    using Options = dcs::demo::SimulatorOptions;

    explicit DemoSession(Options options, QObject *parent = nullptr);
    ~DemoSession() override;

    void start();
    void stop();

    const Session &session() const { return m_session; }
    dcs::SimulatorProcess *simulator() const { return m_simulator.get(); }

    static QString profileName() { return QStringLiteral("Demo"); }
    static QString profileId() { return QStringLiteral("demo"); }

Q_SIGNALS:
    void ready(const Session &session);
    void failed(const QString &message);              // translated
    void stoppedUnexpectedly(const QString &message); // translated

private:
    Options m_options;
    std::unique_ptr<dcs::SimulatorProcess> m_simulator;
    std::unique_ptr<dcs::DcsClient> m_client;
    Session m_session;
};
