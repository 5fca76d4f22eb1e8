// RestoreWorkflow against a real dcs-sim: a plain restore and its audit line, the safety backup
// before the restore (and its failure), a lost answer that must not lead to a second restore,
// a 5xx that leaves the outcome unknown, and the server's refusals. And the hand-over to
// FollowedRestores: a posted restore is never lost from view — followed to its end with the
// audit trail closed after the workflow is gone, or written down and resolved at the next start.

#include "ClientTestSupport.h"
#include "HostileServer.h"
#include "restore/AuditLog.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreWorkflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <vector>

using namespace dcs;
using namespace dcs::testing;

class TestRestoreWorkflow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void safetyBackupRemarkIsShortAsciiAndNamesTheBackup();
    void plainRestoreIsAcceptedAndAudited();
    void backUpFirstWaitsForTheBackupThenRestores();
    void failedSafetyBackupSendsNoRestore();
    void droppedAnswerIsRecoveredWithoutASecondPost();
    void serverErrorLeavesTheOutcomeUnknown();
    void refusalKeepsCodeAndRequestId_data();
    void refusalKeepsCodeAndRequestId();
    void serverRefusalKeepsCodeAndRequestId();
    void checkJustBeforeSendingSeesARestoreStartedMeanwhile();
    void anotherInstancesAnswerIsNeverActedOn();
    void safetyBackupThatNeverAppearsIsGivenUp();
    void lostSafetyBackupAnswerIsFoundWithoutASecondPost();
    void startsOnlyOnce();
    void closedClientBeforeSendingRestoresNothing();
    void acceptedRestoreIsFollowedAfterTheWorkflowIsGone();
    void lostAnswerOfAClosedClientIsFoundAtTheNextStart();
    void unknownOutcomeWithoutRecordIsReportedAtTheNextStart();

private:
    static RestoreContext context() {
        return {QStringLiteral("profile-1"), QStringLiteral("Demo profile"),
                QStringLiteral("cn-north-4"), SimFixture::projectId()};
    }
    // Runs the workflow until it reports an end (final or unknown).
    static bool run(RestoreWorkflow &workflow, int timeoutMs = 30000) {
        QSignalSpy finished(&workflow, &RestoreWorkflow::finished);
        workflow.start();
        return finished.wait(timeoutMs);
    }

    static RestoreRecordFollower::Timing fast() { return {100, 300, 2.0, 60000}; }
    static QString pendingPathFor(const QString &auditPath) {
        return auditPath + QStringLiteral(".pending.json");
    }
    // Where every workflow hands its posted restores: a pending file beside the audit trail.
    FollowedRestores *followedFor(const QString &auditPath) {
        m_followed.push_back(std::make_unique<FollowedRestores>(
            PendingRestoreFile(pendingPathFor(auditPath)), AuditLog(auditPath), fast()));
        return m_followed.back().get();
    }
    // The attempt lines only: a restore that ends meanwhile adds its "finished" line.
    static QList<AuditRecord> attempts(const QString &auditPath) {
        QList<AuditRecord> lines = AuditLog(auditPath).read().records;
        lines.removeIf([](const AuditRecord &r) { return r.event != QLatin1String("attempt"); });
        return lines;
    }

    // A hostile stand-in for the service that answers with the given instance, backups and
    // restore records (v1.0 shapes) and lets a test decide what a POST gets.
    struct Scripted {
        Instance instance;
        QList<Backup> backupList;
        QList<RestoreRecord> restoreList;
        QString showAnswersFor; // another instance_id in the show answer, when set
    };
    static void serve(HostileServer &server, std::shared_ptr<Scripted> data) {
        server.on("GET", "/instances/[^/]+$", [data](const HostileServer::Request &) {
            QJsonObject shown = data->instance.toJson(true);
            if (!data->showAnswersFor.isEmpty())
                shown.insert(QStringLiteral("instance_id"), data->showAnswersFor);
            return HostileServer::json(QJsonDocument(shown).toJson(QJsonDocument::Compact));
        });
        server.on("GET", "/backups$", [data](const HostileServer::Request &) {
            QJsonArray items;
            for (const Backup &b : data->backupList)
                items.append(b.toJson());
            return HostileServer::json(
                QJsonDocument(QJsonObject{{QStringLiteral("total_num"), int(items.size())},
                                          {QStringLiteral("backup_record_response"), items}})
                    .toJson(QJsonDocument::Compact));
        });
        server.on("GET", "/restores$", [data](const HostileServer::Request &) {
            QJsonArray items;
            for (const RestoreRecord &r : data->restoreList)
                items.append(r.toJson());
            return HostileServer::json(
                QJsonDocument(QJsonObject{{QStringLiteral("total_num"), int(items.size())},
                                          {QStringLiteral("restore_record_response"), items}})
                    .toJson(QJsonDocument::Compact));
        });
    }
    static std::shared_ptr<Scripted> healthy() {
        auto data = std::make_shared<Scripted>();
        data->instance.instanceId = QStringLiteral("3c49d6a1-0d6c-4b3c-9f4e-6e5a1c1b2a10");
        data->instance.name = QStringLiteral("orders");
        data->instance.status = QStringLiteral("RUNNING");
        data->instance.specCode = QStringLiteral("redis.ha.xu1.large.r2.2");
        data->instance.cacheMode = QStringLiteral("ha");
        data->instance.maxMemoryMb = 1024;
        data->instance.usedMemoryMb = 10;
        data->instance.capacity = 1;
        Backup b;
        b.backupId = QStringLiteral("8ba256cb-e5ac-44f6-a3da-c03d8f0e5029");
        b.instanceId = data->instance.instanceId;
        b.backupName = QStringLiteral("backup_20261128010000");
        b.status = QStringLiteral("succeed");
        b.backupType = QStringLiteral("manual");
        b.backupFormat = QStringLiteral("rdb");
        b.progress = 100;
        b.size = 4096;
        b.supportRestore = true;
        b.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        data->backupList = {b};
        return data;
    }
    static ClientConfig hostileConfig(const HostileServer &server) {
        ClientConfig config;
        config.apiVersion = ApiVersion::V1; // the shapes served are v1.0's
        config.endpoint = server.url();
        config.projectId = SimFixture::projectId();
        config.accessKey = "AK";
        config.secretKey = "SK";
        config.proxy.mode = ProxyChoice::Mode::None;
        config.transferTimeoutMs = 5000;
        return config;
    }

    QTemporaryDir m_dir;
    int m_auditFiles = 0;
    std::vector<std::unique_ptr<FollowedRestores>> m_followed;
    QString newAuditPath() {
        return m_dir.filePath(QStringLiteral("audit-%1.jsonl").arg(++m_auditFiles));
    }
};

