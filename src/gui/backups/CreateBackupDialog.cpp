#include "backups/CreateBackupDialog.h"

#include "api/DcsClient.h"
#include "ui_CreateBackupDialog.h"

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
