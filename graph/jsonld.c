/* jsonld.c - a graph out as compacted JSON-LD (-f jsonld).
 *
 * Compaction is driven by the context alone (ontology/context.jsonld,
 * jsonld_ctx.c): a property becomes the term whose IRI and value type fit
 * its value ("beginIndex": "12" for an xsd:nonNegativeInteger), else a
 * term or compact IRI ("ng:headline") with the value written out in full
 * ({"@id": ...}, {"@value": ..., "@type": ...}); rdf:type becomes @type;
 * an IRI under the context's @base is written relative to it when that is
 * safe to resolve back.  Nodes come sorted by subject, properties by name,
 * values in statement order, so the same graph gives the same bytes.  The
 * document is {@context, @id: graph name, @graph: [nodes]}; expanded by
 * any JSON-LD processor it gives the graph's N-Quads.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "graph.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iri.h"
#include "jsonld.h"
#include "vocab.h"

enum { O_IRI = NGI_JO_IRI, O_BLANK = NGI_JO_BLANK, O_LIT = NGI_JO_LIT };

typedef ngi_jtriple triple;

static int str_cmp(const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

typedef struct entry {
  const char *key; /* a term of the context or owned (own) */
  char *own;
  json_object *v;
  size_t seq;
} entry;

/* ------------------------------------------------------------ compaction */

/* Whether rel, an IRI's part after @base, resolves back to it: a path
 * starting with a letter or digit, no colon (it would read as a compact
 * IRI or a scheme), no query, no dot segments. */
static int safe_relative(const char *rel)
{
  const char *p;

  if (!((rel[0] >= 'a' && rel[0] <= 'z') || (rel[0] >= 'A' && rel[0] <= 'Z')
        || (rel[0] >= '0' && rel[0] <= '9')))
    return 0;
  if (strpbrk(rel, ":?") != NULL)
    return 0;
  for (p = rel; *p != '\0' && *p != '#'; p++)
    if (*p == '.' && (p == rel || p[-1] == '/') &&
        (p[1] == '/' || p[1] == '\0' || p[1] == '#' ||
         (p[1] == '.' && (p[2] == '/' || p[2] == '\0' || p[2] == '#'))))
      return 0;
  return 1;
}

/* Whether an absolute IRI would be read back as a compact IRI under c
 * (its scheme is one of c's prefixes and no "//" follows). */
static int reads_as_compact(const ng_jsonld_context *c, const char *iri)
{
  const char *colon = strchr(iri, ':');
  const ngi_jterm *t;
  char scheme[64];
  size_t n;

  if (colon == NULL || (colon[1] == '/' && colon[2] == '/'))
    return 0;
  n = (size_t)(colon - iri);
  if (n >= sizeof scheme)
    return 0;
  memcpy(scheme, iri, n);
  scheme[n] = '\0';
  t = ngi_jctx_term(c, scheme);
  return t != NULL && t->iri != NULL && t->prefix;
}

/* A node's @id (or an @id-coerced value): relative to @base when safe,
 * else as is.  Points into iri.  NULL: cannot be written under c. */
static const char *compact_id(const ng_jsonld_context *c, const char *iri)
{
  size_t nb = c->base != NULL ? strlen(c->base) : 0;

  if (strncmp(iri, "_:", 2) == 0)
    return iri;
  if (nb > 0 && strncmp(iri, c->base, nb) == 0 && safe_relative(iri + nb))
    return iri + nb;
  return reads_as_compact(c, iri) ? NULL : iri;
}

/* A property or type IRI in vocabulary position: a term of c, else the
 * shortest compact IRI, else the IRI (malloc'ed; NULL: out of memory or
 * *bad: cannot be written under c).  want_term: a term whose IRI is iri
 * and which may be used with any value (no @type, no @language). */
