// The network layer as the console gets it: a module loaded at run time (the program itself links
// no Qt Network). Loaded from the build tree here, it must answer requests as the linked layer
// does; a missing or foreign module must say so instead of crashing.

#include "HostileServer.h"
#include "NetworkModuleLoader.h"

#include <QFile>
#include <QLibrary>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;

class TestNetworkModule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theBuiltModuleAnswersRequests() {
        NetworkModuleLoader loader(QStringLiteral(DCS_TEST_NETWORK_MODULE));
        NetworkModule *module = loader.module();
        QVERIFY2(module, qPrintable(loader.error()));
        QVERIFY(loader.error().isEmpty());
        QCOMPARE(loader.module(), module); // loaded once

        HostileServer server;
        server.on("GET", QStringLiteral("/hello"), [](const HostileServer::Request &) {
            return HostileServer::reply(200, "hello", {"X-Greeting: from-the-module"});
        });
        HttpSettings settings;
        settings.proxy.mode = ProxyChoice::Mode::None;
        std::unique_ptr<HttpEngine> engine = module->createEngine(settings);
        QVERIFY(engine);
        std::optional<HttpAnswer> answer;
        engine->send(
            HttpRequest{"GET", server.url().resolved(QUrl(QStringLiteral("/hello"))), {}, {}},
            [&](HttpAnswer a) { answer = std::move(a); });
        QVERIFY(!answer); // never at once
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QVERIFY2(!answer->error.isError(), qPrintable(answer->error.summary()));
        QCOMPARE(answer->status, 200);
        QCOMPARE(answer->body, QByteArray("hello"));
        QCOMPARE(answer->header("x-greeting"), QByteArray("from-the-module"));
    }

    void aWriteIsSentOnceAndALostAnswerSaysSo() {
        NetworkModuleLoader loader(QStringLiteral(DCS_TEST_NETWORK_MODULE));
        QVERIFY2(loader.module(), qPrintable(loader.error()));
        HostileServer server;
        server.on("POST", QStringLiteral("/restore"),
                  [](const HostileServer::Request &) { return HostileServer::drop(); });
        HttpSettings settings;
        settings.proxy.mode = ProxyChoice::Mode::None;
        std::unique_ptr<HttpEngine> engine = loader.module()->createEngine(settings);
        std::optional<HttpAnswer> answer;
        engine->send(
            HttpRequest{"POST", server.url().resolved(QUrl(QStringLiteral("/restore"))), {}, "{}"},
            [&](HttpAnswer a) { answer = std::move(a); });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QCOMPARE(answer->error.kind, ApiError::Kind::AnswerLost);
        QTest::qWait(200);
        QCOMPARE(server.requests().size(), 1);
    }

    void certificatesAreCountedNotTrustedBlindly() {
        NetworkModuleLoader loader(QStringLiteral(DCS_TEST_NETWORK_MODULE));
        QVERIFY2(loader.module(), qPrintable(loader.error()));
        QCOMPARE(loader.module()->certificateCount("not a certificate"), 0);
        QCOMPARE(loader.module()->certificateCount("-----BEGIN CERTIFICATE-----\nAAAA\n"
                                                   "-----END CERTIFICATE-----\n"),
                 0);
    }

    void aMissingModuleIsExplained() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("libdcs-network.so"));
        NetworkModuleLoader loader(missing);
        QVERIFY(!loader.module());
        QVERIFY2(loader.error().contains(QStringLiteral("cannot be loaded")),
                 qPrintable(loader.error()));
        QVERIFY(loader.error().contains(missing));
        QVERIFY(!loader.module()); // asked again: the same answer, no second attempt
    }

    void aFileThatIsNoModuleIsExplained() {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("libdcs-network.so"));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x7f"
                   "ELF but not really");
        file.close();
        NetworkModuleLoader loader(fake);
        QVERIFY(!loader.module());
        QVERIFY2(loader.error().contains(QStringLiteral("cannot be loaded")),
                 qPrintable(loader.error()));
    }

    void aModuleOfAnotherInterfaceRefuses() {
        QLibrary library(QStringLiteral(DCS_TEST_NETWORK_MODULE));
        QVERIFY2(library.load(), qPrintable(library.errorString()));
        using Entry = NetworkModule *(*)(int);
        const auto entry = reinterpret_cast<Entry>(library.resolve(NetworkModule::kEntryPoint));
        QVERIFY(entry);
        QVERIFY(!entry(NetworkModule::kInterfaceVersion + 1));
        QVERIFY(entry(NetworkModule::kInterfaceVersion));
    }
};

QTEST_GUILESS_MAIN(TestNetworkModule)
#include "tst_networkmodule.moc"
