// Issue 5: the console is complete in Chinese and English and switches at run time.
// - the catalogues have no unfinished, vanished or obsolete entry, and lupdate over the
//   console's sources finds nothing new;
// - the walk: the real main window against a real dcs-sim, with data, an instance selected and
//   every dialog open (those built in code too: Download…, the backup policy), switched
//   en → zh_CN → en; every text, tooltip, status tip, title, combo item, placeholder and header
//   the UI itself writes has no Han character in English, and differs from its English text in
//   Chinese (short allowlist below);
// - Qt's own strings (standard buttons) switch too; dates and sizes change format;
// - --help speaks the chosen language;
// - at scale 1, no label or button without word wrap is narrower than its text.

#include "GuiTestSupport.h"
#include "audit/AuditDialog.h"
#include "backups/BackupDownloadDialog.h"
#include "backups/BackupPolicyDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/CreateBackupDialog.h"
#include "backups/DeleteBackupDialog.h"
#include "instances/InstanceDetailsModel.h"
#include "model/DisplayText.h"
#include "profiles/ProfileDialog.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "requestlog/RequestLogDock.h"
#include "restore/RestoreDialog.h"
#include "restore/RestoreTableModel.h"
#include "settings/LanguageManager.h"
#include "settings/SettingsDialog.h"
#include "shell/AboutDialog.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QToolBar>
#include <QXmlStreamReader>
#include <memory>

namespace {

using Texts = QMap<QString, QString>;

const QRegularExpression &han() {
    static const QRegularExpression pattern(QStringLiteral("\\p{Han}"));
    return pattern;
}

// Words that stay as they are in Huawei Cloud's Chinese console and documentation, so a
// Chinese text may equal its English one when nothing else is in it:
const QStringList &allowedWords() {
    static const QStringList words{
        QStringLiteral("ID"),        // 实例ID, 备份ID: the console writes "ID" in Chinese too
        QStringLiteral("Redis"),     // product names
        QStringLiteral("Memcached"), //
        QStringLiteral("DCS"),       // the service's abbreviation, as in "DCS 控制台"
        QStringLiteral("RDB"),       // Redis persistence formats, shown as the API names them
        QStringLiteral("AOF"),       //
        QStringLiteral("AK"),        // access key id / secret key: "AK/SK" in Huawei's Chinese docs
        QStringLiteral("SK"),        //
        QStringLiteral("IAM"),       // service name
        QStringLiteral("URL"),       // protocol and file format names
        QStringLiteral("HTTP"),      //
        QStringLiteral("HTTPS"),     //
        QStringLiteral("CSV"),       //
        QStringLiteral("JSON"),      //
        QStringLiteral("CA"),        // certificate authority, as in "CA 证书"
        QStringLiteral("SSL"),       // protocol name, as in the console's "SSL" switch
    };
    return words;
}

QString plain(const QString &text) {
    QString t =
        Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    t.remove(QRegularExpression(QStringLiteral("&(?=\\S)"))); // mnemonics
    return t.simplified();
}

// True when a text has nothing to translate: numbers, punctuation and allowed words only.
bool nothingToTranslate(const QString &text) {
    QString rest = plain(text);
    // An example address (a placeholder such as https://dcs.cn-north-4.myhuaweicloud.com).
    static const QRegularExpression url(QStringLiteral("^\\S+://\\S+$"));
    if (rest.contains(url))
        return true;
    for (const QString &word : allowedWords())
        rest.remove(QRegularExpression(QStringLiteral("\\b%1\\b").arg(word)));
    static const QRegularExpression letter(QStringLiteral("\\p{L}"));
    return !rest.contains(letter);
}

bool isData(const QObject *object) {
    for (const QObject *o = object; o; o = o->parent()) {
        if (o->property("dcsData").toBool())
            return true;
    }
    return false;
}

// Shown, or on a page of a stack/tab widget that the user can turn to.
bool reachable(const QWidget *widget, const QWidget *root) {
    for (const QWidget *w = widget; w && w != root; w = w->parentWidget()) {
        if (w->isHidden() && !qobject_cast<const QStackedWidget *>(w->parentWidget()))
            return false;
    }
    return true;
}

QString pathOf(const QObject *object) {
    QStringList parts;
    for (const QObject *o = object; o; o = o->parent()) {
        QString part = o->objectName();
        if (part.isEmpty()) {
            int index = 0;
            if (o->parent()) {
                for (const QObject *sibling : o->parent()->children()) {
                    if (sibling == o)
                        break;
                    if (sibling->metaObject() == o->metaObject())
                        ++index;
                }
            }
            part =
                QStringLiteral("%1#%2").arg(QLatin1String(o->metaObject()->className())).arg(index);
        }
        parts.prepend(part);
    }
    return parts.join(QLatin1Char('/'));
}

void add(Texts &texts, const QString &key, const QString &text) {
    if (!plain(text).isEmpty())
        texts.insert(key, text);
}

void walkModelHeaders(Texts &texts, const QString &key, const QHeaderView *header) {
    const QAbstractItemModel *model = header->model();
    if (!model || header->isHidden())
        return;
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        add(texts, QStringLiteral("%1|header%2").arg(key).arg(section),
            model->headerData(section, header->orientation()).toString());
        add(texts, QStringLiteral("%1|headerTip%2").arg(key).arg(section),
            model->headerData(section, header->orientation(), Qt::ToolTipRole).toString());
    }
}

