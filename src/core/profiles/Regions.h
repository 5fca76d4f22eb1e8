#pragma once

#include <QString>
#include <QStringList>

namespace dcs {

// Huawei Cloud's regions as its consoles name them (cn-north-4 is "CN North-Beijing4" in the
// English console and 华北-北京四 in the Chinese one). The ids are what the API and the endpoints
// use; the names are for people, in the current language.
namespace regions {

// The ids, most used first.
QStringList ids();
// The name in the current language; empty for an id not in the table.
QString name(const QString &id);
// "cn-north-4 — CN North-Beijing4"; the id alone when its name is not known.
QString idWithName(const QString &id);

} // namespace regions
} // namespace dcs
