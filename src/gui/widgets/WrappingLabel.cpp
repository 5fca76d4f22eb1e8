#include "WrappingLabel.h"

#include <QResizeEvent>

WrappingLabel::WrappingLabel(QWidget *parent)
    : QLabel(parent) {
    setWordWrap(true);
}

QSize WrappingLabel::sizeHint() const {
    QSize hint = QLabel::sizeHint();
    if (m_laidOut && wordWrap())
        hint.setHeight(minimumSizeHint().height());
    return hint;
}

QSize WrappingLabel::minimumSizeHint() const {
    QSize hint = QLabel::minimumSizeHint();
    if (m_laidOut && wordWrap() && !text().isEmpty())
        hint.setHeight(qMax(hint.height(), heightForWidth(width())));
    return hint;
}

void WrappingLabel::resizeEvent(QResizeEvent *event) {
    QLabel::resizeEvent(event);
    const bool first = !m_laidOut;
    m_laidOut = true;
    // Another width, another number of lines: the layout asks again. The height alone does not
    // change what is needed, and asking on it would lay out again for nothing.
    if (first || event->size().width() != event->oldSize().width())
        updateGeometry();
}
