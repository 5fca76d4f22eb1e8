#include "api/DcsClient.h"

#include "api/IamTokenProvider.h"
#include "api/OneShotUploadDevice.h"
#include "model/JsonRead.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <vector>

namespace dcs {

namespace {

// Errors after which a request may still have reached the server. For a restore these mean
// "outcome unknown", never "try again".
bool mayHaveBeenSent(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::UnknownProxyError:
        return false;
    default:
        return true;
    }
}

// The system's proxy settings, for one network manager only.
class SystemProxyFactory : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override {
        return systemProxyForQuery(query);
    }
};

// "The certificate has expired — subject: CN=…, issuer: CN=…", one line per problem.
// "CN=dcs.example.com, O=Example, C=CN": the names an administrator compares with their CA's.
QString distinguishedName(const QSslCertificate &cert, bool issuer) {
    static const std::pair<QSslCertificate::SubjectInfo, const char *> parts[] = {
        {QSslCertificate::CommonName, "CN"},
        {QSslCertificate::OrganizationalUnitName, "OU"},
        {QSslCertificate::Organization, "O"},
        {QSslCertificate::LocalityName, "L"},
        {QSslCertificate::StateOrProvinceName, "ST"},
        {QSslCertificate::CountryName, "C"}};
    QStringList names;
    for (const auto &[attribute, label] : parts) {
        const QStringList values =
            issuer ? cert.issuerInfo(attribute) : cert.subjectInfo(attribute);
        for (const QString &value : values)
            names.append(QLatin1String(label) + QLatin1Char('=') + value);
    }
    return names.join(QStringLiteral(", "));
}

QString describeSslErrors(const QList<QSslError> &errors) {
    QStringList lines;
    for (const QSslError &error : errors) {
        const QSslCertificate cert = error.certificate();
        QString line = error.errorString();
        if (!cert.isNull())
            line += QCoreApplication::translate("dcs::DcsClient",
                                                " — certificate subject: %1; issuer: %2")
                        .arg(distinguishedName(cert, false), distinguishedName(cert, true));
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

ApiResult<QJsonObject> parseObject(const QByteArray &body) {
    ApiResult<QJsonObject> result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        result.error.kind = ApiError::Kind::InvalidResponse;
        result.error.message =
            QCoreApplication::translate("dcs::DcsClient",
                                        "The server's answer is not a JSON object: %1")
                .arg(parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         : QCoreApplication::translate("dcs::DcsClient", "unexpected JSON type"));
        return result;
    }
    result.value = doc.object();
    return result;
}

} // namespace

struct PagingState {
    std::vector<QJsonArray> pages;
    int nextPage = 1;
    int inFlight = 0;
    bool done = false;
    std::function<void(int page, std::shared_ptr<PagingState> owner)> fetch;
};

DcsClient::DcsClient(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_version(m_config.apiVersion)
    , m_network(new QNetworkAccessManager(this))
    , m_signer(m_config.accessKey, m_config.secretKey) {
    qRegisterMetaType<dcs::RequestLogEntry>();
    // Redirects are not followed: a signed request must not be replayed somewhere else.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // The proxy belongs to this profile's manager: an application-wide proxy would be bypassed
    // for loopback hosts and would leak into other profiles.
    if (m_config.useSystemProxy)
        m_network->setProxyFactory(new SystemProxyFactory);
    else
        m_network->setProxy(m_config.proxy);
    // Certificate problems fail the request; they are recorded so the error can name them.
    connect(m_network, &QNetworkAccessManager::sslErrors, this,
            [](QNetworkReply *reply, const QList<QSslError> &errors) {
                reply->setProperty("dcsSslErrors", describeSslErrors(errors));
            });
    if (m_config.iam) {
        m_iam = new IamTokenProvider(m_network, *m_config.iam, m_config.projectId,
                                     m_config.profileName, m_config.transferTimeoutMs,
                                     sslConfiguration(), m_config.clock, this);
        connect(m_iam, &IamTokenProvider::requestFinished, this, &DcsClient::requestFinished);
    }
}

QSslConfiguration DcsClient::sslConfiguration() const {
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.extraCaCertificates.isEmpty())
        ssl.addCaCertificates(m_config.extraCaCertificates);
    return ssl;
}

