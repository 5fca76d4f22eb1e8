// BackupDownload against a real dcs-sim: the links of a cluster backup, every file fetched to a
// .part name and renamed only when complete and the sizes add up; cancel, a cut connection, a
// size that does not match and a file already there leave nothing behind. On v1.0 there are no
// links, and nothing is written.

#include "ClientTestSupport.h"
#include "SimStateFiles.h"
#include "api/BackupDownload.h"
#include "api/DcsClient.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dcs;
using namespace dcs::testing;

class TestBackupDownload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void downloadsEveryFileOfAClusterBackup();
    void cancelLeavesNothing();
    void cutConnectionLeavesNothing();
    void sizeThatDoesNotAddUpLeavesNothing();
    void existingFileIsNotReplacedUnlessAllowed();

private:
    // A fresh succeeded manual backup of the shrunk instance (megabytes, not gigabytes).
    Backup freshBackup(DcsClient &client);
    BackupDownload::State run(BackupDownload &download, int timeoutMs = 60000);
    QStringList entries(const QString &folder) const {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden);
    }

    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<DcsClient> m_client;
    QString m_instanceId;
};

static const QString ShardedInstance = QStringLiteral("user-profile-cache"); // proxy: three shards

void TestBackupDownload::initTestCase() {
    const QString state = m_dir.filePath(QStringLiteral("state.json"));
    QVERIFY(writeDemoStateWithSmallInstance(state, ShardedInstance, 6));
    QVERIFY2(m_sim.start({"--backup-seconds", "0"}, state), qPrintable(m_sim.error()));
    m_client = std::make_unique<DcsClient>(configFor(m_sim));
    m_instanceId = sim::demo::instanceId(ShardedInstance);
}

void TestBackupDownload::cleanupTestCase() {
    m_client.reset();
    m_sim.stop();
}

Backup TestBackupDownload::freshBackup(DcsClient &client) {
    const auto created = await<QString>([&](auto cb) {
        client.createBackup(m_instanceId, QStringLiteral("for download"), {}, this, cb);
    });
    if (!created.ok())
        qWarning() << created.error.summary();
    Backup found;
    // The caller checks what was found; the wait's own answer adds nothing.
    (void)QTest::qWaitFor(
        [&] {
            for (const Backup &b : backups(client, m_instanceId, this))
                if (b.backupId == created.value)
                    found = b;
            return found.isSucceeded();
        },
        15000);
    return found;
}

BackupDownload::State TestBackupDownload::run(BackupDownload &download, int timeoutMs) {
    QSignalSpy finished(&download, &BackupDownload::finished);
    download.start();
    if (finished.isEmpty())
        finished.wait(timeoutMs);
    return download.state();
}

void TestBackupDownload::downloadsEveryFileOfAClusterBackup() {
    const Backup backup = freshBackup(*m_client);
    if (apiVersionUnderTest() == ApiVersion::V1) {
        // No links in v1.0: the download says so and writes nothing.
        QTemporaryDir folder;
        BackupDownload download(m_client.get(), {m_instanceId, backup, 3600, folder.path(), false});
        QCOMPARE(run(download), BackupDownload::State::Failed);
        QCOMPARE(download.error().kind, ApiError::Kind::Unsupported);
        QVERIFY(!download.failureText().isEmpty());
        QVERIFY(entries(folder.path()).isEmpty());
        QCOMPARE(postLines(m_sim, "/links").size(), 0);
        return;
    }
    QVERIFY(backup.isSucceeded());
    QVERIFY(backup.size >= 1024 * 1024);
    QTemporaryDir folder;
    BackupDownload download(m_client.get(), {m_instanceId, backup, 900, folder.path(), false});
    QSignalSpy progress(&download, &BackupDownload::progress);
    QSignalSpy links(&download, &BackupDownload::linksReceived);
    QList<RequestLogEntry> logged;
    connect(m_client.get(), &DcsClient::requestFinished, this,
            [&](const RequestLogEntry &e) { logged.append(e); });
    QCOMPARE(run(download), BackupDownload::State::Succeeded);
    QCOMPARE(links.first().first().toInt(), 3);
    QCOMPARE(download.files().size(), 3);
    qint64 total = 0;
    for (const QString &path : download.files()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(9), QByteArray("REDIS0009"));
        QVERIFY(path.endsWith(QLatin1String(".rdb")));
        total += file.size();
    }
    QCOMPARE(total, backup.size);
    QCOMPARE(entries(folder.path()).size(), 3); // no .part left
    // Progress rose to the whole size and never went back.
    qint64 last = -1;
    for (const QList<QVariant> &signal : progress) {
        QVERIFY(signal.at(0).toLongLong() >= last);
        last = signal.at(0).toLongLong();
        QCOMPARE(signal.at(1).toLongLong(), backup.size);
    }
    QCOMPARE(last, backup.size);
    // Each file is in the request log, without the signature in its query.
    int files = 0;
    for (const RequestLogEntry &e : logged) {
        if (e.url.path().startsWith(QLatin1String("/obs/"))) {
            ++files;
            QVERIFY(!e.url.hasQuery());
            QCOMPARE(e.httpStatus, 200);
        }
    }
    QCOMPARE(files, 3);
    disconnect(m_client.get(), &DcsClient::requestFinished, this, nullptr);
}

