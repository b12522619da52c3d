#!/usr/bin/env bash
# tests/hostile/run.sh - hostile input: odd literals, odd names, huge and
# degenerate articles, and the fuzz regression inputs.
#
#  1. fuzz/regress/NAME/*, fuzz/seeds/NAME/* and the files below replayed
#     through every $NG_BUILD/fuzz/NAME-replay harness (built by make unit).
#  2. literals/*.txt: quotes, backslashes, control characters, RTL marks,
#     """, ]]>, <script>, noncharacters, emoji.  Each RDF syntax newsgraph
#     writes parses with rapper and gives the same triples as N-Triples;
#     the headline survives (ntcheck.py headline).
#  3. names.txt and --base/--source: every IRI is an RFC 3987 IRI
#     (ntcheck.py iris) that rapper reads; bad IRIs are refused (exit 2).
#  4. Huge and degenerate articles made here (a million quote marks, a
#     million-word sentence, deeply repeated patterns, every byte value,
#     every code point, one byte over the limit): a graph rapper parses,
#     or exit 4 with one line on stderr, each within $HOSTILE_TIMEOUT
#     seconds.  Skipped under VALGRIND=1.
#  5. Faults: -o FILE on a full disk (a file size limit) or onto a
#     directory, a locked store, TLS failures on push and URL fetch
#     (exit 8, the password never printed).
#  6. and on: the reproducers of issue 13, in round2.sh (language tags ...).
#
# Sourced by nothing: run by tests/run.sh with NG_BIN, NG_BUILD, VALGRIND.
# Prints "FAIL: ..." lines and ends with "N passed, N failed".
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" hostile || exit 1
fail_tag= # its FAIL lines do not name the suite
HOSTILE_TIMEOUT=${HOSTILE_TIMEOUT:-30}
here=$PWD/tests # round3.sh moves the sanitizers' suppressions from here
dir=tests/hostile

# run ARGS...: the CLI (under valgrind with VALGRIND=1, reports in
# $tmp/vg) with a time limit of $HOSTILE_TIMEOUT seconds
ng_timeout=$HOSTILE_TIMEOUT
ng_valgrind=log
err1() { head -n 1 "$tmp/err" | cut -c 1-160; }

# one_line_error WANT: rc is WANT, stderr one 'newsgraph: ' line, no stdout.
one_line_error() {
  [ "$rc" -eq "$1" ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] &&
    grep -q '^newsgraph: ' "$tmp/err" && [ ! -s "$tmp/out" ]
}

# ------------------------------------------------------------ 1. replays

