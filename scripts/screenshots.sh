#!/bin/sh
# Makes the screenshots in docs/: the main window and the restore dialog, in English and Chinese.
# Runs dcs-console (which starts its own dcs-sim) on a virtual X screen with a fresh demo state.
#   scripts/screenshots.sh [build-dir]        (default: build-gui)
# Needs xvfb-run and ImageMagick's import.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-gui"}
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

shoot() { # language, file, extra options...
    lang=$1
    file=$2
    shift 2
    rm -f "$work/state.json"
    xvfb-run -a -s "-screen 0 $screen" sh -c '
        "$0" --lang "$1" --state-file "$2" --select order-cache-prod $4 >/dev/null 2>&1 &
        app=$!
        sleep "$3"
        import -window root "$5"
        kill $app
        wait $app || true
    ' "$console" "$lang" "$work/state.json" "$settle" "${1:-}" "$out/$file"
    echo "screenshots: wrote docs/$file"
}

shoot en main-window-en.png
shoot zh_CN main-window-zh_CN.png
shoot en restore-dialog-en.png --open-restore
shoot zh_CN restore-dialog-zh_CN.png --open-restore
