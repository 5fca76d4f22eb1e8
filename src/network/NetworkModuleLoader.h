#pragma once

#include "api/HttpEngine.h"

#include <QLibrary>
#include <QString>

namespace dcs {

// Loads the network layer built as a module (libdcs-network.so). The console links no Qt
// Network at all: the library and what it brings (TLS, Kerberos, proxy discovery) are about a
// tenth of its start, and none of it is needed before the first frame.
class NetworkModuleLoader {
public:
    explicit NetworkModuleLoader(QString fileName);

    // The module, loaded on the first call; nullptr when it cannot be, and error() says why.
    NetworkModule *module();
    // Translated; empty while nothing went wrong.
    QString error() const { return m_error; }

    // Where the console finds its module: relative to the program's own folder, as installed
    // and as built (never the current folder).
    static QString installedFileName();

private:
    QLibrary m_library;
    NetworkModule *m_module = nullptr;
    bool m_tried = false;
    QString m_error;
};

} // namespace dcs
