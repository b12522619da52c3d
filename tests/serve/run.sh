#!/usr/bin/env bash
# tests/serve/run.sh - `newsgraph serve` with real clients: curl (the
# SPARQL 1.1 Protocol by GET and POST, every result type by Accept, the
# Graph Store Protocol, CORS, limits and bad requests), Comunica's
# fetch-sparql-endpoint (npm, installed into build/npm), reads while a
# `load` writes, and headless Chromium (tests/serve/checkdom.py checks
# that every quote of the example article is a highlighted element that
# links to its speaker, on the standalone page and the served one;
# tests/serve/fulltext.py that both show the article's whole text, loaded
# with --with-text, in the same <article> element).
# Under a sanitizer (NG_SANITIZER) the browser part is skipped.  Ends with
# "N passed, N failed"; exits 1 when anything failed.
#
#   NG_BIN=./newsgraph bash tests/serve/run.sh
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" serve || exit 1
unset NEWSGRAPH_STORE

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
}
trap 'exit 1' INT TERM

# start NAME ARGS...: a server on a free loopback port; sets $url
start() {
  local name=$1 i; shift
  "$NG_BIN" serve --port 0 "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  pids+=($!)
  url=
  for i in $(seq 1 100); do
    url=$(sed -n 's/^newsgraph: serving .* at \(http:[^ ]*\)\/$/\1/p' 2>/dev/null \
          "$tmp/$name.out")
    [ -n "$url" ] && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  fail "$name: the server did not start: $(head -c 300 "$tmp/$name.err")"
  return 1
}
# get ARGS...: curl; body in $tmp/body, headers in $tmp/hdr, sets $code
get() {
  code=$(curl -s -m 60 -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' "$@")
}
hdr() { grep -i "^$1:" "$tmp/hdr" | head -1 | tr -d '\r' | cut -d' ' -f2-; }

NG='https://w3id.org/newsgraph/ns#'
A='https://w3id.org/newsgraph/id/article/39643b065a0133ed'
db="$tmp/s.db"

# a hostile article: markup, quotes and ampersands in what is said
cat > "$tmp/hostile.txt" <<'TXT'
Council <script>alert(1)</script> vote

Mayor Jane Doe said: "We will not let <script>alert('x')</script> & \"friends\" decide."

Jane Doe added that the "<b>bold</b>" plan was fine.
TXT
# the example and the hostile article with their text, one without
printf 'Plain vote\n\nMayor Ann Roe said: "The vote stands."\n' > "$tmp/plain.txt"
"$NG_BIN" load -q --with-text --store "$db" examples/geneva-summit.txt \
  "$tmp/hostile.txt" >/dev/null 2>"$tmp/load.err"
check "load the example: $(head -1 "$tmp/load.err")" [ -s "$db" ]
"$NG_BIN" load -q --store "$db" "$tmp/plain.txt" >/dev/null 2>"$tmp/load.err"
check "load an article without its text: $(head -1 "$tmp/load.err")" \
  [ ! -s "$tmp/load.err" ]

start main --store "$db" --max-result 300k --max-body 64k --timeout 3 \
  --workers 2 || { printf '%d passed, %d failed\n' "$passed" "$failed"; exit 1; }
check "binds loopback: $url" eval '[[ "$url" == http://127.0.0.1:* ]]'
main=$url
S="$url/sparql"

# ------------------------------------------------------------ SPARQL

Q="SELECT ?t WHERE { ?s a <${NG}DirectQuote> ; <${NG}text> ?t } ORDER BY ?t"
get -G --data-urlencode "query=$Q" "$S"
check "GET query: 200, got $code" [ "$code" = 200 ]
check "GET query: JSON results by default: $(hdr Content-Type)" \
  eval '[ "$(hdr Content-Type)" = application/sparql-results+json ]'
check "GET query: CORS header" eval '[ "$(hdr Access-Control-Allow-Origin)" = "*" ]'
check "GET query: JSON parses with bindings" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if len(d["results"]["bindings"]) > 30 else 1)' "$tmp/body"
n_json=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]["bindings"]))' "$tmp/body")
"$NG_BIN" query --store "$db" -f csv "$Q" > "$tmp/cli.csv"
get -H 'Accept: text/csv' --data-urlencode "query=$Q" "$S"
check "POST urlencoded, Accept text/csv: 200 $(hdr Content-Type)" \
  eval '[ "$code" = 200 ] && [[ "$(hdr Content-Type)" == text/csv* ]]'
