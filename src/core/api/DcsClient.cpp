#include "api/DcsClient.h"

#include "api/IamTokenProvider.h"
#include "api/OneShotUploadDevice.h"

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

QUrl DcsClient::apiUrl(const QString &pathAfterProject, const QUrlQuery &query) const {
    QUrl url = m_config.endpoint;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/v1.0/") + m_config.projectId + pathAfterProject);
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
    QList<HeaderPair> headers{{"Content-Type", "application/json"},
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
void DcsClient::fetchAllPages(const QString &path, const QUrlQuery &baseQuery,
                              const QString &totalKey, const QString &listKey,
                              std::function<T(const QJsonObject &)> parse, QObject *context,
                              ApiCallback<QList<T>> callback, int maxPages) {
    const int pageSize = qBound(1, m_config.pageSize, 1000);
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

    // Reads one page into its slot; the first page also decides how many pages there are.
    raw->fetch = [this, raw, path, baseQuery, totalKey, listKey, pageSize, maxPages, context,
                  finish](int page, std::shared_ptr<PagingState> owner) {
        QUrlQuery query = baseQuery;
        query.addQueryItem(QStringLiteral("start"), QString::number(page * pageSize + 1));
        query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        ++raw->inFlight;
        send("GET", apiUrl(path, query), {}, true, context,
             [this, owner, page, totalKey, listKey, pageSize, maxPages, finish](
                 int, const QByteArray &body, const ApiError &error, const QString &requestId) {
                 PagingState *state = owner.get();
                 --state->inFlight;
                 if (state->done)
                     return;
                 if (error.isError()) {
                     finish(error, requestId);
                     return;
                 }
                 const auto parsed = parseObject(body);
                 const QJsonValue list = parsed.value.value(listKey);
                 if (!parsed.ok() || !(list.isArray() || list.isNull() || list.isUndefined())) {
                     ApiError invalid = parsed.error;
                     invalid.kind = ApiError::Kind::InvalidResponse;
                     if (invalid.message.isEmpty())
                         invalid.message = QCoreApplication::translate(
                                               "dcs::DcsClient", "The field \"%1\" is not a list.")
                                               .arg(listKey);
                     invalid.requestId = requestId;
                     finish(invalid, requestId);
                     return;
                 }
                 const QJsonArray items = list.toArray();
                 if (page == 0) {
                     const qint64 total = parsed.value.value(totalKey).toVariant().toLongLong();
                     const qint64 pages = qMax<qint64>(1, (total + pageSize - 1) / pageSize);
                     // A server that claims millions of records is not followed blindly.
                     const qint64 cap = maxPages > 0 ? maxPages : 10000;
                     state->pages.resize(size_t(qMin<qint64>(pages, cap)));
                 }
                 // A short page before the end means the list shrank meanwhile: stop there.
                 if (size_t(page) < state->pages.size()) {
                     state->pages[size_t(page)] = items;
                     if (items.size() < pageSize && size_t(page + 1) < state->pages.size())
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

void DcsClient::listInstances(const InstanceQuery &query, QObject *context,
                              ApiCallback<QList<Instance>> callback) {
    QUrlQuery q;
    if (!query.name.isEmpty())
        q.addQueryItem(QStringLiteral("name"), query.name);
    if (!query.id.isEmpty())
        q.addQueryItem(QStringLiteral("id"), query.id);
    if (!query.status.isEmpty())
        q.addQueryItem(QStringLiteral("status"), query.status);
    if (query.includeFailure)
        q.addQueryItem(QStringLiteral("include_failure"), QStringLiteral("true"));
    fetchAllPages<Instance>(QStringLiteral("/instances"), q, QStringLiteral("instance_num"),
                            QStringLiteral("instances"), &Instance::fromJson, context,
                            std::move(callback), query.maxPages);
}

void DcsClient::showInstance(const QString &instanceId, QObject *context,
                             ApiCallback<Instance> callback) {
    send("GET", apiUrl(QStringLiteral("/instances/") + pathSegment(instanceId)), {}, true, context,
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

static QUrlQuery timeRangeQuery(const TimeRange &range) {
    QUrlQuery q;
    if (range.begin.isValid())
        q.addQueryItem(QStringLiteral("beginTime"), DcsClient::formatQueryTime(range.begin));
    if (range.end.isValid())
        q.addQueryItem(QStringLiteral("endTime"), DcsClient::formatQueryTime(range.end));
    return q;
}

void DcsClient::listBackups(const QString &instanceId, const TimeRange &range, QObject *context,
                            ApiCallback<QList<Backup>> callback) {
    fetchAllPages<Backup>(
        QStringLiteral("/instances/") + pathSegment(instanceId) + QStringLiteral("/backups"),
        timeRangeQuery(range), QStringLiteral("total_num"),
        QStringLiteral("backup_record_response"), &Backup::fromJson, context, std::move(callback));
}

void DcsClient::listRestores(const QString &instanceId, const TimeRange &range, QObject *context,
                             ApiCallback<QList<RestoreRecord>> callback) {
    fetchAllPages<RestoreRecord>(QStringLiteral("/instances/") + pathSegment(instanceId) +
                                     QStringLiteral("/restores"),
                                 timeRangeQuery(range), QStringLiteral("total_num"),
                                 QStringLiteral("restore_record_response"),
                                 &RestoreRecord::fromJson, context, std::move(callback));
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
    // Not repeatable either: a silent re-send would make a second backup.
    send("POST",
         apiUrl(QStringLiteral("/instances/") + pathSegment(instanceId) +
                QStringLiteral("/backups")),
         QJsonDocument(body).toJson(QJsonDocument::Compact), false, context,
         [callback](int, const QByteArray &response, const ApiError &error,
                    const QString &requestId) {
             callback(stringField(response, error, requestId, QLatin1String("backup_id")));
         });
}

void DcsClient::deleteBackup(const QString &instanceId, const QString &backupId, QObject *context,
                             ApiCallback<bool> callback) {
    send("DELETE",
         apiUrl(QStringLiteral("/instances/") + pathSegment(instanceId) +
                QStringLiteral("/backups/") + pathSegment(backupId)),
         {}, true, context,
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
    send("POST",
         apiUrl(QStringLiteral("/instances/") + pathSegment(instanceId) +
                QStringLiteral("/restores")),
         QJsonDocument(body).toJson(QJsonDocument::Compact), false, context,
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

} // namespace dcs