static char *compact_vocab(const ng_jsonld_context *c, const char *iri,
                           int any_term, int *bad)
{
  const ngi_jterm *best = NULL, *t;
  char *r = NULL;
  size_t i, nbest = 0;

  *bad = 0;
  for (i = 0; i < c->n; i++) {
    t = &c->t[i];
    if (t->iri == NULL || strcmp(t->iri, iri) != 0 ||
        (!any_term && (t->type != NULL || t->lang != NULL)))
      continue;
    if (best == NULL || strcmp(t->name, best->name) < 0)
      best = t;
  }
  if (best != NULL) {
    r = malloc(strlen(best->name) + 1);
    if (r != NULL)
      strcpy(r, best->name);
    return r;
  }
  best = NULL;
  for (i = 0; i < c->n; i++) {
    size_t ni;
    const ngi_jterm *same;
    char cand[512];
    t = &c->t[i];
    if (t->iri == NULL || !t->prefix)
      continue;
    ni = strlen(t->iri);
    if (strncmp(iri, t->iri, ni) != 0 || iri[ni] == '\0' ||
        (iri[ni] == '/' && iri[ni + 1] == '/'))
      continue;
    if (snprintf(cand, sizeof cand, "%s:%s", t->name, iri + ni) >=
        (int)sizeof cand)
      continue;
    /* a term of that name would win over the compact IRI */
    same = ngi_jctx_term(c, cand);
    if (same != NULL && (same->iri == NULL || strcmp(same->iri, iri) != 0))
      continue;
    if (best == NULL || strlen(t->name) + strlen(iri + ni) < nbest ||
        (strlen(t->name) + strlen(iri + ni) == nbest &&
         strcmp(t->name, best->name) < 0)) {
      best = t;
      nbest = strlen(t->name) + strlen(iri + ni);
    }
  }
  if (best != NULL) {
    size_t ni = strlen(best->iri), len = strlen(best->name) + 1 +
                                          strlen(iri + ni) + 1;
    r = malloc(len);
    if (r != NULL)
      snprintf(r, len, "%s:%s", best->name, iri + ni);
    return r;
  }
  if (reads_as_compact(c, iri) || ngi_jctx_term(c, iri) != NULL) {
    *bad = 1;
    return NULL;
  }
  r = malloc(strlen(iri) + 1);
  if (r != NULL)
    strcpy(r, iri);
  return r;
}

/* The term whose IRI is t->p and whose coercion fits t's object, or
 * NULL (smallest name first, for the same bytes every time). */
static const ngi_jterm *fitting_term(const ng_jsonld_context *c,
                                     const triple *t)
{
  const ngi_jterm *best = NULL;
  size_t i;

  for (i = 0; i < c->n; i++) {
    const ngi_jterm *x = &c->t[i];
    int fits;
    if (x->iri == NULL || strcmp(x->iri, t->p) != 0)
      continue;
    if (t->okind != O_LIT)
      fits = x->type != NULL && strcmp(x->type, "@id") == 0;
    else if (t->dt != NULL)
      fits = x->type != NULL && strcmp(x->type, t->dt) == 0;
    else if (x->type != NULL)
      fits = 0;
    else if (t->lang != NULL)
      fits = x->lang != NULL ? strcmp(x->lang, t->lang) == 0
                             : c->lang != NULL && strcmp(c->lang, t->lang) == 0;
    else
      fits = x->lang != NULL ? x->lang[0] == '\0' : c->lang == NULL;
    if (fits && (best == NULL || strcmp(x->name, best->name) < 0))
      best = x;
  }
  return best;
}

static json_object *jstr(const char *s)
{
  return json_object_new_string(s);
}

/* The key and value of one statement into e. */
/* What compact_vocab and fitting_term gave for the IRIs of one document
 * so far: the same few predicates and types come again and again.  Keys
 * point into the document's statements. */
#define MEMO_SIZE 64

typedef struct memo {
  struct {
    const char *iri;
    int any_term, bad;
    char *r;
  } cv[MEMO_SIZE];
  struct {
    const char *p, *dt, *lang;
    int okind;
    const ngi_jterm *term;
  } ft[MEMO_SIZE];
  size_t ncv, nft;
} memo;

static void memo_free(memo *m)
{
  size_t i;

  for (i = 0; i < m->ncv; i++)
    free(m->cv[i].r);
}

static char *dup_str(const char *s)
{
  char *d = malloc(strlen(s) + 1);

  if (d != NULL)
    strcpy(d, s);
  return d;
}

/* compact_vocab, remembered. */
static char *compact_vocab_m(memo *m, const ng_jsonld_context *c,
                             const char *iri, int any_term, int *bad)
{
  size_t i;
  char *r;

  for (i = 0; i < m->ncv; i++)
    if (m->cv[i].any_term == any_term && strcmp(m->cv[i].iri, iri) == 0) {
      *bad = m->cv[i].bad;
      return m->cv[i].r != NULL ? dup_str(m->cv[i].r) : NULL;
    }
  r = compact_vocab(c, iri, any_term, bad);
  if (m->ncv < MEMO_SIZE && (r != NULL || *bad)) {
    char *keep = r != NULL ? dup_str(r) : NULL;
    if (r == NULL || keep != NULL) {
      m->cv[m->ncv].iri = iri;
      m->cv[m->ncv].any_term = any_term;
      m->cv[m->ncv].bad = *bad;
      m->cv[m->ncv].r = keep;
      m->ncv++;
    }
  }
  return r;
}

