#!/usr/bin/env bash
# Builds the Debian package of DCS Console into build/ with CPack, then checks it with lintian.
#   scripts/package-deb.sh          -> build/dcs-console_<version>-1_<arch>.deb
# Install it with: sudo apt install ./build/dcs-console_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
cd build
rm -f dcs-console_*.deb
cpack -G DEB
deb=$(ls dcs-console_*.deb)
echo "Package: $PWD/$deb"
dpkg-deb --field "$deb"
if command -v lintian >/dev/null 2>&1; then
    # Errors fail the script; warnings and notes are shown.
    lintian --display-info "$deb" || {
        echo "lintian reports errors for $deb" >&2
        exit 1
    }
else
    echo "lintian not found: the package is not checked." >&2
fi
