// Backup health: what is read about an instance boiled down to facts, the verdict with its
// reasons and thresholds, the automatic-backup schedule, the cache form of the facts, and when a
// change of verdict is told.

#include "fleet/BackupHealth.h"

#include <QTest>
#include <QTranslator>

using namespace dcs;

namespace {

// A Wednesday, 10:00 UTC.
const QDateTime Now(QDate(2026, 3, 11), QTime(10, 0), Qt::UTC);

Instance instance(const QString &mode = QStringLiteral("ha")) {
    Instance i;
    i.instanceId = QStringLiteral("i-1");
    i.name = QStringLiteral("cache");
    i.status = QStringLiteral("RUNNING");
    i.cacheMode = mode;
    i.hasShowFields = true;
    i.specCode = mode == QLatin1String("single") ? QStringLiteral("redis.single.xu1.large.2")
                                                 : QStringLiteral("redis.ha.xu1.large.r2.2");
    return i;
}

Backup backup(double hoursAgo, const QString &status, bool restorable = true,
              const QString &type = QStringLiteral("auto"), const QString &code = {}) {
    Backup b;
    b.backupId = QStringLiteral("b-%1").arg(hoursAgo);
    b.instanceId = QStringLiteral("i-1");
    b.createdAt = Now.addSecs(-qint64(hoursAgo * 3600));
    b.status = status;
    b.supportRestore = restorable;
    b.backupType = type;
    b.errorCode = code;
    return b;
}

BackupPolicy daily(int saveDays = 7, int hour = 2) {
    BackupPolicy p;
    p.backupType = QStringLiteral("auto");
    p.saveDays = saveDays;
    p.backupAt = {1, 2, 3, 4, 5, 6, 7};
    p.beginAt = BackupPolicy::windowForHour(hour);
    return p;
}

BackupHealth judge(const QList<Backup> &backups,
                   const std::optional<BackupPolicy> &policy = daily(),
                   const QString &mode = QStringLiteral("ha"),
                   const std::optional<QList<BackgroundTask>> &tasks = std::nullopt,
                   const HealthThresholds &thresholds = {}) {
    const HealthFacts facts =
        summarizeHealth(instance(mode), true, policy, backups, tasks, Now.addSecs(-60));
    return judgeHealth(facts, thresholds, Now);
}

QList<HealthReason::Kind> kinds(const BackupHealth &health) {
    QList<HealthReason::Kind> result;
    for (const HealthReason &reason : health.reasons)
        result.append(reason.kind);
    return result;
}

} // namespace

class TestBackupHealth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Plural forms ("4 days") come from the English catalogue, as in the program.
    void initTestCase() {
        QVERIFY(m_english.load(QStringLiteral(":/i18n/dcs-console_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }
    void healthyWithARecentRestorableBackup();
    void singleNodeCannotBeRestored();
    void noBackupOrNothingRestorable();
    void oldSuccessIsAtRiskAtTheThreshold();
    void lastFailedBackupIsAtRisk();
    void runningBackupDoesNotHideAFailure();
    void newestRestorableExpiringSoon();
    void manualBackupsDoNotExpire();
    void runningBackgroundTask();
    void policyOff();
    void thresholdsComeFromTheCaller();
    void schedule();
    void factsSurviveTheCache();
    void damagedCacheEntriesAreRefused();
    void announcementsOncePerChange();
    void verdictKeysAndSeverity();

private:
    QTranslator m_english;
};

void TestBackupHealth::healthyWithARecentRestorableBackup() {
    // Out of order on purpose: the list's order is not promised.
    const QList<Backup> backups{backup(44.5, "succeed"), backup(8.0, "succeed"),
                                backup(20.0, "succeed", true, "manual"),
                                backup(300.0, "expired", false)};
    const BackupHealth health = judge(backups);
    QCOMPARE(health.verdict, HealthVerdict::Healthy);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::Recent});
    QCOMPARE(health.lastSuccessAgeSeconds, 8 * 3600);
    QVERIFY(!health.policyOff);
    // Daily at 02:00 UTC: the next one is tomorrow's.
    QCOMPARE(health.nextAutomaticBackupAt, QDateTime(QDate(2026, 3, 12), QTime(2, 0), Qt::UTC));
    // The newest restorable one is automatic: kept for 7 days from when it was made.
    QCOMPARE(health.newestRestorableExpiresAt, Now.addSecs(-8 * 3600).addDays(7));

    const HealthFacts facts =
        summarizeHealth(instance(), true, daily(), backups, std::nullopt, Now);
    QCOMPARE(facts.backupCount, 4);
    QCOMPARE(facts.restorableCount, 3);
    QCOMPARE(facts.oldestRestorableAt, Now.addSecs(-qint64(44.5 * 3600)));
    QCOMPARE(facts.newestRestorableAt, Now.addSecs(-8 * 3600));
    QCOMPARE(facts.lastStatus, QStringLiteral("succeed"));
    QVERIFY(!facts.tasksKnown);
    QVERIFY(health.reasonText().contains(QStringLiteral("8 hours")));
}

void TestBackupHealth::singleNodeCannotBeRestored() {
    const BackupHealth health = judge({}, std::nullopt, QStringLiteral("single"));
    QCOMPARE(health.verdict, HealthVerdict::CannotRestore);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::SingleNode});
    QVERIFY(needsAttention(health.verdict));
}

