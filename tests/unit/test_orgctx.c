/* test_orgctx.c - acronyms of the organisations lexicon and the article's
 * evidence for them (extract/orgctx.c, extract/names.c), and possessive
 * brand names that are not persons (extract/notpersons.c).  Invented
 * sentences; the organisations are the lexicon's (organisations.tsv).
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

/* The Wikidata item of the organisation with that label or form ("" for
 * one without), or NULL when the article has no such organisation. */
static const char *org_qid(ng_doc *d, const char *label) {
  for (size_t i = 0; i < ng_doc_organization_count(d); i++) {
    const ng_org *o = ng_doc_organization(d, i);
    if (!strcmp(ng_org_label(o), label))
      return ng_org_wikidata(o) ? ng_org_wikidata(o) : "";
  }
  return NULL;
}

static int has_person(ng_doc *d, const char *label) {
  for (size_t i = 0; i < ng_doc_person_count(d); i++)
    if (!strcmp(ng_person_label(ng_doc_person(d, i)), label))
      return 1;
  return 0;
}

static void expect_qid(const char *text, const char *label,
                       const char *want, const char *what) {
  ng_doc *d = run(text);
  if (!d)
    return;
  const char *got = org_qid(d, label);
  check(got && want && !strcmp(got, want) ? 1 : (!got && !want), what,
        got ? got : "no such organisation");
  ng_doc_free(d);
}

static void test_acronyms(void) {
  /* no evidence: the body is kept under its acronym, with no item */
  expect_qid("Regulator fines brokers\n\nThe AMF fined two brokers in "
             "Lyon on Monday for selling bonds to pensioners.\n",
             "AMF", "", "AMF without its words: no Wikidata");
  expect_qid("Regulator fines brokers\n\nThe AMF fined two brokers in "
             "Lyon on Monday for selling bonds to pensioners.\n",
             "Arab Monetary Fund", NULL, "AMF without its words: not the fund");
  /* the full name's distinctive words: the item */
  expect_qid("Gulf lenders meet\n\nThe AMF said Arab central banks should "
             "keep monetary policy tight, the fund's report added.\n",
             "Arab Monetary Fund", "Q624307", "AMF with arab, monetary");
  /* a known acronym needs nothing more */
  expect_qid("Talks in Brussels\n\nThe EU agreed new rules for fishing "
             "boats on Tuesday.\n",
             "European Union", "Q458", "EU: known acronym");
  /* written as a word mid-sentence: never the all-capitals form */
  {
    ng_doc *d = run("Papers report\n\nThe story ran in the daily Clarin on "
                    "Sunday, beside a picture of the harbour.\n");
    if (d) {
      check(!org_qid(d, "Common Language Resources and Technology "
                        "Infrastructure"), "Clarin is not CLARIN", 0);
      ng_doc_free(d);
    }
  }
  /* a known acronym written as a word is still the organisation */
  expect_qid("Troops move\n\nLeaders said Nato would send more ships to "
             "the region next month.\n",
             "North Atlantic Treaty Organisation", "Q7184", "Nato as a word");
}

static void test_brands(void) {
  ng_doc *d = run("Pub trade\n\nSales of Tom Weller's bitter rose last "
                  "year, and a pint of Ann Carrow's lager now costs more.\n\n"
                  "Peter Oakes, who runs a pub, said drinkers were loyal.\n");
  if (!d)
    return;
  check(!has_person(d, "Tom Weller"), "Tom Weller's bitter: no person", 0);
  check(!has_person(d, "Ann Carrow"), "Ann Carrow's lager: no person", 0);
  check(has_person(d, "Peter Oakes"), "Peter Oakes is a person", 0);
  ng_doc_free(d);
  d = run("Council vote\n\nTom Weller's plan for the park was approved, "
          "and Mr Weller said he was pleased.\n");
  if (!d)
    return;
  check(has_person(d, "Tom Weller"), "Tom Weller's plan: a person", 0);
  ng_doc_free(d);
  /* a possessive with no noun in a list of brands */
  d = run("Brewer sold\n\nIts brands include Harbour Gold, Tom Weller's, "
          "Redcliff and Lantern, the firm said.\n");
  if (!d)
    return;
  check(!has_person(d, "Tom Weller"), "brands include ..., Tom Weller's, ...",
        0);
  ng_doc_free(d);
}

int main(void) {
  char err[NG_ERRLEN];
  if (ng_lexicon_load(NULL, &lex, err) != NG_OK) {
    printf("FAIL: cannot load the lexicons: %s\n0 passed, 1 failed\n", err);
    return 1;
  }
  test_acronyms();
  test_brands();
  ng_lexicon_free(lex);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
