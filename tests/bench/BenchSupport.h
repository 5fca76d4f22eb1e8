#pragma once

// What the parts of dcs-bench share: the pulse of the GUI thread and the rows they print.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <time.h>

namespace bench {

inline double ms(qint64 ns) {
    return double(ns) / 1e6;
}

inline qint64 threadCpuNs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// The GUI thread's pulse: a 1 ms timer, and the longest gap between two of its ticks — on the
// wall clock (what a user would see, including the time other programs of a shared machine
// took the processor) and in the GUI thread's own processor time (the work the console did in
// one go, whatever the machine's load).
class Heartbeat : public QObject {
public:
    Heartbeat() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] { beat(); });
        m_clock.start();
        m_timer.start();
    }
    void reset() {
        m_last = m_clock.nsecsElapsed();
        m_lastCpu = threadCpuNs();
        m_longest = m_longestCpu = 0;
    }
    // Including the gap still open now.
    double longestMs() {
        beat();
        return ms(m_longest);
    }
    double longestCpuMs() const { return ms(m_longestCpu); }

private:
    void beat() {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        m_longest = std::max(m_longest, now - m_last);
        m_longestCpu = std::max(m_longestCpu, cpu - m_lastCpu);
        m_last = now;
        m_lastCpu = cpu;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestCpu = 0;
};

inline QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

inline void row(const QString &what, const QString &figure, const QString &target) {
    out() << "  " << what.leftJustified(52, QLatin1Char(' ')) << ' '
          << figure.leftJustified(26, QLatin1Char(' ')) << " target " << target << '\n';
    out().flush();
}

inline QString msText(double value) {
    return value < 0 ? QStringLiteral("timed out") : QStringLiteral("%1 ms").arg(value, 0, 'f', 1);
}

// The longest wall-clock gap, and the GUI thread's own work in its longest busy stretch.
inline QString stallText(Heartbeat &beat) {
    const double wall = beat.longestMs();
    return QStringLiteral("%1 ms (work %2 ms)")
        .arg(wall, 0, 'f', 1)
        .arg(beat.longestCpuMs(), 0, 'f', 1);
}

inline QString ratioText(double value) {
    return QStringLiteral("%1x").arg(value, 0, 'f', 2);
}

} // namespace bench
