// The request log: the model under QAbstractItemModelTester, rows for real requests against
// dcs-sim, a saved file and a curl command that hold no credential, and the filter.

#include "GuiTestSupport.h"
#include "api/DcsClient.h"
#include "requestlog/RequestLogDock.h"
#include "requestlog/RequestLogModel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

// Answers every request with an empty instance list and keeps the Authorization header it got,
// so the test knows the exact signature that must not reach a file or the clipboard.
class RecordingServer : public QObject {
public:
    RecordingServer() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffer += socket->readAll();
                    if (!m_buffer.contains("\r\n\r\n"))
                        return;
                    for (const QByteArray &line : m_buffer.split('\n')) {
                        if (line.toLower().startsWith("authorization:"))
                            authorization = line.mid(line.indexOf(':') + 1).trimmed();
                    }
                    m_buffer.clear();
                    const QByteArray body = R"({"instance_num":0,"instances":[]})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "X-Request-Id: recorded-request-0001\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    QByteArray authorization;

private:
    QTcpServer m_server;
    QByteArray m_buffer;
};

dcs::RequestLogEntry entry(int n, const QString &profile = QStringLiteral("p"),
                           const QString &errorCode = {}) {
    dcs::RequestLogEntry e;
    e.startedAt = QDateTime::currentDateTimeUtc().addSecs(n);
    e.profileName = profile;
    e.method = "GET";
    e.url = QUrl(QStringLiteral("https://dcs.example.test/v1.0/p/instances?n=%1").arg(n));
    e.httpStatus = errorCode.isEmpty() ? 200 : 401;
    e.durationMs = n;
    e.requestId = QStringLiteral("req-%1").arg(n);
    e.errorCode = errorCode;
    return e;
}

} // namespace

class TestRequestLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.error()));
    }

    void modelPassesTheTesterAndDropsTheOldest() {
        RequestLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
        QCOMPARE(model.headerData(RequestLogModel::RequestId, Qt::Horizontal).toString(),
                 QStringLiteral("Request ID"));
        model.setCapacity(3);
        for (int n = 1; n <= 5; ++n)
            model.append(entry(n));
        QCOMPARE(inserted.count(), 5);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entryAt(0).requestId, QStringLiteral("req-3"));
        QCOMPARE(model.index(2, RequestLogModel::RequestId).data().toString(),
                 QStringLiteral("req-5"));
        QCOMPARE(model.index(2, RequestLogModel::Method).data().toString(), QStringLiteral("GET"));
        QCOMPARE(model.index(2, RequestLogModel::Status).data().toString(), QStringLiteral("200"));
        model.setCapacity(1);
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(RequestLogModel().capacity(), 5000);
    }

    void realRequestsAppearAndTheFilterWorks() {
        RequestLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto good = client(m_sim.url(), SimFixture::secretKey(), QStringLiteral("good"));
        auto bad = client(m_sim.url(), "wrong-secret", QStringLiteral("bad"));
        connect(good.get(), &dcs::DcsClient::requestFinished, &model, &RequestLogModel::append);
        connect(bad.get(), &dcs::DcsClient::requestFinished, &model, &RequestLogModel::append);
        list(good.get());
        list(bad.get());
        QVERIFY(model.rowCount() >= 2);
        int goodRow = -1;
        int badRow = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.entryAt(row).profileName == QLatin1String("good"))
                goodRow = row;
            else if (model.entryAt(row).profileName == QLatin1String("bad"))
                badRow = row;
        }
        QVERIFY(goodRow >= 0 && badRow >= 0);
        const auto cell = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(goodRow, RequestLogModel::Method), QStringLiteral("GET"));
        QCOMPARE(cell(goodRow, RequestLogModel::Status), QStringLiteral("200"));
        QVERIFY(cell(goodRow, RequestLogModel::Url).contains(QStringLiteral("/instances")));
        QVERIFY(!cell(goodRow, RequestLogModel::RequestId).isEmpty());
        QVERIFY(cell(goodRow, RequestLogModel::ErrorCode).isEmpty());
        QCOMPARE(cell(badRow, RequestLogModel::ErrorCode), QStringLiteral("APIGW.0301"));
        QCOMPARE(cell(badRow, RequestLogModel::Status), QStringLiteral("401"));
        QVERIFY(!cell(badRow, RequestLogModel::RequestId).isEmpty());

        RequestLogDock dock(&model);
        dock.show();
        auto *filter = dock.findChild<QLineEdit *>(QStringLiteral("requestLogFilter"));
        QVERIFY(filter);
        const int all = dock.proxy()->rowCount();
        QCOMPARE(all, model.rowCount());
        QTest::keyClicks(filter, QStringLiteral("apigw.0301"));
        QVERIFY(dock.proxy()->rowCount() >= 1);
        QVERIFY(dock.proxy()->rowCount() < all);
        for (int row = 0; row < dock.proxy()->rowCount(); ++row)
            QCOMPARE(dock.proxy()->index(row, RequestLogModel::Profile).data().toString(),
                     QStringLiteral("bad"));
        filter->clear();
        QCOMPARE(dock.proxy()->rowCount(), all);
    }

    void savedLogAndCurlHoldNoCredential() {
        RecordingServer server;
        RequestLogModel model;
        const QByteArray secret = "secret-key-that-must-never-be-written";
        auto recorded = client(server.url(), secret, QStringLiteral("recorded"));
        connect(recorded.get(), &dcs::DcsClient::requestFinished, &model, &RequestLogModel::append);
        list(recorded.get());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY2(server.authorization.contains("Signature="), server.authorization);
        const QByteArray signature =
            server.authorization.mid(server.authorization.indexOf("Signature=") + 10);
        QVERIFY(signature.size() >= 32);

        RequestLogDock dock(&model);
        dock.show();
        for (const QString &name : {QStringLiteral("log.jsonl"), QStringLiteral("log.csv")}) {
            const QString path = m_dir.filePath(name);
            QString error;
            QVERIFY2(dock.saveTo(path, &error), qPrintable(error));
            // The saved log names the project and instances: the owner's alone.
            QCOMPARE(QFile::permissions(path), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ReadUser | QFileDevice::WriteUser);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(bytes.contains("recorded-request-0001"), bytes);
            QVERIFY2(bytes.contains("/instances"), bytes);
            QVERIFY2(!bytes.contains(secret), bytes);
            QVERIFY2(!bytes.contains(signature), bytes);
            QVERIFY2(!bytes.contains(server.authorization), bytes);
            if (name.endsWith(QLatin1String(".jsonl"))) {
                QVERIFY2(bytes.contains("<redacted>"), bytes); // the header is named, not given
                QCOMPARE(bytes.count('\n'), 1);
            } else {
                QVERIFY(bytes.startsWith("\xEF\xBB\xBFtime,profile,method,url,http_status"));
                QCOMPARE(bytes.count("\r\n"), 2);
            }
        }

        auto *view = dock.findChild<QTableView *>(QStringLiteral("requestLogView"));
        auto *copy = dock.findChild<QPushButton *>(QStringLiteral("copyCurlButton"));
        QVERIFY(view && copy);
        QVERIFY(!copy->isEnabled());
        view->selectRow(0);
        QVERIFY(copy->isEnabled());
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString curl = QGuiApplication::clipboard()->text();
        QVERIFY2(curl.startsWith(QStringLiteral("curl ")), qPrintable(curl));
        QVERIFY2(curl.contains(QStringLiteral("$DCS_AUTHORIZATION")), qPrintable(curl));
        QVERIFY(curl.contains(server.url().toString() +
                              QStringLiteral("/v2/"))); // Automatic, and dcs-sim has v2
        QVERIFY(!curl.contains(QStringLiteral("/v1.0/")));
        QVERIFY(!curl.contains(QString::fromLatin1(signature)));
        QVERIFY(!curl.contains(QString::fromLatin1(secret)));
    }

private:
    std::unique_ptr<dcs::DcsClient> client(const QUrl &url, const QByteArray &secretKey,
                                           const QString &profile) {
        dcs::ClientConfig config;
        config.endpoint = url;
        config.projectId = SimFixture::projectId();
        config.accessKey = SimFixture::accessKey();
        config.secretKey = secretKey;
        config.profileName = profile;
        config.proxy.mode = dcs::ProxyChoice::Mode::None;
        config.transferTimeoutMs = 10000;
        return std::make_unique<dcs::DcsClient>(config);
    }

    void list(dcs::DcsClient *c) {
        bool done = false;
        c->listInstances({}, this, [&](const auto &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, guitest::LoadTimeoutMs);
    }

    QTemporaryDir m_dir;
    SimFixture m_sim;
};

QTEST_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
