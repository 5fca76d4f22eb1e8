#pragma once

#include <QByteArray>
#include <QList>
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

// The Demo profile's first region: its simulator is the one started when the Demo profile opens.
inline QString homeRegion() {
    return QStringLiteral("cn-north-4");
}

// One region + project of the Demo account and the demo data set dcs-sim seeds it with (the
// names of dcs-sim's --demo-set).
struct DemoProject {
    QString region;
    QString projectId;
    QString projectName; // as IAM names it
    QString dataSet;
};

// Every region + project of the Demo account: projectId() keeps the console's original demo set;
// the others are there for the fleet, each with a different backup health on purpose. One
// dcs-sim process per region serves the projects of that region.
inline QList<DemoProject> fleet() {
    return {
        {homeRegion(), projectId(), QStringLiteral("cn-north-4"), QStringLiteral("standard")},
        {homeRegion(), QStringLiteral("1b2c3d4e5f6047189a0b1c2d3e4f5a6b"),
         QStringLiteral("cn-north-4_analytics"), QStringLiteral("analytics")},
        {QStringLiteral("cn-east-3"), QStringLiteral("2c3d4e5f60714829ab0c1d2e3f4a5b6c"),
         QStringLiteral("cn-east-3"), QStringLiteral("east")},
    };
}

// The regions of fleet(), the home region first.
inline QStringList fleetRegions() {
    QStringList regions;
    for (const DemoProject &project : fleet()) {
        if (!regions.contains(project.region))
            regions.append(project.region);
    }
    return regions;
}

// How the Demo profile's simulator is started; empty fields take the defaults.
struct SimulatorOptions {
    QString simulatorProgram; // empty: dcs-sim next to this program
    QString stateFile;        // empty: in the user's data folder; other regions beside it
    QStringList simulatorArguments;
};

} // namespace dcs::demo
