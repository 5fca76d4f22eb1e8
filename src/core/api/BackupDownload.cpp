#include "api/BackupDownload.h"

#include "api/DcsClient.h"
#include "api/RequestLog.h"
#include "model/DisplayText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dcs {

namespace {

// A file name from the service is used as a name only: no folders, nothing hidden.
QString safeFileName(const QString &name, int index) {
    QString base = QFileInfo(name).fileName();
    base.replace(QLatin1Char('\\'), QLatin1Char('_'));
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    if (base.isEmpty())
        base = QStringLiteral("backup-file-%1").arg(index + 1);
    return base;
}

} // namespace

BackupDownload::BackupDownload(DcsClient *client, Request request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request)) {
    qRegisterMetaType<dcs::BackupDownload::State>();
}

BackupDownload::~BackupDownload() {
    if (m_state == State::AskingForLinks || m_state == State::Downloading) {
        stopTransfer();
        m_file.reset();
        removeParts();
    }
}

void BackupDownload::start() {
    if (m_state != State::Idle)
        return;
    if (!m_client) {
        fail(tr("The connection to the service is gone."));
        return;
    }
    m_started.start();
    m_state = State::AskingForLinks;
    m_client->listBackupLinks(
        m_request.instanceId, m_request.backup.backupId, m_request.expirationSeconds, this,
        [this](const ApiResult<BackupLinks> &result) {
            if (m_state != State::AskingForLinks)
                return;
            if (!result.ok()) {
                fail(tr("The service gave no download link: %1").arg(result.error.summary()),
                     result.error);
                return;
            }
            linksAnswered(result.value);
        });
}

void BackupDownload::cancel() {
    if (m_state != State::AskingForLinks && m_state != State::Downloading)
        return;
    stopTransfer();
    m_file.reset();
    removeParts();
    m_failure = tr("Cancelled. Nothing was kept.");
    finish(State::Cancelled);
}

bool BackupDownload::checkFolder() {
    const QDir folder(m_request.folder);
    if (m_request.folder.isEmpty() || !folder.exists()) {
        fail(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(m_request.folder)));
        return false;
    }
    for (int i = 0; i < m_links.size(); ++i) {
        const QString finalPath = folder.filePath(safeFileName(m_links.at(i).fileName, i));
        if (m_finalPaths.contains(finalPath)) {
            fail(
                tr("The service named two files alike (%1).").arg(QFileInfo(finalPath).fileName()));
            return false;
        }
        if (QFileInfo::exists(finalPath) && !m_request.replaceExisting) {
            fail(tr("%1 already exists. Choose another folder, or allow replacing it.")
                     .arg(QDir::toNativeSeparators(finalPath)));
            return false;
        }
        m_finalPaths.append(finalPath);
        m_partPaths.append(finalPath + partSuffix());
    }
    return true;
}

void BackupDownload::linksAnswered(const BackupLinks &links) {
    m_links = links.links;
    if (!checkFolder())
        return;
    Q_EMIT linksReceived(int(m_links.size()));
    m_state = State::Downloading;
    Q_EMIT progress(0, m_request.backup.size);
    fetchNext();
}

void BackupDownload::fetchNext() {
    if (!m_client) {
        fail(tr("The connection to the service is gone."));
        return;
    }
    const int index = m_next;
    m_file = std::make_unique<QFile>(m_partPaths.at(index));
    // Truncate: a part left by an earlier run is never continued.
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(tr("Cannot write %1: %2")
                 .arg(QDir::toNativeSeparators(m_partPaths.at(index)), m_file->errorString()));
        return;
    }
    m_receivedCurrent = 0;
    m_announcedCurrent = -1;
    m_fileStarted.start();
    m_fileStartedAt = QDateTime::currentDateTimeUtc();
    // The link is pre-signed (its query is the credential): no DCS signature, no token.
    HttpEngine *engine = m_client->engine();
    if (!engine) {
        fail(DcsClient::networkUnavailable().message, DcsClient::networkUnavailable());
        return;
    }
    HttpFileEvents events;
    events.received = [this](qint64 announced, const QByteArray &chunk) {
        takeBytes(announced, chunk);
    };
    events.finished = [this](const HttpFileEnd &end) {
        fileFinished(end);
    };
    m_transfer = engine->downloadFile(m_links.at(index).url, std::move(events));
}

void BackupDownload::stopTransfer() {
    // Destroying the transfer aborts it without another event.
    m_transfer.reset();
}

void BackupDownload::takeBytes(qint64 announced, const QByteArray &chunk) {
    if (!m_file || m_state != State::Downloading)
        return;
    if (m_announcedCurrent < 0)
        m_announcedCurrent = qMax<qint64>(0, announced);
    if (m_file->write(chunk) != chunk.size()) {
        fail(tr("Cannot write %1: %2")
                 .arg(QDir::toNativeSeparators(m_file->fileName()), m_file->errorString()));
        return;
    }
    m_receivedCurrent += chunk.size();
    Q_EMIT progress(received(), m_request.backup.size);
}

