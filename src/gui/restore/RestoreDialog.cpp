#include "restore/RestoreDialog.h"

#include "api/DcsClient.h"
#include "backups/BackupTableModel.h"
#include "model/DisplayText.h"
#include "model/Remark.h"
#include "profiles/Regions.h"
#include "profiles/SecretStore.h"
#include "redis/RedisWork.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreImpact.h"
#include "ui_RestoreDialog.h"
#include "verify/KeyNames.h"
#include "widgets/ConsolePalette.h"
#include "widgets/ModelRoles.h"
#include "widgets/StatusBadgeDelegate.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QScreen>
#include <QStyle>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextLayout>
#include <QTimer>
#include <QtMath>
#include <algorithm>

namespace {

using Stage = dcs::RestoreWorkflow::Stage;

QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

// Stages after which the workflow does nothing more on its own.
bool isResting(Stage stage) {
    switch (stage) {
    case Stage::Idle:
    case Stage::Accepted:
    case Stage::Refused:
    case Stage::Blocked:
    case Stage::OutcomeUnknown:
    case Stage::SafetyBackupFailed:
    case Stage::Failed:
        return true;
    default:
        return false;
    }
}

// The restore request itself is on the wire or being recovered: closing now would leave the
// admin without its outcome.
bool isSendingRestore(Stage stage) {
    return stage == Stage::Restoring || stage == Stage::LookingForLostRestore;
}

// The height at which edit shows the first lines of text whole (as many as it has, up to
// shown), each as high as its own characters make it (Chinese ones are taller than the font's
// Latin line), if none is wrapped.
int heightOfLines(const QPlainTextEdit *edit, const QStringList &lines, int shown) {
    int height = 0;
    for (int i = 0; i < std::min(int(lines.size()), shown); ++i) {
        QTextLayout layout(lines.at(i).isEmpty() ? QStringLiteral(" ") : lines.at(i), edit->font());
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(1e6); // one line, however long
        height += qCeil(line.height());
        layout.endLayout();
    }
    // QPlainTextEdit wants its document's margin at the top and bottom and a pixel more before
    // it calls the last line shown.
    const QMargins margins = edit->contentsMargins();
    return qCeil(height + 2 * edit->document()->documentMargin()) + 1 + margins.top() +
           margins.bottom();
}

} // namespace

RestoreDialog::RestoreDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                             const QList<dcs::Backup> &backups,
                             const QList<dcs::RestoreRecord> &restores, const Options &options,
                             QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::RestoreDialog>())
    , m_client(client)
    , m_instance(instance)
    , m_restores(restores)
    , m_options(options)
    , m_backups(new BackupTableModel(this)) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("restoreDialog"));
    // Everything above the buttons is in a scroll area that asks for all of it: the dialog grows
    // with what the restore adds (its stage, an error, its ID, the verification), but no taller
    // than its screen, and the buttons keep their row in sight; the rest scrolls.
    ui->formScrollArea->setMinimumHeightFor(
        [this](int contentMinimum) { return formMinimumHeight(contentMinimum); });
    // The size it was designed at, no taller than the screen with a title bar.
    if (const QScreen *shown = screen())
        resize(width(), std::min(height(), shown->availableGeometry().height() -
                                               style()->pixelMetric(QStyle::PM_TitleBarHeight)));
    // Values of the account and the instance, shown as they are in every language (the walk in
    // tst_i18n skips widgets marked so).
    for (QLabel *value : {ui->instanceNameLabel, ui->instanceIdLabel, ui->profileNameLabel,
                          ui->regionLabel, ui->projectIdLabel})
        value->setProperty("dcsData", true);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // Typing the name is the confirmation: Enter must not press OK by itself.
    ui->buttonBox->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(false);
    ui->resultFrame->setVisible(false);
    // What is said beside the buttons takes the width they leave, not a narrow column.
    ui->buttonLayout->setStretchFactor(ui->postingLabel, 1);
    ui->lookAgainButton->setVisible(false);
    ui->stageLabel->setVisible(false);
    ui->stageProgress->setVisible(false);
    ui->restoreErrorPanel->clear();

    QFont titleFont = ui->instanceNameLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    ui->instanceNameLabel->setFont(titleFont);
    ui->productionBadge->setVisible(m_options.production);
    // Captions next to their values, the two pairs of columns apart; the rest of the width free.
    ui->headerGrid->setColumnStretch(4, 1);
    ui->headerGrid->setColumnMinimumWidth(1, 260);
    ui->instanceIdCaption->setIndent(24);
    ui->instanceTypeCaption->setIndent(24);
    ui->instanceStatusCaption->setIndent(24);
    for (QLabel *value : {ui->profileNameLabel, ui->regionLabel, ui->projectIdLabel,
                          ui->instanceIdLabel, ui->instanceTypeLabel, ui->instanceStatusLabel}) {
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
    }
    // The theme's colours, again when it changes: the header, the badge, the lines in colour,
    // the verification's state and result.
    ConsolePalette::follow(this, [this] {
        restyle();
        if (ui->backupChooser->selectionModel()) {
            updateVerifyAccess();
            updateVerificationView();
            updateStage();
            updateState();
        }
    });

    m_backups->setOnlyRestorableSelectable(true);
    m_backups->setBackups(backups);
    ui->backupChooser->setModel(m_backups);
    const auto recount = [this] {
        m_restorableCount = -1;
    };
    connect(m_backups, &QAbstractItemModel::modelReset, this, recount);
    connect(m_backups, &QAbstractItemModel::rowsInserted, this, recount);
    connect(m_backups, &QAbstractItemModel::rowsRemoved, this, recount);
    connect(m_backups, &QAbstractItemModel::dataChanged, this, recount);
    ui->backupChooser->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    // The table is what gives up room when the dialog is short of it (a larger font, a longer
    // translation, the restore's outcome and verification shown, a smaller dialog): it asks for
    // four rows, the texts beside and below keep every line, and it takes what is left.
    ui->backupChooser->setMinimumRows(4);
    ui->backupChooser->setItemDelegateForColumn(BackupTableModel::Status,
                                                new StatusBadgeDelegate(ui->backupChooser));
    // What the choice is made by — name, time, status, size, the admin's remark, and whether
    // (and why not) it can be restored — across the whole width: no sideways scrolling. Type
    // and format are in the impact preview.
    for (int column : {int(BackupTableModel::Type), int(BackupTableModel::Format),
                       int(BackupTableModel::Progress)})
        ui->backupChooser->setColumnHidden(column, true);
    auto *header = ui->backupChooser->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Widths from the rows in sight and a sample: an instance may have 100,000 backups.
    header->setResizeContentsPrecision(200);
    header->setSectionResizeMode(BackupTableModel::Remark, QHeaderView::Stretch);
    header->moveSection(header->visualIndex(BackupTableModel::Created), 1);

    ui->backUpFirstCheck->setChecked(backUpFirstByDefault(m_instance));
    ui->backUpFirstCheck->setEnabled(m_instance.supportsBackup());

    connect(ui->backupChooser->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RestoreDialog::onBackupChosen);
    connect(ui->remarkEdit, &QPlainTextEdit::textChanged, this, [this] {
        enforceRemarkLength();
        updateState();
    });
    connect(ui->confirmNameEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        // The name confirms the backup chosen while it was typed, and no other.
        m_confirmedBackupId = text.isEmpty() ? QString() : selectedBackupId();
        if (!text.isEmpty())
            ui->confirmHintLabel->clear();
        updateState();
    });
    connect(ui->backUpFirstCheck, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &RestoreDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->lookAgainButton, &QPushButton::clicked, this, &RestoreDialog::lookAgain);
    connect(ui->copyRestoreIdButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(ui->restoreIdEdit->text());
        ui->postingLabel->setText(tr("Restore ID copied to the clipboard."));
    });

    ui->verificationGroup->setVisible(false);
    connect(ui->verifyCheck, &QCheckBox::clicked, this, [this] { m_verifyTouched = true; });
    connect(ui->verifyCheck, &QCheckBox::toggled, this, [this] {
        updateVerifyAccess();
        updateState();
    });
    connect(ui->verifyPasswordButton, &QPushButton::clicked, this,
            [this] { probeInstance(ui->verifyPasswordEdit->text(), true); });
    connect(ui->verifyPasswordEdit, &QLineEdit::returnPressed, this,
            [this] { probeInstance(ui->verifyPasswordEdit->text(), true); });
    connect(ui->verifyPasswordEdit, &QLineEdit::textChanged, this, [this] { updateState(); });
    connect(ui->verifyKeysEdit, &QLineEdit::textChanged, this, [this] {
        updateVerifyAccess();
        updateState();
    });

    selectFirstRestorable();
    connectFollowing();
    setUpVerification();
    retranslate();
    updateState();
    // What the caller had may be stale (a backup may have finished since): read it again,
    // unless it is known to be whole and current.
    if (!m_options.backupsAreCurrent)
        reloadBackups();
    readBusyState();
}

