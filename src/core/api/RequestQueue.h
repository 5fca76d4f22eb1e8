#pragma once

#include "api/ApiError.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace dcs {

// Calls to a service, a few at a time per endpoint, and patient when it says it is busy: the
// fleet reads backups of thousands of instances through one of these. A call is a job that
// makes one DcsClient call and reports its error through done(); the queue starts it when the
// endpoint has a free slot.
//
// A 429 pauses the whole endpoint — for Retry-After when the answer has it, else for a back-off
// that doubles with every 429 in a row — and a read is then queued again at the front, up to a
// limit of attempts. A write is never repeated: its 429 is its answer.
class RequestQueue : public QObject {
    Q_OBJECT
public:
    struct Options {
        int concurrency = 4;          // calls in flight per endpoint
        int maxAttempts = 6;          // of a read that keeps meeting 429
        int firstBackoffMs = 1000;    // without Retry-After: 1 s, 2 s, 4 s …
        int maxBackoffMs = 60000;     // … never longer than this
        int maxRetryAfterMs = 300000; // a longer Retry-After is taken as this
    };
    enum class Kind { Read, Write };
    // What done() answers: the job's result is final (hand it on), or the queue will run the
    // job again (drop this result).
    enum class Outcome { Final, Retrying };
    using Done = std::function<Outcome(const ApiError &error)>;
    using Job = std::function<void(const Done &done)>;

    explicit RequestQueue(QObject *parent = nullptr);
    RequestQueue(Options options, QObject *parent = nullptr);
    ~RequestQueue() override;

    const Options &options() const { return m_options; }
    void setConcurrency(int calls);

    // "scheme://host:port" of a URL: calls to one such share a queue.
    static QString endpointKey(const QUrl &url);

    // Queues a call. Nothing of it runs once context is gone; a job running when its context
    // goes gives its slot back at once (its answer is dropped by the client).
    void enqueue(const QString &endpoint, Kind kind, QObject *context, Job job);
    // Drops the calls not started yet of this context, or of every context. Calls in flight end
    // on their own (a write already sent is never pretended away).
    void cancel(QObject *context);
    void cancelAll();

    int pendingCount() const;
    int runningCount() const;
    bool isIdle() const { return pendingCount() == 0 && runningCount() == 0; }

    struct Stats {
        int started = 0;   // job runs, retries included
        int retried = 0;   // runs after a 429
        int throttled = 0; // 429 answers seen
        int maxInFlight = 0;
    };
    const Stats &stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }

Q_SIGNALS:
    // The service asked to slow down: no call to this endpoint starts for delayMs.
    void throttled(const QString &endpoint, int delayMs);
    // Nothing is queued or running any more.
    void idle();

private:
    struct Entry {
        Kind kind = Kind::Read;
        QPointer<QObject> context;
        Job job;
        int attempt = 0;
    };
    struct Endpoint {
        std::deque<Entry> waiting;
        int running = 0;
        qint64 pausedUntilMs = 0; // since the epoch
        int throttledInARow = 0;
        QTimer *wake = nullptr;
    };

    void pump(const QString &endpoint);
    void start(const QString &endpoint, Entry entry);
    int delayFor(Endpoint &endpoint, const ApiError &error);
    void checkIdle();

    Options m_options;
    QHash<QString, std::shared_ptr<Endpoint>> m_endpoints;
    Stats m_stats;
    bool m_busy = false;
};

} // namespace dcs