for h in "$NG_BUILD"/fuzz/*-replay; do
  [ -x "$h" ] || continue
  name=${h##*/}
  name=${name%-replay}
  for f in fuzz/regress/"$name"/* fuzz/seeds/"$name"/* "$dir"/literals/*.txt \
           "$dir"/names.txt; do
    [ -f "$f" ] || continue
    if timeout 120 "$h" "$f" > "$tmp/replay.out" 2>&1; then
      pass
    else
      fail "fuzz $name replay of $f: exit $?"
      grep -E 'ERROR|SUMMARY|runtime error|fuzz_' "$tmp/replay.out" |
        head -n 5 | sed 's/^/    /'
    fi
  done
done
ls "$NG_BUILD"/fuzz/*-replay > /dev/null 2>&1 ||
  fail "no fuzz replay harnesses in $NG_BUILD/fuzz (make unit builds them)"

# ------------------------------------------------------------ 2. literals

# rapper_nt SYNTAX FILE OUT: parse FILE as SYNTAX into sorted N-Triples.
rapper_nt() {
  rapper -q -i "$1" -o ntriples "$2" http://example.org/ 2> "$tmp/rapper.err" |
    LC_ALL=C sort > "$3"
  [ ! -s "$tmp/rapper.err" ] && [ "${PIPESTATUS[0]}" -eq 0 ]
}

formats="turtle ntriples nquads rdfxml rdfxml-abbrev json json-triples"
# under valgrind one syntax of each family, to keep the run short
[ -n "$VALGRIND" ] && formats="turtle rdfxml-abbrev json"
for art in "$dir"/literals/*.txt "$dir"/names.txt; do
  run extract -f ntriples "$art"
  if [ "$rc" -ne 0 ]; then
    fail "$art: extract -f ntriples: exit $rc: $(err1)"
    continue
  fi
  if rapper_nt ntriples "$tmp/out" "$tmp/ref.nt" && [ -s "$tmp/ref.nt" ]; then
    pass
  else
    fail "$art: rapper cannot read the N-Triples: $(head -n 1 "$tmp/rapper.err")"
    continue
  fi
  if python3 "$dir/ntcheck.py" headline "$tmp/ref.nt" "$art" \
      > "$tmp/check.out" 2>&1; then pass; else
    fail "$art: $(head -n 1 "$tmp/check.out")"
  fi
  if python3 "$dir/ntcheck.py" iris "$tmp/ref.nt" > "$tmp/check.out" 2>&1
  then pass; else
    fail "$art: $(head -n 1 "$tmp/check.out")"
  fi
  for f in $formats; do
    [ "$f" = ntriples ] && continue
    case $f in
      rdfxml-abbrev) syn=rdfxml ;;
      json-triples) syn=json ;;
      *) syn=$f ;;
    esac
    run extract -f "$f" "$art"
    if [ "$rc" -ne 0 ]; then
      fail "$art: extract -f $f: exit $rc: $(err1)"
    elif ! rapper_nt "$syn" "$tmp/out" "$tmp/got.nt"; then
      fail "$art: rapper cannot read the $f output: $(head -n 1 "$tmp/rapper.err")"
    elif ! cmp -s "$tmp/ref.nt" "$tmp/got.nt"; then
      fail "$art: the $f output has other triples than the N-Triples:" \
        "$(diff "$tmp/ref.nt" "$tmp/got.nt" | grep '^[<>]' | head -n 2 |
           cut -c 1-200 | tr '\n' ' ')"
    else
      pass
    fi
  done
done

# ------------------------------------------------------------ 3. IRIs

art=$dir/names.txt
for src in 'http://例え.jp/記事/1' 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' \
           'https://example.org/a%20b/(c)!$&*+,;=:@'; do
  run extract -f ntriples --source "$src" "$art"
  if [ "$rc" -eq 0 ] && rapper_nt ntriples "$tmp/out" "$tmp/src.nt" &&
     python3 "$dir/ntcheck.py" iris "$tmp/src.nt" > "$tmp/check.out" 2>&1
  then
    pass
  else
    fail "--source '$src': exit $rc: $(err1) $(head -n 1 "$tmp/check.out" 2>/dev/null)"
  fi
done
for base in 'http://例え.jp/知識/' 'https://example.org/kg#'; do
  run extract -f ntriples --base "$base" "$art"
  if [ "$rc" -eq 0 ] && rapper_nt ntriples "$tmp/out" "$tmp/base.nt" &&
     python3 "$dir/ntcheck.py" iris "$tmp/base.nt" > "$tmp/check.out" 2>&1
  then
    pass
  else
    fail "--base '$base': exit $rc: $(err1) $(head -n 1 "$tmp/check.out" 2>/dev/null)"
  fi
done
while IFS= read -r bad; do
  run extract --source "$bad" "$art"
  if one_line_error 2; then pass; else
    fail "--source '$bad' must be refused with exit 2: exit $rc: $(err1)"
  fi
  run extract --base "$bad/" "$art"
  if one_line_error 2; then pass; else
    fail "--base '$bad/' must be refused with exit 2: exit $rc: $(err1)"
  fi
done <<'BAD'
http://example.org/a b
http://example.org/<script>
http://example.org/"quoted"
http://example.org/{x}|y^z`w\v
not an iri
BAD
run extract --source "$(printf 'http://example.org/\001x')" "$art"
if one_line_error 2; then pass; else
  fail "--source with a control character: exit $rc: $(err1)"
fi

# ------------------------------------------------------------ 4. size

if [ -z "$VALGRIND" ]; then
  big=$tmp/big
  mkdir -p "$big"
  python3 - "$big" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, s):
    with open(os.path.join(d, name), "wb") as f:
        f.write(s if isinstance(s, bytes) else s.encode())
w("quotes-ascii.txt", "Quotes\n\n" + '"' * 1000000 + "\n")
w("quotes-every-style.txt", "Quotes\n\n" +
  "\u201c\u201d\u00ab\u00bb\u201e'\"\u2018\u2019\u2039\u203a" * 90910 + "\n")
w("quotes-said.txt", "Quotes\n\n" + '"Yes," he said. ' * 100000 + "\n")
w("quotes-nested.txt", "Nest\n\n" + "\u201c\u2018" * 200000 + "deep" +
  "\u2019\u201d" * 200000 + " he said.\n")
w("million-word-sentence.txt", "Words\n\n" +
  "President John Smith said that the minister " * 125000 + ".\n")
w("million-plain-words.txt", "Words\n\n" + "word " * 1000000 + ".\n")
w("honorifics-repeated.txt", "Titles\n\n" + "Mr " * 300000 +
  "Smith said that it was fine.\n")
w("appositions.txt", "App\n\nJohn Smith" + ", the minister" * 200000 +
  ", said that it was fine.\n")
w("parens.txt", "Parens\n\n" + "(" * 500000 + "x" + ")" * 500000 + "\n")
w("paragraphs.txt", "Lines\n\n" + "Mary Jones said that it rained.\n\n" * 100000)
w("headings.txt", "Heads\n\n" + "Economy\n\nThe talks went on.\n\n" * 100000)
w("capitals.txt", "Caps\n\n" + "Alpha Beta Gamma Delta " * 60000 + "said it.\n")
w("acronyms.txt", "Acr\n\n" + "".join(
  "the Foo Bar Org (F%dB) said. " % i for i in range(50000)))
w("long-word.txt", "Long\n\nThe " + "a" * 1000000 + " was here.\n")
w("agreements.txt", "Deals\n\n" +
  "Russia and China signed an agreement on trade. " * 12500)
w("every-codepoint.txt", "Every\n\n" + "".join(
  chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF))
w("ascii-1-127.txt", bytes(range(1, 128)) * 1000)
w("every-byte.bin", bytes(range(256)) * 64)
w("bytes-1-255.bin", bytes(range(1, 256)) * 64)
w("over-the-limit.txt", b"x" * (16 * 1024 * 1024 + 1))
PY
  for f in "$big"/*; do
    name=${f##*/}
    case $name in
      every-byte.bin) want=4 pat='NUL|binary' ;;
      bytes-1-255.bin) want=4 pat='UTF-8' ;;
      over-the-limit.txt) want=4 pat='large|limit' ;;
      *) want=0 pat= ;;
    esac
    run extract "$f"
    if [ "$rc" -eq 124 ]; then
      fail "$name: no answer within ${HOSTILE_TIMEOUT}s"
    elif [ "$want" -eq 0 ]; then
      if [ "$rc" -eq 0 ] && [ -s "$tmp/out" ] &&
         rapper -q -i turtle -c "$tmp/out" http://example.org/ > /dev/null 2>&1
      then pass; else
        fail "$name: exit $rc (want 0 and Turtle rapper reads): $(err1)"
      fi
    elif one_line_error "$want" && grep -qiE "$pat" "$tmp/err"; then
      pass
    else
      fail "$name: exit $rc, want $want and one line matching '$pat': $(err1)"
    fi
  done
