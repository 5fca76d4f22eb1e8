#include "restore/AuditLog.h"

#include "export/CsvWriter.h"
#include "model/JsonRead.h"
#include "settings/PrivateFiles.h"
#include "verify/VerificationReport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStandardPaths>
#include <algorithm>
#include <climits>
#include <limits>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace dcs {

namespace {

QLatin1String key(const char *name) {
    return QLatin1String(name);
}

QStringList csvRow(const AuditRecord &r) {
    return {json::formatDateTime(r.time),
            r.event,
            r.osUser,
            r.profile,
            r.region,
            r.projectId,
            r.instanceId,
            r.instanceName,
            r.backupId,
            r.backupName,
            r.remark,
            r.restoreId,
            r.requestId,
            r.outcome,
            r.finalStatus,
            r.errorCode,
            r.safetyBackupId,
            r.verification.isEmpty() ? QString()
                                     : VerificationReport::fromJson(r.verification).summary()};
}

} // namespace

QJsonObject AuditRecord::toJson() const {
    QJsonObject o;
    o.insert(key("time"), json::formatDateTime(time));
    o.insert(key("event"), event);
    o.insert(key("os_user"), osUser);
    o.insert(key("profile"), profile);
    o.insert(key("region"), region);
    o.insert(key("project_id"), projectId);
    o.insert(key("instance_id"), instanceId);
    o.insert(key("instance_name"), instanceName);
    o.insert(key("backup_id"), backupId);
    o.insert(key("backup_name"), backupName);
    o.insert(key("remark"), remark);
    o.insert(key("restore_id"), restoreId);
    o.insert(key("request_id"), requestId);
    o.insert(key("outcome"), outcome);
    o.insert(key("final_status"), finalStatus);
    o.insert(key("error_code"), errorCode);
    o.insert(key("safety_backup_id"), safetyBackupId);
    if (!verification.isEmpty())
        o.insert(key("verification"), verification);
    return o;
}

AuditRecord AuditRecord::fromJson(const QJsonObject &o) {
    // Empty rather than null strings: a record read back compares equal to the one written.
    auto text = [&o](const char *name) {
        const QString value = json::string(o.value(QLatin1String(name)));
        return value.isNull() ? QString(QLatin1String("")) : value;
    };
    AuditRecord r;
    r.time = json::dateTime(o.value(key("time")));
    r.event = text("event");
    r.osUser = text("os_user");
    r.profile = text("profile");
    r.region = text("region");
    r.projectId = text("project_id");
    r.instanceId = text("instance_id");
    r.instanceName = text("instance_name");
    r.backupId = text("backup_id");
    r.backupName = text("backup_name");
    r.remark = text("remark");
    r.restoreId = text("restore_id");
    r.requestId = text("request_id");
    r.outcome = text("outcome");
    r.finalStatus = text("final_status");
    r.errorCode = text("error_code");
    r.safetyBackupId = text("safety_backup_id");
    r.verification = o.value(key("verification")).toObject();
    return r;
}

bool AuditRecord::operator==(const AuditRecord &o) const {
    // Null and empty strings are the same thing in the file.
    auto same = [](const QString &a, const QString &b) {
        return a.isEmpty() ? b.isEmpty() : a == b;
    };
    return time == o.time && same(event, o.event) && same(osUser, o.osUser) &&
           same(profile, o.profile) && same(region, o.region) && same(projectId, o.projectId) &&
           same(instanceId, o.instanceId) && same(instanceName, o.instanceName) &&
           same(backupId, o.backupId) && same(backupName, o.backupName) && same(remark, o.remark) &&
           same(restoreId, o.restoreId) && same(requestId, o.requestId) &&
           same(outcome, o.outcome) && same(finalStatus, o.finalStatus) &&
           same(errorCode, o.errorCode) && same(safetyBackupId, o.safetyBackupId) &&
           verification == o.verification;
}

AuditLog::AuditLog(QString filePath)
    : m_filePath(std::move(filePath)) {}

