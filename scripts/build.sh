#!/usr/bin/env bash
# Configures (once) and builds into ./build, shared by the run and test commands.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [[ ! -f build/CMakeCache.txt ]]; then
    cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build build --parallel "$(nproc 2>/dev/null || echo 2)"
