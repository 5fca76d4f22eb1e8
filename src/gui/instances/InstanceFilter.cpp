#include "instances/InstanceFilter.h"

#include "model/Instance.h"

#include <QStringList>
#include <algorithm>

namespace {

QStringList searchedFields(const dcs::Instance &instance) {
    return {instance.name,   instance.instanceId,    instance.ip,     instance.domainName,
            instance.engine, instance.engineVersion, instance.status, instance.specCode};
}

// Each character case-folded on its own, as QString::contains(…, Qt::CaseInsensitive) compares
// them: a folded text contains a folded word exactly when the text contains the word ignoring
// case.
QString folded(const QString &text) {
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t folded = QChar::toCaseFolded(QChar::surrogateToUcs4(c, text.at(i + 1)));
            for (const QChar part : QChar::fromUcs4(folded))
                result.append(part);
            ++i;
            continue;
        }
        result.append(c.toCaseFolded());
    }
    return result;
}

constexpr QChar FieldSeparator = QLatin1Char('\n');

} // namespace

QString InstanceFilter::searchText(const dcs::Instance &instance) {
    return folded(searchedFields(instance).join(FieldSeparator));
}

QStringList InstanceFilter::foldedWords() const {
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &word : words)
        word = folded(word);
    return words;
}

bool InstanceFilter::matchesFacts(const dcs::Instance &instance) const {
    if (!status.isEmpty() && instance.status.compare(status, Qt::CaseInsensitive) != 0)
        return false;
    if (type && instance.type() != *type)
        return false;
    return true;
}

bool InstanceFilter::matches(const dcs::Instance &instance, const QString &searchText,
                             const QStringList &foldedWords) const {
    if (!matchesFacts(instance))
        return false;
    for (const QString &word : foldedWords) {
        if (!searchText.contains(word))
            return false;
        // Found across two fields (the word holds the separator): only a field itself counts.
        if (word.contains(FieldSeparator)) {
            const QStringList fields = searchedFields(instance);
            if (std::none_of(fields.cbegin(), fields.cend(),
                             [&](const QString &field) { return folded(field).contains(word); }))
                return false;
        }
    }
    return true;
}

bool InstanceFilter::matches(const dcs::Instance &instance) const {
    return matches(instance, searchText(instance), foldedWords());
}
