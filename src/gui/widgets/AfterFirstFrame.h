#pragma once

#include <QEvent>
#include <QObject>
#include <QTimer>
#include <functional>

// Runs a callback once a window has painted its first frame: on the turn of the event loop after
// its first Paint event, so the frame is on screen before the work begins. With a wait, the
// callback also runs after that many milliseconds should no frame come (a window that is hidden
// or on no screen); it runs once either way. It lives as the window's child and goes with it, the
// callback unrun when the window goes first.
//
// Header-only, no moc: dcs-bench's bare window uses it (through FirstFrameExit) with nothing of
// the console linked.
class AfterFirstFrame : public QObject {
public:
    AfterFirstFrame(QObject *window, std::function<void()> callback, int waitMs = -1)
        : QObject(window)
        , m_callback(std::move(callback)) {
        window->installEventFilter(this);
        if (waitMs >= 0)
            QTimer::singleShot(waitMs, this, [this] { run(); });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == parent() && event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            // After the frame, not inside its painting.
            QTimer::singleShot(0, this, [this] { run(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void run() {
        if (!m_callback)
            return;
        parent()->removeEventFilter(this);
        const std::function<void()> callback = std::move(m_callback);
        m_callback = nullptr;
        deleteLater();
        callback();
    }

    std::function<void()> m_callback;
    bool m_painted = false;
};
