#!/usr/bin/env python3
"""Check every Wikidata item the lexicons and gazetteers name.

Usage: python3 ontology/check-qids.py [--list]
  --list   print every mapping: file, QID, the name it stands for in the
           lexicon, its other forms, and the review's verdict and label
Exit 0 when all good, 1 when a mapping is wrong (the problems on stderr).

What it checks, against ontology/qid-review.tsv (reviewed by hand;
columns qid, name, verdict, note):
  - "wrong" rows: the QID must not stand for that name (the kingdom of
    the Netherlands Q29999 for "Netherlands", the French Southern and
    Antarctic Lands for "French");
  - "form" rows: the form (a name, alias or demonym of countries.tsv or
    places-extra.tsv) must lead to that QID ("French" -> Q142);
  - "ok" rows: reviewed; a QID of the lexicons with no row is listed as
    unreviewed (counted, not an error);
  - one QID under two different names of one file is an error; the same
    item in two files under one name (United States in countries.tsv and
    organisations.tsv) is fine.
Standard library only.
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REVIEW = os.path.join(HERE, "qid-review.tsv")


def rows(path):
    header = None
    for no, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if header is None:
            header = f
            continue
        yield no, dict(zip(header, f + [""] * (len(header) - len(f))))


def mappings():
    """(file, line, qid, name, forms) for every QID of the data files."""
    files = sorted(glob.glob(os.path.join(HERE, "lexicon", "*.tsv")) +
                   glob.glob(os.path.join(HERE, "gazetteer", "*.tsv")))
    for path in files:
        rel = os.path.relpath(path, HERE)
        for no, r in rows(path):
            q = r.get("wikidata", "")
            if not q:
                continue
            forms = []
            for col in ("aliases", "demonyms"):
                forms += [x for x in r.get(col, "").split("|") if x]
            yield rel, no, q, r.get("name", ""), forms


def main():
    listing = "--list" in sys.argv[1:]
    review = {}
    wrong, want = [], []
    for no, r in rows(REVIEW):
        if not re.fullmatch(r"Q\d+", r["qid"]) or \
           r["verdict"] not in ("ok", "wrong", "form"):
            print("qid-review.tsv:%d: want QID, name, ok|wrong|form, note"
                  % no, file=sys.stderr)
            return 1
        if r["verdict"] == "ok":
            review[r["qid"]] = r
        elif r["verdict"] == "wrong":
            wrong.append(r)
        else:
            want.append(r)
    problems = []
    maps = list(mappings())
    by_form = {}
    seen = {}
    for rel, no, q, name, forms in maps:
        if not re.fullmatch(r"Q\d+", q):
            problems.append("%s:%d: '%s' is not a Wikidata ID" % (rel, no, q))
            continue
        for w in wrong:
            if w["qid"] == q and w["name"] in [name] + forms:
                problems.append("%s:%d: %s stands for '%s': %s"
                                % (rel, no, q, w["name"], w["note"]))
        key = (rel, q)
        if key in seen and seen[key] != name:
            problems.append("%s:%d: %s is both '%s' and '%s'"
                            % (rel, no, q, seen[key], name))
        seen.setdefault(key, name)
        if rel in ("lexicon/countries.tsv", "lexicon/places-extra.tsv"):
            for f in [name] + forms:
                by_form.setdefault(f, set()).add(q)
        if listing:
            rv = review.get(q)
            print("%s:%d\t%s\t%s\t%s\t%s" % (
                rel, no, q, name, "|".join(forms),
                "ok: " + rv["note"] if rv else "unreviewed"))
    for w in want:
        got = by_form.get(w["name"], set())
        if got != {w["qid"]}:
            problems.append("'%s' leads to %s, want %s (%s)" % (
                w["name"], ", ".join(sorted(got)) or "nothing", w["qid"],
                w["note"]))
    qids = {m[2] for m in maps}
    done = sum(1 for q in qids if q in review)
    for p in problems:
        print("check-qids: " + p, file=sys.stderr)
    print("check-qids: %d mappings, %d items, %d reviewed, %d unreviewed, "
          "%d problems" % (len(maps), len(qids), done, len(qids) - done,
                           len(problems)), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
