#!/usr/bin/env bash
# tests/inout/run.sh - what goes into the store and what comes out of it:
# graph names kept by load and written by dump (the round trip dump ->
# load -> dump byte for byte, on a corpus section); the inputs load, push
# and extract share (text, HTML, JSON Lines, folders, URLs, RDF files, and
# what is none of them); query results in the W3C formats (checked by
# results.py against the examples of the specifications: w3c.*, csvtsv.*),
# the table, and formats that do not fit the query form.  Prints one line
# per failure and ends with "N passed, N failed"; exits 1 when anything
# failed.
#
#   NG_BIN=./newsgraph NG_SHARED=../shared bash tests/inout/run.sh
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" inout || exit 1
unset NEWSGRAPH_STORE
trap 'exit 1' INT TERM
ng_timeout=300
stat_of() { # stat_of NAME STORE
  "$NG_BIN" stats --store "$2" | sed -n "s/^$1: //p"
}
d=tests/inout

# ------------------------------------------------------------ graph names

# A corpus section (or, without the shared corpus, the test articles) as
# N-Quads: one graph per article.  (The whole corpus, 2,444 graphs and
# 346,726 quads, round-trips too, but loads for minutes: docs/store.md.)
src="$NG_SHARED/corpus/wikinews/2020"
[ -d "$src" ] || src=tests/articles
run extract -q -j 2 -f nquads -o "$tmp/in.nq" "$src"
check "extract $src to N-Quads: exit $rc: $(err1)" [ "$rc" -eq 0 ]
awk '{ print $NF == "." ? $(NF - 1) : $NF }' "$tmp/in.nq" | sort -u \
  >"$tmp/in.graphs"
ngraphs=$(wc -l <"$tmp/in.graphs")
run load -q --store "$tmp/a.db" "$tmp/in.nq"
check "load N-Quads: exit $rc: $(err1)" [ "$rc" -eq 0 ]
g=$(stat_of graphs "$tmp/a.db")
check "load N-Quads keeps the $ngraphs graphs, got '$g'" [ "$g" = "$ngraphs" ]
run dump --store "$tmp/a.db" -o "$tmp/d1.nq"
check "dump: exit $rc: $(err1)" [ "$rc" -eq 0 ]
awk '{ print $(NF - 1) }' "$tmp/d1.nq" | sort -u >"$tmp/d1.graphs"
check "dump names every graph of the input" cmp -s "$tmp/in.graphs" \
  "$tmp/d1.graphs"
check "dump holds the quads of the input" \
  cmp -s <(sort -u "$tmp/in.nq") <(sort "$tmp/d1.nq")
check "dump: graphs one after another in bytewise order of their IRIs" \
  cmp -s <(awk '{ print $(NF - 1) }' "$tmp/d1.nq" | uniq) \
    <(LC_ALL=C sort "$tmp/d1.graphs")
run load -q --store "$tmp/b.db" "$tmp/d1.nq"
run dump --store "$tmp/b.db"
check "dump -> load into a fresh store -> dump is byte-identical" \
  cmp -s "$tmp/out" "$tmp/d1.nq"
run dump --store "$tmp/a.db" -f trig
cp "$tmp/out" "$tmp/d1.trig"
check "dump -f trig: exit $rc" [ "$rc" -eq 0 ]
n=$(rapper -i trig -c "$tmp/d1.trig" 2>&1 | grep -o 'returned [0-9]*')
check "rapper parses the TriG dump, all quads ($n)" \
  [ "$n" = "returned $(wc -l <"$tmp/d1.nq")" ]
run load -q --store "$tmp/c.db" "$tmp/d1.trig"
run dump --store "$tmp/c.db"
check "TriG dump -> load -> dump gives the same N-Quads" \
  cmp -s "$tmp/out" "$tmp/d1.nq"
g1=$(head -n 1 "$tmp/in.graphs" | tr -d '<>')
run dump --store "$tmp/a.db" --graph "$g1"
check "dump --graph: only that graph" \
  cmp -s "$tmp/out" <(grep -F " <$g1> ." "$tmp/d1.nq")
run dump --store "$tmp/a.db" --graph http://example.org/none
check "dump --graph of no graph: exit 2, got $rc: $(err1)" [ "$rc" -eq 2 ]
run dump --store "$tmp/none.db"
check "dump of no store: exit 7, got $rc" [ "$rc" -eq 7 ]
check "dump of no store creates none" [ ! -e "$tmp/none.db" ]
run dump --store "$tmp/a.db" -f turtle
check "dump -f turtle: exit 2, got $rc" [ "$rc" -eq 2 ]

