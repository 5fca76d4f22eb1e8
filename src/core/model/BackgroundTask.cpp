#include "model/BackgroundTask.h"

#include "model/JsonRead.h"
#include "model/PlainText.h"

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
    t.id = json::identifier(o.value(L1("id")));
    t.name = json::text(o.value(L1("name")), plaintext::NameLength);
    t.status = json::text(o.value(L1("status")), plaintext::WordLength);
    t.createdAt = json::dateTime(o.value(L1("created_at")));
    t.updatedAt = json::dateTime(json::pick(o, {L1("updated_at"), L1("update_at")}));
    t.userName = json::text(o.value(L1("user_name")), plaintext::NameLength);
    t.userId = json::text(o.value(L1("user_id")), plaintext::NameLength);
    t.params = json::text(o.value(L1("params")), plaintext::LongTextLength);
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
