#include "audit/AuditTableModel.h"

#include "api/ApiError.h"
#include "model/DisplayText.h"
#include "verify/VerificationReport.h"
#include "widgets/ModelRoles.h"

#include <algorithm>

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int AuditTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::eventText(const QString &event) {
    if (event == QLatin1String("attempt"))
        return tr("Attempt");
    if (event == QLatin1String("finished"))
        return tr("Finished");
    if (event == QLatin1String("verification"))
        return tr("Verification");
    return DisplayText::orNone(event);
}

QString AuditTableModel::outcomeText(const QString &outcome) {
    if (outcome == QLatin1String("accepted"))
        return tr("Accepted");
    if (outcome == QLatin1String("recovered"))
        return tr("Accepted (answer lost, record found)");
    if (outcome == QLatin1String("refused"))
        return tr("Refused");
    if (outcome == QLatin1String("unknown"))
        return tr("Outcome unknown");
    if (outcome == QLatin1String("not-sent"))
        return tr("Not sent");
    if (outcome == QLatin1String("safety-backup-failed"))
        return tr("Safety backup failed");
    if (outcome == QLatin1String("verified"))
        return tr("Verified");
    if (outcome == QLatin1String("not-verified"))
        return tr("Not verified");
    if (outcome == QLatin1String("succeed") || outcome == QLatin1String("failed"))
        return DisplayText::restoreStatus(outcome);
    return DisplayText::orNone(outcome);
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const dcs::AuditRecord &r = m_records.at(index.row());
    const auto column = Column(index.column());
    const auto withId = [](const QString &name, const QString &id) {
        if (name.isEmpty())
            return DisplayText::orNone(id);
        return id.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, id);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Time:
            return DisplayText::dateTime(r.time);
        case Event:
            return eventText(r.event);
        case Outcome:
            return outcomeText(r.outcome);
        case Instance:
            return DisplayText::orNone(r.instanceName.isEmpty() ? r.instanceId : r.instanceName);
        case Backup:
            return DisplayText::orNone(r.backupName.isEmpty() ? r.backupId : r.backupName);
        case RestoreId:
            return DisplayText::orNone(r.restoreId);
        case FinalStatus:
            return r.finalStatus.isEmpty() ? DisplayText::none()
                                           : DisplayText::restoreStatus(r.finalStatus);
        case ErrorCode:
            return DisplayText::orNone(r.errorCode);
        case RequestId:
            return DisplayText::orNone(r.requestId);
        case SafetyBackup:
            return DisplayText::orNone(r.safetyBackupId);
        case Profile:
            return DisplayText::orNone(r.profile);
        case Region:
            return DisplayText::orNone(r.region);
        case Project:
            return DisplayText::orNone(r.projectId);
        case OsUser:
            return DisplayText::orNone(r.osUser);
        case Remark:
            return DisplayText::orNone(r.remark);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case Instance:
            return withId(r.instanceName, r.instanceId);
        case Backup:
            return withId(r.backupName, r.backupId);
        case ErrorCode:
            return r.errorCode.isEmpty() ? QVariant() : dcs::explainRecordErrorCode(r.errorCode);
        case Outcome:
            // A verification's report, in the reader's language.
            if (!r.verification.isEmpty())
                return dcs::VerificationReport::fromJson(r.verification).summary();
            return data(index, Qt::DisplayRole);
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRoles::Sort:
        return column == Time ? QVariant(r.time) : data(index, Qt::DisplayRole);
    case ModelRoles::Raw:
        switch (column) {
        case Event:
            return r.event;
        case Outcome:
            return r.outcome;
        case FinalStatus:
            return r.finalStatus;
        case Instance:
            return r.instanceId;
        case Backup:
            return r.backupId;
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Event:
        return tr("Event");
    case Outcome:
        return tr("Outcome");
    case Instance:
        return tr("Instance");
    case Backup:
        return tr("Backup");
    case RestoreId:
        return tr("Restore ID");
    case FinalStatus:
        return tr("Final status");
    case ErrorCode:
        return tr("Error code");
    case RequestId:
        return tr("Request ID");
    case SafetyBackup:
        return tr("Safety backup");
    case Profile:
        return tr("Profile");
    case Region:
        return tr("Region");
    case Project:
        return tr("Project ID");
    case OsUser:
        return tr("User");
    case Remark:
        return tr("Remark");
    case ColumnCount:
        break;
    }
    return {};
}

void AuditTableModel::setRecords(const QList<dcs::AuditRecord> &records) {
    beginResetModel();
    m_records = records;
    std::reverse(m_records.begin(), m_records.end());
    endResetModel();
}

void AuditTableModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}