check "CSV over HTTP = newsgraph query -f csv" cmp -s "$tmp/body" "$tmp/cli.csv"
check "CSV rows = JSON bindings ($n_json)" \
  eval '[ "$(($(wc -l < "$tmp/body") - 1))" -ge "$n_json" ]'
get -H 'Content-Type: application/sparql-query' \
  -H 'Accept: text/tab-separated-values' --data-binary "$Q" "$S"
check "POST direct, TSV: 200 $(hdr Content-Type)" \
  eval '[ "$code" = 200 ] && [[ "$(hdr Content-Type)" == text/tab-separated-values* ]]'
get -H 'Accept: application/sparql-results+xml' -G --data-urlencode "query=$Q" "$S"
check "XML results: $code $(hdr Content-Type)" \
  eval '[ "$code" = 200 ] && grep -q "<sparql" "$tmp/body"'
get -H 'Accept: application/sparql-results+json' -G \
  --data-urlencode "query=ASK { <$A> a <${NG}Article> }" "$S"
check "ASK: true" grep -q '"boolean" *: *true' "$tmp/body"
C="CONSTRUCT { ?s <${NG}text> ?t } WHERE { ?s <${NG}inArticle> <$A> ; <${NG}text> ?t }"
get -H 'Accept: text/turtle' -G --data-urlencode "query=$C" "$S"
check "CONSTRUCT as Turtle: $code $(hdr Content-Type)" \
  eval '[ "$code" = 200 ] && [[ "$(hdr Content-Type)" == text/turtle* ]]'
nt=$(rapper -q -i turtle -o ntriples "$tmp/body" "$A" 2>/dev/null | wc -l)
check "CONSTRUCT Turtle parses: $nt triples" [ "$nt" -gt 50 ]
get -H 'Accept: application/n-triples' -G --data-urlencode "query=$C" "$S"
check "CONSTRUCT as N-Triples: same $nt lines, got $(wc -l < "$tmp/body")" \
  eval '[ "$code" = 200 ] && [ "$(wc -l < "$tmp/body")" = "$nt" ]'
get -H 'Accept: image/png' -G --data-urlencode "query=$Q" "$S"
check "Accept image/png: 406, got $code" [ "$code" = 406 ]
get -G --data-urlencode "query=SELEKT ?x" "$S"
check "syntax error: 400, got $code" [ "$code" = 400 ]
get "$S"
check "no query: 400, got $code" [ "$code" = 400 ]
get -G --data-urlencode "query=$Q" --data-urlencode "query=$Q" "$S"
check "two queries: 400, got $code" [ "$code" = 400 ]
get -G --data-urlencode "query=$Q" --data-urlencode "default-graph-uri=$A" "$S"
check "default-graph-uri: 400 (not supported), got $code" [ "$code" = 400 ]
get -X PUT --data-binary x "$S"
check "PUT /sparql: 405, got $code, Allow $(hdr Allow)" \
  eval '[ "$code" = 405 ] && [ -n "$(hdr Allow)" ]'
get -H 'Content-Type: text/plain' --data-binary "$Q" "$S"
check "POST text/plain: 415, got $code" [ "$code" = 415 ]
get --data-urlencode 'update=DROP ALL' "$S"
check "update on a read-only server: 403, got $code" [ "$code" = 403 ]
get -X OPTIONS -H 'Origin: http://example.org' \
  -H 'Access-Control-Request-Method: POST' "$S"
check "CORS preflight: 204 with methods, got $code" \
  eval '[ "$code" = 204 ] && [[ "$(hdr Access-Control-Allow-Methods)" == *POST* ]]'
head -c 100000 /dev/zero | tr '\0' 'x' > "$tmp/big"
get -H 'Content-Type: application/sparql-query' --data-binary @"$tmp/big" "$S"
check "body over --max-body: 413, got $code" [ "$code" = 413 ]
get "$url/../../etc/passwd"
check "path traversal: 404, got $code" \
  eval '[ "$code" = 404 ] && ! grep -q root: "$tmp/body"'
get --path-as-is "$url/article/..%2F..%2Fetc%2Fpasswd"
check "encoded traversal: 404, got $code" [ "$code" = 404 ]

# ------------------------------------------------------------ graph store

get -H 'Accept: text/turtle' -G --data-urlencode "graph=$A" "$url/data"
check "GSP GET a graph: $code" [ "$code" = 200 ]
gn=$(rapper -q -i turtle -o ntriples "$tmp/body" "$A" 2>/dev/null | wc -l)
"$NG_BIN" query --store "$db" -f csv \
  "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$A> { ?s ?p ?o } }" > "$tmp/n"
