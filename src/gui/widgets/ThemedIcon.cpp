#include "widgets/ThemedIcon.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>
#include <memory>

namespace {

class ThemedSvgEngine : public QIconEngine {
public:
    explicit ThemedSvgEngine(QByteArray svg)
        : m_svg(std::move(svg)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override {
        QSvgRenderer *renderer = rendererFor(mode);
        if (renderer->isValid())
            renderer->render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ThemedSvgEngine(m_svg); }
    QString key() const override { return QStringLiteral("dcs-themed-svg"); }

private:
    // The SVG parsed once per colour: every repaint of a tool bar draws its icons again.
    QSvgRenderer *rendererFor(QIcon::Mode mode) {
        const QPalette palette = QGuiApplication::palette();
        const QColor ink = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
        Drawn &drawn = m_drawn[mode == QIcon::Disabled ? 1 : 0];
        if (!drawn.renderer || drawn.ink != ink) {
            QByteArray svg = m_svg;
            svg.replace("currentColor", ink.name(QColor::HexRgb).toLatin1());
            drawn.renderer = std::make_unique<QSvgRenderer>(svg);
            drawn.ink = ink;
        }
        return drawn.renderer.get();
    }

    struct Drawn {
        QColor ink;
        std::unique_ptr<QSvgRenderer> renderer;
    };
    QByteArray m_svg;
    Drawn m_drawn[2]; // enabled (and active, selected), disabled
};

} // namespace

namespace ThemedIcon {

QIcon fromSvg(const QString &resourcePath) {
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return QIcon(resourcePath);
    return QIcon(new ThemedSvgEngine(file.readAll()));
}

} // namespace ThemedIcon
