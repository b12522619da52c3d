# tests/cli/extract.sh - CLI tests for the command line and `extract`.
# Sourced by tests/run.sh, whose helpers it uses: run, pass, fail,
# expect_error, turtle_ok, stderr_line, $tmp, $rc.

cli_article=tests/articles/wikinews-2019-104.txt
cli_version=$(sed -n 's/^#define NG_VERSION "\(.*\)"/\1/p' include/newsgraph.h)

# --help and --version go to stdout and exit 0.
run --help
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q extract "$tmp/out" &&
   grep -qi exit "$tmp/out"; then
  pass
else
  fail "--help: exit $rc, want 0, help naming 'extract' and the exit codes on stdout"
fi
cp "$tmp/out" "$tmp/help"
run extract --help
if [ "$rc" -eq 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then pass; else
  fail "extract --help: exit $rc, want 0 and help on stdout"
fi
cat "$tmp/out" >> "$tmp/help"
run --version
if [ "$rc" -eq 0 ] && grep -qF -- "$cli_version" "$tmp/out"; then pass; else
  fail "--version: exit $rc, want 0 and '$cli_version' on stdout"
fi

# Usage errors exit 2 with one line on stderr.
expect_error "unknown option" 2 '' --no-such-option --no-such-option
expect_error "unknown extract option" 2 '' --no-such-option \
  extract --no-such-option "$cli_article"
expect_error "unknown command" 2 '' frobnicate frobnicate
expect_error "unknown format" 2 '' no-such-format \
  extract -f no-such-format "$cli_article"
expect_error "--max-bytes not a number" 2 '' '' \
  extract --max-bytes lots "$cli_article"

# Missing data files exit 5; output that cannot be written exits 6.
expect_error "--data on a missing folder" 5 '' /nonexistent/newsgraph-data \
  extract --data /nonexistent/newsgraph-data "$cli_article"
ng extract "$cli_article" < /dev/null > /dev/full 2> "$tmp/err"
rc=$?
: > "$tmp/out"
if check_error 6 '' ''; then pass; else
  fail "writing to /dev/full:$why stderr: $(stderr_line)"
fi

# Every format that --help lists writes something; the RDF syntaxes that
# rapper reads give back as many triples as N-Triples has lines.
known="turtle ntriples nquads rdfxml rdfxml-abbrev json json-triples dot html
       atom rss-1.0"
listed=
for f in $known; do
  tr -c 'A-Za-z0-9.-' '\n' < "$tmp/help" | grep -qxF -- "$f" &&
    listed="$listed $f"
done
if [ -z "$listed" ]; then
  fail "--help lists none of the -f formats ($known)"
  listed=$known
else
  pass
fi
run extract -f ntriples "$cli_article"
ntriples=$(grep -c '^[<_]' "$tmp/out")
for f in $listed; do
  run extract -f "$f" "$cli_article"
  if [ "$rc" -ne 0 ] || [ ! -s "$tmp/out" ]; then
    fail "-f $f: exit $rc, empty output or error: $(stderr_line)"
    continue
  fi
  case $f in
    turtle | ntriples | nquads | rdfxml | rdfxml-abbrev)
      syntax=$f
      [ "$f" = rdfxml-abbrev ] && syntax=rdfxml
      n=$(rapper -q -i "$syntax" -o ntriples "$tmp/out" "$BASE_IRI" \
        2> /dev/null | grep -c '^[<_]')
      if [ "$n" -eq "$ntriples" ] && [ "$n" -gt 0 ]; then pass; else
        fail "-f $f: rapper reads $n triples back, ntriples has $ntriples"
      fi
      ;;
    *) pass ;;
  esac
done

# Deterministic: the same input twice gives the same bytes; stdin too.
run extract "$cli_article"
cp "$tmp/out" "$tmp/first.ttl"
run extract "$cli_article"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/first.ttl" "$tmp/out"; then pass; else
  fail "the same article twice gives different output"
fi
ng extract - < "$cli_article" > "$tmp/out" 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && cmp -s "$tmp/first.ttl" "$tmp/out"; then pass; else
  fail "extract - (stdin): exit $rc, or output differs from the file's"
fi

