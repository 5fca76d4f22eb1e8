#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace dcs::privatefiles {

namespace {

constexpr QFileDevice::Permissions FolderPermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
    QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
constexpr QFileDevice::Permissions FilePermissions = QFileDevice::ReadOwner |
                                                     QFileDevice::WriteOwner |
                                                     QFileDevice::ReadUser | QFileDevice::WriteUser;

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

} // namespace dcs::privatefiles
