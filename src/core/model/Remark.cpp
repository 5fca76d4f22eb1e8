#include "model/Remark.h"

#include <QTextBoundaryFinder>

namespace dcs::remark {

int utf8Bytes(const QString &text) {
    return int(text.toUtf8().size());
}

QString fit(const QString &text, int maxBytes) {
    if (utf8Bytes(text) <= maxBytes)
        return text;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype kept = 0;
    int bytes = 0;
    for (qsizetype next = finder.toNextBoundary(); next >= 0; next = finder.toNextBoundary()) {
        const int size = utf8Bytes(text.mid(kept, next - kept));
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        kept = next;
    }
    return text.left(kept);
}

} // namespace dcs::remark
