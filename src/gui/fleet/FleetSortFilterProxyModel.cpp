#include "fleet/FleetSortFilterProxyModel.h"

#include "fleet/FleetTableModel.h"
#include "model/DisplayText.h"
#include "widgets/ModelRoles.h"

bool FleetFilter::matches(const FleetRow &row) const {
    if (row.isError())
        return true;
    if (row.kind == FleetRow::Kind::Source)
        return !needsAttention && text.trimmed().isEmpty();
    if (needsAttention && !dcs::needsAttention(row.instance.health.verdict))
        return false;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const dcs::Instance &instance = row.instance.instance;
    const QString haystack = QStringList{instance.name,
                                         instance.instanceId,
                                         row.profileName,
                                         row.region,
                                         row.projectLabel,
                                         row.projectId,
                                         instance.status,
                                         DisplayText::instanceStatus(instance.status),
                                         FleetTableModel::verdictCell(row),
                                         FleetTableModel::reasonsCell(row)}
                                 .join(QLatin1Char('\n'));
    for (const QString &word : words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

FleetSortFilterProxyModel::FleetSortFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(ModelRoles::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // Verdicts change as backups are read: keep the order and the filter up to date.
    setDynamicSortFilter(true);
}

void FleetSortFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel) {
    m_fleet = qobject_cast<FleetTableModel *>(sourceModel);
    Q_ASSERT(m_fleet || !sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void FleetSortFilterProxyModel::setFilter(const FleetFilter &filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void FleetSortFilterProxyModel::setFilterText(const QString &text) {
    FleetFilter filter = m_filter;
    filter.text = text;
    setFilter(filter);
}

void FleetSortFilterProxyModel::setNeedsAttention(bool only) {
    FleetFilter filter = m_filter;
    filter.needsAttention = only;
    setFilter(filter);
}

bool FleetSortFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const {
    if (sourceParent.isValid() || !m_fleet || sourceRow >= m_fleet->rowCount())
        return false;
    return m_filter.matches(m_fleet->rowAt(sourceRow));
}