void RestoreDialog::connectFollowing() {
    dcs::FollowedRestores *followed = m_options.followed;
    if (!followed)
        return;
    // The workflow hands its restore over before it says Accepted: the first of these may come
    // before onWorkflowFinished().
    connect(followed, &dcs::FollowedRestores::followed, this,
            [this](const dcs::PendingRestore &restore) {
                if (!isThisRestore(restore) || m_outcome != Outcome::None)
                    return;
                m_outcome = Outcome::Following;
                updateStage();
            });
    connect(followed, &dcs::FollowedRestores::progress, this,
            [this](const dcs::PendingRestore &restore, const dcs::RestoreRecord &record) {
                if (!isThisRestore(restore) || m_outcome != Outcome::Following)
                    return;
                m_record = record;
                updateStage();
            });
    connect(followed, &dcs::FollowedRestores::finished, this,
            [this](const dcs::PendingRestore &restore, const dcs::RestoreRecord &record) {
                if (!isThisRestore(restore))
                    return;
                m_record = record;
                m_outcome = record.status == QLatin1String("succeed") ? Outcome::Succeeded
                                                                      : Outcome::Failed;
                showOutcome();
            });
    connect(followed, &dcs::FollowedRestores::timedOut, this,
            [this](const dcs::PendingRestore &restore) {
                if (!isThisRestore(restore))
                    return;
                m_outcome = Outcome::NoLongerFollowed;
                showOutcome();
            });
}

bool RestoreDialog::isThisRestore(const dcs::PendingRestore &restore) const {
    return m_workflow && !restore.restoreId.isEmpty() &&
           restore.restoreId == m_workflow->restoreId() &&
           restore.profileId == m_options.context.profileId;
}

void RestoreDialog::showOutcome() {
    const QString id = m_workflow ? m_workflow->restoreId() : m_restoreId;
    if (m_outcome == Outcome::Failed) {
        const QString code = m_record.errorCode;
        ui->restoreErrorPanel->showMessage(
            [id] { return tr("Restore %1 failed").arg(id); },
            [code] {
                return code.isEmpty()
                           ? tr("The service gave no error code.")
                           : tr("Error code: %1\n%2").arg(code, dcs::explainRecordErrorCode(code));
            });
    }
    retranslate();
    updateStage();
    updateState();
}

RestoreDialog::~RestoreDialog() = default;

bool RestoreDialog::backUpFirstByDefault(const dcs::Instance &instance) {
    switch (instance.type()) {
    case dcs::InstanceType::MasterStandby:
    case dcs::InstanceType::Cluster:
    case dcs::InstanceType::Proxy:
    case dcs::InstanceType::ReadWriteSplit:
        return true;
    case dcs::InstanceType::Single:
    case dcs::InstanceType::Unknown:
        break;
    }
    return false;
}

bool RestoreDialog::selectBackup(const QString &backupId) {
    const int row = m_backups->rowOf(backupId);
    if (row < 0 || !m_backups->index(row, 0).data(ModelRoles::Restorable).toBool())
        return false;
    ui->backupChooser->selectRow(row);
    ui->backupChooser->scrollTo(m_backups->index(row, 0));
    return true;
}

void RestoreDialog::selectFirstRestorable() {
    // The newest backup that can be used; the user sees what was chosen.
    for (int row = 0; row < m_backups->rowCount(); ++row) {
        if (m_backups->index(row, 0).data(ModelRoles::Restorable).toBool()) {
            ui->backupChooser->selectRow(row);
            return;
        }
    }
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

bool RestoreDialog::isPosting() const {
    return m_workflow && !isResting(m_workflow->stage());
}

bool RestoreDialog::confirmationMatches() const {
    // Exactly: no trimming, no case folding — the point is to read the name, not to guess it.
    return !m_instance.name.isEmpty() && ui->confirmNameEdit->text() == m_instance.name;
}

QList<dcs::PreflightFinding> RestoreDialog::findings() const {
    dcs::PreflightInput input;
    input.instance = m_instance;
    input.backup = selectedBackup();
    input.backups = m_backups->backups();
    input.restores = m_restores;
    input.tasks = m_tasks;
    input.now = QDateTime::currentDateTimeUtc();
    input.oldBackupWarningSeconds = m_options.oldBackupWarningSeconds;
    return dcs::RestorePreflight::check(input);
}

void RestoreDialog::restyle() {
    using Role = ConsolePalette::Role;
    ui->productionBadge->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold; "
                       "border-radius: 3px; padding: 2px 8px; }")
            .arg(ConsolePalette::name(Role::ProductionFill),
                 ConsolePalette::name(Role::OnProductionFill)));
    ui->headerFrame->setStyleSheet(
        m_options.production
            ? QStringLiteral("#headerFrame { background: %1; border: 2px solid %2; "
                             "border-radius: 4px; }")
                  .arg(ConsolePalette::name(Role::DangerSurface),
                       ConsolePalette::name(Role::ProductionFill))
            : QStringLiteral("#headerFrame { border: 1px solid palette(mid); border-radius: 4px; "
                             "}"));
    ui->confirmHintLabel->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::Tone::Caution));
}

