// A real dcs-sim process on loopback, spoken to with raw signed requests.

#include "AkSkSigner.h"
#include "DemoData.h"
#include "OneShotUploadDevice.h"
#include "SimFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace dcs;

namespace {

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QByteArray requestId;
};

struct SendOptions {
    QByteArray secretKey = SimFixture::secretKey();
    QDateTime signedAt; // invalid: now
    bool sign = true;
    bool oneShot = false; // an upload Qt cannot send twice, as DcsClient does for restores
};

QString instancePath(const QString &name, const QString &tail = QString()) {
    return QStringLiteral("/v1.0/%1/instances/%2%3")
        .arg(SimFixture::projectId(), sim::demo::instanceId(name), tail);
}

QByteArray lastCodeOf(const QJsonObject &json) {
    if (json.contains(QLatin1String("error")))
        return json.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString()
            .toLatin1();
    return json.value(QLatin1String("error_code")).toString().toLatin1();
}

} // namespace

class TestSimHttp : public QObject {
    Q_OBJECT

private:
    // pathAndQuery is sent as written (already encoded), like an SDK would put it on the wire.
    Reply send(const SimFixture &sim, const QByteArray &method, const QString &pathAndQuery,
               const QByteArray &body = {}, const SendOptions &options = {}) {
        const QUrl url = QUrl::fromEncoded(sim.url().toEncoded() + pathAndQuery.toUtf8());
        QList<HeaderPair> headers{{"Content-Type", "application/json"}};
        if (options.sign) {
            const AkSkSigner signer(SimFixture::accessKey(), options.secretKey);
            const QDateTime at =
                options.signedAt.isValid() ? options.signedAt : QDateTime::currentDateTimeUtc();
            headers = signer.sign(method, url, headers, body, at);
        }
        QNetworkRequest request(url);
        for (const HeaderPair &header : headers)
            request.setRawHeader(header.first, header.second);
        QNetworkReply *reply = nullptr;
        if (options.oneShot) {
            // Without a Content-Length Qt waits for the unbuffered device forever.
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
            auto *device = new OneShotUploadDevice(body);
            reply = m_network.sendCustomRequest(request, method, device);
            device->setParent(reply);
        } else {
            reply = m_network.sendCustomRequest(request, method, body);
        }
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(15000);
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.requestId = reply->rawHeader("X-Request-Id");
        reply->deleteLater();
        return result;
    }

    QString restoreStatus(const SimFixture &sim, const QString &instance,
                          const QString &restoreId) {
        const Reply reply = send(sim, "GET", instancePath(instance, QStringLiteral("/restores")));
        const QJsonArray records =
            reply.json.value(QLatin1String("restore_record_response")).toArray();
        for (const QJsonValue &record : records) {
            if (record[QLatin1String("restore_id")].toString() == restoreId)
                return record[QLatin1String("status")].toString();
        }
        return {};
    }

    static int countLines(const QByteArray &log, const QByteArray &prefix, const QByteArray &part) {
        int count = 0;
        for (const QByteArray &line : log.split('\n')) {
            if (line.startsWith(prefix) && line.contains(part))
                ++count;
        }
        return count;
    }

