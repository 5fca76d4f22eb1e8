#pragma once

#include "model/Instance.h"
#include "widgets/KeyedTableModel.h"

// The instances of the open session, one row each.
class InstanceTableModel : public KeyedTableModel<dcs::Instance> {
    Q_OBJECT
public:
    enum Column { Name, Id, Type, Engine, Status, Memory, Address, Created, ColumnCount };

    explicit InstanceTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Keyed by instance id: a refresh that brings the same instances updates them in place,
    // so the selection and the scroll position stay.
    void setInstances(const QList<dcs::Instance> &instances) { setRows(instances); }
    // Updates the row of this instance (by id); false when it is not in the list.
    bool updateInstance(const dcs::Instance &instance) { return update(instance); }
    const QList<dcs::Instance> &instances() const { return rows(); }
    const dcs::Instance &instanceAt(int row) const { return rowAt(row); }

    static QString addressOf(const dcs::Instance &instance);
    // What a cell shows, and the key a column sorts by (the Sort role's order, made once).
    static QString displayText(const dcs::Instance &instance, Column column);
    static SortKey sortKeyOf(const dcs::Instance &instance, int column, const QCollator &collator);
};
