#pragma once

#include "profiles/DemoAccount.h"
#include "profiles/SimulatorProcess.h"

#include <QObject>
#include <QUrl>
#include <memory>

namespace dcs {

// The Demo profile's simulator: dcs-sim started next to this program (state in the user's data
// folder) with the demo credentials, the first time the Demo profile is opened, and kept for
// the rest of the run; every Demo session talks to it with a client of its own.
class DemoSimulator : public QObject {
    Q_OBJECT
public:
    explicit DemoSimulator(demo::SimulatorOptions options, QObject *parent = nullptr);
    ~DemoSimulator() override;

    // Starts dcs-sim unless it runs or is starting; ready() or failed() follows.
    void start();
    void stop();
    bool isRunning() const { return m_baseUrl.isValid(); }
    bool isStarting() const { return m_process && !m_baseUrl.isValid(); }
    QUrl baseUrl() const { return m_baseUrl; }
    SimulatorProcess *process() const { return m_process.get(); }

Q_SIGNALS:
    void ready(const QUrl &baseUrl);
    void failed(const QString &message);              // translated
    void stoppedUnexpectedly(const QString &message); // translated

private:
    demo::SimulatorOptions m_options;
    std::unique_ptr<SimulatorProcess> m_process;
    QUrl m_baseUrl;
};

} // namespace dcs
