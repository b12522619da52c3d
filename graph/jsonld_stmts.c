/* jsonld_stmts.c - the statements the JSON-LD writer (jsonld.c) turns
 * into a document: a librdf model's, or a graph of lines' without librdf
 * (for the front, cli/front.c), as strings, sorted, duplicates dropped.
 */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iri.h"
#include "jsonld.h"
#include "ntline.h"
#include "vocab.h"

#define XSD_STRING NGI_XSD "string"

enum { O_IRI = NGI_JO_IRI, O_BLANK = NGI_JO_BLANK, O_LIT = NGI_JO_LIT };

typedef ngi_jtriple triple;

/* ------------------------------------------------------------ statements */

static char *node_text(librdf_node *n, int *kind)
{
  const char *s;
  char *r;
  size_t len;

  if (librdf_node_is_resource(n)) {
    *kind = O_IRI;
    s = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
    r = s != NULL ? malloc(strlen(s) + 1) : NULL;
    if (r != NULL)
      strcpy(r, s);
    return r;
  }
  if (librdf_node_is_blank(n)) {
    *kind = O_BLANK;
    s = (const char *)librdf_node_get_blank_identifier(n);
    if (s == NULL)
      return NULL;
    r = malloc(strlen(s) + 3);
    if (r != NULL)
      snprintf(r, strlen(s) + 3, "_:%s", s);
    return r;
  }
  *kind = O_LIT;
  s = (const char *)librdf_node_get_literal_value_as_counted_string(n, &len);
  r = s != NULL ? malloc(len + 1) : NULL;
  if (r != NULL) {
    memcpy(r, s, len);
    r[len] = '\0';
  }
  return r;
}

static char *dup_or_null(const char *s, int *oom)
{
  char *d;

  if (s == NULL)
    return NULL;
  d = malloc(strlen(s) + 1);
  if (d == NULL)
    *oom = 1;
  else
    strcpy(d, s);
  return d;
}

void ngi_jtriples_free(triple *v, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    free(v[i].s);
    free(v[i].p);
    free(v[i].o);
    free(v[i].dt);
    free(v[i].lang);
  }
  free(v);
}