DcsClient::~DcsClient() {
    abortAll();
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
                     bool repeatable, QObject *context, RawHandler handler, int attempt) {
    if (!m_iam) {
        transfer(method, url, body, repeatable, {}, context, std::move(handler));
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
            transfer(method, url, body, repeatable, token, context,
                     [=](int status, const QByteArray &response, const ApiError &error,
                         const QString &requestId) {
                         // A token the server no longer takes is renewed, and a read repeated once.
                         // A POST is never repeated: it may have been acted on.
                         if (status == 401 && method == "GET" && attempt == 0) {
                             m_iam->invalidate(token);
                             send(method, url, body, repeatable, context, handler, attempt + 1);
                             return;
                         }
                         if (status == 401)
                             m_iam->invalidate(token);
                         handler(status, response, error, requestId);
                     });
        });
}

void DcsClient::transfer(const QByteArray &method, const QUrl &url, const QByteArray &body,
                         bool repeatable, const QByteArray &token, QObject *context,
                         RawHandler handler) {
    QNetworkRequest request(url);
    request.setTransferTimeout(m_config.transferTimeoutMs);
    request.setSslConfiguration(sslConfiguration());
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
    for (const auto &header : std::as_const(headers))
        request.setRawHeader(header.first, header.second);

    QNetworkReply *reply = nullptr;
    if (!repeatable) {
        auto *device = new OneShotUploadDevice(body);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        reply = m_network->sendCustomRequest(request, method, device);
        device->setParent(reply);
    } else if (method == "GET") {
        reply = m_network->get(request);
    } else if (method == "DELETE" && body.isEmpty()) {
        reply = m_network->deleteResource(request);
    } else {
        reply = m_network->sendCustomRequest(request, method, body);
    }

    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();

    const QList<HeaderPair> loggedHeaders = redaction::headers(headers);
    const QByteArray loggedBody = redaction::body(body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, guard, hasContext, started, startedAt, method, url, repeatable,
             loggedHeaders, loggedBody, handler = std::move(handler)] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray requestIdHeader = reply->rawHeader("X-Request-Id");
                const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
                const bool aborted = reply->property("dcsAborted").toBool();
                ApiError error;

                if (status >= 400) {
                    error = ApiError::fromHttpResponse(status, body, requestIdHeader);
                    // A 5xx after the body went out does not say whether it was acted on.
                    if (!repeatable && status >= 500)
                        error.kind = ApiError::Kind::AnswerLost;
                } else if (reply->error() != QNetworkReply::NoError && status == 0) {
                    ApiError::Kind kind = ApiError::Kind::Network;
                    if (aborted)
                        kind = ApiError::Kind::Cancelled;
                    else if (reply->error() == QNetworkReply::OperationCanceledError ||
                             reply->error() == QNetworkReply::TimeoutError)
                        kind = ApiError::Kind::Timeout;
                    if (!repeatable && !aborted && mayHaveBeenSent(reply->error()))
                        kind = ApiError::Kind::AnswerLost;
                    QString message = reply->errorString();
                    const QString sslErrors = reply->property("dcsSslErrors").toString();
                    if (!sslErrors.isEmpty())
                        message = sslErrors;
                    error = ApiError::network(kind, message);
                    error.requestId = QString::fromLatin1(requestIdHeader);
                } else if (status < 200 || status >= 300) {
                    error = ApiError::fromHttpResponse(status, body, requestIdHeader);
                    error.kind =
                        repeatable ? ApiError::Kind::InvalidResponse : ApiError::Kind::AnswerLost;
                }

                RequestLogEntry entry;
                entry.startedAt = startedAt;
                entry.method = method;
                entry.url = url;
                entry.httpStatus = status;
                entry.durationMs = started->elapsed();
                entry.requestId = error.requestId.isEmpty() ? QString::fromLatin1(requestIdHeader)
                                                            : error.requestId;
                entry.errorCode = error.code;
                entry.profileName = m_config.profileName;
                entry.requestHeaders = loggedHeaders;
                entry.requestBody = loggedBody;
                Q_EMIT requestFinished(entry);

                if (hasContext && !guard)
                    return;
                handler(status, body, error, entry.requestId);
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
        send(wire.method, apiUrl(version, wire.path, wire.query), wire.body, wire.repeatable,
             context, std::move(handler));
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
    send(wire.method, apiUrl(version, wire.path, wire.query), wire.body, wire.repeatable, context,
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
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        if (reply->isRunning()) {
            reply->setProperty("dcsAborted", true);
            reply->abort();
        }
    }
}

