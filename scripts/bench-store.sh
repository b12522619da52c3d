#!/usr/bin/env bash
# bench-store.sh - measure the store and push paths (a benchmark, not a
# test): triples/s loading news-like N-Triples into the sqlite and bdb
# stores, and pushing them to a local Virtuoso (Graph Store PUT) next to
# `curl -T` of the same data; peak memory (max RSS) of each run.
#
#   bash scripts/bench-store.sh [NEWSGRAPH_BIN] [TRIPLES]   (default 200000)
set -u
cd "$(dirname "$0")/.." || exit 1
NG=${1:-./newsgraph}
N=${2:-200000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench.XXXXXX") || exit 1
vdir="$tmp/virtuoso"
trap '[ -f "$vdir/pid" ] && bash scripts/virtuoso.sh stop "$vdir" >/dev/null 2>&1; rm -rf "$tmp"' EXIT

python3 - "$tmp/data.nt" "$N" <<'EOF'
import sys
n = int(sys.argv[2])
with open(sys.argv[1], "w") as f:
    for i in range(n):
        f.write('<https://w3id.org/newsgraph/id/article/a%d#statement-%d> '
                '<https://w3id.org/newsgraph/ns#text> "Quote number %d said '
                'by someone about trade and tariffs" .\n' % (i // 50, i % 50, i))
EOF

# timed LABEL CMD...: prints seconds and max RSS (KiB) of CMD
timed() {
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err" ||
    { echo "$label: failed: $(head -n 1 "$tmp/err")"; return 1; }
  t1=$(date +%s.%N)
  awk -v l="$label" -v n="$N" -v a="$t0" -v b="$t1" -v r="$(tail -n 1 "$tmp/rss")" \
    'BEGIN { s = b - a; printf "%-28s %8d triples %7.2f s %9.0f triples/s  max RSS %d KiB\n", l, n, s, n / s, r }'
}

timed "load sqlite" "$NG" load -q --store "$tmp/s.db" --graph http://ex/g "$tmp/data.nt"
timed "reload sqlite (replace)" "$NG" load -q --store "$tmp/s.db" --graph http://ex/g "$tmp/data.nt"
mkdir -p "$tmp/b"
timed "load bdb" "$NG" load -q --backend bdb --store "$tmp/b/s" --graph http://ex/g "$tmp/data.nt"

if bash scripts/virtuoso.sh start "$vdir" >/dev/null 2>"$tmp/verr"; then
  . "$vdir/env"
  export NEWSGRAPH_PASSWORD="$VIRT_PASSWORD"
  timed "curl -T (one PUT)" curl -s -f --digest -u "dba:$VIRT_PASSWORD" \
    -H 'Content-Type: text/turtle' -T "$tmp/data.nt" "$VIRT_GSP?graph=http://ex/c"
  timed "push gsp (50k parts)" "$NG" push -q --endpoint "$VIRT_GSP" --user dba \
    --graph http://ex/p "$tmp/data.nt"
  timed "push gsp --store sqlite" "$NG" push -q --endpoint "$VIRT_GSP" --user dba \
    --store "$tmp/s.db"
else
  echo "virtuoso: not started: $(head -n 1 "$tmp/verr")"
fi
