#include "widgets/StatusBadgeDelegate.h"

#include "model/StatusTone.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"

#include <QPainter>
#include <QPixmap>

namespace {

QColor toneColor(dcs::StatusTone tone, const QPalette &palette) {
    using R = ConsolePalette::Role;
    switch (tone) {
    case dcs::StatusTone::Good:
        return ConsolePalette::color(R::SuccessText, palette);
    case dcs::StatusTone::Busy:
        return ConsolePalette::color(R::InfoText, palette);
    case dcs::StatusTone::Bad:
        return ConsolePalette::color(R::DangerText, palette);
    case dcs::StatusTone::Neutral:
        break;
    }
    return ConsolePalette::color(R::DisabledRowText, palette);
}

QIcon badge(const QColor &color, int size, qreal ratio) {
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return QIcon(pixmap);
}

} // namespace

void StatusBadgeDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant tone = index.data(ModelRoles::Tone);
    if (!tone.isValid() || option->text.isEmpty())
        return;
    const int size = qMax(8, option->fontMetrics.height() * 6 / 10);
    const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    option->icon = badge(toneColor(dcs::StatusTone(tone.toInt()), option->palette), size, ratio);
    option->decorationSize = QSize(size, size);
    option->features |= QStyleOptionViewItem::HasDecoration;
}
