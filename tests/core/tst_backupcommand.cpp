// BackupCommand: a manual backup created or a backup deleted, sent once; when the answer is
// lost, the backups are read to tell what happened — against dcs-sim with dropped answers
// (server-side counts prove one write on the wire) and against a hostile server for the cases
// the simulator cannot stage (a lost answer that left nothing, a backup still listed).

#include "ClientTestSupport.h"
#include "HostileServer.h"
#include "restore/BackupCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

namespace {

const QString kInstance = QStringLiteral("3c49d6a1-0d6c-4b3c-9f4e-6e5a1c1b2a10");
const QString kBackup = QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029");

QByteArray backupsPage(const QJsonArray &items) {
    return QJsonDocument(
               QJsonObject{{"total_num", int(items.size())}, {"backup_record_response", items}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject backupJson(const QString &id, const QString &remark = {}) {
    return QJsonObject{{"backup_id", id},
                       {"instance_id", kInstance},
                       {"backup_name", "backup_" + id.left(8)},
                       {"remark", remark},
                       {"status", "succeed"},
                       {"backup_type", "manual"},
                       {"is_support_restore", "TRUE"},
                       {"created_at", "2026-11-28T01:00:00.000Z"}};
}

ClientConfig hostileConfig(const HostileServer &server) {
    ClientConfig config;
    const ApiVersion version = apiVersionUnderTest();
    config.apiVersion = version == ApiVersion::Automatic ? ApiVersion::V1 : version;
    config.endpoint = server.url();
    config.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
    config.accessKey = "AK";
    config.secretKey = "SK";
    config.proxy.mode = ProxyChoice::Mode::None;
    config.transferTimeoutMs = 5000;
    return config;
}

int deleteLines(SimFixture &sim) {
    int n = 0;
    for (const QByteArray &line : sim.log().split('\n'))
        n += line.startsWith("DELETE ") && line.contains("/backups/");
    return n;
}

bool run(BackupCommand *command) {
    QSignalSpy finished(command, &BackupCommand::finished);
    command->start();
    return finished.wait(20000);
}

} // namespace

class TestBackupCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createdAndDeletedWithAnswers();
    void lostCreateAnswerIsFoundWithoutASecondPost();
    void lostDeleteAnswerIsSeenDoneWithoutASecondDelete();
    void refusedDeleteIsNotDone();
    void lostCreateThatLeftNothingIsUnknown();
    void lostDeleteOfABackupStillListedIsUnknownUntilItGoes();
};

void TestBackupCommand::createdAndDeletedWithAnswers() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "0"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    auto *create = BackupCommand::create(&client, target.instance.instanceId,
                                         QStringLiteral("plain"), QStringLiteral("rdb"), this);
    QVERIFY(run(create));
    QCOMPARE(create->outcome(), BackupCommand::Outcome::Done);
    QVERIFY(!create->recoveredAfterLostAnswer());
    QVERIFY(isValidId(create->backupId()));
    auto *remove =
        BackupCommand::remove(&client, target.instance.instanceId, create->backupId(), this);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Backup &b : backups(client, target.instance.instanceId, this))
                if (b.backupId == create->backupId())
                    return b.isSucceeded();
            return false;
        }(),
        10000);
    QVERIFY(run(remove));
    QCOMPARE(remove->outcome(), BackupCommand::Outcome::Done);
    QCOMPARE(remove->writesSent(), 1);
}

