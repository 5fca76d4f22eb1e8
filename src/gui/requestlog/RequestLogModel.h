#pragma once

#include "api/RequestLog.h"
#include "export/CsvWriter.h"

#include <QAbstractTableModel>
#include <QList>

class QIODevice;

// Every request of every client, newest last, capped so a long session does not grow without
// bound (the oldest rows go first). Holds only RequestLogEntry values, which are redacted by
// DcsClient before they leave it, so nothing here can leak a secret.
class RequestLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Profile, Method, Url, Status, Duration, RequestId, ErrorCode, ColumnCount };

    explicit RequestLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void append(const dcs::RequestLogEntry &entry);
    void clear();
    const dcs::RequestLogEntry &entryAt(int row) const { return m_entries.at(row); }
    const QList<dcs::RequestLogEntry> &entries() const { return m_entries; }

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    // After a language change: the header texts.
    void retranslate();

    // The file formats of Save…; both hold only the redacted fields.
    static dcs::CsvWriter toCsv(const QList<dcs::RequestLogEntry> &entries);
    static void writeJsonLines(QIODevice *device, const QList<dcs::RequestLogEntry> &entries);

private:
    void dropOverflow();

    QList<dcs::RequestLogEntry> m_entries;
    int m_capacity = 5000;
};
