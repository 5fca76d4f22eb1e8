// FollowedRestores on a real dcs-sim: a restore followed to its end, the time limit, a console
// closed midway whose successor resumes from the pending file, a closed client, and restores of
// unknown outcome resolved at the next start. Also the pending file itself.

#include "ClientTestSupport.h"
#include "restore/FollowedRestores.h"
#include "restore/PendingRestoreFile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

namespace {

// What every pending entry has; the audit fields stay empty.
PendingRestore pendingOf(const QString &profileId, const QString &instanceId,
                         const QString &instanceName, const QString &restoreId,
                         const QString &backupId, const QString &backupName,
                         const QDateTime &startedAt) {
    PendingRestore r;
    r.profileId = profileId;
    r.instanceId = instanceId;
    r.instanceName = instanceName;
    r.restoreId = restoreId;
    r.backupId = backupId;
    r.backupName = backupName;
    r.startedAt = startedAt;
    return r;
}

} // namespace

class TestFollowedRestores : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pendingFileRoundTrip();
    void damagedPendingFileIsAnEmptyList();
    void followsARestoreToSucceed();
    void givesUpAfterTheTimeout();
    void resumesAfterARestart();
    void closedClientIsResumedOnANewOne();
    void unknownOutcomeIsResolvedOnResume();
    void unknownOutcomeWithoutRecordIsDropped();
    void foundRunningRestoreIsFollowedButNotAudited();

private:
    static RestoreRecordFollower::Timing fast() { return {100, 300, 2.0, 60000}; }
    // Posts a restore directly and gives the pending entry for it.
    PendingRestore startRestore(DcsClient &client, const QString &profileId);
    QString newPendingPath() {
        return m_dir.filePath(QStringLiteral("pending-%1.json").arg(++m_files));
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

PendingRestore TestFollowedRestores::startRestore(DcsClient &client, const QString &profileId) {
    const Target target = restorableTarget(client, this);
    if (!target.isValid())
        return {};
    PendingRestore pending;
    pending.profileId = profileId;
    pending.instanceId = target.instance.instanceId;
    pending.instanceName = target.instance.name;
    pending.backupId = target.backup.backupId;
    pending.backupName = target.backup.backupName;
    pending.startedAt = QDateTime::currentDateTimeUtc();
    const auto posted = await<QString>([&](auto cb) {
        client.restore(target.instance.instanceId, target.backup.backupId,
                       QStringLiteral("followeded"), this, cb);
    });
    pending.restoreId = posted.value;
    return pending;
}

void TestFollowedRestores::pendingFileRoundTrip() {
    const QString path = newPendingPath();
    PendingRestoreFile store(path);
    QVERIFY(store.load().isEmpty()); // missing file
    PendingRestore a =
        pendingOf(QStringLiteral("p1"), QStringLiteral("i1"), QStringLiteral("订单缓存"),
                  QStringLiteral("r1"), QStringLiteral("b1"), QStringLiteral("backup_1"),
                  QDateTime(QDate(2026, 11, 28), QTime(3, 10, 0, 123), Qt::UTC));
    PendingRestore b = a;
    b.profileId = QStringLiteral("p2");
    QVERIFY(store.add(a));
    QVERIFY(store.add(b));
    QVERIFY(store.add(a)); // the same restore again replaces, not duplicates
    QCOMPARE(PendingRestoreFile(path).load(), (QList<PendingRestore>{b, a}));

    // An unknown-outcome entry is replaced by the restore that resolves it.
    PendingRestore unknown = a;
    unknown.restoreId.clear();
    unknown.profileId = QStringLiteral("p3");
    QVERIFY(store.add(unknown));
    QCOMPARE(store.load().size(), 3);
    PendingRestore resolved = unknown;
    resolved.restoreId = QStringLiteral("r3");
    QVERIFY(store.add(resolved));
    QCOMPARE(store.load(), (QList<PendingRestore>{b, a, resolved}));

    // A restore this console posted keeps what its "finished" line repeats.
    PendingRestore audited = b;
    audited.restoreId = QStringLiteral("r4");
    audited.audited = true;
    audited.profileName = QStringLiteral("生产账号");
    audited.region = QStringLiteral("cn-north-4");
    audited.projectId = QStringLiteral("0123");
    audited.remark = QStringLiteral("roll back, \"quoted\"");
    audited.safetyBackupId = QStringLiteral("sb-1");
    QVERIFY(store.add(audited));
    QCOMPARE(PendingRestoreFile(path).load().last(), audited);
    QVERIFY(store.remove(audited));

    QVERIFY(store.remove(QStringLiteral("p1"), QStringLiteral("r1")));
    QVERIFY(store.remove(resolved));
    QCOMPARE(store.load(), (QList<PendingRestore>{b}));
    QVERIFY(store.remove(QStringLiteral("p9"), QStringLiteral("nothing")));
    QCOMPARE(store.load().size(), 1);
}

void TestFollowedRestores::damagedPendingFileIsAnEmptyList() {
    const QString path = newPendingPath();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[{\"profile_id\": \"p1\", trunc");
    file.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged")));
    QVERIFY(PendingRestoreFile(path).load().isEmpty());
    // Writing again starts a sound file.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged")));
    PendingRestore entry = pendingOf(
        QStringLiteral("p1"), QStringLiteral("i1"), QStringLiteral("n"), QStringLiteral("r1"),
        QStringLiteral("b1"), QStringLiteral("bn"), QDateTime::currentDateTimeUtc());
    QVERIFY(PendingRestoreFile(path).add(entry));
    QCOMPARE(PendingRestoreFile(path).load().size(), 1);
}

void TestFollowedRestores::followsARestoreToSucceed() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const PendingRestore restore = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!restore.restoreId.isEmpty());

    const QString path = newPendingPath();
    FollowedRestores followed(PendingRestoreFile(path), AuditLog(path + QStringLiteral(".audit")),
                              fast());
    QSignalSpy progress(&followed, &FollowedRestores::progress);
    QSignalSpy finished(&followed, &FollowedRestores::finished);
    followed.follow(&client, restore);
    QVERIFY(followed.isFollowing(restore.restoreId));
    QCOMPARE(PendingRestoreFile(path).load(), QList<PendingRestore>{restore});
    QCOMPARE(followed.pending(), QList<PendingRestore>{restore});

    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<PendingRestore>(), restore);
    const auto record = finished.first().at(1).value<RestoreRecord>();
    QCOMPARE(record.restoreId, restore.restoreId);
    QCOMPARE(record.status, QStringLiteral("succeed"));
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.first().at(0).value<PendingRestore>(), restore);
    QVERIFY(!followed.isFollowing(restore.restoreId));
    QVERIFY(PendingRestoreFile(path).load().isEmpty());
}

