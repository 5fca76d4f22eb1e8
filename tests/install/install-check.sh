#!/usr/bin/env bash
# Checks the installed layout, as `cmake --install` leaves it in a temporary DESTDIR.
#   install-check.sh tree|console|metadata|manpages
# Everything else comes from the environment that tests/install/CMakeLists.txt sets.
# Exit code 77: skipped (ctest SKIP_RETURN_CODE).
set -uo pipefail

: "${BUILD_DIR:?}" "${DEST:?}" "${PREFIX:?}" "${BINDIR:?}" "${LIBDIR:?}" "${DATADIR:?}" "${MANDIR:?}" \
  "${DOCDIR:?}" "${APP_ID:?}" "${VERSION:?}" "${RELEASE_DATE:?}"
root="$DEST$PREFIX"
bin="$root/$BINDIR"
share="$root/$DATADIR"
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
need_file() {
    [[ -f "$1" ]] || fail "not installed: ${1#"$DEST"}"
}

case "${1:-}" in
tree)
    rm -rf "$DEST"
    DESTDIR="$DEST" cmake --install "$BUILD_DIR" >"$DEST.log" 2>&1 || {
        cat "$DEST.log" >&2
        fail "cmake --install into $DEST failed"
    }
    ;;

console)
    need_file "$bin/dcs-console"
    need_file "$bin/dcs-sim"
    ((failures)) && exit 1
    # No program carries a library search path, installed or built: every library they use is
    # the system's, and an empty entry in one means whatever folder the program is started from.
    for program in "$bin/dcs-console" "$bin/dcs-sim" "$BUILD_DIR/bin/dcs-console" \
        "$BUILD_DIR/bin/dcs-sim"; do
        paths=$(readelf -d "$program" | grep -E '\((RUN)?PATH\)') &&
            fail "${program#"$DEST"} searches its own library path: $paths"
    done
    # Qt Network comes with the console's network module, loaded after the first frame: the
    # program itself must not need it, and the module must be where the program looks.
    module="$root/$LIBDIR/dcs-console/libdcs-network.so"
    need_file "$module"
    for program in "$bin/dcs-console" "$BUILD_DIR/bin/dcs-console"; do
        readelf -d "$program" | grep -q 'NEEDED.*libQt6Network' &&
            fail "${program#"$DEST"} links Qt Network itself instead of loading it"
    done
    readelf -d "$module" | grep -q 'NEEDED.*libQt6Network' ||
        fail "${module#"$DEST"} does not link Qt Network"
    version=$("$bin/dcs-console" --lang en --version) || fail "dcs-console --version failed"
    grep -qx "dcs-console $VERSION" <<<"$version" && grep -q '^Build: .' <<<"$version" &&
        grep -q '^Qt: [0-9]' <<<"$version" || fail "dcs-console --version says: $version"
    sim_version=$("$bin/dcs-sim" --version) || fail "dcs-sim --version failed"
    grep -qF "$VERSION" <<<"$sim_version" || fail "dcs-sim --version says: $sim_version"

    # The Demo profile of the installed console, with a home of its own: it must start the
    # installed dcs-sim and list the demo instances through it.
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
    export QT_QPA_PLATFORM=offscreen
    mkdir -p "$HOME"
    "$bin/dcs-console" --lang en --settings "$work/settings.ini" 2>"$work/console.err" &
    console=$!
    sim_log="$XDG_DATA_HOME/dcs-console/dcs-console/dcs-sim.log"
    sim_exe=""
    listed=no
    for _ in $(seq 1 120); do
        if [[ -z "$sim_exe" ]]; then
            for child in $(cat /proc/"$console"/task/*/children 2>/dev/null); do
                sim_exe=$(readlink "/proc/$child/exe" 2>/dev/null || true)
            done
        fi
        if grep -qE '^GET /\S*/instances(\?\S*)? 200 ' "$sim_log" 2>/dev/null; then
            listed=yes
            break
        fi
        kill -0 "$console" 2>/dev/null || break
        sleep 0.5
    done
    [[ "$sim_exe" == "$bin/dcs-sim" ]] ||
        fail "the console's simulator is '${sim_exe:-none}', not the installed $bin/dcs-sim"
    [[ $listed == yes ]] || fail "the Demo profile did not list its instances through dcs-sim"
    if kill -0 "$console" 2>/dev/null; then
        kill -TERM "$console"
        wait "$console"
        code=$?
        ((code == 0)) || fail "the console ended with exit code $code after SIGTERM"
    else
        wait "$console"
        fail "the console ended by itself (exit code $?)"
    fi
    if ((failures)); then
        echo "--- console stderr" >&2
        cat "$work/console.err" >&2
        echo "--- dcs-sim log" >&2
        cat "$sim_log" >&2 2>/dev/null
    fi
    ;;

metadata)
    desktop="$share/applications/$APP_ID.desktop"
    metainfo="$share/metainfo/$APP_ID.metainfo.xml"
    need_file "$desktop"
    need_file "$metainfo"
    need_file "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in 16 22 24 32 48 64 128 256; do
        png="$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
        need_file "$png"
        # PNG header: width and height are the big-endian words at bytes 16 and 20.
        dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{print $3*256+$4 "x" $7*256+$8}')
        [[ "$dims" == "${size}x${size}" ]] || fail "$png is $dims, not ${size}x${size}"
    done
    need_file "$root/$DOCDIR/LICENSE"
    ((failures)) && exit 1

    exec_line=$(sed -n 's/^Exec=//p' "$desktop")
    [[ -x "$bin/${exec_line%% *}" ]] || fail "Exec=$exec_line is not an installed program"
    grep -q "^Icon=$APP_ID\$" "$desktop" || fail "the desktop entry's Icon is not $APP_ID"
    grep -qF "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$metainfo" ||
        fail "the metainfo does not launch $APP_ID.desktop"
    grep -qF "<release version=\"$VERSION\" date=\"$RELEASE_DATE\">" "$metainfo" ||
        fail "the metainfo has no release entry for $VERSION ($RELEASE_DATE)"

    validators=0
    if command -v desktop-file-validate >/dev/null; then
        validators=$((validators + 1))
        out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
        [[ -n "$out" ]] && echo "desktop-file-validate: $out"
    else
        echo "desktop-file-validate not found (package desktop-file-utils): skipped"
    fi
    if command -v appstreamcli >/dev/null; then
        validators=$((validators + 1))
        out=$(appstreamcli validate --no-net "$metainfo" 2>&1) || fail "appstreamcli: $out"
    else
        echo "appstreamcli not found (package appstream): skipped"
    fi
    echo "$validators validator(s) run"
    ;;

