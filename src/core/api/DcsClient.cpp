#include "api/DcsClient.h"

#include "api/IamTokenProvider.h"
#include "api/PageReader.h"
#include "api/Transfer.h"
#include "model/JsonRead.h"
#include "model/PlainText.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <map>
#include <utility>

namespace dcs {

namespace {

using answer::carriesError;
using answer::errorInOkAnswer;
using answer::parseObject;

} // namespace

template <typename T> struct PagingState {
    int pageSize = 1000;
    int maxItems = 100000;
    int maxPages = 0;
    int nextToFetch = 1;
    int nextToProcess = 0;
    qint64 pagesToRead = 1; // known once the first page tells the total
    int inFlight = 0;
    int parallel = 4;
    bool done = false;
    qint64 claimedTotal = -1;
    std::map<int, Page<T>> arrived; // pages that came before an earlier one
    QList<T> items;                 // without a batch callback: the whole list
    qint64 taken = 0;               // records kept (delivered or listed)
    QSet<QByteArray> seen;
    // Lent to the workers that read the pages; freed with the last of them.
    std::shared_ptr<PageParsers> parsers = std::make_shared<PageParsers>();
    QString incompleteReason;
    QString requestId;
    std::function<void(int page, std::shared_ptr<PagingState<T>> owner)> fetch;
};

DcsClient::DcsClient(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_version(m_config.apiVersion)
    , m_signer(m_config.accessKey, m_config.secretKey) {
    qRegisterMetaType<dcs::RequestLogEntry>();
    if (NetworkModule *module = network::module())
        m_engine = module->createEngine(httpSettings());
    if (m_config.iam && m_engine) {
        m_iam = new IamTokenProvider(m_engine.get(), *m_config.iam, m_config.projectId,
                                     m_config.profileName, m_config.clock, this);
        connect(m_iam, &IamTokenProvider::requestFinished, this, &DcsClient::requestFinished);
    }
}

HttpSettings DcsClient::httpSettings() const {
    HttpSettings settings;
    settings.proxy = m_config.proxy;
    settings.extraCaPem = m_config.extraCaPem;
    settings.transferTimeoutMs = m_config.transferTimeoutMs;
    settings.limits.deadlineMs = m_config.requestDeadlineMs;
    settings.limits.maxAnswerBytes = m_config.maxAnswerBytes;
    return settings;
}

ApiError DcsClient::networkUnavailable() {
    ApiError error = ApiError::network(ApiError::Kind::Network, network::loadError());
    error.code = QLatin1String(ApiError::kNetworkModuleCode);
    return error;
}

DcsClient::~DcsClient() {
    abortAll();
    // The engine goes before the token provider that sends through it.
    delete m_iam;
    m_engine.reset();
}

QString DcsClient::formatQueryTime(const QDateTime &utc) {
    return utc.toUTC().toString(QStringLiteral("yyyyMMddHHmmss"));
}

QUrl DcsClient::apiUrl(ApiVersion version, const QString &pathAfterProject,
                       const QUrlQuery &query) const {
    QUrl url = m_config.endpoint;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QLatin1Char('/') + apiPathSegment(version) + QLatin1Char('/') +
                m_config.projectId + pathAfterProject);
    // Strictly encoded by the signer's own rule, so what is signed is what is sent.
    QByteArrayList parts;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        parts.append(AkSkSigner::percentEncode(item.first.toUtf8()) + '=' +
                     AkSkSigner::percentEncode(item.second.toUtf8()));
    if (!parts.isEmpty())
        url.setQuery(QString::fromLatin1(parts.join('&')), QUrl::StrictMode);
    else
        url.setQuery(QString());
    return url;
}

static QString pathSegment(const QString &value) {
    return QString::fromLatin1(AkSkSigner::percentEncode(value.toUtf8()));
}

void DcsClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                     QObject *context, RawHandler handler, int attempt) {
    if (!m_iam) {
        transfer(method, url, body, {}, context, std::move(handler));
        return;
    }
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_iam->token(
        [=, handler = std::move(handler)](const QByteArray &token, const ApiError &authError) {
            if (hasContext && !guard)
                return;
            if (authError.isError()) {
                handler(authError.httpStatus, {}, authError, authError.requestId);
                return;
            }
            transfer(method, url, body, token, context,
                     [=](int status, const QByteArray &response, const ApiError &error,
                         const QString &requestId) {
                         // A token the server no longer takes is renewed, and a read repeated once.
                         // A write is never repeated: it may have been acted on.
                         if (status == 401 && !transfer::isWrite(method) && attempt == 0) {
                             m_iam->invalidate(token);
                             send(method, url, body, context, handler, attempt + 1);
                             return;
                         }
                         if (status == 401)
                             m_iam->invalidate(token);
                         handler(status, response, error, requestId);
                     });
        });
}