void TestRestoreWorkflow::safetyBackupRemarkIsShortAsciiAndNamesTheBackup() {
    Backup backup;
    backup.backupId = QStringLiteral("b-1");
    backup.backupName = QStringLiteral("backup_20261127054907");
    const QDateTime now(QDate(2026, 11, 28), QTime(3, 10, 42), Qt::UTC);
    QCOMPARE(RestoreWorkflow::safetyBackupRemark(backup, now),
             QStringLiteral("Safety backup before restoring from backup_20261127054907 "
                            "(2026-11-28 03:10 UTC)"));

    // A local time is written in UTC.
    const QDateTime local = now.toOffsetFromUtc(8 * 3600);
    QCOMPARE(RestoreWorkflow::safetyBackupRemark(backup, local),
             RestoreWorkflow::safetyBackupRemark(backup, now));

    // An absurdly long, non-ASCII name is cut, never making the server refuse the remark.
    backup.backupName = QString(200, QChar(0x5907));
    const QString remark = RestoreWorkflow::safetyBackupRemark(backup, now);
    QVERIFY(remark.size() <= 128);
    QVERIFY(remark.endsWith(QStringLiteral("(2026-11-28 03:10 UTC)")));
    for (const QChar c : remark)
        QVERIFY(c.unicode() >= 0x20 && c.unicode() < 0x7f);

    // No name: the id stands in.
    backup.backupName.clear();
    QVERIFY(RestoreWorkflow::safetyBackupRemark(backup, now).contains(QStringLiteral("b-1")));
}

