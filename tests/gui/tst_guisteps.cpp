// Work the GUI thread does in pieces (GuiSteps): one step per turn of the event loop, in order,
// dropped with its queue; lists cut in chunks without losing or reordering an item; and a
// table's columns measured a column per step give exactly the widths resizeColumnsToContents()
// gives at once, without measuring again when they are applied.

#include "widgets/FittedTableView.h"
#include "widgets/GuiSteps.h"

#include <QHeaderView>
#include <QPointer>
#include <QStandardItemModel>
#include <QTest>

namespace {

// Counts what the views ask of it, to see that the widths are not measured twice.
class CountingModel : public QStandardItemModel {
public:
    using QStandardItemModel::QStandardItemModel;
    QVariant data(const QModelIndex &index, int role) const override {
        ++reads;
        return QStandardItemModel::data(index, role);
    }
    mutable int reads = 0;
};

// Rows of text of many widths, so that every column has its own widest cell.
void fill(QStandardItemModel &model, int rows, int columns) {
    model.setColumnCount(columns);
    for (int column = 0; column < columns; ++column)
        model.setHeaderData(column, Qt::Horizontal, QStringLiteral("Column %1").arg(column));
    for (int row = 0; row < rows; ++row) {
        QList<QStandardItem *> items;
        for (int column = 0; column < columns; ++column)
            items << new QStandardItem(
                QString(((row * 7 + column * 13) % 29) + 1, QLatin1Char('a' + column)));
        model.appendRow(items);
    }
}

QList<int> widthsOf(const QTableView &view) {
    QList<int> widths;
    for (int column = 0; column < view.model()->columnCount(); ++column)
        widths << view.columnWidth(column);
    return widths;
}

} // namespace

class TestGuiSteps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // What was posted while a step ran is handled before the next step: each step has a turn
    // of the event loop to itself.
    void stepsRunInOrderOnePerTurn() {
        GuiSteps steps;
        QStringList log;
        for (int i = 0; i < 4; ++i) {
            steps.add([&log, &steps, i] {
                log << QStringLiteral("step %1").arg(i);
                QMetaObject::invokeMethod(
                    &steps, [&log, i] { log << QStringLiteral("posted %1").arg(i); },
                    Qt::QueuedConnection);
                if (i == 1) // a step added by a step comes after those already there
                    steps.add([&log] { log << QStringLiteral("added"); });
            });
        }
        QCOMPARE(steps.pending(), 4);
        QVERIFY(log.isEmpty()); // nothing runs before the event loop does
        QTRY_COMPARE(steps.pending(), 0);
        QTRY_COMPARE(log.size(), 9);
        QCOMPARE(log, (QStringList{"step 0", "posted 0", "step 1", "posted 1", "step 2", "posted 2",
                                   "step 3", "posted 3", "added"}));
    }

    void stepsGoWithTheQueue() {
        int ran = 0;
        auto *steps = new GuiSteps;
        steps->add([&ran] { ++ran; });
        steps->add([&ran] { ++ran; });
        delete steps;
        QTest::qWait(50);
        QCOMPARE(ran, 0);

        // A step may delete what owns the queue: the steps after it are dropped.
        auto *owner = new QObject;
        QPointer<GuiSteps> owned = new GuiSteps(owner);
        owned->add([&ran] { ++ran; });
        owned->add([&ran, owner] {
            ++ran;
            delete owner;
        });
        owned->add([&ran] { ran += 100; });
        QTRY_VERIFY(owned.isNull());
        QTest::qWait(50);
        QCOMPARE(ran, 2);
    }

    void chunksKeepEveryItemInOrder() {
        QCOMPARE(chunksOf(QList<int>{}, 3).size(), 0);
        const QList<int> three{1, 2, 3};
        const QList<QList<int>> whole = chunksOf(three, 3);
        QCOMPARE(whole.size(), 1);
        QVERIFY(whole.constFirst().isSharedWith(three)); // not copied
        QCOMPARE(chunksOf(three, 0), QList<QList<int>>{three});
        QList<int> many;
        for (int i = 0; i < 2501; ++i)
            many << i;
        const QList<QList<int>> chunks = chunksOf(many, 1000);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(chunks.at(0).size(), 1000);
        QCOMPARE(chunks.at(1).size(), 1000);
        QCOMPARE(chunks.at(2).size(), 501);
        QList<int> joined;
        for (const QList<int> &chunk : chunks)
            joined << chunk;
        QCOMPARE(joined, many);
    }

    void fitInStepsGivesTheWidthsOfAFitAtOnce_data() {
        QTest::addColumn<bool>("stretchLast");
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("hideOne");
        QTest::newRow("plain") << false << 500 << false;
        QTest::newRow("last stretched") << true << 500 << false;
        QTest::newRow("fewer rows than the sample") << true << 40 << false;
        QTest::newRow("a hidden column") << false << 500 << true;
    }
    void fitInStepsGivesTheWidthsOfAFitAtOnce() {
        QFETCH(bool, stretchLast);
        QFETCH(int, rows);
        QFETCH(bool, hideOne);
        CountingModel model;
        fill(model, rows, 6);
        const auto setUp = [&](FittedTableView &view) {
            view.setModel(&model);
            view.horizontalHeader()->setResizeContentsPrecision(200);
            view.horizontalHeader()->setStretchLastSection(stretchLast);
            if (hideOne)
                view.setColumnHidden(2, true);
            view.resize(500, 300);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
        };
        FittedTableView atOnce;
        setUp(atOnce);
        atOnce.resizeColumnsToContents();

        FittedTableView stepped;
        setUp(stepped);
        const QList<int> before = widthsOf(stepped);
        GuiSteps steps;
        int readsWhileFitting = -1;
        bool fitted = false;
        stepped.fitInSteps(&steps, [&] {
            const int reads = model.reads;
            stepped.resizeColumnsToContents();
            readsWhileFitting = model.reads - reads;
            fitted = true;
        });
        QCOMPARE(steps.pending(), model.columnCount() + 1);
        QCOMPARE(widthsOf(stepped), before); // nothing changes until the last step
        QTRY_VERIFY(fitted);
        QCOMPARE(widthsOf(stepped), widthsOf(atOnce));
        QCOMPARE(readsWhileFitting, 0); // the widths measured in the steps, not measured again
        // Later the same as ever, and alike after a resize.
        stepped.resize(700, 300);
        atOnce.resize(700, 300);
        QTRY_COMPARE(widthsOf(stepped), widthsOf(atOnce));
        const int reads = model.reads;
        QCOMPARE(stepped.columnWidth(0), atOnce.columnWidth(0));
        stepped.resizeColumnToContents(0);
        QVERIFY(model.reads > reads); // measured again when asked outside a stepped fit
    }

    void fitInStepsDoesNothingWhenNoLongerWanted() {
        QStandardItemModel model;
        fill(model, 50, 4);
        FittedTableView view;
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QList<int> before = widthsOf(view);
        GuiSteps steps;
        bool wanted = true;
        bool fitted = false;
        view.fitInSteps(
            &steps,
            [&] {
                view.resizeColumnsToContents();
                fitted = true;
            },
            [&] { return wanted; });
        wanted = false;
        QTRY_COMPARE(steps.pending(), 0);
        QVERIFY(!fitted);
        QCOMPARE(widthsOf(view), before);
    }
};

QTEST_MAIN(TestGuiSteps)
#include "tst_guisteps.moc"
