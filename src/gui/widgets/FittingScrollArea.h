#pragma once

#include <QScrollArea>
#include <functional>

// A frameless, resizable scroll area for the upper part of a dialog (everything above its
// buttons) that asks for its content's whole size, not the 36×24 lines of any scroll area: the
// dialog looks as without it while its content fits. Its minimum width is the content's (plus a
// vertical scroll bar: no sideways scrolling); its minimum height is what minimumHeightFor()
// makes of the content's minimum height — e.g. that height, but no more than the screen leaves
// once the dialog's buttons have their row: the dialog then grows up to its screen and no further,
// and what does not fit scrolls, the buttons stay in sight. It takes no focus, so the Tab order
// is the dialog's; a child that gets the focus is scrolled into view.
class FittingScrollArea : public QScrollArea {
    Q_OBJECT
public:
    explicit FittingScrollArea(QWidget *parent = nullptr);

    // Given the content's minimum height, the area's; unset: the content's.
    void setMinimumHeightFor(std::function<int(int contentMinimum)> minimumHeightFor);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void childEvent(QChildEvent *event) override;

private:
    int scrollBarExtent() const;

    std::function<int(int)> m_minimumHeightFor;
    QWidget *m_watched = nullptr;
};