void TestRestoreWorkflow::plainRestoreIsAcceptedAndAudited() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2", "--backup-seconds", "1"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const QStringList before = [&] {
        QStringList ids;
        for (const RestoreRecord &r : restores(client, target.instance.instanceId, this))
            ids.append(r.restoreId);
        return ids;
    }();

    const QString auditPath = newAuditPath();
    const QString remark = QStringLiteral("回滚 release 2.15, \"hotfix\"");
    FollowedRestores *followed = followedFor(auditPath);
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup, remark, {},
                             followed);
    QSignalSpy stages(&workflow, &RestoreWorkflow::stageChanged);
    const QDateTime started = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY(run(workflow));
    const QDateTime ended = QDateTime::currentDateTimeUtc().addMSecs(1);

    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
    QVERIFY(workflow.isFinal());
    QVERIFY(!workflow.restoreId().isEmpty());
    QVERIFY(!workflow.recoveredAfterLostAnswer());
    QCOMPARE(workflow.restorePostsSent(), 1);
    QVERIFY(workflow.safetyBackupId().isEmpty());
    QVERIFY(!before.contains(workflow.restoreId()));

    QList<RestoreWorkflow::Stage> seen;
    for (const QList<QVariant> &args : stages)
        seen.append(args.first().value<RestoreWorkflow::Stage>());
    QCOMPARE(seen, (QList<RestoreWorkflow::Stage>{RestoreWorkflow::Stage::Checking,
                                                  RestoreWorkflow::Stage::Restoring,
                                                  RestoreWorkflow::Stage::Accepted}));

    // The record on the server is the one the workflow reports, with the remark.
    const QList<RestoreRecord> after = restores(client, target.instance.instanceId, this);
    const auto record = std::find_if(after.cbegin(), after.cend(), [&](const RestoreRecord &r) {
        return r.restoreId == workflow.restoreId();
    });
    QVERIFY(record != after.cend());
    QCOMPARE(record->backupId, target.backup.backupId);
    QCOMPARE(record->restoreRemark, remark);

    QVERIFY(AuditLog(auditPath).read().problems.isEmpty());
    const QList<AuditRecord> lines = attempts(auditPath);
    QCOMPARE(lines.size(), 1);
    const AuditRecord &line = lines.first();
    QVERIFY(line.time >= started && line.time <= ended);
    QCOMPARE(line.event, QStringLiteral("attempt"));
    QCOMPARE(line.osUser, AuditLog::currentOsUser());
    QVERIFY(!line.osUser.isEmpty());
    QCOMPARE(line.profile, QStringLiteral("Demo profile"));
    QCOMPARE(line.region, QStringLiteral("cn-north-4"));
    QCOMPARE(line.projectId, SimFixture::projectId());
    QCOMPARE(line.instanceId, target.instance.instanceId);
    QCOMPARE(line.instanceName, target.instance.name);
    QCOMPARE(line.backupId, target.backup.backupId);
    QCOMPARE(line.backupName, target.backup.backupName);
    QCOMPARE(line.remark, remark);
    QCOMPARE(line.restoreId, workflow.restoreId());
    QCOMPARE(line.requestId.size(), 32); // the simulator's X-Request-Id
    QCOMPARE(line.outcome, QStringLiteral("accepted"));
    QVERIFY(line.finalStatus.isEmpty());
    QVERIFY(line.errorCode.isEmpty());
    QVERIFY(line.safetyBackupId.isEmpty());
    QCOMPARE(postLines(sim, "/restores").size(), 1);

    // Handed over before the stage said Accepted: followed, and written down as audited.
    QVERIFY(followed->isFollowing(workflow.restoreId()));
    QSignalSpy closed(followed, &FollowedRestores::finished);
    QVERIFY(closed.wait(20000));
    QCOMPARE(closed.first().at(1).value<RestoreRecord>().status, QStringLiteral("succeed"));
    QVERIFY(followed->pending().isEmpty());
    const QList<AuditRecord> all = AuditLog(auditPath).read().records;
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.last().event, QStringLiteral("finished"));
    QCOMPARE(all.last().restoreId, workflow.restoreId());
    QCOMPARE(all.last().finalStatus, QStringLiteral("succeed"));
    QCOMPARE(all.last().remark, remark);
    QCOMPARE(all.last().profile, QStringLiteral("Demo profile"));
}

