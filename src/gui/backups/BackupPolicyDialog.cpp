#include "backups/BackupPolicyDialog.h"

#include "api/DcsClient.h"
#include "widgets/ConsolePalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

BackupPolicyDialog::BackupPolicyDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                                       QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_instance(instance)
    , m_current(dcs::BackupPolicy::fromJson(instance.instanceBackupPolicy))
    , m_pages(new QStackedWidget(this))
    , m_introLabel(new QLabel(this))
    , m_typeLabel(new QLabel(this))
    , m_typeCombo(new QComboBox(this))
    , m_daysLabel(new QLabel(this))
    , m_windowLabel(new QLabel(this))
    , m_windowCombo(new QComboBox(this))
    , m_keepLabel(new QLabel(this))
    , m_keepSpin(new QSpinBox(this))
    , m_problemLabel(new QLabel(this))
    , m_reviewLabel(new QLabel(this))
    , m_reviewTable(new QTableWidget(this))
    , m_resultLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_reviewButton(new QPushButton(this))
    , m_backButton(new QPushButton(this))
    , m_applyButton(new QPushButton(this)) {
    setObjectName(QStringLiteral("backupPolicyDialog"));
    m_typeCombo->setObjectName(QStringLiteral("policyTypeCombo"));
    m_windowCombo->setObjectName(QStringLiteral("policyWindowCombo"));
    // Its items are hours in the language's time format, nothing to translate (the walk in
    // tst_i18n skips combos marked so).
    m_windowCombo->setProperty("dcsItemsAreData", true);
    m_keepSpin->setObjectName(QStringLiteral("policyKeepSpin"));
    m_keepSpin->setRange(1, 7);
    m_problemLabel->setObjectName(QStringLiteral("policyProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_reviewTable->setObjectName(QStringLiteral("policyReviewTable"));
    m_reviewTable->setColumnCount(3);
    m_reviewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reviewTable->setTabKeyNavigation(false);
    m_reviewTable->verticalHeader()->setVisible(false);
    m_reviewTable->horizontalHeader()->setStretchLastSection(true);
    m_resultLabel->setObjectName(QStringLiteral("policyResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_introLabel->setWordWrap(true);
    m_introLabel->setTextFormat(Qt::PlainText);
    m_reviewLabel->setWordWrap(true);
    m_reviewLabel->setTextFormat(Qt::PlainText);
    m_reviewButton->setObjectName(QStringLiteral("reviewPolicyButton"));
    m_backButton->setObjectName(QStringLiteral("backPolicyButton"));
    m_applyButton->setObjectName(QStringLiteral("applyPolicyButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->addButton(m_backButton, QDialogButtonBox::ResetRole);
    m_buttons->addButton(m_reviewButton, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_applyButton, QDialogButtonBox::AcceptRole);
    m_typeLabel->setBuddy(m_typeCombo);
    m_windowLabel->setBuddy(m_windowCombo);
    m_keepLabel->setBuddy(m_keepSpin);

    auto *editPage = new QWidget(m_pages);
    auto *days = new QHBoxLayout;
    for (int day = 1; day <= 7; ++day) {
        auto *check = new QCheckBox(editPage);
        check->setObjectName(QStringLiteral("policyDay%1").arg(day));
        days->addWidget(check);
        m_dayChecks.append(check);
        connect(check, &QCheckBox::toggled, this, &BackupPolicyDialog::updateButtons);
    }
    days->addStretch(1);
    m_daysLabel->setBuddy(m_dayChecks.first());
    auto *form = new QFormLayout;
    form->addRow(m_typeLabel, m_typeCombo);
    form->addRow(m_daysLabel, days);
    form->addRow(m_windowLabel, m_windowCombo);
    form->addRow(m_keepLabel, m_keepSpin);
    auto *editLayout = new QVBoxLayout(editPage);
    editLayout->setContentsMargins(0, 0, 0, 0);
    editLayout->addWidget(m_introLabel);
    editLayout->addLayout(form);
    editLayout->addWidget(m_problemLabel);
    editLayout->addStretch(1);
    auto *reviewPage = new QWidget(m_pages);
    auto *reviewLayout = new QVBoxLayout(reviewPage);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    reviewLayout->addWidget(m_reviewLabel);
    reviewLayout->addWidget(m_reviewTable, 1);
    reviewLayout->addWidget(m_resultLabel);
    m_pages->addWidget(editPage);
    m_pages->addWidget(reviewPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);
    setTabOrder(m_typeCombo, m_dayChecks.first());
    for (int i = 1; i < m_dayChecks.size(); ++i)
        setTabOrder(m_dayChecks.at(i - 1), m_dayChecks.at(i));
    setTabOrder(m_dayChecks.last(), m_windowCombo);
    setTabOrder(m_windowCombo, m_keepSpin);

    // Start from what the service has; an instance without a policy gets the demo's usual one.
    dcs::BackupPolicy start = m_current.value_or(dcs::BackupPolicy{});
    if (start.backupAt.isEmpty())
        start.backupAt = {1, 2, 3, 4, 5, 6, 7};
    if (start.saveDays < 1 || start.saveDays > 7)
        start.saveDays = 7;
    retranslate();
    m_typeCombo->setCurrentIndex(start.isAuto() ? 0 : 1);
    for (int day = 1; day <= 7; ++day)
        m_dayChecks.at(day - 1)->setChecked(start.backupAt.contains(day));
    m_windowCombo->setCurrentIndex(qMax(0, start.beginHour()));
    m_keepSpin->setValue(start.saveDays);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &BackupPolicyDialog::updateButtons);
    connect(m_reviewButton, &QPushButton::clicked, this, &BackupPolicyDialog::review);
    connect(m_backButton, &QPushButton::clicked, this, &BackupPolicyDialog::backToEditing);
    connect(m_applyButton, &QPushButton::clicked, this, &BackupPolicyDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    resize(sizeHint().expandedTo(QSize(560, 360)));
}

BackupPolicyDialog::~BackupPolicyDialog() = default;

bool BackupPolicyDialog::isReviewing() const {
    return m_pages->currentIndex() == 1;
}

dcs::BackupPolicy BackupPolicyDialog::editedPolicy() const {
    dcs::BackupPolicy p;
    p.backupType =
        m_typeCombo->currentIndex() == 0 ? QStringLiteral("auto") : QStringLiteral("manual");
    p.backupAt.clear();
    for (int day = 1; day <= 7; ++day) {
        if (m_dayChecks.at(day - 1)->isChecked())
            p.backupAt.append(day);
    }
    p.beginAt = dcs::BackupPolicy::windowForHour(m_windowCombo->currentIndex());
    p.saveDays = m_keepSpin->value();
    p.periodType = QStringLiteral("weekly");
    return p;
}

void BackupPolicyDialog::review() {
    if (!editedPolicy().problems().isEmpty())
        return;
    fillReview();
    m_resultText = nullptr;
    m_resultLabel->clear();
    m_pages->setCurrentIndex(1);
    updateButtons();
    m_applyButton->setFocus();
}

void BackupPolicyDialog::backToEditing() {
    if (m_sending)
        return;
    m_pages->setCurrentIndex(0);
    updateButtons();
    m_typeCombo->setFocus();
}

void BackupPolicyDialog::fillReview() {
    const QList<dcs::BackupPolicy::Row> rows =
        dcs::BackupPolicy::compare(m_current, editedPolicy());
    m_reviewTable->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const dcs::BackupPolicy::Row &row = rows.at(r);
        const QString cells[] = {row.field, row.before, row.after};
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (row.changed && c > 0) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_reviewTable->setItem(r, c, item);
        }
    }
    m_reviewTable->resizeColumnsToContents();
}

void BackupPolicyDialog::apply() {
    if (!isReviewing() || m_sending || !m_client)
        return;
    const dcs::BackupPolicy policy = editedPolicy();
    m_sending = true;
    m_resultText = [] {
        return tr("Sending the change…");
    };
    m_resultLabel->setStyleSheet(QString());
    m_resultLabel->setText(m_resultText());
    updateButtons();
    m_client->updateBackupPolicy(
        m_instance.instanceId, policy, this, [this, policy](const dcs::ApiResult<bool> &result) {
            m_sending = false;
            if (result.ok()) {
                Q_EMIT policyChanged(m_instance.instanceId, policy);
                accept();
                return;
            }
            const dcs::ApiError error = result.error;
            m_resultText = [error] {
                return tr("The policy was not changed: %1").arg(error.summary()) +
                       QLatin1Char('\n') + error.explanation();
            };
            m_resultLabel->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::Tone::Danger));
            m_resultLabel->setText(m_resultText());
            updateButtons();
        });
}

void BackupPolicyDialog::updateButtons() {
    const bool reviewing = isReviewing();
    const bool automatic = m_typeCombo->currentIndex() == 0;
    const QStringList problems = editedPolicy().problems();
    m_problemLabel->setText(problems.join(QLatin1Char('\n')));
    m_problemLabel->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::Tone::Danger));
    m_problemLabel->setVisible(!problems.isEmpty() && !reviewing);
    // Manual keeps the plan for a later switch back (§11); it stays editable but means less.
    for (QCheckBox *check : std::as_const(m_dayChecks))
        check->setEnabled(!reviewing);
    m_reviewButton->setVisible(!reviewing);
    m_reviewButton->setEnabled(problems.isEmpty());
    m_backButton->setVisible(reviewing);
    m_backButton->setEnabled(!m_sending);
    m_applyButton->setVisible(reviewing);
    m_applyButton->setEnabled(reviewing && !m_sending && m_client);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!m_sending);
    m_reviewButton->setDefault(!reviewing);
    m_applyButton->setDefault(reviewing);
    Q_UNUSED(automatic);
}