check "GSP GET: $gn triples, the store says $(tail -1 "$tmp/n")" \
  eval '[ "$gn" = "$(tail -1 "$tmp/n" | tr -d "\r")" ]'
get -G --data-urlencode "graph=http://example.org/none" "$url/data"
check "GSP GET a missing graph: 404, got $code" [ "$code" = 404 ]
get -G --data-urlencode "graph=x> } <y" "$url/data"
check "GSP GET a bad IRI: 400, got $code" [ "$code" = 400 ]
get -X PUT -H 'Content-Type: text/turtle' --data-binary '<a:s> <a:p> <a:o> .' \
  "$url/data?graph=http://example.org/g"
check "GSP PUT read-only: 403, got $code" [ "$code" = 403 ]

# ------------------------------------------------------------ pages

get "$url/"
check "index page: 200 html, got $code $(hdr Content-Type)" \
  eval '[ "$code" = 200 ] && [[ "$(hdr Content-Type)" == text/html* ]]'
check "index links the example article" grep -q 'href="/article/39643b065a0133ed"' "$tmp/body"
check "pages carry a Content-Security-Policy" \
  eval '[[ "$(hdr Content-Security-Policy)" == *"default-src '"'"'none'"'"'"* ]]'
get "$url/article/39643b065a0133ed"
check "article page: 200, got $code" [ "$code" = 200 ]
cp "$tmp/body" "$tmp/article.html"
check "article page: 73 statements marked, got $(grep -o '<mark class="[a-z]*" id="statement-' "$tmp/body" | wc -l)" \
  eval '[ "$(grep -o "<mark class=\"[a-z]*\" id=\"statement-" "$tmp/body" | wc -l)" = 73 ]'
check "article page: speakers link to person pages" grep -q 'class="by" href="/person/putin--3d814ba9"' "$tmp/body"
"$NG_BIN" extract -f html -o "$tmp/page.html" examples/geneva-summit.txt
out=$(python3 tests/serve/fulltext.py "$tmp/article.html" \
      examples/geneva-summit.txt "$tmp/page.html")
check "article page (--with-text): the full text, the same body as extract -f html: $(echo $out)" \
  eval 'echo "$out" | grep -q "full text ok" && echo "$out" | grep -q "same body ok"'
check "article page (--with-text): no note about a missing text" \
  eval '! grep -q "class=\"said\"\|class=\"note\"" "$tmp/article.html"'
pid=$("$NG_BIN" query --store "$db" -f csv "SELECT ?a WHERE { ?a <${NG}headline> \"Plain vote\" }" | tail -1 | tr -d '\r')
get "$url/article/${pid##*/}"
check "article page without the text: 200 and the statements listed, got $code" \
  eval '[ "$code" = 200 ] && grep -q "<ol class=\"said\">" "$tmp/body" && grep -q "<mark class=\"direct\" id=\"statement-1\"" "$tmp/body"'
check "article page without the text: no full text" \
  eval '! python3 tests/serve/fulltext.py "$tmp/body" "$tmp/plain.txt" >/dev/null'
get "$url/person/putin--3d814ba9"
check "person page: 200, got $code" [ "$code" = 200 ]
check "person page: 34 statements, got $(grep -c '<li><span class="kind">' "$tmp/body")" \
  eval '[ "$(grep -c "<li><span class=\"kind\">" "$tmp/body")" = 34 ]'
check "person page links back into the article" \
  grep -q 'href="/article/39643b065a0133ed#statement-' "$tmp/body"
hid=$("$NG_BIN" query --store "$db" -f csv "SELECT ?a WHERE { ?a <${NG}headline> ?h FILTER(CONTAINS(?h, \"Council\")) }" | tail -1 | tr -d '\r')
get "$url/article/${hid##*/}"
check "hostile article page: 200, got $code" [ "$code" = 200 ]
check "hostile article: no markup of its own gets through" \
  eval '! grep -q "<script\|<b>bold" "$tmp/body" && grep -q "&lt;script&gt;alert" "$tmp/body"'
check "hostile article (--with-text): markup, quotes and & escaped in the text" \
  eval 'grep -qF "Council &lt;script&gt;alert(1)&lt;/script&gt; vote" "$tmp/body" && grep -qF "alert(&#39;x&#39;)&lt;/script&gt; &amp; " "$tmp/body" && grep -qF "friends\\&quot; decide.&quot;" "$tmp/body"'
cp "$tmp/body" "$tmp/hs.html"
"$NG_BIN" extract -f html "$tmp/hostile.txt" > "$tmp/h.html" 2>"$tmp/e"
check "extract -f html, hostile: escaped: $(head -1 "$tmp/e")" \
  eval '! grep -q "<script\|<b>bold" "$tmp/h.html" && grep -q "<mark class=\"direct\" id=\"statement-1\"" "$tmp/h.html"'
