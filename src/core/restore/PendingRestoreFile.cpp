#include "restore/PendingRestoreFile.h"

#include "model/JsonRead.h"
#include "settings/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtDebug>

namespace dcs {

namespace {

QJsonObject toJson(const PendingRestore &r) {
    QJsonObject o;
    o.insert(QLatin1String("profile_id"), r.profileId);
    o.insert(QLatin1String("instance_id"), r.instanceId);
    o.insert(QLatin1String("instance_name"), r.instanceName);
    o.insert(QLatin1String("restore_id"), r.restoreId);
    o.insert(QLatin1String("backup_id"), r.backupId);
    o.insert(QLatin1String("backup_name"), r.backupName);
    o.insert(QLatin1String("started_at"), json::formatDateTime(r.startedAt));
    o.insert(QLatin1String("profile_name"), r.profileName);
    // Which project it belongs to, audited or not: a profile may look after several.
    if (!r.region.isEmpty())
        o.insert(QLatin1String("region"), r.region);
    if (!r.projectId.isEmpty())
        o.insert(QLatin1String("project_id"), r.projectId);
    if (r.audited) {
        o.insert(QLatin1String("audited"), true);
        o.insert(QLatin1String("remark"), r.remark);
        o.insert(QLatin1String("safety_backup_id"), r.safetyBackupId);
    }
    return o;
}

PendingRestore fromJson(const QJsonObject &o) {
    auto text = [&o](const char *name) {
        const QString value = json::string(o.value(QLatin1String(name)));
        return value.isNull() ? QString(QLatin1String("")) : value;
    };
    PendingRestore r;
    r.profileId = text("profile_id");
    r.instanceId = text("instance_id");
    r.instanceName = text("instance_name");
    r.restoreId = text("restore_id");
    r.backupId = text("backup_id");
    r.backupName = text("backup_name");
    r.startedAt = json::dateTime(o.value(QLatin1String("started_at")));
    // Entries written before the audit fields existed are followed but not audited.
    r.audited = o.value(QLatin1String("audited")).toBool(false);
    r.profileName = text("profile_name");
    r.region = text("region");
    r.projectId = text("project_id");
    if (r.audited) {
        r.remark = text("remark");
        r.safetyBackupId = text("safety_backup_id");
    }
    return r;
}

bool sameText(const QString &a, const QString &b) {
    return a.isEmpty() ? b.isEmpty() : a == b;
}

// An entry whose outcome was unknown and that this newly known restore resolves.
bool resolvedBy(const PendingRestore &unknown, const PendingRestore &known) {
    return unknown.restoreId.isEmpty() && !known.restoreId.isEmpty() &&
           unknown.profileId == known.profileId && unknown.instanceId == known.instanceId &&
           unknown.backupId == known.backupId;
}

} // namespace

bool PendingRestore::operator==(const PendingRestore &o) const {
    return sameText(profileId, o.profileId) && sameText(instanceId, o.instanceId) &&
           sameText(instanceName, o.instanceName) && sameText(restoreId, o.restoreId) &&
           sameText(backupId, o.backupId) && sameText(backupName, o.backupName) &&
           startedAt == o.startedAt && audited == o.audited &&
           sameText(profileName, o.profileName) && sameText(region, o.region) &&
           sameText(projectId, o.projectId) && sameText(remark, o.remark) &&
           sameText(safetyBackupId, o.safetyBackupId);
}

PendingRestoreFile::PendingRestoreFile(QString filePath)
    : m_filePath(std::move(filePath)) {}

QString PendingRestoreFile::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("pending-restores.json"));
}

QList<PendingRestore> PendingRestoreFile::load() const {
    QList<PendingRestore> list;
    QFile file(m_filePath);
    if (!file.exists())
        return list;
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Pending restores: cannot open %s: %s", qPrintable(m_filePath),
                 qPrintable(file.errorString()));
        return list;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        // Losing the list only means restores are not followed again; never a reason to stop.
        qWarning("Pending restores: %s is damaged and is ignored", qPrintable(m_filePath));
        return list;
    }
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            continue;
        const PendingRestore restore = fromJson(value.toObject());
        if (restore.profileId.isEmpty() || restore.instanceId.isEmpty())
            continue;
        list.append(restore);
    }
    return list;
}

bool PendingRestoreFile::add(const PendingRestore &restore) {
    QList<PendingRestore> list = load();
    list.removeIf([&restore](const PendingRestore &r) {
        if (resolvedBy(r, restore))
            return true;
        if (!restore.restoreId.isEmpty())
            return r.profileId == restore.profileId && r.restoreId == restore.restoreId;
        return r == restore;
    });
    list.append(restore);
    return save(list);
}

bool PendingRestoreFile::remove(const QString &profileId, const QString &restoreId) {
    QList<PendingRestore> list = load();
    const qsizetype removed = list.removeIf([&](const PendingRestore &r) {
        return r.profileId == profileId && r.restoreId == restoreId;
    });
    return removed == 0 || save(list);
}

bool PendingRestoreFile::remove(const PendingRestore &restore) {
    QList<PendingRestore> list = load();
    const qsizetype removed = list.removeAll(restore);
    return removed == 0 || save(list);
}

bool PendingRestoreFile::save(const QList<PendingRestore> &list) const {
    const QFileInfo info(m_filePath);
    if (!privatefiles::makeFolder(info.absolutePath())) {
        qWarning("Pending restores: cannot create %s", qPrintable(info.absolutePath()));
        return false;
    }
    QJsonArray array;
    for (const PendingRestore &restore : list)
        array.append(toJson(restore));
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qWarning("Pending restores: cannot write %s: %s", qPrintable(m_filePath),
                 qPrintable(file.errorString()));
        return false;
    }
    privatefiles::restrict(file);
    file.write(QJsonDocument(array).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qWarning("Pending restores: cannot write %s: %s", qPrintable(m_filePath),
                 qPrintable(file.errorString()));
        return false;
    }
    return true;
}

} // namespace dcs