template <typename T>
void DcsClient::fetchAllPages(const ListCall &list, std::function<T(const QJsonObject &)> parse,
                              QObject *context, ApiCallback<QList<T>> callback, int maxPages) {
    const int pageSize = qBound(1, m_config.pageSize, list.pageSizeCap);
    // Owned by the handlers of the requests in flight: freed with the last of them, also when
    // the context went away and no handler ran.
    auto state = std::make_shared<PagingState>();
    PagingState *raw = state.get();

    auto finish = [raw, parse, callback](const ApiError &error, const QString &requestId) {
        raw->done = true;
        ApiResult<QList<T>> result;
        result.error = error;
        result.requestId = requestId;
        if (!error.isError()) {
            for (const QJsonArray &page : raw->pages)
                for (const QJsonValue &value : page)
                    result.value.append(parse(value.toObject()));
        }
        callback(result);
    };

    // The paging parameters of one page, in the version the request goes out in: v1.0 counts
    // records from 1 (start), v2 skips them (offset = start - 1; dcs-api-v2.md §0). Always with
    // limit: v2 lists return 10 records when it is left out.
    auto wireFor = [list, pageSize](int page) {
        return [list, pageSize, page](ApiVersion version) {
            Wire wire;
            if (list.v2Only && version != ApiVersion::V2)
                return wire; // no method: not in v1.0
            wire.method = "GET";
            wire.path = list.path;
            wire.query = list.filters ? list.filters(version) : QUrlQuery();
            if (version == ApiVersion::V2)
                wire.query.addQueryItem(QStringLiteral("offset"), QString::number(page * pageSize));
            else
                wire.query.addQueryItem(QStringLiteral("start"),
                                        QString::number(page * pageSize + 1));
            wire.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
            return wire;
        };
    };

    // Reads one page into its slot; the first page also decides how many pages there are.
    raw->fetch = [this, raw, list, wireFor, pageSize, maxPages, context,
                  finish](int page, std::shared_ptr<PagingState> owner) {
        ++raw->inFlight;
        call(wireFor(page), context,
             [this, owner, page, list, pageSize, maxPages,
              finish](int status, const QByteArray &body, const ApiError &error,
                      const QString &requestId) {
                 PagingState *state = owner.get();
                 --state->inFlight;
                 if (state->done)
                     return;
                 if (error.isError()) {
                     finish(error, requestId);
                     return;
                 }
                 // v2 answers an empty backup or restore list with 204 and no body (§3, §8).
                 const auto parsed = status == 204 ? ApiResult<QJsonObject>{} : parseObject(body);
                 const QJsonValue items = parsed.value.value(list.listKey);
                 if (!parsed.ok() || !(items.isArray() || items.isNull() || items.isUndefined())) {
                     ApiError invalid = parsed.error;
                     invalid.kind = ApiError::Kind::InvalidResponse;
                     if (invalid.message.isEmpty())
                         invalid.message = QCoreApplication::translate(
                                               "dcs::DcsClient", "The field \"%1\" is not a list.")
                                               .arg(list.listKey);
                     invalid.requestId = requestId;
                     finish(invalid, requestId);
                     return;
                 }
                 const QJsonArray records = items.toArray();
                 if (page == 0) {
                     // The total may come as a string (v2's task_count).
                     const qint64 total = json::integer(parsed.value.value(list.totalKey), 0);
                     const qint64 pages = qMax<qint64>(1, (total + pageSize - 1) / pageSize);
                     // A server that claims millions of records is not followed blindly.
                     const qint64 cap = maxPages > 0 ? maxPages : 10000;
                     state->pages.resize(size_t(qMin<qint64>(pages, cap)));
                 }
                 // The client rule of §1: done at the total, or at a page shorter than limit
                 // (the list shrank meanwhile, or the total counted something else).
                 if (size_t(page) < state->pages.size()) {
                     state->pages[size_t(page)] = records;
                     if (records.size() < pageSize && size_t(page + 1) < state->pages.size())
                         state->pages.resize(size_t(page + 1));
                 }
                 while (state->inFlight < m_config.parallelPages &&
                        size_t(state->nextPage) < state->pages.size()) {
                     state->fetch(state->nextPage++, owner);
                 }
                 if (state->inFlight == 0)
                     finish({}, requestId);
             });
    };
    raw->nextPage = 1;
    raw->fetch(0, state);
}

static QString instancePath(const QString &instanceId, const QString &tail = QString()) {
    return QStringLiteral("/instances/") + pathSegment(instanceId) + tail;
}

void DcsClient::listInstances(const InstanceQuery &query, QObject *context,
                              ApiCallback<QList<Instance>> callback) {
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
    fetchAllPages<Instance>(list, &Instance::fromJson, context, std::move(callback),
                            query.maxPages);
}

