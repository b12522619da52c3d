/* store.c - the embedded triple store: librdf's sqlite storage (or bdb
 * hashes, or memory) with one named graph (librdf context) per article.
 * Opening it, waiting while another process holds it locked, and reading
 * it (graphs, counts, statistics); what changes it is in write.c.
 *
 * librdf's sqlite schema has no index on literal or blank-node text, which
 * makes every insert scan those tables (quadratic growth on literal-heavy
 * data); ensure_indexes() adds them, and one context index makes replacing
 * a graph cheap.
 */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "graph/graph.h"
#include "source.h"
#include "sqlw.h"
#include "store.h"
#include "util/str.h"

/* ------------------------------------------------------------ helpers */

void
ngi_store_errf(char *err, const char *fmt, ...)
{
  va_list ap;

  if(!err)
    return;
  va_start(ap, fmt);
  vsnprintf(err, NG_ERRLEN, fmt, ap);
  va_end(ap);
}

librdf_world *
ngi_store_world(ng_store *st)
{
  return st->world;
}

librdf_model *
ngi_store_model(ng_store *st)
{
  return st->model;
}

void
ngi_store_log_reset(ng_store *st)
{
  st->log.errors = 0;
  st->log.msg[0] = '\0';
}

void
ngi_store_log_err(ng_store *st, const char *prefix, char *err)
{
  if(st->log.errors && st->log.msg[0])
    ngi_store_errf(err, "%s: %s", prefix, st->log.msg);
  else
    ngi_store_errf(err, "%s", prefix);
}

/* The first line of sqlite's quick_check of path, when it is not "ok";
 * into msg (size n).  0 when the file checks out (or cannot be opened). */
static int
quick_check(const char *path, char *msg, size_t n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *q = NULL;
  int bad = 0;

  if(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
     sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &q, NULL) ==
       SQLITE_OK) {
    int rc = sqlite3_step(q);
    const unsigned char *t = rc == SQLITE_ROW ? sqlite3_column_text(q, 0)
                                              : NULL;
    if(rc != SQLITE_ROW) {
      snprintf(msg, n, "%s", sqlite3_errmsg(db));
      bad = 1;
    } else if(t && strcmp((const char *)t, "ok")) {
      snprintf(msg, n, "%s", (const char *)t);
      bad = 1;
    }
  } else if(db) {
    snprintf(msg, n, "%s", sqlite3_errmsg(db));
    bad = 1;
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return bad;
}

ng_status
ngi_store_read_failed(ng_store *st, const char *prefix, ng_status rc,
                      char *err)
{
  char msg[256];

  if(st->backend == NG_STORE_SQLITE && st->path &&
     quick_check(st->path, msg, sizeof msg)) {
    ngi_store_errf(err, "the store '%s' is damaged (sqlite: %s); restore "
                   "it from a copy", st->path, msg);
    return NG_ESTORE;
  }
  ngi_store_log_err(st, prefix, err);
  return rc;
}

/* librdf logger: keep the first error (with its line and column when the
 * parser knows them); warnings are dropped.  Never prints. */
static int
store_logger(void *user_data, librdf_log_message *m)
{
  ng_store *st = user_data;
  raptor_locator *loc;
  const char *text;
  int line = -1, col = -1;

  if(librdf_log_message_level(m) < LIBRDF_LOG_ERROR)
    return 1;
  if(st->log.errors++)
    return 1;
  text = librdf_log_message_message(m);
  loc = librdf_log_message_locator(m);
  if(loc) {
    line = raptor_locator_line(loc);
    col = raptor_locator_column(loc);
  }
  if(line > 0 && col > 0)
    snprintf(st->log.msg, sizeof st->log.msg, "line %d, column %d: %s",
             line, col, text ? text : "error");
  else if(line > 0)
    snprintf(st->log.msg, sizeof st->log.msg, "line %d: %s", line,
             text ? text : "error");
  else
    snprintf(st->log.msg, sizeof st->log.msg, "%s", text ? text : "error");
  return 1;
}

/* Remember the graph order of a memory store (so pushes follow the order
 * the files were given in). */
