#pragma once

#include <QLabel>

// A word-wrapped label whose minimum height is what its lines need at the width it was given.
// A plain QLabel asks for one line at least, so a layout short of room (a dialog made smaller,
// a larger font, a longer translation) squeezes it and the last lines disappear; this one
// makes the window's minimum height include its text, and a layout takes the room from
// widgets that can give it up (a table's rows) instead.
class WrappingLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappingLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Until the layout has given the label a width, its width says nothing (a new widget is
    // 100 pixels wide) and the height for it would ask for far too much.
    bool m_laidOut = false;
};
