#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// What every table model of the console shares: rows of one value type, each known by a key
// (an id), kept in an index so that a row is found, updated or removed by its id without a
// walk; a new list keeps the rows in place when the ids did not change (the selection and the
// scroll position stay); and the language change that repaints headers and cells. Subclasses
// say how to show a row (data, headerData, columnCount).
template <typename T> class KeyedTableModel : public QAbstractTableModel {
public:
    using KeyOf = QString (*)(const T &row);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const QList<T> &rows() const { return m_rows; }
    const T &rowAt(int row) const { return m_rows.at(row); }
    // -1 when no row has this key.
    int rowOf(const QString &key) const { return m_index.value(key, -1); }

    // Replaces the list.
    void setRows(const QList<T> &rows) {
        bool sameRows = rows.size() == m_rows.size();
        for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
            sameRows = m_keyOf(rows.at(i)) == m_keyOf(m_rows.at(i));
        if (sameRows) {
            m_rows = rows;
            changedAll();
            return;
        }
        beginResetModel();
        m_rows = rows;
        reindex();
        endResetModel();
    }
    // Updates the row with the same key; false when there is none.
    bool update(const T &row) {
        const int at = rowOf(m_keyOf(row));
        if (at < 0)
            return false;
        m_rows[at] = row;
        Q_EMIT this->dataChanged(this->index(at, 0), this->index(at, this->columnCount() - 1));
        return true;
    }
    // Updates the row with the same key, or puts the row on top when it is new.
    void upsert(const T &row) {
        if (update(row))
            return;
        beginInsertRows({}, 0, 0);
        m_rows.prepend(row);
        reindex();
        endInsertRows();
    }
    bool remove(const QString &key) {
        const int at = rowOf(key);
        if (at < 0)
            return false;
        beginRemoveRows({}, at, at);
        m_rows.removeAt(at);
        reindex();
        endRemoveRows();
        return true;
    }
    void clear() {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        m_index.clear();
        endResetModel();
    }
    // After a language change: headers and the words in the cells.
    void retranslate() {
        Q_EMIT this->headerDataChanged(Qt::Horizontal, 0, this->columnCount() - 1);
        changedAll();
    }

protected:
    explicit KeyedTableModel(KeyOf keyOf, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , m_keyOf(keyOf) {}

    void changedAll() {
        if (!m_rows.isEmpty())
            Q_EMIT this->dataChanged(this->index(0, 0),
                                     this->index(rowCount() - 1, this->columnCount() - 1));
    }

private:
    void reindex() {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_keyOf(m_rows.at(i)), int(i));
    }

    KeyOf m_keyOf;
    QList<T> m_rows;
    QHash<QString, int> m_index;
};
