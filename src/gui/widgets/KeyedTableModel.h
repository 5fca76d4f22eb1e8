#pragma once

#include "widgets/SortKey.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QHashSeed>
#include <QList>
#include <algorithm>
#include <functional>
#include <iterator>
#include <vector>

// A row's key with its hash worked out once: when the index grows it places every entry again,
// and hashing 65,536 ids again then took longer than a frame.
struct HashedRowKey {
    QString text;
    size_t hash = 0;

    explicit HashedRowKey(QString key)
        : text(std::move(key))
        , hash(qHash(text, QHashSeed::globalSeed())) {}
    bool operator==(const HashedRowKey &other) const {
        return hash == other.hash && text == other.text;
    }
};

inline size_t qHash(const HashedRowKey &key, size_t seed = 0) noexcept {
    return key.hash ^ seed;
}

// What KeyedSortFilterProxyModel needs from a keyed model, whatever its row type: each row's
// sort key in a column and its search text, computed by functions that hold a copy of the rows
// taken when they were asked for, so they can run on a worker thread while the model changes.
class KeyedTableModelBase : public QAbstractTableModel {
public:
    // A row's key in one column; collator: one per thread, QCollator(QLocale()).
    using KeysOf = std::function<SortKey(int row, const QCollator &collator)>;
    // A row's text for the filter, case-folded (QString::toCaseFolded); null when the model has
    // none.
    using SearchTextOf = std::function<QString(int row)>;

    virtual KeysOf sortKeys(int column) const = 0;
    virtual SearchTextOf searchTexts() const = 0;

protected:
    using QAbstractTableModel::QAbstractTableModel;
};

