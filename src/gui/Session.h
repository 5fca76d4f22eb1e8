#pragma once

#include <QString>
#include <QUrl>

namespace dcs {
class DcsClient;
}

// The account the window is showing: which profile, where it talks to, and the client that
// does the talking. Profiles for real accounts will produce the same thing as the Demo one.
struct Session {
    QString profileName;      // "Demo" for the embedded simulator
    bool isSimulator = false; // the console is talking to its local dcs-sim
    QUrl endpoint;
    QString projectId;
    dcs::DcsClient *client = nullptr; // not owned

    bool isOpen() const { return client != nullptr; }
};
