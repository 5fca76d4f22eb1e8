#include "widgets/KeyedSortFilterProxyModel.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QPromise>
#include <QThreadPool>
#include <algorithm>

// What the ordering work starts from: a copy of what it needs, nothing it shares with the GUI
// thread but immutable data.
struct KeyedSortFilterProxyModel::Job {
    int rows = 0;
    quint64 generation = 0;
    std::vector<quint32> revisions; // of each row when the work began
    int column = -1;
    Qt::SortOrder order = Qt::AscendingOrder;
    QLocale locale;
    KeyedTableModelBase::KeysOf keysOf;         // empty: the keys below are current
    std::shared_ptr<std::vector<SortKey>> keys; // current keys (when keysOf is empty)
    KeyedTableModelBase::SearchTextOf textsOf;  // empty: the texts below are current
    std::shared_ptr<std::vector<QString>> texts;
    RowFilter filter;
    std::vector<int> shownNow; // the proxy's order when the work began
    QFutureWatcher<std::shared_ptr<Result>> *watcher = nullptr;
};

struct KeyedSortFilterProxyModel::Result {
    std::shared_ptr<Job> job;
    std::vector<SortKey> keys;  // when made
    std::vector<QString> texts; // when made
    std::vector<int> order;     // source rows, in proxy order
};

namespace {

// The order of a list as QSortFilterProxyModel makes it: the rows the filter keeps, sorted
// stably from the order they are shown in now (rows not shown now follow in source order), so
// rows with equal keys keep their last order. Without a sort column: the source's order.
std::vector<int> orderOf(int rows, const std::vector<int> &shownNow, int column,
                         Qt::SortOrder sortOrder, const std::vector<SortKey> &keys,
                         const std::vector<QString> &texts,
                         const std::function<bool(int, const QString &)> &filter) {
    auto keeps = [&](int row) {
        return !filter || filter(row, texts.empty() ? QString() : texts[size_t(row)]);
    };
    std::vector<int> order;
    order.reserve(size_t(rows));
    // Unsorted, or without a key for every row (a model that gives no keys for the column):
    // the source's order.
    if (column < 0 || keys.size() < size_t(rows)) {
        for (int row = 0; row < rows; ++row) {
            if (keeps(row))
                order.push_back(row);
        }
        return order;
    }
    std::vector<char> seen(size_t(rows), 0);
    for (const int row : shownNow) {
        if (row < rows) {
            seen[size_t(row)] = 1;
            if (keeps(row))
                order.push_back(row);
        }
    }
    for (int row = 0; row < rows; ++row) {
        if (!seen[size_t(row)] && keeps(row))
            order.push_back(row);
    }
    const bool ascending = sortOrder == Qt::AscendingOrder;
    std::stable_sort(order.begin(), order.end(), [&](int left, int right) {
        const int c = keys[size_t(left)].compare(keys[size_t(right)]);
        return ascending ? c < 0 : c > 0;
    });
    return order;
}

} // namespace

KeyedSortFilterProxyModel::KeyedSortFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent) {}

KeyedSortFilterProxyModel::~KeyedSortFilterProxyModel() {
    // Work still running finishes on its own; its result is dropped with the watcher.
    if (m_job && m_job->watcher) {
        m_job->watcher->disconnect(this);
        m_job->watcher->deleteLater();
    }
}

void KeyedSortFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel) {
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = dynamic_cast<KeyedTableModelBase *>(sourceModel);
    Q_ASSERT(m_source || !sourceModel);
    QAbstractProxyModel::setSourceModel(sourceModel);
    if (m_source) {
        m_connections = {
            connect(m_source, &QAbstractItemModel::rowsInserted, this,
                    &KeyedSortFilterProxyModel::onRowsInserted),
            connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                    &KeyedSortFilterProxyModel::onRowsAboutToBeRemoved),
            connect(m_source, &QAbstractItemModel::rowsRemoved, this,
                    &KeyedSortFilterProxyModel::onRowsRemoved),
            connect(m_source, &QAbstractItemModel::dataChanged, this,
                    &KeyedSortFilterProxyModel::onDataChanged),
            connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
                    [this] { beginResetModel(); }),
            connect(m_source, &QAbstractItemModel::modelReset, this,
                    [this] {
                        resetAll();
                        endResetModel();
                        if (m_sortColumn >= 0 || m_filtering)
                            startJob();
                    }),
            connect(m_source, &QAbstractItemModel::headerDataChanged, this,
                    &QAbstractItemModel::headerDataChanged),
            // Not emitted by keyed models; taken as a new list.
            connect(m_source, &QAbstractItemModel::layoutChanged, this,
                    [this] {
                        beginResetModel();
                        resetAll();
                        endResetModel();
                        if (m_sortColumn >= 0 || m_filtering)
                            startJob();
                    }),
        };
    }
    resetAll();
    endResetModel();
    if (m_source && (m_sortColumn >= 0 || m_filtering))
        startJob();
}