void RestoreDialog::onBackupChosen() {
    if (m_reselecting)
        return;
    // A name typed for another backup confirms nothing: it is cleared and must be typed again.
    if (!ui->confirmNameEdit->text().isEmpty() && selectedBackupId() != m_confirmedBackupId &&
        !isPosting() && !m_done) {
        ui->confirmNameEdit->clear();
        ui->confirmHintLabel->setText(
            tr("The backup changed: type the instance name again to confirm this one."));
    }
    updateState();
}

void RestoreDialog::updateConfirmTarget() {
    const dcs::Backup *backup = selectedBackup();
    QString text;
    if (!backup) {
        text = escaped(tr("Choose a backup above; typing the name confirms that backup."));
    } else {
        const dcs::RestoreImpact impact =
            dcs::RestoreImpact::compute(m_instance, *backup, QDateTime::currentDateTimeUtc());
        text = tr("Restore <b>%1</b> from the backup <b>%2</b>, taken %3 (%4 ago).")
                   .arg(escaped(m_instance.name), escaped(DisplayText::orNone(backup->backupName)),
                        escaped(DisplayText::dateTimeMinutes(impact.backupTakenAt)),
                        escaped(dcs::RestoreImpact::durationText(impact.lossWindowSeconds)));
    }
    ui->confirmTargetLabel->setText(text);
    ui->confirmTargetLabel->setAccessibleName(QTextDocumentFragment::fromHtml(text).toPlainText());
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
                if (!m_workflow)
                    ui->restoreErrorPanel->showError(
                        result.error, [] { return tr("The backups could not be reloaded"); });
                updateState();
                return;
            }
            const QString selected = selectedBackupId();
            const QString keep = m_postedBackupId.isEmpty() ? selected : m_postedBackupId;
            {
                // The same backup chosen again is no change of the choice.
                const QScopedValueRollback<bool> reselecting(m_reselecting, true);
                m_backups->setBackups(result.value);
                // Never change what was sent while sending or after.
                if (!keep.isEmpty() && selectBackup(keep)) {
                } else if (!isPosting() && !m_done) {
                    selectFirstRestorable();
                }
            }
            onBackupChosen();
        });
}

// v2 tells more about what runs on the instance (dcs-api-v2.md §2, §9): its background tasks, and
// ShowInstance's "task". The preflight names what would collide. On v1.0 neither exists and the
// dialog goes by the records alone.
void RestoreDialog::readBusyState() {
    if (!m_client || m_client->apiVersion() == dcs::ApiVersion::V1)
        return;
    const dcs::TimeRange lastWeek{QDateTime::currentDateTimeUtc().addDays(-7), {}};
    m_client->listTasks(m_instance.instanceId, lastWeek, this,
                        [this](const dcs::ApiResult<QList<dcs::BackgroundTask>> &result) {
                            if (!result.ok())
                                return; // unknown is not "none running": the service decides
                            m_tasks = result.value;
                            updateState();
                        });
    m_client->showInstance(m_instance.instanceId, this,
                           [this](const dcs::ApiResult<dcs::Instance> &result) {
                               if (!result.ok() || result.value.instanceId != m_instance.instanceId)
                                   return;
                               m_instance.task = result.value.task;
                               updateState();
                           });
}

void RestoreDialog::enforceRemarkLength() {
    const QString text = ui->remarkEdit->toPlainText();
    // At most MaxRemarkBytes of UTF-8, cut between characters; typing goes on at the end.
    const QString fitted = dcs::remark::fit(text, MaxRemarkBytes);
    if (fitted == text)
        return;
    const QSignalBlocker blocker(ui->remarkEdit);
    ui->remarkEdit->setPlainText(fitted);
    QTextCursor cursor = ui->remarkEdit->textCursor();
    cursor.movePosition(QTextCursor::End);
    ui->remarkEdit->setTextCursor(cursor);
}

void RestoreDialog::updateImpact() {
    const dcs::Backup *backup = selectedBackup();
    if (!backup) {
        ui->lossWindowLabel->setText(escaped(tr("Choose a backup to see what the restore costs.")));
        ui->sizeLabel->clear();
        ui->backupDetailsLabel->clear();
    } else {
        const dcs::RestoreImpact impact =
            dcs::RestoreImpact::compute(m_instance, *backup, QDateTime::currentDateTimeUtc());
        const QString taken = DisplayText::dateTimeMinutes(impact.backupTakenAt);
        ui->lossWindowLabel->setText(ConsolePalette::span(
            ConsolePalette::Role::DangerText,
            QStringLiteral("<b>%1</b>")
                .arg(escaped(
                    tr("Writes after %1 — %2 — will be lost.")
                        .arg(taken, dcs::RestoreImpact::durationText(impact.lossWindowSeconds))))));
        const QString used = impact.usedMemoryBytes > 0
                                 ? DisplayText::dataSize(impact.usedMemoryBytes)
                                 : DisplayText::none();
        const QString max = impact.maxMemoryBytes > 0 ? DisplayText::dataSize(impact.maxMemoryBytes)
                                                      : DisplayText::none();
        QString size = tr("Backup size %1 — the instance now uses %2 of %3 memory.")
                           .arg(DisplayText::dataSize(impact.backupSizeBytes), used, max);
        if (impact.maxMemoryBytes > 0 && impact.backupSizeBytes > impact.maxMemoryBytes)
            size += QLatin1Char(' ') +
                    tr("The backup is larger than the instance's maximum memory: the restore may "
                       "fail.");
        ui->sizeLabel->setText(size);
        const QString format =
            impact.backupFormat.isEmpty() ? DisplayText::none() : impact.backupFormat.toUpper();
        const QString engine =
            QStringLiteral("%1 %2").arg(impact.engine, impact.engineVersion).trimmed();
        ui->backupDetailsLabel->setText(tr("Format: %1 · Type: %2 · Engine: %3")
                                            .arg(format, DisplayText::backupType(impact.backupType),
                                                 engine.isEmpty() ? DisplayText::none() : engine));
    }
    ui->outageLabel->setText(
        QStringLiteral("<b>%1</b>")
            .arg(escaped(tr("The instance will not serve reads or writes while it restores."))));
}

