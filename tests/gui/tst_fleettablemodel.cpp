// The fleet table model's batched updates: many rows changed at once are told in a few ranges
// (so a sorted view re-sorts once per range), every change lands, and the sorted, filtered view
// above ends in the order and with the rows it would have after the same changes one by one.
#include "fleet/FleetSortFilterProxyModel.h"
#include "fleet/FleetTableModel.h"

#include <QSignalSpy>
#include <QtTest>

using dcs::HealthVerdict;

namespace {

const QString Source = QStringLiteral("bench|cn-north-4/p1");

FleetRow instanceRow(int n, HealthVerdict verdict = HealthVerdict::Unknown) {
    FleetRow row;
    row.kind = FleetRow::Kind::Instance;
    row.sourceKey = Source;
    row.profileName = QStringLiteral("Bench");
    row.region = QStringLiteral("cn-north-4");
    row.instance.sourceKey = Source;
    row.instance.instance.instanceId = QStringLiteral("id-%1").arg(n, 4, 10, QLatin1Char('0'));
    row.instance.instance.name = QStringLiteral("redis-%1").arg(n, 4, 10, QLatin1Char('0'));
    row.instance.health.verdict = verdict;
    return row;
}

QList<FleetRow> rows(int count) {
    QList<FleetRow> all;
    for (int n = 0; n < count; ++n)
        all.append(instanceRow(n));
    return all;
}

// The proxy's rows as instance ids, top to bottom.
QStringList shownIds(const FleetSortFilterProxyModel &proxy, const FleetTableModel &model) {
    QStringList ids;
    for (int r = 0; r < proxy.rowCount(); ++r)
        ids.append(
            model.rowAt(proxy.mapToSource(proxy.index(r, 0)).row()).instance.instance.instanceId);
    return ids;
}

} // namespace

class TestFleetTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nearRowsAreOneRange() {
        FleetTableModel model;
        model.setSourceRows(Source, rows(500), {Source});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<FleetRow> batch;
        // 10..200, every other row: all within the gap of each other.
        for (int n = 10; n <= 200; n += 2)
            batch.append(instanceRow(n, HealthVerdict::Healthy));
        QCOMPARE(model.updateRows(batch), 1);
        QCOMPARE(changed.size(), 1);
        const QModelIndex top = changed.at(0).at(0).toModelIndex();
        const QModelIndex bottom = changed.at(0).at(1).toModelIndex();
        QCOMPARE(top.row(), 10);
        QCOMPARE(bottom.row(), 200);
        QCOMPARE(top.column(), 0);
        QCOMPARE(bottom.column(), FleetTableModel::ColumnCount - 1);
        for (int n = 10; n <= 200; ++n)
            QCOMPARE(model.rowAt(n).verdict(),
                     n % 2 == 0 ? HealthVerdict::Healthy : HealthVerdict::Unknown);
    }

    void farRowsAreSeparateRanges() {
        FleetTableModel model;
        model.setSourceRows(Source, rows(500), {Source});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Given out of order: the ranges are still found.
        const QList<int> at{400, 3, 1, 2, 3 + FleetTableModel::MergeGap + 1, 499};
        QList<FleetRow> batch;
        for (int n : at)
            batch.append(instanceRow(n, HealthVerdict::AtRisk));
        QCOMPARE(model.updateRows(batch), 4);
        QCOMPARE(changed.size(), 4);
        QList<QPair<int, int>> ranges;
        for (const QList<QVariant> &signal : std::as_const(changed))
            ranges.append({signal.at(0).toModelIndex().row(), signal.at(1).toModelIndex().row()});
        const QList<QPair<int, int>> expected{
            {1, 3},
            {3 + FleetTableModel::MergeGap + 1, 3 + FleetTableModel::MergeGap + 1},
            {400, 400},
            {499, 499}};
        QCOMPARE(ranges, expected);
        for (int n : at)
            QCOMPARE(model.rowAt(n).verdict(), HealthVerdict::AtRisk);
        QCOMPARE(model.rowAt(0).verdict(), HealthVerdict::Unknown);
    }

    void nothingChangedTellsNothing() {
        FleetTableModel model;
        model.setSourceRows(Source, rows(50), {Source});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        FleetRow unknownKey = instanceRow(9999, HealthVerdict::Healthy);
        QCOMPARE(model.updateRows({instanceRow(5), instanceRow(7), unknownKey}), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.rowOf(unknownKey.key()), -1);
    }

    // The sorted, filtered view ends as it would after the same changes told row by row.
    void sortedViewAsRowByRow() {
        FleetTableModel batched;
        FleetTableModel single;
        FleetSortFilterProxyModel batchedProxy;
        FleetSortFilterProxyModel singleProxy;
        batchedProxy.setSourceModel(&batched);
        singleProxy.setSourceModel(&single);
        for (FleetSortFilterProxyModel *proxy : {&batchedProxy, &singleProxy}) {
            proxy->sort(FleetTableModel::Verdict, Qt::DescendingOrder);
            proxy->setNeedsAttention(true);
        }
        batched.setSourceRows(Source, rows(300), {Source});
        single.setSourceRows(Source, rows(300), {Source});
        QCOMPARE(batchedProxy.rowCount(), 0); // nothing needs attention yet

        QList<FleetRow> batch;
        const HealthVerdict verdicts[] = {HealthVerdict::Healthy, HealthVerdict::AtRisk,
                                          HealthVerdict::CannotRestore, HealthVerdict::Unknown};
        for (int n = 0; n < 300; n += 3)
            batch.append(instanceRow(n, verdicts[(n / 3) % 4]));
        batched.updateRows(batch);
        for (const FleetRow &row : std::as_const(batch))
            single.update(row);

        QCOMPARE(shownIds(batchedProxy, batched), shownIds(singleProxy, single));
        QCOMPARE(batchedProxy.rowCount(), 50);
        // Cannot be restored first in the descending sort, then at risk.
        const FleetRow &first =
            batched.rowAt(batchedProxy.mapToSource(batchedProxy.index(0, 0)).row());
        QCOMPARE(first.verdict(), HealthVerdict::CannotRestore);
        const FleetRow &last = batched.rowAt(
            batchedProxy.mapToSource(batchedProxy.index(batchedProxy.rowCount() - 1, 0)).row());
        QCOMPARE(last.verdict(), HealthVerdict::AtRisk);

        // And back: rows that no longer need attention leave the view.
        QList<FleetRow> healed;
        for (const FleetRow &row : std::as_const(batch))
            healed.append(instanceRow(row.instance.instance.instanceId.mid(3).toInt(),
                                      HealthVerdict::Healthy));
        batched.updateRows(healed);
        QCOMPARE(batchedProxy.rowCount(), 0);
    }

    // A source's rows go where the sources' order puts them, whole and found by id, and a new
    // list of a source replaces its rows there; the view above sees each change as rows
    // inserted or removed, and ends with every row.
    void sourcesKeepTheirPlace() {
        const QString a = QStringLiteral("a|r/p"), b = QStringLiteral("b|r/p"),
                      c = QStringLiteral("c|r/p");
        const QStringList order{a, b, c};
        const auto sourceRows = [](const QString &source, int from, int count) {
            QList<FleetRow> list;
            for (int n = from; n < from + count; ++n) {
                FleetRow row = instanceRow(n);
                row.sourceKey = row.instance.sourceKey = source;
                list.append(row);
            }
            return list;
        };
        FleetTableModel model;
        FleetSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSourceRows(a, sourceRows(a, 0, 300), order);
        model.setSourceRows(c, sourceRows(c, 1000, 400), order);
        model.setSourceRows(b, sourceRows(b, 2000, 500), order); // between the two
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(inserted.last().at(1).toInt(), 300);
        QCOMPARE(inserted.last().at(2).toInt(), 799);
        const auto expect = [&](const QList<QPair<QString, QList<FleetRow>>> &groups) {
            int at = 0;
            for (const auto &group : groups) {
                for (const FleetRow &row : group.second) {
                    QCOMPARE(model.rowAt(at).sourceKey, group.first);
                    QCOMPARE(model.rowAt(at).key(), row.key());
                    QCOMPARE(model.rowOf(row.key()), at);
                    ++at;
                }
            }
            QCOMPARE(model.rowCount(), at);
            QCOMPARE(proxy.rowCount(), at);
        };
        expect({{a, sourceRows(a, 0, 300)},
                {b, sourceRows(b, 2000, 500)},
                {c, sourceRows(c, 1000, 400)}});
        // A new list of b with other instances: replaced where it was.
        model.setSourceRows(b, sourceRows(b, 3000, 200), order);
        expect({{a, sourceRows(a, 0, 300)},
                {b, sourceRows(b, 3000, 200)},
                {c, sourceRows(c, 1000, 400)}});
        // A shorter list of the first source: the rows below keep their place and ids.
        model.setSourceRows(a, sourceRows(a, 4000, 10), order);
        expect({{a, sourceRows(a, 4000, 10)},
                {b, sourceRows(b, 3000, 200)},
                {c, sourceRows(c, 1000, 400)}});
        model.keepSources({a, c});
        expect({{a, sourceRows(a, 4000, 10)}, {c, sourceRows(c, 1000, 400)}});
    }
};

QTEST_MAIN(TestFleetTableModel)
#include "tst_fleettablemodel.moc"
