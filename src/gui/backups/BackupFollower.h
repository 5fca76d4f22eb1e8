#pragma once

#include "api/ApiError.h"
#include "api/DcsClient.h"
#include "model/Backup.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class ErrorPanel;
class NoticeBanner;
class QMainWindow;
namespace dcs {
class BackupTracker;
}

// Follows manual backups, one BackupTracker each, until they end, and tells the user how they
// ended (status bar and notice, or the error panel). The window keeps its tables up to date from
// the signals; a backup of another profile or instance is still followed and reported.
class BackupFollower : public QObject {
    Q_OBJECT
public:
    BackupFollower(QMainWindow *window, ErrorPanel *errors, NoticeBanner *notice);

    // A backup already followed is not followed twice.
    void follow(dcs::DcsClient *client, const QString &instanceId, const QString &backupId,
                int pollMs);

Q_SIGNALS:
    // The server's view of the backup while it is written, and once when it has ended.
    void updated(dcs::DcsClient *client, const QString &instanceId, const dcs::Backup &backup);
    void ended(dcs::DcsClient *client, const QString &instanceId, const dcs::Backup &backup);
    // After ended(), once the user has been told.
    void finished(const dcs::Backup &backup);

private:
    void reportEnd(const QString &backupId, const dcs::Backup &backup);

    QMainWindow *m_window;
    ErrorPanel *m_errors;
    NoticeBanner *m_notice;
    QHash<QString, QPointer<dcs::BackupTracker>> m_trackers;
};
