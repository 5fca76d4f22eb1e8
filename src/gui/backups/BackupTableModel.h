#pragma once

#include "model/Backup.h"

#include <QAbstractTableModel>
#include <QList>

// The backups of one instance, newest first as the server sends them.
class BackupTableModel : public QAbstractTableModel {
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setBackups(const QList<dcs::Backup> &backups);
    // Updates the backup with the same id, or puts it on top when it is new (a backup the
    // console just created and follows).
    void upsert(const dcs::Backup &backup);
    void clear();
    const QList<dcs::Backup> &backups() const { return m_backups; }
    const dcs::Backup &backupAt(int row) const { return m_backups.at(row); }
    int rowOf(const QString &backupId) const;

    // In a chooser, backups that cannot be restored from stay visible but cannot be selected.
    void setOnlyRestorableSelectable(bool on);
    bool onlyRestorableSelectable() const { return m_onlyRestorableSelectable; }

    void retranslate();

private:
    QList<dcs::Backup> m_backups;
    bool m_onlyRestorableSelectable = false;
};
