#pragma once

class QCoreApplication;

// SIGTERM and SIGINT end the event loop normally, so the Demo simulator child is stopped too
// instead of being left running.
void quitOnSignals(QCoreApplication &app);
