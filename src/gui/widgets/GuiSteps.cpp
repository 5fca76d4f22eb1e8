#include "widgets/GuiSteps.h"

#include <QPointer>

GuiSteps::GuiSteps(QObject *parent)
    : QObject(parent) {
    m_next.setSingleShot(true);
    m_next.setInterval(0);
    connect(&m_next, &QTimer::timeout, this, &GuiSteps::runOne);
}

void GuiSteps::add(std::function<void()> step) {
    m_steps.push_back(std::move(step));
    if (!m_next.isActive())
        m_next.start();
}

void GuiSteps::runOne() {
    if (m_steps.empty())
        return;
    const std::function<void()> step = std::move(m_steps.front());
    m_steps.pop_front();
    // The step may delete what owns this queue (and so the queue).
    const QPointer<GuiSteps> self(this);
    step();
    // A timer started again from its own timeout fires in the next turn of the event loop, not
    // in this one: what was posted meanwhile (input, paint, answers) is handled first.
    if (self && !m_steps.empty() && !m_next.isActive())
        m_next.start();
}