void DcsClient::transfer(const QByteArray &method, const QUrl &url, const QByteArray &body,
                         const QByteArray &token, QObject *context, RawHandler handler) {
    const bool write = transfer::isWrite(method);
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    if (!m_engine) {
        // Later, as an answer would come: callers rely on never being called back at once.
        QTimer::singleShot(0, this, [guard, hasContext, handler = std::move(handler)] {
            if (hasContext && !guard)
                return;
            handler(0, {}, networkUnavailable(), {});
        });
        return;
    }
    // As the v2 SDK sends it (dcs-api-v2.md §0): calls with a body say charset=UTF-8.
    const bool v2Body = !body.isEmpty() && url.path().contains(QLatin1String("/v2/"));
    QList<HeaderPair> headers{
        {"Content-Type", v2Body ? "application/json;charset=UTF-8" : "application/json"},
        {"X-Project-Id", m_config.projectId.toUtf8()}};
    if (!token.isEmpty()) {
        headers.append({"Host", AkSkSigner::hostHeader(url)});
        headers.append({"X-Auth-Token", token});
    } else {
        if (!m_config.securityToken.isEmpty())
            headers.append({"X-Security-Token", m_config.securityToken});
        headers = m_signer.sign(method, url, headers, body, m_config.clock());
    }

    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    const QList<HeaderPair> loggedHeaders = redaction::headers(headers);
    const QByteArray loggedBody = redaction::body(body);
    // The engine calls back only while it exists, and it lives no longer than this client.
    m_engine->send(
        HttpRequest{method, url, headers, body},
        [this, guard, hasContext, started, startedAt, method, url, write, loggedHeaders, loggedBody,
         handler = std::move(handler)](HttpAnswer answer) {
            const int status = answer.status;
            const QByteArray requestIdHeader = answer.header("X-Request-Id");
            ApiError error = answer.error;
            if (!error.isError()) {
                if (status >= 400) {
                    error = ApiError::fromHttpResponse(status, answer.body, requestIdHeader);
                    // Throttled: how long to wait, for whoever repeats reads (RequestQueue).
                    error.retryAfterMs = ApiError::parseRetryAfter(answer.header("Retry-After"),
                                                                   QDateTime::currentDateTimeUtc());
                    // A 5xx after the body went out does not say whether it was acted on.
                    if (write && status >= 500)
                        error.kind = ApiError::Kind::AnswerLost;
                } else if (status >= 300 && status < 400) {
                    error = ApiError::network(
                        write ? ApiError::Kind::AnswerLost : ApiError::Kind::InvalidResponse,
                        transfer::redirectMessage(status, answer.header("Location")));
                    error.httpStatus = status;
                    error.requestId = QString::fromLatin1(requestIdHeader);
                } else if (status < 200 || status >= 300) {
                    error = ApiError::fromHttpResponse(status, answer.body, requestIdHeader);
                    error.kind =
                        write ? ApiError::Kind::AnswerLost : ApiError::Kind::InvalidResponse;
                }
            }

            RequestLogEntry entry;
            entry.startedAt = startedAt;
            entry.method = method;
            entry.url = url;
            entry.httpStatus = status;
            entry.durationMs = started->elapsed();
            entry.responseBytes = answer.body.size();
            entry.requestId =
                error.requestId.isEmpty() ? QString::fromLatin1(requestIdHeader) : error.requestId;
            entry.errorCode = error.code;
            entry.profileName = m_config.profileName;
            entry.requestHeaders = loggedHeaders;
            entry.requestBody = loggedBody;
            Q_EMIT requestFinished(entry);

            if (hasContext && !guard)
                return;
            // A write that could not be sent again through a forwarding proxy: find out whether
            // the proxy refused it (then it never reached the service).
            if (answer.lostAtForwardingProxy) {
                const QString requestId = entry.requestId;
                m_engine->probeProxy(url, [=](bool refused) {
                    if (hasContext && !guard)
                        return;
                    ApiError outcome = error;
                    if (refused) {
                        outcome = ApiError::network(
                            ApiError::Kind::Network,
                            tr("The proxy asks for a user name and password (HTTP 407) and "
                               "did not accept the profile's. Nothing was sent to the "
                               "service."));
                    }
                    handler(0, {}, outcome, requestId);
                });
                return;
            }
            handler(status, answer.body, error, entry.requestId);
        });
}

bool DcsClient::meansApiMissing(const ApiError &error) {
    if (error.code == QLatin1String("APIGW.0101"))
        return true;
    return error.httpStatus == 404 && error.code == QLatin1String("DCS.4001");
}

// An answer that shows the v2 family exists here: a success, or a DCS refusal of the request
// itself. Authentication, throttling and server errors say nothing about it.
static bool provesV2(int status, const ApiError &error) {
    if (status >= 200 && status < 300)
        return true;
    return (status == 400 || status == 404 || status == 405) &&
           error.code.startsWith(QLatin1String("DCS.")) && !DcsClient::meansApiMissing(error);
}

static ApiError unsupportedOnV1() {
    ApiError error = ApiError::network(
        ApiError::Kind::Unsupported,
        QCoreApplication::translate("dcs::DcsClient",
                                    "This needs DCS API v2; the service answers in v1.0 only."));
    return error;
}

void DcsClient::resolveVersion(ApiVersion version) {
    if (m_version != ApiVersion::Automatic)
        return;
    m_version = version;
    Q_EMIT apiVersionResolved(version);
}

