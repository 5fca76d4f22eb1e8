#include "backups/BackupDownloadDialog.h"

#include "api/DcsClient.h"
#include "model/DisplayText.h"
#include "widgets/ConsolePalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

BackupDownloadDialog::BackupDownloadDialog(dcs::DcsClient *client, const QString &instanceId,
                                           const dcs::Backup &backup, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_instanceId(instanceId)
    , m_backup(backup)
    , m_backupLabel(new QLabel(this))
    , m_expiryLabel(new QLabel(this))
    , m_expiryCombo(new QComboBox(this))
    , m_folderLabel(new QLabel(this))
    , m_folderEdit(new QLineEdit(this))
    , m_browseButton(new QPushButton(this))
    , m_replaceCheck(new QCheckBox(this))
    , m_progress(new QProgressBar(this))
    , m_stateLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_startButton(new QPushButton(this)) {
    setObjectName(QStringLiteral("backupDownloadDialog"));
    m_backupLabel->setObjectName(QStringLiteral("downloadBackupLabel"));
    m_backupLabel->setWordWrap(true);
    m_backupLabel->setTextFormat(Qt::PlainText);
    m_expiryCombo->setObjectName(QStringLiteral("expiryCombo"));
    m_folderEdit->setObjectName(QStringLiteral("folderEdit"));
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    m_replaceCheck->setObjectName(QStringLiteral("replaceCheck"));
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_stateLabel->setObjectName(QStringLiteral("downloadStateLabel"));
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startButton->setObjectName(QStringLiteral("startDownloadButton"));
    m_startButton->setDefault(true);
    m_buttons->addButton(m_startButton, QDialogButtonBox::AcceptRole);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_expiryLabel->setBuddy(m_expiryCombo);
    m_folderLabel->setBuddy(m_folderEdit);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderEdit, 1);
    folderRow->addWidget(m_browseButton);
    auto *form = new QFormLayout;
    form->addRow(m_expiryLabel, m_expiryCombo);
    form->addRow(m_folderLabel, folderRow);
    form->addRow(QString(), m_replaceCheck);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_backupLabel);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_stateLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setTabOrder(m_expiryCombo, m_folderEdit);
    setTabOrder(m_folderEdit, m_browseButton);
    setTabOrder(m_browseButton, m_replaceCheck);
    setTabOrder(m_replaceCheck, m_startButton);

    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    m_folderEdit->setText(
        QDir::toNativeSeparators(downloads.isEmpty() ? QDir::homePath() : downloads));
    connect(m_startButton, &QPushButton::clicked, this, &BackupDownloadDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BackupDownloadDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &BackupDownloadDialog::browse);
    connect(m_folderEdit, &QLineEdit::textChanged, this, &BackupDownloadDialog::updateButtons);
    retranslate();
    m_expiryCombo->setCurrentIndex(int(expiryChoices().indexOf(3600)));
    updateButtons();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

BackupDownloadDialog::~BackupDownloadDialog() = default;

void BackupDownloadDialog::setFolder(const QString &folder) {
    m_folderEdit->setText(QDir::toNativeSeparators(folder));
}

void BackupDownloadDialog::browse() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Save the Backup Files In"), QDir::fromNativeSeparators(m_folderEdit->text()));
    if (!folder.isEmpty())
        setFolder(folder);
}

void BackupDownloadDialog::start() {
    if (m_download || !m_client)
        return;
    dcs::BackupDownload::Request request;
    request.instanceId = m_instanceId;
    request.backup = m_backup;
    request.expirationSeconds = m_expiryCombo->currentData().toInt();
    request.folder = QDir::fromNativeSeparators(m_folderEdit->text().trimmed());
    request.replaceExisting = m_replaceCheck->isChecked();
    m_download = new dcs::BackupDownload(m_client, request, this);
    connect(m_download, &dcs::BackupDownload::progress, this, &BackupDownloadDialog::onProgress);
    connect(m_download, &dcs::BackupDownload::finished, this, &BackupDownloadDialog::onFinished);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_stateLabel->setStyleSheet(QString());
    m_stateText = [] {
        return tr("Asking the service for download links…");
    };
    m_stateLabel->setText(m_stateText());
    updateButtons();
    m_download->start();
}

