#include "instances/InstanceDetailsModel.h"

#include "model/BackupPolicy.h"
#include "model/DisplayText.h"
#include "widgets/ModelRoles.h"

#include <QFont>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

InstanceDetailsModel::InstanceDetailsModel(QObject *parent)
    : QAbstractItemModel(parent) {}

const QList<InstanceDetailsModel::Row> &InstanceDetailsModel::fieldsOf(Group group) {
    static const QList<Row> groups[GroupCount] = {
        // Identity
        {Name, InstanceId, Status, ErrorCode, FreezeScene, Description, Tags, ChargingMode,
         UserName, UserId},
        // Engine and specification
        {Type, CacheMode, Engine, EngineVersion, InternalVersion, ProductType, CpuType, SpecCode,
         ResourceSpecCode, Capacity, CapacityMinor, DbNumber, ShardingCount},
        // Network
        {Ip, Port, DomainName, ReadonlyDomainName, AvailableZones, VpcName, VpcId, SubnetName,
         SubnetId, SecurityGroupName, SecurityGroupId, NoPasswordAccess, AccessUser, EnablePublicIp,
         PublicIpAddress, PublicIpId, EnableSsl},
        // Memory
        {UsedMemory, MaxMemory},
        // Backups
        {BackupPolicy},
        // Times
        {CreatedAt, UpdateAt, MaintainWindow},
    };
    return groups[group];
}

InstanceDetailsModel::Group InstanceDetailsModel::groupOf(Row row) {
    for (int g = 0; g < GroupCount; ++g) {
        if (fieldsOf(Group(g)).contains(row))
            return Group(g);
    }
    return Identity;
}

QString InstanceDetailsModel::groupTitle(Group group) {
    switch (group) {
    case Identity:
        return tr("Instance");
    case EngineAndSpec:
        return tr("Engine and specification");
    case Network:
        return tr("Network");
    case Memory:
        return tr("Memory");
    case Backups:
        return tr("Backup policy");
    case Times:
        return tr("Times");
    case GroupCount:
        break;
    }
    return {};
}

bool InstanceDetailsModel::isGroup(const QModelIndex &index) {
    return index.isValid() && index.internalId() == 0;
}

QModelIndex InstanceDetailsModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    // A group's internal id is 0; a field's is its group + 1.
    return parent.isValid() ? createIndex(row, column, quintptr(parent.row() + 1))
                            : createIndex(row, column, quintptr(0));
}

QModelIndex InstanceDetailsModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int InstanceDetailsModel::rowCount(const QModelIndex &parent) const {
    if (!m_hasInstance)
        return 0;
    if (!parent.isValid())
        return GroupCount;
    if (isGroup(parent) && parent.column() == 0)
        return int(fieldsOf(Group(parent.row())).size());
    return 0;
}

int InstanceDetailsModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

Qt::ItemFlags InstanceDetailsModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return isGroup(index) ? Qt::ItemIsEnabled
                          : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QModelIndex InstanceDetailsModel::indexOf(Row row, int column) const {
    if (!m_hasInstance)
        return {};
    const Group group = groupOf(row);
    return index(int(fieldsOf(group).indexOf(row)), column, index(group, 0));
}

QVariant InstanceDetailsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroup(index)) {
        if (index.column() != Field)
            return {};
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return groupTitle(Group(index.row()));
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    const Row row = fieldsOf(Group(index.internalId() - 1)).value(index.row(), RowCount);
    if (row == RowCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case ModelRoles::Sort:
        return index.column() == Field ? fieldLabel(row) : valueText(row);
    case Qt::AccessibleTextRole:
        // A screen reader hears the pair, not a bare value.
        return index.column() == Field
                   ? fieldLabel(row)
                   : QStringLiteral("%1: %2").arg(fieldLabel(row), valueText(row));
    default:
        break;
    }
    return {};
}

QVariant InstanceDetailsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    return section == Field ? tr("Field") : tr("Value");
}

