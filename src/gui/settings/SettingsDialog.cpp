#include "settings/SettingsDialog.h"

#include "ui_SettingsDialog.h"

#include <QPushButton>

SettingsDialog::SettingsDialog(const dcs::ConsoleSettings &settings, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>()) {
    ui->setupUi(this);
    setObjectName(QStringLiteral("settingsDialog"));
    fillThemes();
    ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    ui->buttonBox->button(QDialogButtonBox::RestoreDefaults)
        ->setObjectName(QStringLiteral("defaultsButton"));
    setSettings(settings);
    retranslate();
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT applied(this->settings());
        accept();
    });
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSettings(dcs::ConsoleSettings{}); });
    // The back-off never starts above its own ceiling.
    connect(ui->trackerFirstDelaySpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (ui->trackerMaxIntervalSpin->value() < value)
            ui->trackerMaxIntervalSpin->setValue(value);
    });
}

SettingsDialog::~SettingsDialog() = default;

dcs::ConsoleSettings SettingsDialog::settings() const {
    dcs::ConsoleSettings s;
    s.theme = dcs::ConsoleSettings::themeFromKey(ui->themeCombo->currentData().toString());
    s.refreshIntervalSeconds = ui->refreshIntervalSpin->value();
    s.trackerFirstDelaySeconds = ui->trackerFirstDelaySpin->value();
    s.trackerMaxIntervalSeconds =
        qMax(ui->trackerMaxIntervalSpin->value(), ui->trackerFirstDelaySpin->value());
    s.trackerGiveUpMinutes = ui->trackerGiveUpSpin->value();
    s.oldBackupWarningHours = ui->oldBackupHoursSpin->value();
    s.healthMaxBackupAgeHours = ui->healthMaxAgeSpin->value();
    s.healthExpiryWarningHours = ui->healthExpirySpin->value();
    s.fleetMaxAgeMinutes = ui->fleetMaxAgeSpin->value();
    s.fleetConcurrency = ui->fleetConcurrencySpin->value();
    return s;
}

void SettingsDialog::setSettings(const dcs::ConsoleSettings &settings) {
    ui->themeCombo->setCurrentIndex(
        qMax(0, ui->themeCombo->findData(dcs::ConsoleSettings::themeKey(settings.theme))));
    ui->refreshIntervalSpin->setValue(settings.refreshIntervalSeconds);
    ui->trackerFirstDelaySpin->setValue(settings.trackerFirstDelaySeconds);
    ui->trackerMaxIntervalSpin->setValue(settings.trackerMaxIntervalSeconds);
    ui->trackerGiveUpSpin->setValue(settings.trackerGiveUpMinutes);
    ui->oldBackupHoursSpin->setValue(settings.oldBackupWarningHours);
    ui->healthMaxAgeSpin->setValue(settings.healthMaxBackupAgeHours);
    ui->healthExpirySpin->setValue(settings.healthExpiryWarningHours);
    ui->fleetMaxAgeSpin->setValue(settings.fleetMaxAgeMinutes);
    ui->fleetConcurrencySpin->setValue(settings.fleetConcurrency);
}

void SettingsDialog::fillThemes() {
    const QString current = ui->themeCombo->currentData().toString();
    const QSignalBlocker blocker(ui->themeCombo);
    ui->themeCombo->clear();
    using Theme = dcs::ConsoleSettings::Theme;
    ui->themeCombo->addItem(tr("Follow the system"), dcs::ConsoleSettings::themeKey(Theme::System));
    ui->themeCombo->addItem(tr("Light"), dcs::ConsoleSettings::themeKey(Theme::Light));
    ui->themeCombo->addItem(tr("Dark"), dcs::ConsoleSettings::themeKey(Theme::Dark));
    ui->themeCombo->setCurrentIndex(qMax(0, ui->themeCombo->findData(current)));
}

void SettingsDialog::retranslate() {
    fillThemes();
    ui->trackerFirstDelaySpin->setToolTip(
        tr("How long after a restore starts its record is read for the first time."));
    ui->trackerGiveUpSpin->setToolTip(
        tr("A restore that has not ended by then is no longer followed; its record still shows "
           "how it ends."));
    ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setAccessibleDescription(tr("Applies and keeps these settings"));
    ui->buttonBox->button(QDialogButtonBox::Cancel)
        ->setAccessibleDescription(tr("Closes without changing anything"));
    ui->buttonBox->button(QDialogButtonBox::RestoreDefaults)
        ->setAccessibleDescription(tr("Puts the default values in the fields"));
    ui->themeCombo->setToolTip(
        tr("Light or dark; following the system takes the look of the desktop. Applied at once "
           "when you press OK."));
    ui->refreshIntervalSpin->setSuffix(tr(" s"));
    ui->refreshIntervalSpin->setSpecialValueText(tr("Off"));
    ui->refreshIntervalSpin->setToolTip(
        tr("How often instance, backup and restore statuses are read again. 0 turns it off."));
    ui->trackerFirstDelaySpin->setSuffix(tr(" s"));
    ui->trackerMaxIntervalSpin->setSuffix(tr(" s"));
    ui->trackerMaxIntervalSpin->setToolTip(
        tr("A running restore is read first after the delay above, then less and less often up "
           "to this interval."));
    ui->trackerGiveUpSpin->setSuffix(tr(" min"));
    ui->oldBackupHoursSpin->setSuffix(tr(" h"));
    ui->oldBackupHoursSpin->setToolTip(
        tr("Restoring from an older backup is allowed, with a warning in the restore dialog."));
    ui->healthMaxAgeSpin->setSuffix(tr(" h"));
    ui->healthMaxAgeSpin->setToolTip(
        tr("The fleet marks an instance at risk when no backup of it has succeeded for this "
           "long. Daily backups and two hours to spare: 26."));
    ui->healthExpirySpin->setSuffix(tr(" h"));
    ui->healthExpirySpin->setToolTip(
        tr("Automatic backups are deleted after the policy's retention; the fleet warns this "
           "long before the newest one that can be restored from goes."));
    ui->fleetMaxAgeSpin->setSuffix(tr(" min"));
    ui->fleetMaxAgeSpin->setToolTip(
        tr("What the fleet knows of an instance's backups is read again once it is older than "
           "this; Fleet → Read All Backups Again reads everything at once."));
    ui->fleetConcurrencySpin->setToolTip(
        tr("How many calls the fleet makes at once to one service endpoint. The service "
           "throttles busy accounts; a few at a time is polite and barely slower."));
}

bool SettingsDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children first, and a button box
    // resets its standard buttons' texts then: the texts set here must come after.
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    return handled;
}
