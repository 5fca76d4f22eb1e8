#include "app/SignalHandler.h"

#include <QCoreApplication>
#include <QTimer>
#include <csignal>

namespace {

volatile std::sig_atomic_t g_quitRequested = 0;

void requestQuit(int) {
    g_quitRequested = 1;
}

} // namespace

void quitOnSignals(QCoreApplication &app) {
    std::signal(SIGTERM, requestQuit);
    std::signal(SIGINT, requestQuit);
    // Only a flag is set in the handler; the event loop looks at it.
    auto *poll = new QTimer(&app);
    QObject::connect(poll, &QTimer::timeout, &app, [] {
        if (g_quitRequested)
            QCoreApplication::quit();
    });
    poll->start(200);
}