void DcsClient::showInstance(const QString &instanceId, QObject *context,
                             ApiCallback<Instance> callback) {
    call(
        [instanceId](ApiVersion) {
            Wire wire;
            wire.method = "GET";
            wire.path = instancePath(instanceId);
            return wire;
        },
        context,
        [callback](int, const QByteArray &body, const ApiError &error, const QString &requestId) {
            ApiResult<Instance> result;
            result.requestId = requestId;
            result.error = error;
            if (!error.isError()) {
                const auto parsed = parseObject(body);
                result.error = parsed.error;
                result.error.requestId = requestId;
                if (parsed.ok())
                    result.value = Instance::fromJson(parsed.value);
            }
            callback(result);
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

void DcsClient::listBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                            ApiCallback<QList<Backup>> callback) {
    ListCall list;
    list.path = instancePath(instanceId, QStringLiteral("/backups"));
    list.filters = [range](ApiVersion version) {
        return timeRangeQuery(range, version);
    };
    list.totalKey = QStringLiteral("total_num");
    list.listKey = QStringLiteral("backup_record_response");
    fetchAllPages<Backup>(list, &Backup::fromJson, context, std::move(callback));
}

void DcsClient::listRestores(const QString &instanceId, const TimeRange &range, QObject *context,
                             ApiCallback<QList<RestoreRecord>> callback) {
    ListCall list;
    list.path = instancePath(instanceId, QStringLiteral("/restores"));
    list.filters = [range](ApiVersion version) {
        return timeRangeQuery(range, version);
    };
    list.totalKey = QStringLiteral("total_num");
    list.listKey = QStringLiteral("restore_record_response");
    fetchAllPages<RestoreRecord>(list, &RestoreRecord::fromJson, context, std::move(callback));
}

// Reads one string field of a 2xx answer, e.g. backup_id or restore_id.
static ApiResult<QString> stringField(const QByteArray &body, const ApiError &error,
                                      const QString &requestId, QLatin1String field) {
    ApiResult<QString> result;
    result.requestId = requestId;
    result.error = error;
    if (error.isError())
        return result;
    const auto parsed = parseObject(body);
    const QString value = parsed.value.value(field).toString();
    if (!parsed.ok() || value.isEmpty()) {
        result.error = parsed.error;
        result.error.kind = ApiError::Kind::InvalidResponse;
        if (result.error.message.isEmpty())
            result.error.message =
                QCoreApplication::translate("dcs::DcsClient", "The server's answer has no \"%1\".")
                    .arg(QString(field));
        result.error.requestId = requestId;
        return result;
    }
    result.value = value;
    return result;
}

void DcsClient::createBackup(const QString &instanceId, const QString &remark,
                             const QString &format, QObject *context,
                             ApiCallback<QString> callback) {
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
            // Not repeatable either: a silent re-send would make a second backup.
            wire.repeatable = false;
            return wire;
        },
        context,
        [callback](int, const QByteArray &response, const ApiError &error,
                   const QString &requestId) {
            callback(stringField(response, error, requestId, QLatin1String("backup_id")));
        });
}

void DcsClient::deleteBackup(const QString &instanceId, const QString &backupId, QObject *context,
                             ApiCallback<bool> callback) {
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
            wire.repeatable = false;
            return wire;
        },
        context,
        [callback](int, const QByteArray &response, const ApiError &error,
                   const QString &requestId) {
            auto result = stringField(response, error, requestId, QLatin1String("restore_id"));
            // A 2xx we cannot read still means the restore was accepted: its id is unknown,
            // not its existence.
            if (result.error.kind == ApiError::Kind::InvalidResponse)
                result.error.kind = ApiError::Kind::AnswerLost;
            callback(result);
        });
}

void DcsClient::listBackupLinks(const QString &instanceId, const QString &backupId,
                                int expirationSeconds, QObject *context,
                                ApiCallback<BackupLinks> callback) {
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
            // Asking again only makes other links; still, a write is not repeated silently.
            wire.repeatable = false;
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
    fetchAllPages<BackgroundTask>(list, &BackgroundTask::fromJson, context,
                                  [callback](ApiResult<QList<BackgroundTask>> result) {
                                      // The order is not documented: newest first here, like the
                                      // other lists.
                                      std::stable_sort(
                                          result.value.begin(), result.value.end(),
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

void DcsClient::updateBackupPolicy(const QString &instanceId, const BackupPolicy &policy,
                                   QObject *context, ApiCallback<bool> callback) {
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
            wire.repeatable = false;
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
