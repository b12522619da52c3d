#!/usr/bin/env bash
# tests/outdir/run.sh - `newsgraph extract --out-dir DIR`: a whole corpus
# section (bbc/politics, 417 articles) with -j 2, every file parsing under
# rapper and a sample byte-identical to per-article `extract -f turtle`;
# -j 1 and -j 2 giving the same tree; N-Quads, N-Triples, TriG, RDF/XML;
# names (folders mirrored, JSON Lines ids, collisions by name, case and
# sanitising, odd characters, stdin); files already there replaced (a
# link replaced, not followed); no temporary file left, also when killed
# while writing, and no torn file; the files' mode; an unwritable
# folder; failures listed with exit 10.  Ends with "N passed, N failed".
#
# Environment: NG_BIN (default ./newsgraph), NG_SHARED (default ../shared).
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" outdir || exit 1
arts=tests/articles
section=$NG_SHARED/corpus/bbc/politics

cleanup() { chmod -R u+w "$tmp" 2> /dev/null; }
ng_timeout=300
# names DIR: the files under DIR, one per line, sorted
names() { (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); }
no_temp() { [ -z "$(find "$1" -name '.*.tmp.*')" ]; }

# ------------------------------------------------------------ a section

if [ -d "$section" ]; then
  n=$(find "$section" -name '*.txt' | wc -l)
  run extract -q -j 2 --out-dir "$tmp/pol" "$section"
  check "section -j 2: exit 0, got $rc: $(errs)" [ "$rc" -eq 0 ]
  got=$(find "$tmp/pol" -name '*.ttl' | wc -l)
  check "section: one .ttl per article ($n), got $got" [ "$got" -eq "$n" ]
  check "section: no temporary file left" no_temp "$tmp/pol"
  bad=0
  for f in "$tmp"/pol/*.ttl; do
    rapper -q -i turtle -c "$f" > /dev/null 2>&1 || { bad=$((bad + 1)); echo "  not Turtle: $f"; }
  done
  check "section: every file parses under rapper ($bad do not)" [ "$bad" -eq 0 ]
  # a deterministic sample: every 21st article, as `extract -f turtle FILE`
  diffs=0
  k=0
  for src in $(find "$section" -name '*.txt' | LC_ALL=C sort | awk 'NR % 21 == 1'); do
    b=$(basename "$src" .txt)
    "$NG_BIN" extract -f turtle "$src" > "$tmp/one.ttl" 2> /dev/null
    cmp -s "$tmp/one.ttl" "$tmp/pol/$b.ttl" || { diffs=$((diffs + 1)); echo "  differs: $b"; }
    k=$((k + 1))
  done
  check "section: $k sampled files byte-identical to extract -f turtle FILE ($diffs differ)" \
    [ "$diffs" -eq 0 ]
  run extract -q -j 1 --out-dir "$tmp/pol1" "$section"
  check "section -j 1: same tree as -j 2" diff -r "$tmp/pol" "$tmp/pol1"
  # again into the same folder: the same names, files replaced
  run extract -q -j 2 --out-dir "$tmp/pol" "$section"
  got=$(find "$tmp/pol" -type f | wc -l)
  check "section again: still $n files, got $got" [ "$got" -eq "$n" ]
  check "section again: same bytes" diff -r "$tmp/pol" "$tmp/pol1"
  # killed while writing, into a new folder (nameless files linked in)
  # and over files there (temporary files renamed): every file there is
  # whole, old or new, and no temporary file is left
  timeout -s TERM 0.5 "$NG_BIN" extract -q -j 2 --out-dir "$tmp/kill" "$section" 2> /dev/null
  rm -rf "$tmp/killold"
  mkdir -p "$tmp/killold"
  for f in "$tmp"/pol1/*.ttl; do echo old > "$tmp/killold/${f##*/}"; done
  timeout -s TERM 0.5 "$NG_BIN" extract -q -j 2 --out-dir "$tmp/killold" "$section" 2> /dev/null
  for d in kill killold; do
    torn=0
    for f in "$tmp/$d"/*.ttl; do
      [ -e "$f" ] || continue
      grep -qx old "$f" 2> /dev/null || cmp -s "$f" "$tmp/pol1/${f##*/}" || torn=$((torn + 1))
    done
    check "killed ($d): every file whole ($torn are not)" [ "$torn" -eq 0 ]
    check "killed ($d): no temporary file left" no_temp "$tmp/$d"
  done
  # the files' mode is 0666 less the umask, new or replaced
  (umask 027 && "$NG_BIN" extract -q --out-dir "$tmp/mode" "$arts/roles-more.txt" &&
    echo old > "$tmp/mode/claims-more.ttl" &&
    "$NG_BIN" extract -q --out-dir "$tmp/mode" "$arts/claims-more.txt") 2> /dev/null
  check "mode: new and replaced files 640 under umask 027: $(stat -c %a "$tmp"/mode/* | tr '\n' ' ')" \
    [ "$(stat -c %a "$tmp"/mode/* | sort -u)" = 640 ]