/* fitting_term, remembered. */
static const ngi_jterm *fitting_term_m(memo *m, const ng_jsonld_context *c,
                                       const triple *t)
{
  const ngi_jterm *term;
  size_t i;

  for (i = 0; i < m->nft; i++)
    if (m->ft[i].okind == t->okind && strcmp(m->ft[i].p, t->p) == 0 &&
        str_cmp(m->ft[i].dt, t->dt) == 0 &&
        str_cmp(m->ft[i].lang, t->lang) == 0)
      return m->ft[i].term;
  term = fitting_term(c, t);
  if (m->nft < MEMO_SIZE) {
    m->ft[m->nft].p = t->p;
    m->ft[m->nft].dt = t->dt;
    m->ft[m->nft].lang = t->lang;
    m->ft[m->nft].okind = t->okind;
    m->ft[m->nft].term = term;
    m->nft++;
  }
  return term;
}

static ng_status entry_of(memo *m, const ng_jsonld_context *c,
                          const triple *t, entry *e, char *err)
{
  const ngi_jterm *term = fitting_term_m(m, c, t), *kt;
  const char *id = NULL;
  int bad = 0;

  memset(e, 0, sizeof *e);
  if (t->okind != O_LIT) {
    id = compact_id(c, t->o);
    if (id == NULL)
      goto unwritable;
  }
  if (term != NULL) {
    e->key = term->name;
    e->v = jstr(t->okind != O_LIT ? id : t->o);
    return e->v != NULL ? NG_OK : NG_ENOMEM;
  }
  e->own = compact_vocab_m(m, c, t->p, 0, &bad);
  if (e->own == NULL)
    goto fail;
  e->key = e->own;
  kt = ngi_jctx_term(c, e->key);
  if (t->okind == O_LIT && t->dt == NULL && t->lang == NULL &&
      (kt == NULL || kt->type == NULL) &&
      (kt != NULL && kt->lang != NULL ? kt->lang[0] == '\0'
                                      : c->lang == NULL)) {
    /* a key that coerces nothing: the plain string is the literal */
    e->v = jstr(t->o);
    return e->v != NULL ? NG_OK : NG_ENOMEM;
  }
  e->v = json_object_new_object();
  if (e->v == NULL)
    return NG_ENOMEM;
  if (t->okind != O_LIT)
    return json_object_object_add(e->v, "@id", jstr(id)) == 0 ? NG_OK
                                                              : NG_ENOMEM;
  if (json_object_object_add(e->v, "@value", jstr(t->o)) != 0)
    return NG_ENOMEM;
  if (t->dt != NULL) {
    char *dt = compact_vocab_m(m, c, t->dt, 1, &bad);
    int rc;
    if (dt == NULL)
      goto fail;
    rc = json_object_object_add(e->v, "@type", jstr(dt));
    free(dt);
    return rc == 0 ? NG_OK : NG_ENOMEM;
  }
  if (t->lang != NULL)
    return json_object_object_add(e->v, "@language", jstr(t->lang)) == 0
               ? NG_OK : NG_ENOMEM;
  return NG_OK;
fail:
  if (!bad)
    return NG_ENOMEM;
unwritable:
  ngi_graph_errf(err, "cannot write <%.200s> %s<%.200s> in JSON-LD under "
                 "this context", t->p, t->okind != O_LIT ? "" : "with ",
                 t->okind != O_LIT ? t->o : t->dt != NULL ? t->dt : t->p);
  return NG_EFORMAT;
}

static int entry_cmp(const void *pa, const void *pb)
{
  const entry *a = pa, *b = pb;
  int c = strcmp(a->key, b->key);

  if (c != 0)
    return c;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void entries_free(entry *e, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    free(e[i].own);
    json_object_put(e[i].v);
  }
}

