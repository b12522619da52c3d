/* sparql.c - the SPARQL 1.1 Protocol (/sparql: a query by GET, by POST
 * urlencoded or direct; results by Accept) and the Graph Store Protocol
 * (/data?graph=IRI or ?default: GET; PUT and DELETE with --allow-update).
 * The answers are written by ng_store_query; this file picks the format
 * from the query's form and the client's Accept header.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "serve.h"

/* ------------------------------------------------------------ formats */

typedef struct media {
  const char *type, *format, *ctype;
} media;

/* In order of preference when the client takes any. */
static const media results[] = {
  { "application/sparql-results+json", "json",
    "application/sparql-results+json" },
  { "application/sparql-results+xml", "xml",
    "application/sparql-results+xml; charset=utf-8" },
  { "application/json", "json", "application/sparql-results+json" },
  { "application/xml", "xml", "application/sparql-results+xml; charset=utf-8" },
  { "text/xml", "xml", "application/sparql-results+xml; charset=utf-8" },
  { "text/csv", "csv", "text/csv; charset=utf-8" },
  { "text/tab-separated-values", "tsv",
    "text/tab-separated-values; charset=utf-8" },
  { NULL, NULL, NULL }
};

static const media graphs[] = {
  { "text/turtle", "turtle", "text/turtle; charset=utf-8" },
  { "application/n-triples", "ntriples", "application/n-triples" },
  { "application/ld+json", "jsonld", "application/ld+json" },
  { "application/x-turtle", "turtle", "text/turtle; charset=utf-8" },
  { "application/rdf+xml", "rdfxml", "application/rdf+xml" },
  { "text/plain", "ntriples", "application/n-triples" },
  { NULL, NULL, NULL }
};

/* The q of media type t in an Accept header (0 when not acceptable;
 * 1 when there is no header). */
static double accept_q(const char *accept, const char *t)
{
  const char *p = accept;
  double best = -1;
  int best_spec = -1;
  const char *slash = strchr(t, '/');
  size_t major = (size_t)(slash - t);

  if (accept == NULL || *accept == '\0')
    return 1;
  while (*p != '\0') {
    const char *end = strchr(p, ','), *semi, *qq;
    size_t n, tl;
    double q = 1;
    int spec = -1;
    if (end == NULL)
      end = p + strlen(p);
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
    semi = memchr(p, ';', (size_t)(end - p));
    n = (size_t)((semi != NULL ? semi : end) - p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
      n--;
    for (qq = semi; qq != NULL && qq < end;
         qq = memchr(qq + 1, ';', (size_t)(end - qq - 1))) {
      const char *v = qq + 1;
      while (*v == ' ')
        v++;
      if ((v[0] == 'q' || v[0] == 'Q') && v[1] == '=')
        q = strtod(v + 2, NULL);
    }
    tl = strlen(t);
    if (n == tl && strncasecmp(p, t, n) == 0)
      spec = 2;
    else if (n == major + 2 && strncasecmp(p, t, major + 1) == 0 &&
             p[major + 1] == '*')
      spec = 1;
    else if (n == 3 && strncmp(p, "*/*", 3) == 0)
      spec = 0;
    if (spec > best_spec) {
      best_spec = spec;
      best = q;
    }
    p = *end != '\0' ? end + 1 : end;
  }
  return best < 0 ? 0 : best;
}

static int format_ok(const char *f)
{
  return strcmp(f, "jsonld") != 0 || ng_query_format_known("jsonld");
}

/* The media of the answer: the format argument, else the best of Accept;
 * NULL when none is acceptable. */
static const media *negotiate(const media *table, const char *accept,
                              const char *format)
{
  const media *m, *best = NULL;
  double bq = 0;

  for (m = table; m->type != NULL; m++) {
    double q;
    if (!format_ok(m->format))
      continue;
    if (format != NULL) {
      if (strcmp(format, m->format) == 0)
        return m;
      continue;
    }
    q = accept_q(accept, m->type);
    if (q > bq) {
      bq = q;
      best = m;
    }
  }
  return best;
}

/* The form of a query: 'S'elect, 'A'sk, 'C'onstruct, 'D'escribe, or 0
 * (then rasqal says what is wrong).  The prologue is skipped. */
static int query_form(const char *q)
{
  const char *p = q;

  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    if (*p == '#') {
      while (*p != '\0' && *p != '\n')
        p++;
      continue;
    }
    if (*p == '<') {
      while (*p != '\0' && *p != '>')
        p++;
      if (*p == '>')
        p++;
      continue;
    }
    if (*p == '\0')
      return 0;
    {
      const char *w = p;
      size_t n;
      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
             *p != '\r' && *p != '<' && *p != '{' && *p != '*' && *p != '(' &&
             *p != '?' && *p != '$' && *p != '#')
        p++;
      n = (size_t)(p - w);
      if (n == 0)
        return 0;
      if (n == 6 && strncasecmp(w, "select", 6) == 0)
        return 'S';
      if (n == 3 && strncasecmp(w, "ask", 3) == 0)
        return 'A';
      if (n == 9 && strncasecmp(w, "construct", 9) == 0)
        return 'C';
      if (n == 8 && strncasecmp(w, "describe", 8) == 0)
        return 'D';
      if (!(n == 6 && strncasecmp(w, "prefix", 6) == 0) &&
          !(n == 4 && strncasecmp(w, "base", 4) == 0) &&
          w[n - 1] != ':')
        return 0;
    }
  }
}

