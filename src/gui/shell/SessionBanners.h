#pragma once

#include "profiles/Profile.h"
#include "profiles/Session.h"

#include <QWidget>
#include <optional>

class LeadTextLabel;
class QLabel;

// The banners above the console that say what the open profile is: a production account
// (restores overwrite live caches), what the profile's own check only warns about (plain HTTP,
// an unknown region), and the Demo profile's local simulator — also while it starts or after it
// failed. Hidden as a whole when none applies; rendered again in the new language.
class SessionBanners : public QWidget {
    Q_OBJECT
public:
    explicit SessionBanners(QWidget *parent = nullptr);

    // The banners of this open session; profile is the one it was opened from (its warnings),
    // nullopt when the window does not know it.
    void showSession(const dcs::SessionInfo &info, const std::optional<dcs::Profile> &profile);
    // No session shown: the Demo's banner while its simulator starts or after it failed to
    // (demo), otherwise none.
    void showNoSession(bool demo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    LeadTextLabel *m_simulator;
    LeadTextLabel *m_production;
    QLabel *m_insecure;
    std::optional<dcs::SessionInfo> m_session;
    std::optional<dcs::Profile> m_profile;
    bool m_demo = false;
};
