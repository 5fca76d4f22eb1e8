// dcs-console's command line read in-process: what each option puts in the start plan, every
// usage error as one line with exit code 2, --help and --version, the profile to open first,
// the profile of --endpoint with its keys from the environment, and the translation check.

#include "app/CommandLine.h"
#include "app/HelpText.h"
#include "app/ProcessHardening.h"
#include "profiles/ProfileStore.h"
#include "settings/LanguageManager.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/prctl.h>

namespace {

const QString Project = QStringLiteral("0f1e2d3c4b5a49687766554433221100");
const QString Endpoint = QStringLiteral("https://dcs.cn-north-4.myhuaweicloud.com");

CommandLine::Environment environmentOf(QHash<QString, QString> values) {
    return [values](const char *name) {
        return values.value(QLatin1String(name));
    };
}

CommandLine::Environment withKeys() {
    return environmentOf({{QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("AKFROMENV")},
                          {QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("sk-from-env")}});
}

} // namespace

class TestCommandLineParse : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<dcs::ProfileStore> m_store;
    dcs::Profile m_saved;

    CommandLineResult read(const QStringList &arguments,
                           const CommandLine::Environment &environment = withKeys()) {
        return CommandLine::read(QStringList{QStringLiteral("dcs-console")} + arguments, {}, true,
                                 *m_store, environment);
    }

