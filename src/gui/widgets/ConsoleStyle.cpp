#include "widgets/ConsoleStyle.h"

#include "widgets/ConsolePalette.h"
#include "widgets/ThemedIcon.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace {

// a and b mixed, with weight parts of b in 100.
QColor mixed(const QColor &a, const QColor &b, int weight) {
    const auto channel = [weight](int x, int y) {
        return (x * (100 - weight) + y * weight) / 100;
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

} // namespace

ConsoleStyle::ConsoleStyle(QStyle *base)
    : QProxyStyle(base)
    , m_fusion(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0) {}

bool ConsoleStyle::install() {
    QStyle *current = QApplication::style();
    if (qobject_cast<ConsoleStyle *>(current))
        return true;
    // A new one of the same kind: QApplication deletes the style it replaces.
    QStyle *base = current ? QStyleFactory::create(current->name()) : nullptr;
    if (!base)
        return false;
    QApplication::setStyle(new ConsoleStyle(base));
    return true;
}

QIcon ConsoleStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                 const QWidget *widget) const {
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
        return ThemedIcon::fromSvg(QStringLiteral(":/icons/more-horizontal.svg"));
    case SP_ToolBarVerticalExtensionButton:
        return ThemedIcon::fromSvg(QStringLiteral(":/icons/more-vertical.svg"));
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
        return ThemedIcon::fromSvg(QStringLiteral(":/icons/close.svg"));
    case SP_TitleBarNormalButton:
        return ThemedIcon::fromSvg(QStringLiteral(":/icons/float.svg"));
    case SP_LineEditClearButton:
        return ThemedIcon::fromSvg(QStringLiteral(":/icons/clear-text.svg"));
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

QColor ConsoleStyle::indicatorFrame(const QPalette &palette) {
    if (!ConsolePalette::isDark(palette))
        return {};
    // About halfway from the window to its text: as clear on the window as on the box's own
    // base colour, and fainter where the palette's disabled text is.
    return mixed(palette.color(QPalette::Window), palette.color(QPalette::WindowText), 45);
}

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                 QPainter *painter, const QWidget *widget) const {
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if (element != PE_IndicatorCheckBox || !m_fusion || !option)
        return;
    // With the keyboard's focus Fusion draws the frame in the highlight colour: kept.
    if (option->state.testFlag(State_HasFocus) && option->state.testFlag(State_KeyboardFocusChange))
        return;
    const QColor frame = indicatorFrame(option->palette);
    if (!frame.isValid())
        return;
    // The frame Fusion has just drawn, again: the same rectangle on the same half pixels.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->translate(0.5, 0.5);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(frame));
    painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}
