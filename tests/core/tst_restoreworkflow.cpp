// RestoreWorkflow against a real dcs-sim: a plain restore and its audit line, the safety backup
// before the restore (and its failure), a lost answer that must not lead to a second restore,
// a 5xx that leaves the outcome unknown, and the server's refusals.

#include "ClientTestSupport.h"
#include "restore/AuditLog.h"
#include "restore/RestoreWorkflow.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
    void startsOnlyOnce();
    void closedClientBeforeSendingRestoresNothing();

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

    QTemporaryDir m_dir;
    int m_auditFiles = 0;
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
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup, remark, {},
                             AuditLog(auditPath));
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
    QCOMPARE(seen, (QList<RestoreWorkflow::Stage>{RestoreWorkflow::Stage::ReadingRecords,
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

    const AuditLog::Contents audit = AuditLog(auditPath).read();
    QVERIFY(audit.problems.isEmpty());
    QCOMPARE(audit.records.size(), 1);
    const AuditRecord &line = audit.records.first();
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
                             QStringLiteral("with safety"), options, AuditLog(auditPath));
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

    const AuditLog::Contents audit = AuditLog(auditPath).read();
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
                             QStringLiteral("must not happen"), options, AuditLog(auditPath));
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

    const AuditLog::Contents audit = AuditLog(auditPath).read();
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
                             QStringLiteral("dropped"), {}, AuditLog(auditPath));
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

    const AuditLog::Contents audit = AuditLog(auditPath).read();
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
                             QStringLiteral("5xx"), {}, AuditLog(auditPath));
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

    const AuditLog::Contents audit = AuditLog(auditPath).read();
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
                             QStringLiteral("refused"), {}, AuditLog(auditPath));
    QVERIFY(run(workflow));
    QCOMPARE(workflow.stage(), RestoreWorkflow::Stage::Refused);
    QCOMPARE(workflow.error().kind, ApiError::Kind::Http);
    QCOMPARE(workflow.error().httpStatus, 400);
    QCOMPARE(workflow.error().code, code);
    QCOMPARE(workflow.error().requestId.size(), 32);
    QVERIFY(!workflow.error().explanation().isEmpty());
    QVERIFY(workflow.restoreId().isEmpty());

    const AuditLog::Contents audit = AuditLog(auditPath).read();
    QCOMPARE(audit.records.size(), 1);
    QCOMPARE(audit.records.first().outcome, QStringLiteral("refused"));
    QCOMPARE(audit.records.first().errorCode, code);
    QCOMPARE(audit.records.first().requestId, workflow.error().requestId);
}

void TestRestoreWorkflow::startsOnlyOnce() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    RestoreWorkflow workflow(&client, context(), target.instance, target.backup,
                             QStringLiteral("once"), {}, AuditLog(newAuditPath()));
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
                             QStringLiteral("closed"), options, AuditLog(auditPath));
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
    const AuditLog::Contents audit = AuditLog(auditPath).read();
    QCOMPARE(audit.records.size(), 1);
    QCOMPARE(audit.records.first().outcome, QStringLiteral("safety-backup-failed"));
    QVERIFY(!audit.records.first().safetyBackupId.isEmpty());
}

QTEST_GUILESS_MAIN(TestRestoreWorkflow)
#include "tst_restoreworkflow.moc"
