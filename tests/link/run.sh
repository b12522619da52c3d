#!/usr/bin/env bash
# tests/link/run.sh - tests of `newsgraph link` and `query --merge-same-as`:
# hand-made article graphs (tests/link/data: transliterations, short forms,
# people kept apart by first names, roles, gender and articles), the
# gazetteer, the CLI, and a measure on ten BBC politics articles read in
# place from ../shared/corpus (never copied): person nodes per real person
# after linking, counted by hand, and no wrong merge.  Ends with
# "N passed, N failed"; exits 1 when anything failed.
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" link || exit 1
unset NEWSGRAPH_STORE
# run: the CLI under valgrind with VALGRIND=1 (reports in $tmp/vg)
ng_valgrind=log
# has_link PRED FROM-LABEL TO-LABEL: a line of link --list (either way)
has_link() {
  awk -F'\t' -v p="$1" -v a="$2" -v b="$3" \
    '$1 == p && (($4 == a && $5 == b) || ($4 == b && $5 == a)) { f = 1 }
     END { exit !f }' "$tmp/list"
}
no_link() { # no_link LABEL: LABEL is in no link
  ! awk -F'\t' -v a="$1" 'NF >= 7 && ($4 == a || $5 == a) { f = 1 }
     END { exit !f }' "$tmp/list"
}
# q STORE QUERY [--merge-same-as]: one CSV value
P='PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX wd: <http://www.wikidata.org/entity/>'
q() {
  local db=$1 query=$2; shift 2
  "$NG_BIN" query --store "$db" -f csv "$@" "$P $query" 2>/dev/null |
    sed -n 2p | tr -d '\r'
}
# qn STORE QUERY [--merge-same-as]: rows of a SELECT DISTINCT (rasqal
# 0.9.33 miscounts COUNT(DISTINCT) over the union of graphs)
qn() {
  local db=$1 query=$2; shift 2
  "$NG_BIN" query --store "$db" -f csv "$@" "$P $query" 2>/dev/null |
    sed 1d | grep -c .
}

# ------------------------------------------------------------ hand-made

