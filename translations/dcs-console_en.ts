<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>MainWindow</name>
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
    <name>ProfileDialog</name>
    <message numerus="yes">
        <source>Connection works: %n instance(s) in this project.</source>
        <translation>
            <numerusform>Connection works: %n instance in this project.</numerusform>
            <numerusform>Connection works: %n instances in this project.</numerusform>
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
</TS>