void RestoreDialog::updateState() {
    const int length = dcs::remark::utf8Bytes(ui->remarkEdit->toPlainText());
    ui->remarkCounter->setText(tr("%1 / %2").arg(length).arg(MaxRemarkBytes));

    // Counted when the list changes, not on every key typed in the remark (an instance may have
    // 100,000 backups).
    if (m_restorableCount < 0) {
        const QList<dcs::Backup> &backups = m_backups->backups();
        m_restorableCount =
            int(std::count_if(backups.cbegin(), backups.cend(),
                              [](const dcs::Backup &b) { return b.isRestorable(); }));
    }
    const int restorable = m_restorableCount;
    if (m_loadingBackups && m_backups->rowCount() == 0)
        ui->backupsStateLabel->setText(tr("Loading the backups…"));
    else if (m_backups->rowCount() == 0)
        ui->backupsStateLabel->setText(tr("This instance has no backups."));
    else
        ui->backupsStateLabel->setText(
            tr("%n of the backups can be restored from. The others are shown greyed out with the "
               "reason.",
               nullptr, restorable));

    // Preflight findings: what blocks, what to watch out for — each with its code.
    const QList<dcs::PreflightFinding> found = findings();
    QStringList lines;
    for (const dcs::PreflightFinding &finding : found) {
        const bool block = finding.severity == dcs::PreflightFinding::Severity::Block;
        // The service's refusal code (DCS.4097 …) is worth quoting to support; the console's
        // own codes (backup-old …) are never shown.
        QString text = escaped(finding.reason);
        if (finding.code.startsWith(QLatin1String("DCS.")) &&
            !finding.reason.contains(finding.code))
            text += QStringLiteral(" (%1)").arg(escaped(finding.code));
        lines << QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                     .arg(ConsolePalette::name(block ? ConsolePalette::Role::DangerText
                                                     : ConsolePalette::Role::CautionText),
                          block ? QStringLiteral("✖") : QStringLiteral("⚠"), text);
    }
    const bool blocked = dcs::RestorePreflight::blocks(found);
    const dcs::Backup *backup = selectedBackup();
    if (!blocked && backup) {
        lines << ConsolePalette::span(
            ConsolePalette::Role::SuccessText,
            QStringLiteral("✔ %1").arg(
                escaped(found.isEmpty() ? tr("No check stands in the way of this restore.")
                                        : tr("Nothing blocks this restore; read the warnings."))));
    } else if (!backup && !blocked) {
        lines << escaped(tr("Choose a backup to restore from."));
    }
    ui->preflightLabel->setText(lines.join(QStringLiteral("<br>")));
    updateImpact();
    updateConfirmTarget();

    const bool busy = isPosting();
    const bool unknown = m_workflow && m_workflow->stage() == Stage::OutcomeUnknown;
    const bool editable = !busy && !m_done && !unknown;
    const bool typed = confirmationMatches();
    const bool keysUnclosed = verifyKeysUnclosed();
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok)) {
        ok->setEnabled(editable && backup && !blocked && typed && !keysUnclosed && m_client &&
                       m_options.followed);
        QString why;
        if (blocked)
            why = tr("The checks above block this restore.");
        else if (!backup)
            why = tr("Choose a backup to restore from.");
        else if (!typed)
            why = tr("Type the instance name exactly to confirm.");
        else if (keysUnclosed)
            why = verifyKeysUnclosedText();
        ok->setToolTip(why);
    }
    if (QPushButton *cancel = ui->buttonBox->button(QDialogButtonBox::Cancel)) {
        const bool sending = m_workflow && isSendingRestore(m_workflow->stage());
        cancel->setEnabled(!sending);
        cancel->setToolTip(sending ? tr("Wait for the answer to the restore request.") : QString());
    }
    // While sending and after, what was sent stays visible as it was.
    ui->backupChooser->setEnabled(editable);
    ui->remarkEdit->setReadOnly(!editable);
    ui->confirmNameEdit->setReadOnly(!editable);
    ui->backUpFirstCheck->setEnabled(editable && m_instance.supportsBackup());
    ui->confirmNameEdit->setStyleSheet(!ui->confirmNameEdit->text().isEmpty() && !typed
                                           ? ConsolePalette::dangerFrameStyle()
                                           : QString());
    ui->verifyCheck->setEnabled(editable && m_verifyAccess == VerifyAccess::Answers);
    const bool keysShown =
        m_verifyAccess == VerifyAccess::Answers && (ui->verifyCheck->isChecked() || m_verifying);
    ui->verifyKeysCaption->setVisible(keysShown);
    ui->verifyKeysEdit->setVisible(keysShown);
    ui->verifyKeysEdit->setReadOnly(!editable);
    ui->verifyKeysEdit->setStyleSheet(keysUnclosed ? ConsolePalette::dangerFrameStyle()
                                                   : QString());
    ui->verifyPasswordEdit->setReadOnly(!editable);
    ui->verifyPasswordButton->setEnabled(editable && m_verifyAccess != VerifyAccess::Probing &&
                                         !ui->verifyPasswordEdit->text().isEmpty());
    ui->lookAgainButton->setVisible(
        m_workflow && (unknown || m_workflow->stage() == Stage::LookingForLostRestore));
    ui->lookAgainButton->setEnabled(unknown);
}

