// KeyedSortFilterProxyModel keeps sort keys per row and works on long lists off the GUI thread;
// the order and the rows it shows must be exactly QSortFilterProxyModel's with the settings the
// tables had (Sort role, locale-aware), in every column, both orders, several languages, with the
// instance filter, and after rows come, change and go — also while work is running on a worker.

#include "backups/BackupTableModel.h"
#include "instances/InstanceFilter.h"
#include "instances/InstanceSortFilterProxyModel.h"
#include "instances/InstanceTableModel.h"
#include "widgets/KeyedSortFilterProxyModel.h"
#include "widgets/ModelRoles.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {

// What the tables had before: QSortFilterProxyModel on the Sort role, the instance filter as a
// plain predicate.
class ReferenceProxy : public QSortFilterProxyModel {
public:
    explicit ReferenceProxy(InstanceTableModel *instances = nullptr)
        : m_instances(instances) {
        setSortRole(ModelRoles::Sort);
        setSortCaseSensitivity(Qt::CaseInsensitive);
        setSortLocaleAware(true);
    }
    void setInstanceFilter(const InstanceFilter &filter) {
        m_filter = filter;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override {
        return !m_instances || parent.isValid() || m_filter.matches(m_instances->instanceAt(row));
    }

private:
    InstanceTableModel *m_instances;
    InstanceFilter m_filter;
};

QStringList idsOf(const QAbstractItemModel &proxy) {
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(ModelRoles::Raw).toString() +
                   proxy.index(row, 1).data().toString();
    return ids;
}

// Whether two sort values are equal as QSortFilterProxyModel compares them (locale-aware text).
bool sameSortValue(const QVariant &left, const QVariant &right) {
    if (left.userType() == QMetaType::QString || right.userType() == QMetaType::QString)
        return QString::localeAwareCompare(left.toString(), right.toString()) == 0;
    return QVariant::compare(left, right) == QPartialOrdering::Equivalent;
}

// After rows came back or changed, QSortFilterProxyModel places each among the rows of equal value
// by where its insertion happens to land; the proxy keeps them in their last order. So: the same
// rows, and at every position a row of the same sort value. Empty when so, else the first
// difference.
QString sameRowsInOrder(const QAbstractItemModel &proxy, const QAbstractItemModel &reference,
                        int column) {
    if (proxy.rowCount() != reference.rowCount())
        return QStringLiteral("%1 rows, expected %2")
            .arg(proxy.rowCount())
            .arg(reference.rowCount());
    QStringList ids = idsOf(proxy);
    QStringList expected = idsOf(reference);
    for (int row = 0; column >= 0 && row < proxy.rowCount(); ++row) {
        const QVariant value = proxy.index(row, column).data(ModelRoles::Sort);
        const QVariant want = reference.index(row, column).data(ModelRoles::Sort);
        if (!sameSortValue(value, want))
            return QStringLiteral("row %1: %2 (%3), expected %4 (%5)")
                .arg(row)
                .arg(value.toString(), ids.at(row), want.toString(), expected.at(row));
    }
    ids.sort();
    expected.sort();
    if (ids != expected)
        return QStringLiteral("not the same rows");
    return {};
}

const QStringList &names() {
    static const QStringList list{
        QStringLiteral("order-cache-prod"),
        QStringLiteral("Order-Cache-Prod"),
        QStringLiteral("orders"),
        QStringLiteral("ä-cache"),
        QStringLiteral("a-cache"),
        QStringLiteral("B cache"),
        QStringLiteral("b-cache"),
        QStringLiteral("会话缓存"),
        QStringLiteral("订单缓存"),
        QStringLiteral("cache 10"),
        QStringLiteral("cache 9"),
        QString(),
        QStringLiteral("É"),
        QStringLiteral("e"),
        QStringLiteral("ẞ straße"),
        QStringLiteral("STRASSE"),
        QStringLiteral("\U0001F600 smile"),
        QStringLiteral("_under"),
    };
    return list;
}

dcs::Instance randomInstance(QRandomGenerator &random, int n) {
    static const QStringList statuses{QStringLiteral("RUNNING"), QStringLiteral("RESTORING"),
                                      QStringLiteral("ERROR"), QStringLiteral("CREATING"),
                                      QStringLiteral("running")};
    static const QStringList modes{QStringLiteral("single"), QStringLiteral("ha"),
                                   QStringLiteral("cluster"), QStringLiteral("proxy"), QString()};
    dcs::Instance i;
    i.instanceId = QStringLiteral("id-%1").arg(n, 5, 10, QLatin1Char('0'));
    i.name = names().at(random.bounded(int(names().size())));
    i.status = statuses.at(random.bounded(int(statuses.size())));
    i.cacheMode = modes.at(random.bounded(int(modes.size())));
    i.engine = random.bounded(5) == 0 ? QString() : QStringLiteral("Redis");
    i.engineVersion = random.bounded(3) == 0 ? QString() : QStringLiteral("%1.0").arg(4 + n % 3);
    i.usedMemoryMb = random.bounded(7) == 0 ? -1 : random.bounded(5000);
    i.maxMemoryMb = 8192;
    i.ip = random.bounded(4) == 0 ? QString() : QStringLiteral("192.168.0.%1").arg(n % 13);
    i.port = 6379;
    i.specCode = QStringLiteral("redis.%1.xu1").arg(i.cacheMode);
    i.createdAt =
        random.bounded(9) == 0
            ? QDateTime()
            : QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(random.bounded(40) * 3600);
    return i;
}

dcs::Backup randomBackup(QRandomGenerator &random, int n) {
    static const QStringList statuses{QStringLiteral("succeed"), QStringLiteral("failed"),
                                      QStringLiteral("waiting"), QStringLiteral("backuping"),
                                      QStringLiteral("expired")};
    dcs::Backup b;
    b.backupId = QStringLiteral("b-%1").arg(n, 5, 10, QLatin1Char('0'));
    b.instanceId = QStringLiteral("id-a");
    b.backupName = names().at(random.bounded(int(names().size())));
    b.remark = names().at(random.bounded(int(names().size())));
    b.status = statuses.at(random.bounded(int(statuses.size())));
    b.supportRestore = random.bounded(2) == 0;
    b.size = random.bounded(6) == 0 ? -1 : random.bounded(100000);
    b.progress = random.bounded(5) == 0 ? -1.0 : random.bounded(10000) / 100.0;
    b.backupType = random.bounded(2) ? QStringLiteral("manual") : QStringLiteral("auto");
    b.backupFormat = random.bounded(3) ? QStringLiteral("rdb") : QStringLiteral("AOF");
    b.createdAt =
        random.bounded(9) == 0
            ? QDateTime()
            : QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(random.bounded(40) * 60);
    return b;
}

// Rows known by an id, shown in one column, with no sort keys: a column the model cannot sort.
struct PlainRow {
    QString id;
    bool operator==(const PlainRow &other) const { return id == other.id; }
};

class PlainModel : public KeyedTableModel<PlainRow> {
public:
    PlainModel()
        : KeyedTableModel<PlainRow>([](const PlainRow &row) { return row.id; }) {}
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : 1;
    }
    QVariant data(const QModelIndex &index, int role) const override {
        return role == Qt::DisplayRole ? QVariant(rowAt(index.row()).id) : QVariant();
    }
};

