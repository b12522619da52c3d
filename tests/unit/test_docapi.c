/* test_docapi.c - the public read API over an extracted document
 * (extract/docapi.c) against what it reads (result.h): every list, every
 * accessor, speakers and parties, NULL out of range and before ng_extract.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "result.h"

static const char *article =
  "Mayor backs bridge\n\n"
  "Maria Lopez, the mayor of Springfield, said: \"We will build the "
  "bridge before winter.\"\n\n"
  "Lopez said that the council had approved the money.\n\n"
  "The former US Marine John Smith said the plan was too expensive.\n";

static int same_str(const char *a, const char *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && a == b);
}

static void test_before_extract(void)
{
  ng_doc *d;
  char err[NG_ERRLEN];
  if (ng_doc_new(article, strlen(article), 0, &d, err) != NG_OK) {
    check(0, "ng_doc_new", err);
    return;
  }
  check(ng_doc_person_count(d) == 0 && ng_doc_person(d, 0) == NULL,
        "no persons before ng_extract", 0);
  check(ng_doc_statement_count(d) == 0 && ng_doc_headline(d) == NULL,
        "no statements before ng_extract", 0);
  check(ng_doc_person_count(NULL) == 0 && ng_doc_topic(NULL, 0) == NULL,
        "NULL doc reads as empty", 0);
  ng_doc_free(d);
}

/* every accessor gives what result.h holds, without copies */
static void test_matches_result(ng_doc *d)
{
  const ngi_result *r = ngi_doc_result(d);
  ng_doc_stats st;
  size_t i, j, k;
  int ok = 1;

  ng_doc_get_stats(d, &st);
  check(ng_doc_person_count(d) == st.persons, "person count = stats", 0);
  check(ng_doc_statement_count(d) == st.statements, "statement count", 0);
  check(ng_doc_organization_count(d) == r->norgs, "organisation count", 0);
  check(ng_doc_topic_count(d) == r->ntopics, "topic count", 0);
  check(ng_doc_agreement_count(d) == r->nagreements, "agreement count", 0);
  check(ng_doc_headline(d) == r->headline, "headline borrowed", 0);

  for (i = 0; i < r->npersons; i++) {
    const ng_person *p = ng_doc_person(d, i);
    const ngi_person *q = &r->persons[i];
    ok = ok && same_str(ng_person_label(p), q->label) &&
         ng_person_gender(p) == q->gender &&
         ng_person_first_mention(p) == q->first &&
         ng_person_alt_count(p) == q->nalt &&
         ng_person_role_count(p) == q->nroles &&
         ng_person_alt(p, q->nalt) == NULL &&
         ng_person_role(p, q->nroles) == NULL;
    for (j = 0; ok && j < q->nalt; j++)
      ok = ng_person_alt(p, j) == q->alt[j];
    for (j = 0; ok && j < q->nroles; j++) {
      const ng_role *ro = ng_person_role(p, j);
      ok = ng_role_title(ro) == q->roles[j].title &&
           ng_role_organization(ro) == q->roles[j].org &&
           ng_role_label(ro) == q->roles[j].label &&
           ng_role_former(ro) == (q->roles[j].former != 0);
    }
  }
  check(ok, "persons and roles = result", 0);
  check(ng_doc_person(d, r->npersons) == NULL, "person out of range", 0);

  for (i = 0, ok = 1; i < r->norgs; i++) {
    const ng_org *o = ng_doc_organization(d, i);
    ok = ok && ng_org_label(o) == r->orgs[i].label &&
         ng_org_wikidata(o) == r->orgs[i].wikidata &&
         ng_org_alt_count(o) == r->orgs[i].nalt &&
         ng_org_is_country(o) == (r->orgs[i].country != 0);
    for (j = 0; ok && j < r->orgs[i].nalt; j++)
      ok = ng_org_alt(o, j) == r->orgs[i].alt[j];
  }
  check(ok, "organisations = result", 0);

  for (i = 0, ok = 1; i < r->nstatements; i++) {
    const ng_statement *s = ng_doc_statement(d, i);
    const ngi_statement *q = &r->statements[i];
    ng_agent_kind kind = ng_statement_speaker(s, &k);
    ok = ok && ng_statement_text(s) == q->text &&
         ng_statement_direct(s) == (q->direct != 0) &&
         ng_statement_begin(s) == q->begin && ng_statement_end(s) == q->end &&
         ng_statement_topic(s) == q->topic &&
         ((kind == NG_AGENT_PERSON && q->speaker.kind == NGI_AGENT_PERSON &&
           k == (size_t)q->speaker.index && k < r->npersons) ||
          (kind == NG_AGENT_ORG && q->speaker.kind == NGI_AGENT_ORG &&
           k == (size_t)q->speaker.index && k < r->norgs) ||
          (kind == NG_AGENT_NONE && q->speaker.kind == NGI_AGENT_NONE));
    /* the text of a direct quote is the article's own bytes */
    if (ok && q->direct)
      ok = q->end - q->begin == strlen(q->text) &&
           memcmp(r->text + q->begin, q->text, strlen(q->text)) == 0;
  }
  check(ok, "statements = result", 0);

  for (i = 0, ok = 1; i < r->ntopics; i++) {
    const ng_topic *t = ng_doc_topic(d, i);
    ok = ok && ng_topic_id(t) == r->topics[i].id &&
         ng_topic_label(t) == r->topics[i].label &&
         ng_topic_iptc(t) == r->topics[i].iptc &&
         ng_topic_broader(t) == r->topics[i].broader &&
         ng_topic_is_category(t) == !r->topics[i].from_heading &&
         ng_topic_of_article(t) == (r->topics[i].article != 0);
  }
  check(ok, "topics = result", 0);

  for (i = 0, ok = 1; i < r->nagreements; i++) {
    const ng_agreement *a = ng_doc_agreement(d, i);
    const ngi_agreement *q = &r->agreements[i];
    ok = ok && ng_agreement_label(a) == q->label &&
         ng_agreement_text(a) == q->text &&
         ng_agreement_begin(a) == q->begin && ng_agreement_end(a) == q->end &&
         ng_agreement_topic(a) == q->topic &&
         ng_agreement_party_count(a) == q->nparties &&
         ng_agreement_party(a, q->nparties, &k) == NG_AGENT_NONE;
    for (j = 0; ok && j < q->nparties; j++)
      ok = ng_agreement_party(a, j, &k) ==
             (q->parties[j].kind == NGI_AGENT_PERSON ? NG_AGENT_PERSON
                                                     : NG_AGENT_ORG) &&
           k == (size_t)q->parties[j].index;
  }
  check(ok, "agreements = result", 0);
}