void TestFollowedRestores::givesUpAfterTheTimeout() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "60"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const PendingRestore restore = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!restore.restoreId.isEmpty());

    const QString path = newPendingPath();
    FollowedRestores followed(PendingRestoreFile(path), AuditLog(path + QStringLiteral(".audit")),
                              {50, 100, 2.0, 400});
    QSignalSpy timedOut(&followed, &FollowedRestores::timedOut);
    QSignalSpy finished(&followed, &FollowedRestores::finished);
    followed.follow(&client, restore);
    QVERIFY(timedOut.wait(5000));
    QCOMPARE(timedOut.first().first().value<PendingRestore>(), restore);
    QVERIFY(finished.isEmpty());
    QVERIFY(!followed.isFollowing(restore.restoreId));
    QVERIFY(PendingRestoreFile(path).load().isEmpty());
}

void TestFollowedRestores::resumesAfterARestart() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "4"}), qPrintable(sim.error()));
    const QString path = newPendingPath();
    PendingRestore restore;
    {
        // The first console: follows, sees the restore running, and is closed midway.
        DcsClient client(configFor(sim));
        restore = startRestore(client, QStringLiteral("p1"));
        QVERIFY(!restore.restoreId.isEmpty());
        FollowedRestores followed(PendingRestoreFile(path),
                                  AuditLog(path + QStringLiteral(".audit")), fast());
        QSignalSpy progress(&followed, &FollowedRestores::progress);
        QSignalSpy finished(&followed, &FollowedRestores::finished);
        followed.follow(&client, restore);
        QVERIFY(progress.wait(5000));
        QVERIFY(progress.last().at(1).value<RestoreRecord>().isRunning());
        QVERIFY(finished.isEmpty());
    }
    QCOMPARE(PendingRestoreFile(path).load(), QList<PendingRestore>{restore});

    // The next start: another profile's entry is left alone, this one is followed to its end.
    PendingRestore other = restore;
    other.profileId = QStringLiteral("p2");
    other.restoreId = QStringLiteral("other-restore");
    QVERIFY(PendingRestoreFile(path).add(other));

    DcsClient client(configFor(sim));
    FollowedRestores followed(PendingRestoreFile(path), AuditLog(path + QStringLiteral(".audit")),
                              fast());
    QSignalSpy finished(&followed, &FollowedRestores::finished);
    followed.resume(QStringLiteral("p1"), &client);
    QVERIFY(followed.isFollowing(restore.restoreId));
    QVERIFY(!followed.isFollowing(other.restoreId));
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(0).value<PendingRestore>(), restore);
    QCOMPARE(finished.first().at(1).value<RestoreRecord>().status, QStringLiteral("succeed"));
    QCOMPARE(PendingRestoreFile(path).load(), QList<PendingRestore>{other});
    QVERIFY(PendingRestoreFile(path).remove(other));
    QVERIFY(PendingRestoreFile(path).load().isEmpty());
}