void KeyedSortFilterProxyModel::resetAll() {
    ++m_generation;
    if (m_job && m_job->watcher) {
        m_job->watcher->disconnect(this);
        m_job->watcher->deleteLater();
    }
    m_job.reset();
    const int rows = m_source ? m_source->rowCount() : 0;
    m_keys.clear();
    m_texts.clear();
    m_keysValid = false;
    m_textsValid = false;
    m_revisions.assign(size_t(rows), 0);
    // Unsorted and unfiltered until the work on the new rows is done.
    m_toSource.resize(size_t(rows));
    for (int row = 0; row < rows; ++row)
        m_toSource[size_t(row)] = row;
    rebuildToProxy();
}

QModelIndex KeyedSortFilterProxyModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex KeyedSortFilterProxyModel::parent(const QModelIndex &) const {
    return {};
}

QModelIndex KeyedSortFilterProxyModel::sibling(int row, int column, const QModelIndex &) const {
    return index(row, column);
}

int KeyedSortFilterProxyModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_toSource.size());
}

int KeyedSortFilterProxyModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

bool KeyedSortFilterProxyModel::hasChildren(const QModelIndex &parent) const {
    return !parent.isValid() && !m_toSource.empty();
}

QModelIndex KeyedSortFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const {
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this ||
        size_t(proxyIndex.row()) >= m_toSource.size())
        return {};
    return m_source->index(m_toSource[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex KeyedSortFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const {
    if (!m_source || !sourceIndex.isValid() || sourceIndex.model() != m_source ||
        size_t(sourceIndex.row()) >= m_toProxy.size())
        return {};
    const int row = m_toProxy[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

void KeyedSortFilterProxyModel::sort(int column, Qt::SortOrder order) {
    if (!m_source || column >= m_source->columnCount())
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder && m_keysValid)
        return;
    if (column != m_sortColumn) {
        m_keysValid = false;
        m_keys.clear();
    }
    m_sortColumn = column;
    m_sortOrder = order;
    startJob();
}

void KeyedSortFilterProxyModel::refilter() {
    m_filtering = bool(rowFilter());
    startJob();
}

// By key alone (without a sort column: by source row). Rows with equal keys keep the order they
// have, and a row placed among them goes after them, as QSortFilterProxyModel places it.
bool KeyedSortFilterProxyModel::lessThan(int left, int right) const {
    if (m_sortColumn < 0)
        return left < right;
    const int c = m_keys[size_t(left)].compare(m_keys[size_t(right)]);
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

void KeyedSortFilterProxyModel::startJob() {
    if (!m_source)
        return;
    if (m_job && m_job->watcher) {
        m_job->watcher->disconnect(this);
        m_job->watcher->deleteLater();
    }
    auto job = std::make_shared<Job>();
    job->rows = m_source->rowCount();
    job->generation = m_generation;
    job->revisions = m_revisions;
    job->column = m_sortColumn;
    job->order = m_sortOrder;
    job->shownNow = m_toSource;
    job->locale = QLocale();
    if (m_sortColumn >= 0) {
        if (m_keysValid && m_keys.size() == size_t(job->rows))
            job->keys = std::make_shared<std::vector<SortKey>>(m_keys);
        else
            job->keysOf = m_source->sortKeys(m_sortColumn);
    }
    job->filter = rowFilter();
    m_filtering = bool(job->filter);
    if (m_filtering) {
        if (m_textsValid && m_texts.size() == size_t(job->rows))
            job->texts = std::make_shared<std::vector<QString>>(m_texts);
        else
            job->textsOf = m_source->searchTexts();
    }

    auto work = [job] {
        auto result = std::make_shared<Result>();
        result->job = job;
        const QCollator collator(job->locale);
        const size_t rows = size_t(job->rows);
        if (job->keysOf) {
            result->keys.reserve(rows);
            for (size_t row = 0; row < rows; ++row)
                result->keys.push_back(job->keysOf(int(row), collator));
        }
        if (job->textsOf) {
            result->texts.reserve(rows);
            for (size_t row = 0; row < rows; ++row)
                result->texts.push_back(job->textsOf(int(row)));
        }
        // No keys when the view is not sorted, or the model gives none for the column.
        static const std::vector<SortKey> noKeys;
        const std::vector<SortKey> &keys =
            job->keysOf ? result->keys : (job->keys ? *job->keys : noKeys);
        static const std::vector<QString> noTexts;
        const std::vector<QString> &texts =
            job->textsOf ? result->texts : (job->texts ? *job->texts : noTexts);
        result->order = orderOf(job->rows, job->shownNow, job->column, job->order,
                                job->column >= 0 ? keys : noKeys, texts, job->filter);
        return result;
    };

    m_job = job;
    if (job->rows <= m_synchronousLimit) {
        applyResult(work());
        return;
    }
    // The watcher belongs to the proxy: when the proxy goes, the result goes with it.
    auto *watcher = new QFutureWatcher<std::shared_ptr<Result>>(this);
    job->watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            applyResult(watcher->result());
    });
    auto promise = std::make_shared<QPromise<std::shared_ptr<Result>>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work] {
        promise->addResult(work());
        promise->finish();
    });
}