# blank nodes, a default graph, escapes: TriG -> dump -> load -> dump
printf '@prefix : <http://e/> .\n:g1 { :a :b [ :c "x\\u00e9\\n\\"q\\"" ] . }\n:g2 { _:z :p "y"@en . }\n{ :t :u :v . }\n' \
  >"$tmp/b.trig"
run load --store "$tmp/e.db" "$tmp/b.trig"
run dump --store "$tmp/e.db" -o "$tmp/e1.nq"
check "blank nodes: 3 graphs dumped ($(awk '{print $NF}' "$tmp/e1.nq" | wc -l) lines)" \
  [ "$(awk '{ print $(NF - 1) }' "$tmp/e1.nq" | sort -u | wc -l)" -eq 3 ]
run load -q --store "$tmp/f.db" "$tmp/e1.nq"
run dump --store "$tmp/f.db"
check "blank nodes: dump -> load -> dump byte-identical" \
  cmp -s "$tmp/out" "$tmp/e1.nq"
run load -q --backend bdb --store "$tmp/bdb" "$tmp/e1.nq"
run dump --backend bdb --store "$tmp/bdb"
check "bdb store: dump -> load -> dump byte-identical" \
  cmp -s "$tmp/out" "$tmp/e1.nq"

# ------------------------------------------------------------ inputs

printf '%s\n' \
  '{"id":"a1","url":"https://example.org/a1","title":"Mayor speaks","text":"Maria Lopez, the mayor of Springfield, said: \"We will build the bridge.\""}' \
  '' \
  '{"id":"a2","title":"Talks","text":"John Smith, the minister, said the talks failed."}' \
  >"$tmp/x.jsonl"
run load --store "$tmp/i.db" "$tmp/x.jsonl"
check "load JSON Lines: exit $rc: $(err1)" [ "$rc" -eq 0 ]
check "load JSON Lines: one graph per record" [ "$(wc -l <"$tmp/out")" -eq 2 ]
check "load JSON Lines: named FILE:LINE" grep -q 'x.jsonl:3$' "$tmp/out"
run query --store "$tmp/i.db" -f tsv \
  'SELECT ?h WHERE { ?a <https://w3id.org/newsgraph/ns#headline> ?h }'
check "load JSON Lines: headlines from the records, not their JSON" \
  [ "$(grep -c -e '"Mayor speaks"' -e '"Talks"' "$tmp/out")" -eq 2 ]
check "load JSON Lines: no JSON in a headline" eval '! grep -q "{" "$tmp/out"'

printf '<html><head><title>Bridge news</title></head><body><nav>Home</nav><article><h1>Bridge news</h1><p>Maria Lopez, the mayor of Springfield, said: "We will build the bridge."</p></article></body></html>\n' \
  >"$tmp/p.html"
run load --store "$tmp/h.db" "$tmp/p.html"
check "load HTML: exit $rc: $(err1)" [ "$rc" -eq 0 ]
run query --store "$tmp/h.db" -f tsv \
  'SELECT ?h WHERE { ?a <https://w3id.org/newsgraph/ns#headline> ?h }'
check "load HTML: the page's headline, no markup: $(sed -n 2p "$tmp/out")" \
  [ "$(sed -n 2p "$tmp/out")" = '"Bridge news"' ]

printf '{ "http://e/s" : { "http://e/p" : [ { "value" : "v", "type" : "literal" } ] } }\n' \
  >"$tmp/g.json"
run load --store "$tmp/j.db" "$tmp/g.json"
check "load RDF/JSON as RDF: 1 triple: $(cat "$tmp/out") $(err1)" \
  grep -q "	1	$tmp/g.json" "$tmp/out"
run load --store "$tmp/j.db" --input text "$tmp/g.json"
check "load --input text reads a .json as an article: exit $rc" [ "$rc" -eq 0 ]
run load --store "$tmp/j.db" --input turtle "$tmp/p.html"
check "load --input turtle of HTML: exit 4, got $rc: $(err1)" [ "$rc" -eq 4 ]
run load --store "$tmp/j.db" --input nope "$tmp/p.html"
check "load --input nope: exit 2, got $rc" [ "$rc" -eq 2 ]

mkdir -p "$tmp/dir/sub"
cp tests/articles/wikinews-2019-104.txt "$tmp/dir/"
cp tests/articles/wikinews-2019-113.txt "$tmp/dir/sub/"
cp "$tmp/p.html" "$tmp/dir/sub/"
run load --store "$tmp/k.db" "$tmp/dir"
check "load DIR: exit $rc: $(err1)" [ "$rc" -eq 0 ]
check "load DIR: every article, 3 graphs: $(stat_of graphs "$tmp/k.db")" \
  [ "$(stat_of graphs "$tmp/k.db")" = 3 ]
run load --store "$tmp/k.db" "file://$PWD/tests/articles/wikinews-2019-104.txt"
check "load URL (file://): exit $rc: $(err1)" [ "$rc" -eq 0 ]

