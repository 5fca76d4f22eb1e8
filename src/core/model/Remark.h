#pragma once

#include <QString>

namespace dcs::remark {

// The remark of a backup or a restore: at most 128 bytes of UTF-8. The contract says "128
// characters"; counting bytes is what holds whichever way the service counts (a Chinese
// character is three bytes, an emoji four).
constexpr int MaxBytes = 128;

int utf8Bytes(const QString &text);
// The longest start of text that fits in maxBytes of UTF-8, cut between characters as a reader
// sees them (grapheme clusters): never inside a surrogate pair, an emoji sequence or a letter
// with its accents.
QString fit(const QString &text, int maxBytes = MaxBytes);

} // namespace dcs::remark
