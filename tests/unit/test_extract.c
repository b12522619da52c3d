/* test_extract.c - unit tests of the extractor's stages (extract/): text
 * checks, tokens, quotations and sentences, names and coreference, roles,
 * descriptions, quotes and reported speech, topics and agreements.  Each
 * case is a short article and the facts its result must hold.  Needs the
 * lexicons: run from the project root or set NEWSGRAPH_DATA.
 * Prints "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "doc.h"
#include "unit.h"
#include "textutil.h"


/* ------------------------------------------------------------ look-ups */

static int person(const ngi_result *r, const char *label) {
  for (size_t i = 0; i < r->npersons; i++)
    if (strcmp(r->persons[i].label, label) == 0)
      return (int)i;
  return -1;
}

static int has_alt(const ngi_result *r, int p, const char *alt) {
  for (size_t i = 0; p >= 0 && i < r->persons[p].nalt; i++)
    if (strcmp(r->persons[p].alt[i], alt) == 0)
      return 1;
  return 0;
}

static int has_role(const ngi_result *r, int p, const char *label) {
  for (size_t i = 0; p >= 0 && i < r->persons[p].nroles; i++)
    if (strcmp(r->persons[p].roles[i].label, label) == 0)
      return 1;
  return 0;
}

static const char *agent_label(const ngi_result *r, ngi_agent a) {
  if (a.kind == NGI_AGENT_PERSON)
    return r->persons[a.index].label;
  if (a.kind == NGI_AGENT_ORG)
    return r->orgs[a.index].label;
  return "";
}

/* A statement of that kind by that speaker whose text is exactly text. */
static int said(const ngi_result *r, int direct, const char *who,
                const char *text) {
  for (size_t i = 0; i < r->nstatements; i++) {
    const ngi_statement *s = &r->statements[i];
    if (s->direct == direct && strcmp(agent_label(r, s->speaker), who) == 0 &&
        strcmp(s->text, text) == 0 &&
        memcmp(r->text + s->begin, text, strlen(text)) == 0 &&
        s->end - s->begin == strlen(text))
      return 1;
  }
  return 0;
}

static int topic(const ngi_result *r, const char *label) {
  for (size_t i = 0; i < r->ntopics; i++)
    if (strcmp(r->topics[i].label, label) == 0)
      return (int)i;
  return -1;
}

/* ------------------------------------------------------------ cases */

static void test_input(void) {
  ng_doc *d;
  char err[NG_ERRLEN];
  check(ng_doc_new("", 0, 0, &d, err) == NG_EINPUT, "empty is bad input", 0);
  check(ng_doc_new(" \n\t ", 4, 0, &d, err) == NG_EINPUT, "blank", 0);
  check(ng_doc_new("a\0b", 3, 0, &d, err) == NG_EINPUT, "NUL byte", 0);
  check(ng_doc_new("caf\xe9", 4, 0, &d, err) == NG_EINPUT && strstr(err, "3"),
        "Latin-1 byte, offset named", err);
  check(ng_doc_new("\xed\xa0\x80", 3, 0, &d, err) == NG_EINPUT, "surrogate",
        0);
  check(ng_doc_new("\xc0\xaf", 2, 0, &d, err) == NG_EINPUT, "overlong", 0);
  check(ng_doc_new("abcdef", 6, 5, &d, err) == NG_EINPUT, "too large", err);
  check(ngi_utf8_check("\xf0\x9f\x98\x80", 4) == 4, "emoji is valid", 0);
}

static void test_segment(void) {
  ng_doc *d = run("Headline here\r\n\r\n[ad_1]\r\n\r\nMr. Smith met U.S. "
                  "officials. Then he left.\r\n\r\nSection two\r\n\r\n"
                  "\xe2\x80\x9c" "First part.\r\n\r\n\xe2\x80\x9c" "Second "
                  "part,\xe2\x80\x9d he said.\r\n");
  if (!d)
    return;
  check(strcmp(d->headline, "Headline here") == 0, "headline", d->headline);
  check(d->nparas == 5, "CRLF lines, boilerplate dropped", 0);
  check(d->paras[2].heading == 1, "short line without full stop: heading",
        0);
  int sentences = 0;
  for (size_t s = 0; s < d->nsents; s++)
    sentences += d->sents[s].para == 1;
  check(sentences == 2, "Mr. and U.S. do not end sentences", 0);
  check(d->nquotes == 2, "a quote left open at a paragraph end ends there",
        0);
  if (d->nquotes == 2)
    check(d->quotes[1].close >= 0, "the reopened quote closes", 0);
  ng_doc_free(d);
}

