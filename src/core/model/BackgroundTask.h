#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace dcs {

// One background task of an instance (dcs-api-v2.md §9): a scale-up, a restart, a password
// change… Backups and restores are not among the documented task names; they show in their own
// records.
struct BackgroundTask {
    QString id;
    QString name;   // EXTEND, BindEip, masterStandbySwapJob, modify … as the API spells it
    QString status; // SUCCESS in the documented example; the set of values is undocumented
    QDateTime createdAt;
    QDateTime updatedAt;
    QString userName;
    QString userId;
    QString params;
    bool enableShow = false;
    QJsonObject details; // the fields that concern this kind of task

    // The status set is not documented for DCS (§9): the sibling DMS APIs name CREATED,
    // SUCCESS, FAILED, DELETED, EXECUTING, CANCELLED. Tolerant reading: whatever is not one of
    // the ended states counts as still running, so an unknown status is never taken as done.
    bool isFinished() const;
    bool isRunning() const { return !status.isEmpty() && !isFinished(); }

    bool operator==(const BackgroundTask &other) const;
    bool operator!=(const BackgroundTask &other) const { return !(*this == other); }

    static BackgroundTask fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace dcs
