// Opening profile after profile for one viewer, against a real dcs-sim: only the latest open()
// is answered, the session an earlier one brings is closed unseen, an earlier failure is not
// told, and what another opens on the same opener is left alone.

#include "SimFixture.h"
#include "profiles/DemoSimulator.h"
#include "profiles/LatestSessionOpener.h"
#include "profiles/SecretStore.h"
#include "profiles/Session.h"
#include "profiles/SessionOpener.h"
#include "restore/FollowedRestores.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace dcs;

namespace {
constexpr int TimeoutMs = 20000;
} // namespace

class TestLatestSessionOpener : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.error()));
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("dcs-console-test"), true);
        m_followed = std::make_unique<FollowedRestores>(
            PendingRestoreFile(m_dir.filePath(QStringLiteral("pending.json"))),
            AuditLog(m_dir.filePath(QStringLiteral("audit.jsonl"))),
            RestoreRecordFollower::Timing{});
        demo::SimulatorOptions demoOptions;
        demoOptions.simulatorProgram = QStringLiteral(DCS_SIM_PROGRAM);
        demoOptions.stateFile = m_dir.filePath(QStringLiteral("demo/demo-state.json"));
        m_opener = std::make_unique<SessionOpener>(m_secrets.get(), demoOptions, m_followed.get());
    }

    void cleanupTestCase() {
        m_opener.reset();
        m_followed.reset();
        m_secrets.reset();
        m_sim.stop();
    }

    void onlyTheLatestOpenIsAnswered() {
        LatestSessionOpener latest(m_opener.get());
        QList<Session *> opened;
        connect(&latest, &LatestSessionOpener::opened, this,
                [&opened](Session *session) { opened.append(session); });
        QSignalSpy failed(&latest, &LatestSessionOpener::failed);
        // Every session the opener gives, the earlier one's too.
        QList<QPointer<Session>> given;
        connect(m_opener.get(), &SessionOpener::opened, this,
                [&given](quint64, Session *session) { given.append(session); });

        latest.open(profile(QStringLiteral("first"), true));
        latest.open(profile(QStringLiteral("second"), true));
        QTRY_COMPARE_WITH_TIMEOUT(given.size(), 2, TimeoutMs);
        QTest::qWait(200);
        QCOMPARE(opened.size(), 1);
        Session *shown = opened.at(0);
        QCOMPARE(shown->info().profileId, QStringLiteral("second"));
        // The first one's session was closed, and goes as nothing is followed on it.
        for (const QPointer<Session> &session : std::as_const(given)) {
            if (session != shown)
                QTRY_VERIFY_WITH_TIMEOUT(session.isNull(), TimeoutMs);
        }
        QCOMPARE(failed.size(), 0);
        shown->close();
        disconnect(m_opener.get(), nullptr, this, nullptr);
        disconnect(&latest, nullptr, this, nullptr);
    }

    void anEarlierFailureIsNotTold() {
        LatestSessionOpener latest(m_opener.get());
        QList<Session *> opened;
        connect(&latest, &LatestSessionOpener::opened, this,
                [&opened](Session *session) { opened.append(session); });
        QList<std::pair<QString, QString>> failed; // profile id, why
        connect(&latest, &LatestSessionOpener::failed, this,
                [&failed](const Profile &profile, const QString &message) {
                    failed.append({profile.id, message});
                });
        QSignalSpy openerFailed(m_opener.get(), &SessionOpener::failed);

        // No secret key stored: it fails, but a later open() came.
        latest.open(profile(QStringLiteral("no-secret"), false));
        latest.open(profile(QStringLiteral("works"), true));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(openerFailed.size(), 1, TimeoutMs);
        QTest::qWait(200);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(opened.at(0)->info().profileId, QStringLiteral("works"));
        opened.at(0)->close();

        // The latest failing is told, with its profile and why.
        latest.open(profile(QStringLiteral("no-secret"), false));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, TimeoutMs);
        QCOMPARE(failed.at(0).first, QStringLiteral("no-secret"));
        QVERIFY(!failed.at(0).second.isEmpty());
        QCOMPARE(opened.size(), 1);
        disconnect(&latest, nullptr, this, nullptr);
    }

    void whatOthersOpenIsTheirs() {
        LatestSessionOpener latest(m_opener.get());
        QList<Session *> opened;
        connect(&latest, &LatestSessionOpener::opened, this,
                [&opened](Session *session) { opened.append(session); });
        QList<QPointer<Session>> given;
        connect(m_opener.get(), &SessionOpener::opened, this,
                [&given](quint64, Session *session) { given.append(session); });
        latest.open(profile(QStringLiteral("mine"), true));
        m_opener->open(profile(QStringLiteral("theirs"), true));
        QTRY_COMPARE_WITH_TIMEOUT(given.size(), 2, TimeoutMs);
        QTest::qWait(200);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0)->info().profileId, QStringLiteral("mine"));
        // Theirs stays open: not closed by this viewer.
        for (const QPointer<Session> &session : std::as_const(given)) {
            QVERIFY(session);
            session->close();
        }
        disconnect(m_opener.get(), nullptr, this, nullptr);
        disconnect(&latest, nullptr, this, nullptr);
    }

private:
    Profile profile(const QString &id, bool withSecret) {
        Profile p;
        p.id = id;
        p.name = id;
        p.region = QStringLiteral("cn-north-4");
        p.dcsEndpoint = m_sim.url();
        p.projectId = SimFixture::projectId();
        p.accessKey = QString::fromLatin1(SimFixture::accessKey());
        p.proxy.mode = ProxySettings::Mode::None;
        p.timeoutSeconds = 10;
        if (withSecret)
            m_secrets->write(id, SecretStore::Kind::SecretKey,
                             QString::fromLatin1(SimFixture::secretKey()), nullptr);
        return p;
    }

    QTemporaryDir m_dir;
    SimFixture m_sim;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<FollowedRestores> m_followed;
    std::unique_ptr<SessionOpener> m_opener;
};

QTEST_MAIN(TestLatestSessionOpener)
#include "tst_latestsessionopener.moc"
