#pragma once

#include <QHash>
#include <QLabel>
#include <memory>

class QTextLayout;

// A word-wrapped paragraph of plain text whose first sentence, its lead, is drawn bold: a
// banner's headline and what it explains, wrapped together as one paragraph. It needs no rich
// text, so no QTextDocument is built for its size or its painting (what a QLabel with rich text
// does): the paragraph is one QTextLayout with the lead's range in bold, shaped once and broken
// into lines again for each width asked about. The text is taken as typed — a name with "<b>"
// or "&" in it shows and is read as it is.
//
// text() is the whole paragraph, and so is the accessible name: a screen reader reads the lead
// and the body together. Set the text with setLeadText(); QLabel::setText() leaves a paragraph
// without a lead.
class LeadTextLabel : public QLabel {
    Q_OBJECT
public:
    explicit LeadTextLabel(QWidget *parent = nullptr);
    ~LeadTextLabel() override;

    // The lead, then the body in the same paragraph (with a space between them where the
    // language puts one).
    void setLeadText(const QString &lead, const QString &body);
    QString lead() const;

    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool hasLead() const;
    // What the frame, the style sheet's border and padding, the margin and the indent take
    // around the text in the label's size, as QLabel counts them; and where the text goes.
    QSize extra() const;
    QRect textRect() const;
    // The paragraph, shaped: made again only when what it shows or how changed.
    QTextLayout &textLayout() const;
    // Breaks the paragraph into lines of this width: the height of the lines, the width of the
    // widest.
    QSizeF layOut(qreal width) const;
    // The same, remembered: layouts ask for the same few widths again and again.
    QSizeF textSize(int width) const;

    QString m_paragraph;
    int m_leadStart = 0;
    int m_leadLength = 0;
    mutable std::unique_ptr<QTextLayout> m_layout;
    // What m_layout was made for.
    mutable QString m_layoutText;
    mutable QFont m_layoutFont;
    mutable bool m_layoutWrap = true;
    mutable Qt::LayoutDirection m_layoutDirection = Qt::LeftToRight;
    mutable Qt::Alignment m_layoutAlignment;
    // The width its lines were last broken at; the sizes at the widths asked about.
    mutable qreal m_linesWidth = -1;
    mutable QSizeF m_linesSize;
    mutable QHash<int, QSizeF> m_sizes;
};
