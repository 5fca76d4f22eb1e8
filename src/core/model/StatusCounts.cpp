#include "model/StatusCounts.h"

#include "model/Instance.h"
#include "model/JsonRead.h"

namespace dcs {

qint64 StatusCounts::total() const {
    qint64 sum = 0;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        sum += it.value();
    return sum;
}

StatusCounts StatusCounts::fromJson(const QJsonObject &object) {
    StatusCounts counts;
    const QLatin1String suffix("_count");
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        if (!key.endsWith(suffix) || it.value().isObject())
            continue;
        const qint64 value = json::integer(it.value(), 0);
        if (value > 0)
            counts.byStatus.insert(key.left(key.size() - suffix.size()).toUpper(), value);
    }
    return counts;
}

StatusCounts StatusCounts::fromInstances(const QList<Instance> &instances) {
    StatusCounts counts;
    counts.countedLocally = true;
    for (const Instance &instance : instances)
        counts.byStatus[instance.status] += 1;
    return counts;
}

} // namespace dcs