void DcsClient::call(WireFor wireFor, QObject *context, VersionedHandler handler) {
    const ApiVersion version = m_version == ApiVersion::Automatic ? ApiVersion::V2 : m_version;
    const Wire wire = wireFor(version);
    if (wire.method.isEmpty()) {
        const ApiError error = unsupportedOnV1();
        handler(0, {}, error, {});
        return;
    }
    if (m_version != ApiVersion::Automatic) {
        send(wire.method, apiUrl(version, wire.path, wire.query), wire.body, context,
             std::move(handler));
        return;
    }
    if (wire.method != "GET") {
        // Which family exists is settled by a read first: a write is sent once, in one version.
        settleVersion(context, [this, wireFor, context, handler](const ApiError &error) {
            if (error.isError()) {
                handler(error.httpStatus, {}, error, error.requestId);
                return;
            }
            call(wireFor, context, handler);
        });
        return;
    }
    send(wire.method, apiUrl(version, wire.path, wire.query), wire.body, context,
         [this, wireFor, context, handler](int status, const QByteArray &body,
                                           const ApiError &error, const QString &requestId) {
             if (meansApiMissing(error)) {
                 // v2 is not there: this read, and everything after it, in v1.0.
                 resolveVersion(ApiVersion::V1);
                 if (m_version == ApiVersion::V1) {
                     call(wireFor, context, handler);
                     return;
                 }
             } else if (provesV2(status, error)) {
                 resolveVersion(ApiVersion::V2);
             }
             handler(status, body, error, requestId);
         });
}

void DcsClient::settleVersion(QObject *context, std::function<void(const ApiError &error)> done) {
    // The smallest read there is: one instance of the list.
    call(
        [pageSize = 1](ApiVersion version) {
            Wire wire;
            wire.method = "GET";
            wire.path = QStringLiteral("/instances");
            if (version == ApiVersion::V2)
                wire.query.addQueryItem(QStringLiteral("offset"), QStringLiteral("0"));
            else
                wire.query.addQueryItem(QStringLiteral("start"), QStringLiteral("1"));
            wire.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
            return wire;
        },
        context,
        [this, done](int, const QByteArray &, const ApiError &error, const QString &) {
            if (!error.isError() && m_version != ApiVersion::Automatic) {
                done({});
                return;
            }
            // Nothing of the write was sent: say so, whatever kept the version unknown.
            ApiError notSent = error;
            if (!notSent.isError())
                notSent = ApiError::network(ApiError::Kind::Network, QString());
            notSent.kind = ApiError::Kind::Network;
            notSent.message =
                QCoreApplication::translate("dcs::DcsClient",
                                            "Nothing was sent: the API version of the service "
                                            "could not be determined (%1).")
                    .arg(error.summary().isEmpty() ? QStringLiteral("?") : error.summary());
            done(notSent);
        });
}

void DcsClient::abortAll() {
    if (m_engine)
        m_engine->abortAll();
}

template <typename R>
void DcsClient::offThread(std::function<R()> work, std::function<void(R &&)> done) {
    // The watcher belongs to this client: when the client goes, the answer goes with it.
    auto *watcher = new QFutureWatcher<R>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        QFuture<R> future = watcher->future();
        if (future.resultCount() > 0)
            done(future.takeResult());
    });
    auto promise = std::make_shared<QPromise<R>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
        promise->addResult(work());
        promise->finish();
    });
}

template <typename T>
void DcsClient::refuseLocally(const QString &what, QObject *context, ApiCallback<T> callback) {
    ApiResult<T> result;
    result.error = ApiError::network(ApiError::Kind::InvalidRequest,
                                     tr("Not sent: %1 is missing or not a valid ID.").arg(what));
    // Answered from the event loop, as any other call is.
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QMetaObject::invokeMethod(
        this,
        [guard, hasContext, result, callback = std::move(callback)] {
            if (hasContext && !guard)
                return;
            callback(result);
        },
        Qt::QueuedConnection);
}

