/* entities.c - the statements of an extracted article: the article,
 * its persons and their roles, organisations, topics, statements and
 * agreements, each written by its own builder with the primitives of
 * build.h.  IRIs are minted here (with iri.c's helpers): full names and
 * organisations once per base, lone names once per article, claims
 * numbered in text order under the article IRI.
 */
#include "graph.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "iri.h"
#include "util/sha256.h"
#include "vocab.h"

typedef ngi_builder builder;

/* Short names for the builder's primitives (build.h). */
static ngi_node uri(builder *b, const char *iri)
{
  return ngi_build_uri(b, iri);
}

static ngi_node term(builder *b, ngi_term t)
{
  return ngi_build_term(b, t);
}

static ngi_node typed(builder *b, const char *s, ngi_term dt)
{
  return ngi_build_typed_term(b, s, dt);
}

static void add(builder *b, ngi_node s, ngi_node p, ngi_node o)
{
  ngi_build_add(b, s, p, o);
}

static void add_lit(builder *b, const char *s, ngi_term p, const char *text)
{
  ngi_build_add_lit(b, s, p, text);
}

static void add_iri(builder *b, const char *s, ngi_term p, const char *o)
{
  ngi_build_add_iri(b, s, p, o);
}

static void add_type(builder *b, const char *s, ngi_term cls)
{
  ngi_build_add_type(b, s, cls);
}

/* <base><kind>/<slug of label>; NULL for a NULL label or out of memory. */
static char *mint(builder *b, const char *base, const char *kind,
                  const char *label)
{
  char *slug, *iri;

  if (label == NULL || b->st != NG_OK)
    return NULL;
  slug = ngi_slug(label);
  iri = slug != NULL ? ngi_iri_join(base, kind, slug) : NULL;
  free(slug);
  if (iri == NULL)
    b->st = NG_ENOMEM;
  return iri;
}

/* A person's IRI.  A full name is the same person in every article:
 * <base>person/<slug>.  A lone name ("Carter", "Sir John") may be anyone:
 * it is minted per article, <base>person/<slug>--<8 hex of the article
 * IRI's SHA-256>, and `newsgraph link` ties it to a full name where the
 * store shows which. */
static char *mint_person(builder *b, const char *base, const char *article,
                         const char *label)
{
  unsigned char d[NGI_SHA256_LEN];
  char hex[2 * NGI_SHA256_LEN + 1], *slug, *iri;
  size_t n;

  if (label == NULL || b->st != NG_OK)
    return NULL;
  if (strchr(label, ' ') != NULL)
    return mint(b, base, "person/", label);
  slug = ngi_slug(label);
  ngi_sha256(article, strlen(article), d);
  ngi_sha256_hex(d, hex);
  hex[8] = '\0';
  iri = NULL;
  if (slug != NULL) {
    n = strlen(slug) + 2 + 8 + 1;
    char *seg = malloc(n);
    if (seg != NULL) {
      snprintf(seg, n, "%s--%s", slug, hex);
      iri = ngi_iri_join(base, "person/", seg);
      free(seg);
    }
  }
  free(slug);
  if (iri == NULL)
    b->st = NG_ENOMEM;
  return iri;
}

/* Whether s is made of 1-12 decimal digits after an optional prefix. */
static int is_code(const char *s, char prefix)
{
  size_t i = 0;

  if (s == NULL)
    return 0;
  if (prefix != 0 && s[i++] != prefix)
    return 0;
  if (s[i] == '\0')
    return 0;
  for (; s[i] != '\0'; i++)
    if (s[i] < '0' || s[i] > '9' || i > 12)
      return 0;
  return 1;
}

static const char *agent_iri(const ngi_agent *a, char **piri, size_t np,
                             char **oiri, size_t no)
{
  if (a->index < 0)
    return NULL;
  if (a->kind == NGI_AGENT_PERSON && (size_t)a->index < np)
    return piri[a->index];
  if (a->kind == NGI_AGENT_ORG && (size_t)a->index < no)
    return oiri[a->index];
  return NULL;
}

