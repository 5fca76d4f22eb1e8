#include "widgets/ConsolePalette.h"

#include <QGuiApplication>

namespace {

struct Pair {
    QRgb light;
    QRgb dark;
};

Pair pairOf(ConsolePalette::Role role) {
    using R = ConsolePalette::Role;
    switch (role) {
    case R::DangerFill:
        return {0xb3261e, 0x8c1d18};
    case R::OnDangerFill:
        return {0xffffff, 0xffffff};
    case R::DangerText:
        return {0x8a1c12, 0xffb4ab};
    case R::DangerSurface:
        return {0xfdf1f0, 0x3b1714};
    case R::DangerBorder:
        return {0xe0a39e, 0x8c3a33};
    case R::CautionText:
        return {0x6b4a00, 0xf0c060};
    case R::CautionSurface:
        return {0xfff4ce, 0x3a3000};
    case R::CautionBorder:
        return {0xe3c565, 0x7a6420};
    case R::SuccessText:
        return {0x1d6b2c, 0x8fd19e};
    case R::SuccessSurface:
        return {0xe6f4ea, 0x12301b};
    case R::SuccessBorder:
        return {0x9fd3ae, 0x2f6b3f};
    }
    return {0x000000, 0xffffff};
}

struct ToneRoles {
    ConsolePalette::Role text;
    ConsolePalette::Role surface;
    ConsolePalette::Role border;
};

ToneRoles rolesOf(ConsolePalette::Tone tone) {
    using R = ConsolePalette::Role;
    switch (tone) {
    case ConsolePalette::Tone::Danger:
        return {R::DangerText, R::DangerSurface, R::DangerBorder};
    case ConsolePalette::Tone::Caution:
        return {R::CautionText, R::CautionSurface, R::CautionBorder};
    case ConsolePalette::Tone::Success:
        break;
    }
    return {R::SuccessText, R::SuccessSurface, R::SuccessBorder};
}

} // namespace

QPalette ConsolePalette::currentPalette() {
    return QGuiApplication::palette();
}

bool ConsolePalette::isDark(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor ConsolePalette::color(Role role, const QPalette &palette) {
    const Pair pair = pairOf(role);
    return QColor::fromRgb(isDark(palette) ? pair.dark : pair.light);
}

QString ConsolePalette::name(Role role, const QPalette &palette) {
    return color(role, palette).name(QColor::HexRgb);
}

QString ConsolePalette::panelStyle(Tone tone, const QString &selector, const QPalette &palette) {
    const ToneRoles roles = rolesOf(tone);
    return QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; "
                          "border-radius: 4px; padding: 6px 10px; }")
        .arg(selector, name(roles.surface, palette), name(roles.text, palette),
             name(roles.border, palette));
}

QString ConsolePalette::dangerFillStyle(const QString &selector, const QPalette &palette) {
    return QStringLiteral("%1 { background: %2; color: %3; border-radius: 4px; "
                          "padding: 6px 10px; }")
        .arg(selector, name(Role::DangerFill, palette), name(Role::OnDangerFill, palette));
}

QString ConsolePalette::textStyle(Tone tone, const QString &selector, const QPalette &palette) {
    return QStringLiteral("%1 { color: %2; }").arg(selector, name(rolesOf(tone).text, palette));
}

QString ConsolePalette::span(Role role, const QString &html, const QPalette &palette) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(name(role, palette), html);
}
