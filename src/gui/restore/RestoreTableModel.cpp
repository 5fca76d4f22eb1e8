#include "restore/RestoreTableModel.h"

#include "api/ApiError.h"
#include "model/DisplayText.h"
#include "model/StatusTone.h"
#include "widgets/ModelRoles.h"

RestoreTableModel::RestoreTableModel(QObject *parent)
    : KeyedTableModel([](const dcs::RestoreRecord &r) { return r.restoreId; }, nullptr, nullptr,
                      parent) {}

int RestoreTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RestoreTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const dcs::RestoreRecord &record = rowAt(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return DisplayText::orNone(record.restoreName.isEmpty() ? record.restoreId
                                                                    : record.restoreName);
        case Backup:
            return DisplayText::orNone(record.backupName.isEmpty() ? record.backupId
                                                                   : record.backupName);
        case Status:
            return DisplayText::restoreStatus(record.status);
        case Progress:
            return DisplayText::percent(record.progress);
        case Created:
            return DisplayText::dateTime(record.createdAt);
        case Finished:
            return record.isFinished() ? DisplayText::dateTime(record.updatedAt)
                                       : DisplayText::none();
        case Remark:
            return DisplayText::orNone(record.restoreRemark);
        case ColumnCount:
            break;
        }
        break;
    case ModelRoles::Sort:
        switch (column) {
        case Progress:
            return record.progress;
        case Created:
            return record.createdAt;
        case Finished:
            return record.isFinished() ? record.updatedAt : QDateTime();
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRoles::Raw:
        switch (column) {
        case Name:
            return record.restoreId;
        case Backup:
            return record.backupId;
        case Status:
            return record.status;
        case Progress:
            return record.progress;
        case Created:
            return record.createdAt;
        case Finished:
            return record.updatedAt;
        case Remark:
            return record.restoreRemark;
        case ColumnCount:
            break;
        }
        break;
    case ModelRoles::Progress:
        return record.progress;
    case ModelRoles::Tone:
        if (column == Status)
            return int(dcs::restoreStatusTone(record.status));
        break;
    case Qt::ToolTipRole:
        if (column == Status && !record.errorCode.isEmpty()) {
            const QString explanation = dcs::explainRecordErrorCode(record.errorCode);
            return explanation.isEmpty() ? record.errorCode
                                         : tr("%1: %2").arg(record.errorCode, explanation);
        }
        if (column == Name)
            return tr("Restore ID: %1").arg(record.restoreId);
        if (column == Backup)
            return tr("Backup ID: %1").arg(record.backupId);
        return data(index, Qt::DisplayRole);
    default:
        break;
    }
    return {};
}

QVariant RestoreTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Restore name");
    case Backup:
        return tr("Backup");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Created:
        return tr("Created");
    case Finished:
        return tr("Finished");
    case Remark:
        return tr("Remark");
    case ColumnCount:
        break;
    }
    return {};
}
