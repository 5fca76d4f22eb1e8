#pragma once

#include "model/RestoreRecord.h"

#include <QAbstractTableModel>
#include <QList>

// The restore records of one instance, newest first.
class RestoreTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Backup, Status, Progress, Created, Finished, Remark, ColumnCount };

    explicit RestoreTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRecords(const QList<dcs::RestoreRecord> &records);
    // Updates the record with the same restore id, or puts it on top when it is new.
    void upsert(const dcs::RestoreRecord &record);
    void clear();
    const QList<dcs::RestoreRecord> &records() const { return m_records; }
    const dcs::RestoreRecord &recordAt(int row) const { return m_records.at(row); }
    int rowOf(const QString &restoreId) const;

    void retranslate();

private:
    QList<dcs::RestoreRecord> m_records;
};
