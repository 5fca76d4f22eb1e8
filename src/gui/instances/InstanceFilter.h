#pragma once

#include "model/InstanceType.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace dcs {
struct Instance;
}

// What the instance list is narrowed to. Plain data with no Qt model in it, so it can move to
// core (and be turned into a server-side query) later without touching the proxy.
struct InstanceFilter {
    // Words that must all appear (case-insensitive) in the name, id, address, engine or status.
    QString text;
    // API status, e.g. RUNNING; empty: any.
    QString status;
    std::optional<dcs::InstanceType> type;

    bool isEmpty() const { return text.trimmed().isEmpty() && status.isEmpty() && !type; }
    bool matches(const dcs::Instance &instance) const;

    // The same, with the instance's searched text made once (searchText) and the words of the
    // filter case-folded once (foldedWords): what the list uses, row after row.
    static QString searchText(const dcs::Instance &instance);
    QStringList foldedWords() const;
    bool matches(const dcs::Instance &instance, const QString &searchText,
                 const QStringList &foldedWords) const;

    bool operator==(const InstanceFilter &other) const {
        return text == other.text && status == other.status && type == other.type;
    }
    bool operator!=(const InstanceFilter &other) const { return !(*this == other); }

private:
    bool matchesFacts(const dcs::Instance &instance) const;
};
