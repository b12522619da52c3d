#!/usr/bin/env python3
"""ntcheck.py - checks on N-Triples for tests/hostile/run.sh.

  ntcheck.py iris FILE.nt        every IRI is an absolute IRI per RFC 3987
  ntcheck.py headline FILE.nt ARTICLE
                                 the ng:headline literal is the article's
                                 first line, trimmed, with newsgraph's
                                 literal rules (CR LF and CR -> LF, other C0
                                 controls and DEL -> space, U+FFFE/U+FFFF ->
                                 U+FFFD)
Prints one line per problem; exit 1 if any.
"""
import re
import sys

# RFC 3987 IRI, from its ABNF (ipath-abempty etc. folded into one
# character class per part; percent-encodings checked separately).
UCS = (r"\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"
       r"\U00010000-\U0001FFFD\U00020000-\U0002FFFD\U00030000-\U0003FFFD"
       r"\U00040000-\U0004FFFD\U00050000-\U0005FFFD\U00060000-\U0006FFFD"
       r"\U00070000-\U0007FFFD\U00080000-\U0008FFFD\U00090000-\U0009FFFD"
       r"\U000A0000-\U000AFFFD\U000B0000-\U000BFFFD\U000C0000-\U000CFFFD"
       r"\U000D0000-\U000DFFFD\U000E1000-\U000EFFFD")
UNRES = r"A-Za-z0-9\-._~" + UCS
SUB = r"!$&'()*+,;="
PCT = r"%[0-9A-Fa-f]{2}"
IPCHAR = r"(?:[" + UNRES + SUB + r":@]|" + PCT + r")"
IRI = re.compile(
    r"[A-Za-z][A-Za-z0-9+\-.]*:"                      # scheme
    r"(?://(?:(?:[" + UNRES + SUB + r":]|" + PCT + r")*@)?"  # userinfo
    r"(?:\[[0-9A-Fa-f:.]+\]|(?:[" + UNRES + SUB + r"]|" + PCT + r")*)"
    r"(?::[0-9]*)?)?"                                 # host, port
    r"(?:/?" + IPCHAR + r"*(?:/" + IPCHAR + r"*)*)"   # path
    r"(?:\?(?:" + IPCHAR + r"|[/?\uE000-\uF8FF])*)?"  # query
    r"(?:#(?:" + IPCHAR + r"|[/?])*)?")               # fragment

ESC = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
SIMPLE = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\",
          "b": "\b", "f": "\f", "'": "'"}


def unescape(s):
    def one(m):
        if m.group(1) or m.group(2):
            return chr(int(m.group(1) or m.group(2), 16))
        return SIMPLE.get(m.group(3), "\\" + m.group(3))
    return ESC.sub(one, s)


def terms(line):
    """IRIs and literals of one N-Triples line."""
    return (re.findall(r"<([^>]*)>", re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)),
            re.findall(r'"((?:[^"\\]|\\.)*)"', line))


def check_iris(path):
    bad = 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        iris, _ = terms(line)
        for raw in iris:
            iri = unescape(raw)
            if not IRI.fullmatch(iri):
                print(f"{path}:{n}: not an RFC 3987 IRI: <{iri}>")
                bad += 1
    return bad


def normalise(s):
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", s)
    return s.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")


def check_headline(path, article):
    text = open(article, "rb").read().decode("utf-8")
    # a lone CR ends a line too (old Mac line ends)
    want = normalise(re.split(r"\r\n|\r|\n", text, 1)[0].strip(" \t"))
    got = None
    for line in open(path, encoding="utf-8"):
        if "<https://w3id.org/newsgraph/ns#headline>" in line:
            got = unescape(terms(line)[1][0])
    if got != want:
        print(f"{path}: headline {got!r}, want {want!r}")
        return 1
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "iris":
        return 1 if check_iris(argv[2]) else 0
    if len(argv) == 4 and argv[1] == "headline":
        return 1 if check_headline(argv[2], argv[3]) else 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