fi

# ------------------------------------------------------------ 5. faults

# -o FILE writes FILE.tmp.XXXXXX and renames it: a full disk (here a file size
# limit, which makes write() fail with EFBIG like ENOSPC) or an unwritable
# target leaves no FILE and no FILE.tmp, with exit 6 and one line.
if [ -z "$VALGRIND" ]; then
  mkdir -p "$tmp/o"
  arts=$(ls tests/articles/*.txt | head -n 4)
  # shellcheck disable=SC2086
  (ulimit -f 8; trap '' XFSZ
   exec timeout "$HOSTILE_TIMEOUT" "$NG_BIN" extract -q -o "$tmp/o/full.nq" \
     $arts $arts $arts) < /dev/null > "$tmp/out" 2> "$tmp/err"
  rc=$?
  if one_line_error 6 && [ ! -e "$tmp/o/full.nq" ] &&
     ! ls "$tmp/o/full.nq.tmp"* > /dev/null 2>&1; then pass; else
    fail "-o on a full disk (ulimit -f): exit $rc, want 6, one line and no file left: $(err1) $(ls "$tmp/o")"
  fi
  # the same with a file already there: it is kept as it was
  echo "old graph" > "$tmp/o/keep.nq"
  # shellcheck disable=SC2086
  (ulimit -f 8; trap '' XFSZ
   exec timeout "$HOSTILE_TIMEOUT" "$NG_BIN" extract -q -o "$tmp/o/keep.nq" \
     $arts $arts $arts) < /dev/null > "$tmp/out" 2> "$tmp/err"
  rc=$?
  if one_line_error 6 && [ "$(cat "$tmp/o/keep.nq")" = "old graph" ] &&
     ! ls "$tmp/o/keep.nq.tmp"* > /dev/null 2>&1; then pass; else
    fail "-o on a full disk over an old file: exit $rc, want 6 and the old file kept: $(err1)"
  fi
  mkdir -p "$tmp/o/a-dir"
  run extract -o "$tmp/o/a-dir" tests/articles/wikinews-2019-104.txt
  if one_line_error 6 && [ -d "$tmp/o/a-dir" ] &&
     ! ls "$tmp/o/a-dir.tmp"* > /dev/null 2>&1; then pass; else
    fail "-o onto a directory: exit $rc, want 6 and the directory kept: $(err1)"
  fi
fi

# A store another process holds locked.  lock_store MODE SECS: a python
# sqlite3 connection holds the store (MODE exclusive: no one may read or
# write; shared: a read transaction, so a writer cannot commit) for SECS.
db=$tmp/locked.db
lock_store() {
  : > "$tmp/lock.out"
  python3 - "$db" "$1" "$2" > "$tmp/lock.out" 2>&1 <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    c.execute("BEGIN EXCLUSIVE")
else:
    c.execute("BEGIN")
    c.execute("SELECT COUNT(*) FROM triples").fetchone()
print("locked", flush=True)
time.sleep(float(sys.argv[3]))
c.execute("COMMIT")
PY
  lock_pid=$!
  for _ in $(seq 1 50); do grep -qs locked "$tmp/lock.out" && break; sleep 0.1; done
}
unlock_store() { kill "$lock_pid" 2> /dev/null; wait "$lock_pid" 2> /dev/null; }
triples() { # the store's triple count, or "?"
  run query --store "$db" -f csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  sed -n 2p "$tmp/out" | tr -d '\r' | grep -E '^[0-9]+$' || echo "?"
}
run load --store "$db" tests/articles/wikinews-2019-104.txt
if [ "$rc" -eq 0 ]; then
  before=$(triples)
  # held longer than --wait: a clear error (exit 7) once the wait is over
  lock_store exclusive 60
  start=$SECONDS
  run load --store "$db" --wait 1 tests/articles/wikinews-2019-113.txt
  took=$((SECONDS - start))
  unlock_store
  if one_line_error 7 && grep -qiE 'lock|busy' "$tmp/err" &&
     grep -q 'waiting' "$tmp/err" && [ "$took" -le 15 ]; then pass; else
    fail "load into a locked store, --wait 1: exit $rc in ${took}s, want 7 and 'locked ... waiting' soon after: $(err1)"
  fi
  # released within the default wait: the load waits, then succeeds
  for mode in exclusive shared; do
    lock_store "$mode" 2
    run load --store "$db" tests/articles/wikinews-2019-113.txt
    unlock_store
    if [ "$rc" -eq 0 ] && grep -q 'wikinews-2019-113' "$tmp/out"; then pass
    else
      fail "load while the store is held ($mode) for 2 s: exit $rc, want 0 after waiting: $(err1)"
    fi
  done
  after=$(triples)
  run load --store "$db" --wait 0 tests/articles/wikinews-2019-113.txt
  again=$(triples)
  if [ "$before" != "?" ] && [ "$after" -gt "$before" ] &&
     [ "$after" = "$again" ]; then pass; else
    fail "the store after the locked loads: $before, $after, $again triples (want more, then the same on reload)"
  fi
else
  fail "load into a new store: exit $rc: $(err1)"
fi

# TLS failures (a plain HTTP server spoken to with https://, a self-signed
# certificate): exit 8, and the password never printed.
if command -v openssl > /dev/null; then
  pw=hostile-Pw-$$-sEcReT
  port_file=$tmp/port
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" > /dev/null 2>&1
  python3 - "$tmp" <<'PY' > /dev/null 2>&1 &
import http.server, os, ssl, sys, threading
tmp = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"x")
    do_PUT = do_POST = do_GET
    def log_message(self, *a): pass
plain = http.server.HTTPServer(("127.0.0.1", 0), H)
tls = http.server.HTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem"))
tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
for s in (plain, tls):
    threading.Thread(target=s.serve_forever, daemon=True).start()
with open(os.path.join(tmp, "port.tmp"), "w") as f:
    f.write("%d %d\n" % (plain.server_address[1], tls.server_address[1]))
os.rename(os.path.join(tmp, "port.tmp"), os.path.join(tmp, "port"))
threading.Event().wait(120)
PY
  tls_pid=$!
  for _ in $(seq 1 50); do [ -s "$port_file" ] && break; sleep 0.1; done
  read -r plain_port tls_port < "$port_file" 2> /dev/null
  ttl=$tmp/push.ttl
  printf '<http://example.org/s> <http://example.org/p> "o" .\n' > "$ttl"
  for url in "https://127.0.0.1:$plain_port/data" \
             "https://localhost:$tls_port/data"; do
    NEWSGRAPH_PASSWORD=$pw run push --endpoint "$url" --user dba \
      --retries 0 "$ttl"
    if [ "$rc" -eq 8 ] && grep -qiE 'ssl|tls|certificate|handshake' "$tmp/err" &&
       ! grep -qF "$pw" "$tmp/out" "$tmp/err"; then pass; else
      fail "push to $url (TLS failure): exit $rc, want 8, a TLS message and no password: $(err1)"
    fi
  done
  run extract "https://localhost:$tls_port/article.txt"
  if [ "$rc" -ne 0 ] && grep -qiE 'ssl|tls|certificate' "$tmp/err"; then pass
  else
    fail "extract of a URL with a self-signed certificate: exit $rc, want a failure naming the certificate: $(err1)"
  fi
  kill "$tls_pid" 2> /dev/null
  wait "$tls_pid" 2> /dev/null
fi

# ------------------------------------------------------------ 6.- issue 13
# shellcheck source=tests/hostile/round2.sh
. "$dir/round2.sh"
# shellcheck source=tests/hostile/round3.sh
. "$dir/round3.sh"

# valgrind's reports, the counts
finish