void RestoreDialog::updateStage() {
    if (!m_workflow) {
        ui->stageLabel->setVisible(false);
        ui->stageProgress->setVisible(false);
        return;
    }
    QString text;
    QString style;
    bool showProgress = true;
    bool indeterminate = true;
    double progress = m_safetyProgress;
    switch (m_workflow->stage()) {
    case Stage::Idle:
        showProgress = false;
        break;
    case Stage::ReadingRecords:
        text = tr("Reading the instance's restore records…");
        break;
    case Stage::Checking:
        text = tr("Checking the instance once more before sending…");
        break;
    case Stage::CreatingSafetyBackup:
        text = tr("Creating the safety backup…");
        break;
    case Stage::WaitingForSafetyBackup:
        text = tr("Waiting for the safety backup %1 to succeed before restoring…")
                   .arg(m_workflow->safetyBackupId());
        indeterminate = false;
        break;
    case Stage::RecordingFingerprint:
        text = tr("Recording the instance's fingerprint before the restore…");
        break;
    case Stage::Restoring:
        text = tr("Restoring: sending the restore request…");
        break;
    case Stage::LookingForLostRestore:
        text = tr("The answer to the restore request was lost. Looking for its record — nothing "
                  "is sent again…");
        break;
    case Stage::Accepted: {
        const QString accepted = m_workflow->safetyBackupId().isEmpty()
                                     ? tr("Restore accepted by the service.")
                                     : tr("Restore accepted by the service. Safety backup: %1")
                                           .arg(m_workflow->safetyBackupId());
        showProgress = false;
        switch (m_outcome) {
        case Outcome::None:
            text = accepted;
            break;
        case Outcome::Following:
            // The record as the service reports it, read again until it has ended.
            text =
                accepted + QLatin1Char('\n') +
                (m_record.status.isEmpty() ? tr("Following its progress…")
                                           : tr("%1: %2 done.")
                                                 .arg(DisplayText::restoreStatus(m_record.status),
                                                      DisplayText::percent(m_record.progress)));
            showProgress = true;
            indeterminate = false;
            progress = m_record.progress;
            break;
        case Outcome::Succeeded:
            text = m_workflow->safetyBackupId().isEmpty()
                       ? tr("The restore succeeded.")
                       : tr("The restore succeeded. Safety backup: %1")
                             .arg(m_workflow->safetyBackupId());
            style = ConsolePalette::textStyle(ConsolePalette::Tone::Success);
            break;
        case Outcome::Failed:
            text = tr("The restore failed.");
            style = ConsolePalette::textStyle(ConsolePalette::Tone::Danger);
            break;
        case Outcome::NoLongerFollowed:
            text = accepted + QLatin1Char('\n') +
                   tr("It did not end in the expected time and is no longer followed; its record "
                      "shows how it ends.");
            break;
        }
        break;
    }
    case Stage::Refused:
        text = tr("The service refused the restore.");
        showProgress = false;
        break;
    case Stage::Blocked:
        text = tr("Checked once more before sending: the restore was not sent.");
        showProgress = false;
        break;
    case Stage::OutcomeUnknown:
        text = tr("The outcome of the restore is unknown.");
        showProgress = false;
        break;
    case Stage::SafetyBackupFailed:
        text = tr("The safety backup did not succeed: nothing was restored.");
        showProgress = false;
        break;
    case Stage::Failed:
        text = tr("The restore could not be started.");
        showProgress = false;
        break;
    }
    ui->stageLabel->setText(text);
    ui->stageLabel->setStyleSheet(style);
    // Qt 6.4 has no announcement event: a screen reader is told when the name of the label
    // changes, and reads the description with it.
    if (ui->stageLabel->accessibleName() != text) {
        ui->stageLabel->setAccessibleDescription(
            m_restoreId.isEmpty() ? QString() : tr("Restore ID: %1").arg(m_restoreId));
        ui->stageLabel->setAccessibleName(text);
    }
    ui->stageLabel->setVisible(!text.isEmpty());
    ui->stageProgress->setVisible(showProgress);
    if (indeterminate) {
        ui->stageProgress->setRange(0, 0);
    } else {
        ui->stageProgress->setRange(0, 100);
        ui->stageProgress->setValue(qRound(qBound(0.0, progress, 100.0)));
    }
}

void RestoreDialog::submit() {
    // The button is disabled while a workflow runs; this guards against a queued click as well.
    if (isPosting() || m_done || !m_client || !m_options.followed)
        return;
    if (m_workflow && m_workflow->stage() == Stage::OutcomeUnknown)
        return;
    const dcs::Backup *backup = selectedBackup();
    if (!backup || !confirmationMatches() || dcs::RestorePreflight::blocks(findings()))
        return;

    if (m_workflow)
        m_workflow->deleteLater(); // a refused or failed earlier attempt
    m_postedBackupId = backup->backupId;
    m_postedBackupName = backup->backupName;
    m_safetyProgress = 0.0;
    m_announcedSafetyBackup.clear();
    ui->restoreErrorPanel->clear();
    ui->postingLabel->clear();

    dcs::RestoreWorkflow::Options options;
    options.backUpFirst = ui->backUpFirstCheck->isChecked() && m_instance.supportsBackup();
    options.backupPollMs = m_options.backupPollMs;
    options.backupTimeoutMs = m_options.backupTimeoutMs;
    auto *workflow = new dcs::RestoreWorkflow(m_client, m_options.context, m_instance, *backup,
                                              remark(), options, m_options.followed, this);
    m_workflow = workflow;
    connect(workflow, &dcs::RestoreWorkflow::stageChanged, this, [this, workflow] {
        if (workflow != m_workflow)
            return;
        const QString safety = workflow->safetyBackupId();
        if (!safety.isEmpty() && safety != m_announcedSafetyBackup) {
            m_announcedSafetyBackup = safety;
            Q_EMIT safetyBackupCreated(m_instance.instanceId, safety);
        }
        updateStage();
        updateState();
    });
    connect(workflow, &dcs::RestoreWorkflow::safetyBackupProgress, this,
            [this, workflow](double percent) {
                if (workflow != m_workflow)
                    return;
                m_safetyProgress = percent;
                updateStage();
            });
    connect(workflow, &dcs::RestoreWorkflow::finished, this, [this, workflow] {
        if (workflow == m_workflow)
            onWorkflowFinished();
    });
    m_verifying = false;
    if (ui->verifyCheck->isChecked() && m_verifyAccess == VerifyAccess::Answers)
        attachVerification(workflow);
    updateVerificationView();
    updateStage();
    updateState();
    workflow->start();
}

void RestoreDialog::lookAgain() {
    if (!m_workflow || m_workflow->stage() != Stage::OutcomeUnknown)
        return;
    ui->restoreErrorPanel->clear();
    m_workflow->lookAgain();
    updateStage();
    updateState();
}

