#!/usr/bin/env bash
# tests/batch/run.sh - batch extraction: many inputs, folders, stdin, JSON
# Lines, HTML pages, URLs (a local server), -j identity, -o atomicity, the
# failure summary and exit 10, streaming N-Quads and TriG that rapper
# reads, --merge, the progress line, and the GNU parallel recipe of
# docs/scale.md.  Ends with "N passed, N failed".
#
# Environment: NG_BIN (default ./newsgraph), NG_SHARED (default ../shared).
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" batch || exit 1
data=tests/batch/data
arts=tests/articles

server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null; }
# ng: the CLI under valgrind with VALGRIND=1
ng_valgrind=stderr

# graphs FILE: the distinct graph names of an N-Quads file
graphs() { sed -n 's/.* \(<[^>]*>\) \.$/\1/p' "$1" | LC_ALL=C sort -u; }
nquads_ok() { [ -s "$1" ] && rapper -q -i nquads -c "$1" > /dev/null 2>&1; }
# canon FILE SYNTAX: the statements as sorted N-Triples (graphs dropped)
canon() { rapper -q -i "$2" -o ntriples "$1" http://example.org/ 2> /dev/null |
          LC_ALL=C sort -u; }

# ------------------------------------------------------------ many files

run extract "$arts"/*.txt
n_arts=$(ls "$arts"/*.txt | wc -l)
if [ "$rc" -eq 0 ] && nquads_ok "$tmp/out" &&
   [ "$(graphs "$tmp/out" | wc -l)" -eq "$n_arts" ]; then pass; else
  fail "many files: exit $rc, want N-Quads with $n_arts graphs: $(errs 3)"
fi
cp "$tmp/out" "$tmp/many.nq"

# each article's graph holds exactly what the one-article run gives
ok=1
for f in "$arts"/*.txt; do
  ng extract -f ntriples "$f" > "$tmp/one.nt" 2> /dev/null
  iri=$(ng extract -f ntriples "$f" 2> /dev/null |
        sed -n 's/^\(<[^>]*>\) <http:\/\/www.w3.org\/1999\/02\/22-rdf-syntax-ns#type> <https:\/\/w3id.org\/newsgraph\/ns#Article> \.$/\1/p')
  grep -F " $iri ." "$tmp/many.nq" | sed "s| $iri \\.\$| .|" > "$tmp/part.nt"
  [ "$(canon "$tmp/one.nt" ntriples)" = "$(canon "$tmp/part.nt" ntriples)" ] ||
    { ok=0; fail "many files: the graph of $f differs from its single run"; }
done
[ "$ok" = 1 ] && pass

# one input stays as it was: Turtle, and the same bytes as -f turtle
run extract "$arts/wikinews-2019-104.txt"
ng extract -f turtle "$arts/wikinews-2019-104.txt" > "$tmp/one.ttl" 2> /dev/null
if [ "$rc" -eq 0 ] && head -n 1 "$tmp/out" | grep -q '^@prefix' &&
   cmp -s "$tmp/out" "$tmp/one.ttl" && [ ! -s "$tmp/err" ]; then pass; else
  fail "one input: exit $rc, want the Turtle of today and a quiet stderr"
fi

# many articles want a stream syntax or --merge
run extract -f turtle "$arts"/*.txt
if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ]; then pass; else
  fail "many files -f turtle: exit $rc, want 2 (usage)"
fi

# usage errors: exit 2, one line, nothing on stdout
for args in "-j 0 $arts/wikinews-2019-104.txt" "--input xml $arts/wikinews-2019-104.txt" \
            "--source http://example.org/a $arts/wikinews-2019-104.txt $arts/wikinews-2019-113.txt" \
            "--merge -f trig $arts/wikinews-2019-104.txt $arts/wikinews-2019-113.txt"; do
  # shellcheck disable=SC2086
  run extract $args
  if [ "$rc" -eq 2 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && [ ! -s "$tmp/out" ]
  then pass; else fail "usage: extract $args: exit $rc, want 2: $(errs 3)"; fi
done
# --input text reads an .html file as text; --input html a .txt as a page
cp "$data/page.html" "$tmp/page.txt"
run extract --text --input html "$tmp/page.txt"
if [ "$rc" -eq 0 ] && ! grep -q '<p>' "$tmp/out"; then pass; else
  fail "--input html on a .txt file: exit $rc"
fi
run extract --text --input text "$data/page.html"
if [ "$rc" -eq 0 ] && grep -q '<p>' "$tmp/out"; then pass; else
  fail "--input text on an .html file: exit $rc"
fi

# ------------------------------------------------------------ folders

mkdir -p "$tmp/tree/b" "$tmp/tree/a/deep"
cp "$arts/wikinews-2019-104.txt" "$tmp/tree/b/x.txt"
cp "$arts/wikinews-2019-113.txt" "$tmp/tree/a/deep/y.txt"
cp "$arts/wikinews-2019-144.txt" "$tmp/tree/a/z.txt"
cp "$data/page.html" "$tmp/tree/a/page.html"
echo "not an article, wrong extension" > "$tmp/tree/a/notes.md"
run extract "$tmp/tree"
ng extract "$tmp/tree/a/deep/y.txt" "$tmp/tree/a/page.html" \
  "$tmp/tree/a/z.txt" "$tmp/tree/b/x.txt" > "$tmp/listed.nq" 2> /dev/null
if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" "$tmp/listed.nq" &&
   [ "$(graphs "$tmp/out" | wc -l)" -eq 4 ]; then pass; else
  fail "folder: exit $rc, want the 4 articles in sorted path order: $(errs 3)"
fi

run extract tests/bad/a-directory
if [ "$rc" -eq 3 ] && grep -q 'no articles' "$tmp/err"; then pass; else
  fail "folder without articles: exit $rc, want 3: $(errs 3)"
fi

# ------------------------------------------------------------ stdin

ng extract - < "$arts/wikinews-2019-104.txt" > "$tmp/stdin.ttl" 2> /dev/null
check "stdin: - gives the same Turtle as the file" \
  cmp -s "$tmp/stdin.ttl" "$tmp/one.ttl"
ng extract "$arts/wikinews-2019-113.txt" - < "$arts/wikinews-2019-104.txt" \
  > "$tmp/out" 2> /dev/null
rc=$?
if [ "$rc" -eq 0 ] && [ "$(graphs "$tmp/out" | wc -l)" -eq 2 ]; then pass
else fail "file and stdin: exit $rc, want two graphs"; fi

# ------------------------------------------------------------ JSON Lines

python3 - "$arts" > "$tmp/in.jsonl" << 'PY'
import json, sys
d = sys.argv[1]
def body(name):
    with open(d + "/" + name, encoding="utf-8") as f:
        lines = f.read().split("\n", 1)
    return lines[0], lines[1].strip("\n")
with open(d + "/wikinews-2019-104.txt", encoding="utf-8") as f:
    whole = f.read()
print(json.dumps({"id": "a1", "url": "https://news.example.org/a1",
                  "title": whole.split("\n", 1)[0], "date": "2019-03-04",
                  "author": "Jo Writer", "text": whole}))
print('{"id": "bad", "text": "unterminated')
t, b = body("wikinews-2019-113.txt")
print(json.dumps({"id": 2, "title": t, "text": t + "\n\n" + b,
                  "author": ["Ann One", {"name": "Bob Two"}]}))
print("")
print(json.dumps({"id": "notext", "title": "A title and nothing else"}))
with open("tests/batch/data/page.html", encoding="utf-8") as f:
    print(json.dumps({"id": "page", "url": "https://other.example/p",
                      "html": f.read()}))
PY
run extract -q "$tmp/in.jsonl"
if [ "$rc" -eq 10 ]; then pass; else fail "jsonl: exit $rc, want 10"; fi
if nquads_ok "$tmp/out" && [ "$(graphs "$tmp/out" | wc -l)" -eq 3 ]; then
  pass
else
  fail "jsonl: want N-Quads with the 3 good records"
fi
if tail -n 1 "$tmp/err" | grep -q '3 ok, 2 failed' &&
   grep -q "in.jsonl:2'.*JSON" "$tmp/err" &&
   grep -q "in.jsonl:5'.*text" "$tmp/err"; then pass; else
  fail "jsonl: summary with the bad line and the missing text: $(errs 3)"
fi
s=http://schema.org/
if grep -q "<${s}datePublished> \"2019-03-04\"^^<http://www.w3.org/2001/XMLSchema#date>" "$tmp/out" &&
   grep -q "<${s}url> <https://news.example.org/a1>" "$tmp/out" &&
   grep -q "<${s}author> \"Jo Writer\"" "$tmp/out" &&
   grep -q "<${s}author> \"Bob Two\"" "$tmp/out" &&
   grep -q "<${s}identifier> \"a1\"" "$tmp/out" &&
   grep -q "<https://w3id.org/newsgraph/ns#headline> \"Geneva talks end without agreement\"" "$tmp/out" &&
   grep -q "<${s}url> <https://other.example/p>" "$tmp/out"; then pass; else
  fail "jsonl: metadata (date, url, authors, id, headline) missing"
fi
# the same record as text gives the same article IRI as the file
iri104=$(ng extract -f ntriples "$arts/wikinews-2019-104.txt" |
         grep -o '<https://w3id.org/newsgraph/id/article/[0-9a-f]*>' | head -n 1)
check "jsonl: title + text is the article of the file (same IRI)" \
  grep -qF "$iri104 ." "$tmp/out"
# stdin, recognised by its first byte
grep -v bad "$tmp/in.jsonl" | grep -v notext |
  ng extract -q - > "$tmp/stdin.nq" 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(graphs "$tmp/stdin.nq" | wc -l)" -eq 3 ]; then
  pass
else
  fail "jsonl on stdin: exit $rc, want 3 graphs: $(errs 3)"
fi

# records the extractor must refuse: a NUL in the text, a line over
# --max-bytes, a wrong type; the good record after them still comes out
long=$(head -c 3000 /dev/zero | tr '\0' a)
printf '%s\n' '{"text": "The minister said \u0000 it."}' \
  "{\"text\": \"$long\"}" '{"text": 42}' '[1, 2]' \
  '{"id": "ok", "text": "Talks went well, the minister said on Monday."}' \
  > "$tmp/refuse.jsonl"
run extract --max-bytes 2k "$tmp/refuse.jsonl"
if [ "$rc" -eq 10 ] && grep -q 'refuse.jsonl:1.*NUL' "$tmp/err" &&
   grep -q 'refuse.jsonl:2.*longer than' "$tmp/err" &&
   grep -q 'refuse.jsonl:3.*not a string' "$tmp/err" &&
   grep -q 'refuse.jsonl:4.*object' "$tmp/err" &&
   grep -q '1 ok, 4 failed' "$tmp/err" &&
   [ "$(graphs "$tmp/out" | wc -l)" -eq 1 ]; then pass; else
  fail "jsonl: refused records: exit $rc: $(errs 3)"
fi

# ------------------------------------------------------------ HTML

run extract --text "$data/page.html"
if [ "$rc" -eq 0 ] && head -n 1 "$tmp/out" | grep -qx 'Geneva talks end without agreement' &&
   grep -q 'three hours of talks\.$' "$tmp/out" &&
   grep -qx 'Arms control' "$tmp/out" &&
   ! grep -q -- '-TEXT' "$tmp/out" &&
   [ "$(sed -n 2p "$tmp/out")" = "" ] &&
   ! grep -q '  ' "$tmp/out"; then pass; else
  fail "html: text is the headline and paragraphs only: $(head -c 300 "$tmp/out" | tr '\n' '|')"
fi
run extract "$data/page.html"
if [ "$rc" -eq 0 ] &&
   grep -q 'schema:datePublished "2021-06-16T18:30:00Z"^^xsd:dateTime' "$tmp/out" &&
   grep -q '"Anna Lindqvist", "Tom Okafor"' "$tmp/out" &&
   grep -q 'person:vladimir-putin' "$tmp/out" &&
   grep -q 'ng:DirectQuote' "$tmp/out"; then pass; else
  fail "html: graph with JSON-LD metadata, persons and the quote: $(errs 3)"
fi
# meta tags when there is no JSON-LD; <p> of <body> when no <article>
cat > "$tmp/plain.html" << 'EOF2'
<html><head><meta property="og:title" content="Minister resigns">
<meta property="article:published_time" content="2020-01-02">
<meta name="author" content="Kim Reporter"></head>
<body><nav><p>Home NAVP</p></nav><p>The finance minister, Jane Doe, resigned on Monday.</p>
<p>"It was time," Doe said.</p><footer><p>FOOTP</p></footer></body></html>
EOF2
run extract --text "$tmp/plain.html"
if [ "$rc" -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "Minister resigns" ] &&
   grep -q 'Jane Doe, resigned' "$tmp/out" && ! grep -q 'NAVP\|FOOTP' "$tmp/out"
then pass; else fail "html: meta tags and body paragraphs"; fi
run extract -f ntriples "$tmp/plain.html"
check "html: meta author and date" \
  grep -q '"Kim Reporter"' "$tmp/out"
# the main <article>, not a teaser <article> in an aside or a short one
cat > "$tmp/teasers.html" << 'EOF2'
<html><body><aside><article><p>Teaser one TEASER-TEXT</p></article></aside>
<article><p>Short card CARD-TEXT</p></article>
<article><h1>Strike ends</h1><p>Rail workers ended their strike on Friday after
talks with the transport minister, the union said.</p>
<p>"We have a deal," union leader Mick Lynch told reporters.</p></article>
</body></html>
EOF2
run extract --text "$tmp/teasers.html"
if [ "$rc" -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "Strike ends" ] &&
   grep -q 'Mick Lynch' "$tmp/out" && ! grep -q -- '-TEXT' "$tmp/out"; then
  pass
else
  fail "html: the longest <article> outside boilerplate: $(tr '\n' '|' < "$tmp/out" | head -c 200)"
fi
printf '%s\n' '<html><head><title>T</title></head><body><div><p>Intro PROMO-TEXT</p></div>' \
  '<div itemprop="articleBody"><p>The court ruled on Tuesday.</p></div></body></html>' \
  > "$tmp/micro.html"
run extract --text "$tmp/micro.html"
if [ "$rc" -eq 0 ] && grep -q 'court ruled' "$tmp/out" &&
   ! grep -q PROMO "$tmp/out"; then pass; else
  fail "html: itemprop=articleBody: $(tr '\n' '|' < "$tmp/out" | head -c 200)"
fi
# pages are checked as text is: NUL bytes and bad UTF-8 (with no charset
# declared) are refused; a declared charset is converted
for f in nul-byte.txt latin1.txt surrogate-utf8.txt; do
  run extract --input html "tests/bad/$f"
  if [ "$rc" -eq 4 ] && grep -q 'NUL\|UTF-8' "$tmp/err"; then pass; else
    fail "html: tests/bad/$f as a page: exit $rc, want 4: $(errs 3)"
  fi
done
printf '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\351 owner Jos\351 Garc\355a said the talks failed.</p></body></html>' \
  > "$tmp/latin1.html"
run extract --text "$tmp/latin1.html"
if [ "$rc" -eq 0 ] && grep -q 'Café owner José García' "$tmp/out"; then pass
else fail "html: a Latin-1 page with its charset: exit $rc: $(errs 3)"; fi
printf '<html><body><nav>only navigation</nav></body></html>' > "$tmp/empty.html"
run extract "$tmp/empty.html"
if [ "$rc" -eq 4 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ]; then pass; else
  fail "html without text: exit $rc, want 4 and one line: $(errs 3)"
fi

# ------------------------------------------------------------ -j identity

mkdir -p "$tmp/corpus"
if [ -d "$NG_SHARED/corpus" ]; then
  find "$NG_SHARED/corpus" -name '*.txt' | LC_ALL=C sort | awk 'NR % 40 == 1' |
    head -n "$([ -n "$VALGRIND" ] && echo 8 || echo 60)" |
    while IFS= read -r f; do
      cp "$f" "$tmp/corpus/$(echo "${f#"$NG_SHARED"/corpus/}" | tr '/' '_')"
    done
fi
cp "$tmp/in.jsonl" "$tmp/corpus/zz.jsonl"
ng extract -q -j 1 "$tmp/corpus" > "$tmp/j1.nq" 2> /dev/null
r1=$?
ng extract -q -j 2 "$tmp/corpus" > "$tmp/j2.nq" 2> /dev/null
r2=$?
ng extract -q -j 7 "$tmp/corpus" > "$tmp/j7.nq" 2> /dev/null
if [ "$r1" -eq 10 ] && [ "$r2" -eq 10 ] && [ -s "$tmp/j1.nq" ] &&
   cmp -s "$tmp/j1.nq" "$tmp/j2.nq" && cmp -s "$tmp/j1.nq" "$tmp/j7.nq"; then
  pass
else
  fail "-j 1, -j 2 and -j 7 differ (exits $r1 $r2)"
fi
check "streamed N-Quads parse (rapper -i nquads)" nquads_ok "$tmp/j1.nq"
ng extract -q -f trig -j 2 "$tmp/corpus" > "$tmp/j.trig" 2> /dev/null
if [ "$(canon "$tmp/j.trig" trig)" = "$(canon "$tmp/j1.nq" nquads)" ]; then
  pass
else
  fail "-f trig: not the same statements as the N-Quads"
fi

# --merge: one Turtle graph with every statement
ng extract -q --merge "$arts"/*.txt > "$tmp/merged.ttl" 2> /dev/null
if [ "$(canon "$tmp/merged.ttl" turtle)" = "$(canon "$tmp/many.nq" nquads)" ]
then pass; else fail "--merge: not the union of the article graphs"; fi

# ------------------------------------------------------------ -o

out=$tmp/o/result.nq
mkdir -p "$tmp/o"
run extract -o "$out" "$arts"/*.txt
if [ "$rc" -eq 0 ] && cmp -s "$out" "$tmp/many.nq" && ! ls "$out.tmp"* > /dev/null 2>&1 &&
   [ ! -s "$tmp/out" ]; then pass; else
  fail "-o: exit $rc, want the file and no .tmp"
fi
echo "old content" > "$tmp/o/keep.ttl"
run extract -o "$tmp/o/keep.ttl" tests/bad/empty.txt
if [ "$rc" -eq 4 ] && [ "$(cat "$tmp/o/keep.ttl")" = "old content" ] &&
   ! ls "$tmp/o/keep.ttl.tmp"* > /dev/null 2>&1; then pass; else
  fail "-o with a failing article: exit $rc, want 4 and the old file kept"
fi
run extract -o "$tmp/o/new.ttl" tests/bad/does-not-exist.txt
check "-o with a missing input leaves no file" test ! -e "$tmp/o/new.ttl"
run extract -o "$tmp/no-such-dir/x.nq" "$arts"/*.txt
if [ "$rc" -eq 6 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ]; then pass; else
  fail "-o into a missing folder: exit $rc, want 6: $(errs 3)"
fi
# a failing article in a batch: the others are written, exit 10
run extract -o "$tmp/o/some.nq" "$arts/wikinews-2019-104.txt" tests/bad/empty.txt
if [ "$rc" -eq 10 ] && [ "$(graphs "$tmp/o/some.nq" | wc -l)" -eq 1 ] &&
   grep -q '1 ok, 1 failed' "$tmp/err"; then pass; else
  fail "-o with one failed article of two: exit $rc: $(errs 3)"
fi
# killed half-way: neither FILE nor its temporary FILE.tmp.XXXXXX (the
# input is large enough to be still running when killed, however fast)
set --
for i in $(seq 1 400); do set -- "$@" "$tmp/corpus"; done
timeout 120 "$NG_BIN" extract -q -j 1 -o "$tmp/o/killed.nq" "$@" \
  2> /dev/null &
pid=$!
for i in $(seq 1 250); do
  ls "$tmp/o"/killed.nq.tmp* > /dev/null 2>&1 && break
  sleep 0.02
done
sleep 0.2
kill -TERM "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
if [ ! -e "$tmp/o/killed.nq" ] &&
   ! ls "$tmp/o"/killed.nq.tmp* > /dev/null 2>&1; then pass
else fail "-o killed half-way: a file was left behind"; fi

# ------------------------------------------------------------ progress

run extract "$arts"/*.txt
if ! grep -q 'articles/s' "$tmp/err"; then pass; else
  fail "progress line written although stderr is not a terminal"
fi
if command -v script > /dev/null; then
  script -qec "$NG_BIN extract -o $tmp/tty.nq $arts/*.txt" /dev/null \
    > "$tmp/tty.out" 2>&1 < /dev/null
  if grep -q 'articles/s' "$tmp/tty.out" && grep -q 'MB/s' "$tmp/tty.out"
  then pass; else fail "no progress line on a terminal"; fi
  script -qec "$NG_BIN extract -q -o $tmp/tty.nq $arts/*.txt" /dev/null \
    > "$tmp/tty.out" 2>&1 < /dev/null
  if [ ! -s "$tmp/tty.out" ]; then pass; else
    fail "-q: something on the terminal: $(head -c 200 "$tmp/tty.out")"
  fi
fi

# ------------------------------------------------------------ URLs

mkdir -p "$tmp/www"
cp "$data/page.html" "$tmp/www/page.html"
cp "$arts/wikinews-2019-104.txt" "$tmp/www/a.txt"
python3 tests/batch/server.py "$tmp/www" "$tmp/port" 2> /dev/null &
server_pid=$!
for i in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
port=$(cat "$tmp/port" 2> /dev/null)
if [ -z "$port" ]; then
  fail "url: the local test server did not start"
else
  u=http://127.0.0.1:$port
  run extract -f ntriples "$u/redirect/2/page.html"
  if [ "$rc" -eq 0 ] && grep -q "<http://schema.org/url> <$u/page.html>" "$tmp/out" &&
     grep -q "^<$u/page.html> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ns#Article> \.\$" "$tmp/out" &&
     grep -q "^<$u/page.html#statement-1> " "$tmp/out" &&
     grep -q 'vladimir-putin' "$tmp/out"; then pass; else
    fail "url: page after 2 redirects, named by its final URL: exit $rc: $(errs 3)"
  fi
  run extract -q "$u/redirect/1/a.txt#frag" "$u/page.html"
  if [ "$rc" -eq 0 ] && [ "$(graphs "$tmp/out")" = "$(printf '<%s>\n<%s>' "$u/a.txt" "$u/page.html")" ]
  then pass; else
    fail "url: graphs named by the final URLs, fragment dropped: exit $rc: $(graphs "$tmp/out" | tr '\n' ' ')"
  fi
  run extract "$u/a.txt"
  if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" "$tmp/one.ttl"; then :; fi
  run extract -f ntriples "$u/a.txt"
  check "url: a text article" grep -q "person:" <(sed 's|https://w3id.org/newsgraph/id/person/|person:|' "$tmp/out")
  run extract --max-redirects 1 "$u/redirect/3/page.html"
  if [ "$rc" -eq 8 ] && grep -q redirect "$tmp/err"; then pass; else
    fail "url: too many redirects: exit $rc, want 8: $(errs 3)"
  fi
  run extract "$u/missing.html"
  if [ "$rc" -eq 8 ] && grep -q 404 "$tmp/err"; then pass; else
    fail "url: 404: exit $rc, want 8: $(errs 3)"
  fi
  run extract --max-bytes 100k "$u/big"
  if [ "$rc" -eq 8 ] && grep -q 'larger than' "$tmp/err"; then pass; else
    fail "url: size limit: exit $rc, want 8: $(errs 3)"
  fi
  start=$(date +%s)
  run extract --timeout 1 "$u/hang"
  took=$(( $(date +%s) - start ))
  if [ "$rc" -eq 8 ] && [ "$took" -le 10 ]; then pass; else
    fail "url: timeout: exit $rc after ${took}s, want 8 within 10 s"
  fi
  run extract -q "$u/page.html" "$u/missing.html" "file://$PWD/$arts/wikinews-2019-104.txt"
  if [ "$rc" -eq 10 ] && [ "$(graphs "$tmp/out" | wc -l)" -eq 2 ]; then pass
  else fail "urls in a batch: exit $rc, want 10 and 2 graphs: $(errs 3)"; fi
  run extract ftp://127.0.0.1/x.txt
  if [ "$rc" -ne 0 ]; then pass; else fail "ftp:// accepted"; fi
fi

# ------------------------------------------------------------ GNU parallel

# docs/scale.md: JSON Lines through `parallel --pipe`, sorted output equal
# to the single process's sorted output.
if command -v parallel > /dev/null; then
  python3 - "$tmp/corpus" > "$tmp/par.jsonl" << 'PY'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    if name.endswith(".txt"):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            print(json.dumps({"id": name, "text": f.read()}))
PY
  ng extract -q -j 1 "$tmp/par.jsonl" | LC_ALL=C sort > "$tmp/par1.nq"
  parallel --will-cite --pipe --block 20k -j 2 --keep-order \
    "$NG_BIN" extract -q -j 1 - < "$tmp/par.jsonl" 2> "$tmp/par.err" |
    LC_ALL=C sort > "$tmp/par2.nq"
  if [ -s "$tmp/par1.nq" ] && cmp -s "$tmp/par1.nq" "$tmp/par2.nq"; then pass
  else fail "GNU parallel --pipe: sorted output differs from one process: $(head -c 200 "$tmp/par.err")"; fi
  # and with --keep-order, the very same bytes
  ng extract -q -j 1 "$tmp/par.jsonl" > "$tmp/par1k.nq"
  parallel --will-cite --pipe --block 20k -j 2 --keep-order \
    "$NG_BIN" extract -q -j 1 - < "$tmp/par.jsonl" > "$tmp/par2k.nq" 2> /dev/null
  check "GNU parallel --pipe --keep-order: the bytes of one process" \
    cmp -s "$tmp/par1k.nq" "$tmp/par2k.nq"
else
  fail "GNU parallel not installed (scripts/deps.sh installs it)"
fi

# docs/scale.md: Virtuoso's bulk loader (ld_dir + rdf_loader_run) takes the
# N-Quads with one graph per article.
if command -v virtuoso-t > /dev/null && command -v isql-vt > /dev/null; then
  if bash scripts/virtuoso.sh start "$vdir" > "$tmp/venv" 2> "$tmp/verr"; then
    # shellcheck source=/dev/null
    . "$tmp/venv"
    cp "$tmp/many.nq" "$vdir/articles.nq"
    isql-vt "127.0.0.1:$VIRT_SQL_PORT" "$VIRT_USER" "$VIRT_PASSWORD" \
      exec="ld_dir('$vdir', '*.nq', 'https://w3id.org/newsgraph/graph/x');
            rdf_loader_run(); checkpoint;
            sparql select count(distinct ?g) as ?graphs count(*) as ?n
              where { graph ?g { ?s ?p ?o }
                      filter(strstarts(str(?g), 'https://w3id.org/newsgraph/id/article/')) };" \
      > "$tmp/isql.out" 2>&1
    want="$n_arts $(LC_ALL=C sort -u "$tmp/many.nq" | wc -l)"
    got=$(awk '/^[0-9]+ +[0-9]+ *$/ { print $1, $2 }' "$tmp/isql.out" | tail -n 1)
    if [ "$got" = "$want" ]; then pass; else
      fail "virtuoso bulk load: graphs and triples '$got', want '$want'"
    fi
    bash scripts/virtuoso.sh stop "$vdir" > /dev/null 2>&1
  else
    fail "virtuoso bulk load: cannot start Virtuoso: $(head -c 200 "$tmp/verr")"
  fi
fi

finish
