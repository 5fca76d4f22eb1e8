// "Verify the restore" in the restore dialog, end to end against dcs-sim with real redis-server
// processes (skipped without redis-server): the dialog finds the instance's Redis, a backup is
// restored from the keyboard with keys named for the check, the data really moves (read back
// with a Redis client), and the dialog, in English and Chinese, and the audit trail say what
// changed. Also: a password asked for, refused, accepted and kept; an address that does not
// answer; Memcached.

#include "ChildProcess.h"
#include "GuiTestSupport.h"
#include "RedisTestSupport.h"
#include "backups/BackupTableModel.h"
#include "restore/AuditLog.h"
#include "restore/RestoreDialog.h"
#include "settings/LanguageManager.h"
#include "settings/ThemeManager.h"
#include "verify/VerificationReport.h"
#include "widgets/ConsolePalette.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>

using namespace guitest;
using namespace dcs::testing;
using Access = RestoreDialog::VerifyAccess;
using dcs::RedisReply;

namespace {

// How long a restore of real data, followed and fingerprinted twice, may take under load.
constexpr int VerifyTimeoutMs = 90000;

dcs::VerificationReport::Key namedKey(const dcs::VerificationReport &report,
                                      const QByteArray &key) {
    for (const dcs::VerificationReport::Key &k : report.keys) {
        if (k.named && k.key == key)
            return k;
    }
    return {};
}

// Every database's keys, as INFO keyspace counts them ("db0:keys=12,expires=3,avg_ttl=0").
qint64 totalKeys(int port) {
    qint64 total = 0;
    const RedisReply info = redisCommand(port, {"INFO", "keyspace"});
    for (const QByteArray &line : info.text.split('\n')) {
        const qsizetype keys = line.indexOf("keys=");
        if (line.startsWith("db") && keys > 0)
            total += line.mid(keys + 5, line.indexOf(',', keys) - keys - 5).toLongLong();
    }
    return total;
}

} // namespace

class TestVerifyRestore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (redisServerProgram().isEmpty())
            QSKIP(qPrintable(noRedisMessage()));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QVERIFY2(m_sim.start({QStringLiteral("--redis-server"), redisServerProgram(),
                              QStringLiteral("--backup-seconds"), QStringLiteral("0.3"),
                              QStringLiteral("--restore-seconds"), QStringLiteral("0.3")}),
                 qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
        m_order = instanceNamed(m_client.get(), QStringLiteral("order-cache-prod"));
        QVERIFY(m_order.port > 0);
        QCOMPARE(m_order.ip, QStringLiteral("127.0.0.1"));
        QVERIFY(redisCommand(m_order.port, {"PING"}).isStatus("PONG"));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_sim.stop();
    }

    void restoreFromTheKeyboardIsVerified();
    void verifiedRestoreKeepsTheButtonsOnTheScreen();
    void passwordIsAskedForAndKept();
    void noAnswerNoVerification();
    void windowsDialogUsesTheKeptPassword();
    void killedConsoleLeavesNoServer();

private:
    dcs::Backup makeBackup(const dcs::Instance &instance);
    static void shot(QWidget *widget, const QString &name) {
        if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS"))
            widget->grab().save(qEnvironmentVariable("DCS_TEST_SHOTS") + QLatin1Char('/') + name +
                                QStringLiteral(".png"));
    }

    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    dcs::Instance m_order;
    LanguageManager m_languages;
};

