#!/usr/bin/env python3
"""fulltext.py - check that an article page shows the article's whole
text: the text of its paragraphs (without the headline, the legend and
the speaker links of the marks) is the article's text after its headline
line, all whitespace aside.  With a second page, also that both pages
have the same <article> element but for the values of href (a served page
links speakers to /person/..., a standalone one to #agent-K).

  fulltext.py PAGE.html ARTICLE.txt [OTHER.html]

Prints what differs and "full text ok" or "same body ok"; exits 1 on a
difference.
"""
import re
import sys
from html.parser import HTMLParser


class Text(HTMLParser):
    """The text of the unclassed <p> elements of <article>, without the
    text of <a class="by">."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.article = self.para = self.by = 0
        self.out = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.article += 1
        elif tag == "p" and self.article and "class" not in a:
            self.para += 1
        elif tag == "a" and self.para and a.get("class") == "by":
            self.by += 1

    def handle_endtag(self, tag):
        if tag == "article" and self.article:
            self.article -= 1
        elif tag == "p" and self.para:
            self.para -= 1
        elif tag == "a" and self.by:
            self.by -= 1

    def handle_data(self, data):
        if self.para and not self.by:
            self.out.append(data)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def article_of(html):
    i, j = html.find("<article>"), html.find("</article>")
    return re.sub(r'href="[^"]*"', 'href=""', html[i:j]) if 0 <= i < j else ""


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    text = open(sys.argv[2], encoding="utf-8", newline="").read()
    want = squeeze(text.split("\n", 1)[1] if "\n" in text else "")
    # the page shows control characters as spaces (as the graph keeps them)
    want = squeeze(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", want))
    t = Text()
    t.feed(page)
    got = squeeze("".join(t.out))
    bad = 0
    if got != want:
        k = next((i for i in range(min(len(got), len(want)))
                  if got[i] != want[i]), min(len(got), len(want)))
        print("text differs at %d: page %r, article %r"
              % (k, got[k:k + 40], want[k:k + 40]))
        bad = 1
    else:
        print("full text ok (%d characters)" % len(want))
    if len(sys.argv) > 3:
        other = open(sys.argv[3], encoding="utf-8").read()
        a, b = article_of(page), article_of(other)
        if not a or a != b:
            print("the <article> elements differ (%d and %d characters)"
                  % (len(a), len(b)))
            bad = 1
        else:
            print("same body ok (%d characters)" % len(a))
    return bad


if __name__ == "__main__":
    sys.exit(main())
