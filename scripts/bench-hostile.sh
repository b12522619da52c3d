#!/usr/bin/env bash
# bench-hostile.sh - does extraction time grow linearly on hostile input?
#
#   bash scripts/bench-hostile.sh [BIN] [BASE_KB]
#
# For each pattern (real corpus text run together, a paragraph of quotes
# and pronouns, a one-sentence million-word run, quote marks of every
# style, nested quotes, one huge word, CJK without spaces, appositions;
# and from issue 13: "President" repeated, random Title-case words, random
# honorifics and titles, `Mr SmithN said "hi".`)
# builds articles of 1x, 2x, 4x, 8x and 16x BASE_KB (default 256 KB) and
# times `BIN extract` on each (CPU seconds, user + system; best of 2; and
# the peak resident memory).  Prints a table with the time per MB and its
# ratio to the 1x run: about 1.0 all the way down means linear time.
# Not a test: no pass or fail.  PATTERNS="president mr-said" runs only
# those.
set -u
cd "$(dirname "$0")/.." || exit 1
bin=${1:-./newsgraph}
base_kb=${2:-256}
shared=${NG_SHARED:-../shared}
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# unit PATTERN: one repeatable chunk of the pattern into $tmp/unit.
python3 - "$tmp" "$shared" <<'PY'
import glob, os, random, sys
random.seed(13)
tmp, shared = sys.argv[1], sys.argv[2]
arts = sorted(glob.glob(os.path.join(shared, "corpus", "**", "*.txt"),
                        recursive=True))[:200]
corpus = "".join(open(a, encoding="utf-8", errors="replace").read() + "\n\n"
                 for a in arts) or "The minister said that the talks went well.\n\n"
units = {
    "corpus": corpus,
    "quotes-pronouns": '"Yes," he said. "No," she said. ',
    "one-sentence": "President John Smith said that the minister ",
    "quote-marks": "\u201c\u201d\u00ab\u00bb\u201e'\"\u2018\u2019\u2039\u203a",
    "nested-quotes": "\u201c\u2018",
    "one-word": "a",
    "cjk": "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000)),
    "appositions": ", the minister",
    "president": "President ",
    "title-case": "".join(
        "".join(random.choice("abcdefghijklmnopqrstuvwxyz")
                for _ in range(random.randint(3, 9))).capitalize() + " "
        for _ in range(20000)),
    "honorifics": "".join(random.choice(
        ["Mr", "Mrs", "Ms", "Dr", "Sir", "Lady", "Lord", "President",
         "Minister", "Prime", "Secretary", "General", "Senator", "Judge",
         "Professor", "King", "Queen", "Prince", "Chairman", "Governor",
         "Mayor", "Chief", "Executive", "Director", "Rev", "St"]) + " "
        for _ in range(20000)),
    "mr-said": "".join('Mr Smith%d said "hi". ' % i for i in range(20000)),
}
for name, u in units.items():
    with open(os.path.join(tmp, name + ".unit"), "w", encoding="utf-8") as f:
        f.write(u)
PY

# make_article PATTERN BYTES OUT
make_article() {
  python3 - "$tmp/$1.unit" "$2" "$3" "$1" <<'PY'
import sys
unit = open(sys.argv[1], encoding="utf-8").read().encode()
n, out, name = int(sys.argv[2]), sys.argv[3], sys.argv[4]
if name == "mr-said":  # N counts up all the way: every name is new
    parts, size, i = [], 0, 0
    while size < n:
        parts.append(b'Mr Smith%d said "hi". ' % i)
        size += len(parts[-1])
        i += 1
    unit = b"".join(parts)
body = (unit * (n // len(unit) + 1))[:n]
# cut at a character boundary
while body and (body[-1] & 0xC0) == 0x80:
    body = body[:-1]
if body and body[-1] >= 0xC0:
    body = body[:-1]
head = b"Hostile " + name.encode() + b"\n\nJohn Smith said that it began. "
open(out, "wb").write(head + body + b" He said it ended.\n")
PY
}

cpu() { # BIN FILE -> "CPU-seconds peak-RSS-MB" (best of 2), or "fail"
  local best= t m
  for _ in 1 2; do
    if ! /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" extract "$2" \
        > /dev/null 2> "$tmp/err"; then
      echo fail
      return
    fi
    t=$(awk '{printf "%.3f", $1 + $2}' "$tmp/time")
    m=$(awk '{printf "%.0f", $3 / 1024}' "$tmp/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a < b)}'
    then best=$t; fi
  done
  echo "$best $m"
}

printf '%-16s %5s %9s %9s %8s %8s\n' pattern size cpu_s s_per_MB vs_1x rss_MB
for p in ${PATTERNS:-corpus quotes-pronouns one-sentence quote-marks \
         nested-quotes one-word cjk appositions president title-case \
         honorifics mr-said}; do
  first=
  for m in 1 2 4 8 16; do
    bytes=$((base_kb * 1024 * m))
    make_article "$p" "$bytes" "$tmp/a.txt"
    r=$(cpu "$bin" "$tmp/a.txt")
    if [ "$r" = fail ]; then
      printf '%-16s %4sx %9s  %s\n' "$p" "$m" fail "$(head -c 100 "$tmp/err")"
      continue
    fi
    t=${r% *}
    per=$(awk -v t="$t" -v b="$bytes" 'BEGIN{printf "%.3f", t / (b / 1048576)}')
    [ -n "$first" ] || first=$per
    printf '%-16s %4sx %9s %9s %8s %8s\n' "$p" "$m" "$t" "$per" \
      "$(awk -v a="$per" -v f="$first" 'BEGIN{printf "%.2f", (f > 0 ? a / f : 0)}')" \
      "${r#* }"
  done
done
