// The impact preview: the data-loss window from execution_at (else created_at), sizes in bytes,
// and the duration text with plural forms in English and Chinese.

#include "restore/RestoreImpact.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace dcs;

class TestRestoreImpact : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossWindow_data();
    void lossWindow();
    void sizesFormatAndEngine();
    void durationText_data();
    void durationText();
    void durationTextIsTranslated();

private:
    static QDateTime at(int day, int hour, int minute = 0) {
        return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
    }
};

void TestRestoreImpact::lossWindow_data() {
    QTest::addColumn<QDateTime>("createdAt");
    QTest::addColumn<QDateTime>("executionAt");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("takenAt");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("execution_at wins")
        << at(20, 2, 58) << at(20, 3) << at(22, 8) << at(20, 3) << qint64(2 * 86400 + 5 * 3600);
    QTest::newRow("created_at when not started")
        << at(20, 2, 58) << QDateTime() << at(22, 8) << at(20, 2, 58)
        << qint64(2 * 86400 + 5 * 3600 + 2 * 60);
    QTest::newRow("backup in the future (clock skew)")
        << at(22, 9) << at(22, 9) << at(22, 8) << at(22, 9) << qint64(0);
    QTest::newRow("no time at all")
        << QDateTime() << QDateTime() << at(22, 8) << QDateTime() << qint64(0);
    // A time with an offset is the same instant, reported in UTC.
    QTest::newRow("offset time") << QDateTime() << at(20, 3).toOffsetFromUtc(8 * 3600) << at(20, 4)
                                 << at(20, 3) << qint64(3600);
}

void TestRestoreImpact::lossWindow() {
    QFETCH(QDateTime, createdAt);
    QFETCH(QDateTime, executionAt);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, takenAt);
    QFETCH(qint64, seconds);
    Backup backup;
    backup.createdAt = createdAt;
    backup.executionAt = executionAt;
    const RestoreImpact impact = RestoreImpact::compute(Instance(), backup, now);
    QCOMPARE(impact.backupTakenAt, takenAt);
    if (takenAt.isValid())
        QCOMPARE(impact.backupTakenAt.timeSpec(), Qt::UTC);
    QCOMPARE(impact.lossWindowSeconds, seconds);
}

void TestRestoreImpact::sizesFormatAndEngine() {
    Instance instance;
    instance.engine = QStringLiteral("Redis");
    instance.engineVersion = QStringLiteral("5.0");
    instance.usedMemoryMb = 3187;
    instance.maxMemoryMb = 8192;
    Backup backup;
    backup.size = 1114137089;
    backup.backupFormat = QStringLiteral("RDB");
    backup.backupType = QStringLiteral("auto");
    const RestoreImpact impact = RestoreImpact::compute(instance, backup, at(22, 8));
    QCOMPARE(impact.backupSizeBytes, qint64(1114137089));
    QCOMPARE(impact.usedMemoryBytes, qint64(3187) * 1024 * 1024);
    QCOMPARE(impact.maxMemoryBytes, qint64(8192) * 1024 * 1024);
    QCOMPARE(impact.backupFormat, QStringLiteral("rdb"));
    QCOMPARE(impact.backupType, QStringLiteral("auto"));
    QCOMPARE(impact.engine, QStringLiteral("Redis"));
    QCOMPARE(impact.engineVersion, QStringLiteral("5.0"));
}

void TestRestoreImpact::durationText_data() {
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("chinese");
    QTest::newRow("zero") << qint64(0) << "less than a minute"
                          << "不到 1 分钟";
    QTest::newRow("59 s") << qint64(59) << "less than a minute"
                          << "不到 1 分钟";
    QTest::newRow("1 min") << qint64(60) << "1 minute"
                           << "1 分钟";
    QTest::newRow("45 min") << qint64(45 * 60 + 59) << "45 minutes"
                            << "45 分钟";
    QTest::newRow("1 h") << qint64(3600) << "1 hour"
                         << "1 小时";
    QTest::newRow("1 h 1 min") << qint64(3660) << "1 hour 1 minute"
                               << "1 小时 1 分钟";
    QTest::newRow("3 h 12 min") << qint64(3 * 3600 + 12 * 60 + 30) << "3 hours 12 minutes"
                                << "3 小时 12 分钟";
    QTest::newRow("1 day") << qint64(86400 + 59 * 60) << "1 day"
                           << "1 天";
    QTest::newRow("2 days 5 h") << qint64(2 * 86400 + 5 * 3600 + 17 * 60) << "2 days 5 hours"
                                << "2 天 5 小时";
    QTest::newRow("1 day 1 h") << qint64(86400 + 3600) << "1 day 1 hour"
                               << "1 天 1 小时";
    QTest::newRow("90 days") << qint64(90 * 86400 + 30) << "90 days"
                             << "90 天";
}

void TestRestoreImpact::durationText() {
    QFETCH(qint64, seconds);
    QFETCH(QString, english);
    QFETCH(QString, chinese);
    // Plural forms come from the catalogues, as in the console (English has its own).
    auto in = [seconds](const QString &catalogue) {
        QTranslator translator;
        if (!translator.load(catalogue))
            return QStringLiteral("no catalogue ") + catalogue;
        QCoreApplication::installTranslator(&translator);
        const QString text = RestoreImpact::durationText(seconds);
        QCoreApplication::removeTranslator(&translator);
        return text;
    };
    QCOMPARE(in(QStringLiteral(":/i18n/dcs-console_en.qm")), english);
    QCOMPARE(in(QStringLiteral(":/i18n/dcs-console_zh_CN.qm")), chinese);
}

void TestRestoreImpact::durationTextIsTranslated() {
    // Without a catalogue the source text shows: proof the text goes through translation.
    QCOMPARE(RestoreImpact::durationText(2 * 86400 + 5 * 3600),
             QStringLiteral("2 day(s) 5 hour(s)"));
}

QTEST_GUILESS_MAIN(TestRestoreImpact)
#include "tst_restoreimpact.moc"