int
ngi_store_note_graph(ng_store *st, const char *iri)
{
  size_t i;

  if(st->backend != NG_STORE_MEMORY)
    return 0;
  for(i = 0; i < st->ngraphs; i++)
    if(!strcmp(st->graphs[i], iri))
      return 0;
  if(st->ngraphs == st->capgraphs) {
    size_t cap = st->capgraphs ? 2 * st->capgraphs : 16;
    char **g = realloc(st->graphs, cap * sizeof *g);
    if(!g)
      return -1;
    st->graphs = g;
    st->capgraphs = cap;
  }
  st->graphs[st->ngraphs] = ngi_str_dup(iri);
  if(!st->graphs[st->ngraphs])
    return -1;
  st->ngraphs++;
  return 0;
}


librdf_node *
ngi_store_iri_node(ng_store *st, const char *iri, char *err)
{
  librdf_node *n = librdf_new_node_from_uri_string(
    st->world, (const unsigned char *)iri);

  if(!n)
    ngi_store_errf(err, "invalid graph IRI '%s'", iri);
  return n;
}

/* ------------------------------------------------------------ open */

/* Indexes librdf's sqlite schema lacks.  Run on our own connection while
 * librdf's is idle. */
static ng_status
ensure_indexes(const char *path, double wait, char *err)
{
  static const char sql[] =
    "CREATE INDEX IF NOT EXISTS ng_literals_text ON literals (text);"
    "CREATE INDEX IF NOT EXISTS ng_blanks_blank ON blanks (blank);"
    "CREATE INDEX IF NOT EXISTS ng_triples_cspo ON triples"
    " (contextUri, subjectUri, predicateUri, objectLiteral, objectUri);"
    "CREATE INDEX IF NOT EXISTS ng_triples_po"
    " ON triples (predicateUri, objectUri, objectLiteral);";
  sqlite3 *db = NULL;
  char *msg = NULL;
  int rc;

  rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
  if(rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, wait > 0 ? (int)(wait * 1000) : 0);
    rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
  }
  if(rc != SQLITE_OK) {
    ngi_store_errf(err, "cannot index store '%s': %s", path,
                   msg ? msg : (db ? sqlite3_errmsg(db) : "open failed"));
    sqlite3_free(msg);
    sqlite3_close(db);
    return NG_ESTORE;
  }
  sqlite3_close(db);
  return NG_OK;
}

/* librdf reports a bad sqlite path only when the model is made (the
 * storage is created lazily), so check the directory ourselves first for a
 * clear message. */
static ng_status
check_path(const char *path, int *exists, char *err)
{
  struct stat sb;
  const char *slash;
  char dir[PATH_MAX];

  if(stat(path, &sb) == 0) {
    if(S_ISDIR(sb.st_mode)) {
      ngi_store_errf(err, "cannot open store '%s': is a directory", path);
      return NG_ESTORE;
    }
    *exists = 1;
    return NG_OK;
  }
  *exists = 0;
  slash = strrchr(path, '/');
  if(!slash)
    return NG_OK;
  if((size_t)(slash - path) >= sizeof dir) {
    ngi_store_errf(err, "cannot open store '%s': path too long", path);
    return NG_ESTORE;
  }
  memcpy(dir, path, (size_t)(slash - path));
  dir[slash - path] = '\0';
  if(dir[0] && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
    ngi_store_errf(err, "cannot open store '%s': no such directory '%s'",
                   path, dir);
    return NG_ESTORE;
  }
  return NG_OK;
}