// Every text the UI writes under root (root included).
Texts walk(QWidget *root) {
    Texts texts;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!reachable(w, root) || isData(w))
            continue;
        const QString key = pathOf(w);
        // A title that is only data (the main window's: the profile's name; the window system
        // adds the program's name) is skipped like the other values.
        if ((w->isWindow() && !w->property("dcsTitleIsData").toBool()) ||
            qobject_cast<QDockWidget *>(w) || qobject_cast<QToolBar *>(w))
            add(texts, key + QStringLiteral("|title"), w->windowTitle());
        add(texts, key + QStringLiteral("|tip"), w->toolTip());
        add(texts, key + QStringLiteral("|status"), w->statusTip());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(texts, key + QStringLiteral("|text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(texts, key + QStringLiteral("|text"), button->text());
        if (auto *group = qobject_cast<QGroupBox *>(w))
            add(texts, key + QStringLiteral("|title"), group->title());
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(texts, key + QStringLiteral("|tab%1").arg(i), tabs->tabText(i));
                add(texts, key + QStringLiteral("|tabTip%1").arg(i), tabs->tabToolTip(i));
            }
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            // Items that are API values (region IDs) are skipped; their tooltips are not.
            const bool itemsAreData = combo->property("dcsItemsAreData").toBool();
            for (int i = 0; i < combo->count(); ++i) {
                if (!itemsAreData)
                    add(texts, key + QStringLiteral("|item%1").arg(i), combo->itemText(i));
                add(texts, key + QStringLiteral("|itemTip%1").arg(i),
                    combo->itemData(i, Qt::ToolTipRole).toString());
            }
        }
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(texts, key + QStringLiteral("|placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            add(texts, key + QStringLiteral("|placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(w))
            add(texts, key + QStringLiteral("|placeholder"), edit->placeholderText());
        if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            add(texts, key + QStringLiteral("|suffix"), spin->suffix());
            add(texts, key + QStringLiteral("|prefix"), spin->prefix());
        }
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            add(texts, key + QStringLiteral("|special"), spin->specialValueText());
        if (auto *header = qobject_cast<QHeaderView *>(w))
            walkModelHeaders(texts, key, header);
    }
    // Actions and menus, shown or not: menus open on demand, toolbar buttons come and go.
    for (QAction *action : root->findChildren<QAction *>()) {
        if (action->isSeparator() || isData(action) || action->property("dcsLanguageName").toBool())
            continue;
        const QString key = pathOf(action);
        add(texts, key + QStringLiteral("|text"), action->text());
        add(texts, key + QStringLiteral("|tip"), action->toolTip());
        add(texts, key + QStringLiteral("|status"), action->statusTip());
    }
    return texts;
}

bool inScrollArea(const QWidget *widget) {
    for (const QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea *>(w))
            return true;
    }
    return false;
}

// Labels and buttons that cannot wrap must be as wide as their text once laid out. Skipped:
// widgets in scroll areas (they scroll), toolbar buttons (the toolbar folds them into its
// extension menu), and anything not on screen.
QStringList cutOff(const QList<QWidget *> &windows) {
    QStringList cut;
    for (QWidget *window : windows) {
        QList<QWidget *> widgets = window->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisible() || inScrollArea(w) || qobject_cast<QToolBar *>(w->parentWidget()))
                continue;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(w)) {
                if (label->wordWrap() || label->text().isEmpty())
                    continue;
                text = label->text();
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                if (button->text().isEmpty())
                    continue;
                text = button->text();
            } else {
                continue;
            }
            if (w->sizeHint().width() > w->width())
                cut << QStringLiteral("%1 \"%2\": needs %3 px, has %4")
                           .arg(pathOf(w), plain(text))
                           .arg(w->sizeHint().width())
                           .arg(w->width());
        }
    }
    return cut;
}

