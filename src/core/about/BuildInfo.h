#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace dcs {

// What --version and the About dialog say about this build: the version, which build it is
// (the git commit, read at build time) and the Qt it runs with.
struct BuildInfo {
    Q_DECLARE_TR_FUNCTIONS(BuildInfo)

public:
    QString version;   // the project's version
    QString build;     // "git <commit>[-dirty]", a packager's name for it, or empty: unknown
    QString qtRuntime; // the Qt the program runs with
    QString qtBuild;   // the Qt it was built against

    static BuildInfo current();
    // The programs name their build at start (from the header cmake/DcsBuildInfo.cmake writes),
    // so that a new commit rebuilds their main.cpp only, not the libraries and every test.
    static void setBuild(const QString &build);

    // Translated: the build, or a sentence saying it is unknown.
    QString buildText() const;
    // Translated: "6.4.2", or "6.4.3 (built with 6.4.2)" when they differ.
    QString qtText() const;
    // Translated lines of --version: "<program> <version>", the build, Qt.
    QStringList versionLines(const QString &program) const;
    // Untranslated, for programs whose --version is one line: "0.1.0 (git 1a2b3c4d5e6f, Qt 6.4.2)".
    QString oneLine() const;
};

// Where the console keeps what it writes, as the About dialog and the man page tell.
struct StorageLocations {
    QString settingsFile; // settings and saved profiles (never their secrets)
    QString dataFolder;   // everything below
    QString auditLog;     // the restore audit trail
    QString simulatorLog; // the Demo simulator's request log

    // The defaults of this user (QSettings and QStandardPaths: the application's names must be
    // set first).
    static StorageLocations defaults();
};

} // namespace dcs