void TestRestoreWorkflow::backUpFirstWaitsForTheBackupThenRestores() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2", "--backup-seconds", "2"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());

    const QString auditPath = newAuditPath();
    RestoreWorkflow::Options options;
    options.backUpFirst = true;
    options.backupPollMs = 100;
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("with safety"), options, followedFor(auditPath));
    QSignalSpy stages(&workflow, &RestoreWorkflow::stageChanged);
    QSignalSpy progress(&workflow, &RestoreWorkflow::safetyBackupProgress);
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
    QVERIFY(!workflow.safetyBackupId().isEmpty());
    QCOMPARE(workflow.safetyBackup().status, QStringLiteral("succeed"));
    QVERIFY(progress.size() >= 2); // it watched the backup run, not just its end

    QList<RestoreWorkflow::Stage> seen;
    for (const QList<QVariant> &args : stages)
        seen.append(args.first().value<RestoreWorkflow::Stage>());
    QCOMPARE(seen, (QList<RestoreWorkflow::Stage>{RestoreWorkflow::Stage::ReadingRecords,
                                                  RestoreWorkflow::Stage::CreatingSafetyBackup,
                                                  RestoreWorkflow::Stage::WaitingForSafetyBackup,
                                                  RestoreWorkflow::Stage::Checking,
                                                  RestoreWorkflow::Stage::Restoring,
                                                  RestoreWorkflow::Stage::Accepted}));

    // The safety backup exists, is manual, succeeded, and its remark names the restored backup.
    const QList<Backup> list = backups(client, target.instance.instanceId, this);
    const auto safety = std::find_if(list.cbegin(), list.cend(), [&](const Backup &b) {
        return b.backupId == workflow.safetyBackupId();
    });
    QVERIFY(safety != list.cend());
    QVERIFY(safety->isManual());
    QCOMPARE(safety->status, QStringLiteral("succeed"));
    QVERIFY(safety->remark.startsWith(QStringLiteral("Safety backup before restoring from ")));
    QVERIFY(safety->remark.contains(target.backup.backupName));
    QCOMPARE(safety->normalizedFormat(), QStringLiteral("rdb"));

    // Order on the wire: the backup POST, then (once) the restore POST.
    const int backupPost = firstPostIndex(sim, "/backups");
    const int restorePost = firstPostIndex(sim, "/restores");
    QVERIFY(backupPost >= 0);
    QVERIFY(restorePost > backupPost);
    QCOMPARE(postLines(sim, "/restores").size(), 1);
    QCOMPARE(postLines(sim, "/backups").size(), 1);

    const AuditLog::Contents audit{attempts(auditPath), {}};
    QCOMPARE(audit.records.size(), 1);
    QCOMPARE(audit.records.first().outcome, QStringLiteral("accepted"));
    QCOMPARE(audit.records.first().safetyBackupId, workflow.safetyBackupId());
    QCOMPARE(audit.records.first().restoreId, workflow.restoreId());
}

void TestRestoreWorkflow::failedSafetyBackupSendsNoRestore() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "1", "--fault", "backup-fails"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());

    const QString auditPath = newAuditPath();
    RestoreWorkflow::Options options;
    options.backUpFirst = true;
    options.backupPollMs = 100;
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("must not happen"), options, followedFor(auditPath));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::SafetyBackupFailed);
    QVERIFY(workflow.isFinal());
    QCOMPARE(workflow.restorePostsSent(), 0);
    QVERIFY(workflow.restoreId().isEmpty());
    QVERIFY(!workflow.safetyBackupId().isEmpty());
    QCOMPARE(workflow.safetyBackup().status, QStringLiteral("failed"));
    QCOMPARE(workflow.error().code, QStringLiteral("dcs.08.0001"));
    QVERIFY(!workflow.error().summary().isEmpty());

    QTest::qWait(300);
    QCOMPARE(postLines(sim, "/backups").size(), 1);
    QCOMPARE(postLines(sim, "/restores").size(), 0);
    for (const RestoreRecord &r : restores(client, target.instance.instanceId, this))
        QVERIFY(r.restoreRemark != QStringLiteral("must not happen"));

    const AuditLog::Contents audit{attempts(auditPath), {}};
    QCOMPARE(audit.records.size(), 1);
    const AuditRecord &line = audit.records.first();
    QCOMPARE(line.outcome, QStringLiteral("safety-backup-failed"));
    QCOMPARE(line.safetyBackupId, workflow.safetyBackupId());
    QCOMPARE(line.errorCode, QStringLiteral("dcs.08.0001"));
    QVERIFY(line.restoreId.isEmpty());
    QCOMPARE(line.backupId, target.backup.backupId);
}

