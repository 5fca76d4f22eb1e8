#pragma once

#include <QTableView>

// A table that asks for a few rows (its header and minimumRows() rows) instead of the fixed
// 256×192 pixels of any scroll area: in a dialog short of room, the texts around it keep their
// lines and the table gives up rows, down to those few; given room, it grows with its stretch.
class CompactTableView : public QTableView {
    Q_OBJECT
public:
    explicit CompactTableView(QWidget *parent = nullptr);

    int minimumRows() const { return m_rows; }
    void setMinimumRows(int rows);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    int rowsHeight() const;

    int m_rows = 4;
};
