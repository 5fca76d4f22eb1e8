#include "shell/ConsoleStatusBar.h"

#include "instances/InstanceBrowser.h"
#include "profiles/Regions.h"
#include "restore/RestoreProgressBar.h"

#include <QLabel>
#include <QProgressBar>

ConsoleStatusBar::ConsoleStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_restoreProgress(new RestoreProgressBar(this))
    , m_busy(new QProgressBar(this))
    , m_statusCounts(new QLabel(this))
    , m_count(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_profile(new QLabel(this)) {
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_count->setObjectName(QStringLiteral("instanceCountLabel"));
    m_statusCounts->setObjectName(QStringLiteral("statusCountsLabel"));
    m_statusCounts->setProperty("dcsData", true); // words from DisplayText, numbers
    m_refreshLabel->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_profile->setObjectName(QStringLiteral("profileLabel"));
    addPermanentWidget(m_restoreProgress);
    addPermanentWidget(m_busy);
    addPermanentWidget(m_statusCounts);
    addPermanentWidget(m_count);
    addPermanentWidget(m_refreshLabel);
    addPermanentWidget(m_profile);
}

void ConsoleStatusBar::setStatusCounts(const QString &text) {
    m_statusCounts->setText(text);
}

void ConsoleStatusBar::showState(const InstanceBrowser *browser, const QString &profileName,
                                 const QString &region, bool opening) {
    if (!browser) {
        m_count->clear();
    } else {
        const int total = browser->instanceCount();
        const int shown = browser->shownInstanceCount();
        if (browser->isLoadingInstances() && total == 0)
            m_count->setText(tr("Loading instances…"));
        else if (shown == total)
            m_count->setText(tr("%n instance(s)", nullptr, total));
        else
            m_count->setText(tr("Showing %1 of %n instance(s)", nullptr, total).arg(shown));
    }
    QString profile;
    if (!profileName.isEmpty()) {
        profile = tr("Profile: %1").arg(profileName);
        // The region with its name: cn-north-4 — CN North-Beijing4.
        if (!region.isEmpty())
            profile += QStringLiteral("  ·  ") + dcs::regions::idWithName(region);
    }
    m_profile->setText(profile);
    m_busy->setVisible((browser && browser->isLoading()) || opening);
}