void TestRestoreWorkflow::droppedAnswerIsRecoveredWithoutASecondPost() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "5", "--fault", "drop-after-restore"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const QList<RestoreRecord> before = restores(client, target.instance.instanceId, this);

    const QString auditPath = newAuditPath();
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("dropped"), {}, followedFor(auditPath));
    QSignalSpy stages(&workflow, &RestoreWorkflow::stageChanged);
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
    QVERIFY(workflow.recoveredAfterLostAnswer());
    QCOMPARE(workflow.restorePostsSent(), 1);
    QCOMPARE(workflow.error().kind, ApiError::Kind::AnswerLost);
    bool looked = false;
    for (const QList<QVariant> &args : stages)
        looked |= args.first().value<RestoreWorkflow::Stage>() ==
                  RestoreWorkflow::Stage::LookingForLostRestore;
    QVERIFY(looked);

    QTest::qWait(500); // time for a stray re-send by the network layer to arrive
    QCOMPARE(postLines(sim, "/restores").size(), 1);
    QVERIFY(postLines(sim, "/restores").first().contains("dropped"));

    // Exactly one new record, and it is the one the workflow found.
    const QList<RestoreRecord> after = restores(client, target.instance.instanceId, this);
    QCOMPARE(after.size(), before.size() + 1);
    QList<RestoreRecord> fresh;
    for (const RestoreRecord &r : after)
        if (std::none_of(before.cbegin(), before.cend(),
                         [&](const RestoreRecord &b) { return b.restoreId == r.restoreId; }))
            fresh.append(r);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh.first().restoreId, workflow.restoreId());
    QCOMPARE(fresh.first().backupId, target.backup.backupId);

    const AuditLog::Contents audit{attempts(auditPath), {}};
    QCOMPARE(audit.records.size(), 1);
    QCOMPARE(audit.records.first().outcome, QStringLiteral("recovered"));
    QCOMPARE(audit.records.first().restoreId, workflow.restoreId());
}

void TestRestoreWorkflow::serverErrorLeavesTheOutcomeUnknown() {
    SimFixture sim;
    // The simulator answers 500 before acting: no record exists, and the console cannot know.
    QVERIFY2(sim.start({"--fault", "http500=restore"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const int recordsBefore = restores(client, target.instance.instanceId, this).size();

    const QString auditPath = newAuditPath();
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("5xx"), {}, followedFor(auditPath));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::OutcomeUnknown);
    QVERIFY(!workflow.isFinal());
    QVERIFY(workflow.restoreId().isEmpty());
    QCOMPARE(workflow.error().kind, ApiError::Kind::AnswerLost);
    QCOMPARE(workflow.error().code, QStringLiteral("DCS.5000"));
    QCOMPARE(postLines(sim, "/restores").size(), 1);

    // Looking again only reads; it stays unknown and nothing is posted.
    QSignalSpy finished(&workflow, &RestoreWorkflow::finished);
    QSignalSpy stages(&workflow, &RestoreWorkflow::stageChanged);
    workflow.lookAgain();
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::LookingForLostRestore);
    QVERIFY(finished.wait(10000));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::OutcomeUnknown);
    QCOMPARE(stages.size(), 2);
    QCOMPARE(workflow.restorePostsSent(), 1);
    QTest::qWait(300);
    QCOMPARE(postLines(sim, "/restores").size(), 1);
    QCOMPARE(restores(client, target.instance.instanceId, this).size(), recordsBefore);

    const AuditLog::Contents audit{attempts(auditPath), {}};
    QCOMPARE(audit.records.size(), 1); // one line for the attempt, not one per look
    QCOMPARE(audit.records.first().outcome, QStringLiteral("unknown"));
    QCOMPARE(audit.records.first().errorCode, QStringLiteral("DCS.5000"));
    QCOMPARE(audit.records.first().requestId.size(), 32);
}

void TestRestoreWorkflow::refusalKeepsCodeAndRequestId_data() {
    QTest::addColumn<QString>("instanceName");
    QTest::addColumn<QString>("code");
    QTest::newRow("single-node") << "rate-limiter"
                                 << "DCS.4086";
    QTest::newRow("already restoring") << "payment-gateway-cache"
                                       << "DCS.4097";
}

void TestRestoreWorkflow::refusalKeepsCodeAndRequestId() {
    QFETCH(QString, instanceName);
    QFETCH(QString, code);
    SimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const QList<Instance> all = instances(client, this);
    Target target;
    for (const Instance &i : all)
        if (i.name == instanceName)
            target.instance = i;
    QVERIFY(!target.instance.instanceId.isEmpty());
    // Its own restorable backup, else any (a single-node instance has none): the instance rule
    // answers before the backup is looked at.
    QList<Backup> candidates = backups(client, target.instance.instanceId, this);
    for (const Instance &i : all)
        candidates += backups(client, i.instanceId, this);
    for (const Backup &b : candidates)
        if (b.isRestorable() && !target.isValid())
            target.backup = b;
    QVERIFY(target.isValid());

    const QString auditPath = newAuditPath();
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("refused"), {}, followedFor(auditPath));
    QVERIFY(run(workflow));
    // The check right before sending already knows the service's answer: nothing is sent.
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Blocked);
    QCOMPARE(workflow.error().kind, ApiError::Kind::InvalidRequest);
    QCOMPARE(workflow.error().code, code);
    QCOMPARE(workflow.error().requestId.size(), 32); // of the read the check was made on
    QVERIFY(!workflow.error().explanation().isEmpty());
    QVERIFY(workflow.restoreId().isEmpty());
    QCOMPARE(workflow.restorePostsSent(), 0);
    QTest::qWait(200);
    QCOMPARE(postLines(sim, "/restores").size(), 0);

    const AuditLog::Contents audit{attempts(auditPath), {}};
    QCOMPARE(audit.records.size(), 1);
    QCOMPARE(audit.records.first().outcome, QStringLiteral("not-sent"));
    QCOMPARE(audit.records.first().errorCode, code);
    QCOMPARE(audit.records.first().requestId, workflow.error().requestId);
}