/* what a reader of the invented article expects */
static void test_article(void)
{
  ng_doc *d = run(article);
  size_t i, k;
  int lopez = -1, smith = -1, quote = 0, reported = 0;
  if (d == NULL)
    return;
  check(ng_doc_headline(d) && !strcmp(ng_doc_headline(d), "Mayor backs bridge"),
        "headline", ng_doc_headline(d));
  for (i = 0; i < ng_doc_person_count(d); i++) {
    const char *l = ng_person_label(ng_doc_person(d, i));
    if (!strcmp(l, "Maria Lopez"))
      lopez = (int)i;
    if (!strcmp(l, "John Smith"))
      smith = (int)i;
  }
  check(lopez >= 0 && smith >= 0, "persons Maria Lopez and John Smith", 0);
  if (lopez >= 0) {
    const ng_person *p = ng_doc_person(d, (size_t)lopez);
    int mayor = 0;
    for (i = 0; i < ng_person_role_count(p); i++)
      mayor |= !strcmp(ng_role_title(ng_person_role(p, i)), "mayor") ||
               !strcmp(ng_role_title(ng_person_role(p, i)), "Mayor");
    check(mayor, "Lopez is mayor", 0);
    check(ng_person_gender(p) == 'F' || ng_person_gender(p) == 0,
          "gender F or unknown", 0);
    check(!strncmp(article + ng_person_first_mention(p), "Maria Lopez", 11),
          "first mention offset", 0);
  }
  for (i = 0; i < ng_doc_statement_count(d); i++) {
    const ng_statement *s = ng_doc_statement(d, i);
    if (ng_statement_speaker(s, &k) != NG_AGENT_PERSON || (int)k != lopez)
      continue;
    if (ng_statement_direct(s) &&
        strstr(ng_statement_text(s), "build the bridge"))
      quote = 1;
    if (!ng_statement_direct(s) && strstr(ng_statement_text(s), "council"))
      reported = 1;
  }
  check(quote, "Lopez's direct quote", 0);
  check(reported, "Lopez's reported speech", 0);
  test_matches_result(d);
  ng_doc_free(d);
}

/* the example article: many statements, organisations, topics */
static void test_example(void)
{
  FILE *f = fopen("examples/geneva-summit.txt", "rb");
  char *buf = malloc(1 << 20);
  size_t n = 0;
  ng_doc *d;
  if (f == NULL || buf == NULL) {
    check(0, "read examples/geneva-summit.txt", 0);
    if (f)
      fclose(f);
    free(buf);
    return;
  }
  n = fread(buf, 1, (1 << 20) - 1, f);
  fclose(f);
  buf[n] = '\0';
  d = run(buf);
  free(buf);
  if (d == NULL)
    return;
  check(ng_doc_statement_count(d) > 10, "example: statements", 0);
  check(ng_doc_organization_count(d) > 0, "example: organisations", 0);
  check(ng_doc_topic_count(d) > 0, "example: topics", 0);
  test_matches_result(d);
  ng_doc_free(d);
}

int main(void)
{
  char err[NG_ERRLEN];
  if (ng_lexicon_load(NULL, &lex, err) != NG_OK) {
    printf("FAIL: cannot load the lexicons: %s\n0 passed, 1 failed\n", err);
    return 1;
  }
  test_before_extract();
  test_article();
  test_example();
  ng_lexicon_free(lex);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
