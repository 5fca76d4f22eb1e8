#include "RowJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cstring>

namespace dcs::sim::rowjson {

namespace {

// Text QJsonDocument writes as UTF-8 between quotes, unchanged: no quote, backslash, control
// character, DEL or surrogate. Anything else is left to QJsonDocument itself.
bool isPlain(const QString &value) {
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == u'"' || u == u'\\' || u == 0x7f || (u >= 0xd800 && u <= 0xdfff))
            return false;
    }
    return true;
}

void appendTwo(QByteArray &out, int value) {
    out += char('0' + value / 10);
    out += char('0' + value % 10);
}

} // namespace

void ObjectWriter::appendString(QByteArray &out, const QString &value) {
    if (isPlain(value)) {
        out += '"';
        out += value.toUtf8();
        out += '"';
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out.append(array.constData() + 1, array.size() - 2); // without [ ]
}

QByteArray ObjectWriter::stringArray(const QStringList &values) {
    QByteArray out("[");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, values.at(i));
    }
    out += ']';
    return out;
}

ObjectWriter::Field &ObjectWriter::add(const char *key) {
    m_fields.push_back({key, m_values.size(), m_values.size()});
    return m_fields.back();
}

void ObjectWriter::string(const char *key, const QString &value) {
    Field &field = add(key);
    appendString(m_values, value);
    field.end = m_values.size();
}

void ObjectWriter::nullableString(const char *key, const QString &value) {
    if (value.isNull())
        null(key);
    else
        string(key, value);
}

void ObjectWriter::integer(const char *key, qint64 value) {
    Field &field = add(key);
    m_values += QByteArray::number(value);
    field.end = m_values.size();
}

void ObjectWriter::boolean(const char *key, bool value) {
    Field &field = add(key);
    m_values += value ? "true" : "false";
    field.end = m_values.size();
}

void ObjectWriter::null(const char *key) {
    Field &field = add(key);
    m_values += "null";
    field.end = m_values.size();
}

void ObjectWriter::dateTime(const char *key, const QDateTime &value) {
    if (!value.isValid()) {
        null(key);
        return;
    }
    const QDateTime utc = value.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 1000 || date.year() > 9999) {
        // Outside what four digits say: as QDateTime::toString has it.
        Field &field = add(key);
        appendString(m_values, utc.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")));
        field.end = m_values.size();
        return;
    }
    Field &field = add(key);
    m_values += '"';
    m_values += QByteArray::number(date.year());
    m_values += '-';
    appendTwo(m_values, date.month());
    m_values += '-';
    appendTwo(m_values, date.day());
    m_values += 'T';
    appendTwo(m_values, time.hour());
    m_values += ':';
    appendTwo(m_values, time.minute());
    m_values += ':';
    appendTwo(m_values, time.second());
    m_values += '.';
    const int ms = time.msec();
    m_values += char('0' + ms / 100);
    appendTwo(m_values, ms % 100);
    m_values += "Z\"";
    field.end = m_values.size();
}

void ObjectWriter::raw(const char *key, const QByteArray &json) {
    Field &field = add(key);
    m_values += json;
    field.end = m_values.size();
}

QByteArray ObjectWriter::finish() {
    // QJsonObject keeps its keys sorted; for the ASCII keys here that is byte order. A key given
    // twice keeps its last value, as insert() does.
    std::stable_sort(m_fields.begin(), m_fields.end(),
                     [](const Field &a, const Field &b) { return std::strcmp(a.key, b.key) < 0; });
    QByteArray out;
    out.reserve(m_values.size() + qsizetype(m_fields.size()) * 24 + 2);
    out += '{';
    bool first = true;
    for (size_t i = 0; i < m_fields.size(); ++i) {
        const Field &field = m_fields[i];
        if (i + 1 < m_fields.size() && std::strcmp(field.key, m_fields[i + 1].key) == 0)
            continue;
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out += field.key;
        out += "\":";
        out.append(m_values.constData() + field.begin, field.end - field.begin);
    }
    out += '}';
    m_values.clear();
    m_fields.clear();
    return out;
}

QByteArray tags(const QList<Tag> &tags) {
    QByteArray out("[");
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (i > 0)
            out += ',';
        ObjectWriter tag;
        tag.string("key", tags.at(i).key);
        tag.string("value", tags.at(i).value);
        out += tag.finish();
    }
    out += ']';
    return out;
}

namespace {

// A count that is unknown (negative) is null, as the value types write it.
void count(ObjectWriter &o, const char *key, qint64 value) {
    if (value >= 0)
        o.integer(key, value);
    else
        o.null(key);
}

void percent(ObjectWriter &o, const char *key, double value) {
    if (value >= 0)
        o.string(key, QString::number(value, 'f', 2));
    else
        o.null(key);
}

} // namespace

