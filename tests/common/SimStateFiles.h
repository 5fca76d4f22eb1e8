#pragma once

// State files for a dcs-sim started by a test (needs dcs_sim): the demo data with one instance's
// data shrunk, so that the backups made of it in a test weigh a megabyte, not a gigabyte.

#include "DemoData.h"
#include "SimState.h"

#include <QDateTime>
#include <QString>

namespace dcs::testing {

inline bool writeDemoStateWithSmallInstance(const QString &path, const QString &name,
                                            qint64 usedMb = 3) {
    sim::SimState state;
    QDateTime origin = QDateTime::currentDateTimeUtc();
    origin.setTime(QTime(origin.time().hour(), origin.time().minute(), origin.time().second()));
    sim::demo::seed(state, origin);
    std::optional<Instance> instance = state.instance(sim::demo::instanceId(name));
    if (!instance)
        return false;
    instance->usedMemoryMb = usedMb;
    instance->task.clear();
    state.addInstance(*instance);
    state.setStateFile(path);
    return state.save();
}

} // namespace dcs::testing
