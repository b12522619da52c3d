#!/usr/bin/env bash
# tests/jsonld/run.sh - JSON-LD out and in (issue 15).
#
#  1. -f jsonld, checked by a real JSON-LD processor: jsonld.js (npm, pinned,
#     installed into build/npm) expands newsgraph's JSON-LD to N-Quads and
#     rdf-canonize canonicalises them and newsgraph's own -f nquads of the
#     same articles: they must be equal (check.js).  Over the example, the
#     golden articles, the hostile literals and names (odd --source and
#     --base), JSON Lines, the one-document -o FILE.jsonld form, --merge, a
#     deterministic sample of 200 corpus articles across sections (every
#     12th file in sorted order; skipped under a sanitizer: it is jsonld.js
#     that is slow there, not our code).
#  2. Deterministic bytes, the context of ontology/context.jsonld inline,
#     a missing context refused (exit 5).
#  3. load reads JSON-LD: the store holds the same quads as the N-Quads
#     (quads.py); hostile JSON-LD (deep nesting, a huge array, bad @id,
#     remote context, @list, cycles, not JSON) is refused with one line,
#     exit 4, and the store keeps nothing of it.
#
# Environment: NG_BIN, NG_SHARED, NG_SANITIZER, VALGRIND.  Ends with
# "N passed, N failed".
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" jsonld || exit 1
dir=tests/jsonld
npm_dir=$PWD/build/npm
JSONLD_VERSION=9.0.0
CANONIZE_VERSION=5.0.0
# ng: the CLI under valgrind with VALGRIND=1
ng_timeout=300
ng_valgrind=stderr

# ------------------------------------------------------------ the checker

have_npm() {
  [ "$(node -p "require('$npm_dir/node_modules/jsonld/package.json').version" \
       2> /dev/null)" = "$JSONLD_VERSION" ] &&
  [ "$(node -p \
       "require('$npm_dir/node_modules/rdf-canonize/package.json').version" \
       2> /dev/null)" = "$CANONIZE_VERSION" ]
}
checker=1
if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1
then
  fail "node and npm are needed for the JSON-LD check (jsonld.js)"
  checker=0
elif ! have_npm; then
  mkdir -p "$npm_dir"
  if ! npm install --prefix "$npm_dir" --no-audit --no-fund --silent \
       "jsonld@$JSONLD_VERSION" "rdf-canonize@$CANONIZE_VERSION" \
       > "$tmp/npm.log" 2>&1 || ! have_npm; then
    fail "npm install jsonld@$JSONLD_VERSION rdf-canonize@$CANONIZE_VERSION:" \
      "$(tail -n 2 "$tmp/npm.log" | tr '\n' ' ')"
    checker=0
  fi
fi

# pairs: JSONLD NQUADS ... to check.js in one node process; one pass or
# fail per pair
check_pairs() {
  [ "$checker" = 1 ] || return
  NODE_PATH="$npm_dir/node_modules" node "$dir/check.js" "$@" \
    > "$tmp/check.out" 2>&1
  while IFS= read -r line; do
    case $line in
      ok\ *) pass ;;
      *) fail "$line" ;;
    esac
  done < "$tmp/check.out"
  [ -s "$tmp/check.out" ] || fail "check.js printed nothing"
}

# ------------------------------------------------------------ 1. output

pairs=()
n=0
# one: NAME ARGS...: -f jsonld and -f nquads of the same input
one() {
  local name=$1
  shift
  n=$((n + 1))
  run extract -f jsonld "$@"
  if [ "$rc" -ne 0 ] || [ ! -s "$tmp/out" ]; then
    fail "$name: extract -f jsonld: exit $rc: $(errs)"
    return
  fi
  cp "$tmp/out" "$tmp/$n.jsonld"
  run extract -f nquads "$@"
  if [ "$rc" -ne 0 ]; then
    fail "$name: extract -f nquads: exit $rc: $(errs)"
    return
  fi
  cp "$tmp/out" "$tmp/$n.nq"
  pass
  pairs+=("$tmp/$n.jsonld" "$tmp/$n.nq")
}

