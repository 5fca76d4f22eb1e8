<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DCS Console</source>
        <translation>关于 DCS 控制台</translation>
    </message>
    <message>
        <source>Build:</source>
        <translation>构建：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>Settings and profiles:</source>
        <translation>设置与配置：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据目录：</translation>
    </message>
    <message>
        <source>Restore audit trail:</source>
        <translation>恢复审计日志：</translation>
    </message>
    <message>
        <source>Demo simulator log:</source>
        <translation>演示模拟器日志：</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DCS Console %1&lt;/h3&gt;&lt;p&gt;A desktop console for Huawei Cloud Distributed Cache Service: cache instances, their backups, and restoring an instance from a backup.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DCS 控制台 %1&lt;/h3&gt;&lt;p&gt;华为云分布式缓存服务（DCS）的桌面控制台：管理缓存实例及其备份，并可使用备份恢复实例。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Where it keeps its files&lt;/b&gt; (secrets are kept in the system keychain only):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;文件保存位置&lt;/b&gt;（密钥只保存在系统密钥环中）：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;依据 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Closes this window</source>
        <translation>关闭此窗口</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Restore Audit Trail</source>
        <translation>恢复审计日志</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Restore Audit Trail</source>
        <translation>导出恢复审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
    <message>
        <source>No file manager could be opened. The folder is %1.</source>
        <translation>无法打开文件管理器。文件夹为 %1。</translation>
    </message>
    <message>
        <source>Every restore attempt made from this console on this computer, and how it ended. File: %1</source>
        <translation>在本机通过本控制台发起的每次恢复及其结果。文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) of the audit file were skipped:</source>
        <translation>
            <numerusform>审计日志中有 %n 行已损坏，已跳过：</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>No restore has been attempted from this console yet.</source>
        <translation>尚未通过本控制台发起过恢复。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s).</source>
        <translation>
            <numerusform>共 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>正在读取恢复审计日志…</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n record(s); older lines of the file were not read here (open the file itself to see them).</source>
        <translation>
            <numerusform>显示最新的 %n 条记录；文件中更早的行未在此读取（请直接打开该文件查看）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore audit trail</source>
        <translation>恢复审计日志</translation>
    </message>
    <message>
        <source>Every restore attempted from this console, newest first, with its outcome</source>
        <translation>从本控制台发起的每次恢复（最新的在前）及其结果</translation>
    </message>
    <message>
        <source>Read the audit file again</source>
        <translation>重新读取审计文件</translation>
    </message>
    <message>
        <source>Open the folder of the audit file in the file manager</source>
        <translation>在文件管理器中打开审计文件所在的文件夹</translation>
    </message>
    <message>
        <source>Save the records as a CSV file</source>
        <translation>将记录保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Closes the audit trail</source>
        <translation>关闭审计日志</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Attempt</source>
        <translation>发起</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Accepted (answer lost, record found)</source>
        <translation>已受理（响应丢失，已找到记录）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Safety backup failed</source>
        <translation>恢复前备份失败</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore ID</source>
        <translation>恢复记录ID</translation>
    </message>
    <message>
        <source>Final status</source>
        <translation>最终状态</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求ID</translation>
    </message>
    <message>
        <source>Safety backup</source>
        <translation>恢复前备份</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作系统用户</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>恢复校验</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未校验</translation>
    </message>
</context>
<context>
    <name>AutoRefresh</name>
    <message>
        <source>Last refresh: %1</source>
        <translation>上次刷新：%1</translation>
    </message>
    <message numerus="yes">
        <source>Statuses are read again every %n second(s) (Console &gt; Settings).</source>
        <translation>
            <numerusform>状态每 %n 秒自动刷新一次（控制台 &gt; 设置）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic refresh is off (Console &gt; Settings). Press F5 to refresh.</source>
        <translation>自动刷新已关闭（控制台 &gt; 设置）。按 F5 刷新。</translation>
    </message>
</context>
<context>
    <name>BackgroundStatus</name>
    <message>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
</context>
<context>
    <name>BackupAnnouncer</name>
    <message>
        <source>Following the backup: %1</source>
        <translation>跟踪备份：%1</translation>
    </message>
    <message>
        <source>Stopped following backup %1</source>
        <translation>已停止跟踪备份 %1</translation>
    </message>
    <message>
        <source>It did not end in the expected time. Refresh to see its current status.</source>
        <translation>未在预期时间内结束。请刷新查看其当前状态。</translation>
    </message>
    <message>
        <source>Backup %1 succeeded.</source>
        <translation>备份 %1 成功。</translation>
    </message>
    <message>
        <source>Backup &lt;b&gt;%1&lt;/b&gt; succeeded.</source>
        <translation>备份 &lt;b&gt;%1&lt;/b&gt; 成功。</translation>
    </message>
    <message>
        <source>Backup %1 did not succeed</source>
        <translation>备份 %1 未成功</translation>
    </message>
    <message>
        <source>Its status is %1.</source>
        <translation>其状态为“%1”。</translation>
    </message>
    <message>
        <source>%1
Error code: %2
%3</source>
        <translation>%1
错误码：%2
%3</translation>
    </message>
