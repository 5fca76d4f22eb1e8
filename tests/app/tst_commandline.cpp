// dcs-console's command line: every bad value is one line on stderr and exit code 2.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

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

    // --settings that cannot hold the profiles: one line, exit code 2, the file untouched.
    void unusableSettingsFileIsRefused_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("folder") << "folder"
                                << "folder";
        QTest::newRow("cannot be written") << "proc"
                                           << "cannot be written";
        QTest::newRow("garbage") << "garbage"
                                 << "not a settings file";
        QTest::newRow("under a file") << "under-file"
                                      << "--settings";
    }

    void unusableSettingsFileIsRefused() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.path();
        QByteArray garbage(4096, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) & 0xff);
        if (kind == "proc") {
            path = "/proc/version";
        } else if (kind == "garbage" || kind == "under-file") {
            path = dir.filePath("garbage.ini");
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
            if (kind == "under-file")
                path += "/console.ini";
        }
        QProcess process;
        process.setProcessEnvironment(withoutDisplay());
        process.start(program(), {"--settings", path, "--profile", "x"});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 2);
        const QStringList lines = errorLines(process);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(message), qPrintable(lines.first()));
        QVERIFY2(lines.first().startsWith("dcs-console: --settings: "), qPrintable(lines.first()));
        if (kind == "garbage") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), garbage);
        }
    }

    void missingSettingsFileIsCreatedOwnerOnly() {
        QTemporaryDir dir;
        const QString path = dir.filePath("config/dcs/console.ini");
        QProcess process;
        process.setProcessEnvironment(withoutDisplay());
        process.start(program(), {"--settings", path, "--profile", "nope"});
        QVERIFY(process.waitForFinished(15000));
        // The profile does not exist, but the settings file does now.
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(errorLines(process).first().contains("nope"));
        QVERIFY(QFileInfo(path).isFile());
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(dir.filePath("config")), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath("config/dcs")), mode_t(0700));
    }

    // A console that dies outright (kill -9) takes its Demo simulator with it; the
    // simulator saves its state on the way out. The console's files are owner-only.
    void demoSimulatorEndsWithTheConsole() {
        QTemporaryDir dir;
        const mode_t savedMask = ::umask(022);
        QProcess console;
        QProcessEnvironment env = sandbox(dir);
        console.setProcessEnvironment(env);
        const QString state = dir.filePath("demo/state/demo-state.json");
        console.start(program(),
                      {"--settings", dir.filePath("settings/console.ini"), "--state-file", state});
        ::umask(savedMask);
        QVERIFY(console.waitForStarted(15000));
        qint64 sim = 0;
        QTRY_VERIFY_WITH_TIMEOUT((sim = childNamed(console.processId(), "dcs-sim")) > 0, 60000);
        // The simulator is up once it has written its first state.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(state), 60000);

        QCOMPARE(::kill(pid_t(console.processId()), SIGKILL), 0);
        QVERIFY(console.waitForFinished(15000));
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(sim), 30000);

        QCOMPARE(modeOf(state), mode_t(0600));
        QCOMPARE(modeOf(dir.filePath("demo/state/dcs-sim.log")), mode_t(0600));
        QCOMPARE(modeOf(dir.filePath("demo")), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath("demo/state")), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath("settings/console.ini")), mode_t(0600));
        QCOMPARE(modeOf(dir.filePath("settings")), mode_t(0700));
    }

    // A plain-HTTP --endpoint is accepted, and said on stderr.
    void endpointWarningsGoToStderr() {
        QTemporaryDir dir;
        QProcess console;
        QProcessEnvironment env = sandbox(dir);
        env.insert("HUAWEICLOUD_SDK_AK", "AKFROMTHEENVIRONMENT");
        env.insert("HUAWEICLOUD_SDK_SK", "sk-from-the-environment");
        console.setProcessEnvironment(env);
        console.start(program(), {"--settings", dir.filePath("console.ini"), "--endpoint",
                                  "http://127.0.0.1:9/", "--project-id",
                                  "0f1e2d3c4b5a49687766554433221100", "--region", "cn-north-4"});
        QVERIFY(console.waitForStarted(15000));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += console.readAllStandardError()).contains("plain HTTP"),
                                 30000);
        QVERIFY2(err.contains("dcs-console: warning: --endpoint: "), err.constData());
        QVERIFY(!err.contains("sk-from-the-environment"));
        console.terminate();
        QVERIFY(console.waitForFinished(15000));
    }

    // --help-all answers without a display, lists Qt's options beside ours, and starts nothing.
    void helpAllEndsHere() {
        QTemporaryDir dir;
        QProcess process;
        process.setProcessEnvironment(withoutDisplay());
        process.start(program(),
                      {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--settings"),
                       dir.filePath("settings.ini"), QStringLiteral("--state-file"),
                       dir.filePath("state.json"), QStringLiteral("--help-all")});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        for (const char *option : {"--endpoint", "-platform <", "-style <", "-reverse"})
            QVERIFY2(out.contains(option), out.constData());
        // No window, so no Demo simulator either: its state file was never made.
        QVERIFY(!QFileInfo::exists(dir.filePath("state.json")));
    }

    // Qt's own options work beside ours: the window starts with them (and no usage error).
    void qtOptionsStartTheWindow() {
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment env = withoutDisplay();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath("data"));
        process.setProcessEnvironment(env);
        process.start(program(), {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                  QStringLiteral("-style"), QStringLiteral("Fusion"),
                                  QStringLiteral("-reverse"), QStringLiteral("--settings"),
                                  dir.filePath("settings.ini"), QStringLiteral("--sim-program"),
                                  dir.filePath("no-such-simulator"), QStringLiteral("--lang"),
                                  QStringLiteral("en")});
        QVERIFY(process.waitForStarted(15000));
        // A command line it refused would have ended it at once with exit code 2.
        QVERIFY(!process.waitForFinished(3000));
        process.terminate();
        QVERIFY(process.waitForFinished(15000));
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(!err.contains("Unknown option"), err.constData());
        // It ended because it was asked to, as a window does.
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

