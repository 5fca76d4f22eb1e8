#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>

// Work the GUI thread does in pieces: each step runs in an event-loop turn of its own, so the
// window paints, answers the keyboard and lets its timers run between two steps (a long list
// merged into its model a chunk at a time, a table's columns fitted one by one). Steps run in
// the order they were added, also those a step adds; the steps still waiting go with the queue
// when it is deleted (a queue that belongs to what the work is for is dropped with it).
class GuiSteps : public QObject {
public:
    explicit GuiSteps(QObject *parent = nullptr);

    void add(std::function<void()> step);
    // Steps added and not run yet.
    int pending() const { return int(m_steps.size()); }

private:
    void runOne();

    std::deque<std::function<void()>> m_steps;
    QTimer m_next; // zero interval: fires once per turn of the event loop
};

// A list cut in pieces of at most `size` items, in order; the list itself when it fits in one
// (shared, not copied), none when it is empty.
template <typename T> QList<QList<T>> chunksOf(const QList<T> &list, qsizetype size) {
    if (list.isEmpty())
        return {};
    if (size <= 0 || list.size() <= size)
        return {list};
    QList<QList<T>> chunks;
    chunks.reserve((list.size() + size - 1) / size);
    for (qsizetype from = 0; from < list.size(); from += size)
        chunks.append(list.mid(from, size));
    return chunks;
}

// Pieces of work in one turn of the event loop while the next one fits in a budget: at least
// one, then another only while the time so far plus the last piece's stays within budgetMs (few
// pieces when the machine is busy, more when it is idle). piece() does one and says whether more
// is left; so does the result.
template <typename Piece> bool piecesWithinBudget(int budgetMs, Piece piece) {
    QElapsedTimer clock;
    clock.start();
    const qint64 budgetNs = qint64(budgetMs) * 1000000;
    qint64 last = 0;
    bool more = false;
    do {
        const qint64 start = clock.nsecsElapsed();
        more = piece();
        last = clock.nsecsElapsed() - start;
    } while (more && clock.nsecsElapsed() + last < budgetNs);
    return more;
}