template <typename T>
void DcsClient::fetchAllPages(const ListCall &list, std::function<void(T &)> adjust,
                              QObject *context, ApiCallback<QList<T>> callback, int maxPages,
                              BatchCallback<T> batch) {
    // Owned by the handlers of the requests in flight: freed with the last of them, also when
    // the context went away and no handler ran.
    auto state = std::make_shared<PagingState<T>>();
    PagingState<T> *raw = state.get();
    raw->pageSize = qBound(1, m_config.pageSize, list.pageSizeCap);
    raw->maxItems = qMax(1, m_config.maxListItems);
    raw->maxPages = maxPages;
    raw->parallel = qMax(1, m_config.parallelPages);
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;

    auto finish = [raw, callback](const ApiError &error) {
        raw->done = true;
        ApiResult<QList<T>> result;
        result.error = error;
        result.requestId = raw->requestId;
        if (!error.isError()) {
            result.value = std::move(raw->items);
            if (raw->incompleteReason.isEmpty() && raw->maxPages == 0 && raw->claimedTotal >= 0 &&
                raw->claimedTotal > raw->taken)
                raw->incompleteReason =
                    tr("The service counted %1 records but sent %2; the list may be incomplete.")
                        .arg(raw->claimedTotal)
                        .arg(raw->taken);
            result.incomplete = !raw->incompleteReason.isEmpty();
            result.incompleteReason = raw->incompleteReason;
        }
        callback(result);
        // The ids kept to drop repeats are freed on a worker: 100,000 of them took longer than a
        // frame to free on the GUI thread.
        if (!raw->seen.isEmpty())
            QThreadPool::globalInstance()->start(
                [seen = std::exchange(raw->seen, {})]() mutable { seen.clear(); });
    };

    // Takes one page, in order; false when the list ends here. Its new records go to the batch
    // callback at once when there is one, else into the list the callback gets at the end.
    auto take = [raw, batch](int number, Page<T> &page) {
        if (number == 0) {
            raw->claimedTotal = page.total;
            // Pages the claim asks for, bounded by what the console keeps at most: a claim of
            // millions is not followed page after page.
            const qint64 cap =
                raw->maxPages > 0 ? raw->maxPages : qint64(raw->maxItems) / raw->pageSize + 1;
            const qint64 wanted =
                page.total >= 0 ? (page.total + raw->pageSize - 1) / raw->pageSize : cap;
            raw->pagesToRead = qBound<qint64>(1, wanted, cap);
            // Room for what the claim announces (within the caps), so that neither grows
            // page after page.
            const qint64 expected = qMin(raw->pagesToRead * raw->pageSize, qint64(raw->maxItems));
            raw->seen.reserve(expected);
            if (!batch)
                raw->items.reserve(expected);
        }
        if (page.overfull && raw->incompleteReason.isEmpty())
            raw->incompleteReason = tr("The service sent more records on one page than were "
                                       "asked for; the extra ones were left out, so the list "
                                       "may be incomplete.");
        QList<T> fresh;
        bool more = true;
        const qsizetype arrived = page.items.size();
        // Commonly every record is new and within the cap: the page's list is taken whole
        // instead of record by record.
        bool allFresh = raw->taken + arrived <= raw->maxItems;
        for (qsizetype i = 0; allFresh && i < arrived; ++i) {
            if (raw->seen.contains(page.keys.at(i))) {
                allFresh = false;
                // Keys seen so far on this page are unmarked again: the loop below takes them.
                for (qsizetype j = 0; j < i; ++j)
                    raw->seen.remove(page.keys.at(j));
                break;
            }
            raw->seen.insert(page.keys.at(i));
        }
        if (allFresh) {
            fresh = std::move(page.items);
            raw->taken += arrived;
        } else {
            fresh.reserve(arrived);
        }
        for (qsizetype i = 0; !allFresh && i < arrived; ++i) {
            if (raw->taken >= raw->maxItems) {
                raw->incompleteReason = tr("The list holds more than %1 records; only the first "
                                           "%1 are shown.")
                                            .arg(raw->maxItems);
                more = false;
                break;
            }
            if (raw->seen.contains(page.keys.at(i)))
                continue;
            raw->seen.insert(page.keys.at(i));
            fresh.append(std::move(page.items[i]));
            ++raw->taken;
        }
        if (more && number > 0 && fresh.isEmpty() && arrived > 0) {
            raw->incompleteReason = tr("The service sent the same records again on a later "
                                       "page; the list stops there and may be incomplete.");
            more = false;
        }
        if (!fresh.isEmpty()) {
            if (batch)
                batch(fresh);
            else
                raw->items.append(std::move(fresh));
        }
        // The client rule of §1: done at the total, or at a page shorter than limit (the list
        // shrank meanwhile, or the total counted something else).
        return more && arrived >= raw->pageSize;
    };

    // The paging parameters of one page, in the version the request goes out in: v1.0 counts
    // records from 1 (start), v2 skips them (offset = start - 1; dcs-api-v2.md §0). Always with
    // limit: v2 lists return 10 records when it is left out.
    const int pageSize = raw->pageSize;
    auto wireFor = [list, pageSize](int page) {
        return [list, pageSize, page](ApiVersion version) {
            Wire wire;
            if (list.v2Only && version != ApiVersion::V2)
                return wire; // no method: not in v1.0
            wire.method = "GET";
            wire.path = list.path;
            wire.query = list.filters ? list.filters(version) : QUrlQuery();
            const qint64 skipped = qint64(page) * pageSize;
            if (version == ApiVersion::V2)
                wire.query.addQueryItem(QStringLiteral("offset"), QString::number(skipped));
            else
                wire.query.addQueryItem(QStringLiteral("start"), QString::number(skipped + 1));
            wire.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
            return wire;
        };
    };

    // More pages while fewer than `parallel` are on the wire or being read (a page being read
    // takes its slot until then, so a list that repeats itself is seen before more is asked).
    auto fetchMore = [raw](std::shared_ptr<PagingState<T>> owner) {
        while (!raw->done && raw->inFlight < raw->parallel && raw->nextToFetch < raw->pagesToRead)
            raw->fetch(raw->nextToFetch++, owner);
    };

    raw->fetch = [this, raw, list, adjust, wireFor, context, guard, hasContext, finish, take,
                  fetchMore](int page, std::shared_ptr<PagingState<T>> owner) {
        ++raw->inFlight;
        call(wireFor(page), context,
             [this, owner, page, list, adjust, guard, hasContext, finish, take,
              fetchMore](int status, const QByteArray &body, const ApiError &error,
                         const QString &requestId) {
                 PagingState<T> *state = owner.get();
                 if (state->done) {
                     --state->inFlight;
                     return;
                 }
                 if (error.isError()) {
                     --state->inFlight;
                     state->requestId = requestId;
                     finish(error);
                     return;
                 }
                 const int pageSize = state->pageSize;
                 const QString totalKey = list.totalKey;
                 const QString listKey = list.listKey;
                 const std::shared_ptr<PageParsers> parsers = state->parsers;
                 // Parsed and mapped on a worker while the next pages download; the JSON goes
                 // with the worker's task, only the records come back.
                 offThread<Page<T>>(
                     [status, body, totalKey, listKey, pageSize, adjust, parsers] {
                         // v2 answers an empty backup or restore list with 204 and no body
                         // (§3, §8).
                         if (status == 204) {
                             Page<T> empty;
                             empty.total = 0;
                             return empty;
                         }
                         return readPage<T>(body, totalKey, listKey, pageSize, adjust,
                                            parsers.get());
                     },
                     [owner, page, requestId, guard, hasContext, finish, take,
                      fetchMore](Page<T> &&parsed) {
                         PagingState<T> *state = owner.get();
                         --state->inFlight;
                         if (state->done || (hasContext && !guard))
                             return;
                         state->requestId = requestId;
                         state->arrived.emplace(page, std::move(parsed));
                         // In order, so that "nothing new" and the caps mean the same whatever
                         // order the answers came in.
                         while (!state->arrived.empty() &&
                                state->arrived.begin()->first == state->nextToProcess) {
                             Page<T> next = std::move(state->arrived.begin()->second);
                             state->arrived.erase(state->arrived.begin());
                             if (next.error.isError()) {
                                 ApiError invalid = next.error;
                                 invalid.requestId = requestId;
                                 finish(invalid);
                                 return;
                             }
                             const bool more = take(state->nextToProcess, next);
                             ++state->nextToProcess;
                             if (!more) {
                                 finish({});
                                 return;
                             }
                             // The batch callback may have closed what asked for the list.
                             if (hasContext && !guard) {
                                 state->done = true;
                                 return;
                             }
                         }
                         fetchMore(owner);
                         if (state->inFlight == 0 && state->arrived.empty() &&
                             state->nextToProcess >= state->pagesToRead)
                             finish({});
                     });
             });
    };
    raw->fetch(0, state);
}

