// Words Qt 6.4 looks up under contexts that its Chinese catalogue (qtbase_zh_CN, older than
// the code) does not have: Qt's file dialog would call a folder "Folder" in a Chinese console.
// lupdate takes them into the console's own catalogue, whose translator Qt asks too. They are
// never used here; Qt asks for them with these exact contexts, texts and comments.

#include <QtGlobal>

namespace {

struct QtText {
    const char *source;
    const char *comment;
};

[[maybe_unused]] const QtText qtCatalogueGaps[] = {
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Folder", "All other platforms"),
    {QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"), nullptr},
    {QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"), nullptr},
    {QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"), nullptr},
};

} // namespace
