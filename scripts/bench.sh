#!/usr/bin/env bash
# bench.sh - throughput of `newsgraph extract` over the whole shared corpus.
# Usage: scripts/bench.sh [BINARY] [CORPUS_DIR] [OLD_BINARY]
# One process reads the corpus folder and streams N-Quads to /dev/null:
#   - with -j 1 and -j 2: seconds, MB/s and articles/s of article text,
#     triples/s, peak RSS (/usr/bin/time), and the CPU split between
#     extraction (text to results), graph building and serialization
#     (from --stats);
#   - with the corpus given 1, 2 and 4 times (-j 1): time per MB, which
#     stays flat when time grows linearly with the corpus.
# The machine may be shared: the load average is printed, and the CPU
# seconds (user + sys) and MB per CPU second next to the wall-clock ones
# (on an idle machine, -j 1 MB/s is close to MB/cpu-s).
# The last part puts the figures of issue 16 side by side (with
# OLD_BINARY, or $NG_BENCH_OLD, on the line above, run from its own
# folder so that it reads its own ontology/): batch N-Quads MB per CPU
# second and its ratio to the CPU of rapper's own N-Quads round trip of
# the same output, the start-up of a small article (CPU and wall per run,
# with the lexicon cache and without), and `extract --out-dir` when the
# command has it.
set -euo pipefail
bin=${1:-./newsgraph}
corpus=${2:-../shared/corpus}
old=${3:-${NG_BENCH_OLD:-}}
[ -x "$bin" ] || { echo "bench.sh: no binary at $bin" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench.sh: no corpus at $corpus" >&2; exit 1; }
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time missing (make deps)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# warm the page cache so that the first run is not the only one reading disk
find "$corpus" -name '*.txt' -type f -exec cat {} + > /dev/null

# run NAME ARGS...: one timed run; leaves $tmp/NAME.time and $tmp/NAME.stats
run() {
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/$name.time" \
    "$bin" extract -q --stats "$@" > /dev/null 2> "$tmp/$name.err" || {
      echo "bench.sh: newsgraph extract $* failed:" >&2
      tail -n 5 "$tmp/$name.err" >&2
      exit 1
    }
  grep '^newsgraph: stats:' "$tmp/$name.err" | sed 's/^newsgraph: stats: //' \
    > "$tmp/$name.stats"
}

# field NAME KEY: a value of the --stats line
field() { tr ' ' '\n' < "$tmp/$1.stats" | sed -n "s/^$2=//p"; }

echo "corpus: $corpus    cores: $(nproc)    load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-6s %8s %7s %8s %7s %10s %10s %7s %9s %8s  %s\n' run articles MB \
  seconds MB/s articles/s triples/s cpu-s MB/cpu-s RSS-MB \
  'cpu split: extract / graph / serialize'
report() {
  local name=$1 label=$2 n mb tr e u s m x g z
  read -r e u s m < "$tmp/$name.time"
  n=$(field "$name" articles)
  mb=$(field "$name" bytes)
  tr=$(field "$name" triples)
  x=$(field "$name" extract_cpu)
  g=$(field "$name" graph_cpu)
  z=$(field "$name" serialize_cpu)
  awk -v l="$label" -v n="$n" -v b="$mb" -v t="$tr" -v e="$e" -v u="$u" \
      -v s="$s" -v m="$m" -v x="$x" -v g="$g" -v z="$z" 'BEGIN {
    if (e <= 0) e = 0.01
    c = x + g + z; if (c <= 0) c = 1
    cs = u + s; if (cs <= 0) cs = 0.01
    printf "%-6s %8d %7.2f %8.2f %7.2f %10.1f %10.0f %7.2f %9.2f %8.1f  %.0f%% / %.0f%% / %.0f%%\n",
      l, n, b / 1e6, e, b / 1e6 / e, n / e, t / e, u + s, b / 1e6 / cs, m / 1024,
      100 * x / c, 100 * g / c, 100 * z / c
  }'
}