static ng_status
open_once(const char *path, ng_store_backend backend, double wait,
          ng_store **out, char *err)
{
  ng_store *st;
  char opts[PATH_MAX + 128];
  int exists = 0;
  ng_status rc;

  *out = NULL;
  if(backend != NG_STORE_MEMORY && (!path || !*path)) {
    ngi_store_errf(err, "no store path given");
    return NG_EUSAGE;
  }
  if(backend == NG_STORE_SQLITE) {
    rc = check_path(path, &exists, err);
    if(rc != NG_OK)
      return rc;
  }
  st = calloc(1, sizeof *st);
  if(!st) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  st->backend = backend;
  st->wait = wait;
  if(path && backend != NG_STORE_MEMORY) {
    st->path = ngi_str_dup(path);
    if(!st->path)
      goto nomem;
  }
  st->world = librdf_new_world();
  if(!st->world)
    goto nomem;
  librdf_world_open(st->world);
  librdf_world_set_logger(st->world, st, store_logger);
  if (backend == NG_STORE_SQLITE)
    ngi_store_modules(st->world);

  switch(backend) {
  case NG_STORE_SQLITE:
    snprintf(opts, sizeof opts, "contexts='yes',synchronous='normal'%s",
             exists ? "" : ",new='yes'");
    st->storage = librdf_new_storage(st->world, "sqlite", path, opts);
    break;
  case NG_STORE_BDB: {
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    struct stat sb;
    size_t dl = slash ? (size_t)(slash - path) : 1;

    if(dl >= sizeof dir)
      dl = sizeof dir - 1;
    memcpy(dir, slash ? path : ".", dl);
    dir[dl] = '\0';
    if(!dir[0])
      snprintf(dir, sizeof dir, "/");
    /* bdb stores are several files NAME-*.db beside each other */
    snprintf(opts, sizeof opts, "%s-sp2o.db", path);
    exists = stat(opts, &sb) == 0;
    snprintf(opts, sizeof opts,
             "hash-type='bdb',dir='%s',contexts='yes'%s", dir,
             exists ? "" : ",new='yes'");
    st->storage = librdf_new_storage(st->world, "hashes",
                                     slash ? slash + 1 : path, opts);
    break;
  }
  case NG_STORE_MEMORY:
  default:
    st->storage = librdf_new_storage(st->world, "hashes", "ng-memory",
                                     "hash-type='memory',contexts='yes'");
    break;
  }
  if(st->storage)
    st->model = librdf_new_model(st->world, st->storage, NULL);
  if(!st->storage || !st->model) {
    if(backend == NG_STORE_MEMORY)
      ngi_store_log_err(st, "cannot create a memory store", err);
    else
      ngi_store_errf(err, "cannot open store '%.200s'%s%.280s", path,
                     st->log.errors ? ": " : "", st->log.msg);
    ng_store_free(st);
    return NG_ESTORE;
  }
  if(backend == NG_STORE_SQLITE) {
    rc = ensure_indexes(path, st->wait, err);
    if(rc != NG_OK) {
      ng_store_free(st);
      return rc;
    }
  }
  if(ngi_source_install(st)) {
    ngi_store_errf(err, "cannot set up SPARQL over store '%.200s'",
                   path ? path : "(memory)");
    ng_store_free(st);
    return NG_ESTORE;
  }
  *out = st;
  return NG_OK;

nomem:
  ng_store_free(st);
  ngi_store_errf(err, "out of memory");
  return NG_ENOMEM;
}

/* ------------------------------------------------------------ waiting */

/* librdf sets no busy timeout on its sqlite connection, so a store that
 * another process holds locked fails at once with SQLITE_BUSY ("database
 * is locked").  Every write is one transaction, undone when it fails, so
 * the whole operation can run again: wait_again sleeps (10 ms, doubling
 * up to 250 ms) and says whether there is time left of the store's wait.
 * The waiter is in store.h, since write.c's writes wait too. */

/* Start waiting; returns err, or a buffer of w's when err is NULL. */
char *
ngi_store_wait_start(ngi_waiter *w, char *err)
{
  clock_gettime(CLOCK_MONOTONIC, &w->start);
  w->delay_ms = 10;
  return err ? err : w->err;
}

static int
is_busy(ng_status rc, const char *err)
{
  return rc == NG_ESTORE && err &&
         (strstr(err, "database is locked") || strstr(err, "is busy") ||
          strstr(err, "(5)"));
}

/* After a failure rc with message err: 1 to try again (having slept),
 * 0 to give up (err then says how long was waited). */
static int
wait_again(ngi_waiter *w, double wait, ng_status rc, char *err)
{
  struct timespec now, nap;
  double spent, left;
  char tmp[NG_ERRLEN];

  if(!is_busy(rc, err))
    return 0;
  clock_gettime(CLOCK_MONOTONIC, &now);
  spent = (double)(now.tv_sec - w->start.tv_sec) +
          (double)(now.tv_nsec - w->start.tv_nsec) / 1e9;
  left = wait - spent;
  if(left <= 0) {
    if(wait > 0) {
      snprintf(tmp, sizeof tmp, "%s (still locked after waiting %.0f s)",
               err, spent);
      memcpy(err, tmp, NG_ERRLEN);
    }
    return 0;
  }
  if((double)w->delay_ms / 1000 > left)
    w->delay_ms = (long)(left * 1000) + 1;
  nap.tv_sec = w->delay_ms / 1000;
  nap.tv_nsec = (w->delay_ms % 1000) * 1000000L;
  nanosleep(&nap, NULL);
  if(w->delay_ms < 250)
    w->delay_ms = w->delay_ms * 2 > 250 ? 250 : w->delay_ms * 2;
  return 1;
}

/* A write of st failed with rc: 1 when it should run again (sqlite,
 * busy, time left; having slept).  err must not be NULL. */
