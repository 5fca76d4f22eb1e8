#include "instances/InstanceTableModel.h"

#include "instances/InstanceFilter.h"
#include "model/DisplayText.h"
#include "model/StatusTone.h"
#include "widgets/ModelRoles.h"

#include <QLocale>

InstanceTableModel::InstanceTableModel(QObject *parent)
    : KeyedTableModel([](const dcs::Instance &i) { return i.instanceId; }, &sortKeyOf,
                      &InstanceFilter::searchText, parent) {}

int InstanceTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString InstanceTableModel::addressOf(const dcs::Instance &instance) {
    const QString host = instance.domainName.isEmpty() ? instance.ip : instance.domainName;
    if (host.isEmpty())
        return {};
    // A cluster lists several IPs; the port then applies to each and is not appended.
    if (instance.port <= 0 || host.contains(QLatin1Char(',')))
        return host;
    return host + QLatin1Char(':') + QString::number(instance.port);
}

QString InstanceTableModel::displayText(const dcs::Instance &instance, Column column) {
    switch (column) {
    case Name:
        return instance.name;
    case Id:
        return instance.instanceId;
    case Type:
        return dcs::instanceTypeDisplayName(instance.type());
    case Engine:
        return instance.engineVersion.isEmpty()
                   ? DisplayText::orNone(instance.engine)
                   : instance.engine + QLatin1Char(' ') + instance.engineVersion;
    case Status:
        return DisplayText::instanceStatus(instance.status);
    case Memory:
        return DisplayText::memoryUsage(instance.usedMemoryMb, instance.maxMemoryMb);
    case Address:
        return DisplayText::orNone(addressOf(instance));
    case Created:
        return DisplayText::dateTime(instance.createdAt);
    case ColumnCount:
        break;
    }
    return {};
}

// As the Sort role below orders them.
SortKey InstanceTableModel::sortKeyOf(const dcs::Instance &instance, int column,
                                      const QCollator &collator) {
    switch (Column(column)) {
    case Memory:
        return SortKey::fromNumber(instance.usedMemoryMb);
    case Created:
        return SortKey::fromTime(instance.createdAt);
    case Status:
        return SortKey::fromText(instance.status, collator);
    default:
        return SortKey::fromText(displayText(instance, Column(column)), collator);
    }
}

QVariant InstanceTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const dcs::Instance &instance = rowAt(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        if (column == ColumnCount)
            break;
        return displayText(instance, column);
    case ModelRoles::Sort:
        switch (column) {
        case Memory:
            return instance.usedMemoryMb;
        case Created:
            return instance.createdAt;
        case Status:
            return instance.status;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRoles::Raw:
        switch (column) {
        case Type:
            return dcs::instanceTypeApiName(instance.type());
        case Status:
            return instance.status;
        case Memory:
            return instance.usedMemoryMb;
        case Created:
            return instance.createdAt;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRoles::Tone:
        if (column == Status)
            return int(dcs::instanceStatusTone(instance.status));
        break;
    case Qt::ToolTipRole:
        if (column == Status && !instance.errorCode.isEmpty())
            return tr("Status %1, error code %2").arg(instance.status, instance.errorCode);
        if (column == Status)
            return instance.status;
        if (column == Memory) {
            const auto mb = [](qint64 value) {
                return value < 0 ? DisplayText::unknown() : QLocale().toString(value);
            };
            return tr("Used %1 MB of %2 MB")
                .arg(mb(instance.usedMemoryMb), mb(instance.maxMemoryMb));
        }
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == Memory)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant InstanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Id:
        return tr("ID");
    case Type:
        return tr("Type");
    case Engine:
        return tr("Engine version");
    case Status:
        return tr("Status");
    case Memory:
        return tr("Used / max memory");
    case Address:
        return tr("Address");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}
