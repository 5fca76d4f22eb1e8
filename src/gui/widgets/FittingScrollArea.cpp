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
        if (now && widget() && widget()->isAncestorOf(now)) {
            m_revealed = nullptr;
            ensureWidgetVisible(now);
        }
    });
    // The user scrolls (wheel, bar, keys): what reveal() showed is no longer kept in view.
    for (QScrollBar *bar : {verticalScrollBar(), horizontalScrollBar()})
        connect(bar, &QAbstractSlider::actionTriggered, this, [this] { m_revealed = nullptr; });
}

void FittingScrollArea::reveal(QWidget *child) {
    if (!child || !widget() || !widget()->isAncestorOf(child))
        return;
    m_revealed = child;
    scrollToRevealed();
}

void FittingScrollArea::scrollToRevealed() {
    QWidget *child = m_revealed;
    if (!child || !widget() || !child->isVisibleTo(widget()))
        return;
    const QRect inContent(child->mapTo(widget(), QPoint(0, 0)), child->size());
    if (inContent.height() > viewport()->height())
        verticalScrollBar()->setValue(inContent.top());
    else
        ensureWidgetVisible(child, 0, 0);
}

bool FittingScrollArea::event(QEvent *event) {
    const bool handled = QScrollArea::event(event);
    // The scroll bars have their new range: the part to reveal may be reached now.
    if (event->type() == QEvent::LayoutRequest)
        scrollToRevealed();
    return handled;
}

void FittingScrollArea::resizeEvent(QResizeEvent *event) {
    QScrollArea::resizeEvent(event);
    scrollToRevealed();
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
    const bool filtered = QScrollArea::eventFilter(watched, event);
    // The content has its new size (and the scroll bars their range): its parts have moved.
    if (watched == widget() && event->type() == QEvent::Resize)
        scrollToRevealed();
    return filtered;
}