db=$tmp/h.db
run load -q --store "$db" tests/link/data/*.ttl
check "load tests/link/data: exit $rc: $(err1)" [ "$rc" -eq 0 ]
run link --store "$db" --list
check "link: exit $rc: $(err1)" [ "$rc" -eq 0 ]
cp "$tmp/out" "$tmp/list"
check "summary: 21 persons" grep -qx 'persons: 21' "$tmp/list"
check "summary: 19 after linking" grep -qx 'persons after linking: 19' \
  "$tmp/list"
check "Putin sameAs Vladimir Putin" \
  has_link owl:sameAs Putin "Vladimir Putin"
check "V. Putin sameAs Vladimir Putin" \
  has_link owl:sameAs "V. Putin" "Vladimir Putin"
check "Ryabkov/Riabkov closeMatch" \
  has_link skos:closeMatch "Sergei Riabkov" "Sergei Ryabkov"
check "Aleksey/Alexei closeMatch" \
  has_link skos:closeMatch "Aleksey Navalny" "Alexei Navalny"
check "Mohammed/Muhammad closeMatch" \
  has_link skos:closeMatch "Mohammed Salah" "Muhammad Salah"
check "John and James Smith: conflicting first names, no link" \
  no_link "James Smith"
check "Smith: two full names fit, no link" no_link Smith
check "Jane Smith (Mr Smith is a man): no link" no_link "Jane Smith"
check "Brown the striker is not Gordon Brown the chancellor" no_link Brown
check "Blair next to Tony and Cherie Blair in one article: no link" \
  no_link Blair
check "Tony Blair and Cherie Blair: no link" no_link "Cherie Blair"
check "Ivan and Iwan Petrov in one article: no link" no_link "Ivan Petrov"
check "Apple Inc. sameAs Apple" has_link owl:sameAs "Apple Inc." Apple
check "Acme Ltd and Acme: two Wikidata items, no link" no_link "Acme Ltd"
check "ABC Inc. and ABC (an acronym, many bodies): no link" no_link "ABC Inc."
n=$(q "$db" 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { ?l a rdf:Statement ; ng:confidence ?c ; ng:linkReason ?r } }')
# 6 between nodes, 2 to Wikidata from the shipped gazetteer (Tony Blair
# and Gordon Brown, the chancellor, of tests/link/data)
check "8 reified links with confidence and reason, got '$n'" [ "$n" = 8 ]
c=$(q "$db" 'SELECT ?c WHERE { ?l rdf:subject <http://example.org/person/sergei-riabkov> ; rdf:predicate skos:closeMatch ; ng:confidence ?c }')
check "Riabkov link confidence 0.90, got '$c'" [ "$c" = 0.90 ]
t1=$("$NG_BIN" stats --store "$db" | sed -n 's/^triples: //p')
run link --store "$db"
t2=$("$NG_BIN" stats --store "$db" | sed -n 's/^triples: //p')
check "link again replaces the links graph ($t1 then $t2 triples)" \
  [ -n "$t1" ] && [ "$t1" = "$t2" ]
n=$(qn "$db" 'SELECT DISTINCT ?a WHERE { ?a ng:mentions <http://example.org/person/vladimir-putin> }')
m=$(qn "$db" 'SELECT DISTINCT ?a WHERE { ?a ng:mentions <http://example.org/person/vladimir-putin> }' --merge-same-as)
check "--merge-same-as: Putin in 3 articles (1 without), got '$m' ('$n')" \
  [ "$n" = 1 ] && [ "$m" = 3 ]
n=$(qn "$db" 'SELECT DISTINCT ?p WHERE { ?p a ng:Person }' --merge-same-as)
check "--merge-same-as: 19 persons, got '$n'" [ "$n" = 19 ]
run link --store "$db" --gazetteer tests/link/gazetteer-same-name.tsv
n=$(q "$db" 'SELECT ?wd WHERE { <http://example.org/person/john-smith> owl:sameAs ?wd }')
check "gazetteer name in two entries: the role picks Q900001, got '$n'" \
  [ "$n" = http://www.wikidata.org/entity/Q900001 ]
run link --store "$db" --drop
n=$(q "$db" 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { ?s ?p ?o } }')
check "--drop empties the links graph: exit $rc, '$n' left" \
  [ "$rc" -eq 0 ] && [ "$n" = 0 ]
run link --store "$db" --graph http://example.org/my-links
n=$(q "$db" 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/my-links> { ?s owl:sameAs ?o } }')
check "--graph IRI: 5 sameAs there (2 to Wikidata), got '$n'" [ "$n" = 5 ]

# ------------------------------------------------------------ shipped gazetteer

# ontology/gazetteer/persons.tsv (UK MPs, peers and office holders from
# Wikidata): a full name in a politics article that names the party is
# tied to the item; the same name in a sports article is not
db=$tmp/ns.db
run load -q --store "$db" tests/link/namesakes/sport.ttl \
  tests/link/namesakes/politics.ttl
check "load tests/link/namesakes: exit $rc: $(err1)" [ "$rc" -eq 0 ]
run link --store "$db"
check "link with the shipped gazetteer: exit $rc: $(err1)" [ "$rc" -eq 0 ]
n=$(q "$db" 'SELECT ?wd WHERE { <http://example.org/person/john-redwood> owl:sameAs ?wd }')
check "John Redwood in a politics article naming his party: Q333846, got '$n'" \
  [ "$n" = http://www.wikidata.org/entity/Q333846 ]
n=$(qn "$db" 'SELECT ?wd WHERE { <http://example.org/person/david-davis> owl:sameAs ?wd }')
check "David Davis in a football article: not the MP, got '$n'" [ "$n" = 0 ]

# ------------------------------------------------------------ gazetteer cases

# tests/link/persons/*.ttl: one invented article each, linked alone with
# the shipped gazetteer; its "# expect p:NAME QID|none" lines say which
# Wikidata item each person node must get (a former prime minister, heads
# of government abroad, namesakes kept apart by role, a nickname alias)
for f in tests/link/persons/*.ttl; do
  c=$(basename "$f" .ttl)
  db=$tmp/gz-$c.db
  # loaded without valgrind (the loader is not what is tested here)
  "$NG_BIN" load -q --store "$db" "$f" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  check "load $f: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  run link --store "$db"
  check "link $c: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  while read -r _ _ node want; do
    iri="<http://example.org/person/${node#p:}>"
    got=$("$NG_BIN" query --store "$db" -f csv "$P SELECT ?wd WHERE { $iri owl:sameAs ?wd FILTER (STRSTARTS(STR(?wd), STR(wd:))) }" 2>/dev/null |
      sed 1d | tr -d '\r' | sed 's#^http://www.wikidata.org/entity/##' | sort | tr '\n' ' ')
    [ "$want" = none ] && want=
    check "$c: $node owl:sameAs '${want:-no item}', got '$got'" \
      [ "$got" = "${want:+$want }" ]
  done < <(grep '^# expect ' "$f")
done

# A surname known only by a role its full name's articles do not give,
# but the full name's gazetteer entry does ("Prime Minister Harper")
db=$tmp/gazrole.db
"$NG_BIN" load -q --store "$db" tests/link/gazrole-1.ttl tests/link/gazrole-2.ttl </dev/null >"$tmp/out" 2>"$tmp/err"
check "load gazrole-1.ttl gazrole-2.ttl: exit $?: $(err1)" [ -s "$db" ]
run link --store "$db"
check "link gazrole: exit $rc: $(err1)" [ "$rc" -eq 0 ]
n=$(qn "$db" 'SELECT ?x WHERE { <http://example.org/person/harper> owl:sameAs <http://example.org/person/stephen-harper> }')
check "Prime Minister Harper owl:sameAs Stephen Harper (gazetteer roles), got $n" [ "$n" = 1 ]

# ------------------------------------------------------------ CLI errors

run link --help
check "link --help: exit 0" [ "$rc" -eq 0 ]
check "link --help names --gazetteer" grep -q -- --gazetteer "$tmp/out"
run link --store "$db" --frobnicate
check "unknown option: exit 2, got $rc" [ "$rc" -eq 2 ]
run link --store "$tmp/none.db"
check "no store: exit 7 and one line, got $rc: $(err1)" \
  [ "$rc" -eq 7 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]
check "no store creates none" [ ! -e "$tmp/none.db" ]
run link --store "$db" --gazetteer "$tmp/missing.tsv"
check "missing gazetteer: exit 5, got $rc: $(err1)" [ "$rc" -eq 5 ]
run link --store "$db" --gazetteer tests/link/bad-gazetteer.tsv
check "bad Wikidata ID: exit 5 with the line, got $rc: $(err1)" \
  [ "$rc" -eq 5 ] && grep -q 'bad-gazetteer.tsv:2:' "$tmp/err"
run link --store "$db" --graph 'not an iri'
check "bad --graph: exit 2, got $rc: $(err1)" [ "$rc" -eq 2 ]

# ------------------------------------------------------------ BBC politics

# Ten articles on the same politicians (late 2004, early 2005), read in
# place.  Counted by hand in the texts: "Mr Blair" is Tony Blair in all
# ten, "Mr Brown" Gordon Brown, "Mr Howard" Michael Howard, "Mr Letwin"
# Oliver Letwin.  Expected person nodes after linking, per real person:
# 1 each.  Before: a full name is one node across articles, a lone surname
# one node per article that never gives the full name (counted with grep
# in the texts): Tony Blair 8 (full name in 014 225 305, "Blair" alone in
# 112 226 263 270 271 274 344), Gordon Brown 3 (alone in 263 and 305),
# Michael Howard 2, Oliver Letwin 2, Charles Kennedy 1, David Blunkett 1,
# John Prescott 1.
bbc=$NG_SHARED/corpus/bbc/politics
arts="014 112 225 226 263 270 271 274 305 344"
files=
for a in $arts; do files="$files $bbc/$a.txt"; done
if [ -f "$bbc/014.txt" ]; then
  db=$tmp/bbc.db
  # shellcheck disable=SC2086
  run load -q --store "$db" $files
  check "load 10 BBC articles: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  run link --store "$db" --gazetteer tests/link/gazetteer.tsv --list
  check "link BBC: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  cp "$tmp/out" "$tmp/list"
  # label -> real person (hand-made); nodes per real person, merged view
  people='Tony Blair|Tony Blair,Blair
Gordon Brown|Gordon Brown,Brown
Michael Howard|Michael Howard,Howard
Oliver Letwin|Oliver Letwin,Letwin
Charles Kennedy|Charles Kennedy,Kennedy
David Blunkett|David Blunkett,Blunkett
John Prescott|John Prescott,Prescott'
  declare -A who_before=([Tony Blair]=8 [Gordon Brown]=3
    [Michael Howard]=2 [Oliver Letwin]=2 [Charles Kennedy]=1
    [David Blunkett]=1 [John Prescott]=1)
  while IFS='|' read -r who labels; do
    in=$(echo "$labels" | sed 's/\([^,]*\)/"\1"/g')
    before=$(qn "$db" "SELECT DISTINCT ?p WHERE { ?p a ng:Person ; rdfs:label ?l FILTER (?l IN ($in)) }")
    after=$(qn "$db" "SELECT DISTINCT ?p WHERE { ?p a ng:Person ; rdfs:label ?l FILTER (?l IN ($in)) }" --merge-same-as)
    want_before=${who_before[$who]}
    check "$who: $want_before person node(s) before linking, got '$before'" \
      [ "$before" = "$want_before" ]
    check "$who: 1 person node after linking, got '$after' (before '$before')" \
      [ "$after" = 1 ]
  done <<<"$people"
  # no wrong merge: no node of the merged view has labels of two people
  "$NG_BIN" query --store "$db" --merge-same-as -f tsv "$P SELECT ?p ?l WHERE { ?p a ng:Person ; rdfs:label ?l }" \
    >"$tmp/labels" 2>/dev/null
  bad=$(awk -F'\t' 'NR > 1 { gsub(/"/, "", $2); n[$1]++; l[$1] = l[$1] "/" $2 }
    END { for (p in n) if (n[p] > 1) print l[p] }' "$tmp/labels" |
    awk -v people="$people" 'BEGIN { k = split(people, rows, "\n")
        for (i = 1; i <= k; i++) { split(rows[i], f, "|"); m = split(f[2], ls, ",")
          for (j = 1; j <= m; j++) who[ls[j]] = f[1] } }
      { m = split($0, ls, "/"); first = ""
        for (j = 2; j <= m; j++) { w = (ls[j] in who) ? who[ls[j]] : "?" ls[j]
          if (first == "") first = w; else if (w != first) { print; next } } }')
  check "no wrong merge in the BBC set: '$bad'" [ -z "$bad" ]
  n=$(qn "$db" 'SELECT DISTINCT ?a WHERE { ?a ng:mentions ?p . ?p owl:sameAs wd:Q9545 }' --merge-same-as)
  m=$(qn "$db" 'SELECT DISTINCT ?a WHERE { ?a ng:mentions ?p . ?p owl:sameAs wd:Q9545 }')
  check "gazetteer: Tony Blair (Q9545) in 10 articles merged (3 without), got '$n' ('$m')" \
    [ "$n" = 10 ] && [ "$m" = 3 ]
  n=$(q "$db" 'SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/newsgraph/id/person/gordon-brown> owl:sameAs wd:Q10648 }')
  check "gazetteer: Gordon Brown owl:sameAs wd:Q10648, got '$n'" [ "$n" = 1 ]
  # another tool's graph next to the articles (tests/link/foreign):
  # schema:Person, foaf:Person, schema:Organization with owl:sameAs or
  # schema:sameAs to Wikidata and DBpedia; no gazetteer this time
  run load -q --store "$db" tests/link/foreign/other-tool.ttl
  check "load the foreign graph: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  run link --store "$db" --list
  check "link with the foreign graph: exit $rc: $(err1)" [ "$rc" -eq 0 ]
  cp "$tmp/out" "$tmp/list"
  check "foreign schema:Person wd:Q9545 owl:sameAs Tony Blair" \
    has_link owl:sameAs "Tony Blair" "Tony Blair"
  for pair in 'tony-blair Q9545' 'gordon-brown Q10648' \
              'charles-kennedy Q298253'; do
    set -- $pair
    n=$(q "$db" "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { <https://w3id.org/newsgraph/id/person/$1> owl:sameAs wd:$2 } }")
    check "$1 owl:sameAs wd:$2 through the foreign graph, got '$n'" [ "$n" = 1 ]
  done
  check "Jane Nobody (in no article) is in no link" no_link "Jane Nobody"
  n=$(q "$db" 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { <https://w3id.org/newsgraph/id/org/liberal-democrats> owl:sameAs wd:Q9624 } }')
  check "org Liberal Democrats owl:sameAs wd:Q9624 (schema:Organization), got '$n'" [ "$n" = 1 ]
  check "org Labour Party owl:sameAs the DBpedia node" \
    has_link owl:sameAs "Labour Party" "Labour Party"
  n=$(qn "$db" 'SELECT ?s WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { ?s owl:sameAs ?o } FILTER (?s = ?o) }')
  m=$(qn "$db" 'SELECT ?s WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { ?s owl:sameAs ?o } }')
  check "no self-link in the links graph, got '$n' of '$m'" \
    [ "$n" = 0 ] && [ "$m" -gt 0 ]
  n=$(q "$db" 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/links> { wd:Q9545 owl:sameAs <https://w3id.org/newsgraph/id/person/tony-blair> } }')
  check "the foreign node wd:Q9545 joins Tony Blair's cluster, got '$n'" [ "$n" = 1 ]
  n=$(qn "$db" 'SELECT ?c WHERE { <https://w3id.org/newsgraph/id/person/john-redwood> owl:sameAs ?c FILTER (?c = wd:Q333846) }')
  check "shipped gazetteer: John Redwood owl:sameAs wd:Q333846, got '$n'" [ "$n" = 1 ]
else
  fail "no BBC corpus at $bbc"
fi

# ------------------------------------------------------------ Wikidata in the lexicons

# every QID of ontology/lexicon and ontology/gazetteer against the
# reviewed list ontology/qid-review.tsv ("French" is France, the country
# items of Denmark and the Netherlands, not the kingdoms)
if python3 ontology/check-qids.py 2>"$tmp/qids"; then pass; else
  fail "ontology/check-qids.py: $(grep -v '^check-qids: [0-9]* mappings' "$tmp/qids" | head -3)"
fi
# acronyms of the organisations lexicon: in capitals, or as a word where
# it cannot be an ordinary word (an invented article)
run extract -f ntriples tests/link/acronyms.txt
check "extract tests/link/acronyms.txt: exit $rc: $(err1)" [ "$rc" -eq 0 ]
lacks() { ! grep -q "$1" "$tmp/out"; }
check "'Who' at a sentence start is not WHO (Q7817)" lacks 'entity/Q7817>'
check "'Share' is not the SHARE survey (Q122873030)" lacks Q122873030
check "'Eli', a given name, is not ELI (Q753269)" lacks Q753269
check "'Nato' written as a word is Q7184" grep -q 'entity/Q7184>' "$tmp/out"
check "'French' is France (Q142)" grep -q 'entity/Q142>' "$tmp/out"
check "'French' is not the French Southern Lands (Q129003)" lacks Q129003
printf 'Outbreak\n\nThe WHO said the outbreak was under control.\n' \
  >"$tmp/who.txt"
run extract -f ntriples "$tmp/who.txt"
check "WHO in capitals is Q7817" grep -q 'entity/Q7817>' "$tmp/out"

finish
