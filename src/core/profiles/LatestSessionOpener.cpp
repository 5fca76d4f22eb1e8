#include "profiles/LatestSessionOpener.h"

#include "profiles/Session.h"
#include "profiles/SessionOpener.h"

namespace dcs {

LatestSessionOpener::LatestSessionOpener(SessionOpener *opener, QObject *parent)
    : QObject(parent)
    , m_opener(opener) {
    connect(opener, &SessionOpener::opened, this, [this](quint64 ticket, Session *session) {
        if (!m_own.remove(ticket))
            return;
        if (ticket == m_latest)
            Q_EMIT opened(session);
        else
            session->close();
    });
    connect(opener, &SessionOpener::failed, this,
            [this](quint64 ticket, const Profile &profile, const QString &message) {
                if (m_own.remove(ticket) && ticket == m_latest)
                    Q_EMIT failed(profile, message);
            });
}

void LatestSessionOpener::open(const Profile &profile) {
    m_latest = m_opener->open(profile);
    m_own.insert(m_latest);
}

} // namespace dcs
