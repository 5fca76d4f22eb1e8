#include "model/DisplayText.h"

#include <QCoreApplication>
#include <QLocale>

namespace DisplayText {

QString none() {
    return QStringLiteral("—");
}

QString unknown() {
    return QCoreApplication::translate("DisplayText", "unknown");
}

QString orNone(const QString &value) {
    return value.isEmpty() ? none() : value;
}

QString instanceStatus(const QString &apiStatus) {
    // Only the words the API documents are translated; anything new is shown as sent.
    if (apiStatus == QLatin1String("RUNNING"))
        return QCoreApplication::translate("DisplayText", "Running");
    if (apiStatus == QLatin1String("CREATING"))
        return QCoreApplication::translate("DisplayText", "Creating");
    if (apiStatus == QLatin1String("CREATEFAILED"))
        return QCoreApplication::translate("DisplayText", "Creation failed");
    if (apiStatus == QLatin1String("ERROR"))
        return QCoreApplication::translate("DisplayText", "Abnormal");
    if (apiStatus == QLatin1String("RESTARTING"))
        return QCoreApplication::translate("DisplayText", "Restarting");
    if (apiStatus == QLatin1String("FROZEN"))
        return QCoreApplication::translate("DisplayText", "Frozen");
    if (apiStatus == QLatin1String("EXTENDING"))
        return QCoreApplication::translate("DisplayText", "Scaling");
    if (apiStatus == QLatin1String("RESTORING"))
        return QCoreApplication::translate("DisplayText", "Restoring");
    if (apiStatus == QLatin1String("FLUSHING"))
        return QCoreApplication::translate("DisplayText", "Clearing data");
    return orNone(apiStatus);
}

namespace {

// The words of a background task's name (dcs-api-v2.md §9), or nullptr for a name the console
// does not know.
const char *taskWords(const QString &apiName) {
    struct Known {
        const char *api;
        const char *words;
    };
    // The documented names; [GO] says ChangeInstanceSpec where [OTC] says EXTEND, and a change
    // of specification may make the instance larger, smaller or of another type.
    static const Known known[] = {
        {"EXTEND", QT_TRANSLATE_NOOP("DisplayText", "Change specifications")},
        {"ChangeInstanceSpec", QT_TRANSLATE_NOOP("DisplayText", "Change specifications")},
        {"BindEip", QT_TRANSLATE_NOOP("DisplayText", "Bind EIP")},
        {"UnBindEip", QT_TRANSLATE_NOOP("DisplayText", "Unbind EIP")},
        {"AddReplica", QT_TRANSLATE_NOOP("DisplayText", "Add replica")},
        {"DelReplica", QT_TRANSLATE_NOOP("DisplayText", "Delete replica")},
        {"AddWhitelist", QT_TRANSLATE_NOOP("DisplayText", "Change whitelist")},
        {"UpdatePort", QT_TRANSLATE_NOOP("DisplayText", "Change port")},
        {"RemoveIpFromDns", QT_TRANSLATE_NOOP("DisplayText", "Remove IP from DNS")},
        {"masterStandbySwapJob", QT_TRANSLATE_NOOP("DisplayText", "Master/standby switchover")},
        {"modify", QT_TRANSLATE_NOOP("DisplayText", "Change password")},
    };
    const QString name = apiName.trimmed();
    for (const Known &entry : known) {
        if (name.compare(QLatin1String(entry.api), Qt::CaseInsensitive) == 0)
            return entry.words;
    }
    return nullptr;
}

} // namespace

QString taskName(const QString &apiName) {
    if (const char *words = taskWords(apiName))
        return QCoreApplication::translate("DisplayText", words);
    return orNone(apiName.trimmed());
}

QString taskStatus(const QString &apiStatus) {
    // Undocumented for DCS (§9); these are the sibling DMS APIs' words. Others as sent.
    const QString status = apiStatus.toUpper();
    if (status == QLatin1String("SUCCESS"))
        return QCoreApplication::translate("DisplayText", "Succeeded");
    if (status == QLatin1String("FAILED"))
        return QCoreApplication::translate("DisplayText", "Failed");
    if (status == QLatin1String("EXECUTING"))
        return QCoreApplication::translate("DisplayText", "Running");
    if (status == QLatin1String("CREATED"))
        return QCoreApplication::translate("DisplayText", "Queued");
    if (status == QLatin1String("CANCELLED"))
        return QCoreApplication::translate("DisplayText", "Cancelled");
    if (status == QLatin1String("DELETED"))
        return QCoreApplication::translate("DisplayText", "Deleted");
    return orNone(apiStatus);
}

QString backupStatus(const QString &apiStatus) {
    if (apiStatus == QLatin1String("waiting"))
        return QCoreApplication::translate("DisplayText", "Waiting");
    if (apiStatus == QLatin1String("backuping"))
        return QCoreApplication::translate("DisplayText", "Backing up");
    if (apiStatus == QLatin1String("succeed"))
        return QCoreApplication::translate("DisplayText", "Succeeded");
    if (apiStatus == QLatin1String("failed"))
        return QCoreApplication::translate("DisplayText", "Failed");
    if (apiStatus == QLatin1String("expired"))
        return QCoreApplication::translate("DisplayText", "Expired");
    if (apiStatus == QLatin1String("deleted"))
        return QCoreApplication::translate("DisplayText", "Deleted");
    return orNone(apiStatus);
}

QString restoreStatus(const QString &apiStatus) {
    if (apiStatus == QLatin1String("waiting"))
        return QCoreApplication::translate("DisplayText", "Waiting");
    if (apiStatus == QLatin1String("restoring"))
        return QCoreApplication::translate("DisplayText", "Restoring");
    if (apiStatus == QLatin1String("succeed"))
        return QCoreApplication::translate("DisplayText", "Succeeded");
    if (apiStatus == QLatin1String("failed"))
        return QCoreApplication::translate("DisplayText", "Failed");
    return orNone(apiStatus);
}

QString backupType(const QString &apiType) {
    if (apiType.compare(QLatin1String("manual"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("DisplayText", "Manual");
    if (apiType.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("DisplayText", "Automatic");
    return orNone(apiType);
}

QString yesNo(bool value) {
    return value ? QCoreApplication::translate("DisplayText", "Yes")
                 : QCoreApplication::translate("DisplayText", "No");
}

namespace {

// The patterns of Huawei Cloud's own console in each language ("2024/01/05 15:04:05" and
// "Jan 5, 2024 15:04:05"): a 24-hour clock with seconds in both, which QLocale's short formats
// lack, and month names from the current locale in English.
QString dateTimePattern(bool seconds) {
    const bool chinese = QLocale().language() == QLocale::Chinese;
    if (seconds)
        return chinese ? QStringLiteral("yyyy/MM/dd HH:mm:ss")
                       : QStringLiteral("MMM d, yyyy HH:mm:ss");
    return chinese ? QStringLiteral("yyyy/MM/dd HH:mm") : QStringLiteral("MMM d, yyyy HH:mm");
}

} // namespace

QString dateTime(const QDateTime &utc) {
    if (!utc.isValid())
        return none();
    return QLocale().toString(utc.toLocalTime(), dateTimePattern(true));
}

QString dateTimeMinutes(const QDateTime &utc) {
    if (!utc.isValid())
        return none();
    return QLocale().toString(utc.toLocalTime(), dateTimePattern(false));
}

QString dataSize(qint64 bytes) {
    if (bytes < 0)
        return unknown();
    return QLocale().formattedDataSize(bytes, 2, QLocale::DataSizeTraditionalFormat);
}

namespace {

// Megabytes that still fit in a byte count; more cannot be a fact about one instance.
constexpr qint64 maxMegabytes = (Q_INT64_C(1) << 43) - 1;

} // namespace

QString memoryUsage(qint64 usedMb, qint64 maxMb) {
    if (usedMb < 0 || usedMb > maxMegabytes)
        return unknown();
    const QLocale locale;
    const QString used =
        locale.formattedDataSize(usedMb * 1024 * 1024, 0, QLocale::DataSizeTraditionalFormat);
    if (maxMb <= 0 || maxMb > maxMegabytes)
        return used;
    const QString max =
        locale.formattedDataSize(maxMb * 1024 * 1024, 0, QLocale::DataSizeTraditionalFormat);
    // More used than there is: the numbers contradict each other, so no ratio is made up.
    if (usedMb > maxMb)
        return QCoreApplication::translate("DisplayText", "%1 / %2").arg(used, max);
    const int ratio = int(qRound(100.0 * double(usedMb) / double(maxMb)));
    return QCoreApplication::translate("DisplayText", "%1 / %2 (%3%)")
        .arg(used, max, locale.toString(ratio));
}

QString percent(double value) {
    if (!(value >= 0)) // negative or NaN: unknown
        return unknown();
    return QCoreApplication::translate("DisplayText", "%1%")
        .arg(QLocale().toString(qMin(value, 100.0), 'f', 0));
}

} // namespace DisplayText