# what fails leaves no new store, and an existing store as it was
mkdir "$tmp/empty"
for bad in "$tmp/missing.txt" "$tmp/empty" "$tmp/bad.json"; do
  printf '{ "http://e/s" : ' >"$tmp/bad.json"
  run load --store "$tmp/new.db" "$bad"
  check "failed load of ${bad##*/}: non-zero exit, one-line error ($rc: $(err1))" \
    [ "$rc" -ne 0 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]
  check "failed load of ${bad##*/}: no store file left" \
    [ -z "$(ls "$tmp" | grep '^new\.db')" ]
done
run load --backend bdb --store "$tmp/newbdb" "$tmp/bad.json"
check "failed load into a new bdb store: no files left" \
  [ -z "$(ls "$tmp" | grep '^newbdb')" ]
"$NG_BIN" dump --store "$tmp/i.db" >"$tmp/before.nq"
run load --store "$tmp/i.db" "$tmp/bad.json"
check "failed load into an existing store: exit 4, got $rc" [ "$rc" -eq 4 ]
"$NG_BIN" dump --store "$tmp/i.db" >"$tmp/after.nq"
check "failed load into an existing store: store as it was" \
  cmp -s "$tmp/before.nq" "$tmp/after.nq"

# extract takes articles, not RDF
run extract "$tmp/g.json"
check "extract of an RDF file: exit 4, got $rc: $(err1)" [ "$rc" -eq 4 ]
check "extract of an RDF file: says to load it" grep -q 'newsgraph load' "$tmp/err"
run extract --input trig "$tmp/p.html"
check "extract --input trig: exit 2, got $rc" [ "$rc" -eq 2 ]

# ------------------------------------------------------------ result formats

run load -q --store "$tmp/w.db" "$d/w3c.ttl" "$d/csvtsv.ttl"
for f in json:w3c.srj xml:w3c.srx csv:csvtsv.csv tsv:csvtsv.tsv; do
  k=${f%%:*} want=$d/${f#*:}
  run query --store "$tmp/w.db" -f "$k" -q "${want%.*}.rq"
  if [ "$rc" -eq 0 ] &&
     python3 "$d/results.py" "$k" "$tmp/out" "$want" 2>"$tmp/why"; then
    pass
  else
    fail "-f $k: not the W3C example ($want): exit $rc: $(cat "$tmp/why")"
  fi
done
run query --store "$tmp/w.db" -f json 'ASK { ?s ?p ?o }'
check "ASK as JSON: {head, boolean}" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(d != {"head": {}, "boolean": True})' "$tmp/out"
run query --store "$tmp/w.db" -f xml 'ASK { ?s <http://e/none> ?o }'
check "ASK as XML: <boolean>false</boolean>" \
  grep -q '<boolean>false</boolean>' "$tmp/out"

run query --store "$tmp/w.db" -q "$d/w3c.rq"
check "table: exit $rc" [ "$rc" -eq 0 ]
check "table: a header row of the variables" \
  grep -Eq '^x +\| hpage +\| name +\| mbox +\| age +\| blurb +\| friend$' "$tmp/out"
check "table: plain values" grep -Eq '\| Bob +\|' "$tmp/out"
check "table: no librdf debugging forms" \
  eval '! grep -Eq "string\\(|uri<|\\^\\^" "$tmp/out"'
check "table: aligned columns" \
  [ "$(awk -F'|' 'NR != 2 { print length($1) }' "$tmp/out" | sort -u | wc -l)" -eq 1 ]
printf '<http://e/s> <http://e/p> "\xe2\x80\x9cquoted\xe2\x80\x9d" .\n' >"$tmp/u.nt"
run load -q --store "$tmp/u.db" "$tmp/u.nt"
run query --store "$tmp/u.db" 'SELECT ?o WHERE { ?s ?p ?o }'
check "table: UTF-8 as it is, not \\u201C" grep -q '“quoted”' "$tmp/out"

run query --store "$tmp/w.db" -f csv 'CONSTRUCT WHERE { ?s ?p ?o }'
check "csv on CONSTRUCT: exit 2, got $rc: $(err1)" [ "$rc" -eq 2 ]
check "csv on CONSTRUCT: nothing printed" [ ! -s "$tmp/out" ]
run query --store "$tmp/w.db" -f turtle 'SELECT * WHERE { ?s ?p ?o }'
check "turtle on SELECT: exit 2, got $rc: $(err1)" [ "$rc" -eq 2 ]
run query --store "$tmp/w.db" -f json 'CONSTRUCT WHERE { ?s ?p ?o }'
check "json on CONSTRUCT: RDF/JSON, exit $rc" [ "$rc" -eq 0 ]

finish
