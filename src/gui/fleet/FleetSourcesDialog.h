#pragma once

#include "profiles/Profile.h"

#include <QDialog>
#include <QList>
#include <QStringList>
#include <memory>

namespace Ui {
class FleetSourcesDialog;
}
class QTreeWidgetItem;

// Which profiles, regions and projects the fleet reads: every profile with its region + project
// pairs, each checkable (a profile checks all of its own). chosen() hands over the source keys.
class FleetSourcesDialog : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        QString profileId;
        QString name; // as the window names the profile
        QList<dcs::ProfileScope> scopes;
    };

    FleetSourcesDialog(QList<Choice> choices, const QStringList &chosenKeys,
                       QWidget *parent = nullptr);
    ~FleetSourcesDialog() override;

    QStringList checkedKeys() const;
    // Checks or unchecks one pair by its source key; false when there is no such pair.
    bool setChecked(const QString &sourceKey, bool checked);

    void accept() override;

Q_SIGNALS:
    void chosen(const QStringList &sourceKeys);

protected:
    void changeEvent(QEvent *event) override;

private:
    void checkAll(bool checked);
    void updateButtons();
    void retranslate();

    std::unique_ptr<Ui::FleetSourcesDialog> ui;
    QList<Choice> m_choices;
};
