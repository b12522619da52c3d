# tests/hostile/round3.sh - the last reproducers of issue 13: a full disk
# in the middle of a `load` batch, SERVICE under the limits of URL inputs,
# an unreadable subfolder of `extract DIR`.  Sourced by tests/hostile/run.sh
# after round2.sh, with its run, one_line_error, err1, pass, fail, $tmp,
# $NG_BIN and $VALGRIND.

# prefix: the command prefix of run() (valgrind or a time limit), for commands
# that run somewhere run() cannot (another mount namespace, another user).
if [ -n "$VALGRIND" ]; then
  prefix=(timeout 900 valgrind -q --error-exitcode=99 --leak-check=full
       --errors-for-leak-kinds=definite --log-file="$tmp/vg/%p.log")
else
  prefix=(timeout 300) # slow under a sanitizer on a busy machine; no timing here
fi

# ------------------------------------------------------------ 22. full disk
# After one SQLITE_FULL every later file of the same `load` failed "cannot
# start a transaction", even once the space was back: sqlite had undone
# the transaction itself and librdf went on believing it open.  A 256 KB
# tmpfs (in a mount namespace of its own, so nothing is left mounted):
# the big file fills it and is undone, which frees the space; the files
# after it load, the failed one is named, the store holds what it held.
fd=$tmp/fulldisk
mkdir -p "$fd/mnt"
for n in a c; do
  for i in $(seq 50); do printf '<http://e/%s%d> <http://e/p> "%s %d" .\n' "$n" "$i" "$n" "$i"; done > "$fd/$n.nt"
done
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write("<http://e/big%d> <http://e/p> \"a literal long enough to fill the disk soon %d\" .\n" % (i, i))
' "$fd/big.nt"
printf 'Rain in Leeds\nJohn Smith said that it rained all day in the city.\n' > "$fd/d.txt"
fsize=256k
if unshare -m sh -c "mount -t tmpfs -o size=256k tmpfs '$fd/mnt'" 2> /dev/null; then
  VG=$VALGRIND unshare -m bash -c '
    d=$1 fsize=$2; shift 2
    mount -t tmpfs -o size="$fsize" tmpfs "$d/mnt" || exit 111
    "$@" load --store "$d/mnt/s.db" "$d/a.nt" "$d/big.nt" "$d/c.nt" "$d/d.txt" \
      > "$d/load.out" 2> "$d/load.err"
    echo $? > "$d/load.rc"
    if [ -z "$VG" ]; then # 30 s more under valgrind: the batch is enough
      "$@" load --store "$d/mnt/s.db" "$d/big.nt" > /dev/null 2> "$d/again.err"
      echo $? > "$d/again.rc"
    fi
    "$@" query --store "$d/mnt/s.db" -f tsv \
      "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g" \
      > "$d/q.out" 2> "$d/q.err"
    echo $? > "$d/q.rc"
  ' _ "$fd" "$fsize" "${prefix[@]}" "$NG_BIN" < /dev/null
  if [ "$(cat "$fd/load.rc")" = 10 ] && [ "$(wc -l < "$fd/load.out")" = 3 ] &&
     [ "$(wc -l < "$fd/load.err")" = 1 ] &&
     grep -q "big.nt' not loaded: .*disk is full" "$fd/load.err" &&
     ! grep -q 'cannot start a transaction' "$fd/load.err"; then pass
  else fail "load a.nt big.nt c.nt d.txt onto a full disk: exit $(cat "$fd/load.rc"), want 10, the three others loaded and one line naming big.nt: $(head -c 200 "$fd/load.err")"; fi
  if [ -z "$VALGRIND" ]; then
    if [ "$(cat "$fd/again.rc")" = 7 ] && [ "$(wc -l < "$fd/again.err")" = 1 ]; then pass
    else fail "load big.nt alone onto a full disk: exit $(cat "$fd/again.rc"), want 7 and one line: $(head -c 200 "$fd/again.err")"; fi
  fi
  graphs=$(tail -n +2 "$fd/q.out" | cut -f 1 | tr '\n' ' ')
  counts=$(tail -n +2 "$fd/q.out" | cut -f 2 | tr '\n' ' ')
  case $graphs in
    *big*) ok= ;;
    *a.nt*c.nt*) ok=1 ;;
    *) ok= ;;
  esac
  if [ "$(cat "$fd/q.rc")" = 0 ] && [ -n "$ok" ] &&
     [ "$(tail -n +2 "$fd/q.out" | wc -l)" = 3 ] &&
     [ "${counts%% *}" = 50 ]; then pass
  else fail "the store after a full disk: exit $(cat "$fd/q.rc"), graphs $graphs counts $counts, want a.nt c.nt and the article: $(head -c 160 "$fd/q.err")"; fi
