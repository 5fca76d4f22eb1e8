#include "model/BackgroundTask.h"

#include "model/JsonRead.h"

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
    BackgroundTask t;
    t.id = json::string(o.value(L1("id")));
    t.name = json::string(o.value(L1("name")));
    t.status = json::string(o.value(L1("status")));
    t.createdAt = json::dateTime(o.value(L1("created_at")));
    t.updatedAt = json::dateTime(json::pick(o, {L1("updated_at"), L1("update_at")}));
    t.userName = json::string(o.value(L1("user_name")));
    t.userId = json::string(o.value(L1("user_id")));
    t.params = json::string(o.value(L1("params")));
    t.enableShow = json::boolean(o.value(L1("enable_show")));
    t.details = o.value(L1("details")).toObject();
    return t;
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
