// What the service sends is not trusted: numbers out of range become "unknown" instead of an
// overflowed fact, progress is clamped, implausible dates are no dates, text is plain and cut to a
// length, direction overrides are neutralised, ids are checked and never coerced from numbers,
// and an instance whose type cannot be told is never treated as backup-capable.

#include "model/Backup.h"
#include "model/DisplayText.h"
#include "model/Instance.h"
#include "model/JsonRead.h"
#include "model/PlainText.h"
#include "model/Remark.h"
#include "model/RestoreRecord.h"
#include "restore/RestoreImpact.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTest>
#include <cmath>

using namespace dcs;

class TestUntrusted : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void integersOutOfRangeAreUnknown_data();
    void integersOutOfRangeAreUnknown();
    void sizesAreUnknownRatherThanMadeUp();
    void progressIsClampedOrUnknown_data();
    void progressIsClampedOrUnknown();
    void implausibleDatesAreNoDates_data();
    void implausibleDatesAreNoDates();
    void memoryNeverOverflows();
    void impactNeverOverflows();
    void longDurationsDoNotWrap();
    void directionOverridesAreNeutralised();
    void controlCharactersAreVisible();
    void longTextIsCut();
    void idsAreChecked_data();
    void idsAreChecked();
    void numericIdIsNotCoerced();
    void unknownCacheModeIsUnknownType();
    void allNullInstanceIsNotActedOn();
    void remarkFitsInBytesWithoutSplittingACharacter();
};

void TestUntrusted::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestUntrusted::integersOutOfRangeAreUnknown_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("1e30") << QJsonValue(1e30);
    QTest::newRow("-1e30") << QJsonValue(-1e30);
    QTest::newRow("2^63") << QJsonValue(9223372036854775808.0);
    QTest::newRow("text beyond int64") << QJsonValue(QStringLiteral("99999999999999999999"));
    QTest::newRow("text 1e300") << QJsonValue(QStringLiteral("1e300"));
    QTest::newRow("text inf") << QJsonValue(QStringLiteral("inf"));
    QTest::newRow("text nan") << QJsonValue(QStringLiteral("nan"));
}

void TestUntrusted::integersOutOfRangeAreUnknown() {
    QFETCH(QJsonValue, value);
    QVERIFY(!json::optionalInteger(value).has_value());
}

void TestUntrusted::sizesAreUnknownRatherThanMadeUp() {
    for (const QJsonValue &size : {QJsonValue(1e30), QJsonValue(-5),
                                   QJsonValue(QStringLiteral("x")), QJsonValue(QJsonValue::Null)}) {
        const Backup b = Backup::fromJson(QJsonObject{{"size", size}});
        QVERIFY2(b.size < 0, qPrintable(QString::number(b.size)));
        QCOMPARE(DisplayText::dataSize(b.size), DisplayText::unknown());
    }
    // 2^62 bytes is a (large) fact and stays one.
    const Backup big = Backup::fromJson(QJsonObject{{"size", 4611686018427387904.0}});
    QCOMPARE(big.size, Q_INT64_C(4611686018427387904));
    QVERIFY(!DisplayText::dataSize(big.size).startsWith(QLatin1Char('-')));
}

void TestUntrusted::progressIsClampedOrUnknown_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<double>("expected"); // <0: unknown
    QTest::newRow("text 50.5") << QJsonValue(QStringLiteral("50.50")) << 50.5;
    QTest::newRow("150") << QJsonValue(150) << 100.0;
    QTest::newRow("text 150") << QJsonValue(QStringLiteral("150.00")) << 100.0;
    QTest::newRow("-3") << QJsonValue(-3) << 0.0;
    QTest::newRow("not a number") << QJsonValue(QStringLiteral("almost")) << -1.0;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << -1.0;
    QTest::newRow("1e308 text") << QJsonValue(QStringLiteral("1e400")) << -1.0;
}

void TestUntrusted::progressIsClampedOrUnknown() {
    QFETCH(QJsonValue, value);
    QFETCH(double, expected);
    const Backup b = Backup::fromJson(QJsonObject{{"progress", value}});
    const RestoreRecord r = RestoreRecord::fromJson(QJsonObject{{"progress", value}});
    for (double progress : {b.progress, r.progress}) {
        if (expected < 0) {
            QVERIFY(progress < 0);
            QCOMPARE(DisplayText::percent(progress), DisplayText::unknown());
        } else {
            QCOMPARE(progress, expected);
        }
    }
    QCOMPARE(DisplayText::percent(150.0), QStringLiteral("100%"));
}

