#!/usr/bin/env python3
"""quads.py - compare a store's quads with an N-Quads file.

Usage: quads.py TSV NQUADS
TSV is `newsgraph query -f tsv` of SELECT ?g ?s ?p ?o (graph first).
Both sides are read as N-Quads terms with their \\u escapes decoded, and
compared as sets; prints "same N" or the first differences, exit 1 then.
"""
import re
import sys

ESC = re.compile(r'\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})')


def unescape(s):
    return ESC.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), s)


def main():
    tsv, nq = sys.argv[1], sys.argv[2]
    got = set()
    with open(tsv, encoding="utf-8") as f:
        next(f, None)
        for line in f:
            g, s, p, o = line.rstrip("\n").split("\t")
            got.add(unescape("%s %s %s %s ." % (s, p, o, g)))
    want = set()
    with open(nq, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                want.add(unescape(line.rstrip("\n")))
    if got == want:
        print("same %d" % len(got))
        return 0
    print("store only: %s" % sorted(got - want)[:2])
    print("nquads only: %s" % sorted(want - got)[:2])
    return 1


if __name__ == "__main__":
    sys.exit(main())
