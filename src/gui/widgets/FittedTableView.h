#pragma once

#include <QList>
#include <QTableView>
#include <functional>

class GuiSteps;

// A table whose columns can be fitted to their contents without holding the window up: the
// contents of each shown column are measured as sizeHintForColumn() measures them, one column
// per step (with long lists and their many words and badges, all columns at once took longer
// than a frame), and then `fit` runs in a step of its own, during which sizeHintForColumn()
// answers the widths measured. resizeColumnsToContents() in `fit` so gives exactly what it would
// have given in one go, without measuring again. The rows must not change meanwhile (the steps
// run one after another, before whatever is added to the steps later). wanted, when given, is
// asked at each step: nothing is measured, and fit does not run, once it says no.
class FittedTableView : public QTableView {
    Q_OBJECT
public:
    using QTableView::QTableView;

    void fitInSteps(GuiSteps *steps, std::function<void()> fit, std::function<bool()> wanted = {});

protected:
    int sizeHintForColumn(int column) const override;

private:
    QList<int> m_measured; // per column while `fit` runs; -1: not measured
};
