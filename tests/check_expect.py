#!/usr/bin/env python3
"""check_expect.py - check a graph against a golden-test .expect file.

Usage: check_expect.py EXPECT NTRIPLES [--error MESSAGE]

NTRIPLES is the article's graph as N-Triples (rapper -o ntriples).  With
--error (extraction failed), every check fails with MESSAGE.  Prints one
line per check, "PASS <line>" or "FAIL <file>:<n>: <line>: <why>", nothing
else; exit status 0 when all pass, 1 otherwise.

The .expect language, one check per line ('#' starts a comment line,
names and texts compare case-insensitively after Unicode NFC, with curly
quotes, dashes and runs of white space folded):

  article PATH                      (not a check: the text to extract, relative
                                     to the project root; default NAME.txt)
  headline ~ TEXT                   an ng:Article whose ng:headline contains TEXT
  person NAME                       an ng:Person whose rdfs:label is NAME
  org NAME                          an ng:Organization labelled NAME (label or
                                     skos:altLabel)
  alias NAME = ALT                  person or organisation NAME has skos:altLabel ALT
  role NAME = WORDS                 person NAME ng:holdsRole a role whose
                                     rdfs:label or ng:title has every word
  quote NAME ~ TEXT                 an ng:DirectQuote, ng:speaker labelled NAME,
                                     whose ng:text contains TEXT
  reported NAME ~ TEXT              the same for ng:ReportedSpeech
  topic ~ TEXT                      an ng:Topic whose label contains TEXT
  agreement NAME ~ TEXT             an ng:Agreement with an ng:party labelled
                                     NAME whose rdfs:label or ng:text contains
                                     TEXT ("agreement ~ TEXT": any parties)
  count KIND N                      exactly N nodes of KIND (persons, orgs,
                                     quotes, reported, topics, agreements,
                                     articles); also "count KIND >= N", "<= N"
  not CHECK                         CHECK must fail (any check but count)

A NAME or TEXT may list alternatives separated by '|': any one matches.
"""
import re
import sys
import unicodedata

NG = "https://w3id.org/newsgraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
LABELS = (RDFS_LABEL, SKOS + "prefLabel")
ALL_LABELS = LABELS + (SKOS + "altLabel",)

KINDS = {
    "persons": "Person", "orgs": "Organization", "quotes": "DirectQuote",
    "reported": "ReportedSpeech", "topics": "Topic",
    "agreements": "Agreement", "articles": "Article", "roles": "Role",
    "statements": "Statement",
}

# ------------------------------------------------------------ N-Triples

TERM = re.compile(r'\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)')
ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f",
          '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    def rep(m):
        e = m.group(1)
        if e[0] in "uU" and len(e) > 1:
            return chr(int(e[1:], 16))
        return SIMPLE.get(e, e)
    return ESC.sub(rep, s)


def term(tok):
    """IRIs and blank nodes keep their brackets; literals become str."""
    if tok.startswith('"'):
        end = tok.rindex('"')
        return ("lit", unescape(tok[1:end]))
    if tok.startswith("<"):
        return ("iri", unescape(tok[1:-1]))
    return ("bnode", tok)


def parse_ntriples(text):
    triples = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pos, parts = 0, []
        for _ in range(3):
            m = TERM.match(line, pos)
            if not m:
                raise ValueError("N-Triples line %d unreadable: %s" % (n, line))
            parts.append(term(m.group(1)))
            pos = m.end()
        triples.append(tuple(parts))
    return triples


# ------------------------------------------------------------ the graph

def norm(s):
    s = unicodedata.normalize("NFC", s)
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'),
                 ("\u2018", "'"), ("\u2019", "'"), ("\u2013", "-"),
                 ("\u2014", "-"), ("\u2026", "...")):
        s = s.replace(a, b)
    return " ".join(s.casefold().split())


def words(s):
    return set(re.findall(r"\w+", norm(s)))


class Graph:
    def __init__(self, triples):
        self.out = {}
        for s, p, o in triples:
            self.out.setdefault(s, {}).setdefault(p[1], []).append(o)

    def values(self, node, pred):
        return [o[1] for o in self.out.get(node, {}).get(pred, [])
                if o[0] == "lit"]

    def objects(self, node, pred):
        return self.out.get(node, {}).get(pred, [])

    def of_type(self, cls):
        t = ("iri", NG + cls)
        return [s for s, po in self.out.items() if t in po.get(RDF_TYPE, [])]

    def labelled(self, node, name, preds=LABELS):
        """name may list alternatives: "John R. Bolton | John Bolton"."""
        alts = {norm(n) for n in name.split("|")}
        return any(norm(v) in alts for p in preds for v in self.values(node, p))

    def persons(self, name):
        return [s for s in self.of_type("Person") if self.labelled(s, name)]

    def texts(self, node, preds):
        return [v for p in preds for v in self.values(node, p)]