// What every table model of the console shares: rows of one value type, each known by a key
// (an id), kept in an index so that a row is found, updated or removed by its id without a walk;
// changes signal only the rows that changed; a list read page by page is merged as it comes
// (mergeRows between beginListing and endListing) and a new list keeps the rows in place when the
// ids did not change, so the selection and the scroll position stay; and the language change that
// repaints headers and cells. Subclasses say how to show a row (data, headerData, columnCount)
// and, for sorting and filtering, give each row's sort key and search text by plain functions.
template <typename T> class KeyedTableModel : public KeyedTableModelBase {
public:
    using KeyOf = QString (*)(const T &row);
    // A row's sort key in a column; must use nothing but its arguments (it runs on workers).
    using SortKeyOf = SortKey (*)(const T &row, int column, const QCollator &collator);
    // A row's search text, case-folded; null: the model is not searched.
    using SearchTextOfRow = QString (*)(const T &row);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const QList<T> &rows() const { return m_rows; }
    const T &rowAt(int row) const { return m_rows.at(row); }
    // -1 when no row has this key.
    int rowOf(const QString &key) const {
        const auto it = m_index.constFind(HashedRowKey(key));
        return it == m_index.constEnd() ? -1 : int(*it - m_first);
    }

    // Replaces the list: when it holds the same ids in the same order, the rows stay and only
    // those that changed are signalled; otherwise the model is reset.
    void setRows(const QList<T> &rows) {
        bool sameRows = rows.size() == m_rows.size();
        for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
            sameRows = m_keyOf(rows.at(i)) == m_keyOf(m_rows.at(i));
        if (sameRows) {
            ChangedRows changed(this);
            for (qsizetype i = 0; i < rows.size(); ++i) {
                if (!(rows.at(i) == m_rows.at(i))) {
                    noteRow(&m_rows.at(i), &rows.at(i));
                    m_rows[i] = rows.at(i);
                    changed.add(int(i));
                }
            }
            return;
        }
        beginResetModel();
        m_rows = rows;
        m_listed.assign(size_t(m_rows.size()), m_listing);
        reindex();
        noteReset();
        endResetModel();
    }
    // Updates the row with the same key; false when there is none. Signals only a real change.
    bool update(const T &row) {
        const int at = rowOf(m_keyOf(row));
        if (at < 0)
            return false;
        if (!(m_rows.at(at) == row)) {
            noteRow(&m_rows.at(at), &row);
            m_rows[at] = row;
            Q_EMIT this->dataChanged(this->index(at, 0), this->index(at, this->columnCount() - 1));
        }
        return true;
    }
    // Updates the row with the same key, or puts the row on top when it is new.
    void upsert(const T &row) {
        if (update(row))
            return;
        beginInsertRows({}, 0, 0);
        m_rows.prepend(row);
        m_listed.insert(m_listed.begin(), m_listing);
        --m_first; // the rows below move down without being indexed again
        m_index.insert(HashedRowKey(m_keyOf(row)), m_first);
        noteRow(nullptr, &m_rows.constFirst());
        endInsertRows();
    }
    // Replaces the count rows from first with rows (a group of rows that belong together, such
    // as one source of the fleet): updated in place when the keys are the same (only the rows
    // that changed signalled), else the old group removed and the new one inserted where it
    // was; the other rows are not touched.
    void replaceRange(int first, int count, const QList<T> &rows) {
        first = qBound(0, first, rowCount());
        count = qBound(0, count, rowCount() - first);
        bool same = rows.size() == count;
        for (qsizetype i = 0; same && i < rows.size(); ++i)
            same = m_keyOf(rows.at(i)) == m_keyOf(m_rows.at(first + i));
        if (same) {
            ChangedRows changed(this);
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const int at = first + int(i);
                if (!(m_rows.at(at) == rows.at(i))) {
                    noteRow(&m_rows.at(at), &rows.at(i));
                    m_rows[at] = rows.at(i);
                    changed.add(at);
                }
            }
            return;
        }
        if (count > 0) {
            this->beginRemoveRows({}, first, first + count - 1);
            for (int row = first; row < first + count; ++row)
                noteRow(&m_rows.at(row), nullptr);
            removeRange(first, count);
            this->endRemoveRows();
        }
        if (rows.isEmpty())
            return;
        this->beginInsertRows({}, first, first + int(rows.size()) - 1);
        // In one pass: inserted one by one, every row below moved once per row inserted (a
        // fleet source of 2,000 rows above 4,000 others held the window up for 400 ms). A row
        // type declared relocatable (Q_DECLARE_TYPEINFO) moves by memmove.
        m_rows.insert(first, rows.size(), T());
        std::copy(rows.cbegin(), rows.cend(), m_rows.begin() + first);
        m_listed.insert(m_listed.begin() + first, size_t(rows.size()), m_listing);
        // The rows below move down: their index values are shifted where they are (no key made
        // or hashed again), and only the new rows are hashed.
        const qint64 below = m_first + first;
        for (auto it = m_index.begin(); it != m_index.end(); ++it) {
            if (*it >= below)
                *it += rows.size();
        }
        for (qsizetype i = 0; i < rows.size(); ++i)
            m_index.insert(HashedRowKey(m_keyOf(m_rows.at(first + i))), below + i);
        for (qsizetype i = 0; i < rows.size(); ++i)
            noteRow(nullptr, &m_rows.at(first + i));
        this->endInsertRows();
    }
    // Room for this many rows: rows put in later do not grow the list, which copies every row
    // it has (thousands of large rows took longer than a frame).
    void reserveRows(qsizetype rows) {
        if (rows <= m_rows.capacity())
            return;
        m_rows.reserve(rows);
        m_listed.reserve(size_t(rows));
        m_index.reserve(rows);
    }
    bool remove(const QString &key) {
        const int at = rowOf(key);
        if (at < 0)
            return false;
        beginRemoveRows({}, at, at);
        noteRow(&m_rows.at(at), nullptr);
        removeAt(at);
        endRemoveRows();
        return true;
    }
    void clear() {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        m_listed.clear();
        m_index.clear();
        m_first = 0;
        noteReset();
        endResetModel();
    }

    // A list read page by page: beginListing(), then mergeRows() for every batch — known rows
    // are updated (and signalled only when they changed), new ones appended, one signal per
    // batch — then endListing(), which removes the rows the listing did not bring when it is
    // complete (a listing that failed or may be incomplete removes nothing).
    void beginListing() { ++m_listing; }
    void mergeRows(const QList<T> &batch) {
        QList<T> fresh;
        std::vector<HashedRowKey> freshKeys;
        {
            ChangedRows changed(this);
            for (const T &row : batch) {
                HashedRowKey key(m_keyOf(row));
                const auto found = m_index.constFind(key);
                if (found == m_index.constEnd()) {
                    fresh.append(row);
                    freshKeys.push_back(std::move(key));
                    continue;
                }
                const int at = int(*found - m_first);
                m_listed[size_t(at)] = m_listing;
                if (!(m_rows.at(at) == row)) {
                    noteRow(&m_rows.at(at), &row);
                    m_rows[at] = row;
                    changed.add(at);
                }
            }
        }
        if (fresh.isEmpty())
            return;
        const int first = int(m_rows.size());
        this->beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            const T &row = fresh.at(i);
            HashedRowKey &key = freshKeys[size_t(i)];
            if (m_index.contains(key)) // twice in one batch: the listing de-duplicates already
                continue;
            m_index.insert(std::move(key), m_first + m_rows.size());
            m_rows.append(row);
            m_listed.push_back(m_listing);
            noteRow(nullptr, &m_rows.constLast());
        }
        this->endInsertRows();
    }
    void endListing(bool complete) {
        if (!complete)
            return;
        // From the bottom, so the rows above keep their numbers while the run is removed.
        for (int at = int(m_rows.size()) - 1; at >= 0;) {
            if (m_listed[size_t(at)] == m_listing) {
                --at;
                continue;
            }
            int first = at;
            while (first > 0 && m_listed[size_t(first - 1)] != m_listing)
                --first;
            this->beginRemoveRows({}, first, at);
            for (int row = first; row <= at; ++row)
                noteRow(&m_rows.at(row), nullptr);
            removeRange(first, at - first + 1);
            this->endRemoveRows();
            at = first - 1;
        }
    }

    // After a language change: headers and the words in the cells.
    void retranslate() {
        Q_EMIT this->headerDataChanged(Qt::Horizontal, 0, this->columnCount() - 1);
        changedAll();
    }

    KeysOf sortKeys(int column) const override {
        if (!m_sortKeyOf)
            return {};
        const QList<T> rows = m_rows; // shared, not copied, until the model changes
        const SortKeyOf keyOf = m_sortKeyOf;
        return [rows, keyOf, column](int row, const QCollator &collator) {
            return keyOf(rows.at(row), column, collator);
        };
    }
    SearchTextOf searchTexts() const override {
        if (!m_searchTextOf)
            return {};
        const QList<T> rows = m_rows;
        const SearchTextOfRow textOf = m_searchTextOf;
        return [rows, textOf](int row) {
            return textOf(rows.at(row));
        };
    }

