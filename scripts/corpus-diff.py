#!/usr/bin/env python3
"""corpus-diff.py - what an extractor change does to the whole corpus.

Usage: corpus-diff.py OLD_BIN NEW_BIN [DIR] [--class C] [--sample N] [--seed S]

Runs both binaries, each with the lexicons of its own tree (the ontology/
beside it, or --old-data / --new-data), over DIR (default ../shared/corpus) in batch mode
(`extract -q -f nquads`), reads the facts of each article's graph (persons,
roles, direct quotes, reported speech, topics, categories, agreements) and
prints, per class, how many articles changed and how many facts were added
and removed, then a random sample (fixed seed) of changed facts to read:
"+" a fact only the new binary gives, "-" one only the old gives.  Exit 0.
"""
import collections
import os
import random
import re
import subprocess
import sys
import tempfile

NG = "https://w3id.org/newsgraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TERM = r'(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)'
QUAD = re.compile(r"^" + TERM + r"\s+" + TERM + r"\s+" + TERM +
                  r"(?:\s+" + TERM + r")?\s*\.\s*$")
CLASSES = ["persons", "roles", "direct", "indirect", "topics", "categories",
           "agreements"]


def val(t):
    if t.startswith("<"):
        return t[1:-1]
    if t.startswith('"'):
        s = t[1:t.rfind('"')]
        return re.sub(r'\\u([0-9A-Fa-f]{4})', lambda m: chr(int(m.group(1), 16)),
                      s.replace('\\"', '"').replace("\\n", " "))
    return t


def data_of(binary, given):
    """The lexicons a binary is run with: GIVEN, else the ontology/ beside
    the binary (its own tree's lexicons), else the environment's."""
    if given:
        return given
    here = os.path.join(os.path.dirname(os.path.abspath(binary)), "ontology")
    return here if os.path.isdir(os.path.join(here, "lexicon")) else None


def run(binary, folder, data=None):
    fd, path = tempfile.mkstemp(suffix=".nq")
    os.close(fd)
    env = dict(os.environ)
    if data:
        env["NEWSGRAPH_DATA"] = data
    subprocess.run([binary, "extract", "-q", "-f", "nquads", "-o", path, folder],
                   check=False, env=env)
    graphs = collections.defaultdict(lambda: collections.defaultdict(
        lambda: collections.defaultdict(list)))
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = QUAD.match(line)
            if m:
                s, p, o, g = (val(x) if x else "" for x in m.groups())
                graphs[g][s][p].append(o)
    os.unlink(path)
    return {g: facts(d) for g, d in graphs.items()}


def facts(d):
    out = {c: set() for c in CLASSES}
    lab = lambda n: (d[n].get(LABEL) or [n.rsplit("/", 1)[-1]])[0]
    for s, props in d.items():
        types = props.get(RDF_TYPE, [])
        if NG + "Person" in types:
            out["persons"].add(lab(s))
            for r in props.get(NG + "holdsRole", []):
                out["roles"].add("%s -> %s" % (lab(s), lab(r)))
        for kind, cls in (("direct", "DirectQuote"), ("indirect", "ReportedSpeech")):
            if NG + cls in types:
                spk = ",".join(sorted(lab(a) for a in props.get(NG + "speaker", [])))
                for t in props.get(NG + "text", []):
                    out[kind].add("[%s] %s" % (spk, t[:110]))
        if NG + "Topic" in types:
            out["topics"].add(lab(s))
        if NG + "Agreement" in types:
            parties = ",".join(sorted(lab(a) for a in props.get(NG + "party", [])))
            out["agreements"].add("[%s] %s" % (parties, lab(s)[:100]))
        for c in props.get(NG + "category", []):
            out["categories"].add(lab(c))
    return out


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("dir", nargs="?", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus"))
    ap.add_argument("--class", dest="only", choices=CLASSES)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--old-data", help="lexicons of OLD (default: ontology/ beside it)")
    ap.add_argument("--new-data", help="lexicons of NEW (default: ontology/ beside it)")
    a = ap.parse_args()
    only, n, rnd, folder = a.only, a.sample, random.Random(a.seed), a.dir
    old = run(a.old, folder, data_of(a.old, a.old_data))
    new = run(a.new, folder, data_of(a.new, a.new_data))
    print("articles: old %d, new %d" % (len(old), len(new)))
    for c in CLASSES:
        if only and c != only:
            continue
        changed, plus, minus = 0, [], []
        for g in sorted(set(old) | set(new)):
            a = old.get(g, {}).get(c, set())
            b = new.get(g, {}).get(c, set())
            if a != b:
                changed += 1
                plus += [(g, x) for x in sorted(b - a)]
                minus += [(g, x) for x in sorted(a - b)]
        tot_old = sum(len(v[c]) for v in old.values())
        tot_new = sum(len(v[c]) for v in new.values())
        print("%-11s %4d articles changed, +%d -%d facts (total %d -> %d)" %
              (c, changed, len(plus), len(minus), tot_old, tot_new))
        if only or n:
            both = [("+",) + x for x in plus] + [("-",) + x for x in minus]
            for sign, g, x in sorted(rnd.sample(both, min(n, len(both))),
                                     key=lambda z: (z[1], z[0])):
                print("   %s %s  %s" % (sign, g.rsplit("/", 1)[-1][:8], x))


if __name__ == "__main__":
    main()
