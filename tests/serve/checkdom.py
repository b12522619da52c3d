#!/usr/bin/env python3
"""checkdom.py - check an article page's DOM (as headless Chromium dumps
it) against the article's graph: every statement of the graph is a
<mark id="statement-N"> of class direct (ng:DirectQuote) or reported
(ng:ReportedSpeech) whose text is the statement's ng:text and that ends
with a link <a class="by"> to its speaker.

  checkdom.py DOM.html GRAPH.nt standalone|served

standalone: the link is #agent-K and <li id="agent-K"> names the speaker;
served: the link is /person/SLUG (or #agent-K for an organisation).
Prints one line per problem and the counts; exits 1 on a problem.
"""
import re
import sys
from html.parser import HTMLParser

NG = "https://w3id.org/newsgraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TRIPLE = re.compile(r'^<([^>]*)> <([^>]*)> (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"\S*) \.$')


ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\",
          "'": "'", "b": "\b", "f": "\f"}


def unescape(lit):
    body = lit[1:lit.rindex('"')]
    return ESC.sub(lambda m: chr(int(m.group(1)[1:], 16))
                   if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                   else SIMPLE.get(m.group(1), m.group(1)), body)


def read_graph(path):
    stmts, labels = {}, {}
    for line in open(path, encoding="utf-8"):
        m = TRIPLE.match(line.strip())
        if not m:
            continue
        s, p, o = m.groups()
        if "#statement-" in s:
            st = stmts.setdefault(s, {})
            if p == NG + "text":
                st["text"] = unescape(o)
            elif p == NG + "speaker":
                st["speaker"] = o[1:-1]
            elif p == RDF_TYPE and o in ("<%sDirectQuote>" % NG,
                                          "<%sReportedSpeech>" % NG):
                st["direct"] = "DirectQuote" in o
        if p == LABEL:
            labels[s] = unescape(o)
    return stmts, labels


class Dom(HTMLParser):
    """Collects marks (their own text, without the speaker links), the
    speaker links and the list items of agents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open elements: (tag, attrs)
        self.marks = {}          # id -> {class, text, by: [href...]}
        self.open_marks = []     # ids of the marks we are inside
        self.agents = {}         # id -> text
        self.agent = None
        self.in_by = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("br", "meta", "link", "img", "input"):
            if tag == "br":
                self.handle_data("\n")
            return
        self.stack.append(tag)
        if tag == "mark" and a.get("id", "").startswith("statement-"):
            self.marks[a["id"]] = {"class": a.get("class", ""), "text": "",
                                   "by": None, "depth": len(self.stack)}
            self.open_marks.append(a["id"])
        elif tag == "a" and "by" in a.get("class", "").split():
            self.in_by += 1
            if self.open_marks:
                m = self.marks[self.open_marks[-1]]
                m["by_pending"] = a.get("href")
        elif tag == "li" and a.get("id", "").startswith("agent-"):
            self.agent = a["id"]
            self.agents[self.agent] = ""

    def handle_endtag(self, tag):
        if not self.stack:
            return
        top = self.stack.pop()
        if top == "a" and self.in_by:
            self.in_by -= 1
            if self.open_marks:
                m = self.marks[self.open_marks[-1]]
                m["by"] = m.pop("by_pending", None)
        elif top == "mark" and self.open_marks and \
                self.marks[self.open_marks[-1]]["depth"] == len(self.stack) + 1:
            self.open_marks.pop()
        elif top == "li":
            self.agent = None

    def handle_data(self, data):
        if not self.in_by:
            for mid in self.open_marks:
                self.marks[mid]["text"] += data
        if self.agent:
            self.agents[self.agent] += data


def norm(s):
    return " ".join(s.split())


def main():
    dom_path, nt_path, mode = sys.argv[1:4]
    stmts, labels = read_graph(nt_path)
    d = Dom()
    d.feed(open(dom_path, encoding="utf-8").read())
    bad = ok = 0
    for iri, st in sorted(stmts.items()):
        mid = "statement-" + iri.rsplit("-", 1)[1]
        m = d.marks.get(mid)
        why = None
        if m is None:
            why = "no <mark id=%s>" % mid
        elif ("direct" if st.get("direct") else "reported") not in \
                m["class"].split():
            why = "class %r for a %s" % (m["class"], "direct quote"
                                         if st.get("direct") else "report")
        elif norm(m["text"]) != norm(st.get("text", "")):
            why = "text %r, want %r" % (m["text"][:60], st.get("text", "")[:60])
        elif "speaker" in st:
            href = m["by"] or ""
            want = labels.get(st["speaker"], "?")
            if href.startswith("#agent-"):
                name = d.agents.get(href[1:], "")
                if want not in name:
                    why = "speaker link %s names %r, want %r" % (href, name[:40],
                                                                 want)
            elif mode == "served" and href.startswith("/person/"):
                if st["speaker"].rsplit("/", 1)[1] != href[len("/person/"):]:
                    why = "speaker link %s for %s" % (href, st["speaker"])
            else:
                why = "no speaker link (%r)" % href
        if why:
            bad += 1
            print("checkdom: %s: %s" % (mid, why))
        else:
            ok += 1
    print("checkdom: %d statements ok, %d wrong" % (ok, bad))
    sys.exit(1 if bad or ok == 0 else 0)


main()