bool AuditLog::append(const AuditRecord &record, QString *error) const {
    const QFileInfo info(m_filePath);
    if (!privatefiles::makeFolder(info.absolutePath())) {
        if (error)
            *error = QCoreApplication::translate("dcs::AuditLog", "Cannot create the folder %1.")
                         .arg(info.absolutePath());
        return false;
    }
    // Time is written at millisecond precision; keep what is returned by read() identical.
    QByteArray line = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');

    QFile file(m_filePath);
    // Unbuffered + Append: the line goes to the kernel in one write() on an O_APPEND descriptor,
    // so lines of concurrent writers never interleave.
    // Created 0600 (it names profiles, projects and instances); an older, wider file is narrowed.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error =
                QCoreApplication::translate("dcs::AuditLog", "Cannot open the audit file %1: %2")
                    .arg(m_filePath, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A line torn by an earlier crash must not swallow this one: start on a fresh line. Two
    // writers racing here at worst leave an empty line, which read() skips.
    if (file.size() > 0) {
        QFile reader(m_filePath);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1)) {
            char last = '\n';
            if (reader.getChar(&last) && last != '\n')
                line.prepend('\n');
        }
    }
    const qint64 written = file.write(line);
    const bool flushed = file.flush();
    if (written != line.size() || !flushed) {
        if (error)
            *error = QCoreApplication::translate("dcs::AuditLog",
                                                 "Cannot write to the audit file %1: %2")
                         .arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

AuditLog::Contents AuditLog::read() const {
    return readNewest(std::numeric_limits<int>::max(), std::numeric_limits<qint64>::max());
}

namespace {

void addProblem(AuditLog::Contents *contents, qint64 number, const QString &message) {
    ++contents->problemCount;
    // Newest first while reading backwards: the first ones met are the ones kept.
    if (contents->problems.size() < AuditLog::MaxProblems)
        contents->problems.append({int(qMin<qint64>(number, INT_MAX)), message});
}

QString tooLongLine(qint64 number) {
    return QCoreApplication::translate("dcs::AuditLog",
                                       "Line %1 is longer than %2 bytes; it was skipped.")
        .arg(number)
        .arg(AuditLog::MaxLineBytes);
}

// One line of the file: a record, or the problem with it (number is 1-based).
void readLine(const QByteArray &raw, qint64 number, AuditLog::Contents *contents,
              QList<AuditRecord> *newestFirst) {
    const QByteArray line = raw.trimmed();
    if (line.isEmpty())
        return;
    const auto problem = [contents, number](const QString &message) {
        addProblem(contents, number, message);
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problem(QCoreApplication::translate("dcs::AuditLog",
                                            "Line %1 is not valid JSON (%2); it was skipped.")
                    .arg(number)
                    .arg(parseError.errorString()));
        return;
    }
    if (!document.isObject()) {
        problem(QCoreApplication::translate("dcs::AuditLog",
                                            "Line %1 is not a JSON object; it was skipped.")
                    .arg(number));
        return;
    }
    AuditRecord record = AuditRecord::fromJson(document.object());
    if (!record.time.isValid()) {
        problem(QCoreApplication::translate("dcs::AuditLog",
                                            "Line %1 has no valid time; it was skipped.")
                    .arg(number));
        return;
    }
    newestFirst->append(record);
}

} // namespace

AuditLog::Contents AuditLog::readNewest(int maxRecords, qint64 maxBytes) const {
    Contents contents;
    QFile file(m_filePath);
    if (!file.exists())
        return contents;
    if (!file.open(QIODevice::ReadOnly)) {
        contents.problems.append(
            {0, QCoreApplication::translate("dcs::AuditLog", "Cannot open the audit file %1: %2")
                    .arg(m_filePath, file.errorString())});
        contents.problemCount = 1;
        return contents;
    }
    constexpr qint64 Chunk = 256 * 1024;
    const qint64 size = file.size();

    // Line numbers are counted from the start, as an editor shows them: one quick pass that
    // only counts line breaks, chunk by chunk.
    qint64 lines = 0;
    char last = '\n';
    {
        QByteArray buffer(Chunk, Qt::Uninitialized);
        qint64 got = 0;
        while ((got = file.read(buffer.data(), Chunk)) > 0) {
            lines += std::count(buffer.constData(), buffer.constData() + got, '\n');
            last = buffer.at(got - 1);
        }
    }
    if (size > 0 && last != '\n')
        ++lines; // a last line without its line break

    // Then backwards from the end. `pending` holds the start of a line whose beginning is in
    // an earlier chunk; a line longer than MaxLineBytes is skipped without being kept.
    QList<AuditRecord> newestFirst;
    qint64 end = (size > 0 && last == '\n') ? size - 1 : size; // the final break ends no line
    qint64 number = lines;
    QByteArray pending;
    bool skipping = false; // inside a line too long to keep
    qint64 readBytes = 0;
    while (end > 0 && newestFirst.size() < maxRecords) {
        if (readBytes >= maxBytes) {
            contents.limited = true;
            break;
        }
        const qint64 begin = qMax<qint64>(0, end - Chunk);
        QByteArray chunk(end - begin, Qt::Uninitialized);
        if (!file.seek(begin) || file.read(chunk.data(), chunk.size()) != chunk.size()) {
            ++contents.problemCount;
            contents.problems.append({0, QCoreApplication::translate(
                                             "dcs::AuditLog", "Cannot read the audit file %1: %2")
                                             .arg(m_filePath, file.errorString())});
            break;
        }
        readBytes += chunk.size();
        end = begin;
        qsizetype stop = chunk.size(); // the lines of this chunk end here
        for (qsizetype at = chunk.lastIndexOf('\n'); at >= 0 && newestFirst.size() < maxRecords;
             at = at > 0 ? chunk.lastIndexOf('\n', at - 1) : -1) {
            // chunk[at + 1, stop) + pending is one whole line.
            if (skipping || stop - at - 1 + pending.size() > MaxLineBytes) {
                addProblem(&contents, number, tooLongLine(number));
            } else {
                readLine(chunk.mid(at + 1, stop - at - 1) + pending, number, &contents,
                         &newestFirst);
            }
            pending.clear();
            skipping = false;
            --number;
            stop = at;
        }
        if (newestFirst.size() >= maxRecords) {
            contents.limited = end > 0 || stop > 0 || !pending.isEmpty();
            pending.clear();
            skipping = false;
            break;
        }
        // What is left of the chunk begins a line that started earlier (or at the file's start).
        if (!skipping) {
            pending.prepend(chunk.left(stop));
            if (pending.size() > MaxLineBytes) {
                pending.clear();
                skipping = true;
            }
        }
    }
    // The first line of the file, which no line break precedes.
    if (end == 0 && !contents.limited && newestFirst.size() < maxRecords) {
        if (skipping)
            addProblem(&contents, number, tooLongLine(number));
        else if (!pending.isEmpty())
            readLine(pending, number, &contents, &newestFirst);
    }
    std::reverse(newestFirst.begin(), newestFirst.end());
    contents.records = std::move(newestFirst);
    // Problems in file order too.
    std::reverse(contents.problems.begin(), contents.problems.end());
    return contents;
}

QStringList AuditLog::csvHeaders() {
    return {QCoreApplication::translate("dcs::AuditLog", "Time (UTC)"),
            QCoreApplication::translate("dcs::AuditLog", "Event"),
            QCoreApplication::translate("dcs::AuditLog", "Operating-system user"),
            QCoreApplication::translate("dcs::AuditLog", "Profile"),
            QCoreApplication::translate("dcs::AuditLog", "Region"),
            QCoreApplication::translate("dcs::AuditLog", "Project ID"),
            QCoreApplication::translate("dcs::AuditLog", "Instance ID"),
            QCoreApplication::translate("dcs::AuditLog", "Instance name"),
            QCoreApplication::translate("dcs::AuditLog", "Backup ID"),
            QCoreApplication::translate("dcs::AuditLog", "Backup name"),
            QCoreApplication::translate("dcs::AuditLog", "Remark"),
            QCoreApplication::translate("dcs::AuditLog", "Restore ID"),
            QCoreApplication::translate("dcs::AuditLog", "Request ID"),
            QCoreApplication::translate("dcs::AuditLog", "Outcome"),
            QCoreApplication::translate("dcs::AuditLog", "Final status"),
            QCoreApplication::translate("dcs::AuditLog", "Error code"),
            QCoreApplication::translate("dcs::AuditLog", "Safety backup ID"),
            QCoreApplication::translate("dcs::AuditLog", "Verification")};
}

CsvWriter AuditLog::toCsv(const QList<AuditRecord> &records) {
    CsvWriter csv(csvHeaders());
    for (const AuditRecord &record : records)
        csv.addRow(csvRow(record));
    return csv;
}

bool AuditLog::exportCsv(const QString &path, const QList<AuditRecord> &records, QString *error) {
    return toCsv(records).save(path, error);
}

QString AuditLog::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("restore-audit.jsonl"));
}

QString AuditLog::currentOsUser() {
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return {};
}

} // namespace dcs
