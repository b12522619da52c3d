/* graph.c - the graph itself and its statement primitives: a librdf
 * model (or a graph of lines) and the builder that adds statements to it.
 *
 * Every statement is built from librdf nodes (never from Turtle text), so
 * escaping is raptor's job.  Which statements an article gives is
 * entities.c's (persons, organisations, topics, claims), what a page or
 * record says about its article meta.c's, writing them out serialize.c's
 * and jsonld.c's, graphs in per-thread worlds batch.c's.
 */
#include "graph.h"

#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "iri.h"
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

/* ------------------------------------------------------------ the builder
 * for entities.c and meta.c (build.h) */

ngi_node ngi_build_uri(ngi_builder *b, const char *iri)
{
  return uri(b, iri);
}

ngi_node ngi_build_term(ngi_builder *b, ngi_term t)
{
  return term(b, t);
}

ngi_node ngi_build_lit(ngi_builder *b, const char *s)
{
  return lit(b, s);
}

ngi_node ngi_build_lit_same(ngi_builder *b, const char *s, size_t len)
{
  ngi_node n = no_node;
  char *t;
  size_t i;

  if (b->st != NG_OK || s == NULL)
    return n;
  t = malloc(len + 3); /* lit_odd may look two bytes past the end */
  if (t == NULL)
    return n;
  memcpy(t, s, len);
  memset(t + len, 0, 3);
  for (i = 0; i < len; i++) {
    if (!lit_odd(t, i))
      continue;
    if ((unsigned char)t[i] == 0xef) {
      t[i + 2] = (char)0xbd; /* U+FFFD */
      i += 2;
    } else {
      t[i] = ' ';
    }
  }
  n = node_of(b, NGI_NODE_LIT, t);
  n.own = t;
  return n;
}

ngi_node ngi_build_typed(ngi_builder *b, const char *s, const char *dt)
{
  return typed_iri(b, s, dt);
}

ngi_node ngi_build_typed_term(ngi_builder *b, const char *s, ngi_term dt)
{
  return typed(b, s, dt);
}

ngi_node ngi_build_number(ngi_builder *b, uint32_t v)
{
  return number(b, v);
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

void ngi_build_add_iri(ngi_builder *b, const char *s, ngi_term p,
                       const char *o)
{
  add_iri(b, s, p, o);
}

void ngi_build_add_type(ngi_builder *b, const char *s, ngi_term cls)
{
  add_type(b, s, cls);
}

/* The base of the first document, kept for the prefixes of the output. */
ng_status ngi_graph_set_base(ng_graph *g, const char *base)
{
  if (g->base != NULL)
    return NG_OK;
  g->base = ngi_iri_join(base, NULL, NULL);
  return g->base != NULL ? NG_OK : NG_ENOMEM;
}

const char *ngi_graph_base(ng_graph *g)
{
  return g != NULL ? g->base : NULL;
}

/* The first librdf error of the graph's own world, or "". */
const char *ngi_graph_log(ng_graph *g)
{
  return g->nerrors > 0 ? g->log : "";
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

