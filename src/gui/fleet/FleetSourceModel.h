#pragma once

#include "fleet/FleetTypes.h"
#include "widgets/KeyedTableModel.h"

// One source of the fleet as its table shows it.
struct FleetSourceRow {
    QString key;
    QString profileName;
    QString region;
    QString projectLabel;
    QString projectId;
    dcs::FleetSourceState state;

    bool operator==(const FleetSourceRow &o) const {
        return key == o.key && profileName == o.profileName && region == o.region &&
               projectLabel == o.projectLabel && projectId == o.projectId && state == o.state;
    }
};

// The fleet's sources — every chosen profile, region and project — each with where it is:
// opening, listing, reading backups (n of m), read, stopped, or why it could not be read.
class FleetSourceModel : public KeyedTableModel<FleetSourceRow> {
    Q_OBJECT
public:
    enum Column { Profile, Region, Project, State, Instances, ListedAt, ColumnCount };

    explicit FleetSourceModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
