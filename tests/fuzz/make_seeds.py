#!/usr/bin/env python3
"""Writes the starting inputs of the fuzz corpus (corpus/seed-*) from the shapes of
dcs-api.md and dcs-api-v2.md. The first character chooses the reader (fuzz_api.cpp). Inputs the
fuzzer found worth keeping are saved beside them (corpus/found-*)."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus")
os.makedirs(out, exist_ok=True)

instance = {
    "name": "order-cache-prod", "engine": "Redis", "engine_version": "5.0",
    "internal_version": None, "instance_id": "3a7e1b2c-0d4f-4e5a-9b6c-7d8e9f0a1b2c",
    "capacity": 2, "capacity_minor": None, "max_memory": 2048, "used_memory": 512,
    "ip": "192.168.0.12", "port": 6379, "domainName": "redis.example", "domain_name": "redis.example",
    "readonlyDomainName": None, "readonly_domain_name": None, "status": "RUNNING",
    "error_code": None, "freeze_scene": None, "spec_code": "redis.ha.xu1.large.r2.2",
    "resource_spec_code": "dcs.master_standby", "charging_mode": 0, "vpc_id": "vpc-1",
    "vpc_name": "vpc", "subnet_id": "subnet-1", "security_group_id": "sg-1",
    "created_at": "2026-11-20T08:00:00.000Z", "update_at": "2026-11-28T03:10:00.000Z",
    "user_id": "u", "user_name": "ops", "maintain_begin": "02:00:00", "maintain_end": "06:00:00",
    "no_password_access": "false", "access_user": None, "enable_publicip": False,
    "enable_ssl": False, "publicip_id": None, "publicip_address": None,
    "tags": [{"key": "env", "value": "prod"}], "cache_mode": "ha", "product_type": "generic",
    "cpu_type": "x86_64", "description": "订单缓存", "available_zones": ["az1"],
    "db_number": 256, "sharding_count": 0,
    "instance_backup_policy": {"backup_policy_id": "p", "policy": {"backup_type": "auto",
        "save_days": 7, "periodical_backup_plan": {"begin_at": "00:00-01:00",
        "period_type": "weekly", "backup_at": [1, 3, 5], "timezone_offset": "+0800"}}},
}
backup = {
    "backup_id": "b1f7c1d2-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "instance_id": instance["instance_id"],
    "backup_name": "backup_20261127054907", "remark": "before release 2.15", "period": None,
    "size": 1048576, "backup_type": "manual", "backup_format": "RDB", "status": "succeed",
    "progress": "100.00", "created_at": "2026-11-27T05:49:07Z",
    "execution_at": "2026-11-27T05:49:08Z", "updated_at": "2026-11-27T05:50:00Z",
    "error_code": None, "is_support_restore": "TRUE",
}
restore = {
    "restore_id": "r0e1d2c3-b4a5-4968-8776-655443322110", "restore_name": "restore_20261128031000",
    "backup_id": backup["backup_id"], "backup_name": backup["backup_name"],
    "restore_remark": "回滚 release 2.15", "backup_remark": None, "status": "restoring",
    "progress": "42.50", "created_at": "2026-11-28T03:10:00Z", "updated_at": None,
    "error_code": None,
}
task = {"id": "t1", "name": "EXTEND", "user_name": "ops", "user_id": "u", "params": "{}",
        "status": "SUCCESS", "created_at": "2026-11-28T03:00:00Z",
        "updated_at": "2026-11-28T03:05:00Z", "enable_show": True}

def dump(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

seeds = {
    "instances-v1": "0" + dump({"instance_num": 1, "instances": [instance]}),
    "instances-v2": "0" + dump({"instance_num": 2, "instances": [instance, dict(instance,
        instance_id="4b8f2c3d-1e5a-4f6b-8c7d-9e0f1a2b3c4d", cache_mode="single", status=None)]}),
    "instances-empty": "0" + dump({"instance_num": 0, "instances": []}),
    "instances-numbers": "0" + '{"instance_num":1e400,"instances":[{"instance_id":12,"capacity":'
        '9223372036854775808,"max_memory":-1e-400,"used_memory":1.5,"created_at":"0000-00-00"}]}',
    "backups": "1" + dump({"total_num": 1, "backup_record_response": [backup]}),
    "backups-odd": "1" + dump({"total_num": "3", "backup_record_response": [dict(backup,
        progress="150", size=-8, backup_id=None), dict(backup, progress="abc",
        backup_name="\u202etxt.exe")]}),
    "restores": "2" + dump({"total_num": 1, "restore_record_response": [restore]}),
    "restores-odd": "2" + dump({"total_num": 1, "restore_record_response": [dict(restore,
        progress=None, restore_id="", status="FAILED", error_code="dcs.08.0003")]}),
    "tasks": "3" + dump({"task_count": "1", "tasks": [task]}),
    "error-v1": "4" + dump({"error": {"code": "DCS.4097", "message": "restoring",
        "ext_message": None}}),
    "error-v2": "4" + dump({"error_code": "DCS.4087", "error_msg": "not restorable",
        "error_ext_msg": None}),
    "error-gateway": "4" + dump({"error_code": "APIGW.0301", "error_msg": "Incorrect IAM "
        "authentication information", "request_id": "0123456789abcdef"}),
    "error-legacy": "4" + dump({"error": {"code": "111400097", "message": "x"}}),
    "error-html": "4" + "<html><body><h1>502 Bad Gateway</h1></body></html>",
    "ok-restore": "5" + dump({"restore_id": restore["restore_id"]}),
    "ok-error": "5" + dump({"error_code": "DCS.5000", "error_msg": "internal"}),
    "ok-empty": "5",
    "ok-array": "5" + "[1,2,3]",
    "record-instance": "6" + dump(instance),
    "record-backup": "6" + dump(backup),
    "record-restore": "6" + dump(restore),
    "policy": "7" + dump({"instance_backup_policy": instance["instance_backup_policy"],
        "redis": {"running": 3, "restoring": 1}, "links": [{"file_name": "a.rdb",
        "link": "https://obs.example/a.rdb"}]}),
}
for name, text in seeds.items():
    with open(os.path.join(out, "seed-" + name), "w", encoding="utf-8") as f:
        f.write(text)
print(len(seeds), "seeds in", out)
