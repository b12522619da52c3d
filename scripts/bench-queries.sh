#!/usr/bin/env bash
# bench-queries.sh - the store at the scale of a year of a news desk (a
# benchmark, not a test; `make bench-store`): every article of the corpus
# loaded with `newsgraph load` (sqlite; and bdb), the same N-Quads loaded
# into oxigraph (npm, into build/npm), and the ten newsroom queries of
# scripts/bench-queries/ run on both: seconds each (ours: the best of two
# runs of `newsgraph query`, a whole process; oxigraph: the best of three
# in one process), with their row counts.
#
#   bash scripts/bench-queries.sh [NEWSGRAPH_BIN] [CORPUS_DIR]
set -u
cd "$(dirname "$0")/.." || exit 1
NG=${1:-./newsgraph}
CORPUS=${2:-../shared/corpus}
export NEWSGRAPH_DATA="$PWD/ontology" LC_ALL=C.UTF-8
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-benchq.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

find "$CORPUS" -name '*.txt' | LC_ALL=C sort >"$tmp/files"
n=$(wc -l <"$tmp/files")
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
now() { date +%s.%N; }
# cpu CMD...: run CMD; CPU seconds (user + system) in $tmp/cpu
cpu() { /usr/bin/time -f '%U %S' -o "$tmp/time" "$@"; local rc=$?
  awk '{ printf "%.2f", $1 + $2 }' "$tmp/time" >"$tmp/cpu"; return $rc; }

t0=$(now)
"$NG" extract -q -j 2 -f nquads -o "$tmp/data.nq" $(cat "$tmp/files") || exit 1
t1=$(now)
quads=$(wc -l <"$tmp/data.nq")
echo "extract: $n articles, $quads quads, $(secs "$t0" "$t1") s (-j 2)"

t0=$(now)
cpu xargs "$NG" load -q --store "$tmp/s.db" <"$tmp/files" || exit 1
t1=$(now)
s=$(secs "$t0" "$t1")
triples=$("$NG" stats --store "$tmp/s.db" | awk '/^triples:/ { print $2 }')
echo "load sqlite (articles, extraction included): $s s ($(cat "$tmp/cpu") s CPU)," \
  "$triples triples, $(awk -v t="$triples" -v s="$s" 'BEGIN { printf "%.0f", t / s }') triples/s"
t0=$(now)
cpu "$NG" load -q --store "$tmp/nq.db" "$tmp/data.nq" || exit 1
t1=$(now)
s=$(secs "$t0" "$t1")
echo "load sqlite (the N-Quads file, one graph): $s s ($(cat "$tmp/cpu") s CPU)," \
  "$(awk -v t="$quads" -v s="$s" 'BEGIN { printf "%.0f", t / s }') quads/s"
mkdir -p "$tmp/b"
t0=$(now)
cpu "$NG" load -q --backend bdb --store "$tmp/b/s" "$tmp/data.nq" || exit 1
t1=$(now)
s=$(secs "$t0" "$t1")
echo "load bdb hashes (the N-Quads file, one graph): $s s ($(cat "$tmp/cpu") s CPU)," \
  "$(awk -v t="$quads" -v s="$s" 'BEGIN { printf "%.0f", t / s }') quads/s"
"$NG" stats --store "$tmp/s.db"

npmdir=build/npm
if [ ! -d "$npmdir/node_modules/oxigraph" ]; then
  mkdir -p "$npmdir"
  npm install --prefix "$npmdir" --no-audit --no-fund --silent oxigraph@0.5 ||
    echo "oxigraph: npm install failed"
fi
if [ -d "$npmdir/node_modules/oxigraph" ]; then
  NODE_PATH="$PWD/$npmdir/node_modules" node scripts/bench-queries.js \
    "$tmp/data.nq" scripts/bench-queries/*.rq >"$tmp/ox" || echo "oxigraph: failed"
fi
awk '/^load/ { printf "load oxigraph (N-Quads + default graph): %s s, %d quads\n", $2, $3 }' "$tmp/ox" 2>/dev/null

uptime
printf '%-28s %8s %9s %8s %10s %9s\n' query rows "ours s" "CPU s" "oxigraph" "ox rows"
for q in scripts/bench-queries/*.rq; do
  name=$(basename "$q" .rq)
  best=
  bcpu=
  for i in 1 2; do
    t0=$(now)
    cpu "$NG" query -f csv --store "$tmp/s.db" -q "$q" >"$tmp/out" 2>"$tmp/err" ||
      { echo "$name: failed: $(head -n 1 "$tmp/err")"; break; }
    t1=$(now)
    s=$(secs "$t0" "$t1")
    best=$(awk -v a="$s" -v b="${best:-1e9}" 'BEGIN { print (a < b ? a : b) }')
    bcpu=$(awk -v a="$(cat "$tmp/cpu")" -v b="${bcpu:-1e9}" 'BEGIN { print (a < b ? a : b) }')
  done
  rows=$(($(wc -l <"$tmp/out") - 1))
  ox=$(awk -v n="$name" '$1 == n { printf "%.3f %d", $3 / 1000, $2 }' "$tmp/ox" 2>/dev/null)
  printf '%-28s %8d %9.2f %8.2f %10s %9s\n' "$name" "$rows" "$best" "$bcpu" ${ox:-- -}
done
