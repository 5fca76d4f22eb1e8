#include "RestoreDialog.h"

#include "BackupTableModel.h"
#include "DcsClient.h"
#include "DisplayText.h"
#include "ModelRoles.h"
#include "ui_RestoreDialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSet>
#include <QTextCursor>

namespace {

// How far the server's clock may be off ours when recognising a restore whose answer was lost.
constexpr qint64 ClockSlackSeconds = 300;

QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

} // namespace

RestoreDialog::RestoreDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                             const QList<dcs::Backup> &backups,
                             const QList<dcs::RestoreRecord> &restores, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RestoreDialog>())
    , m_client(client)
    , m_instance(instance)
    , m_restores(restores)
    , m_backups(new BackupTableModel(this)) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("restoreDialog"));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    ui->resultFrame->setVisible(false);
    ui->restoreErrorPanel->clear();

    m_backups->setOnlyRestorableSelectable(true);
    m_backups->setBackups(backups);
    ui->backupChooser->setModel(m_backups);
    ui->backupChooser->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    auto *header = ui->backupChooser->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    // The chooser shows what matters for the choice; type and format are in the main window.
    ui->backupChooser->setColumnHidden(BackupTableModel::Type, true);
    ui->backupChooser->setColumnHidden(BackupTableModel::Format, true);
    ui->backupChooser->setColumnHidden(BackupTableModel::Remark, true);

    connect(ui->backupChooser->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateState(); });
    connect(ui->remarkEdit, &QPlainTextEdit::textChanged, this, [this] {
        enforceRemarkLength();
        updateState();
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &RestoreDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->copyRestoreIdButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(ui->restoreIdEdit->text());
        ui->postingLabel->setText(tr("Restore ID copied to the clipboard."));
    });

    // Preselect the newest backup that can be used; the user sees what was chosen.
    for (int row = 0; row < m_backups->rowCount(); ++row) {
        if (m_backups->index(row, 0).data(ModelRoles::Restorable).toBool()) {
            ui->backupChooser->selectRow(row);
            break;
        }
    }
    retranslate();
    updateState();
    // What the caller had may be stale (a backup may have finished since): read it again.
    reloadBackups();
}

RestoreDialog::~RestoreDialog() = default;

bool RestoreDialog::selectBackup(const QString &backupId) {
    const int row = m_backups->rowOf(backupId);
    if (row < 0 || !m_backups->index(row, 0).data(ModelRoles::Restorable).toBool())
        return false;
    ui->backupChooser->selectRow(row);
    ui->backupChooser->scrollTo(m_backups->index(row, 0));
    return true;
}

QString RestoreDialog::selectedBackupId() const {
    const dcs::Backup *backup = selectedBackup();
    return backup ? backup->backupId : QString();
}

const dcs::Backup *RestoreDialog::selectedBackup() const {
    const QModelIndexList rows = ui->backupChooser->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return &m_backups->backupAt(rows.first().row());
}

QString RestoreDialog::remark() const {
    return ui->remarkEdit->toPlainText();
}

QList<dcs::PreflightFinding> RestoreDialog::findings() const {
    dcs::PreflightInput input;
    input.instance = m_instance;
    input.backup = selectedBackup();
    input.backups = m_backups->backups();
    input.restores = m_restores;
    input.now = QDateTime::currentDateTimeUtc();
    return dcs::RestorePreflight::check(input);
}

void RestoreDialog::reloadBackups() {
    if (!m_client)
        return;
    m_loadingBackups = true;
    updateState();
    m_client->listBackups(
        m_instance.instanceId, {}, this, [this](const dcs::ApiResult<QList<dcs::Backup>> &result) {
            m_loadingBackups = false;
            if (!result.ok()) {
                // The list the window passed in is still shown; say that it may be stale.
                ui->restoreErrorPanel->showError(
                    result.error, [] { return tr("The backups could not be reloaded"); });
                updateState();
                return;
            }
            const QString selected = selectedBackupId();
            m_backups->setBackups(result.value);
            if (m_done || m_posting) {
                // Never change what was sent while sending or after.
            } else if (!selected.isEmpty() && selectBackup(selected)) {
            } else {
                for (int row = 0; row < m_backups->rowCount(); ++row) {
                    if (m_backups->index(row, 0).data(ModelRoles::Restorable).toBool()) {
                        ui->backupChooser->selectRow(row);
                        break;
                    }
                }
            }
            updateState();
        });
}