one geneva examples/geneva-summit.txt
for f in tests/articles/*.txt tests/hostile/literals/*.txt \
         tests/hostile/names.txt; do
  one "$f" "$f"
done
for src in 'http://例え.jp/記事/1' \
           'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' \
           'https://example.org/a%20b/(c)!$&*+,;=:@' \
           'https://w3id.org/newsgraph/id/../x/./y'; do
  one "--source $src" --source "$src" tests/hostile/names.txt
done
for base in 'http://example.org/kg#' 'urn:x:' \
            'https://w3id.org/newsgraph/id/sub/'; do
  one "--base $base" --base "$base" tests/articles/claims-more.txt
done

# many: JSON Lines (one document per line) and -o FILE.jsonld (one
# document, a named graph per article)
run extract -q -f jsonld tests/articles/*.txt
lines=$(grep -c '^{' "$tmp/out")
if [ "$rc" -eq 0 ] && [ "$lines" -eq "$(ls tests/articles/*.txt | wc -l)" ] &&
   [ "$(wc -l < "$tmp/out")" -eq "$lines" ]; then pass; else
  fail "many articles: exit $rc, $lines JSON Lines: $(errs)"
fi
cp "$tmp/out" "$tmp/many.jsonl"
run extract -q -f jsonld -o "$tmp/many.jsonld" tests/articles/*.txt
if [ "$rc" -eq 0 ] && [ ! -e "$tmp/many.jsonld.tmp" ] &&
   python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
assert "@context" in d and len(d["@graph"]) == int(sys.argv[2])' \
     "$tmp/many.jsonld" "$lines" 2> /dev/null; then pass; else
  fail "-o FILE.jsonld: exit $rc, not one document with $lines graphs: $(errs)"
fi
run extract -q -f nquads -o "$tmp/many.nq" tests/articles/*.txt
pairs+=("$tmp/many.jsonl" "$tmp/many.nq" "$tmp/many.jsonld" "$tmp/many.nq")
# --merge: one document of the merged graph (no graph name)
run extract -q --merge -f jsonld tests/articles/*.txt
cp "$tmp/out" "$tmp/merged.jsonld"
run extract -q --merge -f nquads tests/articles/*.txt
cp "$tmp/out" "$tmp/merged.nq"
pairs+=("$tmp/merged.jsonld" "$tmp/merged.nq")

if [ -z "$NG_SANITIZER" ] && [ -z "$VALGRIND" ] &&
   [ -d "$NG_SHARED/corpus" ]; then
  find "$NG_SHARED/corpus" -name '*.txt' | LC_ALL=C sort |
    awk 'NR % 12 == 0' | head -n 200 > "$tmp/sample"
  if [ "$(wc -l < "$tmp/sample")" -eq 200 ]; then pass; else
    fail "the corpus sample has $(wc -l < "$tmp/sample") articles, not 200"
  fi
  xargs -d '\n' "$NG_BIN" extract -q -j 2 -f jsonld -o "$tmp/corpus.jsonl" \
    < "$tmp/sample" 2> "$tmp/err"
  rc1=$?
  xargs -d '\n' "$NG_BIN" extract -q -j 2 -f nquads -o "$tmp/corpus.nq" \
    < "$tmp/sample" 2>> "$tmp/err"
  if [ "$rc1" -eq 0 ] && [ "$?" -eq 0 ] &&
     [ "$(wc -l < "$tmp/corpus.jsonl")" -eq 200 ]; then pass; else
    fail "200 corpus articles: $(errs)"
  fi
  pairs+=("$tmp/corpus.jsonl" "$tmp/corpus.nq")
fi
check_pairs "${pairs[@]}"

# ------------------------------------------------------------ 2. bytes

run extract -f jsonld examples/geneva-summit.txt
cp "$tmp/out" "$tmp/a.jsonld"
run extract -f jsonld examples/geneva-summit.txt
if [ "$rc" -eq 0 ] && cmp -s "$tmp/a.jsonld" "$tmp/out"; then pass; else
  fail "the same article twice gives different JSON-LD"
fi
if python3 - "$tmp/a.jsonld" ontology/context.jsonld <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
ctx = json.load(open(sys.argv[2]))["@context"]
assert doc["@context"] == ctx, "not the context of ontology/context.jsonld"
assert doc["@id"].startswith("article/"), doc["@id"]
assert isinstance(doc["@graph"], list) and len(doc["@graph"]) > 10
EOF
then pass; else fail "the document's shape or its @context"; fi
mkdir -p "$tmp/data"
cp -r ontology/. "$tmp/data/"
rm "$tmp/data/context.jsonld"
run extract -f jsonld --data "$tmp/data" examples/geneva-summit.txt
if [ "$rc" -eq 5 ] && [ ! -s "$tmp/out" ] && grep -q 'context.jsonld' "$tmp/err"
then pass; else
  fail "no context.jsonld: exit $rc (want 5): $(errs)"
fi
run extract -f jsonld --source 'ng:x' examples/geneva-summit.txt
if [ "$rc" -eq 6 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" -eq 1 ]
then pass; else
  fail "--source ng:x (reads as a compact IRI): exit $rc (want 6): $(errs)"
fi

# ------------------------------------------------------------ 3. load

db=$tmp/store.db
quads() {
  ng query -f tsv --store "$db" \
    'SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }' > "$tmp/q.tsv" \
    2> /dev/null
}
run load --store "$db" "$tmp/1.jsonld"
quads
if [ "$rc" -eq 0 ] && python3 "$dir/quads.py" "$tmp/q.tsv" "$tmp/1.nq" \
     > "$tmp/cmp" 2>&1; then pass; else
  fail "load the example's JSON-LD: exit $rc: $(errs) $(head -c 300 "$tmp/cmp")"
fi
rm -f "$db"
run load --store "$db" "$tmp/many.jsonld"
quads
if [ "$rc" -eq 0 ] && python3 "$dir/quads.py" "$tmp/q.tsv" "$tmp/many.nq" \
     > "$tmp/cmp" 2>&1; then pass; else
  fail "load -o FILE.jsonld: exit $rc: $(errs) $(head -c 300 "$tmp/cmp")"
fi
# --input-format jsonld on another name; a schema.org page's own style
printf '%s\n' '{"@context": {"@vocab": "http://schema.org/"},' \
  ' "@id": "http://example.org/a", "@type": "NewsArticle",' \
  ' "headline": "Hi", "wordCount": 3, "isAccessibleForFree": true,' \
  ' "author": {"@type": "Person", "name": "Ann"}}' > "$tmp/page.json"
rm -f "$db"
run load --store "$db" --input-format jsonld "$tmp/page.json"
quads
if [ "$rc" -eq 0 ] && [ "$(tail -n +2 "$tmp/q.tsv" | wc -l)" -eq 7 ] &&
   grep -q 'wordCount>	3$' "$tmp/q.tsv" &&
   grep -q 'isAccessibleForFree>	"true"^^' "$tmp/q.tsv"; then pass; else
  fail "load a page's JSON-LD (@vocab, embedded node, native values):" \
    "exit $rc: $(errs) $(head -c 300 "$tmp/q.tsv")"
fi

# hostile: each refused with one line, exit 4, nothing kept
python3 - "$tmp" <<'EOF'
import sys
t = sys.argv[1]
def w(name, text):
    open("%s/h-%s.jsonld" % (t, name), "w").write(text)
w("deep", "[" * 100000 + "]" * 100000)
w("deepobj", '{"http://x/p":' * 5000 + '1' + '}' * 5000)
w("array", '{"@id": "http://x/a", "http://x/p": [' +
  ",".join(["1"] * 1000001) + "]}")
w("badid", '{"@id": "http://a b/<c>", "http://x/p": "v"}')
w("badid2", '{"@id": 12, "http://x/p": "v"}')
w("remote", '{"@context": "https://schema.org", "name": "x"}')
w("list", '{"@id": "http://x/a", "http://x/p": {"@list": [1, 2]}}')
w("cycle", '{"@context": {"a": "b:x", "b": "a:y"}, "@id": "http://x/a", '
  '"a": 1}')
w("notiri", '{"@id": "http://x/a", "foo": "bar"}')
w("notjson", '{"@id": "http://x/a", ')
w("trailing", '{"@id": "http://x/a", "http://x/p": 1} x')
w("lang", '{"@id": "http://x/a", "http://x/p": {"@value": "v", '
  '"@language": "en gb<"}}')
w("scalar", '"just a string"')
w("alias", '{"@context": {"id": "@id"}, "id": "http://x/a"}')
w("nan", '{"@id": "http://x/a", "http://x/p": 1e999}')
EOF
rm -f "$db"
run load --store "$db" "$tmp/page.json" --input-format jsonld
for f in "$tmp"/h-*.jsonld; do
  name=$(basename "$f" .jsonld)
  run load --store "$db" "$f"
  if [ "$rc" -eq 4 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
     grep -q "cannot parse '.*$name.jsonld': " "$tmp/err"; then pass; else
    fail "hostile $name: exit $rc (want 4, one line): $(errs)"
  fi
done
quads
if [ "$(tail -n +2 "$tmp/q.tsv" | wc -l)" -eq 7 ]; then pass; else
  fail "the refused files changed the store: $(wc -l < "$tmp/q.tsv") rows"
fi

finish