run j1 -j 1 "$corpus"
report j1 "-j 1"
run j2 -j 2 "$corpus"
report j2 "-j 2"
echo
echo "corpus repeated (-j 1): time should grow linearly"
printf '%-6s %8s %7s %8s %10s %8s\n' size articles MB seconds 's per MB' RSS-MB
for k in 1 2 4; do
  set -- 
  for i in $(seq 1 "$k"); do set -- "$@" "$corpus"; done
  if [ "$k" = 1 ]; then cp "$tmp/j1.time" "$tmp/x1.time"; cp "$tmp/j1.stats" "$tmp/x1.stats"
  else run "x$k" -j 1 "$@"; fi
  read -r e u s m < "$tmp/x$k.time"
  awk -v k="$k" -v n="$(field "x$k" articles)" -v b="$(field "x$k" bytes)" \
      -v e="$e" -v m="$m" 'BEGIN {
    printf "%-6s %8d %7.2f %8.2f %10.3f %8.1f\n", k "x", n, b / 1e6, e,
      e / (b / 1e6), m / 1024 }'
done

# ------------------------------------------------------------ issue 16
# Each binary runs from its own folder with its own ontology/ and a
# lexicon cache of this run; CPU seconds are user + sys of /usr/bin/time.
small=examples/geneva-summit.txt
runs=${NG_BENCH_RUNS:-50}
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
corpus_abs=$(abs "$corpus")
small_abs=$(abs "$small")
cpu() { awk '{ printf "%.3f", $2 + $3 }' "$1"; }
# startup LABEL BIN CACHE: CPU and wall ms per run of a small article
startup() {
  local dir n
  dir=$(dirname "$2")
  ( cd "$dir" && NEWSGRAPH_DATA=$PWD/ontology NEWSGRAPH_CACHE=$3 \
      ./"$(basename "$2")" extract "$small_abs" > /dev/null )
  ( cd "$dir" && NEWSGRAPH_DATA=$PWD/ontology NEWSGRAPH_CACHE=$3 \
      /usr/bin/time -f '%e %U %S' -o "$tmp/start.time" bash -c '
      for i in $(seq 1 "$1"); do "$2" extract "$3" > /dev/null || exit 1; done
    ' _ "$runs" "./$(basename "$2")" "$small_abs" )
  awk -v r="$runs" '{ printf "%.1f ms cpu, %.1f ms wall", 1000 * ($2 + $3) / r, 1000 * $1 / r }' "$tmp/start.time"
}
echo
echo "issue 16 figures, side by side (rapper round trip of the same N-Quads; start-up: $small, $runs runs)"
printf '%-10s %9s %9s %10s %8s  %-36s  %s\n' binary cpu-s MB/cpu-s rapper-cpu ratio \
  'start-up, lexicon cache' 'start-up, no cache'
mb=$(field j1 bytes)
for which in old new; do
  if [ "$which" = old ]; then b=$old; else b=$bin; fi
  [ -n "$b" ] || continue
  [ -x "$b" ] || { echo "bench.sh: no binary at $b" >&2; exit 1; }
  b=$(abs "$b")
  d=$(dirname "$b")
  cache="$tmp/cache-$which"
  ( cd "$d" && NEWSGRAPH_DATA=$PWD/ontology NEWSGRAPH_CACHE=$cache \
      ./"$(basename "$b")" extract -q -j 1 -f nquads -o "$tmp/$which.nq" "$corpus_abs" )
  ( cd "$d" && NEWSGRAPH_DATA=$PWD/ontology NEWSGRAPH_CACHE=$cache \
      /usr/bin/time -f '%e %U %S %M' -o "$tmp/$which.time" \
      ./"$(basename "$b")" extract -q -j 1 -f nquads -o /dev/null "$corpus_abs" )
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/$which.rapper" \
    rapper -q -i nquads -o nquads "$tmp/$which.nq" > /dev/null
  c=$(cpu "$tmp/$which.time")
  rc=$(cpu "$tmp/$which.rapper")
  s1=$(startup "$which" "$b" "$cache")
  s0=$(startup "$which" "$b" off)
  awk -v w="$which" -v c="$c" -v r="$rc" -v b="$mb" -v s1="$s1" -v s0="$s0" 'BEGIN {
    if (c <= 0) c = 0.001; if (r <= 0) r = 0.001
    printf "%-10s %9.2f %9.2f %10.2f %7.2fx  %-36s  %s\n", w, c, b / 1e6 / c, r, c / r, s1, s0 }'
  rm -f "$tmp/$which.nq"