# IRIs: the article is <base>article/<first 16 hex of SHA-256>; --base
# moves every minted IRI; --source names the article.
ng_ns=https://w3id.org/newsgraph/ns#
rdf_type=http://www.w3.org/1999/02/22-rdf-syntax-ns#type
hash=$(sha256sum < "$cli_article" | cut -c 1-16)
run extract -f ntriples "$cli_article"
if grep -qF "<https://w3id.org/newsgraph/id/article/$hash> <$rdf_type> <${ng_ns}Article>" \
    "$tmp/out"; then pass; else
  fail "default article IRI is not https://w3id.org/newsgraph/id/article/$hash"
fi
run extract -f ntriples --base http://example.org/kg/ "$cli_article"
if [ "$rc" -eq 0 ] && grep -qF '<http://example.org/kg/person/' "$tmp/out" &&
   grep -qF "<http://example.org/kg/article/$hash>" "$tmp/out" &&
   ! grep -qF 'https://w3id.org/newsgraph/id/' "$tmp/out"; then pass; else
  fail "--base http://example.org/kg/ does not move the person and article IRIs"
fi
run extract -f ntriples --source http://example.org/news/1 "$cli_article"
if [ "$rc" -eq 0 ] &&
   grep -qF "<http://example.org/news/1> <$rdf_type> <${ng_ns}Article>" \
     "$tmp/out" && ! grep -qF "/article/$hash" "$tmp/out"; then pass; else
  fail "--source http://example.org/news/1 does not name the article"
fi

# Statements are <article>#statement-N, N = 1, 2, ... and their byte
# offsets lie inside the article.
run extract -f ntriples --source http://example.org/news/1 \
  examples/geneva-summit.txt
python3 - "$tmp/out" examples/geneva-summit.txt > "$tmp/stmt.out" 2>&1 <<'PY'
import re, sys
nt = open(sys.argv[1], encoding="utf-8").read()
size = len(open(sys.argv[2], "rb").read())
NG = "https://w3id.org/newsgraph/ns#"
ids = set(int(n) for n in re.findall(
    r"^<http://example\.org/news/1#statement-(\d+)>", nt, re.M))
if not ids:
    sys.exit("no <article>#statement-N subjects")
if ids != set(range(1, len(ids) + 1)):
    sys.exit("statement numbers are not 1..%d: %s" % (len(ids), sorted(ids)))
num = {}
for s, p, v in re.findall(r'^(<[^>]*>) <%s(beginIndex|endIndex)> "(\d+)"'
                          % re.escape(NG), nt, re.M):
    num.setdefault(s, {})[p] = int(v)
for s, d in num.items():
    b, e = d.get("beginIndex"), d.get("endIndex")
    if b is None or e is None or not 0 <= b < e <= size:
        sys.exit("%s: offsets %s..%s outside 0..%d" % (s, b, e, size))
PY
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/stmt.out" ]; then pass; else
  fail "statement IRIs and offsets: exit $rc: $(head -n 1 "$tmp/stmt.out")"
fi

# The example output in examples/ is what the extractor gives today (the
# README shows it): regenerate it with `make examples` after a change.
run extract examples/geneva-summit.txt
if [ "$rc" -eq 0 ] && cmp -s "$tmp/out" examples/geneva-summit.ttl; then pass; else
  fail "examples/geneva-summit.ttl is not the current output (make examples)"
fi

# -o follows a symbolic link (the link stays, its file is replaced) and
# writes a FIFO or device in place instead of replacing it.
ln -s "$tmp/real.ttl" "$tmp/link.ttl"
run extract -o "$tmp/link.ttl" examples/geneva-summit.txt
if [ "$rc" -eq 0 ] && [ -L "$tmp/link.ttl" ] && [ -s "$tmp/real.ttl" ]; then
  pass
else
  fail "-o through a symbolic link: exit $rc, link kept: $([ -L "$tmp/link.ttl" ] && echo yes || echo no)"
fi
mkfifo "$tmp/fifo"
cat "$tmp/fifo" > "$tmp/fifo.out" &
reader=$!
run extract -o "$tmp/fifo" examples/geneva-summit.txt
wait "$reader"
if [ "$rc" -eq 0 ] && [ -p "$tmp/fifo" ] && [ -s "$tmp/fifo.out" ]; then pass; else
  fail "-o onto a FIFO: exit $rc, still a FIFO: $([ -p "$tmp/fifo" ] && echo yes || echo no)"
