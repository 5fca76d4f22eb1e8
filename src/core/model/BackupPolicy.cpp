#include "model/BackupPolicy.h"

#include "model/JsonRead.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace dcs {

namespace {

using L1 = QLatin1String;

} // namespace

int BackupPolicy::beginHour() const {
    static const QRegularExpression window(QStringLiteral("^(\\d{2}):00-(\\d{2}):00$"));
    const QRegularExpressionMatch match = window.match(beginAt.trimmed());
    if (!match.hasMatch())
        return -1;
    const int begin = match.captured(1).toInt();
    const int end = match.captured(2).toInt();
    if (begin > 23 || end > 23 || (begin + 1) % 24 != end)
        return -1;
    return begin;
}

namespace {

// The window's start on the given UTC day, if the policy runs on that weekday.
QDateTime windowOn(const BackupPolicy &policy, const QDate &day, int hour) {
    if (!policy.backupAt.contains(day.dayOfWeek()))
        return {};
    return QDateTime(day, QTime(hour, 0), Qt::UTC);
}

} // namespace

QDateTime BackupPolicy::nextWindowAfter(const QDateTime &after) const {
    const int hour = beginHour();
    if (!isAuto() || hour < 0 || backupAt.isEmpty() || !after.isValid())
        return {};
    const QDate first = after.toUTC().date();
    // A week and a day covers every weekday after any moment.
    for (int d = 0; d <= 8; ++d) {
        const QDateTime start = windowOn(*this, first.addDays(d), hour);
        if (start.isValid() && start > after)
            return start;
    }
    return {};
}

QDateTime BackupPolicy::lastWindowAtOrBefore(const QDateTime &at) const {
    const int hour = beginHour();
    if (!isAuto() || hour < 0 || backupAt.isEmpty() || !at.isValid())
        return {};
    const QDate first = at.toUTC().date();
    for (int d = 0; d <= 8; ++d) {
        const QDateTime start = windowOn(*this, first.addDays(-d), hour);
        if (start.isValid() && start <= at)
            return start;
    }
    return {};
}

QList<QDateTime> BackupPolicy::windowsBetween(const QDateTime &from, const QDateTime &to) const {
    QList<QDateTime> windows;
    QDateTime next = nextWindowAfter(from);
    while (next.isValid() && next <= to) {
        windows.append(next);
        next = nextWindowAfter(next);
    }
    return windows;
}

QString BackupPolicy::windowForHour(int hour) {
    const int begin = ((hour % 24) + 24) % 24;
    return QStringLiteral("%1:00-%2:00")
        .arg(begin, 2, 10, QLatin1Char('0'))
        .arg((begin + 1) % 24, 2, 10, QLatin1Char('0'));
}

std::optional<BackupPolicy> BackupPolicy::fromJson(const QJsonValue &value) {
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject wrapper = value.toObject();
    // [GO] InstanceBackupPolicy wraps the policy; accept a bare policy as well.
    const QJsonObject policy =
        wrapper.value(L1("policy")).isObject() ? wrapper.value(L1("policy")).toObject() : wrapper;
    BackupPolicy p;
    p.backupType = json::string(policy.value(L1("backup_type")));
    if (p.backupType.isEmpty())
        return std::nullopt;
    // The documented examples send these ints as strings ("save_days": "1,"); read both.
    p.saveDays = int(json::integer(policy.value(L1("save_days")), 0));
    const QJsonObject plan = policy.value(L1("periodical_backup_plan")).toObject();
    p.backupAt.clear();
    for (const QJsonValue &day : plan.value(L1("backup_at")).toArray()) {
        const qint64 d = json::integer(day, 0);
        if (d >= 1 && d <= 7 && !p.backupAt.contains(int(d)))
            p.backupAt.append(int(d));
    }
    std::sort(p.backupAt.begin(), p.backupAt.end());
    p.periodType = json::string(plan.value(L1("period_type")));
    p.beginAt = json::string(plan.value(L1("begin_at")));
    p.updatedAt = json::dateTime(wrapper.value(L1("updated_at")));
    return p;
}

QJsonObject BackupPolicy::toJson() const {
    QJsonArray days;
    for (int d : backupAt)
        days.append(d);
    // The plan goes along even for "manual": whether {"backup_type":"manual"} alone is accepted
    // is unconfirmed (§11), and a complete policy is valid under either reading. The service
    // keeps the plan for a later switch back to automatic.
    const QJsonObject plan{
        {L1("backup_at"), days},
        {L1("period_type"), periodType.isEmpty() ? QStringLiteral("weekly") : periodType},
        {L1("begin_at"), beginAt}};
    return QJsonObject{{L1("backup_type"), backupType},
                       {L1("save_days"), saveDays},
                       {L1("periodical_backup_plan"), plan}};
}

