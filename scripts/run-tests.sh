#!/usr/bin/env bash
# Builds DCS Console and runs every test (unit, simulator, GUI offscreen, translations).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh

# dcs-sim is also checked with a client nobody here wrote: Huawei Cloud's official Node.js SDK
# core, with its own signer. It needs Node.js and npm; without them that one check is skipped.
sdk_dir="$PWD/build/official-sdk"
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    if [[ ! -d "$sdk_dir/node_modules/@huaweicloud/huaweicloud-sdk-core" ]]; then
        mkdir -p "$sdk_dir"
        cp tests/sim/official-sdk/package.json "$sdk_dir/"
        (cd "$sdk_dir" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) ||
            echo "npm install of the official SDK failed: its check is skipped." >&2
    fi
    cmake -S . -B build -DDCS_OFFICIAL_SDK_DIR="$sdk_dir" >/dev/null
else
    echo "Node.js/npm not found: the official SDK check against dcs-sim is skipped." >&2
fi

cd build
ctest --output-on-failure -j2 "$@"