void TestUntrusted::implausibleDatesAreNoDates_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("epoch 1") << QJsonValue(1);
    QTest::newRow("epoch text 1") << QJsonValue(QStringLiteral("1"));
    QTest::newRow("1970") << QJsonValue(QStringLiteral("1970-01-01T00:00:00Z"));
    QTest::newRow("year 1") << QJsonValue(QStringLiteral("0001-01-01T00:00:00Z"));
    QTest::newRow("year 9999") << QJsonValue(QStringLiteral("9999-12-31T23:59:59Z"));
    QTest::newRow("1e20 ms") << QJsonValue(1e20);
    QTest::newRow("9e18") << QJsonValue(9.0e18);
}

void TestUntrusted::implausibleDatesAreNoDates() {
    QFETCH(QJsonValue, value);
    const QDateTime parsed = json::dateTime(value);
    QVERIFY2(!parsed.isValid(), qPrintable(parsed.toString(Qt::ISODate)));
}

void TestUntrusted::memoryNeverOverflows() {
    const Instance i = Instance::fromJson(
        QJsonObject{{"used_memory", 1e16}, {"max_memory", QStringLiteral("99999999999999")}});
    const QString shown = DisplayText::memoryUsage(i.usedMemoryMb, i.maxMemoryMb);
    QVERIFY2(!shown.contains(QLatin1Char('-')), qPrintable(shown));
    // 8796093022207 MB is the most that fits in bytes; more is shown as unknown.
    QCOMPARE(DisplayText::memoryUsage(Q_INT64_C(9000000000000), 2048), DisplayText::unknown());
    QVERIFY(!DisplayText::memoryUsage(100, Q_INT64_C(9000000000000)).contains(QLatin1Char('-')));
}

void TestUntrusted::impactNeverOverflows() {
    Instance instance;
    instance.usedMemoryMb = Q_INT64_C(9000000000000);
    instance.maxMemoryMb = Q_INT64_C(9000000000000);
    Backup backup;
    backup.size = 1024;
    backup.createdAt = QDateTime::currentDateTimeUtc().addDays(-1);
    const RestoreImpact impact =
        RestoreImpact::compute(instance, backup, QDateTime::currentDateTimeUtc());
    QVERIFY(impact.usedMemoryBytes < 0); // unknown, not wrapped around
    QVERIFY(impact.maxMemoryBytes < 0);
    QVERIFY(impact.lossWindowSeconds > 0);
}

void TestUntrusted::longDurationsDoNotWrap() {
    // More days than an int holds: the count must not wrap around to a negative number.
    const QString text = RestoreImpact::durationText((Q_INT64_C(2147483648) + 5) * 86400);
    QVERIFY2(!text.contains(QLatin1Char('-')) && !text.contains(QLatin1String("%n")),
             qPrintable(text));
}

void TestUntrusted::directionOverridesAreNeutralised() {
    // "invoice\u202Etxt.exe" reads "invoiceexe.txt" on screen.
    const QString hostile = QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("txt.exe");
    const Instance i = Instance::fromJson(QJsonObject{{"name", hostile}});
    for (const QChar c : i.name) {
        const char16_t u = c.unicode();
        QVERIFY2(!(u >= 0x202A && u <= 0x202E) && !(u >= 0x2066 && u <= 0x2069) && u != 0x200E &&
                     u != 0x200F && u != 0x061C,
                 "a direction control survived");
    }
    QVERIFY(i.name.startsWith(QStringLiteral("invoice")));
    QVERIFY(i.name.endsWith(QStringLiteral("txt.exe")));
    const Backup b = Backup::fromJson(QJsonObject{{"backup_name", hostile}, {"remark", hostile}});
    QVERIFY(!b.backupName.contains(QChar(0x202E)));
    QVERIFY(!b.remark.contains(QChar(0x202E)));
    // An isolated value cannot reorder what is around it.
    const QString isolated = isolate(QStringLiteral("שלום"));
    QCOMPARE(isolated.front(), QChar(0x2068));
    QCOMPARE(isolated.back(), QChar(0x2069));
}

void TestUntrusted::controlCharactersAreVisible() {
    const Instance i = Instance::fromJson(
        QJsonObject{{"name", QStringLiteral("a\nb\u0007c\u2028d")}, {"description", "x\ty"}});
    QVERIFY(!i.name.contains(QLatin1Char('\n')));
    QVERIFY(!i.name.contains(QChar(0x07)));
    QVERIFY(!i.name.contains(QChar(0x2028)));
    QCOMPARE(i.name.size(), 7);
    QVERIFY(!i.description.contains(QLatin1Char('\t')));
}

