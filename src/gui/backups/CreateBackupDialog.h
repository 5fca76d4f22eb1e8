#pragma once

#include "model/Instance.h"

#include <QDialog>
#include <QPointer>
#include <memory>

namespace Ui {
class CreateBackupDialog;
}
namespace dcs {
class DcsClient;
}

// Creates a manual backup of one instance: a remark (at most 128 characters) and the format.
// The call is made here so a refusal (a backup already running …) is shown where it was asked
// for; created() hands the new backup to the window, which follows it.
class CreateBackupDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int MaxRemarkLength = 128;

    CreateBackupDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                       QWidget *parent = nullptr);
    ~CreateBackupDialog() override;

    QString remark() const;
    QString format() const; // rdb / aof
    bool isSending() const { return m_sending; }

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

    std::unique_ptr<Ui::CreateBackupDialog> ui;
    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    bool m_sending = false;
};