static void test_tokens(void) {
  ng_doc *d = run("Title\n\nP. Whelan's lawyer said el-Sisi won 13,000 "
                  "votes.\n");
  if (!d)
    return;
  int initial = 0, poss = 0, num = 0, hyph = 0;
  for (size_t i = 0; i < d->ntoks; i++) {
    const ngi_tok *t = &d->toks[i];
    initial |= (t->flags & T_INITIAL) && ngi_tok_is(t, "p");
    poss |= (t->flags & T_POSS) && ngi_tok_is(t, "whelan");
    num |= (t->flags & T_NUM) && t->e - t->b == 6;
    hyph |= (t->flags & T_HYPHNAME) != 0;
  }
  check(initial, "P. is an initial", 0);
  check(poss, "Whelan's: possessive, base whelan", 0);
  check(num, "13,000 is one number", 0);
  check(hyph, "el-Sisi: particle joined to a name", 0);
  ng_doc_free(d);
}

static void test_persons(void) {
  ng_doc *d = run(
      "Talks end\n\n"
      "Russian Foreign Minister Sergei Lavrov met former US Marine Paul "
      "Whelan. Lavrov said the talks were useful. Mr Lavrov left. "
      "P. Whelan stayed, and Whelan's lawyer spoke.\n\n"
      "Dmitry Peskov, the Kremlin spokesman, said nothing was agreed.\n\n"
      "Later, Anna Smith and John Smith arrived in Geneva.\n");
  if (!d)
    return;
  const ngi_result *r = ngi_doc_result(d);
  int lav = person(r, "Sergei Lavrov"), whe = person(r, "Paul Whelan");
  check(lav >= 0, "full name", 0);
  check(has_alt(r, lav, "Lavrov") && has_alt(r, lav, "Mr Lavrov"),
        "surname and honorific forms merge", 0);
  check(whe >= 0 && has_alt(r, whe, "P. Whelan"), "initial form merges", 0);
  check(has_role(r, lav, "Foreign Minister of Russia"),
        "title before the name, demonym as country", 0);
  check(has_role(r, whe, "Former Marine of United States"), "former title",
        0);
  check(has_role(r, person(r, "Dmitry Peskov"), "Spokesman of Kremlin"),
        "apposition after the name", 0);
  check(person(r, "Anna Smith") >= 0 && person(r, "John Smith") >= 0,
        "conflicting first names keep two people apart", 0);
  check(person(r, "Geneva") < 0 && person(r, "Kremlin") < 0,
        "places are not persons", 0);
  check(r->npersons == 5, "five persons", 0);
  ng_doc_free(d);
}

static void test_descriptions(void) {
  ng_doc *d = run("Summit\n\n"
                  "Putin met Joe Biden, the US president, on Monday. Putin "
                  "said he was pleased. Biden told reporters that he was "
                  "hopeful.\n\n"
                  "The Russian president also said the meeting was good.\n");
  if (!d)
    return;
  const ngi_result *r = ngi_doc_result(d);
  int p = person(r, "Putin");
  check(p >= 0, "a lone name used with a speech verb and he", 0);
  check(said(r, 0, "Putin", "he was pleased"), "a short reported clause", 0);
  check(has_role(r, p, "President of Russia"),
        "the Russian president: a description that gives a role", 0);
  check(said(r, 0, "Putin", "the meeting was good"),
        "the description speaks", 0);
  check(said(r, 0, "Joe Biden", "he was hopeful"), "told reporters that", 0);
  check(has_role(r, person(r, "Joe Biden"), "President of United States"),
        "apposition with a place", 0);
  ng_doc_free(d);
}

