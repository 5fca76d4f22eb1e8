#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// The few colours the console adds to the system palette — for danger (production, refusals,
// errors), caution (the simulator, warnings) and success — each with a light and a dark value.
// Which one applies follows the palette's window colour, so a dark theme gets readable ones.
// Style sheets and rich text take their colours from here, never from a literal.
class ConsolePalette {
public:
    enum class Role {
        DangerFill,     // a strong red area (the production banner and badge)
        OnDangerFill,   // text on it
        DangerText,     // a red word or line on the window
        DangerSurface,  // a light red area (a refusal, an error)
        DangerBorder,   // its border
        CautionText,    // a warning on the window
        CautionSurface, // a yellow area (the simulator banner)
        CautionBorder,
        SuccessText,
        SuccessSurface, // a green area (a notice that something succeeded)
        SuccessBorder,
    };
    enum class Tone { Danger, Caution, Success };

    static bool isDark(const QPalette &palette);
    static QColor color(Role role, const QPalette &palette = currentPalette());
    // "#rrggbb", for style sheets and rich text.
    static QString name(Role role, const QPalette &palette = currentPalette());

    // A framed area in a tone: surface, border and text colour, rounded, with padding.
    static QString panelStyle(Tone tone, const QString &selector = QStringLiteral("QLabel"),
                              const QPalette &palette = currentPalette());
    // The strong red area of a production profile.
    static QString dangerFillStyle(const QString &selector = QStringLiteral("QLabel"),
                                   const QPalette &palette = currentPalette());
    // Text in a tone's colour.
    static QString textStyle(Tone tone, const QString &selector = QStringLiteral("QLabel"),
                             const QPalette &palette = currentPalette());
    // A rich-text span in a role's colour around html (inserted as it is).
    static QString span(Role role, const QString &html, const QPalette &palette = currentPalette());

private:
    static QPalette currentPalette();
};
