#include "FaultPlan.h"

namespace dcs::sim {

bool FaultPlan::add(const QString &spec, QString *error) {
    const QString value = spec.trimmed();
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("bad --fault \"%1\": %2").arg(spec, why);
        return false;
    };
    if (value == QLatin1String("drop-after-restore")) {
        dropAfterRestore = true;
        return true;
    }
    if (value == QLatin1String("drop-after-backup")) {
        dropAfterBackup = true;
        return true;
    }
    if (value == QLatin1String("drop-after-delete")) {
        dropAfterDelete = true;
        return true;
    }
    if (value == QLatin1String("restore-fails")) {
        restoreFails = true;
        return true;
    }
    if (value == QLatin1String("backup-fails")) {
        backupFails = true;
        return true;
    }
    if (value == QLatin1String("damaged-restore-file")) {
        damagedRestoreFile = true;
        return true;
    }
    const qsizetype eq = value.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return fail(QStringLiteral("expected one of ") + syntax());
    const QString name = value.left(eq);
    const QString argument = value.mid(eq + 1);
    if (name == QLatin1String("latency")) {
        bool ok = false;
        const int ms = argument.toInt(&ok);
        if (!ok || ms < 0 || ms > 600000)
            return fail(QStringLiteral("latency must be 0 to 600000 milliseconds"));
        latencyMs = ms;
        return true;
    }
    if (name == QLatin1String("expire-tokens-after")) {
        bool ok = false;
        const int calls = argument.toInt(&ok);
        if (!ok || calls < 0 || calls > 1000000)
            return fail(QStringLiteral("expire-tokens-after must be 0 to 1000000 calls"));
        expireTokensAfter = calls;
        return true;
    }
    if (name == QLatin1String("cut-downloads")) {
        bool ok = false;
        const qint64 bytes = argument.toLongLong(&ok);
        if (!ok || bytes < 0)
            return fail(QStringLiteral("cut-downloads must be a number of bytes"));
        cutDownloadsAfter = bytes;
        return true;
    }
    if (name == QLatin1String("rate-limit")) {
        bool ok = false;
        const int perSecond = argument.toInt(&ok);
        if (!ok || perSecond < 1 || perSecond > 100000)
            return fail(QStringLiteral("rate-limit must be 1 to 100000 calls per second"));
        rateLimitPerSecond = perSecond;
        return true;
    }
    if (name == QLatin1String("retry-after")) {
        bool ok = false;
        const int seconds = argument.toInt(&ok);
        if (!ok || seconds < 0 || seconds > 3600)
            return fail(QStringLiteral("retry-after must be 0 to 3600 seconds"));
        retryAfterSeconds = seconds;
        return true;
    }
    if (name.startsWith(QLatin1String("http"))) {
        bool ok = false;
        const int status = name.mid(4).toInt(&ok);
        if (!ok || (status != 429 && (status < 500 || status > 599)))
            return fail(QStringLiteral("only http429 and http5xx can be injected"));
        InjectedStatus injected;
        injected.status = status;
        if (argument == QLatin1String("restore"))
            injected.target = Target::Restore;
        else if (argument == QLatin1String("list"))
            injected.target = Target::List;
        else if (argument == QLatin1String("all"))
            injected.target = Target::All;
        else
            return fail(QStringLiteral("the target must be restore, list or all"));
        statuses.append(injected);
        return true;
    }
    return fail(QStringLiteral("expected one of ") + syntax());
}

std::optional<FaultPlan> FaultPlan::parse(const QStringList &specs, QString *error) {
    FaultPlan plan;
    for (const QString &spec : specs) {
        if (!plan.add(spec, error))
            return std::nullopt;
    }
    return plan;
}

std::optional<int> FaultPlan::injectedStatusFor(bool isRestore, bool isList) const {
    for (const InjectedStatus &injected : statuses) {
        if (injected.target == Target::All || (injected.target == Target::Restore && isRestore) ||
            (injected.target == Target::List && isList))
            return injected.status;
    }
    return std::nullopt;
}

QString FaultPlan::syntax() {
    return QStringLiteral(
        "drop-after-restore, drop-after-backup, drop-after-delete, restore-fails, backup-fails, "
        "damaged-restore-file, latency=MS, http500=restore|list|all, http429=restore|list|all, "
        "rate-limit=N (calls per second), retry-after=SECONDS (of every 429), "
        "expire-tokens-after=N, "
        "cut-downloads=BYTES");
}

} // namespace dcs::sim
