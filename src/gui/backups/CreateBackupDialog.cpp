#include "backups/CreateBackupDialog.h"

#include "api/DcsClient.h"
#include "model/PlainText.h"
#include "model/Remark.h"
#include "restore/BackupCommand.h"
#include "ui_CreateBackupDialog.h"
#include "widgets/Utf8LimitValidator.h"

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
    // The limit is in UTF-8 bytes, cut between characters (a length in UTF-16 units would cut a
    // pasted emoji in half).
    ui->backupRemarkEdit->setValidator(new Utf8LimitValidator(MaxRemarkBytes, this));
    ui->backupFormatCombo->addItem(QStringLiteral("RDB"), QStringLiteral("rdb"));
    ui->backupFormatCombo->addItem(QStringLiteral("AOF"), QStringLiteral("aof"));
    ui->createErrorPanel->clear();
    ui->backupRemarkCounter->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("000 / 000")) + 4);
    ui->backupRemarkCounter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    connect(ui->backupRemarkEdit, &QLineEdit::textChanged, this, [this] { updateState(); });
    m_lookAgainButton = ui->buttonBox->addButton(tr("Look Again"), QDialogButtonBox::ActionRole);
    m_lookAgainButton->setObjectName(QStringLiteral("lookAgainButton"));
    m_lookAgainButton->setVisible(false);
    connect(m_lookAgainButton, &QPushButton::clicked, this, &CreateBackupDialog::lookAgain);
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

bool CreateBackupDialog::isOutcomeUnknown() const {
    return m_command && m_command->outcome() == dcs::BackupCommand::Outcome::Unknown;
}

void CreateBackupDialog::updateState() {
    const bool unknown = isOutcomeUnknown();
    ui->backupRemarkCounter->setText(tr("%1 / %2")
                                         .arg(dcs::remark::utf8Bytes(ui->backupRemarkEdit->text()))
                                         .arg(MaxRemarkBytes));
    // While the outcome is unknown, creating again could make a second backup: only looking
    // again, or closing.
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_sending && m_client && !unknown);
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!m_sending);
    m_lookAgainButton->setVisible(unknown || (m_sending && m_command && m_command->writesSent()));
    m_lookAgainButton->setEnabled(unknown && !m_sending);
    ui->backupRemarkEdit->setReadOnly(m_sending || unknown);
    ui->backupFormatCombo->setEnabled(!m_sending && !unknown);
    ui->createStateLabel->setText(m_sending ? tr("Creating the backup…") : QString());
}

void CreateBackupDialog::submit() {
    if (m_sending || !m_client || isOutcomeUnknown())
        return;
    m_sending = true;
    ui->createErrorPanel->clear();
    m_command =
        dcs::BackupCommand::create(m_client, m_instance.instanceId, remark(), format(), this);
    connect(m_command, &dcs::BackupCommand::finished, this, &CreateBackupDialog::commandFinished);
    updateState();
    m_command->start();
}

void CreateBackupDialog::lookAgain() {
    if (!isOutcomeUnknown() || m_sending)
        return;
    m_sending = true;
    ui->createErrorPanel->clear();
    updateState();
    m_command->lookAgain();
}

void CreateBackupDialog::commandFinished() {
    m_sending = false;
    updateState();
    switch (m_command->outcome()) {
    case dcs::BackupCommand::Outcome::Done:
        Q_EMIT created(m_instance.instanceId, m_command->backupId(), remark(), format());
        accept();
        return;
    case dcs::BackupCommand::Outcome::NotDone:
        ui->createErrorPanel->showError(m_command->error(),
                                        [] { return tr("The backup was not created"); });
        return;
    case dcs::BackupCommand::Outcome::Unknown: {
        const QString summary = m_command->error().summary();
        ui->createErrorPanel->showMessage(
            [] { return tr("Whether the backup was created is unknown"); },
            [summary] {
                QString text = tr("The answer to the request was lost, and no new backup with "
                                  "this remark is listed yet. Nothing is sent again: press "
                                  "Look Again to read the backups once more.");
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

void CreateBackupDialog::reject() {
    // The request is on its way: closing now would lose the new backup's id.
    if (m_sending)
        return;
    QDialog::reject();
}

void CreateBackupDialog::retranslate() {
    setWindowTitle(tr("Create Backup of %1").arg(dcs::isolate(m_instance.name)));
    ui->createIntroLabel->setText(
        tr("Creates a manual backup of <b>%1</b> (%2). It runs in the background; its progress "
           "is shown in the Backups tab. Manual backups are kept until you delete them.")
            .arg(m_instance.name.toHtmlEscaped(), m_instance.instanceId.toHtmlEscaped()));
    ui->backupFormatCombo->setToolTip(
        tr("RDB is a compact snapshot; AOF keeps the write log. Both can be restored from."));
    if (QPushButton *ok = ui->buttonBox->button(QDialogButtonBox::Ok)) {
        ok->setText(tr("Create Backup"));
        ok->setAccessibleDescription(tr("Starts the manual backup"));
    }
    if (QPushButton *cancel = ui->buttonBox->button(QDialogButtonBox::Cancel))
        cancel->setAccessibleDescription(tr("Closes without creating a backup"));
    m_lookAgainButton->setText(tr("Look Again"));
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
