#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dcs {

// A project of the account as IAM lists it (GET /v3/auth/projects, Keystone's "projects
// available to the token"). Huawei Cloud names a region's default project after the region
// ("cn-north-4") and a sub-project "region_name" ("cn-north-4_shop"); other entries (the
// account's global "MOS" project) belong to no region.
struct IamProject {
    QString id;
    QString name;
    QString region; // from the name; empty when the name names no region
    bool enabled = true;

    static IamProject fromJson(const QJsonObject &object);
    // The region a project name starts with, or empty.
    static QString regionOf(const QString &projectName);
    // The projects of an answer that the console can use: enabled, in a region, with an id.
    // nullopt-like empty list with ok=false when the body is not such an answer.
    static QList<IamProject> listFromJson(const QJsonObject &answer, bool *ok = nullptr);
};

} // namespace dcs
