#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>
#include <utility>

namespace dcs {

// The threads blocking Redis calls run on: their own pool, so a slow server never holds up
// other work of the program's global pool.
QThreadPool *redisThreadPool();

// Runs work — blocking calls on a RedisConnection it makes itself — on redisThreadPool() and
// hands its result to done on context's thread. Nothing is called once context is gone. work
// must not touch context or anything else that context owns.
template <typename Work, typename Done> void runRedisWork(QObject *context, Work work, Done done) {
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(redisThreadPool(), std::move(work)));
}

} // namespace dcs
