# tests/lib.sh - the set-up every sub-suite (tests/NAME/run.sh) shares.
#
# A suite begins
#     set -u
#     . "$(dirname "$0")/../lib.sh" NAME || exit 1
# and ends with `finish`; between them it keeps only what is its own.
# Sourcing this file:
#  - goes to the top of the tree;
#  - gives NG_BIN (default ./newsgraph), NG_BUILD (build), NG_SHARED
#    (../shared), NG_SANITIZER and VALGRIND (empty; VALGRIND=0 is empty),
#    as tests/run.sh passes them;
#  - exports NEWSGRAPH_DATA (the tree's ontology/), LC_ALL=C.UTF-8 and the
#    sanitizers' options (the defaults of tests/run.sh);
#  - makes $tmp (with $tmp/vg), removed on exit after the suite's own
#    `cleanup` function has run, when it defines one (servers to stop);
#  - counts checks: pass; fail MESSAGE (prints "FAIL: NAME: MESSAGE";
#    fail_tag= after sourcing leaves "NAME: " out); check DESC COMMAND...
#    (pass when COMMAND succeeds, else fail DESC); finish (prints
#    "N passed, N failed" and exits 1 when a check failed);
#  - runs the CLI: ng ARGS... (with a time limit), run ARGS... (ng with
#    stdin from /dev/null, stdout in $tmp/out, stderr in $tmp/err, the exit
#    code in rc), err1 (the first line of $tmp/err), errs [N] (its first
#    N lines, default 2, cut at 200 columns, joined by '|');
#  - a Virtuoso for push: virtuoso (start it in $vdir, stopped on exit;
#    VIRT_* and NEWSGRAPH_PASSWORD set) and vcount GRAPH (its triples).
# What a suite may set after sourcing: ng_timeout (seconds, default 120),
# vg_timeout (900, under valgrind), ng_valgrind: empty (default), ng never
# runs valgrind; "stderr", with VALGRIND set ng runs the CLI under valgrind
# (an error or a definite leak: exit 99, the report on stderr); "log", the
# same with the reports in $tmp/vg, which finish counts as one more check.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ngt_suite=${1:?tests/lib.sh: no suite name}

NG_BIN=${NG_BIN:-./newsgraph}
NG_BUILD=${NG_BUILD:-build}
NG_SHARED=${NG_SHARED:-../shared}
NG_SANITIZER=${NG_SANITIZER:-}
VALGRIND=${VALGRIND:-}
[ "$VALGRIND" = 0 ] && VALGRIND=
# Test the tree's own data, never an installed copy.
export NEWSGRAPH_DATA="$PWD/ontology"
export LC_ALL=C.UTF-8
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:suppressions=$PWD/tests/asan.supp}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-$ngt_suite.XXXXXX") || exit 1
vdir=$tmp/virtuoso
ngt_exit() {
  declare -F cleanup > /dev/null && cleanup
  [ -f "$vdir/pid" ] && bash scripts/virtuoso.sh stop "$vdir" > /dev/null 2>&1
  rm -rf "$tmp"
}
trap ngt_exit EXIT
mkdir -p "$tmp/vg"

passed=0
failed=0
fail_tag="$ngt_suite: "
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL: %s%s\n' "$fail_tag" "$*"; }
check() { # check DESC COMMAND...: pass when COMMAND succeeds
  local desc=$1
  shift
  if "$@"; then pass; else fail "$desc"; fi
}

ng_timeout=120
vg_timeout=900
ng_valgrind=
# ng ARGS...: the CLI with a time limit (under valgrind: see ng_valgrind)
ng() {
  if [ -n "$VALGRIND" ] && [ -n "$ng_valgrind" ]; then
    local log=
    [ "$ng_valgrind" = log ] && log=--log-file=$tmp/vg/%p.log
    timeout "$vg_timeout" valgrind -q --error-exitcode=99 --leak-check=full \
      --errors-for-leak-kinds=definite ${log:+"$log"} "$NG_BIN" "$@"
  else
    timeout "$ng_timeout" "$NG_BIN" "$@"
  fi
}
# run ARGS...: stdout in $tmp/out, stderr in $tmp/err, exit code in rc
run() { ng "$@" < /dev/null > "$tmp/out" 2> "$tmp/err"; rc=$?; }
err1() { head -n 1 "$tmp/err"; }
errs() { head -n "${1:-2}" "$tmp/err" | cut -c 1-200 | tr '\n' '|'; }

# virtuoso: start a Virtuoso in $vdir (scripts/virtuoso.sh; stopped on
# exit), read its VIRT_* settings, export NEWSGRAPH_PASSWORD; or fail
# (NG_NO_VIRTUOSO set, or it does not start) and return 1
virtuoso() {
  if [ -n "${NG_NO_VIRTUOSO:-}" ]; then
    fail "Virtuoso tests skipped (NG_NO_VIRTUOSO set)"
    return 1
  fi
  if ! bash scripts/virtuoso.sh start "$vdir" > "$tmp/venv" 2> "$tmp/verr"; then
    fail "cannot start Virtuoso: $(head -n 1 "$tmp/verr")"
    return 1
  fi
  # shellcheck source=/dev/null
  . "$vdir/env"
  export NEWSGRAPH_PASSWORD="$VIRT_PASSWORD"
}
vcount() { # vcount GRAPH: triples in GRAPH at the Virtuoso endpoint
  curl -s -G "$VIRT_SPARQL" -H 'Accept: text/csv' --data-urlencode \
    "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" |
    tail -n 1 | tr -d '"\r'
}

# finish: valgrind's reports (ng_valgrind=log), the counts, the exit code
finish() {
  local reports r
  if [ -n "$VALGRIND" ] && [ "$ng_valgrind" = log ]; then
    reports=$(find "$tmp/vg" -name '*.log' -size +0 | LC_ALL=C sort)
    if [ -z "$reports" ]; then pass; else
      fail "valgrind reported errors in $(echo "$reports" | wc -l) runs:"
      for r in $reports; do head -n 30 "$r" | sed 's/^/    /'; done
    fi
  fi
  printf '%d passed, %d failed\n' "$passed" "$failed"
  [ "$failed" -eq 0 ] || exit 1
  exit 0
}
