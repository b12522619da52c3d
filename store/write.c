/* write.c - everything that changes the store: transactions, putting a
 * graph or an article, dropping a graph, loading RDF files and any file
 * (article or RDF).  store.c opens the store, waits for its lock and
 * reads it.
 *
 * Putting a graph is all or nothing: inside one sqlite transaction the old
 * statements of that context are removed and the new ones added, so a
 * failed or killed load leaves the store as it was.  The sqlite store is
 * written by sqlw.c (librdf's tables, our prepared statements); bdb and
 * memory stores through librdf's model.  A write that finds
 * the store locked by another process runs again while the store's wait
 * lasts (ngi_store_write_again).
 */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "graph/graph.h"
#include "graph/jsonld.h"
#include "sqlw.h"
#include "store.h"
#include "util/str.h"

typedef struct buf_t {
  char *p;
  size_t len, cap;
} buf_t;


/* ------------------------------------------------------------ writing */

/* A write: one transaction (where the backend has them) in which graphs
 * are cleared the first time they are seen and statements are added with
 * their blank nodes renamed apart. */
typedef struct txn {
  ng_store *st;
  int in_txn;
  char **cleared;
  size_t ncleared, capcleared;
  size_t added;
} txn;

static ng_status
txn_begin(txn *t, ng_store *st, char *err)
{
  memset(t, 0, sizeof *t);
  t->st = st;
  ngi_store_log_reset(st);
  if(st->backend == NG_STORE_SQLITE) {
    /* our own writer (sqlw.c): librdf's prepares SQL per statement */
    ng_status rc = ngi_sqlw_begin(st, err);
    if(rc != NG_OK)
      return rc;
    t->in_txn = 1;
  }
  return NG_OK;
}

static void
txn_release(txn *t)
{
  size_t i;

  for(i = 0; i < t->ncleared; i++)
    free(t->cleared[i]);
  free(t->cleared);
  t->cleared = NULL;
  t->ncleared = 0;
}

static void
txn_rollback(txn *t)
{
  if(t->in_txn)
    ngi_sqlw_rollback(t->st);
  t->in_txn = 0;
  txn_release(t);
}

static ng_status
txn_commit(txn *t, char *err)
{
  ng_status rc = NG_OK;

  if(t->in_txn)
    rc = ngi_sqlw_commit(t->st, err); /* undone when it fails */
  t->in_txn = 0;
  txn_release(t);
  return rc;
}

/* Remove everything in graph `iri`, once per transaction. */
static ng_status
txn_clear(txn *t, librdf_node *ctx, char *err)
{
  const char *iri = (const char *)librdf_uri_as_string(
    librdf_node_get_uri(ctx));
  size_t i;

  for(i = 0; i < t->ncleared; i++)
    if(!strcmp(t->cleared[i], iri))
      return NG_OK;
  if(t->ncleared == t->capcleared) {
    size_t cap = t->capcleared ? 2 * t->capcleared : 8;
    char **c = realloc(t->cleared, cap * sizeof *c);
    if(!c) {
      ngi_store_errf(err, "out of memory");
      return NG_ENOMEM;
    }
    t->cleared = c;
    t->capcleared = cap;
  }
  t->cleared[t->ncleared] = ngi_str_dup(iri);
  if(!t->cleared[t->ncleared]) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  t->ncleared++;
  if(t->in_txn) {
    ng_status rc = ngi_sqlw_clear(t->st, iri, err);
    if(rc != NG_OK)
      return rc;
  } else if(librdf_model_context_remove_statements(t->st->model, ctx)) {
    /* an empty graph makes some storages answer non-zero; check errors */
    if(t->st->log.errors) {
      ngi_store_log_err(t->st, "cannot replace graph", err);
      return NG_ESTORE;
    }
  }
  if(ngi_store_note_graph(t->st, iri)) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  return NG_OK;
}

