#!/bin/sh
# Makes the screenshots in docs/: the main window, the restore dialog, the profile dialog and the
# restore audit trail, in English and Chinese; the main window and the restore dialog also in the
# dark theme (docs/*-dark.png), and both at 200 % (QT_SCALE_FACTOR=2, docs/*-200.png), light and
# dark, where cut-off labels would show first; the profile dialog of a profile with plain-HTTP
# endpoints (its two warnings) in dark and at 200 %, and the audit trail in dark. Runs
# dcs-console (which starts its own dcs-sim) on a virtual X screen with a fresh demo state and a
# settings file of its own (none of the user's profiles).
#   scripts/screenshots.sh [build-dir]        (default: build, as the README's commands use)
# Needs xvfb-run and ImageMagick's import.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
console="$build/bin/dcs-console"
out="$root/docs"
# The window's default size, so the screen shows exactly the window.
screen="1360x860x24"
screen200="2720x1720x24"
settle=${SETTLE_SECONDS:-7}

[ -x "$console" ] || { echo "screenshots: $console not built" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run missing" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshots: ImageMagick import missing" >&2; exit 1; }
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Example accounts for the profile dialog: one in production, one on plain-HTTP endpoints with an
# IAM user (both warnings); the Demo profile is the one opened otherwise.
example=b6f1c2de-1111-4a5b-9c0d-222233334444
staging=c7a2d3ef-2222-4b6c-8d1e-333344445555
write_settings() { # theme: system, light or dark
    cat >"$work/settings.ini" <<EOF
[General]
lastUsedProfile=demo

[console]
theme=${theme:-light}

[profiles]
$example\\name=Production (cn-north-4)
$example\\region=cn-north-4
$example\\dcsEndpoint=https://dcs.cn-north-4.myhuaweicloud.com
$example\\iamEndpoint=https://iam.cn-north-4.myhuaweicloud.com
$example\\projectId=0a1b2c3d4e5f40718293a4b5c6d7e8f9
$example\\auth=aksk
$example\\accessKey=HPUAEXAMPLEACCESSKEY
$example\\proxy\\mode=system
$example\\timeoutSeconds=30
$example\\production=true
$example\\readOnly=false
$staging\\name=Staging (private network)
$staging\\region=cn-north-4
$staging\\dcsEndpoint=http://dcs.staging.internal:8080
$staging\\iamEndpoint=http://iam.staging.internal:8080
$staging\\projectId=9f8e7d6c5b4a43219f8e7d6c5b4a4321
$staging\\auth=iam-password
$staging\\iamAccount=shop-staging
$staging\\iamUser=ops-admin
$staging\\proxy\\mode=none
$staging\\timeoutSeconds=30
$staging\\production=false
$staging\\readOnly=false
EOF
}

# The console's data folder (audit trail, pending restores) lives in the work folder too, with a
# short audit trail to show: one restore followed to its end, one refused, one whose answer was
# lost and found again.
export XDG_DATA_HOME="$work/data"
write_audit() {
    dir="$XDG_DATA_HOME/dcs-console/dcs-console"
    rm -rf "$XDG_DATA_HOME"
    mkdir -p "$dir"
    p=0a1b2c3d4e5f40718293a4b5c6d7e8f9
    i=5f0c0d8e-8c1b-5b44-9d6e-4f3c2a1b0e9d
    common="\"os_user\":\"admin\",\"profile\":\"Demo (local simulator)\",\"region\":\"local simulator\",\"project_id\":\"$p\",\"instance_id\":\"$i\",\"instance_name\":\"order-cache-prod\""
    cat >"$dir/restore-audit.jsonl" <<EOF
{"time":"2026-11-20T02:14:09.120Z","event":"attempt",$common,"backup_id":"b1","backup_name":"backup_20261119030000","remark":"roll back bad price import","restore_id":"7d0e6b1c-7a52-4c55-9a8e-2f1d3c4b5a69","request_id":"2b7f0e6c9a1d4e3f8b5a6c7d8e9f0a1b","outcome":"accepted","final_status":"","error_code":"","safety_backup_id":"3c9a5e1f-0b2d-4c6e-8f1a-2b3c4d5e6f70"}
{"time":"2026-11-20T02:16:41.532Z","event":"finished",$common,"backup_id":"b1","backup_name":"backup_20261119030000","remark":"roll back bad price import","restore_id":"7d0e6b1c-7a52-4c55-9a8e-2f1d3c4b5a69","request_id":"","outcome":"succeed","final_status":"succeed","error_code":"","safety_backup_id":"3c9a5e1f-0b2d-4c6e-8f1a-2b3c4d5e6f70"}
{"time":"2026-11-20T03:02:17.880Z","event":"attempt",$common,"backup_id":"b2","backup_name":"backup_20261118030000","remark":"","restore_id":"","request_id":"9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b","outcome":"refused","final_status":"","error_code":"DCS.4097","safety_backup_id":""}
{"time":"2026-11-20T04:45:03.004Z","event":"attempt",$common,"backup_id":"b1","backup_name":"backup_20261119030000","remark":"after the load test","restore_id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","request_id":"","outcome":"recovered","final_status":"","error_code":"","safety_backup_id":""}
{"time":"2026-11-20T04:47:30.250Z","event":"finished",$common,"backup_id":"b1","backup_name":"backup_20261119030000","remark":"after the load test","restore_id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","request_id":"","outcome":"failed","final_status":"failed","error_code":"dcs.08.0007","safety_backup_id":""}
EOF
}

shoot() { # language, file, extra options (one word list); $scale: 1 or 2
    lang=$1
    file=$2
    shift 2
    rm -f "$work/state.json"
    write_settings
    write_audit
    size=$screen
    [ "${scale:-1}" = 2 ] && size=$screen200
    QT_SCALE_FACTOR=${scale:-1} xvfb-run -a -s "-screen 0 $size" sh -c '
        "$0" --lang "$1" --state-file "$2" --settings "$6" --select order-cache-prod $4 \
            >/dev/null 2>&1 &
        app=$!
        sleep "$3"
        import -window root "$5"
        kill $app
        wait $app || true
    ' "$console" "$lang" "$work/state.json" "$settle" "${1:-}" "$out/$file" "$work/settings.ini"
    echo "screenshots: wrote docs/$file"
}

for lang in en zh_CN; do
    scale=1
    theme=light
    shoot $lang main-window-$lang.png
    shoot $lang restore-dialog-$lang.png --open-restore
    shoot $lang profile-dialog-$lang.png "--profile $example --edit-profile"
    shoot $lang audit-dialog-$lang.png --open-audit
    theme=dark
    shoot $lang main-window-$lang-dark.png
    shoot $lang restore-dialog-$lang-dark.png --open-restore
    shoot $lang profile-dialog-plain-http-$lang-dark.png "--profile $staging --edit-profile"
    shoot $lang audit-dialog-$lang-dark.png --open-audit

    scale=2
    theme=light
    shoot $lang main-window-$lang-200.png
    shoot $lang restore-dialog-$lang-200.png --open-restore
    shoot $lang profile-dialog-plain-http-$lang-200.png "--profile $staging --edit-profile"
    theme=dark
    shoot $lang main-window-$lang-dark-200.png
    shoot $lang restore-dialog-$lang-dark-200.png --open-restore
done
