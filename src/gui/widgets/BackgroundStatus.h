#pragma once

#include <QCoreApplication>
#include <QString>
#include <functional>

// Whatever the window shows about a profile — a restore followed, a backup that ended — is
// said to belong to it when that profile is not the one open: a production profile never shows
// another account's status as if it were its own.
class BackgroundStatus {
    Q_DECLARE_TR_FUNCTIONS(BackgroundStatus)
public:
    // The name to show for a profile that is not the open one; empty for the open one.
    using ProfileNamer = std::function<QString(const QString &profileId)>;

    // "[Demo] text" for another profile's, the text alone for the open one's (or without namer).
    static QString about(const ProfileNamer &namer, const QString &profileId, const QString &text);
    // The same for rich text: the profile's name is escaped, the html is kept as it is.
    static QString aboutHtml(const ProfileNamer &namer, const QString &profileId,
                             const QString &html);
};
