#!/usr/bin/env python3
"""Fills the Chinese catalogue (and the English plural forms) after lupdate.

Run from the repository root after
    /usr/lib/qt6/bin/lupdate -no-obsolete -locations none src/core src/gui ui \
        -ts translations/dcs-console_zh_CN.ts translations/dcs-console_en.ts
Vocabulary follows the Huawei Cloud DCS console: 实例, 备份, 恢复, 主备, 集群, 单机, 备注, 项目,
恢复记录, 备份记录, 规格, 已用内存, 创建时间. Exits 1 when a Chinese entry is left untranslated.
"""
import sys
import xml.etree.ElementTree as ET

ZH = {
    # --- shared words -----------------------------------------------------------------------
    "Status": "状态",
    "Type": "类型",
    "Created": "创建时间",
    "Remark": "备注",
    "Name": "名称",
    "ID": "ID",
    "Backup ID: %1": "备份ID：%1",
    # --- BackupTableModel ---------------------------------------------------------------------
    "No: %1": "否：%1",
    "Backup name": "备份名称",
    "Format": "备份格式",
    "Size": "大小",
    "Restorable": "可恢复",
    "%n byte(s)": "%n 字节",
    # --- DisplayText ----------------------------------------------------------------------------
    "Running": "运行中",
    "Creating": "创建中",
    "Creation failed": "创建失败",
    "Abnormal": "异常",
    "Restarting": "重启中",
    "Frozen": "已冻结",
    "Scaling": "变更中",
    "Restoring": "恢复中",
    "Clearing data": "数据清空中",
    "Waiting": "等待中",
    "Backing up": "备份中",
    "Succeeded": "成功",
    "Failed": "失败",
    "Expired": "已过期",
    "Deleted": "已删除",
    "Manual": "手动",
    "Automatic": "自动",
    "Yes": "是",
    "No": "否",
    "%1 / %2 (%3%)": "%1 / %2（%3%）",
    "%1%": "%1%",
    # --- ErrorPanel -----------------------------------------------------------------------------
    "Dismiss": "关闭",
    "The request failed": "请求失败",
    "(no code)": "（无错误码）",
    "Error code: %1 · HTTP %2": "错误码：%1 · HTTP %2",
    "Error code: %1": "错误码：%1",
    "Message: %1": "错误信息：%1",
    "Request ID: %1": "请求ID：%1",
    "(none received)": "（未收到）",
    # --- InstanceDetailsModel -------------------------------------------------------------------
    "Field": "属性",
    "Value": "值",
    "Instance name": "实例名称",
    "Instance ID": "实例ID",
    "Error code": "错误码",
    "Freeze scenario": "冻结场景",
    "Instance type": "实例类型",
    "Cache mode": "缓存类型",
    "Cache engine": "缓存引擎",
    "Engine version": "引擎版本",
    "Internal version": "内部版本",
    "Product type": "产品类型",
    "CPU architecture": "CPU架构",
    "Specification code": "规格编码",
    "Resource specification": "资源规格",
    "Capacity": "缓存容量",
    "Capacity (decimal)": "缓存容量（小数部分）",
    "Used memory": "已用内存",
    "Maximum memory": "最大内存",
    "IP address": "IP地址",
    "Port": "端口",
    "Domain name": "域名",
    "Read-only domain name": "只读域名",
    "Availability zones": "可用区",
    "VPC ID": "虚拟私有云ID",
    "VPC": "虚拟私有云",
    "Subnet ID": "子网ID",
    "Subnet": "子网",
    "Security group ID": "安全组ID",
    "Security group": "安全组",
    "Password-free access": "免密访问",
    "Access user": "访问用户",
    "Public access": "公网访问",
    "EIP ID": "弹性公网IP ID",
    "EIP address": "弹性公网IP地址",
    "SSL": "SSL",
    "Databases": "数据库数量",
    "Shards": "分片数",
    "Billing mode": "计费模式",
    "Maintenance window": "维护时间窗",
    "Backup policy": "备份策略",
    "Tags": "标签",
    "Description": "描述",
    "User ID": "用户ID",
    "User name": "用户名",
    "Updated": "更新时间",
    "%1 MB": "%1 MB",
    "%1 GB": "%1 GB",
    "Yearly/Monthly": "包年/包月",
    "Pay-per-use": "按需计费",
    "%1 – %2 (UTC)": "%1 – %2（UTC）",
    # --- InstanceTableModel ---------------------------------------------------------------------
    "Status %1, error code %2": "状态 %1，错误码 %2",
    "Used %1 MB of %2 MB": "已用 %1 MB，共 %2 MB",
    "Used / max memory": "已用/最大内存",
    "Address": "连接地址",
    # --- MainWindow -----------------------------------------------------------------------------
    "DCS Console": "DCS 控制台",
    "Cache instances": "缓存实例",
    "Show only instances in this status": "只显示该状态的实例",
    "Matches the name, ID, address, engine or status; separate words with spaces":
        "匹配名称、ID、连接地址、引擎或状态；多个关键字用空格分隔",
    "Filter by name, ID or address": "按名称、ID或地址筛选",
    "Details": "基本信息",
    "Backups": "备份记录",
    "Restore records": "恢复记录",
    "&Console": "控制台(&C)",
    "&Instance": "实例(&I)",
    "&Language": "语言(&L)",
    "&Help": "帮助(&H)",
    "Main toolbar": "主工具栏",
    "&Refresh": "刷新(&R)",
    "Reload the instances and the selected instance's backups and restore records (F5)":
        "重新加载实例列表，以及所选实例的备份记录和恢复记录（F5）",
    "Re&store…": "恢复(&S)…",
    "Restore the selected instance from one of its backups": "使用所选实例的某个备份恢复该实例",
    "&Copy Instance ID": "复制实例ID(&C)",
    "Copy the selected instance's ID to the clipboard": "将所选实例的ID复制到剪贴板",
    "&Quit": "退出(&Q)",
    "&About DCS Console": "关于 DCS 控制台(&A)",
    "The local simulator could not be started": "无法启动本地模拟器",
    "Loading the instances failed": "加载实例列表失败",
    "Loading the instance details failed": "加载实例详情失败",
    "Loading the backups failed": "加载备份记录失败",
    "Loading the restore records failed": "加载恢复记录失败",
    "Not connected.": "未连接。",
    "Select an instance to restore it.": "请先选择要恢复的实例。",
    "Restore is not available: %1": "无法恢复：%1",
    "Select an instance to see its details, backups and restore records.":
        "选择一个实例以查看其基本信息、备份记录和恢复记录。",
    "Loading the instance details…": "正在加载实例详情…",
    "Loading the backups…": "正在加载备份记录…",
    "This instance has no backups.": "该实例没有备份。",
    "%n backup(s). Double-click a restorable backup to restore from it.":
        "共 %n 个备份。双击可恢复的备份即可用它恢复实例。",
    "Loading the restore records…": "正在加载恢复记录…",
    "This instance has not been restored yet.": "该实例尚无恢复记录。",
    "%n restore record(s).": "共 %n 条恢复记录。",
    "Loading instances…": "正在加载实例…",
    "%n instance(s)": "共 %n 个实例",
    "Showing %1 of %n instance(s)": "显示 %1 个，共 %n 个实例",
    "Last refresh: %1": "上次刷新：%1",
    "Profile: %1": "配置：%1",
    "<b>Demo profile — local simulator.</b> No profile is configured, so the console uses a DCS simulator on this computer instead of Huawei Cloud.":
        "<b>演示配置 — 本地模拟器。</b>尚未配置任何账号，控制台将使用本机上的 DCS 模拟器，而不是华为云。",
    "<b>Demo profile — local simulator.</b> This console is talking to the DCS simulator it started on %1, not to Huawei Cloud. Instances, backups and restores here are simulated.":
        "<b>演示配置 — 本地模拟器。</b>本控制台连接的是它在 %1 启动的 DCS 模拟器，而不是华为云。这里的实例、备份和恢复均为模拟数据。",
    "All statuses": "全部状态",
    "DCS Console — %1": "DCS 控制台 — %1",
    "Starting the local DCS simulator…": "正在启动本地 DCS 模拟器…",
    "The local DCS simulator could not be started, so there is nothing to show.\n%1":
        "无法启动本地 DCS 模拟器，因此没有可显示的内容。\n%1",
    "Restore %1 started.": "恢复任务 %1 已开始。",
    "Restore %1 succeeded.": "恢复任务 %1 已成功。",
    "Restore %1 failed": "恢复任务 %1 失败",
    "The service gave no error code.": "服务未返回错误码。",
    "Error code: %1\n%2": "错误码：%1\n%2",
    "Following the restore: %1": "跟踪恢复进度：%1",
    "Stopped following restore %1": "已停止跟踪恢复任务 %1",
    "It did not finish in the expected time. Refresh to see its current status.":
        "恢复未在预期时间内完成。请刷新以查看其当前状态。",
    "Copied instance ID %1.": "已复制实例ID %1。",
    "Restore from This Backup…": "使用此备份恢复…",
    "Copy Backup ID": "复制备份ID",
    "About DCS Console": "关于 DCS 控制台",
    "<h3>DCS Console %1</h3><p>A desktop console for Huawei Cloud Distributed Cache Service: cache instances, their backups, and restoring an instance from a backup.</p><p>Licensed under the GNU GPL, version 3 or later.</p>":
        "<h3>DCS 控制台 %1</h3><p>华为云分布式缓存服务的桌面控制台：查看缓存实例及其备份，并使用备份恢复实例。</p><p>依据 GNU GPL 第 3 版或更高版本授权。</p>",
    # --- RestoreDialog ----------------------------------------------------------------------------
    "Restore Instance from Backup": "使用备份恢复实例",
    "Instance": "实例",
    "Name:": "名称：",
    "ID:": "ID：",
    "Type:": "类型：",
    "Status:": "状态：",
    "Backup to restore from": "选择用于恢复的备份",
    "Remark (optional)": "备注（可选）",
    "Why this restore is done, for the restore records": "说明本次恢复的原因，将显示在恢复记录中",
    "Restore started. Restore ID:": "恢复已开始。恢复记录ID：",
    "Copy": "复制",
    "Restore ID copied to the clipboard.": "恢复记录ID已复制到剪贴板。",
    "The backups could not be reloaded": "无法重新加载备份记录",
    "%1 / %2": "%1 / %2",
    "%n of the backups can be restored from. The others are shown greyed out with the reason.":
        "其中 %n 个备份可用于恢复，其余备份以灰色显示并注明原因。",
    "Ready: the data of %1 will be replaced by backup %2. Data written after that backup was taken is lost.":
        "检查通过：实例 %1 的数据将被备份 %2 覆盖，该备份之后写入的数据将丢失。",
    "Choose a backup to restore from.": "请选择用于恢复的备份。",
    "The preflight checks above block this restore": "上述检查项阻止了本次恢复",
    "Sending the restore request…": "正在发送恢复请求…",
    "No answer to the restore request: looking for its record": "恢复请求未收到响应：正在查找对应的恢复记录",
    "The restore was not started": "恢复未能开始",
    "Looking for the restore record…": "正在查找恢复记录…",
    "The outcome of the restore is unknown. Check the restore records before trying again.":
        "恢复结果未知。请先查看恢复记录，再决定是否重试。",
    "The outcome of the restore is unknown": "恢复结果未知",
    "The request got no answer and no new restore record was found for the backup. Check the restore records before trying again.":
        "请求未收到响应，也未找到该备份新的恢复记录。请先查看恢复记录，再决定是否重试。",
    "Restore": "恢复",
    "The answer was lost, but the restore was found. Restore ID:": "响应丢失，但已找到该恢复任务。恢复记录ID：",
    "Its progress is shown under Restore records.": "恢复进度显示在“恢复记录”中。",
    # --- RestoreTableModel --------------------------------------------------------------------
    "Restore ID: %1": "恢复记录ID：%1",
    "Restore name": "恢复名称",
    "Backup": "备份",
    "Progress": "进度",
    "Finished": "完成时间",
    # --- core: dcs -------------------------------------------------------------------------------
    "The server's answer is not a JSON object: %1": "服务器的响应不是 JSON 对象：%1",
    "unexpected JSON type": "意外的 JSON 类型",
    "The server's answer has no \"%1\".": "服务器的响应中没有“%1”。",
    "The field \"%1\" is not a list.": "字段“%1”不是列表。",
    # --- core: dcs::ApiError ---------------------------------------------------------------------
    "Single-node instances do not support backup and restore. Use a master/standby or cluster instance for this.":
        "单机实例不支持备份与恢复。如需此功能，请使用主备或集群实例。",
    "This instance does not support backup and restore. Check its type and engine version in the instance details.":
        "该实例不支持备份与恢复。请在实例详情中查看其实例类型和引擎版本。",
    "The backup cannot be restored: it has not succeeded or is marked as not restorable. Choose another backup.":
        "该备份无法用于恢复：备份未成功或被标记为不可恢复。请选择其他备份。",
    "A backup of this instance is running. Wait until it has finished, then try again.":
        "该实例正在备份。请等待备份完成后重试。",
    "A restore of this instance is already running. Follow it in the restore records instead of starting another.":
        "该实例已有恢复任务在进行中。请在恢复记录中查看其进度，不要重复发起恢复。",
    "The instance is not running. Wait until its status is Running, then try again.":
        "实例不在运行中。请等待实例状态变为“运行中”后重试。",
    "Another job of this instance is running. Wait until it has finished, then try again.":
        "该实例有其他任务正在执行。请等待其完成后重试。",
    "The remark is longer than 128 characters. Shorten it and try again.":
        "备注超过 128 个字符。请缩短后重试。",
    "The instance ID is not valid. Refresh the instance list and select the instance again.":
        "实例ID无效。请刷新实例列表并重新选择实例。",
    "A parameter of the request is invalid, for example the backup ID. Refresh the backup list and choose the backup again.":
        "请求参数无效（例如备份ID）。请刷新备份记录并重新选择备份。",
    "The request body was empty. This is a fault in the console; please report it.":
        "请求体为空。这是控制台的缺陷，请报告此问题。",
    "The request body was not valid JSON. This is a fault in the console; please report it.":
        "请求体不是有效的 JSON。这是控制台的缺陷，请报告此问题。",
    "The token is invalid. Sign in again or check the profile's credentials.":
        "Token 无效。请重新登录或检查配置中的认证信息。",
    "The token has expired. Sign in again to get a new one.": "Token 已过期。请重新登录以获取新的 Token。",
    "No token was sent. Check the profile's authentication settings.": "请求未携带 Token。请检查配置的认证设置。",
    "The project does not match the token. Check the project ID and region of the profile.":
        "项目与 Token 不匹配。请检查配置中的项目ID和区域。",
    "Your role lacks the permission for this operation. Ask an administrator to grant the DCS permissions you need.":
        "您的角色没有执行此操作的权限。请联系管理员授予所需的 DCS 权限。",
    "The instance does not exist. It may have been deleted; refresh the instance list.":
        "实例不存在，可能已被删除。请刷新实例列表。",
    "The URL does not exist. Check the endpoint and region of the profile.":
        "URL 不存在。请检查配置中的终端节点和区域。",
    "The method is not allowed for this URL. Check the endpoint of the profile; please report it if it is right.":
        "该 URL 不允许此请求方法。请检查配置中的终端节点；如终端节点正确，请报告此问题。",
    "The service had an internal error. Wait a moment and try again; quote the request ID to support if it persists.":
        "服务内部错误。请稍后重试；如问题持续存在，请向技术支持提供请求ID。",
    "Authentication failed: the AK/SK signature or the token is wrong. Check the access key, secret key and project ID.":
        "认证失败：AK/SK 签名或 Token 错误。请检查访问密钥（AK）、私有访问密钥（SK）和项目ID。",
    "The request time differs from the server time by more than 15 minutes. Correct this computer's clock.":
        "请求时间与服务器时间相差超过 15 分钟。请校正本机时钟。",
    "Too many requests: the call was throttled. Wait a moment and try again.": "请求过于频繁，已被限流。请稍后重试。",
    "The backup or restore tool failed to start. Try again later; contact support if it keeps failing.":
        "备份或恢复工具启动失败。请稍后重试；如仍然失败，请联系技术支持。",
    "The backup or restore timed out. Try again at a quieter time.": "备份或恢复超时。请在业务低峰期重试。",
    "Deleting the storage bucket failed. Contact support.": "删除存储桶失败。请联系技术支持。",
    "Getting the AK/SK for the backup storage failed. Check the account's permissions and try again.":
        "获取备份存储的 AK/SK 失败。请检查账号权限后重试。",
    "Creating the storage bucket failed. Check the storage quota and try again.": "创建存储桶失败。请检查存储配额后重试。",
    "Getting the backup size failed. Try again; if it fails again, use another backup.":
        "获取备份大小失败。请重试；如仍然失败，请使用其他备份。",
    "Data synchronisation failed during the restore. Check the instance's data and restore again if needed.":
        "恢复过程中数据同步失败。请检查实例数据，必要时重新恢复。",
    "The automatic backup was skipped because another job of the instance was running. No action is needed.":
        "由于该实例有其他任务正在执行，本次自动备份已跳过。无需处理。",
    "HTTP %1": "HTTP %1",
    "The service did not accept the credentials. Check the profile's access key, secret key or password, and its project ID.":
        "服务未接受认证信息。请检查配置中的访问密钥、私有访问密钥或密码，以及项目ID。",
    "The account is not allowed to do this. Ask an administrator for the DCS permissions you need.":
        "该账号无权执行此操作。请联系管理员授予所需的 DCS 权限。",
    "The resource was not found. Refresh the list; it may have been deleted.": "资源不存在，可能已被删除。请刷新列表。",
    "Too many requests. Wait a moment and try again.": "请求过于频繁。请稍后重试。",
    "The service had a problem answering. Wait a moment and try again; quote the request ID to support if it persists.":
        "服务响应异常。请稍后重试；如问题持续存在，请向技术支持提供请求ID。",
    "The service refused the request. The message above says why.": "服务拒绝了该请求，原因见上方错误信息。",
    "The service could not be reached. Check the network connection, the proxy and the endpoint of the profile.":
        "无法连接到服务。请检查网络连接、代理设置以及配置中的终端节点。",
    "The service did not answer in time. Check the network and try again; for a restore, check the restore records before trying again.":
        "服务未在规定时间内响应。请检查网络后重试；如为恢复操作，请先查看恢复记录再决定是否重试。",
    "The answer was lost: the request may have reached the server. Check the restore records before trying again.":
        "响应丢失：请求可能已到达服务器。请先查看恢复记录，再决定是否重试。",
    "The service answered with something the console does not understand. Check the endpoint of the profile; quote the request ID to support if it is right.":
        "服务返回了控制台无法识别的内容。请检查配置中的终端节点；如终端节点正确，请向技术支持提供请求ID。",
    "The request was cancelled.": "请求已取消。",
    "Network error": "网络错误",
    "Timed out": "请求超时",
    "Answer lost": "响应丢失",
    "Invalid response": "无效响应",
    "Cancelled": "已取消",
    "(request ID %1)": "（请求ID %1）",
    # --- core: dcs::InstanceType ---------------------------------------------------------------
    "Single-node": "单机",
    "Master/Standby": "主备",
    "Redis Cluster": "Redis 集群",
    "Proxy Cluster": "Proxy 集群",
    "Read/Write splitting": "读写分离",
    "Unknown": "未知",
    # --- core: dcs::RestorePreflight -----------------------------------------------------------
    "Single-node instances cannot be backed up or restored. Only master/standby and cluster instances support restore.":
        "单机实例不支持备份与恢复，只有主备和集群实例支持恢复。",
    "A restore of this instance is already running. Wait until it has finished.":
        "该实例已有恢复任务在进行中。请等待其完成。",
    "The instance is %1; only a RUNNING instance can be restored.": "实例当前状态为 %1，只有“运行中”的实例才能恢复。",
    "in an unknown state": "未知状态",
    "A backup of this instance is running. Wait until it has finished.": "该实例正在备份。请等待备份完成。",
    "This backup is %1; only a backup that succeeded can be restored.": "该备份状态为 %1，只有备份成功的备份才能用于恢复。",
    "The service marks this backup as not restorable (is_support_restore is FALSE).":
        "服务将该备份标记为不可恢复（is_support_restore 为 FALSE）。",
    "Choose the backup to restore from.": "请选择用于恢复的备份。",
    "This backup is %n hour(s) old: every write since then will be lost.":
        "该备份已有 %n 小时：此后写入的所有数据都将丢失。",
    # --- core: dcs::RestoreTracker / SimulatorProcess ------------------------------------------
    "The connection to the service was closed.": "与服务的连接已关闭。",
    "The local simulator could not be started (%1): %2": "无法启动本地模拟器（%1）：%2",
    "The local simulator stopped unexpectedly (exit code %1). See %2.": "本地模拟器意外退出（退出码 %1）。详见 %2。",
    "The local simulator program was not found at %1.": "在 %1 找不到本地模拟器程序。",
    "The local simulator did not report its address in time.": "本地模拟器未能及时报告其地址。",
    "The local simulator printed an unexpected address.": "本地模拟器输出了无法识别的地址。",
}

