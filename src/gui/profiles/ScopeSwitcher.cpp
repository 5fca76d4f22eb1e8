#include "profiles/ScopeSwitcher.h"

#include "profiles/ProfileSwitcher.h"
#include "profiles/Session.h"
#include "widgets/AfterFirstFrame.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QToolBar>

ScopeSwitcher::ScopeSwitcher(ProfileSwitcher *profiles, QToolBar *toolbar, QWidget *window)
    : QObject(window)
    , m_profiles(profiles)
    , m_label(new QLabel(window))
    , m_combo(new QComboBox(window)) {
    m_label->setObjectName(QStringLiteral("scopeComboLabel"));
    m_label->setBuddy(m_combo);
    m_label->setContentsMargins(8, 0, 4, 0);
    m_combo->setObjectName(QStringLiteral("scopeCombo"));
    // As wide as the pairs it offers, also when they change; set once the window has painted
    // its first frame, as the window's profile combo is (the policy builds the popup at once).
    new AfterFirstFrame(
        window, [combo = m_combo] { combo->setSizeAdjustPolicy(QComboBox::AdjustToContents); });
    m_labelAction = toolbar->addWidget(m_label);
    m_comboAction = toolbar->addWidget(m_combo);
    m_labelAction->setVisible(false);
    m_comboAction->setVisible(false);
    m_label->setText(tr("Re&gion:"));
    connect(m_combo, &QComboBox::activated, this,
            [this](int index) { Q_EMIT chosen(m_combo->itemData(index).toString()); });
    if (m_profiles)
        connect(m_profiles, &ProfileSwitcher::changed, this, &ScopeSwitcher::update);
}

void ScopeSwitcher::setCurrentKey(const QString &key) {
    m_key = key;
    update();
}

void ScopeSwitcher::showSession(const dcs::SessionInfo &info) {
    setCurrentKey(dcs::ProfileScope{info.region, info.projectId, {}, {}}.key());
}

bool ScopeSwitcher::isOffered() const {
    return m_comboAction->isVisible();
}

void ScopeSwitcher::update() {
    if (!m_profiles)
        return;
    const std::optional<dcs::Profile> profile = m_profiles->find(m_profiles->currentId());
    const QList<dcs::ProfileScope> scopes =
        profile ? profile->scopes() : QList<dcs::ProfileScope>{};
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const dcs::ProfileScope &scope : scopes)
        m_combo->addItem(QStringLiteral("%1 / %2").arg(scope.region, scope.projectLabel()),
                         scope.key());
    const int current = m_combo->findData(m_key);
    m_combo->setCurrentIndex(current >= 0 ? current : 0);
    m_labelAction->setVisible(scopes.size() > 1);
    m_comboAction->setVisible(scopes.size() > 1);
}

bool ScopeSwitcher::event(QEvent *event) {
    // The window passes LanguageChange on to its children, QObjects included.
    if (event->type() == QEvent::LanguageChange)
        m_label->setText(tr("Re&gion:"));
    return QObject::event(event);
}
