#include "api/RequestQueue.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>
#include <climits>

namespace dcs {

RequestQueue::RequestQueue(QObject *parent)
    : RequestQueue(Options{}, parent) {}

RequestQueue::RequestQueue(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options) {
    m_options.concurrency = qMax(1, m_options.concurrency);
    m_options.maxAttempts = qMax(1, m_options.maxAttempts);
}

RequestQueue::~RequestQueue() = default;

void RequestQueue::setConcurrency(int calls) {
    m_options.concurrency = qMax(1, calls);
    for (auto it = m_endpoints.cbegin(); it != m_endpoints.cend(); ++it)
        pump(it.key());
}

QString RequestQueue::endpointKey(const QUrl &url) {
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() +
           QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

void RequestQueue::enqueue(const QString &endpoint, Kind kind, QObject *context, Job job) {
    std::shared_ptr<Endpoint> &slot = m_endpoints[endpoint];
    if (!slot)
        slot = std::make_shared<Endpoint>();
    slot->waiting.push_back({kind, context, std::move(job), 0});
    pump(endpoint);
}

void RequestQueue::cancel(QObject *context) {
    for (const std::shared_ptr<Endpoint> &endpoint : std::as_const(m_endpoints)) {
        auto &waiting = endpoint->waiting;
        waiting.erase(std::remove_if(waiting.begin(), waiting.end(),
                                     [context](const Entry &entry) {
                                         return entry.context == context || !entry.context;
                                     }),
                      waiting.end());
    }
    checkIdle();
}

void RequestQueue::cancelAll() {
    for (const std::shared_ptr<Endpoint> &endpoint : std::as_const(m_endpoints))
        endpoint->waiting.clear();
    checkIdle();
}

int RequestQueue::pendingCount() const {
    int count = 0;
    for (const std::shared_ptr<Endpoint> &endpoint : m_endpoints)
        count += int(endpoint->waiting.size());
    return count;
}

int RequestQueue::runningCount() const {
    int count = 0;
    for (const std::shared_ptr<Endpoint> &endpoint : m_endpoints)
        count += endpoint->running;
    return count;
}

void RequestQueue::pump(const QString &key) {
    const std::shared_ptr<Endpoint> endpoint = m_endpoints.value(key);
    if (!endpoint)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (endpoint->pausedUntilMs > now) {
        if (!endpoint->wake) {
            endpoint->wake = new QTimer(this);
            endpoint->wake->setSingleShot(true);
            connect(endpoint->wake, &QTimer::timeout, this, [this, key] { pump(key); });
        }
        endpoint->wake->start(int(qMin<qint64>(endpoint->pausedUntilMs - now, INT_MAX)));
        return;
    }
    while (endpoint->running < m_options.concurrency && !endpoint->waiting.empty()) {
        Entry entry = std::move(endpoint->waiting.front());
        endpoint->waiting.pop_front();
        if (!entry.context)
            continue; // its owner went while it waited
        start(key, std::move(entry));
    }
    checkIdle();
}

void RequestQueue::start(const QString &key, Entry entry) {
    const std::shared_ptr<Endpoint> endpoint = m_endpoints.value(key);
    ++endpoint->running;
    ++m_stats.started;
    if (entry.attempt > 0)
        ++m_stats.retried;
    m_stats.maxInFlight = qMax(m_stats.maxInFlight, runningCount());

    // The slot is given back exactly once: when done() is called, or when the context goes
    // first (the client then never calls back).
    auto released = std::make_shared<bool>(false);
    const std::weak_ptr<Endpoint> weak = endpoint;
    auto release = [this, weak, key, released] {
        if (*released)
            return false;
        *released = true;
        if (const auto alive = weak.lock()) {
            --alive->running;
            // Queued: a job that answers synchronously must not start the next one inside its
            // own call.
            QTimer::singleShot(0, this, [this, key] { pump(key); });
        }
        return true;
    };
    QObject *context = entry.context.data();
    auto watch = std::make_shared<QMetaObject::Connection>(
        connect(context, &QObject::destroyed, this, [release] { release(); }));

    const Entry again = entry;
    const QPointer<RequestQueue> self(this);
    const Done done = [self, weak, key, again, release, watch](const ApiError &error) {
        if (!self)
            return Outcome::Final;
        QObject::disconnect(*watch);
        if (!release())
            return Outcome::Final;
        const auto alive = weak.lock();
        if (!alive || error.httpStatus != 429) {
            if (alive && !error.isError())
                alive->throttledInARow = 0;
            return Outcome::Final;
        }
        ++self->m_stats.throttled;
        const int delay = self->delayFor(*alive, error);
        alive->pausedUntilMs =
            qMax(alive->pausedUntilMs, QDateTime::currentMSecsSinceEpoch() + delay);
        Q_EMIT self->throttled(key, delay);
        // A write is never sent twice; a read that has had its tries gives its 429 back.
        if (again.kind == Kind::Write || again.attempt + 1 >= self->m_options.maxAttempts ||
            !again.context)
            return Outcome::Final;
        Entry retry = again;
        ++retry.attempt;
        alive->waiting.push_front(std::move(retry));
        return Outcome::Retrying;
    };
    entry.job(done);
}

int RequestQueue::delayFor(Endpoint &endpoint, const ApiError &error) {
    ++endpoint.throttledInARow;
    if (error.retryAfterMs >= 0)
        return qMin(error.retryAfterMs, m_options.maxRetryAfterMs);
    qint64 delay = m_options.firstBackoffMs;
    for (int i = 1; i < endpoint.throttledInARow && delay < m_options.maxBackoffMs; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, m_options.maxBackoffMs));
}

void RequestQueue::checkIdle() {
    const bool busy = !isIdle();
    if (m_busy && !busy) {
        m_busy = false;
        Q_EMIT idle();
    }
    m_busy = busy;
}

} // namespace dcs