static QString instancePath(const QString &instanceId, const QString &tail = QString()) {
    return QStringLiteral("/instances/") + pathSegment(instanceId) + tail;
}

DcsClient::ListCall DcsClient::instanceList(const InstanceQuery &query) {
    ListCall list;
    list.path = QStringLiteral("/instances");
    list.totalKey = QStringLiteral("instance_num");
    list.listKey = QStringLiteral("instances");
    list.filters = [query](ApiVersion version) {
        QUrlQuery q;
        if (!query.name.isEmpty())
            q.addQueryItem(QStringLiteral("name"), query.name);
        // v1.0 id, v2 instance_id (§1).
        if (!query.id.isEmpty())
            q.addQueryItem(version == ApiVersion::V2 ? QStringLiteral("instance_id")
                                                     : QStringLiteral("id"),
                           query.id);
        if (!query.status.isEmpty())
            q.addQueryItem(QStringLiteral("status"), query.status);
        if (query.includeFailure)
            q.addQueryItem(QStringLiteral("include_failure"), QStringLiteral("true"));
        return q;
    };
    return list;
}

void DcsClient::listInstances(const InstanceQuery &query, QObject *context,
                              ApiCallback<QList<Instance>> callback) {
    fetchAllPages<Instance>(instanceList(query), {}, context, std::move(callback), query.maxPages);
}

void DcsClient::streamInstances(const InstanceQuery &query, QObject *context,
                                BatchCallback<Instance> batch, ApiCallback<QList<Instance>> done) {
    fetchAllPages<Instance>(instanceList(query), {}, context, std::move(done), query.maxPages,
                            std::move(batch));
}

