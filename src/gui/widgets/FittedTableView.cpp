#include "widgets/FittedTableView.h"

#include "widgets/GuiSteps.h"

#include <QPointer>
#include <memory>

void FittedTableView::fitInSteps(GuiSteps *steps, std::function<void()> fit,
                                 std::function<bool()> wanted) {
    const int columns = model() ? model()->columnCount() : 0;
    auto measured = std::make_shared<QList<int>>(columns, -1);
    const QPointer<FittedTableView> self(this);
    for (int column = 0; column < columns; ++column) {
        steps->add([self, measured, column, wanted] {
            if (self && (!wanted || wanted()) && !self->isColumnHidden(column))
                (*measured)[column] = self->QTableView::sizeHintForColumn(column);
        });
    }
    steps->add([self, measured, fit = std::move(fit), wanted = std::move(wanted)] {
        if (!self || (wanted && !wanted()))
            return;
        self->m_measured = *measured;
        fit();
        self->m_measured.clear();
    });
}

int FittedTableView::sizeHintForColumn(int column) const {
    if (column >= 0 && column < m_measured.size() && m_measured.at(column) >= 0)
        return m_measured.at(column);
    return QTableView::sizeHintForColumn(column);
}
