#pragma once

#include "profiles/DemoAccount.h"
#include "profiles/SimulatorProcess.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <memory>

namespace dcs {

// The Demo profile's simulators: one dcs-sim per region of demo::fleet(), started next to this
// program (state files in the user's data folder) with the demo credentials the first time a
// project of that region is opened, and kept for the rest of the run; every Demo session talks
// to the simulator of its region with a client of its own. The calls without a region are about
// the home region, the one the Demo profile opens by default.
class DemoSimulator : public QObject {
    Q_OBJECT
public:
    explicit DemoSimulator(demo::SimulatorOptions options, QObject *parent = nullptr);
    ~DemoSimulator() override;

    // Starts the region's dcs-sim unless it runs or is starting; ready() or failed() follows.
    void start(const QString &region = demo::homeRegion());
    // Stops one region's simulator, or every one.
    void stop(const QString &region);
    void stop();
    bool isRunning(const QString &region = demo::homeRegion()) const;
    bool isStarting(const QString &region = demo::homeRegion()) const;
    QUrl baseUrl(const QString &region = demo::homeRegion()) const;
    SimulatorProcess *process(const QString &region = demo::homeRegion()) const;

    // Where a region's state is kept: the home region in the given (or default) state file,
    // the others beside it.
    QString stateFile(const QString &region) const;
    // The arguments that make a region's dcs-sim serve that region's demo projects.
    static QStringList regionArguments(const QString &region);

Q_SIGNALS:
    void ready(const QString &region, const QUrl &baseUrl);
    void failed(const QString &region, const QString &message);              // translated
    void stoppedUnexpectedly(const QString &region, const QString &message); // translated

private:
    struct Region {
        std::unique_ptr<SimulatorProcess> process;
        QUrl baseUrl;
    };

    demo::SimulatorOptions m_options;
    QHash<QString, std::shared_ptr<Region>> m_regions;
};

} // namespace dcs
