#!/usr/bin/env bash
# corpus.sh - run `newsgraph extract` over every article of the shared
# corpus, check that each exits 0 and gives Turtle that rapper parses, and
# print the counts.  Exits 1 if any article fails.  (`make corpus`; the
# test suite runs only a sample, see tests/run.sh.)
# Usage: scripts/corpus.sh [BINARY] [CORPUS_DIR]
set -uo pipefail
bin=${1:-./newsgraph}
corpus=${2:-../shared/corpus}
[ -x "$bin" ] || { echo "corpus.sh: no binary at $bin" >&2; exit 1; }
[ -d "$corpus" ] || { echo "corpus.sh: no corpus at $corpus" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}
find "$corpus" -name '*.txt' -type f | LC_ALL=C sort > "$tmp/list"

total=0 ok=0 badrdf=0 triples=0
declare -A byexit=()
while IFS= read -r -u 3 f; do
  total=$((total + 1))
  timeout 120 "$bin" extract "$f" > "$tmp/out.ttl" 2> "$tmp/err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    byexit[$rc]=$(( ${byexit[$rc]:-0} + 1 ))
    echo "exit $rc: $f: $(head -n 1 "$tmp/err")"
    continue
  fi
  if ! n=$(rapper -q -i turtle -o ntriples "$tmp/out.ttl" http://example.org/ \
      2> /dev/null | wc -l) || [ "$n" -eq 0 ]; then
    badrdf=$((badrdf + 1))
    echo "bad Turtle: $f"
    continue
  fi
  ok=$((ok + 1))
  triples=$((triples + n))
done 3< "$tmp/list"

echo "articles: $total"
echo "ok:       $ok ($triples triples)"
echo "bad RDF:  $badrdf"
for rc in "${!byexit[@]}"; do echo "exit $rc:   ${byexit[$rc]}"; done
[ "$ok" -eq "$total" ]
