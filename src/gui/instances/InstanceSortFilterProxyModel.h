#pragma once

#include "instances/InstanceFilter.h"
#include "widgets/KeyedSortFilterProxyModel.h"

class InstanceTableModel;

// Sorts instances by value (memory as a number, dates as dates) and keeps those the filter
// matches, each row's searched text made once. The source must be an InstanceTableModel.
class InstanceSortFilterProxyModel : public KeyedSortFilterProxyModel {
    Q_OBJECT
public:
    explicit InstanceSortFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    const InstanceFilter &filter() const { return m_filter; }
    void setFilter(const InstanceFilter &filter);
    void setFilterText(const QString &text);

protected:
    RowFilter rowFilter() const override;

private:
    InstanceTableModel *m_instances = nullptr;
    InstanceFilter m_filter;
};