void TestRestoreWorkflow::serverRefusalKeepsCodeAndRequestId() {
    // The check passes, the service still says no (a race the check cannot see).
    HostileServer server;
    auto data = healthy();
    serve(server, data);
    server.on("POST", "/restores$", [](const HostileServer::Request &) {
        return HostileServer::reply(
            400, R"({"error":{"code":"DCS.4097","message":"A restoration is in progress."}})", {},
            "Bad Request");
    });
    DcsClient client(hostileConfig(server));
    const QString auditPath = newAuditPath();
    RestoreWorkflow workflow(&client, context(), data->instance, data->backupList.first(),
                             QStringLiteral("raced"), {}, followedFor(auditPath));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Refused);
    QCOMPARE(workflow.error().kind, ApiError::Kind::Http);
    QCOMPARE(workflow.error().httpStatus, 400);
    QCOMPARE(workflow.error().code, QStringLiteral("DCS.4097"));
    QCOMPARE(workflow.error().requestId, QStringLiteral("hostile-400"));
    QCOMPARE(server.count("POST"), 1);
    const QList<AuditRecord> audit = attempts(auditPath);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().outcome, QStringLiteral("refused"));
    QCOMPARE(audit.first().errorCode, QStringLiteral("DCS.4097"));
}

void TestRestoreWorkflow::checkJustBeforeSendingSeesARestoreStartedMeanwhile() {
    // The dialog judged the instance minutes ago (or before its records had loaded); meanwhile
    // another console started a restore. The check right before the POST sees it.
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "30"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    DcsClient other(configFor(sim));
    const auto started = await<QString>([&](auto cb) {
        other.restore(target.instance.instanceId, target.backup.backupId,
                      QStringLiteral("someone else"), this, cb);
    });
    QVERIFY2(started.ok(), qPrintable(started.error.summary()));

    const QString auditPath = newAuditPath();
    RestoreWorkflow workflow(&client, context(), target.instance /* RUNNING, as seen before */,
                             target.backup, QStringLiteral("stale"), {}, followedFor(auditPath));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Blocked);
    QCOMPARE(workflow.error().code, QStringLiteral("DCS.4097"));
    QCOMPARE(workflow.restorePostsSent(), 0);
    QTest::qWait(200);
    QCOMPARE(postLines(sim, "/restores").size(), 1); // the other console's only
    QCOMPARE(attempts(auditPath).first().outcome, QStringLiteral("not-sent"));
}

void TestRestoreWorkflow::anotherInstancesAnswerIsNeverActedOn() {
    // Read by id, the service answers with another instance: the restore is not posted on the
    // strength of that instance's data.
    HostileServer server;
    auto data = healthy();
    data->showAnswersFor = QStringLiteral("someone-elses-instance");
    serve(server, data);
    server.on("POST", "/restores$", [](const HostileServer::Request &) {
        return HostileServer::json(R"({"restore_id":"must-not-happen"})");
    });
    DcsClient client(hostileConfig(server));
    RestoreWorkflow workflow(&client, context(), data->instance, data->backupList.first(),
                             QStringLiteral("x"), {}, followedFor(newAuditPath()));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Failed);
    QVERIFY2(workflow.error().message.contains(QStringLiteral("someone-elses-instance")),
             qPrintable(workflow.error().message));
    QCOMPARE(server.count("POST"), 0);
}

