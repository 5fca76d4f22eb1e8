#pragma once

// Shared by the network tests: a client for a SimFixture, a blocking wait for one asynchronous
// call, the search for an instance that can be restored right now, and the simulator's log.

#include "SimFixture.h"
#include "api/DcsClient.h"

#include <QTest>
#include <algorithm>

namespace dcs::testing {

// The API version the network tests run on: ctest registers each of them once per version
// (DCS_TEST_API=v2 or v1.0; tests/CMakeLists.txt). Unset: Automatic.
inline ApiVersion apiVersionUnderTest() {
    return apiVersionFromKey(qEnvironmentVariable("DCS_TEST_API")).value_or(ApiVersion::Automatic);
}

inline ClientConfig configFor(const SimFixture &sim) {
    ClientConfig config;
    config.apiVersion = apiVersionUnderTest();
    config.endpoint = sim.url();
    config.projectId = SimFixture::projectId();
    config.accessKey = SimFixture::accessKey();
    config.secretKey = SimFixture::secretKey();
    config.transferTimeoutMs = 10000;
    return config;
}

template <typename T, typename Call> ApiResult<T> await(Call call, int timeoutMs = 20000) {
    bool done = false;
    ApiResult<T> outcome;
    call([&](const ApiResult<T> &result) {
        outcome = result;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, timeoutMs);
    if (!done)
        outcome.error = ApiError::network(ApiError::Kind::Timeout, QStringLiteral("test timeout"));
    return outcome;
}

struct Target {
    Instance instance;
    Backup backup;
    bool isValid() const { return !backup.backupId.isEmpty(); }
};

inline QList<Instance> instances(DcsClient &client, QObject *context) {
    return await<QList<Instance>>([&](auto cb) { client.listInstances({}, context, cb); }).value;
}

inline QList<Backup> backups(DcsClient &client, const QString &instanceId, QObject *context) {
    return await<QList<Backup>>([&](auto cb) { client.listBackups(instanceId, {}, context, cb); })
        .value;
}

inline QList<RestoreRecord> restores(DcsClient &client, const QString &instanceId,
                                     QObject *context) {
    return await<QList<RestoreRecord>>(
               [&](auto cb) { client.listRestores(instanceId, {}, context, cb); })
        .value;
}

// A RUNNING master/standby instance with no job running and a restorable backup.
inline Target restorableTarget(DcsClient &client, QObject *context) {
    for (const Instance &i : instances(client, context)) {
        if (i.type() != InstanceType::MasterStandby || !i.isRunning())
            continue;
        const QList<Backup> list = backups(client, i.instanceId, context);
        if (std::any_of(list.cbegin(), list.cend(), [](const Backup &b) { return b.isRunning(); }))
            continue;
        const QList<RestoreRecord> records = restores(client, i.instanceId, context);
        if (std::any_of(records.cbegin(), records.cend(),
                        [](const RestoreRecord &r) { return r.isRunning(); }))
            continue;
        for (const Backup &b : list)
            if (b.isRestorable())
                return {i, b};
    }
    return {};
}

// Lines of the simulator's request log that are POSTs to a path ending in the given suffix.
inline QList<QByteArray> postLines(SimFixture &sim, const QByteArray &pathSuffix) {
    QList<QByteArray> result;
    for (const QByteArray &line : sim.log().split('\n')) {
        if (!line.startsWith("POST "))
            continue;
        const QByteArray path = line.mid(5, line.indexOf(' ', 5) - 5);
        if (path.split('?').first().endsWith(pathSuffix))
            result.append(line);
    }
    return result;
}

// Index of the first log line that is a POST to the suffix, or -1.
inline int firstPostIndex(SimFixture &sim, const QByteArray &pathSuffix) {
    const QList<QByteArray> lines = sim.log().split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (!line.startsWith("POST "))
            continue;
        const QByteArray path = line.mid(5, line.indexOf(' ', 5) - 5);
        if (path.split('?').first().endsWith(pathSuffix))
            return i;
    }
    return -1;
}

} // namespace dcs::testing
