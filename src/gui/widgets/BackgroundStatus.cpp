#include "widgets/BackgroundStatus.h"

namespace {

QString otherProfile(const BackgroundStatus::ProfileNamer &namer, const QString &profileId) {
    return namer ? namer(profileId) : QString();
}

} // namespace

QString BackgroundStatus::about(const ProfileNamer &namer, const QString &profileId,
                                const QString &text) {
    const QString profile = otherProfile(namer, profileId);
    return profile.isEmpty() ? text : tr("[%1] %2").arg(profile, text);
}

QString BackgroundStatus::aboutHtml(const ProfileNamer &namer, const QString &profileId,
                                    const QString &html) {
    const QString profile = otherProfile(namer, profileId);
    return profile.isEmpty() ? html : tr("[%1] %2").arg(profile.toHtmlEscaped(), html);
}
