#!/usr/bin/env python3
"""Build ontology/gazetteer/persons.tsv, the person gazetteer `newsgraph link`
reads by default, from Wikidata values stored in two EveryPolitician
repositories.

Sources (the values taken are Wikidata's: item, English label; CC0 1.0):
 1. github.com/everypolitician/proto-commons-united-kingdom, commit
    320daac562ca84a760248f64de2e88828a38ee7b (13 Dec 2018): Wikidata
    query results for members of the House of Commons (2017 parliament),
    of the House of Lords, and holders of UK executive offices (Prime
    Minister, first ministers, mayors), each with item, English label,
    office and party (Wikidata's).
 2. github.com/everypolitician/everypolitician-data, commit
    0642e77ac8a13bcd8017b245825c3aba349d3e6a (30 Nov 2015; also in the
    fork github.com/tijmenb/everypolitician-data, whose snapshot is small
    enough to fetch):
    - data/UK/Commons/sources/morph/wikidata.csv: every Member of
      Parliament with a Wikidata item (2,215: MPs of the 20th century and
      of 1997-2015, Tony Blair, Gordon Brown, Margaret Thatcher), item and
      English label (name__en), as EveryPolitician's Wikidata scraper
      stored them;
    - data/UK/Commons/ep-popolo-v1.0.json and term-52.csv ... term-56.csv
      (the parliaments of 1997-2015): only the party (group) of each
      member, a fact, used as a role and as context: by the Wikidata item
      the Popolo file gives a member, else by a name that is one member of
      the term files and one item of the MPs (namesakes get no party);
      these files are EveryPolitician's compilation of mySociety's
      parlparse membership lists, the repository carries no licence file,
      and nothing else of them is taken;
    - data/<country>/<house>/sources/morph/wikidata.csv of a few other
      countries: only the heads of government and leaders listed in
      ABROAD below, chosen by hand by item, each checked against the
      source's English label.
The repositories carry no licence of their own; what is taken is
Wikidata's (CC0) but for the party names of (2).

Rebuild (the second repository is 2.5 GB; a blobless clone will do, the
script reads it with `git show COMMIT:PATH`):
    git clone https://github.com/everypolitician/proto-commons-united-kingdom
    git -C proto-commons-united-kingdom checkout 320daac562ca84a760248f64de2e88828a38ee7b
    git clone --filter=blob:none https://github.com/everypolitician/everypolitician-data
    python3 ontology/gen-persons.py proto-commons-united-kingdom everypolitician-data

Review (the persons' rows of ontology/qid-review.tsv):
    python3 ontology/gen-persons.py --verify proto-commons-united-kingdom everypolitician-data
checks, without writing anything, that every row of persons.tsv has, for
its QID, one English label in each source that has it (the two may differ:
"Edward Davey" in 2015, "Ed Davey" in 2018), that the row's name is the
label of source 1, else of source 2, or that label by the rule below, and
its aliases the other labels and the hand-checked aliases of ALIASES; it prints one review row (qid, name, ok, note) per
conclusive entry and the others on stderr, to be read by hand (exit 1 if
any).

Columns written: name, aliases, wikidata, roles, context.  Names are the
English labels without a peerage ("Clive Soley, Baron Soley" -> "Clive
Soley") or "Sir"; the full label is kept as an alias.  Roles: the office
and the party, lower case ("member of parliament" for every MP), and the
offices of OFFICES (hand-checked, UK offices held in 2004-05, so that
"Chancellor Gordon Brown" in a business article fits).  Context
"politics" and the party ("org:labour"): the linker ties a node to an
entry only when its roles fit the entry's or one of its articles is in
the politics category and names the party, so a footballer or a former UN
commissioner who shares an MP's name is left alone.  Heads of government
abroad: their office as roles, context "politics|business".  Nicknames and
other spellings only as per-person aliases (ALIASES: "Ken Clarke" is
Kenneth Clarke, "Gerhard Schroeder" is Gerhard Schröder), never as a rule
for a given name.  Standard library only.
"""
import csv
import glob
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer", "persons.tsv")

PROTO = "320daac5"
EP_COMMIT = "0642e77ac8a13bcd8017b245825c3aba349d3e6a"
EP_UK = "data/UK/Commons/sources/morph/wikidata.csv"
EP_TERMS = ["data/UK/Commons/term-%d.csv" % t for t in range(52, 57)]
EP_POPOLO = "data/UK/Commons/ep-popolo-v1.0.json"

