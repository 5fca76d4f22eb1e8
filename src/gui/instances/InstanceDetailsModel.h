#pragma once

#include "model/Instance.h"

#include <QAbstractTableModel>

// Every field of one instance as the show call returns it, one row per field: the field's
// label and its value, nulls shown as a dash.
class InstanceDetailsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Field, Value, ColumnCount };
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setInstance(const dcs::Instance &instance);
    void clear();
    bool hasInstance() const { return m_hasInstance; }
    const dcs::Instance &instance() const { return m_instance; }

    QString fieldLabel(Row row) const;
    QString valueText(Row row) const;

    void retranslate();

private:
    dcs::Instance m_instance;
    bool m_hasInstance = false;
};
