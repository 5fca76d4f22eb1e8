#!/usr/bin/env bash
# Builds and starts DCS Console. With no profile configured it runs on the embedded default:
# a local DCS simulator it starts itself. Arguments are passed to dcs-console.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found: starting under xvfb-run (nothing will be visible)." >&2
    exec xvfb-run -a -s "-screen 0 1400x900x24" build/bin/dcs-console "$@"
fi
exec build/bin/dcs-console "$@"