# The groups of EveryPolitician's term files as the parties' Wikidata
# labels (as source 1 names them); the other groups (Independent, Speaker)
# are no party.
GROUP_PARTY = {
    "Labour": "Labour Party",
    "Labour/Co-operative": "Labour Co-operative",
    "Conservative": "Conservative Party",
    "Liberal Democrat": "Liberal Democrats",
    "Scottish National Party": "Scottish National Party",
    "Plaid Cymru": "Plaid Cymru",
    "DUP": "Democratic Unionist Party",
    "UUP": "Ulster Unionist Party",
    "Sinn Féin": "Sinn Féin",
    "Social Democratic and Labour Party": "Social Democratic and Labour Party",
    "UKIP": "UK Independence Party",
    "Respect": "Respect Party",
    "Green": "Green Party of England and Wales",
}

# Heads of government and leaders of other countries, picked by hand from
# the legislatures of source 2 that they sat in: (folder, item, the
# English label the source must give, roles).  Context: "politics" or
# "business" when the roles do not fit.
ABROAD = [
    ("data/France/National_Assembly", "Q2105", "Jacques Chirac",
     "president of france|president"),
    ("data/France/National_Assembly", "Q329", "Nicolas Sarkozy",
     "president of france|president|interior minister|finance minister|"
     "ump leader"),
    ("data/France/National_Assembly", "Q187099", "Lionel Jospin",
     "prime minister of france|prime minister"),
    ("data/Germany/Bundestag", "Q2530", "Gerhard Schröder",
     "chancellor of germany|chancellor"),
    ("data/Germany/Bundestag", "Q567", "Angela Merkel",
     "chancellor of germany|chancellor|cdu leader|opposition leader"),
    ("data/Germany/Bundestag", "Q57344", "Joschka Fischer",
     "foreign minister"),
    ("data/Australia/Representatives", "Q51330", "John Howard",
     "prime minister of australia|prime minister"),
    ("data/Turkey/Assembly", "Q39259", "Recep Tayyip Erdoğan",
     "prime minister of turkey|prime minister|president of turkey|president"),
    ("data/United_States_of_America/Senate", "Q22316", "John Kerry",
     "senator|democratic presidential candidate|secretary of state"),
    ("data/Canada/Commons", "Q206", "Stephen Harper",
     "prime minister of canada|prime minister|conservative leader"),
]
ABROAD_CONTEXT = "politics|business"

# UK offices held by 2005 (hand-checked), so that the node of "Chancellor
# Gordon Brown" in a business article fits its entry: item -> roles.
OFFICES = {
    "Q9545": "prime minister|labour leader",                # Tony Blair
    "Q10648": "chancellor|chancellor of the exchequer",     # Gordon Brown
    "Q325381": "conservative leader|tory leader|leader of the opposition|"
               "home secretary",                            # Michael Howard
    "Q332950": "liberal democrat leader|lib dem leader",    # Charles Kennedy
    "Q333758": "home secretary|education secretary",        # Charles Clarke
    "Q311278": "foreign secretary|home secretary",          # Jack Straw
    "Q264196": "home secretary|work and pensions secretary",  # D. Blunkett
    "Q333459": "health secretary|chancellor of the duchy of lancaster",
    "Q333480": "shadow chancellor",                         # Oliver Letwin
    "Q332393": "deputy prime minister",                     # John Prescott
    "Q334603": "home affairs spokesman",                    # Mark Oaten
    "Q300023": "shadow home secretary",                     # David Davis
    "Q332374": "conservative party chairman|co-chairman|shadow foreign "
               "secretary",                                 # Liam Fox
    "Q334363": "lib dem parliamentary chairman",            # M. Taylor
    "Q332962": "shadow foreign secretary|deputy leader",    # Michael Ancram
    "Q7416": "prime minister|conservative leader",          # M. Thatcher
    "Q9559": "prime minister|conservative leader",          # John Major
    "Q9576": "prime minister|labour leader",                # J. Callaghan
    "Q332377": "labour leader|leader of the opposition",    # John Smith
    "Q271889": "chancellor|home secretary|health secretary",  # K. Clarke
    "Q333764": "member of the european parliament|mep|ukip|veritas leader",
    "Q310046": "eu trade commissioner|commissioner",        # P. Mandelson
    "Q317258": "labour leader|eu commissioner|commissioner",  # N. Kinnock
    "Q311214": "foreign secretary|leader of the house",     # Robin Cook
    "Q333550": "international development secretary",      # Clare Short
    "Q220723": "mayor of london|mayor",                     # K. Livingstone
}

# Other spellings and nicknames of one person (hand-checked), never a rule
# for a given name: item -> aliases.
ALIASES = {
    "Q271889": ["Ken Clarke"],                  # Kenneth Clarke
    "Q2530": ["Gerhard Schroeder"],             # Gerhard Schröder
    "Q39259": ["Recep Erdogan", "Tayyip Erdogan"],
    "Q336214": ["John Cunningham"],             # Jack Cunningham
}


