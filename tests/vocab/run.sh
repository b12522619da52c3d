#!/usr/bin/env bash
# tests/vocab/run.sh - the terms newsgraph writes are declared (issue 15).
#
#  1. vocabcheck.py over the output of 50 corpus articles (every 50th file
#     in sorted order), the example and an HTML page with its metadata:
#     every predicate and class is declared in ontology/newsgraph.ttl or
#     the shipped schema.org subset ontology/schemaorg.ttl; one schema.org
#     namespace (http://schema.org/) everywhere; no prefix of the Turtle
#     output or of ontology/context.jsonld clashes with a well-known one.
#     A crafted bad output must fail it (the check can fail).
#  2. Jena's OWL checker (OwlCheck.java, compiled here with javac against
#     Debian's libapache-jena-java): ontology + schemaorg.ttl + topics.ttl
#     + the 50 articles merged must be consistent under the OWL Micro
#     reasoner; a node that is both ng:Person and ng:Organization (disjoint)
#     must not be.  Skipped under a sanitizer or valgrind: Java only.
#  3. ontology/schemaorg.ttl is what gen-schemaorg.py makes of the terms in
#     use: a schema: term added to graph/ without regenerating it fails 1.
#
# Environment: NG_BIN, NG_SHARED, NG_SANITIZER, VALGRIND.  Ends with
# "N passed, N failed".
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh" vocab || exit 1
dir=tests/vocab

# ------------------------------------------------------------ the output

for f in newsgraph schemaorg topics; do
  if rapper -q -i turtle -o ntriples "ontology/$f.ttl" > "$tmp/$f.nt" \
       2> "$tmp/err"; then pass; else
    fail "rapper cannot read ontology/$f.ttl: $(errs)"
  fi
done

if [ -d "$NG_SHARED/corpus" ]; then
  find "$NG_SHARED/corpus" -name '*.txt' | LC_ALL=C sort |
    awk 'NR % 50 == 0' | head -n 50 > "$tmp/sample"
