#pragma once

#include <QString>
#include <QUrl>

namespace dcs {
class DcsClient;
}

// The account the window is showing: which profile, where it talks to, and the client that
// does the talking. The Demo profile and real profiles produce the same thing.
struct Session {
    QString profileId;
    QString profileName;      // as shown in the window
    bool isSimulator = false; // the console is talking to its local dcs-sim
    bool production = false;  // a banner says so while it is open
    bool readOnly = false;    // restore is turned off
    QUrl endpoint;
    QString region; // empty for the local simulator
    QString projectId;
    dcs::DcsClient *client = nullptr; // not owned

    bool isOpen() const { return client != nullptr; }
};
