/* sqlw.h - store/: writes of the sqlite store straight into librdf's
 * tables on a connection of our own (sqlw.c), for write.c's
 * transactions.  Internal to store/.
 */
#ifndef NG_STORE_SQLW_H
#define NG_STORE_SQLW_H

#include "store.h"

/* BEGIN IMMEDIATE on st's writer (opened at the first write). */
ng_status ngi_sqlw_begin(ng_store *st, char *err);

/* COMMIT (undone on failure); ROLLBACK. */
ng_status ngi_sqlw_commit(ng_store *st, char *err);
void ngi_sqlw_rollback(ng_store *st);

/* Remove every statement of graph graph_iri; add statement s to it (once:
 * a statement already in the graph is not added again).  Inside a
 * transaction. */
ng_status ngi_sqlw_clear(ng_store *st, const char *graph_iri, char *err);
ng_status ngi_sqlw_add(ng_store *st, const char *graph_iri,
                       librdf_statement *s, char *err);

/* Close st's writer (st->sqlw). */
void ngi_sqlw_free(ngi_sqlw *w);

#endif /* NG_STORE_SQLW_H */
