// The console's table models and the instance filter proxy, without any network.

#include "api/ApiError.h"
#include "audit/AuditTableModel.h"
#include "backups/BackupTableModel.h"
#include "instances/InstanceDetailsModel.h"
#include "instances/InstanceFilter.h"
#include "instances/InstanceSortFilterProxyModel.h"
#include "instances/InstanceTableModel.h"
#include "model/DisplayText.h"
#include "model/StatusTone.h"
#include "restore/RestoreTableModel.h"
#include "widgets/ModelRoles.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <algorithm>

namespace {

dcs::Instance makeInstance(const QString &name, const QString &id, const QString &spec,
                           const QString &status, qint64 usedMb, qint64 maxMb,
                           const QDateTime &created) {
    dcs::Instance i;
    i.name = name;
    i.instanceId = id;
    i.specCode = spec;
    i.status = status;
    i.engine = QStringLiteral("Redis");
    i.engineVersion = QStringLiteral("5.0");
    i.usedMemoryMb = usedMb;
    i.maxMemoryMb = maxMb;
    i.ip = QStringLiteral("192.168.0.%1").arg(usedMb % 250);
    i.port = 6379;
    i.createdAt = created;
    return i;
}

QList<dcs::Instance> sampleInstances() {
    const QDateTime base(QDate(2024, 5, 10), QTime(8, 0), Qt::UTC);
    // Memory and dates chosen so that text order and value order differ.
    return {makeInstance(QStringLiteral("order-cache-prod"), QStringLiteral("id-a"),
                         QStringLiteral("redis.ha.xu1.large.r2.2"), QStringLiteral("RUNNING"), 900,
                         2048, base.addDays(2)),
            makeInstance(QStringLiteral("session-store"), QStringLiteral("id-b"),
                         QStringLiteral("redis.single.xu1.tiny.256"), QStringLiteral("RUNNING"),
                         100, 256, base.addDays(10)),
            makeInstance(QStringLiteral("rank-cluster"), QStringLiteral("id-c"),
                         QStringLiteral("redis.cluster.xu1.large.r3.24"),
                         QStringLiteral("RESTORING"), 20, 24576, base.addDays(-30))};
}

QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole) {
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, col).data(role).toString();
    return values;
}

