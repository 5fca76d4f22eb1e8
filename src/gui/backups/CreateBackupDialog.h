#pragma once

#include "model/Instance.h"

#include <QDialog>
#include <QPointer>
#include <memory>

namespace Ui {
class CreateBackupDialog;
}
namespace dcs {
class BackupCommand;
class DcsClient;
} // namespace dcs
class QPushButton;

// Creates a manual backup of one instance: a remark (at most 128 bytes of UTF-8, cut between
// characters) and the format. The call is made here so a refusal (a backup already running …)
// is shown where it was asked for; created() hands the new backup to the window, which follows
// it. A lost answer is resolved by reading the backups (dcs::BackupCommand): the backup found is
// handed over as created; when none is found yet, the dialog says the outcome is unknown and
// offers Look Again — it never sends the request a second time.
class CreateBackupDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int MaxRemarkBytes = 128;

    CreateBackupDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                       QWidget *parent = nullptr);
    ~CreateBackupDialog() override;

    QString remark() const;
    QString format() const; // rdb / aof
    bool isSending() const { return m_sending; }
    bool isOutcomeUnknown() const;

Q_SIGNALS:
    void created(const QString &instanceId, const QString &backupId, const QString &remark,
                 const QString &format);

protected:
    bool event(QEvent *event) override;
    void reject() override;

private:
    void retranslate();
    void updateState();
    void submit();
    void lookAgain();
    void commandFinished();

    std::unique_ptr<Ui::CreateBackupDialog> ui;
    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    bool m_sending = false;
    QPointer<dcs::BackupCommand> m_command;
    QPushButton *m_lookAgainButton = nullptr;
};
