#include "widgets/ErrorPanel.h"

#include "widgets/ConsolePalette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

ErrorPanel::ErrorPanel(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("errorPanel"));
    setFrameShape(QFrame::StyledPanel);
    // Its icon is drawn when an error first shows (the window's first frame has none).
    m_icon->setAlignment(Qt::AlignTop);
    m_title->setObjectName(QStringLiteral("errorTitleLabel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("errorDetailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);
    m_close->setObjectName(QStringLiteral("errorCloseButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, &ErrorPanel::clear);
    render();
    setVisible(false);
    // The error colours of the theme, so that the panel reads as an error in light and dark: set
    // as it shows, and again on a theme change while it does.
    ConsolePalette::follow(this, [this] {
        if (m_shown)
            restyle();
    });
}

void ErrorPanel::restyle() {
    using Role = ConsolePalette::Role;
    ConsolePalette::restyle(this, QStringLiteral("ErrorPanel { background: %1; border: 1px solid "
                                                 "%2; border-radius: 4px; } QLabel { color: %3; }")
                                      .arg(ConsolePalette::name(Role::DangerSurface),
                                           ConsolePalette::name(Role::DangerBorder),
                                           ConsolePalette::name(Role::DangerText)));
}

void ErrorPanel::showError(const dcs::ApiError &error, std::function<QString()> action) {
    m_error = error;
    m_action = std::move(action);
    m_messageDetails = nullptr;
    m_shown = true;
    render();
    restyle();
    setVisible(true);
}

void ErrorPanel::showMessage(std::function<QString()> title, std::function<QString()> details) {
    m_error = {};
    m_action = std::move(title);
    m_messageDetails = std::move(details);
    m_shown = true;
    render();
    restyle();
    setVisible(true);
}

void ErrorPanel::clear() {
    m_shown = false;
    m_error = {};
    m_action = nullptr;
    m_messageDetails = nullptr;
    setVisible(false);
}

QString ErrorPanel::text() const {
    return m_title->text() + QLatin1Char('\n') + m_details->text();
}

void ErrorPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_close->setToolTip(tr("Dismiss"));
        render();
    }
    QFrame::changeEvent(event);
}

void ErrorPanel::render() {
    m_close->setToolTip(tr("Dismiss"));
    if (!m_shown) {
        m_title->clear();
        m_details->clear();
        return;
    }
    if (m_icon->pixmap().isNull())
        m_icon->setPixmap(QIcon(QStringLiteral(":/icons/error.svg")).pixmap(24, 24));
    m_title->setText(m_action ? m_action() : tr("The request failed"));
    if (m_messageDetails) {
        m_details->setText(m_messageDetails());
        return;
    }

    QStringList lines;
    if (!m_error.code.isEmpty() || m_error.httpStatus > 0) {
        QString code = m_error.code.isEmpty() ? tr("(no code)") : m_error.code;
        if (!m_error.legacyCode.isEmpty())
            code += QStringLiteral(" (%1)").arg(m_error.legacyCode);
        lines << (m_error.httpStatus > 0
                      ? tr("Error code: %1 · HTTP %2").arg(code).arg(m_error.httpStatus)
                      : tr("Error code: %1").arg(code));
    }
    if (!m_error.message.isEmpty())
        lines << tr("Message: %1").arg(m_error.message);
    const QString explanation = m_error.explanation();
    if (!explanation.isEmpty())
        lines << explanation;
    lines << tr("Request ID: %1")
                 .arg(m_error.requestId.isEmpty() ? tr("(none received)") : m_error.requestId);
    m_details->setText(lines.join(QLatin1Char('\n')));
}
