#pragma once

#include "widgets/KeyedTableModel.h"

#include <QAbstractProxyModel>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

// Sorts and filters a KeyedTableModel without making the GUI thread wait on long lists: each
// row's sort key (and its search text while a filter is on) is made once and kept, so that a
// comparison is a plain compare; a new sort column, a new filter or a new language is worked out
// on a worker thread from a copy of the rows and the result put in place in one step, while the
// rows keep the order they had; rows that come or change are placed one by one (a binary
// search each). Rows compare as QSortFilterProxyModel compares the Sort role's values with
// sortLocaleAware on, ties kept in the source's order, so the order is the one it would give.
//
// The sort keys depend on the language (translated words, the locale's collation): a model's
// retranslate() signals every row as changed, and a long list is then ordered again on a worker.
//
// Changes of order or of the rows shown are signalled as a layout change, as
// QSortFilterProxyModel::invalidate() does, except new rows that take one run of places, which
// are signalled as inserted there; a row whose key and filter result stay the same is only
// signalled as changed.
class KeyedSortFilterProxyModel : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit KeyedSortFilterProxyModel(QObject *parent = nullptr);
    ~KeyedSortFilterProxyModel() override;

    // Must be a KeyedTableModel.
    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Work on the order still running on a worker (the rows keep their last order meanwhile).
    bool isOrdering() const { return m_job != nullptr; }
    // Lists up to this many rows are ordered at once on the GUI thread; longer ones on a worker.
    void setSynchronousLimit(int rows) { m_synchronousLimit = rows; }

Q_SIGNALS:
    // The rows are in the order of the current sort and filter (after work on a worker).
    void ordered();

protected:
    // Whether a source row is shown, from its search text (case-folded) and whatever the
    // function holds; it may run on a worker thread. Empty: every row is shown.
    using RowFilter = std::function<bool(int sourceRow, const QString &searchText)>;
    virtual RowFilter rowFilter() const { return {}; }
    // The filter changed: the rows are filtered again.
    void refilter();

private:
    struct Job;
    struct Result;

    void resetAll();
    void startJob();
    void applyResult(const std::shared_ptr<Result> &result);
    // Places rows that came or changed by themselves (keys made here, one binary search each).
    void placeRows(const std::vector<int> &sourceRows, bool inserted);
    // Keeps the kept keys and texts of these rows current, for work that starts later.
    void remakeRows(int first, int last);
    // Keys made on the GUI thread: one collator, made again when the language changes.
    const QCollator &guiCollator();
    bool lessThan(int left, int right) const;
    void applyOrder(std::vector<int> order);
    void rebuildToProxy();

    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);

    KeyedTableModelBase *m_source = nullptr;
    QList<QMetaObject::Connection> m_connections;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_filtering = false;

    // Per source row: its sort key in m_sortColumn, its search text, and how often it changed
    // (so work done on a copy knows which rows to redo).
    std::vector<SortKey> m_keys;
    std::vector<QString> m_texts;
    std::vector<quint32> m_revisions;
    bool m_keysValid = false;  // m_keys are for m_sortColumn and the current language
    bool m_textsValid = false; // m_texts are there for every row

    std::vector<int> m_toSource; // proxy row -> source row
    std::vector<int> m_toProxy;  // source row -> proxy row, -1 when filtered out

    std::shared_ptr<Job> m_job; // the order being worked out, if any
    quint64 m_generation = 0;   // rows removed or reset since: work on a copy is void
    int m_synchronousLimit = 2000;
    std::optional<QCollator> m_collator;
};
