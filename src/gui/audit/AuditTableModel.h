#pragma once

#include "restore/AuditLog.h"

#include <QAbstractTableModel>
#include <QList>

// The restore audit trail, one row per line of the file, newest first.
class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time,
        Event,
        Outcome,
        Instance,
        Backup,
        RestoreId,
        FinalStatus,
        ErrorCode,
        RequestId,
        SafetyBackup,
        Profile,
        Region,
        Project,
        OsUser,
        Remark,
        ColumnCount
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // In file order; shown newest first.
    void setRecords(const QList<dcs::AuditRecord> &records);
    const QList<dcs::AuditRecord> &records() const { return m_records; }
    const dcs::AuditRecord &recordAt(int row) const { return m_records.at(row); }

    // Translated words for the audit's API values.
    static QString eventText(const QString &event);
    static QString outcomeText(const QString &outcome);

    void retranslate();

private:
    QList<dcs::AuditRecord> m_records; // newest first
};