void TestRestoreWorkflow::safetyBackupThatNeverAppearsIsGivenUp() {
    // The create call names a backup that the list never shows.
    HostileServer server;
    auto data = healthy();
    serve(server, data);
    server.on("POST", "/backups$", [](const HostileServer::Request &) {
        return HostileServer::json(R"({"backup_id":"ghost-backup-1"})");
    });
    server.on("POST", "/restores$", [](const HostileServer::Request &) {
        return HostileServer::json(R"({"restore_id":"must-not-happen"})");
    });
    DcsClient client(hostileConfig(server));
    RestoreWorkflow::Options options;
    options.backUpFirst = true;
    options.backupPollMs = 100;
    options.backupAppearTimeoutMs = 600;
    const QString auditPath = newAuditPath();
    RestoreWorkflow workflow(&client, context(), data->instance, data->backupList.first(),
                             QStringLiteral("x"), options, followedFor(auditPath));
    QVERIFY(run(workflow, 15000));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::SafetyBackupFailed);
    QVERIFY2(workflow.error().message.contains(QStringLiteral("never appeared")),
             qPrintable(workflow.error().message));
    QCOMPARE(server.count("POST", "/restores$"), 0);
    QCOMPARE(attempts(auditPath).first().outcome, QStringLiteral("safety-backup-failed"));
}

void TestRestoreWorkflow::lostSafetyBackupAnswerIsFoundWithoutASecondPost() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "1", "--restore-seconds", "2", "--fault",
                        "drop-after-backup"}),
             qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    RestoreWorkflow::Options options;
    options.backUpFirst = true;
    options.backupPollMs = 100;
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("after a lost backup answer"), options,
                             followedFor(newAuditPath()));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
    QVERIFY(!workflow.safetyBackupId().isEmpty());
    QTest::qWait(300);
    QCOMPARE(postLines(sim, "/backups").size(), 1);
    QCOMPARE(postLines(sim, "/restores").size(), 1);
}

void TestRestoreWorkflow::startsOnlyOnce() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("once"), {}, followedFor(newAuditPath()));
    QSignalSpy finished(&workflow, &RestoreWorkflow::finished);
    workflow.start();
    workflow.start();
    QVERIFY(finished.wait(20000));
    workflow.start();
    workflow.lookAgain(); // only in OutcomeUnknown
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
    QCOMPARE(postLines(sim, "/restores").size(), 1);
}

void TestRestoreWorkflow::closedClientBeforeSendingRestoresNothing() {
    SimFixture sim;
    QVERIFY2(sim.start({"--backup-seconds", "5"}), qPrintable(sim.error()));
    auto client = std::make_unique<DcsClient>(configFor(sim));
    const Target target = restorableTarget(*client, this);
    QVERIFY(target.isValid());
    const QString auditPath = newAuditPath();
    RestoreWorkflow::Options options;
    options.backUpFirst = true;
    options.backupPollMs = 100;
    RestoreWorkflow workflow(client.get(), context(), target.instance, target.backup,
                             QStringLiteral("closed"), options, followedFor(auditPath));
    QSignalSpy finished(&workflow, &RestoreWorkflow::finished);
    workflow.start();
    QTRY_COMPARE_WITH_TIMEOUT(workflow.stage(), RestoreWorkflow::Stage::WaitingForSafetyBackup,
                              10000);
    client.reset(); // the profile was closed
    QVERIFY(finished.wait(5000));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::SafetyBackupFailed);
    QCOMPARE(workflow.restorePostsSent(), 0);
    QTest::qWait(300);
    QCOMPARE(postLines(sim, "/restores").size(), 0);
    const AuditLog::Contents audit{attempts(auditPath), {}};
    QCOMPARE(audit.records.size(), 1);
    QCOMPARE(audit.records.first().outcome, QStringLiteral("safety-backup-failed"));
    QVERIFY(!audit.records.first().safetyBackupId.isEmpty());
}

void TestRestoreWorkflow::acceptedRestoreIsFollowedAfterTheWorkflowIsGone() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const QString auditPath = newAuditPath();
    FollowedRestores *followed = followedFor(auditPath);
    QSignalSpy ended(followed, &FollowedRestores::finished);
    QString restoreId;
    {
        // The dialog that owned it is closed as soon as the restore was accepted.
        RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                                 QStringLiteral("closed at once"), {}, followed);
        QVERIFY(run(workflow));
        QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Accepted);
        restoreId = workflow.restoreId();
    }
    QVERIFY(followed->isFollowing(restoreId));
    const QList<PendingRestore> pending = followed->pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().restoreId, restoreId);
    QVERIFY(pending.first().audited);
    QCOMPARE(pending.first().remark, QStringLiteral("closed at once"));
    QCOMPARE(pending.first().profileName, QStringLiteral("Demo profile"));

    QVERIFY(ended.wait(20000));
    QCOMPARE(ended.first().at(0).value<PendingRestore>().restoreId, restoreId);
    QVERIFY(followed->pending().isEmpty());
    const QList<AuditRecord> lines = AuditLog(auditPath).read().records;
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first().event, QStringLiteral("attempt"));
    QCOMPARE(lines.last().event, QStringLiteral("finished"));
    QCOMPARE(lines.last().restoreId, restoreId);
    QCOMPARE(lines.last().finalStatus, QStringLiteral("succeed"));
    QCOMPARE(lines.last().instanceId, target.instance.instanceId);
    QCOMPARE(postLines(sim, "/restores").size(), 1);
}

