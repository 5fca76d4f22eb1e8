#pragma once

#include "export/CsvWriter.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dcs {

// One line of the restore audit trail. An attempt is written when its outcome is known
// (accepted, refused, outcome unknown, safety backup failed); a second line with the same
// restore_id is written when the restore ends (event "finished"), and with "Verify the restore"
// a third once the instance was fingerprinted again (event "verification").
struct AuditRecord {
    QDateTime time; // UTC
    QString event;  // "attempt", "finished" or "verification"
    QString osUser;
    QString profile;
    QString region;
    QString projectId;
    QString instanceId;
    QString instanceName;
    QString backupId;
    QString backupName;
    QString remark;
    QString restoreId;
    QString requestId;
    // accepted, recovered, refused, unknown, safety-backup-failed, succeed, failed; verified or
    // not-verified for a verification
    QString outcome;
    QString finalStatus; // succeed / failed once known
    QString errorCode;
    QString safetyBackupId;
    QJsonObject verification; // VerificationReport::toJson(); empty on other lines

    QJsonObject toJson() const;
    static AuditRecord fromJson(const QJsonObject &object);
    bool operator==(const AuditRecord &o) const;
};

// The audit trail: a JSON Lines file in the user's data folder. Each append is one write of one
// whole line to a file opened for appending, so a crash leaves no half record behind another
// writer's. A damaged line is reported and skipped, never fatal.
class AuditLog {
public:
    struct Problem {
        int line = 0;    // 1-based
        QString message; // translated
    };
    struct Contents {
        QList<AuditRecord> records; // in file order (oldest first)
        QList<Problem> problems;    // the newest MaxProblems of them
        qsizetype problemCount = 0; // all damaged lines met, listed or not
        // Lines older than those read were left unread (a bound was reached).
        bool limited = false;
    };
    // Bounds of readNewest(): what one look at the trail may cost, whatever the file's size.
    static constexpr int DefaultMaxRecords = 10000;
    static constexpr qint64 DefaultMaxBytes = 64 * 1024 * 1024;
    static constexpr int MaxLineBytes = 1024 * 1024; // a longer line is damaged, not read
    static constexpr int MaxProblems = 100;

    explicit AuditLog(QString filePath = defaultPath());

    const QString &filePath() const { return m_filePath; }
    // False (with the reason in *error) when the line could not be written.
    bool append(const AuditRecord &record, QString *error = nullptr) const;
    // Every record of the file (for tests and small files).
    Contents read() const;
    // The newest records: the file is read from its end backwards in fixed-size chunks, so the
    // memory used and the time taken are bounded by maxRecords and maxBytes, not by the file.
    // Safe to call on any thread (it only reads the file).
    Contents readNewest(int maxRecords = DefaultMaxRecords,
                        qint64 maxBytes = DefaultMaxBytes) const;

    // Translated column headers, then one row per record (CsvWriter: a byte-order mark, RFC 4180
    // quoting, formulas neutralised).
    static CsvWriter toCsv(const QList<AuditRecord> &records);
    static QStringList csvHeaders();
    // Writes toCsv() atomically (QSaveFile).
    static bool exportCsv(const QString &path, const QList<AuditRecord> &records,
                          QString *error = nullptr);
    static QString defaultPath(); // <AppDataLocation>/restore-audit.jsonl
    static QString currentOsUser();

private:
    QString m_filePath;
};

} // namespace dcs