static void test_claims(void) {
  ng_doc *d = run(
      "Quotes\n\n"
      "\"We are ready,\" Jane Doe told reporters. \"It will work,\" she "
      "added.\n\n"
      "According to Jane Doe, the plan is complete.\n\n"
      "The ministry said in May that prices would rise, but John Roe "
      "insisted that nothing would change.\n\n"
      "John Roe did not predict whether talks would resume.\n");
  if (!d)
    return;
  const ngi_result *r = ngi_doc_result(d);
  check(said(r, 1, "Jane Doe", "We are ready"), "quote before its cue", 0);
  check(said(r, 1, "Jane Doe", "It will work"), "she added", 0);
  check(said(r, 0, "Jane Doe", "the plan is complete"), "according to", 0);
  check(said(r, 0, "John Roe", "nothing would change"),
        "second cue in a sentence", 0);
  size_t before = 0;
  for (size_t i = 0; i < r->nstatements; i++)
    before += strstr(r->statements[i].text, "whether") != NULL;
  check(before == 0, "negated cue says nothing", 0);
  ng_doc_free(d);

  /* multi-word forms: "pointed out", "called on X to" (not "appealed to
   * the same instincts", not "according to which") */
  d = run("Forms\n\n"
          "John Roe pointed out that the plan had failed badly.\n\n"
          "Jane Doe called on Italy and Egypt to join the project.\n\n"
          "Jane Doe said the parties appealed to the same old instincts.\n\n"
          "They signed a deal, according to which the border would move.\n\n"
          "John Roe pointed out that its engine has been answering queries "
          "this way since 2003.\n\n"
          "Theresa May met Jane Doe in May. May on Wednesday said the talks "
          "went well.\n");
  if (!d)
    return;
  r = ngi_doc_result(d);
  check(said(r, 0, "John Roe", "the plan had failed badly"), "pointed out", 0);
  check(said(r, 0, "Jane Doe", "Italy and Egypt to join the project"),
        "called on X to", 0);
  check(said(r, 0, "Jane Doe", "the parties appealed to the same old instincts"),
        "appealed to without a to-verb is no cue", 0);
  before = 0;
  for (size_t i = 0; i < r->nstatements; i++)
    before += strstr(r->statements[i].text, "border") != NULL;
  check(before == 0, "according to which says nothing", 0);
  check(said(r, 0, "John Roe",
             "its engine has been answering queries this way since 2003"),
        "has been answering: a verb, not a new cue", 0);
  /* a month as a surname, a time phrase between speaker and verb */
  check(person(r, "Theresa May") >= 0, "Theresa May is a person", 0);
  check(said(r, 0, "Theresa May", "the talks went well"),
        "May on Wednesday said: May, not Wednesday", 0);
  ng_doc_free(d);
}

static void test_topics_agreements(void) {
  ng_doc *d = run("Deal\n\nIntro paragraph about the meeting.\n\n"
                  "Cyber attacks\n\n"
                  "Hackers hit banks. Cyber security experts met.\n\n"
                  "Trade deal\n\n"
                  "France and Germany signed a trade agreement on Monday.\n\n"
                  "The two leaders did not agree on tariffs.\n");
  if (!d)
    return;
  const ngi_result *r = ngi_doc_result(d);
  int cy = topic(r, "Cyber attacks");
  check(cy >= 0 && r->topics[cy].from_heading && r->topics[cy].article,
        "headings are article topics", 0);
  check(cy >= 0 && r->topics[cy].broader &&
            strstr(r->topics[cy].broader, "cyber"),
        "a heading falls under its scheme concept",
        cy >= 0 ? r->topics[cy].broader : 0);
  check(r->nagreements == 1, "one agreement (the negated one is not)", 0);
  if (r->nagreements == 1) {
    const ngi_agreement *a = &r->agreements[0];
    int fr = 0, de = 0;
    for (size_t i = 0; i < a->nparties; i++) {
      fr |= strcmp(agent_label(r, a->parties[i]), "France") == 0;
      de |= strcmp(agent_label(r, a->parties[i]), "Germany") == 0;
    }
    check(fr && de, "coordinated subjects are the parties", 0);
    check(a->topic >= 0 && strcmp(r->topics[a->topic].label,
                                  "Trade deal") == 0,
          "the agreement is about its section", 0);
  }
  ng_doc_free(d);
}

static void test_deterministic(void) {
  const char *text = "Title\n\nJane Doe said \"yes\". John Roe said no.\n";
  ng_doc *a = run(text), *b = run(text);
  if (a && b) {
    const ngi_result *x = ngi_doc_result(a), *y = ngi_doc_result(b);
    int same = x->npersons == y->npersons &&
               x->nstatements == y->nstatements;
    for (size_t i = 0; same && i < x->nstatements; i++)
      same = strcmp(x->statements[i].text, y->statements[i].text) == 0;
    check(same, "same input, same result", 0);
  }
  ng_doc_free(a);
  ng_doc_free(b);
}

/* The arena: arrays grown past a block (resized in place), interleaved
 * with small allocations and strings, keep their items and zero the rest;
 * strings take their own length. */
static void test_arena(void) {
  ngi_arena a;
  int *v = NULL, *w = NULL, ok = 1;
  size_t nv = 0, cv = 0, nw = 0, cw = 0;
  ngi_arena_init(&a);
  for (int i = 0; i < 200000 && ok; i++) {
    int *p = NGI_PUSH(&a, v, nv, cv);
    int *q = i % 3 == 0 ? NGI_PUSH(&a, w, nw, cw) : &i;
    char *s = ngi_strndup(&a, "abcdefghij", (size_t)i % 10);
    double *d = ngi_alloc(&a, sizeof *d);
    if (!p || !q || !s || !d || ((uintptr_t)d % sizeof(double)) != 0 ||
        strlen(s) != (size_t)i % 10 || *d != 0.0)
      ok = 0;
    else if (i % 3 == 0)
      *p = i, *q = -i;
    else
      *p = i;
  }
  for (size_t i = 0; i < nv && ok; i++)
    ok = v[i] == (int)i;
  for (size_t i = 0; i < nw && ok; i++)
    ok = w[i] == -3 * (int)i;
  check(ok && nv == 200000 && !a.failed, "arena: grown arrays keep items", 0);
  /* the room past the items of a grown array is zeroed */
  ok = 1;
  for (size_t i = nv; i < cv && ok; i++)
    ok = v[i] == 0;
  check(ok, "arena: grown room is zero", 0);
  ngi_arena_release(&a);
}

