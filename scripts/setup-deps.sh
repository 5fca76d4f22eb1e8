#!/usr/bin/env bash
# Installs what building and testing DCS Console needs, when it is missing.
# Debian 12 and its derivatives: apt-get (through sudo when not root). Elsewhere: checks that the
# tools are there and says what to install.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev qt6-svg-dev qt6-qpa-plugins
    libxkbcommon-dev libgl-dev zlib1g-dev libsimdjson-dev libhiredis-dev
    xvfb xauth fonts-noto-cjk openssl
    redis-server redis-tools
    dpkg-dev file desktop-file-utils appstream lintian
)

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    missing=()
    for p in "${packages[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "Installing: ${missing[*]}" >&2
        sudo=()
        if [[ $(id -u) -ne 0 ]]; then
            command -v sudo >/dev/null 2>&1 || {
                echo "Not root and no sudo: install these packages first: ${missing[*]}" >&2
                exit 1
            }
            sudo=(sudo)
        fi
        export DEBIAN_FRONTEND=noninteractive
        "${sudo[@]}" apt-get update -qq
        "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
else
    # Another distribution: the build needs Qt >= 6.4 with HttpServer, WebSockets, Svg, Tools,
    # and hiredis; redis-server is optional (the Demo profile and the tests use it when there).
    for tool in cmake c++; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "Missing $tool; install CMake, a C++17 compiler, Qt >= 6.4 (Base, Tools," \
                 "HttpServer, WebSockets, Svg, translations) and hiredis with your package" \
                 "manager (and redis-server for the Demo profile's real data)." >&2
            exit 1
        }
    done
fi