void TestBackupHealth::noBackupOrNothingRestorable() {
    BackupHealth health = judge({});
    QCOMPARE(health.verdict, HealthVerdict::CannotRestore);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::NoBackup});
    QCOMPARE(health.lastSuccessAgeSeconds, -1);

    // Succeeded, but none marked restorable; the newest ended failed.
    health = judge({backup(3, "failed", false, "auto", "dcs.08.0002"), backup(20, "succeed", false),
                    backup(40, "succeed", false)});
    QCOMPARE(health.verdict, HealthVerdict::CannotRestore);
    QCOMPARE(kinds(health), (QList<HealthReason::Kind>{HealthReason::Kind::NothingRestorable,
                                                       HealthReason::Kind::LastFailed}));
    QCOMPARE(health.reasons.at(0).seconds, 3); // the count of backups
    QVERIFY(health.reasons.at(0).text().contains(QStringLiteral("3 backups")));
    QVERIFY(health.reasons.at(1).text().contains(QStringLiteral("dcs.08.0002")));
}

void TestBackupHealth::oldSuccessIsAtRiskAtTheThreshold() {
    // 26 hours is still fine; a second more is not.
    Backup edge = backup(0, "succeed");
    edge.createdAt = Now.addSecs(-26 * 3600);
    QCOMPARE(judge({edge}).verdict, HealthVerdict::Healthy);
    edge.createdAt = Now.addSecs(-26 * 3600 - 1);
    BackupHealth health = judge({edge});
    QCOMPARE(health.verdict, HealthVerdict::AtRisk);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::NoRecentSuccess});
    QCOMPARE(health.reasons.at(0).seconds, 26 * 3600 + 1);

    health = judge({backup(100, "succeed", true, "manual")});
    QCOMPARE(health.verdict, HealthVerdict::AtRisk);
    QVERIFY(health.reasonText().contains(QStringLiteral("4 days 4 hours")));
}

void TestBackupHealth::lastFailedBackupIsAtRisk() {
    const BackupHealth health =
        judge({backup(2, "failed", false, "auto", "dcs.08.0005"), backup(20, "succeed")});
    QCOMPARE(health.verdict, HealthVerdict::AtRisk);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::LastFailed});
    QCOMPARE(health.reasons.at(0).detail, QStringLiteral("dcs.08.0005"));
    // The record code is explained in words.
    QVERIFY(health.reasons.at(0).text().contains(QStringLiteral("storage bucket")));

    // A success after the failure clears it.
    QCOMPARE(judge({backup(2, "failed", false), backup(1, "succeed")}).verdict,
             HealthVerdict::Healthy);
}

void TestBackupHealth::runningBackupDoesNotHideAFailure() {
    const QList<Backup> backups{backup(0.1, "backuping", false), backup(3, "failed", false),
                                backup(20, "succeed")};
    const HealthFacts facts =
        summarizeHealth(instance(), true, daily(), backups, std::nullopt, Now);
    QCOMPARE(facts.lastStatus, QStringLiteral("backuping"));
    QVERIFY(facts.lastFinishedFailed);
    QCOMPARE(judgeHealth(facts, {}, Now).verdict, HealthVerdict::AtRisk);
}

void TestBackupHealth::newestRestorableExpiringSoon() {
    // Kept for one day: the newest restorable one (made 20 hours ago) expires in 4 hours.
    const BackupHealth health = judge({backup(20, "succeed")}, daily(1));
    QCOMPARE(health.verdict, HealthVerdict::AtRisk);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::ExpiresSoon});
    QCOMPARE(health.reasons.at(0).seconds, 4 * 3600);
    QCOMPARE(health.newestRestorableExpiresAt, Now.addSecs(4 * 3600));
    // With a shorter warning it is fine.
    HealthThresholds shortWarning;
    shortWarning.expiryWarningSeconds = 3 * 3600;
    QCOMPARE(
        judge({backup(20, "succeed")}, daily(1), QStringLiteral("ha"), std::nullopt, shortWarning)
            .verdict,
        HealthVerdict::Healthy);
}