int
ngi_store_write_again(ng_store *st, ngi_waiter *w, ng_status rc, char *err)
{
  return st->backend == NG_STORE_SQLITE && wait_again(w, st->wait, rc, err);
}

ng_status
ng_store_open_wait(const char *path, ng_store_backend backend, double wait,
                   ng_store **out, char *err)
{
  ngi_waiter w;
  ng_status rc;

  if(wait < 0)
    wait = 0;
  err = ngi_store_wait_start(&w, err);
  do
    rc = open_once(path, backend, wait, out, err);
  while(rc != NG_OK && backend == NG_STORE_SQLITE &&
        wait_again(&w, wait, rc, err));
  return rc;
}

ng_status
ng_store_open(const char *path, ng_store_backend backend, ng_store **out,
              char *err)
{
  return ng_store_open_wait(path, backend, NG_STORE_WAIT, out, err);
}

void
ng_store_free(ng_store *st)
{
  size_t i;

  if(!st)
    return;
  ngi_source_free(st->source);
  ngi_sqlw_free(st->sqlw);
  if(st->model)
    librdf_free_model(st->model);
  if(st->storage)
    librdf_free_storage(st->storage);
  if(st->world)
    librdf_free_world(st->world);
  for(i = 0; i < st->ngraphs; i++)
    free(st->graphs[i]);
  free(st->graphs);
  free(st->path);
  free(st);
}

/* ------------------------------------------------------------ reading */

ng_status
ng_store_graphs(ng_store *st, char ***iris, size_t *n, char *err)
{
  librdf_iterator *it;
  char **v = NULL;
  size_t k = 0, cap = 0;

  *iris = NULL;
  *n = 0;
  if(st->backend == NG_STORE_MEMORY) {
    v = calloc(st->ngraphs ? st->ngraphs : 1, sizeof *v);
    if(!v)
      goto nomem;
    for(k = 0; k < st->ngraphs; k++) {
      v[k] = ngi_str_dup(st->graphs[k]);
      if(!v[k])
        goto nomem;
    }
    *iris = v;
    *n = k;
    return NG_OK;
  }
  ngi_store_log_reset(st);
  it = librdf_model_get_contexts(st->model);
  if(!it) {
    ngi_store_log_err(st, "cannot list graphs", err);
    return NG_ESTORE;
  }
  for(; !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);
    if(!c || !librdf_node_is_resource(c))
      continue;
    if(k == cap) {
      size_t nc = cap ? 2 * cap : 16;
      char **nv = realloc(v, nc * sizeof *nv);
      if(!nv) {
        librdf_free_iterator(it);
        goto nomem;
      }
      v = nv;
      cap = nc;
    }
    v[k] = ngi_str_dup((const char *)librdf_uri_as_string(
      librdf_node_get_uri(c)));
    if(!v[k]) {
      librdf_free_iterator(it);
      goto nomem;
    }
    k++;
  }
  librdf_free_iterator(it);
  if(st->log.errors) {
    while(k > 0)
      free(v[--k]);
    free(v);
    return ngi_store_read_failed(st, "cannot list graphs", NG_ESTORE, err);
  }
  *iris = v;
  *n = k;
  return NG_OK;

nomem:
  while(k > 0)
    free(v[--k]);
  free(v);
  ngi_store_errf(err, "out of memory");
  return NG_ENOMEM;
}

ng_status
ng_store_count(ng_store *st, const char *graph_iri, size_t *n, char *err)
{
  librdf_node *ctx;
  librdf_stream *str;
  size_t k = 0;
  int sz;

  *n = 0;
  ngi_store_log_reset(st);
  if(!graph_iri) {
    sz = librdf_model_size(st->model);
    if(sz >= 0) {
      *n = (size_t)sz;
      return NG_OK;
    }
    str = librdf_model_as_stream(st->model);
  } else {
    ctx = ngi_store_iri_node(st, graph_iri, err);
    if(!ctx)
      return NG_EUSAGE;
    str = librdf_model_context_as_stream(st->model, ctx);
    librdf_free_node(ctx);
  }
  if(!str) {
    ngi_store_log_err(st, "cannot read the store", err);
    return NG_ESTORE;
  }
  for(; !librdf_stream_end(str); librdf_stream_next(str))
    k++;
  librdf_free_stream(str);
  if(st->log.errors)
    return ngi_store_read_failed(st, "cannot read the store", NG_ESTORE,
                                 err);
  *n = k;
  return NG_OK;
}