bool settle(KeyedSortFilterProxyModel &proxy) {
    return QTest::qWaitFor([&] { return !proxy.isOrdering(); }, 30000);
}

} // namespace

class TestSortFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void instancesAsBefore_data();
    void instancesAsBefore();
    void backupsAsBefore_data();
    void backupsAsBefore();
    void filterAsBefore_data();
    void filterAsBefore();
    void changesWhileWorking();
    void pagesThatGoBelowAreInsertedThere();
    void onlyChangedRowsAreSignalled();
    void newLanguageSortsAgain_data();
    void newLanguageSortsAgain();
    void selectionFollowsTheRow();
    void columnWithoutKeysKeepsTheSourceOrder();
};

// Sorted by a column the model gives no keys for, the view keeps the source's order (it read
// keys that were not there before).
void TestSortFilter::columnWithoutKeysKeepsTheSourceOrder() {
    PlainModel model;
    model.setRows({{QStringLiteral("b")}, {QStringLiteral("a")}, {QStringLiteral("c")}});
    KeyedSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::AscendingOrder);
    QVERIFY(settle(proxy));
    QCOMPARE(proxy.rowCount(), 3);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown << proxy.index(row, 0).data().toString();
    QCOMPARE(shown, QStringList({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
}

void TestSortFilter::instancesAsBefore_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("synchronousLimit");
    for (const char *locale : {"en_US", "zh_CN", "de_DE", "C"}) {
        QTest::addRow("%s, on the GUI thread", locale) << QString::fromLatin1(locale) << 100000;
        QTest::addRow("%s, on a worker", locale) << QString::fromLatin1(locale) << 0;
    }
}

void TestSortFilter::instancesAsBefore() {
    QFETCH(QString, locale);
    QFETCH(int, synchronousLimit);
    QLocale::setDefault(QLocale(locale));
    QRandomGenerator random(42);
    InstanceTableModel model;
    QList<dcs::Instance> rows;
    for (int n = 0; n < 400; ++n)
        rows.append(randomInstance(random, n));
    model.setInstances(rows);
    InstanceSortFilterProxyModel proxy;
    proxy.setSynchronousLimit(synchronousLimit);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    ReferenceProxy reference;
    reference.setSourceModel(&model);
    for (int column = 0; column < InstanceTableModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            reference.sort(column, order);
            QVERIFY(settle(proxy));
            QCOMPARE(idsOf(proxy), idsOf(reference));
        }
    }
}