void TestBackupHealth::manualBackupsDoNotExpire() {
    // The newest restorable one is manual: it stays until deleted, whatever save_days says.
    const BackupHealth health = judge({backup(20, "succeed", true, "manual")}, daily(1));
    QCOMPARE(health.verdict, HealthVerdict::Healthy);
    QVERIFY(!health.newestRestorableExpiresAt.isValid());
}

void TestBackupHealth::runningBackgroundTask() {
    BackgroundTask swap;
    swap.name = QStringLiteral("masterStandbySwapJob");
    swap.status = QStringLiteral("EXECUTING");
    swap.createdAt = Now.addSecs(-600);
    BackgroundTask done;
    done.name = QStringLiteral("EXTEND");
    done.status = QStringLiteral("SUCCESS");
    BackupHealth health = judge({backup(5, "succeed")}, daily(), QStringLiteral("ha"),
                                QList<BackgroundTask>{done, swap});
    QCOMPARE(health.verdict, HealthVerdict::AtRisk);
    QCOMPARE(kinds(health), QList<HealthReason::Kind>{HealthReason::Kind::TaskRunning});
    QCOMPARE(health.reasons.at(0).detail, QStringLiteral("masterStandbySwapJob"));
    // Ended tasks say nothing.
    health =
        judge({backup(5, "succeed")}, daily(), QStringLiteral("ha"), QList<BackgroundTask>{done});
    QCOMPARE(health.verdict, HealthVerdict::Healthy);
}

void TestBackupHealth::policyOff() {
    BackupPolicy manual = daily();
    manual.backupType = QStringLiteral("manual");
    BackupHealth health = judge({backup(96, "succeed", true, "manual")}, manual);
    QCOMPARE(health.verdict, HealthVerdict::AtRisk);
    QVERIFY(health.policyOff);
    QVERIFY(!health.nextAutomaticBackupAt.isValid());
    QCOMPARE(kinds(health), (QList<HealthReason::Kind>{HealthReason::Kind::NoRecentSuccess,
                                                       HealthReason::Kind::PolicyOff}));
    // A recent manual backup is healthy, and still says automatic backups are off.
    health = judge({backup(2, "succeed", true, "manual")}, manual);
    QCOMPARE(health.verdict, HealthVerdict::Healthy);
    QCOMPARE(kinds(health), (QList<HealthReason::Kind>{HealthReason::Kind::Recent,
                                                       HealthReason::Kind::PolicyOff}));
    // Not known (details not read): neither off nor due.
    const HealthFacts unknown =
        summarizeHealth(instance(), false, std::nullopt, {backup(2, "succeed")}, {}, Now);
    health = judgeHealth(unknown, {}, Now);
    QVERIFY(!health.policyOff);
    QVERIFY(!health.nextAutomaticBackupAt.isValid());
}

void TestBackupHealth::thresholdsComeFromTheCaller() {
    HealthThresholds strict;
    strict.maxBackupAgeSeconds = 6 * 3600;
    QCOMPARE(
        judge({backup(8, "succeed")}, daily(), QStringLiteral("ha"), std::nullopt, strict).verdict,
        HealthVerdict::AtRisk);
    QCOMPARE(judge({backup(8, "succeed")}).verdict, HealthVerdict::Healthy);
    // Never read: no verdict at all.
    QCOMPARE(judgeHealth(HealthFacts{}, {}, Now).verdict, HealthVerdict::Unknown);
}

void TestBackupHealth::schedule() {
    BackupPolicy p = daily(7, 23);
    p.backupAt = {1, 5}; // Monday and Friday, 23:00-00:00 UTC
    // Wednesday 10:00 -> Friday 23:00.
    QCOMPARE(p.nextWindowAfter(Now), QDateTime(QDate(2026, 3, 13), QTime(23, 0), Qt::UTC));
    // Strictly after: at the window's start the next one is Monday's.
    QCOMPARE(p.nextWindowAfter(QDateTime(QDate(2026, 3, 13), QTime(23, 0), Qt::UTC)),
             QDateTime(QDate(2026, 3, 16), QTime(23, 0), Qt::UTC));
    QCOMPARE(p.lastWindowAtOrBefore(Now), QDateTime(QDate(2026, 3, 9), QTime(23, 0), Qt::UTC));
    const QList<QDateTime> windows = p.windowsBetween(Now, Now.addDays(7));
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows.at(1), QDateTime(QDate(2026, 3, 16), QTime(23, 0), Qt::UTC));
    // A plan that cannot be read, or a manual policy, has no windows.
    p.beginAt = QStringLiteral("02:30-03:30");
    QVERIFY(!p.nextWindowAfter(Now).isValid());
    BackupPolicy manual = daily();
    manual.backupType = QStringLiteral("manual");
    QVERIFY(manual.windowsBetween(Now, Now.addDays(7)).isEmpty());
    QCOMPARE(daily(3).retentionSeconds(), 3 * 24 * 3600);
}

