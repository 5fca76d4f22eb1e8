#include "widgets/LeadTextLabel.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QTextLayout>
#include <QtMath>

namespace {
// Widths a label is asked about in a session: a few per window size it had.
constexpr int RememberedWidths = 16;
} // namespace

LeadTextLabel::LeadTextLabel(QWidget *parent)
    : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

LeadTextLabel::~LeadTextLabel() = default;

void LeadTextLabel::setLeadText(const QString &lead, const QString &body) {
    QString paragraph;
    if (lead.isEmpty() || body.isEmpty())
        paragraph = lead + body;
    else
        //: A banner's lead sentence (%1, in bold) and the text that follows it (%2), in one
        //: paragraph: a space between them where the language puts one after a sentence.
        paragraph = tr("%1 %2").arg(lead, body);
    const int leadStart = lead.isEmpty() ? 0 : qMax(paragraph.indexOf(lead), 0);
    if (paragraph == text() && paragraph == m_paragraph && leadStart == m_leadStart &&
        lead.size() == m_leadLength)
        return;
    m_paragraph = paragraph;
    m_leadStart = leadStart;
    m_leadLength = lead.size();
    m_layout.reset();
    // The whole paragraph, as shown: QLabel's own name for it would drop an '&' (it takes one
    // for a mnemonic).
    setAccessibleName(paragraph);
    setText(paragraph);
    updateGeometry();
    update();
}

QString LeadTextLabel::lead() const {
    return hasLead() ? text().mid(m_leadStart, m_leadLength) : QString();
}

bool LeadTextLabel::hasLead() const {
    return m_leadLength > 0 && text() == m_paragraph;
}

// QLabel's indent when it has none of its own but a frame (a style sheet's border or padding
// counts): a whole 'x' in the size, half of one between the frame and the text.
QSize LeadTextLabel::extra() const {
    const QMargins margins = contentsMargins();
    QSize around(margins.left() + margins.right() + 2 * margin(),
                 margins.top() + margins.bottom() + 2 * margin());
    int m = indent();
    if (m < 0 && frameWidth() > 0)
        m = fontMetrics().horizontalAdvance(QLatin1Char('x')) - 2 * margin();
    if (m > 0 && (alignment() & (Qt::AlignLeft | Qt::AlignRight)))
        around.rwidth() += m;
    if (m > 0 && (alignment() & (Qt::AlignTop | Qt::AlignBottom)))
        around.rheight() += m;
    return around;
}

QRect LeadTextLabel::textRect() const {
    QRect rect = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    int m = indent();
    if (m < 0 && frameWidth() > 0)
        m = fontMetrics().horizontalAdvance(QLatin1Char('x')) / 2 - margin();
    if (m <= 0)
        return rect;
    const Qt::Alignment align = QStyle::visualAlignment(layoutDirection(), alignment());
    if (align & Qt::AlignLeft)
        rect.setLeft(rect.left() + m);
    if (align & Qt::AlignRight)
        rect.setRight(rect.right() - m);
    if (align & Qt::AlignTop)
        rect.setTop(rect.top() + m);
    if (align & Qt::AlignBottom)
        rect.setBottom(rect.bottom() - m);
    return rect;
}

QTextLayout &LeadTextLabel::textLayout() const {
    if (m_layout && m_layoutText == text() && m_layoutFont == font() &&
        m_layoutWrap == wordWrap() && m_layoutDirection == layoutDirection() &&
        m_layoutAlignment == alignment())
        return *m_layout;
    m_layoutText = text();
    m_layoutFont = font();
    m_layoutWrap = wordWrap();
    m_layoutDirection = layoutDirection();
    m_layoutAlignment = alignment();
    m_layout = std::make_unique<QTextLayout>(m_layoutText, m_layoutFont, this);
    QTextOption option(QStyle::visualAlignment(m_layoutDirection, m_layoutAlignment) &
                       Qt::AlignHorizontal_Mask);
    option.setWrapMode(m_layoutWrap ? QTextOption::WordWrap : QTextOption::ManualWrap);
    option.setTextDirection(m_layoutDirection);
    m_layout->setTextOption(option);
    if (hasLead()) {
        QTextLayout::FormatRange bold;
        bold.start = m_leadStart;
        bold.length = m_leadLength;
        bold.format.setFontWeight(QFont::Bold);
        m_layout->setFormats({bold});
    }
    m_linesWidth = -1;
    m_sizes.clear();
    return *m_layout;
}

QSizeF LeadTextLabel::layOut(qreal width) const {
    QTextLayout &layout = textLayout();
    qreal height = 0;
    qreal widest = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLeadingIncluded(true);
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
        widest = qMax(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    m_linesWidth = width;
    m_linesSize = QSizeF(widest, height);
    return m_linesSize;
}

QSizeF LeadTextLabel::textSize(int width) const {
    textLayout(); // forgets the sizes of another text
    const auto known = m_sizes.constFind(width);
    if (known != m_sizes.constEnd())
        return *known;
    if (m_sizes.size() >= RememberedWidths)
        m_sizes.clear();
    const QSizeF size = layOut(width);
    m_sizes.insert(width, size);
    return size;
}

int LeadTextLabel::heightForWidth(int width) const {
    const QSize around = extra();
    const QSizeF size = textSize(qMax(width - around.width(), 0));
    return qMax(qCeil(size.height()) + around.height(), minimumHeight());
}

QSize LeadTextLabel::sizeHint() const {
    ensurePolished();
    const QSize around = extra();
    // As QLabel's: a paragraph up to 80 average characters wide, narrower while it takes only a
    // line or two at half or a quarter of that.
    const QFontMetrics metrics = fontMetrics();
    const int wide =
        qMax(qMin(metrics.averageCharWidth() * 80, maximumWidth()) - around.width(), 0);
    QSizeF size = textSize(wide);
    if (wordWrap() && size.height() < 4 * metrics.lineSpacing() && size.width() > wide / 2)
        size = textSize(wide / 2);
    if (wordWrap() && size.height() < 2 * metrics.lineSpacing() && size.width() > wide / 4)
        size = textSize(wide / 4);
    return (QSize(qCeil(size.width()), qCeil(size.height())) + around).expandedTo(minimumSize());
}

QSize LeadTextLabel::minimumSizeHint() const {
    ensurePolished();
    // As wide as its widest word, as high as one line (the whole text on one line).
    const QSizeF narrowest = textSize(0);
    const QSizeF oneLine = textSize(QWIDGETSIZE_MAX);
    return QSize(qCeil(narrowest.width()), qCeil(oneLine.height())) + extra();
}

void LeadTextLabel::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    drawFrame(&painter);
    const QRect rect = textRect();
    // The lines at this width: a question about another size may have broken them since.
    textLayout();
    const QSizeF size = m_linesWidth == rect.width() ? m_linesSize : layOut(rect.width());
    qreal top = rect.top();
    if (alignment() & Qt::AlignVCenter)
        top += qMax((rect.height() - size.height()) / 2, 0.0);
    else if (alignment() & Qt::AlignBottom)
        top += qMax(rect.height() - size.height(), 0.0);
    // The text colour of the label's palette in its state (a style sheet's colour included).
    QStyleOption option;
    option.initFrom(this);
    painter.setPen(option.palette.color(foregroundRole()));
    m_layout->draw(&painter, QPointF(rect.left(), top));
}
