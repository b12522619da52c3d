#!/usr/bin/env python3
"""gen-occupations.py - one-word occupation nouns for the titles lookup, from ESCO.

Reads ../shared/data/esco-occupations-en.tsv (ESCO v1.0 occupations with their
English preferred and alternative labels) and writes ontology/lexicon/
occupations.tsv: the one-word labels that read as a person's occupation in
news ("archaeologist", "choreographer", "jockey"), as kind `occupation`.
Kept: lower-case single words of 5+ letters with an agent-noun ending (-ist,
-er, -or, -ian, -man, -woman, -eur, -ess ...). Dropped: plurals, words that
are also given names or common English surnames ("Baker", "Mason", "Porter"
-- a capitalised surname must stay a name), and words whose everyday sense
is not a person ("glacier", "sewer", "mixer") or that news uses for firms
("bookmaker William Hill", "winemaker Acme", "auctioneers"). Entries already in
titles.tsv are left to titles.tsv (the loader keeps the first kind).

Licence of the output: CC BY 4.0, derived from ESCO, © European Union.
"This service uses the ESCO classification of the European Commission."
"""
import argparse
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

ENDINGS = ("ist", "er", "or", "ian", "man", "woman", "eur", "ess", "ant",
           "ent", "ee", "ier", "ster", "ive", "ographer", "wright")

# Surnames and words whose ordinary sense in news is not a person.
DROP = set("""
archer baker barber bowman brewer butcher butler carpenter carrier carter
chandler cooper dresser dyer fisher fletcher forester gardener glover hunter
marshal marshaller mason miller packer palmer parker porter potter sawyer
shepherd spinner steward stewart tanner tailor turner walker weaver webster
wheeler fowler knight page sexton singer painter cutter drawer dryer feeder
mixer closer catcher grader helm glacier sewer tanker pusher springer factor
recorder reader consumer companion extra double medium super substitute
sensitive commissioning staking moistening products highways prompt planner
seller buyer maker loaner lister proofer presser preserver spreader sorter
straightener trimmer tester ironer filer finisher coater blancher buffer
burnisher chipper clarifier coiler coker debarker deburrer dipper extractor
granulator hydrogenator neutraliser neutralizer upsetter shunter sexer
skiver tufter laster jointer joiner fitter miner binder caster treasurer
agent dealer producer tutor enumerator estimator controller calibrator
collier chamberlain warden ranger usher porter mercer draper hatter
gauger grinder cobbler spencer glazier merchant steersman decorator
ombudsman super drafter drawer escort gunner lineman linesman topman
woodman wireman kilnman ladleman boilerman bellman chainhand mover
pipelayer piledriver lagger assembler installer insulator irrigator
excavator exterminator recycler retailer wholesaler supervisor
receptionist courier groom closer plater tiler roofer paver packager
reviser rescuer restorer refueller rigger riveter rivetter ropeman
servant conveyancer enameller outfitter stationer fermenter distiller
malster malter maltster meatcutter gemsetter tilefitter intervenor
liquidator adjudicator arbiter conciliator moderator narrator imitator
performer impersonator mimic advocate assistant apprentice custodian
shearer hawker brazier farrier peddler mariner logger blaster oiler greaser
hewer coter tawer draughter inker fettler bodger canner cabler penciler sartor
procurer linisher laminater marketeer fundraiser climber sweeper stockman
sapper dubber framer smelter promoter publisher reviewer purchaser typist
bookmaker winemaker jeweller jeweler shipbuilder toymaker watchmaker
stockbroker auctioneer confectioner chocolatier vintner shipbroker pawnbroker
boatbuilder coachbuilder bookseller greengrocer merchandiser hotelier
fishmonger costermonger
""".split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = os.environ.get("NEWSGRAPH_SHARED", os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--data", default=os.path.join(shared, "data"))
    ap.add_argument("--out", default=os.path.join(HERE, "lexicon"))
    a = ap.parse_args()

    given = set()
    for line in open(os.path.join(HERE, "lexicon", "given-names.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            given.add(line.split("\t")[0].lower())
    have = set()
    for line in open(os.path.join(HERE, "lexicon", "titles.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            have.add(line.split("\t")[0])

    words = set()
    with open(os.path.join(a.data, "esco-occupations-en.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for l in [r["label"]] + r["alt_labels"].split("|"):
                words.add(l.strip())
    keep = set()
    for w in words:
        if not re.fullmatch(r"[a-z][a-z-]{4,}", w) or w.endswith("-"):
            continue
        if not w.endswith(ENDINGS):
            continue
        if w.endswith("s") and w[:-1] in words and not w.endswith("ess"):
            continue  # plural
        if w in DROP or w in given or w in have:
            continue
        keep.add(w)
    path = os.path.join(a.out, "occupations.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# occupations.tsv - one-word occupations (GENERATED by ontology/gen-occupations.py;\n"
                  "# do not edit). Derived from ESCO v1.0 occupation labels, (c) European Union,\n"
                  "# CC BY 4.0. \"This service uses the ESCO classification of the European\n"
                  "# Commission.\" Same columns as titles.tsv; titles.tsv wins on overlap.\n")
        out.write("title\tkind\n")
        for w in sorted(keep):
            out.write("%s\toccupation\n" % w)
    print("wrote %s: %d rows" % (os.path.relpath(path, ROOT), len(keep)), file=sys.stderr)


if __name__ == "__main__":
    main()
