#!/usr/bin/env python3
"""Build ontology/gazetteer/persons.tsv, the person gazetteer `newsgraph link`
reads by default, from Wikidata query results.

Source: the Wikidata SPARQL results that EveryPolitician's
"proto-commons-united-kingdom" repository stores
(https://github.com/everypolitician/proto-commons-united-kingdom, commit
320daac562ca84a760248f64de2e88828a38ee7b, 13 Dec 2018): members of the
House of Commons (2017 parliament), of the House of Lords, and holders of
UK executive offices (Prime Minister, first ministers, mayors), each with
their Wikidata item, English label, office and party.  The values are
Wikidata's (CC0 1.0); the repository itself carries no licence file, and
nothing but those Wikidata values is taken.

Rebuild:
    git clone https://github.com/everypolitician/proto-commons-united-kingdom
    git -C proto-commons-united-kingdom checkout 320daac562ca84a760248f64de2e88828a38ee7b
    python3 ontology/gen-persons.py proto-commons-united-kingdom

Review (the persons' rows of ontology/qid-review.tsv):
    python3 ontology/gen-persons.py --verify proto-commons-united-kingdom
checks, without writing anything, that every row of persons.tsv has, for
its QID, exactly one English label in the source and that the row's name
is that label or the label by the rule below, and its aliases the other
labels; it prints one review row (qid, name, ok, note) per conclusive
entry and the others on stderr, to be read by hand (exit 1 if any).

Columns written: name, aliases, wikidata, roles, context.  Names are the
English labels without a peerage ("Clive Soley, Baron Soley" -> "Clive
Soley") or "Sir"; the full label is kept as an alias.  Roles: the office
and the party, lower case.  Context "politics" and the party ("org:labour"):
the linker ties a node to an entry only when its roles fit the entry's or
one of its articles is in the politics category and names the party, so
a footballer or a former UN commissioner who shares an MP's name is left
alone.  Standard library only.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer", "persons.tsv")


# How news names a party among the organisations of an article (slug
# prefixes of its IRI): the Conservatives are also the Tories.
PARTY_WORDS = {
    "Conservative Party": ["conservative", "tory", "tories"],
    "Labour Party": ["labour"],
    "Labour Co-operative": ["labour"],
    "Liberal Democrats": ["liberal-democrat", "lib-dem"],
    "Scottish National Party": ["scottish-national", "snp"],
    "Democratic Unionist Party": ["democratic-unionist", "dup"],
    "Plaid Cymru": ["plaid"],
    "Sinn Féin": ["sinn-fein"],
    "Green Party of England and Wales": ["green"],
}


def party_words(party):
    """The "org:" context words of a party: a person of that party is tied
    to a node only where an article also names the party."""
    words = PARTY_WORDS.get(party)
    if words is None:
        w = re.sub(r"[^a-z0-9]+", "-", party.lower()).strip("-")
        words = [w.split("-party")[0]] if w else []
    return ["org:" + w for w in words]


def name_of(label):
    """The gazetteer's name for a Wikidata label: no peerage, no Sir."""
    name = label.split(",")[0].strip()
    if name.startswith("Sir ") or name.startswith("Dame "):
        name = name.split(" ", 1)[1]
    return name


def verify(people):
    """Each row of persons.tsv against the source: review rows on stdout,
    the rows the rule cannot confirm on stderr; 0 when all confirmed."""
    bad = 0
    names = {}
    for line in open(OUT, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[0] == "name" or len(f) < 3:
            continue
        names.setdefault(f[0], []).append(f[2])
        labels = people.get(f[2], {}).get("labels", set())
        why = None
        if len(labels) != 1:
            why = "%d labels in the source" % len(labels)
        else:
            label = next(iter(labels))
            aliases = [a for a in f[1].split("|") if a]
            if name_of(label) != f[0]:
                why = "name is not the label '%s'" % label
            elif sorted(aliases) != sorted({label} - {f[0]}):
                why = "aliases are not the label '%s'" % label
        if why:
            print("gen-persons: %s %s: %s" % (f[2], f[0], why),
                  file=sys.stderr)
            bad += 1
            continue
        note = "Wikidata label" if label == f[0] else \
            "Wikidata label '%s'" % label
        print("%s\t%s\tok\t%s (everypolitician 320daac5; gen-persons.py "
              "--verify)" % (f[2], f[0], note))
    for n, qs in sorted(names.items()):
        if len(qs) > 1:
            print("gen-persons: '%s' names %s: namesakes, read by hand"
                  % (n, ", ".join(qs)), file=sys.stderr)
    return 1 if bad else 0


def main():
    args = sys.argv[1:]
    check = args[:1] == ["--verify"]
    if check:
        args = args[1:]
    if len(args) != 1:
        print(__doc__.split("\n\n")[2], file=sys.stderr)
        return 2
    src = args[0]
    files = sorted(glob.glob(os.path.join(src, "legislative", "Q11005", "*",
                                          "query-results.json")) +
                   glob.glob(os.path.join(src, "legislative", "Q11007", "*",
                                          "query-results.json")) +
                   glob.glob(os.path.join(src, "executive", "*", "*",
                                          "query-results.json")))
    if not files:
        print("gen-persons: no query-results.json under %s" % src,
              file=sys.stderr)
        return 1
    people = {}
    for f in files:
        for b in json.load(open(f, encoding="utf-8"))["results"]["bindings"]:
            v = {k: x["value"] for k, x in b.items()}
            q = v.get("item", "").rsplit("/", 1)[-1]
            label = v.get("name_en", "").strip()
            if not q.startswith("Q") or not label or label == q:
                continue
            p = people.setdefault(q, {"labels": set(), "roles": set()})
            p["labels"].add(label)
            for r in (v.get("role_en"), v.get("party_name_en")):
                if r:
                    p["roles"].add(r.lower())
            p.setdefault("parties", set())
            if v.get("party_name_en"):
                p["parties"].add(v["party_name_en"])
    if check:
        return verify(people)
    rows = []
    for q, p in people.items():
        label = sorted(p["labels"])[0]
        name = name_of(label)
        if " " not in name:
            continue  # a full name only: a lone word would tie every namesake
        aliases = sorted(a for a in p["labels"] if a != name)
        ctx = ["politics"] + sorted({w for party in p.get("parties", ())
                                     for w in party_words(party)})
        rows.append((name, "|".join(aliases), q, "|".join(sorted(p["roles"])),
                     "|".join(ctx)))
    rows.sort(key=lambda r: (r[0], int(r[2][1:])))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# persons.tsv - notable persons with their Wikidata items "
                  "(GENERATED by ontology/gen-persons.py; do not edit).\n"
                  "# Source: Wikidata query results stored by "
                  "github.com/everypolitician/proto-commons-united-kingdom\n"
                  "# (commit 320daac5, 2018): UK MPs (2017), peers, executive "
                  "office holders.  Licence: CC0 1.0 (Wikidata).\n"
                  "# Columns: name, aliases (|), wikidata, roles (|), "
                  "context (| categories one of whose articles must name "
                  "the person when roles do not fit).\n")
        out.write("name\taliases\twikidata\troles\tcontext\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print("wrote %s: %d persons" % (os.path.relpath(OUT), len(rows)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