/* One COUNT(DISTINCT) query; the answer is its first binding. */
static ng_status
count_query(ng_store *st, const char *q, size_t *n, char *err)
{
  librdf_query *query;
  librdf_query_results *res;
  librdf_node *v;
  ng_status rc = NG_OK;

  *n = 0;
  ngi_store_log_reset(st);
  query = librdf_new_query(st->world, "sparql11-query", NULL,
                           (const unsigned char *)q, NULL);
  if(!query) {
    ngi_store_log_err(st, "cannot count", err);
    return NG_EQUERY;
  }
  res = librdf_model_query_execute(st->model, query);
  if(!res) {
    ngi_store_log_err(st, "cannot count", err);
    librdf_free_query(query);
    return NG_EQUERY;
  }
  if(!librdf_query_results_finished(res)) {
    v = librdf_query_results_get_binding_value(res, 0);
    if(v && librdf_node_is_literal(v)) {
      const char *s = (const char *)librdf_node_get_literal_value(v);
      char *end;
      unsigned long long x;

      errno = 0;
      x = strtoull(s, &end, 10);
      if(errno || *end)
        rc = NG_EQUERY;
      else
        *n = (size_t)x;
    }
    if(v)
      librdf_free_node(v);
  }
  librdf_free_query_results(res);
  librdf_free_query(query);
  if(st->log.errors)
    return ngi_store_read_failed(st, "cannot count", NG_EQUERY, err);
  if(rc != NG_OK)
    ngi_store_errf(err, "cannot count: unexpected answer");
  return rc;
}

ng_status
ng_store_get_stats(ng_store *st, ng_store_stats *out, char *err)
{
  static const struct { const char *cls; size_t off; } kinds[] = {
    { "Article", offsetof(ng_store_stats, articles) },
    { "Person", offsetof(ng_store_stats, persons) },
    { "Organization", offsetof(ng_store_stats, organizations) },
    { "Statement", offsetof(ng_store_stats, statements) },
    { "Agreement", offsetof(ng_store_stats, agreements) },
  };
  char q[512];
  char **iris = NULL;
  size_t i, n = 0;
  ng_status rc;

  memset(out, 0, sizeof *out);
  for(i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    static const char *const stmt[] = { NG_NS "Statement",
                                        NG_NS "DirectQuote",
                                        NG_NS "ReportedSpeech" };
    size_t *slot = (size_t *)((char *)out + kinds[i].off);
    const char *one = NULL;
    char cls[256];
    /* the sqlite store: one SQL count (rasqal's DISTINCT of ten thousand
     * rows takes seconds) */
    if(st->backend == NG_STORE_SQLITE) {
      int is_stmt = !strcmp(kinds[i].cls, "Statement");
      snprintf(cls, sizeof cls, NG_NS "%s", kinds[i].cls);
      one = cls;
      ngi_store_log_reset(st);
      if(!ngi_source_count_typed(st, is_stmt ? stmt : &one,
                                 is_stmt ? 3 : 1, slot))
        continue;
      if(st->log.errors)
        return ngi_store_read_failed(st, "cannot count", NG_ESTORE, err);
    }
    /* ng:Statement has subclasses DirectQuote and ReportedSpeech; the
     * extractor types statements with those, so count all three. */
    /* COUNT of a SELECT DISTINCT: rasqal 0.9.33's COUNT(DISTINCT ?x)
     * over a UNION counts duplicates (tests/rasqal-bugs/) */
    if(!strcmp(kinds[i].cls, "Statement"))
      snprintf(q, sizeof q,
               "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x WHERE { "
               "{ ?x a <" NG_NS "Statement> } UNION "
               "{ ?x a <" NG_NS "DirectQuote> } UNION "
               "{ ?x a <" NG_NS "ReportedSpeech> } } }");
    else
      snprintf(q, sizeof q,
               "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x WHERE "
               "{ ?x a <" NG_NS "%s> } }", kinds[i].cls);
    rc = count_query(st, q, (size_t *)((char *)out + kinds[i].off), err);
    if(rc != NG_OK)
      return rc;
  }
  rc = ng_store_count(st, NULL, &out->triples, err);
  if(rc != NG_OK)
    return rc;
  rc = ng_store_graphs(st, &iris, &n, err);
  if(rc != NG_OK)
    return rc;
  for(i = 0; i < n; i++)
    free(iris[i]);
  free(iris);
  out->graphs = n;
  return NG_OK;
}
