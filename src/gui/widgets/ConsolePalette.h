#pragma once

#include <QColor>
#include <QPalette>
#include <QString>
#include <functional>

class QObject;
class QWidget;

// The few colours the console adds to the palette, by what they mean — errors, warnings,
// success, a running job, the production and demo banners, rows that cannot be chosen — each
// with a light and a dark value. Which one applies follows the palette's window colour, so a
// dark theme (the system's or the console's own) gets readable ones. Style sheets and rich text
// take their colours from here or from palette(), never from a literal.
class ConsolePalette {
public:
    enum class Role {
        DangerFill,     // a strong red area (a production badge)
        OnDangerFill,   // text on it
        DangerText,     // an error: a red word or line on the window
        DangerSurface,  // a light red area (a refusal, an error)
        DangerBorder,   // its border
        CautionText,    // a warning on the window
        CautionSurface, // a yellow area
        CautionBorder,
        SuccessText,
        SuccessSurface, // a green area (a notice that something succeeded)
        SuccessBorder,
        InfoText,         // something under way (restoring, backing up)
        ProductionFill,   // the production banner and badge
        OnProductionFill, // text on it
        DemoSurface,      // the Demo (local simulator) banner
        DemoBorder,
        DemoText,
        DisabledRowText, // a row that cannot be chosen (a backup that cannot be restored)
    };
    enum class Tone { Danger, Caution, Success };

    static bool isDark(const QPalette &palette);
    static QColor color(Role role, const QPalette &palette = currentPalette());
    // "#rrggbb", for style sheets and rich text.
    static QString name(Role role, const QPalette &palette = currentPalette());

    // A framed area in a tone: surface, border and text colour, rounded, with padding.
    static QString panelStyle(Tone tone, const QString &selector = QStringLiteral("QLabel"),
                              const QPalette &palette = currentPalette());
    // The strong area of a production profile.
    static QString dangerFillStyle(const QString &selector = QStringLiteral("QLabel"),
                                   const QPalette &palette = currentPalette());
    // The banner of the Demo profile.
    static QString demoStyle(const QString &selector = QStringLiteral("QLabel"),
                             const QPalette &palette = currentPalette());
    // The frame of a field whose input cannot be taken as it is.
    static QString dangerFrameStyle(const QString &selector = QStringLiteral("QLineEdit"),
                                    const QPalette &palette = currentPalette());
    // Text in a tone's colour.
    static QString textStyle(Tone tone, const QString &selector = QStringLiteral("QLabel"),
                             const QPalette &palette = currentPalette());
    // A rich-text span in a role's colour around html (inserted as it is).
    static QString span(Role role, const QString &html, const QPalette &palette = currentPalette());

    // Calls restyle now, and again each time the application's palette changes (the console's
    // theme setting, or the system's theme while it is followed), as long as context lives.
    // Style sheets hold colours, so whatever sets one with a colour from here re-sets it so.
    static void follow(QObject *context, std::function<void()> restyle);
    // Sets widget's style sheet, unless it has this one already. For what is hidden most of the
    // time (a banner, a notice, the error panel): set as the widget shows, and from follow()
    // only while it does — a style sheet is parsed, and the widget's sizes are worked out again,
    // as soon as it is set, shown or not.
    static void restyle(QWidget *widget, const QString &styleSheet);

private:
    static QPalette currentPalette();
};
