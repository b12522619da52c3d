#!/usr/bin/env python3
"""bench-link.py - how far `newsgraph link` gets at a news desk's scale.

Reads a store that `newsgraph link` has run over and prints, for the 25
persons named in most articles, how many person nodes stand for them
before and after linking (following owl:sameAs one hop to the canonical
node, as the links graph writes it), with the nodes that stay apart; with
--sample N, N links drawn at random (seeded) from the links graph, each
with the headlines of an article of both ends, for reading by hand.

A "person" here is a surname: its nodes are every person node whose
label ends in it and whose given names (if any) fit the full name seen in
most articles (same first name or its initial), so "Mr Blair", "Blair",
"T Blair" and "Tony Blair" count for Tony Blair, "Ian Blair" does not.
Used by scripts/bench-link.sh; no figure here is a test.

usage: bench-link.py [--bin ./newsgraph] [--top 25] [--sample N]
                     [--seed S] STORE
"""
import argparse
import collections
import random
import re
import subprocess
import sys

P = """PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
LINKS = "https://w3id.org/newsgraph/id/graph/links"


def query(binary, store, q):
    out = subprocess.run([binary, "query", "--store", store, "-f", "tsv",
                          P + q], check=True, capture_output=True,
                         text=True).stdout
    rows = []
    for line in out.splitlines()[1:]:
        rows.append([term(c) for c in line.split("\t")])
    return rows


def term(c):
    if c.startswith("<") and c.endswith(">"):
        return c[1:-1]
    m = re.match(r'^"(.*)"(\^\^<[^>]*>|@[\w-]+)?$', c)
    if m:
        return m.group(1).replace('\\"', '"').replace("\\\\", "\\")
    return c


TITLES = {"mr", "mrs", "ms", "miss", "dr", "lord", "lady", "sir", "dame",
          "baroness", "prof", "professor", "rev", "president", "judge"}


def words(label):
    w = [x for x in re.split(r"[\s.]+", label.lower()) if x]
    while w and w[0] in TITLES:
        w = w[1:]
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="./newsgraph")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("store")
    a = ap.parse_args()

    rows = query(a.bin, a.store, """SELECT ?g ?p ?l WHERE { GRAPH ?g {
        ?p a ng:Person ; rdfs:label ?l } }""")
    heads = dict((g, h) for g, _, h in query(a.bin, a.store, """
        SELECT ?g ?a ?h WHERE { GRAPH ?g { ?a a ng:Article ;
        ng:headline ?h } }"""))
    same = dict((s, o) for s, o in query(a.bin, a.store, """
        SELECT ?s ?o WHERE { GRAPH <%s> { ?s owl:sameAs ?o } }""" % LINKS)
        if not o.startswith("http://www.wikidata.org/"))
    label, arts = {}, collections.defaultdict(set)
    for g, p, l in rows:
        if g == LINKS:
            continue
        label.setdefault(p, l)
        arts[p].add(g)

    # persons: by surname, the full name in most articles
    by_sur = collections.defaultdict(list)
    for p, l in label.items():
        w = words(l)
        if w:
            by_sur[w[-1]].append(p)
    persons = []
    for sur, nodes in by_sur.items():
        full = [p for p in nodes if len(words(label[p])) > 1]
        main = max(full, key=lambda p: (len(arts[p]), p)) if full else None
        first = words(label[main])[0] if main else None
        mine = []
        for p in nodes:
            w = words(label[p])
            if len(w) == 1 or p == main or \
               (first and (w[0] == first or (len(w[0]) == 1 and
                                              w[0] == first[0]))):
                mine.append(p)
        n = len(set().union(*(arts[p] for p in mine)))
        persons.append((n, sur, main, mine))
    persons.sort(key=lambda t: (-t[0], t[1]))

    tot_b = tot_a = 0
    print("articles\tnodes\tafter\tperson\tapart (label <iri>, articles)")
    for n, sur, main, mine in persons[:a.top]:
        canon = collections.Counter(same.get(p, p) for p in mine)
        big = canon.most_common(1)[0][0]
        apart = sorted(p for p in mine if same.get(p, p) != big)
        name = label[main] if main else label[mine[0]]
        tot_b += len(mine)
        tot_a += len(canon)
        print("%d\t%d\t%d\t%s\t%s" % (n, len(mine), len(canon), name,
              "; ".join("%s <%s> %d" % (label[p], p.rsplit("/", 1)[-1],
                                         len(arts[p])) for p in apart)))
    print("total: %d nodes for %d persons, %d after linking"
          % (tot_b, min(a.top, len(persons)), tot_a))

    if a.sample:
        links = query(a.bin, a.store, """SELECT ?s ?pr ?o ?c ?r WHERE {
            GRAPH <%s> { ?l rdf:subject ?s ; rdf:predicate ?pr ;
            rdf:object ?o ; ng:confidence ?c ; ng:linkReason ?r } }"""
                      % LINKS)
        links.sort()
        random.seed(a.seed)
        pick = random.sample(links, min(a.sample, len(links)))
        print("\nsample: %d of %d links" % (len(pick), len(links)))
        for i, (s, pr, o, c, r) in enumerate(pick, 1):
            def side(x):
                if x not in label:
                    return "<%s>" % x
                g = sorted(arts[x])[0]
                return "%s [%s: %s]" % (label[x], g.rsplit("/", 1)[-1],
                                        heads.get(g, "?"))
            print("%d\t%s %s\t%s\n\t%s\n\t%s" % (i, pr.rsplit("#", 1)[-1],
                  c, r, side(s), side(o)))


if __name__ == "__main__":
    sys.exit(main())
