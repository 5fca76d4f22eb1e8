#pragma once

#include "model/Backup.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <vector>

namespace dcs::sim {

// The rows dcs-sim serves by the thousand, written straight to bytes: exactly what
// QJsonDocument(object).toJson(Compact) makes of the same record's QJsonObject (keys sorted, the
// same escapes), at a fraction of the cost of building that object. tst_simstate holds each
// writer to that, byte for byte.
namespace rowjson {

// One JSON object, fields in any order: finish() sorts them by key as QJsonObject does.
class ObjectWriter {
public:
    void string(const char *key, const QString &value);         // a null QString gives ""
    void nullableString(const char *key, const QString &value); // a null QString gives null
    void integer(const char *key, qint64 value);
    void boolean(const char *key, bool value);
    void null(const char *key);
    // json::nullable(QDateTime): yyyy-MM-ddTHH:mm:ss.zzzZ in UTC, or null.
    void dateTime(const char *key, const QDateTime &value);
    void raw(const char *key, const QByteArray &json); // an object or array written already
    QByteArray finish();

    // A JSON string as QJsonDocument writes it.
    static void appendString(QByteArray &out, const QString &value);
    static QByteArray stringArray(const QStringList &values);

private:
    struct Field {
        const char *key;
        qsizetype begin;
        qsizetype end;
    };
    Field &add(const char *key);
    QByteArray m_values;
    std::vector<Field> m_fields;
};

QByteArray tags(const QList<Tag> &tags);

// Instance::toJson(false): the v1.0 list row.
QByteArray instanceListV1(const Instance &instance);
// instanceListJsonV2(): the v2 list row.
QByteArray instanceListV2(const Instance &instance);
// Backup::toJson(), RestoreRecord::toJson().
QByteArray backup(const Backup &backup);
QByteArray restore(const RestoreRecord &record);

} // namespace rowjson
} // namespace dcs::sim
