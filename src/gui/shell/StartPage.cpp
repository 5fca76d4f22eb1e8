#include "shell/StartPage.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this)) {
    m_label->setObjectName(QStringLiteral("startStateLabel"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("startProgress"));
    m_progress->setMinimumWidth(320);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    // In the middle of the page, the bar under the text.
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_label);
    layout->addWidget(m_progress, 0, Qt::AlignHCenter);
    layout->addStretch();
    render();
}

void StartPage::setState(State state, const QString &profileName, const QString &message) {
    m_state = state;
    m_profileName = profileName;
    m_message = message;
    m_progress->setVisible(isWaiting());
    render();
}

void StartPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

void StartPage::render() {
    switch (m_state) {
    case State::Starting:
        m_label->setText(tr("Starting the local DCS simulator…"));
        break;
    case State::Failed:
        m_label->setText(
            tr("The local DCS simulator could not be started, so there is nothing to show.\n%1")
                .arg(m_message));
        break;
    case State::Opening:
        m_label->setText(tr("Opening the profile \"%1\"…").arg(m_profileName));
        break;
    case State::OpenFailed:
        m_label->setText(
            tr("The profile \"%1\" could not be opened, so there is nothing to show.\n%2")
                .arg(m_profileName, m_message));
        break;
    case State::None:
        m_label->clear();
        break;
    }
}