void TestFollowedRestores::closedClientIsResumedOnANewOne() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "3"}), qPrintable(sim.error()));
    const QString path = newPendingPath();
    FollowedRestores followed(PendingRestoreFile(path), AuditLog(path + QStringLiteral(".audit")),
                              fast());
    QSignalSpy finished(&followed, &FollowedRestores::finished);
    auto first = std::make_unique<DcsClient>(configFor(sim));
    const PendingRestore restore = startRestore(*first, QStringLiteral("p1"));
    QVERIFY(!restore.restoreId.isEmpty());
    followed.follow(first.get(), restore);
    QVERIFY(followed.isFollowing(restore.restoreId));

    first.reset(); // profile closed: its trackers go with its client
    QVERIFY(!followed.isFollowing(restore.restoreId));
    QCOMPARE(followed.pending(), QList<PendingRestore>{restore});

    DcsClient second(configFor(sim));
    followed.resume(QStringLiteral("p1"), &second);
    QVERIFY(followed.isFollowing(restore.restoreId));
    followed.resume(QStringLiteral("p1"), &second); // twice: still one tracker
    QVERIFY(finished.wait(15000));
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QVERIFY(followed.pending().isEmpty());
}

void TestFollowedRestores::unknownOutcomeIsResolvedOnResume() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    PendingRestore posted = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!posted.restoreId.isEmpty());
    // What the console wrote down when the answer was lost: no restore_id.
    PendingRestore unknown = posted;
    unknown.restoreId.clear();

    const QString path = newPendingPath();
    {
        FollowedRestores followed(PendingRestoreFile(path),
                                  AuditLog(path + QStringLiteral(".audit")), fast());
        followed.follow(&client, unknown); // written down, nothing to follow yet
        QVERIFY(!followed.isFollowing(QString()));
    }
    QCOMPARE(PendingRestoreFile(path).load(), QList<PendingRestore>{unknown});

    FollowedRestores followed(PendingRestoreFile(path), AuditLog(path + QStringLiteral(".audit")),
                              fast());
    QSignalSpy found(&followed, &FollowedRestores::lostRestoreFound);
    QSignalSpy finished(&followed, &FollowedRestores::finished);
    followed.resume(QStringLiteral("p1"), &client);
    QVERIFY(found.wait(10000));
    const auto resolved = found.first().first().value<PendingRestore>();
    QCOMPARE(resolved.restoreId, posted.restoreId);
    QCOMPARE(PendingRestoreFile(path).load(), QList<PendingRestore>{resolved});
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(1).value<RestoreRecord>().restoreId, posted.restoreId);
    QVERIFY(PendingRestoreFile(path).load().isEmpty());
}

void TestFollowedRestores::unknownOutcomeWithoutRecordIsDropped() {
    SimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const Target target = restorableTarget(client, this);
    QVERIFY(target.isValid());
    PendingRestore unknown = pendingOf(QStringLiteral("p1"), target.instance.instanceId,
                                       target.instance.name, QString(), target.backup.backupId,
                                       target.backup.backupName, QDateTime::currentDateTimeUtc());
    const QString path = newPendingPath();
    QVERIFY(PendingRestoreFile(path).add(unknown));

    FollowedRestores followed(PendingRestoreFile(path), AuditLog(path + QStringLiteral(".audit")),
                              fast());
    QSignalSpy notFound(&followed, &FollowedRestores::lostRestoreNotFound);
    QSignalSpy found(&followed, &FollowedRestores::lostRestoreFound);
    followed.resume(QStringLiteral("p1"), &client);
    QVERIFY(notFound.wait(10000));
    QCOMPARE(notFound.first().first().value<PendingRestore>(), unknown);
    QVERIFY(found.isEmpty());
    QVERIFY(PendingRestoreFile(path).load().isEmpty());
    QCOMPARE(postLines(sim, "/restores").size(), 0); // resolving only reads
}

void TestFollowedRestores::foundRunningRestoreIsFollowedButNotAudited() {
    SimFixture sim;
    QVERIFY2(sim.start({"--restore-seconds", "2"}), qPrintable(sim.error()));
    DcsClient client(configFor(sim));
    const PendingRestore started = startRestore(client, QStringLiteral("p1"));
    QVERIFY(!started.restoreId.isEmpty());
    RestoreRecord running;
    for (const RestoreRecord &record : restores(client, started.instanceId, this)) {
        if (record.restoreId == started.restoreId)
            running = record;
    }
    QVERIFY(running.isRunning());

    const QString path = newPendingPath();
    const QString auditPath = path + QStringLiteral(".audit");
    FollowedRestores followed(PendingRestoreFile(path), AuditLog(auditPath), fast());
    QSignalSpy progress(&followed, &FollowedRestores::progress);
    QSignalSpy finished(&followed, &FollowedRestores::finished);
    QVERIFY(followed.followRecord(&client, QStringLiteral("p1"), QStringLiteral("Profile one"),
                                  started.instanceId, started.instanceName, running));
    QCOMPARE(progress.size(), 1); // the record as read, at once
    QVERIFY(!followed.followRecord(&client, QStringLiteral("p1"), QStringLiteral("Profile one"),
                                   started.instanceId, started.instanceName, running));
    QCOMPARE(followed.pending().size(), 1);
    QVERIFY(!followed.pending().first().audited);
    QCOMPARE(followed.pending().first().profileName, QStringLiteral("Profile one"));
    QVERIFY(finished.wait(15000));
    QVERIFY(followed.pending().isEmpty());
    // Started elsewhere: not this console's to audit.
    QVERIFY(!QFile::exists(auditPath));
}

QTEST_GUILESS_MAIN(TestFollowedRestores)
#include "tst_followedrestores.moc"
