// The key names typed under "Keys to look for": separated by white space, a name with spaces in
// double quotes.

#include "verify/KeyNames.h"

#include <QTest>

using dcs::KeyNames;

class TestKeyNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<QByteArray>>("names");
        using L = QList<QByteArray>;
        QTest::newRow("none") << QString() << L{};
        QTest::newRow("only spaces") << QStringLiteral(" \t ") << L{};
        QTest::newRow("separated by any white space")
            << QStringLiteral(" user:1\tuser:2 \n session:9 ")
            << L{"user:1", "user:2", "session:9"};
        QTest::newRow("a quoted name keeps its spaces")
            << QStringLiteral("cart:7 \"order 2024 total\" x")
            << L{"cart:7", "order 2024 total", "x"};
        QTest::newRow("quotes inside a word join it") << QStringLiteral("a\"b c\"d") << L{"ab cd"};
        QTest::newRow("escaped quote and backslash in quotes")
            << QStringLiteral("\"say \\\"hi\\\" \\\\ bye\"") << L{"say \"hi\" \\ bye"};
        QTest::newRow("a backslash outside quotes is a character")
            << QStringLiteral("a\\b") << L{"a\\b"};
        QTest::newRow("an empty quoted name is a name") << QStringLiteral("\"\" k") << L{"", "k"};
        QTest::newRow("each name once, first order kept")
            << QStringLiteral("b a \"b\" a c") << L{"b", "a", "c"};
        QTest::newRow("UTF-8 bytes") << QStringLiteral("订单:1 \"购物 车\"")
                                     << L{QByteArray("订单:1"), QByteArray("购物 车")};
    }
    void names() {
        QFETCH(QString, text);
        QFETCH(QList<QByteArray>, names);
        const KeyNames parsed = KeyNames::parse(text);
        QVERIFY(!parsed.unclosedQuote);
        QCOMPARE(parsed.names, names);
    }

    void unclosedQuoteIsSaidAndNothingGuessed() {
        const KeyNames parsed = KeyNames::parse(QStringLiteral("user:1 \"order 2024"));
        QVERIFY(parsed.unclosedQuote);
        QVERIFY(!parsed.names.contains(QByteArray("order 2024")));
        QVERIFY(!parsed.names.contains(QByteArray("order")));
        // An escaped quote does not close one.
        QVERIFY(KeyNames::parse(QStringLiteral("\"a\\\"")).unclosedQuote);
        QVERIFY(!KeyNames::parse(QStringLiteral("\"a\\\"\"")).unclosedQuote);
    }
};

QTEST_GUILESS_MAIN(TestKeyNames)
#include "tst_keynames.moc"