done
# what every start costs before extracting: loading the 50 shared
# libraries librdf, raptor and curl bring (Debian builds them BIND_NOW),
# which only newsgraph-full does since the front (below), and rapper's own
# start-up on the example's Turtle, for scale
/usr/bin/time -f '%e %U %S' -o "$tmp/floor.time" bash -c '
  for i in $(seq 1 "$1"); do "$2" --version > /dev/null || exit 1; done' _ "$runs" "$bin"
/usr/bin/time -f '%e %U %S' -o "$tmp/rapstart.time" bash -c '
  for i in $(seq 1 "$1"); do rapper -q -i turtle -o ntriples "$2" > /dev/null || exit 1; done' _ "$runs" examples/geneva-summit.ttl
awk -v r="$runs" 'NR == FNR { f = 1000 * ($2 + $3) / r; fw = 1000 * $1 / r; next }
  { printf "start-up floor: newsgraph --version %.1f ms cpu, %.1f ms wall; rapper on the example Turtle %.1f ms cpu, %.1f ms wall\n", f, fw, 1000 * ($2 + $3) / r, 1000 * $1 / r }' \
  "$tmp/floor.time" "$tmp/rapstart.time"
# the front (cli/front.c) per output syntax, with the lexicon cache, and
# a command line it hands to newsgraph-full (-f rdfxml: both start)
if [ -x "$(dirname "$bin")/newsgraph-full" ]; then
  NEWSGRAPH_CACHE=$tmp/cache-new "$bin" extract "$small" > /dev/null
  line="start-up of $small by syntax (the front, cache):"
  for f in turtle nquads ntriples jsonld rdfxml; do
    NEWSGRAPH_CACHE=$tmp/cache-new /usr/bin/time -f '%e %U %S' -o "$tmp/fmt.time" bash -c '
      for i in $(seq 1 "$1"); do "$2" extract -f "$3" "$4" > /dev/null || exit 1; done
    ' _ "$runs" "$bin" "$f" "$small"
    line="$line $(awk -v r="$runs" -v f="$f" '{ printf "%s %.1f", f, 1000 * ($2 + $3) / r }' "$tmp/fmt.time")"
  done
  echo "$line ms cpu (rdfxml: handed to newsgraph-full)"
  /usr/bin/time -f '%e %U %S' -o "$tmp/full.time" bash -c '
    for i in $(seq 1 "$1"); do "$2" --version > /dev/null || exit 1; done' _ "$runs" "$(dirname "$bin")/newsgraph-full"
  awk -v r="$runs" '{ printf "newsgraph-full --version (the RDF/curl stack bound): %.1f ms cpu, %.1f ms wall\n", 1000 * ($2 + $3) / r, 1000 * $1 / r }' "$tmp/full.time"
fi
if "$bin" extract --help 2>/dev/null | grep -q -- '--out-dir'; then
  rm -rf "$tmp/outdir"
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/outdir.time" \
    "$bin" extract -q -j 1 --out-dir "$tmp/outdir" "$corpus" > /dev/null
  awk -v n="$(field j1 articles)" '{ printf "extract --out-dir (Turtle, one file per article, -j 1): %.2f s, %.2f cpu-s, %.2f ms cpu per article\n", $1, $2 + $3, 1000 * ($2 + $3) / n }' "$tmp/outdir.time"
  rm -rf "$tmp/outdir"
fi
