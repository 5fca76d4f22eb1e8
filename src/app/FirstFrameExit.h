#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <cstdio>

// Says "first frame" on standard output once the window has painted its first frame, and quits:
// how dcs-bench times a cold start, the console's (with DCS_EXIT_AFTER_FIRST_FRAME set in its
// environment) and a bare window's alike.
class FirstFrameExit : public QObject {
public:
    explicit FirstFrameExit(QObject *window)
        : QObject(window) {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            // After the frame, not inside its painting.
            QTimer::singleShot(0, this, [] {
                std::fputs("first frame\n", stdout);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};
