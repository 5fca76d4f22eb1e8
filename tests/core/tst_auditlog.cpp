// The restore audit trail: JSON Lines round trip, whole lines under concurrent writers, damaged
// lines reported with their number and skipped, CSV export (RFC 4180) with translated headers.

#include "restore/AuditLog.h"
#include "restore/PendingRestoreFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <sys/stat.h>
#include <thread>

using namespace dcs;

namespace {

AuditRecord sample(int n) {
    AuditRecord r;
    r.time = QDateTime(QDate(2026, 11, 28), QTime(3, 10, 0, n % 1000), Qt::UTC);
    r.event = QStringLiteral("attempt");
    r.osUser = QStringLiteral("ops");
    r.profile = QStringLiteral("生产 cn-north-4");
    r.region = QStringLiteral("cn-north-4");
    r.projectId = QStringLiteral("0f1e2d3c4b5a49687766554433221100");
    r.instanceId = QStringLiteral("instance-%1").arg(n);
    r.instanceName = QStringLiteral("order-cache-prod");
    r.backupId = QStringLiteral("backup-%1").arg(n);
    r.backupName = QStringLiteral("backup_20261127054907");
    r.remark = QStringLiteral("rollback, \"release\" 2.15\n第二行");
    r.restoreId = QStringLiteral("restore-%1").arg(n);
    r.requestId = QStringLiteral("0123456789abcdef0123456789abcdef");
    r.outcome = QStringLiteral("accepted");
    r.finalStatus = QString();
    r.errorCode = QString();
    r.safetyBackupId = QStringLiteral("safety-%1").arg(n);
    return r;
}

// Marks every string of the audit log's context, so the test sees they are all translated.
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char *context, const char *sourceText, const char * = nullptr,
                      int = -1) const override {
        if (qstrcmp(context, "dcs::AuditLog") != 0)
            return {};
        return QStringLiteral("<") + QString::fromUtf8(sourceText) + QStringLiteral(">");
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void missingFileIsEmpty();
    void appendAndReadBack();
    void createsTheFolder();
    void concurrentWritersKeepLinesWhole();
    void damagedLinesAreReportedAndSkipped();
    void tornLastLineDoesNotSwallowTheNext();
    void csvQuotesCommasQuotesNewlinesAndChinese();
    void csvNeutralisesFormulas();
    void csvHeadersAreTranslated();
    void csvHeadersInChinese();
    void exportWritesUtf8WithBom();
    void osUserIsKnown();
    // Bounded reading, newest first.
    void readsTheNewestWithinTheRecordBound();
    void readsWithinTheByteBound();
    void overlongLineIsSkippedNotKept();
    void readNewestMatchesReadOnSmallFiles();
    // Owner-only files.
    void filesAreOwnerOnlyInOwnerOnlyFolders();

private:
    QString newPath() { return m_dir.filePath(QStringLiteral("audit-%1.jsonl").arg(++m_files)); }
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestAuditLog::missingFileIsEmpty() {
    const AuditLog::Contents contents = AuditLog(newPath()).read();
    QVERIFY(contents.records.isEmpty());
    QVERIFY(contents.problems.isEmpty());
}

void TestAuditLog::appendAndReadBack() {
    AuditLog log(newPath());
    QString error;
    QVERIFY2(log.append(sample(1), &error), qPrintable(error));
    AuditRecord finished = sample(1);
    finished.event = QStringLiteral("finished");
    finished.outcome = QStringLiteral("failed");
    finished.finalStatus = QStringLiteral("failed");
    finished.errorCode = QStringLiteral("dcs.08.0007");
    QVERIFY(log.append(finished));
    const AuditLog::Contents contents = log.read();
    QVERIFY(contents.problems.isEmpty());
    QCOMPARE(contents.records, (QList<AuditRecord>{sample(1), finished}));

    // One JSON object per line with the snake_case names of the contract.
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.last().isEmpty());
    for (const char *key :
         {"\"time\":\"2026-11-28T03:10:00.001Z\"", "\"os_user\"", "\"project_id\"",
          "\"instance_name\"", "\"backup_name\"", "\"restore_id\"", "\"request_id\"",
          "\"final_status\"", "\"error_code\"", "\"safety_backup_id\""})
        QVERIFY2(lines.first().contains(key), key);
}