    QNetworkAccessManager m_network;
    SimFixture m_sim;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("1"),
                              QStringLiteral("--backup-seconds"), QStringLiteral("1")}),
                 qPrintable(m_sim.error()));
    }

    void listInstances() {
        const Reply reply =
            send(m_sim, "GET",
                 QStringLiteral("/v1.0/%1/instances?start=1&limit=5").arg(SimFixture::projectId()));
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.requestId.isEmpty());
        QVERIFY(reply.json.value(QLatin1String("instance_num")).toInt() >= 8);
        const QJsonArray instances = reply.json.value(QLatin1String("instances")).toArray();
        QCOMPARE(instances.size(), 5);
        // The first master/standby instance of the list is the one that can be restored at once.
        QString firstHa;
        for (const QJsonValue &instance : instances) {
            if (firstHa.isEmpty() && instance[QLatin1String("spec_code")].toString().startsWith(
                                         QLatin1String("redis.ha.")))
                firstHa = instance[QLatin1String("name")].toString();
        }
        QCOMPARE(firstHa, sim::demo::restorableInstanceName());
        QVERIFY(!instances.first().toObject().contains(QLatin1String("cache_mode")));
    }

    void trailingSlashTolerated() {
        const Reply reply =
            send(m_sim, "GET",
                 instancePath(sim::demo::restorableInstanceName(), QStringLiteral("/backups/")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json.value(QLatin1String("total_num")).toInt() >= 5);
    }

    void unknownUrlIs404() {
        const Reply reply =
            send(m_sim, "GET", QStringLiteral("/v1.0/%1/nothing").arg(SimFixture::projectId()));
        QCOMPARE(reply.status, 404);
        // The v1 shape: {"error":{"code","message","ext_message":null}}.
        const QJsonObject error = reply.json.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("DCS.4001"));
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(error.contains(QLatin1String("ext_message")));
        QVERIFY(error.value(QLatin1String("ext_message")).isNull());
        QVERIFY(!reply.requestId.isEmpty());
    }

    void wrongMethodIs405() {
        const Reply reply = send(
            m_sim, "PUT",
            instancePath(sim::demo::restorableInstanceName(), QStringLiteral("/restores")), "{}");
        QCOMPARE(reply.status, 405);
        QCOMPARE(lastCodeOf(reply.json), QByteArray("DCS.5001"));
    }

    void unknownInstanceIs404() {
        const Reply reply = send(m_sim, "GET",
                                 QStringLiteral("/v1.0/%1/instances/00000000-0000-0000-0000-"
                                                "000000000000")
                                     .arg(SimFixture::projectId()));
        QCOMPARE(reply.status, 404);
        QCOMPARE(lastCodeOf(reply.json), QByteArray("DCS.3022"));
    }

    void wrongSecretIs401() {
        SendOptions options;
        options.secretKey = "not-the-secret";
        const Reply reply =
            send(m_sim, "GET", QStringLiteral("/v1.0/%1/instances").arg(SimFixture::projectId()),
                 {}, options);
        QCOMPARE(reply.status, 401);
        // The gateway shape, with the same request id as the header.
        QCOMPARE(reply.json.value(QLatin1String("error_code")).toString(),
                 QStringLiteral("APIGW.0301"));
        QVERIFY(!reply.json.value(QLatin1String("error_msg")).toString().isEmpty());
        QVERIFY(!reply.requestId.isEmpty());
        QCOMPARE(reply.json.value(QLatin1String("request_id")).toString().toLatin1(),
                 reply.requestId);
        QVERIFY(!reply.json.contains(QLatin1String("error")));
    }

    void missingAuthorizationIs401() {
        SendOptions options;
        options.sign = false;
        const Reply reply =
            send(m_sim, "GET", QStringLiteral("/v1.0/%1/instances").arg(SimFixture::projectId()),
                 {}, options);
        QCOMPARE(reply.status, 401);
        QCOMPARE(lastCodeOf(reply.json), QByteArray("APIGW.0301"));
    }

    void staleDateIs401() {
        SendOptions options;
        options.signedAt = QDateTime::currentDateTimeUtc().addSecs(-20 * 60);
        const Reply reply =
            send(m_sim, "GET", QStringLiteral("/v1.0/%1/instances").arg(SimFixture::projectId()),
                 {}, options);
        QCOMPARE(reply.status, 401);
        QCOMPARE(lastCodeOf(reply.json), QByteArray("APIGW.0303"));
        QVERIFY(!reply.requestId.isEmpty());
        // Ten minutes off is still within the gateway's window.
        options.signedAt = QDateTime::currentDateTimeUtc().addSecs(10 * 60);
        QCOMPARE(send(m_sim, "GET",
                      QStringLiteral("/v1.0/%1/instances").arg(SimFixture::projectId()), {},
                      options)
                     .status,
                 200);
    }

    void otherProjectIs401() {
        const Reply reply = send(m_sim, "GET", QStringLiteral("/v1.0/0123456789abcdef/instances"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(lastCodeOf(reply.json), QByteArray("DCS.1004"));
        QVERIFY(reply.json.contains(QLatin1String("error"))); // a DCS code: the v1 shape
    }

    void signedQueryNeedingEncoding() {
        // beginTime keeps its camelCase; the SDKs send ! ' ( ) * unencoded, other characters
        // (space, Chinese) percent-encoded. The verifier must decode and re-encode the same way.
        const QString path =
            instancePath(sim::demo::restorableInstanceName(), QStringLiteral("/backups"));
        const QString begin =
            QDateTime::currentDateTimeUtc().addDays(-2).toString(QStringLiteral("yyyyMMddHHmmss"));
        const QString end =
            QDateTime::currentDateTimeUtc().addDays(1).toString(QStringLiteral("yyyyMMddHHmmss"));
        const QString query = QStringLiteral("?limit=10&endTime=%1&beginTime=%2&note=a%20b(c)!*'~"
                                             "&zone=%E5%8C%97%E4%BA%AC&empty=")
                                  .arg(end, begin);
        const Reply reply = send(m_sim, "GET", path + query);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QLatin1String("total_num")).toInt(), 3); // 20.5, 27.25, 44.5 h

        const Reply bad = send(m_sim, "GET", path + QStringLiteral("?beginTime=2024-01-01"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(lastCodeOf(bad.json), QByteArray("DCS.4800"));
    }

    void unsignedPayloadAsTheSdksSendIt() {
        // The SDKs sign "X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD" on calls without a JSON content
        // type and put that literal where the body hash goes.
        const QUrl url = QUrl::fromEncoded(
            m_sim.url().toEncoded() +
            QStringLiteral("/v1.0/%1/instances?limit=2").arg(SimFixture::projectId()).toUtf8());
        const QByteArray date = AkSkSigner::formatSdkDate(QDateTime::currentDateTimeUtc());
        const QList<HeaderPair> signedHeaders{{"host", AkSkSigner::hostHeader(url)},
                                              {"x-sdk-content-sha256", "UNSIGNED-PAYLOAD"},
                                              {"x-sdk-date", date}};
        QByteArray canonical =
            AkSkSigner::canonicalRequest("GET", AkSkSigner::canonicalUri(url.path()),
                                         AkSkSigner::canonicalQuery(url), signedHeaders, {});
        canonical = canonical.left(canonical.lastIndexOf('\n') + 1) + "UNSIGNED-PAYLOAD";
        const QByteArray signature = AkSkSigner::signature(
            SimFixture::secretKey(), AkSkSigner::stringToSign(date, canonical));
        QNetworkRequest request(url);
        for (const HeaderPair &header : signedHeaders)
            request.setRawHeader(header.first, header.second);
        request.setRawHeader("Authorization",
                             "SDK-HMAC-SHA256 Access=" + SimFixture::accessKey() +
                                 ", SignedHeaders=" + AkSkSigner::signedHeaderList(signedHeaders) +
                                 ", Signature=" + signature);
        QNetworkReply *reply = m_network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    void requestIdIsFresh() {
        const QString path = QStringLiteral("/v1.0/%1/instances").arg(SimFixture::projectId());
        const Reply a = send(m_sim, "GET", path);
        const Reply b = send(m_sim, "GET", path);
        QVERIFY(!a.requestId.isEmpty());
        QVERIFY(a.requestId != b.requestId);
    }

    void restoreRunsToTheEnd() {
        const QString name = sim::demo::restorableInstanceName();
        const QByteArray body =
            QJsonDocument(QJsonObject{
                              {QStringLiteral("backup_id"), sim::demo::backupId(name, 1)},
                              {QStringLiteral("remark"), QStringLiteral("恢复测试 restore test")},
                          })
                .toJson(QJsonDocument::Compact);
        const Reply reply =
            send(m_sim, "POST", instancePath(name, QStringLiteral("/restores")), body);
        QCOMPARE(reply.status, 200);
        const QString restoreId = reply.json.value(QLatin1String("restore_id")).toString();
        QVERIFY(!restoreId.isEmpty());
        QCOMPARE(reply.json.keys(), QStringList{QStringLiteral("restore_id")});

        // Refused while it runs, in the v1 shape.
        const Reply again =
            send(m_sim, "POST", instancePath(name, QStringLiteral("/restores")), body);
        QCOMPARE(again.status, 400);
        QCOMPARE(lastCodeOf(again.json), QByteArray("DCS.4097"));

        QTRY_COMPARE_WITH_TIMEOUT(restoreStatus(m_sim, name, restoreId), QStringLiteral("succeed"),
                                  8000);
        const Reply show = send(m_sim, "GET", instancePath(name));
        QCOMPARE(show.json.value(QLatin1String("status")).toString(), QStringLiteral("RUNNING"));
        QCOMPARE(show.json.value(QLatin1String("cache_mode")).toString(), QStringLiteral("ha"));
    }

    void emptyAndBrokenRestoreBodies() {
        const QString path =
            instancePath(sim::demo::restorableInstanceName(), QStringLiteral("/restores"));
        QTRY_COMPARE_WITH_TIMEOUT(
            send(m_sim, "GET", instancePath(sim::demo::restorableInstanceName()))
                .json.value(QLatin1String("status"))
                .toString(),
            QStringLiteral("RUNNING"), 8000);
        QCOMPARE(lastCodeOf(send(m_sim, "POST", path, {}).json), QByteArray("DCS.4004"));
        QCOMPARE(lastCodeOf(send(m_sim, "POST", path, "{backup_id").json), QByteArray("DCS.4005"));
        QCOMPARE(lastCodeOf(send(m_sim, "POST",
                                 instancePath(sim::demo::singleNodeInstanceName(),
                                              QStringLiteral("/restores")),
                                 R"({"backup_id":"x"})")
                                .json),
                 QByteArray("DCS.4086"));
    }

    void backupCreateAndDelete() {
        const QString name = QStringLiteral("user-profile-cache");
        const Reply created = send(m_sim, "POST", instancePath(name, QStringLiteral("/backups")),
                                   R"({"remark":"http test","backup_format":"aof"})");
        QCOMPARE(created.status, 200);
        const QString backupId = created.json.value(QLatin1String("backup_id")).toString();
        QVERIFY(!backupId.isEmpty());
        const QString deletePath = instancePath(name, QStringLiteral("/backups/") + backupId);
        // Refused while the backup runs, then deleted. QTRY_* evaluates once more at the end, so
        // the DELETE must not be its expression.
        bool deleted = false;
        auto tryDelete = [&] {
            if (!deleted)
                deleted = send(m_sim, "DELETE", deletePath).status == 200;
            return deleted;
        };
        QTRY_VERIFY_WITH_TIMEOUT(tryDelete(), 8000);
        const Reply gone = send(m_sim, "DELETE", deletePath);
        QCOMPARE(gone.status, 400);
        QCOMPARE(lastCodeOf(gone.json), QByteArray("DCS.4800"));
    }

    void logHasOneLinePerRequestAndNoSecrets() {
        const QByteArray log = m_sim.log();
        QVERIFY(log.contains("GET /v1.0/"));
        QVERIFY(countLines(log, "POST ", "/restores 200 ") >= 1);
        QVERIFY(!log.contains("Signature="));
        QVERIFY(!log.contains(SimFixture::secretKey()));
    }

    // ---- the process ---------------------------------------------------------------------

    void helpExitsZero() {
        QProcess process;
        process.start(QStringLiteral(DCS_SIM_PROGRAM), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("--restore-seconds"));
    }

    void badArgumentsExitTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("port text") << QStringList{QStringLiteral("--port"), QStringLiteral("x")};
        QTest::newRow("fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("boom")};
        QTest::newRow("seconds") << QStringList{QStringLiteral("--restore-seconds"),
                                                QStringLiteral("-1")};
        QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus")};
    }

    void badArgumentsExitTwo() {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(QStringLiteral(DCS_SIM_PROGRAM), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray error = process.readAllStandardError().trimmed();
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains('\n'), error.constData()); // one line
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    void damagedStateExitsOne() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("state.json"));
        const QByteArray damaged("{\"format\":\"dcs-sim-state\",");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(damaged);
        }
        QProcess process;
        process.start(
            QStringLiteral(DCS_SIM_PROGRAM),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state"), file});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains(file.toUtf8()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), damaged);
    }

    void sigtermSavesAndRestartKeepsState() {
        SimFixture first;
        QVERIFY2(first.start({QStringLiteral("--restore-seconds"), QStringLiteral("600")}),
                 qPrintable(first.error()));
        const QString name = sim::demo::restorableInstanceName();
        const Reply started = send(
            first, "POST", instancePath(name, QStringLiteral("/restores")),
            QJsonDocument(QJsonObject{{QStringLiteral("backup_id"), sim::demo::backupId(name, 2)}})
                .toJson());
        QCOMPARE(started.status, 200);
        const QString restoreId = started.json.value(QLatin1String("restore_id")).toString();

        QProcess *process = first.process();
        process->terminate();
        QVERIFY(process->waitForFinished(10000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
        QVERIFY(QFile::exists(first.stateFile()));

        // A new process on the same file: the restore is still there and still running.
        SimFixture second;
        QVERIFY2(second.start({}, first.stateFile()), qPrintable(second.error()));
        const QString status = restoreStatus(second, name, restoreId);
        QVERIFY2(status == QLatin1String("waiting") || status == QLatin1String("restoring"),
                 qPrintable(status));
        QCOMPARE(send(second, "GET", instancePath(name)).json.value(QLatin1String("status")),
                 QJsonValue(QStringLiteral("RESTORING")));
    }

    // ---- faults --------------------------------------------------------------------------

    void faultDropAfterRestore() {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--fault"), QStringLiteral("drop-after-restore")}),
                 qPrintable(sim.error()));
        const QString name = sim::demo::restorableInstanceName();
        SendOptions options;
        options.oneShot = true;
        const Reply reply = send(
            sim, "POST", instancePath(name, QStringLiteral("/restores")),
            QJsonDocument(QJsonObject{{QStringLiteral("backup_id"), sim::demo::backupId(name, 1)},
                                      {QStringLiteral("remark"), QStringLiteral("lost")}})
                .toJson(),
            options);
        QVERIFY(reply.error != QNetworkReply::NoError);
        QCOMPARE(reply.status, 0);
        // The restore was accepted and runs, though nobody heard about it.
        const Reply records = send(sim, "GET", instancePath(name, QStringLiteral("/restores")));
        const QJsonObject newest = records.json.value(QLatin1String("restore_record_response"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(newest.value(QLatin1String("restore_remark")).toString(), QStringLiteral("lost"));
        QTRY_VERIFY(sim.log().contains("dropped"));
        QCOMPARE(countLines(sim.log(), "POST ", "/restores"), 1);
    }

    void faultInjectedStatuses() {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--fault"), QStringLiteral("http500=restore"),
                            QStringLiteral("--fault"), QStringLiteral("http429=list")}),
                 qPrintable(sim.error()));
        const QString name = sim::demo::restorableInstanceName();
        const Reply restore = send(sim, "POST", instancePath(name, QStringLiteral("/restores")),
                                   R"({"backup_id":"x"})");
        QCOMPARE(restore.status, 500);
        QCOMPARE(lastCodeOf(restore.json), QByteArray("DCS.5000"));
        QVERIFY(restore.json.contains(QLatin1String("error")));

        const Reply list = send(sim, "GET", instancePath(name, QStringLiteral("/backups")));
        QCOMPARE(list.status, 429);
        QCOMPARE(list.json.value(QLatin1String("error_code")).toString(),
                 QStringLiteral("APIGW.0308"));
        QCOMPARE(list.json.value(QLatin1String("request_id")).toString().toLatin1(),
                 list.requestId);
        // Calls of other kinds are served.
        QCOMPARE(send(sim, "GET", instancePath(name)).status, 200);
    }

    void faultLatencyDoesNotBlock() {
        SimFixture sim;
        QVERIFY2(sim.start({QStringLiteral("--fault"), QStringLiteral("latency=400")}),
                 qPrintable(sim.error()));
        const QUrl base = sim.url();
        // Three requests at once: if the delay blocked the server they would take 1.2 s.
        QElapsedTimer timer;
        timer.start();
        QList<QNetworkReply *> replies;
        const AkSkSigner signer(SimFixture::accessKey(), SimFixture::secretKey());
        for (int i = 0; i < 3; ++i) {
            const QUrl url = QUrl::fromEncoded(
                base.toEncoded() + instancePath(sim::demo::restorableInstanceName()).toUtf8());
            QNetworkRequest request(url);
            for (const HeaderPair &header :
                 signer.sign("GET", url, {}, {}, QDateTime::currentDateTimeUtc()))
                request.setRawHeader(header.first, header.second);
            replies.append(m_network.get(request));
        }
        for (QNetworkReply *reply : replies) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!reply->isFinished())
                QVERIFY(finished.wait(10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed >= 400, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < 1100, qPrintable(QString::number(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TestSimHttp)
#include "tst_simhttp.moc"
