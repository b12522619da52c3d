#!/usr/bin/env bash
# picture.sh - draw part of the example article's graph for the README:
# the persons with their roles, and the statements and agreements of one
# speaker, through raptor's dot serializer and Graphviz.
# Usage: scripts/picture.sh [ARTICLE] [SPEAKER-SLUG] [OUT.png]
set -euo pipefail
article=${1:-examples/geneva-summit.txt}
speaker=${2:-putin}
out=${3:-examples/geneva-summit.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./newsgraph extract -f ntriples "$article" > "$tmp/all.nt"
python3 - "$tmp/all.nt" "$speaker" > "$tmp/part.nt" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
spk = "/person/" + sys.argv[2]
NG = "<https://w3id.org/newsgraph/ns#"
keep_subj = set()
for l in lines:
    s, p, o = l.split(" ", 2)
    if "/person/" in s and p == NG + "holdsRole>" and len(keep_subj) < 12:
        keep_subj.update([s, o.rstrip(" .")])
    if p in (NG + "speaker>", NG + "party>") and re.search(re.escape(spk) + r"(--[0-9a-f]+)?>", o):
        kind = "st" if "statement" in s else "ag"
        if sum(1 for k in keep_subj if kind == ("st" if "statement" in k else "ag")
               and "#" in k) < 2:
            keep_subj.add(s)
drop = ("ns#beginIndex", "ns#endIndex", "ns#inArticle", "schema.org/",
        "skos/core#altLabel", "ns#mentions", "ns#title>", "ns#about>")
for l in lines:
    s, p, o = l.split(" ", 2)
    if s in keep_subj and not any(d in p or d in o for d in drop):
        if ("ns#text>" in p or "#label>" in p) and len(o) > 90:
            o = o[:80] + '..." .'
        print(s, p, o)
PY
rapper -q -i ntriples -o dot \
  -f 'xmlns:ng="https://w3id.org/newsgraph/ns#"' \
  -f 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"' \
  -f 'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"' \
  -f 'xmlns:person="https://w3id.org/newsgraph/id/person/"' \
  -f 'xmlns:role="https://w3id.org/newsgraph/id/role/"' \
  -f 'xmlns:org="https://w3id.org/newsgraph/id/org/"' \
  "$tmp/part.nt" http://example.org/ > "$tmp/part.dot"
dot -Tpng -Gdpi=60 "$tmp/part.dot" -o "$out"
echo "wrote $out ($(wc -l < "$tmp/part.nt") triples)"
