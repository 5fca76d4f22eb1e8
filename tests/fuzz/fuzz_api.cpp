// One fuzz target for everything the console reads from the service: list pages (both parsers,
// which must agree), single records, the three error body shapes, a 2xx answer that is not what
// was asked for, and the texts the window makes of the mapped values.
//
// The first byte of an input chooses what its remaining bytes are fed to, so one corpus covers
// every reader. Built as a libFuzzer target with clang (DCS_FUZZ=ON), and always as
// fuzz_api_replay, which replays the saved corpus and runs a seeded mutation loop in ctest.

#include "api/ApiError.h"
#include "api/PageReader.h"
#include "model/BackgroundTask.h"
#include "model/Backup.h"
#include "model/BackupLinks.h"
#include "model/BackupPolicy.h"
#include "model/DisplayText.h"
#include "model/Instance.h"
#include "model/RestoreRecord.h"
#include "model/StatusCounts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>

namespace {

// A broken promise of the readers is a crash, so the fuzzer keeps the input.
void require(bool condition, const char *what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_api: %s\n", what);
        std::abort();
    }
}

template <typename T> void samePage(const dcs::Page<T> &a, const dcs::Page<T> &b) {
    require(a.error.kind == b.error.kind, "the two page parsers disagree on the outcome");
    require(a.total == b.total, "the two page parsers disagree on the total");
    require(a.items.size() == b.items.size(), "the two page parsers disagree on the items");
    require(a.keys == b.keys, "the two page parsers disagree on the record keys");
    require(a.overfull == b.overfull, "the two page parsers disagree on an overfull page");
}

// What the tables and the details show of each record.
void show(const dcs::Instance &i) {
    (void)DisplayText::instanceStatus(i.status);
    (void)DisplayText::dateTime(i.createdAt);
    (void)DisplayText::dateTimeMinutes(i.updateAt);
    (void)DisplayText::memoryUsage(i.usedMemoryMb, i.maxMemoryMb);
    (void)DisplayText::orNone(i.name);
}

void show(const dcs::Backup &b) {
    (void)DisplayText::backupStatus(b.status);
    (void)DisplayText::backupType(b.backupType);
    (void)DisplayText::dataSize(b.size);
    (void)DisplayText::percent(b.progress);
    (void)DisplayText::dateTime(b.createdAt);
    require(b.progress < 0 || b.progress <= 100, "a backup's progress beyond 100");
}

void show(const dcs::RestoreRecord &r) {
    (void)DisplayText::restoreStatus(r.status);
    (void)DisplayText::percent(r.progress);
    (void)DisplayText::dateTime(r.updatedAt);
    require(r.progress < 0 || r.progress <= 100, "a restore's progress beyond 100");
}

void show(const dcs::BackgroundTask &t) {
    (void)DisplayText::taskName(t.name);
    (void)DisplayText::taskStatus(t.status);
}

template <typename T>
void page(const QByteArray &body, const char *totalKey, const char *listKey, int pageSize) {
    const QString total = QString::fromLatin1(totalKey);
    const QString list = QString::fromLatin1(listKey);
    const dcs::Page<T> fast = dcs::readPage<T>(body, total, list, pageSize, {});
    const dcs::Page<T> plain = dcs::readPageWithQJson<T>(body, total, list, pageSize, {});
    samePage(fast, plain);
    require(fast.items.size() <= pageSize, "a page kept more records than it asked for");
    for (const T &item : fast.items)
        show(item);
}

QJsonObject object(const QByteArray &body) {
    return QJsonDocument::fromJson(body).object();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 8) {
    case 0:
        page<dcs::Instance>(body, "instance_num", "instances", 50);
        break;
    case 1:
        page<dcs::Backup>(body, "total_num", "backup_record_response", 50);
        break;
    case 2:
        page<dcs::RestoreRecord>(body, "total_num", "restore_record_response", 50);
        break;
    case 3:
        page<dcs::BackgroundTask>(body, "task_count", "tasks", 50);
        break;
    case 4: {
        // The error shapes, with the status taken from the body's length (any of them).
        static const int statuses[] = {400, 401, 403, 404, 409, 429, 500, 502, 503, 200, 204};
        const int status = statuses[body.size() % int(std::size(statuses))];
        const dcs::ApiError error = dcs::ApiError::fromHttpResponse(status, body, body.left(64));
        (void)dcs::explainErrorCode(error.code);
        (void)dcs::explainRecordErrorCode(error.code);
        (void)dcs::ApiError::normalizeCode(QString::fromUtf8(body.left(32)));
        break;
    }
    case 5: {
        const dcs::ApiResult<QJsonObject> parsed = dcs::answer::parseObject(body);
        if (parsed.ok() && dcs::answer::carriesError(parsed.value))
            require(dcs::answer::errorInOkAnswer(200, body, {}).isError(),
                    "an error in a 2xx answer was not read as an error");
        break;
    }
    case 6: {
        const QJsonObject o = object(body);
        show(dcs::Instance::fromJson(o));
        show(dcs::Backup::fromJson(o));
        show(dcs::RestoreRecord::fromJson(o));
        show(dcs::BackgroundTask::fromJson(o));
        break;
    }
    case 7: {
        const QJsonObject o = object(body);
        (void)dcs::BackupPolicy::fromJson(o.value(QStringLiteral("instance_backup_policy")));
        (void)dcs::StatusCounts::fromJson(o);
        (void)dcs::BackupLinks::fromJson(o);
        break;
    }
    }
    return 0;
}
