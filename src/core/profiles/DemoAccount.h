#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace dcs::demo {

// The credentials the embedded simulator is started with. Not secret: they only open the
// loopback simulator this console starts itself.
inline const QByteArray accessKey() {
    return QByteArrayLiteral("DEMOACCESSKEYDCSCONSOLE");
}
inline const QByteArray secretKey() {
    return QByteArrayLiteral("demo-secret-key-for-the-local-simulator");
}
inline QString projectId() {
    return QStringLiteral("0a1b2c3d4e5f40718293a4b5c6d7e8f9");
}

// How the Demo profile's simulator is started; empty fields take the defaults.
struct SimulatorOptions {
    QString simulatorProgram; // empty: dcs-sim next to this program
    QString stateFile;        // empty: in the user's data folder
    QStringList simulatorArguments;
};

} // namespace dcs::demo
