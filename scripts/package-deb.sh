#!/usr/bin/env bash
# Builds the Debian package of DCS Console, then checks it with lintian:
#   scripts/package-deb.sh        -> build-deb/dcs-console_<version>-1_<arch>.deb
# The package comes from a build folder of its own, build-deb/: a Release build of the programs
# only (no tests), with Debian's compiler and linker hardening flags (dpkg-buildflags, plus
# bindnow). Any other build folder can make a package too: cd build && cpack -G DEB.
# Install it with: sudo apt install ./build-deb/dcs-console_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh
out=build-deb
if [[ ! -f $out/CMakeCache.txt ]]; then
    export DEB_BUILD_MAINT_OPTIONS=hardening=+bindnow
    # CMake reads CXXFLAGS and LDFLAGS from the environment when it first configures; it has no
    # CPPFLAGS, which carry _FORTIFY_SOURCE.
    generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    CXXFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
        LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" \
        cmake -S . -B "$out" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
fi
cmake --build "$out" --parallel "$(nproc 2>/dev/null || echo 2)"
cd "$out"
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
