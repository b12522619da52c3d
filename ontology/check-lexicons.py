#!/usr/bin/env python3
"""Check the lexicon files in ontology/lexicon/ against their formats.

Usage: python3 ontology/check-lexicons.py   (exit 0 = all good, 1 = problems)
Checks: UTF-8, LF only, no trailing whitespace in fields, column counts,
allowed values of kind/flags/gender/match/class, duplicate keys.  Standard library only.
"""
import os
import re
import sys

LEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon")
CUE_CLASSES = {  # cue-words.tsv classes, as extract/lexicon.c knows them
    "work-noun", "org-noun", "org-after", "work-after", "body-head", "work-head",
    "body-possessive", "body-at", "contest-noun", "body-noun", "data-noun",
    "data-verb", "tell-verb", "talk-word", "evaluative", "title-verb", "lead-verb",
    "org-generic", "product-noun", "known-acronym"}
TSV = {  # file: (header, {column index: validator})
    "topics.tsv": (["id", "label", "iptc", "match", "keywords"], {
        0: lambda v: re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", v),
        2: lambda v: v == "" or re.fullmatch(r"\d{8}", v),
        3: lambda v: v in ("exact", "close", ""),
        4: lambda v: v and all(k and k == k.lower() and k.strip() == k for k in v.split("|"))
                     and 5 <= len(v.split("|")) <= 30}),
    "given-names.tsv": (["name", "gender"], {1: lambda v: v in ("M", "F", "U")}),
    "countries.tsv": (["name", "wikidata", "aliases", "demonyms", "capitals"],
                      {1: lambda v: re.fullmatch(r"Q\d+", v)}),
    "places-extra.tsv": (["name", "wikidata", "aliases", "demonyms", "capitals"],
                         {1: lambda v: re.fullmatch(r"Q\d+", v)}),
    "organisations.tsv": (["name", "wikidata", "aliases"],
                          {1: lambda v: v == "" or re.fullmatch(r"Q\d+", v)}),
    "titles.tsv": (["title", "kind"], {0: lambda v: v == v.lower(),
                                       1: lambda v: v in ("office", "occupation", "modifier")}),
    "occupations.tsv": (["title", "kind"], {0: lambda v: v == v.lower(),
                                            1: lambda v: v == "occupation"}),
    "speech-verbs.tsv": (["form", "flags"], {
        0: lambda v: v == v.lower(),
        1: lambda v: set(v.split(",")) <= {"that", "quote", "obj", "past", "present", "toinf",
                                           "toverb", "np", "as"}}),
    "agreement-triggers.tsv": (["form", "kind"], {0: lambda v: v == v.lower(),
                                                  1: lambda v: v in ("verb", "noun", "reach", "other")}),
    "metonyms.tsv": (["form", "country"], {}),
    "cue-words.tsv": (["word", "class"], {
        0: lambda v: v == v.lower() and re.fullmatch(r"[^\s|]+", v),
        1: lambda v: v in CUE_CLASSES}),
}
LISTS = ["honorifics.txt", "not-names.txt", "org-words.txt", "not-given-names.txt"]
UNIQUE_KEY = {"topics.tsv", "given-names.tsv", "countries.tsv", "organisations.tsv",
              "speech-verbs.tsv", "agreement-triggers.tsv", "metonyms.tsv"}


def main():
    bad = 0

    def err(f, n, msg):
        nonlocal bad
        bad += 1
        if bad <= 50:
            print("%s:%d: %s" % (f, n, msg))

    countries = set()
    for name in TSV:
        hdr, val = TSV[name]
        path = os.path.join(LEX, name)
        raw = open(path, "rb").read()
        if b"\r" in raw:
            err(name, 0, "CR found (LF only)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(name, 0, "not UTF-8: %s" % e)
            continue
        seen, rows, got_header = set(), 0, False
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if not got_header:
                got_header = True
                if f != hdr:
                    err(name, n, "header %r, expected %r" % (f, hdr))
                continue
            rows += 1
            if len(f) != len(hdr):
                err(name, n, "%d fields, expected %d" % (len(f), len(hdr)))
                continue
            for i, v in enumerate(f):
                if v != v.strip():
                    err(name, n, "field %d has surrounding spaces" % (i + 1))
                if "||" in v or v.startswith("|") or v.endswith("|"):
                    err(name, n, "empty value in field %d" % (i + 1))
            if not f[0]:
                err(name, n, "empty first field")
            for i, fn in val.items():
                if not fn(f[i]):
                    err(name, n, "bad %s %r" % (hdr[i], f[i]))
            if name == "cue-words.tsv":  # a word once per class
                if tuple(f) in seen:
                    err(name, n, "duplicate %r" % "\t".join(f))
                seen.add(tuple(f))
            if name in UNIQUE_KEY:
                if f[0] in seen:
                    err(name, n, "duplicate %r" % f[0])
                seen.add(f[0])
            if name in ("countries.tsv", "places-extra.tsv"):
                countries.add(f[0])
        print("%-24s %6d rows" % (name, rows))
    for n, line in enumerate(open(os.path.join(LEX, "metonyms.tsv"), encoding="utf-8"), 1):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[0] == "form" or not line.strip():
            continue
        if f[1] not in countries:
            err("metonyms.tsv", n, "unknown country %r" % f[1])
    for name in LISTS:
        raw = open(os.path.join(LEX, name), "rb").read()
        if b"\r" in raw or b"\t" in raw:
            err(name, 0, "CR or TAB found")
        items = [l for l in raw.decode("utf-8").split("\n") if l.strip() and not l.startswith("#")]
        for l in items:
            if l != l.strip():
                err(name, 0, "surrounding spaces in %r" % l)
        if len(items) != len(set(items)):
            err(name, 0, "duplicate lines")
        print("%-24s %6d items" % (name, len(items)))
    if bad:
        print("%d problem(s)" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
