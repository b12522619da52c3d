#!/usr/bin/env bash
# tests/front/run.sh - the front (cli/front.c) and newsgraph-full (issue
# 16, start-up): the front links no RDF, curl, XML, store or HTTP
# library; for every golden article, format and the options it does
# itself, it writes by itself (NEWSGRAPH_FULL pointing nowhere) the same
# bytes as newsgraph-full; everything else (other commands, help, other
# inputs and formats, every error, a library call it is not linked for)
# goes to newsgraph-full with the same output, messages and exit code;
# exit 11 and one line when newsgraph-full cannot be run.  Ends with
# "N passed, N failed".
#
# Environment: NG_BIN (default ./newsgraph; newsgraph-full beside it;
# `make test-valgrind` gives newsgraph-full itself: the front beside it is
# tested then).
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" front || exit 1
FULL=$(dirname "$NG_BIN")/newsgraph-full
NG_BIN=$(dirname "$NG_BIN")/newsgraph
unset NEWSGRAPH_FULL

# both ARGS...: the front and newsgraph-full on the same command line;
# stdout, stderr and exit code of each in $tmp/{f,F}.{out,err}, rf, rF
both() {
  timeout 120 "$NG_BIN" "$@" < /dev/null > "$tmp/f.out" 2> "$tmp/f.err"
  rf=$?
  timeout 120 "$FULL" "$@" < /dev/null > "$tmp/F.out" 2> "$tmp/F.err"
  rF=$?
}
same() { # the front's output, messages and exit code are newsgraph-full's
  [ "$rf" -eq "$rF" ] && cmp -s "$tmp/f.out" "$tmp/F.out" &&
    cmp -s "$tmp/f.err" "$tmp/F.err"
}
# alone ARGS...: the front with no newsgraph-full to run
alone() {
  NEWSGRAPH_FULL=$tmp/none timeout 120 "$NG_BIN" "$@" < /dev/null \
    > "$tmp/a.out" 2> "$tmp/a.err"
  ra=$?
}

check "newsgraph-full beside $NG_BIN" [ -x "$FULL" ]

# ------------------------------------------------------------ its libraries

libs=$(ldd "$NG_BIN" 2> /dev/null | awk '{print $1}')
heavy=$(echo "$libs" | grep -E 'rdf|raptor|rasqal|curl|xml|sqlite|microhttpd|gnutls|ssl' | tr '\n' ' ')
check "the front links none of the RDF/curl stack: $heavy" [ -z "$heavy" ]
# libc, libm, json-c (and a sanitizer's runtime, not counted)
n=$(echo "$libs" | grep '\.so' | grep -cvE 'vdso|ld-linux|asan|ubsan|stdc\+\+|gcc_s')
check "the front links few libraries ($n)" [ "$n" -le 4 ]

# ------------------------------------------------------------ what it does itself

