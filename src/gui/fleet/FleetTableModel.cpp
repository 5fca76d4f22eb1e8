#include "fleet/FleetTableModel.h"

#include "model/DisplayText.h"
#include "model/InstanceType.h"
#include "restore/RestoreImpact.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"

#include <QFont>
#include <QLocale>
#include <QSignalBlocker>
#include <algorithm>
#include <vector>

using dcs::FleetSourceState;
using dcs::HealthVerdict;

namespace {

QString age(const QDateTime &at) {
    const qint64 seconds = qMax<qint64>(0, at.secsTo(QDateTime::currentDateTimeUtc()));
    return dcs::RestoreImpact::durationText(seconds);
}

} // namespace

FleetTableModel::FleetTableModel(QObject *parent)
    : KeyedTableModel([](const FleetRow &row) { return row.key(); }, nullptr, nullptr, parent) {}

int FleetTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetTableModel::sourcePhaseText(const FleetSourceState &state) {
    using Phase = FleetSourceState::Phase;
    switch (state.phase) {
    case Phase::Waiting:
        return tr("Not read yet");
    case Phase::Opening:
        return tr("Opening…");
    case Phase::Listing:
        return tr("Listing instances…");
    case Phase::Reading:
        return tr("Reading backups %1 of %2…").arg(state.readsDone).arg(state.readsTotal);
    case Phase::Done:
        return tr("Read");
    case Phase::Failed:
        return tr("Could not be read");
    case Phase::Cancelled:
        return tr("Stopped");
    }
    return {};
}

QString FleetTableModel::verdictCell(const FleetRow &row) {
    if (row.kind == FleetRow::Kind::Source)
        return sourcePhaseText(row.source);
    const dcs::FleetInstance &i = row.instance;
    if (i.reading && !i.facts)
        return tr("Reading…");
    QString text = dcs::verdictText(i.health.verdict);
    if (!i.readError.isEmpty() && !i.facts)
        text = tr("Could not be read");
    if (i.reading)
        text = tr("%1 (reading again…)").arg(text);
    return text;
}

QString FleetTableModel::reasonsCell(const FleetRow &row) {
    if (row.kind == FleetRow::Kind::Source)
        return row.source.error;
    QString text = row.instance.health.reasonText();
    if (!row.instance.readError.isEmpty()) {
        const QString failed = tr("The last read failed: %1")
                                   .arg(row.instance.readError.section(QLatin1Char('\n'), 0, 0));
        text = text.isEmpty() ? failed : failed + QLatin1Char(' ') + text;
    }
    return text;
}

