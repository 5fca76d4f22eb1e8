// What the console looks like and says, against a real dcs-sim: the theme setting (applied at
// once, saved, colours and icons that follow it), status badges, grouped details with the
// backup policy in words, region names, the first selection, the backup period sent to the
// service, CSV exports, Qt's file dialog in the console's language, the request log's profile
// column, accessible names and descriptions, and the restore outcome announced.

#include "GuiTestSupport.h"
#include "audit/AuditDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/CreateBackupDialog.h"
#include "backups/DeleteBackupDialog.h"
#include "instances/InstanceDetailsModel.h"
#include "instances/InstanceTableModel.h"
#include "profiles/ProfileDialog.h"
#include "profiles/SessionBuilder.h"
#include "requestlog/RequestLogDock.h"
#include "requestlog/RequestLogModel.h"
#include "restore/RestoreDialog.h"
#include "restore/RestoreTableModel.h"
#include "settings/LanguageManager.h"
#include "settings/SettingsDialog.h"
#include "settings/ThemeManager.h"
#include "shell/AboutDialog.h"
#include "shell/SessionBanners.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ConsoleStyle.h"
#include "widgets/ErrorPanel.h"
#include "widgets/FileDialogs.h"
#include "widgets/ModelRoles.h"
#include "widgets/NoticeBanner.h"
#include "widgets/StatusBadgeDelegate.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

using namespace guitest;

namespace {

// How light the drawn (opaque) pixels of an icon are, 0–255.
int inkLightness(const QIcon &icon) {
    const QImage image = icon.pixmap(24, 24).toImage();
    qint64 sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200) {
                sum += c.lightness();
                ++count;
            }
        }
    }
    return count ? int(sum / count) : -1;
}

bool hasColor(const QImage &image, const QRect &rect, const QColor &color) {
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 24 && qAbs(c.green() - color.green()) < 24 &&
                qAbs(c.blue() - color.blue()) < 24)
                return true;
        }
    }
    return false;
}