out=$(python3 tests/serve/fulltext.py "$tmp/hs.html" "$tmp/hostile.txt" "$tmp/h.html")
check "hostile article served = extract -f html, full text: $(echo $out)" \
  eval 'echo "$out" | grep -q "full text ok" && echo "$out" | grep -q "same body ok"'
"$NG_BIN" extract -f html "$tmp/hostile.txt" examples/geneva-summit.txt \
  >/dev/null 2>"$tmp/e"; rc=$?
check "extract -f html of two articles: exit 2, got $rc: $(cat "$tmp/e")" [ "$rc" -eq 2 ]
get "$url/person/nobody-at-all"
check "unknown person: 404, got $code" [ "$code" = 404 ]
get "$url/person/%3Cscript%3E"
check "person with markup in the path: 404, got $code" [ "$code" = 404 ]
get -X POST --data x "$url/"
check "POST a page: 405, got $code" [ "$code" = 405 ]

# ------------------------------------------------------------ an independent client

F=build/npm/node_modules/.bin/fetch-sparql-endpoint
if [ ! -x "$F" ] && command -v npm >/dev/null 2>&1; then
  npm install --prefix build/npm --no-audit --no-fund --silent \
    fetch-sparql-endpoint@7.2.0 >/dev/null 2>&1
fi
if [ -x "$F" ]; then
  timeout 60 "$F" --endpoint "$S" --query "$Q" > "$tmp/f.json" 2>"$tmp/f.err"
  check "fetch-sparql-endpoint SELECT (POST): $n_json rows, got $(wc -l < "$tmp/f.json") $(head -c 200 "$tmp/f.err")" \
    eval '[ "$(wc -l < "$tmp/f.json")" = "$n_json" ]'
  timeout 60 "$F" --get --endpoint "$S" --query "$C" > "$tmp/f.ttl" 2>"$tmp/f.err"
  fn=$(rapper -q -i turtle -o ntriples "$tmp/f.ttl" "$A" 2>/dev/null | wc -l)
  check "fetch-sparql-endpoint CONSTRUCT (GET): $nt triples, got $fn" [ "$fn" = "$nt" ]
  timeout 60 "$F" --endpoint "$S" --query "ASK { <$A> a <${NG}Article> }" > "$tmp/f.ask" 2>&1
  check "fetch-sparql-endpoint ASK: $(cat "$tmp/f.ask")" grep -qx true "$tmp/f.ask"
else
  fail "fetch-sparql-endpoint: cannot install it (npm)"
fi

# ------------------------------------------------------------ reads while a load writes

