#!/usr/bin/env bash
# bench.sh - throughput of `newsgraph extract` over the whole shared corpus.
# Usage: scripts/bench.sh [BINARY] [CORPUS_DIR]
# Runs the binary once per article (Turtle to /dev/null) and prints the
# number of articles, megabytes, seconds, MB/s, articles/s and the peak
# resident set size of any one run (getrusage of the children, via
# /usr/bin/time).
set -euo pipefail
bin=${1:-./newsgraph}
corpus=${2:-../shared/corpus}
[ -x "$bin" ] || { echo "bench.sh: no binary at $bin" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench.sh: no corpus at $corpus" >&2; exit 1; }
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time missing (make deps)" >&2; exit 1; }

list=$(mktemp)
stats=$(mktemp)
trap 'rm -f "$list" "$stats"' EXIT
find "$corpus" -name '*.txt' -type f | LC_ALL=C sort > "$list"
articles=$(wc -l < "$list")
bytes=$(tr '\n' '\0' < "$list" | xargs -0 cat | wc -c)

# One shell runs every article; its children's peak RSS is the largest run.
/usr/bin/time -f '%e %M' -o "$stats" bash -c '
  bin=$1; failed=0
  while IFS= read -r f; do
    "$bin" extract "$f" > /dev/null 2>&1 || failed=$((failed + 1))
  done < "$2"
  echo "$failed" > "$2.failed"' bench "$bin" "$list"
failed=$(cat "$list.failed"); rm -f "$list.failed"
read -r seconds rss_kb < "$stats"

awk -v n="$articles" -v b="$bytes" -v s="$seconds" -v r="$rss_kb" \
    -v f="$failed" 'BEGIN {
  mb = b / 1e6; if (s <= 0) s = 0.01
  printf "articles:    %d (%d failed)\n", n, f
  printf "MB:          %.2f\n", mb
  printf "seconds:     %.2f\n", s
  printf "MB/s:        %.3f\n", mb / s
  printf "articles/s:  %.1f\n", n / s
  printf "peak RSS:    %.1f MB (largest single run)\n", r / 1024
}'
