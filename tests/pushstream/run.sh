#!/usr/bin/env bash
# tests/pushstream/run.sh - `newsgraph push FILE...` one file at a time, to
# a real Virtuoso (scripts/virtuoso.sh): N-Triples files sent as they are
# (comments and blank lines too), an N-Quads file of many graphs, the same
# by SPARQL Update, a graph spread over an N-Quads file (the parser then),
# a bad line (refused, nothing sent), a graph bigger than --chunk in parts,
# one over --chunk empty at the endpoint in one PUT (--staging auto: a
# failed PUT is deleted again; a proxy failing the Nth write or losing its
# answer), lines that are not N-Triples (bad escape, language tag: the
# parser's error, nothing sent), and memory that does not grow with the number of files (peak RSS of 20
# and of 300 files; no timing).  Ends with "N passed, N failed".
#
# Environment: NG_BIN (default ./newsgraph), NG_NO_VIRTUOSO (skip).
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" pushstream || exit 1
arts=tests/articles

ng_timeout=300
# err1: stderr's first two lines but the progress lines, for messages
err1() { grep -a -v '^newsgraph: pushed' "$tmp/err" | head -n 2 | cut -c 1-200 | tr '\n' '|'; }

virtuoso || finish
file_iri() { python3 -c 'import pathlib,os,sys; print(pathlib.Path(os.path.realpath(sys.argv[1])).as_uri())' "$1"; }
push() { run push --endpoint "$VIRT_GSP" --user dba "$@"; }

# ------------------------------------------------------------ N-Triples

