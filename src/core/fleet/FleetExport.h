#pragma once

#include "export/CsvWriter.h"
#include "fleet/FleetTypes.h"

namespace dcs {

// One line of the fleet's CSV: an instance with its health, or a source that could not be read.
struct FleetExportRow {
    QString profileName;
    QString region;
    QString projectName;
    QString projectId;
    std::optional<FleetInstance> instance; // unset: the source's own line
    QString sourceError;                   // why the source could not be read
};

// The fleet as a CSV file: where each instance is, what it is, and its backup health — the
// verdict (its stable key and the words), the reasons, and the times in ISO 8601 UTC so a
// spreadsheet can compute with them.
CsvWriter fleetCsv(const QList<FleetExportRow> &rows);

} // namespace dcs