void RestoreDialog::onWorkflowFinished() {
    dcs::RestoreWorkflow *workflow = m_workflow;
    const Stage stage = workflow->stage();
    const dcs::ApiError error = workflow->error();
    const QString safety = workflow->safetyBackupId();
    if (!safety.isEmpty() && safety != m_announcedSafetyBackup) {
        m_announcedSafetyBackup = safety;
        Q_EMIT safetyBackupCreated(m_instance.instanceId, safety);
    }
    switch (stage) {
    case Stage::Accepted: {
        m_done = true;
        m_restoreId = workflow->restoreId();
        ui->restoreErrorPanel->clear();
        ui->restoreIdEdit->setText(m_restoreId);
        ui->resultFrame->setVisible(true);
        ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
        ui->buttonBox->button(QDialogButtonBox::Close)
            ->setObjectName(QStringLiteral("closeButton"));
        Q_EMIT restoreAccepted(m_instance.instanceId, m_restoreId);
        break;
    }
    case Stage::Refused:
    case Stage::Blocked:
        ui->restoreErrorPanel->showError(error, [] { return tr("The restore was not started"); });
        break;
    case Stage::OutcomeUnknown: {
        const QString backupName = m_postedBackupName;
        const QString summary = error.isError() ? error.summary() : QString();
        ui->restoreErrorPanel->showMessage(
            [] { return tr("The outcome of the restore is unknown"); },
            [backupName, summary] {
                QString text =
                    tr("The restore request got no answer and no new restore record of backup %1 "
                       "was found. Nothing is sent again: press Look Again to read the restore "
                       "records once more, and check them before trying again.")
                        .arg(backupName);
                if (!summary.isEmpty())
                    text += QLatin1Char('\n') + summary;
                return text;
            });
        break;
    }
    case Stage::SafetyBackupFailed:
        if (error.isError()) {
            ui->restoreErrorPanel->showError(
                error, [] { return tr("The safety backup failed — nothing was restored"); });
        } else {
            const dcs::Backup backup = workflow->safetyBackup();
            ui->restoreErrorPanel->showMessage(
                [] { return tr("The safety backup failed — nothing was restored"); },
                [safety, backup] {
                    QString text =
                        tr("Safety backup %1 did not succeed (%2), so the restore was not sent. "
                           "The instance's data is unchanged.")
                            .arg(safety.isEmpty() ? DisplayText::none() : safety,
                                 backup.status.isEmpty()
                                     ? tr("it did not end in time")
                                     : DisplayText::backupStatus(backup.status));
                    if (!backup.errorCode.isEmpty())
                        text += QLatin1Char('\n') +
                                tr("Error code %1: %2")
                                    .arg(backup.errorCode,
                                         dcs::explainRecordErrorCode(backup.errorCode));
                    return text;
                });
        }
        break;
    case Stage::Failed:
        ui->restoreErrorPanel->showError(error,
                                         [] { return tr("The restore could not be started"); });
        break;
    default:
        break;
    }
    retranslate();
    updateStage();
    updateState();
    // The safety backup (and a finished one) show up in the list.
    if (!safety.isEmpty())
        reloadBackups();
    Q_EMIT workflowFinished(stage);
}

int RestoreDialog::formMinimumHeight(int contentMinimum) const {
    const QScreen *shown = screen();
    if (!shown)
        return contentMinimum;
    // The screen's height, less the window's title bar (once the window system has said), the
    // margins and the row of buttons.
    const QMargins margins = layout()->contentsMargins();
    const int left = shown->availableGeometry().height() - (frameGeometry().height() - height()) -
                     margins.top() - margins.bottom() - layout()->spacing() -
                     ui->buttonLayout->minimumSize().height();
    // The form itself (the header, the backups, what the restore does, the confirmation) stays
    // whole as before; what the restore adds below it scrolls when the screen is short of room.
    int added = 0;
    for (int i = ui->formLayout->indexOf(ui->columnsLayout) + 1; i < ui->formLayout->count(); ++i) {
        QLayoutItem *item = ui->formLayout->itemAt(i);
        if (!item->isEmpty())
            added += item->minimumSize().height() + ui->formLayout->spacing();
    }
    return std::max(contentMinimum - added, std::min(contentMinimum, left));
}

void RestoreDialog::resizeEvent(QResizeEvent *event) {
    QDialog::resizeEvent(event);
    // Grown downwards (what the restore adds): moved up as far as needed to keep the buttons on
    // the screen.
    if (isVisible() && event->oldSize().isValid() &&
        event->size().height() > event->oldSize().height())
        fitToScreen();
}

void RestoreDialog::fitToScreen() {
    const QScreen *shown = screen();
    if (!shown || !isVisible())
        return;
    const QRect available = shown->availableGeometry();
    const int below = frameGeometry().bottom() - available.bottom();
    if (below > 0)
        move(x(), std::max(available.top(), y() - below));
}

void RestoreDialog::showEvent(QShowEvent *event) {
    QDialog::showEvent(event);
    // A button box makes its OK button the default when it is shown; Enter in the name field
    // must not restore, so it is no default.
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setDefault(false);
    // Its bottom on the screen (the window system placed it; its frame is known by then).
    QTimer::singleShot(0, this, [this] { fitToScreen(); });
}

bool RestoreDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QDialog::event(event);
    // Another screen, another height to fit in.
    if (event->type() == QEvent::ScreenChangeInternal)
        ui->formScrollArea->updateGeometry();
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
        updateStage();
        updateState();
    }
    return handled;
}

void RestoreDialog::retranslate() {
    updateVerifyAccess();
    updateVerificationView();
    ui->instanceNameLabel->setText(DisplayText::orNone(m_instance.name));
    ui->instanceIdLabel->setText(DisplayText::orNone(m_instance.instanceId));
    ui->instanceTypeLabel->setText(dcs::instanceTypeDisplayName(m_instance.type()));
    ui->instanceStatusLabel->setText(DisplayText::instanceStatus(m_instance.status));
    ui->profileNameLabel->setText(DisplayText::orNone(m_options.context.profileName));
    ui->regionLabel->setText(
        DisplayText::orNone(dcs::regions::idWithName(m_options.context.region)));
    ui->projectIdLabel->setText(DisplayText::orNone(m_options.context.projectId));
    ui->backUpFirstCheck->setToolTip(
        m_instance.supportsBackup()
            ? tr("A manual backup named after this restore is created first; the restore is sent "
                 "only when it has succeeded. If it fails, nothing is restored.")
            : tr("This instance type cannot be backed up."));
    setWindowTitle(tr("Restore %1 from a Backup").arg(m_instance.name));
    ui->backupChooser->setAccessibleName(tr("Backup to restore from"));
    ui->backupChooser->setAccessibleDescription(
        tr("The backups of this instance. The arrows choose one; those that cannot be restored "
           "say why and cannot be chosen."));
    ui->remarkEdit->setAccessibleName(tr("Remark"));
    ui->remarkEdit->setAccessibleDescription(
        tr("Optional, up to %1 bytes of UTF-8 (a Chinese character takes three); kept with "
           "the restore record.")
            .arg(MaxRemarkBytes));
    ui->confirmNameEdit->setAccessibleDescription(
        tr("Type the instance name exactly; it confirms the chosen backup."));
    ui->verifyCheck->setAccessibleDescription(
        tr("Counts and samples the instance's keys before and after the restore; the "
           "difference is shown here and kept in the audit trail."));
    ui->verifyPasswordEdit->setAccessibleDescription(
        tr("The cache instance's own password, for the verification only; kept in the keychain "
           "once the instance accepts it."));
    ui->verifyPasswordButton->setAccessibleDescription(tr("Tries the password on the instance"));
    ui->verifyKeysEdit->setAccessibleDescription(ui->verifyKeysEdit->toolTip());
    ui->restoreIdEdit->setAccessibleName(tr("Restore ID"));
    ui->restoreIdEdit->setAccessibleDescription(tr("The ID of the restore, to copy"));
    ui->copyRestoreIdButton->setToolTip(tr("Copy the restore ID to the clipboard"));
    if (QPushButton *cancel = ui->buttonBox->button(QDialogButtonBox::Cancel))
        cancel->setAccessibleDescription(tr("Closes the dialog without restoring"));
    if (QPushButton *close = ui->buttonBox->button(QDialogButtonBox::Close))
        close->setAccessibleDescription(
            tr("Closes the dialog; the restore goes on being followed"));
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok)) {
        ok->setText(tr("&Restore"));
        ok->setAccessibleDescription(
            tr("Restores the instance from the chosen backup once its name is typed"));
    }
    if (m_done) {
        const bool recovered = m_workflow && m_workflow->recoveredAfterLostAnswer();
        switch (m_outcome) {
        case Outcome::Succeeded:
            ui->resultLabel->setText(tr("Restore succeeded. Restore ID:"));
            ui->postingLabel->setText(tr("It is listed under Restore records too."));
            break;
        case Outcome::Failed:
            ui->resultLabel->setText(tr("Restore failed. Restore ID:"));
            ui->postingLabel->setText(tr("It is listed under Restore records too."));
            break;
        default:
            ui->resultLabel->setText(recovered
                                         ? tr("The answer was lost, but the restore was found. "
                                              "Restore ID:")
                                         : tr("Restore started. Restore ID:"));
            ui->postingLabel->setText(tr("Closing this dialog does not stop following it."));
            break;
        }
    }
}

