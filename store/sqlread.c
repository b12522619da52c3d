/* sqlread.c - the SPARQL source's read connection to the sqlite store
 * (source.c matches the patterns): opening it, store ids to rasqal terms
 * and back (through an idmap), the counts the planner (plan.c) and
 * `stats` ask for.  Read errors are recorded as the store's logged error.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "idmap.h"
#include "source.h"
#include "util/str.h"

const char *const ngi_s_cond[3] = { "", " AND subjectUri=?",
                                    " AND subjectBlank=?" };
const char *const ngi_o_cond[4] = { "", " AND objectUri=?",
                                    " AND objectBlank=?",
                                    " AND objectLiteral=?" };

/* ------------------------------------------------------------ connection */

void
ngi_source_free(ngi_source *s)
{
  size_t i, j;

  if(!s)
    return;
  for(i = 0; i < NVARIANT; i++)
    for(j = 0; j < POOL; j++)
      sqlite3_finalize(s->pool[i][j]);
  sqlite3_finalize(s->get_uri);
  sqlite3_finalize(s->get_blank);
  sqlite3_finalize(s->get_lit);
  sqlite3_finalize(s->id_uri);
  sqlite3_finalize(s->id_blank);
  sqlite3_finalize(s->id_lit);
  sqlite3_finalize(s->id_lit_dt);
  ngi_idmap_clear(&s->nodes);
  sqlite3_close(s->db);
  free(s);
}

/* A read failed (a damaged file, an I/O error): record it as the store's
 * logged error, so the query fails (ngi_store_read_failed then checks the
 * file) instead of answering with the rows read so far. */
void
ngi_source_read_error(ng_store *st, sqlite3 *db)
{
  if(!st->log.errors++)
    snprintf(st->log.msg, sizeof st->log.msg, "sqlite: %s",
             sqlite3_errmsg(db));
}

int
ngi_source_prep(sqlite3 *db, const char *sql, sqlite3_stmt **out)
{
  return sqlite3_prepare_v2(db, sql, -1, out, NULL) != SQLITE_OK;
}

/* The read connection, opened at the first query of a sqlite store. */
ngi_source *
ngi_source_open(ng_store *st)
{
  ngi_source *s;

  if(st->source)
    return st->source;
  s = calloc(1, sizeof *s);
  if(!s)
    return NULL;
  s->st = st;
  s->rw = librdf_world_get_rasqal(st->world);
  s->raw = rasqal_world_get_raptor(s->rw);
  if(sqlite3_open_v2(st->path, &s->db, SQLITE_OPEN_READONLY, NULL) !=
       SQLITE_OK) {
    ngi_source_free(s);
    return NULL;
  }
  sqlite3_busy_timeout(s->db, st->wait > 0 ? (int)(st->wait * 1000) : 0);
  /* 256 MiB of mmap and 64 MiB of page cache: librdf's connection has
   * sqlite's 2 MiB default, ~80,000 pread calls per 10 s on the corpus */
  sqlite3_exec(s->db, "PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536;"
               " PRAGMA temp_store=MEMORY;", NULL, NULL, NULL);
  if(ngi_source_prep(s->db, "SELECT uri FROM uris WHERE id=?", &s->get_uri) ||
     ngi_source_prep(s->db, "SELECT blank FROM blanks WHERE id=?", &s->get_blank) ||
     ngi_source_prep(s->db, "SELECT l.text, l.language, u.uri FROM literals l"
          " LEFT JOIN uris u ON u.id = l.datatype WHERE l.id=?",
          &s->get_lit) ||
     ngi_source_prep(s->db, "SELECT id FROM uris WHERE uri=? LIMIT 1", &s->id_uri) ||
     ngi_source_prep(s->db, "SELECT id FROM blanks WHERE blank=? LIMIT 1",
          &s->id_blank) ||
     ngi_source_prep(s->db, "SELECT id FROM literals WHERE text=? AND language IS ?"
          " AND datatype IS NULL LIMIT 1", &s->id_lit) ||
     ngi_source_prep(s->db, "SELECT id FROM literals WHERE text=? AND language IS ?"
          " AND datatype=? LIMIT 1", &s->id_lit_dt)) {
    ngi_source_free(s);
    return NULL;
  }
  st->source = s;
  return s;
}

sqlite3 *
ngi_source_db(ng_store *st)
{
  ngi_source *s = ngi_source_open(st);

  return s ? s->db : NULL;
}

