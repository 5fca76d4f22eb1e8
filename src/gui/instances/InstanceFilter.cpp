#include "instances/InstanceFilter.h"

#include "model/Instance.h"

#include <QStringList>

bool InstanceFilter::matches(const dcs::Instance &instance) const {
    if (!status.isEmpty() && instance.status.compare(status, Qt::CaseInsensitive) != 0)
        return false;
    if (type && instance.type() != *type)
        return false;

    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const QStringList haystack{instance.name,       instance.instanceId, instance.ip,
                               instance.domainName, instance.engine,     instance.engineVersion,
                               instance.status,     instance.specCode};
    for (const QString &word : words) {
        bool found = false;
        for (const QString &field : haystack) {
            if (field.contains(word, Qt::CaseInsensitive)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}