// "Verify the restore" is offered when the console reaches the instance's Redis at the address
// the API gives: a password kept for this instance is tried first, else none.
void RestoreDialog::setUpVerification() {
    m_verifyTarget = dcs::RedisTarget::forInstance(m_instance);
    m_verifyTarget.timeoutMs = m_options.verifyTimeoutMs;
    const bool memcached =
        m_instance.engine.compare(QLatin1String("Memcached"), Qt::CaseInsensitive) == 0;
    // The simulator's real servers are on loopback; any other address it gives is made up and
    // may be an unrelated server on the user's network: never connected to.
    m_simulatedAddress =
        m_options.simulator && m_verifyTarget.isValid() && !m_verifyTarget.isLoopback();
    if (memcached || !m_verifyTarget.isValid() || !m_instance.isTrusted() || m_simulatedAddress) {
        m_verifyAccess = VerifyAccess::Unavailable;
        ui->verifyCheck->setChecked(false);
        updateVerifyAccess();
        return;
    }
    m_verifyAccess = VerifyAccess::Probing;
    updateVerifyAccess();
    if (m_options.secrets && !m_options.context.profileId.isEmpty()) {
        m_options.secrets->readInstancePassword(m_options.context.profileId, m_instance.instanceId,
                                                this, [this](const QString &password, bool found) {
                                                    probeInstance(found ? password : QString(),
                                                                  false);
                                                });
    } else {
        probeInstance({}, false);
    }
}

void RestoreDialog::probeInstance(const QString &password, bool typed) {
    if (m_verifyAccess == VerifyAccess::Unavailable || m_workflow || m_done)
        return;
    const int serial = ++m_probeSerial;
    m_verifyAccess = VerifyAccess::Probing;
    dcs::RedisTarget target = m_verifyTarget;
    target.password = password;
    target.timeoutMs = m_options.probeTimeoutMs;
    updateVerifyAccess();
    updateState();
    // Reaching the instance may take the whole time limit: never on this thread.
    dcs::runRedisWork(
        this, [target] { return dcs::probeRedis(target); },
        [this, serial, password, typed](const dcs::RedisProbe &probe) {
            if (serial != m_probeSerial || m_workflow || m_done)
                return;
            m_verifyMessage = probe.message;
            using Outcome = dcs::RedisProbe::Outcome;
            switch (probe.outcome) {
            case Outcome::Answers:
                m_verifyAccess = VerifyAccess::Answers;
                m_verifyPassword = password;
                ui->verifyPasswordEdit->clear();
                if (typed && !password.isEmpty() && m_options.secrets &&
                    !m_options.context.profileId.isEmpty())
                    m_options.secrets->writeInstancePassword(m_options.context.profileId,
                                                             m_instance.instanceId, password, this);
                break;
            case Outcome::NeedsPassword:
                m_verifyAccess = VerifyAccess::NeedsPassword;
                break;
            case Outcome::WrongPassword:
                m_verifyAccess = VerifyAccess::WrongPassword;
                break;
            case Outcome::Unreachable:
                m_verifyAccess = VerifyAccess::Unreachable;
                break;
            }
            // Ticked once it can be done, unless the admin decided otherwise.
            if (m_verifyAccess != VerifyAccess::Answers)
                ui->verifyCheck->setChecked(false);
            else if (!m_verifyTouched)
                ui->verifyCheck->setChecked(true);
            const bool focusPassword = m_verifyAccess == VerifyAccess::WrongPassword && typed;
            updateVerifyAccess();
            updateState();
            if (focusPassword)
                ui->verifyPasswordEdit->setFocus();
        });
}