void BackupDownload::fileFinished(const HttpFileEnd &end) {
    if (m_state != State::Downloading)
        return;
    // Done with: it goes when this returns (also if a failure below stops it first).
    const std::unique_ptr<HttpFileTransfer> finished = std::move(m_transfer);
    const int status = end.status;
    if (m_announcedCurrent < 0)
        m_announcedCurrent = qMax<qint64>(0, end.announced);

    // For the request log: the link without its query, which is the credential.
    RequestLogEntry entry;
    entry.startedAt = m_fileStartedAt;
    entry.method = "GET";
    QUrl logged = end.url;
    logged.setQuery(QString());
    entry.url = logged;
    entry.httpStatus = status;
    entry.durationMs = m_fileStarted.elapsed();
    entry.responseBytes = m_receivedCurrent;
    entry.requestId = QString::fromLatin1(headerValue(end.headers, "X-Request-Id"));
    entry.profileName = m_client ? m_client->config().profileName : QString();
    if (m_client)
        Q_EMIT m_client->requestFinished(entry);

    const QString name = QFileInfo(m_finalPaths.at(m_next)).fileName();
    if (status != 200) {
        // OBS answers in XML: <Error><Code>AccessDenied</Code><Message>Request has expired…
        const QByteArray &body = end.body;
        const qsizetype from = body.indexOf("<Message>");
        const qsizetype to = body.indexOf("</Message>");
        const QString message = from >= 0 && to > from
                                    ? QString::fromUtf8(body.mid(from + 9, to - from - 9))
                                    : end.errorString;
        ApiError error = ApiError::network(ApiError::Kind::Http, message);
        error.httpStatus = status;
        error.requestId = entry.requestId;
        fail(tr("%1 could not be downloaded (HTTP %2: %3). If the link has expired, start "
                "the download again.")
                 .arg(name)
                 .arg(status)
                 .arg(message),
             error);
        return;
    }
    // Counted here rather than trusted to the network layer: Qt does not always report a
    // connection closed before Content-Length as an error.
    if (end.failed || (m_announcedCurrent > 0 && m_receivedCurrent != m_announcedCurrent)) {
        ApiError error = ApiError::network(ApiError::Kind::Network, end.errorString);
        fail(tr("%1 arrived incomplete: %2 of %3 bytes (%4).")
                 .arg(name)
                 .arg(m_receivedCurrent)
                 .arg(m_announcedCurrent)
                 .arg(end.failed ? end.errorString : tr("the connection closed early")),
             error);
        return;
    }
    if (!m_file->flush()) {
        fail(tr("Cannot write %1: %2")
                 .arg(QDir::toNativeSeparators(m_file->fileName()), m_file->errorString()));
        return;
    }
    m_file->close();
    m_file.reset();
    m_receivedDone += m_receivedCurrent;
    m_receivedCurrent = 0;
    ++m_next;
    if (m_next < m_links.size()) {
        fetchNext();
        return;
    }

    // Every file is here: the sizes must add up to what the backup announced.
    if (m_request.backup.size > 0 && m_receivedDone != m_request.backup.size) {
        fail(tr("The files add up to %1 bytes, but the backup is announced as %2 bytes. "
                "Nothing was kept.")
                 .arg(m_receivedDone)
                 .arg(m_request.backup.size));
        return;
    }
    for (int i = 0; i < m_partPaths.size(); ++i) {
        if (QFileInfo::exists(m_finalPaths.at(i)) && m_request.replaceExisting)
            QFile::remove(m_finalPaths.at(i));
        if (!QFile::rename(m_partPaths.at(i), m_finalPaths.at(i))) {
            // Those already renamed are complete; the rest go, and the failure says so.
            for (int k = 0; k < i; ++k)
                QFile::remove(m_finalPaths.at(k));
            fail(tr("Cannot rename %1 to its final name.")
                     .arg(QDir::toNativeSeparators(m_partPaths.at(i))));
            return;
        }
    }
    finish(State::Succeeded);
}

void BackupDownload::fail(const QString &why, const ApiError &error) {
    if (m_state == State::Succeeded || m_state == State::Failed || m_state == State::Cancelled)
        return;
    stopTransfer();
    m_file.reset();
    removeParts();
    m_error = error;
    m_failure = why;
    finish(State::Failed);
}

void BackupDownload::finish(State state) {
    m_state = state;
    Q_EMIT finished(state);
}

void BackupDownload::removeParts() {
    for (const QString &part : std::as_const(m_partPaths))
        QFile::remove(part);
}

} // namespace dcs
