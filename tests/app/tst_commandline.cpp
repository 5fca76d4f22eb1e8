// dcs-console's command line: every bad value is one line on stderr and exit code 2.

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badValuesExitWithTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("withKeys");
        QTest::addColumn<QString>("message");
        const QString project = QStringLiteral("0f1e2d3c4b5a49687766554433221100");
        const QString endpoint = QStringLiteral("https://dcs.cn-north-4.myhuaweicloud.com");
        QTest::newRow("unknown language") << QStringList{"--lang", "xx"} << true << "language";
        QTest::newRow("unknown profile") << QStringList{"--profile", "nope"} << true << "nope";
        QTest::newRow("malformed url")
            << QStringList{"--endpoint", "dcs.example", "--project-id", project} << true
            << "--endpoint";
        QTest::newRow("malformed project id")
            << QStringList{"--endpoint", endpoint, "--project-id", "abc"} << true << "--project-id";
        QTest::newRow("missing project id")
            << QStringList{"--endpoint", endpoint} << true << "--project-id";
        QTest::newRow("bad region")
            << QStringList{"--endpoint", endpoint, "--project-id", project, "--region", "Mars"}
            << true << "--region";
        QTest::newRow("missing keys")
            << QStringList{"--endpoint", endpoint, "--project-id", project} << false
            << "HUAWEICLOUD_SDK_AK";
        QTest::newRow("unknown option") << QStringList{"--bogus"} << true << "bogus";
        QTest::newRow("both") << QStringList{"--endpoint", endpoint, "--profile", "x"} << true
                              << "--profile";
    }

    void badValuesExitWithTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, withKeys);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QProcess process;
        // No display at all, as over ssh: the command line is answered before any window.
        QProcessEnvironment env = withoutDisplay();
        env.remove("HUAWEICLOUD_SDK_AK");
        env.remove("HUAWEICLOUD_SDK_SK");
        if (withKeys) {
            env.insert("HUAWEICLOUD_SDK_AK", "AKFROMTHEENVIRONMENT");
            env.insert("HUAWEICLOUD_SDK_SK", "sk-from-the-environment");
        }
        process.setProcessEnvironment(env);
        process.start(program(),
                      QStringList{"--settings", dir.filePath("settings.ini")} + arguments);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QStringList lines;
        for (const QByteArray &line : process.readAllStandardError().split('\n')) {
            if (!line.isEmpty() && !line.startsWith("QStandardPaths:"))
                lines << QString::fromUtf8(line);
        }
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(message), qPrintable(lines.first()));
        QVERIFY(!lines.first().contains("sk-from-the-environment"));
    }

    void helpAndVersion() {
        for (const char *option : {"--help", "--version"}) {
            QProcess process;
            process.setProcessEnvironment(withoutDisplay());
            process.start(program(), {QLatin1String(option)});
            QVERIFY(process.waitForFinished(15000));
            QCOMPARE(process.exitCode(), 0);
            const QByteArray out = process.readAllStandardOutput();
            QVERIFY(out.contains("dcs-console") || out.contains("--endpoint"));
        }
    }

private:
    static QProcessEnvironment withoutDisplay() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(name));
        return env;
    }

    static QString program() {
        return QFileInfo(QStringLiteral(DCS_SIM_PROGRAM)).absolutePath() +
               QStringLiteral("/dcs-console");
    }
};

QTEST_MAIN(TestCommandLine)
#include "tst_commandline.moc"