void RestoreDialog::enforceRemarkLength() {
    const QString text = ui->remarkEdit->toPlainText();
    if (text.size() <= MaxRemarkLength)
        return;
    // Cut at the limit without splitting a surrogate pair, and keep typing at the end.
    int keep = MaxRemarkLength;
    if (text.at(keep - 1).isHighSurrogate())
        --keep;
    const QSignalBlocker blocker(ui->remarkEdit);
    ui->remarkEdit->setPlainText(text.left(keep));
    QTextCursor cursor = ui->remarkEdit->textCursor();
    cursor.movePosition(QTextCursor::End);
    ui->remarkEdit->setTextCursor(cursor);
}

void RestoreDialog::updateState() {
    const int length = int(ui->remarkEdit->toPlainText().size());
    ui->remarkCounter->setText(tr("%1 / %2").arg(length).arg(MaxRemarkLength));

    int restorable = 0;
    for (const dcs::Backup &backup : m_backups->backups())
        restorable += dcs::RestorePreflight::backupRefusal(backup).isEmpty() ? 1 : 0;
    if (m_loadingBackups && m_backups->rowCount() == 0)
        ui->backupsStateLabel->setText(tr("Loading the backups…"));
    else if (m_backups->rowCount() == 0)
        ui->backupsStateLabel->setText(tr("This instance has no backups."));
    else
        ui->backupsStateLabel->setText(
            tr("%n of the backups can be restored from. The others are shown greyed out with the "
               "reason.",
               nullptr, restorable));

    // Preflight findings: what blocks, what to watch out for.
    const QList<dcs::PreflightFinding> found = findings();
    QStringList lines;
    for (const dcs::PreflightFinding &finding : found) {
        const bool block = finding.severity == dcs::PreflightFinding::Severity::Block;
        QString text = escaped(finding.reason);
        if (!finding.code.isEmpty() && !finding.reason.contains(finding.code))
            text += QStringLiteral(" (%1)").arg(escaped(finding.code));
        lines << QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                     .arg(block ? QStringLiteral("#b3261e") : QStringLiteral("#8a5a00"),
                          block ? QStringLiteral("✖") : QStringLiteral("⚠"), text);
    }
    const bool blocked = dcs::RestorePreflight::blocks(found);
    const dcs::Backup *backup = selectedBackup();
    if (!blocked && backup) {
        lines << QStringLiteral("<span style=\"color:#1e6b30\">✔ %1</span>")
                     .arg(escaped(tr("Ready: the data of %1 will be replaced by backup %2. Data "
                                     "written after that backup was taken is lost.")
                                      .arg(m_instance.name, backup->backupName)));
    } else if (!backup && !blocked) {
        lines << escaped(tr("Choose a backup to restore from."));
    }
    ui->preflightLabel->setText(lines.join(QStringLiteral("<br>")));

    QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok);
    if (ok) {
        ok->setEnabled(!m_posting && !m_done && !m_outcomeUnknown && backup && !blocked &&
                       m_client);
        ok->setToolTip(blocked ? tr("The preflight checks above block this restore") : QString());
    }
    // While sending and after, what was sent stays visible as it was.
    const bool editable = !m_posting && !m_done && !m_outcomeUnknown;
    ui->backupChooser->setEnabled(editable);
    ui->remarkEdit->setReadOnly(!editable);
}

void RestoreDialog::submit() {
    // The button is disabled while posting; this guards against a queued second click as well.
    if (m_posting || m_done || m_outcomeUnknown || !m_client)
        return;
    const dcs::Backup *backup = selectedBackup();
    if (!backup || dcs::RestorePreflight::blocks(findings()))
        return;

    m_posting = true;
    m_postedBackupId = backup->backupId;
    m_postedRemark = remark();
    m_postedAt = QDateTime::currentDateTimeUtc();
    ui->restoreErrorPanel->clear();
    ui->postingLabel->setText(tr("Sending the restore request…"));
    updateState();

    m_client->restore(m_instance.instanceId, m_postedBackupId, m_postedRemark, this,
                      [this](const dcs::ApiResult<QString> &result) {
                          onRestoreAnswer(result.value, result.error);
                      });
}