void TestAuditLog::createsTheFolder() {
    const QString path = m_dir.filePath(QStringLiteral("deep/er/audit.jsonl"));
    QVERIFY(AuditLog(path).append(sample(2)));
    QCOMPARE(AuditLog(path).read().records.size(), 1);
}

void TestAuditLog::concurrentWritersKeepLinesWhole() {
    const QString path = newPath();
    // Long lines: far beyond any stdio buffer, so a split write would show.
    const QString filler(6000, QLatin1Char('x'));
    auto writer = [&](const QString &who) {
        const AuditLog log(path);
        for (int i = 0; i < 200; ++i) {
            AuditRecord r = sample(i);
            r.osUser = who;
            r.remark = who + QString::number(i) + filler;
            log.append(r);
        }
    };
    std::thread a(writer, QStringLiteral("A"));
    std::thread b(writer, QStringLiteral("B"));
    a.join();
    b.join();

    const AuditLog::Contents contents = AuditLog(path).read();
    QVERIFY(contents.problems.isEmpty());
    QCOMPARE(contents.records.size(), 400);
    QSet<QString> seen;
    for (const AuditRecord &r : contents.records) {
        QVERIFY(r.remark.endsWith(filler));
        QCOMPARE(r.remark.left(r.osUser.size()), r.osUser);
        seen.insert(r.remark.left(r.remark.size() - filler.size()));
    }
    QCOMPARE(seen.size(), 400);
}

void TestAuditLog::damagedLinesAreReportedAndSkipped() {
    const QString path = newPath();
    AuditLog log(path);
    QVERIFY(log.append(sample(1)));
    QVERIFY(log.append(sample(2)));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"time\": \"2026-11-28T03:10:00Z\", \"event\": \"att\n"); // line 3: cut
        file.write("[1, 2, 3]\n");                                             // line 4
        file.write("{\"event\": \"attempt\"}\n");                              // line 5: no time
        file.write("\n");                                                      // line 6: empty
    }
    QVERIFY(log.append(sample(3)));

    const AuditLog::Contents contents = log.read();
    QCOMPARE(contents.records, (QList<AuditRecord>{sample(1), sample(2), sample(3)}));
    QCOMPARE(contents.problems.size(), 3);
    QCOMPARE(contents.problems.at(0).line, 3);
    QCOMPARE(contents.problems.at(1).line, 4);
    QCOMPARE(contents.problems.at(2).line, 5);
    for (const AuditLog::Problem &p : contents.problems)
        QVERIFY2(p.message.contains(QString::number(p.line)), qPrintable(p.message));
    QVERIFY(contents.problems.at(1).message.contains(QStringLiteral("object")));
    QVERIFY(contents.problems.at(2).message.contains(QStringLiteral("time")));
}

void TestAuditLog::tornLastLineDoesNotSwallowTheNext() {
    const QString path = newPath();
    AuditLog log(path);
    QVERIFY(log.append(sample(1)));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"time\": \"2026-11-28T03:1"); // a crash in the middle of a line
    }
    QVERIFY(log.append(sample(2)));
    const AuditLog::Contents contents = log.read();
    QCOMPARE(contents.records, (QList<AuditRecord>{sample(1), sample(2)}));
    QCOMPARE(contents.problems.size(), 1);
    QCOMPARE(contents.problems.first().line, 2);
}

