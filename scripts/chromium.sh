#!/usr/bin/env bash
# chromium.sh - headless Chromium as the tests and `make screenshot` run it:
#   chromium.sh dom URL            the DOM after loading URL, on stdout
#   chromium.sh shot URL FILE.png  a 1280x1400 screenshot of URL
# Each call starts one browser with a fresh profile (removed after) and no
# network of its own (no updates, no sync); its chatter on stderr is
# dropped.  Exit status: Chromium's, or 3 when it is not installed.
set -u
mode=${1:?dom or shot}
url=${2:?URL}
command -v chromium >/dev/null 2>&1 || { echo "chromium.sh: no chromium" >&2; exit 3; }
profile=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-chromium.XXXXXX") || exit 1
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update
       --disable-sync --user-data-dir="$profile")
case $mode in
  dom)  timeout 60 chromium "${flags[@]}" --dump-dom "$url" 2>/dev/null ;;
  shot) timeout 60 chromium "${flags[@]}" --hide-scrollbars \
          --window-size=1280,1400 --screenshot="${3:?FILE.png}" "$url" \
          >/dev/null 2>&1 ;;
  *) echo "chromium.sh: dom or shot, not '$mode'" >&2; exit 2 ;;
esac