"$NG_BIN" extract -q -f ntriples --out-dir "$tmp/nt" "$arts"
n=$(ls "$tmp"/nt/*.nt | wc -l)
push --verify "$tmp"/nt/*.nt
check "nt files: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "nt files: $n graphs sent" [ "$(wc -l < "$tmp/out")" -eq "$n" ]
check "nt files: verified" grep -q verified "$tmp/err"
f=$tmp/nt/roles-more.nt
g=$(file_iri "$f")
check "nt file: named by its file IRI, $(wc -l < "$f") triples, got $(vcount "$g")" \
  [ "$(vcount "$g")" = "$(wc -l < "$f")" ]
{ echo '# a comment'; echo; cat "$f"; echo '   '; } > "$tmp/commented.nt"
push --verify --graph http://ex/commented "$tmp/commented.nt"
check "comments and blank lines: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "comments and blank lines: $(wc -l < "$f") triples" \
  [ "$(vcount http://ex/commented)" = "$(wc -l < "$f")" ]

# ------------------------------------------------------------ N-Quads

"$NG_BIN" extract -q -f nquads "$arts" > "$tmp/all.nq"
ng=$(sed 's/.* <\([^>]*\)> \.$/\1/' "$tmp/all.nq" | sort -u | wc -l)
push --verify "$tmp/all.nq"
check "nq file: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "nq file: $ng graphs sent, got $(wc -l < "$tmp/out")" [ "$(wc -l < "$tmp/out")" -eq "$ng" ]
g1=$(head -n 1 "$tmp/all.nq" | sed 's/.* <\([^>]*\)> \.$/\1/')
want=$(grep -c "<$g1> \.$" "$tmp/all.nq")
check "nq file: graph <$g1> has $want, got $(vcount "$g1")" [ "$(vcount "$g1")" = "$want" ]
run push --endpoint "$VIRT_UPDATE" --protocol update --user dba --verify "$tmp/all.nq"
check "nq file by SPARQL Update: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "nq file by SPARQL Update: $want in <$g1>" [ "$(vcount "$g1")" = "$want" ]
# a graph in two places: read by the parser, the whole graph still sent
{ grep "<$g1> \.$" "$tmp/all.nq" | head -n 3; grep -v "<$g1> \.$" "$tmp/all.nq";
  grep "<$g1> \.$" "$tmp/all.nq" | tail -n +4; } > "$tmp/split.nq"
push --verify "$tmp/split.nq"
check "graph in two places: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "graph in two places: all $want triples, got $(vcount "$g1")" [ "$(vcount "$g1")" = "$want" ]

# ------------------------------------------------------------ refused

{ head -n 3 "$f"; echo '<http://ex/s> <http://ex/p> "unterminated .'; } > "$tmp/bad.nt"
push --graph http://ex/bad "$tmp/bad.nt"
check "bad line: exit 4, got $rc: $(err1)" [ "$rc" -eq 4 ]
check "bad line: names the file: $(err1)" grep -q "bad.nt" "$tmp/err"
check "bad line: nothing sent" [ "$(vcount http://ex/bad)" = 0 ]
printf '<http://ex/s> <http://ex/p> "%s"@%s .\n' x "$(printf 'a%.0s' $(seq 300))" > "$tmp/tag.nt"
push --graph http://ex/tag "$tmp/tag.nt"
check "long language tag: refused by the guard (exit 4), got $rc: $(err1)" [ "$rc" -eq 4 ]

# ------------------------------------------------------------ in parts

cat "$tmp"/nt/*.nt | LC_ALL=C sort -u > "$tmp/big.nt"
nb=$(wc -l < "$tmp/big.nt")
push --verify --chunk 500 --update-endpoint "$VIRT_UPDATE" --graph http://ex/big "$tmp/big.nt"
check "in parts of 500: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "in parts of 500: $nb triples, got $(vcount http://ex/big)" [ "$(vcount http://ex/big)" = "$nb" ]
staged=$(curl -s -G "$VIRT_SPARQL" -H 'Accept: text/csv' --data-urlencode \
  "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:x-newsgraph:staging:')) }" |
  tail -n 1 | tr -d '"\r')
check "in parts: no staging graph left, got $staged" [ "$staged" = 0 ]

# ------------------------------------------------------------ staging

# A graph over --chunk that is empty at the endpoint goes in one PUT
# (--staging auto); Virtuoso keeps what it read of a PUT before an error
# (a line its loader refuses), so a failed one is deleted again.  Such a
# line (a bad escape, after 2,000 good ones) is not valid N-Triples: the
# lexer does not take it, the parser refuses it, nothing is sent.
{ head -n 2000 "$tmp/big.nt"; echo '<http://ex/s> <http://ex/p> "a\qb" .';
  sed -n '2001,2500p' "$tmp/big.nt"; } > "$tmp/refused.nt"
{ head -n 2000 "$tmp/big.nt"; echo '<http://ex/s> <http://ex/p> "a"@1a .';
  sed -n '2001,2500p' "$tmp/big.nt"; } > "$tmp/refused-tag.nt"
spush() { push --retries 0 --chunk 1000 "$@"; }
for r in refused refused-tag; do
  spush --graph "http://ex/new-$r" "$tmp/$r.nt"
  check "new graph, $r line: exit 4, got $rc: $(err1)" [ "$rc" -eq 4 ]
  check "new graph, $r line: nothing sent, got $(vcount "http://ex/new-$r")" \
    [ "$(vcount "http://ex/new-$r")" = 0 ]
done
# the same file into a graph that holds something: untouched
head -n 20 "$f" > "$tmp/twenty.nt"
push --graph http://ex/old-refused "$tmp/twenty.nt"
spush --update-endpoint "$VIRT_UPDATE" --graph http://ex/old-refused "$tmp/refused.nt"
check "graph with data, refused line: exit 4, got $rc: $(err1)" [ "$rc" -eq 4 ]
check "graph with data, refused line: untouched (20), got $(vcount http://ex/old-refused)" \
  [ "$(vcount http://ex/old-refused)" = 20 ]
# a good new graph over --chunk: no --update-endpoint needed
head -n 2500 "$tmp/big.nt" > "$tmp/mid.nt"
spush --verify --graph http://ex/new-mid "$tmp/mid.nt"
check "new graph over --chunk, one PUT: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "new graph over --chunk: 2500, got $(vcount http://ex/new-mid)" \
  [ "$(vcount http://ex/new-mid)" = 2500 ]
# the same from a store (a librdf stream, not lines)
"$NG_BIN" load -q --store "$tmp/mid.db" --graph http://ex/new-store "$tmp/mid.nt"
spush --verify --store "$tmp/mid.db"
check "new graph over --chunk from a store, one PUT: exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "new graph over --chunk from a store: 2500, got $(vcount http://ex/new-store)" \
  [ "$(vcount http://ex/new-store)" = 2500 ]
# now it holds something: without an update endpoint it is refused
spush --graph http://ex/new-mid "$tmp/twenty.nt" > /dev/null
spush --graph http://ex/new-mid "$tmp/mid.nt"
check "graph with data over --chunk, no --update-endpoint: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "graph with data over --chunk, no --update-endpoint: untouched (20), got $(vcount http://ex/new-mid)" \
  [ "$(vcount http://ex/new-mid)" = 20 ]
# a query endpoint that cannot say: staged, as if the graph held something
spush --query-endpoint http://127.0.0.1:1/none --update-endpoint "$VIRT_UPDATE" \
  --graph http://ex/noquery "$tmp/mid.nt"
check "no answer from the query endpoint: staged, exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "no answer from the query endpoint: 2500, got $(vcount http://ex/noquery)" \
  [ "$(vcount http://ex/noquery)" = 2500 ]
spush --query-endpoint http://127.0.0.1:1/none --graph http://ex/noquery2 "$tmp/mid.nt"
check "no answer from the query endpoint, no --update-endpoint: refused (8), got $rc" [ "$rc" -eq 8 ]
run push --endpoint "$VIRT_GSP" --staging sometimes "$tmp/mid.nt"
check "--staging sometimes: exit 2, got $rc" [ "$rc" -eq 2 ]
# through a proxy that answers 500 to the Nth write (tests/faultserver.py)
proxy_push() { # proxy_push HOW N GRAPH [ARGS...]: push mid.nt, write N
  local how=$1 n=$2 g=$3 pid pp a # fails (HOW fail-write) or is done but
  local -a args=()                # answered 500 (lose-answer)
  shift 3
  rm -f "$tmp/proxy.port"
  python3 tests/faultserver.py "$tmp/proxy.port" --proxy "$VIRT_BASE" \
    "--$how" "$n" &
  pid=$!
  for _ in $(seq 50); do [ -s "$tmp/proxy.port" ] && break; sleep 0.1; done
  pp="http://127.0.0.1:$(cat "$tmp/proxy.port" 2>/dev/null)"
  for a in "$@"; do args+=("${a//PROXY/$pp}"); done
  run push --user dba --retries 0 --chunk 1000 --graph "$g" "${args[@]}" \
    --endpoint "$pp/sparql-graph-crud-auth" "$tmp/mid.nt"
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}
proxy_push fail-write 1 http://ex/proxied
check "new graph, its PUT fails: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "new graph, its PUT fails: nothing left, got $(vcount http://ex/proxied)" \
  [ "$(vcount http://ex/proxied)" = 0 ]
# the server stores the PUT, the answer is lost: deleted again, as it was
proxy_push lose-answer 1 http://ex/proxied
check "new graph, PUT stored but answered 500: exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "new graph, PUT stored but answered 500: says unchanged: $(err1)" grep -q 'unchanged' "$tmp/err"
check "new graph, PUT stored but answered 500: nothing left, got $(vcount http://ex/proxied)" \
  [ "$(vcount http://ex/proxied)" = 0 ]
proxy_push fail-write 2 http://ex/proxied
check "new graph: one write (the 2nd would fail), exit 0, got $rc: $(err1)" [ "$rc" -eq 0 ]
check "new graph: one write, 2500, got $(vcount http://ex/proxied)" \
  [ "$(vcount http://ex/proxied)" = 2500 ]
proxy_push fail-write 2 http://ex/proxied2 --staging always --update-endpoint PROXY/sparql-auth
check "--staging always on a new graph: in parts (the 2nd fails), exit 8, got $rc: $(err1)" [ "$rc" -eq 8 ]
check "--staging always, a part fails: nothing left, got $(vcount http://ex/proxied2)" \
  [ "$(vcount http://ex/proxied2)" = 0 ]

# ------------------------------------------------------------ memory

mkdir -p "$tmp/many"
for i in $(seq 1 300); do cp "$f" "$tmp/many/g$i.nt"; done
rss() { # rss FILES...: peak RSS in KB of pushing FILES
  /usr/bin/time -f '%M' -o "$tmp/rss" "$NG_BIN" push -q --endpoint "$VIRT_GSP" \
    --user dba "$@" > /dev/null 2>&1
  cat "$tmp/rss"
}
# Under a sanitizer the heap's quarantine keeps freed memory, so peak RSS
# grows with what was ever allocated: the figure means nothing there.
if [ -z "${NG_SANITIZER:-}" ]; then
  r20=$(rss $(ls "$tmp"/many/*.nt | head -n 20))
  r300=$(rss "$tmp"/many/*.nt)
  check "memory flat: 300 files ${r300} KB, 20 files ${r20} KB" [ "$r300" -lt $((r20 + 4096)) ]
fi

finish
