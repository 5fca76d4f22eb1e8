#pragma once

#include <QPointer>
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

    // Scrolls child (a part of the content that has just appeared or changed) into view: now,
    // and again each time the layout moves it (the content grows, the dialog with it), until the
    // user scrolls or moves the focus into the area. One taller than the view shows its top.
    void reveal(QWidget *child);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void childEvent(QChildEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int scrollBarExtent() const;
    // Scrolls the part given to reveal() into view, if there is one and it is shown.
    void scrollToRevealed();

    std::function<int(int)> m_minimumHeightFor;
    QWidget *m_watched = nullptr;
    QPointer<QWidget> m_revealed;
};
