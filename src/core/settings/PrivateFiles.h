#pragma once

#include <QByteArray>
#include <QString>

class QSaveFile;

namespace dcs::privatefiles {

// The console's own data (what it remembers between runs) is for its user only: folders 0700,
// files 0600, on systems that have such permissions.

// Creates the folder and its parents when missing and makes the folder itself 0700. False with
// a translated reason in *error when it cannot be made.
bool ensureFolder(const QString &path, QString *error = nullptr);

// Writes the whole file atomically (a crash leaves the previous one) as 0600 in a 0700 folder.
// False with a translated reason in *error; nothing is left half-written.
bool write(const QString &path, const QByteArray &data, QString *error = nullptr);

// For files in folders that may be the user's own (a --settings file, a test's folder): creates
// `folder` and its missing parents, each folder created here 0700, and leaves folders that
// already exist as they are (the home folder, say). False with a translated reason in *error.
bool makeFolder(const QString &folder, QString *error = nullptr);

// Makes sure `filePath` exists and is 0600, its missing folders created 0700: a file created
// here never exists with wider permissions, not even for a moment. An existing file is narrowed
// to 0600 too.
bool makeFile(const QString &filePath, QString *error = nullptr);

// Narrows an open QSaveFile's file to 0600 before anything is written to it.
bool restrict(QSaveFile &file);

} // namespace dcs::privatefiles
