#pragma once

#include "verify/InstanceFingerprint.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace dcs {

// The difference between the fingerprint taken just before a restore and the one taken after
// it: key counts, what became of every sampled and named key, and whether the instance answers
// and accepts writes. Stored as data (the audit trail's "verification"); its text is made in the
// language of whoever reads it.
struct VerificationReport {
    Q_DECLARE_TR_FUNCTIONS(dcs::VerificationReport)
public:
    enum class KeyOutcome { Unchanged, Changed, Gone, Back, StillAbsent };
    struct Key {
        int db = 0;
        QByteArray key;
        KeyOutcome outcome = KeyOutcome::Unchanged;
        QByteArray typeBefore;
        QByteArray typeAfter;
        bool named = false;
    };

    bool complete = false; // both fingerprints were taken; else error says why not
    QString error;         // translated when made, kept as written
    qint64 keysBefore = 0;
    qint64 keysAfter = 0;
    QMap<int, std::pair<qint64, qint64>> perDatabase; // db → keys before, after
    int sampled = 0;                                  // SCAN's keys (named ones apart)
    int unchanged = 0;
    int changed = 0;
    int gone = 0;
    QList<Key> keys; // every named key, and each sampled key that changed or went
    bool writable = false;
    QString writeError;

    static VerificationReport compare(const InstanceFingerprint &before,
                                      const InstanceFingerprint &after);
    // No comparison: why the fingerprint before or after could not be taken.
    static VerificationReport incomplete(const QString &why);

    // "Keys 10,234 → 9,876; of 200 sampled keys 187 unchanged, 9 changed, 4 gone; the
    // instance answers and accepts writes." In the current language, numbers by its locale.
    QString summary() const;
    // One line per database (its keys before and after), per named key, and per changed or gone key
    // (at most maxKeys of those).
    QStringList details(int maxKeys = 50) const;
    static QString outcomeText(KeyOutcome outcome);

    QJsonObject toJson() const;
    static VerificationReport fromJson(const QJsonObject &object);
};

} // namespace dcs
