// What the program says about itself: --version (version, build, Qt) in both languages, and the
// About dialog, which shows the same and where the settings, data and logs are kept.

#include "GuiTestSupport.h"
#include "about/BuildInfo.h"
#include "dcs_build_info.h"
#include "settings/LanguageManager.h"
#include "shell/AboutDialog.h"
#include "shell/MainWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestAbout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("dcs-console-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_about"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        // As the program does at start.
        dcs::BuildInfo::setBuild(QStringLiteral(DCS_BUILD));
    }

    void buildIsTheCheckoutsCommit() {
        const dcs::BuildInfo info = dcs::BuildInfo::current();
        QCOMPARE(info.version, QStringLiteral(DCS_VERSION));
        QCOMPARE(info.qtRuntime, QString::fromLatin1(qVersion()));
        QCOMPARE(info.qtBuild, QStringLiteral(QT_VERSION_STR));
        const QString commit = headCommit();
        if (commit.isEmpty())
            QSKIP("The sources are not a git checkout (or git is missing)");
        QVERIFY2(info.build == QStringLiteral("git ") + commit ||
                     info.build == QStringLiteral("git ") + commit + QStringLiteral("-dirty"),
                 qPrintable(info.build + QStringLiteral(" is not HEAD ") + commit));
    }

    void buildTextWithoutGit() {
        dcs::BuildInfo info = dcs::BuildInfo::current();
        info.build.clear();
        info.qtRuntime = QStringLiteral("6.4.3");
        info.qtBuild = QStringLiteral("6.4.2");
        QCOMPARE(info.buildText(), QStringLiteral("unknown (not built from a git checkout)"));
        QCOMPARE(info.qtText(), QStringLiteral("6.4.3 (built with 6.4.2)"));
        QCOMPARE(info.oneLine(),
                 QStringLiteral(DCS_VERSION) +
                     QStringLiteral(" (build unknown, Qt 6.4.3, built with 6.4.2)"));
    }

    void versionOption_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("buildLabel");
        QTest::addColumn<QString>("qtLabel");
        QTest::newRow("en") << "en"
                            << "Build: "
                            << "Qt: ";
        QTest::newRow("zh_CN") << "zh_CN"
                               << "构建："
                               << "Qt：";
    }

    void versionOption() {
        QFETCH(QString, language);
        QFETCH(QString, buildLabel);
        QFETCH(QString, qtLabel);
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(DCS_CONSOLE_PROGRAM),
                      {QStringLiteral("--settings"), dir.filePath(QStringLiteral("s.ini")),
                       QStringLiteral("--lang"), language, QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList lines =
            QString::fromUtf8(process.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("dcs-console " DCS_VERSION));
        // The program and this test are built from the same sources in the same build.
        const dcs::BuildInfo info = dcs::BuildInfo::current();
        if (language == QLatin1String("en")) {
            QCOMPARE(lines.at(1), buildLabel + info.buildText());
            QCOMPARE(lines.at(2), qtLabel + info.qtText());
        } else {
            QVERIFY2(lines.at(1).startsWith(buildLabel), qPrintable(lines.at(1)));
            QVERIFY2(lines.at(2).startsWith(qtLabel + info.qtRuntime), qPrintable(lines.at(2)));
            if (!info.build.isEmpty())
                QCOMPARE(lines.at(1), buildLabel + info.build);
        }
    }

    void aboutShowsBuildAndFiles() {
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        guitest::Console console(&m_languages);
        const QSettings &settings = *console.settings();
        MainWindow window(console.context());
        AboutDialog *about = window.openAboutDialog();
        QVERIFY(about);
        QTRY_VERIFY(about->isVisible());
        const dcs::StorageLocations defaults = dcs::StorageLocations::defaults();
        // The INI file and the data folder this window really uses, not the default ones.
        QCOMPARE(about->locations().settingsFile, settings.fileName());
        QCOMPARE(about->locations().dataFolder, console.dataFolder());
        QCOMPARE(about->locations().auditLog, window.auditFile());
        QCOMPARE(about->locations().auditLog,
                 QDir(console.dataFolder()).filePath(QStringLiteral("restore-audit.jsonl")));
        QVERIFY(about->locations().simulatorLog.startsWith(defaults.dataFolder));

        const dcs::BuildInfo info = dcs::BuildInfo::current();
        const QString text = about->text();
        for (const QString &part :
             {QStringLiteral("DCS Console " DCS_VERSION), info.buildText().toHtmlEscaped(),
              info.qtText(), QStringLiteral("Settings and profiles:"), settings.fileName(),
              QStringLiteral("Data folder:"), console.dataFolder(),
              QStringLiteral("Restore audit trail:"), window.auditFile(),
              QStringLiteral("Demo simulator log:"), about->locations().simulatorLog})
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" missing in ") + text));
        // Selectable, from the keyboard too, for a bug report.
        QVERIFY(about->textInteractionFlags() & Qt::TextSelectableByKeyboard);

        // A language switch while it is open retranslates it.
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        QTRY_VERIFY2(about->text().contains(QStringLiteral("构建：")), qPrintable(about->text()));
        QVERIFY(about->text().contains(QStringLiteral("恢复审计日志：")));
        QVERIFY(about->text().contains(settings.fileName()));
        QCOMPARE(about->windowTitle(), QStringLiteral("关于 DCS 控制台"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(about->text().contains(QStringLiteral("Build:")));
        about->close();
    }

private:
    // HEAD of the sources' own checkout, as the build reads it; empty without one.
    static QString headCommit() {
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-C"), QStringLiteral(DCS_SOURCE_DIR),
                   QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel"),
                   QStringLiteral("--short=12"), QStringLiteral("HEAD")});
        if (!git.waitForFinished(10000) || git.exitStatus() != QProcess::NormalExit ||
            git.exitCode() != 0)
            return {};
        const QStringList out =
            QString::fromUtf8(git.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
        if (out.size() != 2 || QFileInfo(out.at(0)).canonicalFilePath() !=
                                   QFileInfo(QStringLiteral(DCS_SOURCE_DIR)).canonicalFilePath())
            return {};
        return out.at(1);
    }

    LanguageManager m_languages;
};

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
