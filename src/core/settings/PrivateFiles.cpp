#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

namespace dcs::privatefiles {

namespace {

constexpr QFileDevice::Permissions FolderPermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
    QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
constexpr QFileDevice::Permissions FilePermissions = QFileDevice::ReadOwner |
                                                     QFileDevice::WriteOwner |
                                                     QFileDevice::ReadUser | QFileDevice::WriteUser;

QString folderError(const QString &folder) {
    return QCoreApplication::translate("dcs::PrivateFiles", "The folder %1 cannot be created.")
        .arg(QDir::toNativeSeparators(folder));
}

} // namespace

bool ensureFolder(const QString &path, QString *error) {
    if (!QDir().mkpath(path)) {
        if (error)
            *error =
                QCoreApplication::translate("dcs::PrivateFiles", "The folder %1 cannot be created.")
                    .arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!QFile::setPermissions(path, FolderPermissions)) {
        if (error)
            *error = QCoreApplication::translate("dcs::PrivateFiles",
                                                 "The folder %1 cannot be made private.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool write(const QString &path, const QByteArray &data, QString *error) {
    if (!ensureFolder(QFileInfo(path).absolutePath(), error))
        return false;
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    // The temporary file is the one renamed into place: private before a byte is written.
    if (ok)
        ok = file.setPermissions(FilePermissions);
    if (ok)
        ok = file.write(data) == data.size();
    if (ok)
        ok = file.commit();
    else
        file.cancelWriting();
    if (!ok && error)
        *error = QCoreApplication::translate("dcs::PrivateFiles", "%1 cannot be written: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    return ok;
}

bool makeFolder(const QString &folder, QString *error) {
    const QString path = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    // The folders that are missing, outermost first.
    QStringList missing;
    for (QString at = path; !at.isEmpty() && !QFileInfo::exists(at);) {
        missing.prepend(at);
        const QString up = QFileInfo(at).path();
        if (up == at)
            break;
        at = up;
    }
    for (const QString &dir : std::as_const(missing)) {
        // mkdir with 0700 from the start: no moment where the folder is open to others.
        if (!QDir().mkdir(dir, FolderPermissions) && !QFileInfo(dir).isDir()) {
            if (error)
                *error = folderError(dir);
            return false;
        }
    }
    if (!QFileInfo(path).isDir()) {
        if (error)
            *error = folderError(path);
        return false;
    }
    return true;
}

bool makeFile(const QString &filePath, QString *error) {
    const QFileInfo info(filePath);
    if (!makeFolder(info.absolutePath(), error))
        return false;
    QFile file(filePath);
    if (!info.exists()) {
        // Created with 0600 by open() itself; NewOnly: a file made meanwhile is not truncated.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, FilePermissions) &&
            !file.exists()) {
            if (error)
                *error =
                    QCoreApplication::translate("dcs::PrivateFiles", "%1 cannot be created: %2")
                        .arg(QDir::toNativeSeparators(filePath), file.errorString());
            return false;
        }
        file.close();
    }
    if (QFileInfo(filePath).isFile() && !file.setPermissions(FilePermissions)) {
        if (error)
            *error =
                QCoreApplication::translate("dcs::PrivateFiles", "%1 cannot be made private: %2")
                    .arg(QDir::toNativeSeparators(filePath), file.errorString());
        return false;
    }
    return true;
}

bool restrict(QSaveFile &file) {
    return file.setPermissions(FilePermissions);
}

} // namespace dcs::privatefiles
