#pragma once

#include "profiles/Profile.h"

#include <QObject>
#include <QSet>

namespace dcs {

class Session;
class SessionOpener;

// One viewer opening profile after profile (the main window): only the answer to its latest
// open() counts. A session that an earlier open() brings is closed unseen, and an earlier
// open()'s failure is not told; what others open on the same opener (the fleet) is theirs.
class LatestSessionOpener : public QObject {
    Q_OBJECT
public:
    // opener is not owned and must outlive this.
    explicit LatestSessionOpener(SessionOpener *opener, QObject *parent = nullptr);

    // Asynchronous: opened() or failed(), unless another open() comes first.
    void open(const Profile &profile);

Q_SIGNALS:
    // The latest open()'s session, the receiver's to show until it calls Session::close().
    void opened(dcs::Session *session);
    void failed(const dcs::Profile &profile, const QString &message); // translated

private:
    SessionOpener *m_opener;
    quint64 m_latest = 0;
    QSet<quint64> m_own; // this viewer's open()s not answered yet
};

} // namespace dcs
