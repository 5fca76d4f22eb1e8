#pragma once

#include "instances/InstanceFilter.h"

#include <QSortFilterProxyModel>

class InstanceTableModel;

// Sorts instances by value (memory as a number, dates as dates) and keeps those the filter
// matches. The source must be an InstanceTableModel.
class InstanceSortFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit InstanceSortFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    const InstanceFilter &filter() const { return m_filter; }
    void setFilter(const InstanceFilter &filter);
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    InstanceTableModel *m_instances = nullptr;
    InstanceFilter m_filter;
};
