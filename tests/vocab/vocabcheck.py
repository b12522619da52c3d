#!/usr/bin/env python3
"""vocabcheck.py - every term newsgraph writes is declared, in one
schema.org namespace, under prefixes that clash with no well-known one.

Usage: vocabcheck.py --onto NT... --data NQ... [--turtle TTL...]
                     [--context JSONLD]

--onto: the ontology files as N-Triples (newsgraph.ttl, schemaorg.ttl);
--data: extracted output as N-Quads or N-Triples; --turtle: extracted
Turtle, whose @prefix lines are checked; --context: the JSON-LD context.

Checks:
  1. every predicate of the data is declared as a property in the ontology
     files (owl:*Property, rdf:Property) or is rdf:type / owl:sameAs;
  2. every class the data gives (object of rdf:type) is declared as a class
     (owl:Class, rdfs:Class);
  3. no IRI anywhere uses https://schema.org/ (one namespace: http);
  4. every schema: term the ontology uses is declared in schemaorg.ttl;
  5. a prefix with a well-known name (org, schema, foaf ...) in the Turtle
     output or the context maps to that well-known namespace.
Prints "ok N statements, P predicates, C classes" or one line per problem
(exit 1).
"""
import argparse
import json
import re
import sys

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SCHEMA = "http://schema.org/"
BUILTIN_PROPS = {RDF + "type", OWL + "sameAs"}
PROP_TYPES = {OWL + "ObjectProperty", OWL + "DatatypeProperty",
              OWL + "AnnotationProperty", RDF + "Property"}
CLASS_TYPES = {OWL + "Class", RDFS + "Class"}
WELL_KNOWN = {
    "rdf": RDF, "rdfs": RDFS, "owl": OWL,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": SCHEMA, "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#", "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "wd": "http://www.wikidata.org/entity/", "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#", "sh": "http://www.w3.org/ns/shacl#",
}
TERM = r'(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?)'
LINE = re.compile(r'^%s %s %s(?: %s)? \.$' % (TERM, TERM, TERM, TERM))


def statements(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            m = LINE.match(line)
            if not m:
                raise SystemExit("%s:%d: not N-Quads: %s" % (path, n, line[:80]))
            yield m.group(1), m.group(2), m.group(3)


def iri(t):
    return t[1:-1] if t.startswith("<") else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--onto", nargs="+", required=True)
    ap.add_argument("--data", nargs="+", required=True)
    ap.add_argument("--turtle", nargs="*", default=[])
    ap.add_argument("--context")
    a = ap.parse_args()
    problems = []
    props, classes, schema_declared, onto_schema = set(), set(), set(), set()
    for path in a.onto:
        for s, p, o in statements(path):
            for t in (s, p, o):
                if t.startswith("<https://schema.org/"):
                    problems.append("%s: https schema.org IRI %s" % (path, t))
            if iri(p) == RDF + "type" and iri(o) in PROP_TYPES:
                props.add(iri(s))
            if iri(p) == RDF + "type" and iri(o) in CLASS_TYPES:
                classes.add(iri(s))
            if path.endswith("schemaorg.nt") and (iri(s) or "").startswith(SCHEMA):
                schema_declared.add(iri(s))
            if not path.endswith("schemaorg.nt"):
                onto_schema.update(iri(t) for t in (s, p, o)
                                   if (iri(t) or "").startswith(SCHEMA)
                                   and iri(t) != SCHEMA)
    for t in sorted(onto_schema - schema_declared):
        problems.append("the ontology uses %s, not declared in schemaorg.ttl" % t)
    n = 0
    used_p, used_c = set(), set()
    for path in a.data:
        for s, p, o in statements(path):
            n += 1
            for t in (s, p, o):
                if t.startswith("<https://schema.org/"):
                    problems.append("%s: https schema.org IRI %s" % (path, t))
            used_p.add(iri(p))
            if iri(p) == RDF + "type":
                used_c.add(iri(o) or o)
    for p in sorted(used_p - props - BUILTIN_PROPS):
        problems.append("predicate <%s> is declared nowhere" % p)
    for c in sorted(used_c - classes):
        problems.append("class <%s> is declared nowhere" % c)
    decl = []
    for path in a.turtle:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r'@prefix ([A-Za-z][\w.-]*)?: <([^>]*)> \.', line)
                if m:
                    decl.append((path, m.group(1) or "", m.group(2)))
    if a.context:
        ctx = json.load(open(a.context, encoding="utf-8"))["@context"]
        for k, v in ctx.items():
            if isinstance(v, str) and not k.startswith("@"):
                decl.append((a.context, k, v))
    for path, pre, ns in decl:
        if pre in WELL_KNOWN and WELL_KNOWN[pre] != ns:
            problems.append("%s: prefix %s: is <%s>, well known as <%s>"
                            % (path, pre, ns, WELL_KNOWN[pre]))
    for line in sorted(set(problems)):
        print(line)
    if problems:
        return 1
    print("ok %d statements, %d predicates, %d classes" % (n, len(used_p),
                                                           len(used_c)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