void BackupPolicyDialog::retranslate() {
    setWindowTitle(tr("Backup Policy — %1").arg(m_instance.name));
    m_introLabel->setText(m_current ? tr("Now: %1").arg(m_current->describe())
                                    : tr("This instance has no backup policy yet."));
    m_typeLabel->setText(tr("&Backups:"));
    const int type = m_typeCombo->currentIndex();
    m_typeCombo->clear();
    m_typeCombo->addItems({tr("Automatic"), tr("Manual only")});
    m_typeCombo->setCurrentIndex(qMax(0, type));
    m_daysLabel->setText(tr("&Days:"));
    const QLocale locale;
    for (int day = 1; day <= 7; ++day)
        m_dayChecks.at(day - 1)->setText(locale.dayName(day, QLocale::ShortFormat));
    m_windowLabel->setText(tr("&Time (UTC):"));
    const int hour = m_windowCombo->currentIndex();
    m_windowCombo->clear();
    for (int h = 0; h < 24; ++h)
        m_windowCombo->addItem(QStringLiteral("%1–%2").arg(
            locale.toString(QTime(h, 0), QLocale::ShortFormat),
            locale.toString(QTime((h + 1) % 24, 0), QLocale::ShortFormat)));
    m_windowCombo->setCurrentIndex(qMax(0, hour));
    m_keepLabel->setText(tr("&Keep automatic backups for:"));
    m_keepSpin->setSuffix(tr(" day(s)"));
    m_reviewLabel->setText(tr("Check the change: the current policy and the new one, side by "
                              "side. Apply sends it to the service."));
    m_reviewTable->setHorizontalHeaderLabels({tr("Setting"), tr("Now"), tr("After the change")});
    if (isReviewing())
        fillReview();
    m_reviewButton->setText(tr("&Review…"));
    m_backButton->setText(tr("&Back"));
    m_applyButton->setText(tr("&Apply"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    if (m_resultText)
        m_resultLabel->setText(m_resultText());
}

void BackupPolicyDialog::changeEvent(QEvent *event) {
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateButtons();
    }
}
