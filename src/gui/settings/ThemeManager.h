#pragma once

#include "settings/ConsoleSettings.h"

#include <QObject>
#include <QPalette>

// Light or dark, applied to the whole application at once: every window and dialog repaints,
// and what takes its colours from ConsolePalette or palette() follows (ConsolePalette::follow).
// Following the system keeps the platform's own palette and lets Qt track it; Qt 6.4 has no
// QStyleHints::colorScheme, so whether the system is dark is judged from that palette. The
// widget style keeps its kind (-style on the command line keeps working) inside a ConsoleStyle,
// which draws what Fusion draws too faintly on a dark palette.
class ThemeManager : public QObject {
    Q_OBJECT
public:
    using Theme = dcs::ConsoleSettings::Theme;

    // Remembers the platform's palette, before any theme is applied.
    explicit ThemeManager(QObject *parent = nullptr);

    Theme theme() const { return m_theme; }
    void apply(Theme theme);
    // What the system uses, judged from its palette.
    bool systemIsDark() const;
    // What is shown now.
    static bool isDark();

    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void themeChanged(ThemeManager::Theme theme);

private:
    Theme m_theme = Theme::System;
    QPalette m_systemPalette;
};
