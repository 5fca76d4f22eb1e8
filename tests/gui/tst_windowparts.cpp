// The parts of the window on their own: the restore progress bar, the notice banner, the
// notifier, the automatic refresh, the restore announcer and the banners' lead-text label — what
// they show, and that they render again in the new language.

#include "GuiTestSupport.h"
#include "instances/AutoRefresh.h"
#include "restore/AuditLog.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreAnnouncer.h"
#include "restore/RestoreNotifier.h"
#include "restore/RestoreProgressBar.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ErrorPanel.h"
#include "widgets/LeadTextLabel.h"
#include "widgets/NoticeBanner.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QVBoxLayout>

class TestWindowParts : public QObject {
    Q_OBJECT

private:
    void switchToChinese() {
        QVERIFY(m_chinese.load(QStringLiteral(":/i18n/dcs-console_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&m_chinese));
        QCoreApplication::processEvents(); // LanguageChange is posted to the windows
    }
    void switchToEnglish() {
        QCoreApplication::removeTranslator(&m_chinese);
        QCoreApplication::processEvents();
    }

    QTranslator m_chinese;

private Q_SLOTS:
    void cleanup() { switchToEnglish(); }

    void progressBarShowsTheLatestRestore() {
        QMainWindow window;
        auto *bar = new RestoreProgressBar(&window);
        window.statusBar()->addPermanentWidget(bar);
        window.show();
        QVERIFY(!bar->isVisible());

        bar->setProgress(QStringLiteral("r1"), QStringLiteral("cache-a"), 20.0);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->value(), 20);
        QCOMPARE(bar->format(), QStringLiteral("Restoring cache-a: %p%"));

        bar->setProgress(QStringLiteral("r2"), QString(), 150.0);
        QCOMPARE(bar->value(), 100); // bounded
        QCOMPARE(bar->format(), QStringLiteral("Restoring r2: %p% (+1 more)"));
        QVERIFY2(bar->toolTip().contains(QStringLiteral("cache-a: ")), qPrintable(bar->toolTip()));
        QVERIFY2(bar->toolTip().contains(QStringLiteral("r2: ")), qPrintable(bar->toolTip()));

        bar->remove(QStringLiteral("r2"));
        QCOMPARE(bar->format(), QStringLiteral("Restoring cache-a: %p%"));
        QCOMPARE(bar->value(), 20);

        switchToChinese();
        QVERIFY2(bar->format().startsWith(QStringLiteral("正在恢复 cache-a")),
                 qPrintable(bar->format()));

        bar->removeAll();
        QVERIFY(!bar->isVisible());
        QVERIFY(bar->toolTip().isEmpty());
    }

    // One paragraph, wrapped at the width it gets: all of it shows at a narrow window too, and
    // the layout gives it the height its lines need, border and padding included.
    void leadTextWrapsToItsWidth() {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *label = new LeadTextLabel(&window);
        label->setStyleSheet(ConsolePalette::demoStyle());
        label->setLeadText(QStringLiteral("Demo profile — local simulator."),
                           QStringLiteral("No profile is configured, so the console uses a DCS "
                                          "simulator on this computer instead of Huawei Cloud."));
        layout->addWidget(label);
        layout->addStretch();
        window.resize(1200, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(label->height(), label->heightForWidth(label->width()));
        const int wide = label->height();
        const int lineHeight = label->fontMetrics().lineSpacing();
        // On one line when wide: the padding (6 + 6) and the border (1 + 1) around one line.
        QVERIFY2(wide < 2 * lineHeight + 14, qPrintable(QString::number(wide)));

        window.resize(260, 400);
        QTRY_COMPARE(label->width(),
                     260 - layout->contentsMargins().left() - layout->contentsMargins().right());
        QTRY_COMPARE(label->height(), label->heightForWidth(label->width()));
        QVERIFY2(
            label->height() >= wide + 3 * lineHeight,
            qPrintable(QStringLiteral("%1 at 260 pixels, %2 wide").arg(label->height()).arg(wide)));
        // Narrower than its text, wider than its longest word; one line high at least.
        QVERIFY(label->minimumSizeHint().width() < 200);
        QVERIFY(label->minimumSizeHint().height() >= lineHeight);
        QVERIFY(label->sizeHint().width() > label->minimumSizeHint().width());
        // The text's last line is inside the label: its ink ends above the bottom padding (6
        // pixels, inside a border of 1).
        const QImage image = label->grab().toImage();
        const QColor fill = image.pixelColor(image.width() - 5, 3);
        int lastInkRow = -1;
        for (int y = 2; y < image.height() - 2; ++y)
            for (int x = 12; x < image.width() - 12; ++x)
                if (qAbs(image.pixelColor(x, y).lightness() - fill.lightness()) > 60)
                    lastInkRow = y;
        QVERIFY2(
            lastInkRow > image.height() / 2 && lastInkRow < image.height() - 6,
            qPrintable(QStringLiteral("ink to row %1 of %2").arg(lastInkRow).arg(image.height())));
    }

    // The lead is bold, the rest is not; the text is the whole paragraph either way.
    void leadTextDrawsTheLeadBold() {
        const QString sentence = QStringLiteral("Mmmm wwww mmmm.");
        LeadTextLabel lead;
        lead.setLeadText(sentence, QString());
        LeadTextLabel plain;
        plain.setText(sentence);
        QCOMPARE(lead.text(), plain.text());
        QCOMPARE(lead.lead(), sentence);
        QVERIFY(plain.lead().isEmpty());
        const auto inkOf = [](QWidget *label) {
            label->resize(label->sizeHint());
            const QImage image = label->grab().toImage();
            return guitest::inkApartFrom(image, image.pixelColor(0, 0));
        };
        const int bold = inkOf(&lead);
        const int regular = inkOf(&plain);
        QVERIFY2(regular > 0 && bold > regular * 5 / 4,
                 qPrintable(QStringLiteral("bold %1, regular %2").arg(bold).arg(regular)));
        // A bold lead is wider than the same words in the regular weight.
        QVERIFY(lead.sizeHint().width() > plain.sizeHint().width());

        // Lead and body: one paragraph, a space between them, the lead alone in bold.
        lead.setLeadText(sentence, QStringLiteral("More."));
        QCOMPARE(lead.text(), sentence + QStringLiteral(" More."));
        QCOMPARE(lead.lead(), sentence);
        // Set as a plain QLabel text, it is a paragraph without a lead.
        lead.setText(QStringLiteral("Other."));
        QVERIFY(lead.lead().isEmpty());
    }

    void noticeIsRenderedAgainAndDismissed() {
        QWidget window;
        auto *label = new QLabel(&window);
        (new QVBoxLayout(&window))->addWidget(label);
        auto *notice = new NoticeBanner(label, &window);
        window.show();
        QVERIFY(!label->isVisible());

        notice->show([] { return QStringLiteral("<b>done</b>"); });
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("Dismiss")), qPrintable(label->text()));

        switchToChinese();
        QVERIFY2(label->text().contains(QStringLiteral("关闭")), qPrintable(label->text()));
        QVERIFY(label->text().startsWith(QStringLiteral("<b>done</b>")));

        Q_EMIT label->linkActivated(QStringLiteral("dismiss"));
        QVERIFY(!label->isVisible());
    }

    void notifierTellsTheWindow() {
        QMainWindow window;
        auto *label = new QLabel(&window);
        window.setCentralWidget(label);
        auto *notice = new NoticeBanner(label, &window);
        RestoreNotifier notifier(&window, notice);
        window.show();

        notifier.notify([] { return QStringLiteral("Restore failed"); },
                        [] { return QStringLiteral("a < b"); }, true);
        QCOMPARE(notifier.lastNotification(), QStringLiteral("Restore failed\na < b"));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Restore failed: a < b"));
        QVERIFY(!label->isVisible()); // a failure goes to the error panel, not the notice

        notifier.notify([] { return QStringLiteral("Restore succeeded"); },
                        [] { return QStringLiteral("a < b"); }, false);
        QCOMPARE(notifier.lastNotification(), QStringLiteral("Restore succeeded\na < b"));
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().startsWith(QStringLiteral("<b>Restore succeeded</b> — a &lt; b")),
                 qPrintable(label->text()));
    }

