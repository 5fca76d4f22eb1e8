#include "fleet/FleetSourcesDialog.h"

#include "fleet/FleetTypes.h"
#include "ui_FleetSourcesDialog.h"

#include <QEvent>
#include <QPushButton>

namespace {
constexpr int KeyRole = Qt::UserRole + 1;
} // namespace

FleetSourcesDialog::FleetSourcesDialog(QList<Choice> choices, const QStringList &chosenKeys,
                                       QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::FleetSourcesDialog>())
    , m_choices(std::move(choices)) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("fleetSourcesDialog"));
    setWindowModality(Qt::WindowModal);
    for (const Choice &choice : std::as_const(m_choices)) {
        auto *profile = new QTreeWidgetItem(ui->sourcesTree, {choice.name});
        profile->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                          Qt::ItemIsAutoTristate);
        for (const dcs::ProfileScope &scope : choice.scopes) {
            const QString key = dcs::FleetSource::keyFor(choice.profileId, scope);
            auto *pair = new QTreeWidgetItem(
                profile, {QStringLiteral("%1 / %2").arg(scope.region, scope.projectLabel())});
            pair->setData(0, KeyRole, key);
            pair->setToolTip(0, scope.projectId);
            pair->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            pair->setCheckState(0, chosenKeys.contains(key) ? Qt::Checked : Qt::Unchecked);
        }
    }
    ui->sourcesTree->expandAll();
    if (ui->sourcesTree->topLevelItemCount() > 0)
        ui->sourcesTree->setCurrentItem(ui->sourcesTree->topLevelItem(0));
    connect(ui->sourcesTree, &QTreeWidget::itemChanged, this, &FleetSourcesDialog::updateButtons);
    connect(ui->selectAllButton, &QPushButton::clicked, this, [this] { checkAll(true); });
    connect(ui->selectNoneButton, &QPushButton::clicked, this, [this] { checkAll(false); });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &FleetSourcesDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    updateButtons();
}

FleetSourcesDialog::~FleetSourcesDialog() = default;

QStringList FleetSourcesDialog::checkedKeys() const {
    QStringList keys;
    for (int p = 0; p < ui->sourcesTree->topLevelItemCount(); ++p) {
        const QTreeWidgetItem *profile = ui->sourcesTree->topLevelItem(p);
        for (int s = 0; s < profile->childCount(); ++s) {
            if (profile->child(s)->checkState(0) == Qt::Checked)
                keys.append(profile->child(s)->data(0, KeyRole).toString());
        }
    }
    return keys;
}

bool FleetSourcesDialog::setChecked(const QString &sourceKey, bool checked) {
    for (int p = 0; p < ui->sourcesTree->topLevelItemCount(); ++p) {
        QTreeWidgetItem *profile = ui->sourcesTree->topLevelItem(p);
        for (int s = 0; s < profile->childCount(); ++s) {
            if (profile->child(s)->data(0, KeyRole).toString() == sourceKey) {
                profile->child(s)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
                return true;
            }
        }
    }
    return false;
}

void FleetSourcesDialog::checkAll(bool checked) {
    for (int p = 0; p < ui->sourcesTree->topLevelItemCount(); ++p)
        ui->sourcesTree->topLevelItem(p)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
}

void FleetSourcesDialog::updateButtons() {
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!checkedKeys().isEmpty());
}

void FleetSourcesDialog::accept() {
    const QStringList keys = checkedKeys();
    if (keys.isEmpty())
        return;
    Q_EMIT chosen(keys);
    QDialog::accept();
}

void FleetSourcesDialog::retranslate() {
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void FleetSourcesDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}
