#!/usr/bin/env bash
# fuzz/run.sh - run the libFuzzer harnesses (behind `make fuzz`).
#
#   bash fuzz/run.sh BUILD SECONDS [NAME...]
#
# For each NAME (default: every fuzz/fuzz_*.c) runs BUILD/fuzz/NAME-fuzzer
# for SECONDS on one core, under nice, with fuzz/NAME.dict if there is one,
# else fuzz/newsgraph.dict.  The working corpus BUILD/fuzz/corpus/NAME is
# kept between runs and seeded from fuzz/seeds/NAME if there is one, else
# from a sample of $NG_SHARED/corpus (every 40th article), tests/articles,
# tests/bad and tests/hostile; and from fuzz/regress/NAME.  Findings
# (crash-*, leak-*, timeout-*, oom-*) go to BUILD/fuzz/findings/; copy
# each one, once fixed, to fuzz/regress/NAME/ so that make test replays
# it.  Prints one summary line per harness; exits 1 if any found something.
set -u
cd "$(dirname "$0")/.." || exit 1

build=${1:?usage: fuzz/run.sh BUILD SECONDS [NAME...]}
secs=${2:?usage: fuzz/run.sh BUILD SECONDS [NAME...]}
shift 2
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do
    n=${f#fuzz/fuzz_}
    names+=("${n%.c}")
  done
fi
NG_SHARED=${NG_SHARED:-../shared}
export NEWSGRAPH_DATA="$PWD/ontology"
here=$PWD/tests
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:suppressions=$here/asan.supp}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-16384}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}

found=0
for name in "${names[@]}"; do
  bin=$build/fuzz/$name-fuzzer
  corpus=$build/fuzz/corpus/$name
  findings=$build/fuzz/findings
  log=$build/fuzz/$name.log
  if [ ! -x "$bin" ]; then
    echo "fuzz: no harness $bin (make fuzz builds it)" >&2
    found=1
    continue
  fi
  mkdir -p "$corpus" "$findings"
  seeds=$build/fuzz/seeds/$name # one per harness: runs may go side by side
  rm -rf "$seeds"
  mkdir -p "$seeds"
  dict=fuzz/newsgraph.dict
  [ -f "fuzz/$name.dict" ] && dict=fuzz/$name.dict
  text=1
  [ -d "fuzz/seeds/$name" ] && text=
  if [ -n "$text" ] && [ -d "$NG_SHARED/corpus" ]; then
    find "$NG_SHARED/corpus" -name '*.txt' -type f | LC_ALL=C sort |
      awk 'NR % 40 == 1' | while IFS= read -r f; do
        cp "$f" "$seeds/shared-$(basename "$f")"
      done
  fi
  dirs=("fuzz/seeds/$name" "fuzz/regress/$name")
  [ -n "$text" ] && dirs+=(tests/articles tests/bad tests/hostile/literals \
                           tests/hostile)
  for d in "${dirs[@]}"; do
    [ -d "$d" ] || continue
    find "$d" -maxdepth 1 -type f ! -name '*.tsv' ! -name '*.expect' \
      ! -name '*.md' ! -name '*.sh' ! -name '*.py' -exec cp {} "$seeds/" \;
  done
  echo "fuzz: $name for ${secs}s (log $log)"
  nice -n 10 "$bin" -max_total_time="$secs" -max_len="$FUZZ_MAX_LEN" \
    -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$findings/$name-" \
    "$corpus" "$seeds" > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  echo "fuzz: $name: exit $rc, ${execs:-?} runs, ${speed:-?} exec/s, ${cov:-cov: ?}, corpus $(find "$corpus" -type f | wc -l) files"
  if [ "$rc" -ne 0 ]; then
    found=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -n 5
    ls -t "$findings" | head -n 3 | sed "s|^|fuzz: finding $findings/|"
  fi
done
exit "$found"