private Q_SLOTS:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                 QSettings::IniFormat);
        m_store = std::make_unique<dcs::ProfileStore>(m_settings.get());
        m_saved.id = dcs::Profile::newId();
        m_saved.name = QStringLiteral("Shop");
        m_saved.region = QStringLiteral("cn-north-4");
        m_saved.dcsEndpoint = QUrl(Endpoint);
        m_saved.projectId = Project;
        m_saved.accessKey = QStringLiteral("AK");
        m_store->save(m_saved);
    }

    void optionValueBeforeTheParser() {
        const QStringList args{"dcs-console",           "--lang", "zh_CN",
                               "--settings=/tmp/x.ini", "--",     "--lang=en"};
        QCOMPARE(CommandLine::optionValue(args, QStringLiteral("lang")), QStringLiteral("zh_CN"));
        QCOMPARE(CommandLine::optionValue(args, QStringLiteral("settings")),
                 QStringLiteral("/tmp/x.ini"));
        QVERIFY(CommandLine::optionValue(args, QStringLiteral("profile")).isEmpty());
        // A trailing flag without a value has none.
        QVERIFY(
            CommandLine::optionValue({"dcs-console", "--lang"}, QStringLiteral("lang")).isEmpty());
    }

    // A plain-HTTP --endpoint or an unknown region is accepted, with warnings for stderr and
    // the window; a secure, known one has none.
    void endpointWarnings() {
        CommandLineResult result = read({"--endpoint", "http://dcs.cn-north-4.example.com",
                                         "--project-id", Project, "--region", "xx-nowhere-1"});
        QVERIFY(!result.exitCode);
        QCOMPARE(result.warnings.size(), 2);
        QVERIFY2(result.warnings.at(0).startsWith(QStringLiteral("--region: ")) ||
                     result.warnings.at(1).startsWith(QStringLiteral("--region: ")),
                 qPrintable(result.warnings.join(QLatin1Char('|'))));
        QVERIFY(result.warnings.join(QLatin1Char('|')).contains(QStringLiteral("--endpoint: ")));
        QVERIFY(result.warnings.join(QLatin1Char('|')).contains(QStringLiteral("plain HTTP")));
        result = read({"--endpoint", Endpoint, "--project-id", Project});
        QVERIFY(!result.exitCode);
        QVERIFY(result.warnings.isEmpty());
        // A key far longer than any key is refused before it is used.
        result = read({"--endpoint", Endpoint, "--project-id", Project},
                      environmentOf({{QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("AK")},
                                     {QStringLiteral("HUAWEICLOUD_SDK_SK"),
                                      QString(4 * 1024 * 1024, QLatin1Char('s'))}}));
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.error.contains(QStringLiteral("HUAWEICLOUD_SDK_SK")));
    }

    // Secrets in memory never reach a core dump: the process is not dumpable.
    void processIsMadeNonDumpable() {
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
        QVERIFY(makeProcessNonDumpable());
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    }

    void regionFromTheEndpoint() {
        QCOMPARE(CommandLine::regionOfEndpoint(QUrl(Endpoint)), QStringLiteral("cn-north-4"));
        QVERIFY(CommandLine::regionOfEndpoint(QUrl(QStringLiteral("https://dcs.example.com")))
                    .isEmpty());
        QVERIFY(
            CommandLine::regionOfEndpoint(QUrl(QStringLiteral("http://127.0.0.1:8443"))).isEmpty());
    }

    void helpAndVersionEndHere() {
        const CommandLineResult help = read({"--help"});
        QCOMPARE(help.exitCode, std::optional<int>(0));
        QVERIFY2(help.output.contains(QStringLiteral("--endpoint")), qPrintable(help.output));
        QVERIFY(help.output.contains(QStringLiteral("--lang")));
        QVERIFY(help.error.isEmpty());
        const CommandLineResult version = read({"--version"});
        QCOMPARE(version.exitCode, std::optional<int>(0));
        const QStringList lines = version.output.split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("dcs-console " DCS_VERSION));
        QVERIFY2(version.output.contains(QStringLiteral("Qt")), qPrintable(version.output));
    }

    // Qt's own options are Qt's to read when the window starts, in either spelling.
    void qtOptionsPass() {
        const QStringList qt{"-style",          "Fusion",        "-platform",
                             "offscreen",       "-reverse",      "-stylesheet=a.qss",
                             "--style=Windows", "-qwindowtitle", "DCS"};
        QCOMPARE(CommandLine::withoutQtOptions(QStringList{"dcs-console"} + qt +
                                               QStringList{"--lang", "en"}),
                 (QStringList{"dcs-console", "--lang", "en"}));
        const CommandLineResult result = read(qt + QStringList{"--select", "cache-01"});
        QVERIFY2(!result.exitCode, qPrintable(result.error));
        QCOMPARE(result.plan.select, QStringLiteral("cache-01"));
        // What only looks like one is still ours to refuse.
        QCOMPARE(read({"-styles"}).exitCode, std::optional<int>(2));
        QCOMPARE(read({"-x"}).exitCode, std::optional<int>(2));
    }

    void helpAllListsQtsOptionsToo() {
        const CommandLineResult help = read({"--help"});
        const CommandLineResult all = read({"--help-all"});
        QCOMPARE(all.exitCode, std::optional<int>(0));
        QVERIFY(all.error.isEmpty());
        for (const char *option :
             {"--lang", "--endpoint", "--help-all", "-platform <", "-style <", "-reverse"})
            QVERIFY2(all.output.contains(QLatin1String(option)), option);
        QVERIFY(all.output.startsWith(help.output.section(QStringLiteral("\n"), 0, 0)));
        QVERIFY(!help.output.contains(QStringLiteral("-platform")));
        QVERIFY(help.output.contains(QStringLiteral("--help-all")));
    }

    // The descriptions start in one column, in Chinese too (a Han character takes two), and no
    // line is wider than a terminal.
    void helpColumnsLineUp_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void helpColumnsLineUp() {
        QFETCH(QString, language);
        LanguageManager languages;
        QVERIFY(languages.setLanguage(language));
        const QString help = read({"--help-all"}).output;
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
        if (language == QLatin1String("zh_CN"))
            QVERIFY2(help.contains(QStringLiteral("用法")), qPrintable(help));
        QSet<int> columns;
        int optionLines = 0;
        for (const QString &line : help.split(QLatin1Char('\n'))) {
            QVERIFY2(HelpText::displayWidth(line) <= 80, qPrintable(line));
            if (!line.startsWith(QLatin1String("  -")))
                continue;
            ++optionLines;
            const qsizetype gap = line.indexOf(QLatin1String("  "), 2);
            if (gap < 0)
                continue; // a name too long for the column: its text starts on the next line
            qsizetype text = gap;
            while (text < line.size() && line.at(text) == QLatin1Char(' '))
                ++text;
            columns.insert(HelpText::displayWidth(line.left(text)));
        }
        QVERIFY(optionLines > 20);
        QVERIFY2(columns.size() == 1, qPrintable(help));
        // Continuation lines start in the same column.
        const int column = *columns.cbegin();
        for (const QString &line : help.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("   ")))
                QCOMPARE(line.indexOf(QRegularExpression(QStringLiteral("\\S"))), column);
        }
    }

    void wrapsBetweenWordsAndBetweenHanCharacters() {
        QCOMPARE(HelpText::wrap(QStringLiteral("one two three"), 8),
                 (QStringList{"one two", "three"}));
        QCOMPARE(HelpText::displayWidth(QStringLiteral("中文ab")), 6);
        const QStringList zh = HelpText::wrap(QStringLiteral("打开恢复对话框，然后退出。"), 10);
        for (const QString &line : zh) {
            QVERIFY2(HelpText::displayWidth(line) <= 10, qPrintable(line));
            QVERIFY2(!line.startsWith(QStringLiteral("，")) &&
                         !line.startsWith(QStringLiteral("。")),
                     qPrintable(line));
        }
        QCOMPARE(zh.join(QString()), QStringLiteral("打开恢复对话框，然后退出。"));
        // A term in Latin letters inside Chinese stays whole.
        const QStringList mixed =
            HelpText::wrap(QStringLiteral("使用 HUAWEICLOUD_SDK_AK 中的密钥"), 16);
        QVERIFY2(mixed.join(QLatin1Char('|')).contains(QStringLiteral("HUAWEICLOUD_SDK_AK")),
                 qPrintable(mixed.join(QLatin1Char('|'))));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("withKeys");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown profile") << QStringList{"--profile", "nope"} << true << "nope";
        QTest::newRow("malformed url")
            << QStringList{"--endpoint", "dcs.example", "--project-id", Project} << true
            << "--endpoint";
        QTest::newRow("malformed project id")
            << QStringList{"--endpoint", Endpoint, "--project-id", "abc"} << true << "--project-id";
        QTest::newRow("missing project id")
            << QStringList{"--endpoint", Endpoint} << true << "--endpoint needs --project-id";
        QTest::newRow("project without endpoint")
            << QStringList{"--project-id", Project} << true << "go with --endpoint";
        QTest::newRow("bad region")
            << QStringList{"--endpoint", Endpoint, "--project-id", Project, "--region", "Mars"}
            << true << "--region";
        QTest::newRow("missing keys")
            << QStringList{"--endpoint", Endpoint, "--project-id", Project} << false
            << "HUAWEICLOUD_SDK_AK";
        QTest::newRow("unknown option") << QStringList{"--bogus"} << true << "bogus";
        QTest::newRow("both") << QStringList{"--endpoint", Endpoint, "--profile", "x"} << true
                              << "cannot be used together";
    }

    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(bool, withKeys);
        QFETCH(QString, message);
        const CommandLineResult result =
            read(arguments, withKeys ? ::withKeys() : environmentOf({}));
        QCOMPARE(result.exitCode, std::optional<int>(2));
        QVERIFY(result.output.isEmpty());
        QVERIFY2(result.error.startsWith(QStringLiteral("dcs-console: ")),
                 qPrintable(result.error));
        QVERIFY2(result.error.contains(message), qPrintable(result.error));
        QVERIFY(!result.error.contains(QLatin1Char('\n')));
        QVERIFY(!result.error.contains(QStringLiteral("sk-from-env")));
    }

    void unknownLanguageIsAUsageError() {
        const CommandLineResult result = CommandLine::read({"dcs-console", "--lang", "xx"},
                                                           QStringLiteral("xx"), false, *m_store);
        QCOMPARE(result.exitCode, std::optional<int>(2));
        QVERIFY2(result.error.contains(QStringLiteral("\"xx\"")), qPrintable(result.error));
        QVERIFY(!CommandLine::read({"dcs-console", "--lang", "en"}, QStringLiteral("en"), true,
                                   *m_store)
                     .exitCode);
    }

    void firstProfile() {
        // Nothing saved as last used: the Demo profile.
        QCOMPARE(read({}).plan.startId, QStringLiteral("demo"));
        // The last one used, while it exists.
        m_store->setLastUsedId(m_saved.id);
        QCOMPARE(read({}).plan.startId, m_saved.id);
        m_store->setLastUsedId(QStringLiteral("gone"));
        QCOMPARE(read({}).plan.startId, QStringLiteral("demo"));
        // --profile by name or by id.
        QCOMPARE(read({"--profile", "Shop"}).plan.startId, m_saved.id);
        QCOMPARE(read({"--profile", m_saved.id}).plan.startId, m_saved.id);
    }

    void endpointMakesASessionOnlyProfile() {
        const CommandLineResult result = read({"--endpoint", Endpoint, "--project-id", Project});
        QVERIFY(!result.exitCode);
        const StartPlan &plan = result.plan;
        QVERIFY(plan.sessionProfile);
        const dcs::Profile &p = *plan.sessionProfile;
        QVERIFY(p.sessionOnly);
        QCOMPARE(plan.startId, p.id);
        QCOMPARE(p.dcsEndpoint, QUrl(Endpoint));
        QCOMPARE(p.projectId, Project);
        QCOMPARE(p.region, QStringLiteral("cn-north-4")); // from the host
        QCOMPARE(p.iamEndpoint, dcs::defaultIamEndpoint(QStringLiteral("cn-north-4")));
        QCOMPARE(p.name, QStringLiteral("Command line (dcs.cn-north-4.myhuaweicloud.com)"));
        QCOMPARE(p.accessKey, QStringLiteral("AKFROMENV"));
        QCOMPARE(plan.sessionSecrets.secretKey, QStringLiteral("sk-from-env"));
        // Never saved.
        QVERIFY(!m_store->profile(p.id));

        const StartPlan regional = read({"--endpoint", QStringLiteral("http://127.0.0.1:8443"),
                                         "--project-id", Project, "--region", "ap-southeast-1"})
                                       .plan;
        QCOMPARE(regional.sessionProfile->region, QStringLiteral("ap-southeast-1"));
    }

    void everyOtherOptionLandsInThePlan() {
        const CommandLineResult result =
            read({"--select", "order-cache-prod", "--open-restore", "--open-audit",
                  "--edit-profile", "--state-file", "/tmp/state.json", "--sim-program",
                  "/opt/dcs-sim", "--sim-arg", "--restore-seconds", "--sim-arg", "3"});
        QVERIFY(!result.exitCode);
        const StartPlan &plan = result.plan;
        QCOMPARE(plan.select, QStringLiteral("order-cache-prod"));
        QVERIFY(plan.openRestore && plan.openAudit && plan.editProfile);
        QCOMPARE(plan.demo.stateFile, QStringLiteral("/tmp/state.json"));
        QCOMPARE(plan.demo.simulatorProgram, QStringLiteral("/opt/dcs-sim"));
        QCOMPARE(plan.demo.simulatorArguments, (QStringList{"--restore-seconds", "3"}));
        QVERIFY(!plan.sessionProfile);
        const StartPlan plain = read({}).plan;
        QVERIFY(!plain.openRestore && !plain.openAudit && !plain.editProfile);
        QVERIFY(plain.select.isEmpty());
    }

    void translationCheckFailsWhenACatalogueDoesNot() {
        QString output;
        QCOMPARE(CommandLine::checkTranslations(&output), 0);
        QVERIFY2(output.contains(QStringLiteral("zh_CN: :/i18n/dcs-console_zh_CN.qm loaded")),
                 qPrintable(output));
        QVERIFY(!output.contains(QStringLiteral("FAILED")));
        // A catalogue that is not there.
        QCOMPARE(CommandLine::checkTranslations(&output,
                                                [](const QString &language) {
                                                    return QStringLiteral(":/i18n/missing_") +
                                                           language + QStringLiteral(".qm");
                                                }),
                 1);
        QVERIFY2(output.contains(QStringLiteral("FAILED")), qPrintable(output));
        // One that loads but does not translate (the English one read as the Chinese one).
        QCOMPARE(CommandLine::checkTranslations(
                     &output, [](const QString &) { return LanguageManager::catalogPath("en"); }),
                 1);
        QVERIFY2(output.contains(QStringLiteral("zh_CN: :/i18n/dcs-console_en.qm FAILED")),
                 qPrintable(output));
        // Through the command line: the same exit code.
        const CommandLineResult result = read({"--check-translations"});
        QCOMPARE(result.exitCode, std::optional<int>(0));
        QVERIFY(result.output.contains(QStringLiteral("loaded")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLineParse)
#include "tst_commandlineparse.moc"