static int str_cmp(const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int triple_cmp(const void *pa, const void *pb)
{
  const triple *a = pa, *b = pb;
  int c = strcmp(a->s, b->s);

  if (c == 0)
    c = strcmp(a->p, b->p);
  if (c == 0)
    c = a->okind - b->okind;
  if (c == 0)
    c = strcmp(a->o, b->o);
  if (c == 0)
    c = str_cmp(a->dt, b->dt);
  if (c == 0)
    c = str_cmp(a->lang, b->lang);
  return c;
}

static void sort_unique(triple *v, size_t n, triple **out, size_t *nout);

/* The model's statements as strings, sorted, duplicates dropped. */
ng_status ngi_jsonld_collect(librdf_model *m, triple **out, size_t *nout,
                             char *err)
{
  librdf_stream *st = librdf_model_as_stream(m);
  triple *v = NULL;
  size_t n = 0, cap = 0;
  int oom = 0;

  *out = NULL;
  *nout = 0;
  if (st == NULL) {
    ngi_graph_errf(err, "cannot list the statements of the graph");
    return NG_ERDF;
  }
  for (; !oom && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *s = librdf_stream_get_object(st);
    librdf_node *o;
    triple t;
    int sk, pk;

    if (s == NULL)
      break;
    memset(&t, 0, sizeof t);
    o = librdf_statement_get_object(s);
    t.s = node_text(librdf_statement_get_subject(s), &sk);
    t.p = node_text(librdf_statement_get_predicate(s), &pk);
    t.o = node_text(o, &t.okind);
    if (t.okind == O_LIT) {
      librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(o);
      t.dt = dt != NULL ? dup_or_null((const char *)librdf_uri_as_string(dt),
                                      &oom)
                        : NULL;
      t.lang = dup_or_null(librdf_node_get_literal_value_language(o), &oom);
      if (t.dt != NULL && strcmp(t.dt, XSD_STRING) == 0) {
        free(t.dt); /* RDF 1.1: the same literal as a plain one */
        t.dt = NULL;
      }
    }
    if (n == cap) {
      size_t ncap = cap > 0 ? 2 * cap : 256;
      triple *nv = realloc(v, ncap * sizeof *nv);
      if (nv == NULL) {
        oom = 1;
      } else {
        v = nv;
        cap = ncap;
      }
    }
    if (oom || t.s == NULL || t.p == NULL || t.o == NULL) {
      free(t.s);
      free(t.p);
      free(t.o);
      free(t.dt);
      free(t.lang);
      oom = 1;
      break;
    }
    v[n++] = t;
  }
  librdf_free_stream(st);
  if (oom) {
    ngi_jtriples_free(v, n);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  sort_unique(v, n, out, nout);
  return NG_OK;
}

/* Sorted, duplicates dropped, into *out. */
static void sort_unique(triple *v, size_t n, triple **out, size_t *nout)
{
  size_t i, k;

  if (n > 1)
    qsort(v, n, sizeof *v, triple_cmp);
  for (i = k = 0; i < n; i++) {
    if (k > 0 && triple_cmp(&v[k - 1], &v[i]) == 0) {
      free(v[i].s);
      free(v[i].p);
      free(v[i].o);
      free(v[i].dt);
      free(v[i].lang);
    } else {
      v[k++] = v[i];
    }
  }
  *out = v;
  *nout = k;
}

/* A term of a graph of lines as collect() has it; NULL when out of
 * memory. */
static char *term_text(const ngi_ntterm *t)
{
  char *r = malloc(t->n + 1);

  if (r != NULL) {
    memcpy(r, t->s, t->n);
    r[t->n] = '\0';
  }
  return r;
}

/* The statements of a graph of lines as collect() gives a model's;
 * NG_EFORMAT for what only the model way writes (blank nodes, escaped
 * IRIs, language tags librdf could change). */
ng_status ngi_jsonld_collect_lines(ng_graph *g, triple **out,
                                   size_t *nout, char *err)
{
  char *nt = NULL, *vals = NULL;
  size_t ntlen = 0, n = 0, i;
  ngi_ntriple *lv = NULL;
  triple *v = NULL;
  ng_status st = ng_graph_lines(g, NULL, &nt, &ntlen, err);

  *out = NULL;
  *nout = 0;
  if (st == NG_OK)
    st = ngi_lines_parse(nt, ntlen, NGI_NT_ASCII | NGI_NT_LOWER, &lv, &n,
                         &vals);
  if (st == NG_OK && n > 0 && (v = calloc(n, sizeof *v)) == NULL)
    st = NG_ENOMEM;
  for (i = 0; i < n && st == NG_OK; i++) {
    const ngi_ntterm *o = &lv[i].o;
    triple *t = &v[i];
    t->s = term_text(&lv[i].s);
    t->p = term_text(&lv[i].p);
    t->o = term_text(o);
    t->okind = o->lit ? O_LIT : O_IRI;
    if (o->lang != NULL) {
      ngi_ntterm l = {o->lang, o->langn, NULL, NULL, 0, 0, 1};
      t->lang = term_text(&l);
    }
    if (o->dt != NULL &&
        !(o->dtn == strlen(XSD_STRING) && memcmp(o->dt, XSD_STRING,
                                                 o->dtn) == 0)) {
      ngi_ntterm d = {o->dt, o->dtn, NULL, NULL, 0, 0, 0};
      t->dt = term_text(&d);
      if (t->dt == NULL)
        st = NG_ENOMEM;
    }
    if (st == NG_OK && (t->s == NULL || t->p == NULL || t->o == NULL ||
                        (o->lang != NULL && t->lang == NULL)))
      st = NG_ENOMEM;
  }
  free(lv);
  free(vals);
  free(nt);
  if (st != NG_OK) {
    ngi_jtriples_free(v, n);
    if (st == NG_ENOMEM)
      ngi_graph_errf(err, "out of memory");
    else
      ngi_graph_errf(err, "this graph is written through librdf");
    return st;
  }
  sort_unique(v, n, out, nout);
  return NG_OK;
}

