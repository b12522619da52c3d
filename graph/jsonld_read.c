/* jsonld_read.c - JSON-LD in: a document turned into statements for
 * `newsgraph load` (store/write.c reads them as it reads raptor's).
 *
 * This is JSON-LD expansion and its RDF conversion in one pass over the
 * json-c tree, for the documents newsgraph writes and plain JSON-LD like
 * them: inline contexts (jsonld_ctx.c; remote ones are refused), @id,
 * @type, @graph (a top-level one, or a node's: a named graph), value
 * objects (@value with @type or @language), native numbers and booleans,
 * embedded nodes, @set.  @list, @reverse, @nest and @included are refused
 * with a message rather than read wrongly.  Limits keep hostile input in
 * check: nesting (json-c's depth), items per array, statements.
 */
#define _POSIX_C_SOURCE 200809L
#include "graph.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iri.h"
#include "jsonld.h"
#include "vocab.h"

#define MAX_ARRAY 1000000
#define MAX_STATEMENTS 50000000

typedef struct quad {
  librdf_statement *s;
  librdf_node *g; /* NULL: the default graph */
} quad;

typedef struct reader {
  librdf_world *w;
  quad *v;
  size_t n, cap;
  unsigned long blank;
  char *err;
  ng_status st;
} reader;

static ng_status bad(reader *r, const char *fmt, const char *arg)
{
  if (r->st == NG_OK) {
    ngi_graph_errf(r->err, fmt, arg);
    r->st = NG_EINPUT;
  }
  return r->st;
}

static ng_status oom(reader *r)
{
  if (r->st == NG_OK) {
    ngi_graph_errf(r->err, "out of memory");
    r->st = NG_ENOMEM;
  }
  return r->st;
}

/* ------------------------------------------------------------ nodes */

/* An IRI or blank node ("_:x") as a librdf node; NULL on a bad IRI
 * (reported) or out of memory. */
static librdf_node *resource(reader *r, const char *id, const char *what)
{
  librdf_node *n;

  if (strncmp(id, "_:", 2) == 0) {
    if (id[2] == '\0' || strlen(id) > 1024)
      return bad(r, "bad blank node id in %s", what), NULL;
    n = librdf_new_node_from_blank_identifier(r->w,
                                              (const unsigned char *)id + 2);
  } else {
    if (ngi_iri_check(id, what, NULL) != NG_OK)
      return bad(r, "bad IRI in %s", what), NULL;
    n = librdf_new_node_from_uri_string(r->w, (const unsigned char *)id);
  }
  if (n == NULL)
    oom(r);
  return n;
}