/* FNV-1a, to give each graph's blank nodes their own name space. */
static uint64_t
fnv1a(const char *s)
{
  uint64_t h = 1469598103934665603ULL;

  for(; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}

/* A label that already carries the graph's prefix (a dump loaded again)
 * is kept, so dump -> load -> dump gives the same bytes. */
static librdf_node *
rename_blank(librdf_world *w, librdf_node *n, const char *iri)
{
  char id[256], pre[24];
  const char *label = (const char *)librdf_node_get_blank_identifier(n);

  snprintf(pre, sizeof pre, "g%016llx_", (unsigned long long)fnv1a(iri));
  if(!strncmp(label, pre, strlen(pre)))
    return librdf_new_node_from_node(n);
  snprintf(id, sizeof id, "%s%s", pre, label);
  return librdf_new_node_from_blank_identifier(w, (const unsigned char *)id);
}

/* Add one statement to graph ctx, renaming blank nodes apart. */
static ng_status
txn_add(txn *t, librdf_node *ctx, librdf_statement *s, char *err)
{
  librdf_world *w = t->st->world;
  librdf_node *subj = librdf_statement_get_subject(s);
  librdf_node *obj = librdf_statement_get_object(s);
  librdf_statement *copy = NULL;
  int bs = librdf_node_is_blank(subj), bo = librdf_node_is_blank(obj);
  int rc;

  if(bs || bo) {
    const char *iri = (const char *)librdf_uri_as_string(
      librdf_node_get_uri(ctx));
    copy = librdf_new_statement_from_nodes(w,
      bs ? rename_blank(w, subj, iri) : librdf_new_node_from_node(subj),
      librdf_new_node_from_node(librdf_statement_get_predicate(s)),
      bo ? rename_blank(w, obj, iri) : librdf_new_node_from_node(obj));
    if(!copy) {
      ngi_store_errf(err, "out of memory");
      return NG_ENOMEM;
    }
    s = copy;
  }
  if(t->in_txn) {
    ng_status r = ngi_sqlw_add(t->st, (const char *)librdf_uri_as_string(
                                 librdf_node_get_uri(ctx)), s, err);
    if(copy)
      librdf_free_statement(copy);
    if(r != NG_OK)
      return r;
    t->added++;
    return NG_OK;
  }
  rc = librdf_model_context_add_statement(t->st->model, ctx, s);
  if(copy)
    librdf_free_statement(copy);
  if(rc) {
    ngi_store_log_err(t->st, "cannot add a statement", err);
    return NG_ESTORE;
  }
  t->added++;
  return NG_OK;
}
/* Copy a whole stream into graph ctx (replacing it). */
static ng_status
put_stream(txn *t, librdf_node *ctx, librdf_stream *str, char *err)
{
  ng_status rc = txn_clear(t, ctx, err);

  for(; rc == NG_OK && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    if(!s)
      break;
    rc = txn_add(t, ctx, s, err);
  }
  return rc;
}

static ng_status
put_graph_once(ng_store *st, ng_graph *g, const char *graph_iri,
               size_t *added, char *err)
{
  librdf_node *ctx;
  librdf_stream *str;
  txn t;
  ng_status rc;

  if(added)
    *added = 0;
  if(!graph_iri || !*graph_iri) {
    ngi_store_errf(err, "no graph IRI given");
    return NG_EUSAGE;
  }
  if(!ngi_graph_model(g)) {
    ngi_store_errf(err, "a graph of lines cannot be stored");
    return NG_EUSAGE;
  }
  ctx = ngi_store_iri_node(st, graph_iri, err);
  if(!ctx)
    return NG_EUSAGE;
  rc = txn_begin(&t, st, err);
  if(rc != NG_OK) {
    librdf_free_node(ctx);
    return rc;
  }
  str = librdf_model_as_stream(ngi_graph_model(g));
  if(!str) {
    ngi_store_errf(err, "cannot read the graph");
    rc = NG_ERDF;
  } else {
    rc = put_stream(&t, ctx, str, err);
    librdf_free_stream(str);
  }
  if(rc == NG_OK)
    rc = txn_commit(&t, err);
  else
    txn_rollback(&t);
  if(rc == NG_OK && added)
    *added = t.added;
  librdf_free_node(ctx);
  return rc;
}

ng_status
ng_store_put_graph(ng_store *st, ng_graph *g, const char *graph_iri,
                   size_t *added, char *err)
{
  ngi_waiter w;
  ng_status rc;

  err = ngi_store_wait_start(&w, err);
  while((rc = put_graph_once(st, g, graph_iri, added, err)) != NG_OK &&
        ngi_store_write_again(st, &w, rc, err))
    ;
  return rc;
}

ng_status
ng_store_put_doc(ng_store *st, const ng_doc *doc, const ng_graph_opts *opts,
                 char **iri_out, size_t *added, char *err)
{
  ng_graph *g = NULL;
  char *iri = NULL;
  ng_status rc;

  if(iri_out)
    *iri_out = NULL;
  if(added)
    *added = 0;
  rc = ngi_graph_new_in(st->world, &g, err);
  if(rc != NG_OK)
    return rc;
  rc = ng_graph_add_doc(g, doc, opts, err);
  if(rc == NG_OK) {
    iri = ng_article_iri(doc, opts);
    if(!iri) {
      ngi_store_errf(err, "out of memory");
      rc = NG_ENOMEM;
    }
  }
  if(rc == NG_OK)
    rc = ng_store_put_graph(st, g, iri, added, err);
  ng_graph_free(g);
  if(rc == NG_OK && iri_out)
    *iri_out = iri;
  else
    free(iri);
  return rc;
}

/* ------------------------------------------------------------ RDF files */

const char *
ng_rdf_syntax_for(const char *path)
{
  static const struct { const char *ext, *syntax; } map[] = {
    { ".ttl", "turtle" }, { ".turtle", "turtle" }, { ".nt", "ntriples" },
    { ".nq", "nquads" }, { ".rdf", "rdfxml" }, { ".owl", "rdfxml" },
    { ".trig", "trig" }, { ".n3", "turtle" },
    { ".json", "json" }, /* RDF/JSON */
    { ".jsonld", "jsonld" },
  };
  size_t i, n = strlen(path);

  for(i = 0; i < sizeof map / sizeof map[0]; i++) {
    size_t e = strlen(map[i].ext);
    if(n > e && !strcmp(path + n - e, map[i].ext))
      return map[i].syntax;
  }
  return NULL;
}

/* file:///abs/path for a file name (percent-encoding what IRIs forbid). */
static char *
file_iri(const char *path)
{
  char *abs = realpath(path, NULL);
  unsigned char *u;
  char *iri;

  if(!abs)
    return NULL;
  u = raptor_uri_filename_to_uri_string(abs);
  free(abs);
  if(!u)
    return NULL;
  iri = ngi_str_dup((const char *)u);
  raptor_free_memory(u);
  return iri;
}

/* JSON-LD is read by graph/jsonld_read.c, not raptor: the whole file (at
 * most max_bytes, 0: 1 GiB) into statements with their graphs. */
static ng_status
jsonld_stream(ng_store *st, FILE *fh, const char *path, const char *base,
              size_t max_bytes, librdf_stream **out, char *err)
{
  size_t limit = max_bytes ? max_bytes : (size_t)1 << 30, n = 0, cap = 0;
  char *buf = NULL, why[NG_ERRLEN];
  ng_status rc;

  for(;;) {
    size_t got;
    if(n == cap) {
      size_t ncap = cap ? cap * 2 : 65536;
      char *nb = realloc(buf, ncap + 1);
      if(!nb) {
        free(buf);
        ngi_store_errf(err, "out of memory");
        return NG_ENOMEM;
      }
      buf = nb;
      cap = ncap;
    }
    got = fread(buf + n, 1, cap - n, fh);
    n += got;
    if(n > limit) {
      free(buf);
      ngi_store_errf(err, "'%s': larger than %lu bytes", path,
                     (unsigned long)limit);
      return NG_EINPUT;
    }
    if(got == 0)
      break;
  }
  if(ferror(fh)) {
    free(buf);
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    return NG_EIO;
  }
  why[0] = '\0';
  rc = ngi_jsonld_parse(st->world, buf, n, base, out, why);
  free(buf);
  if(rc != NG_OK)
    ngi_store_errf(err, "cannot parse '%s': %s", path, why);
  return rc;
}

/* Parsing an RDF file with raptor itself, not through librdf's parser
 * stream, which drops the graph of each quad: every statement goes into
 * its own graph (N-Quads, TriG), or def when it has none. */
typedef struct quad_sink {
  txn *t;
  librdf_node *def;
  raptor_parser *parser;
  ng_status rc;
  char *err;
} quad_sink;

static void
on_quad(void *user, raptor_statement *s)
{
  quad_sink *q = user;
  librdf_node *ctx = s->graph && s->graph->type == RAPTOR_TERM_TYPE_URI
                       ? s->graph : q->def;

  if(q->rc != NG_OK)
    return;
  q->rc = txn_clear(q->t, ctx, q->err);
  if(q->rc == NG_OK)
    q->rc = txn_add(q->t, ctx, s, q->err);
  if(q->rc != NG_OK)
    raptor_parser_parse_abort(q->parser);
}

static ng_status
parse_quads(ng_store *st, txn *t, raptor_parser *parser, FILE *fh,
            librdf_uri *base, librdf_node *def, char *err)
{
  quad_sink q = { t, def, parser, NG_OK, err };

  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_statement_handler(parser, &q, on_quad);
  if(raptor_parser_parse_file_stream(parser, fh, NULL, base) &&
     q.rc == NG_OK && !st->log.errors) {
    ngi_store_log_err(st, "cannot parse", err);
    return NG_EINPUT;
  }
  return q.rc;
}

/* A JSON-LD file through graph/jsonld_read.c: each statement into its own
 * graph, or def when it has none. */
static ng_status
parse_jsonld(ng_store *st, txn *t, FILE *fh, const char *path,
             const char *base, librdf_node *def, size_t max_bytes, char *err)
{
  librdf_stream *str = NULL;
  ng_status rc = jsonld_stream(st, fh, path, base, max_bytes, &str, err);

  for(; rc == NG_OK && str && !librdf_stream_end(str);
      librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    librdf_node *ctx = librdf_stream_get_context2(str);

    if(!s)
      break;
    if(!ctx || !librdf_node_is_resource(ctx))
      ctx = def;
    rc = txn_clear(t, ctx, err);
    if(rc == NG_OK)
      rc = txn_add(t, ctx, s, err);
  }
  if(str)
    librdf_free_stream(str);
  return rc;
}

static ng_status
load_rdf_once(ng_store *st, const char *path, const char *syntax,
              const char *graph_iri, size_t *added, size_t max_bytes,
              char *err)
{
  raptor_parser *parser = NULL;
  librdf_uri *uri = NULL;
  librdf_node *def = NULL;
  char *firi = NULL;
  FILE *fh;
  txn t;
  ng_status rc;
  int began = 0, is_jsonld;

  if(added)
    *added = 0;
  if(!syntax)
    syntax = ng_rdf_syntax_for(path);
  if(!syntax) {
    ngi_store_errf(err, "unknown RDF syntax for '%s' (use --input-format)",
                   path);
    return NG_EFORMAT;
  }
  if(strcmp(syntax, "jsonld") && !ngi_syntax_guarded(syntax)) {
    ngi_store_errf(err, "unknown RDF syntax '%s' (turtle, ntriples, nquads, "
                   "trig, rdfxml or jsonld)", syntax);
    return NG_EFORMAT;
  }
  fh = fopen(path, "rb");
  if(!fh) {
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    return NG_EIO;
  }
  rc = strcmp(syntax, "jsonld") ? ngi_guard_rdf(&fh, path, syntax, max_bytes,
                                                err) : NG_OK;
  if(rc != NG_OK) {
    fclose(fh);
    return rc;
  }
  firi = file_iri(path);
  if(!firi) {
    fclose(fh);
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    return NG_EIO;
  }
  def = ngi_store_iri_node(st, graph_iri ? graph_iri : firi, err);
  uri = librdf_new_uri(st->world, (const unsigned char *)firi);
  is_jsonld = !strcmp(syntax, "jsonld");
  if(!is_jsonld)
    parser = raptor_new_parser(librdf_world_get_raptor(st->world), syntax);
  if(!def || !uri || (!parser && !is_jsonld)) {
    if(!parser)
      ngi_store_errf(err, "unknown RDF syntax '%s'", syntax);
    rc = parser ? NG_EUSAGE : NG_EFORMAT;
    goto done;
  }
  rc = txn_begin(&t, st, err);
  if(rc != NG_OK)
    goto done;
  began = 1;
  if(is_jsonld)
    rc = parse_jsonld(st, &t, fh, path, firi, def, max_bytes, err);
  else
    rc = parse_quads(st, &t, parser, fh, uri, def, err);
  if(rc == NG_OK && st->log.errors) {
    char tmp[NG_ERRLEN];
    snprintf(tmp, sizeof tmp, "cannot parse '%s'", path);
    ngi_store_log_err(st, tmp, err);
    rc = NG_EINPUT;
  }
  if(rc == NG_OK && t.ncleared == 0)
    rc = txn_clear(&t, def, err); /* an empty file empties its graph */

done:
  if(began) {
    size_t n = t.added;
    if(rc == NG_OK)
      rc = txn_commit(&t, err);
    else
      txn_rollback(&t);
    if(rc == NG_OK && added)
      *added = n;
  }
  if(rc == NG_ESTORE && err && !strstr(err, path)) {
    /* a store error (a full disk, ...) names the file that was lost */
    char tmp[NG_ERRLEN];
    snprintf(tmp, sizeof tmp, "'%s' not loaded: %s", path, err);
    memcpy(err, tmp, NG_ERRLEN);
  }
  if(parser)
    raptor_free_parser(parser);
  if(uri)
    librdf_free_uri(uri);
  if(def)
    librdf_free_node(def);
  free(firi);
  fclose(fh);
  return rc;
}

static ng_status
load_rdf(ng_store *st, const char *path, const char *syntax,
         const char *graph_iri, size_t *added, size_t max_bytes, char *err)
{
  struct stat sb;
  ngi_waiter w;
  ng_status rc;

  err = ngi_store_wait_start(&w, err);
  /* only a regular file can be read again */
  while((rc = load_rdf_once(st, path, syntax, graph_iri, added, max_bytes,
                            err)) !=
          NG_OK && stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
        ngi_store_write_again(st, &w, rc, err))
    ;
  return rc;
}

ng_status
ng_store_load_rdf(ng_store *st, const char *path, const char *syntax,
                  const char *graph_iri, size_t *added, char *err)
{
  return load_rdf(st, path, syntax, graph_iri, added, 0, err);
}

static ng_status
drop_graph_once(ng_store *st, const char *graph_iri, char *err)
{
  librdf_node *ctx = ngi_store_iri_node(st, graph_iri, err);
  txn t;
  ng_status rc;

  if(!ctx)
    return NG_EUSAGE;
  rc = txn_begin(&t, st, err);
  if(rc == NG_OK)
    rc = txn_clear(&t, ctx, err);
  if(rc == NG_OK)
    rc = txn_commit(&t, err);
  else
    txn_rollback(&t);
  librdf_free_node(ctx);
  return rc;
}

ng_status
ng_store_drop_graph(ng_store *st, const char *graph_iri, char *err)
{
  ngi_waiter w;
  ng_status rc;

  err = ngi_store_wait_start(&w, err);
  while((rc = drop_graph_once(st, graph_iri, err)) != NG_OK &&
        ngi_store_write_again(st, &w, rc, err))
    ;
  return rc;
}

/* ------------------------------------------------------------ any file */

/* Read a whole file; NG_EIO with the reason. */
static ng_status
read_file(const char *path, size_t limit, char **out, size_t *len,
          char *err)
{
  FILE *fh = fopen(path, "rb");
  buf_t b = { 0 };
  char chunk[65536];
  size_t n;

  *out = NULL;
  *len = 0;
  if(!fh) {
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    return NG_EIO;
  }
  while((n = fread(chunk, 1, sizeof chunk, fh)) > 0) {
    if(b.len + n > limit) {
      fclose(fh);
      free(b.p);
      ngi_store_errf(err, "'%s' is larger than %zu bytes", path, limit);
      return NG_EINPUT;
    }
    if(b.len + n + 1 > b.cap) {
      size_t cap = b.cap ? 2 * b.cap : 65536 * 2;
      char *p;
      while(cap < b.len + n + 1)
        cap *= 2;
      p = realloc(b.p, cap);
      if(!p) {
        fclose(fh);
        free(b.p);
        ngi_store_errf(err, "out of memory");
        return NG_ENOMEM;
      }
      b.p = p;
      b.cap = cap;
    }
    memcpy(b.p + b.len, chunk, n);
    b.len += n;
  }
  if(ferror(fh)) {
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    fclose(fh);
    free(b.p);
    return NG_EIO;
  }
  fclose(fh);
  *out = b.p;
  *len = b.len;
  return NG_OK;
}

ng_status
ng_store_load_file(ng_store *st, const char *path, const ng_load_opts *o,
                   char **graph, size_t *added, char *err)
{
  ng_load_opts none = { 0 };
  const char *syntax;
  ng_graph_opts go;
  ng_doc *doc = NULL;
  char *text = NULL;
  size_t len, max;
  ng_status rc;

  if(!o)
    o = &none;
  if(graph)
    *graph = NULL;
  if(added)
    *added = 0;
  syntax = o->syntax ? o->syntax : ng_rdf_syntax_for(path);
  if(syntax && strcmp(syntax, "article")) {
    rc = load_rdf(st, path, syntax, o->graph, added, o->max_bytes, err);
    if(rc == NG_OK && graph && strcmp(syntax, "nquads") &&
       strcmp(syntax, "trig") && strcmp(syntax, "jsonld")) {
      *graph = o->graph ? ngi_str_dup(o->graph) : file_iri(path);
    }
    return rc;
  }
  if(!o->lex) {
    ngi_store_errf(err, "no lexicon to extract '%s' with", path);
    return NG_EUSAGE;
  }
  max = o->max_bytes ? o->max_bytes : NG_DEFAULT_MAX_BYTES;
  rc = read_file(path, max, &text, &len, err);
  if(rc != NG_OK)
    return rc;
  rc = ng_doc_new(text ? text : "", len, max, &doc, err);
  free(text);
  if(rc != NG_OK)
    return rc;
  rc = ng_extract(doc, o->lex);
  if(rc != NG_OK) {
    ngi_store_errf(err, "cannot extract '%s': %s", path, ng_strerror(rc));
  } else {
    go.base = o->base;
    go.source = o->graph;
    rc = ng_store_put_doc(st, doc, &go, graph, added, err);
  }
  ng_doc_free(doc);
  return rc;
}
