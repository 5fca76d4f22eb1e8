#include "shell/SessionBanners.h"

#include "profiles/SessionBuilder.h"
#include "widgets/ConsolePalette.h"
#include "widgets/LeadTextLabel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace {
template <typename Label> Label *makeBanner(const QString &name, QWidget *parent) {
    auto *label = new Label(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setVisible(false);
    parent->layout()->addWidget(label);
    return label;
}

// Shows or hides a banner; one that shows gets the theme's colours (most stay hidden, and a
// style sheet costs as soon as it is set).
void showBanner(QLabel *banner, bool shown, const QString &styleSheet) {
    if (shown)
        ConsolePalette::restyle(banner, styleSheet);
    banner->setVisible(shown);
}
} // namespace

SessionBanners::SessionBanners(QWidget *parent)
    : QWidget(parent) {
    // Spaced as the window's own layout spaces the parts below it.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_simulator = makeBanner<LeadTextLabel>(QStringLiteral("simulatorBanner"), this);
    m_production = makeBanner<LeadTextLabel>(QStringLiteral("productionBanner"), this);
    m_insecure = makeBanner<QLabel>(QStringLiteral("insecureBanner"), this);
    // Rendered now, and again in the new theme's colours.
    ConsolePalette::follow(this, [this] { render(); });
}

void SessionBanners::showSession(const dcs::SessionInfo &info,
                                 const std::optional<dcs::Profile> &profile) {
    m_session = info;
    m_profile = profile;
    m_demo = false;
    render();
}

void SessionBanners::showNoSession(bool demo) {
    m_session.reset();
    m_profile.reset();
    m_demo = demo;
    render();
}

void SessionBanners::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

void SessionBanners::render() {
    const dcs::SessionInfo info = m_session.value_or(dcs::SessionInfo{});
    const bool production = m_session && info.production;
    showBanner(m_production, production, ConsolePalette::dangerFillStyle());
    if (production) {
        // The Demo profile is named "Demo" in logs and the audit trail; on screen, in the
        // language.
        const QString name = info.profileId == dcs::SessionBuilder::demoProfileId()
                                 ? dcs::SessionBuilder::demoDisplayName()
                                 : info.profileName;
        m_production->setLeadText(tr("Production account — %1.").arg(name),
                                  tr("Restoring overwrites the data of live caches; check the "
                                     "instance and the backup before you restore."));
    }
    // What the profile's own check only warns about stays in sight while the profile is open,
    // whether it came from a dialog or the command line.
    QStringList warnings;
    if (m_session && !info.isSimulator && m_profile) {
        for (const dcs::ProfileProblem &problem : dcs::validateProfile(*m_profile))
            if (problem.warning)
                warnings << problem.message;
    }
    showBanner(m_insecure, !warnings.isEmpty(),
               ConsolePalette::panelStyle(ConsolePalette::Tone::Caution));
    m_insecure->setText(warnings.isEmpty()
                            ? QString()
                            : tr("Check this profile: %1").arg(warnings.join(QLatin1Char(' '))));
    const bool simulator = info.isSimulator || m_demo;
    showBanner(m_simulator, simulator, ConsolePalette::demoStyle());
    if (simulator && !m_session)
        m_simulator->setLeadText(tr("Demo profile — local simulator."),
                                 tr("No profile is configured, so the console uses a DCS "
                                    "simulator on this computer instead of Huawei Cloud."));
    else if (simulator)
        m_simulator->setLeadText(
            tr("Demo profile — local simulator."),
            tr("This console is talking to the DCS simulator it started on %1, not to Huawei "
               "Cloud. Instances, backups and restores here are simulated.")
                .arg(info.endpoint.toDisplayString()));
    // Not a gap of its own in the window's layout when it shows nothing.
    setVisible(production || !warnings.isEmpty() || simulator);
}