static int ascii_ieq(const char *a, const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++) {
    int ca = (*a >= 'A' && *a <= 'Z') ? *a - 'A' + 'a' : *a;
    int cb = (*b >= 'A' && *b <= 'Z') ? *b - 'A' + 'a' : *b;
    if (ca != cb)
      return 0;
  }
  return *a == *b;
}

/* Index of the org whose label or alternative names `name`, or -1. */
static long find_org(const ngi_result *r, const char *name)
{
  size_t i, j;

  for (i = 0; i < r->norgs; i++) {
    if (r->orgs[i].label != NULL && ascii_ieq(r->orgs[i].label, name))
      return (long)i;
    for (j = 0; j < r->orgs[i].nalt; j++)
      if (r->orgs[i].alt[j] != NULL && ascii_ieq(r->orgs[i].alt[j], name))
        return (long)i;
  }
  return -1;
}

static void add_person(builder *b, const ngi_result *r, const char *base,
                       const ngi_person *p, const char *iri, char **oiri)
{
  size_t i;

  add_type(b, iri, NGV_PERSON);
  add_type(b, iri, NGV_SCHEMA_PERSON);
  add_lit(b, iri, NGV_RDFS_LABEL, p->label);
  add_lit(b, iri, NGV_SCHEMA_NAME, p->label);
  /* from the given name or "Mr"/"Ms": lets linking keep Mr and Ms Brown
   * apart */
  if (p->gender == 'M' || p->gender == 'F')
    add(b, uri(b, iri), term(b, NGV_SCHEMA_GENDER),
        term(b, p->gender == 'M' ? NGV_SCHEMA_MALE : NGV_SCHEMA_FEMALE));
  for (i = 0; i < p->nalt; i++)
    if (p->alt[i] != NULL && strcmp(p->alt[i], p->label) != 0)
      add_lit(b, iri, NGV_SKOS_ALT_LABEL, p->alt[i]);
  for (i = 0; i < p->nroles && b->st == NG_OK; i++) {
    const ngi_role *ro = &p->roles[i];
    const char *label = ro->label != NULL ? ro->label : ro->title;
    char *riri = mint(b, base, "role/", label);

    if (riri == NULL)
      continue;
    add_iri(b, iri, NGV_HOLDS_ROLE, riri);
    add_type(b, riri, NGV_ROLE);
    add_lit(b, riri, NGV_RDFS_LABEL, label);
    add_lit(b, riri, NGV_TITLE, ro->title);
    if (ro->org != NULL && *ro->org != '\0') {
      long k = find_org(r, ro->org);
      if (k >= 0 && oiri[k] != NULL) {
        add_iri(b, riri, NGV_ORG, oiri[k]);
      } else {
        char *org = mint(b, base, "org/", ro->org);
        add_iri(b, riri, NGV_ORG, org);
        add_type(b, org, NGV_ORGANIZATION);
        add_type(b, org, NGV_SCHEMA_ORGANIZATION);
        add_lit(b, org, NGV_RDFS_LABEL, ro->org);
        add_lit(b, org, NGV_SCHEMA_NAME, ro->org);
        free(org);
      }
    }
    if (ro->former)
      add(b, uri(b, riri), term(b, NGV_FORMER),
          typed(b, "true", NGV_XSD_BOOLEAN));
    free(riri);
  }
}

static void add_org(builder *b, const ngi_org *o, const char *iri)
{
  size_t i;

  add_type(b, iri, NGV_ORGANIZATION);
  add_type(b, iri, NGV_SCHEMA_ORGANIZATION);
  add_lit(b, iri, NGV_RDFS_LABEL, o->label);
  add_lit(b, iri, NGV_SCHEMA_NAME, o->label);
  for (i = 0; i < o->nalt; i++)
    if (o->alt[i] != NULL && strcmp(o->alt[i], o->label) != 0)
      add_lit(b, iri, NGV_SKOS_ALT_LABEL, o->alt[i]);
  if (is_code(o->wikidata, 'Q')) {
    char *wd = ngi_iri_join(NGI_WIKIDATA, o->wikidata, NULL);
    if (wd == NULL)
      b->st = NG_ENOMEM;
    add_iri(b, iri, NGV_OWL_SAME_AS, wd);
    free(wd);
  }
}