/* ------------------------------------------------------------ ids <-> terms */


/* One id query with a text parameter (and more); -1 when absent. */
static int64_t
run_id(ngi_source *s, sqlite3_stmt *q)
{
  int64_t id = -1;
  int rc = sqlite3_step(q);

  if(rc == SQLITE_ROW)
    id = sqlite3_column_int64(q, 0);
  else if(rc != SQLITE_DONE)
    ngi_source_read_error(s->st, s->db);
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  return id;
}

static int64_t
uri_id(ngi_source *s, const char *uri)
{
  char *key = ngi_str_cat2("U", uri);
  ngi_ident *e;
  int64_t id;

  if(!key)
    return -2;
  e = ngi_idmap_find(&s->nodes, key);
  if(e) {
    free(key);
    return e->id;
  }
  sqlite3_bind_text(s->id_uri, 1, uri, -1, SQLITE_STATIC);
  id = run_id(s, s->id_uri);
  e = ngi_idmap_put(&s->nodes, key);
  free(key);
  if(!e)
    return -2;
  e->id = id;
  return id;
}

/* The store id of a rasqal term, with its kind; -1 when the store has no
 * such term (nothing can match), -2 on out of memory. */
int64_t
ngi_source_term_id(ngi_source *s, rasqal_literal *l, int *kind)
{
  rasqal_literal *n;
  int64_t id = -1;

  switch(l->type) {
  case RASQAL_LITERAL_URI:
    *kind = NGI_K_URI;
    return uri_id(s, (const char *)raptor_uri_as_string(l->value.uri));
  case RASQAL_LITERAL_BLANK:
    *kind = NGI_K_BLANK;
    sqlite3_bind_text(s->id_blank, 1, (const char *)l->string, -1,
                      SQLITE_STATIC);
    return run_id(s, s->id_blank);
  default:
    break;
  }
  *kind = NGI_K_LIT;
  n = rasqal_literal_as_node(l);
  if(!n)
    return -1;
  if(n->type == RASQAL_LITERAL_URI || n->type == RASQAL_LITERAL_BLANK) {
    id = ngi_source_term_id(s, n, kind);
  } else {
    sqlite3_stmt *q = s->id_lit;
    int64_t dt = -1;
    if(n->datatype) {
      dt = uri_id(s, (const char *)raptor_uri_as_string(n->datatype));
      q = s->id_lit_dt;
    }
    if(!n->datatype || dt >= 0) {
      sqlite3_bind_text(q, 1, (const char *)n->string, (int)n->string_len,
                        SQLITE_STATIC);
      if(n->language)
        sqlite3_bind_text(q, 2, n->language, -1, SQLITE_STATIC);
      if(n->datatype)
        sqlite3_bind_int64(q, 3, dt);
      id = run_id(s, q);
    }
  }
  rasqal_free_literal(n);
  return id;
}

static char *
dup_col(sqlite3_stmt *q, int col)
{
  const unsigned char *t = sqlite3_column_text(q, col);
  int n = sqlite3_column_bytes(q, col);
  char *p;

  if(!t)
    return NULL;
  p = malloc((size_t)n + 1);
  if(p) {
    memcpy(p, t, (size_t)n);
    p[n] = '\0';
  }
  return p;
}

