#include "widgets/NoticeBanner.h"

#include "widgets/ConsolePalette.h"

#include <QEvent>
#include <QLabel>

NoticeBanner::NoticeBanner(QLabel *label, QObject *parent)
    : QObject(parent)
    , m_label(label) {
    m_label->setVisible(false);
    // The theme's colours as a notice shows, and again on a theme change while one does.
    ConsolePalette::follow(this, [this] {
        if (m_notice)
            restyle();
    });
    connect(m_label, &QLabel::linkActivated, this, &NoticeBanner::dismiss);
}

void NoticeBanner::show(std::function<QString()> html) {
    m_notice = std::move(html);
    render();
    restyle();
    m_label->setVisible(true);
}

void NoticeBanner::dismiss() {
    m_notice = nullptr;
    m_label->setVisible(false);
}

bool NoticeBanner::event(QEvent *event) {
    // A QWidget passes LanguageChange on to all its children, QObjects included.
    if (event->type() == QEvent::LanguageChange)
        render();
    return QObject::event(event);
}

void NoticeBanner::restyle() {
    ConsolePalette::restyle(m_label, ConsolePalette::panelStyle(ConsolePalette::Tone::Success));
}

void NoticeBanner::render() {
    if (!m_notice)
        return;
    m_label->setText(
        QStringLiteral("%1 &nbsp; <a href=\"dismiss\">%2</a>").arg(m_notice(), tr("Dismiss")));
}
