#!/usr/bin/env bash
# bench-link.sh - linking at a news desk's scale: loads bbc/politics and
# bbc/business of ../shared/corpus (read in place) into a store in a
# temporary folder, runs `newsgraph link`, and prints for the 25 persons
# named in most articles the person nodes before and after linking
# (following owl:sameAs), then 40 links drawn at random (seeded) for
# reading by hand (scripts/bench-link.py).  A benchmark, not a test:
# figures in docs/linking.md.  About 1 min on 2 cores.
#   usage: scripts/bench-link.sh [SECTION...]   (default: politics business)
set -eu
cd "$(dirname "$0")/.."
NG_BIN=${NG_BIN:-./newsgraph}
NG_SHARED=${NG_SHARED:-../shared}
export NEWSGRAPH_DATA="$PWD/ontology"
unset NEWSGRAPH_STORE
[ $# -gt 0 ] || set -- politics business
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench-link.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for s in "$@"; do
  "$NG_BIN" load -q --store "$tmp/s.db" "$NG_SHARED/corpus/bbc/$s"/*.txt \
    >/dev/null
done
start=$(date +%s%N)
"$NG_BIN" link --store "$tmp/s.db"
end=$(date +%s%N)
printf 'link: %d ms\n\n' $(((end - start) / 1000000))
python3 scripts/bench-link.py --bin "$NG_BIN" --sample "${NG_SAMPLE:-40}" \
  "$tmp/s.db"
