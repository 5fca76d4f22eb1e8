#pragma once

#include "about/BuildInfo.h"

#include <QMessageBox>

// Help > About: the version, the build and the Qt it runs with (as --version says), and where the
// console keeps its settings, data and logs. A message box that stays open without blocking the
// event loop and follows a language switch while it is open (QMessageBox::about() would do
// neither); its text can be selected and copied, by mouse or keyboard.
class AboutDialog : public QMessageBox {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // Default: this user's (StorageLocations::defaults()).
    void setLocations(const dcs::StorageLocations &locations);
    const dcs::StorageLocations &locations() const { return m_locations; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    dcs::BuildInfo m_build = dcs::BuildInfo::current();
    dcs::StorageLocations m_locations = dcs::StorageLocations::defaults();
};