// A key name as typed under "Keys to look for": in quotes, its quotes and backslashes escaped.
static QString quotedKeyName(const QByteArray &name) {
    QString text = QString::fromUtf8(name);
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

dcs::Backup TestVerifyRestore::makeBackup(const dcs::Instance &instance) {
    QObject context;
    const dcs::ApiResult<QString> created = await<QString>([&](auto cb) {
        m_client->createBackup(instance.instanceId, QStringLiteral("before the verified restore"),
                               QStringLiteral("rdb"), &context, cb);
    });
    dcs::Backup made;
    if (!created.ok())
        return made;
    (void)QTest::qWaitFor(
        [&] {
            for (const dcs::Backup &backup : backupsOf(m_client.get(), instance.instanceId)) {
                if (backup.backupId == created.value)
                    made = backup;
            }
            return made.isSucceeded() || made.status == QLatin1String("failed");
        },
        LoadTimeoutMs);
    return made;
}

void TestVerifyRestore::restoreFromTheKeyboardIsVerified() {
    const int port = m_order.port;
    // A backup of what the instance holds now; then a marker written after it, and a key of the
    // backup deleted.
    const dcs::Backup backup = makeBackup(m_order);
    QVERIFY2(backup.isSucceeded(), qPrintable(backup.status));
    const RedisReply some = redisCommand(port, {"RANDOMKEY"});
    QVERIFY(some.type == RedisReply::Type::String && !some.text.isEmpty());
    const QByteArray kept = some.text;
    const QByteArray keptValue = redisCommand(port, {"DUMP", kept}).text;
    QVERIFY(!keptValue.isEmpty());
    // Redis keys may hold spaces: this one is typed in quotes.
    const QByteArray marker = "verify-test: written after the backup";
    QVERIFY(redisCommand(port, {"SET", marker, "after"}).isStatus("OK"));
    QCOMPARE(redisCommand(port, {"DEL", kept}).integer, 1);
    const qint64 keysBefore = totalKeys(port);
    QVERIFY(keysBefore > 0);

    Console console(&m_languages);
    auto *dialog = new RestoreDialog(
        m_client.get(), m_order, backupsOf(m_client.get(), m_order.instanceId),
        restoresOf(m_client.get(), m_order.instanceId),
        [&] {
            RestoreDialog::Options o = restoreDialogOptions(console.followed());
            o.secrets = console.secrets();
            return o;
        }(),
        nullptr);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<RestoreDialog> guard(dialog);
    dialog->resize(1180, 860);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *verify = dialog->findChild<QCheckBox *>(QStringLiteral("verifyCheck"));
    auto *state = dialog->findChild<QLabel *>(QStringLiteral("verifyStateLabel"));
    auto *keys = dialog->findChild<QLineEdit *>(QStringLiteral("verifyKeysEdit"));
    auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
    auto *backUpFirst = dialog->findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"));
    QVERIFY(verify && state && keys && confirm && backUpFirst);

    // The demo's address answers: offered, and ticked.
    QTRY_COMPARE_WITH_TIMEOUT(dialog->verifyAccess(), Access::Answers, LoadTimeoutMs);
    QVERIFY(verify->isVisible() && verify->isEnabled() && verify->isChecked());
    QVERIFY2(state->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(state->text()));
    QVERIFY(keys->isVisible());

    // Alt+V unticks it and ticks it again; Alt+K goes to the keys to look for.
    QTest::keyClick(dialog, Qt::Key_V, Qt::AltModifier);
    QTRY_VERIFY(!verify->isChecked());
    QTRY_VERIFY(!keys->isVisible());
    QTest::keyClick(dialog, Qt::Key_V, Qt::AltModifier);
    QTRY_VERIFY(verify->isChecked());
    QTRY_VERIFY(keys->isVisible());
    QTest::keyClick(dialog, Qt::Key_K, Qt::AltModifier);
    QTRY_VERIFY(keys->hasFocus());
    // The marker's quote left open first: the restore waits until it is closed.
    QTest::keyClicks(keys, QLatin1Char('"') + QString::fromUtf8(marker));

    QVERIFY(dialog->selectBackup(backup.backupId));
    if (backUpFirst->isChecked())
        QTest::mouseClick(backUpFirst, Qt::LeftButton);
    QVERIFY(!backUpFirst->isChecked());
    confirm->setFocus();
    QTest::keyClicks(confirm, m_order.name);
    QPushButton *ok = okButton(*dialog);
    QTRY_VERIFY2(ok->toolTip().contains(QStringLiteral("quote")), qPrintable(ok->toolTip()));
    QVERIFY(!ok->isEnabled());
    // Said where the keys are, not only in the disabled button's tooltip.
    QVERIFY2(state->text().contains(QStringLiteral("not closed")), qPrintable(state->text()));
    // In the theme's colours, also when the theme changes while it shows.
    {
        ThemeManager themes;
        themes.apply(ThemeManager::Theme::Dark);
        QTRY_VERIFY2(state->styleSheet().contains(ConsolePalette::name(
                         ConsolePalette::Role::CautionText, QGuiApplication::palette())),
                     qPrintable(state->styleSheet()));
        themes.apply(ThemeManager::Theme::Light);
        QTRY_VERIFY2(state->styleSheet().contains(ConsolePalette::name(
                         ConsolePalette::Role::CautionText, QGuiApplication::palette())),
                     qPrintable(state->styleSheet()));
    }
    keys->setFocus();
    keys->end(false);
    QTest::keyClicks(keys, QStringLiteral("\" ") + quotedKeyName(kept));
    QTRY_VERIFY(ok->isEnabled());
    QVERIFY(!state->text().contains(QStringLiteral("not closed")));
    QSignalSpy verified(dialog, &RestoreDialog::verificationFinished);
    ok->setFocus();
    QTest::keyClick(ok, Qt::Key_Space);
    QTRY_VERIFY(dialog->isVerifying());
    auto *group = dialog->findChild<QWidget *>(QStringLiteral("verificationGroup"));
    auto *summary = dialog->findChild<QLabel *>(QStringLiteral("verificationLabel"));
    auto *details = dialog->findChild<QPlainTextEdit *>(QStringLiteral("verificationDetails"));
    QVERIFY(group && summary && details);
    QVERIFY(group->isVisible());

    // The fingerprint before is taken, the restore sent once and followed, the one after taken.
    QTRY_VERIFY_WITH_TIMEOUT(verified.count() == 1, VerifyTimeoutMs);
    QCOMPARE(countRestorePosts(m_sim), 1);
    QCOMPARE(dialog->outcome(), RestoreDialog::Outcome::Succeeded);
    const dcs::VerificationReport report = dialog->verificationReport();
    QVERIFY2(report.complete, qPrintable(report.error));
    QCOMPARE(report.keysBefore, keysBefore);
    QVERIFY(report.sampled > 0);
    QVERIFY(report.writable);

    // The data moved: the marker is gone, the deleted key is back with its value.
    QCOMPARE(redisCommand(port, {"EXISTS", marker}).integer, 0);
    QCOMPARE(redisCommand(port, {"DUMP", kept}).text, keptValue);
    QCOMPARE(namedKey(report, marker).outcome, dcs::VerificationReport::KeyOutcome::Gone);
    QCOMPARE(namedKey(report, kept).outcome, dcs::VerificationReport::KeyOutcome::Back);

    // The dialog says so.
    QTRY_VERIFY(summary->text().contains(QStringLiteral("Keys ")));
    QVERIFY2(summary->text().contains(QStringLiteral("accepts writes")),
             qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("audit trail")));
    QVERIFY(details->isVisible());
    const QString lines = details->toPlainText();
    QVERIFY2(lines.contains(QString::fromUtf8(marker)) && lines.contains(QStringLiteral("gone")),
             qPrintable(lines));
    QVERIFY2(lines.contains(QString::fromUtf8(kept)) &&
                 lines.contains(QStringLiteral("there again")),
             qPrintable(lines));
    // Its first five lines whole, whatever the dialog's size (more scroll).
    const auto linesShownWhole = [details] {
        return details->verticalScrollBar()->maximum() == std::max(0, details->blockCount() - 5);
    };
    QTRY_VERIFY2(linesShownWhole(), qPrintable(QString::number(details->height())));
    shot(dialog, QStringLiteral("restore-verified-en"));

    // And in Chinese, switched while it shows.
    QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
    QTRY_VERIFY(summary->text().contains(QStringLiteral("键数")));
    QVERIFY2(summary->text().contains(QStringLiteral("可写入")), qPrintable(summary->text()));
    QVERIFY2(details->toPlainText().contains(QStringLiteral("已消失")),
             qPrintable(details->toPlainText()));
    QVERIFY(details->toPlainText().contains(QStringLiteral("已重新出现")));
    QVERIFY(!verify->text().contains(QStringLiteral("Verify")));
    // The texts changed: the layout follows in the next turns of the event loop.
    QTest::qWait(300);
    // Chinese lines are taller.
    QTRY_VERIFY2(linesShownWhole(), qPrintable(QString::number(details->height())));
    shot(dialog, QStringLiteral("restore-verified-zh_CN"));
    QVERIFY(m_languages.setLanguage(QStringLiteral("en")));

    // The audit trail has the verification of that restore.
    const dcs::AuditLog::Contents audit = dcs::AuditLog(console.auditFile()).read();
    QVERIFY(audit.problems.isEmpty());
    const auto line = std::find_if(audit.records.cbegin(), audit.records.cend(),
                                   [&](const dcs::AuditRecord &record) {
                                       return record.event == QLatin1String("verification");
                                   });
    QVERIFY(line != audit.records.cend());
    QCOMPARE(line->restoreId, dialog->restoreId());
    QCOMPARE(line->outcome, QStringLiteral("verified"));
    const dcs::VerificationReport stored = dcs::VerificationReport::fromJson(line->verification);
    QCOMPARE(namedKey(stored, marker).outcome, dcs::VerificationReport::KeyOutcome::Gone);

    dialog->close();
    QTRY_VERIFY(!guard);
}

