#!/usr/bin/env bash
# Re-extracts the console's strings into both catalogues. The Chinese one holds every string;
# the English one, the source language, only the plural forms (-pluralonly), as Qt intends.
# Then fill new Chinese entries (Qt Linguist, or translations/fill_translations.py new.json).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=(src/core src/network src/gui src/app ui)
"$lupdate" -no-obsolete -locations none "${sources[@]}" -ts translations/dcs-console_zh_CN.ts
"$lupdate" -no-obsolete -locations none -pluralonly -source-language en -target-language en \
    "${sources[@]}" -ts translations/dcs-console_en.ts
