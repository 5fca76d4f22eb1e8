#pragma once

#include "model/RestoreRecord.h"
#include "restore/PendingRestoreFile.h"
#include "widgets/BackgroundStatus.h"

#include <QObject>
#include <QPointer>

class ErrorPanel;
class NoticeBanner;
class RestoreNotifier;
class RestoreProgressBar;
namespace dcs {
class FollowedRestores;
}

// Tells the user how the followed restores go, of every profile: their progress in the status
// bar, how each ended (notifier, error panel), a lost answer found or not — naming the profile
// of a restore that is not the open one's. Presents only: the following, the pending file and
// the audit trail are FollowedRestores' (core).
class RestoreAnnouncer : public QObject {
    Q_OBJECT
public:
    RestoreAnnouncer(ErrorPanel *errors, NoticeBanner *notice, RestoreNotifier *notifier,
                     RestoreProgressBar *progress, QObject *parent = nullptr);

    // What to announce; null: nothing. The restores shown so far are dropped.
    void setFollowedRestores(dcs::FollowedRestores *followed);
    // Which profile is open decides what is named.
    void setProfileNamer(BackgroundStatus::ProfileNamer namer);

private:
    void onFinished(const dcs::PendingRestore &restore, const dcs::RestoreRecord &record);
    void onTimedOut(const dcs::PendingRestore &restore);

    ErrorPanel *m_errors;
    NoticeBanner *m_notice;
    RestoreNotifier *m_notifier;
    RestoreProgressBar *m_progress;
    QPointer<dcs::FollowedRestores> m_followed;
    BackgroundStatus::ProfileNamer m_namer;
};