void RestoreDialog::updateVerifyAccess() {
    const QString address =
        QStringLiteral("%1:%2").arg(m_verifyTarget.host).arg(m_verifyTarget.port);
    QString text;
    bool askPassword = false;
    bool problem = false;
    switch (m_verifyAccess) {
    case VerifyAccess::Unavailable:
        if (m_instance.engine.compare(QLatin1String("Memcached"), Qt::CaseInsensitive) == 0)
            text = tr("Memcached instances cannot be verified: the verification reads Redis data.");
        else if (!m_instance.isTrusted())
            text = tr("This instance's record is not trusted, so it is not verified.");
        else if (m_simulatedAddress)
            text = tr("This instance is simulated: no Redis server holds its data, so the restore "
                      "cannot be verified. With redis-server installed, the Demo runs a real "
                      "server for each of its Redis instances, and their restores can be "
                      "verified.");
        else
            text = tr("The service gives no address for this instance, so the console cannot "
                      "verify the restore.");
        break;
    case VerifyAccess::Probing:
        text = tr("Checking whether the console reaches the instance at %1…").arg(address);
        break;
    case VerifyAccess::Answers:
        text = m_verifyPassword.isEmpty()
                   ? tr("The console reaches the instance at %1.").arg(address)
                   : tr("The console reaches the instance at %1 with the password kept for it.")
                         .arg(address);
        break;
    case VerifyAccess::NeedsPassword:
        text = tr("The instance at %1 needs its password to be verified.").arg(address);
        askPassword = true;
        break;
    case VerifyAccess::WrongPassword:
        text = tr("The instance at %1 answered: %2").arg(address, m_verifyMessage);
        askPassword = true;
        problem = true;
        break;
    case VerifyAccess::Unreachable:
        // The network's words name the address already; the server's do not.
        text = m_verifyMessage.contains(address)
                   ? tr("The restore cannot be verified from here: %1").arg(m_verifyMessage)
                   : tr("The restore cannot be verified from here: the instance at %1 answered: "
                        "%2")
                         .arg(address, m_verifyMessage);
        break;
    }
    if (verifyKeysUnclosed()) {
        text += QLatin1Char('\n') + verifyKeysUnclosedText();
        problem = true;
    }
    ui->verifyStateLabel->setText(text);
    ui->verifyStateLabel->setStyleSheet(
        problem ? ConsolePalette::textStyle(ConsolePalette::Tone::Caution) : QString());
    ui->verifyCheck->setVisible(m_verifyAccess != VerifyAccess::Unavailable);
    // The password is asked for only while it is needed, and never after the restore was sent.
    const bool showPassword = askPassword && !m_workflow && !m_done;
    ui->verifyPasswordCaption->setVisible(showPassword);
    ui->verifyPasswordEdit->setVisible(showPassword);
    ui->verifyPasswordButton->setVisible(showPassword);
    ui->verifyPasswordButton->setToolTip(
        tr("Connects to the instance with this password. When the instance accepts it, it is kept "
           "in the keychain for this profile."));
}

// The verification would look for other keys than the ones meant: it is not started on a guess.
bool RestoreDialog::verifyKeysUnclosed() const {
    return m_verifyAccess == VerifyAccess::Answers && ui->verifyCheck->isChecked() &&
           !m_verifying && dcs::KeyNames::parse(ui->verifyKeysEdit->text()).unclosedQuote;
}

QString RestoreDialog::verifyKeysUnclosedText() {
    return tr("A key name under \"Keys to look for\" opens a quote that is not closed.");
}

void RestoreDialog::attachVerification(dcs::RestoreWorkflow *workflow) {
    dcs::RedisTarget target = m_verifyTarget;
    target.password = m_verifyPassword;
    dcs::RestoreVerification::Options options = m_options.verification;
    for (const QByteArray &key : dcs::KeyNames::parse(ui->verifyKeysEdit->text()).names) {
        if (!options.namedKeys.contains(key))
            options.namedKeys.append(key);
    }
    // It belongs to the followed restores: it goes on, and writes its audit line, when this
    // dialog is closed.
    auto *verification = new dcs::RestoreVerification(target, options, m_options.followed);
    m_verification = verification;
    m_verifying = true;
    m_verificationStage = dcs::RestoreVerification::Stage::Idle;
    m_beforeKeys = -1;
    m_beforeSampled = 0;
    m_beforeError.clear();
    m_verificationReport = {};
    m_verificationNote.clear();
    using VStage = dcs::RestoreVerification::Stage;
    connect(verification, &dcs::RestoreVerification::stageChanged, this,
            [this, verification](VStage stage) {
                if (verification != m_verification)
                    return;
                m_verificationStage = stage;
                if (stage == VStage::WaitingForRestore) {
                    m_beforeKeys = verification->before().totalKeys();
                    m_beforeSampled = int(verification->before().keys.size());
                    m_beforeError = verification->beforeError();
                } else if (stage == VStage::Finished) {
                    m_verificationReport = verification->report();
                }
                updateVerificationView();
                // The result is below the form: scrolled into view, also as the dialog grows
                // with it.
                if (stage == VStage::Finished)
                    ui->formScrollArea->reveal(ui->verificationGroup);
            });
    connect(verification, &dcs::RestoreVerification::finished, this,
            [this, verification](const dcs::VerificationReport &report) {
                if (verification == m_verification)
                    Q_EMIT verificationFinished(report);
            });
    connect(verification, &dcs::RestoreVerification::auditFailed, this,
            [this, verification](const QString &message) {
                if (verification != m_verification)
                    return;
                m_verificationNote = message;
                updateVerificationView();
            });
    verification->attach(workflow, m_options.followed);
}

void RestoreDialog::updateVerificationView() {
    ui->verificationGroup->setVisible(m_verifying);
    if (!m_verifying)
        return;
    using VStage = dcs::RestoreVerification::Stage;
    QString text;
    QString style;
    QStringList details;
    switch (m_verificationStage) {
    case VStage::Idle:
        text = tr("The instance's data is fingerprinted just before the restore is sent.");
        break;
    case VStage::RecordingBefore:
        text = tr("Fingerprinting the instance's data before the restore…");
        break;
    case VStage::WaitingForRestore:
        text = m_beforeError.isEmpty()
                   ? tr("Before the restore: %1 keys, %n of them sampled. Once the restore has "
                        "ended, the data is fingerprinted again and compared.",
                        nullptr, m_beforeSampled)
                         .arg(QLocale().toString(m_beforeKeys))
                   : tr("No fingerprint could be taken before the restore: %1").arg(m_beforeError);
        if (!m_beforeError.isEmpty())
            style = ConsolePalette::textStyle(ConsolePalette::Tone::Caution);
        break;
    case VStage::RecordingAfter:
        text = tr("The restore has ended: fingerprinting the instance's data again…");
        break;
    case VStage::Finished:
        text = m_verificationReport.summary();
        details = m_verificationReport.details();
        if (!m_verificationReport.complete || !m_verificationReport.writable)
            style = ConsolePalette::textStyle(ConsolePalette::Tone::Caution);
        text += QLatin1Char('\n') + (m_verificationNote.isEmpty()
                                         ? tr("This verification is in the audit trail too.")
                                         : m_verificationNote);
        break;
    case VStage::Abandoned:
        text = tr("Not verified: no restore was made.");
        break;
    }
    ui->verificationLabel->setText(text);
    ui->verificationLabel->setStyleSheet(style);
    ui->verificationDetails->setVisible(!details.isEmpty());
    ui->verificationDetails->setPlainText(details.join(QLatin1Char('\n')));
    // Its first lines whole, in every language, also where the dialog is as short as it goes;
    // more scroll.
    ui->verificationDetails->setMinimumHeight(
        std::min(heightOfLines(ui->verificationDetails, details, 5),
                 ui->verificationDetails->maximumHeight()));
}