void TestSortFilter::backupsAsBefore_data() {
    instancesAsBefore_data();
}

void TestSortFilter::backupsAsBefore() {
    QFETCH(QString, locale);
    QFETCH(int, synchronousLimit);
    QLocale::setDefault(QLocale(locale));
    QRandomGenerator random(7);
    BackupTableModel model;
    QList<dcs::Backup> rows;
    for (int n = 0; n < 400; ++n)
        rows.append(randomBackup(random, n));
    model.setBackups(rows);
    KeyedSortFilterProxyModel proxy;
    proxy.setSynchronousLimit(synchronousLimit);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    ReferenceProxy reference;
    reference.setSourceModel(&model);
    for (int column = 0; column < BackupTableModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            reference.sort(column, order);
            QVERIFY(settle(proxy));
            QCOMPARE(idsOf(proxy), idsOf(reference));
        }
    }
}

// Pages of a list newest first, sorted by date: each page's rows go under the rows already
// there and are signalled as inserted there, not as a new layout; a page whose rows fall among
// the others is a new layout. The order is QSortFilterProxyModel's either way.
void TestSortFilter::pagesThatGoBelowAreInsertedThere() {
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    const auto page = [&](int first, int count, int step) {
        QList<dcs::Backup> rows;
        for (int n = first; n < first + count; ++n) {
            dcs::Backup b;
            b.backupId = QStringLiteral("b-%1").arg(n, 5, 10, QLatin1Char('0'));
            b.backupName = QStringLiteral("backup %1").arg(n);
            b.status = QStringLiteral("succeed");
            b.createdAt = start.addSecs(-qint64(n) * step);
            rows.append(b);
        }
        return rows;
    };
    BackupTableModel model;
    KeyedSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(BackupTableModel::Created, Qt::DescendingOrder);
    ReferenceProxy reference;
    reference.setSourceModel(&model);
    reference.sort(BackupTableModel::Created, Qt::DescendingOrder);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    model.beginListing();
    for (int p = 0; p < 5; ++p) {
        model.mergeRows(page(p * 100, 100, 60));
        QVERIFY(settle(proxy));
        QCOMPARE(inserted.size(), p + 1);
        QCOMPARE(inserted.last().at(1).toInt(), p * 100); // under the rows there
        QCOMPARE(inserted.last().at(2).toInt(), p * 100 + 99);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(idsOf(proxy), idsOf(reference));
    }
    // Rows whose dates fall among those shown: placed among them, as a new layout.
    QList<dcs::Backup> among = page(1000, 10, 1);
    for (int i = 0; i < among.size(); ++i)
        among[i].createdAt = start.addSecs(-qint64(i) * 3000 - 30);
    model.mergeRows(among);
    QVERIFY(settle(proxy));
    QCOMPARE(layouts.size(), 1);
    QCOMPARE(idsOf(proxy), idsOf(reference));
    model.endListing(true);
    QCOMPARE(proxy.rowCount(), 510);
}

void TestSortFilter::filterAsBefore_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("type"); // -1: any
    QTest::newRow("nothing") << ""
                             << "" << -1;
    QTest::newRow("one word") << "cache"
                              << "" << -1;
    QTest::newRow("any case") << "ORDER"
                              << "" << -1;
    QTest::newRow("two words") << "cache 9"
                               << "" << -1;
    QTest::newRow("accents stay") << "ä"
                                  << "" << -1;
    QTest::newRow("sharp s") << "STRASSE"
                             << "" << -1;
    QTest::newRow("capital sharp s") << "ß"
                                     << "" << -1;
    QTest::newRow("chinese") << "缓存"
                             << "" << -1;
    QTest::newRow("emoji") << "\U0001F600"
                           << "" << -1;
    QTest::newRow("address") << "192.168.0.1"
                             << "" << -1;
    QTest::newRow("across fields does not count") << "prod\nid"
                                                  << "" << -1;
    QTest::newRow("status") << ""
                            << "RUNNING" << -1;
    QTest::newRow("status any case") << ""
                                     << "running" << -1;
    QTest::newRow("type") << ""
                          << "" << int(dcs::InstanceType::Cluster);
    QTest::newRow("all three") << "redis"
                               << "RUNNING" << int(dcs::InstanceType::MasterStandby);
    QTest::newRow("nothing matches") << "no-such-thing"
                                     << "" << -1;
}

