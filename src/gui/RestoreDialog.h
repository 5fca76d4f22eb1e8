#pragma once

#include "Backup.h"
#include "Instance.h"
#include "RestorePreflight.h"
#include "RestoreRecord.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <memory>

namespace Ui {
class RestoreDialog;
}
namespace dcs {
class DcsClient;
struct ApiError;
} // namespace dcs
class BackupTableModel;

// Restores one instance from one of its backups: shows the instance, lets the user pick a
// restorable backup and write a remark, shows what the preflight rules say, and posts the
// restore exactly once. On success it shows the restore_id and announces the new record.
class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int MaxRemarkLength = 128;

    RestoreDialog(dcs::DcsClient *client, const dcs::Instance &instance,
                  const QList<dcs::Backup> &backups, const QList<dcs::RestoreRecord> &restores,
                  QWidget *parent = nullptr);
    ~RestoreDialog() override;

    // Preselects a backup when it can be chosen.
    bool selectBackup(const QString &backupId);
    QString selectedBackupId() const;
    QString remark() const;
    QString restoreId() const { return m_restoreId; }
    bool isPosting() const { return m_posting; }
    QList<dcs::PreflightFinding> findings() const;

Q_SIGNALS:
    // The server accepted the restore (or it was found after a lost answer).
    void restoreStarted(const QString &instanceId, const dcs::RestoreRecord &record);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reloadBackups();
    void enforceRemarkLength();
    void updateState();
    void retranslate();
    void submit();
    void onRestoreAnswer(const QString &restoreId, const dcs::ApiError &error);
    void lookForLostRestore();
    void finishWith(const QString &restoreId, bool recovered);
    const dcs::Backup *selectedBackup() const;

    std::unique_ptr<Ui::RestoreDialog> ui;
    QPointer<dcs::DcsClient> m_client;
    dcs::Instance m_instance;
    QList<dcs::RestoreRecord> m_restores;
    BackupTableModel *m_backups;
    bool m_loadingBackups = false;
    bool m_posting = false;
    bool m_outcomeUnknown = false;
    bool m_done = false;
    bool m_recovered = false;
    QString m_postedBackupId;
    QString m_postedRemark;
    QDateTime m_postedAt;
    QString m_restoreId;
};
