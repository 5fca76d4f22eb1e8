#include "instances/InstanceSortFilterProxyModel.h"

#include "instances/InstanceTableModel.h"

InstanceSortFilterProxyModel::InstanceSortFilterProxyModel(QObject *parent)
    : KeyedSortFilterProxyModel(parent) {}

void InstanceSortFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel) {
    m_instances = qobject_cast<InstanceTableModel *>(sourceModel);
    Q_ASSERT(m_instances || !sourceModel);
    KeyedSortFilterProxyModel::setSourceModel(sourceModel);
}

void InstanceSortFilterProxyModel::setFilter(const InstanceFilter &filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

void InstanceSortFilterProxyModel::setFilterText(const QString &text) {
    InstanceFilter filter = m_filter;
    filter.text = text;
    setFilter(filter);
}

KeyedSortFilterProxyModel::RowFilter InstanceSortFilterProxyModel::rowFilter() const {
    if (!m_instances || m_filter.isEmpty())
        return {};
    // A copy of what the rows are now (shared, not copied), for a worker to read.
    const QList<dcs::Instance> instances = m_instances->instances();
    const InstanceFilter filter = m_filter;
    const QStringList words = filter.foldedWords();
    return [instances, filter, words](int row, const QString &searchText) {
        return filter.matches(instances.at(row), searchText, words);
    };
}
