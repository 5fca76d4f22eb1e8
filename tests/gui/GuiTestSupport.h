#pragma once

// Shared by the safe-restore GUI tests: a client on a SimFixture, a Session for the window,
// fast timings, and synchronous reads for setting up and checking.

#include "DcsClient.h"
#include "InstanceTableModel.h"
#include "MainWindow.h"
#include "Session.h"
#include "SimFixture.h"

#include <QTest>
#include <memory>

namespace guitest {

constexpr int LoadTimeoutMs = 15000;

inline std::unique_ptr<dcs::DcsClient> makeClient(const SimFixture &sim) {
    dcs::ClientConfig config;
    config.endpoint = sim.url();
    config.projectId = SimFixture::projectId();
    config.accessKey = SimFixture::accessKey();
    config.secretKey = SimFixture::secretKey();
    config.transferTimeoutMs = 10000;
    return std::make_unique<dcs::DcsClient>(config);
}

inline Session session(const SimFixture &sim, dcs::DcsClient *client,
                       const QString &profileId = QStringLiteral("test-profile")) {
    Session s;
    s.profileId = profileId;
    s.profileName = QStringLiteral("Test account");
    s.isSimulator = true;
    s.endpoint = sim.url();
    s.region = QStringLiteral("cn-north-4");
    s.projectId = SimFixture::projectId();
    s.client = client;
    return s;
}

inline dcs::RestoreTracker::Timing fastTiming() {
    dcs::RestoreTracker::Timing timing;
    timing.initialDelayMs = 150;
    timing.maxIntervalMs = 400;
    timing.backoffFactor = 1.3;
    timing.timeoutMs = 60000;
    return timing;
}

inline dcs::Instance instanceNamed(dcs::DcsClient *client, const QString &name) {
    dcs::Instance found;
    bool done = false;
    QObject context;
    client->listInstances({}, &context, [&](const dcs::ApiResult<QList<dcs::Instance>> &result) {
        for (const dcs::Instance &instance : result.value) {
            if (instance.name == name)
                found = instance;
        }
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, LoadTimeoutMs);
    return found;
}

inline QList<dcs::Backup> backupsOf(dcs::DcsClient *client, const QString &instanceId) {
    QList<dcs::Backup> backups;
    bool done = false;
    QObject context;
    client->listBackups(instanceId, {}, &context,
                        [&](const dcs::ApiResult<QList<dcs::Backup>> &result) {
                            backups = result.value;
                            done = true;
                        });
    (void)QTest::qWaitFor([&] { return done; }, LoadTimeoutMs);
    return backups;
}

inline QList<dcs::RestoreRecord> restoresOf(dcs::DcsClient *client, const QString &instanceId) {
    QList<dcs::RestoreRecord> records;
    bool done = false;
    QObject context;
    client->listRestores(instanceId, {}, &context,
                         [&](const dcs::ApiResult<QList<dcs::RestoreRecord>> &result) {
                             records = result.value;
                             done = true;
                         });
    (void)QTest::qWaitFor([&] { return done; }, LoadTimeoutMs);
    return records;
}

inline QString instanceStatus(dcs::DcsClient *client, const QString &instanceId) {
    QString status;
    bool done = false;
    QObject context;
    client->showInstance(instanceId, &context, [&](const dcs::ApiResult<dcs::Instance> &result) {
        status = result.value.status;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, LoadTimeoutMs);
    return status;
}

// The restore POSTs that reached the simulator, from its request log.
inline int countRestorePosts(SimFixture &sim) {
    int posts = 0;
    const QList<QByteArray> lines = sim.log().split('\n');
    for (const QByteArray &line : lines) {
        if (line.contains("POST") && line.contains("/restores"))
            ++posts;
    }
    return posts;
}

inline int countBackupPosts(SimFixture &sim) {
    int posts = 0;
    const QList<QByteArray> lines = sim.log().split('\n');
    for (const QByteArray &line : lines) {
        if (line.contains("POST") && line.contains("/backups"))
            ++posts;
    }
    return posts;
}

inline const dcs::Backup *firstRestorable(const QList<dcs::Backup> &backups) {
    for (const dcs::Backup &backup : backups) {
        if (backup.isRestorable())
            return &backup;
    }
    return nullptr;
}

} // namespace guitest
