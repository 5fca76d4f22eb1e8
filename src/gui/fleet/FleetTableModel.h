#pragma once

#include "fleet/FleetTypes.h"
#include "widgets/KeyedTableModel.h"

// One row of the fleet: an instance of one source, or a source that has no instances to show
// (still opening or listing, or failed: its error row).
struct FleetRow {
    enum class Kind { Instance, Source };
    Kind kind = Kind::Instance;
    QString sourceKey;
    QString profileName; // as the window names the profile
    QString region;
    QString projectLabel; // the project's name, else its id
    QString projectId;
    dcs::FleetInstance instance;  // Kind::Instance
    dcs::FleetSourceState source; // Kind::Source (and the source of an instance row)

    QString key() const {
        return kind == Kind::Instance ? instance.key() : QStringLiteral("source:") + sourceKey;
    }
    bool isError() const {
        return kind == Kind::Source && source.phase == dcs::FleetSourceState::Phase::Failed;
    }
    // The verdict, or for a source row what stands in for one.
    dcs::HealthVerdict verdict() const { return instance.health.verdict; }
    bool operator==(const FleetRow &o) const {
        return kind == o.kind && sourceKey == o.sourceKey && profileName == o.profileName &&
               region == o.region && projectLabel == o.projectLabel && projectId == o.projectId &&
               instance == o.instance && source == o.source;
    }
};

// Qt's and the standard library's value types only (no pointer into itself): moved in memory as
// it is, so that rows put in above thousands of others move them by memmove.
Q_DECLARE_TYPEINFO(FleetRow, Q_RELOCATABLE_TYPE);

// Every instance of every chosen profile, region and project, with its backup health; plus a
// row for each source that has nothing to show (opening, listing, or failed — its error). Rows
// are grouped by source; a source's rows are replaced together, every other row stays.
class FleetTableModel : public KeyedTableModel<FleetRow> {
    Q_OBJECT
public:
    enum Column {
        Verdict,
        Name,
        Profile,
        Region,
        Project,
        Status,
        Type,
        LastSuccess,
        LastStatus,
        Restorable,
        OldestRestorable,
        NextBackup,
        Id,
        Reasons,
        ColumnCount
    };

    explicit FleetTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows of one source (placed after the sources before it in order).
    void setSourceRows(const QString &sourceKey, const QList<FleetRow> &rows,
                       const QStringList &sourceOrder);
    // Where the rows of one source are: the first and how many (*count); with none, where they
    // would go (after the sources before it in order) and *count 0.
    int sourceRange(const QString &sourceKey, const QStringList &sourceOrder, int *count) const;
    // Drops the rows of sources no longer in order.
    void keepSources(const QStringList &sourceOrder);
    // Updates the rows with the same keys as these (rows without one are left out) and signals
    // what changed in a few ranges rather than row by row: changed rows no more than
    // MergeGap rows apart are told as one range, so that a sorted view above re-sorts once per
    // range instead of once per row. The number of ranges signalled.
    int updateRows(const QList<FleetRow> &rows);
    static constexpr int MergeGap = 64;

    // The verdict in words, or what a source row says instead ("Could not be read").
    static QString verdictCell(const FleetRow &row);
    static QString reasonsCell(const FleetRow &row);
    static QString sourcePhaseText(const dcs::FleetSourceState &state);
};
