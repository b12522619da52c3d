#!/usr/bin/env bash
# tests/store/run.sh - tests of the embedded store (load, query, stats,
# replace, transactions, a killed load), the example queries, and push
# against a real Virtuoso (started here in a temp dir, always stopped) and
# a fault stub server (tests/faultserver.py).  Prints one line per failure
# and ends with "N passed, N failed"; exits 1 when anything failed.
#
#   NG_BIN=./newsgraph bash tests/store/run.sh
#   NG_NO_VIRTUOSO=1   skip the Virtuoso part (counted as one failure)
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" store || exit 1
unset NEWSGRAPH_STORE NEWSGRAPH_PASSWORD

stub_pid=
cleanup() { [ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null; }
trap 'exit 1' INT TERM

stat_of() { # stat_of NAME STORE
  "$NG_BIN" stats --store "$2" | sed -n "s/^$1: //p"
}

d=tests/store/data
db="$tmp/s.db"

# ------------------------------------------------------------ load

run load --store "$db" "$d/article1.ttl"
check "load article1.ttl: exit $rc: $(err1)" [ "$rc" -eq 0 ]
check "load prints graph and 45 triples: $(cat "$tmp/out")" \
  grep -q "	45	$d/article1.ttl" "$tmp/out"
t1=$(stat_of triples "$db")
check "45 triples after one load, got '$t1'" [ "$t1" = 45 ]
run load --store "$db" "$d/article1.ttl"
t2=$(stat_of triples "$db")
check "reload replaces: still 45 triples, got '$t2'" [ "$t2" = 45 ]
run load --store "$db" "$d/article2.ttl"
t3=$(stat_of triples "$db")
check "second article: 59 triples, got '$t3'" [ "$t3" = 59 ]
run stats --store "$db"
check "stats: exit $rc" [ "$rc" -eq 0 ]
check "stats counts: $(tr '\n' ' ' <"$tmp/out")" \
  grep -qx 'graphs: 2' "$tmp/out"
check "stats articles 2" grep -qx 'articles: 2' "$tmp/out"
check "stats persons 2 (distinct across graphs)" grep -qx 'persons: 2' "$tmp/out"
check "stats statements 3" grep -qx 'statements: 3' "$tmp/out"
check "stats agreements 1" grep -qx 'agreements: 1' "$tmp/out"

# replace with changed content: old triples gone
printf '<http://ex/s> <http://ex/p> "old" .\n' >"$tmp/g.nt"
run load --store "$db" --graph http://ex/g "$tmp/g.nt"
printf '<http://ex/s> <http://ex/p> "new" .\n' >"$tmp/g.nt"
run load --store "$db" --graph http://ex/g "$tmp/g.nt"
run query --store "$db" -f csv 'ASK { GRAPH <http://ex/g> { ?s ?p "old" } }'
check "changed graph: old triple gone: $(cat "$tmp/out")" grep -qi false "$tmp/out"
run query --store "$db" -f csv 'ASK { GRAPH <http://ex/g> { ?s ?p "new" } }'
check "changed graph: new triple there" grep -qi true "$tmp/out"

# a file that fails to parse half-way changes nothing
{ printf '<http://ex/s> <http://ex/p> "a%d" .\n' 1 2 3; echo 'garbage <'; } \
  >"$tmp/bad.nt"
run load --store "$db" --graph http://ex/g "$tmp/bad.nt"
check "bad RDF: exit 4, got $rc: $(err1)" [ "$rc" -eq 4 ]
check "bad RDF: message names the line: $(err1)" grep -q 'line 4' "$tmp/err"
run query --store "$db" -f csv 'ASK { GRAPH <http://ex/g> { ?s ?p "new" } }'
check "bad RDF: the graph is as before" grep -qi true "$tmp/out"
t4=$(stat_of triples "$db")
check "bad RDF: 60 triples as before, got '$t4'" [ "$t4" = 60 ]

# errors
run load --store "$tmp/no/such/dir/x.db" "$d/article1.ttl"
check "store in a missing directory: exit 7, got $rc: $(err1)" [ "$rc" -eq 7 ]
run load --store "$db" "$tmp/missing.ttl"
check "missing file: exit 3, got $rc: $(err1)" [ "$rc" -eq 3 ]
run load --store "$db" "$tmp/missing.ttl" "$d/article2.ttl"
check "one of two files missing: exit 10, got $rc" [ "$rc" -eq 10 ]
run query --store "$tmp/none.db" 'ASK { ?s ?p ?o }'
check "query without a store: exit 7, got $rc" [ "$rc" -eq 7 ]
check "query without a store creates none" [ ! -e "$tmp/none.db" ]
run query --store "$db" 'SELECT ?s WHERE {
  ?s ?p ?o . FILTER( }'
check "query syntax error: exit 9, got $rc" [ "$rc" -eq 9 ]
check "query syntax error names line 2: $(err1)" grep -q 'line 2' "$tmp/err"
run query --store "$db" -f nope 'ASK { ?s ?p ?o }'
check "unknown format: exit 2, got $rc" [ "$rc" -eq 2 ]
NEWSGRAPH_STORE="$db" run stats
check "NEWSGRAPH_STORE: exit $rc" grep -qx 'articles: 2' "$tmp/out"

# result formats
for f in table csv tsv json xml; do
  run query --store "$db" -f "$f" \
    'SELECT ?h WHERE { ?a <https://w3id.org/newsgraph/ns#headline> ?h }'
  check "format $f: exit $rc, headline shown" grep -q 'Tariff talks resume' "$tmp/out"
done
run query --store "$db" -f turtle \
  'CONSTRUCT { ?a ?p ?o } WHERE { GRAPH <http://example.org/id/article/a2> { ?a ?p ?o } }'
check "CONSTRUCT gives Turtle rapper parses" \
  rapper -q -i turtle -c "$tmp/out" 2>/dev/null

# ------------------------------------------------------------ example queries

qdb="$tmp/q.db"
"$NG_BIN" load -q --store "$qdb" "$d/article1.ttl" "$d/article2.ttl"
for q in tests/store/queries/*.rq; do
  want=${q%.rq}.csv
  "$NG_BIN" query --store "$qdb" -f csv -q "$q" >"$tmp/q.csv" 2>"$tmp/err"
  if cmp -s "$tmp/q.csv" "$want"; then pass; else
    fail "query $q: result differs from $want"
  fi
done

# The example queries over the example articles (examples/queries/README.md)
edb="$tmp/examples.db"
"$NG_BIN" load -q --store "$edb" examples/geneva-summit.txt \
  tests/articles/wikinews-2019-104.txt tests/articles/wikinews-2019-113.txt
for q in examples/queries/*.rq; do
  want=${q%.rq}.csv
  "$NG_BIN" query --store "$edb" -f csv -q "$q" >"$tmp/q.csv" 2>"$tmp/err"
  if cmp -s "$tmp/q.csv" "$want"; then pass; else
    fail "example $q: result differs from $want"
  fi
done

# ------------------------------------------------------------ killed load

python3 - "$tmp/big.nt" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(300000):
        f.write('<http://ex/s%d> <http://ex/p%d> "literal number %d" .\n'
                % (i // 10, i % 10, i))
EOF
kdb="$tmp/k.db"
"$NG_BIN" load -q --store "$kdb" "$d/article1.ttl"
"$NG_BIN" load -q --store "$kdb" --graph http://ex/big "$tmp/big.nt" &
kpid=$!
sleep 1.5
if kill -0 "$kpid" 2>/dev/null; then
  kill -9 "$kpid"
  wait "$kpid" 2>/dev/null
  tk=$(stat_of triples "$kdb")
  check "killed load leaves the store as it was (45), got '$tk'" [ "$tk" = 45 ]
else
  fail "killed load: the load finished within 1.5 s, nothing to kill"
fi

# ------------------------------------------------------------ bdb backend

bdb="$tmp/b/store"
mkdir -p "$tmp/b"
run load --store "$bdb" --backend bdb "$d/article1.ttl" "$d/article1.ttl"
check "bdb load: exit $rc: $(err1)" [ "$rc" -eq 0 ]
tb=$("$NG_BIN" stats --store "$bdb" --backend bdb | sed -n 's/^triples: //p')
check "bdb: reload replaces (45), got '$tb'" [ "$tb" = 45 ]

# ------------------------------------------------------------ fault stub

python3 tests/faultserver.py "$tmp/stub.port" &
stub_pid=$!
for _ in $(seq 50); do [ -s "$tmp/stub.port" ] && break; sleep 0.1; done
sp=$(cat "$tmp/stub.port" 2>/dev/null)
stub="http://127.0.0.1:$sp"
export NEWSGRAPH_PASSWORD=sEcReT-pw-123
hits() { curl -s "$stub/hits/$1"; }
pw_leak() { grep -q 'sEcReT-pw-123' "$tmp/out" "$tmp/err"; }
fast="--retries 2 --connect-timeout 2 --timeout 2"

tb0=$(stat_of triples "$db")
run push --endpoint "$stub/500/g" --user u $fast --store "$db"
check "500: exit 10 or 8, got $rc" [ "$rc" -eq 8 ]
check "500: message has the status: $(err1)" grep -q 'HTTP 500' "$tmp/err"
check "500: message has the server's text" grep -q 'internal error on purpose' "$tmp/err"
n=$(hits 500)
check "500: retried: 3 attempts per graph x 3 graphs, got $n" [ "$n" = 9 ]
check "500: password not printed" eval '! pw_leak'
check "500: store unchanged" [ "$(stat_of triples "$db")" = "$tb0" ]

start=$(date +%s)
run push --endpoint "$stub/hang/g" --retries 1 --timeout 1 "$d/article2.ttl"
took=$(( $(date +%s) - start ))
check "hang: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "hang: timed out message: $(err1)" grep -qi 'timed\? \?out\|timeout' "$tmp/err"
check "hang: timeouts respected (2 x 1 s + back-off), took ${took}s" [ "$took" -le 6 ]

run push --endpoint "$stub/reset/g" $fast "$d/article2.ttl"
check "reset: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "reset: retried 3 times, got $(hits reset)" [ "$(hits reset)" = 3 ]

start=$(date +%s)
run push --endpoint "$stub/429/g" $fast "$d/article2.ttl"
took=$(( $(date +%s) - start ))
check "429 then 201: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "429: Retry-After honoured (>= 1 s), took ${took}s" [ "$took" -ge 1 ]

run push --endpoint "$stub/401/g" --user u $fast "$d/article2.ttl"
check "401: exit 8, got $rc" [ "$rc" -eq 8 ]
check "401: message: $(err1)" grep -q 'HTTP 401' "$tmp/err"
check "401: not retried, got $(hits 401)" [ "$(hits 401)" = 2 ]
check "401: password not printed" eval '! pw_leak'

run push --endpoint "http://127.0.0.1:1/none" --retries 1 "$d/article2.ttl"
check "endpoint down: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "endpoint down: says it cannot connect" grep -qi 'connect' "$tmp/err"
run push --endpoint "$stub/ok/g" --password x "$d/article2.ttl"
check "--password refused: exit 2, got $rc" [ "$rc" -eq 2 ]
run push --endpoint "http://u:p@127.0.0.1:$sp/ok" "$d/article2.ttl"
check "user:password in URL refused: exit 2, got $rc" [ "$rc" -eq 2 ]
unset NEWSGRAPH_PASSWORD

# ------------------------------------------------------------ Virtuoso

if virtuoso; then
  G=http://example.org/id/article/a1
  run push --endpoint "$VIRT_GSP" --user dba --verify "$d/article1.ttl" --graph "$G"
  check "GSP push: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  check "GSP push: verified: $(tail -n 1 "$tmp/err")" grep -q verified "$tmp/err"
  check "GSP push: 45 triples at Virtuoso, got $(vcount $G)" [ "$(vcount $G)" = 45 ]
  check "GSP push: password not printed" eval '! grep -qF "$VIRT_PASSWORD" "$tmp/out" "$tmp/err"'
  run push --endpoint "$VIRT_GSP" --user dba "$d/article1.ttl" --graph "$G"
  check "push twice: same count (45), got $(vcount $G)" [ "$(vcount $G)" = 45 ]
  run push --endpoint "$VIRT_GSP" --user dba "$d/article2.ttl" --graph "$G"
  check "push changed: replaced (14), got $(vcount $G)" [ "$(vcount $G)" = 14 ]
  # answers: the SPARQL endpoint sees the statement text
  ans=$(curl -s -G "$VIRT_SPARQL" -H 'Accept: text/csv' --data-urlencode \
    "query=SELECT ?t WHERE { GRAPH <$G> { ?s <https://w3id.org/newsgraph/ns#text> ?t } }" | tail -n 1)
  check "SPARQL answer after push: $ans" [ "$ans" = '"Free trade helps both our peoples."' ]
  # bounded requests: 3 parts of 1000 into a staging graph, then one MOVE
  head -n 2500 "$tmp/big.nt" >"$tmp/mid.nt"
  run push --endpoint "$VIRT_GSP" --user dba --chunk 1000 --verify \
    --update-endpoint "$VIRT_UPDATE" --graph http://ex/mid "$tmp/mid.nt"
  check "chunked push 2500/1000: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  check "chunked push: 2500 at Virtuoso, got $(vcount http://ex/mid)" \
    [ "$(vcount http://ex/mid)" = 2500 ]
  staged() { # triples left in staging graphs at the endpoint
    curl -s -G "$VIRT_SPARQL" -H 'Accept: text/csv' --data-urlencode \
      "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:x-newsgraph:staging:')) }" |
      tail -n 1 | tr -d '"\r'
  }
  check "chunked push: no staging graph left, got $(staged)" [ "$(staged)" = 0 ]
  # in parts without an update endpoint: refused, the graph untouched
  run push --endpoint "$VIRT_GSP" --user dba --chunk 1000 \
    --graph "$G" "$tmp/mid.nt"
  check "parts without --update-endpoint: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
  check "parts without --update-endpoint: says why: $(err1)" \
    grep -q 'Update endpoint' "$tmp/err"
  check "parts without --update-endpoint: graph untouched (14), got $(vcount $G)" \
    [ "$(vcount $G)" = 14 ]
  # a write that fails part-way (a proxy in front of Virtuoso answers 500
  # to the Nth write): the graph keeps its old triples, no staging left
  proxy_push() { # proxy_push N PUSH-ARGS...: through a proxy failing write N
    local n=$1 pp pid
    shift
    rm -f "$tmp/proxy.port"
    python3 tests/faultserver.py "$tmp/proxy.port" --proxy "$VIRT_BASE" \
      --fail-write "$n" &
    pid=$!
    for _ in $(seq 50); do [ -s "$tmp/proxy.port" ] && break; sleep 0.1; done
    pp="http://127.0.0.1:$(cat "$tmp/proxy.port" 2>/dev/null)"
    run push --user dba --retries 0 --chunk 1000 --graph "$G" "$@" \
      --endpoint "$pp/$PROXY_PATH" --update-endpoint "$pp/sparql-auth"
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  }
  for how in "gsp 3 a later part" "gsp 4 the move" "update 2 a later part" \
             "update 4 the move"; do
    set -- $how
    proto=$1 n=$2
    shift 2
    PROXY_PATH=sparql-graph-crud-auth
    [ "$proto" = update ] && PROXY_PATH=sparql-auth
    proxy_push "$n" --protocol "$proto" "$tmp/mid.nt"
    check "$proto push, $* fails: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
    check "$proto push, $* fails: says the graph is unchanged: $(err1)" \
      grep -q 'unchanged' "$tmp/err"
    check "$proto push, $* fails: graph untouched (14), got $(vcount $G)" \
      [ "$(vcount $G)" = 14 ]
    check "$proto push, $* fails: no staging graph left, got $(staged)" \
      [ "$(staged)" = 0 ]
  done
  # and through the proxy with no failure, the whole graph arrives
  PROXY_PATH=sparql-graph-crud-auth
  proxy_push 0 "$tmp/mid.nt"
  check "push through the proxy: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
  check "push through the proxy: 2500, got $(vcount $G)" [ "$(vcount $G)" = 2500 ]
  run push --endpoint "$VIRT_GSP" --user dba --graph "$G" "$d/article2.ttl"
  check "push back: 14, got $(vcount $G)" [ "$(vcount $G)" = 14 ]
  # a store's graphs
  run push --endpoint "$VIRT_GSP" --user dba --verify --store "$qdb"
  check "push --store: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  check "push --store: 2 graphs" [ "$(wc -l <"$tmp/out")" -eq 2 ]
  # SPARQL Update, many graphs per request, blank nodes included
  G2=http://example.org/id/article/a2
  udb="$tmp/u.db"
  "$NG_BIN" load -q --store "$udb" --graph "$G" "$d/article1.ttl"
  "$NG_BIN" load -q --store "$udb" --graph "$G2" "$d/article2.ttl"
  "$NG_BIN" load -q --store "$udb" --graph http://ex/g "$tmp/g.nt"
  run push --endpoint "$VIRT_UPDATE" --protocol update --user dba --verify \
    --store "$udb"
  check "update push: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  check "update push: 45 in a1, got $(vcount $G)" [ "$(vcount $G)" = 45 ]
  check "update push: 14 in a2, got $(vcount $G2)" [ "$(vcount $G2)" = 14 ]
  run push --endpoint "$VIRT_UPDATE" --protocol update --user dba --store "$udb"
  check "update push twice: same count" [ "$(vcount $G)" = 45 ]
  # wrong password: 401, the graph untouched
  NEWSGRAPH_PASSWORD=wrong run push --endpoint "$VIRT_GSP" --user dba \
    --graph "$G" "$d/article2.ttl"
  check "wrong password: exit 8, got $rc" [ "$rc" -eq 8 ]
  check "wrong password: HTTP 401: $(err1)" grep -q 'HTTP 401' "$tmp/err"
  check "wrong password: graph untouched (45), got $(vcount $G)" [ "$(vcount $G)" = 45 ]
  bash scripts/virtuoso.sh stop "$vdir" >/dev/null 2>&1
  check "Virtuoso stopped" eval '! kill -0 "$VIRT_PID" 2>/dev/null'
fi

finish