void KeyedSortFilterProxyModel::applyResult(const std::shared_ptr<Result> &result) {
    const std::shared_ptr<Job> job = result->job;
    if (job != m_job)
        return; // newer work replaced it
    m_job.reset();
    if (job->generation != m_generation) {
        // Rows were removed or the list replaced meanwhile: the copy's row numbers are void.
        startJob();
        return;
    }
    const int rows = m_source->rowCount();
    if (job->keysOf) {
        m_keys = std::move(result->keys);
        m_keys.resize(size_t(rows));
    }
    if (job->textsOf) {
        m_texts = std::move(result->texts);
        m_texts.resize(size_t(rows));
    }
    m_keysValid = m_sortColumn >= 0;
    m_textsValid = m_filtering;
    // What is not valid is not kept either: rows that come or go later do not keep it in step.
    if (!m_keysValid)
        m_keys.clear();
    if (!m_textsValid)
        m_texts.clear();
    // Rows that changed or came while the work ran are placed again by themselves.
    std::vector<int> redo;
    for (int row = 0; row < rows; ++row) {
        if (row >= job->rows || m_revisions[size_t(row)] != job->revisions[size_t(row)])
            redo.push_back(row);
    }
    std::vector<int> order = std::move(result->order);
    if (!redo.empty()) {
        const auto filter = rowFilter();
        const QCollator &collator = guiCollator();
        const auto keysOf =
            m_sortColumn >= 0 ? m_source->sortKeys(m_sortColumn) : KeyedTableModelBase::KeysOf();
        const auto textsOf = filter ? m_source->searchTexts() : KeyedTableModelBase::SearchTextOf();
        std::vector<char> dirty(size_t(rows), 0);
        for (const int row : redo) {
            dirty[size_t(row)] = 1;
            if (keysOf)
                m_keys[size_t(row)] = keysOf(row, collator);
            if (textsOf)
                m_texts[size_t(row)] = textsOf(row);
        }
        order.erase(std::remove_if(order.begin(), order.end(),
                                   [&](int row) { return dirty[size_t(row)] != 0; }),
                    order.end());
        std::vector<int> placed;
        for (const int row : redo) {
            if (!filter || filter(row, m_texts.empty() ? QString() : m_texts[size_t(row)]))
                placed.push_back(row);
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [this](int left, int right) { return lessThan(left, right); });
        std::vector<int> merged;
        merged.reserve(order.size() + placed.size());
        std::merge(order.begin(), order.end(), placed.begin(), placed.end(),
                   std::back_inserter(merged),
                   [this](int left, int right) { return lessThan(left, right); });
        order = std::move(merged);
    }
    applyOrder(std::move(order));
    Q_EMIT ordered();
}

void KeyedSortFilterProxyModel::rebuildToProxy() {
    const int rows = m_source ? m_source->rowCount() : 0;
    m_toProxy.assign(size_t(rows), -1);
    for (size_t row = 0; row < m_toSource.size(); ++row) {
        const int source = m_toSource[row];
        if (source >= 0 && source < rows)
            m_toProxy[size_t(source)] = int(row);
    }
}

