#include "model/DisplayText.h"
#include "restore/RestorePreflight.h"

#include <QTest>

using namespace dcs;

class TestPreflight : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void instanceRules_data();
    void instanceRules();
    void backupRules_data();
    void backupRules();
    void oldBackupIsAWarningOnly();
    void noBackupChosenBlocks();
    void runningTasksAreNamed();
    void taskNamesAreWords();
    void untrustedInstanceIsNeverRestored_data();
    void untrustedInstanceIsNeverRestored();
    void untrustedBackupIsNeverChosen();
};

static Instance instanceOf(const QString &spec, const QString &status) {
    Instance i;
    i.instanceId = QStringLiteral("i-1");
    i.specCode = spec;
    i.status = status;
    return i;
}

static Backup backupOf(const QString &status, bool restorable) {
    Backup b;
    b.backupId = QStringLiteral("b-1");
    b.status = status;
    b.supportRestore = restorable;
    b.createdAt = QDateTime(QDate(2026, 11, 28), QTime(1, 0), Qt::UTC);
    return b;
}

static QStringList codes(const QList<PreflightFinding> &findings) {
    QStringList result;
    for (const auto &f : findings)
        result.append(f.code);
    return result;
}

void TestPreflight::instanceRules_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("runningBackup");
    QTest::addColumn<QString>("runningRestore");
    QTest::addColumn<QStringList>("expected");
    const QString ha = QStringLiteral("redis.ha.xu1.large.r2.2");
    QTest::newRow("ha running, idle") << ha << "RUNNING"
                                      << ""
                                      << "" << QStringList();
    QTest::newRow("cluster running") << "redis.cluster.xu1.large.r3.24"
                                     << "RUNNING"
                                     << ""
                                     << "" << QStringList();
    QTest::newRow("proxy running") << "redis.proxy.xu1.large.16"
                                   << "RUNNING"
                                   << ""
                                   << "" << QStringList();
    QTest::newRow("single-node") << "redis.single.xu1.tiny.256"
                                 << "RUNNING"
                                 << ""
                                 << "" << QStringList{"DCS.4086"};
    QTest::newRow("single-node wins over status") << "redis.single.xu1.tiny.256"
                                                  << "ERROR"
                                                  << ""
                                                  << "" << QStringList{"DCS.4086"};
    QTest::newRow("restoring") << ha << "RESTORING"
                               << ""
                               << "" << QStringList{"DCS.4097"};
    QTest::newRow("record still running") << ha << "RUNNING"
                                          << ""
                                          << "restoring" << QStringList{"DCS.4097"};
    QTest::newRow("error status") << ha << "ERROR"
                                  << ""
                                  << "" << QStringList{"DCS.4049"};
    QTest::newRow("creating") << ha << "CREATING"
                              << ""
                              << "" << QStringList{"DCS.4049"};
    QTest::newRow("backup waiting") << ha << "RUNNING"
                                    << "waiting"
                                    << "" << QStringList{"DCS.4096"};
    QTest::newRow("backup backuping") << ha << "RUNNING"
                                      << "backuping"
                                      << "" << QStringList{"DCS.4096"};
    QTest::newRow("finished jobs do not count") << ha << "RUNNING"
                                                << "succeed"
                                                << "failed" << QStringList();
}

void TestPreflight::instanceRules() {
    QFETCH(QString, spec);
    QFETCH(QString, status);
    QFETCH(QString, runningBackup);
    QFETCH(QString, runningRestore);
    QFETCH(QStringList, expected);
    PreflightInput input;
    input.instance = instanceOf(spec, status);
    if (!runningBackup.isEmpty())
        input.backups.append(backupOf(runningBackup, false));
    if (!runningRestore.isEmpty()) {
        RestoreRecord r;
        r.status = runningRestore;
        input.restores.append(r);
    }
    const auto findings = RestorePreflight::checkInstance(input);
    QCOMPARE(codes(findings), expected);
    QCOMPARE(RestorePreflight::blocks(findings), !expected.isEmpty());
    for (const auto &f : findings)
        QVERIFY(!f.reason.isEmpty());
}

void TestPreflight::backupRules_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("supportRestore");
    QTest::addColumn<bool>("refused");
    QTest::newRow("succeed, TRUE") << "succeed" << true << false;
    QTest::newRow("succeed, FALSE") << "succeed" << false << true;
    for (const char *status : {"waiting", "backuping", "failed", "expired", "deleted"})
        QTest::newRow(status) << QString::fromLatin1(status) << true << true;
}

