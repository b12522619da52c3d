/* test_topics.c - unit tests of the topics stage: key phrase candidates
 * and their scores (extract/keyphrase.c), subject blocks (extract/tiling.c)
 * and the topics, labels and categories built from them (extract/topics.c).
 * Every text is invented.  Needs the lexicons: run from the project root or
 * set NEWSGRAPH_DATA.  Prints "N passed, N failed" last; exits 1 on any
 * failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "unit.h"
#include "keyphrase.h"
#include "tiling.h"


static const ngi_kp *cand(const ngi_kpset *k, const char *key) {
  for (size_t i = 0; i < k->nkp; i++)
    if (strcmp(k->kp[i].key, key) == 0)
      return &k->kp[i];
  return NULL;
}

/* Number of article topics (ng:topic) whose label contains word. */
static int topics_with(const ngi_result *r, const char *word) {
  int n = 0;
  for (size_t i = 0; i < r->ntopics; i++)
    if (r->topics[i].from_heading && r->topics[i].article &&
        strstr(r->topics[i].label, word))
      n++;
  return n;
}

static size_t minted(const ngi_result *r) {
  size_t n = 0;
  for (size_t i = 0; i < r->ntopics; i++)
    n += r->topics[i].from_heading && r->topics[i].article;
  return n;
}

/* Two subjects, three paragraphs each. */
static const char two_subjects[] =
  "Village news\n\n"
  "The village bakery has reopened after a fire. The bakery lost its "
  "ovens in the fire last winter.\n\n"
  "New ovens were fitted at the bakery in March. The bakery owners "
  "thanked neighbours for their support after the fire.\n\n"
  "Bread from the bakery is on sale again every morning. The bakery will "
  "also sell cakes on Saturdays.\n\n"
  "The cricket club has lost its captain to a knee injury. The captain "
  "hurt his knee in the final cricket match of the season.\n\n"
  "Doctors told the captain to rest the knee for six weeks. The cricket "
  "club will choose a new captain for the cup match.\n\n"
  "The cricket club hopes the captain will return for the cup final. "
  "Cricket fans sent the captain cards.\n";

static void test_candidates(void) {
  ng_doc *d = run("Museum theft\n\n"
                  "Police are investigating the theft of the painting from "
                  "the city museum. The theft of the painting was found on "
                  "Monday. The museum plans to build a new alarm system, "
                  "and the museum's alarm system will cost more.\n");
  if (!d)
    return;
  ngi_kpset k;
  check(ngi_keyphrases(d, &k) == NG_OK, "ngi_keyphrases", 0);
  check(cand(&k, "theft painting") != NULL, "\"X of the Y\" is a candidate",
        0);
  check(cand(&k, "alarm system") != NULL, "a noun run is a candidate", 0);
  const ngi_kp *a = cand(&k, "alarm system");
  check(a && a->head, "a run of common nouns may head a topic", 0);
  check(cand(&k, "build") == NULL && cand(&k, "build alarm system") == NULL,
        "a word after \"to\" is a verb", 0);
  check(cand(&k, "museum alarm system") != NULL,
        "a possessive runs on to its noun", 0);
  const ngi_kp *t = cand(&k, "theft painting"), *m = cand(&k, "museum");
  check(t && m && ngi_kp_score(t, t->tf) < ngi_kp_score(m, m->tf),
        "a repeated phrase of the headline scores better than one word", 0);
  check(t && a && !ngi_kp_share(t, a) && ngi_kp_share(a, a),
        "near-duplicates share a stem", 0);
  ng_doc_free(d);
}

static void test_tiling(void) {
  ng_doc *d = run(two_subjects);
  if (!d)
    return;
  ngi_kpset k;
  check(ngi_keyphrases(d, &k) == NG_OK, "ngi_keyphrases", 0);
  int starts[4];
  int n = ngi_tile(d, k.tokstem, k.nstems, 1, (int)d->nparas, 4, 2, starts);
  check(n == 2, "two subjects give two blocks", 0);
  check(n >= 2 && starts[1] == 4, "the cut is where the subject changes", 0);
  n = ngi_tile(d, k.tokstem, k.nstems, 1, (int)d->nparas, 1, 2, starts);
  check(n == 1 && starts[0] == 1, "one block when one is asked for", 0);
  n = ngi_tile(d, k.tokstem, k.nstems, 1, 3, 4, 2, starts);
  check(n == 1, "too short to cut", 0);
  ng_doc_free(d);
}

