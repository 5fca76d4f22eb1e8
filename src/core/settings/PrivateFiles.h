#pragma once

#include <QByteArray>
#include <QString>

namespace dcs::privatefiles {

// The console's own data (what it remembers between runs) is for its user only: folders 0700,
// files 0600, on systems that have such permissions.

// Creates the folder and its parents when missing and makes the folder itself 0700. False with
// a translated reason in *error when it cannot be made.
bool ensureFolder(const QString &path, QString *error = nullptr);

// Writes the whole file atomically (a crash leaves the previous one) as 0600 in a 0700 folder.
// False with a translated reason in *error; nothing is left half-written.
bool write(const QString &path, const QByteArray &data, QString *error = nullptr);

} // namespace dcs::privatefiles