    void autoRefreshRunsAndSaysWhen() {
        QWidget window;
        auto *label = new QLabel(&window);
        auto *refresh = new AutoRefresh(label, &window);
        QVERIFY(label->text().isEmpty());
        QVERIFY2(label->toolTip().contains(QStringLiteral("off")), qPrintable(label->toolTip()));

        // Without an interval it does not run, whatever the session.
        refresh->setRunning(true);
        QCOMPARE(refresh->activeIntervalMs(), 0);

        refresh->setIntervalSeconds(1);
        QCOMPARE(refresh->activeIntervalMs(), 0); // only from the next setRunning()
        QVERIFY2(label->toolTip().contains(QStringLiteral("every 1 second")),
                 qPrintable(label->toolTip()));
        refresh->setRunning(true);
        QCOMPARE(refresh->activeIntervalMs(), 1000);
        QSignalSpy due(refresh, &AutoRefresh::due);
        QVERIFY(due.wait(3000));

        refresh->markRefreshed(QDateTime(QDate(2026, 1, 2), QTime(13, 4, 5)));
        QCOMPARE(label->text(), QStringLiteral("Last refresh: 13:04:05"));

        switchToChinese();
        QCOMPARE(label->text(), QStringLiteral("上次刷新：13:04:05"));
        QVERIFY2(label->toolTip().startsWith(QStringLiteral("状态每 1 秒")),
                 qPrintable(label->toolTip()));

        refresh->setRunning(false);
        QCOMPARE(refresh->activeIntervalMs(), 0);
        refresh->setRunning(true);
        refresh->reset(); // no session any more
        QCOMPARE(refresh->activeIntervalMs(), 0);
        QVERIFY(label->text().isEmpty());
    }