// What a verified restore adds below the form (its stage, its ID, the verification with its
// details) made the dialog grow past a laptop's screen, its Close button out of reach. It grows
// no taller than its screen (the offscreen one is 800×600): what does not fit scrolls, and the
// buttons stay inside the dialog, in both languages. The verification's result, below the fold,
// is scrolled into view when it comes, and kept there until the user scrolls.
void TestVerifyRestore::verifiedRestoreKeepsTheButtonsOnTheScreen() {
    QTRY_VERIFY_WITH_TIMEOUT(instanceStatus(m_client.get(), m_order.instanceId) ==
                                 QLatin1String("RUNNING"),
                             VerifyTimeoutMs);
    const dcs::Backup backup = makeBackup(m_order);
    QVERIFY2(backup.isSucceeded(), qPrintable(backup.status));
    Console console(&m_languages);
    RestoreDialog dialog(m_client.get(), m_order, backupsOf(m_client.get(), m_order.instanceId),
                         restoresOf(m_client.get(), m_order.instanceId),
                         restoreDialogOptions(console.followed()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *verify = dialog.findChild<QCheckBox *>(QStringLiteral("verifyCheck"));
    auto *confirm = dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
    auto *backUpFirst = dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"));
    auto *buttons = dialog.findChild<QWidget *>(QStringLiteral("buttonBox"));
    auto *details = dialog.findChild<QPlainTextEdit *>(QStringLiteral("verificationDetails"));
    QVERIFY(verify && confirm && backUpFirst && buttons && details);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.verifyAccess(), Access::Answers, LoadTimeoutMs);
    QVERIFY(verify->isChecked());
    QVERIFY(dialog.selectBackup(backup.backupId));
    backUpFirst->setChecked(false);
    confirm->setFocus();
    QTest::keyClicks(confirm, m_order.name);
    QPushButton *ok = okButton(dialog);
    QTRY_VERIFY(ok->isEnabled());
    QSignalSpy verified(&dialog, &RestoreDialog::verificationFinished);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(verified.count() == 1, VerifyTimeoutMs);
    QTRY_VERIFY(details->isVisible());

    // The verification's result is below the fold, and scrolled into view by itself.
    auto *area = dialog.findChild<QScrollArea *>(QStringLiteral("formScrollArea"));
    auto *group = dialog.findChild<QWidget *>(QStringLiteral("verificationGroup"));
    QVERIFY(area && group);
    const auto groupInView = [&] {
        return area->viewport()->rect().contains(
            QRect(group->mapTo(area->viewport(), QPoint(0, 0)), group->size()));
    };
    const auto where = [&] {
        return QStringLiteral("the verification at %1, %2 px high, in a view %3 px high")
            .arg(group->mapTo(area->viewport(), QPoint(0, 0)).y())
            .arg(group->height())
            .arg(area->viewport()->height());
    };
    QTRY_VERIFY_WITH_TIMEOUT(area->verticalScrollBar()->maximum() > 0, LoadTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(groupInView(), qPrintable(where()), LoadTimeoutMs);

    const int allowed = dialog.screen()->availableGeometry().height();
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages.setLanguage(language));
        // The layout follows in the next turns of the event loop.
        QTest::qWait(300);
        const QRect inDialog(buttons->mapTo(&dialog, QPoint(0, 0)), buttons->size());
        qInfo().noquote() << language << "dialog" << dialog.frameGeometry() << "screen"
                          << dialog.screen()->availableGeometry() << "buttons" << inDialog;
        QVERIFY2(dialog.frameGeometry().height() <= allowed,
                 qPrintable(QStringLiteral("%1: %2 px high on a screen of %3")
                                .arg(language)
                                .arg(dialog.frameGeometry().height())
                                .arg(allowed)));
        QVERIFY2(
            dialog.rect().contains(inDialog),
            qPrintable(QStringLiteral("%1: the buttons are outside the dialog").arg(language)));
        QVERIFY(buttons->isVisible());
    }
    QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    // It stayed in view through both layouts.
    QTRY_VERIFY2_WITH_TIMEOUT(groupInView(), qPrintable(where()), LoadTimeoutMs);
    // Once the user has scrolled, the form stays where the user left it.
    area->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
    QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
    QTest::qWait(300);
    QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    QTest::qWait(300);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
}

