#pragma once

#include "model/Backup.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace dcs {

// What the console knows when it decides which actions may be used: the open profile and the
// selection, as last read. Plain data: the rules below need no window.
struct ActionFacts {
    bool connected = false;               // a profile is open
    bool readOnly = false;                // the open profile is read-only
    bool apiV2 = false;                   // its client speaks DCS API v2 (links, the policy)
    bool loadingInstances = false;        // the instance list is being read
    bool instanceSelected = false;        // an instance of the list is selected
    Instance instance;                    // the selected one, freshest copy known
    QList<Backup> backups;                // its backups
    QList<RestoreRecord> restores;        // its restore records
    std::optional<Backup> selectedBackup; // in the Backups tab
    QDateTime now;                        // UTC
};

// Whether one action may be used now; when not, why. The texts are translated, for the
// action's tooltip and status tip and for a line in the window.
struct ActionState {
    bool enabled = false;
    QString reason;  // why not; empty when enabled
    QString toolTip; // what the action does, or "cannot …: reason"
};

// The rules beside the restore preflight: which of the console's actions are enabled and why,
// with the refusal texts. Pure: the same facts always give the same states.
class ActionRules {
    Q_DECLARE_TR_FUNCTIONS(dcs::ActionRules)
public:
    static ActionState refresh(const ActionFacts &facts);
    static ActionState copyInstanceId(const ActionFacts &facts);
    // The Restore… action for the selected instance (the preflight's blocks, with their codes).
    static ActionState restore(const ActionFacts &facts);
    // Restoring from one backup (its context menu, a double-click): the backup's own refusal
    // first, then the instance's.
    static ActionState restoreFrom(const ActionFacts &facts, const Backup &backup);
    static ActionState createBackup(const ActionFacts &facts);
    // Deleting the backup selected in the Backups tab.
    static ActionState deleteBackup(const ActionFacts &facts);
    // Why this backup cannot be deleted from the console; empty when it can.
    static QString deleteRefusal(const Backup &backup);
    // Download… of this backup's file(s), through v2's download links.
    static ActionState downloadBackup(const ActionFacts &facts, const Backup &backup);
    // The same for the backup selected in the Backups tab.
    static ActionState downloadBackup(const ActionFacts &facts);
    // Change Backup Policy… of the selected instance (v2).
    static ActionState changeBackupPolicy(const ActionFacts &facts);
};

} // namespace dcs