QVariant FleetTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetRow &row = rowAt(index.row());
    const auto column = Column(index.column());
    const dcs::FleetInstance &i = row.instance;
    const dcs::BackupHealth &health = i.health;
    const bool instance = row.kind == FleetRow::Kind::Instance;
    const std::optional<dcs::HealthFacts> &facts = i.facts;

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Verdict:
            return verdictCell(row);
        case Name:
            if (!instance)
                return row.isError() ? row.source.error.section(QLatin1Char('\n'), 0, 0)
                                     : QString();
            return i.instance.name;
        case Profile:
            return row.profileName;
        case Region:
            return row.region;
        case Project:
            return row.projectLabel;
        case Status:
            return instance ? DisplayText::instanceStatus(i.instance.status) : QString();
        case Type:
            return instance ? dcs::instanceTypeDisplayName(i.instance.type()) : QString();
        case LastSuccess:
            if (!facts)
                return QString();
            if (!facts->lastSuccessAt.isValid())
                return tr("Never");
            return tr("%1 (%2 ago)")
                .arg(DisplayText::dateTimeMinutes(facts->lastSuccessAt), age(facts->lastSuccessAt));
        case LastStatus:
            if (!i.backupStatus.isEmpty())
                return tr("%1 %2 (started here)")
                    .arg(DisplayText::backupStatus(i.backupStatus),
                         DisplayText::percent(i.backupProgress));
            if (!facts)
                return QString();
            return facts->lastStatus.isEmpty() ? DisplayText::none()
                                               : DisplayText::backupStatus(facts->lastStatus);
        case Restorable:
            return facts ? QLocale().toString(facts->restorableCount) : QString();
        case OldestRestorable:
            return facts && facts->oldestRestorableAt.isValid()
                       ? DisplayText::dateTimeMinutes(facts->oldestRestorableAt)
                       : QString();
        case NextBackup:
            if (!facts)
                return QString();
            if (health.policyOff)
                return tr("Off");
            if (health.nextAutomaticBackupAt.isValid())
                return DisplayText::dateTimeMinutes(health.nextAutomaticBackupAt);
            return facts->policyKnown ? tr("None") : DisplayText::none();
        case Reasons:
            return reasonsCell(row);
        case Id:
            return instance ? i.instance.instanceId : QString();
        case ColumnCount:
            break;
        }
        break;
    case ModelRoles::Sort:
        switch (column) {
        case Verdict:
            // Errors first in a descending sort, then cannot-be-restored, at risk, healthy.
            return instance ? dcs::verdictSeverity(health.verdict) : (row.isError() ? 4 : -1);
        case LastSuccess:
            return facts ? facts->lastSuccessAt : QDateTime();
        case Restorable:
            return facts ? facts->restorableCount : -1;
        case OldestRestorable:
            return facts ? facts->oldestRestorableAt : QDateTime();
        case NextBackup:
            return health.nextAutomaticBackupAt;
        case Status:
            return i.instance.status;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRoles::Raw:
        switch (column) {
        case Verdict:
            return instance ? dcs::verdictKey(health.verdict) : QStringLiteral("source");
        case Status:
            return i.instance.status;
        case LastStatus:
            return facts ? facts->lastStatus : QString();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (!instance)
            return row.source.error.isEmpty() ? verdictCell(row) : row.source.error;
        if (column == Verdict || column == Reasons)
            return reasonsCell(row);
        if (column == Project)
            return row.projectId;
        if (column == Status)
            return i.instance.status;
        return data(index, Qt::DisplayRole);
    case Qt::ForegroundRole: {
        if (!instance) {
            if (row.isError() && (column == Verdict || column == Name))
                return ConsolePalette::color(ConsolePalette::Role::DangerText);
            break;
        }
        if (column != Verdict)
            break;
        switch (health.verdict) {
        case HealthVerdict::Healthy:
            return ConsolePalette::color(ConsolePalette::Role::SuccessText);
        case HealthVerdict::AtRisk:
            return ConsolePalette::color(ConsolePalette::Role::CautionText);
        case HealthVerdict::CannotRestore:
            return ConsolePalette::color(ConsolePalette::Role::DangerText);
        case HealthVerdict::Unknown:
            break;
        }
        break;
    }
    case Qt::FontRole:
        if (column == Verdict || (!instance && row.isError())) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == Restorable)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant FleetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Verdict:
        return tr("Backup health");
    case Name:
        return tr("Name");
    case Profile:
        return tr("Profile");
    case Region:
        return tr("Region");
    case Project:
        return tr("Project");
    case Status:
        return tr("Status");
    case Type:
        return tr("Type");
    case LastSuccess:
        return tr("Last successful backup");
    case LastStatus:
        return tr("Last backup");
    case Restorable:
        return tr("Restorable");
    case OldestRestorable:
        return tr("Oldest restorable");
    case NextBackup:
        return tr("Next automatic backup");
    case Reasons:
        return tr("Why");
    case Id:
        return tr("ID");
    case ColumnCount:
        break;
    }
    return {};
}

int FleetTableModel::sourceRange(const QString &sourceKey, const QStringList &sourceOrder,
                                 int *count) const {
    const QList<FleetRow> &all = rows();
    const int order = int(sourceOrder.indexOf(sourceKey));
    int first = -1;
    int found = 0;
    int insertAt = 0;
    const QString *before = nullptr; // the last other source found before it in order
    for (int r = 0; r < all.size(); ++r) {
        const QString &source = all.at(r).sourceKey;
        if (source == sourceKey) {
            if (first < 0)
                first = r;
            ++found;
        } else if (first >= 0) {
            break; // a source's rows are together
        } else if ((before && source == *before) || sourceOrder.indexOf(source) < order) {
            before = &source;
            insertAt = r + 1;
        }
    }
    *count = found;
    return first >= 0 ? first : insertAt;
}

void FleetTableModel::setSourceRows(const QString &sourceKey, const QList<FleetRow> &newRows,
                                    const QStringList &sourceOrder) {
    int count = 0;
    const int first = sourceRange(sourceKey, sourceOrder, &count);
    replaceRange(first, count, newRows);
}

void FleetTableModel::keepSources(const QStringList &sourceOrder) {
    for (int r = 0; r < rowCount();) {
        const QString source = rowAt(r).sourceKey;
        int end = r;
        while (end < rowCount() && rowAt(end).sourceKey == source)
            ++end;
        if (!sourceOrder.contains(source)) {
            replaceRange(r, end - r, {});
            continue;
        }
        r = end;
    }
}

int FleetTableModel::updateRows(const QList<FleetRow> &newRows) {
    std::vector<int> changed;
    changed.reserve(size_t(newRows.size()));
    {
        // The rows change one by one here; what changed is told below, in ranges.
        const QSignalBlocker quiet(this);
        for (const FleetRow &row : newRows) {
            const int at = rowOf(row.key());
            if (at < 0 || rowAt(at) == row)
                continue;
            update(row);
            changed.push_back(at);
        }
    }
    if (changed.empty())
        return 0;
    std::sort(changed.begin(), changed.end());
    int ranges = 0;
    size_t begin = 0;
    for (size_t i = 1; i <= changed.size(); ++i) {
        if (i < changed.size() && changed[i] - changed[i - 1] <= MergeGap)
            continue;
        Q_EMIT dataChanged(index(changed[begin], 0), index(changed[i - 1], ColumnCount - 1));
        ++ranges;
        begin = i;
    }
    return ranges;
}