    // The signals of FollowedRestores are driven by hand here; following a real restore on the
    // simulator is tst_saferestore's, and its audit trail tst_restoreworkflow's.
    void restoreAnnouncerTellsTheEnd() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QMainWindow window;
        auto *central = new QWidget(&window);
        auto *layout = new QVBoxLayout(central);
        auto *label = new QLabel(central);
        auto *errors = new ErrorPanel(central);
        layout->addWidget(label);
        layout->addWidget(errors);
        window.setCentralWidget(central);
        auto *notice = new NoticeBanner(label, &window);
        auto *notifier = new RestoreNotifier(&window, notice);
        auto *bar = new RestoreProgressBar(&window);
        window.statusBar()->addPermanentWidget(bar);
        auto *announcer = new RestoreAnnouncer(errors, notice, notifier, bar, &window);
        auto *followed = new dcs::FollowedRestores(
            dcs::PendingRestoreFile(data.filePath(QStringLiteral("pending.json"))),
            dcs::AuditLog(data.filePath(QStringLiteral("audit.jsonl"))), {}, &window);
        announcer->setFollowedRestores(followed);
        window.show();
        errors->clear();

        dcs::RestoreRecord record;
        record.restoreId = QStringLiteral("r1");
        record.status = QStringLiteral("restoring");
        record.progress = 40.0;
        dcs::PendingRestore restore;
        restore.profileId = QStringLiteral("p");
        restore.instanceId = QStringLiteral("i1");
        restore.instanceName = QStringLiteral("cache-a");
        restore.restoreId = QStringLiteral("r1");
        restore.backupName = QStringLiteral("nightly");
        Q_EMIT followed->progress(restore, record);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->value(), 40);

        record.status = QStringLiteral("succeed");
        record.progress = 100.0;
        Q_EMIT followed->finished(restore, record);
        QCOMPARE(notifier->lastNotification(),
                 QStringLiteral("Restore succeeded\ncache-a was restored from backup nightly "
                                "(restore r1)."));
        QVERIFY(!bar->isVisible());
        QVERIFY(label->isVisible());
        QVERIFY(!errors->hasError());

        // A failure goes to the error panel, in the language of the moment.
        record.status = QStringLiteral("failed");
        record.errorCode.clear();
        restore.restoreId = record.restoreId = QStringLiteral("r2");
        Q_EMIT followed->finished(restore, record);
        QVERIFY(errors->hasError());
        QVERIFY2(errors->text().contains(QStringLiteral("Restore r2 of cache-a failed")),
                 qPrintable(errors->text()));
        switchToChinese();
        QVERIFY2(errors->text().contains(QStringLiteral("cache-a 的恢复失败（恢复记录ID：r2）")),
                 qPrintable(errors->text()));
        QVERIFY2(errors->text().contains(QStringLiteral("服务未返回错误码。")),
                 qPrintable(errors->text()));

        // Not ended in time: no longer shown, and said so.
        Q_EMIT followed->progress(restore, record);
        QVERIFY(bar->isVisible());
        Q_EMIT followed->timedOut(restore);
        QVERIFY(!bar->isVisible());
        QVERIFY2(
            errors->text().contains(QStringLiteral("已停止跟踪 cache-a 的恢复（恢复记录ID：r2）")),
            qPrintable(errors->text()));

        // A lost answer found: followed, and the notice says so.
        notice->dismiss();
        Q_EMIT followed->lostRestoreFound(restore);
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("已找到 <b>cache-a</b> 响应丢失的那次恢复")),
                 qPrintable(label->text()));
        Q_EMIT followed->followed(restore);
        QVERIFY(bar->isVisible());

        // Another follow-up (a new data folder): what the old one followed is no longer shown.
        announcer->setFollowedRestores(nullptr);
        QVERIFY(!bar->isVisible());
        Q_EMIT followed->progress(restore, record);
        QVERIFY(!bar->isVisible());
    }
};

QTEST_MAIN(TestWindowParts)
#include "tst_windowparts.moc"
