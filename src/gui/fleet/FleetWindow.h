#pragma once

#include "fleet/FleetTypes.h"
#include "profiles/Profile.h"
#include "settings/ConsoleSettings.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class FleetWindow;
}
namespace dcs {
class Fleet;
class RequestQueue;
class Session;
class SessionOpener;
} // namespace dcs
class FleetBackupDialog;
class FleetSortFilterProxyModel;
class FleetSourceModel;
class FleetSourcesDialog;
class FleetTableModel;
class GuiSteps;
class QSettings;
struct FleetRow;

// The fleet: every instance of every chosen profile, region and project in one table, with
// the backup health core works out for each — a header with the counts per verdict, a filter and
// "needs attention", overall progress with Stop, one row per source that could not be read, and
// the sources with their own progress below. From here: open an instance in the main window's
// browser, back up the selected instances that need attention, export CSV. Presents only: the
// reading, the cache and the verdicts are core's (dcs::Fleet).
class FleetWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        dcs::SessionOpener *opener = nullptr; // required; outlives the window
        QSettings *settings = nullptr;        // the chosen sources are kept here; null: not kept
        // Every profile the console knows (the Demo profile, the saved and this run's ones).
        std::function<QList<dcs::Profile>()> profiles;
        // How the window names a profile ("Demo (local simulator)").
        std::function<QString(const QString &profileId)> displayName;
        // A desktop notification (the tray, as for restores).
        std::function<void(const QString &title, const QString &text)> notify;
        QString cacheFile; // empty: nothing kept between runs
        dcs::ConsoleSettings console;
        int backupPollMs = 2000;
    };

    explicit FleetWindow(Options options, QWidget *parent = nullptr);
    ~FleetWindow() override;

    dcs::Fleet *fleet() const { return m_fleet; }
    dcs::RequestQueue *queue() const { return m_queue; }
    FleetTableModel *model() const { return m_model; }
    FleetSortFilterProxyModel *proxy() const { return m_proxy; }
    FleetSourceModel *sourceModel() const { return m_sources; }

    // Takes the thresholds, the maximum age and the concurrency at once.
    void applySettings(const dcs::ConsoleSettings &settings);
    // The chosen sources: every pair of these profiles' keys ("profileId|region/projectId").
    QStringList chosenSourceKeys() const;
    void setChosenSourceKeys(const QStringList &keys);
    // Builds the sources again from the profiles (after a profile was added, edited or removed).
    void reloadSources();

    // Reads the cache (the last known health shows at once), then refreshes.
    void start();
    void refresh(bool force = false);

    // The instance keys of the selected rows, in view order.
    QStringList selectedInstanceKeys() const;
    bool selectInstance(const QString &instanceKey);

    // The dialogs, window-modal and not blocking; null when there is nothing to do.
    FleetBackupDialog *openBackupDialog();
    FleetSourcesDialog *openSourcesDialog();
    // Writes the rows the filter shows; false with the reason in *error (nothing half-written).
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    // Rows of a source that are not in the table yet: a long list goes in pieces of RowsPerStep
    // rows, as many per turn of the event loop as fit in StepBudgetMs (at least one), so that
    // the window keeps painting and answering meanwhile. Changed rows are shown alike.
    bool isShowingRows() const;
    static constexpr int RowsPerStep = 100;
    static constexpr int StepBudgetMs = 2;

    // What the header says, e.g. for tests: the counts per verdict.
    QString countsText() const;
    QString lastNotification() const { return m_lastNotification; }

Q_SIGNALS:
    // Open this instance in the main window's browser, in its profile at this pair.
    void openInstanceRequested(const QString &profileId, const QString &scopeKey,
                               const QString &instanceId);
    // A source's session is open (the window logs its requests).
    void sessionOpened(dcs::Session *session);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupActions();
    void buildSources();
    FleetRow rowFor(const dcs::FleetInstance &instance) const;
    QList<FleetRow> rowsOf(const QString &sourceKey) const;
    // The source's own row, when it has one (failed, or nothing else to show yet).
    std::optional<FleetRow> ownRowOf(const QString &sourceKey) const;
    void showSource(const QString &sourceKey);
    // One step of showing a source: its rows keys[from, from + RowsPerStep), made from what the
    // fleet knows now; nothing when the source has been shown again since (generation).
    void showSourceStep(const QString &sourceKey, quint64 generation, const QStringList &keys,
                        int kept, int from);
    QStringList sourceOrder() const;
    void flushChanges();
    void updateHeader();
    void updateProgress();
    void updateActions();
    void updateDetails();
    void tellTurned();
    void retranslate();
    void fitColumns();
    void openSelected();
    void exportWithDialog();
    void showContextMenu(const QPoint &pos);
    QString sourceName(const QString &sourceKey) const;

    std::unique_ptr<Ui::FleetWindow> ui;
    Options m_options;
    dcs::RequestQueue *m_queue;
    dcs::Fleet *m_fleet;
    FleetTableModel *m_model;
    FleetSortFilterProxyModel *m_proxy;
    FleetSourceModel *m_sources;
    QHash<QString, QString> m_sourceNames; // source key -> profile name as shown
    QSet<QString> m_changed;               // instance keys to show again
    GuiSteps *m_steps;                     // long sources shown a chunk per turn
    QHash<QString, quint64> m_showing;     // source key -> the showing of it that counts
    quint64 m_showings = 0;
    QTimer m_flush;       // shows changes in batches
    QTimer m_header;      // recounts at most this often
    QTimer m_tick;        // verdicts age; stale data is read again
    QTimer m_turnedTimer; // one notification for what turned together
    QList<QPair<QString, dcs::HealthVerdict>> m_turned;
    QString m_lastNotification;
    QString m_status; // the last thing done (a backup started, ended, refused; an export)
    QDateTime m_lastRefresh;
    std::optional<QStringList> m_explicitKeys; // chosen in this run, when there are no settings
};