void TestVerifyRestore::passwordIsAskedForAndKept() {
    // Another demo instance, given a password for this test (and none again after it).
    dcs::Instance session = instanceNamed(m_client.get(), QStringLiteral("session-store"));
    if (session.port <= 0) {
        for (const dcs::Instance &instance : dcs::testing::instances(*m_client, this)) {
            if (instance.port > 0 && instance.ip == QLatin1String("127.0.0.1") &&
                instance.instanceId != m_order.instanceId &&
                redisCommand(instance.port, {"PING"}).isStatus("PONG")) {
                session = instance;
                break;
            }
        }
    }
    QVERIFY2(session.port > 0, "a second demo instance with a real server");
    const QByteArray password = "s3cret-for-the-test";
    QVERIFY(redisCommand(session.port, {"CONFIG", "SET", "requirepass", password}).isStatus("OK"));
    struct Reset {
        int port;
        QByteArray password;
        ~Reset() {
            auto connection = redisAt(port);
            connection->command({"AUTH", password});
            connection->command({"CONFIG", "SET", "requirepass", ""});
        }
    } reset{session.port, password};

    // The pictures of this one are taken in a dark palette: the warning must read on it too.
    const QPalette lightPalette = QApplication::palette();
    struct PaletteBack {
        QPalette palette;
        ~PaletteBack() { QApplication::setPalette(palette); }
    } paletteBack{lightPalette};
    if (qEnvironmentVariableIsSet("DCS_TEST_SHOTS")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
    }

    Console console(&m_languages);
    RestoreDialog::Options options = restoreDialogOptions(console.followed());
    options.secrets = console.secrets();
    {
        RestoreDialog dialog(m_client.get(), session, backupsOf(m_client.get(), session.instanceId),
                             {}, options, nullptr);
        dialog.show();
        auto *verify = dialog.findChild<QCheckBox *>(QStringLiteral("verifyCheck"));
        auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("verifyPasswordEdit"));
        auto *state = dialog.findChild<QLabel *>(QStringLiteral("verifyStateLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.verifyAccess(), Access::NeedsPassword, LoadTimeoutMs);
        QVERIFY(!verify->isEnabled() && !verify->isChecked());
        QVERIFY(passwordEdit->isVisible());
        QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);

        // A wrong one, with Enter: refused, said so, and the field has the focus again.
        QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(passwordEdit->hasFocus());
        QTest::keyClicks(passwordEdit, QStringLiteral("wrong"));
        QTest::keyClick(passwordEdit, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.verifyAccess(), Access::WrongPassword, LoadTimeoutMs);
        QVERIFY2(state->text().contains(QStringLiteral("refused")), qPrintable(state->text()));
        QVERIFY(!state->text().contains(QStringLiteral("wrong")));
        QVERIFY(!verify->isChecked());
        QTRY_VERIFY(passwordEdit->hasFocus());
        shot(&dialog, QStringLiteral("restore-verify-password-dark-en"));

        // The right one, with Alt+T (Try It): offered, ticked, the field emptied.
        passwordEdit->selectAll();
        QTest::keyClicks(passwordEdit, QString::fromUtf8(password));
        QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.verifyAccess(), Access::Answers, LoadTimeoutMs);
        QVERIFY(verify->isEnabled() && verify->isChecked());
        QVERIFY(passwordEdit->text().isEmpty());
        QVERIFY(!passwordEdit->isVisible());
        QVERIFY(!state->text().contains(QString::fromUtf8(password)));
    }

    // Kept for this profile and instance: the next dialog uses it without asking.
    QString kept;
    bool found = false;
    QObject context;
    console.secrets()->readInstancePassword(options.context.profileId, session.instanceId, &context,
                                            [&](const QString &value, bool there) {
                                                kept = value;
                                                found = there;
                                            });
    // The keychain answers from its own process: under load that takes longer than QTRY's 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(found, LoadTimeoutMs);
    QCOMPARE(kept, QString::fromUtf8(password));
    RestoreDialog again(m_client.get(), session, backupsOf(m_client.get(), session.instanceId), {},
                        options, nullptr);
    again.show();
    QTRY_COMPARE_WITH_TIMEOUT(again.verifyAccess(), Access::Answers, LoadTimeoutMs);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("verifyCheck"))->isChecked());
    QVERIFY(!again.findChild<QLineEdit *>(QStringLiteral("verifyPasswordEdit"))->isVisible());
}

