#include "RefusedPort.h"

#include <QtGlobal>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace dcs::sim {

RefusedPort::~RefusedPort() {
#ifdef Q_OS_UNIX
    if (m_socket >= 0)
        ::close(m_socket);
#endif
}

bool RefusedPort::open(QString *error) {
#ifdef Q_OS_UNIX
    if (m_socket >= 0)
        return true;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // Not handed to the redis-server processes dcs-sim starts.
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    // No SO_REUSEADDR or SO_REUSEPORT: nobody else can bind the port while it is held.
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return false;
    }
    // Never listen(): a connection gets the system's refusal (RST) at once.
    m_socket = fd;
    m_port = ntohs(address.sin_port);
    return true;
#else
    *error = QStringLiteral("not supported on this system");
    return false;
#endif
}

} // namespace dcs::sim
