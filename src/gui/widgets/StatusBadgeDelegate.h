#pragma once

#include <QStyledItemDelegate>

// A status cell as a coloured badge before its word: green for running or succeeded, blue for
// under way, red for failed or abnormal, grey otherwise. The colour comes from the model's
// ModelRoles::Tone and the theme's roles; the word stays the cell's text (what a screen reader
// reads and the sort and filter see).
class StatusBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
