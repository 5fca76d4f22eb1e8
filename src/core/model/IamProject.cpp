#include "model/IamProject.h"

#include "model/JsonRead.h"
#include "profiles/Profile.h"

#include <QJsonArray>

namespace dcs {

QString IamProject::regionOf(const QString &projectName) {
    const QString region = projectName.section(QLatin1Char('_'), 0, 0);
    return looksLikeRegion(region) ? region : QString();
}

IamProject IamProject::fromJson(const QJsonObject &object) {
    IamProject project;
    project.id = json::string(object.value(QLatin1String("id")));
    project.name = json::string(object.value(QLatin1String("name")));
    project.region = regionOf(project.name);
    const QJsonValue enabled = object.value(QLatin1String("enabled"));
    project.enabled = enabled.isUndefined() || enabled.isNull() || json::boolean(enabled);
    return project;
}

QList<IamProject> IamProject::listFromJson(const QJsonObject &answer, bool *ok) {
    const QJsonValue projects = answer.value(QLatin1String("projects"));
    if (ok)
        *ok = projects.isArray();
    QList<IamProject> list;
    for (const QJsonValue &value : projects.toArray()) {
        const IamProject project = fromJson(value.toObject());
        if (project.enabled && !project.id.isEmpty() && !project.region.isEmpty())
            list.append(project);
    }
    return list;
}

} // namespace dcs
