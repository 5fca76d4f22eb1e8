#pragma once

#include <QLabel>

// A word-wrapped label whose minimum (and preferred) height is what its lines need at the width
// it was given. A plain QLabel asks for one line at least, and a layout that is short of room
// takes the rest from it, so the last lines disappear; and a box layout makes the preferred
// height of anything that wraps its minimum, which the window's own minimum does not know
// about, so the layout squeezes other texts instead. This label takes part in layouts as a
// widget of fixed height for its width (no height-for-width of its own): the window's minimum
// height includes its text, and the room comes from widgets that can give it up (a table's
// rows).
class WrappingLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget *parent = nullptr);

    bool hasHeightForWidth() const override { return false; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Until the layout has given the label a width, its width says nothing (a new widget is
    // 100 pixels wide) and the height for it would ask for far too much.
    bool m_laidOut = false;
};
