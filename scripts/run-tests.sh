#!/usr/bin/env bash
# Builds DCS Console and runs every test (unit, simulator, GUI offscreen, translations).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
cd build
ctest --output-on-failure -j2 "$@"