# How news names a party among the organisations of an article (slug
# prefixes of its IRI): the Conservatives are also the Tories.
PARTY_WORDS = {
    "Conservative Party": ["conservative", "tory", "tories"],
    "Labour Party": ["labour"],
    "Labour Co-operative": ["labour"],
    "Liberal Democrats": ["liberal-democrat", "lib-dem"],
    "Scottish National Party": ["scottish-national", "snp"],
    "Democratic Unionist Party": ["democratic-unionist", "dup"],
    "Ulster Unionist Party": ["ulster-unionist", "uup"],
    "UK Independence Party": ["uk-independence", "ukip"],
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


def person(people, q):
    return people.setdefault(q, {"labels": {}, "roles": set(),
                                 "parties": set(), "ctx": None})


def read_proto(src, people):
    """Source 1: the query results of the proto-commons repository."""
    files = sorted(glob.glob(os.path.join(src, "legislative", "Q11005", "*",
                                          "query-results.json")) +
                   glob.glob(os.path.join(src, "legislative", "Q11007", "*",
                                          "query-results.json")) +
                   glob.glob(os.path.join(src, "executive", "*", "*",
                                          "query-results.json")))
    for f in files:
        for b in json.load(open(f, encoding="utf-8"))["results"]["bindings"]:
            v = {k: x["value"] for k, x in b.items()}
            q = v.get("item", "").rsplit("/", 1)[-1]
            label = v.get("name_en", "").strip()
            if not q.startswith("Q") or not label or label == q:
                continue
            p = person(people, q)
            p["labels"].setdefault(label, "everypolitician " + PROTO)
            for r in (v.get("role_en"), v.get("party_name_en")):
                if r:
                    p["roles"].add(r.lower())
            if v.get("party_name_en"):
                p["parties"].add(v["party_name_en"])
    return len(files)


def ep_raw(repo, path):
    """A file of source 2 at its commit, from a clone (bare or not)."""
    r = subprocess.run(["git", "-C", repo, "show", EP_COMMIT + ":" + path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode:
        raise SystemExit("gen-persons: %s: %s at %s: %s" % (
            repo, path, EP_COMMIT[:8], r.stderr.decode().strip()))
    return r.stdout.decode("utf-8")


def ep_show(repo, path):
    return list(csv.DictReader(io.StringIO(ep_raw(repo, path))))


def uk_parties(repo, mps):
    """Item -> parties of 1997-2015: by the item EveryPolitician's Popolo
    file gives a member, else by a name that is one member of the term
    files and one item of mps (namesakes get no party)."""
    pop = json.loads(ep_raw(repo, EP_POPOLO))
    group = {o["id"]: o["name"] for o in pop["organizations"]}
    item = {}
    for p in pop["persons"]:
        for i in p.get("identifiers", []):
            if i.get("scheme") == "wikidata":
                item[p["id"]] = i["identifier"]
    parties = {}
    for m in pop["memberships"]:
        g = group.get(m.get("on_behalf_of_id"))
        if m["person_id"] in item and g in GROUP_PARTY:
            parties.setdefault(item[m["person_id"]], set()).add(
                GROUP_PARTY[g])
    ids, by_name = {}, {}
    for path in EP_TERMS:
        for r in ep_show(repo, path):
            ids.setdefault(r["name"], set()).add(r["id"])
            if r["group"] in GROUP_PARTY:
                by_name.setdefault(r["name"], set()).add(
                    GROUP_PARTY[r["group"]])
    names = {}
    for q, label in mps:
        names.setdefault(name_of(label), []).append(q)
    for n, qs in names.items():
        if len(qs) != 1 or qs[0] in parties or len(ids.get(n, ())) != 1:
            continue
        if item.get(next(iter(ids[n])), qs[0]) == qs[0] and n in by_name:
            parties[qs[0]] = by_name[n]
    return parties


def read_ep(repo, people):
    """Source 2: UK MPs with their items and the parties of 1997-2015, and
    the persons of ABROAD."""
    where = "everypolitician-data " + EP_COMMIT[:8]
    mps = []
    for r in ep_show(repo, EP_UK):
        q, label = r["id"].strip(), r.get("name__en", "").strip()
        if re.fullmatch(r"Q\d+", q) and label:
            mps.append((q, label))
    parties = uk_parties(repo, mps)
    for q, label in mps:
        p = person(people, q)
        p["labels"].setdefault(label, where)
        p["roles"].add("member of parliament")
        for party in sorted(parties.get(q, ())):
            p["roles"].add(party.lower())
            p["parties"].add(party)
    for folder, q, want, roles in ABROAD:
        got = [r.get("name__en", "") for r in
               ep_show(repo, folder + "/sources/morph/wikidata.csv")
               if r["id"] == q]
        if got != [want]:
            raise SystemExit("gen-persons: %s %s: label %s in %s, want '%s'"
                             % (q, folder, got, where, want))
        p = person(people, q)
        p["labels"].setdefault(want, where)
        p["roles"].update(roles.split("|"))
        p["ctx"] = ABROAD_CONTEXT.split("|")
    for q, roles in OFFICES.items():
        if q not in people:
            raise SystemExit("gen-persons: OFFICES: %s is in no source" % q)
        people[q]["roles"].update(roles.split("|"))
    for q in ALIASES:
        if q not in people:
            raise SystemExit("gen-persons: ALIASES: %s is in no source" % q)


def primary(p):
    """The label a row is named by: source 1's (the newer), else 2's."""
    labels = sorted(p["labels"])
    newer = [x for x in labels if p["labels"][x].startswith(
        "everypolitician " + PROTO)]
    return (newer or labels)[0]


def verify(people):
    """Each row of persons.tsv against the sources: review rows on stdout,
    the rows the rule cannot confirm on stderr; 0 when all confirmed."""
    bad = 0
    names = {}
    for line in open(OUT, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[0] == "name" or len(f) < 3:
            continue
        names.setdefault(f[0], []).append(f[2])
        p = people.get(f[2])
        labels = set(p["labels"]) if p else set()
        why = None
        if not labels:
            why = "not in the sources"
        elif len(set(p["labels"].values())) != len(labels):
            why = "two labels in one source: %s" % sorted(labels)
        else:
            label = primary(p)
            aliases = [a for a in f[1].split("|") if a]
            want = (labels | set(ALIASES.get(f[2], ()))) - {f[0]}
            if name_of(label) != f[0]:
                why = "name is not the label '%s'" % label
            elif sorted(aliases) != sorted(want):
                why = "aliases are not the labels %s and ALIASES" % \
                    sorted(labels)
        if why:
            print("gen-persons: %s %s: %s" % (f[2], f[0], why),
                  file=sys.stderr)
            bad += 1
            continue
        note = "Wikidata label" if label == f[0] else \
            "Wikidata label '%s'" % label
        if ALIASES.get(f[2]):
            note += "; hand-checked alias %s" % ", ".join(
                "'%s'" % a for a in ALIASES[f[2]])
        srcs = sorted(set(p["labels"].values()))
        print("%s\t%s\tok\t%s (%s; gen-persons.py --verify)"
              % (f[2], f[0], note, ", ".join(srcs)))
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
    if len(args) != 2:
        print("usage: gen-persons.py [--verify] PROTO-COMMONS-DIR "
              "EVERYPOLITICIAN-DATA-GIT-DIR", file=sys.stderr)
        return 2
    people = {}
    if not read_proto(args[0], people):
        print("gen-persons: no query-results.json under %s" % args[0],
              file=sys.stderr)
        return 1
    read_ep(args[1], people)
    if check:
        return verify(people)
    rows = []
    for q, p in people.items():
        label = primary(p)
        name = name_of(label)
        if " " not in name:
            continue  # a full name only: a lone word would tie every namesake
        aliases = sorted((set(p["labels"]) | set(ALIASES.get(q, ())))
                         - {name})
        if p["ctx"] is not None:
            ctx = p["ctx"]
        else:
            ctx = ["politics"] + sorted({w for party in p["parties"]
                                         for w in party_words(party)})
        rows.append((name, "|".join(aliases), q, "|".join(sorted(p["roles"])),
                     "|".join(ctx)))
    rows.sort(key=lambda r: (r[0], int(r[2][1:])))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# persons.tsv - notable persons with their Wikidata items "
                  "(GENERATED by ontology/gen-persons.py; do not edit).\n"
                  "# Sources: Wikidata values stored by "
                  "github.com/everypolitician/proto-commons-united-kingdom\n"
                  "# (commit 320daac5, 2018: UK MPs of 2017, peers, "
                  "executive office holders) and\n"
                  "# github.com/everypolitician/everypolitician-data (commit "
                  "0642e77a, 2015: UK MPs with a Wikidata item,\n"
                  "# the parties of 1997-2015, a few heads of government "
                  "abroad).  Licence: CC0 1.0 (Wikidata); roles\n"
                  "# of OFFICES and aliases of ALIASES hand-checked "
                  "(gen-persons.py).\n"
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
