#include "fleet/FleetBackupDialog.h"

#include "ui_FleetBackupDialog.h"
#include "widgets/ConsolePalette.h"

#include <QEvent>
#include <QPushButton>

FleetBackupDialog::FleetBackupDialog(QList<Entry> entries, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::FleetBackupDialog>())
    , m_entries(std::move(entries)) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("fleetBackupDialog"));
    setWindowModality(Qt::WindowModal);
    ui->entriesTable->setColumnCount(4);
    ui->entriesTable->setRowCount(int(m_entries.size()));
    for (int r = 0; r < m_entries.size(); ++r) {
        const Entry &entry = m_entries.at(r);
        ui->entriesTable->setItem(r, 0, new QTableWidgetItem(entry.name));
        ui->entriesTable->setItem(r, 1, new QTableWidgetItem(entry.where));
        ui->entriesTable->setItem(r, 2, new QTableWidgetItem(entry.verdict));
        auto *outcome = new QTableWidgetItem;
        outcome->setData(Qt::UserRole, entry.leftOut);
        if (!entry.leftOut.isEmpty())
            outcome->setForeground(ConsolePalette::color(ConsolePalette::Role::CautionText));
        ui->entriesTable->setItem(r, 3, outcome);
    }
    ui->entriesTable->resizeColumnsToContents();
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &FleetBackupDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    // Return in the remark confirms, as the button's text says what it does.
    okButton()->setDefault(true);
    ui->remarkEdit->setFocus();
}

FleetBackupDialog::~FleetBackupDialog() = default;

QStringList FleetBackupDialog::keysToBackUp() const {
    QStringList keys;
    for (const Entry &entry : m_entries) {
        if (entry.leftOut.isEmpty())
            keys.append(entry.key);
    }
    return keys;
}

QString FleetBackupDialog::remark() const {
    return ui->remarkEdit->text().trimmed();
}

QPushButton *FleetBackupDialog::okButton() const {
    return ui->buttonBox->button(QDialogButtonBox::Ok);
}

void FleetBackupDialog::accept() {
    const QStringList keys = keysToBackUp();
    if (keys.isEmpty())
        return;
    Q_EMIT confirmed(keys, remark());
    QDialog::accept();
}

void FleetBackupDialog::retranslate() {
    const int count = int(keysToBackUp().size());
    const int leftOut = int(m_entries.size()) - count;
    QString intro = count > 0 ? tr("A manual backup of %n instance(s) will be created, each "
                                   "followed until it ends.",
                                   nullptr, count)
                              : tr("None of the selected instances can be backed up from here.");
    if (leftOut > 0)
        intro += QLatin1Char(' ') + tr("%n selected instance(s) will be left out, as the last "
                                       "column says.",
                                       nullptr, leftOut);
    ui->introLabel->setText(intro);
    ui->entriesTable->setHorizontalHeaderLabels(
        {tr("Instance"), tr("Profile, region and project"), tr("Backup health"), tr("Outcome")});
    for (int r = 0; r < m_entries.size(); ++r) {
        const QString leftOutReason = m_entries.at(r).leftOut;
        QTableWidgetItem *outcome = ui->entriesTable->item(r, 3);
        outcome->setText(leftOutReason.isEmpty() ? tr("Will be backed up")
                                                 : tr("Left out: %1").arg(leftOutReason));
        outcome->setToolTip(outcome->text());
    }
    ui->remarkEdit->setPlaceholderText(tr("Optional, up to 128 characters"));
    okButton()->setText(count > 0 ? tr("&Back Up %n Instance(s)", nullptr, count) : tr("&Back Up"));
    okButton()->setEnabled(count > 0);
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    setWindowTitle(tr("Back Up Instances"));
}

void FleetBackupDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
