#include "widgets/FittingScrollArea.h"

#include <QApplication>
#include <QChildEvent>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollBar>
#include <QStyle>

FittingScrollArea::FittingScrollArea(QWidget *parent)
    : QScrollArea(parent) {
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setFocusPolicy(Qt::NoFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // The dialog's own colour behind the content, in every theme.
    viewport()->setBackgroundRole(QPalette::Window);
    viewport()->setAutoFillBackground(false);
    // A child that gets the focus in any way (Tab from the buttons below, a mnemonic, a click)
    // is scrolled into view, not only when Tab moves inside the area.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && widget() && widget()->isAncestorOf(now))
            ensureWidgetVisible(now);
    });
}

void FittingScrollArea::setMinimumHeightFor(std::function<int(int)> minimumHeightFor) {
    m_minimumHeightFor = std::move(minimumHeightFor);
    updateGeometry();
}

int FittingScrollArea::scrollBarExtent() const {
    return verticalScrollBar()->sizeHint().width();
}

QSize FittingScrollArea::sizeHint() const {
    const int frame = 2 * frameWidth();
    if (!widget())
        return QScrollArea::sizeHint();
    const QSize content = widget()->sizeHint().expandedTo(widget()->minimumSizeHint());
    const QSize minimum = minimumSizeHint();
    return QSize(qMax(content.width() + frame, minimum.width()),
                 qMax(content.height() + frame, minimum.height()));
}

QSize FittingScrollArea::minimumSizeHint() const {
    if (!widget())
        return QScrollArea::minimumSizeHint();
    const int frame = 2 * frameWidth();
    const QSize content = widget()->minimumSizeHint();
    const int height = m_minimumHeightFor
                           ? qMin(m_minimumHeightFor(content.height()), content.height())
                           : content.height();
    return QSize(content.width() + scrollBarExtent() + frame, qMax(height, 0) + frame);
}

void FittingScrollArea::childEvent(QChildEvent *event) {
    QScrollArea::childEvent(event);
    // The content is a child of the viewport: watched once set.
    if (widget() != m_watched) {
        if (m_watched)
            m_watched->removeEventFilter(this);
        m_watched = widget();
        if (m_watched)
            m_watched->installEventFilter(this);
        updateGeometry();
    }
}

bool FittingScrollArea::eventFilter(QObject *watched, QEvent *event) {
    // The content's layout changed (a part shown or hidden, a text longer): the dialog asks
    // this area's hints again, and the content is given its new size and the scroll bars their
    // range once that layout is done, also when the area itself keeps its size.
    if (watched == widget() && event->type() == QEvent::LayoutRequest) {
        updateGeometry();
        QCoreApplication::postEvent(this, new QEvent(QEvent::LayoutRequest));
    }
    return QScrollArea::eventFilter(watched, event);
}
