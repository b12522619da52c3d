/* sqlw.c - writing the sqlite store straight into librdf's tables (uris,
 * blanks, literals, triples), on a connection of our own, for write.c's
 * transactions.
 *
 * Why: librdf's sqlite storage builds and parses SQL text for every
 * statement it adds (58 % of `load` was sqlite3_prepare_v2) and looks each
 * node up again.  Here each statement is prepared once per store, node ids
 * are remembered for the life of the store (ids are never reused: nothing
 * deletes from the node tables), and a transaction is BEGIN IMMEDIATE ..
 * COMMIT as before, so a killed load still leaves the store as it was.
 * The rows are exactly those librdf writes (NULL in the unused columns,
 * NULL language and datatype when absent), so librdf reads them back.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "idmap.h"
#include "sqlw.h"

enum { Q_URI_GET, Q_URI_ADD, Q_BLANK_GET, Q_BLANK_ADD, Q_LIT_GET, Q_LIT_ADD,
       Q_TRIPLE_ADD, Q_CLEAR, NQ };

static const char *const sql[NQ] = {
  "SELECT id FROM uris WHERE uri=? LIMIT 1",
  "INSERT INTO uris (uri) VALUES (?)",
  "SELECT id FROM blanks WHERE blank=? LIMIT 1",
  "INSERT INTO blanks (blank) VALUES (?)",
  "SELECT id FROM literals WHERE text=?1 AND language IS ?2"
  " AND datatype IS ?3 LIMIT 1",
  "INSERT INTO literals (text, language, datatype) VALUES (?1, ?2, ?3)",
  "INSERT INTO triples (subjectUri, subjectBlank, predicateUri, objectUri,"
  " objectBlank, objectLiteral, contextUri)"
  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM"
  " triples WHERE contextUri=?7 AND subjectUri IS ?1 AND subjectBlank IS ?2"
  " AND predicateUri=?3 AND objectLiteral IS ?6 AND objectUri IS ?4"
  " AND objectBlank IS ?5)",
  "DELETE FROM triples WHERE contextUri=?",
};

struct ngi_sqlw {
  sqlite3 *db;
  sqlite3_stmt *q[NQ];
  ngi_idmap ids;
  int in_txn;
};

void
ngi_sqlw_free(ngi_sqlw *w)
{
  int i;

  if(!w)
    return;
  for(i = 0; i < NQ; i++)
    sqlite3_finalize(w->q[i]);
  ngi_idmap_clear(&w->ids);
  sqlite3_close(w->db);
  free(w);
}

static ng_status
db_err(ngi_sqlw *w, const char *what, char *err)
{
  ngi_store_errf(err, "%s: %s (%d)", what, sqlite3_errmsg(w->db),
                 sqlite3_errcode(w->db));
  return NG_ESTORE;
}

/* The writer of st, opened at its first write. */
static ngi_sqlw *
writer(ng_store *st, char *err)
{
  ngi_sqlw *w = st->sqlw;
  int i;

  if(w)
    return w;
  w = calloc(1, sizeof *w);
  if(!w) {
    ngi_store_errf(err, "out of memory");
    return NULL;
  }
  if(sqlite3_open_v2(st->path, &w->db, SQLITE_OPEN_READWRITE, NULL) !=
     SQLITE_OK) {
    ngi_store_errf(err, "cannot open store '%s': %s", st->path,
                   w->db ? sqlite3_errmsg(w->db) : "out of memory");
    ngi_sqlw_free(w);
    return NULL;
  }
  /* waiting for a lock is write.c's (ngi_store_write_again) */
  sqlite3_busy_timeout(w->db, 0);
  sqlite3_exec(w->db, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
               " PRAGMA temp_store=MEMORY;", NULL, NULL, NULL);
  for(i = 0; i < NQ; i++)
    if(sqlite3_prepare_v2(w->db, sql[i], -1, &w->q[i], NULL) != SQLITE_OK) {
      db_err(w, "cannot prepare a store write", err);
      ngi_sqlw_free(w);
      return NULL;
    }
  st->sqlw = w;
  return w;
}

