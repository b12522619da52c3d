/* graph.c - extraction results to RDF statements.
 *
 * Every statement is built from librdf nodes (never from Turtle text), so
 * escaping is raptor's job.  What a page or record says about its
 * article (ng_graph_add_meta) is meta.c's, writing them out serialize.c's,
 * graphs in per-thread worlds batch.c's.
 */
#include "graph.h"

#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "iri.h"
#include "util/sha256.h"
#include "vocab.h"

struct ng_graph {
  librdf_world *world;
  int own_world;
  librdf_storage *storage;
  librdf_model *model;
  char *base;          /* base of the first document, for prefixes */
  char log[NG_ERRLEN]; /* first librdf error (own world only) */
  int nerrors;
  /* Nodes made once and shared (librdf copies a node by reference): the
   * vocabulary terms, and the latest subject.  A graph of a million
   * statements then holds one predicate node each, not a million. */
  librdf_node *terms[NGV_COUNT];
  librdf_node *last_node;
  char *last_iri;
  /* A graph of lines (ng_graph_new_lines) has no world and no model:
   * its statements go straight to N-Triples text. */
  ngi_lines *lines;
};

/* ------------------------------------------------------------ life */

static int logger(void *user_data, librdf_log_message *msg)
{
  ng_graph *g = user_data;

  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR &&
      g->nerrors++ == 0) {
    const char *m = librdf_log_message_message(msg);
    ngi_graph_errf(g->log, "%s", m != NULL ? m : "librdf error");
  }
  return 1; /* handled: the library never prints */
}

static ng_status graph_open(ng_graph *g, char *err)
{
  g->storage = librdf_new_storage(g->world, "trees", NULL, NULL);
  if (g->storage == NULL) {
    ngi_graph_errf(err, "cannot create an in-memory librdf storage");
    return NG_ERDF;
  }
  g->model = librdf_new_model(g->world, g->storage, NULL);
  if (g->model == NULL) {
    ngi_graph_errf(err, "cannot create a librdf model");
    return NG_ERDF;
  }
  return NG_OK;
}