QString InstanceDetailsModel::fieldLabel(Row row) const {
    switch (row) {
    case Name:
        return tr("Instance name");
    case InstanceId:
        return tr("Instance ID");
    case Status:
        return tr("Status");
    case ErrorCode:
        return tr("Error code");
    case FreezeScene:
        return tr("Freeze scenario");
    case Type:
        return tr("Instance type");
    case CacheMode:
        return tr("Cache mode");
    case Engine:
        return tr("Cache engine");
    case EngineVersion:
        return tr("Engine version");
    case InternalVersion:
        return tr("Internal version");
    case ProductType:
        return tr("Product type");
    case CpuType:
        return tr("CPU architecture");
    case SpecCode:
        return tr("Specification code");
    case ResourceSpecCode:
        return tr("Resource specification");
    case Capacity:
        return tr("Capacity");
    case CapacityMinor:
        return tr("Capacity (decimal)");
    case UsedMemory:
        return tr("Used memory");
    case MaxMemory:
        return tr("Maximum memory");
    case Ip:
        return tr("IP address");
    case Port:
        return tr("Port");
    case DomainName:
        return tr("Domain name");
    case ReadonlyDomainName:
        return tr("Read-only domain name");
    case AvailableZones:
        return tr("Availability zones");
    case VpcId:
        return tr("VPC ID");
    case VpcName:
        return tr("VPC");
    case SubnetId:
        return tr("Subnet ID");
    case SubnetName:
        return tr("Subnet");
    case SecurityGroupId:
        return tr("Security group ID");
    case SecurityGroupName:
        return tr("Security group");
    case NoPasswordAccess:
        return tr("Password-free access");
    case AccessUser:
        return tr("Access user");
    case EnablePublicIp:
        return tr("Public access");
    case PublicIpId:
        return tr("EIP ID");
    case PublicIpAddress:
        return tr("EIP address");
    case EnableSsl:
        return tr("SSL");
    case DbNumber:
        return tr("Databases");
    case ShardingCount:
        return tr("Shards");
    case ChargingMode:
        return tr("Billing mode");
    case MaintainWindow:
        return tr("Maintenance window");
    case BackupPolicy:
        return tr("Backup policy");
    case Tags:
        return tr("Tags");
    case Description:
        return tr("Description");
    case UserId:
        return tr("User ID");
    case UserName:
        return tr("User name");
    case CreatedAt:
        return tr("Created");
    case UpdateAt:
        return tr("Updated");
    case RowCount:
        break;
    }
    return {};
}