void BackupDownloadDialog::onProgress(qint64 received, qint64 total) {
    if (total > 0)
        m_progress->setValue(int(qBound(qint64(0), received * 1000 / total, qint64(1000))));
    m_stateText = [received, total] {
        return total > 0 ? tr("Downloaded %1 of %2.")
                               .arg(DisplayText::dataSize(received), DisplayText::dataSize(total))
                         : tr("Downloaded %1.").arg(DisplayText::dataSize(received));
    };
    m_stateLabel->setText(m_stateText());
}

void BackupDownloadDialog::onFinished(dcs::BackupDownload::State state) {
    const QStringList files = m_download ? m_download->files() : QStringList();
    const QString failure = m_download ? m_download->failureText() : QString();
    switch (state) {
    case dcs::BackupDownload::State::Succeeded: {
        m_progress->setValue(1000);
        QStringList names;
        for (const QString &file : files)
            names << QDir::toNativeSeparators(file);
        m_stateText = [names] {
            return tr("Saved %n file(s):", nullptr, int(names.size())) + QLatin1Char('\n') +
                   names.join(QLatin1Char('\n'));
        };
        m_stateLabel->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::Tone::Success));
        Q_EMIT downloaded(files);
        break;
    }
    case dcs::BackupDownload::State::Cancelled:
        m_stateText = [] {
            return tr("Download cancelled. No file was kept.");
        };
        m_stateLabel->setStyleSheet(QString());
        break;
    default:
        m_stateText = [failure] {
            return failure;
        };
        m_stateLabel->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::Tone::Danger));
        break;
    }
    m_stateLabel->setText(m_stateText());
    m_progress->setVisible(state == dcs::BackupDownload::State::Succeeded);
    adjustSize(); // room for the list of saved files or the whole reason
    // A new attempt starts afresh, with new links.
    if (m_download)
        m_download->deleteLater();
    m_download = nullptr;
    m_startButton->setProperty("done", state == dcs::BackupDownload::State::Succeeded);
    updateButtons();
}

void BackupDownloadDialog::reject() {
    // Cancel stops a download first; a second Cancel (now Close) closes.
    if (m_download) {
        m_download->cancel();
        return;
    }
    QDialog::reject();
}

void BackupDownloadDialog::updateButtons() {
    const bool running = !m_download.isNull();
    m_startButton->setEnabled(!running && !m_folderEdit->text().trimmed().isEmpty() && m_client);
    for (QWidget *input :
         {static_cast<QWidget *>(m_expiryCombo), static_cast<QWidget *>(m_folderEdit),
          static_cast<QWidget *>(m_browseButton), static_cast<QWidget *>(m_replaceCheck)})
        input->setEnabled(!running);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setText(running ? tr("&Cancel Download") : tr("Close"));
}

void BackupDownloadDialog::retranslate() {
    setWindowTitle(tr("Download Backup — %1").arg(m_backup.backupName));
    m_backupLabel->setText(
        tr("Backup %1 (%2, %3). The service gives links that work for the time chosen below; "
           "a cluster backup may come as several files.")
            .arg(m_backup.backupName, DisplayText::dataSize(m_backup.size),
                 m_backup.normalizedFormat().toUpper()));
    m_expiryLabel->setText(tr("Links &valid for:"));
    const int current = m_expiryCombo->currentIndex();
    m_expiryCombo->clear();
    for (int seconds : expiryChoices()) {
        const QString text = seconds < 3600 ? tr("%n minute(s)", nullptr, seconds / 60)
                                            : tr("%n hour(s)", nullptr, seconds / 3600);
        m_expiryCombo->addItem(text, seconds);
    }
    m_expiryCombo->setCurrentIndex(current);
    m_folderLabel->setText(tr("Save in &folder:"));
    m_browseButton->setText(tr("&Browse…"));
    m_replaceCheck->setText(tr("&Replace files that are already there"));
    m_startButton->setText(tr("&Download"));
    if (m_stateText)
        m_stateLabel->setText(m_stateText());
    updateButtons();
}

bool BackupDownloadDialog::event(QEvent *event) {
    // The base class passes LanguageChange on to the children after changeEvent(), and the
    // button box then gives its standard buttons their own texts again ("Cancel" for "Close"):
    // the dialog's texts come after that.
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return handled;
}