void KeyedSortFilterProxyModel::applyOrder(std::vector<int> order) {
    if (order == m_toSource) {
        if (m_toProxy.size() != size_t(m_source->rowCount()))
            rebuildToProxy();
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sources;
    sources.reserve(size_t(from.size()));
    for (const QModelIndex &index : from)
        sources.push_back(size_t(index.row()) < m_toSource.size() ? m_toSource[size_t(index.row())]
                                                                  : -1);
    m_toSource = std::move(order);
    rebuildToProxy();
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int source = sources[size_t(i)];
        const int row =
            source >= 0 && size_t(source) < m_toProxy.size() ? m_toProxy[size_t(source)] : -1;
        to.append(row < 0 ? QModelIndex() : createIndex(row, from.at(i).column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void KeyedSortFilterProxyModel::placeRows(const std::vector<int> &sourceRows, bool inserted) {
    const auto filter = m_filtering ? rowFilter() : RowFilter();
    const QCollator &collator = guiCollator();
    const auto keysOf = m_sortColumn >= 0 && m_keysValid ? m_source->sortKeys(m_sortColumn)
                                                         : KeyedTableModelBase::KeysOf();
    // While the texts of every row are being made on a worker, a row's own is made here.
    const auto textsOf = filter ? m_source->searchTexts() : KeyedTableModelBase::SearchTextOf();
    // Rows that keep their key and their place in the filter are only repainted.
    std::vector<int> moved;
    std::vector<int> placed; // the moved rows that are shown
    std::vector<QModelIndex> repaint;
    for (const int row : sourceRows) {
        bool keep = !inserted;
        if (keysOf) {
            SortKey key = keysOf(row, collator);
            if (keep && key.compare(m_keys[size_t(row)]) != 0)
                keep = false;
            m_keys[size_t(row)] = std::move(key);
        }
        const bool wasShown = !inserted && m_toProxy[size_t(row)] >= 0;
        QString text;
        if (textsOf) {
            text = textsOf(row);
            if (m_textsValid)
                m_texts[size_t(row)] = text;
        }
        const bool shown = !filter || filter(row, text);
        if (keep && shown == wasShown) {
            if (shown)
                repaint.push_back(createIndex(m_toProxy[size_t(row)], 0));
            continue;
        }
        moved.push_back(row);
        if (shown)
            placed.push_back(row);
    }
    for (const QModelIndex &index : repaint)
        Q_EMIT dataChanged(index, this->index(index.row(), columnCount() - 1));
    if (moved.empty())
        return;
    if (m_job) {
        // Work on the whole list is under way: these rows are placed when it ends (their
        // revisions differ from the copy's), in the new order.
        return;
    }
    std::vector<char> dirty(m_toProxy.size(), 0);
    for (const int row : moved)
        dirty[size_t(row)] = 1;
    std::vector<int> order = m_toSource;
    order.erase(std::remove_if(order.begin(), order.end(),
                               [&](int row) { return dirty[size_t(row)] != 0; }),
                order.end());
    const auto less = [this](int left, int right) {
        return lessThan(left, right);
    };
    // Equal keys: in source order among themselves, after the rows already shown.
    std::stable_sort(placed.begin(), placed.end(), less);
    std::vector<int> merged;
    merged.reserve(order.size() + placed.size());
    std::merge(order.begin(), order.end(), placed.begin(), placed.end(), std::back_inserter(merged),
               less);
    // New rows that take one run of places (a page of older backups under the newer ones):
    // signalled as rows inserted there, so a view keeps what it shows and repaints nothing
    // else; anything else is a new layout.
    if (inserted && !placed.empty()) {
        const auto first = std::find(merged.begin(), merged.end(), placed.front());
        const size_t at = size_t(first - merged.begin());
        if (at + placed.size() <= merged.size() &&
            std::equal(placed.begin(), placed.end(), first)) {
            beginInsertRows({}, int(at), int(at + placed.size()) - 1);
            m_toSource = std::move(merged);
            rebuildToProxy();
            endInsertRows();
            return;
        }
    }
    applyOrder(std::move(merged));
}

const QCollator &KeyedSortFilterProxyModel::guiCollator() {
    const QLocale locale;
    if (!m_collator || m_collator->locale() != locale)
        m_collator.emplace(locale);
    return *m_collator;
}

void KeyedSortFilterProxyModel::remakeRows(int first, int last) {
    const auto keysOf = m_keysValid && m_sortColumn >= 0 ? m_source->sortKeys(m_sortColumn)
                                                         : KeyedTableModelBase::KeysOf();
    const auto textsOf =
        m_textsValid ? m_source->searchTexts() : KeyedTableModelBase::SearchTextOf();
    if (!keysOf && !textsOf)
        return;
    const QCollator &collator = guiCollator();
    for (int row = first; row <= last; ++row) {
        if (keysOf)
            m_keys[size_t(row)] = keysOf(row, collator);
        if (textsOf)
            m_texts[size_t(row)] = textsOf(row);
    }
}

void KeyedSortFilterProxyModel::onRowsInserted(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    if (size_t(first) < m_revisions.size()) {
        // Rows put in above others: their row numbers move, and work on a copy is void.
        ++m_generation;
        for (int &row : m_toSource) {
            if (row >= first)
                row += count;
        }
    }
    m_revisions.insert(m_revisions.begin() + first, size_t(count), 0);
    if (m_keysValid)
        m_keys.insert(m_keys.begin() + first, size_t(count), SortKey());
    if (m_textsValid)
        m_texts.insert(m_texts.begin() + first, size_t(count), QString());
    rebuildToProxy();
    if (m_job) {
        remakeRows(first, last);
        // Work on the whole list is under way: the rows are shown at the end until it is done,
        // then placed in the new order (they are not in its copy).
        if (size_t(first) < m_revisions.size() - size_t(count))
            startJob(); // rows above moved: the copy's row numbers are void
        const int at = int(m_toSource.size());
        beginInsertRows({}, at, at + count - 1);
        for (int row = first; row <= last; ++row)
            m_toSource.push_back(row);
        rebuildToProxy();
        endInsertRows();
        return;
    }
    std::vector<int> rows;
    for (int row = first; row <= last; ++row)
        rows.push_back(row);
    placeRows(rows, true);
}

void KeyedSortFilterProxyModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first,
                                                       int last) {
    if (parent.isValid())
        return;
    // The rows leave the proxy first, while the source still has them: the rest keep their
    // source numbers until the removal is done.
    std::vector<int> order;
    order.reserve(m_toSource.size());
    for (const int row : m_toSource) {
        if (row < first || row > last)
            order.push_back(row);
    }
    if (order.size() != m_toSource.size()) {
        // One run of proxy rows: signalled as removed rows; anything else as a new layout.
        std::vector<int> proxyRows;
        for (int row = first; row <= last; ++row) {
            if (m_toProxy[size_t(row)] >= 0)
                proxyRows.push_back(m_toProxy[size_t(row)]);
        }
        std::sort(proxyRows.begin(), proxyRows.end());
        if (proxyRows.back() - proxyRows.front() + 1 == int(proxyRows.size())) {
            beginRemoveRows({}, proxyRows.front(), proxyRows.back());
            m_toSource = std::move(order);
            rebuildToProxy();
            endRemoveRows();
        } else {
            applyOrder(std::move(order));
        }
    }
}

void KeyedSortFilterProxyModel::onRowsRemoved(const QModelIndex &parent, int first, int last) {
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    ++m_generation;
    for (int &row : m_toSource) {
        if (row > last)
            row -= count;
    }
    m_revisions.erase(m_revisions.begin() + first, m_revisions.begin() + last + 1);
    if (m_keysValid)
        m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    if (m_textsValid)
        m_texts.erase(m_texts.begin() + first, m_texts.begin() + last + 1);
    rebuildToProxy();
}

void KeyedSortFilterProxyModel::onDataChanged(const QModelIndex &topLeft,
                                              const QModelIndex &bottomRight,
                                              const QList<int> &roles) {
    Q_UNUSED(roles);
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    for (int row = first; row <= last; ++row)
        ++m_revisions[size_t(row)];
    if (last - first + 1 > m_synchronousLimit) {
        // Most of a long list at once (a new language, a list read again): every key and text
        // is made again on a worker, and the rows are repainted where they stand meanwhile.
        if (m_sortColumn >= 0 || m_filtering) {
            m_keysValid = false;
            m_keys.clear();
            m_textsValid = false;
            m_texts.clear();
            startJob();
        }
        if (!m_toSource.empty())
            Q_EMIT dataChanged(index(0, topLeft.column()),
                               index(rowCount() - 1, bottomRight.column()));
        return;
    }
    if (m_sortColumn < 0 && !m_filtering) {
        // Nothing to place: repaint the rows where they are.
        for (int row = first; row <= last; ++row) {
            const int proxy = m_toProxy[size_t(row)];
            if (proxy >= 0)
                Q_EMIT dataChanged(index(proxy, topLeft.column()),
                                   index(proxy, bottomRight.column()));
        }
        return;
    }
    if (m_job && !m_keysValid) {
        remakeRows(first, last);
        return; // the work under way places them
    }
    std::vector<int> rows;
    rows.reserve(size_t(last - first + 1));
    for (int row = first; row <= last; ++row)
        rows.push_back(row);
    placeRows(rows, false);
}
