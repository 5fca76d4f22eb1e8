#pragma once

#include "model/BackgroundTask.h"

#include <QAbstractTableModel>
#include <QList>

// The background tasks of the selected instance (v2 only, dcs-api-v2.md §9), newest first.
class TaskTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Started, Ended, User, Details, ColumnCount };

    explicit TaskTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTasks(const QList<dcs::BackgroundTask> &tasks);
    void clear() { setTasks({}); }
    const QList<dcs::BackgroundTask> &tasks() const { return m_tasks; }
    int runningCount() const;
    void retranslate();

private:
    QList<dcs::BackgroundTask> m_tasks;
};
