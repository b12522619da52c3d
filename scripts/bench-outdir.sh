#!/usr/bin/env bash
# bench-outdir.sh - `newsgraph extract --out-dir` (one file per article)
# next to batch N-Quads (one stream) over the same corpus, in one run.
# Usage: scripts/bench-outdir.sh [BINARY] [CORPUS_DIR]
# Prints, for -j 2: wall seconds, user and sys CPU seconds (robust to a
# shared machine, but sys, creating 2,542 files, swings with the file
# system's load), peak RSS and files written, and the CPU (and the user
# CPU alone) of each --out-dir run as a multiple of batch N-Quads (issue
# 16 wants Turtle files within 1.5x).  NG_BENCH_PER_PROCESS=1 also times the old way, one
# `extract -f turtle FILE` process per article; NG_BENCH_BEFORE=BINARY
# also times another binary's --out-dir runs (before/after, side by side).
#
# Each round writes new folders, all removed at the end: on an ext4 file
# system without a journal (this machine's /tmp) the kernel skips the
# inodes freed in the last minutes when it allocates one (ext4
# find_inode_bit -> recently_deleted, one look-up each), so creating
# files right after deleting thousands costs up to 0.8 s more sys CPU
# for the corpus, whatever the program.  NG_BENCH_DELETED=1 also times a
# fresh run just after deleting the previous round's trees, to show it.
set -euo pipefail
bin=${1:-./newsgraph}
corpus=${2:-../shared/corpus}
[ -x "$bin" ] || { echo "bench-outdir.sh: no binary at $bin" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench-outdir.sh: no corpus at $corpus" >&2; exit 1; }
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}
[ -x /usr/bin/time ] || { echo "bench-outdir.sh: /usr/bin/time missing" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$corpus" -name '*.txt' -type f -exec cat {} + > /dev/null

# timed NAME COMMAND...: leaves "wall user sys rss" in $tmp/NAME
timed() {
  local name=$1
  shift
  /usr/bin/time -a -f '%e %U %S %M' -o "$tmp/$name.time" "$@" > /dev/null 2> "$tmp/$name.err" || {
    echo "bench-outdir.sh: $* failed:" >&2
    tail -n 5 "$tmp/$name.err" >&2
    exit 1
  }
}

# ROUNDS rounds (default 3), alternating; each run's best CPU is kept
rounds=${ROUNDS:-3}
before=${NG_BENCH_BEFORE:-}
for r in $(seq 1 "$rounds"); do
  timed batch "$bin" extract -q -j 2 -f nquads -o "$tmp/batch.nq" "$corpus"
  timed ttl "$bin" extract -q -j 2 --out-dir "$tmp/ttl.$r" "$corpus"
  timed ttl2 "$bin" extract -q -j 2 --out-dir "$tmp/ttl.$r" "$corpus" # replacing
  timed nq "$bin" extract -q -j 2 -f nquads --out-dir "$tmp/nq.$r" "$corpus"
  if [ -n "$before" ]; then
    timed bttl "$before" extract -q -j 2 --out-dir "$tmp/bttl.$r" "$corpus"
    timed bttl2 "$before" extract -q -j 2 --out-dir "$tmp/bttl.$r" "$corpus"
    timed bnq "$before" extract -q -j 2 -f nquads --out-dir "$tmp/bnq.$r" "$corpus"
  fi
  if [ -n "${NG_BENCH_DELETED:-}" ] && [ "$r" -gt 1 ]; then
    rm -rf "$tmp/ttl.$((r - 1))" "$tmp/nq.$((r - 1))" "$tmp/del"
    timed del "$bin" extract -q -j 2 --out-dir "$tmp/del" "$corpus"
  fi
done

echo "extract --out-dir: one file per article ($corpus, -j 2, best of $rounds, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-34s %6s %8s %7s %7s %7s %7s %8s %8s\n' run files seconds user-s sys-s cpu-s RSS-MB 'x batch' 'user x'
# best NAME: the round with the least CPU: "wall user sys rss"
best() { awk '{ print $2 + $3, $0 }' "$tmp/$1.time" | sort -n | head -n 1 | cut -d' ' -f2-; }
read -r _ bu bs _ < <(best batch)
row() {
  local name=$1 label=$2 files=$3 e u s m
  read -r e u s m < <(best "$name")
  awk -v l="$label" -v f="$files" -v e="$e" -v u="$u" -v s="$s" -v m="$m" \
      -v bu="$bu" -v bs="$bs" 'BEGIN {
    b = bu + bs; if (b <= 0) b = 0.01; if (bu <= 0) bu = 0.01
    printf "%-34s %6s %8.2f %7.2f %7.2f %7.2f %7.1f %8.2f %8.2f\n", l, f, e, u, s,
      u + s, m / 1024, (u + s) / b, u / bu
  }'
}
row batch "batch N-Quads (one stream)" 1
row ttl "--out-dir Turtle" "$(find "$tmp/ttl.$rounds" -type f | wc -l)"
row ttl2 "--out-dir Turtle, replacing" "$(find "$tmp/ttl.$rounds" -type f | wc -l)"
row nq "--out-dir N-Quads" "$(find "$tmp/nq.$rounds" -type f | wc -l)"
if [ -n "$before" ]; then
  row bttl "before: --out-dir Turtle" "$(find "$tmp/bttl.$rounds" -type f | wc -l)"
  row bttl2 "before: Turtle, replacing" "$(find "$tmp/bttl.$rounds" -type f | wc -l)"
  row bnq "before: --out-dir N-Quads" "$(find "$tmp/bnq.$rounds" -type f | wc -l)"
fi
if [ -n "${NG_BENCH_DELETED:-}" ] && [ "$rounds" -gt 1 ]; then
  row del "Turtle, just after deleting 5k" "$(find "$tmp/del" -type f | wc -l)"
fi
if [ -n "${NG_BENCH_PER_PROCESS:-}" ]; then
  find "$corpus" -name '*.txt' -type f | LC_ALL=C sort > "$tmp/list"
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/pp.time" bash -c '
    while read -r f; do "$1" extract -q -f turtle "$f" > /dev/null; done < "$2"
  ' _ "$bin" "$tmp/list"
  row pp "one process per article (Turtle)" "$(wc -l < "$tmp/list")"
fi