void TestPreflight::backupRules() {
    QFETCH(QString, status);
    QFETCH(bool, supportRestore);
    QFETCH(bool, refused);
    const Backup backup = backupOf(status, supportRestore);
    QCOMPARE(!RestorePreflight::backupRefusal(backup).isEmpty(), refused);
    PreflightInput input;
    input.instance =
        instanceOf(QStringLiteral("redis.ha.xu1.large.r2.2"), QStringLiteral("RUNNING"));
    input.backup = &backup;
    input.now = backup.createdAt.addSecs(60);
    QCOMPARE(codes(RestorePreflight::check(input)),
             refused ? QStringList{QStringLiteral("DCS.4087")} : QStringList());
}

void TestPreflight::oldBackupIsAWarningOnly() {
    Backup backup = backupOf(QStringLiteral("succeed"), true);
    backup.executionAt = backup.createdAt.addSecs(-3600); // execution_at counts first
    PreflightInput input;
    input.instance =
        instanceOf(QStringLiteral("redis.ha.xu1.large.r2.2"), QStringLiteral("RUNNING"));
    input.backup = &backup;
    input.now = backup.createdAt.addSecs(23 * 3600 + 1800); // 24.5 h after execution_at
    auto findings = RestorePreflight::check(input);
    QCOMPARE(codes(findings), QStringList{QStringLiteral("backup-old")});
    QCOMPARE(findings.first().severity, PreflightFinding::Severity::Warning);
    QVERIFY(!RestorePreflight::blocks(findings));
    input.oldBackupWarningSeconds = 48 * 3600;
    QVERIFY(RestorePreflight::check(input).isEmpty());
}

void TestPreflight::noBackupChosenBlocks() {
    PreflightInput input;
    input.instance =
        instanceOf(QStringLiteral("redis.ha.xu1.large.r2.2"), QStringLiteral("RUNNING"));
    QVERIFY(RestorePreflight::blocks(RestorePreflight::check(input)));
}

void TestPreflight::runningTasksAreNamed() {
    PreflightInput input;
    input.instance = instanceOf(QStringLiteral("redis.ha.xu1.large.r2.2"), "RUNNING");
    auto task = [](const char *name, const char *status) {
        BackgroundTask t;
        t.id = QString::fromLatin1(name);
        t.name = QString::fromLatin1(name);
        t.status = QString::fromLatin1(status);
        t.createdAt = QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC);
        return t;
    };
    // Finished tasks say nothing; an unknown status counts as running (undocumented set).
    input.tasks = {task("EXTEND", "SUCCESS"), task("modify", "FAILED")};
    QVERIFY(RestorePreflight::checkInstance(input).isEmpty());
    input.tasks = {task("EXTEND", "EXECUTING"), task("AddWhitelist", "SOMETHING_NEW")};
    const QList<PreflightFinding> findings = RestorePreflight::checkInstance(input);
    QCOMPARE(codes(findings), (QStringList{"DCS.4017", "task-running"}));
    QVERIFY(RestorePreflight::blocks(findings));
    // Named in words, not by the API's names.
    QVERIFY2(findings.first().reason.contains(QLatin1String("collide with the restore: Change "
                                                            "specifications, running since")),
             qPrintable(findings.first().reason));
    QVERIFY2(!findings.first().reason.contains(QLatin1String("EXTEND")),
             qPrintable(findings.first().reason));
    QVERIFY2(findings.last().reason.contains(QLatin1String("running: Change whitelist, since")),
             qPrintable(findings.last().reason));
    QVERIFY2(!findings.last().reason.contains(QLatin1String("AddWhitelist")),
             qPrintable(findings.last().reason));
    // A name the console does not know is said as the service sent it, and plainly.
    input.tasks = {task("upgradeEngine", "EXECUTING")};
    const QString unknown = RestorePreflight::checkInstance(input).value(0).reason;
    QVERIFY2(unknown.contains(QLatin1String("collide with the restore: upgradeEngine, running")),
             qPrintable(unknown));
    QCOMPARE(findings.last().severity, PreflightFinding::Severity::Warning);
    for (const char *name : {"masterStandbySwapJob", "ChangeInstanceSpec", "AddReplica",
                             "RestartInstance", "restart", "upgradeEngine"})
        QVERIFY2(RestorePreflight::taskCollidesWithRestore(QString::fromLatin1(name)), name);
    for (const char *name : {"BindEip", "AddWhitelist", "modify", "UpdatePort"})
        QVERIFY2(!RestorePreflight::taskCollidesWithRestore(QString::fromLatin1(name)), name);
    // ShowInstance's "task": busy whatever the word, unless a finding already says why.
    input.tasks.clear();
    input.instance.task = QStringLiteral("FLUSHING_DATA");
    QCOMPARE(codes(RestorePreflight::checkInstance(input)), QStringList{"DCS.4017"});
    QVERIFY(RestorePreflight::checkInstance(input).value(0).reason.contains(
        QLatin1String("job under way on this instance: FLUSHING_DATA.")));
    input.instance.task = QStringLiteral("masterStandbySwapJob");
    const QString swap = RestorePreflight::checkInstance(input).value(0).reason;
    QVERIFY2(swap.contains(QLatin1String("instance: Master/standby switchover.")),
             qPrintable(swap));
    input.instance.task = QStringLiteral("RESTORING");
    input.instance.status = QStringLiteral("RESTORING");
    QCOMPARE(codes(RestorePreflight::checkInstance(input)), QStringList{"DCS.4097"});
}