static void test_topics(void) {
  ng_doc *d = run(two_subjects);
  if (!d)
    return;
  const ngi_result *r = ngi_doc_result(d);
  check(topics_with(r, "akery") == 1, "one topic for the bakery", 0);
  check(topics_with(r, "ricket") + topics_with(r, "aptain") >= 1,
        "a topic for the cricket club", 0);
  check(minted(r) >= 2 && minted(r) <= 5, "two to five topics", 0);
  for (size_t i = 0; i < r->ntopics; i++)
    if (r->topics[i].from_heading)
      check(strstr(r->topics[i].label, "Village news") == NULL,
            "the headline is no section heading", r->topics[i].label);
  ng_doc_free(d);

  /* a scheme concept is the category, never a minted topic */
  d = run("Vote count\n\n"
          "The election results were delayed. Voters queued at polling "
          "stations until late. The election commission said turnout was "
          "high.\n\n"
          "The election commission will publish the final count of ballot "
          "papers on Friday.\n");
  if (!d)
    return;
  r = ngi_doc_result(d);
  int cat = 0;
  for (size_t i = 0; i < r->ntopics; i++)
    if (!r->topics[i].from_heading && r->topics[i].article)
      cat |= strcmp(r->topics[i].id, "elections") == 0;
  check(cat, "the scheme concept is the article's category", 0);
  check(topics_with(r, "Elections and voting") == 0,
        "a category is not a topic", 0);
  check(topics_with(r, "lection") >= 1, "the article's own words are", 0);
  ng_doc_free(d);

  /* statements are about the topic of their block */
  d = run("Village news\n\n"
          "The village bakery has reopened after a fire. The bakery lost its "
          "ovens in the fire last winter.\n\n"
          "New ovens were fitted at the bakery in March. Jane Miller, who "
          "owns the bakery, said the fire had been hard for her family.\n\n"
          "Bread from the bakery is on sale again every morning. The bakery "
          "will also sell cakes on Saturdays.\n\n"
          "The cricket club has lost its captain to a knee injury. The "
          "captain hurt his knee in the final cricket match of the season.\n\n"
          "Doctors told the captain to rest the knee for six weeks. Tom "
          "Baker, the club secretary, said the cricket club would choose a "
          "new captain.\n\n"
          "The cricket club hopes the captain will return for the cup final. "
          "Cricket fans sent the captain cards.\n");
  if (!d)
    return;
  r = ngi_doc_result(d);
  int ok = r->nstatements > 0;
  for (size_t i = 0; i < r->nstatements; i++) {
    const ngi_statement *s = &r->statements[i];
    const char *want = strstr(s->text, "fire") ? "akery" : "ricket";
    ok &= s->topic >= 0 && strstr(r->topics[s->topic].label, want) != NULL;
  }
  check(ok, "a statement is about its block's topic", 0);
  ng_doc_free(d);
}

/* Round two: keyword endings, attribution clauses, junk headings. */
static void test_classes(void) {
  /* "coal" is a mining keyword; "coalition" does not find it */
  ng_doc *d = run("Coalition talks go on\n\n"
                  "The coalition partners met again on Monday. The coalition "
                  "has a majority of two seats, and the coalition talks will "
                  "go on.\n\nThe coalition leaders said a deal was close.\n");
  if (!d)
    return;
  const ngi_result *r = ngi_doc_result(d);
  int mining = 0;
  for (size_t i = 0; i < r->ntopics; i++)
    mining |= strcmp(r->topics[i].id, "mining") == 0 ||
              (r->topics[i].broader &&
               strcmp(r->topics[i].broader, "mining") == 0);
  check(!mining, "coalition is not coal mining", 0);
  ng_doc_free(d);

  /* the medium a person spoke to is no subject */
  d = run("Ferry fares rise\n\n"
          "Ferry fares to the islands will rise by a fifth in April. "
          "\"The ferry company has no choice,\" Ann Lee told the Harbour "
          "Gazette website.\n\n"
          "Island families say the ferry fares are too high. Tom Reed told "
          "the Harbour Gazette website the ferry fares would hurt trade.\n\n"
          "The ferry company said fuel costs had doubled, speaking to the "
          "Harbour Gazette website on Friday.\n");
  if (!d)
    return;
  r = ngi_doc_result(d);
  check(topics_with(r, "Gazette") == 0, "no topic from 'told the X'", 0);
  check(topics_with(r, "erry") >= 1, "the ferry fares are", 0);
  ng_doc_free(d);

  /* a line of symbols or a list item is no section heading */
  d = run("Club news\n\n"
          "The rowing club has a new boat.\n\n"
          "\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\n\n"
          "- New oars\n\n"
          "The boat was paid for by the members.\n\n"
          "==\n\n"
          "The club will race the boat in May.\n");
  if (!d)
    return;
  r = ngi_doc_result(d);
  int junk = 0;
  for (size_t i = 0; i < r->ntopics; i++)
    junk |= r->topics[i].label[0] == '=' || r->topics[i].label[0] == '-' ||
            (unsigned char)r->topics[i].label[0] == 0xE2;
  check(!junk, "no topic from a line of symbols or a list item", 0);
  ng_doc_free(d);
}

static void test_deterministic(void) {
  ng_doc *a = run(two_subjects), *b = run(two_subjects);
  if (a && b) {
    const ngi_result *x = ngi_doc_result(a), *y = ngi_doc_result(b);
    int same = x->ntopics == y->ntopics;
    for (size_t i = 0; same && i < x->ntopics; i++)
      same = strcmp(x->topics[i].label, y->topics[i].label) == 0;
    check(same, "same topics for the same text", 0);
  }
  ng_doc_free(a);
  ng_doc_free(b);
}

int main(void) {
  char err[NG_ERRLEN];
  if (ng_lexicon_load(NULL, &lex, err) != NG_OK) {
    printf("FAIL: cannot load the lexicons: %s\n0 passed, 1 failed\n", err);
    return 1;
  }
  test_candidates();
  test_tiling();
  test_topics();
  test_classes();
  test_deterministic();
  ng_lexicon_free(lex);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