static librdf_node *literal(reader *r, const char *s, const char *dt,
                            const char *lang)
{
  librdf_node *n;

  if (dt != NULL) {
    librdf_uri *u;
    if (strncmp(dt, "_:", 2) == 0 || ngi_iri_check(dt, "@type", NULL) != NG_OK)
      return bad(r, "bad datatype IRI '%.200s'", dt), NULL;
    u = librdf_new_uri(r->w, (const unsigned char *)dt);
    if (u == NULL)
      return oom(r), NULL;
    n = librdf_new_node_from_typed_literal(r->w, (const unsigned char *)s,
                                           NULL, u);
    librdf_free_uri(u);
  } else {
    if (lang != NULL && (strlen(lang) > 64 || lang[0] == '\0' ||
                         strspn(lang, "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
                             strlen(lang)))
      return bad(r, "bad @language '%.80s'", lang), NULL;
    n = librdf_new_node_from_literal(r->w, (const unsigned char *)s, lang, 0);
  }
  if (n == NULL)
    oom(r);
  return n;
}

/* Add (s p o) in graph g, taking o (copying s, p and g). */
static void emit(reader *r, librdf_node *s, librdf_node *p, librdf_node *o,
                 librdf_node *g)
{
  librdf_statement *st;
  librdf_node *s2, *p2, *g2 = NULL;

  if (o == NULL || r->st != NG_OK) {
    if (o != NULL)
      librdf_free_node(o);
    return;
  }
  if (r->n >= MAX_STATEMENTS) {
    librdf_free_node(o);
    bad(r, "more than %s statements", "50000000");
    return;
  }
  if (r->n == r->cap) {
    size_t ncap = r->cap > 0 ? 2 * r->cap : 256;
    quad *nv = realloc(r->v, ncap * sizeof *nv);
    if (nv == NULL) {
      librdf_free_node(o);
      oom(r);
      return;
    }
    r->v = nv;
    r->cap = ncap;
  }
  s2 = librdf_new_node_from_node(s);
  p2 = librdf_new_node_from_node(p);
  if (g != NULL)
    g2 = librdf_new_node_from_node(g);
  if (s2 == NULL || p2 == NULL || (g != NULL && g2 == NULL)) {
    if (s2 != NULL)
      librdf_free_node(s2);
    if (p2 != NULL)
      librdf_free_node(p2);
    if (g2 != NULL)
      librdf_free_node(g2);
    librdf_free_node(o);
    oom(r);
    return;
  }
  st = librdf_new_statement_from_nodes(r->w, s2, p2, o);
  if (st == NULL) {
    if (g2 != NULL)
      librdf_free_node(g2);
    oom(r);
    return;
  }
  r->v[r->n].s = st;
  r->v[r->n].g = g2;
  r->n++;
}

/* ------------------------------------------------------------ values */

/* The canonical xsd:double form JSON-LD gives a number: 1.5E1. */
static void double_lex(double d, char *buf, size_t n)
{
  char m[32], *e, *z;

  snprintf(m, sizeof m, "%.15E", d);
  e = strchr(m, 'E');
  if (e == NULL) {
    snprintf(buf, n, "%s", m);
    return;
  }
  *e++ = '\0';
  for (z = e - 2; z > m && *z == '0' && z[-1] != '.'; z--)
    *z = '\0';
  snprintf(buf, n, "%sE%ld", m, strtol(e, NULL, 10));
}

static ng_status node(reader *r, json_object *o, const ng_jsonld_context *c,
                      librdf_node *g, librdf_node **id_out);

/* The object of one value v of a property whose term is t (or NULL). */
static librdf_node *value(reader *r, json_object *v,
                          const ng_jsonld_context *c, const ngi_jterm *t,
                          librdf_node *g)
{
  const char *coerce = t != NULL ? t->type : NULL;
  const char *lang = t != NULL && t->lang != NULL
                         ? (t->lang[0] != '\0' ? t->lang : NULL)
                         : c->lang;
  char num[64];
  int o = 0;

  switch (json_object_get_type(v)) {
  case json_type_string: {
    const char *s = json_object_get_string(v);
    char *iri;
    librdf_node *n;
    if (coerce != NULL && (strcmp(coerce, "@id") == 0 ||
                           strcmp(coerce, "@vocab") == 0)) {
      iri = ngi_jctx_expand(c, s, coerce[1] == 'v', &o);
      if (iri == NULL)
        return o ? (oom(r), NULL)
                 : (bad(r, "value '%.200s' is not an IRI", s), NULL);
      n = resource(r, iri, "a value");
      free(iri);
      return n;
    }
    if (coerce != NULL)
      return literal(r, s, coerce, NULL);
    return literal(r, s, NULL, lang);
  }
  case json_type_boolean:
    return literal(r, json_object_get_boolean(v) ? "true" : "false",
                   coerce != NULL && coerce[0] != '@' ? coerce
                                                      : NGI_XSD "boolean",
                   NULL);
  case json_type_int:
    snprintf(num, sizeof num, "%" PRId64, json_object_get_int64(v));
    return literal(r, num,
                   coerce != NULL && coerce[0] != '@' ? coerce
                                                      : NGI_XSD "integer",
                   NULL);
  case json_type_double: {
    double d = json_object_get_double(v);
    const char *dt = coerce != NULL && coerce[0] != '@' ? coerce
                                                        : NGI_XSD "double";
    if (!isfinite(d))
      return bad(r, "%s", "a number that is not finite"), NULL;
    if (d == floor(d) && fabs(d) < 1e21 && strcmp(dt, NGI_XSD "double") != 0)
      snprintf(num, sizeof num, "%.0f", d);
    else
      double_lex(d, num, sizeof num);
    return literal(r, num, dt, NULL);
  }
  case json_type_object: {
    json_object *x, *ty = NULL, *la = NULL;
    librdf_node *id = NULL;
    if (json_object_object_get_ex(v, "@list", NULL))
      return bad(r, "%s", "@list is not supported"), NULL;
    if (!json_object_object_get_ex(v, "@value", &x)) {
      if (node(r, v, c, g, &id) != NG_OK)
        return NULL;
      return id;
    }
    json_object_object_foreach(v, k, kv) {
      (void)kv;
      if (strcmp(k, "@value") != 0 && strcmp(k, "@type") != 0 &&
          strcmp(k, "@language") != 0 && strcmp(k, "@index") != 0)
        return bad(r, "unexpected '%.80s' in a value object", k), NULL;
    }
    json_object_object_get_ex(v, "@type", &ty);
    json_object_object_get_ex(v, "@language", &la);
    if ((ty != NULL && !json_object_is_type(ty, json_type_string)) ||
        (la != NULL && !json_object_is_type(la, json_type_string)) ||
        (ty != NULL && la != NULL))
      return bad(r, "%s", "bad @type or @language in a value object"), NULL;
    if (json_object_is_type(x, json_type_null))
      return NULL;
    if (ty != NULL) {
      char *dt = ngi_jctx_expand(c, json_object_get_string(ty), 1, &o);
      ngi_jterm fake;
      librdf_node *n;
      if (dt == NULL)
        return o ? (oom(r), NULL)
                 : (bad(r, "bad @type '%.200s' of a value",
                        json_object_get_string(ty)), NULL);
      memset(&fake, 0, sizeof fake);
      fake.type = dt;
      n = json_object_is_type(x, json_type_string)
              ? literal(r, json_object_get_string(x), dt, NULL)
              : value(r, x, c, &fake, g);
      free(dt);
      return n;
    }
    if (json_object_is_type(x, json_type_string))
      return literal(r, json_object_get_string(x), NULL,
                     la != NULL ? json_object_get_string(la) : NULL);
    if (json_object_is_type(x, json_type_object) ||
        json_object_is_type(x, json_type_array))
      return bad(r, "%s", "bad @value"), NULL;
    return value(r, x, c, NULL, g);
  }
  default:
    return NULL; /* null: no value */
  }
}

/* ------------------------------------------------------------ nodes */

static ng_status values(reader *r, json_object *v, const ng_jsonld_context *c,
                        const ngi_jterm *t, librdf_node *s, librdf_node *p,
                        librdf_node *g)
{
  size_t i, n;

  if (json_object_is_type(v, json_type_array)) {
    n = json_object_array_length(v);
    if (n > MAX_ARRAY)
      return bad(r, "an array of more than %s items", "1000000");
    for (i = 0; i < n && r->st == NG_OK; i++)
      values(r, json_object_array_get_idx(v, i), c, t, s, p, g);
    return r->st;
  }
  if (json_object_is_type(v, json_type_object) &&
      json_object_object_get_ex(v, "@set", NULL)) {
    json_object *set;
    json_object_object_get_ex(v, "@set", &set);
    return values(r, set, c, t, s, p, g);
  }
  emit(r, s, p, value(r, v, c, t, g), g);
  return r->st;
}

static ng_status graph_members(reader *r, json_object *list,
                               const ng_jsonld_context *c, librdf_node *g)
{
  size_t i, n;

  if (!json_object_is_type(list, json_type_array)) {
    if (json_object_is_type(list, json_type_object))
      return node(r, list, c, g, NULL);
    return bad(r, "%s", "@graph is not an array or object");
  }
  n = json_object_array_length(list);
  if (n > MAX_ARRAY)
    return bad(r, "an array of more than %s items", "1000000");
  for (i = 0; i < n && r->st == NG_OK; i++) {
    json_object *m = json_object_array_get_idx(list, i);
    if (m == NULL || !json_object_is_type(m, json_type_object))
      return bad(r, "%s", "a member of @graph is not an object");
    node(r, m, c, g, NULL);
  }
  return r->st;
}

/* The statements of node object o in graph g; its id into *id_out (a new
 * reference) when wanted. */
static ng_status node(reader *r, json_object *o, const ng_jsonld_context *c,
                      librdf_node *g, librdf_node **id_out)
{
  ng_jsonld_context *own = NULL;
  json_object *x;
  librdf_node *s = NULL, *type = NULL;
  char *iri;
  int m = 0, only_graph = 1;

  if (id_out != NULL)
    *id_out = NULL;
  if (json_object_object_get_ex(o, "@context", &x)) {
    own = ngi_jctx_copy(c);
    if (own == NULL)
      return oom(r);
    if ((r->st = ngi_jctx_apply(own, x, r->err)) != NG_OK) {
      ng_jsonld_context_free(own);
      return r->st;
    }
    c = own;
  }
  if (json_object_object_get_ex(o, "@value", NULL) ||
      json_object_object_get_ex(o, "@list", NULL))
    bad(r, "%s", "a value where a node was expected");
  if (r->st == NG_OK && json_object_object_get_ex(o, "@id", &x)) {
    if (!json_object_is_type(x, json_type_string))
      bad(r, "%s", "@id is not a string");
    else if ((iri = ngi_jctx_expand(c, json_object_get_string(x), 0, &m)) ==
             NULL)
      m ? oom(r) : bad(r, "bad @id '%.200s'", json_object_get_string(x));
    else {
      s = resource(r, iri, "@id");
      free(iri);
    }
  } else if (r->st == NG_OK) {
    char label[32];
    snprintf(label, sizeof label, "_:jb%lu", ++r->blank);
    s = resource(r, label, "@id");
  }
  if (r->st == NG_OK)
    type = librdf_new_node_from_uri_string(r->w, (const unsigned char *)
                                           NGI_RDF "type");
  if (r->st == NG_OK && type == NULL)
    oom(r);
  json_object_object_foreach(o, key, v) {
    const ngi_jterm *t;
    librdf_node *p;
    if (r->st != NG_OK)
      break;
    if (strcmp(key, "@id") != 0 && strcmp(key, "@context") != 0 &&
        strcmp(key, "@graph") != 0)
      only_graph = 0;
    if (strcmp(key, "@id") == 0 || strcmp(key, "@context") == 0 ||
        strcmp(key, "@index") == 0 || strcmp(key, "@graph") == 0)
      continue;
    if (strcmp(key, "@type") == 0) {
      size_t i, n = json_object_is_type(v, json_type_array)
                        ? json_object_array_length(v) : 1;
      if (n > MAX_ARRAY)
        bad(r, "an array of more than %s items", "1000000");
      for (i = 0; i < n && r->st == NG_OK; i++) {
        json_object *one = json_object_is_type(v, json_type_array)
                               ? json_object_array_get_idx(v, i) : v;
        if (one == NULL || !json_object_is_type(one, json_type_string)) {
          bad(r, "%s", "@type is not a string");
          break;
        }
        iri = ngi_jctx_expand(c, json_object_get_string(one), 1, &m);
        if (iri == NULL) {
          m ? oom(r) : bad(r, "bad @type '%.200s'",
                           json_object_get_string(one));
          break;
        }
        emit(r, s, type, resource(r, iri, "@type"), g);
        free(iri);
      }
      continue;
    }
    if (key[0] == '@') {
      bad(r, "'%.80s' is not supported", key);
      break;
    }
    iri = ngi_jctx_expand(c, key, 1, &m);
    if (iri == NULL || strncmp(iri, "_:", 2) == 0) {
      free(iri);
      m ? oom(r) : bad(r, "property '%.200s' is not an IRI", key);
      break;
    }
    p = resource(r, iri, "a property");
    free(iri);
    if (p == NULL)
      break;
    t = ngi_jctx_term(c, key);
    values(r, v, c, t, s, p, g);
    librdf_free_node(p);
  }
  /* a node's @graph: a graph named by the node */
  if (r->st == NG_OK && json_object_object_get_ex(o, "@graph", &x)) {
    int anonymous = !json_object_object_get_ex(o, "@id", NULL);
    graph_members(r, x, c, anonymous && only_graph && g == NULL ? NULL : s);
  }
  if (type != NULL)
    librdf_free_node(type);
  if (id_out != NULL && r->st == NG_OK)
    *id_out = s;
  else if (s != NULL)
    librdf_free_node(s);
  ng_jsonld_context_free(own);
  return r->st;
}

/* ------------------------------------------------------------ stream */

typedef struct qstream {
  quad *v;
  size_t n, i;
} qstream;

static int qs_end(void *ctx)
{
  qstream *q = ctx;
  return q->i >= q->n;
}

static int qs_next(void *ctx)
{
  qstream *q = ctx;
  if (q->i < q->n)
    q->i++;
  return q->i >= q->n;
}

static void *qs_get(void *ctx, int flags)
{
  qstream *q = ctx;

  if (q->i >= q->n)
    return NULL;
  if (flags == LIBRDF_ITERATOR_GET_METHOD_GET_CONTEXT)
    return q->v[q->i].g;
  if (flags == LIBRDF_ITERATOR_GET_METHOD_GET_OBJECT)
    return q->v[q->i].s;
  return NULL;
}

static void quads_free(quad *v, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    librdf_free_statement(v[i].s);
    if (v[i].g != NULL)
      librdf_free_node(v[i].g);
  }
  free(v);
}

