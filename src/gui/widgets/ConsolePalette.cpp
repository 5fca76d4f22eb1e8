#include "widgets/ConsolePalette.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPointer>
#include <QWidget>

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
    case R::InfoText:
        return {0x1f5fa8, 0x8ab4f8};
    case R::ProductionFill:
        return {0xb3261e, 0x8c1d18};
    case R::OnProductionFill:
        return {0xffffff, 0xffffff};
    case R::DemoSurface:
        return {0xfff4ce, 0x3a3000};
    case R::DemoBorder:
        return {0xe3c565, 0x7a6420};
    case R::DemoText:
        return {0x6b4a00, 0xf0c060};
    case R::DisabledRowText:
        return {0x8a8a8a, 0x7c7c7c};
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

// Tells when the application's palette changed. QApplication sends that to itself (widgets with
// a style sheet of their own are not told), so one filter on it is enough; it goes with it.
class PaletteWatcher : public QObject {
    Q_OBJECT
public:
    static PaletteWatcher *instance() {
        static QPointer<PaletteWatcher> watcher;
        if (!watcher && QCoreApplication::instance())
            watcher = new PaletteWatcher(QCoreApplication::instance());
        return watcher;
    }

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == QCoreApplication::instance() &&
            event->type() == QEvent::ApplicationPaletteChange)
            Q_EMIT changed();
        return false;
    }

private:
    explicit PaletteWatcher(QObject *app)
        : QObject(app) {
        app->installEventFilter(this);
    }
};

} // namespace

void ConsolePalette::follow(QObject *context, std::function<void()> restyle) {
    restyle();
    if (PaletteWatcher *watcher = PaletteWatcher::instance())
        QObject::connect(watcher, &PaletteWatcher::changed, context, restyle);
}

void ConsolePalette::restyle(QWidget *widget, const QString &styleSheet) {
    if (widget->styleSheet() != styleSheet)
        widget->setStyleSheet(styleSheet);
}

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
        .arg(selector, name(Role::ProductionFill, palette), name(Role::OnProductionFill, palette));
}

QString ConsolePalette::demoStyle(const QString &selector, const QPalette &palette) {
    return QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; "
                          "border-radius: 4px; padding: 6px 10px; }")
        .arg(selector, name(Role::DemoSurface, palette), name(Role::DemoText, palette),
             name(Role::DemoBorder, palette));
}

QString ConsolePalette::dangerFrameStyle(const QString &selector, const QPalette &palette) {
    return QStringLiteral("%1 { border: 1px solid %2; }")
        .arg(selector, name(Role::DangerText, palette));
}

QString ConsolePalette::textStyle(Tone tone, const QString &selector, const QPalette &palette) {
    return QStringLiteral("%1 { color: %2; }").arg(selector, name(rolesOf(tone).text, palette));
}

QString ConsolePalette::span(Role role, const QString &html, const QPalette &palette) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(name(role, palette), html);
}

#include "ConsolePalette.moc"