QByteArray instanceListV1(const Instance &i) {
    ObjectWriter o;
    o.string("name", i.name);
    o.string("engine", i.engine);
    o.string("engine_version", i.engineVersion);
    o.nullableString("internal_version", i.internalVersion);
    o.string("instance_id", i.instanceId);
    count(o, "capacity", i.capacity);
    o.nullableString("capacity_minor", i.capacityMinor);
    count(o, "max_memory", i.maxMemoryMb);
    count(o, "used_memory", i.usedMemoryMb);
    o.string("ip", i.ip);
    o.integer("port", i.port);
    o.nullableString("domainName", i.domainName);
    o.nullableString("domain_name", i.domainName);
    o.nullableString("readonlyDomainName", i.readonlyDomainName);
    o.nullableString("readonly_domain_name", i.readonlyDomainName);
    o.string("status", i.status);
    o.nullableString("error_code", i.errorCode);
    o.nullableString("freeze_scene", i.freezeScene);
    o.string("spec_code", i.specCode);
    o.string("resource_spec_code", i.resourceSpecCode);
    o.integer("charging_mode", i.chargingMode);
    o.string("vpc_id", i.vpcId);
    o.nullableString("vpc_name", i.vpcName);
    o.string("subnet_id", i.subnetId);
    o.nullableString("subnet_name", i.subnetName);
    o.string("security_group_id", i.securityGroupId);
    o.nullableString("security_group_name", i.securityGroupName);
    o.dateTime("created_at", i.createdAt);
    o.dateTime("update_at", i.updateAt);
    o.string("user_id", i.userId);
    o.string("user_name", i.userName);
    o.string("maintain_begin", i.maintainBegin);
    o.string("maintain_end", i.maintainEnd);
    o.string("no_password_access",
             i.noPasswordAccess ? QStringLiteral("true") : QStringLiteral("false"));
    o.nullableString("access_user", i.accessUser);
    o.boolean("enable_publicip", i.enablePublicIp);
    o.boolean("enable_ssl", i.enableSsl);
    o.nullableString("publicip_id", i.publicIpId);
    o.nullableString("publicip_address", i.publicIpAddress);
    o.raw("tags", tags(i.tags));
    return o.finish();
}

QByteArray instanceListV2(const Instance &i) {
    ObjectWriter o;
    o.string("instance_id", i.instanceId);
    o.string("name", i.name);
    o.string("engine", i.engine);
    o.string("engine_version", i.engineVersion);
    o.string("spec_code", i.specCode);
    o.string("status", i.status);
    o.string("sub_status", QStringLiteral("normal"));
    o.integer("capacity", i.capacity);
    o.nullableString("capacity_minor", i.capacityMinor);
    o.integer("max_memory", i.maxMemoryMb);
    o.integer("used_memory", i.usedMemoryMb);
    o.string("ip", i.ip);
    o.integer("port", i.port);
    // snake_case only: v2 has no domainName twin (§1).
    o.nullableString("domain_name", i.domainName);
    o.nullableString("readonly_domain_name", i.readonlyDomainName);
    o.raw("az_codes", ObjectWriter::stringArray(i.availableZones));
    o.dateTime("created_at", i.createdAt);
    o.dateTime("updated_at", i.updateAt); // the list's spelling (§1)
    o.string("enterprise_project_id", QStringLiteral("0"));
    o.raw("tags", tags(i.tags));
    o.nullableString("description", i.description);
    o.nullableString("cpu_type", i.cpuType);
    ObjectWriter features;
    features.boolean("support_acl", i.engineVersion != QLatin1String("4.0"));
    features.boolean("support_transparent_client_ip", true);
    features.boolean("support_ssl", i.engineVersion == QLatin1String("6.0"));
    features.boolean("support_audit_log", false);
    o.raw("features", features.finish());
    o.integer("charging_mode", i.chargingMode);
    o.null("order_id");
    o.string("no_password_access",
             i.noPasswordAccess ? QStringLiteral("true") : QStringLiteral("false"));
    o.nullableString("access_user", i.accessUser);
    o.boolean("enable_ssl", i.enableSsl);
    o.boolean("enable_publicip", i.enablePublicIp);
    o.boolean("service_upgrade", false);
    o.null("service_task_id");
    o.nullableString("publicip_id", i.publicIpId);
    o.nullableString("publicip_address", i.publicIpAddress);
    o.string("vpc_id", i.vpcId);
    o.nullableString("vpc_name", i.vpcName);
    o.string("subnet_id", i.subnetId);
    o.string("security_group_id", i.securityGroupId);
    o.string("maintain_begin", i.maintainBegin);
    o.string("maintain_end", i.maintainEnd);
    o.string("user_id", i.userId);
    o.string("user_name", i.userName);
    return o.finish();
}

QByteArray backup(const Backup &b) {
    ObjectWriter o;
    o.string("backup_id", b.backupId);
    o.string("instance_id", b.instanceId);
    o.string("backup_name", b.backupName);
    o.nullableString("remark", b.remark);
    o.nullableString("period", b.period);
    count(o, "size", b.size);
    o.string("backup_type", b.backupType);
    o.string("backup_format", b.backupFormat);
    o.string("status", b.status);
    percent(o, "progress", b.progress);
    o.dateTime("created_at", b.createdAt);
    o.dateTime("execution_at", b.executionAt);
    o.dateTime("updated_at", b.updatedAt);
    o.nullableString("error_code", b.errorCode);
    o.string("is_support_restore",
             b.supportRestore ? QStringLiteral("TRUE") : QStringLiteral("FALSE"));
    return o.finish();
}

QByteArray restore(const RestoreRecord &r) {
    ObjectWriter o;
    o.string("restore_id", r.restoreId);
    o.string("restore_name", r.restoreName);
    o.string("backup_id", r.backupId);
    o.string("backup_name", r.backupName);
    o.nullableString("restore_remark", r.restoreRemark);
    o.nullableString("backup_remark", r.backupRemark);
    o.string("status", r.status);
    percent(o, "progress", r.progress);
    o.dateTime("created_at", r.createdAt);
    o.dateTime("updated_at", r.updatedAt);
    o.nullableString("error_code", r.errorCode);
    return o.finish();
}

} // namespace dcs::sim::rowjson