// Every task name the console knows — the documented ones (dcs-api-v2.md §9), those that
// collide with a restore, those dcs-sim runs — is said in words, without the API's name; one it
// does not know is shown as it came.
void TestPreflight::taskNamesAreWords() {
    const QList<QPair<const char *, const char *>> known = {
        {"EXTEND", "Change specifications"},
        {"ChangeInstanceSpec", "Change specifications"},
        {"BindEip", "Bind EIP"},
        {"UnBindEip", "Unbind EIP"},
        {"AddReplica", "Add replica"},
        {"DelReplica", "Delete replica"},
        {"AddWhitelist", "Change whitelist"},
        {"UpdatePort", "Change port"},
        {"RemoveIpFromDns", "Remove IP from DNS"},
        {"masterStandbySwapJob", "Master/standby switchover"},
        {"modify", "Change password"},
    };
    for (const auto &[api, words] : known) {
        const QString name = QString::fromLatin1(api);
        QCOMPARE(DisplayText::taskName(name), QString::fromLatin1(words));
        // The service's case and stray spaces do not matter.
        QCOMPARE(DisplayText::taskName(QLatin1Char(' ') + name.toUpper()),
                 QString::fromLatin1(words));
        QVERIFY2(!DisplayText::taskName(name).contains(name, Qt::CaseInsensitive), api);
    }
    QCOMPARE(DisplayText::taskName(QStringLiteral("RestartInstance")),
             QStringLiteral("RestartInstance"));
    QCOMPARE(DisplayText::taskName(QStringLiteral(" upgradeEngine ")),
             QStringLiteral("upgradeEngine"));
    QCOMPARE(DisplayText::taskName(QString()), DisplayText::none());
}

void TestPreflight::untrustedInstanceIsNeverRestored_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("cacheMode");
    QTest::addColumn<QString>("spec");
    QTest::newRow("no id") << ""
                           << ""
                           << "redis.ha.xu1.large.r2.2";
    QTest::newRow("odd id") << "../x"
                            << ""
                            << "redis.ha.xu1.large.r2.2";
    QTest::newRow("unknown cache_mode") << "i-1"
                                        << "quantum"
                                        << "redis.ha.xu1.large.r2.2";
    QTest::newRow("nothing tells the type") << "i-1"
                                            << ""
                                            << "";
}

void TestPreflight::untrustedInstanceIsNeverRestored() {
    QFETCH(QString, id);
    QFETCH(QString, cacheMode);
    QFETCH(QString, spec);
    Instance instance = instanceOf(spec, QStringLiteral("RUNNING"));
    instance.instanceId = id;
    instance.cacheMode = cacheMode;
    PreflightInput input;
    input.instance = instance;
    const auto findings = RestorePreflight::checkInstance(input);
    QVERIFY(RestorePreflight::blocks(findings));
    QCOMPARE(codes(findings), QStringList{QStringLiteral("record-untrusted")});
    // Not the single-node text: the reason names what is wrong with the record.
    QVERIFY(!findings.first().reason.contains(QStringLiteral("Single-node")));
    QCOMPARE(findings.first().reason, describeRecordProblems(instance.problems()));
}

void TestPreflight::untrustedBackupIsNeverChosen() {
    Backup noId = backupOf(QStringLiteral("succeed"), true);
    noId.backupId.clear();
    Backup foreign = backupOf(QStringLiteral("succeed"), true);
    foreign.foreignInstance = true;
    for (const Backup &backup : {noId, foreign}) {
        QVERIFY(!RestorePreflight::backupRefusal(backup).isEmpty());
        PreflightInput input;
        input.instance =
            instanceOf(QStringLiteral("redis.ha.xu1.large.r2.2"), QStringLiteral("RUNNING"));
        input.backup = &backup;
        input.now = backup.createdAt.addSecs(60);
        QVERIFY(RestorePreflight::blocks(RestorePreflight::check(input)));
    }
}

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