void TestBackupDownload::cancelLeavesNothing() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("no links in v1.0");
    const Backup backup = freshBackup(*m_client);
    QTemporaryDir folder;
    BackupDownload download(m_client.get(), {m_instanceId, backup, 900, folder.path(), false});
    connect(&download, &BackupDownload::progress, &download, [&](qint64 received, qint64) {
        if (received > 0)
            download.cancel();
    });
    QCOMPARE(run(download), BackupDownload::State::Cancelled);
    QTest::qWait(100);
    QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(' ')));
}

void TestBackupDownload::cutConnectionLeavesNothing() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("no links in v1.0");
    const Backup backup = freshBackup(*m_client);
    m_client.reset();
    const QString state = m_sim.stateFile();
    m_sim.stop();
    SimFixture cutting;
    QVERIFY2(cutting.start({"--fault", "cut-downloads=4096"}, state), qPrintable(cutting.error()));
    DcsClient client(configFor(cutting));
    QTemporaryDir folder;
    BackupDownload download(&client, {m_instanceId, backup, 900, folder.path(), false});
    QCOMPARE(run(download), BackupDownload::State::Failed);
    QVERIFY2(download.failureText().contains(QLatin1String("incomplete")),
             qPrintable(download.failureText()));
    QVERIFY(entries(folder.path()).isEmpty());
    cutting.stop();
    QVERIFY2(m_sim.start({"--backup-seconds", "0"}, state), qPrintable(m_sim.error()));
    m_client = std::make_unique<DcsClient>(configFor(m_sim));
}

void TestBackupDownload::sizeThatDoesNotAddUpLeavesNothing() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("no links in v1.0");
    Backup backup = freshBackup(*m_client);
    backup.size += 1; // what the list announced, compared with what arrives
    QTemporaryDir folder;
    BackupDownload download(m_client.get(), {m_instanceId, backup, 900, folder.path(), false});
    QCOMPARE(run(download), BackupDownload::State::Failed);
    QVERIFY2(download.failureText().contains(QString::number(backup.size)),
             qPrintable(download.failureText()));
    QVERIFY(entries(folder.path()).isEmpty());
}

void TestBackupDownload::existingFileIsNotReplacedUnlessAllowed() {
    if (apiVersionUnderTest() == ApiVersion::V1)
        QSKIP("no links in v1.0");
    const Backup backup = freshBackup(*m_client);
    QTemporaryDir folder;
    BackupDownload first(m_client.get(), {m_instanceId, backup, 900, folder.path(), false});
    QCOMPARE(run(first), BackupDownload::State::Succeeded);
    const QString path = first.files().first();
    QFile mine(path);
    QVERIFY(mine.open(QIODevice::WriteOnly | QIODevice::Truncate));
    mine.write("mine");
    mine.close();

    BackupDownload again(m_client.get(), {m_instanceId, backup, 900, folder.path(), false});
    QCOMPARE(run(again), BackupDownload::State::Failed);
    QVERIFY(again.failureText().contains(QFileInfo(path).fileName()));
    QCOMPARE(QFileInfo(path).size(), 4); // untouched

    BackupDownload replace(m_client.get(), {m_instanceId, backup, 900, folder.path(), true});
    QCOMPARE(run(replace), BackupDownload::State::Succeeded);
    QVERIFY(QFileInfo(path).size() > 4);
    QCOMPARE(entries(folder.path()).size(), 3);
}

QTEST_GUILESS_MAIN(TestBackupDownload)
#include "tst_backupdownload.moc"
