#include "settings/ThemeManager.h"

#include "widgets/ConsolePalette.h"
#include "widgets/ConsoleStyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <memory>

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
    , m_systemPalette(QGuiApplication::palette()) {}

bool ThemeManager::systemIsDark() const {
    return ConsolePalette::isDark(m_systemPalette);
}

bool ThemeManager::isDark() {
    return ConsolePalette::isDark(QGuiApplication::palette());
}

void ThemeManager::apply(Theme theme) {
    // The style first (a new style resets what it polished), then the palette it draws with.
    ConsoleStyle::install();
    switch (theme) {
    case Theme::System:
        // A palette with nothing set: the platform's (and Qt follows it when it changes).
        QApplication::setPalette(QPalette());
        break;
    case Theme::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
    if (theme != m_theme) {
        m_theme = theme;
        Q_EMIT themeChanged(theme);
    }
}

QPalette ThemeManager::lightPalette() {
    // Fusion's own: a neutral light palette that every style draws well.
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QApplication::style()->standardPalette();
}

QPalette ThemeManager::darkPalette() {
    QPalette p;
    const auto set = [&p](QPalette::ColorRole role, QRgb active, QRgb disabled) {
        p.setColor(QPalette::Active, role, QColor::fromRgb(active));
        p.setColor(QPalette::Inactive, role, QColor::fromRgb(active));
        p.setColor(QPalette::Disabled, role, QColor::fromRgb(disabled));
    };
    set(QPalette::Window, 0x2d2d30, 0x2d2d30);
    set(QPalette::WindowText, 0xe8e8e8, 0x7f7f7f);
    set(QPalette::Base, 0x1f1f21, 0x262628);
    set(QPalette::AlternateBase, 0x28282b, 0x28282b);
    set(QPalette::ToolTipBase, 0x3c3c40, 0x3c3c40);
    set(QPalette::ToolTipText, 0xe8e8e8, 0x9a9a9a);
    set(QPalette::PlaceholderText, 0x8e8e8e, 0x6a6a6a);
    set(QPalette::Text, 0xe8e8e8, 0x7f7f7f);
    set(QPalette::Button, 0x38383c, 0x313134);
    set(QPalette::ButtonText, 0xe8e8e8, 0x7f7f7f);
    set(QPalette::BrightText, 0xff6b6b, 0xff6b6b);
    set(QPalette::Light, 0x505055, 0x505055);
    set(QPalette::Midlight, 0x444448, 0x444448);
    set(QPalette::Mid, 0x3a3a3e, 0x3a3a3e);
    set(QPalette::Dark, 0x1b1b1d, 0x1b1b1d);
    set(QPalette::Shadow, 0x0d0d0e, 0x0d0d0e);
    set(QPalette::Highlight, 0x2f65ca, 0x4a4a4e);
    set(QPalette::HighlightedText, 0xffffff, 0xb8b8b8);
    set(QPalette::Link, 0x8ab4f8, 0x6a7a90);
    set(QPalette::LinkVisited, 0xc58af9, 0x7a6a90);
    return p;
}
