// What the console writes for other programs and says about places: the one CSV writer every
// export goes through, and the region names beside their ids.

#include "export/CsvWriter.h"
#include "profiles/Profile.h"
#include "profiles/Regions.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace dcs;

class TestExports : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvIsUtf8WithAByteOrderMark() {
        CsvWriter csv({QStringLiteral("名称"), QStringLiteral("Remark")});
        csv.addRow({QStringLiteral("订单缓存"), QStringLiteral("before release 2.14")});
        const QByteArray bytes = csv.toUtf8();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(QString::fromUtf8(bytes.mid(3)),
                 QStringLiteral("名称,Remark\r\n订单缓存,before release 2.14\r\n"));
        QCOMPARE(csv.rowCount(), 1);
    }

    void cellsAreQuotedAsRfc4180Says_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << "cache-01"
                               << "cache-01";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("line break") << "a\nb"
                                    << "\"a\nb\"";
        QTest::newRow("carriage return inside") << "a\rb"
                                                << "\"a\rb\"";
        QTest::newRow("a dash inside") << "cn-north-4"
                                       << "cn-north-4";
        QTest::newRow("an equals sign inside") << "a=b"
                                               << "a=b";
    }
    void cellsAreQuotedAsRfc4180Says() {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(CsvWriter::cell(value), written);
    }

    // A name or remark the server sent never becomes a formula: = + - @ and the tab and
    // carriage return some spreadsheets skip get a leading apostrophe.
    void formulasAreNeutralised_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << "=1+1"
                                << "'=1+1";
        QTest::newRow("plus") << "+cmd"
                              << "'+cmd";
        QTest::newRow("minus") << "-2+3"
                               << "'-2+3";
        QTest::newRow("at") << "@SUM(A1:A9)"
                            << "'@SUM(A1:A9)";
        QTest::newRow("tab") << "\t=1"
                             << "'\t=1";
        QTest::newRow("carriage return") << "\r=1"
                                         << "\"'\r=1\"";
        QTest::newRow("hyperlink with quotes and a comma")
            << "=HYPERLINK(\"http://evil\",\"x\")"
            << "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"";
    }
    void formulasAreNeutralised() {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QVERIFY(CsvWriter::looksLikeFormula(value));
        QCOMPARE(CsvWriter::cell(value), written);
    }

    void headersAreNeutralisedToo() {
        CsvWriter csv({QStringLiteral("=x")});
        QCOMPARE(QString::fromUtf8(csv.toUtf8().mid(3)), QStringLiteral("'=x\r\n"));
    }

    void saveIsAtomicAndSaysWhyItFailed() {
        QTemporaryDir dir;
        CsvWriter csv({QStringLiteral("a")});
        csv.addRow({QStringLiteral("1")});
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QString error;
        QVERIFY2(csv.save(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), csv.toUtf8());
        QVERIFY(!csv.save(dir.filePath(QStringLiteral("missing/folder/out.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("out.csv")), qPrintable(error));
    }

    void regionsHaveNamesInBothLanguages() {
        QCOMPARE(regions::name(QStringLiteral("cn-north-4")), QStringLiteral("CN North-Beijing4"));
        QCOMPARE(regions::idWithName(QStringLiteral("cn-north-4")),
                 QStringLiteral("cn-north-4 — CN North-Beijing4"));
        // An id not in the table is shown as it is.
        QCOMPARE(regions::name(QStringLiteral("xx-nowhere-1")), QString());
        QCOMPARE(regions::idWithName(QStringLiteral("xx-nowhere-1")),
                 QStringLiteral("xx-nowhere-1"));
        // Every known region has a name.
        QCOMPARE(knownRegions(), regions::ids());
        for (const QString &id : regions::ids())
            QVERIFY2(!regions::name(id).isEmpty(), qPrintable(id));

        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/dcs-console_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        const QString beijing = regions::idWithName(QStringLiteral("cn-north-4"));
        QStringList untranslated;
        for (const QString &id : regions::ids()) {
            const QString name = regions::name(id);
            bool han = false;
            for (const QChar c : name)
                han |= c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff;
            if (!han)
                untranslated << id + QLatin1Char('=') + name;
        }
        QCoreApplication::removeTranslator(&chinese);
        QCOMPARE(beijing, QStringLiteral("cn-north-4 — 华北-北京四"));
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