private:
    static QProcessEnvironment sandbox(const QTemporaryDir &dir) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("HOME", dir.path());
        env.insert("XDG_CONFIG_HOME", dir.filePath("xdg-config"));
        env.insert("XDG_DATA_HOME", dir.filePath("xdg-data"));
        env.insert("XDG_CACHE_HOME", dir.filePath("xdg-cache"));
        return env;
    }

    static QStringList errorLines(QProcess &process) {
        QStringList lines;
        for (const QByteArray &line : process.readAllStandardError().split('\n')) {
            if (!line.isEmpty() && !line.startsWith("QStandardPaths:"))
                lines << QString::fromUtf8(line);
        }
        return lines;
    }

    static mode_t modeOf(const QString &path) {
        struct stat info {};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return 0;
        return info.st_mode & 0777;
    }

    // The pid of a child of `parent` whose command name is `name`, else 0.
    static qint64 childNamed(qint64 parent, const QByteArray &name) {
        const QStringList entries = QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            bool number = false;
            const qint64 pid = entry.toLongLong(&number);
            if (!number)
                continue;
            QFile stat("/proc/" + entry + "/stat");
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            const int open = line.indexOf('(');
            const int close = line.lastIndexOf(')');
            if (open < 0 || close < open)
                continue;
            const QList<QByteArray> rest = line.mid(close + 2).split(' ');
            if (line.mid(open + 1, close - open - 1) == name && rest.size() > 1 &&
                rest.at(1).toLongLong() == parent)
                return pid;
        }
        return 0;
    }

    // Running (a zombie left to a parent that does not reap is not running).
    static bool isAlive(qint64 pid) {
        QFile stat("/proc/" + QString::number(pid) + "/stat");
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z' &&
               line.at(close + 2) != 'X';
    }

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