else
  fail "no corpus section at $section"
fi

# ------------------------------------------------------------ syntaxes

run extract -q -f nquads --out-dir "$tmp/nq" "$arts"
check "nquads: exit 0, got $rc: $(errs)" [ "$rc" -eq 0 ]
cat $(for f in "$arts"/*.txt; do echo "$tmp/nq/$(basename "$f" .txt).nq"; done) > "$tmp/cat.nq"
"$NG_BIN" extract -q -f nquads "$arts"/*.txt > "$tmp/batch.nq"
check "nquads: the files are the batch N-Quads, article by article" cmp -s "$tmp/cat.nq" "$tmp/batch.nq"
for fmt in ntriples trig rdfxml; do
  case $fmt in ntriples) ext=nt ;; trig) ext=trig ;; rdfxml) ext=rdf ;; esac
  run extract -q -f $fmt --out-dir "$tmp/$fmt" "$arts"
  check "$fmt: exit 0, got $rc: $(errs)" [ "$rc" -eq 0 ]
  bad=0
  diffs=0
  for src in "$arts"/*.txt; do
    f="$tmp/$fmt/$(basename "$src" .txt).$ext"
    rapper -q -i $fmt -c "$f" > /dev/null 2>&1 || bad=$((bad + 1))
    "$NG_BIN" extract -f $fmt "$src" 2> /dev/null | cmp -s - "$f" || diffs=$((diffs + 1))
  done
  check "$fmt: every .$ext parses under rapper ($bad do not)" [ "$bad" -eq 0 ]
  check "$fmt: every .$ext is extract -f $fmt FILE ($diffs differ)" [ "$diffs" -eq 0 ]
done

# ------------------------------------------------------------ names

mkdir -p "$tmp/in/a" "$tmp/in/b" "$tmp/in/tree/sub" "$tmp/in/case"
for d in a b; do cp "$arts/persons-names.txt" "$tmp/in/$d/x.txt"; done
cp "$arts/roles-more.txt" "$tmp/in/tree/sub/deep.txt"
cp "$arts/claims-speech.txt" "$tmp/in/tree/top.html.txt"
cp "$arts/claims-more.txt" "$tmp/in/case/Story.txt"
cp "$arts/claims-speakers.txt" "$tmp/in/case/story.txt"
cp "$arts/persons-more.txt" "$tmp/in/case/we ird (name) é.txt"
t='"text": "Angela Merkel said the deal \"is done\"."'
printf '{"id": "a/b", %s}\n{"id": "A/B", %s}\n{%s}\n{"id": "..", %s}\n{"id": "con", %s}\n' \
  "$t" "$t" "$t" "$t" "$t" > "$tmp/in/day.jsonl"
run extract -q --out-dir "$tmp/names" "$tmp/in/a/x.txt" "$tmp/in/b/x.txt" \
  "$tmp/in/tree" "$tmp/in/case" "$tmp/in/day.jsonl"
check "names: exit 0, got $rc: $(errs)" [ "$rc" -eq 0 ]
names "$tmp/names" > "$tmp/names.got"
cat > "$tmp/names.want" << 'EOF'
A_B-2.ttl
Story.ttl
_.ttl
_con.ttl
a_b.ttl
day-3.ttl
story-2.ttl
sub/deep.ttl
top.html.ttl
we_ird_name_.ttl
x-2.ttl
x.ttl
EOF
check "names: $(tr '\n' ' ' < "$tmp/names.got")" cmp -s "$tmp/names.got" "$tmp/names.want"
check "names: x.ttl is the first x.txt" \
  cmp -s "$tmp/names/x.ttl" <("$NG_BIN" extract "$tmp/in/a/x.txt")
check "names: story-2.ttl is story.txt" \
  cmp -s "$tmp/names/story-2.ttl" <("$NG_BIN" extract "$tmp/in/case/story.txt")
run extract -q -j 1 --out-dir "$tmp/names1" "$tmp/in/a/x.txt" "$tmp/in/b/x.txt" \
  "$tmp/in/tree" "$tmp/in/case" "$tmp/in/day.jsonl"
check "names: -j 1 gives the same names and bytes" diff -r "$tmp/names" "$tmp/names1"
run extract -q --out-dir "$tmp/stdin" - < "$arts/roles-more.txt"
"$NG_BIN" extract -q --out-dir "$tmp/stdin" - < "$arts/roles-more.txt" 2> /dev/null
check "stdin: named stdin.ttl" [ -s "$tmp/stdin/stdin.ttl" ]

# ------------------------------------------------------------ files there

mkdir -p "$tmp/there"
echo junk > "$tmp/there/x.ttl"
echo target > "$tmp/target"
ln -s "$tmp/target" "$tmp/there/deep.ttl"
run extract -q --out-dir "$tmp/there" "$tmp/in/a/x.txt" "$tmp/in/tree/sub/deep.txt"
check "existing file: exit 0, got $rc: $(errs)" [ "$rc" -eq 0 ]
check "existing file: replaced" cmp -s "$tmp/there/x.ttl" "$tmp/names/x.ttl"
check "existing link: replaced by a file" eval '[ -f "$tmp/there/deep.ttl" ] && [ ! -L "$tmp/there/deep.ttl" ]'
check "existing link: its target untouched" grep -qx target "$tmp/target"
check "files there: no temporary file left" no_temp "$tmp/there"
mkdir -p "$tmp/there2/x.ttl"
echo keep > "$tmp/there2/x.ttl/inside"
run extract -q --out-dir "$tmp/there2" "$tmp/in/a/x.txt" "$tmp/in/tree/sub/deep.txt"
check "a folder at a file's name: exit 10, got $rc: $(errs)" [ "$rc" -eq 10 ]
check "a folder at a file's name: left as it was, the other file written" \
  eval 'grep -qx keep "$tmp/there2/x.ttl/inside" && [ -s "$tmp/there2/deep.ttl" ]'
check "a folder at a file's name: no temporary file left" no_temp "$tmp/there2"

# ------------------------------------------------------------ errors

echo file > "$tmp/plain"
run extract -q --out-dir "$tmp/plain/sub" "$arts/roles-more.txt"
check "a file in the way: exit 6, got $rc" [ "$rc" -eq 6 ]
check "a file in the way: one line naming it: $(errs)" \
  eval 'grep -q "cannot write to .*plain/sub" "$tmp/err" && [ "$(wc -l < "$tmp/err")" -eq 1 ]'
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$tmp/ro"
  chmod 555 "$tmp/ro"
  run extract -q --out-dir "$tmp/ro" "$arts/roles-more.txt"
  check "read-only folder: exit 6, got $rc: $(errs)" [ "$rc" -eq 6 ]
  check "read-only folder: nothing written" [ -z "$(ls -A "$tmp/ro")" ]
fi
cp tests/bad/invalid-utf8.txt "$tmp/in/tree/bad.txt"
run extract --out-dir "$tmp/some" "$tmp/in/tree"
check "a failed article: exit 10, got $rc" [ "$rc" -eq 10 ]
check "a failed article: listed: $(errs)" grep -q "bad.txt" "$tmp/err"
check "a failed article: summary" grep -q "2 ok, 1 failed" "$tmp/err"
check "a failed article: no file for it, the others there" \
  eval '[ ! -e "$tmp/some/bad.ttl" ] && [ -s "$tmp/some/top.html.ttl" ] && [ -s "$tmp/some/sub/deep.ttl" ]'
rm -f "$tmp/in/tree/bad.txt"
run extract --out-dir "$tmp/u" -o "$tmp/u.nq" "$arts"
check "--out-dir with -o: exit 2, got $rc" [ "$rc" -eq 2 ]
run extract --out-dir "$tmp/u" --merge "$arts"
check "--out-dir with --merge: exit 2, got $rc" [ "$rc" -eq 2 ]
check "usage errors: no folder made" [ ! -e "$tmp/u" ]

finish
