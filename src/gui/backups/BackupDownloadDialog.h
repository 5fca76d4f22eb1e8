#pragma once

#include "api/BackupDownload.h"
#include "model/Backup.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace dcs {
class DcsClient;
}

// Download… of one backup: how long the links may live (default one hour), the folder, then the
// file(s) with a progress bar that Cancel stops. The work is dcs::BackupDownload's: parts under
// a temporary name, renamed only when complete and of the announced size. Closing the dialog
// while it downloads cancels, and leaves nothing behind.
class BackupDownloadDialog : public QDialog {
    Q_OBJECT
public:
    BackupDownloadDialog(dcs::DcsClient *client, const QString &instanceId,
                         const dcs::Backup &backup, QWidget *parent = nullptr);
    ~BackupDownloadDialog() override;

    void setFolder(const QString &folder);
    dcs::BackupDownload *download() const { return m_download; }
    // The expiries offered, in seconds; the default is one hour.
    static QList<int> expiryChoices() { return {300, 900, 3600, 6 * 3600, 86400}; }

Q_SIGNALS:
    void downloaded(const QStringList &files);

protected:
    bool event(QEvent *event) override;
    void reject() override;

private:
    void start();
    void browse();
    void onProgress(qint64 received, qint64 total);
    void onFinished(dcs::BackupDownload::State state);
    void retranslate();
    void updateButtons();

    QPointer<dcs::DcsClient> m_client;
    QString m_instanceId;
    dcs::Backup m_backup;
    QPointer<dcs::BackupDownload> m_download;
    QLabel *m_backupLabel;
    QLabel *m_expiryLabel;
    QComboBox *m_expiryCombo;
    QLabel *m_folderLabel;
    QLineEdit *m_folderEdit;
    QPushButton *m_browseButton;
    QCheckBox *m_replaceCheck;
    QProgressBar *m_progress;
    QLabel *m_stateLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    std::function<QString()> m_stateText;
};