ng_status
ngi_sqlw_begin(ng_store *st, char *err)
{
  ngi_sqlw *w = writer(st, err);

  if(!w)
    return NG_ESTORE;
  if(sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return db_err(w, "cannot start a transaction", err);
  w->in_txn = 1;
  return NG_OK;
}

ng_status
ngi_sqlw_commit(ng_store *st, char *err)
{
  ngi_sqlw *w = st->sqlw;

  if(!w || !w->in_txn)
    return NG_OK;
  if(sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    ng_status rc = db_err(w, "cannot commit", err);
    ngi_sqlw_rollback(st);
    return rc;
  }
  w->in_txn = 0;
  return NG_OK;
}

void
ngi_sqlw_rollback(ng_store *st)
{
  ngi_sqlw *w = st->sqlw;

  if(!w || !w->in_txn)
    return;
  sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
  w->in_txn = 0;
  /* ids added in the transaction are gone with it */
  ngi_idmap_clear(&w->ids);
}

/* Step a statement that returns at most one id; -1 when none. */
static int64_t
step_id(sqlite3_stmt *q, int *failed)
{
  int64_t id = -1;
  int rc = sqlite3_step(q);

  if(rc == SQLITE_ROW)
    id = sqlite3_column_int64(q, 0);
  else if(rc != SQLITE_DONE)
    *failed = 1;
  sqlite3_reset(q);
  return id;
}

/* The id of a term, added to its table when new; -1 on error. */
static int64_t
term_id(ngi_sqlw *w, int get, int add, const char *key, const char *text,
        size_t len, const char *lang, int64_t dt)
{
  ngi_ident *e = ngi_idmap_find(&w->ids, key);
  int failed = 0, i;
  int64_t id;

  if(e && e->id >= 0)
    return e->id;
  for(i = 0; i < 2; i++) {
    sqlite3_stmt *q = w->q[i ? add : get];
    sqlite3_bind_text(q, 1, text, (int)len, SQLITE_STATIC);
    if(get == Q_LIT_GET) {
      if(lang)
        sqlite3_bind_text(q, 2, lang, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null(q, 2);
      if(dt >= 0)
        sqlite3_bind_int64(q, 3, dt);
      else
        sqlite3_bind_null(q, 3);
    }
    id = step_id(q, &failed);
    sqlite3_clear_bindings(q);
    if(failed)
      return -1;
    if(i == 1)
      id = sqlite3_last_insert_rowid(w->db);
    if(id >= 0)
      break;
  }
  e = ngi_idmap_put(&w->ids, key);
  if(e)
    e->id = id;
  return id;
}

static char *
make_key(char kind, const char *a, const char *b, const char *c)
{
  size_t la = strlen(a), lb = b ? strlen(b) : 0, lc = c ? strlen(c) : 0;
  char *k = malloc(la + lb + lc + 4);

  if(!k)
    return NULL;
  k[0] = kind;
  memcpy(k + 1, b ? b : "", lb);
  k[1 + lb] = '\x01';
  memcpy(k + 2 + lb, c ? c : "", lc);
  k[2 + lb + lc] = '\x01';
  memcpy(k + 3 + lb + lc, a, la + 1);
  return k;
}

static int64_t
uri_id(ngi_sqlw *w, const char *uri)
{
  char *key = make_key('U', uri, NULL, NULL);
  int64_t id;

  if(!key)
    return -1;
  id = term_id(w, Q_URI_GET, Q_URI_ADD, key, uri, strlen(uri), NULL, -1);
  free(key);
  return id;
}

/* The id of node n; *col is 0 uri, 1 blank, 2 literal. */
static int64_t
node_id(ngi_sqlw *w, librdf_node *n, int *col)
{
  char *key;
  int64_t id, dt = -1;

  if(librdf_node_is_resource(n)) {
    *col = 0;
    return uri_id(w, (const char *)librdf_uri_as_string(
                       librdf_node_get_uri(n)));
  }
  if(librdf_node_is_blank(n)) {
    const char *b = (const char *)librdf_node_get_blank_identifier(n);
    *col = 1;
    key = make_key('B', b, NULL, NULL);
    if(!key)
      return -1;
    id = term_id(w, Q_BLANK_GET, Q_BLANK_ADD, key, b, strlen(b), NULL, -1);
  } else {
    size_t len = 0;
    const char *t = (const char *)
      librdf_node_get_literal_value_as_counted_string(n, &len);
    const char *lang = librdf_node_get_literal_value_language(n);
    librdf_uri *du = librdf_node_get_literal_value_datatype_uri(n);
    const char *ds = du ? (const char *)librdf_uri_as_string(du) : NULL;
    *col = 2;
    if(!t)
      t = "";
    if(ds && (dt = uri_id(w, ds)) < 0)
      return -1;
    if(memchr(t, '\0', len)) /* keys are C strings */
      len = strlen(t);
    key = make_key('L', t, lang, ds);
    if(!key)
      return -1;
    id = term_id(w, Q_LIT_GET, Q_LIT_ADD, key, t, len, lang, dt);
  }
  free(key);
  return id;
}

ng_status
ngi_sqlw_clear(ng_store *st, const char *graph_iri, char *err)
{
  ngi_sqlw *w = st->sqlw;
  sqlite3_stmt *q = w->q[Q_CLEAR];
  int64_t g = uri_id(w, graph_iri);
  int rc;

  if(g < 0)
    return db_err(w, "cannot replace graph", err);
  sqlite3_bind_int64(q, 1, g);
  rc = sqlite3_step(q);
  sqlite3_reset(q);
  if(rc != SQLITE_DONE)
    return db_err(w, "cannot replace graph", err);
  return NG_OK;
}

ng_status
ngi_sqlw_add(ng_store *st, const char *graph_iri, librdf_statement *s,
             char *err)
{
  ngi_sqlw *w = st->sqlw;
  sqlite3_stmt *q = w->q[Q_TRIPLE_ADD];
  int cs = 0, cp = 0, co = 0, rc;
  int64_t g, sid, pid, oid;

  g = uri_id(w, graph_iri);
  sid = node_id(w, librdf_statement_get_subject(s), &cs);
  pid = node_id(w, librdf_statement_get_predicate(s), &cp);
  oid = node_id(w, librdf_statement_get_object(s), &co);
  if(g < 0 || sid < 0 || pid < 0 || oid < 0)
    return db_err(w, "cannot add a statement", err);
  sqlite3_bind_int64(q, cs == 0 ? 1 : 2, sid);
  sqlite3_bind_int64(q, 3, pid);
  sqlite3_bind_int64(q, co == 0 ? 4 : co == 1 ? 5 : 6, oid);
  sqlite3_bind_int64(q, 7, g);
  rc = sqlite3_step(q);
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  if(rc != SQLITE_DONE)
    return db_err(w, "cannot add a statement", err);
  return NG_OK;
}
