#pragma once

#include "api/ApiError.h"
#include "api/ApiResult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace dcs {

// One page of a list, read and mapped off the GUI thread.
template <typename T> struct Page {
    ApiError error;
    qint64 total = -1; // as claimed; -1 when absent or not a believable count
    QList<T> items;
    QList<QByteArray> keys; // one per item: its id, or a digest of its JSON when it has none
    bool overfull = false;  // more items than the page asked for
};

// simdjson's parsers for the pages of one list, shared by the workers that read them: each
// parser's buffers (several times a page) are made once per list instead of once per page, and
// go back when the list's last page is read and this is destroyed. Thread-safe.
class PageParsers {
public:
    PageParsers();
    ~PageParsers();
    PageParsers(const PageParsers &) = delete;
    PageParsers &operator=(const PageParsers &) = delete;

    struct Private;

private:
    friend class PageParsersAccess;
    std::unique_ptr<Private> d;
};

// Reads the body of a 2xx list answer: {"<totalKey>": n, "<listKey>": [record, …]}, at most
// pageSize records, each mapped in one pass over its keys (model/RecordReader.h) and then given
// to adjust (null: nothing to adjust). Text that repeats across the page's records (statuses,
// engines, networks, …) is kept once and shared.
//
// The page is parsed with simdjson. QJsonDocument reads it instead where the two parsers could
// disagree — a body simdjson refuses (QJsonDocument takes a little more, and words the refusal)
// or one with a number that is a fractional zero (QJsonDocument refuses underflows such as
// 1e-400, which simdjson reads as 0) — so every body is accepted, refused and mapped exactly as
// QJsonDocument would have it. Instantiated for Instance, Backup, RestoreRecord, BackgroundTask.
// parsers (may be null: a parser of its own) lends the parser.
template <typename T>
Page<T> readPage(const QByteArray &body, const QString &totalKey, const QString &listKey,
                 int pageSize, const std::function<void(T &)> &adjust,
                 PageParsers *parsers = nullptr);

// The same with QJsonDocument only: what readPage must agree with (tests, and the fallback).
template <typename T>
Page<T> readPageWithQJson(const QByteArray &body, const QString &totalKey, const QString &listKey,
                          int pageSize, const std::function<void(T &)> &adjust);

// How the last readPage() on this thread read its body, for tests and dcs-bench.
enum class PageParser { Simdjson, QJsonDocument };
PageParser lastPageParser();

namespace answer {
// A 2xx body that is not the object the contract promises, in words that say what it was; the
// parsed object otherwise.
ApiResult<QJsonObject> parseObject(const QByteArray &body);
// A 2xx answer that carries an error body instead of what was asked for.
bool carriesError(const QJsonObject &object);
// Such an answer as an error with the service's own code and words.
ApiError errorInOkAnswer(int status, const QByteArray &body, const QString &requestId);
} // namespace answer

} // namespace dcs
