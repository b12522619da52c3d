/* source.h - store/: what rasqal matches triple patterns against
 * (source.c: the sqlite store read directly, the default graph as a set)
 * and the order the patterns of a basic graph pattern are matched in
 * (plan.c).  Internal to store/.
 */
#ifndef NG_STORE_SOURCE_H
#define NG_STORE_SOURCE_H

#include <stdint.h>

#include <rasqal.h>
#include <sqlite3.h>

#include "store.h"

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