else
  ls tests/articles/*.txt > "$tmp/sample"
fi
[ -n "$NG_SANITIZER$VALGRIND" ] && head -n 5 "$tmp/sample" > "$tmp/s5" &&
  mv "$tmp/s5" "$tmp/sample"
echo examples/geneva-summit.txt >> "$tmp/sample"
xargs -d '\n' "$NG_BIN" extract -q -f nquads -o "$tmp/out.nq" \
  < "$tmp/sample" 2> "$tmp/err"
rc1=$?
# one Turtle file per article: Jena's rule reasoner is several times
# slower over the same statements in one file
mkdir -p "$tmp/ttl"
rc2=0
i=0
while IFS= read -r f; do
  i=$((i + 1))
  "$NG_BIN" extract "$f" > "$tmp/ttl/$i.ttl" 2>> "$tmp/err" || rc2=1
done < "$tmp/sample"
"$NG_BIN" extract tests/batch/data/page.html > "$tmp/page.ttl" 2>> "$tmp/err"
rc3=$?
"$NG_BIN" extract -f nquads tests/batch/data/page.html > "$tmp/page.nq" \
  2>> "$tmp/err"
if [ "$rc1$rc2$rc3$?" = 0000 ] && grep -q 'schema.org/datePublished' \
     "$tmp/page.nq"; then pass; else
  fail "extracting the sample: $(errs)"
fi
if python3 "$dir/vocabcheck.py" --onto "$tmp/newsgraph.nt" \
     "$tmp/schemaorg.nt" --data "$tmp/out.nq" "$tmp/page.nq" \
     --turtle "$tmp"/ttl/*.ttl "$tmp/page.ttl" \
     --context ontology/context.jsonld > "$tmp/check" 2>&1; then pass; else
  fail "$(head -n 5 "$tmp/check" | tr '\n' '|')"
fi

# the check can fail: an undeclared predicate and class, https schema.org,
# the old org: prefix
cat > "$tmp/bad.nq" <<'EOF'
<https://w3id.org/newsgraph/id/person/a> <https://w3id.org/newsgraph/ns#nickname> "A" .
<https://w3id.org/newsgraph/id/person/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> .
EOF
printf '@prefix org: <https://w3id.org/newsgraph/id/org/> .\n' > "$tmp/bad.ttl"
python3 "$dir/vocabcheck.py" --onto "$tmp/newsgraph.nt" "$tmp/schemaorg.nt" \
  --data "$tmp/bad.nq" --turtle "$tmp/bad.ttl" > "$tmp/check" 2>&1
if [ "$?" -eq 1 ] && grep -q 'ns#nickname> is declared nowhere' "$tmp/check" &&
   grep -q 'https schema.org' "$tmp/check" &&
   grep -q 'prefix org:' "$tmp/check"; then pass; else
  fail "vocabcheck.py passes a bad output: $(head -n 3 "$tmp/check")"
fi

# ------------------------------------------------------------ schemaorg.ttl

# gen-schemaorg.py keeps only the terms in use; without the release at hand
# the test checks the other way: every term the generator would look for
# is in the file
if python3 - <<'EOF' > "$tmp/check" 2>&1
import importlib.util, os, re
spec = importlib.util.spec_from_file_location("g", "ontology/gen-schemaorg.py")
g = importlib.util.module_from_spec(spec)
spec.loader.exec_module(g)
want = g.used_terms(os.getcwd())
have = set("http://schema.org/" + t for t in
           re.findall(r"^schema:(\w+)", open("ontology/schemaorg.ttl").read(),
                      re.M))
missing = sorted(want - have)
assert not missing, "not in schemaorg.ttl (run gen-schemaorg.py): %s" % missing
EOF
then pass; else fail "$(tail -n 1 "$tmp/check")"; fi

# ------------------------------------------------------------ Jena

jars="jena-core jena-arq jena-base jena-iri dexx.collection slf4j-api
      slf4j-nop commons-lang3 commons-io commons-codec commons-compress
      commons-csv gson jackson-core jackson-databind jackson-annotations
      titanium-json-ld jakarta.json-api jsonld-java httpclient httpcore
      thrift protobuf guava"
if [ -n "$NG_SANITIZER$VALGRIND" ]; then
  : # Java only: nothing of ours runs
elif ! command -v javac > /dev/null 2>&1; then
  fail "javac is needed for the Jena OWL check (scripts/deps.sh)"
else
  cp=
  missing=
  for j in $jars; do
    [ -f "/usr/share/java/$j.jar" ] || missing="$missing $j"
    cp="$cp${cp:+:}/usr/share/java/$j.jar"
  done
  mkdir -p "$tmp/classes"
  # Debian's jena-core renames Jena's bundled xerces packages to xerces.*
  # but leaves its message files under org/apache/jena/ext/xerces/: put
  # them where the renamed classes look, or the XSD datatypes fail to load
  python3 - "$tmp/classes" <<'EOF'
import sys, zipfile
out = sys.argv[1]
z = zipfile.ZipFile("/usr/share/java/jena-core.jar")
pre = "org/apache/jena/ext/xerces/"
for n in z.namelist():
    if n.startswith(pre) and n.endswith(".properties"):
        dst = "%s/xerces/%s" % (out, n[len(pre):])
        import os
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        open(dst, "wb").write(z.read(n))
EOF
  if [ -n "$missing" ]; then
    fail "libapache-jena-java jars missing:$missing"
  elif ! javac -nowarn -d "$tmp/classes" -cp "$cp" "$dir/OwlCheck.java" \
         2> "$tmp/err"; then
    fail "javac OwlCheck.java: $(errs)"
  else
    rm -f "$tmp/ttl/$i.ttl" # the example: 50 corpus articles are enough
    java -cp "$cp:$tmp/classes" OwlCheck ontology/newsgraph.ttl \
      ontology/schemaorg.ttl ontology/topics.ttl "$tmp"/ttl/*.ttl \
      "$tmp/page.ttl" > "$tmp/check" 2> "$tmp/err"
    if [ "$?" -eq 0 ] && grep -q '^valid' "$tmp/check"; then pass; else
      fail "Jena OWL check: $(head -n 3 "$tmp/check" | tr '\n' '|') $(errs)"
    fi
    cat > "$tmp/clash.ttl" <<'EOF'
<https://w3id.org/newsgraph/id/person/x>
  a <https://w3id.org/newsgraph/ns#Person>,
    <https://w3id.org/newsgraph/ns#Organization> .
EOF
    java -cp "$cp:$tmp/classes" OwlCheck ontology/newsgraph.ttl \
      ontology/schemaorg.ttl "$tmp/clash.ttl" > "$tmp/check" 2> "$tmp/err"
    if [ "$?" -eq 1 ] && grep -q '^invalid' "$tmp/check"; then pass; else
      fail "Jena OWL check passes a Person that is an Organization"
    fi
  fi
fi

finish