void DcsClient::showInstance(const QString &instanceId, QObject *context,
                             ApiCallback<Instance> callback) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(callback));
        return;
    }
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    call(
        [instanceId](ApiVersion) {
            Wire wire;
            wire.method = "GET";
            wire.path = instancePath(instanceId);
            return wire;
        },
        context,
        [this, instanceId, callback, guard, hasContext](
            int status, const QByteArray &body, const ApiError &error, const QString &requestId) {
            if (error.isError()) {
                ApiResult<Instance> result;
                result.requestId = requestId;
                result.error = error;
                callback(result);
                return;
            }
            offThread<ApiResult<Instance>>(
                [body, status, requestId, instanceId] {
                    ApiResult<Instance> result;
                    result.requestId = requestId;
                    const auto parsed = parseObject(body);
                    result.error = parsed.error;
                    if (!parsed.ok()) {
                        result.error.requestId = requestId;
                        return result;
                    }
                    if (carriesError(parsed.value) &&
                        !parsed.value.contains(QLatin1String("instance_id"))) {
                        result.error = errorInOkAnswer(status, body, requestId);
                        return result;
                    }
                    result.value = Instance::fromJson(parsed.value);
                    // The answer must be about the instance asked for: another instance's data
                    // would be judged (and acted on) as if it were this one's.
                    if (result.value.instanceId != instanceId) {
                        result.error.kind = ApiError::Kind::InvalidResponse;
                        result.error.requestId = requestId;
                        result.error.message =
                            result.value.instanceId.isEmpty()
                                ? QCoreApplication::translate(
                                      "dcs::DcsClient",
                                      "The service was asked for instance %1 and answered "
                                      "without an instance ID.")
                                      .arg(instanceId)
                                : QCoreApplication::translate(
                                      "dcs::DcsClient",
                                      "The service was asked for instance %1 and answered with "
                                      "instance %2.")
                                      .arg(instanceId, plain(result.value.instanceId));
                        result.value = Instance();
                    }
                    return result;
                },
                [callback, guard, hasContext](const ApiResult<Instance> &result) {
                    if (hasContext && !guard)
                        return;
                    callback(result);
                });
        });
}

// The backup and restore lists' time window: v1.0 camelCase, v2 snake_case (§3, §8).
static QUrlQuery timeRangeQuery(const TimeRange &range, ApiVersion version) {
    const bool v2 = version == ApiVersion::V2;
    QUrlQuery q;
    if (range.begin.isValid())
        q.addQueryItem(v2 ? QStringLiteral("begin_time") : QStringLiteral("beginTime"),
                       DcsClient::formatQueryTime(range.begin));
    if (range.end.isValid())
        q.addQueryItem(v2 ? QStringLiteral("end_time") : QStringLiteral("endTime"),
                       DcsClient::formatQueryTime(range.end));
    return q;
}

DcsClient::ListCall DcsClient::backupList(const QString &instanceId, const TimeRange &range) {
    ListCall list;
    list.path = instancePath(instanceId, QStringLiteral("/backups"));
    list.filters = [range](ApiVersion version) {
        return timeRangeQuery(range, version);
    };
    list.totalKey = QStringLiteral("total_num");
    list.listKey = QStringLiteral("backup_record_response");
    return list;
}

// A backup listed under this instance but naming another is flagged, never acted on.
static std::function<void(Backup &)> flagForeign(const QString &instanceId) {
    return [instanceId](Backup &backup) {
        backup.foreignInstance = !backup.instanceId.isEmpty() && backup.instanceId != instanceId;
    };
}

void DcsClient::listBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                            ApiCallback<QList<Backup>> callback) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(callback));
        return;
    }
    fetchAllPages<Backup>(backupList(instanceId, range), flagForeign(instanceId), context,
                          std::move(callback));
}

void DcsClient::streamBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                              BatchCallback<Backup> batch, ApiCallback<QList<Backup>> done) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(done));
        return;
    }
    fetchAllPages<Backup>(backupList(instanceId, range), flagForeign(instanceId), context,
                          std::move(done), 0, std::move(batch));
}

void DcsClient::listRestores(const QString &instanceId, const TimeRange &range, QObject *context,
                             ApiCallback<QList<RestoreRecord>> callback) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(callback));
        return;
    }
    ListCall list;
    list.path = instancePath(instanceId, QStringLiteral("/restores"));
    list.filters = [range](ApiVersion version) {
        return timeRangeQuery(range, version);
    };
    list.totalKey = QStringLiteral("total_num");
    list.listKey = QStringLiteral("restore_record_response");
    fetchAllPages<RestoreRecord>(list, {}, context, std::move(callback));
}

// Reads the id a write's 2xx answer carries, e.g. backup_id or restore_id. An answer that
// carries an error instead keeps the service's code and words.
static ApiResult<QString> idField(int status, const QByteArray &body, const ApiError &error,
                                  const QString &requestId, QLatin1String field) {
    ApiResult<QString> result;
    result.requestId = requestId;
    result.error = error;
    if (error.isError())
        return result;
    const auto parsed = parseObject(body);
    const QString value = json::identifier(parsed.value.value(field));
    if (parsed.ok() && isValidId(value)) {
        result.value = value;
        return result;
    }
    if (parsed.ok() && carriesError(parsed.value)) {
        result.error = errorInOkAnswer(status, body, requestId);
    } else {
        result.error = parsed.error;
        result.error.kind = ApiError::Kind::InvalidResponse;
        if (result.error.message.isEmpty())
            result.error.message =
                value.isEmpty() ? QCoreApplication::translate("dcs::DcsClient",
                                                              "The server's answer has no \"%1\".")
                                      .arg(QString(field))
                                : QCoreApplication::translate(
                                      "dcs::DcsClient", "The server's answer has no valid \"%1\".")
                                      .arg(QString(field));
    }
    result.error.requestId = requestId;
    // The write was answered 2xx: it was accepted; only its id is unknown.
    result.error.kind = ApiError::Kind::AnswerLost;
    return result;
}

