#include "fleet/FleetSourceModel.h"

#include "fleet/FleetTableModel.h"
#include "model/DisplayText.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"

#include <QLocale>

FleetSourceModel::FleetSourceModel(QObject *parent)
    : KeyedTableModel([](const FleetSourceRow &row) { return row.key; }, nullptr, nullptr, parent) {
}

int FleetSourceModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetSourceModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetSourceRow &row = rowAt(index.row());
    const auto column = Column(index.column());
    const bool failed = row.state.phase == dcs::FleetSourceState::Phase::Failed;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Profile:
            return row.profileName;
        case Region:
            return row.region;
        case Project:
            return row.projectLabel;
        case State: {
            const QString phase = FleetTableModel::sourcePhaseText(row.state);
            if (failed)
                return tr("%1: %2").arg(phase, row.state.error.section(QLatin1Char('\n'), 0, 0));
            return phase;
        }
        case Instances:
            return row.state.listedAt.isValid() ? QLocale().toString(row.state.instanceCount)
                                                : QString();
        case ListedAt:
            if (!row.state.listedAt.isValid())
                return QString();
            return row.state.fromCache
                       ? tr("%1 (remembered)").arg(DisplayText::dateTime(row.state.listedAt))
                       : DisplayText::dateTime(row.state.listedAt);
        case ColumnCount:
            break;
        }
        break;
    case ModelRoles::Sort:
        if (column == ListedAt)
            return row.state.listedAt;
        if (column == Instances)
            return row.state.instanceCount;
        return data(index, Qt::DisplayRole);
    case ModelRoles::Raw:
        if (column == State)
            return int(row.state.phase);
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (column == State && failed)
            return row.state.error;
        if (column == Project)
            return row.projectId;
        return data(index, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (column == State && failed)
            return ConsolePalette::color(ConsolePalette::Role::DangerText);
        break;
    case Qt::TextAlignmentRole:
        if (column == Instances)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant FleetSourceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Profile:
        return tr("Profile");
    case Region:
        return tr("Region");
    case Project:
        return tr("Project");
    case State:
        return tr("State");
    case Instances:
        return tr("Instances");
    case ListedAt:
        return tr("Listed");
    case ColumnCount:
        break;
    }
    return {};
}
