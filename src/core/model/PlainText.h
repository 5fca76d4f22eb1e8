#pragma once

#include <QString>

namespace dcs {

namespace plaintext {
// How much of a text the service sends is kept: enough for any real value, little enough that a
// hostile answer cannot freeze a label or a table.
constexpr int WordLength = 64;       // status, engine, cache_mode, codes
constexpr int NameLength = 256;      // names, remarks, ids of other services, addresses
constexpr int LongTextLength = 2048; // descriptions, error messages
} // namespace plaintext

// Server text made safe to show as plain text: direction overrides, embeddings and isolates
// (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) are removed, so "…txt.exe" cannot show as
// "…exe.txt"; line breaks and other control characters become a space or U+FFFD; the text is cut
// to maxLength characters (never inside a surrogate pair) with "…" when it was longer.
QString plain(const QString &text, int maxLength = plaintext::NameLength);

// The text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: a right-to-left name can
// then not reorder the id or the words around it in one line.
QString isolate(const QString &text);

} // namespace dcs
