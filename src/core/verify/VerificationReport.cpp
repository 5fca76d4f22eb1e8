#include "verify/VerificationReport.h"

#include <QHash>
#include <QJsonArray>
#include <QLocale>

namespace dcs {

namespace {

QString keyName(const QByteArray &key) {
    // Keys are bytes; show them as text where they are, with the rest escaped.
    const QString text = QString::fromUtf8(key);
    if (text.toUtf8() == key)
        return text;
    QString escaped;
    for (const char c : key) {
        const uchar u = uchar(c);
        escaped += (u >= 0x20 && u < 0x7f)
                       ? QString(QLatin1Char(c))
                       : QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return escaped;
}

const char *outcomeKey(VerificationReport::KeyOutcome outcome) {
    switch (outcome) {
    case VerificationReport::KeyOutcome::Unchanged:
        return "unchanged";
    case VerificationReport::KeyOutcome::Changed:
        return "changed";
    case VerificationReport::KeyOutcome::Gone:
        return "gone";
    case VerificationReport::KeyOutcome::Back:
        return "back";
    case VerificationReport::KeyOutcome::StillAbsent:
        return "absent";
    }
    return "unchanged";
}

VerificationReport::KeyOutcome outcomeFromKey(const QString &key) {
    using O = VerificationReport::KeyOutcome;
    for (O outcome : {O::Unchanged, O::Changed, O::Gone, O::Back, O::StillAbsent}) {
        if (key == QLatin1String(outcomeKey(outcome)))
            return outcome;
    }
    return O::Unchanged;
}

} // namespace

VerificationReport VerificationReport::incomplete(const QString &why) {
    VerificationReport report;
    report.error = why;
    return report;
}

VerificationReport VerificationReport::compare(const InstanceFingerprint &before,
                                               const InstanceFingerprint &after) {
    VerificationReport report;
    report.complete = true;
    report.keysBefore = before.totalKeys();
    report.keysAfter = after.totalKeys();
    QList<int> databases = before.keysPerDatabase.keys();
    for (int db : after.keysPerDatabase.keys()) {
        if (!databases.contains(db))
            databases.append(db);
    }
    std::sort(databases.begin(), databases.end());
    for (int db : std::as_const(databases))
        report.perDatabase.insert(
            db, {before.keysPerDatabase.value(db), after.keysPerDatabase.value(db)});

    QHash<QPair<int, QByteArray>, KeyFingerprint> afterKeys;
    for (const KeyFingerprint &key : after.keys)
        afterKeys.insert({key.db, key.key}, key);
    for (const KeyFingerprint &was : before.keys) {
        const KeyFingerprint now = afterKeys.value({was.db, was.key});
        Key key;
        key.db = was.db;
        key.key = was.key;
        key.named = was.named;
        key.typeBefore = was.exists() ? was.type : QByteArray();
        key.typeAfter = now.exists() ? now.type : QByteArray();
        if (was.exists() && !now.exists())
            key.outcome = KeyOutcome::Gone;
        else if (!was.exists() && now.exists())
            key.outcome = KeyOutcome::Back;
        else if (!was.exists())
            key.outcome = KeyOutcome::StillAbsent;
        else if (was.type != now.type || was.digest != now.digest)
            key.outcome = KeyOutcome::Changed;
        else
            key.outcome = KeyOutcome::Unchanged;
        if (!was.named) {
            ++report.sampled;
            if (key.outcome == KeyOutcome::Unchanged)
                ++report.unchanged;
            else if (key.outcome == KeyOutcome::Changed)
                ++report.changed;
            else
                ++report.gone;
        }
        if (was.named || (key.outcome != KeyOutcome::Unchanged))
            report.keys.append(key);
    }
    report.writable = after.checkedWrites && after.writable;
    report.writeError = after.writeError;
    return report;
}

QString VerificationReport::outcomeText(KeyOutcome outcome) {
    switch (outcome) {
    case KeyOutcome::Unchanged:
        return tr("unchanged");
    case KeyOutcome::Changed:
        return tr("changed");
    case KeyOutcome::Gone:
        return tr("gone");
    case KeyOutcome::Back:
        return tr("there again");
    case KeyOutcome::StillAbsent:
        return tr("absent before and after");
    }
    return {};
}

QString VerificationReport::summary() const {
    if (!complete)
        return tr("Not verified: %1").arg(error);
    const QLocale locale;
    QString text = tr("Keys %1 → %2").arg(locale.toString(keysBefore), locale.toString(keysAfter));
    if (sampled > 0)
        text +=
            tr("; of %n sampled key(s) %1 unchanged, %2 changed, %3 gone", nullptr, sampled)
                .arg(locale.toString(unchanged), locale.toString(changed), locale.toString(gone));
    text += writable ? tr("; the instance answers and accepts writes.")
                     : tr("; the instance answers but refuses writes: %1.").arg(writeError);
    int namedCount = 0;
    for (const Key &key : keys)
        namedCount += key.named ? 1 : 0;
    if (namedCount > 0) {
        QStringList named;
        for (const Key &key : keys) {
            if (key.named)
                named.append(tr("%1 %2").arg(keyName(key.key), outcomeText(key.outcome)));
        }
        // The sentence before ends with a full stop; the space (or none) is the language's.
        text += tr(" Named keys: %1.").arg(named.join(tr(", ")));
    }
    return text;
}

QStringList VerificationReport::details(int maxKeys) const {
    QStringList lines;
    if (!complete)
        return lines;
    const QLocale locale;
    for (auto it = perDatabase.cbegin(); it != perDatabase.cend(); ++it) {
        lines.append(
            tr("Database %1: %2 → %3 keys")
                .arg(it.key())
                .arg(locale.toString(it.value().first), locale.toString(it.value().second)));
    }
    int shown = 0;
    for (const Key &key : keys) {
        if (!key.named && shown >= maxKeys)
            continue;
        QString line =
            tr("db%1 %2: %3").arg(key.db).arg(keyName(key.key), outcomeText(key.outcome));
        if (key.outcome == KeyOutcome::Changed && key.typeBefore != key.typeAfter)
            line += QLatin1Char(' ') +
                    tr("(was %1, now %2)")
                        .arg(QString::fromUtf8(key.typeBefore), QString::fromUtf8(key.typeAfter));
        if (key.named)
            line += QLatin1Char(' ') + tr("(named)");
        lines.append(line);
        if (!key.named)
            ++shown;
    }
    const int notShown =
        int(std::count_if(keys.cbegin(), keys.cend(), [](const Key &key) { return !key.named; })) -
        shown;
    if (notShown > 0)
        lines.append(tr("… and %n more changed or gone key(s)", nullptr, notShown));
    return lines;
}

QJsonObject VerificationReport::toJson() const {
    QJsonObject object;
    object.insert(QStringLiteral("complete"), complete);
    if (!complete) {
        object.insert(QStringLiteral("error"), error);
        return object;
    }
    object.insert(QStringLiteral("keys_before"), double(keysBefore));
    object.insert(QStringLiteral("keys_after"), double(keysAfter));
    QJsonObject databases;
    for (auto it = perDatabase.cbegin(); it != perDatabase.cend(); ++it)
        databases.insert(QString::number(it.key()),
                         QJsonArray{double(it.value().first), double(it.value().second)});
    object.insert(QStringLiteral("databases"), databases);
    object.insert(QStringLiteral("sampled"), sampled);
    object.insert(QStringLiteral("unchanged"), unchanged);
    object.insert(QStringLiteral("changed"), changed);
    object.insert(QStringLiteral("gone"), gone);
    QJsonArray keyList;
    for (const Key &key : keys) {
        QJsonObject entry{{QStringLiteral("db"), key.db},
                          {QStringLiteral("key"), keyName(key.key)},
                          {QStringLiteral("outcome"), QLatin1String(outcomeKey(key.outcome))}};
        if (!key.typeBefore.isEmpty())
            entry.insert(QStringLiteral("type_before"), QString::fromUtf8(key.typeBefore));
        if (!key.typeAfter.isEmpty())
            entry.insert(QStringLiteral("type_after"), QString::fromUtf8(key.typeAfter));
        if (key.named)
            entry.insert(QStringLiteral("named"), true);
        keyList.append(entry);
    }
    object.insert(QStringLiteral("keys"), keyList);
    object.insert(QStringLiteral("writable"), writable);
    if (!writeError.isEmpty())
        object.insert(QStringLiteral("write_error"), writeError);
    return object;
}

VerificationReport VerificationReport::fromJson(const QJsonObject &object) {
    VerificationReport report;
    report.complete = object.value(QLatin1String("complete")).toBool();
    report.error = object.value(QLatin1String("error")).toString();
    report.keysBefore = qint64(object.value(QLatin1String("keys_before")).toDouble());
    report.keysAfter = qint64(object.value(QLatin1String("keys_after")).toDouble());
    const QJsonObject databases = object.value(QLatin1String("databases")).toObject();
    for (auto it = databases.constBegin(); it != databases.constEnd(); ++it) {
        const QJsonArray pair = it.value().toArray();
        report.perDatabase.insert(it.key().toInt(),
                                  {qint64(pair.at(0).toDouble()), qint64(pair.at(1).toDouble())});
    }
    report.sampled = object.value(QLatin1String("sampled")).toInt();
    report.unchanged = object.value(QLatin1String("unchanged")).toInt();
    report.changed = object.value(QLatin1String("changed")).toInt();
    report.gone = object.value(QLatin1String("gone")).toInt();
    for (const QJsonValue &value : object.value(QLatin1String("keys")).toArray()) {
        const QJsonObject entry = value.toObject();
        Key key;
        key.db = entry.value(QLatin1String("db")).toInt();
        key.key = entry.value(QLatin1String("key")).toString().toUtf8();
        key.outcome = outcomeFromKey(entry.value(QLatin1String("outcome")).toString());
        key.typeBefore = entry.value(QLatin1String("type_before")).toString().toUtf8();
        key.typeAfter = entry.value(QLatin1String("type_after")).toString().toUtf8();
        key.named = entry.value(QLatin1String("named")).toBool();
        report.keys.append(key);
    }
    report.writable = object.value(QLatin1String("writable")).toBool();
    report.writeError = object.value(QLatin1String("write_error")).toString();
    return report;
}

} // namespace dcs
