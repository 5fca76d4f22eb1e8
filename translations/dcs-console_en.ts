<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupTableModel</name>
    <message>
        <source>No: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code: %1 · HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none received)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceDetailsModel</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity (decimal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security group ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password-free access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EIP ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EIP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly/Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay-per-use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceTableModel</name>
    <message>
        <source>Status %1, error code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used %1 MB of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used / max memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DCS Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only instances in this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the name, ID, address, engine or status; separate words with spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, ID or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the instances and the selected instance&apos;s backups and restore records (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected instance from one of its backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Instance ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected instance&apos;s ID to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DCS Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local simulator could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the instances failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the instance details failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the backups failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the restore records failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an instance to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an instance to see its details, backups and restore records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the instance details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This instance has no backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s). Double-click a restorable backup to restore from it.</source>
        <translation>
            <numerusform>%n backup. Double-click a restorable backup to restore from it.</numerusform>
            <numerusform>%n backups. Double-click a restorable backup to restore from it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the restore records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This instance has not been restored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n restore record(s).</source>
        <translation>
            <numerusform>%n restore record.</numerusform>
            <numerusform>%n restore records.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading instances…</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Last refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo profile — local simulator.&lt;/b&gt; This console is talking to the DCS simulator it started on %1, not to Huawei Cloud. Instances, backups and restores here are simulated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DCS Console — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local DCS simulator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local DCS simulator could not be started, so there is nothing to show.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1 succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service gave no error code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the restore: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped following restore %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It did not finish in the expected time. Refresh to see its current status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied instance ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from This Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Backup ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DCS Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;DCS Console %1&lt;/h3&gt;&lt;p&gt;A desktop console for Huawei Cloud Distributed Cache Service: cache instances, their backups, and restoring an instance from a backup.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo profile — local simulator.&lt;/b&gt; No profile is configured, so the console uses a DCS simulator on this computer instead of Huawei Cloud.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore Instance from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to restore from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this restore is done, for the restore records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore started. Restore ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore ID copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backups could not be reloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This instance has no backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of the backups can be restored from. The others are shown greyed out with the reason.</source>
        <translation>
            <numerusform>%n of the backups can be restored from. The others are shown greyed out with the reason.</numerusform>
            <numerusform>%n of the backups can be restored from. The others are shown greyed out with the reason.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: the data of %1 will be replaced by backup %2. Data written after that backup was taken is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup to restore from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preflight checks above block this restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the restore request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer to the restore request: looking for its record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the restore record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of the restore is unknown. Check the restore records before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of the restore is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request got no answer and no new restore record was found for the backup. Check the restore records before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was lost, but the restore was found. Restore ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its progress is shown under Restore records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreTableModel</name>
    <message>
        <source>Restore ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dcs</name>
    <message>
        <source>The server&apos;s answer is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected JSON type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer has no &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dcs::ApiError</name>
    <message>
        <source>Single-node instances do not support backup and restore. Use a master/standby or cluster instance for this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This instance does not support backup and restore. Check its type and engine version in the instance details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup cannot be restored: it has not succeeded or is marked as not restorable. Choose another backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup of this instance is running. Wait until it has finished, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore of this instance is already running. Follow it in the restore records instead of starting another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance is not running. Wait until its status is Running, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another job of this instance is running. Wait until it has finished, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remark is longer than 128 characters. Shorten it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance ID is not valid. Refresh the instance list and select the instance again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parameter of the request is invalid, for example the backup ID. Refresh the backup list and choose the backup again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body was empty. This is a fault in the console; please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body was not valid JSON. This is a fault in the console; please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is invalid. Sign in again or check the profile&apos;s credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has expired. Sign in again to get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token was sent. Check the profile&apos;s authentication settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project does not match the token. Check the project ID and region of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role lacks the permission for this operation. Ask an administrator to grant the DCS permissions you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance does not exist. It may have been deleted; refresh the instance list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL does not exist. Check the endpoint and region of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The method is not allowed for this URL. Check the endpoint of the profile; please report it if it is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service had an internal error. Wait a moment and try again; quote the request ID to support if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: the AK/SK signature or the token is wrong. Check the access key, secret key and project ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request time differs from the server time by more than 15 minutes. Correct this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests: the call was throttled. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup or restore tool failed to start. Try again later; contact support if it keeps failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup or restore timed out. Try again at a quieter time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the storage bucket failed. Contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the AK/SK for the backup storage failed. Check the account&apos;s permissions and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the storage bucket failed. Check the storage quota and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the backup size failed. Try again; if it fails again, use another backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data synchronisation failed during the restore. Check the instance&apos;s data and restore again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup was skipped because another job of the instance was running. No action is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not accept the credentials. Check the profile&apos;s access key, secret key or password, and its project ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is not allowed to do this. Ask an administrator for the DCS permissions you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource was not found. Refresh the list; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service had a problem answering. Wait a moment and try again; quote the request ID to support if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the request. The message above says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not be reached. Check the network connection, the proxy and the endpoint of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time. Check the network and try again; for a restore, check the restore records before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was lost: the request may have reached the server. Check the restore records before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered with something the console does not understand. Check the endpoint of the profile; quote the request ID to support if it is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(request ID %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dcs::DcsClient</name>
    <message>
        <source>The field &quot;%1&quot; is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dcs::InstanceType</name>
    <message>
        <source>Single-node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master/Standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read/Write splitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dcs::RestorePreflight</name>
    <message>
        <source>Single-node instances cannot be backed up or restored. Only master/standby and cluster instances support restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore of this instance is already running. Wait until it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instance is %1; only a RUNNING instance can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup of this instance is running. Wait until it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is %1; only a backup that succeeded can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service marks this backup as not restorable (is_support_restore is FALSE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup to restore from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This backup is %n hour(s) old: every write since then will be lost.</source>
        <translation>
            <numerusform>This backup is %n hour old: every write since then will be lost.</numerusform>
            <numerusform>This backup is %n hours old: every write since then will be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::RestoreTracker</name>
    <message>
        <source>The connection to the service was closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dcs::SimulatorProcess</name>
    <message>
        <source>The local simulator could not be started (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local simulator stopped unexpectedly (exit code %1). See %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local simulator program was not found at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local simulator did not report its address in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local simulator printed an unexpected address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
