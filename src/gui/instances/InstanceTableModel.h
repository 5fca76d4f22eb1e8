#pragma once

#include "model/Instance.h"

#include <QAbstractTableModel>
#include <QList>

// The instances of the open session, one row each.
class InstanceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Id, Type, Engine, Status, Memory, Address, Created, ColumnCount };

    explicit InstanceTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the list. Rows whose ids did not change are updated in place, so a refresh keeps
    // the selection and the scroll position.
    void setInstances(const QList<dcs::Instance> &instances);
    // Updates the row of this instance (by id); false when it is not in the list.
    bool updateInstance(const dcs::Instance &instance);
    void clear();

    const QList<dcs::Instance> &instances() const { return m_instances; }
    const dcs::Instance &instanceAt(int row) const { return m_instances.at(row); }
    int rowOf(const QString &instanceId) const;

    // Headers and status words follow the language; called on QEvent::LanguageChange.
    void retranslate();

    static QString addressOf(const dcs::Instance &instance);

private:
    QList<dcs::Instance> m_instances;
};