protected:
    explicit KeyedTableModel(KeyOf keyOf, SortKeyOf sortKeyOf = nullptr,
                             SearchTextOfRow searchTextOf = nullptr, QObject *parent = nullptr)
        : KeyedTableModelBase(parent)
        , m_keyOf(keyOf)
        , m_sortKeyOf(sortKeyOf)
        , m_searchTextOf(searchTextOf) {}

    void changedAll() {
        if (!m_rows.isEmpty())
            Q_EMIT this->dataChanged(this->index(0, 0),
                                     this->index(rowCount() - 1, this->columnCount() - 1));
    }
    // Every row that comes, changes or goes (before: null for a new row; after: null for one that
    // goes), for what a subclass keeps about all rows without walking them; noteReset() when the
    // whole list is replaced.
    virtual void noteRow(const T *before, const T *after) {
        Q_UNUSED(before);
        Q_UNUSED(after);
    }
    virtual void noteReset() {}

private:
    // Collects changed rows and signals them as contiguous runs when it goes.
    class ChangedRows {
    public:
        explicit ChangedRows(KeyedTableModel *model)
            : m_model(model) {}
        ~ChangedRows() { flush(); }
        void add(int row) {
            if (m_last >= 0 && row == m_last + 1) {
                m_last = row;
                return;
            }
            flush();
            m_first = m_last = row;
        }

    private:
        void flush() {
            if (m_first < 0)
                return;
            Q_EMIT m_model->dataChanged(m_model->index(m_first, 0),
                                        m_model->index(m_last, m_model->columnCount() - 1));
            m_first = m_last = -1;
        }
        KeyedTableModel *m_model;
        int m_first = -1;
        int m_last = -1;
    };

    void reindex() {
        m_index.clear();
        m_index.reserve(m_rows.size());
        m_first = 0;
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_index.insert(HashedRowKey(m_keyOf(m_rows.at(i))), i);
    }
    void removeAt(int at) { removeRange(at, 1); }
    // The rows on the shorter side of the gap are indexed again, the others keep their values.
    void removeRange(int first, int count) {
        for (int row = first; row < first + count; ++row)
            m_index.remove(HashedRowKey(m_keyOf(m_rows.at(row))));
        if (first < m_rows.size() - (first + count)) {
            for (int row = 0; row < first; ++row)
                m_index[HashedRowKey(m_keyOf(m_rows.at(row)))] += count;
            m_first += count;
        } else {
            for (qsizetype row = first + count; row < m_rows.size(); ++row)
                m_index[HashedRowKey(m_keyOf(m_rows.at(row)))] -= count;
        }
        m_rows.remove(first, count);
        m_listed.erase(m_listed.begin() + first, m_listed.begin() + first + count);
    }

    KeyOf m_keyOf;
    SortKeyOf m_sortKeyOf;
    SearchTextOfRow m_searchTextOf;
    QList<T> m_rows;
    // Row i has the index value m_first + i: a row put on top takes m_first - 1, and nothing
    // else has to be indexed again.
    QHash<HashedRowKey, qint64> m_index;
    qint64 m_first = 0;
    std::vector<quint32> m_listed; // per row: the listing that last brought it
    quint32 m_listing = 0;
};