QStringList BackupPolicy::problems() const {
    QStringList result;
    if (backupType != QLatin1String("auto") && backupType != QLatin1String("manual"))
        result.append(QCoreApplication::translate("dcs::BackupPolicy",
                                                  "The backup type must be automatic or manual."));
    if (saveDays < 1 || saveDays > 7)
        result.append(QCoreApplication::translate(
            "dcs::BackupPolicy", "Automatic backups can be kept for 1 to 7 days."));
    if (backupAt.isEmpty())
        result.append(QCoreApplication::translate("dcs::BackupPolicy",
                                                  "Choose at least one day of the week."));
    if (beginHour() < 0)
        result.append(QCoreApplication::translate(
            "dcs::BackupPolicy", "The backup window must be one hour starting on the hour."));
    return result;
}

QString BackupPolicy::describe() const {
    const QLocale locale;
    if (!isAuto())
        return QCoreApplication::translate("dcs::BackupPolicy",
                                           "Manual only: no automatic backups");
    QString days;
    if (backupAt.size() == 7) {
        days = QCoreApplication::translate("dcs::BackupPolicy", "every day");
    } else {
        QStringList names;
        for (int d : backupAt)
            names.append(locale.dayName(d, QLocale::LongFormat));
        days = locale.createSeparatedList(names);
    }
    const int hour = beginHour();
    const QString window =
        hour < 0 ? beginAt
                 : QStringLiteral("%1–%2").arg(
                       locale.toString(QTime(hour, 0), QLocale::ShortFormat),
                       locale.toString(QTime((hour + 1) % 24, 0), QLocale::ShortFormat));
    return QCoreApplication::translate(
               "dcs::BackupPolicy", "Automatic: %1, %2 UTC; kept for %n day(s)", nullptr, saveDays)
        .arg(days, window);
}

QList<BackupPolicy::Row> BackupPolicy::compare(const std::optional<BackupPolicy> &before,
                                               const BackupPolicy &after) {
    const QLocale locale;
    auto type = [](const BackupPolicy &p) {
        return p.isAuto() ? QCoreApplication::translate("dcs::BackupPolicy", "Automatic")
                          : QCoreApplication::translate("dcs::BackupPolicy", "Manual only");
    };
    auto days = [&](const BackupPolicy &p) {
        if (p.backupAt.size() == 7)
            return QCoreApplication::translate("dcs::BackupPolicy", "every day");
        QStringList names;
        for (int d : p.backupAt)
            names.append(locale.dayName(d, QLocale::ShortFormat));
        return names.isEmpty() ? QStringLiteral("—") : locale.createSeparatedList(names);
    };
    auto window = [&](const BackupPolicy &p) {
        const int hour = p.beginHour();
        if (hour < 0)
            return p.beginAt.isEmpty() ? QStringLiteral("—") : p.beginAt;
        return QStringLiteral("%1–%2").arg(
            locale.toString(QTime(hour, 0), QLocale::ShortFormat),
            locale.toString(QTime((hour + 1) % 24, 0), QLocale::ShortFormat));
    };
    auto kept = [](const BackupPolicy &p) {
        return QCoreApplication::translate("dcs::BackupPolicy", "%n day(s)", nullptr, p.saveDays);
    };
    using Part = std::function<QString(const BackupPolicy &)>;
    const std::pair<QString, Part> parts[] = {
        {QCoreApplication::translate("dcs::BackupPolicy", "Backups"), type},
        {QCoreApplication::translate("dcs::BackupPolicy", "Days"), days},
        {QCoreApplication::translate("dcs::BackupPolicy", "Time (UTC)"), window},
        {QCoreApplication::translate("dcs::BackupPolicy", "Kept for"), kept},
    };
    QList<Row> rows;
    for (const auto &[field, part] : parts) {
        Row row;
        row.field = field;
        row.before = before ? part(*before) : QStringLiteral("—");
        row.after = part(after);
        row.changed = row.before != row.after;
        rows.append(row);
    }
    return rows;
}

bool BackupPolicy::operator==(const BackupPolicy &o) const {
    return backupType == o.backupType && saveDays == o.saveDays && backupAt == o.backupAt &&
           periodType == o.periodType && beginAt == o.beginAt;
}

} // namespace dcs
