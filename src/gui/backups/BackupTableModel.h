#pragma once

#include "model/Backup.h"
#include "widgets/KeyedTableModel.h"

// The backups of one instance, newest first as the server sends them.
class BackupTableModel : public KeyedTableModel<dcs::Backup> {
    Q_OBJECT
public:
    enum Column {
        Name,
        Status,
        Progress,
        Type,
        Format,
        Size,
        Created,
        Remark,
        Restorable,
        ColumnCount
    };

    explicit BackupTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Keyed by backup id; upsert() puts a new one on top (a backup the console just created).
    void setBackups(const QList<dcs::Backup> &backups) { setRows(backups); }
    const QList<dcs::Backup> &backups() const { return rows(); }
    const dcs::Backup &backupAt(int row) const { return rowAt(row); }

    // What a cell shows, and the key a column sorts by (the Sort role's order, made once).
    static QString displayText(const dcs::Backup &backup, Column column);
    static SortKey sortKeyOf(const dcs::Backup &backup, int column, const QCollator &collator);

    // In a chooser, backups that cannot be restored from stay visible but cannot be selected.
    void setOnlyRestorableSelectable(bool on);
    bool onlyRestorableSelectable() const { return m_onlyRestorableSelectable; }

private:
    bool m_onlyRestorableSelectable = false;
};