arts=$(ls tests/articles/*.txt examples/geneva-summit.txt)
for fmt in "" nquads ntriples jsonld turtle ttl nq nt; do
  bad=0
  # the aliases on one article
  case $fmt in turtle | ttl | nq | nt) arts=examples/geneva-summit.txt ;; esac
  for a in $arts; do
    set -- extract ${fmt:+-f "$fmt"} "$a"
    alone "$@"
    timeout 120 "$FULL" "$@" > "$tmp/F.out" 2> /dev/null
    if [ "$ra" -ne 0 ] || ! cmp -s "$tmp/a.out" "$tmp/F.out"; then
      bad=$((bad + 1))
      echo "  ${fmt:-default}: $a (front alone: exit $ra)"
    fi
  done
  check "${fmt:-default format}: the front alone, as newsgraph-full, $bad differ" [ "$bad" -eq 0 ]
done

a=examples/geneva-summit.txt
for opts in "-q" "-j 2" "--base http://example.org/kg/" \
            "--base=http://example.org/ü/" "--source urn:x:1" \
            "--source http://example.org/a%20b" "--input text" \
            "--data $PWD/ontology" "-fnquads" "--format=jsonld" "--"; do
  # shellcheck disable=SC2086
  alone extract $opts "$a"
  # shellcheck disable=SC2086
  timeout 120 "$FULL" extract $opts "$a" > "$tmp/F.out" 2> /dev/null
  check "extract $opts: the front alone (exit $ra), as newsgraph-full" \
    eval '[ "$ra" -eq 0 ] && cmp -s "$tmp/a.out" "$tmp/F.out"'
done
cp "$a" "$tmp/article"   # no extension: text
alone extract -f nquads "$tmp/article"
timeout 120 "$FULL" extract -f nquads "$tmp/article" > "$tmp/F.out" 2> /dev/null
check "a file with no extension: the front alone" \
  eval '[ "$ra" -eq 0 ] && cmp -s "$tmp/a.out" "$tmp/F.out"'

# -o FILE: written whole, as newsgraph-full writes it
NEWSGRAPH_FULL=$tmp/none "$NG_BIN" extract -o "$tmp/f.ttl" "$a" 2> "$tmp/a.err"
ra=$?
"$FULL" extract -o "$tmp/F.ttl" "$a" 2> /dev/null
check "-o FILE: the front alone (exit $ra), the same file" \
  eval '[ "$ra" -eq 0 ] && cmp -s "$tmp/f.ttl" "$tmp/F.ttl"'
check "-o FILE: no temporary file left" \
  eval '[ -z "$(find "$tmp" -name "*.tmp.*")" ]'
NEWSGRAPH_FULL=$tmp/none "$NG_BIN" extract -o "$tmp/no/such/dir/x.ttl" "$a" \
  > /dev/null 2> "$tmp/a.err"
ra=$?
"$FULL" extract -o "$tmp/no/such/dir/x.ttl" "$a" > /dev/null 2> "$tmp/F.err"
rF=$?
sed -i 's/\.tmp\.[A-Za-z0-9]*/.tmp.X/' "$tmp/a.err" "$tmp/F.err"
check "-o in a missing folder: exit $ra and message as newsgraph-full ($rF)" \
  eval '[ "$ra" -eq "$rF" ] && cmp -s "$tmp/a.err" "$tmp/F.err"'

alone --version
check "--version: the front alone (exit $ra)" \
  eval '[ "$ra" -eq 0 ] && grep -q "^newsgraph " "$tmp/a.out"'

# ------------------------------------------------------------ what it hands over

printf 'x' > "$tmp/one.txt"
printf '' > "$tmp/empty.txt"
printf '\xff\xfe bad' > "$tmp/bad.txt"
printf '<html><body><p>Jane Doe said it rained.</p></body></html>' > "$tmp/p.html"
mkdir -p "$tmp/dir"
cp "$a" "$tmp/dir/a.txt"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  eval "set -- $line"
  both "$@"
  check "'$line': the same as newsgraph-full (exit $rf / $rF)" same
  alone "$@"
  if [ "$*" = "--version" ]; then continue; fi
  check "'$line': handed over (exit 11 alone, got $ra)" [ "$ra" -eq 11 ]
done <<EOF
--help
help
extract --help
extract -f rdfxml $a
extract -f trig $a
extract -f html $a
extract --text $a
extract --with-text $a
extract --stats -q $a
extract --max-bytes 100 $a
extract $a $a
extract $tmp/dir
extract $tmp/p.html
extract --input html $a
extract $tmp/missing.txt
extract $tmp/empty.txt
extract $tmp/bad.txt
extract -f nosuch $a
extract --nosuch $a
extract -j 0 $a
extract -f
extract
extract --source 'http://example.org/a b' $a
extract --base 'not an iri' $a
extract --data $tmp/nodata $a
stats --store $tmp/none.db
query --help
nosuch
EOF

# stdin, with the article piped in
"$NG_BIN" extract - < "$a" > "$tmp/f.out" 2> /dev/null
"$FULL" extract - < "$a" > "$tmp/F.out" 2> /dev/null
check "extract - (stdin): the same as newsgraph-full" cmp -s "$tmp/f.out" "$tmp/F.out"

# a library call the front is not linked for (front_stubs.c): a JSON-LD
# context whose @base is relative needs raptor's resolver
cp -r ontology "$tmp/onto"
sed -i 's|"@base": "https://w3id.org/newsgraph/id/"|"@base": "id/"|' \
  "$tmp/onto/context.jsonld"
both extract -f jsonld --data "$tmp/onto" "$a"
check "a stub reached: the same as newsgraph-full (exit $rf / $rF)" same
alone extract -f jsonld --data "$tmp/onto" "$a"
check "a stub reached: handed over (exit 11 alone, got $ra)" [ "$ra" -eq 11 ]

# ------------------------------------------------------------ newsgraph-full missing

mkdir -p "$tmp/bin"
cp "$NG_BIN" "$tmp/bin/newsgraph"
"$tmp/bin/newsgraph" stats > "$tmp/a.out" 2> "$tmp/a.err"
ra=$?
check "no newsgraph-full: exit 11, got $ra" [ "$ra" -eq 11 ]
check "no newsgraph-full: one line naming it" \
  eval '[ "$(wc -l < "$tmp/a.err")" -eq 1 ] && grep -q "^newsgraph: cannot run newsgraph-full" "$tmp/a.err"'
check "no newsgraph-full: nothing on stdout" [ ! -s "$tmp/a.out" ]
"$tmp/bin/newsgraph" extract "$a" > "$tmp/a.out" 2> /dev/null
ra=$?
check "no newsgraph-full: a plain extract still works (exit $ra)" \
  eval '[ "$ra" -eq 0 ] && cmp -s "$tmp/a.out" <("$FULL" extract "$a")'
# an installed layout: bin/newsgraph and libexec/newsgraph-full
mkdir -p "$tmp/libexec"
cp "$FULL" "$tmp/libexec/newsgraph-full"
"$tmp/bin/newsgraph" stats --help > "$tmp/a.out" 2> /dev/null
ra=$?
check "bin/newsgraph finds ../libexec/newsgraph-full (exit $ra)" \
  eval '[ "$ra" -eq 0 ] && grep -q "^usage: newsgraph stats" "$tmp/a.out"'
NEWSGRAPH_FULL=$FULL "$tmp/bin/newsgraph" stats --help > "$tmp/a.out" 2> /dev/null
check "NEWSGRAPH_FULL names it" grep -q "^usage: newsgraph stats" "$tmp/a.out"

finish
