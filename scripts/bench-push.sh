#!/usr/bin/env bash
# bench-push.sh - `newsgraph push` next to curl, to a local Virtuoso
# (scripts/virtuoso.sh), side by side in one run.
# Usage: scripts/bench-push.sh [BINARY] [CORPUS_DIR] [OLD_BINARY]
#   - per article: the first 300 articles of the corpus as N-Triples files
#     (extract --out-dir), pushed by newsgraph (Graph Store PUT, digest,
#     one connection) and by one curl process PUTting the same files to
#     the same graphs (keep-alive, digest): ROUNDS rounds each (default 3),
#     alternating, best wall time and CPU seconds;
#   - memory: peak RSS of pushing 300, 1,000 and all the files;
#   - one 100,000-triple graph replacing itself at the endpoint: curl -T,
#     newsgraph in one request (--chunk 200000), and newsgraph's default
#     (--update-endpoint): parts of 50,000 into a staging graph and a MOVE;
#   - the same graph new at the endpoint (deleted before each run, for
#     curl as for newsgraph): curl -T, newsgraph's default (one PUT, the
#     graph being empty) and --staging always (parts + MOVE).
# srv-cpu is Virtuoso's CPU seconds during the run (/proc/PID/stat).
# With OLD_BINARY (e.g. /work/main/newsgraph) its figures are printed too.
set -euo pipefail
bin=${1:-./newsgraph}
corpus=${2:-../shared/corpus}
old=${3:-}
rounds=${ROUNDS:-3}
[ -x "$bin" ] || { echo "bench-push.sh: no binary at $bin" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench-push.sh: no corpus at $corpus" >&2; exit 1; }
export NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$PWD/ontology}
tmp=$(mktemp -d)
vdir=$tmp/virtuoso
trap '[ -f "$vdir/pid" ] && bash scripts/virtuoso.sh stop "$vdir" > /dev/null 2>&1; rm -rf "$tmp"' EXIT
bash scripts/virtuoso.sh start "$vdir" > /dev/null 2> "$tmp/verr" ||
  { echo "bench-push.sh: cannot start Virtuoso: $(head -n 1 "$tmp/verr")" >&2; exit 1; }
. "$vdir/env"
export NEWSGRAPH_PASSWORD=$VIRT_PASSWORD

"$bin" extract -q -j 2 -f ntriples --out-dir "$tmp/nt" "$corpus"
find "$tmp/nt" -name '*.nt' | LC_ALL=C sort > "$tmp/all.list"
head -n 300 "$tmp/all.list" > "$tmp/300.list"
head -n 1000 "$tmp/all.list" > "$tmp/1000.list"
# curl's list: each file PUT to the graph newsgraph names it (its file IRI)
python3 - "$VIRT_GSP" "$tmp/300.list" > "$tmp/300.curl" << 'EOF'
import os, pathlib, sys, urllib.parse
gsp = sys.argv[1]
for f in open(sys.argv[2]).read().split():
    iri = pathlib.Path(os.path.realpath(f)).as_uri()
    print('upload-file = "%s"' % f)
    print('url = "%s?graph=%s"' % (gsp, urllib.parse.quote(iri, safe="")))
EOF

# srvcpu: Virtuoso's user + system clock ticks so far
srvcpu() { awk '{ print $14 + $15 }' "/proc/$VIRT_PID/stat"; }
hz=$(getconf CLK_TCK)
# timed NAME COMMAND...: appends "wall cpu rss srv-cpu" to $tmp/NAME.runs
timed() {
  local name=$1 s0 s1
  shift
  s0=$(srvcpu)
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" > /dev/null 2> "$tmp/err" || {
    echo "bench-push.sh: $* failed: $(head -n 2 "$tmp/err")" >&2; exit 1; }
  s1=$(srvcpu)
  awk -v s="$(( s1 - s0 ))" -v hz="$hz" '{ printf "%s %.2f %d %.2f\n", $1, $2 + $3, $4, s / hz }' "$tmp/t" >> "$tmp/$name.runs"
}
# best NAME: the run with the least wall time: "wall cpu rss srv-cpu"
best() { sort -n "$tmp/$1.runs" | head -n 1; }
# the throw-away server's password for curl in a file, not in ps
printf 'machine 127.0.0.1 login dba password %s\n' "$VIRT_PASSWORD" > "$tmp/netrc"
curl_put=(curl -s -o /dev/null --fail --digest --netrc-file "$tmp/netrc"
          -H 'Content-Type: text/turtle')

