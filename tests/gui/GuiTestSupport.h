#pragma once

// Shared by the GUI tests: a client on a SimFixture, a Session for the window, fast timings,
// synchronous reads for setting up and checking, and the restore dialog's test options.

#include "ClientTestSupport.h"
#include "SimFixture.h"
#include "api/DcsClient.h"
#include "instances/InstanceTableModel.h"
#include "profiles/Session.h"
#include "restore/FollowedRestores.h"
#include "restore/RestoreDialog.h"
#include "shell/MainWindow.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>
#include <memory>

namespace guitest {

constexpr int LoadTimeoutMs = 15000;

inline std::unique_ptr<dcs::DcsClient> makeClient(const SimFixture &sim) {
    return std::make_unique<dcs::DcsClient>(dcs::testing::configFor(sim));
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

inline dcs::RestoreRecordFollower::Timing fastTiming() {
    dcs::RestoreRecordFollower::Timing timing;
    timing.initialDelayMs = 150;
    timing.maxIntervalMs = 400;
    timing.backoffFactor = 1.3;
    timing.timeoutMs = 60000;
    return timing;
}

// Synchronous reads for setting up and checking, through the shared client support.
inline dcs::Instance instanceNamed(dcs::DcsClient *client, const QString &name) {
    QObject context;
    for (const dcs::Instance &instance : dcs::testing::instances(*client, &context)) {
        if (instance.name == name)
            return instance;
    }
    return {};
}

inline QList<dcs::Backup> backupsOf(dcs::DcsClient *client, const QString &instanceId) {
    QObject context;
    return dcs::testing::backups(*client, instanceId, &context);
}

inline QList<dcs::RestoreRecord> restoresOf(dcs::DcsClient *client, const QString &instanceId) {
    QObject context;
    return dcs::testing::restores(*client, instanceId, &context);
}

inline QString instanceStatus(dcs::DcsClient *client, const QString &instanceId) {
    QObject context;
    return dcs::testing::await<dcs::Instance>(
               [&](auto cb) { client->showInstance(instanceId, &context, cb); })
        .value.status;
}

// The restore and backup POSTs that reached the simulator, from its request log.
inline int countRestorePosts(SimFixture &sim) {
    return int(dcs::testing::postLines(sim, "/restores").size());
}

inline int countBackupPosts(SimFixture &sim) {
    return int(dcs::testing::postLines(sim, "/backups").size());
}

// A restore dialog's options for a test account, polling fast, handing its restore to followed.
inline RestoreDialog::Options restoreDialogOptions(dcs::FollowedRestores *followed) {
    RestoreDialog::Options o;
    o.context.profileId = QStringLiteral("test-profile");
    o.context.profileName = QStringLiteral("Test account");
    o.context.region = QStringLiteral("cn-north-4");
    o.context.projectId = SimFixture::projectId();
    o.backupPollMs = 200;
    o.followed = followed;
    return o;
}

inline QPushButton *okButton(RestoreDialog &dialog) {
    return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok);
}

inline const dcs::Backup *firstRestorable(const QList<dcs::Backup> &backups) {
    for (const dcs::Backup &backup : backups) {
        if (backup.isRestorable())
            return &backup;
    }
    return nullptr;
}

} // namespace guitest