/* One node object from the statements v[0..n) of one subject. */
static ng_status node_of(memo *m, const ng_jsonld_context *c,
                         const triple *v, size_t n, json_object **out,
                         char *err)
{
  json_object *node = json_object_new_object(), *types = NULL;
  entry *e = calloc(n + 1, sizeof *e);
  const char *id = compact_id(c, v[0].s);
  size_t i, ne = 0, ntypes = 0;
  ng_status st = NG_OK;
  int bad = 0;

  *out = NULL;
  if (node == NULL || e == NULL || (types = json_object_new_array()) == NULL)
    st = NG_ENOMEM;
  else if (id == NULL) {
    ngi_graph_errf(err, "cannot write <%.200s> in JSON-LD under this "
                   "context", v[0].s);
    st = NG_EFORMAT;
  } else if (json_object_object_add(node, "@id", jstr(id)) != 0)
    st = NG_ENOMEM;
  for (i = 0; i < n && st == NG_OK; i++) {
    if (strcmp(v[i].p, NGI_RDF "type") == 0 && v[i].okind == O_IRI) {
      char *ty = compact_vocab_m(m, c, v[i].o, 1, &bad);
      if (ty == NULL) {
        st = bad ? NG_EFORMAT : NG_ENOMEM;
        if (bad)
          ngi_graph_errf(err, "cannot write the type <%.200s> in JSON-LD "
                         "under this context", v[i].o);
        break;
      }
      if (json_object_array_add(types, jstr(ty)) != 0)
        st = NG_ENOMEM;
      free(ty);
      ntypes++;
      continue;
    }
    st = entry_of(m, c, &v[i], &e[ne], err);
    e[ne].seq = ne;
    if (e[ne].v != NULL || e[ne].own != NULL)
      ne++;
  }
  if (st == NG_OK && ntypes > 0) {
    json_object *ty = types;
    if (ntypes == 1) {
      ty = json_object_get(json_object_array_get_idx(types, 0));
      json_object_put(types);
    }
    types = NULL;
    if (json_object_object_add(node, "@type", ty) != 0)
      st = NG_ENOMEM;
  }
  qsort(e, ne, sizeof *e, entry_cmp);
  for (i = 0; i < ne && st == NG_OK; ) {
    size_t j = i + 1;
    json_object *val;
    while (j < ne && strcmp(e[j].key, e[i].key) == 0)
      j++;
    if (j - i == 1) {
      val = e[i].v;
      e[i].v = NULL;
    } else {
      size_t k;
      val = json_object_new_array();
      for (k = i; k < j && val != NULL; k++) {
        if (json_object_array_add(val, e[k].v) != 0)
          st = NG_ENOMEM;
        else
          e[k].v = NULL;
      }
    }
    if (val == NULL || json_object_object_add(node, e[i].key, val) != 0)
      st = NG_ENOMEM;
    i = j;
  }
  entries_free(e, ne);
  free(e);
  json_object_put(types);
  if (st != NG_OK) {
    json_object_put(node);
    if (st == NG_ENOMEM)
      ngi_graph_errf(err, "out of memory");
    return st;
  }
  *out = node;
  return NG_OK;
}

/* ------------------------------------------------------------ documents */