/* A topic minted from the article's words is an ng:Topic; a concept of
 * the scheme (the article's category, or a topic's skos:broader) is only
 * a skos:Concept: a generic category is not a topic of the article. */
static void add_topic(builder *b, const ngi_topic *t, const char *iri)
{
  if (t->from_heading)
    add_type(b, iri, NGV_TOPIC);
  add_type(b, iri, NGV_SKOS_CONCEPT);
  add_lit(b, iri, NGV_RDFS_LABEL, t->label);
  if (!t->from_heading)
    add_iri(b, iri, NGV_SKOS_IN_SCHEME, NGI_TOPIC_SCHEME);
  if (is_code(t->iptc, 0)) {
    char *m = ngi_iri_join(NGI_IPTC, t->iptc, NULL);
    if (m == NULL)
      b->st = NG_ENOMEM;
    /* a scheme concept is mapped on purpose; a heading only resembles */
    add_iri(b, iri, t->from_heading ? NGV_SKOS_CLOSE_MATCH
                                    : NGV_SKOS_EXACT_MATCH, m);
    free(m);
  }
  if (t->broader != NULL) {
    /* the scheme concept it falls under, described in topics.ttl */
    char *seg = ngi_iri_segment(t->broader);
    char *m = seg != NULL ? ngi_iri_join(NGI_TOPIC_SCHEME, seg, NULL) : NULL;
    if (m == NULL)
      b->st = NG_ENOMEM;
    add_iri(b, iri, NGV_SKOS_BROADER, m);
    free(seg);
    free(m);
  }
}

/* Indices 0..n-1 sorted by begin offset (stable), so that claim numbers
 * follow the text. */
static size_t *text_order(const void *items, size_t n, size_t size,
                          size_t begin_off)
{
  size_t *ix = malloc((n > 0 ? n : 1) * sizeof *ix), i, j;

  if (ix == NULL)
    return NULL;
  for (i = 0; i < n; i++) {
    uint32_t bi;
    memcpy(&bi, (const char *)items + i * size + begin_off, sizeof bi);
    for (j = i; j > 0; j--) {
      uint32_t bj;
      memcpy(&bj, (const char *)items + ix[j - 1] * size + begin_off,
             sizeof bj);
      if (bj <= bi)
        break;
      ix[j] = ix[j - 1];
    }
    ix[j] = i;
  }
  return ix;
}

static char *claim_iri(builder *b, const char *article, const char *kind,
                       size_t n)
{
  char num[32];
  char *iri;

  snprintf(num, sizeof num, "%s%lu", kind, (unsigned long)n);
  /* under a '#' base the article IRI has a fragment already, and a second
   * '#' would make an invalid IRI: <kg#article/HASH/statement-1> */
  iri = ngi_iri_join(article, strchr(article, '#') != NULL ? "/" : "#", num);
  if (iri == NULL)
    b->st = NG_ENOMEM;
  return iri;
}

/* What a statement or agreement is about and where it stands: its topic,
 * its article, its byte span. */
static void add_place(builder *b, const ngi_result *r, const char *iri,
                      const char *art, char **tiri, int topic,
                      uint32_t begin, uint32_t end)
{
  if (topic >= 0 && (size_t)topic < r->ntopics)
    add_iri(b, iri, NGV_ABOUT, tiri[topic]);
  add_iri(b, iri, NGV_IN_ARTICLE, art);
  add(b, uri(b, iri), term(b, NGV_BEGIN_INDEX), ngi_build_number(b, begin));
  add(b, uri(b, iri), term(b, NGV_END_INDEX), ngi_build_number(b, end));
}