manpages)
    # Each man page lists exactly the options of the program's --help, with their text.
    check_page() { # page program arguments...
        local page="$1" program="$2"
        shift 2
        need_file "$page" || return
        local help text
        help=$("$bin/$program" "$@") || {
            fail "$program $* failed"
            return
        }
        text=$(gzip -dc "$page" | sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' -e 's/\\://g' -e 's/\\e/\\/g')
        local help_options page_options
        # The names column ends at the first run of two spaces.
        help_options=$(grep -E '^  -' <<<"$help" | sed -E 's/^  //; s/  .*$//' |
            grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,' | sort -u)
        page_options=$(gzip -dc "$page" |
            awk '/^\.SH/ {opts = ($2 == "OPTIONS" || $2 == "选项")} opts && prev == ".TP" {print} {prev = $0}' |
            sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' |
            tr -d ' ,' | sort -u)
        [[ "$help_options" == "$page_options" ]] ||
            fail "${page#"$DEST"}: options differ from $program $*:$(diff <(echo "$help_options") <(echo "$page_options") | grep '^[<>]' | tr '\n' ' ')"
        # The first words of each option's text, as --help prints them.
        while IFS= read -r words; do
            words=${words:0:16}
            grep -qF -- "$words" <<<"$text" || fail "${page#"$DEST"}: missing \"$words\""
        done < <(grep -E '^  -' <<<"$help" | sed -E 's/^  -\S.*\S {2,}(\S.*)$/\1/; t; d')
        if command -v man >/dev/null; then
            local warnings
            warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
            [[ -z "$warnings" ]] || fail "${page#"$DEST"}: $warnings"
        fi
    }
    check_page "$root/$MANDIR/man1/dcs-console.1.gz" dcs-console --lang en --help
    check_page "$root/$MANDIR/zh_CN/man1/dcs-console.1.gz" dcs-console --lang zh_CN --help
    check_page "$root/$MANDIR/man1/dcs-sim.1.gz" dcs-sim --help
    ;;

*)
    echo "usage: $0 tree|console|metadata|manpages" >&2
    exit 2
    ;;
esac
((failures == 0))