void RestoreDialog::onRestoreAnswer(const QString &restoreId, const dcs::ApiError &error) {
    m_posting = false;
    if (!error.isError()) {
        finishWith(restoreId, false);
        return;
    }
    if (error.kind == dcs::ApiError::Kind::AnswerLost ||
        error.kind == dcs::ApiError::Kind::Timeout) {
        // The restore may be running. Sending it again could start a second one: look instead.
        m_outcomeUnknown = true;
        ui->restoreErrorPanel->showError(
            error, [] { return tr("No answer to the restore request: looking for its record"); });
        lookForLostRestore();
        updateState();
        return;
    }
    ui->postingLabel->clear();
    ui->restoreErrorPanel->showError(error, [] { return tr("The restore was not started"); });
    updateState();
}

void RestoreDialog::lookForLostRestore() {
    ui->postingLabel->setText(tr("Looking for the restore record…"));
    QSet<QString> known;
    for (const dcs::RestoreRecord &record : m_restores)
        known.insert(record.restoreId);
    dcs::TimeRange range;
    range.begin = m_postedAt.addSecs(-ClockSlackSeconds);
    m_client->listRestores(
        m_instance.instanceId, range, this,
        [this, known](const dcs::ApiResult<QList<dcs::RestoreRecord>> &result) {
            if (!result.ok()) {
                ui->postingLabel->clear();
                ui->restoreErrorPanel->showError(result.error, [] {
                    return tr("The outcome of the restore is unknown. Check the restore records "
                              "before trying again.");
                });
                return;
            }
            const dcs::RestoreRecord *found = nullptr;
            for (const dcs::RestoreRecord &record : result.value) {
                if (record.backupId == m_postedBackupId && !known.contains(record.restoreId) &&
                    (!found || record.createdAt > found->createdAt))
                    found = &record;
            }
            if (!found) {
                ui->postingLabel->clear();
                ui->restoreErrorPanel->showMessage(
                    [] { return tr("The outcome of the restore is unknown"); },
                    [] {
                        return tr("The request got no answer and no new restore record was found "
                                  "for the backup. Check the restore records before trying again.");
                    });
                return;
            }
            ui->restoreErrorPanel->clear();
            finishWith(found->restoreId, true);
        });
}

void RestoreDialog::finishWith(const QString &restoreId, bool recovered) {
    m_done = true;
    m_outcomeUnknown = false;
    m_recovered = recovered;
    m_restoreId = restoreId;
    ui->restoreIdEdit->setText(restoreId);
    ui->resultFrame->setVisible(true);
    ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
    ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    retranslate();
    updateState();

    dcs::RestoreRecord record;
    record.restoreId = restoreId;
    record.backupId = m_postedBackupId;
    const int row = m_backups->rowOf(m_postedBackupId);
    if (row >= 0) {
        record.backupName = m_backups->backupAt(row).backupName;
        record.backupRemark = m_backups->backupAt(row).remark;
    }
    record.restoreRemark = m_postedRemark;
    record.status = QStringLiteral("waiting");
    record.createdAt = m_postedAt;
    Q_EMIT restoreStarted(m_instance.instanceId, record);
}

void RestoreDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
        updateState();
    }
    QDialog::changeEvent(event);
}

void RestoreDialog::retranslate() {
    ui->instanceNameLabel->setText(DisplayText::orNone(m_instance.name));
    ui->instanceIdLabel->setText(DisplayText::orNone(m_instance.instanceId));
    ui->instanceTypeLabel->setText(dcs::instanceTypeDisplayName(m_instance.type()));
    ui->instanceStatusLabel->setText(DisplayText::instanceStatus(m_instance.status));
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setText(tr("Restore"));
    if (m_done) {
        ui->resultLabel->setText(m_recovered ? tr("The answer was lost, but the restore was found. "
                                                  "Restore ID:")
                                             : tr("Restore started. Restore ID:"));
        ui->postingLabel->setText(tr("Its progress is shown under Restore records."));
    } else if (m_posting) {
        ui->postingLabel->setText(tr("Sending the restore request…"));
    }
}