# Translations that differ by context (same English word, different Chinese).
ZH_BY_CONTEXT = {
    ("RestoreDialog", "Instance"): "实例信息",
    ("MainWindow", "Restore"): "恢复",
}


def english_plurals(source):
    """Singular and plural of an English source with '(s)' forms."""
    import re

    def repl(match, plural):
        word = match.group(1)
        return word + ("s" if plural else "")

    singular = re.sub(r"(\w+)\(s\)", lambda m: repl(m, False), source)
    plural = re.sub(r"(\w+)\(s\)", lambda m: repl(m, True), source)
    return singular, plural


def fill(path, chinese):
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if chinese:
                text = ZH_BY_CONTEXT.get((name, source), ZH.get(source))
                if text is None:
                    missing.append((name, source))
                    continue
                if numerus:
                    for form in list(translation):
                        translation.remove(form)
                    ET.SubElement(translation, "numerusform").text = text
                else:
                    translation.text = text
                translation.attrib.pop("type", None)
            elif numerus:
                singular, plural = english_plurals(source)
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = singular
                ET.SubElement(translation, "numerusform").text = plural
                translation.attrib.pop("type", None)
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


def main():
    missing = fill("translations/dcs-console_zh_CN.ts", chinese=True)
    fill("translations/dcs-console_en.ts", chinese=False)
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
