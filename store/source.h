/* source.h - store/: what rasqal matches triple patterns against
 * (source.c: the sqlite store read directly, the default graph as a set;
 * sqlread.c: its read connection, ids <-> terms, counts)
 * and the order the patterns of a basic graph pattern are matched in
 * (plan.c).  Internal to store/.
 */
#ifndef NG_STORE_SOURCE_H
#define NG_STORE_SOURCE_H

#include <stdint.h>

#include <rasqal.h>
#include <sqlite3.h>

#include "idmap.h"
#include "store.h"

/* The read connection (sqlread.c), shared with the matching (source.c).
 * Statement variants: subject none/uri/blank, predicate none/uri, object
 * none/uri/blank/literal, graph default/one/any. */
#define NVARIANT (3 * 2 * 4 * 3)
#define POOL 8

struct ngi_source {
  ng_store *st;
  sqlite3 *db;
  rasqal_world *rw;
  raptor_world *raw;
  ngi_idmap nodes;                    /* node key -> id, id key -> literal */
  sqlite3_stmt *pool[NVARIANT][POOL]; /* free prepared statements */
  sqlite3_stmt *get_uri, *get_blank, *get_lit;
  sqlite3_stmt *id_uri, *id_blank, *id_lit, *id_lit_dt;
  int failed;
};

/* Kinds of store terms. */
enum { NGI_K_NONE = 0, NGI_K_URI, NGI_K_BLANK, NGI_K_LIT };

/* SQL conditions on a bound subject (by kind: none, uri, blank) and
 * object (none, uri, blank, literal). */
extern const char *const ngi_s_cond[3];
extern const char *const ngi_o_cond[4];

/* st's read connection, opened at the first query (st->source); NULL
 * when the file cannot be opened. */
ngi_source *ngi_source_open(ng_store *st);

/* Prepare sql on db into *out: 0, or non-zero on failure. */
int ngi_source_prep(sqlite3 *db, const char *sql, sqlite3_stmt **out);

/* A read of db failed: record it as st's logged error. */
void ngi_source_read_error(ng_store *st, sqlite3 *db);

/* The store id of a rasqal term, with its kind (NGI_K_*); -1 when the
 * store has no such term, -2 on out of memory. */
int64_t ngi_source_term_id(ngi_source *s, rasqal_literal *l, int *kind);

/* A new reference to the rasqal term of store term (kind, id), or NULL. */
rasqal_literal *ngi_source_id_term(ngi_source *s, int kind, int64_t id);

/* Make st's rasqal world use our triples source; 0 on success. */
int ngi_source_install(ng_store *st);

/* Close the source's read connection (st->source). */
void ngi_source_free(ngi_source *s);

/* The source's read connection to st's sqlite file (opened on first
 * use); NULL when it cannot be opened. */
sqlite3 *ngi_source_db(ng_store *st);

#define NGI_RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

/* The distinct subjects typed with any of classes[0..n-1] (IRIs; n at
 * most 8) in the sqlite store st, into *out: 0; -1 when st is no sqlite
 * store, and on a read error (then logged in st->log). */
int ngi_source_count_typed(ng_store *st, const char *const *classes,
                           size_t n, size_t *out);

/* How many triples match the constants c[0..2] (subject, predicate,
 * object; NULL where the pattern has a variable), capped at 1,000,000;
 * 0 when a constant is not in the store. */
int64_t ngi_source_estimate(ngi_source *s, rasqal_literal *c[3]);

/* Before q runs: work around rasqal's COUNT(DISTINCT) (see plan.c); and
 * when s is not NULL put the triple patterns of every basic graph pattern
 * of q in the order of their estimated matches, rarest first, then
 * rebuild rasqal's record of where each variable is first bound. */
void ngi_plan_query(rasqal_query *q, ngi_source *s, rasqal_world *w);

#endif /* NG_STORE_SOURCE_H */
