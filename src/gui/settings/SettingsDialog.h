#pragma once

#include "settings/ConsoleSettings.h"

#include <QDialog>
#include <memory>

namespace Ui {
class SettingsDialog;
}

// Edits dcs::ConsoleSettings; OK hands them over through applied() so they take effect at once.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const dcs::ConsoleSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    dcs::ConsoleSettings settings() const;
    void setSettings(const dcs::ConsoleSettings &settings);

Q_SIGNALS:
    void applied(const dcs::ConsoleSettings &settings);

protected:
    bool event(QEvent *event) override;

private:
    void retranslate();
    void fillThemes();

    std::unique_ptr<Ui::SettingsDialog> ui;
};
