#!/usr/bin/env bash
# bench-serve.sh - load test of `newsgraph serve` on loopback with wrk
# (Debian package wrk): requests/s and latency (p50, p99) of a typical
# query and of an article page, with 1, 8 and 32 concurrent clients.
#
#   bash scripts/bench-serve.sh ./newsgraph [CORPUS_DIR] [ARTICLES] [SECS]
#
# Loads ARTICLES (default 300) articles of CORPUS_DIR (default
# ../shared/corpus) into a fresh store in a temp folder, serves it on a
# free loopback port with the default options and runs wrk for SECS
# (default 10) seconds per row.  Prints a Markdown table.
set -eu
bin=${1:-./newsgraph}
corpus=${2:-../shared/corpus}
n=${3:-300}
secs=${4:-10}
command -v wrk >/dev/null || { echo "bench-serve.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench-serve.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}

find "$corpus" -name '*.txt' | LC_ALL=C sort | head -n "$n" > "$tmp/files"
t0=$(date +%s.%N)
xargs -a "$tmp/files" "$bin" load -q --store "$tmp/s.db" >/dev/null
t1=$(date +%s.%N)
triples=$("$bin" stats --store "$tmp/s.db" | sed -n 's/^triples: //p')
"$bin" serve --store "$tmp/s.db" --port 0 > "$tmp/out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q serving "$tmp/out" && break; sleep 0.1; done
url=$(sed -n 's/^newsgraph: serving .* at \(http:[^ ]*\)\/$/\1/p' "$tmp/out")
[ -n "$url" ] || { cat "$tmp/out" >&2; exit 1; }

# a typical query: the direct quotes of the most quoted person
p=$("$bin" query --store "$tmp/s.db" -f tsv 'PREFIX ng: <https://w3id.org/newsgraph/ns#> SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s ng:speaker ?p . ?p a ng:Person } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1' | sed -n '2p' | cut -f1 | tr -d '<>')
q="PREFIX ng: <https://w3id.org/newsgraph/ns#> SELECT ?text ?article WHERE { ?s ng:speaker <$p> ; ng:text ?text ; ng:inArticle ?article }"
enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$q")
a=$("$bin" query --store "$tmp/s.db" -f tsv 'PREFIX ng: <https://w3id.org/newsgraph/ns#> SELECT ?a (COUNT(?s) AS ?n) WHERE { ?s ng:inArticle ?a } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1' | sed -n '2p' | cut -f1 | tr -d '<>')
rows=$(curl -s -H 'Accept: text/tab-separated-values' "$url/sparql?query=$enc" | wc -l)

printf '%s articles, %s triples, loaded in %.1f s; %s\n' "$n" "$triples" \
  "$(echo "$t1 - $t0" | bc)" "$(nproc) cores"
printf 'query: the statements of <%s> (%d rows, JSON)\n' "$p" "$((rows - 1))"
printf 'page: /article/%s\n\n' "${a##*/}"
printf '| what | clients | requests/s | p50 | p99 | errors |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
run() { # run WHAT URL CLIENTS
  wrk -t "$(( $3 < 2 ? 1 : 2 ))" -c "$3" -d "${secs}s" --timeout 30s --latency \
    -H 'Accept: application/sparql-results+json' "$2" > "$tmp/wrk" 2>&1
  awk -v what="$1" -v c="$3" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx|Socket errors/ { err = err $0 }
    END { printf "| %s | %d | %.0f | %s | %s | %s |\n", what, c, rps, p50, p99,
          err == "" ? "0" : err }' "$tmp/wrk"
}
ask=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("ASK { ?s ?p ?o }", safe=""))')
for c in 1 8 32; do run "ASK (overhead)" "$url/sparql?query=$ask" "$c"; done
for c in 1 8 32; do run query "$url/sparql?query=$enc" "$c"; done
for c in 1 8 32; do run page "$url/article/${a##*/}" "$c"; done