QString describe(const QString &key, const QString &text) {
    return QStringLiteral("%1 = \"%2\"").arg(key, text);
}

// QtTest cuts long failure messages: list every finding on its own line first.
bool report(const QStringList &findings, const char *what) {
    for (const QString &finding : findings)
        qInfo().noquote() << what << finding;
    return findings.isEmpty();
}

QStringList hanIn(const Texts &texts) {
    QStringList found;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (plain(it.value()).contains(han()))
            found << describe(it.key(), it.value());
    }
    return found;
}

// In Chinese, every English text that has something to translate reads differently.
QStringList untranslated(const Texts &english, const Texts &chinese) {
    QStringList same;
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        if (nothingToTranslate(it.value()))
            continue;
        const QString zh = chinese.value(it.key());
        if (zh.isEmpty())
            same << QStringLiteral("%1 (gone in Chinese)").arg(describe(it.key(), it.value()));
        else if (plain(zh) == plain(it.value()) || !plain(zh).contains(han()))
            same << describe(it.key(), zh);
    }
    return same;
}

QStringList readEntries(const QString &path, QStringList *badTypes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QStringList entries;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            entries << context + QLatin1Char('|') + source;
            if (!type.isEmpty() && badTypes)
                *badTypes << QStringLiteral("%1: %2|%3").arg(type, context, source);
        }
    }
    return entries;
}

} // namespace

