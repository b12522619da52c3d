#!/usr/bin/env python3
"""stats.py - what `newsgraph stats` should say about a store loaded from
N-Quads, counted independently from the N-Quads themselves: graphs,
articles, persons, organizations, statements (DirectQuote, ReportedSpeech
or Statement), agreements (distinct subjects of each rdf:type, over all
graphs), triples (quads).  Prints the lines in `stats` order.
    python3 stats.py DATA.nq
"""
import re
import sys

NS = "https://w3id.org/newsgraph/ns#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
# subject, predicate, object (IRI, blank node or literal), graph
QUAD = re.compile(r'^(\S+) (\S+) (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"\S*) (<[^>]*>) \.$')

kinds = {"articles": ["Article"], "persons": ["Person"],
         "organizations": ["Organization"],
         "statements": ["DirectQuote", "ReportedSpeech", "Statement"],
         "agreements": ["Agreement"]}
typed = {k: set() for k in kinds}
by_class = {"<" + NS + c + ">": k for k, cs in kinds.items() for c in cs}
graphs, quads = set(), set()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = QUAD.match(line)
        if not m:
            sys.exit("stats.py: cannot read: " + line[:80])
        s, p, o, g = m.groups()
        quads.add(line)
        graphs.add(g)
        if p == TYPE and o in by_class:
            typed[by_class[o]].add(s)
print("graphs: %d" % len(graphs))
for k in kinds:
    print("%s: %d" % (k, len(typed[k])))
print("triples: %d" % len(quads))
