#!/usr/bin/env bash
# tests/run.sh - the test driver behind `make test`.
#
# Runs the unit test programs, the golden article tests (tests/articles),
# the bad-input tests (tests/bad), the CLI tests (tests/cli/*.sh), the
# sub-suites (tests/*/run.sh, e.g. the store) and a
# sample of the shared corpus.  Prints one line per failing check and ends
# with "N passed, N failed"; exits 1 if any check failed.
#
# Environment (the Makefile sets these):
#   NG_BIN     the newsgraph binary (default ./newsgraph)
#   NG_BUILD   the build directory holding tests/test_* (default build)
#   NG_SHARED  the shared folder with corpus/ (default ../shared)
#   VALGRIND=1 run the CLI under valgrind (definite leaks are errors)
#   NG_SUITES  the sub-suites to run, by folder name ("store hostile");
#              default all (.ci/run narrows its valgrind run with it)
set -u
cd "$(dirname "$0")/.." || exit 1

NG_BIN=${NG_BIN:-./newsgraph}
NG_BUILD=${NG_BUILD:-build}
NG_SHARED=${NG_SHARED:-../shared}
VALGRIND=${VALGRIND:-}
[ "$VALGRIND" = 0 ] && VALGRIND=
# Test the tree's own data, never an installed copy.
export NEWSGRAPH_DATA="$PWD/ontology"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
here=$(cd "$(dirname "$0")" && pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:suppressions=$here/asan.supp}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export LC_ALL=C.UTF-8
BASE_IRI=http://example.org/

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/vg"
# the lexicon cache of this run: written by the first command, mapped by the rest
export NEWSGRAPH_CACHE=${NEWSGRAPH_CACHE:-$tmp/cache}

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

# ng ARGS...: the CLI, under valgrind with VALGRIND=1, with a time limit.
ng() {
  if [ -n "$VALGRIND" ]; then
    timeout 900 valgrind -q --error-exitcode=99 --leak-check=full \
      --errors-for-leak-kinds=definite --log-file="$tmp/vg/%p.log" \
      "$NG_BIN" "$@"
  else
    timeout 120 "$NG_BIN" "$@"
  fi
}

# run ARGS...: ng with stdin from /dev/null, stdout in $tmp/out, stderr in
# $tmp/err; sets rc.
run() {
  ng "$@" < /dev/null > "$tmp/out" 2> "$tmp/err"
  rc=$?
}

# stderr_line: first line of $tmp/err, for messages.
stderr_line() { head -n 1 "$tmp/err" | cut -c 1-200; }

# check_error WANT_RC PATTERN NAME: after run, the checks every failing
# command must meet.  Prints nothing; returns the problems in $why.
check_error() {
  local want=$1 pattern=$2 name=$3
  why=
  [ "$rc" -eq "$want" ] || why="$why exit $rc (want $want);"
  [ "$(wc -l < "$tmp/err")" -eq 1 ] ||
    why="$why stderr has $(wc -l < "$tmp/err") lines (want 1);"
  head -n 1 "$tmp/err" | grep -q '^newsgraph: ' ||
    why="$why stderr does not start with 'newsgraph: ';"
  if [ -n "$name" ] && ! grep -qF -- "$name" "$tmp/err"; then
    why="$why stderr does not name '$name';"
  fi
  if [ -n "$pattern" ] && ! grep -qiE -- "$pattern" "$tmp/err"; then
    why="$why stderr does not match '$pattern';"
  fi
  [ -s "$tmp/out" ] && why="$why stdout is not empty;"
  [ -z "$why" ]
}

# expect_error DESC WANT_RC PATTERN NAME ARGS...: one check.
expect_error() {
  local desc=$1 want=$2 pattern=$3 name=$4
  shift 4
  run "$@"
  if check_error "$want" "$pattern" "$name"; then
    pass
  else
    fail "$desc:$why stderr: $(stderr_line)"
  fi
}

# turtle_ok FILE: FILE is non-empty Turtle that rapper parses.
turtle_ok() {
  [ -s "$1" ] && rapper -q -i turtle -c "$1" "$BASE_IRI" > /dev/null 2>&1
}

if [ ! -x "$NG_BIN" ]; then
  fail "no binary at $NG_BIN (run make first)"
fi
if ! command -v rapper > /dev/null; then
  fail "rapper not found (raptor2-utils; run make deps)"
fi

# ------------------------------------------------------------ unit tests

for t in "$NG_BUILD"/tests/test_*; do
  [ -f "$t" ] && [ -x "$t" ] || continue
  if timeout 300 "$t" > "$tmp/unit.out" 2>&1; then
    pass
  else
    fail "unit test $t: exit $?"
    tail -n 20 "$tmp/unit.out" | sed 's/^/    /'
  fi
done

# ------------------------------------------------------------ golden articles