/* The document of the statements v (sorted; freed here). */
static ng_status document(const ng_jsonld_context *c, triple *v, size_t n,
                          const char *name, json_object **out, char *err)
{
  json_object *doc = json_object_new_object(), *nodes;
  size_t i, j;
  ng_status st = NG_OK;
  memo m;

  *out = NULL;
  m.ncv = m.nft = 0;
  nodes = json_object_new_array();
  if (doc == NULL || nodes == NULL) {
    json_object_put(doc);
    json_object_put(nodes);
    ngi_jtriples_free(v, n);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if (name != NULL) {
    const char *id = compact_id(c, name);
    if (id == NULL) {
      ngi_graph_errf(err, "cannot write the graph name <%.200s> in JSON-LD "
                     "under this context", name);
      st = NG_EFORMAT;
    } else if (json_object_object_add(doc, "@id", jstr(id)) != 0) {
      st = NG_ENOMEM;
    }
  }
  for (i = 0; i < n && st == NG_OK; i = j) {
    json_object *node;
    for (j = i + 1; j < n && strcmp(v[j].s, v[i].s) == 0; j++)
      ;
    st = node_of(&m, c, v + i, j - i, &node, err);
    if (st == NG_OK && json_object_array_add(nodes, node) != 0) {
      json_object_put(node);
      st = NG_ENOMEM;
    }
  }
  memo_free(&m);
  ngi_jtriples_free(v, n);
  if (st == NG_OK && json_object_object_add(doc, "@graph", nodes) != 0)
    st = NG_ENOMEM;
  else if (st == NG_OK)
    nodes = NULL;
  json_object_put(nodes);
  if (st != NG_OK) {
    json_object_put(doc);
    if (st == NG_ENOMEM)
      ngi_graph_errf(err, "out of memory");
    return st;
  }
  *out = doc;
  return NG_OK;
}

static ng_status put(FILE *out, const char *s, size_t n, char *err)
{
  errno = 0;
  if (n > 0 && fwrite(s, 1, n, out) != n) {
    ngi_graph_errf(err, "write error: %s",
                   errno != 0 ? strerror(errno) : "short write");
    return NG_EIO;
  }
  return NG_OK;
}

/* The document of the statements v (sorted; freed here) on out. */
static ng_status write_doc(triple *v, size_t n, const ng_jsonld_context *c,
                           const char *name, int layout, FILE *out,
                           char *err)
{
  json_object *doc;
  const char *text;
  ng_status st = document(c, v, n, name, &doc, err);
  int flags = JSON_C_TO_STRING_NOSLASHESCAPE;

  if (st != NG_OK)
    return st;
  flags |= layout == NG_JSONLD_PRETTY
               ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
               : JSON_C_TO_STRING_PLAIN;
  text = json_object_to_json_string_ext(doc, flags);
  if (text == NULL) {
    json_object_put(doc);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if (layout == NG_JSONLD_MEMBER) {
    st = put(out, text, strlen(text), err);
  } else {
    const char *head = layout == NG_JSONLD_PRETTY ? c->head_pretty
                                                  : c->head_plain;
    /* the head, then the document's members after its "{" */
    st = put(out, head, strlen(head), err);
    if (st == NG_OK)
      st = put(out, ",", 1, err);
    if (st == NG_OK)
      st = put(out, text + 1, strlen(text + 1), err);
    if (st == NG_OK)
      st = put(out, "\n", 1, err);
  }
  json_object_put(doc);
  return st;
}

/* Where write_stmts takes the statements from: a model or a graph of
 * lines (the front, which links no librdf, reaches only the second). */
typedef ng_status (*collector)(void *src, triple **out, size_t *nout,
                               char *err);

static ng_status from_model(void *m, triple **out, size_t *nout, char *err)
{
  return ngi_jsonld_collect(m, out, nout, err);
}

static ng_status from_lines(void *g, triple **out, size_t *nout, char *err)
{
  return ngi_jsonld_collect_lines(g, out, nout, err);
}

/* The statements of src as one document on out; flushed when flush (a
 * failed fflush is NG_EIO). */
static ng_status write_stmts(collector get, void *src,
                             const ng_jsonld_context *c, const char *name,
                             int layout, FILE *out, int flush, char *err)
{
  triple *v = NULL;
  size_t n = 0;
  ng_status st = get(src, &v, &n, err);

  if (st == NG_OK)
    st = write_doc(v, n, c, name, layout, out, err);
  if (st == NG_OK && flush && fflush(out) != 0) {
    ngi_graph_errf(err, "write error: %s", strerror(errno));
    st = NG_EIO;
  }
  return st;
}

ng_status ngi_jsonld_model_write(librdf_model *m, const ng_jsonld_context *c,
                                 const char *name, int layout, FILE *out,
                                 char *err)
{
  return write_stmts(from_model, m, c, name, layout, out, 0, err);
}

ng_status ngi_jsonld_lines_write(ng_graph *g, const ng_jsonld_context *c,
                                 const char *name, int layout, FILE *out,
                                 char *err)
{
  return write_stmts(from_lines, g, c, name, layout, out, 1, err);
}

ng_status ng_graph_write_jsonld(ng_graph *g, const ng_jsonld_context *c,
                                const char *name, int layout, FILE *out,
                                char *err)
{
  if (g == NULL || c == NULL || out == NULL) {
    ngi_graph_errf(err, "no graph, context or output");
    return NG_EUSAGE;
  }
  if (ngi_graph_model(g) == NULL) {
    ngi_graph_errf(err, "a graph of lines is written by ng_graph_lines only");
    return NG_EUSAGE;
  }
  return write_stmts(from_model, ngi_graph_model(g), c, name, layout, out,
                     1, err);
}

ng_status ng_jsonld_write_head(const ng_jsonld_context *c, FILE *out,
                               char *err)
{
  ng_status st = put(out, c->head_plain, strlen(c->head_plain), err);

  return st == NG_OK ? put(out, ",\"@graph\":[\n", 12, err) : st;
}

ng_status ng_jsonld_write_tail(int members, FILE *out, char *err)
{
  return members ? put(out, "\n]}\n", 4, err) : put(out, "]}\n", 3, err);
}