/* Maps sized at once and filled with known hashes hold what ngi_map_put
 * would; a reserve on a map in use changes nothing. */
static void test_maps(void) {
  ngi_arena a;
  ngi_map m, r;
  char buf[32];
  int ok = 1;
  ngi_arena_init(&a);
  ngi_map_init(&m);
  ngi_map_init(&r);
  ok = ngi_map_reserve(&r, 5000) == 0 && r.cap >= 10000 && r.n == 0;
  for (int i = 0; i < 6000 && ok; i++) {
    int n = snprintf(buf, sizeof buf, "w%d", i % 4000);
    const char *k = ngi_strndup(&a, buf, (size_t)n);
    ok = k && ngi_map_put(&m, k, i) == 0 &&
         ngi_map_puth(&r, k, (size_t)n, ngi_hash(k, (size_t)n), i) == 0;
  }
  ok = ok && m.n == 4000 && r.n == 4000 && ngi_map_reserve(&r, 1) == 0 &&
       r.n == 4000;
  for (int i = 0; i < 4000 && ok; i++) {
    intptr_t v1 = -1, v2 = -2;
    int n = snprintf(buf, sizeof buf, "w%d", i);
    ok = ngi_map_getn(&m, buf, (size_t)n, &v1) &&
         ngi_map_getn(&r, buf, (size_t)n, &v2) && v1 == v2 &&
         v1 == (i < 2000 ? i + 4000 : i);
  }
  ok = ok && !ngi_map_get(&r, "w4000", NULL) && !ngi_map_get(&r, "w", NULL);
  check(ok, "maps: reserved and hashed puts hold what plain puts do", 0);
  ngi_map_release(&m);
  ngi_map_release(&r);
  ngi_arena_release(&a);
}

/* Every token's lower-case form, lexicon, given-name and phrase-prefix
 * bits are those looked up afresh, whether its form came before (copied from the
 * first token with it) or not, in whatever case it came. */
static void test_forms(void) {
  ng_doc *d = run("Mark the date\n\n"
                  "They mark the date. Mark Smith said Mark's terrorists "
                  "and the economy. MARK marks the economic economies of "
                  "The Economist; the Terror and terror, said Rose. rose "
                  "Rose ROSE. the united states, the United States.\n");
  int ok = d != NULL, caps = 0, given = 0;
  for (size_t i = 0; ok && i < d->ntoks; i++) {
    const ngi_tok *t = &d->toks[i];
    char low[256];
    uint8_t kw[2];
    size_t n = ngi_lower(d->text + t->b, t->be - t->b, low, sizeof low);
    uint32_t bits = ngi_lex_bits(lex, low, n, ngi_hash(low, n), kw);
    uint32_t g = NGI_LEX_GKNOWN | NGI_LEX_GIVEN;
    ok = t->lowlen == n && strcmp(t->low, low) == 0 &&
         t->h == ngi_hash(low, n) && (t->lex & ~g) == bits &&
         t->kw[0] == kw[0] && t->kw[1] == kw[1];
    if (ok && (t->flags & (T_CAP | T_ALLCAPS))) {
      intptr_t pv = 0;
      ngi_map_getn(&lex->phrasepre, low, n, &pv);
      ok = t->pre == (uint16_t)(pv | 1);
    } else if (ok) {
      ok = t->pre == 0;
    }
    if (ok && (t->flags & T_CAP) && !(t->flags & (T_ALLCAPS | T_POSS))) {
      int in = ngi_map_get(&lex->given, low, NULL);
      caps++;
      given += in;
      ok = (t->lex & NGI_LEX_GKNOWN) && !!(t->lex & NGI_LEX_GIVEN) == in;
    } else if (ok) {
      ok = !(t->lex & g);
    }
  }
  check(ok && caps >= 8 && given >= 3,
        "tokens: remembered forms have the bits of a fresh look-up", 0);
  ng_doc_free(d);
}

int main(void) {
  char err[NG_ERRLEN];
  if (ng_lexicon_load(NULL, &lex, err) != NG_OK) {
    printf("FAIL: cannot load the lexicons: %s\n0 passed, 1 failed\n", err);
    return 1;
  }
  test_input();
  test_segment();
  test_tokens();
  test_persons();
  test_descriptions();
  test_claims();
  test_topics_agreements();
  test_deterministic();
  test_arena();
  test_maps();
  test_forms();
  ng_lexicon_free(lex);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