files=$(ls "${NG_SHARED:-../shared}"/corpus/wikinews/*.txt 2>/dev/null | head -40)
[ -z "$files" ] && files=$(ls tests/articles/*.txt)
"$NG_BIN" load -q --store "$db" $files > "$tmp/load2.out" 2>&1 &
lpid=$!
bad=0 reads=0
while kill -0 "$lpid" 2>/dev/null || [ "$reads" -lt 10 ]; do
  c=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -G \
      --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { ?s a <${NG}Article> }" "$S")
  reads=$((reads + 1))
  [ "$c" = 200 ] || bad=$((bad + 1))
  [ "$reads" -ge 200 ] && break
done
wait "$lpid"
lrc=$?
check "load while serving: exit $lrc: $(tail -1 "$tmp/load2.out")" [ "$lrc" -eq 0 ]
check "reads while loading: $reads, $bad not 200" [ "$bad" -eq 0 ]
get -H 'Accept: text/csv' -G --data-urlencode \
  "query=SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <${NG}Article> }" "$S"
check "the server sees the loaded articles: $(tail -1 "$tmp/body")" \
  eval '[ "$(tail -1 "$tmp/body" | tr -d "\r")" -gt 2 ]'

get -H 'Accept: application/n-triples' -G \
  --data-urlencode 'query=CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' "$S"
check "answer over --max-result: 500, got $code: $(head -c 80 "$tmp/body")" \
  eval '[ "$code" = 500 ] && grep -q max-result "$tmp/body"'

# ------------------------------------------------------------ time limit

t0=$(date +%s)
get -G --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }' "$S"
t1=$(date +%s)
check "a runaway query: 503 after --timeout 3, got $code in $((t1 - t0)) s" \
  eval '[ "$code" = 503 ] && [ $((t1 - t0)) -le 10 ] && [ -n "$(hdr Retry-After)" ]'
get -G --data-urlencode "query=ASK { <$A> a <${NG}Article> }" "$S"
check "the workers answer again: $code" [ "$code" = 200 ]
sleep 1
"$NG_BIN" load -q --wait 5 --store "$db" tests/articles/claims-more.txt 2>"$tmp/e"
check "the runaway query holds no lock: load exits $?: $(head -1 "$tmp/e")" \
  [ ! -s "$tmp/e" ]

# ------------------------------------------------------------ --allow-update

start upd --store "$db" --allow-update --workers 1 && {
  G=http://example.org/put-test
  get -X PUT -H 'Content-Type: text/turtle' \
    --data-binary '<http://ex/s> <http://ex/p> "x", "y" .' "$url/data?graph=$G"
  check "GSP PUT: 200, got $code $(head -c 100 "$tmp/body")" [ "$code" = 200 ]
  get -H 'Accept: application/n-triples' "$url/data?graph=$G"
  check "GSP GET after PUT: 2 triples, got $(wc -l < "$tmp/body")" \
    eval '[ "$code" = 200 ] && [ "$(wc -l < "$tmp/body")" = 2 ]'
  get -X PUT -H 'Content-Type: text/turtle' --data-binary '<x> <y' "$url/data?graph=$G"
  check "GSP PUT bad Turtle: 400, got $code" [ "$code" = 400 ]
  get -X DELETE "$url/data?graph=$G"
  check "GSP DELETE: 200, got $code" [ "$code" = 200 ]
  get "$url/data?graph=$G"
  check "GSP GET after DELETE: 404, got $code" [ "$code" = 404 ]
}

# ------------------------------------------------------------ a browser

if [ -n "${NG_SANITIZER:-}" ]; then
  :  # the browser part is slow under a sanitizer; curl covered the server
elif ! command -v chromium >/dev/null 2>&1; then
  fail "chromium is not installed (scripts/deps.sh)"
else
  "$NG_BIN" extract -f ntriples examples/geneva-summit.txt > "$tmp/g.nt"
  bash scripts/chromium.sh dom "file://$tmp/page.html" > "$tmp/dom1.html"
  out=$(python3 tests/serve/checkdom.py "$tmp/dom1.html" "$tmp/g.nt" standalone)
  check "standalone page in Chromium: $(echo "$out" | tail -3 | tr '\n' ' ')" \
    eval 'echo "$out" | grep -q "73 statements ok, 0 wrong"'
  bash scripts/chromium.sh dom "$main/article/39643b065a0133ed" > "$tmp/dom2.html"
  out=$(python3 tests/serve/checkdom.py "$tmp/dom2.html" "$tmp/g.nt" served)
  check "served page in Chromium: $(echo "$out" | tail -3 | tr '\n' ' ')" \
    eval 'echo "$out" | grep -q "73 statements ok, 0 wrong"'
  out=$(python3 tests/serve/fulltext.py "$tmp/dom2.html" \
        examples/geneva-summit.txt "$tmp/dom1.html")
  check "served page in Chromium: the full text, the same body as the standalone one: $(echo $out)" \
    eval 'echo "$out" | grep -q "full text ok" && echo "$out" | grep -q "same body ok"'
  bash scripts/chromium.sh shot "file://$tmp/page.html" "$tmp/shot.png"
  check "screenshot: a PNG" eval '[ "$(head -c 4 "$tmp/shot.png" | tail -c 3)" = PNG ]'
fi

# ------------------------------------------------------------ usage

"$NG_BIN" serve --store "$tmp/none.db" --port 0 >/dev/null 2>"$tmp/e"; rc=$?
check "missing store: exit 7, got $rc: $(cat "$tmp/e")" [ "$rc" -eq 7 ]
"$NG_BIN" serve --store "$db" --listen nowhere --port 0 >/dev/null 2>"$tmp/e"; rc=$?
check "bad --listen: exit 2, got $rc: $(cat "$tmp/e")" [ "$rc" -eq 2 ]
"$NG_BIN" serve --store "$db" --port 70000 >/dev/null 2>"$tmp/e"; rc=$?
check "bad --port: exit 2, got $rc" [ "$rc" -eq 2 ]
port=${main##*:}
"$NG_BIN" serve --store "$db" --port "$port" >/dev/null 2>"$tmp/e"; rc=$?
check "port in use: exit 8, got $rc: $(cat "$tmp/e")" [ "$rc" -eq 8 ]
kill "${pids[0]}"; wait "${pids[0]}"; rc=$?
check "SIGTERM stops the server: exit 0, got $rc" [ "$rc" -eq 0 ]

finish