static void qs_finished(void *ctx)
{
  qstream *q = ctx;

  quads_free(q->v, q->n);
  free(q);
}

ng_status ngi_jsonld_parse(librdf_world *w, const char *buf, size_t len,
                           const char *base, librdf_stream **out, char *err)
{
  struct json_tokener *tok;
  json_object *doc;
  ng_jsonld_context *c;
  reader r;
  qstream *q;

  *out = NULL;
  memset(&r, 0, sizeof r);
  r.w = w;
  r.err = err;
  tok = json_tokener_new_ex(NGI_JSONLD_MAX_DEPTH);
  if (tok == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  doc = len <= (size_t)0x7fffffff ? json_tokener_parse_ex(tok, buf, (int)len)
                                  : NULL;
  if (doc == NULL || json_tokener_get_error(tok) != json_tokener_success ||
      json_tokener_get_parse_end(tok) < len) {
    enum json_tokener_error je = json_tokener_get_error(tok);
    size_t at = json_tokener_get_parse_end(tok);
    while (doc != NULL && at < len && strchr(" \t\r\n", buf[at]) != NULL)
      at++;
    if (doc == NULL || at < len) {
      ngi_graph_errf(err, "not JSON at byte %lu: %s", (unsigned long)at,
                      doc == NULL ? (je == json_tokener_continue
                                         ? "unexpected end"
                                         : json_tokener_error_desc(je))
                                  : "text after the document");
      json_object_put(doc);
      json_tokener_free(tok);
      return NG_EINPUT;
    }
  }
  json_tokener_free(tok);
  c = ngi_jctx_new();
  if (c == NULL || (base != NULL && (c->base = malloc(strlen(base) + 1)) ==
                                        NULL)) {
    ng_jsonld_context_free(c);
    json_object_put(doc);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if (base != NULL)
    strcpy(c->base, base);
  if (json_object_is_type(doc, json_type_array))
    graph_members(&r, doc, c, NULL);
  else if (json_object_is_type(doc, json_type_object))
    node(&r, doc, c, NULL, NULL);
  else
    bad(&r, "%s", "a JSON-LD document is an object or an array");
  ng_jsonld_context_free(c);
  json_object_put(doc);
  if (r.st == NG_OK && (q = calloc(1, sizeof *q)) != NULL) {
    q->v = r.v;
    q->n = r.n;
    *out = librdf_new_stream(w, q, qs_end, qs_next, qs_get, qs_finished);
    if (*out != NULL)
      return NG_OK;
    free(q);
  }
  quads_free(r.v, r.n);
  if (r.st == NG_OK) {
    ngi_graph_errf(err, "out of memory");
    r.st = NG_ENOMEM;
  }
  return r.st;
}