static void add_claims(builder *b, const ngi_result *r, const char *art,
                       char **piri, char **oiri, char **tiri)
{
  size_t *ix, i, k;

  ix = text_order(r->statements, r->nstatements, sizeof *r->statements,
                  offsetof(ngi_statement, begin));
  if (ix == NULL) {
    b->st = NG_ENOMEM;
    return;
  }
  for (i = 0; i < r->nstatements && b->st == NG_OK; i++) {
    const ngi_statement *s = &r->statements[ix[i]];
    char *iri = claim_iri(b, art, "statement-", i + 1);

    const char *who = agent_iri(&s->speaker, piri, r->npersons, oiri,
                                r->norgs);

    add_type(b, iri, NGV_STATEMENT);
    add_type(b, iri, s->direct ? NGV_DIRECT_QUOTE : NGV_REPORTED_SPEECH);
    add_iri(b, iri, NGV_SPEAKER, who);
    add_lit(b, iri, NGV_TEXT, s->text);
    /* for schema.org readers: a quotation spoken by its speaker, or
     * (reported speech, not verbatim) a work its speaker created */
    add_type(b, iri, s->direct ? NGV_SCHEMA_QUOTATION
                               : NGV_SCHEMA_CREATIVE_WORK);
    add_iri(b, iri, s->direct ? NGV_SCHEMA_SPOKEN_BY : NGV_SCHEMA_CREATOR,
            who);
    add_lit(b, iri, NGV_SCHEMA_TEXT, s->text);
    add_place(b, r, iri, art, tiri, s->topic, s->begin, s->end);
    free(iri);
  }
  free(ix);

  ix = text_order(r->agreements, r->nagreements, sizeof *r->agreements,
                  offsetof(ngi_agreement, begin));
  if (ix == NULL) {
    b->st = NG_ENOMEM;
    return;
  }
  for (i = 0; i < r->nagreements && b->st == NG_OK; i++) {
    const ngi_agreement *a = &r->agreements[ix[i]];
    char *iri = claim_iri(b, art, "agreement-", i + 1);

    add_type(b, iri, NGV_AGREEMENT);
    add_lit(b, iri, NGV_RDFS_LABEL, a->label);
    add_lit(b, iri, NGV_TEXT, a->text);
    for (k = 0; k < a->nparties; k++)
      add_iri(b, iri, NGV_PARTY, agent_iri(&a->parties[k], piri,
                                           r->npersons, oiri, r->norgs));
    add_place(b, r, iri, art, tiri, a->topic, a->begin, a->end);
    free(iri);
  }
  free(ix);
}

