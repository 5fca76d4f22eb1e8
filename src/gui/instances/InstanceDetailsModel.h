#pragma once

#include "model/Instance.h"

#include <QAbstractItemModel>

// Every field of one instance as the show call returns it, in groups — identity, engine and
// specification, network, memory, backup policy, times — each field a row with its label and
// its value in words (nulls as a dash, the backup policy as a sentence). A two-level tree:
// the groups, and their fields under them.
class InstanceDetailsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Field, Value, ColumnCount };
    enum Group { Identity, EngineAndSpec, Network, Memory, Backups, Times, GroupCount };
    enum Row {
        Name,
        InstanceId,
        Status,
        ErrorCode,
        FreezeScene,
        Type,
        CacheMode,
        Engine,
        EngineVersion,
        InternalVersion,
        ProductType,
        CpuType,
        SpecCode,
        ResourceSpecCode,
        Capacity,
        CapacityMinor,
        UsedMemory,
        MaxMemory,
        Ip,
        Port,
        DomainName,
        ReadonlyDomainName,
        AvailableZones,
        VpcId,
        VpcName,
        SubnetId,
        SubnetName,
        SecurityGroupId,
        SecurityGroupName,
        NoPasswordAccess,
        AccessUser,
        EnablePublicIp,
        PublicIpId,
        PublicIpAddress,
        EnableSsl,
        DbNumber,
        ShardingCount,
        ChargingMode,
        MaintainWindow,
        BackupPolicy,
        Tags,
        Description,
        UserId,
        UserName,
        CreatedAt,
        UpdateAt,
        RowCount
    };

    explicit InstanceDetailsModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setInstance(const dcs::Instance &instance);
    void clear();
    bool hasInstance() const { return m_hasInstance; }
    const dcs::Instance &instance() const { return m_instance; }

    QString fieldLabel(Row row) const;
    QString valueText(Row row) const;
    static QString groupTitle(Group group);
    // Where a field is shown (invalid while no instance is shown).
    QModelIndex indexOf(Row row, int column) const;
    static bool isGroup(const QModelIndex &index);

    void retranslate();

private:
    static const QList<Row> &fieldsOf(Group group);
    static Group groupOf(Row row);
    void changedAll();

    dcs::Instance m_instance;
    bool m_hasInstance = false;
};
