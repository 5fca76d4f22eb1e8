#pragma once

#include <Qt>

// Roles every table model of the console answers beyond the standard ones.
namespace ModelRoles {
enum : int {
    // The value to sort by: numbers and dates as such, not their text.
    Sort = Qt::UserRole + 1,
    // The API's own value (status "succeed", an id ...), independent of the language.
    Raw,
    // A 0–100 progress value for the progress-bar delegate.
    Progress,
    // true when the row's backup can be restored from.
    Restorable,
    // The status column's dcs::StatusTone (as an int): the badge's colour.
    Tone,
};
} // namespace ModelRoles