# ------------------------------------------------------------ checks

def split2(rest, sep):
    if sep not in rest:
        raise ValueError("expected '%s'" % sep.strip())
    a, b = rest.split(sep, 1)
    return a.strip(), b.strip()


def contains(texts, want):
    """want may list alternatives: "cyber | hack"."""
    alts = [norm(w) for w in want.split("|")]
    return any(w in norm(t) for t in texts for w in alts)


def check_statement(g, cls, rest):
    name, text = split2(rest, "~")
    for s in g.of_type(cls):
        if not contains(g.values(s, NG + "text"), text):
            continue
        if any(g.labelled(sp, name) for sp in g.objects(s, NG + "speaker")):
            return True, ""
    return False, "no %s by '%s' containing '%s'" % (cls, name, text)


def run_check(g, line):
    """Return (ok, why)."""
    kw, _, rest = line.partition(" ")
    rest = rest.strip()
    if kw == "not":
        if rest.split(" ", 1)[0] == "count":
            raise ValueError("'not count' is not allowed")
        ok, _ = run_check(g, rest)
        return (not ok), ("it holds" if ok else "")
    if kw == "person":
        return bool(g.persons(rest)), "no ng:Person labelled '%s'" % rest
    if kw == "org":
        ok = any(g.labelled(s, rest, ALL_LABELS)
                 for s in g.of_type("Organization"))
        return ok, "no ng:Organization labelled '%s'" % rest
    if kw == "headline":
        _, text = split2(" " + rest, "~")
        ok = any(contains(g.values(s, NG + "headline"), text)
                 for s in g.of_type("Article"))
        return ok, "no headline containing '%s'" % text
    if kw == "alias":
        name, alt = split2(rest, "=")
        ps = g.persons(name) or [s for s in g.of_type("Organization")
                                 if g.labelled(s, name)]
        if not ps:
            return False, "no ng:Person or ng:Organization labelled '%s'" % name
        ok = any(g.labelled(p, alt, (SKOS + "altLabel",)) for p in ps)
        return ok, "'%s' has no skos:altLabel '%s'" % (name, alt)
    if kw == "role":
        name, title = split2(rest, "=")
        ps = g.persons(name)
        if not ps:
            return False, "no ng:Person labelled '%s'" % name
        want = words(title)
        for p in ps:
            for r in g.objects(p, NG + "holdsRole"):
                for t in g.texts(r, (RDFS_LABEL, NG + "title")):
                    if want <= words(t):
                        return True, ""
        return False, "'%s' holds no role with the words '%s'" % (name, title)
    if kw == "quote":
        return check_statement(g, "DirectQuote", rest)
    if kw == "reported":
        return check_statement(g, "ReportedSpeech", rest)
    if kw == "topic":
        _, text = split2(" " + rest, "~")
        ok = any(contains(g.texts(s, ALL_LABELS), text)
                 for s in g.of_type("Topic"))
        return ok, "no ng:Topic labelled with '%s'" % text
    if kw == "agreement":
        name, text = split2(" " + rest, "~")
        for s in g.of_type("Agreement"):
            if not contains(g.texts(s, (RDFS_LABEL, NG + "text")), text):
                continue
            if not name or any(g.labelled(p, name, ALL_LABELS)
                               for p in g.objects(s, NG + "party")):
                return True, ""
        return False, "no ng:Agreement%s about '%s'" % (
            " with party '%s'" % name if name else "", text)
    if kw == "count":
        m = re.fullmatch(r"(\w+)\s+(>=|<=)?\s*(\d+)", rest)
        if not m or m.group(1) not in KINDS:
            raise ValueError("count KIND [>=|<=] N, KIND one of "
                             + " ".join(sorted(KINDS)))
        have = len(g.of_type(KINDS[m.group(1)]))
        want, op = int(m.group(3)), m.group(2) or "=="
        ok = {"==": have == want, ">=": have >= want,
              "<=": have <= want}[op]
        return ok, "found %d" % have
    raise ValueError("unknown check '%s'" % kw)


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--error"):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    expect, ntfile = argv[1], argv[2]
    error = argv[4] if len(argv) == 5 else None
    g = None
    if error is None:
        try:
            with open(ntfile, encoding="utf-8") as f:
                g = Graph(parse_ntriples(f.read()))
        except (OSError, ValueError, UnicodeDecodeError) as e:
            error = "cannot read the graph: %s" % e
    failed = 0
    with open(expect, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("article "):
            continue
        line = " ".join(line.split())
        try:
            ok, why = (False, error) if error else run_check(g, line)
        except ValueError as e:
            ok, why = False, "bad check: %s" % e
        if ok:
            print("PASS %s" % line)
        else:
            failed += 1
            print("FAIL %s:%d: %s: %s" % (expect, n, line, why))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
