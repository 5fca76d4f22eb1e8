#include "backups/DeleteBackupDialog.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "restore/ActionRules.h"
#include "ui_DeleteBackupDialog.h"
#include "widgets/ConsolePalette.h"

#include <QPushButton>

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
    ui->deleteWarningLabel->setStyleSheet(ConsolePalette::panelStyle(ConsolePalette::Tone::Danger));
    ui->deleteErrorPanel->clear();
    connect(ui->confirmBackupNameEdit, &QLineEdit::textChanged, this, [this] { updateState(); });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &DeleteBackupDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &DeleteBackupDialog::reject);
    retranslate();
    updateState();
    resize(width(), sizeHint().height());
}

DeleteBackupDialog::~DeleteBackupDialog() = default;

void DeleteBackupDialog::updateState() {
    const bool typed =
        !m_backup.backupName.isEmpty() && ui->confirmBackupNameEdit->text() == m_backup.backupName;
    const QString refused = dcs::ActionRules::deleteRefusal(m_backup);
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
    if (m_sending || !m_client || !dcs::ActionRules::deleteRefusal(m_backup).isEmpty() ||
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
