#pragma once

#include <QSortFilterProxyModel>
#include <QString>

class FleetTableModel;
struct FleetRow;

// What the fleet table is narrowed to. Plain data: the same rules hold wherever it is used.
struct FleetFilter {
    // Words that must all appear (case-insensitive) in the name, id, profile, region, project,
    // status, verdict or reasons.
    QString text;
    // Only what needs attention: at risk, cannot be restored, and sources that could not be read.
    bool needsAttention = false;

    bool matches(const FleetRow &row) const;
    bool operator==(const FleetFilter &o) const {
        return text == o.text && needsAttention == o.needsAttention;
    }
    bool operator!=(const FleetFilter &o) const { return !(*this == o); }
};

// Sorts the fleet by value (severity, times, counts) and keeps the rows the filter matches. A
// source that could not be read is never filtered away: it is what needs attention first.
class FleetSortFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FleetSortFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    const FleetFilter &filter() const { return m_filter; }
    void setFilter(const FleetFilter &filter);
    void setFilterText(const QString &text);
    void setNeedsAttention(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    FleetTableModel *m_fleet = nullptr;
    FleetFilter m_filter;
};
