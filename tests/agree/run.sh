#!/usr/bin/env bash
# tests/agree/run.sh - newsgraph's store answers SPARQL as another engine
# does.  The 417 BBC politics articles (../shared/corpus/bbc/politics, read
# in place) are extracted to N-Quads and loaded into the store; the same
# N-Quads go into oxigraph (npm, installed into build/npm by this suite);
# every query of tests/agree/queries must give the same rows on both
# (agree.js).  And `newsgraph stats` must equal counts made from the
# N-Quads by stats.py, and the reproducers of rasqal's bugs that newsgraph
# works around (tests/rasqal-bugs) must give the right answer.  Under a
# sanitizer or valgrind only 12 articles.
# Ends with "N passed, N failed"; exits 1 when anything failed.
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" agree || exit 1
unset NEWSGRAPH_STORE
mkdir -p "$tmp/ours" "$tmp/in"
# run: the CLI under valgrind with VALGRIND=1 (reports in $tmp/vg)
ng_timeout=600
vg_timeout=1800
ng_valgrind=log

src="$NG_SHARED/corpus/bbc/politics"
if [ ! -d "$src" ]; then
  fail "no BBC politics corpus at $src"
  printf '%d passed, %d failed\n' "$passed" "$failed"
  exit 1
fi
small=
[ -n "${NG_SANITIZER:-}" ] || [ -n "$VALGRIND" ] && small=1
if [ -n "$small" ]; then
  # a slice: every 35th article, in place
  LC_ALL=C ls "$src" | awk 'NR % 35 == 1' | while read -r f; do
    ln -s "$PWD/$src/$f" "$tmp/in/$f"; done
  src="$tmp/in"
fi

# the data: extracted once, the input of both engines
if ! timeout 600 "$NG_BIN" extract -q -j 2 -f nquads -o "$tmp/data.nq" "$src" \
     2>"$tmp/err"; then
  fail "extract: $(head -n 1 "$tmp/err")"
fi
run load -q --store "$tmp/s.db" "$src"/*.txt
if [ "$rc" -eq 0 ]; then pass; else fail "load: rc $rc: $(head -n 1 "$tmp/err")"; fi

# stats against counts made from the N-Quads themselves
python3 tests/agree/stats.py "$tmp/data.nq" >"$tmp/stats.want"
run stats --store "$tmp/s.db"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" "$tmp/stats.want"; then pass; else
  fail "stats differ from the N-Quads' counts (rc $rc):"
  diff "$tmp/out" "$tmp/stats.want" | sed 's/^/    /'
fi

# rasqal's bugs that newsgraph works around: each graph of NAME.nq loaded
# with --graph, the answer as in NAME.csv
while read -r state name _; do
  [ "$state" = fixed ] || continue
  d=tests/rasqal-bugs
  rm -f "$tmp/b.db" "$tmp"/b-*.nt
  awk -v dir="$tmp" '{ g = $NF == "." ? $(NF - 1) : $NF; f = g; gsub(/[^A-Za-z0-9]/, "_", f)
    line = $0; sub(/ <[^>]*> \.$/, " .", line); print line > (dir "/b-" f ".nt")
    print g > (dir "/b-" f ".graph") }' "$d/$name.nq"
  for nt in "$tmp"/b-*.nt; do
    g=$(head -n 1 "${nt%.nt}.graph"); g=${g#<}; g=${g%>}
    run load -q --store "$tmp/b.db" --graph "$g" "$nt"
  done
  run query -f csv --store "$tmp/b.db" -q "$d/$name.rq"
  if [ "$rc" -eq 0 ] && tr -d '\r' <"$tmp/out" | cmp -s - "$d/$name.csv"; then pass
  else fail "rasqal-bugs/$name: rc $rc: $(tr -d '\r' <"$tmp/out" | tr '\n' ' ')"; fi
done <tests/rasqal-bugs/README

# our answers
for q in tests/agree/queries/*.rq; do
  name=$(basename "$q" .rq)
  run query -f json --store "$tmp/s.db" -q "$q"
  if [ "$rc" -eq 0 ]; then cp "$tmp/out" "$tmp/ours/$name.json"; else
    echo "    $name: rc $rc: $(head -n 1 "$tmp/err")"; fi
done

# oxigraph's, and the comparison
npmdir=build/npm
if [ ! -d "$npmdir/node_modules/oxigraph" ]; then
  mkdir -p "$npmdir"
  npm install --prefix "$npmdir" --no-audit --no-fund --silent \
    oxigraph@0.5 >"$tmp/npm.log" 2>&1 ||
    fail "npm install oxigraph: $(tail -n 1 "$tmp/npm.log")"
fi
if [ -d "$npmdir/node_modules/oxigraph" ]; then
  NODE_PATH="$PWD/$npmdir/node_modules" timeout 600 node tests/agree/agree.js \
    "$tmp/data.nq" tests/agree/queries "$tmp/ours" >"$tmp/agree.out" 2>&1
  while read -r status rest; do
    case $status in
      ok) pass ;;
      FAIL) fail "$rest" ;;
      *) fail "agree.js: $status $rest" ;;
    esac
  done <"$tmp/agree.out"
  n=$(grep -c '^ok ' "$tmp/agree.out")
  [ "$n" -ge 25 ] || fail "only $n queries agree (25 needed)"
fi

finish