static void free_iris(char **v, size_t n)
{
  size_t i;

  if (v == NULL)
    return;
  for (i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

ng_status ngi_graph_add_result(ng_graph *g, const ngi_result *r,
                               const ng_graph_opts *o, char *err)
{
  builder b;
  char *art = NULL, *base = NULL, **piri, **oiri, **tiri;
  size_t i;
  ng_status st;

  if (g == NULL || r == NULL) {
    ngi_graph_errf(err, "no graph or no extraction result");
    return NG_EUSAGE;
  }
  st = ngi_base_new(o != NULL ? o->base : NULL, &base, err);
  if (st != NG_OK)
    return st;
  st = ngi_article_iri_of(r, o, &art, err);
  if (st != NG_OK) {
    free(base);
    return st;
  }
  b.g = g;
  b.st = NG_OK;
  if (ngi_graph_set_base(g, base) != NG_OK)
    b.st = NG_ENOMEM;
  piri = calloc(r->npersons + 1, sizeof *piri);
  oiri = calloc(r->norgs + 1, sizeof *oiri);
  tiri = calloc(r->ntopics + 1, sizeof *tiri);
  if (piri == NULL || oiri == NULL || tiri == NULL)
    b.st = NG_ENOMEM;

  for (i = 0; i < r->npersons && b.st == NG_OK; i++)
    piri[i] = mint_person(&b, base, art, r->persons[i].label);
  for (i = 0; i < r->norgs && b.st == NG_OK; i++)
    oiri[i] = mint(&b, base, "org/", r->orgs[i].label);
  for (i = 0; i < r->ntopics && b.st == NG_OK; i++) {
    const ngi_topic *t = &r->topics[i];
    if (t->from_heading) {
      tiri[i] = mint(&b, base, "topic/", t->label != NULL ? t->label : t->id);
    } else if (t->id != NULL) {
      char *seg = ngi_iri_segment(t->id);
      tiri[i] = seg != NULL ? ngi_iri_join(NGI_TOPIC_SCHEME, seg, NULL)
                            : NULL;
      free(seg);
      if (tiri[i] == NULL)
        b.st = NG_ENOMEM;
    }
  }

  /* the article */
  add_type(&b, art, NGV_ARTICLE);
  add_type(&b, art, NGV_SCHEMA_NEWS_ARTICLE);
  add_lit(&b, art, NGV_HEADLINE, r->headline);
  add_lit(&b, art, NGV_SCHEMA_HEADLINE, r->headline);
  if (o != NULL && o->with_text && r->text != NULL && r->len > 0)
    add(&b, uri(&b, art), term(&b, NGV_SCHEMA_ARTICLE_BODY),
        ngi_build_lit_same(&b, r->text, r->len));
  for (i = 0; i < r->npersons; i++) {
    add_iri(&b, art, NGV_MENTIONS, piri[i]);
    add_iri(&b, art, NGV_SCHEMA_MENTIONS, piri[i]);
  }
  for (i = 0; i < r->norgs; i++) {
    add_iri(&b, art, NGV_MENTIONS, oiri[i]);
    add_iri(&b, art, NGV_SCHEMA_MENTIONS, oiri[i]);
  }
  for (i = 0; i < r->ntopics; i++)
    if (r->topics[i].article)
      add_iri(&b, art, r->topics[i].from_heading ? NGV_TOPIC_P : NGV_CATEGORY,
              tiri[i]);

  for (i = 0; i < r->npersons && b.st == NG_OK; i++)
    if (piri[i] != NULL)
      add_person(&b, r, base, &r->persons[i], piri[i], oiri);
  for (i = 0; i < r->norgs && b.st == NG_OK; i++)
    if (oiri[i] != NULL)
      add_org(&b, &r->orgs[i], oiri[i]);
  for (i = 0; i < r->ntopics && b.st == NG_OK; i++)
    if (tiri[i] != NULL)
      add_topic(&b, &r->topics[i], tiri[i]);
  if (b.st == NG_OK)
    add_claims(&b, r, art, piri, oiri, tiri);

  free_iris(piri, r->npersons);
  free_iris(oiri, r->norgs);
  free_iris(tiri, r->ntopics);
  free(art);
  free(base);
  if (b.st == NG_ENOMEM)
    ngi_graph_errf(err, "out of memory");
  else if (b.st != NG_OK)
    ngi_graph_errf(err, "cannot add a statement to the graph%s%s",
                   *ngi_graph_log(g) != '\0' ? ": " : "", ngi_graph_log(g));
  return b.st;
}

ng_status ng_graph_add_doc(ng_graph *g, const ng_doc *doc,
                           const ng_graph_opts *opts, char *err)
{
  const ngi_result *r = doc != NULL ? ngi_doc_result(doc) : NULL;

  if (r == NULL) {
    ngi_graph_errf(err, "document not extracted (call ng_extract first)");
    return NG_EUSAGE;
  }
  return ngi_graph_add_result(g, r, opts, err);
}

char *ng_article_iri(const ng_doc *doc, const ng_graph_opts *opts)
{
  const ngi_result *r = doc != NULL ? ngi_doc_result(doc) : NULL;
  char *iri = NULL;

  if (r == NULL)
    return NULL;
  if (ngi_article_iri_of(r, opts, &iri, NULL) != NG_OK)
    return NULL;
  return iri;
}
