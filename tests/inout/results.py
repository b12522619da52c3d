#!/usr/bin/env python3
"""results.py KIND GOT WANT - compare SPARQL results (KIND json, xml, csv
or tsv) as the W3C formats define them: the variables in order, the rows
as a multiset, each term with its type, value, language and datatype;
blank node labels may differ but must map one to one.  For json also: no
keys the format does not have.  Exits 1 with the difference."""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def from_json(text):
    d = json.loads(text)
    bad = set(d) - {"head", "results", "boolean"}
    bad |= set(d.get("head", {})) - {"vars", "link"}
    bad |= set(d.get("results", {})) - {"bindings"}
    if bad:
        raise SystemExit("keys the JSON results format does not have: %s"
                         % sorted(bad))
    if "boolean" in d:
        return [], [d["boolean"]]
    rows = []
    for b in d["results"]["bindings"]:
        row = {}
        for k, t in b.items():
            extra = set(t) - {"type", "value", "xml:lang", "datatype"}
            if extra:
                raise SystemExit("term keys not in the format: %s" % extra)
            row[k] = (t["type"], t["value"], t.get("xml:lang"),
                      t.get("datatype"))
        rows.append(row)
    return d["head"]["vars"], rows


def from_xml(text):
    root = ET.fromstring(text)
    if root.tag != NS + "sparql":
        raise SystemExit("root is not sparql: " + root.tag)
    names = [v.get("name") for v in root.find(NS + "head")
             if v.tag == NS + "variable"]
    b = root.find(NS + "boolean")
    if b is not None:
        return [], [b.text == "true"]
    rows = []
    for r in root.find(NS + "results"):
        row = {}
        for bd in r:
            t = bd[0]
            kind = t.tag[len(NS):]
            if kind not in ("literal", "uri", "bnode"):
                raise SystemExit("<%s> is no term of the XML format" % kind)
            row[bd.get("name")] = (kind, t.text or "", t.get(XML_LANG),
                                   t.get("datatype"))
        rows.append(row)
    return names, rows


def from_lines(text, kind):
    if kind == "csv":
        if not text.endswith("\r\n") or re.search(r"[^\r]\n", text):
            raise SystemExit("CSV lines must end in CRLF")
        lines = list(csv.reader(io.StringIO(text, newline="")))
        head = lines[0]
    else:
        if "\r" in text:
            raise SystemExit("TSV lines end in LF")
        lines = [l.split("\t") for l in text.split("\n")[:-1]]
        head = [h[1:] if h.startswith("?") else "!" + h for h in lines[0]]
    rows = []
    for l in lines[1:]:
        row = {}
        for k, v in zip(head, l):
            if v == "":
                continue
            if v.startswith("_:"):
                row[k] = ("bnode", v[2:], None, None)
            else:
                row[k] = ("text", v, None, None)
        rows.append(row)
    return head, rows


def canon(rows):
    """Rows with blank node labels renamed in order of first use, rows
    sorted by what is not a blank node first."""
    def key(row):
        return sorted((k, v) for k, v in row.items() if v[0] != "bnode")
    rows = sorted(rows, key=lambda r: repr(key(r)))
    names = {}
    out = []
    for row in rows:
        new = {}
        for k in sorted(row):
            v = row[k]
            if v[0] == "bnode":
                v = ("bnode", names.setdefault(v[1], "b%d" % len(names)),
                     None, None)
            new[k] = v
        out.append(new)
    return sorted(out, key=repr)


def main():
    kind, got, want = sys.argv[1:4]
    read = {"json": from_json, "xml": from_xml}.get(kind)
    g = open(got, encoding="utf-8", newline="").read()
    w = open(want, encoding="utf-8", newline="").read()
    if read is None:
        gv, gr = from_lines(g, kind)
        wv, wr = from_lines(w, kind)
    else:
        gv, gr = read(g)
        wv, wr = read(w)
    if gv != wv:
        raise SystemExit("variables %s, want %s" % (gv, wv))
    if canon(gr) != canon(wr):
        raise SystemExit("rows differ:\n got %s\nwant %s"
                         % (canon(gr), canon(wr)))


main()
