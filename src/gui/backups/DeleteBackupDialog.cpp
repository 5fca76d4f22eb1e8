#include "backups/DeleteBackupDialog.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "model/PlainText.h"
#include "restore/ActionRules.h"
#include "restore/BackupCommand.h"
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
    ConsolePalette::follow(this, [this] {
        ui->deleteWarningLabel->setStyleSheet(
            ConsolePalette::panelStyle(ConsolePalette::Tone::Danger));
    });
    ui->deleteErrorPanel->clear();
    // Names and ids come from the service: shown as they are, never as markup.
    ui->deleteBackupLabel->setTextFormat(Qt::PlainText);
    ui->deleteInstanceLabel->setTextFormat(Qt::PlainText);
    m_lookAgainButton = ui->buttonBox->addButton(tr("Look Again"), QDialogButtonBox::ActionRole);
    m_lookAgainButton->setObjectName(QStringLiteral("lookAgainButton"));
    m_lookAgainButton->setVisible(false);
    connect(m_lookAgainButton, &QPushButton::clicked, this, &DeleteBackupDialog::lookAgain);
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
    const bool unknown = isOutcomeUnknown();
    QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(!m_sending && typed && refused.isEmpty() && m_client && !unknown);
    m_lookAgainButton->setVisible(unknown);
    m_lookAgainButton->setEnabled(unknown && !m_sending);
    ok->setToolTip(!refused.isEmpty() ? refused
                   : typed            ? QString()
                                      : tr("Type the backup name exactly to confirm."));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!m_sending);
    ui->confirmBackupNameEdit->setReadOnly(m_sending || unknown || !refused.isEmpty());
    ui->deleteStateLabel->setText(m_sending ? tr("Deleting the backup…") : refused);
}

void DeleteBackupDialog::submit() {
    if (m_sending || !m_client || !dcs::ActionRules::deleteRefusal(m_backup).isEmpty() ||
        ui->confirmBackupNameEdit->text() != m_backup.backupName)
        return;
    m_sending = true;
    ui->deleteErrorPanel->clear();
    m_command =
        dcs::BackupCommand::remove(m_client, m_instance.instanceId, m_backup.backupId, this);
    connect(m_command, &dcs::BackupCommand::finished, this, &DeleteBackupDialog::commandFinished);
    updateState();
    m_command->start();
}

bool DeleteBackupDialog::isOutcomeUnknown() const {
    return m_command && m_command->outcome() == dcs::BackupCommand::Outcome::Unknown;
}

void DeleteBackupDialog::lookAgain() {
    if (!isOutcomeUnknown() || m_sending)
        return;
    m_sending = true;
    ui->deleteErrorPanel->clear();
    updateState();
    m_command->lookAgain();
}

void DeleteBackupDialog::commandFinished() {
    m_sending = false;
    updateState();
    switch (m_command->outcome()) {
    case dcs::BackupCommand::Outcome::Done:
        Q_EMIT deleted(m_instance.instanceId, m_backup.backupId);
        accept();
        return;
    case dcs::BackupCommand::Outcome::NotDone:
        ui->deleteErrorPanel->showError(m_command->error(),
                                        [] { return tr("The backup was not deleted"); });
        return;
    case dcs::BackupCommand::Outcome::Unknown: {
        const QString summary = m_command->error().summary();
        ui->deleteErrorPanel->showMessage(
            [] { return tr("Whether the backup was deleted is unknown"); },
            [summary] {
                QString text = tr("The answer to the request was lost, and the backup is still "
                                  "listed. Nothing is sent again: press Look Again to read the "
                                  "backups once more.");
                if (!summary.isEmpty())
                    text += QLatin1Char('\n') + summary;
                return text;
            });
        return;
    }
    case dcs::BackupCommand::Outcome::Running:
        return;
    }
}

void DeleteBackupDialog::reject() {
    if (m_sending)
        return;
    QDialog::reject();
}

void DeleteBackupDialog::retranslate() {
    setWindowTitle(tr("Delete Backup %1").arg(dcs::isolate(m_backup.backupName)));
    ui->deleteWarningLabel->setText(
        tr("<b>Deleting a backup cannot be undone.</b> The instance can no longer be restored to "
           "the state this backup holds."));
    ui->deleteBackupLabel->setText(
        tr("%1 · %2 · %3 · %4")
            .arg(dcs::isolate(m_backup.backupName), DisplayText::backupType(m_backup.backupType),
                 DisplayText::dateTime(m_backup.createdAt), DisplayText::dataSize(m_backup.size)));
    ui->deleteBackupLabel->setToolTip(tr("Backup ID: %1").arg(m_backup.backupId));
    ui->deleteInstanceLabel->setText(
        QStringLiteral("%1 (%2)").arg(dcs::isolate(m_instance.name), m_instance.instanceId));
    ui->confirmBackupNameCaption->setText(tr("Type the backup name <b>%1</b> to delete it:")
                                              .arg(m_backup.backupName.toHtmlEscaped()));
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setText(tr("Delete Backup"));
    m_lookAgainButton->setText(tr("Look Again"));
    updateState();
}

void DeleteBackupDialog::showEvent(QShowEvent *event) {
    QDialog::showEvent(event);
    // A button box makes its OK button the default when it is shown; Enter in the name field
    // must not delete, so it is no default.
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setDefault(false);
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
