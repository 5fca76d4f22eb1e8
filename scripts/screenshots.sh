#!/bin/sh
# Makes the screenshots in docs/: the main window, the restore dialog and the profile dialog, in
# English and Chinese. Runs dcs-console (which starts its own dcs-sim) on a virtual X screen with a
# fresh demo state and a settings file of its own (none of the user's profiles).
#   scripts/screenshots.sh [build-dir]        (default: build, as the README's commands use)
# Needs xvfb-run and ImageMagick's import.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
console="$build/bin/dcs-console"
out="$root/docs"
# The window's default size, so the screen shows exactly the window.
screen="1360x860x24"
settle=${SETTLE_SECONDS:-7}

[ -x "$console" ] || { echo "screenshots: $console not built" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run missing" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshots: ImageMagick import missing" >&2; exit 1; }
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One example account for the profile dialog; the Demo profile is the one opened otherwise.
example=b6f1c2de-1111-4a5b-9c0d-222233334444
write_settings() {
    cat >"$work/settings.ini" <<EOF
[General]
lastUsedProfile=demo

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
EOF
}

shoot() { # language, file, extra options (one word list)
    lang=$1
    file=$2
    shift 2
    rm -f "$work/state.json"
    write_settings
    xvfb-run -a -s "-screen 0 $screen" sh -c '
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

shoot en main-window-en.png
shoot zh_CN main-window-zh_CN.png
shoot en restore-dialog-en.png --open-restore
shoot zh_CN restore-dialog-zh_CN.png --open-restore
shoot en profile-dialog-en.png "--profile $example --edit-profile"
shoot zh_CN profile-dialog-zh_CN.png "--profile $example --edit-profile"
