#include "api/PageReader.h"

#include "model/RecordProblems.h"
#include "model/RecordReader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <mutex>
#include <simdjson.h>
#include <vector>

namespace dcs {

namespace answer {

ApiResult<QJsonObject> parseObject(const QByteArray &body) {
    ApiResult<QJsonObject> result;
    if (body.trimmed().isEmpty()) {
        result.error.kind = ApiError::Kind::InvalidResponse;
        result.error.message = QCoreApplication::translate(
            "dcs::DcsClient", "The service answered with an empty body.");
        return result;
    }
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

bool carriesError(const QJsonObject &object) {
    return object.value(QLatin1String("error")).isObject() ||
           object.value(QLatin1String("error_code")).isString();
}

ApiError errorInOkAnswer(int status, const QByteArray &body, const QString &requestId) {
    ApiError error = ApiError::fromHttpResponse(status, body, requestId.toLatin1());
    error.kind = ApiError::Kind::InvalidResponse;
    error.httpStatus = status;
    error.message = QCoreApplication::translate(
                        "dcs::DcsClient", "The service answered HTTP %1 but with an error: %2")
                        .arg(status)
                        .arg(error.message.isEmpty() ? error.code : error.message);
    return error;
}

} // namespace answer

namespace {

thread_local PageParser lastParser = PageParser::Simdjson;

QString recordId(const Instance &i) {
    return i.instanceId;
}
QString recordId(const Backup &b) {
    return b.backupId;
}
QString recordId(const RestoreRecord &r) {
    return r.restoreId;
}
QString recordId(const BackgroundTask &t) {
    return t.id;
}

// Text that repeats across the records of a page is kept once: ten thousand instances share a
// handful of statuses, engines, versions, networks and maintenance windows.
class TextPool {
public:
    void share(QString &text) {
        if (text.isEmpty())
            return;
        const auto it = m_texts.constFind(text);
        if (it != m_texts.constEnd())
            text = *it;
        else
            m_texts.insert(text);
    }
    void share(QStringList &texts) {
        for (QString &text : texts)
            share(text);
    }

private:
    QSet<QString> m_texts;
};

void shareText(Instance &i, TextPool &pool) {
    for (QString *text :
         {&i.engine,           &i.engineVersion,   &i.internalVersion,   &i.capacityMinor,
          &i.status,           &i.errorCode,       &i.freezeScene,       &i.specCode,
          &i.resourceSpecCode, &i.vpcId,           &i.vpcName,           &i.subnetId,
          &i.subnetName,       &i.securityGroupId, &i.securityGroupName, &i.userId,
          &i.userName,         &i.maintainBegin,   &i.maintainEnd,       &i.accessUser,
          &i.cacheMode,        &i.productType,     &i.cpuType,           &i.description,
          &i.subStatus})
        pool.share(*text);
    pool.share(i.availableZones);
    for (Tag &tag : i.tags) {
        pool.share(tag.key);
        pool.share(tag.value);
    }
}

void shareText(Backup &b, TextPool &pool) {
    for (QString *text : {&b.instanceId, &b.remark, &b.period, &b.backupType, &b.backupFormat,
                          &b.status, &b.errorCode})
        pool.share(*text);
}

void shareText(RestoreRecord &r, TextPool &pool) {
    for (QString *text : {&r.backupRemark, &r.restoreRemark, &r.status, &r.errorCode})
        pool.share(*text);
}

void shareText(BackgroundTask &t, TextPool &pool) {
    for (QString *text : {&t.name, &t.status, &t.userName, &t.userId})
        pool.share(*text);
}

QByteArray dedupKey(const QString &id, const QJsonObject &object) {
    return isValidId(id)
               ? QByteArray("id:") + id.toUtf8()
               : QCryptographicHash::hash(QJsonDocument(object).toJson(QJsonDocument::Compact),
                                          QCryptographicHash::Sha1);
}

// ---- simdjson ------------------------------------------------------------------------------

using simdjson::dom::element;
using simdjson::dom::element_type;

QJsonValue toQJson(const element &e);

QJsonObject toQJsonObject(const element &e) {
    QJsonObject object;
    simdjson::dom::object members;
    if (e.get(members))
        return object;
    // insert() replaces: the last member of a name wins, as QJsonDocument has it.
    for (const auto member : members)
        object.insert(QString::fromUtf8(member.key.data(), qsizetype(member.key.size())),
                      toQJson(member.value));
    return object;
}

QJsonValue toQJson(const element &e) {
    switch (e.type()) {
    case element_type::OBJECT:
        return toQJsonObject(e);
    case element_type::ARRAY: {
        QJsonArray array;
        simdjson::dom::array items;
        if (!e.get(items)) {
            for (const element item : items)
                array.append(toQJson(item));
        }
        return array;
    }
    case element_type::STRING: {
        const std::string_view text = e.get_string().value_unsafe();
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    case element_type::INT64:
        return qint64(e.get_int64().value_unsafe());
    case element_type::UINT64:
        return double(e.get_uint64().value_unsafe());
    case element_type::DOUBLE:
        return e.get_double().value_unsafe();
    case element_type::BOOL:
        return e.get_bool().value_unsafe();
    case element_type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Null);
}

// A simdjson value as the record readers take it (model/RecordReader.h).
class SimdValue {
public:
    SimdValue() = default;
    explicit SimdValue(element e)
        : m_element(e)
        , m_defined(true) {}

    QJsonValue::Type type() const {
        if (!m_defined)
            return QJsonValue::Undefined;
        switch (m_element.type()) {
        case element_type::OBJECT:
            return QJsonValue::Object;
        case element_type::ARRAY:
            return QJsonValue::Array;
        case element_type::STRING:
            return QJsonValue::String;
        case element_type::INT64:
        case element_type::UINT64:
        case element_type::DOUBLE:
            return QJsonValue::Double;
        case element_type::BOOL:
            return QJsonValue::Bool;
        case element_type::NULL_VALUE:
            return QJsonValue::Null;
        }
        return QJsonValue::Null;
    }
    QString toString() const {
        std::string_view text;
        if (!m_defined || m_element.get(text))
            return {};
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    double toDouble() const {
        if (!m_defined)
            return 0;
        switch (m_element.type()) {
        case element_type::INT64:
            return double(m_element.get_int64().value_unsafe());
        case element_type::UINT64:
            return double(m_element.get_uint64().value_unsafe());
        case element_type::DOUBLE:
            return m_element.get_double().value_unsafe();
        default:
            return 0;
        }
    }
    bool toBool() const {
        bool value = false;
        return m_defined && !m_element.get(value) && value;
    }
    QJsonObject toObject() const { return m_defined ? toQJsonObject(m_element) : QJsonObject(); }
    SimdValue member(std::string_view key) const {
        simdjson::dom::object members;
        if (!m_defined || m_element.get(members))
            return {};
        // The last member of that name, as in a QJsonObject.
        SimdValue found;
        for (const auto field : members) {
            if (field.key == key)
                found = SimdValue(field.value);
        }
        return found;
    }
    template <typename F> void forEachMember(F f) const {
        simdjson::dom::object members;
        if (!m_defined || m_element.get(members))
            return;
        for (const auto field : members)
            f(std::string_view(field.key), SimdValue(field.value));
    }
    // The number of elements of an array (counted by the parser, not here); 0 for anything else.
    qsizetype arraySize() const {
        simdjson::dom::array array;
        if (!m_defined || m_element.get(array))
            return 0;
        return qsizetype(array.size());
    }
    template <typename F> void forEachElement(F f) const {
        simdjson::dom::array array;
        if (!m_defined || m_element.get(array))
            return;
        for (const element item : array)
            f(SimdValue(item));
    }

private:
    element m_element;
    bool m_defined = false;
};

// Whether a number in the document is a zero written as a fraction or with an exponent: an
// underflow such as 1e-400 is one, which QJsonDocument refuses and simdjson reads as 0.
bool hasFractionalZero(const element &e) {
    switch (e.type()) {
    case element_type::OBJECT: {
        simdjson::dom::object members;
        if (e.get(members))
            return false;
        for (const auto member : members) {
            if (hasFractionalZero(member.value))
                return true;
        }
        return false;
    }
    case element_type::ARRAY: {
        simdjson::dom::array items;
        if (e.get(items))
            return false;
        for (const element item : items) {
            if (hasFractionalZero(item))
                return true;
        }
        return false;
    }
    case element_type::DOUBLE:
        return e.get_double().value_unsafe() == 0.0;
    default:
        return false;
    }
}

} // namespace

struct PageParsers::Private {
    std::mutex mutex;
    std::vector<std::unique_ptr<simdjson::dom::parser>> idle;
};

PageParsers::PageParsers()
    : d(std::make_unique<Private>()) {}

PageParsers::~PageParsers() = default;

// A parser lent for one page: from the list's parsers when there are some, else its own (its
// buffers go back as soon as the page is read); given back when the page is read.
class PageParsersAccess {
public:
    explicit PageParsersAccess(PageParsers *parsers)
        : m_parsers(parsers) {
        if (m_parsers) {
            const std::lock_guard<std::mutex> lock(m_parsers->d->mutex);
            if (!m_parsers->d->idle.empty()) {
                m_parser = std::move(m_parsers->d->idle.back());
                m_parsers->d->idle.pop_back();
            }
        }
        if (!m_parser)
            m_parser = std::make_unique<simdjson::dom::parser>();
    }
    ~PageParsersAccess() {
        if (!m_parsers)
            return;
        const std::lock_guard<std::mutex> lock(m_parsers->d->mutex);
        m_parsers->d->idle.push_back(std::move(m_parser));
    }
    PageParsersAccess(const PageParsersAccess &) = delete;
    PageParsersAccess &operator=(const PageParsersAccess &) = delete;
    simdjson::dom::parser &parser() { return *m_parser; }

private:
    PageParsers *m_parsers;
    std::unique_ptr<simdjson::dom::parser> m_parser;
};

namespace {

template <typename T>
bool readWithSimdjson(const QByteArray &body, const QString &totalKey, const QString &listKey,
                      int pageSize, const std::function<void(T &)> &adjust, Page<T> *page,
                      PageParsers *parsers) {
    // Depth 64 is far beyond a DCS answer; anything deeper is left to QJsonDocument. A lent
    // parser grows only when a page is longer than any it read before.
    PageParsersAccess lent(parsers);
    simdjson::dom::parser &parser = lent.parser();
    if ((parser.capacity() < size_t(body.size()) || parser.max_depth() != 64) &&
        parser.allocate(size_t(body.size()), 64))
        return false;
    element root;
    if (parser.parse(body.constData(), size_t(body.size()), true).get(root) ||
        root.type() != element_type::OBJECT || hasFractionalZero(root))
        return false;

    // The top level as a QJsonObject sees it: the last member of a name counts.
    const QByteArray listName = listKey.toUtf8();
    const QByteArray totalName = totalKey.toUtf8();
    SimdValue list;
    SimdValue total;
    SimdValue error;
    SimdValue errorCode;
    simdjson::dom::object top;
    if (root.get(top))
        return false;
    for (const auto member : top) {
        const std::string_view key = member.key;
        if (key == std::string_view(listName.constData(), size_t(listName.size())))
            list = SimdValue(member.value);
        if (key == std::string_view(totalName.constData(), size_t(totalName.size())))
            total = SimdValue(member.value);
        if (key == "error")
            error = SimdValue(member.value);
        if (key == "error_code")
            errorCode = SimdValue(member.value);
    }
    const bool carriesError =
        error.type() == QJsonValue::Object || errorCode.type() == QJsonValue::String;
    const QJsonValue::Type listType = list.type();
    if (!(listType == QJsonValue::Array || listType == QJsonValue::Null ||
          listType == QJsonValue::Undefined)) {
        page->error.kind = ApiError::Kind::InvalidResponse;
        if (carriesError)
            page->error = answer::errorInOkAnswer(200, body, {});
        else
            page->error.message =
                QCoreApplication::translate("dcs::DcsClient", "The field \"%1\" is not a list.")
                    .arg(listKey);
        return true;
    }
    if (listType == QJsonValue::Undefined && carriesError) {
        page->error = answer::errorInOkAnswer(200, body, {});
        return true;
    }
    const std::optional<qint64> claimed = json::optionalInteger(total);
    page->total = claimed && *claimed >= 0 ? *claimed : -1;
    if (listType != QJsonValue::Array)
        return true;

    TextPool pool;
    // No list grows (moving every record it holds) while it is filled.
    const qsizetype expected = qMin<qsizetype>(list.arraySize(), pageSize);
    page->items.reserve(expected);
    page->keys.reserve(expected);
    qsizetype seen = 0;
    list.forEachElement([&](const SimdValue &item) {
        // Never more than asked for: a page of 200,000 items is not mapped, let alone shown.
        if (seen++ >= pageSize) {
            page->overfull = true;
            return;
        }
        // A record that is no object reads as an empty one, as QJsonValue::toObject() gives.
        typename json::ReaderOf<T, SimdValue>::Type reader;
        item.forEachMember(
            [&](std::string_view key, const SimdValue &value) { reader.field(key, value); });
        T record = reader.finish();
        if (adjust)
            adjust(record);
        const QString id = recordId(record);
        page->keys.append(isValidId(id) ? QByteArray("id:") + id.toUtf8()
                                        : dedupKey(id, item.toObject()));
        shareText(record, pool);
        page->items.append(std::move(record));
    });
    return true;
}

} // namespace

template <typename T>
Page<T> readPageWithQJson(const QByteArray &body, const QString &totalKey, const QString &listKey,
                          int pageSize, const std::function<void(T &)> &adjust) {
    Page<T> page;
    const auto parsed = answer::parseObject(body);
    if (!parsed.ok()) {
        page.error = parsed.error;
        return page;
    }
    const QJsonValue list = parsed.value.value(listKey);
    if (!(list.isArray() || list.isNull() || list.isUndefined())) {
        page.error.kind = ApiError::Kind::InvalidResponse;
        if (answer::carriesError(parsed.value))
            page.error = answer::errorInOkAnswer(200, body, {});
        else
            page.error.message =
                QCoreApplication::translate("dcs::DcsClient", "The field \"%1\" is not a list.")
                    .arg(listKey);
        return page;
    }
    if (list.isUndefined() && answer::carriesError(parsed.value)) {
        page.error = answer::errorInOkAnswer(200, body, {});
        return page;
    }
    const std::optional<qint64> total = json::optionalInteger(parsed.value.value(totalKey));
    page.total = total && *total >= 0 ? *total : -1;
    const QJsonArray items = list.toArray();
    // Never more than asked for: a page of 200,000 items is not mapped, let alone shown.
    const qsizetype count = qMin<qsizetype>(items.size(), pageSize);
    page.overfull = items.size() > pageSize;
    page.items.reserve(count);
    page.keys.reserve(count);
    TextPool pool;
    for (qsizetype i = 0; i < count; ++i) {
        const QJsonObject object = items.at(i).toObject();
        T record = json::readRecord<T>(object);
        if (adjust)
            adjust(record);
        page.keys.append(dedupKey(recordId(record), object));
        shareText(record, pool);
        page.items.append(std::move(record));
    }
    return page;
}

template <typename T>
Page<T> readPage(const QByteArray &body, const QString &totalKey, const QString &listKey,
                 int pageSize, const std::function<void(T &)> &adjust, PageParsers *parsers) {
    Page<T> page;
    if (!body.trimmed().isEmpty() &&
        readWithSimdjson<T>(body, totalKey, listKey, pageSize, adjust, &page, parsers)) {
        lastParser = PageParser::Simdjson;
        return page;
    }
    lastParser = PageParser::QJsonDocument;
    return readPageWithQJson<T>(body, totalKey, listKey, pageSize, adjust);
}

PageParser lastPageParser() {
    return lastParser;
}

#define DCS_READ_PAGE(T)                                                                           \
    template Page<T> readPage<T>(const QByteArray &, const QString &, const QString &, int,        \
                                 const std::function<void(T &)> &, PageParsers *);                 \
    template Page<T> readPageWithQJson<T>(const QByteArray &, const QString &, const QString &,    \
                                          int, const std::function<void(T &)> &);
DCS_READ_PAGE(Instance)
DCS_READ_PAGE(Backup)
DCS_READ_PAGE(RestoreRecord)
DCS_READ_PAGE(BackgroundTask)
#undef DCS_READ_PAGE

} // namespace dcs