void TestVerifyRestore::noAnswerNoVerification() {
    Console console(&m_languages);
    RestoreDialog::Options options = restoreDialogOptions(console.followed());
    options.secrets = console.secrets();

    // An address where nothing listens: not offered, and why.
    int closedPort = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        closedPort = server.serverPort();
    }
    dcs::Instance nowhere = m_order;
    nowhere.port = closedPort;
    RestoreDialog dialog(m_client.get(), nowhere, backupsOf(m_client.get(), m_order.instanceId), {},
                         options, nullptr);
    dialog.show();
    auto *verify = dialog.findChild<QCheckBox *>(QStringLiteral("verifyCheck"));
    auto *state = dialog.findChild<QLabel *>(QStringLiteral("verifyStateLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.verifyAccess(), Access::Unreachable, LoadTimeoutMs);
    QVERIFY(!verify->isEnabled() && !verify->isChecked());
    QVERIFY2(state->text().contains(QStringLiteral("cannot be verified")),
             qPrintable(state->text()));
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("verifyKeysEdit"))->isVisible());

    // Memcached: not even asked.
    dcs::Instance memcached;
    for (const dcs::Instance &instance : dcs::testing::instances(*m_client, this)) {
        if (instance.engine.compare(QLatin1String("Memcached"), Qt::CaseInsensitive) == 0)
            memcached = instance;
    }
    QVERIFY(!memcached.instanceId.isEmpty());
    RestoreDialog other(m_client.get(), memcached, {}, {}, options, nullptr);
    other.show();
    QCOMPARE(other.verifyAccess(), Access::Unavailable);
    QVERIFY(!other.findChild<QCheckBox *>(QStringLiteral("verifyCheck"))->isVisible());
    QVERIFY(other.findChild<QLabel *>(QStringLiteral("verifyStateLabel"))
                ->text()
                .contains(QStringLiteral("Memcached")));
}

