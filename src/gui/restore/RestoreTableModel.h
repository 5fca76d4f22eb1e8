#pragma once

#include "model/RestoreRecord.h"
#include "widgets/KeyedTableModel.h"

// The restore records of one instance, newest first.
class RestoreTableModel : public KeyedTableModel<dcs::RestoreRecord> {
    Q_OBJECT
public:
    enum Column { Name, Backup, Status, Progress, Created, Finished, Remark, ColumnCount };

    explicit RestoreTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Keyed by restore id; upsert() puts a new one on top (a restore just posted).
    void setRecords(const QList<dcs::RestoreRecord> &records) { setRows(records); }
    const QList<dcs::RestoreRecord> &records() const { return rows(); }
    const dcs::RestoreRecord &recordAt(int row) const { return rowAt(row); }
};
