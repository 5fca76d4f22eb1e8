#include "audit/AuditDialog.h"

#include "audit/AuditTableModel.h"
#include "ui_AuditDialog.h"
#include "widgets/ConsolePalette.h"
#include "widgets/FileDialogs.h"
#include "widgets/ModelRoles.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QMessageBox>
#include <QPromise>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QThreadPool>
#include <QUrl>
#include <algorithm>
#include <climits>

namespace {
// Enough damaged lines to see the pattern; the rest are counted.
constexpr int ShownProblems = 5;
} // namespace

AuditDialog::AuditDialog(const QString &auditFile, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::AuditDialog>())
    , m_log(auditFile.isEmpty() ? dcs::AuditLog::defaultPath() : auditFile)
    , m_model(new AuditTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this)) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("auditDialog"));
    ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    ConsolePalette::follow(this, [this] {
        ui->auditProblemsLabel->setStyleSheet(
            ConsolePalette::panelStyle(ConsolePalette::Tone::Caution));
    });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRoles::Sort);
    ui->auditTable->setModel(m_proxy);
    ui->auditTable->sortByColumn(AuditTableModel::Time, Qt::DescendingOrder);
    ui->auditTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    ui->auditTable->horizontalHeader()->setSectionsMovable(true);

    connect(ui->reloadButton, &QPushButton::clicked, this, &AuditDialog::reload);
    connect(ui->exportCsvButton, &QPushButton::clicked, this, &AuditDialog::askAndExport);
    connect(ui->openFolderButton, &QPushButton::clicked, this, &AuditDialog::openFolder);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

AuditDialog::~AuditDialog() = default;

void AuditDialog::reload() {
    // Off the GUI thread: a trail of hundreds of megabytes must not freeze the window. The
    // watcher is this dialog's, so a dialog closed meanwhile never gets the answer.
    const int generation = ++m_generation;
    m_loading = true;
    ui->reloadButton->setEnabled(false);
    retranslate();
    using Contents = dcs::AuditLog::Contents;
    auto *watcher = new QFutureWatcher<Contents>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        const Contents contents = watcher->result();
        m_problems = contents.problems;
        m_problemCount = contents.problemCount;
        m_limited = contents.limited;
        m_model->setRecords(contents.records);
        ui->auditTable->resizeColumnsToContents();
        m_loading = false;
        ui->reloadButton->setEnabled(true);
        retranslate();
        Q_EMIT loaded();
    });
    auto promise = std::make_shared<QPromise<Contents>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, log = m_log] {
        promise->addResult(log.readNewest());
        promise->finish();
    });
}

bool AuditDialog::exportCsv(const QString &fileName, QString *error) {
    // Oldest first, as in the file.
    QList<dcs::AuditRecord> records = m_model->records();
    std::reverse(records.begin(), records.end());
    return dcs::AuditLog::exportCsv(fileName, records, error);
}

void AuditDialog::askAndExport() {
    const QString fileName =
        FileDialogs::saveFileName(this, tr("Export Restore Audit Trail"),
                                  QStringLiteral("restore-audit.csv"), tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (exportCsv(fileName, &error))
        ui->auditStateLabel->setText(tr("Exported to %1.").arg(QDir::toNativeSeparators(fileName)));
    else
        QMessageBox::warning(this, tr("Export Restore Audit Trail"),
                             tr("The file %1 could not be written: %2")
                                 .arg(QDir::toNativeSeparators(fileName), error));
}

void AuditDialog::openFolder() {
    const QString folder = QFileInfo(m_log.filePath()).absolutePath();
    QDir().mkpath(folder);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        ui->auditStateLabel->setText(tr("No file manager could be opened. The folder is %1.")
                                         .arg(QDir::toNativeSeparators(folder)));
}

void AuditDialog::retranslate() {
    ui->auditTable->setAccessibleName(tr("Restore audit trail"));
    ui->auditTable->setAccessibleDescription(
        tr("Every restore attempted from this console, newest first, with its outcome"));
    ui->reloadButton->setToolTip(tr("Read the audit file again"));
    ui->openFolderButton->setToolTip(tr("Open the folder of the audit file in the file manager"));
    ui->exportCsvButton->setToolTip(tr("Save the records as a CSV file"));
    if (QPushButton *close = ui->buttonBox->button(QDialogButtonBox::Close))
        close->setAccessibleDescription(tr("Closes the audit trail"));
    ui->auditIntroLabel->setText(
        tr("Every restore attempt made from this console on this computer, and how it ended. "
           "File: %1")
            .arg(QDir::toNativeSeparators(m_log.filePath())));
    if (m_problems.isEmpty()) {
        ui->auditProblemsLabel->setVisible(false);
        ui->auditProblemsLabel->clear();
    } else {
        QStringList lines;
        const int count = int(qMin<qsizetype>(m_problemCount, INT_MAX));
        lines << tr("%n damaged line(s) of the audit file were skipped:", nullptr, count);
        for (int i = 0; i < m_problems.size() && i < ShownProblems; ++i)
            lines << tr("Line %1: %2").arg(m_problems.at(i).line).arg(m_problems.at(i).message);
        if (count > ShownProblems)
            lines << tr("… and %n more.", nullptr, count - ShownProblems);
        ui->auditProblemsLabel->setText(lines.join(QLatin1Char('\n')));
        ui->auditProblemsLabel->setVisible(true);
    }
    if (m_loading && m_model->rowCount() == 0)
        ui->auditStateLabel->setText(tr("Reading the audit trail…"));
    else if (m_model->rowCount() == 0)
        ui->auditStateLabel->setText(tr("No restore has been attempted from this console yet."));
    else if (m_limited)
        ui->auditStateLabel->setText(
            tr("The newest %n record(s); older lines of the file were not read here (open the "
               "file itself to see them).",
               nullptr, m_model->rowCount()));
    else
        ui->auditStateLabel->setText(tr("%n record(s).", nullptr, m_model->rowCount()));
    ui->exportCsvButton->setEnabled(m_model->rowCount() > 0);
}

bool AuditDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_model->retranslate();
        retranslate();
    }
    return handled;
}
