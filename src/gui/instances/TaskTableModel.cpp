#include "instances/TaskTableModel.h"

#include "model/DisplayText.h"
#include "widgets/ConsolePalette.h"

#include <QStringList>

TaskTableModel::TaskTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int TaskTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_tasks.size())
        return {};
    const dcs::BackgroundTask &task = m_tasks.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Name:
            return DisplayText::taskName(task.name);
        case Status:
            return DisplayText::taskStatus(task.status);
        case Started:
            return DisplayText::dateTime(task.createdAt);
        case Ended:
            return task.isRunning() ? DisplayText::none() : DisplayText::dateTime(task.updatedAt);
        case User:
            return DisplayText::orNone(task.userName);
        case Details: {
            QStringList parts;
            for (auto it = task.details.constBegin(); it != task.details.constEnd(); ++it) {
                const QString value = it.value().isString() ? it.value().toString()
                                                            : it.value().toVariant().toString();
                if (!value.isEmpty())
                    parts << it.key() + QLatin1Char('=') + value;
            }
            return DisplayText::orNone(parts.join(QStringLiteral(", ")));
        }
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole && (index.column() == Name || index.column() == Status)) {
        // As the API spells it, for a question to support.
        return index.column() == Name ? task.name : task.status;
    } else if (role == Qt::ForegroundRole && index.column() == Status) {
        if (task.isRunning())
            return ConsolePalette::color(ConsolePalette::Role::CautionText);
        if (task.status.compare(QLatin1String("FAILED"), Qt::CaseInsensitive) == 0)
            return ConsolePalette::color(ConsolePalette::Role::DangerText);
    }
    return {};
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Task");
    case Status:
        return tr("Status");
    case Started:
        return tr("Started");
    case Ended:
        return tr("Ended");
    case User:
        return tr("User");
    case Details:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

void TaskTableModel::setTasks(const QList<dcs::BackgroundTask> &tasks) {
    beginResetModel();
    m_tasks = tasks;
    endResetModel();
}

int TaskTableModel::runningCount() const {
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                             [](const dcs::BackgroundTask &t) { return t.isRunning(); }));
}

void TaskTableModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_tasks.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}