else
  echo "SKIP: full disk in a load batch (cannot mount a tmpfs in a mount namespace here)"
fi

# ------------------------------------------------------------ 23. SERVICE limits
# With --allow-service, rasqal fetched the SERVICE IRI through raptor's
# libcurl handle: redirects without end, no time limit, no size limit.
# Now (net/service.c) the limits of URL inputs: http/https redirects only,
# 5 at most, --timeout, --max-bytes, and no user:password@ (a stub server,
# tests/faultserver.py).
sv=$tmp/service
mkdir -p "$sv"
printf '<http://e/s> <http://e/p> "o" .\n' > "$sv/a.nt"
run load --store "$sv/s.db" "$sv/a.nt"
python3 tests/faultserver.py "$sv/port" &
sv_pid=$!
for _ in $(seq 50); do [ -s "$sv/port" ] && break; sleep 0.1; done
sfs="http://127.0.0.1:$(cat "$sv/port")"
# rasqal 0.9.33 leaks 192 bytes in 6 blocks inside its SERVICE row
# source on every SERVICE query: no leak check for these (valgrind and
# ASan still check every access)
svc() {
  ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 \
    run query --store "$sv/s.db" --allow-service "$@"
}
sq() { printf 'SELECT ?s WHERE { SERVICE <%s> { ?s ?p ?o } }' "$1"; }
svc "$(sq "$sfs/srx/sparql")"
if [ "$rc" -eq 0 ] && grep -q 'from-service' "$tmp/out"; then pass
else fail "SERVICE to a working endpoint: exit $rc: $(err1)"; fi
# (under valgrind 1 MB is enough, and much quicker)
big=16777216
[ -n "$VALGRIND" ] && big=1048576
svc --max-bytes "$big" "$(sq "$sfs/big/sparql")"
if one_line_error 9 && grep -q "larger than $big bytes" "$tmp/err"; then pass
else fail "SERVICE answering 20 MB (chunked): exit $rc, want 9 and the size: $(err1)"; fi
svc --max-bytes 100 "$(sq "$sfs/srx/sparql")"
if one_line_error 9 && grep -q -i 'size' "$tmp/err"; then pass
else fail "SERVICE answer over --max-bytes 100 (Content-Length): exit $rc, want 9: $(err1)"; fi
svc "$(sq "$sfs/tofile/sparql")"
if one_line_error 9 && grep -q '"file"' "$tmp/err" && ! grep -q 'root:' "$tmp/out"; then pass
else fail "SERVICE redirected to file:///etc/passwd: exit $rc, want 9: $(err1)"; fi
svc "$(sq "$sfs/loop/sparql")"
if one_line_error 9 && grep -q 'redirects' "$tmp/err"; then pass
else fail "SERVICE redirected for ever: exit $rc, want 9 after 5 redirects: $(err1)"; fi
start=$(date +%s)
svc --timeout 2 "$(sq "$sfs/hang/sparql")"
secs=$(( $(date +%s) - start ))
if one_line_error 9 && grep -q 'timed out' "$tmp/err" &&
   { [ -n "$VALGRIND" ] || [ "$secs" -le 10 ]; }; then pass