// WCAG 2's contrast ratio of two colours, 1–21 (3 is its least for a control's outline).
double contrast(const QColor &a, const QColor &b) {
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A check box as its window shows it, and where its indicator is in that picture.
QImage checkBoxPicture(QCheckBox &box, QRect *indicator) {
    QStyleOptionButton option;
    option.initFrom(&box);
    *indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
    return box.grab().toImage();
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString plain(const QString &text) {
    return QTextDocumentFragment::fromHtml(text).toPlainText().simplified();
}

} // namespace

class TestAppearance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start({QStringLiteral("--restore-seconds"), QStringLiteral("2"),
                              QStringLiteral("--backup-seconds"), QStringLiteral("1")}),
                 qPrintable(m_sim.error()));
        m_client = makeClient(m_sim);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_target = instanceNamed(m_client.get(), QStringLiteral("order-cache-prod"));
        QVERIFY(m_target.isRunning());
    }

    void cleanupTestCase() {
        m_themes.apply(ThemeManager::Theme::System);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_client.reset();
        m_sim.stop();
    }

    // Settings → Appearance: applied when OK is pressed, to what is open, and saved.
    void themeAppliesAtOnceAndIsSaved() {
        Console console(&m_languages);
        ConsoleContext context = console.contextWithoutProfiles();
        context.themes = &m_themes;
        MainWindow window(context);
        dcs::SessionInfo info = Console::info(m_sim);
        info.production = true;
        window.showSession(console.openSession(m_sim, info));
        window.resize(1280, 800);
        window.show();
        QVERIFY(waitForInstances(window));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("productionBanner"));
        QVERIFY(banner->isVisible());
        auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
        QVERIFY(!ThemeManager::isDark());
        const int lightInk = inkLightness(refresh->icon());
        QVERIFY2(lightInk >= 0 && lightInk < 110, qPrintable(QString::number(lightInk)));

        SettingsDialog *settings = window.openSettingsDialog();
        auto *combo = settings->findChild<QComboBox *>(QStringLiteral("themeCombo"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("system"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("dark")));
        QTest::mouseClick(settings->findChild<QPushButton *>(QStringLiteral("okButton")),
                          Qt::LeftButton);

        // At once: the palette, the named colours, the banner, the icons.
        QVERIFY(ThemeManager::isDark());
        QCOMPARE(m_themes.theme(), ThemeManager::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        const QString darkFill =
            ConsolePalette::name(ConsolePalette::Role::ProductionFill, ThemeManager::darkPalette());
        QVERIFY2(banner->styleSheet().contains(darkFill), qPrintable(banner->styleSheet()));
        const int darkInk = inkLightness(refresh->icon());
        QVERIFY2(darkInk > 160, qPrintable(QString::number(darkInk)));
        // The style's small icons too: the tool bar's extension, the dock's close and float
        // buttons (the error panel's close).
        const QList<QStyle::StandardPixmap> styleIcons{QStyle::SP_ToolBarHorizontalExtensionButton,
                                                       QStyle::SP_TitleBarCloseButton,
                                                       QStyle::SP_TitleBarNormalButton};
        for (const QStyle::StandardPixmap standard : styleIcons) {
            const int ink = inkLightness(window.style()->standardIcon(standard));
            QVERIFY2(ink > 140, qPrintable(QStringLiteral("%1: %2").arg(standard).arg(ink)));
        }
        // Saved, for the next start.
        QCOMPARE(console.settings()->value(QStringLiteral("console/theme")).toString(),
                 QStringLiteral("dark"));
        QCOMPARE(dcs::ConsoleSettings::load(*console.settings()).theme,
                 dcs::ConsoleSettings::Theme::Dark);

        // A dialog opened now is dark too, and so is its error colour.
        CreateBackupDialog *create = nullptr;
        QVERIFY(window.browser()->selectInstance(m_target.instanceId));
        QTRY_VERIFY_WITH_TIMEOUT((create = window.browser()->openCreateBackupDialog()),
                                 LoadTimeoutMs);
        QVERIFY(create->palette().color(QPalette::Window).lightness() < 80);
        create->close();

        // Light, then back to the system's.
        m_themes.apply(ThemeManager::Theme::Light);
        QVERIFY(!ThemeManager::isDark());
        QVERIFY2(!banner->styleSheet().contains(darkFill), qPrintable(banner->styleSheet()));
        QVERIFY(inkLightness(refresh->icon()) < 110);
        for (const QStyle::StandardPixmap standard : styleIcons)
            QVERIFY(inkLightness(window.style()->standardIcon(standard)) < 110);
        m_themes.apply(ThemeManager::Theme::System);
        QCOMPARE(ThemeManager::isDark(), m_themes.systemIsDark());
    }

    // The banners, the notice and the error panel take their theme's colours as they show —
    // also after a theme change while they were hidden — and follow a change while they show.
    void hiddenBannersShowInTheThemeOfTheMoment() {
        m_themes.apply(ThemeManager::Theme::Light);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banners = new SessionBanners(&window);
        auto *errors = new ErrorPanel(&window);
        auto *noticeLabel = new QLabel(&window);
        auto *notice = new NoticeBanner(noticeLabel, &window);
        layout->addWidget(banners);
        layout->addWidget(errors);
        layout->addWidget(noticeLabel);
        layout->addStretch();
        window.resize(900, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *production = window.findChild<QLabel *>(QStringLiteral("productionBanner"));
        QVERIFY(production && !production->isVisible());

        m_themes.apply(ThemeManager::Theme::Dark);
        dcs::SessionInfo info =
            Console::info(m_sim, QStringLiteral("live"), QStringLiteral("Live"));
        info.isSimulator = false;
        info.production = true;
        banners->showSession(info, std::nullopt);
        errors->showMessage([] { return QStringLiteral("Failed"); },
                            [] { return QStringLiteral("Details"); });
        notice->show([] { return QStringLiteral("Done."); });
        QVERIFY(production->isVisible() && errors->isVisible() && noticeLabel->isVisible());
        const auto fillOf = [](QWidget *widget) {
            const QImage image = widget->grab().toImage();
            return image.pixelColor(image.width() - 5, image.height() / 2);
        };
        // Each in the fill of its role, in the colours of the palette of the moment.
        const auto expectFills = [&] {
            QCOMPARE(fillOf(production),
                     ConsolePalette::color(ConsolePalette::Role::ProductionFill));
            QCOMPARE(fillOf(errors), ConsolePalette::color(ConsolePalette::Role::DangerSurface));
            QCOMPARE(fillOf(noticeLabel),
                     ConsolePalette::color(ConsolePalette::Role::SuccessSurface));
        };
        QVERIFY(ConsolePalette::isDark(QApplication::palette()));
        expectFills();

        // Light while they show: the light colours.
        m_themes.apply(ThemeManager::Theme::Light);
        QVERIFY(!ConsolePalette::isDark(QApplication::palette()));
        expectFills();
        m_themes.apply(ThemeManager::Theme::System);
    }

    // Fusion draws a check box's frame a little darker than the window, which on a dark one
    // all but vanishes: an unticked box must be as clear as WCAG asks of a control's outline
    // (3:1) against the window around it and the base inside it. On a light palette it is
    // drawn as Fusion draws it.
    void uncheckedBoxIsClearInEveryTheme() {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_themes.apply(ThemeManager::Theme::Dark);
        QVERIFY(qobject_cast<ConsoleStyle *>(QApplication::style()));
        QWidget window;
        auto *box = new QCheckBox(QStringLiteral("Back up the instance first"), &window);
        box->move(10, 10);
        window.resize(300, 60);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!box->isChecked());
        QRect indicator;
        QImage image = checkBoxPicture(*box, &indicator);
        QVERIFY(indicator.width() >= 8 && indicator.height() >= 8);
        const QPoint top(indicator.center().x(), indicator.top());
        const QColor frame = image.pixelColor(top);
        const QColor inside = image.pixelColor(indicator.center());
        const QColor around = box->palette().color(QPalette::Window);
        const QString seen = QStringLiteral("frame %1, inside %2, window %3")
                                 .arg(frame.name(), inside.name(), around.name());
        QVERIFY2(contrast(frame, around) >= 3.0, qPrintable(seen));
        QVERIFY2(contrast(frame, inside) >= 3.0, qPrintable(seen));
        // The other three sides too.
        for (const QPoint &side : {QPoint(indicator.center().x(), indicator.bottom()),
                                   QPoint(indicator.left(), indicator.center().y()),
                                   QPoint(indicator.right(), indicator.center().y())})
            QVERIFY2(contrast(image.pixelColor(side), around) >= 3.0, qPrintable(seen));

        // Light: Fusion's own picture, to the pixel.
        m_themes.apply(ThemeManager::Theme::Light);
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QCheckBox plain(box->text(), &window);
        plain.setStyle(fusion.get());
        plain.move(10, 30);
        plain.resize(box->size());
        plain.show();
        QTest::qWait(50);
        QRect plainIndicator;
        image = checkBoxPicture(*box, &indicator);
        const QImage plainImage = checkBoxPicture(plain, &plainIndicator);
        QCOMPARE(plainIndicator, indicator);
        QVERIFY(image.copy(indicator) == plainImage.copy(plainIndicator));
        m_themes.apply(ThemeManager::Theme::System);
    }

    void statusesAreBadges() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitForInstances(window));
        auto *table = window.findChild<QTableView *>(QStringLiteral("instanceTable"));
        QVERIFY(qobject_cast<StatusBadgeDelegate *>(
            table->itemDelegateForColumn(InstanceTableModel::Status)));
        // A running instance that is not selected (a selected row's icon is tinted).
        int running = -1;
        for (int row = 0; row < table->model()->rowCount() && running < 0; ++row) {
            if (table->model()->index(row, InstanceTableModel::Status).data(ModelRoles::Raw) ==
                    QStringLiteral("RUNNING") &&
                !table->selectionModel()->isRowSelected(row, {}))
                running = row;
        }
        QVERIFY(running >= 0);
        const QModelIndex cell = table->model()->index(running, InstanceTableModel::Status);
        table->scrollTo(cell);
        QCOMPARE(cell.data().toString(), QStringLiteral("Running")); // the word stays
        const QImage image = table->viewport()->grab().toImage();
        QVERIFY(hasColor(image, table->visualRect(cell),
                         ConsolePalette::color(ConsolePalette::Role::SuccessText)));
        QVERIFY(qobject_cast<StatusBadgeDelegate *>(
            window.findChild<QTableView *>(QStringLiteral("backupTable"))
                ->itemDelegateForColumn(BackupTableModel::Status)));
        QVERIFY(qobject_cast<StatusBadgeDelegate *>(
            window.findChild<QTableView *>(QStringLiteral("restoreTable"))
                ->itemDelegateForColumn(RestoreTableModel::Status)));
    }

    // Grouped details, the policy in words, the region with its name, the title.
    void readableAtAGlance() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        QVERIFY(browser->selectInstance(m_target.instanceId));
        // The show call's answer has the policy (the list's has not).
        QTRY_VERIFY_WITH_TIMEOUT(
            !browser->detailsModel()->instance().instanceBackupPolicy.isEmpty(), LoadTimeoutMs);
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("detailsTree"));
        QCOMPARE(tree->model()->rowCount(), int(InstanceDetailsModel::GroupCount));
        QVERIFY(tree->isFirstColumnSpanned(0, {}));
        QVERIFY(tree->isExpanded(tree->model()->index(InstanceDetailsModel::Network, 0)));
        const QString policy =
            browser->detailsModel()
                ->indexOf(InstanceDetailsModel::BackupPolicy, InstanceDetailsModel::Value)
                .data()
                .toString();
        QVERIFY2(!policy.contains(QLatin1Char('{')) && policy != QStringLiteral("—"),
                 qPrintable(policy));
        auto *profile = window.findChild<QLabel *>(QStringLiteral("profileLabel"));
        QVERIFY2(profile->text().contains(QStringLiteral("cn-north-4 — CN North-Beijing4")),
                 qPrintable(profile->text()));
        QCOMPARE(window.windowTitle(), QStringLiteral("Test account"));
    }

    // The first selection is an instance that can be restored; when none can, it says so.
    void firstSelectionCanBeRestored() {
        {
            Console console(&m_languages);
            MainWindow window(console.contextWithoutProfiles());
            window.showSession(console.openSession(m_sim));
            window.show();
            QVERIFY(waitForInstances(window));
            auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
            QTRY_VERIFY_WITH_TIMEOUT(!window.browser()->currentInstanceId().isEmpty(),
                                     LoadTimeoutMs);
            // Whatever comes first in the list's order, the selection can be restored.
            // Settled: the chosen instance's backups and records are read (until then Restore
            // knows only the instance record).
            QTRY_VERIFY_WITH_TIMEOUT(!window.browser()->isLoading(), LoadTimeoutMs);
            QVERIFY2(restore->isEnabled(), qPrintable(restore->toolTip()));
        }
        {
            // The instance record does not tell of a running backup: the Demo's
            // analytics-buffer-test looks restorable until its backups are read, and a
            // queued backup there refuses a restore for minutes. The console moves on from it
            // by itself, while that backup still runs.
            SimFixture sim;
            QVERIFY2(sim.start({QStringLiteral("--backup-seconds"), QStringLiteral("600")}),
                     qPrintable(sim.error()));
            const std::unique_ptr<dcs::DcsClient> client = makeClient(sim);
            const dcs::Instance busy =
                instanceNamed(client.get(), QStringLiteral("analytics-buffer-test"));
            const auto backupRunning = [&] {
                const QList<dcs::Backup> backups = backupsOf(client.get(), busy.instanceId);
                return std::any_of(backups.cbegin(), backups.cend(),
                                   [](const dcs::Backup &b) { return b.isRunning(); });
            };
            QVERIFY(backupRunning());
            Console console(&m_languages);
            MainWindow window(console.contextWithoutProfiles());
            window.showSession(console.openSession(sim));
            window.show();
            QVERIFY(waitForInstances(window));
            auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
            QTRY_VERIFY_WITH_TIMEOUT(!window.browser()->currentInstanceId().isEmpty() &&
                                         !window.browser()->isLoading(),
                                     LoadTimeoutMs);
            QVERIFY2(restore->isEnabled(), qPrintable(restore->toolTip()));
            QVERIFY(window.browser()->currentInstanceId() != busy.instanceId);
            QVERIFY2(backupRunning(), "the test bed's backup ended: the test proves nothing");
            // The user's own choice is theirs: selecting the busy instance keeps it selected.
            QVERIFY(window.browser()->selectInstance(busy.instanceId));
            QTRY_VERIFY_WITH_TIMEOUT(!window.browser()->isLoading(), LoadTimeoutMs);
            QCOMPARE(window.browser()->currentInstanceId(), busy.instanceId);
            QVERIFY(!restore->isEnabled());
        }
        {
            Console console(&m_languages);
            MainWindow window(console.contextWithoutProfiles());
            dcs::SessionInfo info = Console::info(m_sim);
            info.readOnly = true;
            window.showSession(console.openSession(m_sim, info));
            window.show();
            QVERIFY(waitForInstances(window));
            auto *blocked = window.findChild<QLabel *>(QStringLiteral("restoreBlockedLabel"));
            QTRY_VERIFY_WITH_TIMEOUT(blocked->isVisible(), LoadTimeoutMs);
            QVERIFY2(blocked->text().contains(QStringLiteral("None of the")) &&
                         blocked->text().contains(QStringLiteral("read-only")),
                     qPrintable(blocked->text()));
        }
    }

    // The Backups tab's period goes to the service as the list's time range; the restore
    // dialog still offers every backup.
    void backupPeriodIsAskedOfTheService() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        QVERIFY(browser->selectInstance(m_target.instanceId));
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowCount() > 0, LoadTimeoutMs);
        const int all = browser->backupModel()->rowCount();

        const int before = int(m_sim.log().count('\n')); // whole lines so far
        const QDateTime from = QDateTime::currentDateTimeUtc().addYears(-30);
        const QDateTime to = QDateTime::currentDateTimeUtc().addYears(-29);
        browser->setBackupRange(from, to);
        auto *state = window.findChild<QLabel *>(QStringLiteral("backupsStateLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("No backups in this period."),
                                  LoadTimeoutMs);
        QCOMPARE(browser->backupModel()->rowCount(), 0);
        // The simulator's log says what was asked (it arrives a little later).
        const auto asked = [&] {
            const QList<QByteArray> lines = m_sim.log().split('\n').mid(before);
            const QByteArray begin = dcs::DcsClient::formatQueryTime(from).toLatin1();
            for (const QByteArray &line : lines) {
                if (line.startsWith("GET ") && line.contains("/backups") &&
                    (line.contains("begin_time=" + begin) || line.contains("beginTime=" + begin)) &&
                    (line.contains("end_time=") || line.contains("endTime=")))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(asked(), m_sim.log().right(2000).constData(), LoadTimeoutMs);

        // The restore dialog reads every backup, whatever the tab shows.
        RestoreDialog *dialog = browser->openRestoreDialog();
        QVERIFY(dialog);
        auto *chooser = dialog->findChild<QTableView *>(QStringLiteral("backupChooser"));
        QTRY_COMPARE_WITH_TIMEOUT(chooser->model()->rowCount(), all, LoadTimeoutMs);
        dialog->close();

        browser->setBackupRange(0);
        QTRY_COMPARE_WITH_TIMEOUT(browser->backupModel()->rowCount(), all, LoadTimeoutMs);
        QCOMPARE(browser->backupRange().begin, QDateTime());
    }

    // The picker shows what the choice is made by — the remark and why a backup cannot be
    // used, in its cell — and needs no sideways scrolling at the dialog's size, in either
    // language.
    void backupPickerShowsWhatMatters() {
        const QList<dcs::Backup> backups = backupsOf(m_client.get(), m_target.instanceId);
        Console console(&m_languages);
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_languages.setLanguage(language));
            RestoreDialog dialog(m_client.get(), m_target, backups, {},
                                 restoreDialogOptions(console.followed()));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto *chooser = dialog.findChild<QTableView *>(QStringLiteral("backupChooser"));
            QTRY_VERIFY_WITH_TIMEOUT(chooser->model()->rowCount() > 0, LoadTimeoutMs);
            QTest::qWait(300);
            QVERIFY(!chooser->isColumnHidden(BackupTableModel::Remark));
            QVERIFY(!chooser->isColumnHidden(BackupTableModel::Restorable));
            QVERIFY2(!chooser->horizontalScrollBar()->isVisible(), qPrintable(language));
            // Every column is as wide as its text; the remark takes the rest.
            QHeaderView *header = chooser->horizontalHeader();
            for (int column = 0; column < chooser->model()->columnCount(); ++column) {
                if (chooser->isColumnHidden(column))
                    continue;
                QCOMPARE(header->sectionResizeMode(column), column == BackupTableModel::Remark
                                                                ? QHeaderView::Stretch
                                                                : QHeaderView::ResizeToContents);
                QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                         qPrintable(QStringLiteral("%1: column %2").arg(language).arg(column)));
            }
            bool refusalShown = false;
            for (int row = 0; row < chooser->model()->rowCount(); ++row) {
                const QModelIndex index =
                    chooser->model()->index(row, BackupTableModel::Restorable);
                if (!index.data(ModelRoles::Restorable).toBool())
                    refusalShown |= index.data().toString().size() > 4;
            }
            QVERIFY(refusalShown);
        }
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // The instance table's last column stretches; the fit must still give the dates their
    // width and cut the long addresses instead (in English the columns overflow 1360 pixels).
    void instanceColumnsShowTheDatesWhole() {
        Console console(&m_languages);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1360, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitForInstances(window));
        auto *table = window.findChild<QTableView *>(QStringLiteral("instanceTable"));
        QVERIFY(table);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, LoadTimeoutMs);
        const int shown = table->horizontalHeader()->sectionSize(InstanceTableModel::Created);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString text =
                table->model()->index(row, InstanceTableModel::Created).data().toString();
            QVERIFY2(table->fontMetrics().horizontalAdvance(text) < shown,
                     qPrintable(QStringLiteral("%1 in %2 pixels").arg(text).arg(shown)));
        }
    }

    // Every wrapped text of the restore dialog gets the height its lines need, in both languages,
    // at the default size and with twice the font at twice the size (what 200 % looks like),
    // and when the dialog is made as short as it goes: the backup table gives up rows first and
    // keeps a few. (The confirmation's caption — backup, time, age and the instance's name — lost
    // its second line to the table in Chinese.)
    void restoreDialogTextIsWhole() {
        const QList<dcs::Backup> backups = backupsOf(m_client.get(), m_target.instanceId);
        Console console(&m_languages);
        const QFont normal = QApplication::font();
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_languages.setLanguage(language));
            for (int scale : {1, 2}) {
                QFont font = normal;
                font.setPointSizeF(normal.pointSizeF() * scale);
                QApplication::setFont(font);
                RestoreDialog dialog(m_client.get(), m_target, backups, {},
                                     restoreDialogOptions(console.followed()));
                const QSize size = dialog.size() * scale;
                dialog.resize(size);
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                QTRY_VERIFY_WITH_TIMEOUT(!dialog.selectedBackupId().isEmpty(), LoadTimeoutMs);
                auto *chooser = dialog.findChild<QTableView *>(QStringLiteral("backupChooser"));
                auto *caption = dialog.findChild<QLabel *>(QStringLiteral("confirmTargetLabel"));
                QVERIFY(chooser && caption);
                // Settled: the reload of the backups is in, the caption names the choice.
                QTRY_VERIFY_WITH_TIMEOUT(chooser->model()->rowCount() > 0 &&
                                             plain(caption->text()).contains(m_target.name),
                                         LoadTimeoutMs);
                const QString where = QStringLiteral("%1 at %2×").arg(language).arg(scale);
                // The texts fit the default size: the dialog did not grow.
                QCOMPARE(dialog.size(), size);
                expectWholeTexts(dialog, where);
                if (QTest::currentTestFailed())
                    return;
                dialog.resize(dialog.width(), 1);
                QTRY_VERIFY(dialog.height() < size.height());
                expectWholeTexts(dialog, where + QStringLiteral(", as short as it goes"));
                if (QTest::currentTestFailed())
                    return;
            }
        }
        QApplication::setFont(normal);
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void exportsOpenRight() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.show();
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        QTemporaryDir dir;
        const QString instances = dir.filePath(QStringLiteral("instances.csv"));
        QString error;
        QVERIFY2(browser->writeInstancesCsv(instances, &error), qPrintable(error));
        QByteArray bytes = readFile(instances);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        lines.removeAll(QString());
        QCOMPARE(lines.size(), browser->shownInstanceCount() + 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("Name,ID,")), qPrintable(lines.first()));
        QVERIFY(bytes.contains("order-cache-prod"));

        QVERIFY(browser->selectInstance(m_target.instanceId));
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowCount() > 0, LoadTimeoutMs);
        const QString backups = dir.filePath(QStringLiteral("backups.csv"));
        QVERIFY2(browser->writeBackupsCsv(backups, &error), qPrintable(error));
        bytes = readFile(backups);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        lines.removeAll(QString());
        QCOMPARE(lines.size(), browser->backupModel()->rowCount() + 1);

        // A name that starts like a formula is written as text.
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Remark")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("=HYPERLINK(\"x\")")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("@cmd")));
        QTableView view;
        view.setModel(&model);
        const QString csv = QString::fromUtf8(InstanceBrowser::tableCsv(&view).toUtf8().mid(3));
        QVERIFY2(csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\",'@cmd")), qPrintable(csv));

        // The Console menu's Export… is on while instances are shown.
        QVERIFY(window.findChild<QAction *>(QStringLiteral("exportInstancesAction"))->isEnabled());
    }

    // Qt's file dialog in Chinese: its words, the folder type, dates and sizes.
    void fileDialogSpeaksTheLanguage() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("exports")));
        QFile file(dir.filePath(QStringLiteral("data.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(3000, 'x'));
        file.close();
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        QFileDialog *dialog = FileDialogs::saveDialog(nullptr, QStringLiteral("x"),
                                                      dir.filePath(QStringLiteral("a.csv")),
                                                      QStringLiteral("CSV (*.csv)"));
        dialog->setViewMode(QFileDialog::Detail);
        dialog->show();
        auto *tree = dialog->findChild<QTreeView *>(QStringLiteral("treeView"));
        QVERIFY(tree);
        QAbstractItemModel *model = tree->model();
        QModelIndex folder;
        QModelIndex data;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QModelIndex root = tree->rootIndex();
                for (int row = 0; row < model->rowCount(root); ++row) {
                    const QModelIndex name = model->index(row, 0, root);
                    if (name.data().toString() == QLatin1String("exports"))
                        folder = name;
                    if (name.data().toString() == QLatin1String("data.csv"))
                        data = name;
                }
                return folder.isValid() && data.isValid();
            }(),
            LoadTimeoutMs);
        const QString type = folder.siblingAtColumn(2).data().toString();
        const QString date = data.siblingAtColumn(3).data().toString();
        const QString size = data.siblingAtColumn(1).data().toString();
        QString accept;
        if (auto *box = dialog->findChild<QDialogButtonBox *>())
            accept = box->buttons().isEmpty() ? QString() : box->buttons().first()->text();
        delete dialog;
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QCOMPARE(type, QStringLiteral("文件夹"));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}$"))
                     .match(date)
                     .hasMatch(),
                 qPrintable(date));
        QCOMPARE(size, QStringLiteral("2.93 kB"));
        QVERIFY2(accept.contains(QStringLiteral("保存")), qPrintable(accept));
    }

    void requestLogNamesTheDemoInTheLanguage() {
        RequestLogModel model;
        dcs::RequestLogEntry entry;
        entry.startedAt = QDateTime::currentDateTimeUtc();
        entry.profileName = dcs::SessionBuilder::demoProfileName();
        entry.method = "GET";
        entry.url = QUrl(QStringLiteral("http://127.0.0.1/v2/x/instances"));
        model.append(entry);
        const QModelIndex profile = model.index(0, RequestLogModel::Profile);
        QCOMPARE(profile.data().toString(), dcs::SessionBuilder::demoDisplayName());
        QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
        const QString chinese = profile.data().toString();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QVERIFY2(chinese.contains(QStringLiteral("演示")), qPrintable(chinese));
        // The saved file keeps the name as logged.
        QVERIFY(QString::fromUtf8(RequestLogModel::toCsv({entry}).toUtf8())
                    .contains(QStringLiteral(",Demo,")));
    }

    // Every control a screen reader reaches has a name and a description.
    void everyControlHasAnAccessibleName() {
        Console console(&m_languages);
        MainWindow window(console.contextWithoutProfiles());
        window.showSession(console.openSession(m_sim));
        window.resize(1280, 800);
        window.show();
        QVERIFY(waitForInstances(window));
        InstanceBrowser *browser = window.browser();
        QVERIFY(browser->selectInstance(m_target.instanceId));
        QTRY_VERIFY_WITH_TIMEOUT(browser->backupModel()->rowCount() > 0, LoadTimeoutMs);
        window.requestLogDock()->show();
        QList<QWidget *> windows{&window};
        windows << browser->openCreateBackupDialog() << browser->openRestoreDialog()
                << window.openAuditDialog() << window.openSettingsDialog()
                << window.openAboutDialog();
        auto *profile = new ProfileDialog(console.profiles(), console.secrets(), &window);
        profile->setAttribute(Qt::WA_DeleteOnClose);
        profile->show();
        windows << profile;
        QStringList missing;
        int checked = 0;
        for (QWidget *top : std::as_const(windows)) {
            QVERIFY(top);
            QList<QWidget *> widgets = top->findChildren<QWidget *>();
            for (QWidget *w : std::as_const(widgets)) {
                if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus))
                    continue;
                // The line edit inside a spin box or an editable combo box is read as part of
                // it; a widget with a focus proxy is read as its proxy.
                if (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
                    qobject_cast<QComboBox *>(w->parentWidget()) || w->focusProxy())
                    continue;
                QAccessibleInterface *face = QAccessible::queryAccessibleInterface(w);
                QVERIFY(face);
                // A tab bar is read as its current tab.
                if (auto *tabs = qobject_cast<QTabBar *>(w))
                    face = face->child(tabs->currentIndex());
                QVERIFY(face);
                const QString name = plain(face->text(QAccessible::Name));
                const QString description = plain(face->text(QAccessible::Description));
                ++checked;
                if (name.isEmpty() || description.isEmpty())
                    missing << QStringLiteral("%1/%2: name \"%3\", description \"%4\"")
                                   .arg(top->objectName(), w->objectName(), name, description);
            }
        }
        for (const QString &m : std::as_const(missing))
            qInfo().noquote() << "No accessible text:" << m;
        QVERIFY(checked > 40);
        QVERIFY2(missing.isEmpty(), "controls without an accessible name or description");
        for (QWidget *top : std::as_const(windows)) {
            if (top != &window)
                top->close();
        }
    }

    // Qt 6.4 has no announcement event: the outcome label's accessible name changes, which
    // screen readers are told about.
    void restoreOutcomeIsAnnounced() {
        Console console(&m_languages);
        const dcs::Instance instance = instanceNamed(m_client.get(), m_target.name);
        QTRY_VERIFY_WITH_TIMEOUT(
            instanceStatus(m_client.get(), instance.instanceId) == QLatin1String("RUNNING"), 60000);
        RestoreDialog dialog(m_client.get(), instance,
                             backupsOf(m_client.get(), instance.instanceId), {},
                             restoreDialogOptions(console.followed()));
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.selectedBackupId().isEmpty(), LoadTimeoutMs);
        dialog.findChild<QCheckBox *>(QStringLiteral("backUpFirstCheck"))->setChecked(false);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("confirmNameEdit")),
                         instance.name);
        auto *stage = dialog.findChild<QLabel *>(QStringLiteral("stageLabel"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        // Each stage is the label's accessible name as it is shown (setAccessibleName sends
        // QAccessible::NameChanged), the restore ID its description once there is one.
        QStringList names;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QString name =
                    QAccessible::queryAccessibleInterface(stage)->text(QAccessible::Name);
                if (names.isEmpty() || names.last() != name)
                    names << name;
                return dialog.outcome() == RestoreDialog::Outcome::Succeeded;
            }(),
            60000);
        QAccessibleInterface *face = QAccessible::queryAccessibleInterface(stage);
        QCOMPARE(face->text(QAccessible::Name), stage->text());
        QVERIFY2(face->text(QAccessible::Name).contains(QStringLiteral("succeeded")),
                 qPrintable(face->text(QAccessible::Name)));
        QVERIFY2(face->text(QAccessible::Description).contains(dialog.restoreId()),
                 qPrintable(face->text(QAccessible::Description)));
        QVERIFY2(names.size() >= 2, qPrintable(names.join(QStringLiteral(" | "))));
        // With the outcome shown (the stage, the restore ID), no text is cut either: the table
        // gave up rows for them.
        QTest::qWait(200);
        expectWholeTexts(dialog, QStringLiteral("after the restore"));
    }