for r in $(seq 1 "$rounds"); do
  timed curl300 "${curl_put[@]}" -K "$tmp/300.curl"
  timed new300 "$bin" push -q --endpoint "$VIRT_GSP" --user dba $(cat "$tmp/300.list")
  [ -n "$old" ] && timed old300 "$old" push -q --endpoint "$VIRT_GSP" --user dba $(cat "$tmp/300.list")
done
timed new1000 "$bin" push -q --endpoint "$VIRT_GSP" --user dba $(cat "$tmp/1000.list")
timed newall "$bin" push -q --endpoint "$VIRT_GSP" --user dba $(cat "$tmp/all.list")
if [ -n "$old" ]; then
  timed old1000 "$old" push -q --endpoint "$VIRT_GSP" --user dba $(cat "$tmp/1000.list")
  timed oldall "$old" push -q --endpoint "$VIRT_GSP" --user dba $(cat "$tmp/all.list")
fi

cat $(cat "$tmp/all.list") | LC_ALL=C sort -u > "$tmp/uniq.nt"
sed -n '1,100000p' "$tmp/uniq.nt" > "$tmp/big.nt"
G=http://example.org/bench/big
U="$VIRT_GSP?graph=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$G")"
# drop: the big graph deleted at the endpoint (not timed)
drop() { curl -s -o /dev/null --fail --digest --netrc-file "$tmp/netrc" -X DELETE "$U" || true; }
bp=(push -q --endpoint "$VIRT_GSP" --user dba --update-endpoint "$VIRT_UPDATE" --graph "$G")
for r in $(seq 1 "$rounds"); do
  timed curlbig "${curl_put[@]}" -T "$tmp/big.nt" "$U"
  timed newbig1 "$bin" push -q --endpoint "$VIRT_GSP" --user dba --chunk 200000 --graph "$G" "$tmp/big.nt"
  timed newbigp "$bin" "${bp[@]}" "$tmp/big.nt"
  if [ -n "$old" ]; then
    timed oldbig1 "$old" push -q --endpoint "$VIRT_GSP" --user dba --chunk 200000 --graph "$G" "$tmp/big.nt"
    timed oldbigp "$old" "${bp[@]}" "$tmp/big.nt"
  fi
  drop; timed curlnew "${curl_put[@]}" -T "$tmp/big.nt" "$U"
  drop; timed newnew "$bin" "${bp[@]}" "$tmp/big.nt"
  drop; timed newnews "$bin" "${bp[@]}" --staging always "$tmp/big.nt"
  if [ -n "$old" ]; then
    drop; timed oldnew "$old" "${bp[@]}" "$tmp/big.nt"
  fi
done

echo "push to Virtuoso ($(wc -l < "$tmp/all.list") article files, $rounds rounds, best wall; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-50s %8s %7s %8s %8s %8s\n' run seconds cpu-s RSS-MB srv-cpu 'x curl'
row() { # row NAME LABEL [CURLNAME]
  local w c m v cw=
  read -r w c m v < <(best "$1")
  [ -n "${3:-}" ] && read -r cw _ _ _ < <(best "$3")
  awk -v l="$2" -v w="$w" -v c="$c" -v m="$m" -v v="$v" -v cw="$cw" 'BEGIN {
    x = cw != "" && cw > 0 ? sprintf("%.2f", w / cw) : ""
    printf "%-50s %8.2f %7.2f %8.1f %8.2f %8s\n", l, w, c, m / 1024, v, x }'
}
row curl300 "300 articles: curl PUT loop (keep-alive)"
row new300 "300 articles: newsgraph push" curl300
[ -n "$old" ] && row old300 "300 articles: old newsgraph push" curl300
row new1000 "1,000 articles: newsgraph push"
[ -n "$old" ] && row old1000 "1,000 articles: old newsgraph push"
row newall "all articles: newsgraph push"
[ -n "$old" ] && row oldall "all articles: old newsgraph push"
row curlbig "100k-triple graph, replacing: curl -T"
row newbig1 "100k-triple graph, replacing: push, one request" curlbig
row newbigp "100k-triple graph, replacing: push (parts+MOVE)" curlbig
[ -n "$old" ] && row oldbig1 "100k-triple graph, replacing: old push, one req." curlbig
[ -n "$old" ] && row oldbigp "100k-triple graph, replacing: old push (parts+MOVE)" curlbig
row curlnew "100k-triple graph, new: curl -T"
row newnew "100k-triple graph, new: push (one PUT)" curlnew
row newnews "100k-triple graph, new: push --staging always" curlnew
[ -n "$old" ] && row oldnew "100k-triple graph, new: old push (parts+MOVE)" curlnew
exit 0