void DcsClient::createBackup(const QString &instanceId, const QString &remark,
                             const QString &format, QObject *context,
                             ApiCallback<QString> callback) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(callback));
        return;
    }
    QJsonObject body;
    body.insert(QStringLiteral("remark"), remark);
    if (!format.isEmpty())
        body.insert(QStringLiteral("backup_format"), format);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call(
        [instanceId, bytes](ApiVersion) {
            Wire wire;
            wire.method = "POST";
            wire.path = instancePath(instanceId, QStringLiteral("/backups"));
            wire.body = bytes;
            return wire;
        },
        context,
        [callback](int status, const QByteArray &response, const ApiError &error,
                   const QString &requestId) {
            callback(idField(status, response, error, requestId, QLatin1String("backup_id")));
        });
}

void DcsClient::deleteBackup(const QString &instanceId, const QString &backupId, QObject *context,
                             ApiCallback<bool> callback) {
    if (!isValidId(instanceId) || !isValidId(backupId)) {
        refuseLocally(isValidId(instanceId) ? tr("the backup ID") : tr("the instance ID"), context,
                      std::move(callback));
        return;
    }
    call(
        [instanceId, backupId](ApiVersion) {
            Wire wire;
            wire.method = "DELETE";
            wire.path =
                instancePath(instanceId, QStringLiteral("/backups/") + pathSegment(backupId));
            return wire;
        },
        context,
        // v1.0 answers 200 {"message": ""}, v2 204 with no body (§5): both are success.
        [callback](int, const QByteArray &, const ApiError &error, const QString &requestId) {
            ApiResult<bool> result;
            result.error = error;
            result.requestId = requestId;
            result.value = !error.isError();
            callback(result);
        });
}

void DcsClient::restore(const QString &instanceId, const QString &backupId, const QString &remark,
                        QObject *context, ApiCallback<QString> callback) {
    if (!isValidId(instanceId) || !isValidId(backupId)) {
        refuseLocally(isValidId(instanceId) ? tr("the backup ID") : tr("the instance ID"), context,
                      std::move(callback));
        return;
    }
    QJsonObject body;
    body.insert(QStringLiteral("backup_id"), backupId);
    body.insert(QStringLiteral("remark"), remark);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call(
        [instanceId, bytes](ApiVersion) {
            // The same body in both versions (§7).
            Wire wire;
            wire.method = "POST";
            wire.path = instancePath(instanceId, QStringLiteral("/restores"));
            wire.body = bytes;
            return wire;
        },
        context,
        [callback](int status, const QByteArray &response, const ApiError &error,
                   const QString &requestId) {
            // A 2xx we cannot read still means the restore was accepted: its id is unknown,
            // not its existence (idField says AnswerLost).
            callback(idField(status, response, error, requestId, QLatin1String("restore_id")));
        });
}

void DcsClient::listBackupLinks(const QString &instanceId, const QString &backupId,
                                int expirationSeconds, QObject *context,
                                ApiCallback<BackupLinks> callback) {
    if (!isValidId(instanceId) || !isValidId(backupId)) {
        refuseLocally(isValidId(instanceId) ? tr("the backup ID") : tr("the instance ID"), context,
                      std::move(callback));
        return;
    }
    // expiration is a required int in v2 (§6); v1.0's similar call took a string and was
    // documented for one region only, so it is not used.
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("expiration"), expirationSeconds}})
            .toJson(QJsonDocument::Compact);
    call(
        [instanceId, backupId, bytes](ApiVersion version) {
            Wire wire;
            if (version != ApiVersion::V2)
                return wire;
            wire.method = "POST";
            wire.path =
                instancePath(instanceId, QStringLiteral("/backups/") + pathSegment(backupId) +
                                             QStringLiteral("/links"));
            wire.body = bytes;
            return wire;
        },
        context,
        [callback](int, const QByteArray &response, const ApiError &error,
                   const QString &requestId) {
            ApiResult<BackupLinks> result;
            result.requestId = requestId;
            result.error = error;
            if (!error.isError()) {
                const auto parsed = parseObject(response);
                result.value = BackupLinks::fromJson(parsed.value);
                if (!parsed.ok() || result.value.links.isEmpty()) {
                    result.error = parsed.error;
                    result.error.kind = ApiError::Kind::InvalidResponse;
                    if (result.error.message.isEmpty())
                        result.error.message = QCoreApplication::translate(
                            "dcs::DcsClient", "The server's answer has no download link.");
                    result.error.requestId = requestId;
                }
            }
            callback(result);
        });
}