void TestUntrusted::longTextIsCut() {
    const QString huge(10 * 1024 * 1024, QLatin1Char('n'));
    const Instance i =
        Instance::fromJson(QJsonObject{{"name", huge}, {"description", huge}, {"status", huge}});
    QVERIFY(i.name.size() <= plaintext::NameLength + 1);
    QVERIFY(i.description.size() <= plaintext::LongTextLength + 1);
    QVERIFY(i.status.size() <= plaintext::WordLength + 1);
    QVERIFY(i.name.endsWith(QChar(0x2026)));
    // Cut between characters, never inside a surrogate pair.
    QString emoji;
    for (int n = 0; n < plaintext::NameLength; ++n)
        emoji += QStringLiteral("😀");
    const Backup b = Backup::fromJson(QJsonObject{{"backup_name", emoji}});
    for (qsizetype k = 0; k < b.backupName.size(); ++k) {
        if (b.backupName.at(k).isHighSurrogate())
            QVERIFY(k + 1 < b.backupName.size() && b.backupName.at(k + 1).isLowSurrogate());
        if (b.backupName.at(k).isLowSurrogate())
            QVERIFY(k > 0 && b.backupName.at(k - 1).isHighSurrogate());
    }
}

void TestUntrusted::idsAreChecked_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("uuid") << QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029") << true;
    QTest::newRow("short") << QStringLiteral("i-1") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("query") << QStringLiteral("a?b=1") << false;
    QTest::newRow("percent") << QStringLiteral("a%2Fb") << false;
    QTest::newRow("override") << QStringLiteral("ab") + QChar(0x202E) << false;
    QTest::newRow("too long") << QString(129, QLatin1Char('a')) << false;
}

void TestUntrusted::idsAreChecked() {
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidId(id), valid);
    QJsonObject o{{"backup_id", id}, {"status", "succeed"}, {"is_support_restore", "TRUE"}};
    const Backup b = Backup::fromJson(o);
    QCOMPARE(b.problems() == RecordProblems(), valid);
    QCOMPARE(b.isRestorable(), valid);
    const RestoreRecord r = RestoreRecord::fromJson(QJsonObject{{"restore_id", id}});
    QCOMPARE(r.problems() == RecordProblems(), valid);
}

void TestUntrusted::numericIdIsNotCoerced() {
    const Backup b = Backup::fromJson(
        QJsonObject{{"backup_id", 12345}, {"status", "succeed"}, {"is_support_restore", "TRUE"}});
    QVERIFY(b.backupId.isEmpty());
    QVERIFY(b.problems().testFlag(RecordProblem::MissingId));
    QVERIFY(!b.isRestorable());
    const Instance i = Instance::fromJson(QJsonObject{{"instance_id", 7}});
    QVERIFY(i.instanceId.isEmpty());
    QVERIFY(i.problems().testFlag(RecordProblem::MissingId));
}

void TestUntrusted::unknownCacheModeIsUnknownType() {
    const Instance i = Instance::fromJson(QJsonObject{{"instance_id", "i-1"},
                                                      {"cache_mode", "quantum"},
                                                      {"spec_code", "redis.ha.xu1.large.r2.2"}});
    QCOMPARE(int(i.type()), int(InstanceType::Unknown));
    QVERIFY(i.problems().testFlag(RecordProblem::UnknownType));
    QVERIFY(!i.supportsBackup());
    QVERIFY(!describeRecordProblems(i.problems()).isEmpty());
}

void TestUntrusted::allNullInstanceIsNotActedOn() {
    QJsonObject o;
    for (const char *key : {"instance_id", "name", "status", "spec_code", "cache_mode", "engine",
                            "max_memory", "used_memory", "capacity", "created_at"})
        o.insert(QLatin1String(key), QJsonValue(QJsonValue::Null));
    const Instance i = Instance::fromJson(o);
    QVERIFY(i.problems().testFlag(RecordProblem::MissingId));
    QVERIFY(i.problems().testFlag(RecordProblem::UnknownType));
    QVERIFY(!i.supportsBackup());
    QVERIFY(i.maxMemoryMb < 0);
}

void TestUntrusted::remarkFitsInBytesWithoutSplittingACharacter() {
    const QString a127(127, QLatin1Char('a'));
    QCOMPARE(remark::fit(a127 + QStringLiteral("😀")), a127);
    QCOMPARE(remark::fit(QString(50, QChar(0x5907))), QString(42, QChar(0x5907)));
    // A family emoji is one character of 25 bytes: all of it or nothing.
    const QString family = QStringLiteral("👨‍👩‍👧‍👦");
    QCOMPARE(remark::fit(QString(110, QLatin1Char('b')) + family), QString(110, QLatin1Char('b')));
    QCOMPARE(remark::fit(QString(100, QLatin1Char('b')) + family),
             QString(100, QLatin1Char('b')) + family);
    // e + combining acute stays together.
    const QString accented = QString(127, QLatin1Char('c')) + QStringLiteral("e\u0301");
    QCOMPARE(remark::fit(accented), QString(127, QLatin1Char('c')));
    QCOMPARE(remark::utf8Bytes(QStringLiteral("回滚")), 6);
    QCOMPARE(remark::fit(QString()), QString());
}

QTEST_GUILESS_MAIN(TestUntrusted)
#include "tst_untrusted.moc"
