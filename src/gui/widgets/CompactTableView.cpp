#include "CompactTableView.h"

#include <QHeaderView>

CompactTableView::CompactTableView(QWidget *parent)
    : QTableView(parent) {}

void CompactTableView::setMinimumRows(int rows) {
    m_rows = qMax(1, rows);
    updateGeometry();
}

int CompactTableView::rowsHeight() const {
    const int header = horizontalHeader()->isHidden() ? 0 : horizontalHeader()->sizeHint().height();
    return header + m_rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
}

QSize CompactTableView::sizeHint() const {
    return {QTableView::sizeHint().width(), rowsHeight()};
}

QSize CompactTableView::minimumSizeHint() const {
    return {QTableView::minimumSizeHint().width(), rowsHeight()};
}