</context>
<context>
    <name>BackupDownloadDialog</name>
    <message>
        <source>Save the Backup Files In</source>
        <translation>将备份文件保存到</translation>
    </message>
    <message>
        <source>Asking the service for download links…</source>
        <translation>正在向服务获取下载链接…</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2.</source>
        <translation>已下载 %1 / %2。</translation>
    </message>
    <message>
        <source>Downloaded %1.</source>
        <translation>已下载 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s):</source>
        <translation>
            <numerusform>已保存 %n 个文件：</numerusform>
        </translation>
    </message>
    <message>
        <source>Download cancelled. No file was kept.</source>
        <translation>下载已取消。未保留任何文件。</translation>
    </message>
    <message>
        <source>&amp;Cancel Download</source>
        <translation>取消下载(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Download Backup — %1</source>
        <translation>下载备份 — %1</translation>
    </message>
    <message>
        <source>Backup %1 (%2, %3). The service gives links that work for the time chosen below; a cluster backup may come as several files.</source>
        <translation>备份 %1（%2，%3）。服务提供的链接在下面选择的时间内有效；集群实例的备份可能包含多个文件。</translation>
    </message>
    <message>
        <source>Links &amp;valid for:</source>
        <translation>链接有效期(&amp;V)：</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>保存到文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Replace files that are already there</source>
        <translation>替换已存在的文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
</context>
<context>
    <name>BackupPolicyDialog</name>
    <message>
        <source>Sending the change…</source>
        <translation>正在发送修改…</translation>
    </message>
    <message>
        <source>The policy was not changed: %1</source>
        <translation>备份策略未修改：%1</translation>
    </message>
    <message>
        <source>Backup Policy — %1</source>
        <translation>备份策略 — %1</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>This instance has no backup policy yet.</source>
        <translation>此实例尚无备份策略。</translation>
    </message>
    <message>
        <source>&amp;Backups:</source>
        <translation>备份(&amp;B)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual only</source>
        <translation>仅手动</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Time (UTC):</source>
        <translation>时间（UTC）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Keep automatic backups for:</source>
        <translation>自动备份保留(&amp;K)：</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Check the change: the current policy and the new one, side by side. Apply sends it to the service.</source>
        <translation>请核对修改：左右对照当前策略与新策略。点击“应用”后发送给服务。</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>After the change</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>核对(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup ID: %1</source>
        <translation>备份ID：%1</translation>
    </message>
    <message>
        <source>Backup name</source>
        <translation>备份名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>备份格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>可恢复</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>No — %1</source>
        <translation>否 — %1</translation>
    </message>
</context>
<context>
    <name>BuildInfo</name>
    <message>
        <source>unknown (not built from a git checkout)</source>
        <translation>未知（并非从 git 检出构建）</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时为 %2）</translation>
    </message>
    <message>
        <source>Build: %1</source>
        <translation>构建：%1</translation>
    </message>
    <message>
        <source>Qt: %1</source>
        <translation>Qt：%1</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Loading instances…</source>
        <translation>正在加载实例…</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>共 %n 个实例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n instance(s)</source>
        <translation>
            <numerusform>显示 %1 个，共 %n 个实例</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
</context>
<context>
    <name>CreateBackupDialog</name>
    <message>
        <source>Create Backup</source>
        <translation>创建备份</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional: why this backup is taken</source>
        <translation>可选：备份原因</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Creating the backup…</source>
        <translation>正在创建备份…</translation>
    </message>
    <message>
        <source>The backup was not created</source>
        <translation>备份未创建</translation>
    </message>
    <message>
        <source>Create Backup of %1</source>
        <translation>创建 %1 的备份</translation>
    </message>
    <message>
        <source>Creates a manual backup of &lt;b&gt;%1&lt;/b&gt; (%2). It runs in the background; its progress is shown in the Backups tab. Manual backups are kept until you delete them.</source>
        <translation>为 &lt;b&gt;%1&lt;/b&gt;（%2）创建手动备份。备份在后台进行，进度显示在“备份记录”页签中。手动备份会一直保留，直到您删除。</translation>
    </message>
    <message>
        <source>RDB is a compact snapshot; AOF keeps the write log. Both can be restored from.</source>
        <translation>RDB 为紧凑的快照，AOF 保留写入日志。两者均可用于恢复。</translation>
    </message>
    <message>
        <source>Look Again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Whether the backup was created is unknown</source>
        <translation>无法确定备份是否已创建</translation>
    </message>
    <message>
        <source>The answer to the request was lost, and no new backup with this remark is listed yet. Nothing is sent again: press Look Again to read the backups once more.</source>
        <translation>请求的应答丢失，且备份列表中尚未出现带此备注的新备份。控制台不会再次发送：请点击“重新查找”再次读取备份列表。</translation>
    </message>
    <message>
        <source>Starts the manual backup</source>
        <translation>开始手动备份</translation>
    </message>
    <message>
        <source>Closes without creating a backup</source>
        <translation>关闭，不创建备份</translation>
    </message>
</context>
<context>
    <name>DeleteBackupDialog</name>
    <message>
        <source>Delete Backup</source>
        <translation>删除备份</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <source>Instance:</source>
        <translation>实例：</translation>
    </message>
    <message>
        <source>Backup name</source>
        <translation>备份名称</translation>
    </message>
    <message>
        <source>Type the backup name exactly to confirm.</source>
        <translation>请准确输入备份名称以确认。</translation>
    </message>
    <message>
        <source>Deleting the backup…</source>
        <translation>正在删除备份…</translation>
    </message>
    <message>
        <source>The backup was not deleted</source>
        <translation>备份未删除</translation>
    </message>
    <message>
        <source>Delete Backup %1</source>
        <translation>删除备份 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deleting a backup cannot be undone.&lt;/b&gt; The instance can no longer be restored to the state this backup holds.</source>
        <translation>&lt;b&gt;删除备份后无法撤销。&lt;/b&gt;实例将无法再恢复到该备份所保存的状态。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Backup ID: %1</source>
        <translation>备份ID：%1</translation>
    </message>
    <message>
        <source>Type the backup name &lt;b&gt;%1&lt;/b&gt; to delete it:</source>
        <translation>输入备份名称 &lt;b&gt;%1&lt;/b&gt; 以确认删除：</translation>
    </message>
    <message>
        <source>Look Again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Whether the backup was deleted is unknown</source>
        <translation>无法确定备份是否已删除</translation>
    </message>
    <message>
        <source>The answer to the request was lost, and the backup is still listed. Nothing is sent again: press Look Again to read the backups once more.</source>
        <translation>请求的应答丢失，且该备份仍在列表中。控制台不会再次发送：请点击“重新查找”再次读取备份列表。</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <source>Creation failed</source>
        <translation>创建失败</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>扩容中</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>Clearing data</source>
        <translation>数据清空中</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>备份中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 / %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Bind EIP</source>
        <translation>绑定弹性公网IP</translation>
    </message>
    <message>
        <source>Unbind EIP</source>
        <translation>解绑弹性公网IP</translation>
    </message>
    <message>
        <source>Add replica</source>
        <translation>添加副本</translation>
    </message>
    <message>
        <source>Delete replica</source>
        <translation>删除副本</translation>
    </message>
    <message>
        <source>Change whitelist</source>
        <translation>修改白名单</translation>
    </message>
    <message>
        <source>Change port</source>
        <translation>修改端口</translation>
    </message>
    <message>
        <source>Remove IP from DNS</source>
        <translation>从域名解析中移除 IP</translation>
    </message>
    <message>
        <source>Master/standby switchover</source>
        <translation>主备切换</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Change specifications</source>
        <translation>变更规格</translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The request failed</source>
        <translation>请求失败</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>（无错误码）</translation>
    </message>
    <message>
        <source>Error code: %1 · HTTP %2</source>
        <translation>错误码：%1 · HTTP %2</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>错误信息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求ID：%1</translation>
    </message>
    <message>
        <source>(none received)</source>
        <translation>（未收到）</translation>
    </message>
</context>
<context>
    <name>FleetBackupDialog</name>
    <message>
        <source>Back Up Instances</source>
        <translation>备份实例</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message numerus="yes">
        <source>A manual backup of %n instance(s) will be created, each followed until it ends.</source>
        <translation>
            <numerusform>将为 %n 个实例各创建一个手动备份，并跟踪每个备份直到结束。</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected instances can be backed up from here.</source>
        <translation>所选实例都无法在此备份。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected instance(s) will be left out, as the last column says.</source>
        <translation>
            <numerusform>所选实例中有 %n 个不会备份，原因见最后一列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Profile, region and project</source>
        <translation>配置、区域和项目</translation>
    </message>
    <message>
        <source>Backup health</source>
        <translation>备份健康</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Will be backed up</source>
        <translation>将备份</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>不备份：%1</translation>
    </message>
    <message>
        <source>Optional, up to 128 characters</source>
        <translation>可选，最多 128 个字符</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Back Up %n Instance(s)</source>
        <translation>
            <numerusform>备份 %n 个实例(&amp;B)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FleetSourceModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (remembered)</source>
        <translation>%1（上次记录）</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例数</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>列出时间</translation>
    </message>
</context>
<context>
    <name>FleetSourcesDialog</name>
    <message>
        <source>Profiles and Regions of the Fleet</source>
        <translation>实例总览的配置和区域</translation>
    </message>
    <message>
        <source>The fleet reads the instances of every region and project checked here. Space checks the selected line.</source>
        <translation>实例总览读取此处勾选的每个区域和项目中的实例。按空格键勾选所选行。</translation>
    </message>
    <message>
        <source>Profile, region and project</source>
        <translation>配置、区域和项目</translation>
    </message>
    <message>
        <source>Check &amp;All</source>
        <translation>全部勾选(&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;None</source>
        <translation>全部取消(&amp;N)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FleetTableModel</name>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Listing instances…</source>
        <translation>正在列出实例…</translation>
    </message>
    <message>
        <source>Reading backups %1 of %2…</source>
        <translation>正在读取备份 %1/%2…</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 (reading again…)</source>
        <translation>%1（正在重新读取…）</translation>
    </message>
    <message>
        <source>The last read failed: %1</source>
        <translation>上次读取失败：%1</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2前）</translation>
    </message>
    <message>
        <source>%1 %2 (started here)</source>
        <translation>%1 %2（从此处发起）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Backup health</source>
        <translation>备份健康</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Last successful backup</source>
        <translation>上次成功备份</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近一次备份</translation>
    </message>
    <message>
        <source>Restorable</source>
        <translation>可恢复</translation>
    </message>
    <message>
        <source>Oldest restorable</source>
        <translation>最早可恢复</translation>
    </message>
    <message>
        <source>Next automatic backup</source>
        <translation>下次自动备份</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>FleetWindow</name>
    <message>
        <source>Fleet</source>
        <translation>实例总览</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Needs attention only</source>
        <translation>仅显示需要关注的(&amp;N)</translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation>实例总览(&amp;L)</translation>
    </message>
    <message>
        <source>Fleet toolbar</source>
        <translation>实例总览工具栏</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>List every source again and read the backups of instances not read for a while (F5)</source>
        <translation>重新列出每个来源，并读取一段时间未读取的实例的备份（F5）</translation>
    </message>
    <message>
        <source>Read &amp;All Backups Again</source>
        <translation>重新读取全部备份(&amp;A)</translation>
    </message>
    <message>
        <source>Read the backups of every instance now, however recently they were read (Shift+F5)</source>
        <translation>立即读取每个实例的备份，无论最近是否读取过（Shift+F5）</translation>
    </message>
    <message>
        <source>Read Selected &amp;Again</source>
        <translation>重新读取所选(&amp;A)</translation>
    </message>
    <message>
        <source>Read the backups of the selected instances now (Ctrl+R)</source>
        <translation>立即读取所选实例的备份（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Stop Reading</source>
        <translation>停止读取(&amp;S)</translation>
    </message>
    <message>
        <source>Stop reading: what has not been asked yet is not asked (Esc)</source>
        <translation>停止读取：尚未发出的请求不再发出（Esc）</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>在主窗口中打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show the selected instance in the main window, in its profile and region (Ctrl+O)</source>
        <translation>在主窗口中按其配置和区域显示所选实例（Ctrl+O）</translation>
    </message>
    <message>
        <source>&amp;Back Up Selected…</source>
        <translation>备份所选实例(&amp;B)…</translation>
    </message>
    <message>
        <source>Create a manual backup of the selected instances that need attention (Ctrl+B)</source>
        <translation>为所选的需要关注的实例创建手动备份（Ctrl+B）</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the fleet as shown, with its backup health, as a CSV file (Ctrl+E)</source>
        <translation>将当前显示的实例总览及其备份健康保存为 CSV 文件（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Choose Profiles and Regions…</source>
        <translation>选择配置和区域(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose which profiles, regions and projects the fleet shows (Ctrl+Shift+P)</source>
        <translation>选择实例总览显示哪些配置、区域和项目（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Backup %1 of %2 started; it is followed until it ends.</source>
        <translation>%2 的备份 %1 已开始，将跟踪直到结束。</translation>
    </message>
    <message>
        <source>%1 was not backed up: %2</source>
        <translation>%1 未备份：%2</translation>
    </message>
    <message>
        <source>The backup of %1 succeeded.</source>
        <translation>%1 的备份成功。</translation>
    </message>
    <message>
        <source>The backup of %1 did not succeed: %2</source>
        <translation>%1 的备份未成功：%2</translation>
    </message>
    <message>
        <source>Healthy: %1</source>
        <translation>健康：%1</translation>
    </message>
    <message>
        <source>At risk: %1</source>
        <translation>有风险：%1</translation>
    </message>
    <message>
        <source>Cannot be restored: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <source>Not read yet: %1</source>
        <translation>尚未读取：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) could not be read</source>
        <translation>
            <numerusform>%n 个来源无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Cannot be restored</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n row(s)</source>
        <translation>
            <numerusform>显示 %1 行，共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1 of %2…</source>
        <translation>正在读取 %1/%2…</translation>
    </message>
    <message>
        <source>Showing what was known on %1</source>
        <translation>显示 %1 时的已知情况</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>Select an instance to see why it has its verdict.</source>
        <translation>选择一个实例，查看其判断的原因。</translation>
    </message>
    <message>
        <source>%1 · %2 / %3</source>
        <translation>%1 · %2 / %3</translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation>%1：%2
%3</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Backups read %1.</source>
        <translation>备份读取于 %1。</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4 — %5</source>
        <translation>%1（%2，%3）：%4 — %5</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) need attention</source>
        <translation>
            <numerusform>%n 个实例需要关注</numerusform>
        </translation>
    </message>
    <message>
        <source>Fleet — DCS Console</source>
        <translation>实例总览 — DCS 控制台</translation>
    </message>
    <message>
        <source>Name, ID, profile, region, project, status or reason</source>
        <translation>名称、ID、配置、区域、项目、状态或原因</translation>
    </message>
    <message>
        <source>Instances of every chosen profile, region and project</source>
        <translation>所选各配置、区域和项目中的实例</translation>
    </message>
    <message>
        <source>Profiles, regions and projects read</source>
        <translation>读取的配置、区域和项目</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <source>Its backups are healthy.</source>
        <translation>其备份健康。</translation>
    </message>
    <message>
        <source>Export the Fleet</source>
        <translation>导出实例总览</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The fleet was not saved: %1</source>
        <translation>实例总览未保存：%1</translation>
    </message>
</context>
<context>
    <name>InstanceBrowser</name>
    <message>
        <source>Cache instances</source>
        <translation>缓存实例</translation>
    </message>
    <message>
        <source>Show only instances in this status</source>
        <translation>只显示该状态的实例</translation>
    </message>
    <message>
        <source>Matches the name, ID, address, engine or status; separate words with spaces</source>
        <translation>匹配名称、ID、连接地址、引擎或状态；多个关键字用空格分隔</translation>
    </message>
    <message>
        <source>Filter by name, ID or address</source>
        <translation>按名称、ID或地址筛选</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份记录</translation>
    </message>
    <message>
        <source>Restore records</source>
        <translation>恢复记录</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Loading the instances failed</source>
        <translation>加载实例列表失败</translation>
    </message>
    <message>
        <source>Loading the instance details failed</source>
        <translation>加载实例详情失败</translation>
    </message>
    <message>
        <source>Loading the backups failed</source>
        <translation>加载备份记录失败</translation>
    </message>
    <message>
        <source>Loading the restore records failed</source>
        <translation>加载恢复记录失败</translation>
    </message>
    <message>
        <source>Select an instance to see its details, backups and restore records.</source>
        <translation>选择一个实例以查看其基本信息、备份记录和恢复记录。</translation>
    </message>
    <message>
        <source>Loading the instance details…</source>
        <translation>正在加载实例详情…</translation>
    </message>
    <message>
        <source>Loading the backups…</source>
        <translation>正在加载备份记录…</translation>
    </message>
    <message>
        <source>This instance has no backups.</source>
        <translation>该实例没有备份。</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s). Double-click a restorable backup to restore from it.</source>
        <translation>
            <numerusform>共 %n 个备份。双击可恢复的备份即可用它恢复实例。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the restore records…</source>
        <translation>正在加载恢复记录…</translation>
    </message>
    <message>
        <source>This instance has not been restored yet.</source>
        <translation>该实例尚无恢复记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n restore record(s).</source>
        <translation>
            <numerusform>共 %n 条恢复记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied instance ID %1.</source>
        <translation>已复制实例ID %1。</translation>
    </message>
    <message>
        <source>Restore from This Backup…</source>
        <translation>使用此备份恢复…</translation>
    </message>
    <message>
        <source>Copy Backup ID</source>
        <translation>复制备份ID</translation>
    </message>
    <message>
        <source>local simulator</source>
        <translation>本地模拟器</translation>
    </message>
    <message>
        <source>Restore %1 started.</source>
        <translation>恢复已开始（恢复记录ID：%1）。</translation>
    </message>
    <message>
        <source>Backup %1 created; following it.</source>
        <translation>已创建备份 %1，正在跟踪其进度。</translation>
    </message>
    <message>
        <source>Backup %1 deleted.</source>
        <translation>备份 %1 已删除。</translation>
    </message>
    <message>
        <source>Background tasks</source>
        <translation>后台任务</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Loading the background tasks failed</source>
        <translation>加载后台任务失败</translation>
    </message>
    <message>
        <source>Background tasks need DCS API v2; this profile speaks v1.0.</source>
        <translation>后台任务需要 DCS API v2；此配置使用 v1.0。</translation>
    </message>
    <message>
        <source>Loading the background tasks…</source>
        <translation>正在加载后台任务…</translation>
    </message>
    <message>
        <source>No background task in the last 30 days.</source>
        <translation>最近 30 天没有后台任务。</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) in the last 30 days, %1 running.</source>
        <translation>
            <numerusform>最近 30 天有 %n 个任务，%1 个正在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change Backup &amp;Policy…</source>
        <translation>修改备份策略(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>下载(&amp;D)…</translation>
    </message>
    <message numerus="yes">
        <source>Downloaded %n file(s).</source>
        <translation>
            <numerusform>已下载 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup policy changed.</source>
        <translation>备份策略已修改。</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>时间范围(&amp;O)：</translation>
    </message>
    <message>
        <source>Which backups the service lists, by the time they were created</source>
        <translation>按创建时间列出哪些备份（由服务端筛选）</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the backups shown, as the table shows them, as a CSV file</source>
        <translation>将表中显示的备份按所见内容保存为 CSV 文件</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n instance(s) can be restored now.</source>
        <translation>
            <numerusform>这 %n 个实例目前都无法恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>No backups in this period.</source>
        <translation>该时间范围内没有备份。</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Filter instances</source>
        <translation>筛选实例</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>The cache instances of this profile. The arrows select one; Ctrl+R restores it.</source>
        <translation>此配置下的缓存实例。用方向键选择实例，按 Ctrl+R 恢复。</translation>
    </message>
    <message>
        <source>Every field of the selected instance, in groups</source>
        <translation>所选实例的全部字段，分组显示</translation>
    </message>
    <message>
        <source>The backups of the selected instance: create, delete, restore from one, export the list</source>
        <translation>所选实例的备份：创建、删除、用于恢复、导出列表</translation>
    </message>
    <message>
        <source>The restores of the selected instance and how they went</source>
        <translation>所选实例的恢复记录及其结果</translation>
    </message>
    <message>
        <source>Instance details</source>
        <translation>实例详情</translation>
    </message>
    <message>
        <source>The backups of the selected instance in the chosen period. Delete deletes the selected manual backup.</source>
        <translation>所选实例在所选时间范围内的备份。按 Delete 删除选中的手动备份。</translation>
    </message>
    <message>
        <source>The service's background jobs on the selected instance</source>
        <translation>所选实例上服务端的后台任务</translation>
    </message>
    <message>
        <source>All backups</source>
        <translation>全部备份</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>自定义时间段…</translation>
    </message>
    <message>
        <source>Created at or after, local time</source>
        <translation>创建时间不早于（本地时间）</translation>
    </message>
    <message>
        <source>Created at or before, local time</source>
        <translation>创建时间不晚于（本地时间）</translation>
    </message>
    <message>
        <source>Backups created from</source>
        <translation>备份创建时间起</translation>
    </message>
    <message>
        <source>Backups created until</source>
        <translation>备份创建时间止</translation>
    </message>
    <message>
        <source>Export Instance List</source>
        <translation>导出实例列表</translation>
    </message>
    <message>
        <source>Export Backups</source>
        <translation>导出备份列表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>InstanceDetailsModel</name>
    <message>
        <source>Field</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>实例名称</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Freeze scenario</source>
        <translation>冻结场景</translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation>实例类型</translation>
    </message>
    <message>
        <source>Cache mode</source>
        <translation>缓存类型</translation>
    </message>
    <message>
        <source>Cache engine</source>
        <translation>缓存引擎</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>引擎版本</translation>
    </message>
    <message>
        <source>Internal version</source>
        <translation>内部版本</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>产品类型</translation>
    </message>
    <message>
        <source>CPU architecture</source>
        <translation>CPU架构</translation>
    </message>
    <message>
        <source>Specification code</source>
        <translation>规格编码</translation>
    </message>
    <message>
        <source>Resource specification</source>
        <translation>资源规格</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>缓存容量</translation>
    </message>
    <message>
        <source>Capacity (decimal)</source>
        <translation>缓存容量（小规格）</translation>
    </message>
    <message>
        <source>Used memory</source>
        <translation>已用内存</translation>
    </message>
    <message>
        <source>Maximum memory</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>Read-only domain name</source>
        <translation>只读域名</translation>
    </message>
    <message>
        <source>Availability zones</source>
        <translation>可用区</translation>
    </message>
    <message>
        <source>VPC ID</source>
        <translation>虚拟私有云ID</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>虚拟私有云</translation>
    </message>
    <message>
        <source>Subnet ID</source>
        <translation>子网ID</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <source>Security group ID</source>
        <translation>安全组ID</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>安全组</translation>
    </message>
    <message>
        <source>Password-free access</source>
        <translation>免密访问</translation>
    </message>
    <message>
        <source>Access user</source>
        <translation>访问用户</translation>
    </message>
    <message>
        <source>Public access</source>
        <translation>公网访问</translation>
    </message>
    <message>
        <source>EIP ID</source>
        <translation>弹性公网IP ID</translation>
    </message>
    <message>
        <source>EIP address</source>
        <translation>弹性公网IP地址</translation>
    </message>
    <message>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>数据库数量</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>分片数</translation>
    </message>
    <message>
        <source>Billing mode</source>
        <translation>计费模式</translation>
    </message>
    <message>
        <source>Maintenance window</source>
        <translation>维护时间窗</translation>
    </message>
    <message>
        <source>Backup policy</source>
        <translation>备份策略</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Yearly/Monthly</source>
        <translation>包年/包月</translation>
    </message>
    <message>
        <source>Pay-per-use</source>
        <translation>按需计费</translation>
    </message>
    <message>
        <source>%1 – %2 (UTC)</source>
        <translation>%1 – %2（UTC）</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Engine and specification</source>
        <translation>引擎与规格</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>InstanceTableModel</name>
    <message>
        <source>Status %1, error code %2</source>
        <translation>状态 %1，错误码 %2</translation>
    </message>
    <message>
        <source>Used %1 MB of %2 MB</source>
        <translation>已用 %1 MB，共 %2 MB</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Engine version</source>
        <translation>引擎版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Used / max memory</source>
        <translation>已用/最大内存</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>连接地址</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>LeadTextLabel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>A banner's lead sentence (%1, in bold) and the text that follows it (%2), in one paragraph: a space between them where the language puts one after a sentence.</extracomment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DCS Console</source>
        <translation>DCS 控制台</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>控制台(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>实例(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Reload the instances and the selected instance's backups and restore records (F5)</source>
        <translation>重新加载实例列表，以及所选实例的备份记录和恢复记录（F5）</translation>
    </message>
    <message>
        <source>Re&amp;store…</source>
        <translation>恢复(&amp;S)…</translation>
    </message>
    <message>
        <source>Restore the selected instance from one of its backups</source>
        <translation>使用所选实例的某个备份恢复该实例</translation>
    </message>
    <message>
        <source>&amp;Copy Instance ID</source>
        <translation>复制实例ID(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected instance's ID to the clipboard</source>
        <translation>将所选实例的ID复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About DCS Console</source>
        <translation>关于 DCS 控制台(&amp;A)</translation>
    </message>
    <message>
        <source>The local simulator could not be started</source>
        <translation>无法启动本地模拟器</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>配置(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;New Profile…</source>
        <translation>新建配置(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a profile for a Huawei Cloud account, region and project</source>
        <translation>为华为云账号、区域和项目添加配置</translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation>编辑配置(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the open profile</source>
        <translation>修改当前打开的配置</translation>
    </message>
    <message>
        <source>D&amp;uplicate Profile…</source>
        <translation>复制配置(&amp;U)…</translation>
    </message>
    <message>
        <source>Start a new profile from a copy of the open one</source>
        <translation>以当前配置的副本新建配置</translation>
    </message>
    <message>
        <source>&amp;Delete Profile…</source>
        <translation>删除配置(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the open profile and its stored secrets</source>
        <translation>删除当前配置及其保存的凭证</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Deleted the profile "%1".</source>
        <translation>已删除配置“%1”。</translation>
    </message>
    <message>
        <source>The profile "%1" could not be opened</source>
        <translation>无法打开配置“%1”</translation>
    </message>
    <message>
        <source>Restore &amp;Audit Trail…</source>
        <translation>恢复审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Every restore attempted from this console, with its outcome; export as CSV</source>
        <translation>通过本控制台发起的每次恢复及其结果，可导出为 CSV</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Automatic refresh, how restores are followed, when a backup counts as old</source>
        <translation>自动刷新、恢复跟踪方式、备份多久视为过旧</translation>
    </message>
    <message>
        <source>&amp;Create Backup…</source>
        <translation>创建备份(&amp;C)…</translation>
    </message>
    <message>
        <source>Create a manual backup of the selected instance</source>
        <translation>为所选实例创建手动备份</translation>
    </message>
    <message>
        <source>&amp;Delete Backup…</source>
        <translation>删除备份(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected manual backup</source>
        <translation>删除所选的手动备份</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Use the language of the operating system (Chinese for a Chinese system, otherwise English)</source>
        <translation>使用操作系统的语言（中文系统显示中文，其他系统显示英文）</translation>
    </message>
    <message>
        <source>&amp;Fleet…</source>
        <translation>实例总览(&amp;F)…</translation>
    </message>
    <message>
        <source>Every profile, region and project at once, with the backup health of each instance (Ctrl+Shift+F)</source>
        <translation>一次查看所有配置、区域和项目，以及每个实例的备份健康（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>&amp;Export Instance List…</source>
        <translation>导出实例列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the instances shown, as the table shows them, as a CSV file</source>
        <translation>将表中显示的实例按所见内容保存为 CSV 文件</translation>
    </message>
    <message>
        <source>The open profile; choose another to switch to it</source>
        <translation>当前打开的配置；选择其他配置即可切换</translation>
    </message>
    <message>
        <source>Do&amp;wnload Backup…</source>
        <translation>下载备份(&amp;W)…</translation>
    </message>
    <message>
        <source>Download the file(s) of the selected backup</source>
        <translation>下载所选备份的文件</translation>
    </message>
    <message>
        <source>Change Backup &amp;Policy…</source>
        <translation>修改备份策略(&amp;P)…</translation>
    </message>
    <message>
        <source>Change when the selected instance is backed up and how long its automatic backups are kept</source>
        <translation>修改所选实例的备份时间以及自动备份的保留时长</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>No keychain service is available: secrets are kept in memory for this session only and must be entered again after a restart.</source>
        <translation>没有可用的密钥环服务：凭证仅在本次会话中保存在内存里，重新启动后需要再次输入。</translation>
    </message>
    <message>
        <source>Account and region</source>
        <translation>账号和区域</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>显示名称(&amp;N)：</translation>
    </message>
    <message>
        <source>For example: Production (cn-north-4)</source>
        <translation>例如：生产环境（cn-north-4）</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;DCS endpoint:</source>
        <translation>DCS 终端节点(&amp;D)：</translation>
    </message>
    <message>
        <source>https://dcs.cn-north-4.myhuaweicloud.com</source>
        <translation>https://dcs.cn-north-4.myhuaweicloud.com</translation>
    </message>
    <message>
        <source>Filled in from the region; change it only for a private or test endpoint</source>
        <translation>根据区域自动填写；仅在使用私有或测试终端节点时修改</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>项目ID(&amp;P)：</translation>
    </message>
    <message>
        <source>32 hexadecimal characters, under My Credentials</source>
        <translation>32 位十六进制字符，见“我的凭证”</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <source>Access key (AK/SK)</source>
        <translation>访问密钥（AK/SK）</translation>
    </message>
    <message>
        <source>Temporary access key (AK/SK + security token)</source>
        <translation>临时访问密钥（AK/SK + 安全令牌）</translation>
    </message>
    <message>
        <source>IAM user name and password</source>
        <translation>IAM 用户名和密码</translation>
    </message>
    <message>
        <source>Access &amp;key ID (AK):</source>
        <translation>访问密钥ID（AK）(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Secret access key (SK):</source>
        <translation>秘密访问密钥（SK）(&amp;S)：</translation>
    </message>
    <message>
        <source>Security &amp;token:</source>
        <translation>安全令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;IAM endpoint:</source>
        <translation>IAM 终端节点(&amp;I)：</translation>
    </message>
    <message>
        <source>https://iam.cn-north-4.myhuaweicloud.com</source>
        <translation>https://iam.cn-north-4.myhuaweicloud.com</translation>
    </message>
    <message>
        <source>A&amp;ccount name:</source>
        <translation>账号名(&amp;C)：</translation>
    </message>
    <message>
        <source>IAM &amp;user name:</source>
        <translation>IAM 用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>System proxy settings</source>
        <translation>系统代理设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP 代理</translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation>SOCKS5 代理</translation>
    </message>
    <message>
        <source>Proxy &amp;host:</source>
        <translation>代理主机(&amp;H)：</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Proxy us&amp;er:</source>
        <translation>代理用户(&amp;E)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Proxy pa&amp;ssword:</source>
        <translation>代理密码(&amp;S)：</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>CA 证书(&amp;B)：</translation>
    </message>
    <message>
        <source>Optional PEM file of extra trusted certificates</source>
        <translation>可选：额外信任证书的 PEM 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>请求超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>&amp;Production account: show a warning banner while this profile is open</source>
        <translation>生产环境账号(&amp;P)：打开此配置时显示警示横幅</translation>
    </message>
    <message>
        <source>Rea&amp;d-only: no restore, backup or deletion from this profile</source>
        <translation>只读(&amp;D)：不允许通过此配置执行恢复、备份或删除</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>测试连接(&amp;E)</translation>
    </message>
    <message>
        <source>List the instances with the values above, without saving them</source>
        <translation>使用以上配置查询实例列表，不保存配置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Stored — leave empty to keep it</source>
        <translation>已保存 — 留空则保持不变</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Another profile is already called "%1".</source>
        <translation>已有名为“%1”的配置。</translation>
    </message>
    <message>
        <source>Enter the secret access key (SK).</source>
        <translation>请输入秘密访问密钥（SK）。</translation>
    </message>
    <message>
        <source>Enter the IAM user's password.</source>
        <translation>请输入 IAM 用户的密码。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red first.</source>
        <translation>请先修正标红的字段。</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message numerus="yes">
        <source>Connection works: %n instance(s) in this project.</source>
        <translation>
            <numerusform>连接成功：此项目中有 %n 个实例。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection failed.</source>
        <translation>连接失败。</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>错误信息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求ID：%1</translation>
    </message>
    <message>
        <source>Choose a CA Bundle</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>Edit Profile — %1</source>
        <translation>编辑配置 — %1</translation>
    </message>
    <message>
        <source>Duplicate Profile — %1</source>
        <translation>复制配置 — %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Connection works: %n or more instances in this project.</source>
        <translation>
            <numerusform>连接正常：此项目中至少有 %n 个实例。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>&amp;API 版本：</translation>
    </message>
    <message>
        <source>Automatic speaks DCS API v2 and falls back to v1.0 only where the service says v2 does not exist.</source>
        <translation>自动：使用 DCS API v2，仅当服务表明 v2 不存在时才回退到 v1.0。</translation>
    </message>
    <message>
        <source>Automatic (v2, else v1.0)</source>
        <translation>自动（v2，否则 v1.0）</translation>
    </message>
    <message>
        <source>The service answered in DCS API v1.0: v2 does not exist there, so download links, background tasks, counts by status and backup policy changes are not available.</source>
        <translation>服务以 DCS API v1.0 应答：该处没有 v2，因此无法使用下载链接、后台任务、按状态统计和修改备份策略。</translation>
    </message>
    <message>
        <source>The service answered in DCS API v1.0.</source>
        <translation>服务以 DCS API v1.0 应答。</translation>
    </message>
    <message>
        <source>The service answered in DCS API v2.</source>
        <translation>服务以 DCS API v2 应答。</translation>
    </message>
    <message>
        <source>v2 only</source>
        <translation>仅 v2</translation>
    </message>
    <message>
        <source>v1.0 only</source>
        <translation>仅 v1.0</translation>
    </message>
    <message>
        <source>More regions and projects</source>
        <translation>更多区域和项目</translation>
    </message>
    <message>
        <source>Other re&amp;gions and projects of this account, for the fleet (the region and project on the left come first):</source>
        <translation>此账号的其他区域和项目，供实例总览使用（左侧的区域和项目排在最前）(&amp;G)：</translation>
    </message>
    <message>
        <source>Add a &amp;Line</source>
        <translation>添加一行(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Read Pr&amp;ojects from IAM</source>
        <translation>从 IAM 读取项目(&amp;O)</translation>
    </message>
    <message>
        <source>Reading the account's projects…</source>
        <translation>正在读取账号的项目…</translation>
    </message>
    <message>
        <source>The projects could not be read: %1</source>
        <translation>无法读取项目：%1</translation>
    </message>
    <message numerus="yes">
        <source>IAM lists %n project(s) in a region; %1 added. Remove those the fleet should not read.</source>
        <translation>
            <numerusform>IAM 列出了 %n 个区域内的项目，已添加 %1 个。请删除实例总览不应读取的项目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>Reads the account's projects from IAM (GET /v3/auth/projects) with the credentials entered, and adds those not listed yet</source>
        <translation>使用已输入的凭证从 IAM 读取账号的项目（GET /v3/auth/projects），并添加尚未列出的项目</translation>
    </message>
    <message>
        <source>A region ID such as cn-north-4; pick one from the list or type another</source>
        <translation>区域ID，例如 cn-north-4；可从列表选择，也可直接输入</translation>
    </message>
    <message>
        <source>Checking whether a keychain service is available…</source>
        <translation>正在检查系统密钥环服务是否可用…</translation>
    </message>
    <message>
        <source>Enter the security token of the temporary key.</source>
        <translation>请输入临时访问密钥的安全令牌。</translation>
    </message>
    <message>
        <source>How this profile is listed in the console</source>
        <translation>此配置在控制台中显示的名称</translation>
    </message>
    <message>
        <source>The project of the region, as shown under My Credentials in the cloud console</source>
        <translation>该区域的项目，可在云控制台“我的凭证”中查看</translation>
    </message>
    <message>
        <source>How the console signs its requests</source>
        <translation>控制台对请求进行签名的方式</translation>
    </message>
    <message>
        <source>The access key ID; it is kept with the profile</source>
        <translation>访问密钥ID；随配置保存</translation>
    </message>
    <message>
        <source>Kept in the system keychain only; leave empty to keep the stored one</source>
        <translation>只保存在系统密钥环中；留空则保留已保存的值</translation>
    </message>
    <message>
        <source>Comes with a temporary access key; kept in the system keychain only</source>
        <translation>随临时访问密钥一起获取；只保存在系统密钥环中</translation>
    </message>
    <message>
        <source>The account the IAM user belongs to</source>
        <translation>IAM 用户所属的账号</translation>
    </message>
    <message>
        <source>The IAM user who signs in</source>
        <translation>用于登录的 IAM 用户</translation>
    </message>
    <message>
        <source>How requests reach Huawei Cloud</source>
        <translation>请求访问华为云的方式</translation>
    </message>
    <message>
        <source>The proxy's host name or address</source>
        <translation>代理的主机名或地址</translation>
    </message>
    <message>
        <source>The proxy's port</source>
        <translation>代理的端口</translation>
    </message>
    <message>
        <source>Only when the proxy asks for a user name</source>
        <translation>仅当代理要求用户名时填写</translation>
    </message>
    <message>
        <source>Kept in the system keychain only</source>
        <translation>只保存在系统密钥环中</translation>
    </message>
    <message>
        <source>A PEM file of certificates to trust besides the system's, for a private endpoint</source>
        <translation>除系统证书外额外信任的 PEM 证书文件，用于私有终端节点</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>How long one request may take before it counts as failed</source>
        <translation>单个请求超过多长时间即视为失败</translation>
    </message>
    <message>
        <source>A red banner and badge remind everyone that this is a live account</source>
        <translation>用红色横幅和标记提醒这是生产账号</translation>
    </message>
    <message>
        <source>The console refuses to restore, back up or delete here</source>
        <translation>控制台将拒绝在此配置下恢复、备份或删除</translation>
    </message>
    <message>
        <source>Checks the fields and saves the profile</source>
        <translation>检查各字段并保存配置</translation>
    </message>
    <message>
        <source>Closes without saving</source>
        <translation>关闭，不保存</translation>
    </message>
    <message>
        <source>Other regions and projects</source>
        <translation>其他区域和项目</translation>
    </message>
    <message>
        <source>Each line is a region and a project of this account that the fleet also reads</source>
        <translation>每一行是该账号的一个区域和项目，实例总览也会读取</translation>
    </message>
    <message>
        <source>Adds a line for another region and project</source>
        <translation>为另一个区域和项目添加一行</translation>
    </message>
    <message>
        <source>Removes the selected line</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <source>Asks IAM which projects this account has and adds the missing ones</source>
        <translation>向 IAM 查询该账号的项目，并添加尚未列出的项目</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>The project's name as IAM lists it (Read Projects from IAM fills it in)</source>
        <translation>IAM 中列出的项目名称（“从 IAM 读取项目”会填入）</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>The DCS simulator on this computer, with made-up data</source>
        <translation>本机上的 DCS 模拟器，数据为虚构</translation>
    </message>
    <message>
        <source>production</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>%1 (this session only)</source>
        <translation>%1（仅本次会话）</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Delete the profile "%1" and the secrets stored for it? The cache instances themselves are not touched.</source>
        <translation>删除配置“%1”及其保存的凭证？缓存实例本身不受影响。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>RequestLogDock</name>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines 日志文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save Request Log</source>
        <translation>保存请求日志</translation>
    </message>
    <message>
        <source>The request log could not be saved to %1: %2</source>
        <translation>无法将请求日志保存到 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s)</source>
        <translation>
            <numerusform>%1 / %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>Request Log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <source>Filter by URL, profile, status, request ID or error code</source>
        <translation>按 URL、配置、状态、请求ID 或错误码筛选</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the requests shown as JSON Lines or CSV (secrets are never included)</source>
        <translation>将显示的请求保存为 JSON Lines 或 CSV（不含任何凭证）</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl 命令</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command; credentials are left as shell variables for you to fill in</source>
        <translation>将选中的请求复制为 curl 命令；凭证以 shell 变量占位，由您自行填写</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every request from the log</source>
        <translation>清空请求日志中的所有请求</translation>
    </message>
    <message>
        <source>Filter the request log</source>
        <translation>筛选请求日志</translation>
    </message>
    <message>
        <source>Shows only the requests whose URL, profile, status, request ID or error code contains the text</source>
        <translation>只显示 URL、配置、状态、请求ID 或错误码中包含该文本的请求</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Every request the console sent, oldest first, with its status and request ID</source>
        <translation>控制台发出的每个请求（最早的在前），含状态和请求ID</translation>
    </message>
    <message>
        <source>&amp;Request Log</source>
        <translation>请求日志(&amp;R)</translation>
    </message>
    <message>
        <source>Show every request the console sent, with its status and request ID</source>
        <translation>显示控制台发送的每个请求及其状态和请求ID</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求ID</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
</context>
<context>
    <name>RestoreAnnouncer</name>
    <message>
        <source>The restore of &lt;b&gt;%1&lt;/b&gt; whose answer was lost was found: %2. It is followed now.</source>
        <translation>已找到 &lt;b&gt;%1&lt;/b&gt; 响应丢失的那次恢复（恢复记录ID：%2），正在跟踪其进度。</translation>
    </message>
    <message>
        <source>No restore of %1 was started</source>
        <translation>未对 %1 发起恢复</translation>
    </message>
    <message>
        <source>The restore from backup %1 got no answer earlier, and the service has no record of it: it did not start. Nothing was sent again.</source>
        <translation>此前从备份 %1 发起的恢复请求没有收到响应，服务端也没有对应的恢复记录：恢复未启动。控制台没有再次发送请求。</translation>
    </message>
    <message>
        <source>Restore succeeded</source>
        <translation>恢复成功</translation>
    </message>
    <message>
        <source>%1 was restored from backup %2 (restore %3).</source>
        <translation>%1 已从备份 %2 恢复（恢复记录ID：%3）。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>The service gave no error code.</source>
        <translation>服务未返回错误码。</translation>
    </message>
    <message>
        <source>Error code %1: %2</source>
        <translation>错误码 %1：%2</translation>
    </message>
    <message>
        <source>The restore of %1 failed. %2</source>
        <translation>%1 恢复失败。%2</translation>
    </message>
    <message>
        <source>Restore %1 of %2 failed</source>
        <translation>%2 的恢复失败（恢复记录ID：%1）</translation>
    </message>
    <message>
        <source>Error code: %1
%2</source>
        <translation>错误码：%1
%2</translation>
    </message>
    <message>
        <source>Stopped following restore %1 of %2</source>
        <translation>已停止跟踪 %2 的恢复（恢复记录ID：%1）</translation>
    </message>
    <message>
        <source>It did not finish in the expected time. Refresh to see its current status.</source>
        <translation>恢复未在预期时间内完成。请刷新以查看其当前状态。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore Instance from Backup</source>
        <translation>使用备份恢复实例</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Backup to restore from</source>
        <translation>选择用于恢复的备份</translation>
    </message>
    <message>
        <source>Why this restore is done, for the restore records</source>
        <translation>说明本次恢复的原因，将显示在恢复记录中</translation>
    </message>
    <message>
        <source>Restore started. Restore ID:</source>
        <translation>恢复已开始。恢复记录ID：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Restore ID copied to the clipboard.</source>
        <translation>恢复记录ID已复制到剪贴板。</translation>
    </message>
    <message>
        <source>The backups could not be reloaded</source>
        <translation>无法重新加载备份记录</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Loading the backups…</source>
        <translation>正在加载备份记录…</translation>
    </message>
    <message>
        <source>This instance has no backups.</source>
        <translation>该实例没有备份。</translation>
    </message>
    <message numerus="yes">
        <source>%n of the backups can be restored from. The others are shown greyed out with the reason.</source>
        <translation>
            <numerusform>其中 %n 个备份可用于恢复，其余备份以灰色显示并注明原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a backup to restore from.</source>
        <translation>请选择用于恢复的备份。</translation>
    </message>
    <message>
        <source>The restore was not started</source>
        <translation>恢复未能开始</translation>
    </message>
    <message>
        <source>The outcome of the restore is unknown</source>
        <translation>恢复结果未知</translation>
    </message>
    <message>
        <source>The answer was lost, but the restore was found. Restore ID:</source>
        <translation>响应丢失，但已找到这次恢复。恢复记录ID：</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Instance ID:</source>
        <translation>实例ID：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Project ID:</source>
        <translation>项目ID：</translation>
    </message>
    <message>
        <source>What this restore does</source>
        <translation>恢复影响</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>恢复前检查</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>实例名称</translation>
    </message>
    <message>
        <source>Look Again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Read the restore records again to find this restore. Nothing is sent to restore.</source>
        <translation>重新读取恢复记录以查找本次恢复。不会再次发送恢复请求。</translation>
    </message>
    <message>
        <source>Choose a backup to see what the restore costs.</source>
        <translation>选择备份后显示恢复的影响。</translation>
    </message>
    <message>
        <source>Writes after %1 — %2 — will be lost.</source>
        <translation>%1 之后写入的数据（%2）将会丢失。</translation>
    </message>
    <message>
        <source>Backup size %1 — the instance now uses %2 of %3 memory.</source>
        <translation>备份大小 %1，实例当前已用内存 %2，最大内存 %3。</translation>
    </message>
    <message>
        <source>The backup is larger than the instance's maximum memory: the restore may fail.</source>
        <translation>备份大于实例的最大内存：恢复可能失败。</translation>
    </message>
    <message>
        <source>Format: %1 · Type: %2 · Engine: %3</source>
        <translation>格式：%1 · 类型：%2 · 引擎：%3</translation>
    </message>
    <message>
        <source>The instance will not serve reads or writes while it restores.</source>
        <translation>恢复期间实例不可读写。</translation>
    </message>
    <message>
        <source>No check stands in the way of this restore.</source>
        <translation>检查通过，可以恢复。</translation>
    </message>
    <message>
        <source>Nothing blocks this restore; read the warnings.</source>
        <translation>没有阻止恢复的问题，但请留意上述警告。</translation>
    </message>
    <message>
        <source>The checks above block this restore.</source>
        <translation>上述检查未通过，无法恢复。</translation>
    </message>
    <message>
        <source>Type the instance name exactly to confirm.</source>
        <translation>请准确输入实例名称以确认。</translation>
    </message>
    <message>
        <source>Wait for the answer to the restore request.</source>
        <translation>请等待恢复请求的响应。</translation>
    </message>
    <message>
        <source>Reading the instance's restore records…</source>
        <translation>正在读取实例的恢复记录…</translation>
    </message>
    <message>
        <source>Creating the safety backup…</source>
        <translation>正在创建恢复前备份…</translation>
    </message>
    <message>
        <source>Waiting for the safety backup %1 to succeed before restoring…</source>
        <translation>正在等待恢复前备份 %1 成功，之后再恢复…</translation>
    </message>
    <message>
        <source>Restoring: sending the restore request…</source>
        <translation>恢复中：正在发送恢复请求…</translation>
    </message>
    <message>
        <source>The answer to the restore request was lost. Looking for its record — nothing is sent again…</source>
        <translation>恢复请求的响应丢失，正在查找其恢复记录（不会再次发送）…</translation>
    </message>
    <message>
        <source>Restore accepted by the service.</source>
        <translation>服务已受理恢复请求。</translation>
    </message>
    <message>
        <source>Restore accepted by the service. Safety backup: %1</source>
        <translation>服务已受理恢复请求。恢复前备份：%1</translation>
    </message>
    <message>
        <source>The service refused the restore.</source>
        <translation>服务拒绝了恢复请求。</translation>
    </message>
    <message>
        <source>The outcome of the restore is unknown.</source>
        <translation>恢复结果未知。</translation>
    </message>
    <message>
        <source>The safety backup did not succeed: nothing was restored.</source>
        <translation>恢复前备份未成功：未执行恢复。</translation>
    </message>
    <message>
        <source>The restore could not be started.</source>
        <translation>无法发起恢复。</translation>
    </message>
    <message>
        <source>The restore request got no answer and no new restore record of backup %1 was found. Nothing is sent again: press Look Again to read the restore records once more, and check them before trying again.</source>
        <translation>恢复请求没有收到响应，也没有找到备份 %1 的新恢复记录。控制台不会再次发送：请点击“重新查找”再读取一次恢复记录，并在重试前确认恢复记录。</translation>
    </message>
    <message>
        <source>The safety backup failed — nothing was restored</source>
        <translation>恢复前备份失败 — 未执行恢复</translation>
    </message>
    <message>
        <source>Safety backup %1 did not succeed (%2), so the restore was not sent. The instance's data is unchanged.</source>
        <translation>恢复前备份 %1 未成功（%2），因此没有发送恢复请求。实例数据未改变。</translation>
    </message>
    <message>
        <source>it did not end in time</source>
        <translation>未在规定时间内结束</translation>
    </message>
    <message>
        <source>Error code %1: %2</source>
        <translation>错误码 %1：%2</translation>
    </message>
    <message>
        <source>The restore could not be started</source>
        <translation>无法发起恢复</translation>
    </message>
    <message>
        <source>A manual backup named after this restore is created first; the restore is sent only when it has succeeded. If it fails, nothing is restored.</source>
        <translation>先创建一个以本次恢复命名的手动备份，备份成功后才发送恢复请求；备份失败则不执行恢复。</translation>
    </message>
    <message>
        <source>This instance type cannot be backed up.</source>
        <translation>该实例类型不支持备份。</translation>
    </message>
    <message>
        <source>Restore %1 from a Backup</source>
        <translation>从备份恢复 %1</translation>
    </message>
    <message>
        <source>Restore %1 failed</source>
        <translation>恢复失败（恢复记录ID：%1）</translation>
    </message>
    <message>
        <source>The service gave no error code.</source>
        <translation>服务未返回错误码。</translation>
    </message>
    <message>
        <source>Error code: %1
%2</source>
        <translation>错误码：%1
%2</translation>
    </message>
    <message>
        <source>The restore succeeded.</source>
        <translation>恢复成功。</translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation>恢复失败。</translation>
    </message>
    <message>
        <source>Restore succeeded. Restore ID:</source>
        <translation>恢复成功。恢复记录ID：</translation>
    </message>
    <message>
        <source>It is listed under Restore records too.</source>
        <translation>也可在“恢复记录”中查看。</translation>
    </message>
    <message>
        <source>Restore failed. Restore ID:</source>
        <translation>恢复失败。恢复记录ID：</translation>
    </message>
    <message>
        <source>Following its progress…</source>
        <translation>正在跟踪恢复进度…</translation>
    </message>
    <message>
        <source>%1: %2 done.</source>
        <translation>%1：已完成 %2。</translation>
    </message>
    <message>
        <source>It did not end in the expected time and is no longer followed; its record shows how it ends.</source>
        <translation>恢复未在预期时间内结束，已停止跟踪；请查看其恢复记录了解最终结果。</translation>
    </message>
    <message>
        <source>Closing this dialog does not stop following it.</source>
        <translation>关闭此对话框不会停止跟踪这次恢复。</translation>
    </message>
    <message>
        <source>The restore succeeded. Safety backup: %1</source>
        <translation>恢复成功。恢复前备份：%1</translation>
    </message>
    <message>
        <source>Checking the instance once more before sending…</source>
        <translation>发送前再次检查实例……</translation>
    </message>
    <message>
        <source>Checked once more before sending: the restore was not sent.</source>
        <translation>发送前再次检查：恢复请求未发送。</translation>
    </message>
    <message>
        <source>Recording the instance's fingerprint before the restore…</source>
        <translation>正在恢复前记录实例的数据指纹…</translation>
    </message>
    <message>
        <source>&amp;Verify the restore: fingerprint the instance's data just before and after it, and show what changed</source>
        <translation>校验恢复(&amp;V)：在恢复前后分别记录实例的数据指纹，并显示发生的变化</translation>
    </message>
    <message>
        <source>Instance &amp;password:</source>
        <translation>实例密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Try It</source>
        <translation>试用(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keys to look for:</source>
        <translation>要检查的键(&amp;K)：</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>恢复校验</translation>
    </message>
    <message>
        <source>Memcached instances cannot be verified: the verification reads Redis data.</source>
        <translation>Memcached 实例无法校验：校验读取的是 Redis 数据。</translation>
    </message>
    <message>
        <source>This instance's record is not trusted, so it is not verified.</source>
        <translation>该实例的记录不可信，因此不做校验。</translation>
    </message>
    <message>
        <source>The service gives no address for this instance, so the console cannot verify the restore.</source>
        <translation>服务未提供该实例的地址，控制台无法校验恢复。</translation>
    </message>
    <message>
        <source>Checking whether the console reaches the instance at %1…</source>
        <translation>正在检查控制台能否连接位于 %1 的实例…</translation>
    </message>
    <message>
        <source>The console reaches the instance at %1.</source>
        <translation>控制台可以连接位于 %1 的实例。</translation>
    </message>
    <message>
        <source>The console reaches the instance at %1 with the password kept for it.</source>
        <translation>控制台使用为其保存的密码，可以连接位于 %1 的实例。</translation>
    </message>
    <message>
        <source>The instance at %1 needs its password to be verified.</source>
        <translation>位于 %1 的实例需要密码才能校验。</translation>
    </message>
    <message>
        <source>Connects to the instance with this password. When the instance accepts it, it is kept in the keychain for this profile.</source>
        <translation>使用此密码连接实例。实例接受后，密码将保存在此配置的密钥环中。</translation>
    </message>
    <message>
        <source>The instance's data is fingerprinted just before the restore is sent.</source>
        <translation>将在发送恢复请求之前记录实例的数据指纹。</translation>
    </message>
    <message>
        <source>Fingerprinting the instance's data before the restore…</source>
        <translation>正在恢复前记录实例的数据指纹…</translation>
    </message>
    <message numerus="yes">
        <source>Before the restore: %1 keys, %n of them sampled. Once the restore has ended, the data is fingerprinted again and compared.</source>
        <translation>
            <numerusform>恢复前：共 %1 个键，抽样 %n 个。恢复结束后将再次记录数据指纹并进行比较。</numerusform>
        </translation>
    </message>
    <message>
        <source>No fingerprint could be taken before the restore: %1</source>
        <translation>恢复前无法记录数据指纹：%1</translation>
    </message>
    <message>
        <source>The restore has ended: fingerprinting the instance's data again…</source>
        <translation>恢复已结束：正在再次记录实例的数据指纹…</translation>
    </message>
    <message>
        <source>This verification is in the audit trail too.</source>
        <translation>此校验结果也已写入审计日志。</translation>
    </message>
    <message>
        <source>Not verified: no restore was made.</source>
        <translation>未校验：没有进行恢复。</translation>
    </message>
    <message>
        <source>The instance at %1 answered: %2</source>
        <translation>位于 %1 的实例回答：%2</translation>
    </message>
    <message>
        <source>The restore cannot be verified from here: %1</source>
        <translation>无法从此处校验恢复：%1</translation>
    </message>
    <message>
        <source>The restore cannot be verified from here: the instance at %1 answered: %2</source>
        <translation>无法从此处校验恢复：位于 %1 的实例回答：%2</translation>
    </message>
    <message>
        <source>&amp;Backup to restore from</source>
        <translation>用于恢复的备份(&amp;B)</translation>
    </message>
    <message>
        <source>Re&amp;mark (optional)</source>
        <translation>备注（可选）(&amp;M)</translation>
    </message>
    <message>
        <source>Back up &amp;first: create a manual backup and wait until it succeeds, so this restore can be undone</source>
        <translation>先备份(&amp;F)：先创建一个手动备份并等待其成功，以便撤销本次恢复</translation>
    </message>
    <message>
        <source>Type the instance &amp;name to confirm:</source>
        <translation>输入实例名称以确认(&amp;N)：</translation>
    </message>
    <message>
        <source>The backup changed: type the instance name again to confirm this one.</source>
        <translation>所选备份已更改：请重新输入实例名称以确认此备份。</translation>
    </message>
    <message>
        <source>Choose a backup above; typing the name confirms that backup.</source>
        <translation>请先在上方选择备份；输入的实例名称仅确认该备份。</translation>
    </message>
    <message>
        <source>Restore &lt;b&gt;%1&lt;/b&gt; from the backup &lt;b&gt;%2&lt;/b&gt;, taken %3 (%4 ago).</source>
        <translation>使用备份 &lt;b&gt;%2&lt;/b&gt;（创建于 %3，%4前）恢复 &lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Restore ID: %1</source>
        <translation>恢复记录ID：%1</translation>
    </message>
    <message>
        <source>The backups of this instance. The arrows choose one; those that cannot be restored say why and cannot be chosen.</source>
        <translation>此实例的备份。用方向键选择；无法用于恢复的备份会注明原因且不可选。</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Optional, up to %1 bytes of UTF-8 (a Chinese character takes three); kept with the restore record.</source>
        <translation>可选，最多 %1 字节 UTF-8（一个汉字占 3 字节）；随恢复记录保存。</translation>
    </message>
    <message>
        <source>Type the instance name exactly; it confirms the chosen backup.</source>
        <translation>请准确输入实例名称，以确认所选备份。</translation>
    </message>
    <message>
        <source>Counts and samples the instance's keys before and after the restore; the difference is shown here and kept in the audit trail.</source>
        <translation>在恢复前后统计并抽样实例的键；差异显示在此处并记入恢复审计日志。</translation>
    </message>
    <message>
        <source>The cache instance's own password, for the verification only; kept in the keychain once the instance accepts it.</source>
        <translation>缓存实例自身的密码，仅用于校验；实例接受后保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Tries the password on the instance</source>
        <translation>用此密码尝试连接实例</translation>
    </message>
    <message>
        <source>Restore ID</source>
        <translation>恢复记录ID</translation>
    </message>
    <message>
        <source>The ID of the restore, to copy</source>
        <translation>恢复记录ID，可复制</translation>
    </message>
    <message>
        <source>Copy the restore ID to the clipboard</source>
        <translation>将恢复记录ID 复制到剪贴板</translation>
    </message>
    <message>
        <source>Closes the dialog without restoring</source>
        <translation>关闭对话框，不进行恢复</translation>
    </message>
    <message>
        <source>Closes the dialog; the restore goes on being followed</source>
        <translation>关闭对话框；恢复进度仍会继续跟踪</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Restores the instance from the chosen backup once its name is typed</source>
        <translation>输入实例名称后，使用所选备份恢复该实例</translation>
    </message>
    <message>
        <source>This instance is simulated: no Redis server holds its data, so the restore cannot be verified. With redis-server installed, the Demo runs a real server for each of its Redis instances, and their restores can be verified.</source>
        <translation>此实例为模拟实例：没有 Redis 服务器保存它的数据，因此无法校验恢复。安装 redis-server 后，演示配置会为它的每个 Redis 实例运行一个真实的服务器，这些实例的恢复即可校验。</translation>
    </message>
    <message>
        <source>Optional: key names, separated by spaces; "a name with spaces" in quotes</source>
        <translation>可选：键名，以空格分隔；含空格的键名请加双引号，如 "订单 2024"</translation>
    </message>
    <message>
        <source>Each key named here is looked up in every database before and after the restore: the verification says whether it is gone, there again, changed or unchanged. Put a name that holds spaces in double quotes; inside them, \" is a quote and \\ a backslash.</source>
        <translation>此处列出的每个键都会在恢复前后于各个数据库中查找：校验结果会说明它已消失、已重新出现、已变还是未变。含空格的键名请放在双引号中；引号内用 \" 表示引号，用 \\ 表示反斜杠。</translation>
    </message>
    <message>
        <source>A key name under "Keys to look for" opens a quote that is not closed.</source>
        <translation>“要检查的键”中有一个键名的引号没有闭合。</translation>
    </message>
</context>
<context>
    <name>RestoreNotifier</name>
    <message>
        <source>DCS Console</source>
        <translation>DCS 控制台</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RestoreProgressBar</name>
    <message>
        <source>Restoring %1: %p%</source>
        <translation>正在恢复 %1：%p%</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %1: %p% (+%n more)</source>
        <translation>
            <numerusform>正在恢复 %1：%p%（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>RestoreTableModel</name>
    <message>
        <source>Restore ID: %1</source>
        <translation>恢复记录ID：%1</translation>
    </message>
    <message>
        <source>Backup ID: %1</source>
        <translation>备份ID：%1</translation>
    </message>
    <message>
        <source>Restore name</source>
        <translation>恢复名称</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ScopeSwitcher</name>
    <message>
        <source>Re&amp;gion:</source>
        <translation>区域(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>SessionBanners</name>
    <message>
        <source>Check this profile: %1</source>
        <translation>请检查此配置：%1</translation>
    </message>
    <message>
        <source>Production account — %1.</source>
        <translation>生产环境账号 — %1。</translation>
    </message>
    <message>
        <source>Restoring overwrites the data of live caches; check the instance and the backup before you restore.</source>
        <translation>恢复会覆盖线上缓存的数据，恢复前请核对实例和备份。</translation>
    </message>
    <message>
        <source>Demo profile — local simulator.</source>
        <translation>演示配置 — 本地模拟器。</translation>
    </message>
    <message>
        <source>No profile is configured, so the console uses a DCS simulator on this computer instead of Huawei Cloud.</source>
        <translation>尚未配置任何账号，控制台将使用本机上的 DCS 模拟器，而不是华为云。</translation>
    </message>
    <message>
        <source>This console is talking to the DCS simulator it started on %1, not to Huawei Cloud. Instances, backups and restores here are simulated.</source>
        <translation>本控制台连接的是它在 %1 启动的 DCS 模拟器，而不是华为云。这里的实例、备份和恢复均为模拟数据。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refresh &amp;every:</source>
        <translation>刷新间隔(&amp;E)：</translation>
    </message>
    <message>
        <source>Following restores</source>
        <translation>跟踪恢复</translation>
    </message>
    <message>
        <source>&amp;First look after:</source>
        <translation>首次查询延迟(&amp;F)：</translation>
    </message>
    <message>
        <source>Then at most &amp;every:</source>
        <translation>之后最长间隔(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation>超时放弃(&amp;G)：</translation>
    </message>
    <message>
        <source>Restore checks</source>
        <translation>恢复检查</translation>
    </message>
    <message>
        <source>&amp;Warn when the backup is older than:</source>
        <translation>备份早于以下时长时警告(&amp;W)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How often instance, backup and restore statuses are read again. 0 turns it off.</source>
        <translation>实例、备份和恢复状态的自动刷新间隔。0 表示关闭。</translation>
    </message>
    <message>
        <source>A running restore is read first after the delay above, then less and less often up to this interval.</source>
        <translation>进行中的恢复先按上面的延迟查询一次，之后逐渐放慢，最长为此间隔。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Restoring from an older backup is allowed, with a warning in the restore dialog.</source>
        <translation>仍可从较旧的备份恢复，但恢复对话框中会显示警告。</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>实例总览</translation>
    </message>
    <message>
        <source>At risk when the last successful backup is &amp;older than:</source>
        <translation>上次成功备份早于此时长即为有风险(&amp;O)：</translation>
    </message>
    <message>
        <source>At risk when the newest restorable backup e&amp;xpires within:</source>
        <translation>最新可恢复备份在此时长内过期即为有风险(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Read an instance's backups again after:</source>
        <translation>经过此时长后重新读取实例的备份(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Calls at once to one endpoint:</source>
        <translation>对同一终端节点的并发调用数(&amp;C)：</translation>
    </message>
    <message>
        <source>The fleet marks an instance at risk when no backup of it has succeeded for this long. Daily backups and two hours to spare: 26.</source>
        <translation>实例在这么长时间内没有成功备份时，实例总览将其标记为有风险。每日备份再留两小时余量：26。</translation>
    </message>
    <message>
        <source>Automatic backups are deleted after the policy's retention; the fleet warns this long before the newest one that can be restored from goes.</source>
        <translation>自动备份在策略的保留期后删除；实例总览会在最新的可恢复备份被删除前这么长时间发出提醒。</translation>
    </message>
    <message>
        <source>What the fleet knows of an instance's backups is read again once it is older than this; Fleet → Read All Backups Again reads everything at once.</source>
        <translation>实例总览所知的实例备份情况旧于此时长后会重新读取；“实例总览 → 重新读取全部备份”会立即读取全部。</translation>
    </message>
    <message>
        <source>How many calls the fleet makes at once to one service endpoint. The service throttles busy accounts; a few at a time is polite and barely slower.</source>
        <translation>实例总览同时向同一服务终端节点发出的调用数。服务会限制繁忙账号的请求；一次只发几个既礼貌又几乎不慢。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>How long after a restore starts its record is read for the first time.</source>
        <translation>恢复开始后多久第一次读取其恢复记录。</translation>
    </message>
    <message>
        <source>A restore that has not ended by then is no longer followed; its record still shows how it ends.</source>
        <translation>到时仍未结束的恢复将不再跟踪；其恢复记录仍会显示最终结果。</translation>
    </message>
    <message>
        <source>Applies and keeps these settings</source>
        <translation>应用并保存这些设置</translation>
    </message>
    <message>
        <source>Closes without changing anything</source>
        <translation>关闭，不做任何更改</translation>
    </message>
    <message>
        <source>Puts the default values in the fields</source>
        <translation>将各字段恢复为默认值</translation>
    </message>
    <message>
        <source>Light or dark; following the system takes the look of the desktop. Applied at once when you press OK.</source>
        <translation>浅色或深色；跟随系统时使用桌面的外观。按“确定”后立即生效。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Starting the local DCS simulator…</source>
        <translation>正在启动本地 DCS 模拟器…</translation>
    </message>
    <message>
        <source>The local DCS simulator could not be started, so there is nothing to show.
%1</source>
        <translation>无法启动本地 DCS 模拟器，因此没有可显示的内容。
%1</translation>
    </message>
    <message>
        <source>Opening the profile "%1"…</source>
        <translation>正在打开配置“%1”…</translation>
    </message>
    <message>
        <source>The profile "%1" could not be opened, so there is nothing to show.
%2</source>
        <translation>无法打开配置“%1”，因此没有可显示的内容。
%2</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>dcs::ActionRules</name>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>This is a read-only profile.</source>
        <translation>当前为只读配置。</translation>
    </message>
    <message>
        <source>Reload the instances and the selected instance's backups and restore records (F5)</source>
        <translation>重新加载实例列表，以及所选实例的备份记录和恢复记录（F5）</translation>
    </message>
    <message>
        <source>The instances are being read.</source>
        <translation>正在读取实例列表。</translation>
    </message>
    <message>
        <source>Copy the selected instance's ID to the clipboard</source>
        <translation>将所选实例的ID复制到剪贴板</translation>
    </message>
    <message>
        <source>Select an instance first.</source>
        <translation>请先选择实例。</translation>
    </message>
    <message>
        <source>Select an instance to restore it.</source>
        <translation>请先选择要恢复的实例。</translation>
    </message>
    <message>
        <source>Restore is not available: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <source>Restore the selected instance from one of its backups</source>
        <translation>使用所选实例的某个备份恢复该实例</translation>
    </message>
    <message>
        <source>Restore the selected instance from this backup</source>
        <translation>从此备份恢复所选实例</translation>
    </message>
    <message>
        <source>Single-node instances cannot be backed up (DCS.4086).</source>
        <translation>单机实例不支持备份（DCS.4086）。</translation>
    </message>
    <message>
        <source>Cannot create a backup: %1</source>
        <translation>无法创建备份：%1</translation>
    </message>
    <message>
        <source>Create a manual backup of the selected instance</source>
        <translation>为所选实例创建手动备份</translation>
    </message>
    <message>
        <source>Select a manual backup in the Backups tab.</source>
        <translation>请在“备份记录”页签中选择一个手动备份。</translation>
    </message>
    <message>
        <source>Cannot delete: %1</source>
        <translation>无法删除：%1</translation>
    </message>
    <message>
        <source>Delete the selected manual backup</source>
        <translation>删除所选的手动备份</translation>
    </message>
    <message>
        <source>Automatic backups are managed by the backup policy and cannot be deleted here.</source>
        <translation>自动备份由备份策略管理，不能在此删除。</translation>
    </message>
    <message>
        <source>The backup is still running; wait until it has ended.</source>
        <translation>备份仍在进行中，请等待其结束。</translation>
    </message>
    <message>
        <source>This backup has already been deleted.</source>
        <translation>该备份已被删除。</translation>
    </message>
    <message>
        <source>Download links need DCS API v2; this profile speaks v1.0.</source>
        <translation>下载链接需要 DCS API v2；此配置使用 v1.0。</translation>
    </message>
    <message>
        <source>Only a backup that succeeded has a file to download.</source>
        <translation>只有成功的备份才有可下载的文件。</translation>
    </message>
    <message>
        <source>Cannot download: %1</source>
        <translation>无法下载：%1</translation>
    </message>
    <message>
        <source>Download the file(s) of the selected backup</source>
        <translation>下载所选备份的文件</translation>
    </message>
    <message>
        <source>Select a backup in the Backups tab.</source>
        <translation>请在“备份记录”页签中选择一个备份。</translation>
    </message>
    <message>
        <source>Changing the backup policy needs DCS API v2; this profile speaks v1.0.</source>
        <translation>修改备份策略需要 DCS API v2；此配置使用 v1.0。</translation>
    </message>
    <message>
        <source>Single-node instances have no backup policy.</source>
        <translation>单机实例没有备份策略。</translation>
    </message>
    <message>
        <source>The instance details are still loading.</source>
        <translation>实例详情仍在加载。</translation>
    </message>
    <message>
        <source>Cannot change the backup policy: %1</source>
        <translation>无法修改备份策略：%1</translation>
    </message>
    <message>
        <source>Change when the selected instance is backed up and how long its automatic backups are kept</source>
        <translation>修改所选实例的备份时间以及自动备份的保留时长</translation>
    </message>
</context>
<context>
    <name>dcs::ApiError</name>
    <message>
        <source>Single-node instances do not support backup and restore. Use a master/standby or cluster instance for this.</source>
        <translation>单机实例不支持备份与恢复。如需此功能，请使用主备或集群实例。</translation>
    </message>
    <message>
        <source>This instance does not support backup and restore. Check its type and engine version in the instance details.</source>
        <translation>该实例不支持备份与恢复。请在实例详情中查看其实例类型和引擎版本。</translation>
    </message>
    <message>
        <source>The backup cannot be restored: it has not succeeded or is marked as not restorable. Choose another backup.</source>
        <translation>该备份无法用于恢复：备份未成功或被标记为不可恢复。请选择其他备份。</translation>
    </message>
    <message>
        <source>A backup of this instance is running. Wait until it has finished, then try again.</source>
        <translation>该实例正在备份。请等待备份完成后重试。</translation>
    </message>
    <message>
        <source>A restore of this instance is already running. Follow it in the restore records instead of starting another.</source>
        <translation>该实例已有恢复正在进行。请在恢复记录中查看其进度，不要重复发起恢复。</translation>
    </message>
    <message>
        <source>The instance is not running. Wait until its status is Running, then try again.</source>
        <translation>实例不在运行中。请等待实例状态变为“运行中”后重试。</translation>
    </message>
    <message>
        <source>Another job of this instance is running. Wait until it has finished, then try again.</source>
        <translation>该实例有其他任务正在执行。请等待其完成后重试。</translation>
    </message>
    <message>
        <source>The remark is longer than 128 characters. Shorten it and try again.</source>
        <translation>备注超过 128 个字符。请缩短后重试。</translation>
    </message>
    <message>
        <source>The instance ID is not valid. Refresh the instance list and select the instance again.</source>
        <translation>实例ID无效。请刷新实例列表并重新选择实例。</translation>
    </message>
    <message>
        <source>A parameter of the request is invalid, for example the backup ID. Refresh the backup list and choose the backup again.</source>
        <translation>请求参数无效（例如备份ID）。请刷新备份记录并重新选择备份。</translation>
    </message>
    <message>
        <source>The request body was empty. This is a fault in the console; please report it.</source>
        <translation>请求体为空。这是控制台的缺陷，请报告此问题。</translation>
    </message>
    <message>
        <source>The request body was not valid JSON. This is a fault in the console; please report it.</source>
        <translation>请求体不是有效的 JSON。这是控制台的缺陷，请报告此问题。</translation>
    </message>
    <message>
        <source>The token is invalid. Sign in again or check the profile's credentials.</source>
        <translation>Token 无效。请重新登录或检查配置中的认证信息。</translation>
    </message>
    <message>
        <source>The token has expired. Sign in again to get a new one.</source>
        <translation>Token 已过期。请重新登录以获取新的 Token。</translation>
    </message>
    <message>
        <source>No token was sent. Check the profile's authentication settings.</source>
        <translation>请求未携带 Token。请检查配置的认证设置。</translation>
    </message>
    <message>
        <source>The project does not match the token. Check the project ID and region of the profile.</source>
        <translation>项目与 Token 不匹配。请检查配置中的项目ID和区域。</translation>
    </message>
    <message>
        <source>Your role lacks the permission for this operation. Ask an administrator to grant the DCS permissions you need.</source>
        <translation>您的角色没有执行此操作的权限。请联系管理员授予所需的 DCS 权限。</translation>
    </message>
    <message>
        <source>The instance does not exist. It may have been deleted; refresh the instance list.</source>
        <translation>实例不存在，可能已被删除。请刷新实例列表。</translation>
    </message>
    <message>
        <source>The URL does not exist. Check the endpoint and region of the profile.</source>
        <translation>URL 不存在。请检查配置中的终端节点和区域。</translation>
    </message>
    <message>
        <source>The method is not allowed for this URL. Check the endpoint of the profile; please report it if it is right.</source>
        <translation>该 URL 不允许此请求方法。请检查配置中的终端节点；如终端节点正确，请报告此问题。</translation>
    </message>
    <message>
        <source>The service had an internal error. Wait a moment and try again; quote the request ID to support if it persists.</source>
        <translation>服务内部错误。请稍后重试；如问题持续存在，请向技术支持提供请求ID。</translation>
    </message>
    <message>
        <source>Authentication failed: the AK/SK signature or the token is wrong. Check the access key, secret key and project ID.</source>
        <translation>认证失败：AK/SK 签名或 Token 错误。请检查访问密钥ID（AK）、秘密访问密钥（SK）和项目ID。</translation>
    </message>
    <message>
        <source>The request time differs from the server time by more than 15 minutes. Correct this computer's clock.</source>
        <translation>请求时间与服务器时间相差超过 15 分钟。请校正本机时钟。</translation>
    </message>
    <message>
        <source>Too many requests: the call was throttled. Wait a moment and try again.</source>
        <translation>请求过于频繁，已被限流。请稍后重试。</translation>
    </message>
    <message>
        <source>The backup or restore tool failed to start. Try again later; contact support if it keeps failing.</source>
        <translation>备份或恢复工具启动失败。请稍后重试；如仍然失败，请联系技术支持。</translation>
    </message>
    <message>
        <source>The backup or restore timed out. Try again at a quieter time.</source>
        <translation>备份或恢复超时。请在业务低峰期重试。</translation>
    </message>
    <message>
        <source>Deleting the storage bucket failed. Contact support.</source>
        <translation>删除存储桶失败。请联系技术支持。</translation>
    </message>
    <message>
        <source>Getting the AK/SK for the backup storage failed. Check the account's permissions and try again.</source>
        <translation>获取备份存储的 AK/SK 失败。请检查账号权限后重试。</translation>
    </message>
    <message>
        <source>Creating the storage bucket failed. Check the storage quota and try again.</source>
        <translation>创建存储桶失败。请检查存储配额后重试。</translation>
    </message>
    <message>
        <source>Getting the backup size failed. Try again; if it fails again, use another backup.</source>
        <translation>获取备份大小失败。请重试；如仍然失败，请使用其他备份。</translation>
    </message>
    <message>
        <source>Data synchronisation failed during the restore. Check the instance's data and restore again if needed.</source>
        <translation>恢复过程中数据同步失败。请检查实例数据，必要时重新恢复。</translation>
    </message>
    <message>
        <source>The automatic backup was skipped because another job of the instance was running. No action is needed.</source>
        <translation>由于该实例有其他任务正在执行，本次自动备份已跳过。无需处理。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>The service did not accept the credentials. Check the profile's access key, secret key or password, and its project ID.</source>
        <translation>服务未接受认证信息。请检查配置中的访问密钥ID、秘密访问密钥或密码，以及项目ID。</translation>
    </message>
    <message>
        <source>The account is not allowed to do this. Ask an administrator for the DCS permissions you need.</source>
        <translation>该账号无权执行此操作。请联系管理员授予所需的 DCS 权限。</translation>
    </message>
    <message>
        <source>The resource was not found. Refresh the list; it may have been deleted.</source>
        <translation>资源不存在，可能已被删除。请刷新列表。</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>请求过于频繁。请稍后重试。</translation>
    </message>
    <message>
        <source>The service had a problem answering. Wait a moment and try again; quote the request ID to support if it persists.</source>
        <translation>服务响应异常。请稍后重试；如问题持续存在，请向技术支持提供请求ID。</translation>
    </message>
    <message>
        <source>The service refused the request. The message above says why.</source>
        <translation>服务拒绝了该请求，原因见上方错误信息。</translation>
    </message>
    <message>
        <source>The service could not be reached. Check the network connection, the proxy and the endpoint of the profile.</source>
        <translation>无法连接到服务。请检查网络连接、代理设置以及配置中的终端节点。</translation>
    </message>
    <message>
        <source>The service did not answer in time. Check the network and try again; for a restore, check the restore records before trying again.</source>
        <translation>服务未在规定时间内响应。请检查网络后重试；如为恢复操作，请先查看恢复记录再决定是否重试。</translation>
    </message>
    <message>
        <source>The service answered with something the console does not understand. Check the endpoint of the profile; quote the request ID to support if it is right.</source>
        <translation>服务返回了控制台无法识别的内容。请检查配置中的终端节点；如终端节点正确，请向技术支持提供请求ID。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source>Answer lost</source>
        <translation>响应丢失</translation>
    </message>
    <message>
        <source>Invalid response</source>
        <translation>无效响应</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>(request ID %1)</source>
        <translation>（请求ID %1）</translation>
    </message>
    <message>
        <source>The API gateway does not know this API here. Check the endpoint, and the profile's API version (v1.0 or v2).</source>
        <translation>API 网关在此处不认识该 API。请检查终端节点以及配置的 API 版本（v1.0 或 v2）。</translation>
    </message>
    <message>
        <source>This needs DCS API v2. The profile speaks v1.0 (or the service answers only v1.0): set its API version to v2 or Automatic if the region offers v2.</source>
        <translation>此操作需要 DCS API v2。该配置使用 v1.0（或服务只以 v1.0 应答）：如果该区域提供 v2，请将其 API 版本设为 v2 或自动。</translation>
    </message>
    <message>
        <source>Needs API v2</source>
        <translation>需要 API v2</translation>
    </message>
    <message>
        <source>The API gateway does not know this URL. Check the DCS endpoint and region of the profile.</source>
        <translation>API 网关不认识此 URL。请检查配置的 DCS 终端节点和区域。</translation>
    </message>
    <message>
        <source>The API gateway did not let the request through. Check the profile's access key, secret key or password, its project ID and region.</source>
        <translation>API 网关未放行该请求。请检查配置的访问密钥（AK）、秘密访问密钥（SK）或密码，以及项目 ID 和区域。</translation>
    </message>
    <message>
        <source>The API gateway in front of DCS refused the request; the message above says why. Check the endpoint, region and credentials of the profile.</source>
        <translation>DCS 前面的 API 网关拒绝了该请求，原因见上方消息。请检查配置的终端节点、区域和凭据。</translation>
    </message>
    <message>
        <source>The answer was lost: the request may have been carried out. It was not sent again; look at the current state before trying again.</source>
        <translation>应答丢失：该请求可能已被执行。控制台没有再次发送；请先查看当前状态，再决定是否重试。</translation>
    </message>
    <message>
        <source>The answer did not arrive whole or could not be read. Try again; if it keeps happening, check that the endpoint is the DCS API and whether a proxy between the console and the service alters answers.</source>
        <translation>应答未完整到达或无法读取。请重试；如果反复出现，请确认终端节点是 DCS API，并检查控制台与服务之间的代理是否篡改了应答。</translation>
    </message>
    <message>
        <source>The console did not send this request because an ID in it is missing or not valid. Refresh the list and choose again.</source>
        <translation>请求中的某个 ID 缺失或无效，控制台未发送该请求。请刷新列表后重新选择。</translation>
    </message>
    <message>
        <source>Transfer error</source>
        <translation>传输错误</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Nothing was sent. This is a fault of the console's installation, not of the network or of the profile.</source>
        <translation>未发送任何请求。这是控制台安装不完整造成的，与网络和配置无关。</translation>
    </message>
</context>
<context>
    <name>dcs::ApiVersion</name>
    <message>
        <source>Automatic (v2, else v1.0)</source>
        <translation>自动（v2，否则 v1.0）</translation>
    </message>
    <message>
        <source>v2 only</source>
        <translation>仅 v2</translation>
    </message>
    <message>
        <source>v1.0 only</source>
        <translation>仅 v1.0</translation>
    </message>
</context>
<context>
    <name>dcs::AuditLog</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the audit file %1: %2</source>
        <translation>无法打开审计文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write to the audit file %1: %2</source>
        <translation>无法写入审计文件 %1：%2</translation>
    </message>
    <message>
        <source>Line %1 is not valid JSON (%2); it was skipped.</source>
        <translation>第 %1 行不是有效的 JSON（%2），已跳过。</translation>
    </message>
    <message>
        <source>Line %1 is not a JSON object; it was skipped.</source>
        <translation>第 %1 行不是 JSON 对象，已跳过。</translation>
    </message>
    <message>
        <source>Line %1 has no valid time; it was skipped.</source>
        <translation>第 %1 行没有有效的时间，已跳过。</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Operating-system user</source>
        <translation>操作系统用户</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例ID</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>实例名称</translation>
    </message>
    <message>
        <source>Backup ID</source>
        <translation>备份ID</translation>
    </message>
    <message>
        <source>Backup name</source>
        <translation>备份名称</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Restore ID</source>
        <translation>恢复记录ID</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求ID</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Final status</source>
        <translation>最终状态</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Safety backup ID</source>
        <translation>恢复前备份ID</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>恢复校验</translation>
    </message>
    <message>
        <source>Line %1 is longer than %2 bytes; it was skipped.</source>
        <translation>第 %1 行超过 %2 字节，已跳过。</translation>
    </message>
    <message>
        <source>Cannot read the audit file %1: %2</source>
        <translation>无法读取审计文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>dcs::BackupCommand</name>
    <message>
        <source>The connection to the service was closed before the backups could be read.</source>
        <translation>在读取备份列表之前，与服务的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>dcs::BackupDownload</name>
    <message>
        <source>The connection to the service is gone.</source>
        <translation>与服务的连接已断开。</translation>
    </message>
    <message>
        <source>The service gave no download link: %1</source>
        <translation>服务未给出下载链接：%1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was kept.</source>
        <translation>已取消。未保留任何文件。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The service named two files alike (%1).</source>
        <translation>服务给出的两个文件同名（%1）。</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another folder, or allow replacing it.</source>
        <translation>%1 已存在。请选择其他文件夹，或允许替换它。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be downloaded (HTTP %2: %3). If the link has expired, start the download again.</source>
        <translation>%1 无法下载（HTTP %2：%3）。如果链接已过期，请重新开始下载。</translation>
    </message>
    <message>
        <source>%1 arrived incomplete: %2 of %3 bytes (%4).</source>
        <translation>%1 下载不完整：收到 %2 字节，应为 %3 字节（%4）。</translation>
    </message>
    <message>
        <source>the connection closed early</source>
        <translation>连接提前关闭</translation>
    </message>
    <message>
        <source>The files add up to %1 bytes, but the backup is announced as %2 bytes. Nothing was kept.</source>
        <translation>文件合计 %1 字节，但备份的大小为 %2 字节。未保留任何文件。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to its final name.</source>
        <translation>无法将 %1 重命名为最终文件名。</translation>
    </message>
</context>
<context>
    <name>dcs::BackupHealth</name>
    <message>
        <source>Single-node instances cannot be backed up, so there is nothing to restore from.</source>
        <translation>单机实例无法备份，因此没有可用于恢复的备份。</translation>
    </message>
    <message>
        <source>It has no backup at all.</source>
        <translation>没有任何备份。</translation>
    </message>
    <message numerus="yes">
        <source>None of its %n backup(s) can be restored from.</source>
        <translation>
            <numerusform>其 %n 个备份均不可用于恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup has ever succeeded.</source>
        <translation>从未有备份成功。</translation>
    </message>
    <message>
        <source>No successful backup for %1.</source>
        <translation>已有 %1 没有成功的备份。</translation>
    </message>
    <message>
        <source>The last backup failed.</source>
        <translation>最近一次备份失败。</translation>
    </message>
    <message>
        <source>The last backup failed (%1).</source>
        <translation>最近一次备份失败（%1）。</translation>
    </message>
    <message>
        <source>The last backup failed (%1): %2</source>
        <translation>最近一次备份失败（%1）：%2</translation>
    </message>
    <message>
        <source>The newest restorable backup is about to expire.</source>
        <translation>最新的可恢复备份即将过期。</translation>
    </message>
    <message>
        <source>The newest restorable backup expires in %1.</source>
        <translation>最新的可恢复备份将在 %1 后过期。</translation>
    </message>
    <message>
        <source>A background task is running (%1): backups and restores wait for it.</source>
        <translation>有后台任务正在运行（%1）：备份和恢复需等待其结束。</translation>
    </message>
    <message>
        <source>Automatic backups are off.</source>
        <translation>自动备份已关闭。</translation>
    </message>
    <message>
        <source>Last successful backup %1 ago.</source>
        <translation>上次成功备份在 %1 前。</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Cannot be restored</source>
        <translation>无法恢复</translation>
    </message>
</context>
<context>
    <name>dcs::BackupPolicy</name>
    <message>
        <source>The backup type must be automatic or manual.</source>
        <translation>备份类型必须是自动或手动。</translation>
    </message>
    <message>
        <source>Automatic backups can be kept for 1 to 7 days.</source>
        <translation>自动备份可保留 1 到 7 天。</translation>
    </message>
    <message>
        <source>Choose at least one day of the week.</source>
        <translation>请至少选择一周中的一天。</translation>
    </message>
    <message>
        <source>The backup window must be one hour starting on the hour.</source>
        <translation>备份时间段必须是从整点开始的一小时。</translation>
    </message>
    <message>
        <source>Manual only: no automatic backups</source>
        <translation>仅手动备份：不自动备份</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message numerus="yes">
        <source>Automatic: %1, %2 UTC; kept for %n day(s)</source>
        <translation>
            <numerusform>自动备份：%1，%2（UTC）；保留 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual only</source>
        <translation>仅手动</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>保留时间</translation>
    </message>
</context>
<context>
    <name>dcs::BackupTracker</name>
    <message>
        <source>The connection to the service was closed.</source>
        <translation>与服务的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>dcs::CsvWriter</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>dcs::DcsClient</name>
    <message>
        <source>The field "%1" is not a list.</source>
        <translation>字段“%1”不是列表。</translation>
    </message>
    <message>
        <source> — certificate subject: %1; issuer: %2</source>
        <translation> — 证书主体：%1；颁发者：%2</translation>
    </message>
    <message>
        <source>The server's answer is not a JSON object: %1</source>
        <translation>服务器的响应不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>unexpected JSON type</source>
        <translation>意外的 JSON 类型</translation>
    </message>
    <message>
        <source>The server's answer has no "%1".</source>
        <translation>服务器的响应中没有“%1”。</translation>
    </message>
    <message>
        <source>This needs DCS API v2; the service answers in v1.0 only.</source>
        <translation>此操作需要 DCS API v2；该服务只以 v1.0 应答。</translation>
    </message>
    <message>
        <source>Nothing was sent: the API version of the service could not be determined (%1).</source>
        <translation>未发送任何请求：无法确定服务的 API 版本（%1）。</translation>
    </message>
    <message>
        <source>The server's answer has no download link.</source>
        <translation>服务器的应答中没有下载链接。</translation>
    </message>
    <message>
        <source>The service answered with an empty body.</source>
        <translation>服务返回的应答内容为空。</translation>
    </message>
    <message>
        <source>The service answered HTTP %1 but with an error: %2</source>
        <translation>服务返回 HTTP %1，但内容是一个错误：%2</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407) and did not accept the profile's. Nothing was sent to the service.</source>
        <translation>代理要求用户名和密码（HTTP 407），且不接受配置中的凭据。没有任何内容发送到服务。</translation>
    </message>
    <message>
        <source>Not sent: %1 is missing or not a valid ID.</source>
        <translation>未发送：%1缺失或不是有效的 ID。</translation>
    </message>
    <message>
        <source>The service counted %1 records but sent %2; the list may be incomplete.</source>
        <translation>服务声明共有 %1 条记录，但只发送了 %2 条；列表可能不完整。</translation>
    </message>
    <message>
        <source>The service sent more records on one page than were asked for; the extra ones were left out, so the list may be incomplete.</source>
        <translation>服务在一页中发送的记录多于请求的数量；多出的记录已被舍弃，因此列表可能不完整。</translation>
    </message>
    <message>
        <source>The list holds more than %1 records; only the first %1 are shown.</source>
        <translation>列表中的记录超过 %1 条；只显示前 %1 条。</translation>
    </message>
    <message>
        <source>The service sent the same records again on a later page; the list stops there and may be incomplete.</source>
        <translation>服务在后续页面中重复发送了相同的记录；列表到此为止，可能不完整。</translation>
    </message>
    <message>
        <source>the instance ID</source>
        <translation>实例 ID</translation>
    </message>
    <message>
        <source>The service was asked for instance %1 and answered without an instance ID.</source>
        <translation>向服务查询实例 %1，但应答中没有实例 ID。</translation>
    </message>
    <message>
        <source>The service was asked for instance %1 and answered with instance %2.</source>
        <translation>向服务查询实例 %1，但应答的是实例 %2。</translation>
    </message>
    <message>
        <source>The server's answer has no valid "%1".</source>
        <translation>服务器的应答中没有有效的“%1”。</translation>
    </message>
    <message>
        <source>the backup ID</source>
        <translation>备份 ID</translation>
    </message>
    <message>
        <source>No IAM endpoint is set, so the projects cannot be read.</source>
        <translation>未设置 IAM 终端节点，无法读取项目。</translation>
    </message>
    <message>
        <source>The answer lists no projects.</source>
        <translation>应答中没有项目列表。</translation>
    </message>
</context>
<context>
    <name>dcs::DemoSimulator</name>
    <message>
        <source>The Demo profile has no region %1.</source>
        <translation>演示配置没有区域 %1。</translation>
    </message>
</context>
<context>
    <name>dcs::Fleet</name>
    <message>
        <source>The instance is no longer in the fleet.</source>
        <translation>该实例已不在实例总览中。</translation>
    </message>
    <message>
        <source>The instance is %1: only a running instance can be backed up.</source>
        <translation>该实例状态为%1：只有运行中的实例可以备份。</translation>
    </message>
    <message>
        <source>A backup of it is running already.</source>
        <translation>该实例已有备份正在进行。</translation>
    </message>
</context>
<context>
    <name>dcs::FleetExport</name>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判断</translation>
    </message>
    <message>
        <source>Verdict key</source>
        <translation>判断代码</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Last successful backup (UTC)</source>
        <translation>上次成功备份（UTC）</translation>
    </message>
    <message>
        <source>Hours since the last successful backup</source>
        <translation>距上次成功备份的小时数</translation>
    </message>
    <message>
        <source>Last backup status</source>
        <translation>最近一次备份状态</translation>
    </message>
    <message>
        <source>Restorable backups</source>
        <translation>可恢复的备份数</translation>
    </message>
    <message>
        <source>Oldest restorable (UTC)</source>
        <translation>最早可恢复（UTC）</translation>
    </message>
    <message>
        <source>Newest restorable expires (UTC)</source>
        <translation>最新可恢复备份过期时间（UTC）</translation>
    </message>
    <message>
        <source>Next automatic backup (UTC)</source>
        <translation>下次自动备份（UTC）</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Read (UTC)</source>
        <translation>读取时间（UTC）</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>The last read failed: </source>
        <translation>上次读取失败：</translation>
    </message>
</context>
<context>
    <name>dcs::FollowedRestores</name>
    <message>
        <source>The audit trail could not be written: %1</source>
        <translation>无法写入审计日志：%1</translation>
    </message>
</context>
<context>
    <name>dcs::IamTokenProvider</name>
    <message>
        <source>The sign-in answer carries no X-Subject-Token.</source>
        <translation>登录响应中没有 X-Subject-Token。</translation>
    </message>
    <message>
        <source>The IAM endpoint redirected the sign-in to %1 (HTTP %2). Redirects are not followed, so the password never goes anywhere else: check the profile's IAM endpoint.</source>
        <translation>IAM 终端节点把登录重定向到 %1（HTTP %2）。控制台不跟随重定向，密码不会被发往别处：请检查配置的 IAM 终端节点。</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
</context>
<context>
    <name>dcs::InstanceFingerprint</name>
    <message>
        <source>Cannot reach %1:%2: %3</source>
        <translation>无法连接 %1:%2：%3</translation>
    </message>
    <message>
        <source>The instance refused the password: %1</source>
        <translation>实例拒绝了该密码：%1</translation>
    </message>
    <message>
        <source>Database %1 cannot be selected: %2</source>
        <translation>无法选择数据库 %1：%2</translation>
    </message>
    <message>
        <source>The instance stopped answering: %1</source>
        <translation>实例不再响应：%1</translation>
    </message>
    <message>
        <source>The instance needs a password.</source>
        <translation>该实例需要密码。</translation>
    </message>
    <message>
        <source>The instance is still loading its data.</source>
        <translation>实例仍在加载数据。</translation>
    </message>
    <message>
        <source>The verification was cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <source>INFO keyspace was refused: %1</source>
        <translation>INFO keyspace 被拒绝：%1</translation>
    </message>
    <message>
        <source>SCAN was refused: %1</source>
        <translation>SCAN 被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>dcs::InstanceType</name>
    <message>
        <source>Single-node</source>
        <translation>单机</translation>
    </message>
    <message>
        <source>Master/Standby</source>
        <translation>主备</translation>
    </message>
    <message>
        <source>Redis Cluster</source>
        <translation>Redis 集群</translation>
    </message>
    <message>
        <source>Proxy Cluster</source>
        <translation>Proxy 集群</translation>
    </message>
    <message>
        <source>Read/Write splitting</source>
        <translation>读写分离</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>dcs::NetworkModuleLoader</name>
    <message>
        <source>The console's network module %1 cannot be loaded (%2). Nothing can be sent until DCS Console is installed again.</source>
        <translation>无法加载控制台的网络模块 %1（%2）。在重新安装 DCS Console 之前，无法发送任何请求。</translation>
    </message>
    <message>
        <source>The console's network module %1 belongs to another version of DCS Console. Nothing can be sent until DCS Console is installed again.</source>
        <translation>控制台的网络模块 %1 属于另一个版本的 DCS Console。在重新安装 DCS Console 之前，无法发送任何请求。</translation>
    </message>
</context>
<context>
    <name>dcs::PrivateFiles</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made private.</source>
        <translation>无法将文件夹 %1 设为仅本人可访问。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be made private: %2</source>
        <translation>无法将 %1 设为仅所有者可访问：%2</translation>
    </message>
</context>
<context>
    <name>dcs::Profile</name>
    <message>
        <source>Enter a name for this profile.</source>
        <translation>请输入此配置的名称。</translation>
    </message>
    <message>
        <source>Choose a region.</source>
        <translation>请选择区域。</translation>
    </message>
    <message>
        <source>Enter the account name.</source>
        <translation>请输入账号名。</translation>
    </message>
    <message>
        <source>Enter the IAM user name.</source>
        <translation>请输入 IAM 用户名。</translation>
    </message>
    <message>
        <source>The CA bundle file cannot be read.</source>
        <translation>无法读取 CA 证书文件。</translation>
    </message>
    <message>
        <source>"%1" in the regions and projects does not look like a region id (for example cn-north-4).</source>
        <translation>区域和项目中的“%1”不像区域 ID（例如 cn-north-4）。</translation>
    </message>
    <message>
        <source>The project of %1 in the regions and projects is not 32 hexadecimal characters.</source>
        <translation>区域和项目中 %1 的项目ID不是 32 个十六进制字符。</translation>
    </message>
    <message>
        <source>%1 / %2 is listed twice in the regions and projects.</source>
        <translation>区域和项目中 %1 / %2 重复列出。</translation>
    </message>
    <message>
        <source>The endpoint of %1 / %2 is not an http(s) URL.</source>
        <translation>%1 / %2 的终端节点不是 http(s) URL。</translation>
    </message>
    <message>
        <source>This is %1 characters long; at most %2 are accepted.</source>
        <translation>长度为 %1 个字符；最多允许 %2 个字符。</translation>
    </message>
    <message>
        <source>The IAM endpoint is plain HTTP: the password and the token would travel unencrypted.</source>
        <translation>IAM 终端节点使用明文 HTTP：密码和令牌将以未加密方式传输。</translation>
    </message>
    <message>
        <source>"%1" does not look like a region ID.</source>
        <translation>“%1”不是有效的区域ID。</translation>
    </message>
    <message>
        <source>"%1" is not in the list of known regions.</source>
        <translation>“%1”不在已知区域列表中。</translation>
    </message>
    <message>
        <source>Enter the DCS endpoint as an http(s) URL.</source>
        <translation>请输入 http(s) 形式的 DCS 终端节点 URL。</translation>
    </message>
    <message>
        <source>Enter the project ID.</source>
        <translation>请输入项目ID。</translation>
    </message>
    <message>
        <source>A project ID is 32 hexadecimal characters.</source>
        <translation>项目ID 为 32 位十六进制字符。</translation>
    </message>
    <message>
        <source>Enter the IAM endpoint as an http(s) URL.</source>
        <translation>请输入 http(s) 形式的 IAM 终端节点 URL。</translation>
    </message>
    <message>
        <source>Enter the access key ID (AK).</source>
        <translation>请输入访问密钥ID（AK）。</translation>
    </message>
    <message>
        <source>Enter the proxy host and a port (1–65535).</source>
        <translation>请输入代理主机和端口（1–65535）。</translation>
    </message>
    <message>
        <source>Enter 1 to 600 seconds.</source>
        <translation>请输入 1 到 600 秒。</translation>
    </message>
    <message>
        <source>The DCS endpoint is plain HTTP: requests are not encrypted.</source>
        <translation>DCS 终端节点使用明文 HTTP：请求未加密。</translation>
    </message>
    <message>
        <source>The regions and projects list %1 pairs; at most %2 are accepted.</source>
        <translation>区域和项目共列出 %1 组；最多允许 %2 组。</translation>
    </message>
    <message>
        <source>Row %1 of the regions and projects holds a value %2 characters long; at most %3 are accepted.</source>
        <translation>区域和项目的第 %1 行有一个值长度为 %2 个字符；最多允许 %3 个字符。</translation>
    </message>
</context>
<context>
    <name>dcs::ProfileStore</name>
    <message>
        <source>The settings file %1 could not be written, so nothing was saved. Check that the file and its folder are writable and the disk is not full.</source>
        <translation>设置文件 %1 无法写入，因此未保存任何内容。请检查该文件及其所在文件夹是否可写，以及磁盘是否已满。</translation>
    </message>
    <message>
        <source>The settings file %1 is not in a format the console can read, so nothing was saved.</source>
        <translation>设置文件 %1 的格式无法被控制台读取，因此未保存任何内容。</translation>
    </message>
    <message>
        <source>no settings file was named.</source>
        <translation>未指定设置文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; name a settings file (for example %1/dcs-console.ini).</source>
        <translation>%1 是文件夹；请指定一个设置文件（例如 %1/dcs-console.ini）。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>%1 is too large to be a settings file; it was left as it is.</source>
        <translation>%1 太大，不可能是设置文件；已保持原样。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 无法读取：%2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 无法写入：%2</translation>
    </message>
    <message>
        <source>%1 is not a settings file the console can read; it was left as it is.</source>
        <translation>%1 不是控制台可读取的设置文件；已保持原样。</translation>
    </message>
</context>
<context>
    <name>dcs::RecordProblems</name>
    <message>
        <source>The service sent this record without a usable ID.</source>
        <translation>服务发送的这条记录没有可用的 ID。</translation>
    </message>
    <message>
        <source>The service sent an ID that is not a valid DCS ID.</source>
        <translation>服务发送的 ID 不是有效的 DCS ID。</translation>
    </message>
    <message>
        <source>The service listed this backup under another instance.</source>
        <translation>服务把这个备份列在了另一个实例名下。</translation>
    </message>
    <message>
        <source>The instance's type (master/standby, cluster …) is unknown.</source>
        <translation>实例类型（主备、集群……）未知。</translation>
    </message>
    <message>
        <source>The console shows it but does not act on it.</source>
        <translation>控制台仅显示它，不会对它执行任何操作。</translation>
    </message>
</context>
<context>
    <name>dcs::RestoreImpact</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a duration of two units, e.g. 2 days 5 hours</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
</context>
<context>
    <name>dcs::RestorePreflight</name>
    <message>
        <source>Single-node instances cannot be backed up or restored. Only master/standby and cluster instances support restore.</source>
        <translation>单机实例不支持备份与恢复，只有主备和集群实例支持恢复。</translation>
    </message>
    <message>
        <source>A restore of this instance is already running. Wait until it has finished.</source>
        <translation>该实例已有恢复正在进行。请等待其完成。</translation>
    </message>
    <message>
        <source>A backup of this instance is running. Wait until it has finished.</source>
        <translation>该实例正在备份。请等待备份完成。</translation>
    </message>
    <message>
        <source>Choose the backup to restore from.</source>
        <translation>请选择用于恢复的备份。</translation>
    </message>
    <message numerus="yes">
        <source>This backup is %n hour(s) old: every write since then will be lost.</source>
        <translation>
            <numerusform>该备份已有 %n 小时：此后写入的所有数据都将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>The instance is %1; only a running instance can be restored.</source>
        <translation>实例状态为“%1”，只有运行中的实例才能恢复。</translation>
    </message>
    <message>
        <source>This backup's status is %1; only a backup that succeeded can be restored.</source>
        <translation>该备份状态为“%1”，只有状态为“成功”的备份才能用于恢复。</translation>
    </message>
    <message>
        <source>A background task would collide with the restore: %1, running since %2. Wait until it has finished.</source>
        <translation>有后台任务会与恢复冲突：%1，自 %2 起运行。请等待其完成。</translation>
    </message>
    <message>
        <source>A background task is running: %1, since %2.</source>
        <translation>有后台任务正在运行：%1，自 %2 起。</translation>
    </message>
    <message>
        <source>The service marks this backup as not restorable.</source>
        <translation>服务端标记此备份不可用于恢复。</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态为%1</translation>
    </message>
    <message>
        <source>the service marks it not restorable</source>
        <translation>服务端标记为不可恢复</translation>
    </message>
    <message>
        <source>The service reports a job under way on this instance: %1. Wait until it has finished.</source>
        <translation>服务报告该实例上有任务正在进行：%1。请等待其完成。</translation>
    </message>
</context>
<context>
    <name>dcs::RestoreRecordFollower</name>
    <message>
        <source>The connection to the service was closed.</source>
        <translation>与服务的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>dcs::RestoreVerification</name>
    <message>
        <source>The restore was not seen to end, so the instance was not fingerprinted again.</source>
        <translation>未等到恢复结束，因此没有再次记录实例的数据指纹。</translation>
    </message>
    <message>
        <source>No fingerprint could be taken before the restore: %1</source>
        <translation>恢复前无法记录数据指纹：%1</translation>
    </message>
    <message>
        <source>The instance did not answer after the restore: %1</source>
        <translation>恢复后实例没有响应：%1</translation>
    </message>
    <message>
        <source>The audit trail could not be written: %1</source>
        <translation>无法写入审计日志：%1</translation>
    </message>
</context>
<context>
    <name>dcs::RestoreWorkflow</name>
    <message>
        <source>The safety backup %1 ended %2; nothing was restored. %3</source>
        <translation>恢复前备份 %1 结束时状态为“%2”，未执行恢复。%3</translation>
    </message>
    <message>
        <source>The connection to the service was closed before the restore was sent; nothing was restored.</source>
        <translation>发送恢复请求之前，与服务的连接已关闭，未执行恢复。</translation>
    </message>
    <message>
        <source>The connection to the service was closed while the restore was being sent.</source>
        <translation>发送恢复请求时，与服务的连接已关闭。</translation>
    </message>
    <message>
        <source>The backup %1 is no longer listed for this instance.</source>
        <translation>备份 %1 已不在该实例的备份列表中。</translation>
    </message>
    <message>
        <source>Checked again just before sending, nothing was sent: %1</source>
        <translation>发送前再次检查，未发送任何请求：%1</translation>
    </message>
    <message>
        <source>Whether the safety backup was created is unknown (%1); nothing was restored.</source>
        <translation>无法确定安全备份是否已创建（%1）；未执行任何恢复。</translation>
    </message>
    <message>
        <source>The safety backup %1 never appeared in the instance's backup list (waited %2 s); nothing was restored.</source>
        <translation>安全备份 %1 始终没有出现在实例的备份列表中（已等待 %2 秒）；未执行任何恢复。</translation>
    </message>
    <message numerus="yes">
        <source>The safety backup did not finish within %n minute(s); nothing was restored.</source>
        <translation>
            <numerusform>安全备份未在 %n 分钟内完成；未执行任何恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::SessionBuilder</name>
    <message>
        <source>No secret access key (SK) is stored for the profile "%1". Edit the profile and enter it.</source>
        <translation>配置“%1”没有保存秘密访问密钥（SK）。请编辑该配置并输入。</translation>
    </message>
    <message>
        <source>No security token is stored for the profile "%1". Edit the profile and enter it.</source>
        <translation>配置“%1”没有保存安全令牌。请编辑该配置并输入。</translation>
    </message>
    <message>
        <source>No IAM password is stored for the profile "%1". Edit the profile and enter it.</source>
        <translation>配置“%1”没有保存 IAM 密码。请编辑该配置并输入。</translation>
    </message>
    <message>
        <source>Demo (local simulator)</source>
        <translation>演示（本地模拟器）</translation>
    </message>
    <message>
        <source>No keychain service is available: secrets are kept in memory for this session only and must be entered again after a restart.</source>
        <translation>没有可用的密钥环服务：凭证仅在本次会话中保存在内存里，重新启动后需要再次输入。</translation>
    </message>
    <message>
        <source>The CA bundle %1 cannot be read: %2</source>
        <translation>无法读取 CA 证书 %1：%2</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>The CA bundle %1 contains no PEM certificate.</source>
        <translation>CA 证书 %1 中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>The CA bundle %1 is larger than 16 MB: it is not a bundle of certificates.</source>
        <translation>CA 证书包 %1 大于 16 MB，不是证书包文件。</translation>
    </message>
</context>
<context>
    <name>dcs::SessionOpener</name>
    <message>
        <source>The Demo profile has no project %1 in %2.</source>
        <translation>演示配置在 %2 中没有项目 %1。</translation>
    </message>
</context>
<context>
    <name>dcs::SimulatorProcess</name>
    <message>
        <source>The local simulator could not be started (%1): %2</source>
        <translation>无法启动本地模拟器（%1）：%2</translation>
    </message>
    <message>
        <source>The local simulator stopped unexpectedly (exit code %1). See %2.</source>
        <translation>本地模拟器意外退出（退出码 %1）。详见 %2。</translation>
    </message>
    <message>
        <source>The local simulator program was not found at %1.</source>
        <translation>在 %1 找不到本地模拟器程序。</translation>
    </message>
    <message>
        <source>The local simulator did not report its address in time.</source>
        <translation>本地模拟器未能及时报告其地址。</translation>
    </message>
    <message>
        <source>The local simulator printed an unexpected address.</source>
        <translation>本地模拟器输出了无法识别的地址。</translation>
    </message>
</context>
<context>
    <name>dcs::Transfer</name>
    <message>
        <source>The answer was cut short: %1 of the %2 bytes it announced arrived.</source>
        <translation>应答被截断：声明的 %2 字节中只收到 %1 字节。</translation>
    </message>
    <message>
        <source>The answer was cut short: the connection closed before it was complete.</source>
        <translation>应答被截断：连接在应答完整之前关闭了。</translation>
    </message>
    <message>
        <source>The service answered with a redirect (HTTP %1) to no address; redirects are not followed.</source>
        <translation>服务返回了没有目标地址的重定向（HTTP %1）；控制台不跟随重定向。</translation>
    </message>
    <message>
        <source>The service redirected the request to %1 (HTTP %2); redirects are not followed, so that a signed request is never sent somewhere else.</source>
        <translation>服务把请求重定向到 %1（HTTP %2）；控制台不跟随重定向，已签名的请求绝不会被发往别处。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>No complete answer within the request's deadline of %1 s; the console gave up waiting.</source>
        <translation>在请求的 %1 秒期限内没有收到完整应答；控制台已停止等待。</translation>
    </message>
    <message>
        <source>The answer is too large (more than %1); the console stopped reading it.</source>
        <translation>应答过大（超过 %1）；控制台已停止读取。</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407), and the profile has none or the wrong ones. Nothing was sent to the service.</source>
        <translation>代理要求用户名和密码（HTTP 407），而配置中没有或填写有误。没有任何内容发送到服务。</translation>
    </message>
    <message>
        <source>The answer is encoded as "%1", which was not asked for and cannot be read.</source>
        <translation>应答使用了未请求的编码“%1”，无法读取。</translation>
    </message>
    <message>
        <source>The answer says it is compressed (%1) but could not be decoded: it is damaged, incomplete or not compressed at all.</source>
        <translation>应答声明已压缩（%1），但无法解码：数据已损坏、不完整，或根本没有压缩。</translation>
    </message>
    <message>
        <source>The answer could not be read completely: %1</source>
        <translation>无法完整读取应答：%1</translation>
    </message>
    <message>
        <source>No answer: the connection stayed silent for longer than the profile's timeout.</source>
        <translation>没有应答：连接静默的时间超过了配置的超时时间。</translation>
    </message>
    <message>
        <source>The service closed the connection without a valid HTTP answer.</source>
        <translation>服务在没有返回有效 HTTP 应答的情况下关闭了连接。</translation>
    </message>
    <message>
        <source>The connection closed before the answer came; the request was not sent a second time.</source>
        <translation>连接在应答到达前关闭；请求没有被再次发送。</translation>
    </message>
    <message>
        <source>The answer is not valid HTTP.</source>
        <translation>应答不是有效的 HTTP。</translation>
    </message>
</context>
<context>
    <name>dcs::VerificationReport</name>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已变</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>there again</source>
        <translation>已重新出现</translation>
    </message>
    <message>
        <source>absent before and after</source>
        <translation>恢复前后均不存在</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>未校验：%1</translation>
    </message>
    <message>
        <source>Keys %1 → %2</source>
        <translation>键数 %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>; of %n sampled key(s) %1 unchanged, %2 changed, %3 gone</source>
        <translation>
            <numerusform>；抽样的 %n 个键中 %1 个未变、%2 个已变、%3 个已消失</numerusform>
        </translation>
    </message>
    <message>
        <source>; the instance answers and accepts writes.</source>
        <translation>；实例可访问且可写入。</translation>
    </message>
    <message>
        <source>; the instance answers but refuses writes: %1.</source>
        <translation>；实例可访问但拒绝写入：%1。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source> Named keys: %1.</source>
        <translation>指定的键：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Database %1: %2 → %3 keys</source>
        <translation>数据库 %1：%2 → %3 个键</translation>
    </message>
    <message>
        <source>db%1 %2: %3</source>
        <translation>db%1 %2：%3</translation>
    </message>
    <message>
        <source>(was %1, now %2)</source>
        <translation>（原为 %1，现为 %2）</translation>
    </message>
    <message>
        <source>(named)</source>
        <translation>（指定）</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more changed or gone key(s)</source>
        <translation>
            <numerusform>… 另有 %n 个已变或已消失的键</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dcs::regions</name>
    <message>
        <source>CN North-Beijing4</source>
        <translation>华北-北京四</translation>
    </message>
    <message>
        <source>CN North-Beijing1</source>
        <translation>华北-北京一</translation>
    </message>
    <message>
        <source>CN North-Beijing2</source>
        <translation>华北-北京二</translation>
    </message>
    <message>
        <source>CN North-Ulanqab1</source>
        <translation>华北-乌兰察布一</translation>
    </message>
    <message>
        <source>CN East-Shanghai2</source>
        <translation>华东-上海二</translation>
    </message>
    <message>
        <source>CN East-Shanghai1</source>
        <translation>华东-上海一</translation>
    </message>
    <message>
        <source>CN South-Guangzhou</source>
        <translation>华南-广州</translation>
    </message>
    <message>
        <source>CN South-Shenzhen</source>
        <translation>华南-深圳</translation>
    </message>
    <message>
        <source>CN Southwest-Guiyang1</source>
        <translation>西南-贵阳一</translation>
    </message>
    <message>
        <source>CN-Hong Kong</source>
        <translation>中国-香港</translation>
    </message>
    <message>
        <source>AP-Bangkok</source>
        <translation>亚太-曼谷</translation>
    </message>
    <message>
        <source>AP-Singapore</source>
        <translation>亚太-新加坡</translation>
    </message>
    <message>
        <source>AP-Jakarta</source>
        <translation>亚太-雅加达</translation>
    </message>
    <message>
        <source>AF-Johannesburg</source>
        <translation>非洲-约翰内斯堡</translation>
    </message>
    <message>
        <source>RU-Moscow2</source>
        <translation>俄罗斯-莫斯科二</translation>
    </message>
    <message>
        <source>LA-Sao Paulo1</source>
        <translation>拉美-圣保罗一</translation>
    </message>
    <message>
        <source>LA-Mexico City2</source>
        <translation>拉美-墨西哥城二</translation>
    </message>
    <message>
        <source>LA-Santiago</source>
        <translation>拉美-圣地亚哥</translation>
    </message>
    <message>
        <source>LA-Mexico City1</source>
        <translation>拉美-墨西哥城一</translation>
    </message>
    <message>
        <source>ME-Abu Dhabi</source>
        <translation>中东-阿布扎比</translation>
    </message>
    <message>
        <source>TR-Istanbul</source>
        <translation>土耳其-伊斯坦布尔</translation>
    </message>
    <message>
        <source>ME-Riyadh</source>
        <translation>中东-利雅得</translation>
    </message>
    <message>
        <source>EU-Paris</source>
        <translation>欧洲-巴黎</translation>
    </message>
    <message>
        <source>EU-Dublin</source>
        <translation>欧洲-都柏林</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--endpoint and --profile cannot be used together.</source>
        <translation>--endpoint 和 --profile 不能同时使用。</translation>
    </message>
    <message>
        <source>--project-id and --region go with --endpoint.</source>
        <translation>--project-id 和 --region 需与 --endpoint 一起使用。</translation>
    </message>
    <message>
        <source>Command line (%1)</source>
        <translation>命令行（%1）</translation>
    </message>
    <message>
        <source>--endpoint needs --project-id.</source>
        <translation>--endpoint 需要同时指定 --project-id。</translation>
    </message>
    <message>
        <source>--endpoint needs the access key in the environment: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.</source>
        <translation>--endpoint 需要环境变量中的访问密钥：请设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK。</translation>
    </message>
    <message>
        <source>there is no saved profile called "%1".</source>
        <translation>没有名为“%1”的已保存配置。</translation>
    </message>
    <message>
        <source>Desktop console for Huawei Cloud Distributed Cache Service (DCS).</source>
        <translation>华为云分布式缓存服务（DCS）桌面控制台。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (default: the one chosen in the Language menu, else the system's).</source>
        <translation>界面语言：zh_CN 或 en（默认：“语言”菜单中选择的语言，未选择时跟随系统）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>State file of the Demo simulator (default: in the user's data folder).</source>
        <translation>演示模拟器的状态文件（默认位于用户数据目录）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>dcs-sim to run (default: next to this program).</source>
        <translation>要运行的 dcs-sim 程序（默认：与本程序位于同一目录）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Extra argument for dcs-sim (repeatable).</source>
        <translation>传给 dcs-sim 的额外参数（可重复指定）。</translation>
    </message>
    <message>
        <source>argument</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Select this instance (name or ID) once loaded.</source>
        <translation>加载完成后选中此实例（名称或ID）。</translation>
    </message>
    <message>
        <source>instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Open the restore dialog for the selected instance once loaded.</source>
        <translation>加载完成后为选中的实例打开恢复对话框。</translation>
    </message>
    <message>
        <source>Open the restore audit trail at start.</source>
        <translation>启动时打开恢复审计日志。</translation>
    </message>
    <message>
        <source>Check that the embedded translations load, then exit.</source>
        <translation>检查内置翻译能否加载，然后退出。</translation>
    </message>
    <message>
        <source>Open a profile for this DCS endpoint for this run only (never saved); the AK/SK come from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.</source>
        <translation>仅在本次运行中为此 DCS 终端节点打开一个配置（不保存）；AK/SK 取自环境变量 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Project ID for --endpoint.</source>
        <translation>--endpoint 使用的项目ID。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Region for --endpoint, e.g. cn-north-4.</source>
        <translation>--endpoint 使用的区域，例如 cn-north-4。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Open this saved profile.</source>
        <translation>打开此已保存的配置。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Keep the profiles in this INI file instead of the user's settings.</source>
        <translation>将配置保存在此 INI 文件中，而不是用户设置中。</translation>
    </message>
    <message>
        <source>Open the profile dialog at start (the open profile, or a new one).</source>
        <translation>启动时打开配置对话框（编辑当前配置，或新建一个）。</translation>
    </message>
    <message>
        <source>unknown language "%1" (use zh_CN or en)</source>
        <translation>未知语言“%1”（请使用 zh_CN 或 en）</translation>
    </message>
    <message>
        <source>no instance "%1"</source>
        <translation>没有实例“%1”</translation>
    </message>
    <message>
        <source>HUAWEICLOUD_SDK_AK or HUAWEICLOUD_SDK_SK is far longer than an access key can be.</source>
        <translation>HUAWEICLOUD_SDK_AK 或 HUAWEICLOUD_SDK_SK 远远超出访问密钥可能的长度。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>platform[:options]</source>
        <translation>平台[:选项]</translation>
    </message>
    <message>
        <source>The windowing system plugin, e.g. xcb, wayland or offscreen.</source>
        <translation>窗口系统插件，例如 xcb、wayland 或 offscreen。</translation>
    </message>
    <message>
        <source>Where to look for platform plugins.</source>
        <translation>平台插件的查找目录。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The platform theme plugin, e.g. gtk3 or xdgdesktopportal.</source>
        <translation>平台主题插件，例如 gtk3 或 xdgdesktopportal。</translation>
    </message>
    <message>
        <source>plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Loads an extra plugin, e.g. an input device (repeatable).</source>
        <translation>加载额外的插件，例如输入设备（可重复）。</translation>
    </message>
    <message>
        <source>geometry</source>
        <translation>几何</translation>
    </message>
    <message>
        <source>The main window's geometry, e.g. 1360x860+0+0.</source>
        <translation>主窗口的大小和位置，例如 1360x860+0+0。</translation>
    </message>
    <message>
        <source>icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <source>The windows' default icon.</source>
        <translation>窗口的默认图标。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The main window's title.</source>
        <translation>主窗口的标题。</translation>
    </message>
    <message>
        <source>Lays the windows out from right to left.</source>
        <translation>窗口从右向左布局。</translation>
    </message>
    <message>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Restores the application from an earlier session.</source>
        <translation>从先前的会话恢复程序状态。</translation>
    </message>
    <message>
        <source>display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>The X server display to use (X11 only).</source>
        <translation>要使用的 X 服务器显示（仅 X11）。</translation>
    </message>
    <message>
        <source>The main window's geometry (X11 only).</source>
        <translation>主窗口的大小和位置（仅 X11）。</translation>
    </message>
    <message>
        <source>style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>The widget style, e.g. Fusion or Windows.</source>
        <translation>控件样式，例如 Fusion 或 Windows。</translation>
    </message>
    <message>
        <source>A Qt style sheet to apply.</source>
        <translation>要应用的 Qt 样式表。</translation>
    </message>
    <message>
        <source>Prints how many widgets were left over at the end.</source>
        <translation>退出时打印剩余的控件数量。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Qt options (Qt reads these itself):</source>
        <translation>Qt 选项（由 Qt 自行读取）：</translation>
    </message>
    <message>
        <source>Shows this help and exits.</source>
        <translation>显示本帮助并退出。</translation>
    </message>
    <message>
        <source>Shows this help with Qt's own options and exits.</source>
        <translation>显示本帮助及 Qt 自身的选项并退出。</translation>
    </message>
    <message>
        <source>Shows the version, the build and the Qt version and exits.</source>
        <translation>显示版本、构建信息和 Qt 版本并退出。</translation>
    </message>
    <message>
        <source>Usage: %1 [options]</source>
        <translation>用法：%1 [选项]</translation>
    </message>
</context>
</TS>
