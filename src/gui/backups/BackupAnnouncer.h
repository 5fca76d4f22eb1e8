#pragma once

#include "model/Backup.h"
#include "widgets/BackgroundStatus.h"

#include <QObject>

class ErrorPanel;
class NoticeBanner;
class QStatusBar;
namespace dcs {
class Session;
}

// Tells the user how the backups followed by a session end (status bar and notice, or the error
// panel), also after its profile was switched away from — then naming that profile. Presents
// only: the following is the session's.
class BackupAnnouncer : public QObject {
    Q_OBJECT
public:
    BackupAnnouncer(QStatusBar *statusBar, ErrorPanel *errors, NoticeBanner *notice,
                    QObject *parent = nullptr);

    // Announces this session's backups for as long as it lives.
    void watch(dcs::Session *session);
    void setProfileNamer(BackgroundStatus::ProfileNamer namer) { m_namer = std::move(namer); }

Q_SIGNALS:
    // A followed backup has ended and the user has been told.
    void finished(const dcs::Backup &backup);

private:
    void reportEnd(const QString &profileId, const dcs::Backup &backup);

    QStatusBar *m_statusBar;
    ErrorPanel *m_errors;
    NoticeBanner *m_notice;
    BackgroundStatus::ProfileNamer m_namer;
};
