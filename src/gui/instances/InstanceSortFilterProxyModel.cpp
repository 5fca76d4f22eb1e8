#include "instances/InstanceSortFilterProxyModel.h"

#include "instances/InstanceTableModel.h"
#include "widgets/ModelRoles.h"

InstanceSortFilterProxyModel::InstanceSortFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(ModelRoles::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Status and memory change while a restore runs; keep the order and filter up to date.
    setDynamicSortFilter(true);
}

void InstanceSortFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel) {
    m_instances = qobject_cast<InstanceTableModel *>(sourceModel);
    Q_ASSERT(m_instances || !sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void InstanceSortFilterProxyModel::setFilter(const InstanceFilter &filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void InstanceSortFilterProxyModel::setFilterText(const QString &text) {
    InstanceFilter filter = m_filter;
    filter.text = text;
    setFilter(filter);
}

bool InstanceSortFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                    const QModelIndex &sourceParent) const {
    if (sourceParent.isValid() || !m_instances || sourceRow >= m_instances->rowCount())
        return false;
    return m_filter.matches(m_instances->instanceAt(sourceRow));
}
