<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>%n damaged line(s) of the audit file were skipped:</source>
        <translation>
            <numerusform>%n damaged line of the audit file were skipped:</numerusform>
            <numerusform>%n damaged lines of the audit file were skipped:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s).</source>
        <translation>
            <numerusform>%n record.</numerusform>
            <numerusform>%n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n record(s); older lines of the file were not read here (open the file itself to see them).</source>
        <translation>
            <numerusform>The newest %n record; older lines of the file were not read here (open the file itself to see them).</numerusform>
            <numerusform>The newest %n records; older lines of the file were not read here (open the file itself to see them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoRefresh</name>
    <message numerus="yes">
        <source>Statuses are read again every %n second(s) (Console &gt; Settings).</source>
        <translation>
            <numerusform>Statuses are read again every %n second (Console &gt; Settings).</numerusform>
            <numerusform>Statuses are read again every %n seconds (Console &gt; Settings).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDownloadDialog</name>
    <message numerus="yes">
        <source>Saved %n file(s):</source>
        <translation>
            <numerusform>Saved %n file:</numerusform>
            <numerusform>Saved %n files:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n instance(s)</source>
        <translation>
            <numerusform>Showing %1 of %n instance</numerusform>
            <numerusform>Showing %1 of %n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetBackupDialog</name>
    <message numerus="yes">
        <source>A manual backup of %n instance(s) will be created, each followed until it ends.</source>
        <translation>
            <numerusform>A manual backup of %n instance will be created, each followed until it ends.</numerusform>
            <numerusform>A manual backup of %n instances will be created, each followed until it ends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected instance(s) will be left out, as the last column says.</source>
        <translation>
            <numerusform>%n selected instance will be left out, as the last column says.</numerusform>
            <numerusform>%n selected instances will be left out, as the last column says.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Back Up %n Instance(s)</source>
        <translation>
            <numerusform>&amp;Back Up %n Instance</numerusform>
            <numerusform>&amp;Back Up %n Instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetWindow</name>
    <message numerus="yes">
        <source>%n source(s) could not be read</source>
        <translation>
            <numerusform>%n source could not be read</numerusform>
            <numerusform>%n sources could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n row(s)</source>
        <translation>
            <numerusform>Showing %1 of %n row</numerusform>
            <numerusform>Showing %1 of %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) need attention</source>
        <translation>
            <numerusform>%n instance need attention</numerusform>
            <numerusform>%n instances need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Saved %n row to %1.</numerusform>
            <numerusform>Saved %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstanceBrowser</name>
    <message numerus="yes">
        <source>%n backup(s). Double-click a restorable backup to restore from it.</source>
        <translation>
            <numerusform>%n backup. Double-click a restorable backup to restore from it.</numerusform>
            <numerusform>%n backups. Double-click a restorable backup to restore from it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restore record(s).</source>
        <translation>
            <numerusform>%n restore record.</numerusform>
            <numerusform>%n restore records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) in the last 30 days, %1 running.</source>
        <translation>
            <numerusform>%n task in the last 30 days, %1 running.</numerusform>
            <numerusform>%n tasks in the last 30 days, %1 running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloaded %n file(s).</source>
        <translation>
            <numerusform>Downloaded %n file.</numerusform>
            <numerusform>Downloaded %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n instance(s) can be restored now.</source>
        <translation>
            <numerusform>None of the %n instance can be restored now.</numerusform>
            <numerusform>None of the %n instances can be restored now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message numerus="yes">
        <source>Connection works: %n instance(s) in this project.</source>
        <translation>
            <numerusform>Connection works: %n instance in this project.</numerusform>
            <numerusform>Connection works: %n instances in this project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connection works: %n or more instances in this project.</source>
        <translation>
            <numerusform>Connection works: %n or more instances in this project.</numerusform>
            <numerusform>Connection works: %n or more instances in this project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>IAM lists %n project(s) in a region; %1 added. Remove those the fleet should not read.</source>
        <translation>
            <numerusform>IAM lists %n project in a region; %1 added. Remove those the fleet should not read.</numerusform>
            <numerusform>IAM lists %n projects in a region; %1 added. Remove those the fleet should not read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestLogDock</name>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s)</source>
        <translation>
            <numerusform>%1 of %n request</numerusform>
            <numerusform>%1 of %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%n of the backups can be restored from. The others are shown greyed out with the reason.</source>
        <translation>
            <numerusform>%n of the backups can be restored from. The others are shown greyed out with the reason.</numerusform>
            <numerusform>%n of the backups can be restored from. The others are shown greyed out with the reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Before the restore: %1 keys, %n of them sampled. Once the restore has ended, the data is fingerprinted again and compared.</source>
        <translation>
            <numerusform>Before the restore: %1 keys, %n of them sampled. Once the restore has ended, the data is fingerprinted again and compared.</numerusform>
            <numerusform>Before the restore: %1 keys, %n of them sampled. Once the restore has ended, the data is fingerprinted again and compared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreProgressBar</name>
    <message numerus="yes">
        <source>Restoring %1: %p% (+%n more)</source>
        <translation>
            <numerusform>Restoring %1: %p% (+%n more)</numerusform>
            <numerusform>Restoring %1: %p% (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::BackupHealth</name>
    <message numerus="yes">
        <source>None of its %n backup(s) can be restored from.</source>
        <translation>
            <numerusform>None of its %n backup can be restored from.</numerusform>
            <numerusform>None of its %n backups can be restored from.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::BackupPolicy</name>
    <message numerus="yes">
        <source>Automatic: %1, %2 UTC; kept for %n day(s)</source>
        <translation>
            <numerusform>Automatic: %1, %2 UTC; kept for %n day</numerusform>
            <numerusform>Automatic: %1, %2 UTC; kept for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::RestoreImpact</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::RestorePreflight</name>
    <message numerus="yes">
        <source>This backup is %n hour(s) old: every write since then will be lost.</source>
        <translation>
            <numerusform>This backup is %n hour old: every write since then will be lost.</numerusform>
            <numerusform>This backup is %n hours old: every write since then will be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::RestoreWorkflow</name>
    <message numerus="yes">
        <source>The safety backup did not finish within %n minute(s); nothing was restored.</source>
        <translation>
            <numerusform>The safety backup did not finish within %n minute; nothing was restored.</numerusform>
            <numerusform>The safety backup did not finish within %n minutes; nothing was restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::VerificationReport</name>
    <message numerus="yes">
        <source>; of %n sampled key(s) %1 unchanged, %2 changed, %3 gone</source>
        <translation>
            <numerusform>; of %n sampled key %1 unchanged, %2 changed, %3 gone</numerusform>
            <numerusform>; of %n sampled keys %1 unchanged, %2 changed, %3 gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more changed or gone key(s)</source>
        <translation>
            <numerusform>… and %n more changed or gone key</numerusform>
            <numerusform>… and %n more changed or gone keys</numerusform>
        </translation>
    </message>
</context>
</TS>