void TestBackupCommand::lostCreateAnswerIsFoundWithoutASecondPost() {
    // The backup is made, then the connection closes without an answer.
    SimFixture sim;
    QVERIFY2(sim.start({"--fault", "drop-after-backup"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    auto *create =
        BackupCommand::create(&client, target.instance.instanceId, QStringLiteral("answer lost"),
                              QStringLiteral("rdb"), this);
    QVERIFY(run(create));
    QCOMPARE(create->outcome(), BackupCommand::Outcome::Done);
    QVERIFY(create->recoveredAfterLostAnswer());
    QCOMPARE(create->error().kind, ApiError::Kind::AnswerLost);
    bool listed = false;
    for (const Backup &b : backups(client, target.instance.instanceId, this))
        listed |= b.backupId == create->backupId() && b.remark == QLatin1String("answer lost");
    QVERIFY(listed);
    QTest::qWait(300);
    QCOMPARE(postLines(sim, "/backups").size(), 1);
}

void TestBackupCommand::lostDeleteAnswerIsSeenDoneWithoutASecondDelete() {
    // The service deletes the backup, then the connection closes. Sent twice, the second answer
    // would say "invalid backup_id" and the console "not deleted" — while it is gone.
    SimFixture sim;
    QVERIFY2(sim.start({"--fault", "drop-after-delete", "--backup-seconds", "0"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const auto made = await<QString>([&](auto cb) {
        client.createBackup(target.instance.instanceId, QStringLiteral("to delete"),
                            QStringLiteral("rdb"), this, cb);
    });
    QVERIFY2(made.ok(), qPrintable(made.error.summary()));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Backup &b : backups(client, target.instance.instanceId, this))
                if (b.backupId == made.value)
                    return b.isSucceeded();
            return false;
        }(),
        10000);
    auto *remove = BackupCommand::remove(&client, target.instance.instanceId, made.value, this);
    QVERIFY(run(remove));
    QCOMPARE(remove->outcome(), BackupCommand::Outcome::Done);
    QVERIFY(remove->recoveredAfterLostAnswer());
    QTest::qWait(300);
    QCOMPARE(deleteLines(sim), 1);
}

void TestBackupCommand::refusedDeleteIsNotDone() {
    SimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    auto *remove = BackupCommand::remove(&client, target.instance.instanceId,
                                         QStringLiteral("no-such-backup"), this);
    QVERIFY(run(remove));
    QCOMPARE(remove->outcome(), BackupCommand::Outcome::NotDone);
    QCOMPARE(remove->error().kind, ApiError::Kind::Http);
    QVERIFY(!remove->error().code.isEmpty());
}

void TestBackupCommand::lostCreateThatLeftNothingIsUnknown() {
    HostileServer server;
    server.on("GET", "/backups$", [](const HostileServer::Request &) {
        return HostileServer::json(backupsPage({backupJson(kBackup, QStringLiteral("old"))}));
    });
    server.on("POST", "/backups$",
              [](const HostileServer::Request &) { return HostileServer::drop(); });
    DcsClient client(hostileConfig(server));
    auto *create = BackupCommand::create(&client, kInstance, QStringLiteral("new"),
                                         QStringLiteral("rdb"), this);
    QVERIFY(run(create));
    QCOMPARE(create->outcome(), BackupCommand::Outcome::Unknown);
    QCOMPARE(create->error().kind, ApiError::Kind::AnswerLost);
    QCOMPARE(server.count("POST"), 1);
    // Looking again reads; it never writes.
    QSignalSpy finished(create, &BackupCommand::finished);
    create->lookAgain();
    QVERIFY(finished.wait(10000));
    QCOMPARE(create->outcome(), BackupCommand::Outcome::Unknown);
    QCOMPARE(server.count("POST"), 1);
}

void TestBackupCommand::lostDeleteOfABackupStillListedIsUnknownUntilItGoes() {
    HostileServer server;
    bool gone = false;
    server.on("GET", "/backups$", [&gone](const HostileServer::Request &) {
        return HostileServer::json(
            backupsPage(gone ? QJsonArray{} : QJsonArray{backupJson(kBackup)}));
    });
    server.on("DELETE", "/backups/",
              [](const HostileServer::Request &) { return HostileServer::drop(); });
    DcsClient client(hostileConfig(server));
    auto *remove = BackupCommand::remove(&client, kInstance, kBackup, this);
    QVERIFY(run(remove));
    QCOMPARE(remove->outcome(), BackupCommand::Outcome::Unknown);
    QCOMPARE(server.count("DELETE"), 1);
    gone = true;
    QSignalSpy finished(remove, &BackupCommand::finished);
    remove->lookAgain();
    QVERIFY(finished.wait(10000));
    QCOMPARE(remove->outcome(), BackupCommand::Outcome::Done);
    QVERIFY(remove->recoveredAfterLostAnswer());
    QCOMPARE(server.count("DELETE"), 1);
}

QTEST_GUILESS_MAIN(TestBackupCommand)
#include "tst_backupcommand.moc"
