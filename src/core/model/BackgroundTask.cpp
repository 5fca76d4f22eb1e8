#include "model/BackgroundTask.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"
#include "model/RecordReader.h"

namespace dcs {

namespace {
using L1 = QLatin1String;
} // namespace

bool BackgroundTask::isFinished() const {
    static const char *const ended[] = {"SUCCESS", "FAILED",   "DELETED", "CANCELLED",
                                        "FINISH",  "FINISHED", "SUCCEED"};
    for (const char *word : ended) {
        if (status.compare(L1(word), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

BackgroundTask BackgroundTask::fromJson(const QJsonObject &o) {
    return json::readRecord<BackgroundTask>(o);
}

QJsonObject BackgroundTask::toJson() const {
    QJsonObject o;
    o.insert(L1("id"), id);
    o.insert(L1("name"), name);
    o.insert(L1("params"), json::nullable(params));
    o.insert(L1("status"), status);
    o.insert(L1("user_name"), userName);
    o.insert(L1("user_id"), userId);
    o.insert(L1("created_at"), json::nullable(createdAt));
    o.insert(L1("updated_at"), json::nullable(updatedAt));
    o.insert(L1("enable_show"), enableShow);
    o.insert(L1("details"), details);
    return o;
}

bool BackgroundTask::operator==(const BackgroundTask &other) const {
    return id == other.id && name == other.name && status == other.status &&
           createdAt == other.createdAt && updatedAt == other.updatedAt &&
           userName == other.userName && userId == other.userId && params == other.params &&
           enableShow == other.enableShow && details == other.details;
}

} // namespace dcs