dcs::Backup makeBackup(const QString &id, const QString &status, bool supportRestore, qint64 size,
                       const QDateTime &created) {
    dcs::Backup b;
    b.backupId = id;
    b.instanceId = QStringLiteral("id-a");
    b.backupName = QStringLiteral("backup_") + id;
    b.status = status;
    b.supportRestore = supportRestore;
    b.size = size;
    b.backupType = QStringLiteral("manual");
    b.backupFormat = QStringLiteral("RDB");
    b.createdAt = created;
    return b;
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void instanceModelUnderTester() {
        InstanceTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(InstanceTableModel::ColumnCount));
        model.setInstances(sampleInstances());
        QCOMPARE(model.rowCount(), 3);

        QCOMPARE(model.index(0, InstanceTableModel::Name).data().toString(),
                 QStringLiteral("order-cache-prod"));
        QCOMPARE(model.index(0, InstanceTableModel::Engine).data().toString(),
                 QStringLiteral("Redis 5.0"));
        QCOMPARE(model.index(0, InstanceTableModel::Address).data().toString(),
                 QStringLiteral("192.168.0.150:6379"));
        QCOMPARE(model.index(0, InstanceTableModel::Status).data(ModelRoles::Raw).toString(),
                 QStringLiteral("RUNNING"));
        QVERIFY(model.index(0, InstanceTableModel::Memory)
                    .data()
                    .toString()
                    .contains(QStringLiteral("(44%)")));
        QCOMPARE(model.index(0, InstanceTableModel::Type).data(ModelRoles::Raw).toString(),
                 QStringLiteral("ha"));

        // A refresh with the same ids updates in place (no reset: the selection survives).
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QList<dcs::Instance> changed = sampleInstances();
        changed[2].status = QStringLiteral("RUNNING");
        model.setInstances(changed);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.index(2, InstanceTableModel::Status).data(ModelRoles::Raw).toString(),
                 QStringLiteral("RUNNING"));

        // A different set resets.
        changed.removeFirst();
        model.setInstances(changed);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 2);

        dcs::Instance updated = changed.first();
        updated.status = QStringLiteral("RESTORING");
        QVERIFY(model.updateInstance(updated));
        QCOMPARE(model.index(0, InstanceTableModel::Status).data(ModelRoles::Raw).toString(),
                 QStringLiteral("RESTORING"));
        updated.instanceId = QStringLiteral("not-there");
        QVERIFY(!model.updateInstance(updated));

        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.retranslate();
        QCOMPARE(headers.count(), 1);
        QCOMPARE(headers.first().at(1).toInt(), 0);
        QCOMPARE(headers.first().at(2).toInt(), int(InstanceTableModel::ColumnCount) - 1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void addressPrefersDomain() {
        dcs::Instance i = sampleInstances().first();
        i.domainName = QStringLiteral("redis-abc.dcs.huaweicloud.com");
        QCOMPARE(InstanceTableModel::addressOf(i),
                 QStringLiteral("redis-abc.dcs.huaweicloud.com:6379"));
        i.domainName.clear();
        i.ip = QStringLiteral("192.168.1.1,192.168.1.2");
        QCOMPARE(InstanceTableModel::addressOf(i), QStringLiteral("192.168.1.1,192.168.1.2"));
        i.ip.clear();
        QCOMPARE(InstanceTableModel::addressOf(i), QString());
    }

    void filterMatches_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("type"); // -1: any
        QTest::addColumn<QStringList>("expected");

        const QStringList all{QStringLiteral("order-cache-prod"), QStringLiteral("session-store"),
                              QStringLiteral("rank-cluster")};
        QTest::newRow("empty") << QString() << QString() << -1 << all;
        QTest::newRow("name part") << QStringLiteral("ORDER") << QString() << -1
                                   << QStringList{QStringLiteral("order-cache-prod")};
        QTest::newRow("id") << QStringLiteral("id-b") << QString() << -1
                            << QStringList{QStringLiteral("session-store")};
        QTest::newRow("two words, both needed")
            << QStringLiteral("cluster restoring") << QString() << -1
            << QStringList{QStringLiteral("rank-cluster")};
        QTest::newRow("two words, one misses")
            << QStringLiteral("cluster running") << QString() << -1 << QStringList{};
        QTest::newRow("ip") << QStringLiteral("192.168.0.100") << QString() << -1
                            << QStringList{QStringLiteral("session-store")};
        QTest::newRow("status") << QString() << QStringLiteral("RUNNING") << -1
                                << QStringList{QStringLiteral("order-cache-prod"),
                                               QStringLiteral("session-store")};
        QTest::newRow("type single") << QString() << QString() << int(dcs::InstanceType::Single)
                                     << QStringList{QStringLiteral("session-store")};
        QTest::newRow("status and text")
            << QStringLiteral("store") << QStringLiteral("RESTORING") << -1 << QStringList{};
    }

    void filterMatches() {
        QFETCH(QString, text);
        QFETCH(QString, status);
        QFETCH(int, type);
        QFETCH(QStringList, expected);

        InstanceFilter filter;
        filter.text = text;
        filter.status = status;
        if (type >= 0)
            filter.type = dcs::InstanceType(type);

        QStringList matched;
        for (const dcs::Instance &instance : sampleInstances()) {
            if (filter.matches(instance))
                matched << instance.name;
        }
        QCOMPARE(matched, expected);

        // The proxy shows exactly what the struct matches.
        InstanceTableModel model;
        model.setInstances(sampleInstances());
        InstanceSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setFilter(filter);
        QCOMPARE(column(proxy, InstanceTableModel::Name), expected);
        proxy.setFilter({});
        QCOMPARE(proxy.rowCount(), 3);
    }

    void proxySortsByValue() {
        InstanceTableModel model;
        model.setInstances(sampleInstances());
        InstanceSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);

        // 20 MB < 100 MB < 900 MB, although "100 MB" < "20 MB" < "900 MB" as text.
        proxy.sort(InstanceTableModel::Memory, Qt::AscendingOrder);
        QCOMPARE(column(proxy, InstanceTableModel::Name),
                 (QStringList{QStringLiteral("rank-cluster"), QStringLiteral("session-store"),
                              QStringLiteral("order-cache-prod")}));
        proxy.sort(InstanceTableModel::Memory, Qt::DescendingOrder);
        QCOMPARE(column(proxy, InstanceTableModel::Name).first(),
                 QStringLiteral("order-cache-prod"));

        // Dates by date: -30 days, +2 days, +10 days.
        proxy.sort(InstanceTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(column(proxy, InstanceTableModel::Name),
                 (QStringList{QStringLiteral("rank-cluster"), QStringLiteral("order-cache-prod"),
                              QStringLiteral("session-store")}));

        // Filter and sort together, and the filter follows a status change (dynamic).
        proxy.sort(InstanceTableModel::Name, Qt::AscendingOrder);
        InstanceFilter running;
        running.status = QStringLiteral("RUNNING");
        proxy.setFilter(running);
        QCOMPARE(
            column(proxy, InstanceTableModel::Name),
            (QStringList{QStringLiteral("order-cache-prod"), QStringLiteral("session-store")}));
        dcs::Instance restored = sampleInstances().at(2);
        restored.status = QStringLiteral("RUNNING");
        model.updateInstance(restored);
        QCOMPARE(column(proxy, InstanceTableModel::Name),
                 (QStringList{QStringLiteral("order-cache-prod"), QStringLiteral("rank-cluster"),
                              QStringLiteral("session-store")}));
    }

    // Rows with the same status keep one order between refreshes, whatever order the service
    // lists them in: a listing merges by id and leaves the rows it knows where they are.
    void equalRowsKeepTheirOrder() {
        QList<dcs::Instance> listed = sampleInstances(); // a, b running; c restoring
        dcs::Instance twin = listed.at(0);
        twin.instanceId = QStringLiteral("id-0");
        listed.append(twin);
        InstanceTableModel model;
        InstanceSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(InstanceTableModel::Status, Qt::AscendingOrder);
        const auto list = [&model](const QList<dcs::Instance> &pageByPage) {
            model.beginListing();
            model.mergeRows(pageByPage.mid(0, 2));
            model.mergeRows(pageByPage.mid(2));
            model.endListing(true);
        };
        list(listed);
        const QStringList expected{QStringLiteral("id-c"), QStringLiteral("id-a"),
                                   QStringLiteral("id-b"), QStringLiteral("id-0")};
        QCOMPARE(column(proxy, InstanceTableModel::Id), expected);
        // The next refreshes list them the other way round, then rotated.
        std::reverse(listed.begin(), listed.end());
        list(listed);
        QCOMPARE(column(proxy, InstanceTableModel::Id), expected);
        std::rotate(listed.begin(), listed.begin() + 1, listed.end());
        list(listed);
        QCOMPARE(column(proxy, InstanceTableModel::Id), expected);
        // One that changes status moves; the others keep their order.
        for (dcs::Instance &instance : listed) {
            if (instance.instanceId == QLatin1String("id-c"))
                instance.status = QStringLiteral("RUNNING");
        }
        list(listed);
        QStringList others = column(proxy, InstanceTableModel::Id);
        QVERIFY(others.removeOne(QStringLiteral("id-c")));
        QCOMPARE(others, (QStringList{QStringLiteral("id-a"), QStringLiteral("id-b"),
                                      QStringLiteral("id-0")}));
    }

    void statusesCarryABadgeTone() {
        InstanceTableModel instances;
        instances.setInstances(sampleInstances());
        QCOMPARE(instances.index(0, InstanceTableModel::Status).data(ModelRoles::Tone).toInt(),
                 int(dcs::StatusTone::Good));
        QCOMPARE(instances.index(2, InstanceTableModel::Status).data(ModelRoles::Tone).toInt(),
                 int(dcs::StatusTone::Busy));
        // Only the status column has a badge.
        QVERIFY(!instances.index(0, InstanceTableModel::Name).data(ModelRoles::Tone).isValid());
        BackupTableModel backups;
        const QDateTime at(QDate(2024, 5, 10), QTime(8, 0), Qt::UTC);
        backups.setBackups(
            {makeBackup(QStringLiteral("b1"), QStringLiteral("failed"), false, 1, at),
             makeBackup(QStringLiteral("b2"), QStringLiteral("succeed"), true, 1, at)});
        QCOMPARE(backups.index(0, BackupTableModel::Status).data(ModelRoles::Tone).toInt(),
                 int(dcs::StatusTone::Bad));
        QCOMPARE(backups.index(1, BackupTableModel::Status).data(ModelRoles::Tone).toInt(),
                 int(dcs::StatusTone::Good));
        // The reason a backup cannot be restored is readable in its cell; no code in it.
        const QString refusal = backups.index(0, BackupTableModel::Restorable).data().toString();
        QVERIFY2(refusal.startsWith(QStringLiteral("No")) &&
                     refusal.contains(QStringLiteral("Failed")),
                 qPrintable(refusal));
        QVERIFY(!refusal.contains(QStringLiteral("is_support_restore")));
        QCOMPARE(backups.index(1, BackupTableModel::Restorable).data().toString(),
                 QStringLiteral("Yes"));
    }

    void backupModelFollowsARunningBackup() {
        const QDateTime base(QDate(2024, 5, 10), QTime(8, 0), Qt::UTC);
        BackupTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(
            {makeBackup(QStringLiteral("b1"), QStringLiteral("succeed"), true, 10, base)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        dcs::Backup running = makeBackup(QStringLiteral("new"), QStringLiteral("backuping"), true,
                                         0, base.addDays(1));
        running.progress = 40.0;
        model.upsert(running);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("new")), 0); // newest on top
        // A bar while it runs.
        QCOMPARE(model.index(0, BackupTableModel::Progress).data(ModelRoles::Progress).toDouble(),
                 40.0);
        running.status = QStringLiteral("succeed");
        running.progress = 100.0;
        model.upsert(running);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.index(0, BackupTableModel::Progress).data(ModelRoles::Progress).isValid());
        QCOMPARE(model.index(0, BackupTableModel::Progress).data().toString(),
                 DisplayText::percent(100.0));
        QCOMPARE(model.headerData(BackupTableModel::Progress, Qt::Horizontal).toString(),
                 QStringLiteral("Progress"));
    }

    void auditModel() {
        AuditTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dcs::AuditRecord attempt;
        attempt.time = QDateTime(QDate(2026, 11, 20), QTime(2, 14), Qt::UTC);
        attempt.event = QStringLiteral("attempt");
        attempt.outcome = QStringLiteral("recovered");
        attempt.instanceId = QStringLiteral("i-1");
        attempt.instanceName = QStringLiteral("order-cache-prod");
        attempt.restoreId = QStringLiteral("r-1");
        dcs::AuditRecord finished = attempt;
        finished.time = attempt.time.addSecs(120);
        finished.event = QStringLiteral("finished");
        finished.outcome = QStringLiteral("failed");
        finished.finalStatus = QStringLiteral("failed");
        finished.errorCode = QStringLiteral("dcs.08.0007");
        model.setRecords({attempt, finished});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
        // Newest first.
        QCOMPARE(model.index(0, AuditTableModel::Event).data(ModelRoles::Raw).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(model.index(1, AuditTableModel::Outcome).data().toString(),
                 AuditTableModel::outcomeText(QStringLiteral("recovered")));
        QVERIFY(model.index(1, AuditTableModel::Outcome).data().toString() !=
                QStringLiteral("recovered"));
        QCOMPARE(model.index(0, AuditTableModel::Instance).data().toString(),
                 QStringLiteral("order-cache-prod"));
        QVERIFY(model.index(0, AuditTableModel::Instance)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("i-1")));
        QCOMPARE(model.index(0, AuditTableModel::ErrorCode).data(Qt::ToolTipRole).toString(),
                 dcs::explainRecordErrorCode(QStringLiteral("dcs.08.0007")));
        QCOMPARE(model.index(1, AuditTableModel::ErrorCode).data().toString(), DisplayText::none());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ModelRoles::Sort);
        proxy.sort(AuditTableModel::Time, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, AuditTableModel::Event).data(ModelRoles::Raw).toString(),
                 QStringLiteral("attempt"));
    }

    void backupModel() {
        const QDateTime base(QDate(2024, 5, 10), QTime(8, 0), Qt::UTC);
        BackupTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups({makeBackup(QStringLiteral("b1"), QStringLiteral("succeed"), true,
                                     5 * 1024 * 1024, base),
                          makeBackup(QStringLiteral("b2"), QStringLiteral("succeed"), false, 900,
                                     base.addDays(-1)),
                          makeBackup(QStringLiteral("b3"), QStringLiteral("backuping"), true,
                                     20 * 1024, base.addDays(1))});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, BackupTableModel::Format).data().toString(), QStringLiteral("RDB"));
        QCOMPARE(
            model.index(0, BackupTableModel::Size).data().toString(),
            QLocale().formattedDataSize(5 * 1024 * 1024, 2, QLocale::DataSizeTraditionalFormat));
        QCOMPARE(model.index(0, BackupTableModel::Remark).data().toString(), DisplayText::none());
        QVERIFY(model.index(0, BackupTableModel::Restorable).data(ModelRoles::Restorable).toBool());
        QVERIFY(!model.index(1, 0).data(ModelRoles::Restorable).toBool());
        QVERIFY(!model.index(2, 0).data(ModelRoles::Restorable).toBool());
        // Not restorable: the column says why.
        QVERIFY(model.index(1, BackupTableModel::Restorable).data().toString().size() > 4);
        QVERIFY(!model.index(1, BackupTableModel::Restorable)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());

        // All selectable in the main window; in the chooser only the restorable ones.
        QVERIFY(model.flags(model.index(1, 0)) & Qt::ItemIsSelectable);
        model.setOnlyRestorableSelectable(true);
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable);
        QCOMPARE(model.flags(model.index(1, 0)), Qt::NoItemFlags);
        QCOMPARE(model.flags(model.index(2, 0)), Qt::NoItemFlags);

        // Size by value: 900 B < 20 KB < 5 MB.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ModelRoles::Sort);
        proxy.sort(BackupTableModel::Size, Qt::AscendingOrder);
        QCOMPARE(column(proxy, BackupTableModel::Name, ModelRoles::Raw),
                 (QStringList{QStringLiteral("b2"), QStringLiteral("b3"), QStringLiteral("b1")}));
        proxy.sort(BackupTableModel::Created, Qt::DescendingOrder);
        QCOMPARE(column(proxy, BackupTableModel::Name, ModelRoles::Raw),
                 (QStringList{QStringLiteral("b3"), QStringLiteral("b1"), QStringLiteral("b2")}));
        QCOMPARE(model.rowOf(QStringLiteral("b3")), 2);
        QCOMPARE(model.rowOf(QStringLiteral("zz")), -1);

        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.retranslate();
        QCOMPARE(headers.count(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // The keyed plumbing every table model shares: rows found, updated, put on top and removed
    // by id, a list with the same ids updated in place, a different one reset.
    void keyedRowsByIdIsShared() {
        RestoreTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto record = [](const QString &id, const QString &status) {
            dcs::RestoreRecord r;
            r.restoreId = id;
            r.status = status;
            return r;
        };
        model.setRecords({record("r1", "succeed"), record("r2", "restoring")});
        QCOMPARE(model.rowOf(QStringLiteral("r2")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("none")), -1);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setRecords({record("r1", "succeed"), record("r2", "succeed")});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.recordAt(1).status, QStringLiteral("succeed"));

        model.upsert(record("r3", "waiting")); // new: on top, the others move down
        QCOMPARE(model.rowOf(QStringLiteral("r3")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("r1")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("r2")), 2);
        model.upsert(record("r1", "failed")); // known: in place
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.recordAt(1).status, QStringLiteral("failed"));

        QVERIFY(model.remove(QStringLiteral("r3")));
        QVERIFY(!model.remove(QStringLiteral("r3")));
        QCOMPARE(model.rowOf(QStringLiteral("r1")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("r2")), 1);

        model.setRecords({record("r9", "succeed")});
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("r1")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("r9")), 0);
        model.clear();
        QCOMPARE(model.rowOf(QStringLiteral("r9")), -1);
    }

    void restoreModel() {
        const QDateTime base(QDate(2024, 5, 10), QTime(8, 0), Qt::UTC);
        RestoreTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dcs::RestoreRecord old;
        old.restoreId = QStringLiteral("r-old");
        old.restoreName = QStringLiteral("restore_old");
        old.backupName = QStringLiteral("backup_1");
        old.status = QStringLiteral("failed");
        old.errorCode = QStringLiteral("dcs.08.0007");
        old.progress = 100;
        old.createdAt = base;
        old.updatedAt = base.addSecs(60);
        model.setRecords({old});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, RestoreTableModel::Finished).data().toString(),
                 DisplayText::dateTime(base.addSecs(60)));
        QVERIFY(model.index(0, RestoreTableModel::Status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("dcs.08.0007")));

        // A new record goes on top; the next read of it updates the row.
        dcs::RestoreRecord fresh;
        fresh.restoreId = QStringLiteral("r-new");
        fresh.status = QStringLiteral("waiting");
        fresh.createdAt = base.addDays(1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsert(fresh);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, RestoreTableModel::Name).data(ModelRoles::Raw).toString(),
                 QStringLiteral("r-new"));
        // Unfinished: no end time yet.
        QCOMPARE(model.index(0, RestoreTableModel::Finished).data().toString(),
                 DisplayText::none());

        fresh.status = QStringLiteral("restoring");
        fresh.progress = 45.5;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsert(fresh);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, RestoreTableModel::Progress).data(ModelRoles::Progress).toDouble(),
                 45.5);
        QCOMPARE(model.index(0, RestoreTableModel::Status).data(ModelRoles::Raw).toString(),
                 QStringLiteral("restoring"));
        QCOMPARE(model.rowOf(QStringLiteral("r-old")), 1);

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ModelRoles::Sort);
        proxy.sort(RestoreTableModel::Progress, Qt::AscendingOrder);
        QCOMPARE(column(proxy, RestoreTableModel::Name, ModelRoles::Raw),
                 (QStringList{QStringLiteral("r-new"), QStringLiteral("r-old")}));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void detailsModel() {
        InstanceDetailsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        dcs::Instance instance = sampleInstances().first();
        instance.cacheMode = QStringLiteral("ha");
        instance.hasShowFields = true;
        instance.availableZones = {QStringLiteral("cn-north-4a"), QStringLiteral("cn-north-4b")};
        instance.shardingCount = 3;
        instance.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
        model.setInstance(instance);
        // Grouped: identity, engine and specification, network, memory, backups, times; every
        // field in exactly one group.
        QCOMPARE(model.rowCount(), int(InstanceDetailsModel::GroupCount));
        QCOMPARE(model.columnCount(), 2);
        int fields = 0;
        QSet<QString> labels;
        for (int g = 0; g < model.rowCount(); ++g) {
            const QModelIndex group = model.index(g, 0);
            QVERIFY(InstanceDetailsModel::isGroup(group));
            QVERIFY2(!group.data().toString().isEmpty(), qPrintable(QString::number(g)));
            QVERIFY(model.rowCount(group) > 0);
            for (int row = 0; row < model.rowCount(group); ++row) {
                const QModelIndex field = model.index(row, InstanceDetailsModel::Field, group);
                QVERIFY2(!field.data().toString().isEmpty(), qPrintable(QString::number(row)));
                QVERIFY2(!model.index(row, InstanceDetailsModel::Value, group)
                              .data()
                              .toString()
                              .isEmpty(),
                         qPrintable(field.data().toString()));
                labels.insert(field.data().toString());
                ++fields;
            }
        }
        QCOMPARE(fields, int(InstanceDetailsModel::RowCount));
        QCOMPARE(model.indexOf(InstanceDetailsModel::Ip, 0).parent().row(),
                 int(InstanceDetailsModel::Network));
        QCOMPARE(model.indexOf(InstanceDetailsModel::CreatedAt, 0).parent().row(),
                 int(InstanceDetailsModel::Times));
        const auto value = [&model](InstanceDetailsModel::Row row) {
            return model.indexOf(row, InstanceDetailsModel::Value).data().toString();
        };
        QCOMPARE(value(InstanceDetailsModel::Name), QStringLiteral("order-cache-prod"));
        QCOMPARE(value(InstanceDetailsModel::CacheMode), QStringLiteral("ha"));
        QCOMPARE(value(InstanceDetailsModel::AvailableZones),
                 QStringLiteral("cn-north-4a, cn-north-4b"));
        QCOMPARE(value(InstanceDetailsModel::ShardingCount), QStringLiteral("3"));
        QCOMPARE(value(InstanceDetailsModel::Tags), QStringLiteral("env=prod"));
        // Nulls and absent optional numbers are a dash, not empty and not zero.
        QCOMPARE(value(InstanceDetailsModel::DomainName), DisplayText::none());
        QCOMPARE(value(InstanceDetailsModel::DbNumber), DisplayText::none());
        QCOMPARE(value(InstanceDetailsModel::AccessUser), DisplayText::none());
        QCOMPARE(value(InstanceDetailsModel::BackupPolicy), DisplayText::none());

        // The backup policy in words, not JSON.
        instance.instanceBackupPolicy =
            QJsonDocument::fromJson(R"({"policy":{"backup_type":"auto","save_days":7,
                "periodical_backup_plan":{"backup_at":[1,2,3,4,5,6,7],"period_type":"weekly",
                "begin_at":"02:00-03:00"}}})")
                .object();
        model.setInstance(instance);
        const QString policy = value(InstanceDetailsModel::BackupPolicy);
        QVERIFY2(!policy.contains(QLatin1Char('{')) &&
                     policy.contains(QStringLiteral("every day")) &&
                     policy.contains(QStringLiteral("7 day")),
                 qPrintable(policy));

        // The same instance again (after show) updates in place.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        instance.dbNumber = 16;
        model.setInstance(instance);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(value(InstanceDetailsModel::DbNumber), QStringLiteral("16"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
