// The parts split out of MainWindow, on their own: the restore progress bar, the notice banner
// and the notifier — what they show, and that they render again in the new language.

#include "NoticeBanner.h"
#include "RestoreNotifier.h"
#include "RestoreProgressBar.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
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
};

QTEST_MAIN(TestWindowParts)
#include "tst_windowparts.moc"