void TestBackupHealth::factsSurviveTheCache() {
    BackgroundTask swap;
    swap.name = QStringLiteral("masterStandbySwapJob");
    swap.status = QStringLiteral("EXECUTING");
    swap.createdAt = Now.addSecs(-600);
    BackupPolicy policy = daily(3);
    policy.updatedAt = Now.addDays(-30);
    const HealthFacts facts =
        summarizeHealth(instance(), true, policy,
                        {backup(2, "failed", false, "auto", "dcs.08.0001"), backup(20, "succeed"),
                         backup(44, "succeed", true, "manual")},
                        QList<BackgroundTask>{swap}, Now);
    const std::optional<HealthFacts> back = HealthFacts::fromJson(facts.toJson());
    QVERIFY(back.has_value());
    QCOMPARE(*back, facts);
    QCOMPARE(judgeHealth(*back, {}, Now).reasonText(), judgeHealth(facts, {}, Now).reasonText());

    const HealthFacts noPolicy =
        summarizeHealth(instance(QStringLiteral("single")), false, std::nullopt, {}, {}, Now);
    QCOMPARE(*HealthFacts::fromJson(noPolicy.toJson()), noPolicy);
}

void TestBackupHealth::damagedCacheEntriesAreRefused() {
    const HealthFacts facts =
        summarizeHealth(instance(), true, daily(), {backup(2, "succeed")}, {}, Now);
    QJsonObject damaged = facts.toJson();
    damaged.insert(QStringLiteral("restorable_count"), 5); // more than the backups
    QVERIFY(!HealthFacts::fromJson(damaged));
    damaged = facts.toJson();
    damaged.remove(QStringLiteral("read_at"));
    QVERIFY(!HealthFacts::fromJson(damaged));
    QVERIFY(!HealthFacts::fromJson(QJsonObject{}));
}

void TestBackupHealth::announcementsOncePerChange() {
    using V = HealthVerdict;
    // The first look is a baseline: nothing is told, whatever it shows.
    HealthAnnouncement a = announceHealth(std::nullopt, V::AtRisk);
    QVERIFY(!a.tell);
    QCOMPARE(a.remember, V::AtRisk);
    // The same verdict again: nothing.
    a = announceHealth(V::AtRisk, V::AtRisk);
    QVERIFY(!a.tell);
    // Worse: told once.
    a = announceHealth(V::AtRisk, V::CannotRestore);
    QVERIFY(a.tell);
    QCOMPARE(a.remember, V::CannotRestore);
    QVERIFY(!announceHealth(a.remember, V::CannotRestore).tell);
    // Better is not news; but falling back again after that is.
    a = announceHealth(V::CannotRestore, V::AtRisk);
    QVERIFY(!a.tell);
    QCOMPARE(a.remember, V::AtRisk);
    a = announceHealth(V::Healthy, V::AtRisk);
    QVERIFY(a.tell);
    a = announceHealth(V::AtRisk, V::Healthy);
    QVERIFY(!a.tell);
    QCOMPARE(a.remember, V::Healthy);
    // A failed read changes nothing.
    a = announceHealth(V::Healthy, V::Unknown);
    QVERIFY(!a.tell);
    QCOMPARE(a.remember, V::Healthy);
    a = announceHealth(std::nullopt, V::Unknown);
    QVERIFY(!a.remember.has_value());
}

void TestBackupHealth::verdictKeysAndSeverity() {
    for (const HealthVerdict v : {HealthVerdict::Unknown, HealthVerdict::Healthy,
                                  HealthVerdict::AtRisk, HealthVerdict::CannotRestore}) {
        QCOMPARE(verdictFromKey(verdictKey(v)), v);
        QVERIFY(!verdictText(v).isEmpty());
    }
    QVERIFY(verdictSeverity(HealthVerdict::CannotRestore) > verdictSeverity(HealthVerdict::AtRisk));
    QVERIFY(verdictSeverity(HealthVerdict::AtRisk) > verdictSeverity(HealthVerdict::Healthy));
    QCOMPARE(verdictFromKey(QStringLiteral("nonsense")), HealthVerdict::Unknown);
    QVERIFY(!needsAttention(HealthVerdict::Healthy));
    QVERIFY(!needsAttention(HealthVerdict::Unknown));
}

QTEST_GUILESS_MAIN(TestBackupHealth)
#include "tst_backuphealth.moc"