for exp in tests/articles/*.expect; do
  [ -f "$exp" ] || continue
  art=$(sed -n 's/^article[[:space:]]\{1,\}//p' "$exp" | head -n 1)
  [ -n "$art" ] || art=${exp%.expect}.txt
  err=
  : > "$tmp/golden.nt"
  run extract "$art"
  if [ "$rc" -ne 0 ]; then
    err="newsgraph extract $art: exit $rc: $(stderr_line)"
  elif ! rapper -q -i turtle -o ntriples "$tmp/out" "$BASE_IRI" \
      > "$tmp/golden.nt" 2> "$tmp/rapper.err"; then
    err="rapper cannot parse the Turtle: $(head -n 1 "$tmp/rapper.err")"
  fi
  python3 tests/check_expect.py "$exp" "$tmp/golden.nt" \
    ${err:+--error "$err"} > "$tmp/check.out" 2>&1
  n=$(grep -c '^PASS ' "$tmp/check.out")
  passed=$((passed + n))
  while IFS= read -r line; do
    case $line in
      "PASS "*) ;;
      "FAIL "*) fail "${line#FAIL }" ;;
      *) fail "$exp: check_expect.py: $line" ;;
    esac
  done < "$tmp/check.out"
done

# ------------------------------------------------------------ bad input

while IFS=$'\t' read -r -u 3 file want pattern; do
  case $file in '' | '#'*) continue ;; esac
  path=tests/bad/$file
  if [ "$file" = does-not-exist.txt ] && [ -e "$path" ]; then
    fail "$path must not exist"
    continue
  fi
  expect_error "bad input $path" "$want" "$pattern" "$path" extract "$path"
done 3< tests/bad/cases.tsv

# A 50 MB article on a single line: either a graph or a clean refusal.
big=$tmp/fifty-mb-line.txt
yes 'The minister said that the talks in Geneva had been constructive. ' |
  tr -d '\n' | head -c 52428800 > "$big"
run extract "$big"
if [ "$rc" -eq 0 ]; then
  if turtle_ok "$tmp/out"; then pass; else
    fail "50 MB line: exit 0 but the output is not Turtle"
  fi
elif check_error 4 'large|size|bytes|limit' "$big"; then
  pass
else
  fail "50 MB line:$why stderr: $(stderr_line)"
fi

small=tests/articles/wikinews-2019-104.txt
expect_error "--max-bytes 100 on a larger article" 4 \
  'large|size|bytes|limit' "$small" extract --max-bytes 100 "$small"
run extract --max-bytes 1000000 "$small"
if [ "$rc" -eq 0 ] && turtle_ok "$tmp/out"; then pass; else
  fail "--max-bytes 1000000 on a small article: exit $rc: $(stderr_line)"
fi

# ------------------------------------------------------------ CLI

for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  # shellcheck source=/dev/null
  . "$t"
done

# ------------------------------------------------------------ sub-suites

# tests/*/run.sh (the store suite ...) print "FAIL..." lines and end with
# "N passed, N failed"; their counts join ours.
for suite in tests/*/run.sh; do
  [ -f "$suite" ] || continue
  if [ -n "${NG_SUITES:-}" ]; then
    sname=${suite#tests/}
    case " $NG_SUITES " in *" ${sname%/run.sh} "*) ;; *) continue ;; esac
  fi
  NG_BIN=$NG_BIN NG_BUILD=$NG_BUILD NG_SHARED=$NG_SHARED VALGRIND=$VALGRIND \
    timeout 1200 bash "$suite" < /dev/null > "$tmp/suite.out" 2>&1
  src=$?
  summary=$(tail -n 1 "$tmp/suite.out")
  if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
    sed '$d' "$tmp/suite.out"
    if [ "${BASH_REMATCH[2]}" -eq 0 ] && [ "$src" -ne 0 ]; then
      fail "$suite: exit $src with no failed check"
    fi
  else
    fail "$suite: exit $src, no 'N passed, N failed' line"
    tail -n 20 "$tmp/suite.out" | sed 's/^/    /'
  fi
done

# ------------------------------------------------------------ corpus sample

# Every 25th article of the shared corpus (about 100) must give Turtle.
step=25
[ -n "$VALGRIND" ] && step=250
if [ -d "$NG_SHARED/corpus" ]; then
  find "$NG_SHARED/corpus" -name '*.txt' -type f | LC_ALL=C sort |
    awk -v s="$step" 'NR % s == 1' > "$tmp/sample"
  while IFS= read -r -u 3 f; do
    run extract "$f"
    if [ "$rc" -ne 0 ]; then
      fail "corpus $f: exit $rc: $(stderr_line)"
    elif ! turtle_ok "$tmp/out"; then
      fail "corpus $f: output is not Turtle that rapper parses"
    else
      pass
    fi
  done 3< "$tmp/sample"
else
  fail "corpus sample: no corpus at $NG_SHARED/corpus"
fi

# ------------------------------------------------------------ valgrind

if [ -n "$VALGRIND" ]; then
  reports=$(find "$tmp/vg" -name '*.log' -size +0 | LC_ALL=C sort)
  if [ -z "$reports" ]; then
    pass
  else
    fail "valgrind reported errors in $(echo "$reports" | wc -l) runs:"
    for r in $reports; do head -n 30 "$r" | sed 's/^/    /'; done
  fi
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
