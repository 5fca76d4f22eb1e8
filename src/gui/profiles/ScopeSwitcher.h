#pragma once

#include <QObject>
#include <QString>

class ProfileSwitcher;
class QAction;
class QComboBox;
class QLabel;
class QToolBar;
namespace dcs {
struct SessionInfo;
} // namespace dcs

// The region + project pairs of the profile in the profile combo, in a "Region:" combo beside
// it that shows only when that profile has more than one pair: which pair the open (or opening)
// session is at, and the user's choice of another. It lists them again by itself when the
// profiles change; opening the chosen pair is the window's, as with ProfileSwitcher.
class ScopeSwitcher : public QObject {
    Q_OBJECT
public:
    // Adds its label and combo to the end of the toolbar. Without profiles (null) it stays
    // hidden and lists nothing.
    ScopeSwitcher(ProfileSwitcher *profiles, QToolBar *toolbar, QWidget *window);

    // "region/projectId" of the pair shown or being opened; empty before the first.
    QString currentKey() const { return m_key; }
    // The profile combo's profile is being opened at this pair.
    void setCurrentKey(const QString &key);
    // This session is shown: the combo goes to its pair.
    void showSession(const dcs::SessionInfo &info);
    // Whether the combo is offered (the profile has several pairs).
    bool isOffered() const;
    QComboBox *combo() const { return m_combo; }

Q_SIGNALS:
    // The user picked another pair of the profile in the combo.
    void chosen(const QString &scopeKey);

protected:
    bool event(QEvent *event) override;

private:
    void update();

    ProfileSwitcher *m_profiles;
    QLabel *m_label;
    QComboBox *m_combo;
    QAction *m_labelAction;
    QAction *m_comboAction;
    QString m_key;
};
