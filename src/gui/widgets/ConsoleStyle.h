#pragma once

#include <QProxyStyle>

// The application's widget style (Fusion, or the one given with -style) with what it draws too
// faintly on a dark palette drawn plainer. Fusion draws a check box's frame a little darker than
// the window (QPalette::Window darker by 40 %, whatever the palette): on a dark window that frame
// all but vanishes, and an unticked box shows as a faint square. On a dark palette this style
// draws Fusion's frame again in a colour between the window and its text; on a light one, and
// with any other style, nothing changes.
class ConsoleStyle : public QProxyStyle {
    Q_OBJECT
public:
    // Takes base (a new style, as QStyleFactory::create gives).
    explicit ConsoleStyle(QStyle *base);

    // Makes the application's style a ConsoleStyle around a new one of the same kind, once;
    // false when that kind cannot be made again (a style set from code, not by name).
    static bool install();

    // The colour of a check box's frame on palette (in its current colour group) when the
    // style draws it itself; invalid when the base style's own frame is kept.
    static QColor indicatorFrame(const QPalette &palette);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    // The small icons every window builds (the tool bar's and menu bar's extension, a dock's
    // close and float buttons, a line edit's clear button) come from the console's own SVGs in
    // the text colour of the theme: visible on a dark palette too, and no image reader (with its
    // plugins) before the first frame. Others are the base style's.
    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

private:
    bool m_fusion = false;
};