void TestSortFilter::filterAsBefore() {
    QFETCH(QString, text);
    QFETCH(QString, status);
    QFETCH(int, type);
    QRandomGenerator random(3);
    InstanceTableModel model;
    QList<dcs::Instance> rows;
    for (int n = 0; n < 300; ++n)
        rows.append(randomInstance(random, n));
    model.setInstances(rows);
    InstanceFilter filter;
    filter.text = text;
    filter.status = status;
    if (type >= 0)
        filter.type = dcs::InstanceType(type);
    for (const int limit : {100000, 0}) {
        InstanceSortFilterProxyModel proxy;
        proxy.setSynchronousLimit(limit);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(InstanceTableModel::Name);
        proxy.setFilter(filter);
        ReferenceProxy reference(&model);
        reference.setSourceModel(&model);
        reference.sort(InstanceTableModel::Name);
        reference.setInstanceFilter(filter);
        QVERIFY(settle(proxy));
        QCOMPARE(idsOf(proxy), idsOf(reference));
        // And back to nothing.
        proxy.setFilter({});
        reference.setInstanceFilter({});
        QVERIFY(settle(proxy));
        const QString difference = sameRowsInOrder(proxy, reference, InstanceTableModel::Name);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
}

// Rows that come, change and go, also while the order is worked out on a worker, end where
// QSortFilterProxyModel puts them.
void TestSortFilter::changesWhileWorking() {
    QRandomGenerator random(11);
    InstanceTableModel model;
    QList<dcs::Instance> rows;
    int next = 0;
    for (; next < 3000; ++next)
        rows.append(randomInstance(random, next));
    model.setInstances(rows);
    InstanceSortFilterProxyModel proxy;
    proxy.setSynchronousLimit(1000);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    InstanceFilter filter;
    int column = -1;
    auto order = Qt::AscendingOrder;
    // QSortFilterProxyModel's own dynamic sorting can leave rows out of order after such changes:
    // the reference sorts and filters the rows afresh.
    const auto differenceFromReference = [&] {
        ReferenceProxy reference(&model);
        reference.setSourceModel(&model);
        reference.setInstanceFilter(filter);
        reference.sort(column, order);
        return sameRowsInOrder(proxy, reference, column);
    };
    for (int round = 0; round < 12; ++round) {
        column = random.bounded(int(InstanceTableModel::ColumnCount));
        order = random.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder;
        proxy.sort(column, order);
        if (round % 3 == 1) {
            filter.text = round % 2 ? QStringLiteral("cache") : QStringLiteral("e");
            proxy.setFilter(filter);
        }
        // While the work runs: a batch of new rows, changed rows, one on top, one gone.
        model.beginListing();
        QList<dcs::Instance> batch;
        for (int i = 0; i < 300; ++i)
            batch.append(randomInstance(random, next++));
        for (int i = 0; i < 200; ++i) {
            dcs::Instance changed = model.instanceAt(random.bounded(model.rowCount()));
            changed.name = names().at(random.bounded(int(names().size())));
            changed.usedMemoryMb = random.bounded(5000);
            changed.status = QStringLiteral("RESTORING");
            batch.append(changed);
        }
        model.mergeRows(batch);
        model.upsert(randomInstance(random, next++));
        model.remove(model.instanceAt(random.bounded(model.rowCount())).instanceId);
        QVERIFY(settle(proxy));
        const QString difference = differenceFromReference();
        QVERIFY2(difference.isEmpty(),
                 qPrintable(QStringLiteral("round %1: ").arg(round) + difference));
    }
    // A listing that ends complete removes what it did not bring.
    model.beginListing();
    model.mergeRows(model.instances().mid(0, 2000));
    model.endListing(true);
    QCOMPARE(model.rowCount(), 2000);
    QVERIFY(settle(proxy));
    const QString difference = differenceFromReference();
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSortFilter::onlyChangedRowsAreSignalled() {
    QRandomGenerator random(5);
    InstanceTableModel model;
    QList<dcs::Instance> rows;
    for (int n = 0; n < 50; ++n)
        rows.append(randomInstance(random, n));
    model.setInstances(rows);
    InstanceSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(InstanceTableModel::Name);
    QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy sourceChanged(&model, &QAbstractItemModel::dataChanged);
    // The same list again: nothing changed, nothing signalled.
    model.beginListing();
    model.mergeRows(rows);
    model.endListing(true);
    model.setInstances(rows);
    QCOMPARE(sourceChanged.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(layout.count(), 0);
    // One status: one row repainted where it is (the name, which it sorts by, is the same).
    dcs::Instance one = rows.at(7);
    one.status =
        one.status == QLatin1String("ERROR") ? QStringLiteral("RUNNING") : QStringLiteral("ERROR");
    QVERIFY(model.updateInstance(one));
    QCOMPARE(sourceChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(layout.count(), 0);
    const QModelIndex at = changed.constFirst().at(0).toModelIndex();
    QCOMPARE(proxy.mapToSource(at).row(), 7);
    // A new name moves it: one layout change.
    one.name = QStringLiteral("zzz last");
    QVERIFY(model.updateInstance(one));
    QCOMPARE(layout.count(), 1);
    ReferenceProxy reference;
    reference.setSourceModel(&model);
    reference.sort(InstanceTableModel::Name);
    const QString difference = sameRowsInOrder(proxy, reference, InstanceTableModel::Name);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSortFilter::newLanguageSortsAgain_data() {
    QTest::addColumn<int>("rows");
    QTest::newRow("short list, on the GUI thread") << 300;
    QTest::newRow("long list, on a worker") << 5000;
}

// Swedish puts "ä" after "z", English beside "a": after the switch the rows are in Swedish order.
void TestSortFilter::newLanguageSortsAgain() {
    QFETCH(int, rows);
    QRandomGenerator random(13);
    InstanceTableModel model;
    QList<dcs::Instance> list;
    for (int n = 0; n < rows; ++n)
        list.append(randomInstance(random, n));
    model.setInstances(list);
    InstanceSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(InstanceTableModel::Name);
    QVERIFY(settle(proxy));
    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
    model.retranslate();
    QVERIFY(settle(proxy));
    ReferenceProxy reference;
    reference.setSourceModel(&model);
    reference.sort(InstanceTableModel::Name);
    const QString difference = sameRowsInOrder(proxy, reference, InstanceTableModel::Name);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // It did move: "ä-cache" now comes after "STRASSE" (in English it came before).
    int strasse = -1, umlaut = -1;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString name = proxy.index(row, InstanceTableModel::Name).data().toString();
        if (name == QLatin1String("STRASSE"))
            strasse = row;
        if (name == QStringLiteral("ä-cache") && umlaut < 0)
            umlaut = row;
    }
    QVERIFY(strasse >= 0 && umlaut >= 0);
    QVERIFY(umlaut > strasse);
}

// The selection stays on its instance when the rows move, and goes when the row goes.
void TestSortFilter::selectionFollowsTheRow() {
    QRandomGenerator random(9);
    InstanceTableModel model;
    QList<dcs::Instance> rows;
    for (int n = 0; n < 3000; ++n)
        rows.append(randomInstance(random, n));
    model.setInstances(rows);
    InstanceSortFilterProxyModel proxy;
    proxy.setSynchronousLimit(0);
    proxy.setSourceModel(&model);
    proxy.sort(InstanceTableModel::Name);
    QVERIFY(settle(proxy));
    QItemSelectionModel selection(&proxy);
    const QModelIndex chosen = proxy.index(1234, 0);
    const QString id = proxy.index(1234, InstanceTableModel::Id).data().toString();
    selection.select(chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.setCurrentIndex(chosen, QItemSelectionModel::NoUpdate);
    proxy.sort(InstanceTableModel::Memory, Qt::DescendingOrder);
    QVERIFY(settle(proxy));
    QCOMPARE(selection.selectedRows().size(), 1);
    const QModelIndex selected = selection.selectedRows().constFirst();
    QCOMPARE(selected.siblingAtColumn(InstanceTableModel::Id).data().toString(), id);
    QCOMPARE(selection.currentIndex().siblingAtColumn(InstanceTableModel::Id).data().toString(),
             id);
    QVERIFY(model.remove(id));
    QVERIFY(selection.selectedRows().isEmpty());
}

QTEST_MAIN(TestSortFilter)
#include "tst_sortfilter.moc"
