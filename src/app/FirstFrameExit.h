#pragma once

#include "widgets/AfterFirstFrame.h"

#include <QCoreApplication>
#include <cstdio>

// Says "first frame" on standard output once the window has painted its first frame, and quits:
// how dcs-bench times a cold start, the console's (with DCS_EXIT_AFTER_FIRST_FRAME set in its
// environment) and a bare window's alike.
inline void exitAfterFirstFrame(QObject *window) {
    new AfterFirstFrame(window, [] {
        std::fputs("first frame\n", stdout);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}