class TestI18n : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start(), qPrintable(m_sim.error()));
        m_client = guitest::makeClient(m_sim);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void cleanupTestCase() {
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_client.reset();
        m_sim.stop();
    }

    void cataloguesAreComplete() {
        for (const char *name : {"dcs-console_zh_CN.ts", "dcs-console_en.ts"}) {
            QStringList bad;
            const QStringList entries = readEntries(
                QStringLiteral(DCS_SOURCE_DIR "/translations/") + QLatin1String(name), &bad);
            QVERIFY2(!entries.isEmpty(), name);
            QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
        }
    }

    void lupdateFindsNothingNew() {
        QVERIFY2(QFile::exists(QStringLiteral(DCS_LUPDATE)), DCS_LUPDATE);
        QTemporaryDir dir;
        const QString original =
            QStringLiteral(DCS_SOURCE_DIR "/translations/dcs-console_zh_CN.ts");
        const QString copy = dir.filePath(QStringLiteral("dcs-console_zh_CN.ts"));
        QVERIFY(QFile::copy(original, copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(DCS_SOURCE_DIR));
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        // Without -no-obsolete: a string gone from the sources shows up as vanished.
        lupdate.start(QStringLiteral(DCS_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("src/core"), QStringLiteral("src/network"),
                       QStringLiteral("src/gui"), QStringLiteral("src/app"), QStringLiteral("ui"),
                       QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        const QString output = QString::fromUtf8(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        QVERIFY2(output.contains(QLatin1String("(0 new and")), qPrintable(output));
        QStringList bad;
        const QStringList before = readEntries(original, nullptr);
        const QStringList after = readEntries(copy, &bad);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
        QCOMPARE(after.size(), before.size());
    }

    void qtStandardButtonsSwitch() {
        QVERIFY(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                              QStringLiteral("/qtbase_zh_CN.qm")));
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        QCoreApplication::processEvents();
        QCOMPARE(plain(box.button(QDialogButtonBox::Ok)->text()), QStringLiteral("确定"));
        QCOMPARE(plain(box.button(QDialogButtonBox::Cancel)->text()), QStringLiteral("取消"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(plain(box.button(QDialogButtonBox::Ok)->text()), QStringLiteral("OK"));
        QCOMPARE(plain(box.button(QDialogButtonBox::Cancel)->text()), QStringLiteral("Cancel"));
    }

    void datesAndSizesFollowTheLanguage() {
        const QDateTime when(QDate(2024, 3, 5), QTime(14, 7, 9), Qt::UTC);
        // Below a kilobyte the unit is a word (bytes / 字节); above it both languages write
        // kB, MB, GB as Huawei Cloud's consoles do. Never 千字节 in English.
        const qint64 size = 512;
        const qint64 large = 169595; // 165.62 kB
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        const QString englishDate = DisplayText::dateTime(when);
        const QString englishSize = DisplayText::dataSize(size);
        const QString englishUsage = DisplayText::memoryUsage(512, 2048);
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        const QString chineseDate = DisplayText::dateTime(when);
        const QString chineseSize = DisplayText::dataSize(size);
        const QString chineseUsage = DisplayText::memoryUsage(512, 2048);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));

        QVERIFY2(englishDate != chineseDate, qPrintable(englishDate));
        QVERIFY2(englishDate.contains(QLatin1String("Mar")), qPrintable(englishDate));
        QVERIFY2(chineseDate.startsWith(QLatin1String("2024/03/05")), qPrintable(chineseDate));
        QVERIFY2(englishSize != chineseSize,
                 qPrintable(englishSize + QLatin1String(" / ") + chineseSize));
        QVERIFY2(!englishSize.contains(han()), qPrintable(englishSize));
        QVERIFY2(!englishUsage.contains(han()), qPrintable(englishUsage));
        QCOMPARE(DisplayText::dataSize(large), QStringLiteral("165.62 kB"));
        QVERIFY2(chineseSize.contains(han()), qPrintable(chineseSize));
        QVERIFY2(englishUsage != chineseUsage, qPrintable(englishUsage));
    }

    // The walk: everything open at once, switched both ways.
    void everyWindowSwitchesLanguage() {
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        guitest::Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        QVERIFY(guitest::waitForInstances(window));
        InstanceBrowser *browser = window.browser();

        // An instance with backups, one of them manual (for the delete confirmation), and
        // restore records (for their table).
        QString instanceId;
        QString manualBackupId;
        for (int row = 0; row < browser->instanceModel()->rowCount() && manualBackupId.isEmpty();
             ++row) {
            const dcs::Instance instance = browser->instanceModel()->instanceAt(row);
            if (instance.status != QLatin1String("RUNNING") ||
                guitest::restoresOf(m_client.get(), instance.instanceId).isEmpty())
                continue;
            for (const dcs::Backup &backup :
                 guitest::backupsOf(m_client.get(), instance.instanceId)) {
                if (backup.backupType == QLatin1String("manual") &&
                    backup.status == QLatin1String("succeed")) {
                    instanceId = instance.instanceId;
                    manualBackupId = backup.backupId;
                    break;
                }
            }
        }
        QVERIFY2(!manualBackupId.isEmpty(),
                 "no instance with a manual backup and restores in the demo data");
        QVERIFY(browser->selectInstance(instanceId));
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowOf(manualBackupId) >= 0,
                                 guitest::LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(browser->restoreModel()->rowCount() > 0, guitest::LoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(browser->detailsModel()->hasInstance(), guitest::LoadTimeoutMs);
        window.requestLogDock()->show();

        // Every dialog, open at the same time (they are window-modal, not blocking).
        QList<QWidget *> windows{&window};
        QVERIFY(browser->selectBackup(manualBackupId));
        windows << browser->openDeleteBackupDialog(manualBackupId);
        windows << browser->openCreateBackupDialog();
        windows << browser->openRestoreDialog();
        windows << window.openAuditDialog();
        windows << window.openSettingsDialog();
        windows << window.openAboutDialog();
        // The dialogs built in code (no .ui): Download… of the manual backup, and the selected
        // instance's backup policy once its details (with the policy) are in.
        windows << browser->openDownloadDialog(manualBackupId);
        QTRY_VERIFY_WITH_TIMEOUT(browser->openBackupPolicyDialog() != nullptr,
                                 guitest::LoadTimeoutMs);
        windows << browser->findChild<BackupPolicyDialog *>();
        QTemporaryDir settingsDir;
        QSettings settings(settingsDir.filePath(QStringLiteral("profiles.ini")),
                           QSettings::IniFormat);
        dcs::ProfileStore store(&settings);
        dcs::SecretStore secrets(QStringLiteral("dcs-console-test"), true);
        auto *profileDialog = new ProfileDialog(&store, &secrets, &window);
        profileDialog->setAttribute(Qt::WA_DeleteOnClose);
        profileDialog->show();
        windows << profileDialog;
        for (QWidget *w : windows) {
            QVERIFY(w);
            QVERIFY2(w->isVisible(), w->metaObject()->className());
        }
        auto *restore = qobject_cast<RestoreDialog *>(windows.at(3));
        auto *chooser = restore->findChild<QTableView *>(QStringLiteral("backupChooser"));
        QVERIFY(chooser);
        QTRY_VERIFY_WITH_TIMEOUT(chooser->model()->rowCount() > 0, guitest::LoadTimeoutMs);
        chooser->selectRow(0);
        QTest::qWait(200);

        const auto walkAll = [&windows, browser] {
            Texts texts;
            for (QWidget *w : std::as_const(windows)) {
                const Texts part = walk(w);
                for (auto it = part.cbegin(); it != part.cend(); ++it)
                    texts.insert(it.key(), it.value());
            }
            // The program's name, which the window system adds to the titles.
            add(texts, QStringLiteral("app|displayName"),
                QGuiApplication::applicationDisplayName());
            // The field names of the details table are the UI's words, not the server's.
            const InstanceDetailsModel *details = browser->detailsModel();
            for (int g = 0; g < details->rowCount(); ++g) {
                const QModelIndex group = details->index(g, 0);
                add(texts, QStringLiteral("details|group%1").arg(g), group.data().toString());
                for (int row = 0; row < details->rowCount(group); ++row)
                    add(texts, QStringLiteral("details|field%1.%2").arg(g).arg(row),
                        details->index(row, InstanceDetailsModel::Field, group).data().toString());
            }
            return texts;
        };

        // Measured once the layouts have caught up with the texts: a dialog that fills in after
        // reading a file (the audit trail) is laid out a few turns later on a loaded machine. A
        // text that is really cut stays cut and is reported.
        const auto settledCutOff = [&windows] {
            QStringList found;
            (void)QTest::qWaitFor(
                [&] {
                    found = cutOff(windows);
                    return found.isEmpty();
                },
                3000);
            return found;
        };
        const Texts english = walkAll();
        QStringList cut = settledCutOff();
        QVERIFY(english.size() > 200);
        QStringList leaks = hanIn(english);
        QVERIFY2(report(leaks, "Han in English:"), "Han characters in the English UI");

        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const Texts chinese = walkAll();
        cut << settledCutOff();
        const QStringList same = untranslated(english, chinese);
        QVERIFY2(report(same, "Untranslated:"), "texts stay English in Chinese");

        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const Texts back = walkAll();
        leaks = hanIn(back);
        QVERIFY2(report(leaks, "Han in English:"), "Han characters in the English UI");
        QStringList changed;
        for (auto it = english.cbegin(); it != english.cend(); ++it) {
            if (back.value(it.key()) != it.value())
                changed << describe(it.key(), it.value()) + QStringLiteral(" → ") +
                               back.value(it.key());
        }
        QVERIFY2(report(changed, "Not back to English:"), "texts differ after switching back");

        QVERIFY2(report(cut, "Cut off:"), "labels or buttons narrower than their text");

        for (QWidget *w : std::as_const(windows)) {
            if (w != &window)
                w->close();
        }
    }

    // The Language menu's choice is saved; the first start follows the system.
    void languageChoiceIsRemembered() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
        QCOMPARE(LanguageManager::savedPreference(settings), LanguageManager::systemPreference());
        QCOMPARE(LanguageManager::languageOf(LanguageManager::systemPreference()),
                 LanguageManager::systemLanguage());

        guitest::Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        auto *chinese = window.findChild<QAction *>(QStringLiteral("chineseAction"));
        auto *english = window.findChild<QAction *>(QStringLiteral("englishAction"));
        auto *system = window.findChild<QAction *>(QStringLiteral("systemLanguageAction"));
        QVERIFY(chinese && english && system);
        m_languages.setSettings(&settings);
        chinese->trigger();
        QCOMPARE(m_languages.language(), QStringLiteral("zh_CN"));
        QCOMPARE(LanguageManager::savedPreference(settings), QStringLiteral("zh_CN"));
        QVERIFY(chinese->isChecked() && !english->isChecked() && !system->isChecked());
        QCOMPARE(QLocale().language(), QLocale::Chinese);

        system->trigger();
        QCOMPARE(LanguageManager::savedPreference(settings), LanguageManager::systemPreference());
        QCOMPARE(m_languages.language(), LanguageManager::systemLanguage());
        QVERIFY(system->isChecked() && !chinese->isChecked());

        english->trigger();
        QCOMPARE(LanguageManager::savedPreference(settings), QStringLiteral("en"));
        QVERIFY(english->isChecked());
        m_languages.setSettings(nullptr);
        QCOMPARE(m_languages.language(), QStringLiteral("en"));
    }

    void helpSpeaksTheLanguage() {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QProcess console;
            console.setProcessChannelMode(QProcess::MergedChannels);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            console.setProcessEnvironment(env);
            console.start(QStringLiteral(DCS_CONSOLE_PROGRAM),
                          {QStringLiteral("--lang"), language, QStringLiteral("--help")});
            QVERIFY(console.waitForFinished(30000));
            QCOMPARE(console.exitCode(), 0);
            const QString help = QString::fromUtf8(console.readAll());
            QVERIFY2(help.contains(QLatin1String("--lang")), qPrintable(help));
            if (language == QLatin1String("en"))
                QVERIFY2(!help.contains(han()), qPrintable(help));
            else
                QVERIFY2(help.contains(QStringLiteral("华为云")), qPrintable(help));
        }
    }

private:
    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    LanguageManager m_languages;
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