/* ------------------------------------------------------------ query */

static ng_status run_query(ng_store *st, ngi_job *j, FILE *out, char *err)
{
  return ng_store_query(st, j->a, j->format, out, err);
}

/* The value of key in an urlencoded body (malloc'ed, decoded), and how
 * often the key is given; -1 when the body is malformed. */
static int form_value(const char *body, const char *key, char **val,
                      unsigned *count)
{
  const char *p = body;
  size_t kl = strlen(key);

  *val = NULL;
  *count = 0;
  while (p != NULL && *p != '\0') {
    const char *amp = strchr(p, '&');
    size_t n = amp != NULL ? (size_t)(amp - p) : strlen(p);
    if (n > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
      (*count)++;
      if (*val == NULL) {
        *val = strndup(p + kl + 1, n - kl - 1);
        if (*val == NULL || ngi_url_decode(*val, 1) != 0)
          return -1;
      }
    }
    p = amp != NULL ? amp + 1 : NULL;
  }
  return 0;
}

static int ctype_is(const char *ctype, const char *t)
{
  size_t n = strlen(t);

  return ctype != NULL && strncasecmp(ctype, t, n) == 0 &&
         (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ');
}

void ngi_sparql(const ngi_serve_opts *o, ngi_pool *p, const ngi_request *q,
                ngi_response *r)
{
  char *query = NULL, *update = NULL, *dflt = NULL, *named = NULL;
  unsigned nq = 0, nu = 0, nd = 0, nn = 0;
  const char *format = q->arg(q->ctx, "format");
  const media *m;
  ngi_job *j;
  int form;

  if (strcmp(q->method, "GET") == 0 || strcmp(q->method, "HEAD") == 0) {
    nq = q->argcount(q->ctx, "query");
    nu = q->argcount(q->ctx, "update");
    nd = q->argcount(q->ctx, "default-graph-uri");
    nn = q->argcount(q->ctx, "named-graph-uri");
    if (nq > 0)
      query = strdup(q->arg(q->ctx, "query"));
  } else if (strcmp(q->method, "POST") == 0) {
    const char *body = q->body != NULL ? q->body : "";
    if (ctype_is(q->ctype, "application/x-www-form-urlencoded")) {
      if (strlen(body) != q->bodylen ||
          form_value(body, "query", &query, &nq) != 0 ||
          form_value(body, "update", &update, &nu) != 0 ||
          form_value(body, "default-graph-uri", &dflt, &nd) != 0 ||
          form_value(body, "named-graph-uri", &named, &nn) != 0) {
        ngi_respond_text(r, 400, "malformed urlencoded body");
        goto out;
      }
    } else if (ctype_is(q->ctype, "application/sparql-query")) {
      if (strlen(body) != q->bodylen) {
        ngi_respond_text(r, 400, "the query holds a NUL byte");
        goto out;
      }
      nq = 1;
      query = strndup(body, q->bodylen);
    } else if (ctype_is(q->ctype, "application/sparql-update")) {
      nu = 1;
    } else {
      ngi_respond_text(r, 415, "a query is sent as "
                       "application/x-www-form-urlencoded or "
                       "application/sparql-query");
      goto out;
    }
    nd += q->argcount(q->ctx, "default-graph-uri");
    nn += q->argcount(q->ctx, "named-graph-uri");
  } else {
    ngi_respond_text(r, 405, "/sparql takes GET and POST");
    r->allow = "GET, HEAD, POST, OPTIONS";
    goto out;
  }
  if (nu > 0) {
    ngi_respond_text(r, o->allow_update ? 501 : 403,
                     o->allow_update
                       ? "SPARQL Update is not supported by the store: use "
                         "the graph store protocol (PUT or DELETE "
                         "/data?graph=IRI)"
                       : "the server is read-only (serve --allow-update)");
    goto out;
  }
  if (nq != 1 || (query == NULL && nq == 1)) {
    ngi_respond_text(r, 400, nq == 0 ? "no query: give query=..."
                                     : "give one query, not %u", nq);
    goto out;
  }
  if (nd > 0 || nn > 0) {
    ngi_respond_text(r, 400, "default-graph-uri and named-graph-uri are "
                     "not supported: the default graph is the union of "
                     "all graphs, GRAPH reaches each one");
    goto out;
  }
  form = query_form(query);
  m = negotiate(form == 'C' || form == 'D' ? graphs : results, q->accept,
                format);
  if (m == NULL) {
    if (format != NULL)
      ngi_respond_text(r, 400, "format '%s' is not one for this query",
                       format);
    else
      ngi_respond_text(r, 406, "no answer in a type the client accepts "
                       "(results: JSON, XML, CSV, TSV; graphs: Turtle, "
                       "N-Triples%s)",
                       ng_query_format_known("jsonld") ? ", JSON-LD" : "");
    goto out;
  }
  j = ngi_job_new(run_query, query, NULL);
  if (j == NULL) {
    ngi_respond_text(r, 500, "out of memory");
    goto out;
  }
  j->format = m->format;
  ngi_respond_job(p, j, m->ctype, r);
out:
  free(query);
  free(update);
  free(dflt);
  free(named);
}

/* ------------------------------------------------------------ graphs */

/* An IRI that can stand between < and > in a query. */
static int iri_ok(const char *s)
{
  size_t n = 0;

  if (s == NULL || strchr(s, ':') == NULL)
    return 0;
  for (; *s != '\0'; s++, n++) {
    unsigned char c = (unsigned char)*s;
    if (c <= 0x20 || c == 0x7f || strchr("<>\"{}|^`\\", c) != NULL)
      return 0;
  }
  return n < 4096;
}

static ng_status gsp_get(ng_store *st, ngi_job *j, FILE *out, char *err)
{
  char *q;
  size_t n;
  ng_status rc;

  if (j->a != NULL) {
    size_t count = 0;
    rc = ng_store_count(st, j->a, &count, err);
    if (rc != NG_OK)
      return rc;
    if (count == 0) {
      snprintf(err, NG_ERRLEN, "no graph <%s> in the store", j->a);
      return NG_EINPUT;
    }
  }
  n = (j->a != NULL ? strlen(j->a) : 0) + 128;
  q = malloc(n);
  if (q == NULL) {
    snprintf(err, NG_ERRLEN, "out of memory");
    return NG_ENOMEM;
  }
  if (j->a != NULL)
    snprintf(q, n, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <%s> "
             "{ ?s ?p ?o } }", j->a);
  else
    snprintf(q, n, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
  rc = ng_store_query(st, q, j->format, out, err);
  free(q);
  return rc;
}

static ng_status gsp_delete(ng_store *st, ngi_job *j, FILE *out, char *err)
{
  size_t count = 0;
  ng_status rc = ng_store_count(st, j->a, &count, err);

  if (rc == NG_OK && count == 0) {
    snprintf(err, NG_ERRLEN, "no graph <%s> in the store", j->a);
    return NG_EINPUT;
  }
  if (rc == NG_OK)
    rc = ng_store_drop_graph(st, j->a, err);
  if (rc == NG_OK)
    fprintf(out, "dropped <%s>\n", j->a);
  return rc;
}

/* PUT: the body (in the temporary file j->b) replaces the graph. */
static ng_status gsp_put(ng_store *st, ngi_job *j, FILE *out, char *err)
{
  size_t added = 0;
  ng_status rc = ng_store_load_rdf(st, j->b, j->format, j->a, &added, err);

  if (rc == NG_EINPUT || rc == NG_ERDF)
    rc = NG_EQUERY; /* the client's data: 400 */
  if (rc == NG_OK)
    fprintf(out, "<%s>: %zu triples\n", j->a, added);
  return rc;
}

static void put(const ngi_serve_opts *o, ngi_pool *p, const ngi_request *q,
                const char *graph, ngi_response *r)
{
  static const struct { const char *type, *syntax; } in[] = {
    { "text/turtle", "turtle" }, { "application/x-turtle", "turtle" },
    { "application/n-triples", "ntriples" }, { "text/plain", "ntriples" },
    { "application/rdf+xml", "rdfxml" }, { NULL, NULL }
  };
  char path[] = "/tmp/newsgraph-put-XXXXXX";
  const char *syntax = NULL;
  ngi_job *j;
  int fd, i;

  (void)o;
  for (i = 0; in[i].type != NULL; i++)
    if (ctype_is(q->ctype, in[i].type))
      syntax = in[i].syntax;
  if (syntax == NULL) {
    ngi_respond_text(r, 415, "a graph is sent as text/turtle, "
                     "application/n-triples or application/rdf+xml");
    return;
  }
  fd = mkstemp(path);
  if (fd < 0 || (q->bodylen > 0 &&
                 write(fd, q->body, q->bodylen) != (ssize_t)q->bodylen)) {
    if (fd >= 0) {
      close(fd);
      unlink(path);
    }
    ngi_respond_text(r, 500, "cannot keep the request body");
    return;
  }
  close(fd);
  j = ngi_job_new(gsp_put, graph, path);
  if (j == NULL) {
    unlink(path);
    ngi_respond_text(r, 500, "out of memory");
    return;
  }
  j->format = syntax;
  ngi_respond_job(p, j, "text/plain; charset=utf-8", r);
  unlink(path);
}

void ngi_graph_store(const ngi_serve_opts *o, ngi_pool *p,
                     const ngi_request *q, ngi_response *r)
{
  const char *graph = q->arg(q->ctx, "graph");
  int dflt = q->arg(q->ctx, "default") != NULL;
  int get = strcmp(q->method, "GET") == 0 || strcmp(q->method, "HEAD") == 0;
  const media *m;
  ngi_job *j;

  if (!get && strcmp(q->method, "PUT") != 0 &&
      strcmp(q->method, "DELETE") != 0) {
    ngi_respond_text(r, 405, "/data takes GET, PUT and DELETE");
    r->allow = o->allow_update ? "GET, HEAD, PUT, DELETE, OPTIONS"
                               : "GET, HEAD, OPTIONS";
    return;
  }
  if ((graph != NULL) == dflt || q->argcount(q->ctx, "graph") > 1) {
    ngi_respond_text(r, 400, "name one graph: ?graph=IRI or ?default");
    return;
  }
  if (graph != NULL && !iri_ok(graph)) {
    ngi_respond_text(r, 400, "not an IRI: '%.200s'", graph);
    return;
  }
  if (!get) {
    if (!o->allow_update) {
      ngi_respond_text(r, 403, "the server is read-only "
                       "(serve --allow-update)");
      r->allow = "GET, HEAD, OPTIONS";
    } else if (dflt) {
      ngi_respond_text(r, 400, "the default graph is the union of all "
                       "graphs: name one with ?graph=IRI");
    } else if (strcmp(q->method, "PUT") == 0) {
      put(o, p, q, graph, r);
    } else {
      j = ngi_job_new(gsp_delete, graph, NULL);
      if (j == NULL)
        ngi_respond_text(r, 500, "out of memory");
      else
        ngi_respond_job(p, j, "text/plain; charset=utf-8", r);
    }
    return;
  }
  m = negotiate(graphs, q->accept, q->arg(q->ctx, "format"));
  if (m == NULL) {
    ngi_respond_text(r, 406, "a graph is sent as Turtle or N-Triples");
    return;
  }
  j = ngi_job_new(gsp_get, graph, NULL);
  if (j == NULL) {
    ngi_respond_text(r, 500, "out of memory");
    return;
  }
  j->format = m->format;
  ngi_respond_job(p, j, m->ctype, r);
}