QString InstanceDetailsModel::valueText(Row row) const {
    const dcs::Instance &i = m_instance;
    const QLocale locale;
    // A negative number is one the service did not send or that cannot be true.
    const auto mb = [&locale](qint64 value) {
        return value < 0 ? DisplayText::unknown() : tr("%1 MB").arg(locale.toString(value));
    };
    const auto optionalNumber = [&locale](const std::optional<int> &value) {
        return value ? locale.toString(*value) : DisplayText::none();
    };
    // Fields that only the show call answers are unknown, not false, until it has answered.
    const bool show = i.hasShowFields;

    switch (row) {
    case Name:
        return DisplayText::orNone(i.name);
    case InstanceId:
        return DisplayText::orNone(i.instanceId);
    case Status:
        return i.status.isEmpty()
                   ? DisplayText::none()
                   : QStringLiteral("%1 (%2)").arg(DisplayText::instanceStatus(i.status), i.status);
    case ErrorCode:
        return DisplayText::orNone(i.errorCode);
    case FreezeScene:
        return DisplayText::orNone(i.freezeScene);
    case Type:
        return dcs::instanceTypeDisplayName(i.type());
    case CacheMode:
        return DisplayText::orNone(i.cacheMode);
    case Engine:
        return DisplayText::orNone(i.engine);
    case EngineVersion:
        return DisplayText::orNone(i.engineVersion);
    case InternalVersion:
        return DisplayText::orNone(i.internalVersion);
    case ProductType:
        return DisplayText::orNone(i.productType);
    case CpuType:
        return DisplayText::orNone(i.cpuType);
    case SpecCode:
        return DisplayText::orNone(i.specCode);
    case ResourceSpecCode:
        return DisplayText::orNone(i.resourceSpecCode);
    case Capacity:
        return i.capacity < 0 ? DisplayText::unknown()
                              : tr("%1 GB").arg(locale.toString(i.capacity));
    case CapacityMinor:
        return DisplayText::orNone(i.capacityMinor);
    case UsedMemory:
        return mb(i.usedMemoryMb);
    case MaxMemory:
        return mb(i.maxMemoryMb);
    case Ip:
        return DisplayText::orNone(i.ip);
    case Port:
        return i.port > 0 ? QString::number(i.port) : DisplayText::none();
    case DomainName:
        return DisplayText::orNone(i.domainName);
    case ReadonlyDomainName:
        return DisplayText::orNone(i.readonlyDomainName);
    case AvailableZones:
        return DisplayText::orNone(i.availableZones.join(QStringLiteral(", ")));
    case VpcId:
        return DisplayText::orNone(i.vpcId);
    case VpcName:
        return DisplayText::orNone(i.vpcName);
    case SubnetId:
        return DisplayText::orNone(i.subnetId);
    case SubnetName:
        return DisplayText::orNone(i.subnetName);
    case SecurityGroupId:
        return DisplayText::orNone(i.securityGroupId);
    case SecurityGroupName:
        return DisplayText::orNone(i.securityGroupName);
    case NoPasswordAccess:
        return DisplayText::yesNo(i.noPasswordAccess);
    case AccessUser:
        return DisplayText::orNone(i.accessUser);
    case EnablePublicIp:
        return DisplayText::yesNo(i.enablePublicIp);
    case PublicIpId:
        return DisplayText::orNone(i.publicIpId);
    case PublicIpAddress:
        return DisplayText::orNone(i.publicIpAddress);
    case EnableSsl:
        return DisplayText::yesNo(i.enableSsl);
    case DbNumber:
        return optionalNumber(i.dbNumber);
    case ShardingCount:
        return optionalNumber(i.shardingCount);
    case ChargingMode:
        return i.chargingMode == 1 ? tr("Yearly/Monthly") : tr("Pay-per-use");
    case MaintainWindow:
        if (i.maintainBegin.isEmpty() && i.maintainEnd.isEmpty())
            return DisplayText::none();
        return tr("%1 – %2 (UTC)")
            .arg(DisplayText::orNone(i.maintainBegin), DisplayText::orNone(i.maintainEnd));
    case BackupPolicy: {
        // In words (dcs-api-v2.md §11): days, window and retention, as the service keeps it.
        if (!show || i.instanceBackupPolicy.isEmpty())
            return DisplayText::none();
        const std::optional<dcs::BackupPolicy> policy =
            dcs::BackupPolicy::fromJson(i.instanceBackupPolicy);
        if (!policy)
            return QString::fromUtf8(
                QJsonDocument(i.instanceBackupPolicy).toJson(QJsonDocument::Compact));
        return policy->describe();
    }
    case Tags: {
        QStringList tags;
        for (const dcs::Tag &tag : i.tags)
            tags << tag.key + QLatin1Char('=') + tag.value;
        return DisplayText::orNone(tags.join(QStringLiteral(", ")));
    }
    case Description:
        return DisplayText::orNone(i.description);
    case UserId:
        return DisplayText::orNone(i.userId);
    case UserName:
        return DisplayText::orNone(i.userName);
    case CreatedAt:
        return DisplayText::dateTime(i.createdAt);
    case UpdateAt:
        return DisplayText::dateTime(i.updateAt);
    case RowCount:
        break;
    }
    return {};
}

void InstanceDetailsModel::changedAll() {
    if (!m_hasInstance)
        return;
    for (int g = 0; g < GroupCount; ++g) {
        const QModelIndex group = index(g, 0);
        Q_EMIT dataChanged(group, group);
        const int rows = rowCount(group);
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0, group), index(rows - 1, ColumnCount - 1, group));
    }
}

void InstanceDetailsModel::setInstance(const dcs::Instance &instance) {
    if (m_hasInstance && instance.instanceId == m_instance.instanceId) {
        m_instance = instance;
        changedAll();
        return;
    }
    beginResetModel();
    m_instance = instance;
    m_hasInstance = true;
    endResetModel();
}

void InstanceDetailsModel::clear() {
    if (!m_hasInstance)
        return;
    beginResetModel();
    m_instance = {};
    m_hasInstance = false;
    endResetModel();
}

void InstanceDetailsModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    changedAll();
}