void DcsClient::listTasks(const QString &instanceId, const TimeRange &range, QObject *context,
                          ApiCallback<QList<BackgroundTask>> callback) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(callback));
        return;
    }
    ListCall list;
    list.path = instancePath(instanceId, QStringLiteral("/tasks"));
    list.v2Only = true;
    // start_time, not begin_time (§9).
    list.filters = [range](ApiVersion) {
        QUrlQuery q;
        if (range.begin.isValid())
            q.addQueryItem(QStringLiteral("start_time"), formatQueryTime(range.begin));
        if (range.end.isValid())
            q.addQueryItem(QStringLiteral("end_time"), formatQueryTime(range.end));
        return q;
    };
    list.totalKey = QStringLiteral("task_count");
    list.listKey = QStringLiteral("tasks");
    // The limit range of this call is unconfirmed (§9): pages of 100 fit any reading of it.
    list.pageSizeCap = 100;
    fetchAllPages<BackgroundTask>(
        list, {}, context, [callback](ApiResult<QList<BackgroundTask>> result) {
            // The order is not documented: newest first here, like the
            // other lists.
            std::stable_sort(result.value.begin(), result.value.end(),
                             [](const BackgroundTask &a, const BackgroundTask &b) {
                                 return a.createdAt > b.createdAt;
                             });
            callback(result);
        });
}

void DcsClient::instanceStatusCounts(bool includeFailure, QObject *context,
                                     ApiCallback<StatusCounts> callback) {
    // v1.0 has no such call in its contract: count the instance list instead.
    auto countLocally = [this, includeFailure, context, callback] {
        InstanceQuery query;
        query.includeFailure = includeFailure;
        listInstances(query, context, [callback](const ApiResult<QList<Instance>> &list) {
            ApiResult<StatusCounts> result;
            result.error = list.error;
            result.requestId = list.requestId;
            if (list.ok())
                result.value = StatusCounts::fromInstances(list.value);
            callback(result);
        });
    };
    if (m_version == ApiVersion::V1) {
        countLocally();
        return;
    }
    call(
        [includeFailure](ApiVersion version) {
            Wire wire;
            if (version != ApiVersion::V2)
                return wire;
            wire.method = "GET";
            wire.path = QStringLiteral("/instances/status");
            wire.query.addQueryItem(QStringLiteral("include_failure"),
                                    includeFailure ? QStringLiteral("true")
                                                   : QStringLiteral("false"));
            return wire;
        },
        context,
        [callback, countLocally](int, const QByteArray &body, const ApiError &error,
                                 const QString &requestId) {
            // Automatic found v1.0 on this very call.
            if (error.kind == ApiError::Kind::Unsupported) {
                countLocally();
                return;
            }
            ApiResult<StatusCounts> result;
            result.requestId = requestId;
            result.error = error;
            if (!error.isError()) {
                const auto parsed = parseObject(body);
                result.error = parsed.error;
                result.error.requestId = requestId;
                if (parsed.ok())
                    result.value = StatusCounts::fromJson(parsed.value);
            }
            callback(result);
        });
}

void DcsClient::listProjects(QObject *context, ApiCallback<QList<IamProject>> callback) {
    QUrl url = m_config.iam ? m_config.iam->endpoint : m_config.iamEndpoint;
    if (!url.isValid() || url.host().isEmpty()) {
        ApiResult<QList<IamProject>> result;
        result.error = ApiError::network(
            ApiError::Kind::Unsupported,
            QCoreApplication::translate("dcs::DcsClient",
                                        "No IAM endpoint is set, so the projects cannot be read."));
        QTimer::singleShot(0, context ? context : this, [callback, result] { callback(result); });
        return;
    }
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/v3/auth/projects"));
    send("GET", url, {}, context,
         [callback](int, const QByteArray &body, const ApiError &error, const QString &requestId) {
             ApiResult<QList<IamProject>> result;
             result.requestId = requestId;
             result.error = error;
             if (!error.isError()) {
                 const auto parsed = parseObject(body);
                 bool ok = false;
                 if (parsed.ok())
                     result.value = IamProject::listFromJson(parsed.value, &ok);
                 if (!parsed.ok() || !ok) {
                     result.error = parsed.error;
                     result.error.kind = ApiError::Kind::InvalidResponse;
                     if (result.error.message.isEmpty())
                         result.error.message = QCoreApplication::translate(
                             "dcs::DcsClient", "The answer lists no projects.");
                     result.error.requestId = requestId;
                 }
             }
             callback(result);
         });
}

void DcsClient::updateBackupPolicy(const QString &instanceId, const BackupPolicy &policy,
                                   QObject *context, ApiCallback<bool> callback) {
    if (!isValidId(instanceId)) {
        refuseLocally(tr("the instance ID"), context, std::move(callback));
        return;
    }
    // Only the policy: the body's other fields are optional and left out (§11).
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("instance_backup_policy"), policy.toJson()}})
            .toJson(QJsonDocument::Compact);
    call(
        [instanceId, bytes](ApiVersion version) {
            Wire wire;
            if (version != ApiVersion::V2)
                return wire;
            wire.method = "PUT";
            wire.path = instancePath(instanceId);
            wire.body = bytes;
            return wire;
        },
        context,
        // 204 with no body, or 200 (Terraform accepts both).
        [callback](int, const QByteArray &, const ApiError &error, const QString &requestId) {
            ApiResult<bool> result;
            result.error = error;
            result.requestId = requestId;
            result.value = !error.isError();
            callback(result);
        });
}

} // namespace dcs
