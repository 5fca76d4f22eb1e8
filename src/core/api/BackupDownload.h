#pragma once

#include "api/ApiError.h"
#include "api/HttpEngine.h"
#include "model/Backup.h"
#include "model/BackupLinks.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>

namespace dcs {

class DcsClient;

// Downloads the file(s) of one backup (dcs-api-v2.md §6): asks the service for links that live
// for the chosen time, then fetches each link into <folder>/<file name>.part and renames the
// parts to their final names only when every file is complete and the sizes add up to what the
// backup announced. A cancel or any failure removes the parts: a final name never holds a
// partial file, and nothing is resumed silently — a new download starts from the first byte.
class BackupDownload : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString instanceId;
        Backup backup;                // its size is checked against what arrives
        int expirationSeconds = 3600; // how long the links live (300–86400)
        QString folder;               // where the files go
        bool replaceExisting = false; // else a file already there stops the download first
    };

    enum class State { Idle, AskingForLinks, Downloading, Succeeded, Failed, Cancelled };

    BackupDownload(DcsClient *client, Request request, QObject *parent = nullptr);
    ~BackupDownload() override;

    void start();
    void cancel();

    State state() const { return m_state; }
    // The final paths once succeeded; the files being fetched before.
    QStringList files() const { return m_finalPaths; }
    const ApiError &error() const { return m_error; }
    // Translated, one paragraph: what went wrong and what was left on disk (nothing).
    QString failureText() const { return m_failure; }
    qint64 received() const { return m_receivedDone + m_receivedCurrent; }
    qint64 expectedTotal() const { return m_request.backup.size; }

    static QString partSuffix() { return QStringLiteral(".part"); }

Q_SIGNALS:
    void linksReceived(int files);
    // bytes of every file so far; total is the backup's announced size (0 when unknown)
    void progress(qint64 received, qint64 total);
    // Exactly once, at the end: Succeeded, Failed or Cancelled.
    void finished(dcs::BackupDownload::State state);

private:
    void linksAnswered(const BackupLinks &links);
    void fetchNext();
    void takeBytes(qint64 announced, const QByteArray &chunk);
    void fileFinished(const HttpFileEnd &end);
    void stopTransfer();
    void fail(const QString &why, const ApiError &error = {});
    void finish(State state);
    void removeParts();
    bool checkFolder();

    QPointer<DcsClient> m_client;
    Request m_request;
    State m_state = State::Idle;
    QList<BackupFileLink> m_links;
    int m_next = 0;
    QStringList m_partPaths;
    QStringList m_finalPaths;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<HttpFileTransfer> m_transfer; // the file being fetched
    qint64 m_receivedDone = 0;
    qint64 m_receivedCurrent = 0;
    qint64 m_announcedCurrent = -1; // Content-Length of the file being fetched
    QElapsedTimer m_started;
    QElapsedTimer m_fileStarted;
    QDateTime m_fileStartedAt;
    ApiError m_error;
    QString m_failure;
};

} // namespace dcs

Q_DECLARE_METATYPE(dcs::BackupDownload::State)