fi

# --with-text: the article's whole text as schema:articleBody, the same
# triples in every syntax (the lines and the model path, the fast Turtle,
# JSON-LD read back), its byte offsets index it; off by default.
printf 'Quotes & "marks"\r\n\r\nMayor Ann Roe said: "We """won""" \\ <b>here</b>."\r\nTab\there\x01, caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d.\n' \
  > "$tmp/wt.txt"
for f in ntriples turtle rdfxml jsonld; do
  ng extract --with-text -f "$f" -o "$tmp/wt.$f" "$tmp/wt.txt" 2>/dev/null
done
ng extract -f ntriples "$tmp/wt.txt" > "$tmp/wt0.nt" 2>/dev/null
ng extract --with-text --merge -f turtle "$tmp/wt.txt" > "$tmp/wtm.turtle" 2>/dev/null
ng load -q --store "$tmp/wt.db" "$tmp/wt.jsonld" 2>/dev/null
ng query --store "$tmp/wt.db" -f ntriples \
  'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' > "$tmp/wtj.nt" 2>/dev/null
LC_ALL=C sort "$tmp/wt.ntriples" > "$tmp/wt1.nt"
rapper -q -i turtle -o ntriples "$tmp/wt.turtle" "$BASE_IRI" 2>/dev/null |
  LC_ALL=C sort > "$tmp/wt2.nt"
rapper -q -i rdfxml -o ntriples "$tmp/wt.rdfxml" "$BASE_IRI" 2>/dev/null |
  LC_ALL=C sort > "$tmp/wt3.nt"
LC_ALL=C sort "$tmp/wtj.nt" > "$tmp/wt4.nt"
if [ "$(grep -c 'schema.org/articleBody' "$tmp/wt1.nt")" = 1 ] &&
   ! grep -q articleBody "$tmp/wt0.nt" &&
   cmp -s "$tmp/wt1.nt" "$tmp/wt2.nt" && cmp -s "$tmp/wt1.nt" "$tmp/wt3.nt" &&
   cmp -s "$tmp/wt1.nt" "$tmp/wt4.nt" &&
   cmp -s "$tmp/wt.turtle" "$tmp/wtm.turtle"; then
  pass
else
  fail "--with-text: one schema:articleBody, the same in N-Triples, Turtle (fast and model), RDF/XML and JSON-LD, none by default"
fi
if python3 - "$tmp/wt.ntriples" "$tmp/wt.txt" <<'PY'
import re, sys
lit = r'"((?:[^"\\]|\\.)*)"'
esc = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
def un(s):
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) > 1
                  else esc[m.group(1)], s).encode()
body, st = None, {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'^<([^>]*)> <([^>]*)> ' + lit, line)
    if not m:
        continue
    s, p, o = m.groups()
    if p.endswith("articleBody"):
        body = un(o)
    elif p.endswith(("#text", "#beginIndex", "#endIndex")):
        st.setdefault(s, {})[p.split("#")[1]] = un(o)
raw = open(sys.argv[2], "rb").read()
want = raw.replace(b"\r", b" ").replace(b"\x01", b" ")
ok = body == want and st and all(
    body[int(v["beginIndex"]):int(v["endIndex"])] == v["text"]
    for v in st.values())
sys.exit(0 if ok else 1)
PY
then pass; else
  fail "--with-text: the body is the text byte for byte (CR, controls as spaces) and the offsets index it"
fi
ng extract -q --with-text -f nquads "$tmp/wt.txt" examples/geneva-summit.txt \
  > "$tmp/wt.nq" 2>/dev/null
rapper -q -i nquads -o ntriples "$tmp/wt.nq" "$BASE_IRI" 2>/dev/null \
  > "$tmp/wtq.nt"
if [ "$(grep -c 'schema.org/articleBody' "$tmp/wtq.nt")" = 2 ] &&
   grep -qxF "$(grep articleBody "$tmp/wt1.nt")" "$tmp/wtq.nt"; then
  pass
else
  fail "--with-text: N-Quads of many articles: a body each, as in N-Triples"
fi
