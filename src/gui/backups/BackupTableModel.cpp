#include "backups/BackupTableModel.h"

#include "model/DisplayText.h"
#include "model/StatusTone.h"
#include "restore/RestorePreflight.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

BackupTableModel::BackupTableModel(QObject *parent)
    : KeyedTableModel([](const dcs::Backup &b) { return b.backupId; }, &sortKeyOf, nullptr,
                      parent) {}

QString BackupTableModel::displayText(const dcs::Backup &backup, Column column) {
    switch (column) {
    case Name:
        return DisplayText::orNone(backup.backupName);
    case Status:
        return DisplayText::backupStatus(backup.status);
    case Progress:
        return DisplayText::percent(backup.progress);
    case Type:
        return DisplayText::backupType(backup.backupType);
    case Format:
        return backup.backupFormat.isEmpty() ? DisplayText::none()
                                             : backup.normalizedFormat().toUpper();
    case Size:
        return DisplayText::dataSize(backup.size);
    case Created:
        return DisplayText::dateTime(backup.createdAt);
    case Remark:
        return DisplayText::orNone(backup.remark);
    case Restorable: {
        // Why not, in a few words, readable without a tooltip.
        const QString refusal = dcs::RestorePreflight::backupRefusalBrief(backup);
        return refusal.isEmpty() ? DisplayText::yesNo(true) : tr("No — %1").arg(refusal);
    }
    case ColumnCount:
        break;
    }
    return {};
}

// As the Sort role below orders them; the refusal behind Restorable is worked out once per row,
// not once per comparison.
SortKey BackupTableModel::sortKeyOf(const dcs::Backup &backup, int column,
                                    const QCollator &collator) {
    switch (Column(column)) {
    case Size:
        return SortKey::fromNumber(backup.size);
    case Progress:
        return SortKey::fromReal(backup.progress);
    case Created:
        return SortKey::fromTime(backup.createdAt);
    default:
        return SortKey::fromText(displayText(backup, Column(column)), collator);
    }
}

int BackupTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const dcs::Backup &backup = rowAt(index.row());
    const auto column = Column(index.column());

    switch (role) {
    case Qt::DisplayRole:
        if (column == ColumnCount)
            break;
        return displayText(backup, column);
    case ModelRoles::Sort:
        switch (column) {
        case Size:
            return backup.size;
        case Progress:
            return backup.progress;
        case Created:
            return backup.createdAt;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRoles::Raw:
        switch (column) {
        case Name:
            return backup.backupId;
        case Status:
            return backup.status;
        case Progress:
            return backup.progress;
        case Type:
            return backup.backupType;
        case Format:
            return backup.backupFormat;
        case Size:
            return backup.size;
        case Created:
            return backup.createdAt;
        case Remark:
            return backup.remark;
        case Restorable:
            return backup.isRestorable();
        case ColumnCount:
            break;
        }
        break;
    case ModelRoles::Restorable:
        return dcs::RestorePreflight::backupRefusal(backup).isEmpty();
    case ModelRoles::Tone:
        if (column == Status)
            return int(dcs::backupStatusTone(backup.status));
        break;
    case ModelRoles::Progress:
        // A bar while it runs; an ended backup's figure is plain text.
        if (column == Progress && backup.isRunning())
            return backup.progress;
        break;
    case Qt::ToolTipRole: {
        const QString refusal = dcs::RestorePreflight::backupRefusal(backup);
        if (!refusal.isEmpty())
            return refusal;
        if (column == Size && backup.size < 0)
            return DisplayText::unknown();
        if (column == Size)
            return tr("%n byte(s)", nullptr, int(qMin<qint64>(backup.size, INT_MAX)));
        if (column == Name)
            return tr("Backup ID: %1").arg(backup.backupId);
        return data(index, Qt::DisplayRole);
    }
    case Qt::ForegroundRole:
        if (m_onlyRestorableSelectable && !dcs::RestorePreflight::backupRefusal(backup).isEmpty())
            return ConsolePalette::color(ConsolePalette::Role::DisabledRowText);
        break;
    case Qt::TextAlignmentRole:
        if (column == Size)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Backup name");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Type:
        return tr("Type");
    case Format:
        return tr("Format");
    case Size:
        return tr("Size");
    case Created:
        return tr("Created");
    case Remark:
        return tr("Remark");
    case Restorable:
        return tr("Restorable");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags BackupTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (m_onlyRestorableSelectable &&
        !dcs::RestorePreflight::backupRefusal(rowAt(index.row())).isEmpty())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void BackupTableModel::setOnlyRestorableSelectable(bool on) {
    if (on == m_onlyRestorableSelectable)
        return;
    m_onlyRestorableSelectable = on;
    changedAll();
}