void TestVerifyRestore::windowsDialogUsesTheKeptPassword() {
    // The dialog the window opens gets the console's keychain: a password kept for the instance
    // (in this profile) is used without asking.
    const QByteArray password = "kept-for-the-window";
    QVERIFY(redisCommand(m_order.port, {"CONFIG", "SET", "requirepass", password}).isStatus("OK"));
    struct Reset {
        int port;
        QByteArray password;
        ~Reset() {
            auto connection = redisAt(port);
            connection->command({"AUTH", password});
            connection->command({"CONFIG", "SET", "requirepass", ""});
        }
    } reset{m_order.port, password};

    Console console(&m_languages);
    bool written = false;
    console.secrets()->writeInstancePassword(QStringLiteral("test-profile"), m_order.instanceId,
                                             QString::fromUtf8(password), this,
                                             [&](bool) { written = true; });
    QTRY_VERIFY(written);
    ConsoleContext context = console.contextWithoutProfiles();
    context.secrets = console.secrets();
    MainWindow window(context);
    window.showSession(console.openSession(m_sim));
    window.resize(1280, 800);
    window.show();
    QVERIFY(waitForInstances(window));
    QVERIFY(window.browser()->selectInstance(m_order.instanceId));
    auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.browser()->backupModel()->rowCount() > 0 && restore->isEnabled(), LoadTimeoutMs);
    RestoreDialog *dialog = window.browser()->openRestoreDialog();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->verifyAccess(), Access::Answers, LoadTimeoutMs);
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("verifyCheck"))->isChecked());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("verifyStateLabel"))
                ->text()
                .contains(QStringLiteral("password kept")));
    dialog->close();
}

void TestVerifyRestore::killedConsoleLeavesNoServer() {
    // The Demo profile's dcs-sim, and so its servers, end with the console — even one killed
    // with SIGKILL, which cleans nothing up itself.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess console;
    endWithThisProcess(console); // a failure here must not leave it running
    console.setProcessEnvironment(environment);
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    console.start(QStringLiteral(DCS_CONSOLE_PROGRAM),
                  {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--state-file"),
                   dir.filePath(QStringLiteral("demo-state.json")), QStringLiteral("--settings"),
                   dir.filePath(QStringLiteral("settings.ini"))});
    QVERIFY(console.waitForStarted(10000));
    qint64 sim = 0;
    QList<qint64> servers;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<qint64> sims = childrenOf(console.processId(), "dcs-sim");
            sim = sims.value(0);
            servers = sim > 0 ? redisChildrenOf(sim) : QList<qint64>();
            return servers.size() == 7;
        }(),
        LoadTimeoutMs);

    ::kill(pid_t(console.processId()), SIGKILL);
    QVERIFY(console.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(sim), 15000);
    for (qint64 server : std::as_const(servers))
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(server), 15000);
}

QTEST_MAIN(TestVerifyRestore)
#include "tst_verifyrestore.moc"
