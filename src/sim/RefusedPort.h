#pragma once

#include <QString>

namespace dcs::sim {

// A TCP port on 127.0.0.1 that this process holds bound and never listens on (dcs-sim
// --offline-addresses): while it is held no other program can take the port, and a connection
// to it is refused at once by the system — it never leaves the machine and nothing answers.
class RefusedPort {
public:
    RefusedPort() = default;
    ~RefusedPort();
    RefusedPort(const RefusedPort &) = delete;
    RefusedPort &operator=(const RefusedPort &) = delete;

    // Binds a port the system picks. False with *error (one line) when it cannot.
    bool open(QString *error);
    quint16 port() const { return m_port; }

private:
    int m_socket = -1;
    quint16 m_port = 0;
};

} // namespace dcs::sim
