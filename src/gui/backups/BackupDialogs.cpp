#include "backups/BackupDialogs.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "ui_CreateBackupDialog.h"
#include "ui_DeleteBackupDialog.h"

#include <QPushButton>

CreateBackupDialog::CreateBackupDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                                       QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::CreateBackupDialog>())
    , m_client(client)
    , m_instance(instance) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("createBackupDialog"));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    ui->backupRemarkEdit->setMaxLength(MaxRemarkLength);
    ui->backupFormatCombo->addItem(QStringLiteral("RDB"), QStringLiteral("rdb"));
    ui->backupFormatCombo->addItem(QStringLiteral("AOF"), QStringLiteral("aof"));
    ui->createErrorPanel->clear();
    ui->backupRemarkCounter->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("000 / 000")) + 4);
    ui->backupRemarkCounter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    connect(ui->backupRemarkEdit, &QLineEdit::textChanged, this, [this] { updateState(); });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &CreateBackupDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &CreateBackupDialog::reject);
    retranslate();
    updateState();
    resize(width(), sizeHint().height());
}

CreateBackupDialog::~CreateBackupDialog() = default;

QString CreateBackupDialog::remark() const {
    return ui->backupRemarkEdit->text();
}

QString CreateBackupDialog::format() const {
    return ui->backupFormatCombo->currentData().toString();
}

void CreateBackupDialog::updateState() {
    ui->backupRemarkCounter->setText(
        tr("%1 / %2").arg(ui->backupRemarkEdit->text().size()).arg(MaxRemarkLength));
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_sending && m_client);
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!m_sending);
    ui->backupRemarkEdit->setReadOnly(m_sending);
    ui->backupFormatCombo->setEnabled(!m_sending);
    ui->createStateLabel->setText(m_sending ? tr("Creating the backup…") : QString());
}

void CreateBackupDialog::submit() {
    if (m_sending || !m_client)
        return;
    m_sending = true;
    ui->createErrorPanel->clear();
    updateState();
    const QString remarkText = remark();
    const QString formatText = format();
    m_client->createBackup(
        m_instance.instanceId, remarkText, formatText, this,
        [this, remarkText, formatText](const dcs::ApiResult<QString> &result) {
            m_sending = false;
            updateState();
            if (!result.ok()) {
                ui->createErrorPanel->showError(result.error,
                                                [] { return tr("The backup was not created"); });
                return;
            }
            Q_EMIT created(m_instance.instanceId, result.value, remarkText, formatText);
            accept();
        });
}

void CreateBackupDialog::reject() {
    // The request is on its way: closing now would lose the new backup's id.
    if (m_sending)
        return;
    QDialog::reject();
}

void CreateBackupDialog::retranslate() {
    setWindowTitle(tr("Create Backup of %1").arg(m_instance.name));
    ui->createIntroLabel->setText(
        tr("Creates a manual backup of <b>%1</b> (%2). It runs in the background; its progress "
           "is shown in the Backups tab. Manual backups are kept until you delete them.")
            .arg(m_instance.name.toHtmlEscaped(), m_instance.instanceId.toHtmlEscaped()));
    ui->backupFormatCombo->setToolTip(
        tr("RDB is a compact snapshot; AOF keeps the write log. Both can be restored from."));
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setText(tr("Create Backup"));
    updateState();
}

bool CreateBackupDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    return handled;
}

DeleteBackupDialog::DeleteBackupDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                                       const dcs::Backup &backup, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::DeleteBackupDialog>())
    , m_client(client)
    , m_instance(instance)
    , m_backup(backup) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("deleteBackupDialog"));
    // The instance's name and ID, as they are in every language.
    ui->deleteInstanceLabel->setProperty("dcsData", true);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // Typing the name is the confirmation: Enter must not press Delete by itself.
    ui->buttonBox->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(false);
    ui->deleteWarningLabel->setStyleSheet(
        QStringLiteral("QLabel { color: #8a1c12; background: #fdf1f0; border-radius: 3px; "
                       "padding: 6px 8px; }"));
    ui->deleteErrorPanel->clear();
    connect(ui->confirmBackupNameEdit, &QLineEdit::textChanged, this, [this] { updateState(); });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &DeleteBackupDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &DeleteBackupDialog::reject);
    retranslate();
    updateState();
    resize(width(), sizeHint().height());
}

DeleteBackupDialog::~DeleteBackupDialog() = default;

QString DeleteBackupDialog::refusal(const dcs::Backup &backup) {
    if (!backup.isManual())
        return tr("Automatic backups are managed by the backup policy and cannot be deleted "
                  "here.");
    if (backup.isRunning())
        return tr("The backup is still running; wait until it has ended.");
    if (backup.status == QLatin1String("deleted"))
        return tr("This backup has already been deleted.");
    return {};
}

void DeleteBackupDialog::updateState() {
    const bool typed =
        !m_backup.backupName.isEmpty() && ui->confirmBackupNameEdit->text() == m_backup.backupName;
    const QString refused = refusal(m_backup);
    QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(!m_sending && typed && refused.isEmpty() && m_client);
    ok->setToolTip(!refused.isEmpty() ? refused
                   : typed            ? QString()
                                      : tr("Type the backup name exactly to confirm."));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!m_sending);
    ui->confirmBackupNameEdit->setReadOnly(m_sending || !refused.isEmpty());
    ui->deleteStateLabel->setText(m_sending ? tr("Deleting the backup…") : refused);
}

void DeleteBackupDialog::submit() {
    if (m_sending || !m_client || !refusal(m_backup).isEmpty() ||
        ui->confirmBackupNameEdit->text() != m_backup.backupName)
        return;
    m_sending = true;
    ui->deleteErrorPanel->clear();
    updateState();
    m_client->deleteBackup(
        m_instance.instanceId, m_backup.backupId, this, [this](const dcs::ApiResult<bool> &result) {
            m_sending = false;
            updateState();
            if (!result.ok()) {
                ui->deleteErrorPanel->showError(result.error,
                                                [] { return tr("The backup was not deleted"); });
                return;
            }
            Q_EMIT deleted(m_instance.instanceId, m_backup.backupId);
            accept();
        });
}

void DeleteBackupDialog::reject() {
    if (m_sending)
        return;
    QDialog::reject();
}

void DeleteBackupDialog::retranslate() {
    setWindowTitle(tr("Delete Backup %1").arg(m_backup.backupName));
    ui->deleteWarningLabel->setText(
        tr("<b>Deleting a backup cannot be undone.</b> The instance can no longer be restored to "
           "the state this backup holds."));
    ui->deleteBackupLabel->setText(
        tr("%1 · %2 · %3 · %4")
            .arg(m_backup.backupName, DisplayText::backupType(m_backup.backupType),
                 DisplayText::dateTime(m_backup.createdAt), DisplayText::dataSize(m_backup.size)));
    ui->deleteBackupLabel->setToolTip(tr("Backup ID: %1").arg(m_backup.backupId));
    ui->deleteInstanceLabel->setText(
        QStringLiteral("%1 (%2)").arg(m_instance.name, m_instance.instanceId));
    ui->confirmBackupNameCaption->setText(tr("Type the backup name <b>%1</b> to delete it:")
                                              .arg(m_backup.backupName.toHtmlEscaped()));
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setText(tr("Delete Backup"));
    updateState();
}

bool DeleteBackupDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    return handled;
}