private:
    // Every wrapped text of the dialog is as high as its lines (not shorter, not a line taller),
    // the table shows three rows or more, and the confirmation's caption is inside the dialog.
    static void expectWholeTexts(QDialog &dialog, const QString &where) {
        // A text that has just changed (the verification's state comes when the instance
        // answers) is laid out on the next turn of the event loop: the layout is given that.
        QStringList cut;
        const auto cutTexts = [&] {
            cut = cutLabels(dialog);
            return cut.isEmpty();
        };
        const bool whole = QTest::qWaitFor(cutTexts, 2000);
        for (const QString &c : std::as_const(cut))
            qInfo().noquote() << where << "cut:" << c;
        QVERIFY2(whole, qPrintable(where + QStringLiteral(": wrapped text cut or stretched")));
        auto *chooser = dialog.findChild<QTableView *>(QStringLiteral("backupChooser"));
        const int rows =
            chooser->viewport()->height() / chooser->verticalHeader()->defaultSectionSize();
        QVERIFY2(rows >= 3, qPrintable(where + QStringLiteral(": %1 rows of backups").arg(rows)));
        auto *caption = dialog.findChild<QLabel *>(QStringLiteral("confirmTargetLabel"));
        QVERIFY2(
            dialog.rect().contains(QRect(caption->mapTo(&dialog, QPoint(0, 0)), caption->size())),
            qPrintable(where + QStringLiteral(": the caption is outside the dialog")));
    }

    static QStringList cutLabels(QDialog &dialog) {
        QStringList cut;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty())
                continue;
            const int needed = wrappedTextHeight(label);
            // Not cut, and not given the room the table should have (a line or more of gap).
            if (label->height() < needed ||
                label->height() - needed >= label->fontMetrics().lineSpacing())
                cut << QStringLiteral("%1: %2 px high, needs %3 at %4 px wide (%5)")
                           .arg(label->objectName())
                           .arg(label->height())
                           .arg(needed)
                           .arg(label->width())
                           .arg(plain(label->text()));
        }
        return cut;
    }

    SimFixture m_sim;
    std::unique_ptr<dcs::DcsClient> m_client;
    LanguageManager m_languages;
    ThemeManager m_themes;
    dcs::Instance m_target;
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