void TestRestoreWorkflow::lostAnswerOfAClosedClientIsFoundAtTheNextStart() {
    SimFixture sim;
    // The service accepts the restore and the connection drops; the profile is closed while the
    // console looks for the record.
    QVERIFY2(sim.start({"--fault", "drop-after-restore", "--restore-seconds", "2"}),
             qPrintable(sim.error()));
    auto client = std::make_unique<DcsClient>(configFor(sim));
    const Target target = restorableTarget(*client, this);
    QVERIFY(target.isValid());
    const QString auditPath = newAuditPath();
    {
        FollowedRestores followed(PendingRestoreFile(pendingPathFor(auditPath)),
                                  AuditLog(auditPath), fast());
        RestoreWorkflow workflow(client.get(), context(), target.instance, target.backup,
                                 QStringLiteral("lost"), {}, &followed);
        connect(&workflow, &RestoreWorkflow::stageChanged, this,
                [this, &client](RestoreWorkflow::Stage stage) {
                    // Queued before the workflow's own look: the client is in the middle of
                    // answering right now.
                    if (stage == RestoreWorkflow::Stage::LookingForLostRestore)
                        QMetaObject::invokeMethod(
                            this, [&client] { client.reset(); }, Qt::QueuedConnection);
                });
        QVERIFY(run(workflow));
        QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::OutcomeUnknown);
        QVERIFY(!client);
        // Written down with no restore id, for the next start to look for.
        const QList<PendingRestore> pending = followed.pending();
        QCOMPARE(pending.size(), 1);
        QVERIFY(pending.first().restoreId.isEmpty());
        QCOMPARE(pending.first().backupId, target.backup.backupId);
        QVERIFY(pending.first().audited);
    }

    // The next start: the restore is found, followed to its end and its trail closed.
    DcsClient again(configFor(sim));
    FollowedRestores followed(PendingRestoreFile(pendingPathFor(auditPath)), AuditLog(auditPath),
                              fast());
    QSignalSpy found(&followed, &FollowedRestores::lostRestoreFound);
    QSignalSpy ended(&followed, &FollowedRestores::finished);
    followed.resume(context().profileId, &again);
    QVERIFY(found.wait(10000));
    const QString restoreId = found.first().first().value<PendingRestore>().restoreId;
    QVERIFY(!restoreId.isEmpty());
    QVERIFY(ended.wait(20000));
    QVERIFY(followed.pending().isEmpty());
    const QList<AuditRecord> lines = AuditLog(auditPath).read().records;
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first().outcome, QStringLiteral("unknown"));
    QCOMPARE(lines.last().event, QStringLiteral("finished"));
    QCOMPARE(lines.last().restoreId, restoreId);
    QCOMPARE(lines.last().remark, QStringLiteral("lost"));
    QCOMPARE(postLines(sim, "/restores").size(), 1);
}

void TestRestoreWorkflow::unknownOutcomeWithoutRecordIsReportedAtTheNextStart() {
    SimFixture sim;
    QVERIFY2(sim.start({"--fault", "http500=restore"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    const QString auditPath = newAuditPath();
    {
        FollowedRestores followed(PendingRestoreFile(pendingPathFor(auditPath)),
                                  AuditLog(auditPath), fast());
        RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                                 QStringLiteral("5xx"), {}, &followed);
        QVERIFY(run(workflow));
        QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::OutcomeUnknown);
        QCOMPARE(followed.pending().size(), 1);
    }
    FollowedRestores followed(PendingRestoreFile(pendingPathFor(auditPath)), AuditLog(auditPath),
                              fast());
    QSignalSpy notFound(&followed, &FollowedRestores::lostRestoreNotFound);
    followed.resume(context().profileId, &client);
    QVERIFY(notFound.wait(10000));
    QCOMPARE(notFound.first().first().value<PendingRestore>().backupId, target.backup.backupId);
    QVERIFY(followed.pending().isEmpty());
    QCOMPARE(postLines(sim, "/restores").size(), 1); // looking never posts
}

QTEST_GUILESS_MAIN(TestRestoreWorkflow)
#include "tst_restoreworkflow.moc"
