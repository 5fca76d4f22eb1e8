#pragma once

#include "model/Backup.h"
#include "model/Instance.h"

#include <QDialog>
#include <QPointer>
#include <memory>

namespace Ui {
class DeleteBackupDialog;
}
namespace dcs {
class BackupCommand;
class DcsClient;
} // namespace dcs
class QPushButton;

// Deletes one manual backup after its name was typed exactly. What cannot be deleted
// (dcs::ActionRules::deleteRefusal) is refused here as well as in the window, so no path
// deletes one by mistake. A lost answer is resolved by reading the backups
// (dcs::BackupCommand): a backup gone or marked deleted was deleted; one still listed leaves the
// outcome unknown, with Look Again — the request is never sent a second time.
class DeleteBackupDialog : public QDialog {
    Q_OBJECT
public:
    DeleteBackupDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                       const dcs::Backup &backup, QWidget *parent = nullptr);
    ~DeleteBackupDialog() override;

    bool isSending() const { return m_sending; }
    bool isOutcomeUnknown() const;

Q_SIGNALS:
    void deleted(const QString &instanceId, const QString &backupId);

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void reject() override;

private:
    void retranslate();
    void updateState();
    void submit();
    void lookAgain();
    void commandFinished();

    std::unique_ptr<Ui::DeleteBackupDialog> ui;
    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    dcs::Backup m_backup;
    bool m_sending = false;
    QPointer<dcs::BackupCommand> m_command;
    QPushButton *m_lookAgainButton = nullptr;
};