else fail "SERVICE that never answers, --timeout 2: exit $rc after ${secs}s, want 9 at 2 s: $(err1)"; fi
svc "$(sq "http://u:pw-13@127.0.0.1:9/sparql")"
if one_line_error 9 && ! grep -q 'pw-13' "$tmp/err"; then pass
else fail "SERVICE IRI with user:password@: exit $rc, want 9 and no password: $(err1)"; fi
run query --store "$sv/s.db" --timeout 0 'ASK { }'
if [ "$rc" -eq 2 ]; then pass; else fail "query --timeout 0: exit $rc, want 2"; fi
kill "$sv_pid" 2> /dev/null
wait "$sv_pid" 2> /dev/null

# ------------------------------------------------------------ 24. unreadable folder
# One subfolder that cannot be read failed the whole `extract DIR` (exit 3,
# nothing written).  Now it is one failed item of the batch: the rest is
# extracted, a line says why, exit 10.  Root reads every folder, so the
# command runs as nobody (setpriv), from a copy in a folder of its own.
pt=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-nobody.XXXXXX")
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null 2>&1 &&
   setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null; then
  chmod 755 "$pt"
  mkdir -p "$pt/c/a" "$pt/c/locked" "$pt/c/z" "$pt/vg"
  cp "$NG_BIN" "$pt/ng"
  cp "$(dirname "$NG_BIN")/newsgraph-full" "$pt/"  # the front execs it
  cp -r ontology "$pt/ontology"
  cp tests/*.supp "$pt/"
  printf 'John Smith said that it rained all day in Leeds.\n' > "$pt/c/a/1.txt"
  printf 'Mary Jones said that it snowed all day in York.\n' > "$pt/c/locked/2.txt"
  printf 'Peter Brown said that it was hot all day in Hull.\n' > "$pt/c/z/3.txt"
  chmod -R a+rX "$pt"
  chmod 777 "$pt/vg"
  chmod 700 "$pt/c/locked"
  nrun=("${prefix[@]}")
  [ -n "$VALGRIND" ] && nrun=("${prefix[@]/--log-file=*/--log-file=$pt/vg/%p.log}")
  vgo=${VALGRIND_OPTS:-}
  rc=0
  (cd "$pt" && NEWSGRAPH_DATA=$pt/ontology ASAN_OPTIONS=${ASAN_OPTIONS//$here/$pt} \
     LSAN_OPTIONS=${LSAN_OPTIONS//$here/$pt} \
     VALGRIND_OPTS=${vgo//$here/$pt} \
     setpriv --reuid=65534 --regid=65534 --clear-groups \
     "${nrun[@]}" ./ng extract -f nquads c) < /dev/null > "$tmp/out" 2> "$tmp/err" || rc=$?
  cp "$pt"/vg/*.log "$tmp/vg/" 2> /dev/null
  if [ "$rc" -eq 10 ] && grep -q "cannot read 'c/locked': permission denied" "$tmp/err" &&
     grep -q '2 ok, 1 failed' "$tmp/err" && grep -q 'Leeds' "$tmp/out" &&
     grep -q 'Hull' "$tmp/out"; then pass
  else fail "extract DIR with an unreadable subfolder (as nobody): exit $rc, want 10, two articles and one failed item: $(err1)"; fi
  chmod 755 "$pt/c/locked"
else
  echo "SKIP: extract DIR with an unreadable subfolder (needs root and setpriv to run as nobody)"
fi
rm -rf "$pt"

# 25. An organisation cue before a token that starts no capitalised run
# ("firm nti-DoVoltp", found by the extract fuzzer): the mention loop
# made no progress and grew memory without bound (24 GB in 80 s).  Under
# a memory and time limit it must finish with its facts.
printf 'Talks were held with the firm nti-DoVoltp on Monday, Jane Doe said.\n' > "$tmp/cue.txt"
rc=0
# (no address-space limit under ASan or valgrind: both reserve far more)
lim=4000000
[ -n "${NG_SANITIZER:-}" ] || [ -n "$VALGRIND" ] && lim=unlimited
(ulimit -v "$lim"; run extract -f nquads "$tmp/cue.txt") < /dev/null > "$tmp/out" 2> "$tmp/err" || rc=$?
if [ "$rc" -eq 0 ] && grep -q 'jane-doe' "$tmp/out"; then pass
else fail "organisation cue before an uncapitalised token: exit $rc, want 0 and the speaker: $(err1)"; fi