/* A new reference to the rasqal literal of store term (kind, id). */
rasqal_literal *
ngi_source_id_term(ngi_source *s, int kind, int64_t id)
{
  char key[32];
  ngi_ident *e;
  rasqal_literal *l = NULL;
  sqlite3_stmt *q;
  int rc;

  snprintf(key, sizeof key, "#%d:%lld", kind, (long long)id);
  e = ngi_idmap_find(&s->nodes, key);
  if(e && e->lit)
    return rasqal_new_literal_from_literal(e->lit);
  q = kind == NGI_K_URI ? s->get_uri : kind == NGI_K_BLANK ? s->get_blank
                                                   : s->get_lit;
  sqlite3_bind_int64(q, 1, id);
  if((rc = sqlite3_step(q)) == SQLITE_ROW) {
    if(kind == NGI_K_URI) {
      raptor_uri *u = raptor_new_uri(s->raw, sqlite3_column_text(q, 0));
      if(u)
        l = rasqal_new_uri_literal(s->rw, u);
    } else if(kind == NGI_K_BLANK) {
      char *b = dup_col(q, 0);
      if(b)
        l = rasqal_new_simple_literal(s->rw, RASQAL_LITERAL_BLANK,
                                      (unsigned char *)b);
    } else {
      char *text = dup_col(q, 0);
      char *lang = dup_col(q, 1);
      raptor_uri *dt = NULL;
      if(sqlite3_column_type(q, 2) != SQLITE_NULL)
        dt = raptor_new_uri(s->raw, sqlite3_column_text(q, 2));
      if(!text)
        text = ngi_str_dup("");
      if(lang && !*lang) {
        free(lang);
        lang = NULL;
      }
      if(text)
        l = rasqal_new_string_literal(s->rw, (unsigned char *)text, lang,
                                      dt, NULL);
      else {
        free(lang);
        if(dt)
          raptor_free_uri(dt);
      }
    }
  }
  if(rc != SQLITE_ROW)
    ngi_source_read_error(s->st, s->db);
  sqlite3_reset(q);
  if(!l)
    return NULL;
  e = ngi_idmap_put(&s->nodes, key);
  if(e && !e->lit)
    e->lit = rasqal_new_literal_from_literal(l);
  return l;
}

/* ------------------------------------------------------------ counts */

int
ngi_source_count_typed(ng_store *st, const char *const *classes, size_t n,
                       size_t *out)
{
  ngi_source *s = st->backend == NG_STORE_SQLITE ? ngi_source_open(st) : NULL;
  sqlite3_stmt *q = NULL;
  size_t i;
  int rc;

  *out = 0;
  if(!s || n == 0 || n > 8)
    return -1;
  if(ngi_source_prep(s->db, "SELECT COUNT(*) FROM (SELECT DISTINCT subjectUri,"
          " subjectBlank FROM triples WHERE predicateUri = (SELECT id FROM"
          " uris WHERE uri = '" NGI_RDF_TYPE "') AND objectUri IN (SELECT id"
          " FROM uris WHERE uri IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)))", &q)) {
    ngi_source_read_error(st, s->db);
    return -1;
  }
  for(i = 0; i < n; i++)
    sqlite3_bind_text(q, (int)i + 1, classes[i], -1, SQLITE_STATIC);
  rc = sqlite3_step(q);
  if(rc == SQLITE_ROW)
    *out = (size_t)sqlite3_column_int64(q, 0);
  else
    ngi_source_read_error(st, s->db);
  sqlite3_finalize(q);
  return rc == SQLITE_ROW ? 0 : -1;
}

/* ------------------------------------------------------------ planner stats */

int64_t
ngi_source_estimate(ngi_source *s, rasqal_literal *c[3])
{
  char sql[256], key[96];
  int kind[3] = { 0, 0, 0 }, i, col = 1;
  int64_t id[3] = { 0, 0, 0 }, n = 0;
  sqlite3_stmt *q;
  ngi_ident *e;

  for(i = 0; i < 3; i++)
    if(c[i]) {
      id[i] = ngi_source_term_id(s, c[i], &kind[i]);
      if(id[i] == -1)
        return 0;  /* not in the store: nothing matches */
      if(id[i] < 0)
        return INT64_MAX / 4;
    }
  snprintf(key, sizeof key, "E%d:%lld:%d:%lld:%d:%lld", kind[0],
           (long long)id[0], kind[1], (long long)id[1], kind[2],
           (long long)id[2]);
  e = ngi_idmap_find(&s->nodes, key);
  if(e)
    return e->id;
  snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM (SELECT 1 FROM triples"
           " WHERE 1%s%s%s LIMIT 1000000)",
           ngi_s_cond[kind[0] == NGI_K_URI ? 1 : kind[0] == NGI_K_BLANK ? 2 : 0],
           c[1] ? " AND predicateUri=?" : "", ngi_o_cond[c[2] ? kind[2] : 0]);
  if(ngi_source_prep(s->db, sql, &q))
    return INT64_MAX / 4;
  for(i = 0; i < 3; i++)
    if(c[i])
      sqlite3_bind_int64(q, col++, id[i]);
  if(sqlite3_step(q) == SQLITE_ROW)
    n = sqlite3_column_int64(q, 0);
  else
    ngi_source_read_error(s->st, s->db);
  sqlite3_finalize(q);
  e = ngi_idmap_put(&s->nodes, key);
  if(e)
    e->id = n;
  return n;
}
