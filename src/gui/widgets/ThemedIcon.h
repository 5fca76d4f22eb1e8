#pragma once

#include <QIcon>
#include <QString>

// The console's SVG icons draw their lines in "currentColor": they are rendered with the text
// colour of the palette in use when they are painted (the disabled text colour for a disabled
// action), so they stay visible in a dark theme and follow a theme switch without being set
// again. Accent colours in the SVG stay as they are.
namespace ThemedIcon {

QIcon fromSvg(const QString &resourcePath);

} // namespace ThemedIcon