void TestAuditLog::csvQuotesCommasQuotesNewlinesAndChinese() {
    AuditRecord r = sample(7);
    r.remark = QStringLiteral("a, \"b\"\nc");
    r.instanceName = QStringLiteral("订单缓存");
    r.profile = QStringLiteral("plain");
    const QByteArray bytes = AuditLog::toCsv({r}).toUtf8();
    // UTF-8 with a byte-order mark, so a spreadsheet on a Chinese system reads it as UTF-8.
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QString csv = QString::fromUtf8(bytes.mid(3));
    const QStringList rows = csv.split(QStringLiteral("\r\n"));
    QCOMPARE(rows.size(), 3); // header, record, and the empty rest after the last CRLF
    QVERIFY(rows.last().isEmpty());
    QCOMPARE(rows.first(), AuditLog::csvHeaders().join(QLatin1Char(',')));
    QCOMPARE(
        rows.at(1),
        QStringLiteral("2026-11-28T03:10:00.007Z,attempt,ops,plain,cn-north-4,"
                       "0f1e2d3c4b5a49687766554433221100,instance-7,订单缓存,backup-7,"
                       "backup_20261127054907,\"a, \"\"b\"\"\nc\",restore-7,"
                       "0123456789abcdef0123456789abcdef,accepted,,,safety-7,")); // no verification
    QCOMPARE(AuditLog::csvHeaders().size(), 18);
    QCOMPARE(AuditLog::toCsv({}).toUtf8(),
             QByteArray("\xEF\xBB\xBF") +
                 (AuditLog::csvHeaders().join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
}

void TestAuditLog::csvNeutralisesFormulas() {
    // A remark or a name the server sent cannot become a formula in a spreadsheet.
    AuditRecord r = sample(8);
    r.remark = QStringLiteral("=HYPERLINK(\"http://x\",\"y\")");
    r.instanceName = QStringLiteral("+cache");
    r.backupName = QStringLiteral("@SUM(A1)");
    r.osUser = QStringLiteral("-ops");
    const QString csv = QString::fromUtf8(AuditLog::toCsv({r}).toUtf8().mid(3));
    const QString row = csv.split(QStringLiteral("\r\n")).at(1);
    QVERIFY2(row.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")),
             qPrintable(row));
    QVERIFY2(row.contains(QStringLiteral(",'+cache,")), qPrintable(row));
    QVERIFY2(row.contains(QStringLiteral(",'@SUM(A1),")), qPrintable(row));
    QVERIFY2(row.contains(QStringLiteral(",'-ops,")), qPrintable(row));
}

void TestAuditLog::csvHeadersAreTranslated() {
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QStringList headers = AuditLog::csvHeaders();
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(headers.size(), 18);
    for (const QString &h : headers)
        QVERIFY2(h.startsWith(QLatin1Char('<')) && h.endsWith(QLatin1Char('>')), qPrintable(h));
    QCOMPARE(headers.first(), QStringLiteral("<Time (UTC)>"));
    QCOMPARE(AuditLog::csvHeaders().first(), QStringLiteral("Time (UTC)"));
}

void TestAuditLog::csvHeadersInChinese() {
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/dcs-console_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    const QStringList headers = AuditLog::csvHeaders();
    const QString csv = QString::fromUtf8(AuditLog::toCsv({sample(1)}).toUtf8().mid(3));
    QCoreApplication::removeTranslator(&chinese);
    for (const QString &h : headers) {
        bool han = false;
        for (const QChar c : h)
            han |= c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff;
        QVERIFY2(han, qPrintable(h));
    }
    QVERIFY(csv.startsWith(headers.join(QLatin1Char(','))));
}

void TestAuditLog::exportWritesUtf8WithBom() {
    const QString path = m_dir.filePath(QStringLiteral("export.csv"));
    AuditRecord r = sample(3);
    r.instanceName = QStringLiteral("订单缓存");
    QString error;
    QVERIFY2(AuditLog::exportCsv(path, {r}, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(QStringLiteral("订单缓存").toUtf8()));
    QCOMPARE(bytes, AuditLog::toCsv({r}).toUtf8());
    error.clear();
    QVERIFY(!AuditLog::exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/x.csv")), {r}, &error));
    QVERIFY(!error.isEmpty());
}

void TestAuditLog::osUserIsKnown() {
    QVERIFY(!AuditLog::currentOsUser().isEmpty());
    const QByteArray saved = qgetenv("USER");
    qputenv("USER", "auditor");
    QCOMPARE(AuditLog::currentOsUser(), QStringLiteral("auditor"));
    qputenv("USER", saved);
}

namespace {

QByteArray lineOf(int n) {
    return QJsonDocument(sample(n).toJson()).toJson(QJsonDocument::Compact) + '\n';
}

// Writes n records straight to the file (append() per line would take minutes for big files).
void writeRecords(const QString &path, int from, int to) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    QByteArray block;
    for (int n = from; n < to; ++n) {
        block += lineOf(n);
        if (block.size() > (1 << 20)) {
            QCOMPARE(file.write(block), block.size());
            block.clear();
        }
    }
    QCOMPARE(file.write(block), block.size());
}

mode_t modeOf(const QString &path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 0777;
}

} // namespace

void TestAuditLog::readsTheNewestWithinTheRecordBound() {
    const QString path = newPath();
    writeRecords(path, 0, 30000);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{ damaged\n"); // line 30001
    }
    writeRecords(path, 30000, 30010); // lines 30002..30011

    const AuditLog::Contents contents = AuditLog(path).readNewest(1000);
    QCOMPARE(contents.records.size(), 1000);
    QVERIFY(contents.limited);
    // The newest thousand, in file order: 29010 .. 30009.
    QCOMPARE(contents.records.first(), sample(29010));
    QCOMPARE(contents.records.last(), sample(30009));
    // The damaged line keeps its number from the start of the file.
    QCOMPARE(contents.problemCount, 1);
    QCOMPARE(contents.problems.size(), 1);
    QCOMPARE(contents.problems.first().line, 30001);
}

void TestAuditLog::readsWithinTheByteBound() {
    const QString path = newPath();
    writeRecords(path, 0, 20000);
    const qint64 lineSize = lineOf(19999).size();
    const AuditLog::Contents contents =
        AuditLog(path).readNewest(AuditLog::DefaultMaxRecords, 512 * 1024);
    QVERIFY(contents.limited);
    QVERIFY(contents.records.size() > 0);
    // No more lines than the bytes read can hold.
    QVERIFY2(contents.records.size() <= (512 * 1024) / (lineSize - 20) + 1,
             qPrintable(QString::number(contents.records.size())));
    QCOMPARE(contents.records.last(), sample(19999));
}

void TestAuditLog::overlongLineIsSkippedNotKept() {
    const QString path = newPath();
    writeRecords(path, 0, 2);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        // Line 3: 5 MB without a line break, as a damaged or hostile file might hold.
        file.write(QByteArray("{\"remark\": \"") + QByteArray(5 * 1024 * 1024, 'x') + "\"}\n");
    }
    writeRecords(path, 2, 4);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write(QByteArray(3 * 1024 * 1024, 'y')); // line 6: the last, without a break
    }
    const AuditLog::Contents contents = AuditLog(path).readNewest();
    QCOMPARE(contents.records, (QList<AuditRecord>{sample(0), sample(1), sample(2), sample(3)}));
    QVERIFY(!contents.limited);
    QCOMPARE(contents.problems.size(), 2);
    QCOMPARE(contents.problems.at(0).line, 3);
    QCOMPARE(contents.problems.at(1).line, 6);
    QVERIFY(contents.problems.at(0).message.contains(QStringLiteral("longer")));
}

void TestAuditLog::readNewestMatchesReadOnSmallFiles() {
    // The first line, a line with no break at the end, empty lines: all numbered as before.
    const QString path = newPath();
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lineOf(1) + "\n\n" + lineOf(2) + "[1]\n" + lineOf(3).chopped(1));
    }
    const AuditLog::Contents contents = AuditLog(path).readNewest();
    QCOMPARE(contents.records, (QList<AuditRecord>{sample(1), sample(2), sample(3)}));
    QCOMPARE(contents.problems.size(), 1);
    QCOMPARE(contents.problems.first().line, 5);
    QVERIFY(!contents.limited);
}

