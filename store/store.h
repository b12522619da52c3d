/* store.h - store/: the embedded triple store and SPARQL over it.
 * store.c opens the store, waits for its lock and reads it, write.c
 * changes it (sqlw.c writes the sqlite tables), query.c runs SPARQL
 * through rasqal with our own triples source (source.c: the default
 * graph as a set; sqlread.c its connection) and basic graph patterns put
 * in order first (plan.c);
 * idmap.c is their term -> row id hash.  The interface of the folder for
 * link/ and net/ (push reads the store's graphs); the public API is the
 * ng_store_* part of include/newsgraph.h ("store and endpoints").  store/
 * builds on graph/ and nothing else of ours.
 */
#ifndef NG_STORE_H
#define NG_STORE_H

#include <time.h>

#include <redland.h>

#include "newsgraph.h"

/* One message recorded by the store's librdf logger. */
typedef struct ngi_logbuf {
  int errors;          /* number of errors (and worse) seen since reset */
  char msg[NG_ERRLEN]; /* the first one, with its line when known */
} ngi_logbuf;

typedef struct ngi_source ngi_source; /* source.c */
typedef struct ngi_sqlw ngi_sqlw;     /* sqlw.c */

struct ng_store {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  ng_store_backend backend;
  double wait;         /* seconds a locked sqlite file is waited for */
  char *path;          /* NULL for the in-memory store */
  ngi_logbuf log;
  int allow_service;   /* SERVICE in queries (ng_store_allow_service) */
  char **graphs;       /* load order of the named graphs (memory store) */
  size_t ngraphs, capgraphs;
  ngi_source *source;    /* SPARQL's read connection (source.c) */
  librdf_model *base_model; /* the store's own model (not a view) */
  ngi_sqlw *sqlw;        /* the sqlite store's writer (sqlw.c) */
};

/* Waiting for a store that another process holds locked (store.c). */
typedef struct ngi_waiter {
  struct timespec start;
  long delay_ms;
  char err[NG_ERRLEN]; /* for a caller that passed no err */
} ngi_waiter;

/* Start waiting; returns err, or a buffer of w's when err is NULL. */
char *ngi_store_wait_start(ngi_waiter *w, char *err);

/* A write of st failed with rc: 1 when it should run again (sqlite,
 * busy, time left; having slept).  err must not be NULL. */
int ngi_store_write_again(ng_store *st, ngi_waiter *w, ng_status rc,
                          char *err);

/* Remember the graph order of a memory store (so pushes follow the order
 * the files were given in); -1 on out of memory. */
int ngi_store_note_graph(ng_store *st, const char *iri);

/* The node of a graph IRI, or NULL with err set. */
librdf_node *ngi_store_iri_node(ng_store *st, const char *iri, char *err);

/* Register the sqlite storage in a world that librdf left without it (a
 * second world alive at once: modules.c). */
void ngi_store_modules(librdf_world *w);

librdf_world *ngi_store_world(ng_store *st);
librdf_model *ngi_store_model(ng_store *st);

/* Forget earlier logged errors before an operation. */
void ngi_store_log_reset(ng_store *st);

/* Write into err "PREFIX: <first logged error>" or "PREFIX" when none. */
void ngi_store_log_err(ng_store *st, const char *prefix, char *err);

/* A read of st logged errors: NG_ESTORE with "the store is damaged" when
 * sqlite's quick_check of the file fails, else rc with "PREFIX: <logged
 * error>". */
ng_status ngi_store_read_failed(ng_store *st, const char *prefix,
                                ng_status rc, char *err);

/* snprintf into err (NG_ERRLEN bytes) when err is not NULL. */
void ngi_store_errf(char *err, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;

/* Checks before raptor or rasqal sees text (guard.c).  Language tags of
 * more than NGI_LANGTAG_MAX bytes are refused (raptor 2.0.15 overflows a
 * heap block at 256). */
#define NGI_LANGTAG_MAX 64
#define NGI_LANGTAG_MAX_S "64"
/* What raptor 2.0.15 takes time worse than linear on: a long N-Triples
 * line (a 4 MB literal took 38 s), many prefixes (40,000: 12 s), deep
 * RDF/XML (8,000 levels: 9.5 s).  And RDF files' default size limit. */
#define NGI_RDF_MAX_LINE (1u << 20)
#define NGI_RDF_MAX_LINE_S "1048576"
#define NGI_RDF_MAX_PREFIXES 2000
#define NGI_RDF_MAX_PREFIXES_S "2000"
#define NGI_RDF_MAX_DEPTH 1000
#define NGI_RDF_MAX_DEPTH_S "1000"
#define NGI_RDF_MAX_BYTES ((size_t)1 << 30)
/* librdf's sqlite store merges blank node labels that share about their
 * first 230 bytes */
#define NGI_BNODE_MAX 200
#define NGI_BNODE_MAX_S "200"

/* 1 when syntax is one of the RDF syntaxes the guard knows. */
int ngi_syntax_guarded(const char *syntax);

/* Scan *fhp (the file path names; at most max_bytes, 0: 1 GiB) and
 * rewind it; a pipe is copied into a
 * temporary file that replaces *fhp.  NG_EINPUT with err set when the
 * text is refused. */
ng_status ngi_guard_rdf(FILE **fhp, const char *path, const char *syntax,
                        size_t max_bytes, char *err);

/* NG_EQUERY with err set when a query is refused: long language tags,
 * STRLANG with a computed tag, SERVICE (unless allow_service; then only
 * http and https IRIs). */
ng_status ngi_guard_sparql(const char *query, int allow_service, char *err);

/* Write SELECT or ASK results in format (table, json, xml, csv, tsv;
 * NULL: table), as the W3C result formats say (results.c). */
ng_status ngi_results_write(ng_store *st, librdf_query_results *res,
                            const char *format, FILE *out, char *err);

#endif /* NG_STORE_H */
