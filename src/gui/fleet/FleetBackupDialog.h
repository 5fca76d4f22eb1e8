#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>
#include <memory>

namespace Ui {
class FleetBackupDialog;
}
class QPushButton;

// One confirmation for backing up several instances of the fleet: every selected instance with
// where it is and its health, those that will be backed up and why the others will not, and one
// remark for all. confirmed() hands over the keys of those to back up.
class FleetBackupDialog : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QString key; // the fleet's instance key
        QString name;
        QString where;   // profile · region / project
        QString verdict; // in words
        QString leftOut; // why it will not be backed up; empty: it will be
    };

    explicit FleetBackupDialog(QList<Entry> entries, QWidget *parent = nullptr);
    ~FleetBackupDialog() override;

    QStringList keysToBackUp() const;
    QString remark() const;
    QPushButton *okButton() const;

    void accept() override;

Q_SIGNALS:
    void confirmed(const QStringList &keys, const QString &remark);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::FleetBackupDialog> ui;
    QList<Entry> m_entries;
};