void TestAuditLog::filesAreOwnerOnlyInOwnerOnlyFolders() {
    // Whatever the umask, the trail and the followed restores are the owner's alone.
    const mode_t saved = ::umask(022);
    const QString auditPath = m_dir.filePath(QStringLiteral("private/a/restore-audit.jsonl"));
    QVERIFY(AuditLog(auditPath).append(sample(1)));
    const QString pendingPath = m_dir.filePath(QStringLiteral("private/b/pending-restores.json"));
    PendingRestore pending;
    pending.profileId = QStringLiteral("profile");
    pending.instanceId = QStringLiteral("instance");
    pending.backupId = QStringLiteral("backup");
    pending.restoreId = QStringLiteral("restore");
    QVERIFY(PendingRestoreFile(pendingPath).add(pending));
    ::umask(saved);

    QCOMPARE(modeOf(auditPath), mode_t(0600));
    QCOMPARE(modeOf(pendingPath), mode_t(0600));
    for (const char *folder : {"private", "private/a", "private/b"})
        QCOMPARE(modeOf(m_dir.filePath(QLatin1String(folder))), mode_t(0700));
    // The temporary folder the test was given is not the console's to change.
    QCOMPARE(modeOf(m_dir.path()), mode_t(0700));

    // A trail left wider by an earlier version is narrowed at the next line.
    QVERIFY(QFile::setPermissions(auditPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ReadOther));
    QVERIFY(AuditLog(auditPath).append(sample(2)));
    QCOMPARE(modeOf(auditPath), mode_t(0600));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