ng_status ng_graph_new(ng_graph **out, char *err)
{
  ng_graph *g;
  ng_status st;

  *out = NULL;
  g = calloc(1, sizeof *g);
  if (g == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  g->own_world = 1;
  g->world = librdf_new_world();
  if (g->world == NULL) {
    free(g);
    ngi_graph_errf(err, "cannot create a librdf world");
    return NG_ERDF;
  }
  librdf_world_set_logger(g->world, g, logger);
  librdf_world_open(g->world);
  st = graph_open(g, err);
  if (st != NG_OK) {
    ng_graph_free(g);
    return st;
  }
  *out = g;
  return NG_OK;
}

ng_status ngi_graph_new_in(librdf_world *w, ng_graph **out, char *err)
{
  ng_graph *g;
  ng_status st;

  *out = NULL;
  if (w == NULL) {
    ngi_graph_errf(err, "no librdf world");
    return NG_EUSAGE;
  }
  g = calloc(1, sizeof *g);
  if (g == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  g->world = w;
  st = graph_open(g, err);
  if (st != NG_OK) {
    ng_graph_free(g);
    return st;
  }
  *out = g;
  return NG_OK;
}

/* Batch N-Triples and N-Quads need no model: the statements are
 * written as lines when added, which is several times cheaper than
 * building librdf nodes and AVL trees only to walk them. */
ng_status ng_graph_new_lines(ng_graph **out, char *err)
{
  ng_graph *g;

  *out = NULL;
  g = calloc(1, sizeof *g);
  if (g != NULL)
    g->lines = ngi_lines_new();
  if (g == NULL || g->lines == NULL) {
    free(g);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  *out = g;
  return NG_OK;
}

void ng_graph_free(ng_graph *g)
{
  size_t i;

  if (g == NULL)
    return;
  for (i = 0; i < NGV_COUNT; i++)
    if (g->terms[i] != NULL)
      librdf_free_node(g->terms[i]);
  if (g->last_node != NULL)
    librdf_free_node(g->last_node);
  free(g->last_iri);
  if (g->model != NULL)
    librdf_free_model(g->model);
  if (g->storage != NULL)
    librdf_free_storage(g->storage);
  if (g->own_world && g->world != NULL)
    librdf_free_world(g->world);
  ngi_lines_free(g->lines);
  free(g->base);
  free(g);
}

librdf_model *ngi_graph_model(ng_graph *g)
{
  return g != NULL ? g->model : NULL;
}

librdf_world *ngi_graph_world(ng_graph *g)
{
  return g != NULL ? g->world : NULL;
}

ngi_lines *ngi_graph_lines_of(ng_graph *g)
{
  return g != NULL ? g->lines : NULL;
}

size_t ng_graph_size(ng_graph *g)
{
  int n;

  if (g == NULL)
    return 0;
  if (g->lines != NULL)
    return ngi_lines_count(g->lines);
  n = librdf_model_size(g->model);
  return n > 0 ? (size_t)n : 0;
}

/* ------------------------------------------------------------ building */

/* Builds statements; the first failure sticks in st and later calls only
 * free what they are given, so callers can chain without checks (the
 * type is in graph.h, for meta.c).  Nodes are ngi_nodes until added:
 * then librdf nodes for a model, N-Triples text for a graph of lines. */
typedef ngi_builder builder;

static const ngi_node no_node = {0, NGV_COUNT, NULL, NULL, NULL};

static ngi_node node_of(builder *b, int kind, const char *s)
{
  ngi_node n = no_node;

  if (b->st != NG_OK || s == NULL)
    return n;
  n.kind = kind;
  n.s = s;
  return n;
}

static ngi_node uri(builder *b, const char *iri)
{
  return node_of(b, NGI_NODE_IRI, iri);
}

static ngi_node term(builder *b, ngi_term t)
{
  ngi_node n = no_node;

  if (b->st != NG_OK || (int)t < 0 || t >= NGV_COUNT)
    return n;
  n.kind = NGI_NODE_TERM;
  n.term = t;
  n.s = ngi_vocab_iri(t);
  return n;
}

/* Whether byte c of a literal must be rewritten: C0 controls other than
 * tab and LF, DEL, and the lead byte of U+FFFE / U+FFFF (EF BF BE/BF). */
static int lit_odd(const char *s, size_t i)
{
  unsigned char c = (unsigned char)s[i];

  if (c == 0xef)
    return (unsigned char)s[i + 1] == 0xbf &&
           ((unsigned char)s[i + 2] == 0xbe ||
            (unsigned char)s[i + 2] == 0xbf);
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
}

/* A plain literal that every serializer writes faithfully.  raptor
 * 2.0.15's Turtle writer puts a CR raw inside a short string (which no
 * Turtle parser accepts), its RDF/XML writer silently drops the control
 * characters XML 1.0 cannot carry, and its writers cut a literal short at
 * U+FFFE or U+FFFF.  So line ends are normalised as XML does (CR LF and a
 * lone CR become LF), the other C0 controls and DEL (bar tab and LF) become
 * spaces and U+FFFE / U+FFFF become U+FFFD: the graph is then the same in
 * every syntax. */
static ngi_node lit(builder *b, const char *s)
{
  ngi_node n = no_node;
  char *t;
  size_t i, j;
  int clean = 1;

  if (b->st != NG_OK || s == NULL)
    return n;
  for (i = 0; s[i] != '\0' && clean; i++)
    clean = !lit_odd(s, i);
  if (clean)
    return node_of(b, NGI_NODE_LIT, s);
  t = malloc(strlen(s) + 1);
  if (t == NULL)
    return n;
  for (i = j = 0; s[i] != '\0'; i++) {
    if (!lit_odd(s, i)) {
      t[j++] = s[i];
    } else if (s[i] == '\r') {
      if (s[i + 1] != '\n')
        t[j++] = '\n';
    } else if ((unsigned char)s[i] == 0xef) {
      memcpy(t + j, "\xef\xbf\xbd", 3); /* U+FFFD */
      j += 3;
      i += 2;
    } else {
      t[j++] = ' ';
    }
  }
  t[j] = '\0';
  n = node_of(b, NGI_NODE_LIT, t);
  n.own = t;
  return n;
}

static ngi_node typed_iri(builder *b, const char *s, const char *dt)
{
  ngi_node n = node_of(b, NGI_NODE_TYPED, s);

  n.dt = dt;
  return n;
}

static ngi_node typed(builder *b, const char *s, ngi_term dt)
{
  return typed_iri(b, s, ngi_vocab_iri(dt));
}

static ngi_node number(builder *b, uint32_t v)
{
  char buf[16], *t;
  ngi_node n = no_node;
  size_t len;

  if (b->st != NG_OK)
    return n;
  len = (size_t)snprintf(buf, sizeof buf, "%lu", (unsigned long)v);
  t = malloc(len + 1);
  if (t == NULL)
    return n;
  memcpy(t, buf, len + 1);
  n = typed(b, t, NGV_XSD_NON_NEGATIVE_INTEGER);
  n.own = t;
  return n;
}

/* The librdf node of an IRI; the latest one is kept, since one subject
 * comes in many statements in a row. */
static librdf_node *rdf_uri(ng_graph *g, const char *iri)
{
  librdf_node *n;
  size_t len;

  if (g->last_iri != NULL && strcmp(g->last_iri, iri) == 0)
    return librdf_new_node_from_node(g->last_node);
  n = librdf_new_node_from_uri_string(g->world, (const unsigned char *)iri);
  if (n == NULL)
    return NULL;
  len = strlen(iri);
  free(g->last_iri);
  if (g->last_node != NULL)
    librdf_free_node(g->last_node);
  g->last_node = NULL;
  g->last_iri = malloc(len + 1);
  if (g->last_iri != NULL) {
    memcpy(g->last_iri, iri, len + 1);
    g->last_node = librdf_new_node_from_node(n);
    if (g->last_node == NULL) {
      free(g->last_iri);
      g->last_iri = NULL;
    }
  }
  return n;
}

/* The librdf node of n (NULL: out of memory). */
static librdf_node *rdf_node(ng_graph *g, const ngi_node *n)
{
  librdf_uri *u;
  librdf_node *r;

  switch (n->kind) {
  case NGI_NODE_IRI:
    return rdf_uri(g, n->s);
  case NGI_NODE_TERM:
    if (g->terms[n->term] == NULL)
      g->terms[n->term] = librdf_new_node_from_uri_string(
          g->world, (const unsigned char *)n->s);
    return g->terms[n->term] != NULL
               ? librdf_new_node_from_node(g->terms[n->term])
               : NULL;
  case NGI_NODE_LIT:
    return librdf_new_node_from_literal(g->world, (const unsigned char *)n->s,
                                        NULL, 0);
  case NGI_NODE_TYPED:
    u = librdf_new_uri(g->world, (const unsigned char *)n->dt);
    if (u == NULL)
      return NULL;
    r = librdf_new_node_from_typed_literal(
        g->world, (const unsigned char *)n->s, NULL, u);
    librdf_free_uri(u);
    return r;
  default:
    return NULL;
  }
}

static void add_model(builder *b, const ngi_node *s, const ngi_node *p,
                      const ngi_node *o)
{
  librdf_statement *stmt;
  librdf_node *ns = rdf_node(b->g, s);
  librdf_node *np = ns != NULL ? rdf_node(b->g, p) : NULL;
  librdf_node *no = np != NULL ? rdf_node(b->g, o) : NULL;

  if (no == NULL) {
    if (ns != NULL)
      librdf_free_node(ns);
    if (np != NULL)
      librdf_free_node(np);
    b->st = NG_ENOMEM;
    return;
  }
  /* takes the nodes, and frees them if it fails */
  stmt = librdf_new_statement_from_nodes(b->g->world, ns, np, no);
  if (stmt == NULL) {
    b->st = NG_ENOMEM;
    return;
  }
  if (librdf_model_add_statement(b->g->model, stmt) != 0)
    b->st = NG_ERDF;
  librdf_free_statement(stmt);
}

/* Add (s p o), taking the nodes.  A node of kind 0 means out of memory. */
static void add(builder *b, ngi_node s, ngi_node p, ngi_node o)
{
  if (b->st == NG_OK && (s.kind == 0 || p.kind == 0 || o.kind == 0))
    b->st = NG_ENOMEM;
  if (b->st == NG_OK) {
    if (b->g->lines != NULL) {
      if (ngi_lines_add(b->g->lines, &s, &p, &o) != 0)
        b->st = NG_ENOMEM;
    } else {
      add_model(b, &s, &p, &o);
    }
  }
  free(s.own);
  free(p.own);
  free(o.own);
}

/* Add (s p o) with o a literal, unless the text is NULL or empty. */
static void add_lit(builder *b, const char *s, ngi_term p, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  add(b, uri(b, s), term(b, p), lit(b, text));
}

static void add_iri(builder *b, const char *s, ngi_term p, const char *o)
{
  if (o == NULL)
    return;
  add(b, uri(b, s), term(b, p), uri(b, o));
}

static void add_type(builder *b, const char *s, ngi_term cls)
{
  add(b, uri(b, s), term(b, NGV_RDF_TYPE), term(b, cls));
}

/* The builder for meta.c. */
ngi_node ngi_build_uri(ngi_builder *b, const char *iri)
{
  return uri(b, iri);
}

ngi_node ngi_build_lit(ngi_builder *b, const char *s)
{
  return lit(b, s);
}

ngi_node ngi_build_typed(ngi_builder *b, const char *s, const char *dt)
{
  return typed_iri(b, s, dt);
}

void ngi_build_add(ngi_builder *b, ngi_node s, ngi_node p, ngi_node o)
{
  add(b, s, p, o);
}

void ngi_build_add_lit(ngi_builder *b, const char *s, ngi_term p,
                       const char *text)
{
  add_lit(b, s, p, text);
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
        add_lit(b, org, NGV_RDFS_LABEL, ro->org);
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
  add(b, uri(b, iri), term(b, NGV_BEGIN_INDEX), number(b, begin));
  add(b, uri(b, iri), term(b, NGV_END_INDEX), number(b, end));
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

    add_type(b, iri, NGV_STATEMENT);
    add_type(b, iri, s->direct ? NGV_DIRECT_QUOTE : NGV_REPORTED_SPEECH);
    add_iri(b, iri, NGV_SPEAKER, agent_iri(&s->speaker, piri, r->npersons,
                                           oiri, r->norgs));
    add_lit(b, iri, NGV_TEXT, s->text);
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
  if (g->base == NULL) {
    g->base = ngi_iri_join(base, NULL, NULL);
    if (g->base == NULL)
      b.st = NG_ENOMEM;
  }
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
  for (i = 0; i < r->npersons; i++)
    add_iri(&b, art, NGV_MENTIONS, piri[i]);
  for (i = 0; i < r->norgs; i++)
    add_iri(&b, art, NGV_MENTIONS, oiri[i]);
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
                   g->nerrors > 0 ? ": " : "", g->nerrors > 0 ? g->log : "");
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

ng_status ng_graph_write(ng_graph *g, const char *format, FILE *out,
                         char *err)
{
  if (g == NULL || out == NULL) {
    ngi_graph_errf(err, "no graph or no output");
    return NG_EUSAGE;
  }
  if (g->lines != NULL) {
    ngi_graph_errf(err, "a graph of lines is written by ng_graph_lines only");
    return NG_EUSAGE;
  }
  return ngi_model_write(g->world, g->model, format,
                         g->base != NULL ? g->base : NG_DEFAULT_BASE, out,
                         err);
}
